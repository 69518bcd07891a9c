package tui

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/afterview/afterview/timeline"
	"github.com/charmbracelet/lipgloss"
)

// tabLine returns the number a tab shows in the tab line.
func tabLine(t *testing.T, m model, name string) int {
	t.Helper()
	re := regexp.MustCompile(`\b` + name + ` (\d+)`)
	got := re.FindStringSubmatch(m.dash.tabsView())
	if got == nil {
		t.Fatalf("no %s tab in %q", name, m.dash.tabsView())
	}
	n, _ := strconv.Atoi(got[1])
	return n
}

// rowsOn returns the entries the dashboard shows on tab tb.
func rowsOn(t *testing.T, m model, tb tab) []timeline.Entry {
	t.Helper()
	m = setTab(t, m, tb)
	var out []timeline.Entry
	for _, i := range m.dash.rows {
		out = append(out, m.dash.entries[i])
	}
	return out
}

func TestEveryTabCountsTheRowsItShows(t *testing.T) {
	m := testModel(t, fixtureStore(), 100, 30)
	for tb := tab(0); tb < numTabs; tb++ {
		if n, rows := tabLine(t, m, tabNames[tb]), rowsOn(t, m, tb); n != len(rows) {
			t.Errorf("the tab says %s %d but shows %d rows", tabNames[tb], n, len(rows))
		}
	}
}

func TestHeaderOffersCountTheOffersToAnswer(t *testing.T) {
	// Seen: the header said "2 offers" beside the tab "Offers 4" (the tab
	// also holds accepted offers in checks and onboarding).
	fs := newFakeStore()
	offer := func(date, deadline string) timeline.Event {
		e := tev(timeline.EventOffer, date, "")
		e.Deadline = timeline.MustDate(deadline)
		return e
	}
	fs.add(timeline.Application{Company: "A"}, tev(timeline.EventInterview, "2026-11-10", ""), offer("2026-11-20", "2026-12-04"))
	fs.add(timeline.Application{Company: "B"}, tev(timeline.EventInterview, "2026-11-10", ""), offer("2026-11-21", "2026-12-05"))
	fs.add(timeline.Application{Company: "C"}, tev(timeline.EventInterview, "2026-10-10", ""), offer("2026-10-20", "2026-10-27"),
		tev(timeline.EventAccepted, "2026-10-22", ""), tev(timeline.EventChecks, "2026-11-20", ""))
	fs.add(timeline.Application{Company: "D"}, tev(timeline.EventInterview, "2026-10-10", ""), offer("2026-10-20", "2026-10-27"),
		tev(timeline.EventAccepted, "2026-10-22", ""), tev(timeline.EventCleared, "2026-11-20", ""))
	m := testModel(t, fs, 100, 30)
	h := m.headerView()
	if !strings.Contains(h, "2 offers to answer") || strings.Contains(h, "2 offers ·") {
		t.Errorf("header %q: want 2 offers to answer", h)
	}
	if n := tabLine(t, m, "Offers"); n != 4 {
		t.Errorf("Offers tab %d, want 4 (two offers, one in checks, one onboarding)", n)
	}
	toAnswer := 0
	for _, e := range rowsOn(t, m, tabOffers) {
		if e.Stage == timeline.StageOffer {
			toAnswer++
		}
	}
	if toAnswer != 2 {
		t.Errorf("the Offers tab holds %d offers to answer, the header says 2", toAnswer)
	}
}

func TestHeaderDueCountsTheChaseTabsOverdueAndTodayRows(t *testing.T) {
	// Seen: the header said "nothing to chase" beside the tab "Chase 40",
	// every item coming up within the lookahead.
	fs := newFakeStore()
	// Reply windows that close tomorrow and the day after: follow-ups
	// coming up, none due today.
	fs.add(timeline.Application{Company: "Soon"}, tev(timeline.EventInterview, "2026-11-17", ""))
	fs.add(timeline.Application{Company: "Later"}, tev(timeline.EventInterview, "2026-11-18", ""))
	m := testModel(t, fs, 100, 30)
	chase := tabLine(t, m, "Chase")
	if chase == 0 {
		t.Fatalf("the fixture should have items coming up: %s", m.dash.tabsView())
	}
	h := m.headerView()
	if strings.Contains(h, "nothing to chase") || !strings.Contains(h, "nothing due") {
		t.Errorf("header %q beside Chase %d: want nothing due", h, chase)
	}
	// With the fixture (items overdue and coming up), the header's number is
	// the Overdue and Today sections' rows.
	m = testModel(t, fixtureStore(), 100, 30)
	due := 0
	for _, h := range m.dash.heads {
		if h.sec == timeline.SecOverdue || h.sec == timeline.SecToday {
			due += h.n
		}
	}
	if want := strconv.Itoa(due) + " due"; !strings.Contains(m.headerView(), want) || due == tabLine(t, m, "Chase") {
		t.Errorf("header %q: want %q (and the fixture to have items coming up too)", m.headerView(), want)
	}
}

func TestWaitingCountsOnlyApplicationsUnderWay(t *testing.T) {
	// Seen: "5 applications are waiting on time" counted a rejection whose
	// reapply window opens in months.
	fs := newFakeStore()
	fs.add(timeline.Application{Company: "Hooli"}, tev(timeline.EventInterview, "2026-09-20", ""), tev(timeline.EventRejected, "2026-10-01", ""))
	fs.add(timeline.Application{Company: "Kojo"}, tev(timeline.EventInterview, "2026-11-25", ""))
	entries, _ := fs.Entries(false)
	items := timeline.Chase(entries, testToday, 0)
	n := CountEntries(entries, items, testToday)
	if n.Waiting != 1 || n.Closed != 1 {
		t.Errorf("waiting %d, closed %d: want 1 and 1 (the rejection is closed, not waiting)", n.Waiting, n.Closed)
	}
	r := Report{Styles: NewStyles(lipgloss.DefaultRenderer()), Today: testToday, Plain: true}
	if got := r.ChaseView(nil, n); !strings.HasPrefix(got, "Nothing to chase. 1 application is waiting on time; next due ") {
		t.Errorf("chase says %q", got)
	}
	m := testModel(t, fs, 100, 30)
	if h := m.headerView(); !strings.Contains(h, "1 waiting") {
		t.Errorf("header %q: want 1 waiting, as the chase line", h)
	}
}

func TestCountsAddUp(t *testing.T) {
	fs := fixtureStore()
	entries, _ := fs.Entries(true)
	items := timeline.Chase(entries, testToday, fs.set.LookaheadDays)
	n := CountEntries(entries, items, testToday)
	if n.Applied+n.Active+n.Offers+n.Closed != len(entries) {
		t.Errorf("the groups hold %d of %d applications", n.Applied+n.Active+n.Offers+n.Closed, len(entries))
	}
	dueUnderWay := 0
	for _, it := range items {
		if it.Section != timeline.SecOverdue && it.Section != timeline.SecToday {
			continue
		}
		for _, e := range entries {
			if g := groupOf(&e); e.App.ID == it.App.ID && (g == groupApplied || g == groupActive) {
				dueUnderWay++
			}
		}
	}
	if n.Applied+n.Active != n.Waiting+dueUnderWay {
		t.Errorf("applied %d + active %d != waiting %d + due %d", n.Applied, n.Active, n.Waiting, dueUnderWay)
	}
	if n.Due != CountDue(items) || n.Listed != len(items) {
		t.Errorf("due %d listed %d, items %d", n.Due, n.Listed, len(items))
	}
}

func TestGhostedIsUnderClosedUntilAWordRevivesIt(t *testing.T) {
	fs := newFakeStore()
	app := timeline.Application{ID: 1, Company: "Silent Inc"}
	fs.apps[1] = app
	ghosted := timeline.Entry{App: app, Summary: timeline.Summary{Stage: timeline.StageGhosted}}
	fs.cached = []timeline.Entry{ghosted}
	fs.nextApp = 1
	m := testModel(t, fs, 100, 30)
	if rows := rowsOn(t, m, tabClosed); len(rows) != 1 || tabLine(t, m, "Closed") != 1 || tabLine(t, m, "Active") != 0 {
		t.Errorf("a ghosted application should be under Closed: %s", m.dash.tabsView())
	}
	if h := m.headerView(); !strings.Contains(h, "0 waiting") {
		t.Errorf("header %q: a ghosted application is not waiting", h)
	}
	// Word from them (heard) makes it waiting again: the dashboard follows it
	// to the Active tab.
	m = setTab(t, m, tabClosed)
	revived := ghosted
	revived.Stage = timeline.StageWaiting
	revived.Next = &timeline.Action{Kind: timeline.ActFollowup, Due: testToday.AddDays(5)}
	m, _ = send(t, m, entryMsg{id: 1, entry: revived})
	if m.dash.tab != tabActive || tabLine(t, m, "Active") != 1 || tabLine(t, m, "Closed") != 0 {
		t.Errorf("revived, it should be on Active: on %s, %s", tabNames[m.dash.tab], m.dash.tabsView())
	}
}

// CountDue counts the chase items overdue or due today, item by item (the
// reference the counts kept by tally are checked against): the items of the
// open section (a reapply window that is open) are not due on a day.
func CountDue(items []timeline.ChaseItem) int {
	n := 0
	for i := range items {
		if isDue(items[i].Section) {
			n++
		}
	}
	return n
}
