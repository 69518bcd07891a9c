package cli

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"

	"github.com/afterview/afterview/timeline"
	"github.com/muesli/mango"
	mcobra "github.com/muesli/mango-cobra"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// The man page: mango-cobra turns the command tree into a page model
// (synopsis, options, every command with its usage, options and examples);
// manRoff writes that model as roff that man and groff read without a
// warning. Each command's long description goes into its entry too, so that
// `man afterview` holds as much as every `afterview CMD --help`.

// manLineBreak stands for a line break inside a command's description while
// mango-cobra carries it: mango joins a command's lines into one (it expects
// a one-line summary), and manRoff splits them again.
const manLineBreak = "\u2028"

// manSections are the page's closing sections, after the commands.
var manSections = [][2]string{
	{"Environment", `AFTERVIEW_DB: the database file, when --db is not given.

AFTERVIEW_TODAY: act as if today were this date (as --today).

AFTERVIEW_THEME: auto, light or dark: the colours for a light or a dark terminal (as afterview config theme).

NO_COLOR: plain output, without colours.`},
	{"Files", `~/.local/share/afterview/afterview.db (under $XDG_DATA_HOME when that is set): the database, with the applications, their events and the settings, in one SQLite file.`},
	{"Exit status", `0 when the command did what it says; 1 when it could not, with one line on standard error saying what to do; 2 when the interactive view has no terminal.`},
	{"See also", `afterview --help and afterview COMMAND --help; afterview completion --help for the shell completions; crontab(5) for the nightly chase.`},
}

// writeManPage writes the roff man page of root and every command under it.
// date is the page's date (the build's commit time when known).
func writeManPage(w io.Writer, root *cobra.Command, version string, date time.Time) error {
	page, err := mcobra.NewManPage(1, root)
	if err != nil {
		return err
	}
	manFlagValues(&page.Root, root)
	for _, cmd := range root.Commands() {
		m := page.Root.Commands[cmd.Name()]
		if m == nil || cmd.Long == "" {
			continue
		}
		m.Short = cmd.Short + "." + manLineBreak + manLineBreak + strings.ReplaceAll(cmd.Long, "\n", manLineBreak)
	}
	// The root's examples get a section of their own, after the commands
	// (mango would put the first line in a paragraph tag).
	page.WithSection("Examples", page.Root.Example)
	page.Root.Example = ""
	for _, s := range manSections {
		page.WithSection(s[0], s[1])
	}
	_, err = io.WriteString(w, page.Build(&manRoff{date: date, source: "afterview " + version}))
	return err
}

// manFlagValues names each flag's value as --help does ("--output FILE",
// "--days int"), and drops the backquotes that mark the name in its usage.
func manFlagValues(m *mango.Command, c *cobra.Command) {
	for key, f := range m.Flags {
		pf := c.Flags().Lookup(key)
		if pf == nil {
			pf = c.PersistentFlags().Lookup(key)
		}
		if pf == nil {
			continue
		}
		name, usage := pflag.UnquoteUsage(pf)
		if name != "" {
			f.Name += " " + name
		}
		f.Usage = usage
		m.Flags[key] = f
	}
	for _, sub := range c.Commands() {
		if ms := m.Commands[sub.Name()]; ms != nil {
			manFlagValues(ms, sub)
		}
	}
}

// manRoff writes a mango page model as roff (man(7) macros). Text is filled
// paragraph by paragraph (a blank line starts a new one); lines that begin
// with a space (examples, lists of columns) are kept as they are.
type manRoff struct {
	b      strings.Builder
	date   time.Time
	source string
}

var _ mango.Builder = (*manRoff)(nil)

// line writes one line of roff, starting a new line first when needed.
func (r *manRoff) line(s string) {
	if out := r.b.String(); out != "" && !strings.HasSuffix(out, "\n") {
		r.b.WriteByte('\n')
	}
	r.b.WriteString(s + "\n")
}

// Heading writes the .TH line; mango's clock is ignored for the page's own date.
func (r *manRoff) Heading(section uint, title, description string, _ time.Time) {
	r.line(fmt.Sprintf(`.TH %s %d %q %q "User Commands"`, strings.ToUpper(title), section, r.date.Format(timeline.DateLayout), r.source))
}

// Paragraph starts a paragraph.
func (r *manRoff) Paragraph() { r.line(".PP") }

// Indent starts an indented block.
func (r *manRoff) Indent(n int) {
	if n >= 0 {
		r.line(fmt.Sprintf(".RS %d", n))
	} else {
		r.line(".RS")
	}
}

// IndentEnd ends an indented block.
func (r *manRoff) IndentEnd() { r.line(".RE") }

// TaggedParagraph starts a paragraph with a tag (the next line).
func (r *manRoff) TaggedParagraph(n int) {
	if n >= 0 {
		r.line(fmt.Sprintf(".TP %d", n))
	} else {
		r.line(".TP")
	}
}

// List writes one bulleted item.
func (r *manRoff) List(text string) {
	r.line(`.IP \(bu 3`)
	r.line(manEscape(strings.TrimSpace(text)))
}

// Section starts a section.
func (r *manRoff) Section(text string) { r.line(".SH " + strings.ToUpper(text)) }

// EndSection ends the current line.
func (r *manRoff) EndSection() {
	if out := r.b.String(); out != "" && !strings.HasSuffix(out, "\n") {
		r.b.WriteByte('\n')
	}
}

// Text writes text: filled paragraphs, and lines that start with a space kept
// as they are (no-fill).
func (r *manRoff) Text(text string) {
	text = strings.ReplaceAll(text, manLineBreak, "\n")
	atLineStart := r.b.Len() == 0 || strings.HasSuffix(r.b.String(), "\n")
	if !strings.Contains(text, "\n") && !(atLineStart && strings.HasPrefix(text, " ")) {
		// A run within a line (after a bold tag, say): continue it.
		if text = manEscape(text); strings.HasPrefix(text, " ") {
			text = `\&` + text
		}
		r.b.WriteString(text)
		return
	}
	r.EndSection()
	lines := strings.Split(strings.Trim(text, "\n"), "\n")
	verbatim := false
	for i, l := range lines {
		switch {
		case strings.TrimSpace(l) == "":
			if verbatim {
				r.line(".fi")
				verbatim = false
			}
			if i > 0 && strings.TrimSpace(lines[i-1]) != "" {
				r.line(".PP")
			}
		case strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t"):
			if !verbatim {
				r.line(".nf")
				verbatim = true
			}
			r.line(manEscape(strings.TrimRight(l, " ")))
		default:
			if verbatim {
				r.line(".fi")
				verbatim = false
			}
			r.line(manEscape(strings.TrimSpace(l)))
		}
	}
	if verbatim {
		r.line(".fi")
	}
}

// TextBold writes text in bold.
func (r *manRoff) TextBold(text string) {
	r.b.WriteString(`\fB`)
	r.Text(text)
	r.b.WriteString(`\fR`)
}

// TextItalic writes text in italics.
func (r *manRoff) TextItalic(text string) {
	r.b.WriteString(`\fI`)
	r.Text(text)
	r.b.WriteString(`\fR`)
}

// String returns the page.
func (r *manRoff) String() string { return r.b.String() }

// manEscape makes text safe as roff input: backslashes escaped, a leading
// dot or quote (which would start a request) defused, and minus signs that
// man pages mean as hyphen-minus (options, commands) written as \-, and
// every character beyond ASCII as a named glyph (\[u2014]).
func manEscape(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	s = strings.ReplaceAll(s, "-", `\-`)
	if strings.IndexFunc(s, func(r rune) bool { return r > unicode.MaxASCII }) >= 0 {
		var b strings.Builder
		for _, r := range s {
			if r > unicode.MaxASCII {
				fmt.Fprintf(&b, `\[u%04X]`, r) // groff and mandoc read any input as Latin-1 without this
			} else {
				b.WriteRune(r)
			}
		}
		s = b.String()
	}
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}

// manDate is the man page's date: the build's commit time when the build info
// has it, else the given day (so the page does not change with the clock
// when built from a checkout).
func manDate(fallback timeline.Date) time.Time {
	if _, when, _ := vcsInfo(); !when.IsZero() {
		return when
	}
	return fallback.Time()
}

func (c *cli) manCmd() *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "man [-o FILE]",
		Short: "Write afterview's man page (roff) of every command",
		Long: `Write the manual page of afterview and every command to stdout, or to FILE with -o,
in roff (man(7)): install it where man finds it, e.g. ~/.local/share/man/man1.`,
		Example: `  afterview man | man -l -
  mkdir -p ~/.local/share/man/man1 && afterview man -o ~/.local/share/man/man1/afterview.1
  man afterview`,
		Args: args(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			write := func(w io.Writer) error {
				return writeManPage(w, cmd.Root(), versionString(), manDate(c.today))
			}
			if err := c.writeOutput(nil, out, write); err != nil || out == "" || out == "-" {
				return err
			}
			return c.print("wrote the man page to " + out + "\n")
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to `FILE` instead of stdout")
	return cmd
}
