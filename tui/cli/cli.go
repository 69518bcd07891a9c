// Package cli is afterview's command line: the root command and what every
// command shares (this file), and the commands themselves, by what they
// hold: apps.go (add, edit, log, archive, …), reports.go (chase, list, show,
// events), data.go (import, export, backup, ics), upkeep.go (config, doctor,
// demo), cmd_offers.go, cmd_insights.go, man.go, theme.go and version.go.
// The command afterview (the repository's main.go) only calls Main.
//
// The rules live in timeline, the data in store, and how things look in tui
// (tui/report*.go for the plain-text reports); this package parses flags,
// opens the store and hands what it reads to them.
package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"regexp"
	"runtime/debug"
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

// Main runs the command line as the process afterview: args (without the
// program's name), the standard streams, the environment and the clock as
// main passes them. It returns the exit status (see exitStatus).
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string, now func() time.Time) int {
	reportGC = lazyGC
	err := run(args, stdin, stdout, stderr, getenv, now)
	return exitStatus(err, stderr)
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

// reportGC is called by the commands that print a report and exit (chase,
// list, offers, stats, activity): Main sets it to lazyGC; in tests, which run many commands in
// one process, it does nothing.
var reportGC = func() {}

// lazyGC lets the heap grow to 32 MiB before the first collection, and to
// nine times what is live after it: a report is printed and the process gone
// before collecting more often would pay for itself (chase on 10,000
// applications collected twice for a heap of 5 MB; stats spent a sixth of
// its time collecting, for 6 MB more at its peak).
func lazyGC() { debug.SetGCPercent(800) }

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
	theme     themeChoice   // the colour theme (theme.go)
}

// rootCmd builds the command tree.
func (c *cli) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "afterview",
		Short: "Track job applications after the interview, and know what to chase",
		Long: `afterview tracks where each job application stands — applied, interview booked,
debrief, decision, reply, follow up, waiting, offer, checks; or ghosted, rejected —
against the windows employers state, and tells you whom to chase and when. You log
what happens; the stage and the next action follow. Every window is a setting
(afterview config --help lists them, ghost_followups, ghost_applied_days and
applied_followup_bd among them).

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
		{"reports", "Reports:", []*cobra.Command{c.chaseCmd(), c.listCmd(), c.showCmd(), c.eventsCmd(), c.offersCmd(), c.statsCmd(), c.activityCmd()}},
		{"data", "Data in and out:", []*cobra.Command{c.importCmd(), c.exportCmd(), c.icsCmd(), c.backupCmd()}},
		{"upkeep", "Settings and upkeep:", []*cobra.Command{c.configCmd(), c.doctorCmd(), c.versionCmd(), c.demoCmd(), c.manCmd()}},
	} {
		root.AddGroup(&cobra.Group{ID: g.id, Title: g.title})
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
	if err := c.resolveTheme(); err != nil {
		return err
	}
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
	return c.opened(store.Open(path, c.todayFunc()))
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
	return c.opened(store.Open(path, c.todayFunc()))
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
	} else {
		c.theme.current().Apply(r)
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
	return startTUI(st, tui.Options{Today: c.todayFunc(), FixedToday: c.fixed, Theme: c.theme.current()})
}

// Writing to stdout or to a file, for the commands that write data out.

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
