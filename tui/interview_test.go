package tui

import (
	"strings"
	"testing"

	"github.com/afterview/afterview/timeline"
	"github.com/charmbracelet/lipgloss"
)

// bookedStore holds one application with an interview booked on Sat 28
// Nov, as timeline derives it: stage scheduled, next action the interview.
func bookedStore() *fakeStore {
	fs := newFakeStore()
	day := testToday.AddDays(2)
	app := timeline.Application{ID: 1, Company: "Kojo Labs", Role: "SRE"}
	fs.apps[1] = app
	fs.events[1] = []timeline.Event{{ID: 1, Type: timeline.EventInterview, Date: day}}
	fs.cached = []timeline.Entry{{App: app, Summary: timeline.Summary{Stage: timeline.StageScheduled, NextInterview: day,
		Next: &timeline.Action{Kind: timeline.ActInterview, Due: day, From: testToday, Text: "Interview on Sat 28 Nov"}}}}
	fs.nextApp, fs.nextEv = 1, 1
	return fs
}

func TestABookedInterviewIsAChaseItemWithItsDate(t *testing.T) {
	m := testModel(t, bookedStore(), 100, 30)
	m = setTab(t, m, tabChase)
	v := m.View()
	if !strings.Contains(v, "Coming up (1)") || !strings.Contains(v, "interview 28 Nov") || !strings.Contains(v, "in 2d") {
		t.Errorf("the Chase tab should list the booked interview with its date:\n%s", v)
	}
	if h := m.headerView(); !strings.Contains(h, "nothing due") {
		t.Errorf("header %q: an interview in two days is not due", h)
	}
}

func TestChasedRefusesABookedInterview(t *testing.T) {
	fs := bookedStore()
	m := testModel(t, fs, 100, 30)
	m = setTab(t, m, tabChase)
	m, _ = press(t, m, "c")
	if len(fs.writes) != 0 || !strings.Contains(m.status, "attended, not chased") {
		t.Errorf("c on a booked interview wrote %v, status %q", fs.writes, m.status)
	}
}

func TestChaseTabListsInterviewsAndOpenReapplyWindowsAsAfterviewChase(t *testing.T) {
	fs := newFakeStore()
	// Rejected on 20 May: the reapply window opened on 20 Nov (6 months)
	// and is open until 20 May 2027.
	fs.add(timeline.Application{Company: "Hooli", Role: "ML"}, tev(timeline.EventInterview, "2026-05-10", ""), tev(timeline.EventRejected, "2026-05-20", ""))
	// An interview booked for Sat 28 Nov.
	fs.add(timeline.Application{Company: "Kojo Labs", Role: "SRE"}, tev(timeline.EventInterview, "2026-11-28", ""))
	// A follow-up due Thu 19 Nov, before the reapply window's day.
	fs.add(timeline.Application{Company: "Acme", Role: "SDE"}, tev(timeline.EventInterview, "2026-11-09", ""))
	m := testModel(t, fs, 100, 30)
	m = setTab(t, m, tabChase)
	v := m.View()
	for _, want := range []string{"Coming up (1)", "interview 28 Nov", "in 2d", "Open (1)", "Hooli", "reapply"} {
		if !strings.Contains(v, want) {
			t.Errorf("the Chase tab lacks %q:\n%s", want, v)
		}
	}
	if o, c, u := strings.Index(v, "Overdue (1)"), strings.Index(v, "Coming up (1)"), strings.Index(v, "Open (1)"); !(o >= 0 && o < c && c < u) {
		t.Errorf("the open section comes last, as in afterview chase:\n%s", v)
	}
	if strings.Count(v, "overdue") != 1 {
		t.Errorf("an open reapply window is never overdue:\n%s", v)
	}
	// The same items, in the same sections, as afterview chase prints.
	entries, _ := fs.Entries(false)
	report := Report{Styles: NewStyles(lipgloss.DefaultRenderer()), Today: testToday, Plain: true}
	out := report.Chase(timeline.Chase(entries, testToday, fs.set.LookaheadDays))
	for _, want := range []string{"Coming up (1)", "Open (1)"} {
		if !strings.Contains(out, want) {
			t.Errorf("afterview chase lacks %q:\n%s", want, out)
		}
	}
	if h := m.headerView(); !strings.Contains(h, "1 due · 1 waiting") {
		t.Errorf("header %q: Acme is due; the booked interview is waiting", h)
	}
}

func TestChaseTabListsExpediteItemsAsAfterviewChase(t *testing.T) {
	// Initech's offer (deadline Mon 30 Nov) is open: each process still
	// deciding that was not told since it arrived gets an expedite item in
	// place of its own, as afterview chase lists them.
	fs := fixtureStore()
	fs.expedites = true
	m := testModel(t, fs, 100, 40)
	entries, _ := fs.Entries(false)
	withExp, _ := fs.WithExpedite(entries)
	want := timeline.Chase(withExp, testToday, fs.set.LookaheadDays)
	if n := tabLine(t, m, "Chase"); n != len(want) {
		t.Errorf("Chase %d, afterview chase lists %d", n, len(want))
	}
	m = setTab(t, m, tabChase)
	m = selectCompany(t, m, "Acme Robotics")
	e, _ := m.dash.Selected()
	if e.Next == nil || e.Next.Kind != timeline.ActExpedite {
		t.Fatalf("Acme's chase item is %+v, want expedite", e.Next)
	}
	if v := m.View(); !strings.Contains(v, "You have an offer elsewhere") {
		t.Errorf("the footer should say why to expedite:\n%s", v)
	}
	// Its own next action is unchanged elsewhere.
	m = setTab(t, m, tabActive)
	m = selectCompany(t, m, "Acme Robotics")
	if e, _ := m.dash.Selected(); e.Next == nil || e.Next.Kind != timeline.ActFollowup {
		t.Errorf("on Active, Acme's next action is %+v, want its own follow-up", e.Next)
	}
	// Chasing it (a follow-up logged today) ends the expedite item.
	m = setTab(t, m, tabChase)
	m = selectCompany(t, m, "Acme Robotics")
	before := tabLine(t, m, "Chase")
	m, _ = press(t, m, "c")
	if e := lastLogged(t, fs, "Acme Robotics"); e.Type != timeline.EventFollowup || e.Date != testToday {
		t.Errorf("c on the expedite item logged %s on %s, want a followup today", e.Type, e.Date)
	}
	if n := tabLine(t, m, "Chase"); n != before-1 {
		t.Errorf("after c, Chase %d, want %d", n, before-1)
	}
	entries, _ = fs.Entries(false)
	withExp, _ = fs.WithExpedite(entries)
	if n, want := tabLine(t, m, "Chase"), len(timeline.Chase(withExp, testToday, fs.set.LookaheadDays)); n != want {
		t.Errorf("after c, Chase %d, afterview chase %d", n, want)
	}
}
