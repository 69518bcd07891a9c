package tui

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/afterview/afterview/timeline"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/teatest"
)

// insightsStore holds the hand-made search of timeline's insight tests
// (answers after 0, 2, 2, 4, 6, 6 and 12 business days: median 4, 80% within
// 6, one less than reply_max_bd), seen on testToday (Thu 26 Nov 2026).
func insightsStore() *fakeStore {
	f := newFakeStore()
	app := func(company, role string) timeline.Application {
		return timeline.Application{Company: company, Role: role}
	}
	ev := func(t timeline.EventType, date string) timeline.Event { return tev(t, date, "") }
	heard := func(date, by string) timeline.Event {
		e := ev(timeline.EventHeard, date)
		e.By = timeline.MustDate(by)
		return e
	}
	f.add(app("Acme", "SDE II"), ev(timeline.EventInterview, "2026-11-02"), heard("2026-11-04", "2026-11-09"),
		ev(timeline.EventOffer, "2026-11-06"), ev(timeline.EventAccepted, "2026-11-09"))
	f.add(app("Acme", "SRE"), ev(timeline.EventInterview, "2026-10-01"), ev(timeline.EventRejected, "2026-10-09"))
	f.add(app("Globex", "PM"), ev(timeline.EventInterview, "2026-10-16"), heard("2026-10-22", "2026-10-30"),
		ev(timeline.EventFollowup, "2026-11-02"), heard("2026-11-04", "2026-11-09"), ev(timeline.EventRejected, "2026-11-11"))
	f.add(app("Initech", "SWE"), ev(timeline.EventInterview, "2026-11-09"))
	f.add(app("Hooli", "Staff Engineer"), ev(timeline.EventApplied, "2026-10-01"), ev(timeline.EventInterview, "2026-10-12"),
		ev(timeline.EventOffer, "2026-10-28"), ev(timeline.EventDeclined, "2026-10-30"))
	f.add(app("Umbrella", "SRE"), ev(timeline.EventApplied, "2026-11-16"))
	f.add(app("Stark", "Platform"), ev(timeline.EventRejected, "2026-11-13"), ev(timeline.EventInterview, "2026-11-13"))
	f.add(app("Wayne", "EM"), ev(timeline.EventInterview, "2026-11-16"), ev(timeline.EventWithdrawn, "2026-11-18"))
	f.add(app("Pied Piper", "Engineer"), ev(timeline.EventInterview, "2026-11-03"), ev(timeline.EventInterview, "2026-12-01"))
	f.add(app("Vandelay", "Importer"), ev(timeline.EventInterview, "2026-11-18"), heard("2026-11-20", "2026-11-27"))
	f.add(app("Kojo", "Data"), ev(timeline.EventInterview, "2026-10-19"), heard("2026-10-27", "2026-10-30"))
	f.add(app("Cyberdyne", "ML"), ev(timeline.EventInterview, "2026-09-28"), ev(timeline.EventFollowup, "2026-10-12"),
		ev(timeline.EventFollowup, "2026-10-19"))
	f.writes = nil
	return f
}

// runInsightsGolden opens the Insights screen on the hand-made search at w×h
// and compares the frame with the golden file.
func runInsightsGolden(t *testing.T, w, h int, keys ...string) {
	t.Helper()
	m := newModel(insightsStore(), Options{Today: func() timeline.Date { return testToday }, FixedToday: true, Title: "test"}, lipgloss.DefaultRenderer())
	m.data.pollEvery = 0
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(w, h))
	wait := func(text string) {
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(text)) },
			teatest.WithDuration(3*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
	}
	wait("Acme")
	tm.Send(keyMsg("i"))
	wait("Funnel")
	for _, k := range keys {
		tm.Send(keyMsg(k))
	}
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	final := tm.FinalModel(t, teatest.WithFinalTimeout(3*time.Second)).(model)
	teatest.RequireEqualOutput(t, []byte(final.View()))
}

func TestGoldenInsights(t *testing.T) { runInsightsGolden(t, 80, 24) }

func TestGoldenInsightsNarrow(t *testing.T) { runInsightsGolden(t, 60, 15) }

func TestInsightsScreenFigures(t *testing.T) {
	m := testModel(t, insightsStore(), 80, 24)
	m, _ = press(t, m, "i")
	v, ok := m.top().(*insights)
	if !ok {
		t.Fatalf("i opened %T, want the Insights screen", m.top())
	}
	all := strings.Join(v.lines, "\n")
	// The funnel's bars: 12 applications fill 12 cells at this width (36 −
	// 22 − 2); 11 interviewed round to 11, 2 offers to 2, 1 accepted to 1.
	for _, want := range []string{
		"applications  12  ████████████  100%",
		"interviewed   11  ███████████    92%",
		"offer          2  ██             17%",
		"accepted       1  █               8%",
		// The histogram's bars match the counts, one cell per answer; the
		// reply window's empty days are shaded.
		" 0 │█  1", " 2 │██ 2", " 4 │▓  1", " 5 │·· 0", " 6 │▒▒ 2", " 7 │·· 0", "10+ │░  1",
		"3 debrief  1 decision  2 reply  1 late  2 no word",
		"1 kept · 2 late · 2 open (1 past the date)",
		"Learned: 80% of your 7 answers came within 6 bd; reply_max_bd is 7. a use it",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the Insights screen lacks %q:\n%s", want, all)
		}
	}
}

func TestInsightsApplyAsksFirst(t *testing.T) {
	fs := insightsStore()
	m := testModel(t, fs, 80, 24)
	m, _ = press(t, m, "i", "a")
	if _, ok := m.top().(*confirm); !ok {
		t.Fatalf("a opened %T, want a confirmation", m.top())
	}
	if v := m.top().View(); !strings.Contains(v, "Set reply_max_bd to 6 (now 7)?") {
		t.Errorf("the confirmation says:\n%s", v)
	}
	m, _ = press(t, m, "n")
	if len(fs.writes) != 0 {
		t.Fatalf("n wrote %v", fs.writes)
	}
	m, _ = press(t, m, "a", "y")
	if want := []string{"config reply_max_bd 6"}; strings.Join(fs.writes, "|") != strings.Join(want, "|") {
		t.Errorf("writes = %v, want %v", fs.writes, want)
	}
	if fs.set.ReplyMaxBD != 6 || m.c.settings.ReplyMaxBD != 6 {
		t.Errorf("reply_max_bd: stored %d, shown %d; want 6", fs.set.ReplyMaxBD, m.c.settings.ReplyMaxBD)
	}
	v, ok := m.top().(*insights)
	if !ok {
		t.Fatalf("after y the top screen is %T, want the Insights screen again", m.top())
	}
	if v.in.Suggestion != nil || !strings.Contains(strings.Join(v.lines, "\n"), "reply_max_bd (6) fits") {
		t.Errorf("after using it, the screen still suggests %+v:\n%s", v.in.Suggestion, strings.Join(v.lines, "\n"))
	}
	if !strings.Contains(m.View(), "Set reply_max_bd 6") {
		t.Errorf("the status line does not say what changed:\n%s", m.View())
	}
	// Nothing more to apply: a says so and opens nothing.
	m, _ = press(t, m, "a")
	if _, ok := m.top().(*insights); !ok {
		t.Errorf("a with no suggestion opened %T", m.top())
	}
}

func TestInsightsNeedFiveAnswers(t *testing.T) {
	fs := newFakeStore()
	fs.add(timeline.Application{Company: "Acme"}, tev(timeline.EventInterview, "2026-11-02", ""), tev(timeline.EventRejected, "2026-11-05", ""))
	m := testModel(t, fs, 80, 24)
	m, _ = press(t, m, "i")
	all := strings.Join(m.top().(*insights).lines, "\n")
	if !strings.Contains(all, "needs 5 answers; you have 1") || strings.Contains(all, "use it") {
		t.Errorf("with one answer the screen says:\n%s", all)
	}
	m, _ = press(t, m, "a")
	if _, ok := m.top().(*insights); !ok || len(fs.writes) != 0 {
		t.Errorf("a with one answer opened %T and wrote %v", m.top(), fs.writes)
	}
	m, _ = press(t, m, "esc")
	if _, ok := m.top().(*dashboard); !ok {
		t.Errorf("esc left %T on top, want the dashboard", m.top())
	}
}
