package tui

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/afterview/afterview/timeline"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"
)

// The reports are golden-tested at a fixed today (a Tuesday), as plain text
// and, once, with colours. Refresh with: go test ./tui -run Report -update

var reportToday = timeline.MustDate("2026-11-24")

// plainReport renders without colour, at the given width (0: piped).
func plainReport(width int) Report {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	return Report{Styles: NewStyles(r), Today: reportToday, Width: width, Plain: true}
}

// colourReport renders with 16 ANSI colours on a dark background.
func colourReport() Report {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.ANSI)
	r.SetHasDarkBackground(true)
	return Report{Styles: NewStyles(r), Today: reportToday}
}

// ev is an event on a date, with its id.
func ev(id int64, t timeline.EventType, date string) timeline.Event {
	return timeline.Event{ID: id, Type: t, Date: timeline.MustDate(date)}
}

// fixture derives a few applications, one in each interesting shape, on reportToday.
func fixture() []timeline.Derived {
	set := timeline.DefaultSettings()
	offer := ev(6, timeline.EventOffer, "2026-11-23")
	offer.Deadline, offer.Base, offer.Bonus, offer.Equity, offer.Currency = timeline.MustDate("2026-11-30"), 180000, 20000, 50000, "USD"
	offer.Note = "verbal first, letter to follow"
	snooze := ev(9, timeline.EventSnooze, "2026-11-23")
	snooze.Until = timeline.MustDate("2026-11-30")
	heard := ev(12, timeline.EventHeard, "2026-11-20")
	heard.By = timeline.MustDate("2026-11-27")
	apps := []struct {
		app    timeline.Application
		events []timeline.Event
	}{
		{timeline.Application{ID: 1, Company: "Acme", Role: "SDE II", Recruiter: "Pat Lee", Contact: "pat@acme.example"},
			[]timeline.Event{ev(1, timeline.EventInterview, "2026-11-21")}},
		{timeline.Application{ID: 2, Company: "Hooli", Role: "Staff Engineer, Distributed Systems Infrastructure", Contact: "hr@hooli.example"},
			[]timeline.Event{ev(2, timeline.EventInterview, "2026-11-06")}},
		{timeline.Application{ID: 3, Company: "Initech", Role: "SWE", Recruiter: "Sam", Notes: "referred by Jo; team is remote-first",
			URL: "https://initech.example/jobs/42"},
			[]timeline.Event{ev(5, timeline.EventInterview, "2026-11-16"), offer}},
		{timeline.Application{ID: 4, Company: "Globex Corporation International", Role: "PM"},
			[]timeline.Event{ev(7, timeline.EventInterview, "2026-11-13"), heard}},
		{timeline.Application{ID: 5, Company: "Umbrella", Role: "SRE", Archived: true},
			[]timeline.Event{ev(8, timeline.EventInterview, "2026-10-01"), ev(10, timeline.EventRejected, "2026-10-20")}},
		{timeline.Application{ID: 6, Company: "Stark", Role: "Platform Engineer", Recruiter: "Tony"},
			[]timeline.Event{ev(11, timeline.EventInterview, "2026-11-02"), snooze}},
		{timeline.Application{ID: 7, Company: "Wayne", Role: "EM"},
			[]timeline.Event{ev(13, timeline.EventInterview, "2026-10-01"), ev(14, timeline.EventOffer, "2026-10-10"),
				ev(15, timeline.EventAccepted, "2026-10-12"), ev(16, timeline.EventStart, "2026-12-07")}},
		{timeline.Application{ID: 8, Company: "Pied Piper", Role: "Engineer", Recruiter: "Monica"},
			[]timeline.Event{ev(17, timeline.EventInterview, "2026-11-02"), ev(18, timeline.EventHold, "2026-10-27")}},
		{timeline.Application{ID: 9, Company: "Vandelay", Role: "Importer"},
			[]timeline.Event{ev(19, timeline.EventInterview, "2026-12-01")}},
	}
	out := make([]timeline.Derived, len(apps))
	for i, a := range apps {
		out[i] = timeline.Derive(a.app, a.events, set, reportToday)
	}
	return out
}

func fixtureEntries() []timeline.Entry {
	var es []timeline.Entry
	for _, d := range fixture() {
		es = append(es, d.Entry)
	}
	return es
}

func fixtureChase(lookahead int) []timeline.ChaseItem {
	return timeline.Chase(fixtureEntries(), reportToday, lookahead)
}

func TestReportChase(t *testing.T) {
	items := fixtureChase(200)
	t.Run("plain", func(t *testing.T) { golden.RequireEqual(t, []byte(plainReport(0).Chase(items))) })
	t.Run("width60", func(t *testing.T) { golden.RequireEqual(t, []byte(plainReport(60).Chase(items))) })
	t.Run("colour", func(t *testing.T) {
		golden.RequireEqualEscape(t, []byte(colourReport().Chase(fixtureChase(3))), true)
	})
	if got := plainReport(0).Chase(nil); got != "" {
		t.Errorf("Chase(nil) = %q, want nothing", got)
	}
}

func TestReportNothingToChase(t *testing.T) {
	r := plainReport(0)
	next := timeline.MustDate("2026-12-03")
	var b strings.Builder
	b.WriteString(r.NothingToChase(0, 0))
	b.WriteString(r.NothingToChase(1, next))
	b.WriteString(r.NothingToChase(4, next))
	b.WriteString(r.NothingToChase(4, timeline.MustDate("2027-05-25")))
	golden.RequireEqual(t, []byte(b.String()))
}

func TestReportList(t *testing.T) {
	es := fixtureEntries()
	t.Run("plain", func(t *testing.T) { golden.RequireEqual(t, []byte(plainReport(0).List(es, 3))) })
	t.Run("width60", func(t *testing.T) { golden.RequireEqual(t, []byte(plainReport(60).List(es, 3))) })
	t.Run("colour", func(t *testing.T) { golden.RequireEqualEscape(t, []byte(colourReport().List(es[:4], 3)), true) })
}

func TestReportShow(t *testing.T) {
	ds := fixture()
	set := timeline.DefaultSettings()
	for _, i := range []int{0, 2, 4, 6} {
		d := ds[i]
		t.Run(fmt.Sprintf("app%d", d.App.ID), func(t *testing.T) {
			golden.RequireEqual(t, []byte(plainReport(0).Show(d, set)))
		})
	}
	t.Run("width50", func(t *testing.T) { golden.RequireEqual(t, []byte(plainReport(50).Show(ds[2], set))) })
}

func TestReportEventsAndSettings(t *testing.T) {
	ds := fixture()
	set := timeline.DefaultSettings()
	set.ReplyMaxBD, set.Holidays = 10, "US"
	t.Run("events", func(t *testing.T) { golden.RequireEqual(t, []byte(plainReport(0).Events(ds[2].Events))) })
	t.Run("planned", func(t *testing.T) { golden.RequireEqual(t, []byte(plainReport(0).Events(ds[6].Events))) })
	t.Run("settings", func(t *testing.T) { golden.RequireEqual(t, []byte(plainReport(0).Settings(set))) })
}

func TestReportLines(t *testing.T) {
	r := plainReport(0)
	ds := fixture()
	got := r.Logged("logged event 6", ds[2].Entry) +
		r.Logged("logged event 16", ds[6].Entry) +
		r.Logged("removed event 10", ds[4].Entry) +
		r.AppLine("archived application", ds[4].App) +
		r.NoApplications(0) + r.NoApplications(1) + r.NoApplications(3) +
		r.SettingLine("reply_max_bd", timeline.DefaultSettings()) +
		r.SettingLine("holidays", timeline.DefaultSettings())
	golden.RequireEqual(t, []byte(got))
}

func TestReportJSON(t *testing.T) {
	r := plainReport(0)
	ds := fixture()
	chase, err := r.ChaseJSON(fixtureChase(3))
	if err != nil {
		t.Fatal(err)
	}
	show, err := r.ShowJSON(ds[2])
	if err != nil {
		t.Fatal(err)
	}
	list, err := r.ListJSON(fixtureEntries()[:2])
	if err != nil {
		t.Fatal(err)
	}
	golden.RequireEqual(t, append(append(chase, show...), list...))

	// Empty lists are [] and a missing next action is null, never left out.
	empty, _ := r.ChaseJSON(nil)
	if !strings.Contains(string(empty), `"items": []`) {
		t.Errorf("ChaseJSON(nil) = %s, want an empty items list", empty)
	}
	var m map[string]any
	noNext := slices.IndexFunc(ds, func(d timeline.Derived) bool { return d.Next == nil })
	if noNext < 0 {
		t.Fatal("no fixture without a next action")
	}
	none, _ := r.ShowJSON(ds[noNext])
	if err := json.Unmarshal(none, &m); err != nil {
		t.Fatal(err)
	}
	if v, ok := m["next"]; !ok || v != nil {
		t.Errorf(`show JSON of an application with nothing to do: "next" = %v (present %v), want null`, v, ok)
	}
	for _, k := range []string{"id", "company", "role", "recruiter", "contact", "url", "notes", "archived", "stage", "next", "windows", "events"} {
		if _, ok := m[k]; !ok {
			t.Errorf("show JSON lacks %q", k)
		}
	}
}

// Every report fits the terminal at any width it may have.
func TestReportFitsWidth(t *testing.T) {
	ds := fixture()
	set := timeline.DefaultSettings()
	for w := 30; w <= 120; w += 7 {
		r := plainReport(w)
		for name, out := range map[string]string{
			"chase":   r.Chase(fixtureChase(200)),
			"list":    r.List(fixtureEntries(), 3),
			"show":    r.Show(ds[2], set),
			"events":  r.Events(ds[2].Events),
			"config":  r.Settings(set),
			"nothing": r.NothingToChase(4, reportToday.AddDays(9)),
		} {
			for _, l := range strings.Split(out, "\n") {
				if ansi.StringWidth(l) > w {
					t.Errorf("%s at width %d: line of %d cells: %q", name, w, ansi.StringWidth(l), l)
				}
			}
		}
		// Colour codes do not count against the width.
		c := colourReport()
		c.Width = w
		for _, l := range strings.Split(c.List(fixtureEntries(), 3), "\n") {
			if ansi.StringWidth(l) > w {
				t.Errorf("coloured list at width %d: line of %d cells", w, ansi.StringWidth(l))
			}
		}
	}
}

func TestReportPlainHasNoEscapes(t *testing.T) {
	r := plainReport(0)
	out := r.Chase(fixtureChase(200)) + r.List(fixtureEntries(), 3) + r.Show(fixture()[2], timeline.DefaultSettings())
	if strings.Contains(out, "\x1b") {
		t.Error("plain report contains escape codes")
	}
	if c := colourReport().Chase(fixtureChase(3)); !strings.Contains(c, "\x1b[") {
		t.Error("colour report has no colour")
	}
}

func TestReportDateAndAmount(t *testing.T) {
	r := plainReport(0)
	for d, want := range map[string]string{
		"2026-11-24": "today · Tue 24 Nov", "2026-11-25": "tomorrow · Wed 25 Nov",
		"2026-11-21": "3d overdue · Sat 21 Nov", "2027-05-25": "in 182d · Tue 25 May 2027",
	} {
		if got := r.Due(timeline.MustDate(d)); got != want {
			t.Errorf("Due(%s) = %q, want %q", d, got, want)
		}
	}
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", 180000: "180,000", 1234567: "1,234,567", -1500: "-1,500"} {
		if got := Amount(n, ""); got != want {
			t.Errorf("Amount(%d) = %q, want %q", n, got, want)
		}
	}
	if got := Amount(180000, "USD"); got != "180,000 USD" {
		t.Errorf("Amount with currency = %q", got)
	}
}

// Plain skips styling; it must print exactly what the Ascii profile would.
func TestReportPlainSkipsStyling(t *testing.T) {
	ascii := plainReport(0)
	ascii.Plain = false
	plain := plainReport(0)
	ds := fixture()
	set := timeline.DefaultSettings()
	for name, f := range map[string]func(Report) string{
		"chase":  func(r Report) string { return r.Chase(fixtureChase(200)) },
		"list":   func(r Report) string { return r.List(fixtureEntries(), 3) },
		"show":   func(r Report) string { return r.Show(ds[2], set) },
		"config": func(r Report) string { return r.Settings(set) },
		"logged": func(r Report) string { return r.Logged("logged event 6", ds[2].Entry) },
	} {
		if a, p := f(ascii), f(plain); a != p {
			t.Errorf("%s: Plain differs from the Ascii profile:\n%s\nvs\n%s", name, p, a)
		}
	}
}

// Text from the database can never drive the terminal: escape sequences and
// control characters in names, contacts and notes are taken out.
func TestReportSanitizesUserText(t *testing.T) {
	app := timeline.Application{ID: 1, Company: "Evil\x1b]0;pwned\aCorp", Role: "SDE\x1b[2J", Recruiter: "Pat\x1b[31m",
		Contact: "p@x.example\r", URL: "https://x.example/\x1b[1m", Notes: "line one\nline\x1b[5m two"}
	d := timeline.Derive(app, []timeline.Event{ev(1, timeline.EventInterview, "2026-11-02")}, timeline.DefaultSettings(), reportToday)
	r := plainReport(0)
	out := r.Show(d, timeline.DefaultSettings()) + r.List([]timeline.Entry{d.Entry}, 3) +
		r.Chase(timeline.Chase([]timeline.Entry{d.Entry}, reportToday, 3)) + r.Logged("logged event 1", d.Entry) + r.AppLine("archived application", app)
	if strings.ContainsAny(out, "\x1b\a\r") {
		t.Errorf("a report passes control characters through:\n%q", out)
	}
	if !strings.Contains(out, "EvilCorp — SDE") || !strings.Contains(out, "line one\n") {
		t.Errorf("sanitized text lost its content:\n%s", out)
	}
}

// The confirmation of a text setting carries no unit, and an empty name says so.
func TestSettingLineForTextSettings(t *testing.T) {
	r := plainReport(0)
	set := timeline.DefaultSettings()
	if got := r.SettingLine("name", set); got != "name is now not set\n" {
		t.Errorf("empty name: %q", got)
	}
	set.Name, set.Holidays = "Sam Doe", "US"
	for key, want := range map[string]string{"name": "name is now Sam Doe\n", "holidays": "holidays is now US\n", "lookahead_days": "lookahead_days is now 3 calendar days\n"} {
		if got := r.SettingLine(key, set); got != want {
			t.Errorf("%s: %q, want %q", key, got, want)
		}
	}
}
