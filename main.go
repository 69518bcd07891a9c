// Command afterview tracks job applications after the interview: where each
// one stands against the windows employers state (debrief, decision, reply,
// offer, reapply) and what to chase today. Run it with no command for the
// interactive view; `afterview chase` prints what is due; `afterview --help`
// lists every command.
//
// This package is the command line: flags, subcommands and wiring (this file
// holds the root command and what every command shares; apps.go, reports.go
// and the others hold the commands). The rules live in timeline, the data in
// store, and how things look in tui (tui/report*.go for the plain-text
// reports).
package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/afterview/afterview/store"
	"github.com/afterview/afterview/timeline"
	"github.com/afterview/afterview/tui"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/term"
	"github.com/muesli/termenv"
	"github.com/spf13/cobra"
)

func main() {
	err := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv, time.Now)
	os.Exit(exitStatus(err, os.Stderr))
}

// run runs the command line args with the given standard streams,
// environment and clock, and returns what went wrong, if anything (see
// exitStatus).
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string, now func() time.Time) error {
	c := &cli{stdin: stdin, stdout: stdout, stderr: stderr, getenv: getenv, now: now}
	root := c.rootCmd()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	return root.Execute()
}

// exitError is an error with an exit status other than 1; an empty message
// means the command has already said all there is to say.
type exitError struct {
	code int
	msg  string
}

// Error returns the message (empty when the command has already spoken).
func (e *exitError) Error() string { return e.msg }

// errNoTerminal is returned where the interactive view cannot run.
var errNoTerminal = &exitError{code: 2, msg: "no terminal here; use `afterview chase` or `afterview list`"}

// exitStatus prints err as one line on stderr and returns the process's exit
// status: 0 for no error, 1 for most, an exitError's own code otherwise.
func exitStatus(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	code := 1
	var ee *exitError
	if errors.As(err, &ee) {
		code = ee.code
	}
	// Errors echo paths, flag values and file contents: sanitised like all user text.
	if msg := tui.Sanitize(strings.ReplaceAll(strings.TrimSpace(err.Error()), "\n", "; ")); msg != "" {
		fmt.Fprintln(stderr, "afterview: "+msg)
	}
	return code
}

// cli holds one run's streams, environment, clock and global flags.
type cli struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
	now    func() time.Time // the one clock: today, and the calendar feed's stamp

	dbFlag    string
	todayFlag string
	today     timeline.Date // resolved before any command runs
	fixed     bool          // today was given (--today or AFTERVIEW_TODAY), not read from the clock
}

// rootCmd builds the command tree.
func (c *cli) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "afterview",
		Short: "Track job applications after the interview, and know what to chase",
		Long: `afterview tracks where each job application stands after the interview — debrief,
decision, reply, offer, checks — against the windows employers state, and tells you
whom to chase and when. You log what happens; the stage and the next action follow.

Run it with no command for the interactive view (on a terminal).

Environment: AFTERVIEW_DB (the database file), AFTERVIEW_TODAY (act as if today were
that date), NO_COLOR (plain output).`,
		Example: `  afterview add --company Acme --role "SDE II" --interviewed -3d --recruiter "Pat Lee"
  afterview chase
  afterview --today 2026-12-04 chase     # what will be due on that day?`,
		Version:                    versionString(),
		SuggestionsMinimumDistance: 2,
		SilenceUsage:               true,
		SilenceErrors:              true,
		Args:                       unknownCommand,
		PersistentPreRunE:          c.resolveToday,
		RunE:                       c.runTUI,
	}
	root.SetVersionTemplate("afterview {{.Version}}\n")
	root.SetFlagErrorFunc(flagError)
	pf := root.PersistentFlags()
	pf.StringVar(&c.dbFlag, "db", "", "the database file (default: $AFTERVIEW_DB, else afterview/afterview.db in the XDG data directory)")
	pf.StringVar(&c.todayFlag, "today", "", "act as if today were this date: YYYY-MM-DD, or relative to the real date, e.g. fri or +7d (default: $AFTERVIEW_TODAY, else the local date)")

	for _, g := range []struct {
		id, title string
		cmds      []*cobra.Command
	}{
		{"apps", "Applications:", []*cobra.Command{c.addCmd(), c.logCmd(), c.unlogCmd(), c.editCmd(), c.archiveCmd(true), c.archiveCmd(false), c.deleteCmd()}},
		{"reports", "Reports:", []*cobra.Command{c.chaseCmd(), c.listCmd(), c.showCmd(), c.eventsCmd(), c.statsCmd(), c.activityCmd()}},
		// Data in and out (issue 6): import, export, ics and backup go here,
		// using c.openStore / c.openExisting, c.parseDate and c.report().
		{"data", "Data in and out:", []*cobra.Command{c.importCmd(), c.exportCmd(), c.icsCmd(), c.backupCmd()}},
		{"upkeep", "Settings and upkeep:", []*cobra.Command{c.configCmd(), c.doctorCmd(), c.versionCmd(), c.demoCmd(), c.manCmd()}},
	} {
		if len(g.cmds) > 0 {
			root.AddGroup(&cobra.Group{ID: g.id, Title: g.title})
		}
		for _, cmd := range g.cmds {
			cmd.GroupID = g.id
			root.AddCommand(cmd)
		}
	}
	return root
}

// unknownCommand rejects arguments to the bare command in one line, with a
// suggestion when the word is close to a command's name.
func unknownCommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	hint := ""
	if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
		hint = " (did you mean " + strings.Join(s, " or ") + "?)"
	}
	return fmt.Errorf("unknown command %q%s; afterview --help lists the commands", args[0], hint)
}

// badFlagValue matches pflag's message for a number it could not parse. It is
// compiled on the first flag error, not at start-up: every command would pay.
var badFlagValue = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^invalid argument "(.*)" for "(?:-\w, )?(--[\w-]+)" flag: strconv\.Parse\w+: .*$`)
})

// flagError makes a flag parsing error one plain line that says where to look.
func flagError(cmd *cobra.Command, err error) error {
	msg := err.Error()
	if m := badFlagValue().FindStringSubmatch(msg); m != nil {
		msg = fmt.Sprintf("%s: %q is not a whole number", m[2], m[1])
	}
	return fmt.Errorf("%s (see %s --help)", msg, cmd.CommandPath())
}

// args checks a command's positional arguments, naming what is missing.
func args(names ...string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		switch {
		case len(args) < len(names):
			return fmt.Errorf("missing %s (usage: %s)", names[len(args)], cmd.UseLine())
		case len(args) > len(names):
			return fmt.Errorf("unexpected argument %q (usage: %s)", args[len(names)], cmd.UseLine())
		}
		return nil
	}
}

// The positional arguments, as error messages name them.
const (
	argID      = "the application ID (afterview list shows them)"
	argEventID = "the EVENT_ID (afterview events ID shows them)"
)

// parseID reads a positive id.
func parseID(s, what string) (int64, error) {
	n, err := strconv.ParseInt(strings.TrimPrefix(strings.TrimSpace(s), "#"), 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("%q is not %s id: give a number such as 3 (%s)", s, what, map[string]string{
			"an application": "afterview list shows them", "an event": "afterview events ID shows them"}[what])
	}
	return n, nil
}

// resolveToday works out today from --today, else AFTERVIEW_TODAY, else the
// clock (c.now).
func (c *cli) resolveToday(cmd *cobra.Command, _ []string) error {
	clock := timeline.DateOf(c.now())
	s, src := c.todayFlag, "--today"
	if !cmd.Flags().Changed("today") {
		s, src = c.getenv("AFTERVIEW_TODAY"), "AFTERVIEW_TODAY"
		if strings.TrimSpace(s) == "" {
			c.today = clock
			return nil
		}
	}
	d, err := timeline.ParseDateRel(s, clock, false)
	if err != nil {
		return fmt.Errorf("%s: %w", src, err)
	}
	c.today, c.fixed = d, true
	return nil
}

// todayFunc is today as the store and the TUI ask for it: fixed when given,
// else the local date at the moment of asking (the TUI may run past midnight).
func (c *cli) todayFunc() func() timeline.Date {
	if c.fixed {
		d := c.today
		return func() timeline.Date { return d }
	}
	return func() timeline.Date { return timeline.DateOf(c.now()) }
}

// parseDate reads a date flag relative to today (see timeline.ParseDateRel):
// past is true for when something happened, false for deadlines.
func (c *cli) parseDate(flag, s string, past bool) (timeline.Date, error) {
	d, err := timeline.ParseDateRel(s, c.today, past)
	if err != nil {
		return 0, fmt.Errorf("--%s: %w", flag, err)
	}
	return d, nil
}

// dbPath is --db, else AFTERVIEW_DB, else the default file.
func (c *cli) dbPath(cmd *cobra.Command) (string, error) {
	if cmd.Flags().Changed("db") {
		if strings.TrimSpace(c.dbFlag) == "" {
			return "", errors.New("--db is empty: give the database file's path")
		}
		return c.dbFlag, nil
	}
	if p := c.getenv("AFTERVIEW_DB"); strings.TrimSpace(p) != "" {
		return p, nil
	}
	return store.DefaultPath(), nil
}

// openStore opens the database, creating it if there is none.
func (c *cli) openStore(cmd *cobra.Command) (*store.Store, error) {
	path, err := c.dbPath(cmd)
	if err != nil {
		return nil, err
	}
	return store.Open(path, c.todayFunc())
}

// noDBError says that the database file does not exist yet; commands that
// only read treat it as empty rather than create a file.
type noDBError struct{ path string }

// Error says there is no database yet and what to do.
func (e *noDBError) Error() string {
	return fmt.Sprintf("no afterview database at %s yet: add an application first (afterview add --help), or pick another file with --db", e.path)
}

// openExisting opens the database for a command that reads, or changes what
// is there: it never creates a file, and returns a *noDBError when there is none.
func (c *cli) openExisting(cmd *cobra.Command) (*store.Store, error) {
	path, err := c.dbPath(cmd)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, &noDBError{path}
	}
	return store.Open(path, c.todayFunc())
}

// isNoDB reports whether err says the database does not exist yet.
func isNoDB(err error) bool {
	var e *noDBError
	return errors.As(err, &e)
}

// terminal returns stdout's file descriptor when stdout is a terminal.
func (c *cli) terminal() (uintptr, bool) { return isTerminal(c.stdout) }

// isTerminal reports whether w is a terminal, with its file descriptor; a
// variable so that tests can pretend.
var isTerminal = func(w io.Writer) (uintptr, bool) {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return 0, false
	}
	return f.Fd(), true
}

// report returns the renderer for stdout: colours and the terminal's width on
// a terminal, plain text without a width limit when piped or under NO_COLOR
// (which keeps the width).
func (c *cli) report() tui.Report {
	r := lipgloss.NewRenderer(c.stdout)
	width, plain := 0, true
	if fd, ok := c.terminal(); ok {
		if w, _, err := term.GetSize(fd); err == nil && w > 0 {
			width = w
		}
		plain = c.getenv("NO_COLOR") != ""
	}
	if plain {
		r.SetColorProfile(termenv.Ascii)
	}
	return tui.Report{Styles: tui.NewStyles(r), Today: c.today, Width: width, Plain: plain}
}

// print writes s to stdout.
func (c *cli) print(s string) error {
	_, err := io.WriteString(c.stdout, s)
	return err
}

// withStore runs f on the existing database and closes it.
func (c *cli) withStore(cmd *cobra.Command, f func(st *store.Store) error) error {
	st, err := c.openExisting(cmd)
	if err != nil {
		return err
	}
	defer st.Close()
	return f(st)
}

// onID is the body of the commands that act on one application or event by
// the id in their first argument (what names the id in errors: "an
// application", "an event"): it opens the existing database, runs do with the
// id and prints what do returns.
func (c *cli) onID(what string, do func(st *store.Store, id int64) (string, error)) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, a []string) error {
		id, err := parseID(a[0], what)
		if err != nil {
			return err
		}
		return c.withStore(cmd, func(st *store.Store) error {
			out, err := do(st, id)
			if err != nil {
				return err
			}
			return c.print(out)
		})
	}
}

// changed is the line printed after a change to application id: what
// happened (verb), and the application's stage and next action now.
func (c *cli) changed(st *store.Store, id int64, verb string) (string, error) {
	d, err := st.Derive(id)
	if err != nil {
		return "", err
	}
	return c.report().Logged(verb, d.Entry), nil
}

// startTUI runs the interactive view; a variable so that tests can stand in
// for it.
var startTUI = func(st *store.Store, opts tui.Options) error { return tui.Run(st, opts) }

// runTUI is the bare command: the interactive view on the database.
func (c *cli) runTUI(cmd *cobra.Command, _ []string) error {
	if _, ok := c.terminal(); !ok {
		return errNoTerminal
	}
	st, err := c.openStore(cmd)
	if err != nil {
		return err
	}
	defer st.Close()
	return startTUI(st, tui.Options{Today: c.todayFunc(), FixedToday: c.fixed})
}

func (c *cli) configCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "config [KEY [VALUE]]",
		Short: "Show or change the settings (the windows)",
		Long: `With no arguments, list every setting with its value, unit and meaning. With KEY,
print its value. With KEY VALUE, set it; every application is derived again.

Settings: ` + strings.Join(timeline.SettingKeys(), ", ") + `.`,
		Example: `  afterview config
  afterview config reply_max_bd 10
  afterview config holidays US`,
		Args: func(cmd *cobra.Command, a []string) error {
			if len(a) > 2 {
				return fmt.Errorf("unexpected argument %q (usage: %s)", a[2], cmd.UseLine())
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, a []string) error {
			if len(a) > 0 {
				if _, err := timeline.DefaultSettings().Get(a[0]); err != nil {
					return err
				}
			}
			st, err := c.openExisting(cmd)
			if err != nil && !isNoDB(err) {
				return err
			}
			if len(a) == 2 {
				if st == nil {
					// Check against the defaults before creating the file.
					set := timeline.DefaultSettings()
					if err := set.Set(a[0], a[1]); err != nil {
						return err
					}
					if err := set.Validate(); err != nil {
						return err
					}
					if st, err = c.openStore(cmd); err != nil {
						return err
					}
				}
				defer st.Close()
				if err := st.SetSetting(a[0], a[1]); err != nil {
					return err
				}
				set, err := st.Settings()
				if err != nil {
					return err
				}
				return c.print(c.report().SettingLine(a[0], set))
			}
			set := timeline.DefaultSettings()
			if st != nil {
				defer st.Close()
				if set, err = st.Settings(); err != nil {
					return err
				}
			}
			if len(a) == 1 {
				v, err := set.Get(a[0])
				if err != nil {
					return err
				}
				return c.print(v + "\n")
			}
			return c.print(c.report().Settings(set))
		},
	}
}

func (c *cli) doctorCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "doctor",
		Short: "Check the database file and that every kept summary matches a fresh derivation",
		Long: `Check the database: SQLite's integrity check of the whole file (a damaged file is
reported with what is wrong), then every application's kept summary (stage, next
action, due date) must equal a fresh derivation from its events. Prints each problem
and exits 1 if there is any. A file cut short is refused before it is opened.`,
		Example: "  afterview doctor",
		Args:    args(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := c.openExisting(cmd)
			var noDB *noDBError
			if errors.As(err, &noDB) {
				return c.print(fmt.Sprintf("no database at %s yet; nothing to check\n", noDB.path))
			} else if err != nil {
				return err
			}
			defer st.Close()
			problems, err := st.Integrity()
			if err != nil {
				return err
			}
			if len(problems) > 0 {
				if err := c.print(tui.SanitizeText(strings.Join(problems, "\n") + "\n")); err != nil {
					return err
				}
				return fmt.Errorf("%s is damaged: SQLite's integrity check found %d problems (above); restore a backup, or export what still reads", st.Path(), len(problems))
			}
			diffs, err := st.Check()
			if err != nil {
				return err
			}
			if len(diffs) == 0 {
				return c.print(fmt.Sprintf("ok: %s passes SQLite's integrity check, and every kept summary matches a fresh derivation\n", st.Path()))
			}
			if err := c.print(strings.Join(diffs, "\n") + "\n"); err != nil {
				return err
			}
			return fmt.Errorf("%d kept summaries differ from a fresh derivation (please report this)", len(diffs))
		},
	}
}

func (c *cli) versionCmd() *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print afterview's version",
		Example: "  afterview version",
		Args:    args(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return c.print("afterview " + versionString() + "\n")
		},
	}
}

func (c *cli) demoCmd() *cobra.Command {
	var apps int
	var noTUI, backlog bool
	cmd := &cobra.Command{
		Use:   "demo [flags]",
		Short: "Try afterview on sample applications",
		Long: `Open the interactive view on a temporary database filled with sample applications in
every stage (dated relative to today). With --db FILE the samples are written to that
new file, which must not exist yet (AFTERVIEW_DB is ignored here, so your own
database is never touched); --no-tui only writes it. --backlog writes a long
search that was never tidied up instead: most applications overdue, none
archived (the worst case, for timing).`,
		Example: `  afterview demo
  afterview demo --db /tmp/demo.db --apps 10000 --no-tui
  afterview demo --db /tmp/backlog.db --apps 10000 --backlog --no-tui`,
		Args: args(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if apps < 1 || apps > 1000000 {
				return fmt.Errorf("--apps: %d is out of range (1 to 1000000)", apps)
			}
			given := cmd.Flags().Changed("db")
			if noTUI && !given {
				return errors.New("demo --no-tui writes the samples to a file: give it with --db FILE")
			}
			if _, ok := c.terminal(); !ok && !noTUI {
				return errNoTerminal
			}
			path := c.dbFlag
			if given {
				if strings.TrimSpace(path) == "" {
					return errors.New("--db is empty: give the database file's path")
				}
				if _, err := os.Stat(path); err == nil {
					return fmt.Errorf("%s already exists: demo writes a new database (remove it or give another --db)", path)
				}
			} else {
				dir, err := os.MkdirTemp("", "afterview-demo-")
				if err != nil {
					return err
				}
				defer os.RemoveAll(dir)
				path = dir + string(os.PathSeparator) + "demo.db"
			}
			st, err := store.Open(path, c.todayFunc())
			if err != nil {
				return err
			}
			defer st.Close()
			fill := store.FillDemo
			if backlog {
				fill = store.FillBacklog
			}
			if err := fill(st, apps); err != nil {
				return fmt.Errorf("fill %s with samples: %w", path, err)
			}
			if noTUI {
				return c.print(fmt.Sprintf("wrote %d sample applications to %s\n", apps, path))
			}
			return startTUI(st, tui.Options{Today: c.todayFunc(), FixedToday: c.fixed, Title: "demo"})
		},
	}
	cmd.Flags().IntVar(&apps, "apps", 30, "how many sample applications")
	cmd.Flags().BoolVar(&noTUI, "no-tui", false, "only write the database given with --db")
	cmd.Flags().BoolVar(&backlog, "backlog", false, "a long search never tidied up: most applications due, none archived")
	return cmd
}

// Data in and out (issue 6): export, import, ics and backup. The work is
// done in store (interchange.go, csv.go, ics.go, backup.go); these commands
// only read flags, open the database and say what happened.

// pickFormat returns "json", "csv" or "xlsx": the --format flag, else the fallback.
func pickFormat(flag, fallback string) (string, error) {
	if flag == "" {
		return fallback, nil
	}
	f := strings.ToLower(strings.TrimSpace(flag))
	if f != "json" && f != "csv" && f != "xlsx" {
		return "", fmt.Errorf("--format: %q is not json, csv or xlsx", flag)
	}
	return f, nil
}

// pathErr drops the path from an *fs.PathError: the caller names it.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// writeOutput writes what write produces to stdout ("" or "-"), through
// the sanitiser so that no escape sequence in the data reaches the terminal,
// or to the file path through the store's one atomic writer, which refuses
// the database and its files and never leaves half a file.
func (c *cli) writeOutput(st *store.Store, path string, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		if st == nil { // no database open (the man page): nothing of the user's to sanitise
			return write(c.stdout)
		}
		var b bytes.Buffer
		if err := write(&b); err != nil {
			return err
		}
		return c.print(tui.SanitizeText(b.String()))
	}
	if st == nil {
		return store.WriteFileAtomic(path, write)
	}
	return st.WriteFile(path, write)
}

func (c *cli) exportCmd() *cobra.Command {
	var format, out string
	var bom bool
	cmd := &cobra.Command{
		Use:   "export [--format json|csv|xlsx] [-o FILE]",
		Short: "Write everything as JSON (to import again), or for a spreadsheet (CSV, Excel)",
		Long: `Write the database to stdout, or to FILE with -o.

JSON (the default) is afterview's interchange format, ` + store.Format + `: every application,
archived ones too, with all its fields and its events with their extra fields, and the
settings. afterview import reads it back with nothing lost, and the same database
always gives the same bytes (applications by id, events in timeline order).

CSV is one row per application, for a spreadsheet: its fields with the stage, next
action and due date as of today. Dates are YYYY-MM-DD. --bom starts the file with a
byte-order mark, which Excel on Windows needs to read accents right.

xlsx is an Excel workbook (LibreOffice, Numbers and Google Sheets open it too): a sheet
of applications — fields, stage, next action, due date and the latest offer's terms —
and a sheet of every event, with real date cells, a header row and frozen panes.
afterview import reads it back with nothing lost but the settings.

The Stage and Next action columns use the words the app shows:
` + store.ExportWordsHelp() + `
With -o the format follows the file's extension (.csv, .json, .xlsx) unless --format
is given; the file is replaced whole, never left half-written.`,
		Example: `  afterview export -o afterview.json
  afterview export -o applications.xlsx
  afterview export -o applications.csv --bom    # for Excel on Windows
  afterview export | jq '.applications | length'`,
		Args: args(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			fallback := "json"
			switch strings.ToLower(filepath.Ext(out)) {
			case ".csv":
				fallback = "csv"
			case ".xlsx":
				fallback = "xlsx"
			}
			f, err := pickFormat(format, fallback)
			if err != nil {
				return err
			}
			if bom && f != "csv" {
				return fmt.Errorf("--bom is for CSV; this export is %s", f)
			}
			return c.withStore(cmd, func(st *store.Store) error {
				var info store.ExportInfo
				write := func(w io.Writer) error {
					var err error
					switch f {
					case "csv":
						info, err = st.ExportCSV(w, bom)
					case "xlsx":
						info, err = st.ExportXLSX(w)
					default:
						var b bytes.Buffer
						if info, err = st.ExportJSON(&b); err == nil {
							_, err = w.Write(tui.EscapeJSON(b.Bytes()))
						}
					}
					return err
				}
				var err error
				if bom && (out == "" || out == "-") {
					// The sanitiser drops a zero-width U+FEFF from text: the mark goes first, on its own.
					if err := c.print("\ufeff"); err != nil {
						return err
					}
					bom = false
				}
				if f == "xlsx" && (out == "" || out == "-") {
					// A workbook is binary, not text to sanitise: only for a pipe.
					if _, ok := c.terminal(); ok {
						return errors.New("an Excel workbook is not for the terminal: give -o FILE.xlsx, or pipe it")
					}
					err = write(c.stdout)
				} else {
					err = c.writeOutput(st, out, write)
				}
				if err != nil || out == "" || out == "-" {
					return err
				}
				return c.print(c.report().Exported(info, out, f))
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "", "json, csv or xlsx (default: from -o's extension, else json)")
	cmd.Flags().BoolVar(&bom, "bom", false, "CSV: start with a UTF-8 byte-order mark (for Excel on Windows)")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to `FILE` instead of stdout")
	return cmd
}

func (c *cli) importCmd() *cobra.Command {
	var format, dateFormat, sheet string
	var dryRun bool
	cmd := &cobra.Command{
		Use:   "import FILE [--format json|csv|xlsx] [--sheet NAME] [--date-format LAYOUT] [--dry-run]",
		Short: "Add applications from an export (JSON) or a spreadsheet (CSV, Excel)",
		Long: `Add the applications in FILE (- for stdin) in one transaction: when anything in the
file is wrong nothing is imported, and the error names the row or application, the
column or field, and the value. --dry-run shows what would be imported, writes nothing.

The format follows the extension (.json, .csv, .xlsx), else the content; or give --format.

JSON: a file written by afterview export. Into a new, empty database its settings
are restored too; a database in use keeps its own (the differences are listed).

CSV: a spreadsheet saved as CSV with a header row; each further row is an application.
Headers match ignoring case, spaces and punctuation; other columns are ignored:
` + store.CSVColumnsHelp() + `An interview date logs an interview on that day. Dates are YYYY-MM-DD, or the form
given with --date-format, made of:
` + store.DateFormatHelp() + `Cells may be quoted ("Acme, Inc."); the separator is a comma, or a semicolon or tab
when the header row uses those; a UTF-8 byte-order mark is fine.

xlsx: an Excel workbook, read like CSV: its first sheet, or the one named with
--sheet. Cells formatted as dates are dates, whatever the sheet shows; dates typed as
text follow --date-format. A workbook written by afterview export is read back with
its Events sheet: every application with all its events.

An application already in the database is skipped, not added twice: same company
and role (ignoring case and extra spaces), unless both have interviews and none on
the same day (applying to the same role again later is a new application). So
importing the same file twice adds nothing the second time.`,
		Example: `  afterview import afterview.json
  afterview import --dry-run applications.csv
  afterview import --date-format MM/DD/YYYY "Job search.csv"
  afterview import --date-format DD.MM.YYYY bewerbungen.csv
  afterview import "Job search.xlsx" --sheet "2026"
  pbpaste | afterview import - --format csv`,
		Args: args("the FILE to import (- for stdin)"),
		RunE: func(cmd *cobra.Command, a []string) error {
			df, err := store.ParseDateFormat(dateFormat)
			if err != nil {
				return fmt.Errorf("--date-format: %w", err)
			}
			name, label := a[0], a[0]
			var data []byte
			if name == "-" {
				label = "stdin"
				data, err = io.ReadAll(c.stdin)
			} else {
				data, err = os.ReadFile(name)
			}
			if err != nil {
				return fmt.Errorf("cannot read %s: %v", label, pathErr(err))
			}
			f, err := pickFormat(format, store.DetectFormat(name, data[:min(len(data), 512)]))
			if err != nil {
				return err
			}
			if sheet != "" && f != "xlsx" {
				return fmt.Errorf("--sheet is for Excel workbooks; %s is %s", label, f)
			}
			var b *store.Batch
			switch f {
			case "json":
				if dateFormat != "" {
					return fmt.Errorf("--date-format is for spreadsheets; %s is JSON, whose dates are always YYYY-MM-DD", label)
				}
				b, err = store.ReadJSON(bytes.NewReader(data))
			case "xlsx":
				b, err = store.ReadXLSX(bytes.NewReader(data), sheet, df)
			default:
				b, err = store.ReadCSV(bytes.NewReader(data), df)
			}
			switch {
			case errors.Is(err, store.ErrEmpty):
				return fmt.Errorf("%s is empty: nothing to import", label)
			case err != nil:
				return fmt.Errorf("%s: %w", label, err)
			case len(b.Apps) == 0 && b.Settings == nil:
				return c.print(fmt.Sprintf("nothing to import: %s holds no applications\n", label))
			}
			var res store.ImportResult
			if dryRun {
				st, err := c.openExisting(cmd)
				switch {
				case isNoDB(err):
					res, err = store.DryRunNew(b) // no database yet: do not make one
				case err == nil:
					defer st.Close()
					res, err = st.Import(b, true)
				}
				if err != nil {
					return fmt.Errorf("%s: %w", label, err)
				}
			} else {
				st, err := c.openStore(cmd)
				if err != nil {
					return err
				}
				defer st.Close()
				if res, err = st.Import(b, false); err != nil {
					return fmt.Errorf("%s: %w", label, err)
				}
			}
			return c.print(c.report().Import(label, b, res))
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&format, "format", "", "json, csv or xlsx (default: from the extension, else the content)")
	fl.StringVar(&sheet, "sheet", "", "xlsx: the sheet to read (default: the first)")
	fl.StringVar(&dateFormat, "date-format", "", "CSV, xlsx: how the sheet writes dates as text, e.g. MM/DD/YYYY or DD.MM.YYYY (YYYY-MM-DD always works)")
	fl.BoolVarP(&dryRun, "dry-run", "n", false, "show what would be imported; write nothing")
	return cmd
}

func (c *cli) icsCmd() *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "ics [-o FILE]",
		Short: "Write a calendar (.ics) of due dates and scheduled interviews",
		Long: `Write an iCalendar feed to stdout, or to FILE with -o: an all-day entry on the due date
of each next action — follow-up, offer deadline, on-hold check-in, reapply window
opening — and on the day of each scheduled (future) interview, for the applications
that are not archived. A snoozed application's entry moves to the day the snooze ends.

Entries keep their UID from one feed to the next (afterview-app-ID-next@afterview for
an application's next action, afterview-event-ID@afterview for an interview), so a
calendar that subscribes to the file, or imports it again, moves an entry when its
due date moves instead of adding a second one. Refresh the file after logging events,
e.g. from cron.`,
		Example: `  afterview ics -o ~/calendars/afterview.ics
  0 7 * * * afterview ics -o ~/calendars/afterview.ics    # crontab: every morning`,
		Args: args(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return c.withStore(cmd, func(st *store.Store) error {
				var n int
				err := c.writeOutput(st, out, func(w io.Writer) error {
					var err error
					n, err = st.WriteICS(w, c.now())
					return err
				})
				if err != nil || out == "" || out == "-" {
					return err
				}
				return c.print(c.report().WroteICS(n, out))
			})
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to `FILE` instead of stdout")
	return cmd
}

func (c *cli) backupCmd() *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "backup FILE [--force]",
		Short: "Copy the database safely, even while afterview is open",
		Long: `Write a consistent copy of the database to FILE with SQLite's VACUUM INTO: safe while
the interactive view or another afterview is running, it holds every change committed
before it began. The copy is checked, then put in place whole. FILE must not exist
unless --force is given, and is never the database itself.

To restore, either use the copy as it is: afterview --db FILE (or AFTERVIEW_DB=FILE);
or quit every afterview, move the database and its -wal and -shm files aside, and
copy FILE in its place.`,
		Example: `  afterview backup ~/backups/afterview-$(date +%F).db
  afterview backup /media/usb/afterview.db --force`,
		Args: args("the backup FILE to write"),
		RunE: func(cmd *cobra.Command, a []string) error {
			return c.withStore(cmd, func(st *store.Store) error {
				info, err := st.Backup(a[0], force)
				if err != nil {
					return err
				}
				return c.print(c.report().BackedUp(info))
			})
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "overwrite FILE if it exists")
	return cmd
}
