package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/afterview/afterview/timeline"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// The Chase tab draws the chase report's sections: a heading line ("Overdue
// (3)") above each, which the cursor, the keys and the wheel pass over.

// sectionsStore holds only follow-ups: the given numbers overdue, due today
// and due tomorrow (after a promised answer), in that order.
func sectionsStore(overdue, today, upcoming int) *fakeStore {
	fs := newFakeStore()
	add := func(name, iv string, evs ...timeline.Event) {
		fs.add(timeline.Application{Company: name, Role: "Engineer"}, append([]timeline.Event{tev(timeline.EventInterview, iv, "")}, evs...)...)
	}
	for i := 0; i < overdue; i++ {
		add(fmt.Sprintf("Overdue %02d", i), timeline.MustDate("2026-10-01").AddDays(i).String())
	}
	for i := 0; i < today; i++ {
		add(fmt.Sprintf("Today %02d", i), "2026-11-16") // 7 business days end Wed 25 Nov
	}
	for i := 0; i < upcoming; i++ {
		heard := tev(timeline.EventHeard, "2026-11-23", "")
		heard.By = testToday // the follow-up is due the next business day
		add(fmt.Sprintf("Upcoming %02d", i), "2026-11-16", heard)
	}
	fs.writes = nil
	return fs
}

// tableLines returns the dashboard's table lines (rows and headings) as drawn.
func tableLines(m model) []string {
	lines := strings.Split(m.dash.View(), "\n")
	return lines[2 : 2+m.dash.tableHeight()]
}

func TestChaseTabShowsTheReportsSections(t *testing.T) {
	fs := fixtureStore()
	m := testModel(t, fs, 100, 30)
	var heads []string
	for _, l := range tableLines(m) {
		if l != "" && !strings.HasPrefix(l, "  ") && !strings.HasPrefix(l, "›") {
			heads = append(heads, strings.TrimSpace(l))
		}
	}
	// The same words and counts as `afterview chase` prints.
	entries, _ := fs.Entries(false)
	report := Report{Styles: NewStyles(lipgloss.DefaultRenderer()), Today: testToday, Plain: true}
	var want []string
	for _, l := range strings.Split(report.Chase(timeline.Chase(entries, testToday, fs.set.LookaheadDays)), "\n") {
		if l != "" && !strings.HasPrefix(l, " ") {
			want = append(want, l)
		}
	}
	if strings.Join(heads, "|") != strings.Join(want, "|") || len(want) != 2 {
		t.Errorf("the Chase tab's headings are %q, the chase report's %q", heads, want)
	}
	// The other tabs have none.
	m = setTab(t, m, tabActive)
	if len(m.dash.heads) != 0 || strings.Contains(m.View(), "Overdue (") {
		t.Error("only the Chase tab has sections")
	}
}

func TestTheCursorSkipsSectionHeadings(t *testing.T) {
	m := testModel(t, sectionsStore(2, 2, 2), 100, 30)
	if m.dash.tab != tabChase {
		t.Fatal("should open on Chase")
	}
	lines := tableLines(m)
	for i, want := range []string{"Overdue (2)", "Overdue 00", "Overdue 01", "Today (2)", "Today 00", "Today 01", "Coming up (2)", "Upcoming 00", "Upcoming 01"} {
		if !strings.Contains(lines[i], want) {
			t.Errorf("line %d is %q, want %s", i, lines[i], want)
		}
	}
	selected := func() string { e, _ := m.dash.Selected(); return e.App.Company }
	var visited []string
	for range 8 {
		visited = append(visited, selected())
		m, _ = press(t, m, "j")
	}
	if got := strings.Join(visited, ","); got != "Overdue 00,Overdue 01,Today 00,Today 01,Upcoming 00,Upcoming 01,Upcoming 01,Upcoming 01" {
		t.Errorf("j visits %s", got)
	}
	m, _ = press(t, m, "k", "k")
	if selected() != "Today 01" {
		t.Errorf("kk from the last row: %s", selected())
	}
	m, _ = send(t, m, tea.MouseMsg{Button: tea.MouseButtonWheelUp, Action: tea.MouseActionPress})
	if selected() != "Today 00" {
		t.Errorf("the wheel moves by application: %s", selected())
	}
	m, _ = send(t, m, tea.MouseMsg{Button: tea.MouseButtonWheelUp, Action: tea.MouseActionPress})
	if selected() != "Overdue 01" {
		t.Errorf("the wheel skips the heading: %s", selected())
	}
	// A click on a heading selects nothing; a click on a row selects it.
	m, _ = send(t, m, tea.MouseMsg{Button: tea.MouseButtonLeft, Action: tea.MouseActionPress, Y: headerHeight + 2 + 3})
	if selected() != "Overdue 01" {
		t.Errorf("a click on the Today heading selected %s", selected())
	}
	m, _ = send(t, m, tea.MouseMsg{Button: tea.MouseButtonLeft, Action: tea.MouseActionPress, Y: headerHeight + 2 + 7})
	if selected() != "Upcoming 00" {
		t.Errorf("a click on the line of Upcoming 00 selected %s", selected())
	}
	m, _ = press(t, m, "g")
	if selected() != "Overdue 00" || m.dash.offset != 0 {
		t.Errorf("g: %s at offset %d, want the first row with its heading", selected(), m.dash.offset)
	}
	m, _ = press(t, m, "G")
	if selected() != "Upcoming 01" {
		t.Errorf("G: %s", selected())
	}
}

func TestChaseSectionsScrollWithTheCursor(t *testing.T) {
	// 60×15: 9 table lines for 40 rows and 3 headings.
	m := testModel(t, sectionsStore(25, 5, 10), 60, 15)
	h := m.dash.tableHeight()
	check := func(how string) {
		t.Helper()
		lines := tableLines(m)
		e, _ := m.dash.Selected()
		at := -1
		for i, l := range lines {
			if strings.HasPrefix(l, "› "+e.App.Company) {
				at = i
			}
		}
		if at < 0 {
			t.Fatalf("after %s the cursor's row (%s) is off screen:\n%s", how, e.App.Company, strings.Join(lines, "\n"))
		}
		// The first row of a section shows with its heading.
		if m.dash.opensSection(m.dash.cursor) && (at == 0 || !strings.Contains(lines[at-1], "(")) {
			t.Errorf("after %s %s opens a section but its heading is not above it:\n%s", how, e.App.Company, strings.Join(lines, "\n"))
		}
		if m.dash.offset < 0 || m.dash.offset > m.dash.lines()-h {
			t.Errorf("after %s the offset %d is outside 0..%d", how, m.dash.offset, m.dash.lines()-h)
		}
		checkSize(t, m)
	}
	for i := 0; i < 45; i++ {
		m, _ = press(t, m, "j")
		check(fmt.Sprintf("%d×j", i+1))
	}
	if e, _ := m.dash.Selected(); e.App.Company != "Upcoming 09" {
		t.Errorf("at the end the cursor is on %s", e.App.Company)
	}
	for i := 0; i < 45; i++ {
		m, _ = press(t, m, "k")
		check(fmt.Sprintf("%d×k", i+1))
	}
	for _, k := range []string{"pgdown", "pgdown", "pgdown", "pgdown", "pgdown", "g", "G"} {
		m, _ = press(t, m, k)
		check(k)
	}
	// pgdn moves by a page of applications, headings aside.
	m, _ = press(t, m, "g", "pgdown")
	if m.dash.cursor != h {
		t.Errorf("pgdn from the top: row %d, want %d", m.dash.cursor, h)
	}
}

func TestAFilterCountsTheShownRowsOfEachSection(t *testing.T) {
	m := testModel(t, sectionsStore(12, 2, 3), 100, 30)
	m, _ = press(t, m, "/")
	m = typeText(t, m, "1")
	v := m.View()
	// Overdue 01, 10, 11; Today 01; Upcoming 01.
	if !strings.Contains(v, "Overdue (3)") || !strings.Contains(v, "Today (1)") || !strings.Contains(v, "Coming up (1)") {
		t.Errorf("the headings should count the rows the filter shows:\n%s", v)
	}
	m = typeText(t, m, "0")
	if v := m.View(); !strings.Contains(v, "Overdue (1)") || strings.Contains(v, "Today (") || strings.Contains(v, "Coming up (") {
		t.Errorf("a section the filter empties has no heading:\n%s", v)
	}
	m = typeText(t, m, "x")
	if len(m.dash.heads) != 0 || !strings.Contains(m.View(), "Nothing in Chase matches") {
		t.Error("no rows, no headings")
	}
}
