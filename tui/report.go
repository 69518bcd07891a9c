package tui

import (
	"fmt"
	"io"
	"strings"

	"github.com/afterview/afterview/timeline"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// Report renders afterview's plain-text reports for the command line: the
// chase report, the list table, an application's detail, its events and the
// settings. They live here, beside the TUI's views, so that one package
// decides how afterview looks; each method returns the text to print, ending
// in a newline.
//
// The Styles decide colour: build them from a renderer with the Ascii profile
// for plain text (piped output, NO_COLOR) and every method returns text free
// of escape codes; set Plain too, and styling is skipped altogether (the
// chase report of a long search styles thousands of cells, and lipgloss
// takes about a microsecond for each even when it adds nothing).
type Report struct {
	Styles Styles
	Today  timeline.Date // the day the report is for: due dates are relative to it
	Width  int           // the terminal's width in cells; 0 means no limit (piped output)
	Plain  bool          // no colours or other styling: the Styles are not used
}

// paint renders s in style st, unless the report is plain.
func (r Report) paint(st lipgloss.Style, s string) string {
	if r.Plain || s == "" {
		return s
	}
	return st.Render(s)
}

// ActionLabel names an action kind in a few words, as a list cell does:
// "answer offer", "follow up", "check in", "reapply" (timeline's Label, so
// that exports use the same words).
func ActionLabel(k timeline.ActionKind) string { return k.Label() }

// Date formats a date for a report: "Mon 23 Nov", with the year when it is
// not today's year ("Tue 25 May 2027").
func (r Report) Date(d timeline.Date) string {
	if d.IsZero() {
		return ""
	}
	ty, _, _ := r.Today.YMD()
	if y, _, _ := d.YMD(); y != ty {
		return d.Format(timeline.LayoutDayYear)
	}
	return d.Format(timeline.LayoutDay)
}

// Due describes a due date relative to today and absolutely: "3d overdue ·
// Mon 23 Nov", "today · Tue 24 Nov", "in 4d · Sat 28 Nov".
func (r Report) Due(d timeline.Date) string {
	return timeline.Relative(d, r.Today) + " · " + r.Date(d)
}

// ActionDue describes an action's due date as Due does, except that a
// reapply item whose day has passed is "open", not overdue: "open · Mon 10
// May".
func (r Report) ActionDue(a timeline.Action) string {
	return a.When(r.Today) + " · " + r.Date(a.Due)
}

// sectionNames are the chase sections' names, as headings.
var sectionNames = map[timeline.Section]string{
	timeline.SecOverdue:  "Overdue",
	timeline.SecToday:    "Today",
	timeline.SecUpcoming: "Coming up",
	timeline.SecOpen:     "Open",
}

// sectionHeading is the heading of a chase section holding n items, in two
// parts to style apart: the name and the count ("Overdue", " (2)"). The chase
// report and the dashboard's Chase tab both print it, so they say the same.
func sectionHeading(sec timeline.Section, n int) (name, count string) {
	return sectionNames[sec], fmt.Sprintf(" (%d)", n)
}

// reportContact says whom to contact about an application, beyond what the
// action sentence says: the recruiter's email or phone, and their name when
// the sentence does not already give it.
func reportContact(a timeline.Application, sentence string) string {
	return string(appendContact(nil, a, sentence))
}

// appendContact appends reportContact's text to dst.
func appendContact(dst []byte, a timeline.Application, sentence string) []byte {
	name, contact := Sanitize(a.Recruiter), Sanitize(a.Contact)
	if strings.Contains(sentence, name) {
		name = ""
	}
	switch {
	case name != "" && contact != "":
		return append(append(append(append(dst, name...), " <"...), contact...), '>')
	case name != "":
		return append(dst, name...)
	}
	return append(dst, contact...)
}

// reportWho names an application as reports do, "Company — Role", with
// anything that could drive the terminal taken out.
func reportWho(a timeline.Application) string {
	if a.Role == "" {
		return Sanitize(a.Company)
	}
	return string(appendWho(make([]byte, 0, len(a.Company)+len(a.Role)+5), a))
}

// appendWho appends reportWho's text to dst.
func appendWho(dst []byte, a timeline.Application) []byte {
	dst = append(dst, Sanitize(a.Company)...)
	if a.Role == "" {
		return dst
	}
	return append(append(dst, " — "...), Sanitize(a.Role)...)
}

// NothingToChase is the chase report's one line when nothing is due within
// the lookahead: how many applications are waiting on time (later: applied
// or under way, as Counts.Waiting) and when the first of them falls due
// (nextDue; zero when none has a date).
func (r Report) NothingToChase(later int, nextDue timeline.Date) string {
	s := "Nothing to chase."
	switch {
	case later == 1:
		s += " 1 application is waiting on time"
	case later > 1:
		s += fmt.Sprintf(" %d applications are waiting on time", later)
	}
	switch {
	case later > 0 && !nextDue.IsZero():
		s += fmt.Sprintf("; next due %s (%s).", r.Date(nextDue), timeline.Relative(nextDue, r.Today))
	case later > 0:
		s += "."
	}
	return r.fit(s) + "\n"
}

// Logged is the one line printed after an event is logged or removed: what
// happened (verb, e.g. "logged event 12"), the application, and its stage and
// next action now.
func (r Report) Logged(verb string, e timeline.Entry) string {
	return r.fit(verb+" · "+reportWho(e.App)+" · "+r.state(e)) + "\n"
}

// state is an entry's stage and next action: "stage: debrief · next: follow
// up, in 8d · Wed 2 Dec".
func (r Report) state(e timeline.Entry) string {
	return "stage: " + r.paint(r.Styles.Stage(e.Stage), e.Stage.Label()) + " · next: " + r.nextText(e)
}

// nextText is an entry's next action in a few words with its due date, or
// the start date, or "none".
func (r Report) nextText(e timeline.Entry) string {
	switch {
	case e.Next != nil:
		return ActionLabel(e.Next.Kind) + ", " + r.paint(r.Styles.Due(e.Next.Due, r.Today, 0), r.ActionDue(*e.Next))
	case e.Stage == timeline.StageOnboarding && !e.StartDate.IsZero():
		return "start, " + r.Due(e.StartDate)
	}
	return "none"
}

// line writes one line, cut to the width with "…" when it is wider.
func (r Report) line(b *strings.Builder, s string) {
	b.WriteString(r.fit(s))
	b.WriteByte('\n')
}

// fit cuts s to the report's width with "…" (escape codes kept intact).
func (r Report) fit(s string) string {
	if r.Width > 0 && ansi.StringWidth(s) > r.Width {
		return ansi.Truncate(s, r.Width, "…")
	}
	return s
}

// AppLine is a one-line confirmation about an application: verb (e.g.
// "archived application") with its id, company and role.
func (r Report) AppLine(verb string, a timeline.Application) string {
	who := reportWho(a)
	return r.fit(fmt.Sprintf("%s %d · %s", verb, a.ID, who)) + "\n"
}

// NoApplications is the list's line when it has no rows; archived counts the
// archived applications it left out.
func (r Report) NoApplications(archived int) string {
	switch {
	case archived == 1:
		return "No active applications; 1 is archived (afterview list --all shows it).\n"
	case archived > 1:
		return fmt.Sprintf("No active applications; %d are archived (afterview list --all shows them).\n", archived)
	}
	return "No applications yet. Add one: afterview add --company Acme --role \"SDE II\" --interviewed -3d\n"
}

// SettingLine confirms a setting's new value, with its unit.
func (r Report) SettingLine(key string, set timeline.Settings) string {
	v, _ := set.Get(key)
	for _, si := range timeline.SettingInfos {
		switch {
		case si.Key != key:
		case v == "":
			v = "not set"
		case si.Unit != "country code" && si.Unit != "text":
			v += " " + si.Unit
		}
	}
	return fmt.Sprintf("%s is now %s\n", key, v)
}

// ChaseView is `afterview chase`: the items under their headings, or when
// there are none, the line that says so with what is waiting on time
// (counts: CountEntries of every application, the same counts the TUI's
// header shows).
func (r Report) ChaseView(items []timeline.ChaseItem, counts Counts) string {
	var b strings.Builder
	r.WriteChaseView(&b, items, counts) // a strings.Builder does not fail
	return b.String()
}

// WriteChaseView writes ChaseView's text to w, the items as WriteChase
// writes them: in pieces, as it goes.
func (r Report) WriteChaseView(w io.Writer, items []timeline.ChaseItem, counts Counts) error {
	if len(items) == 0 {
		_, err := io.WriteString(w, r.NothingToChase(counts.Waiting, counts.NextDue))
		return err
	}
	return r.WriteChase(w, items)
}
