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

// offersStore holds four open offers in USD (more than three columns fit
// at 80) and one in EUR, seen on testToday (Thu 26 Nov 2026).
func offersStore() *fakeStore {
	f := newFakeStore()
	add := func(company, role, deadline string, base, bonus, equity int64, currency string) {
		o := tev(timeline.EventOffer, "2026-11-20", "")
		o.Deadline, o.Base, o.Bonus, o.Equity, o.Currency = timeline.MustDate(deadline), base, bonus, equity, currency
		f.add(timeline.Application{Company: company, Role: role}, tev(timeline.EventInterview, "2026-11-10", ""), o)
	}
	add("Acme Robotics", "SWE II", "2026-12-04", 180000, 20000, 40000, "USD")
	add("Initech", "Data Engineer", "2026-12-11", 170000, 10000, 0, "USD")
	add("Globex", "Platform", "2026-12-01", 190000, 0, 80000, "USD")
	add("Hooli", "ML Engineer", "2026-12-18", 200000, 30000, 120000, "USD")
	add("Kojo Labs", "Staff", "2026-12-07", 120000, 0, 0, "EUR")
	f.writes = nil
	return f
}

func TestOffersViewKeys(t *testing.T) {
	m := testModel(t, offersStore(), 80, 40)
	m, _ = press(t, m, "v")
	v := topAs[*offersView](t, m)
	if !v.loaded || len(v.groups) != 2 {
		t.Fatalf("compare view: loaded %v, %d groups; want the offers in 2 currencies", v.loaded, len(v.groups))
	}
	view := v.View()
	for _, want := range []string{"Offers on Thu 26 Nov", "offers 1–3 of 4", "Kojo Labs"} {
		if !strings.Contains(view, want) {
			t.Errorf("compare view lacks %q:\n%s", want, view)
		}
	}
	if first := usdRow(v); strings.Contains(first, "Hooli") || !strings.Contains(first, "Globex") {
		t.Errorf("the USD table's first three columns should leave Hooli out: %q", first)
	}
	m, _ = press(t, m, "l")
	v = topAs[*offersView](t, m)
	if v.col != 1 || !strings.Contains(v.View(), "offers 2–4 of 4") {
		t.Errorf("after l: col %d\n%s", v.col, v.View())
	}
	if !strings.Contains(usdRow(v), "Hooli") {
		t.Errorf("after l the last column should be Hooli's: %q", usdRow(v))
	}
	m, _ = press(t, m, "l") // already at the last columns: stays
	if v = topAs[*offersView](t, m); v.col != 1 {
		t.Errorf("after l at the end: col %d, want 1", v.col)
	}
	m, _ = press(t, m, "h", "h")
	if v = topAs[*offersView](t, m); v.col != 0 {
		t.Errorf("after h h: col %d, want 0", v.col)
	}
	m, _ = press(t, m, "q")
	if _, ok := m.top().(*dashboard); !ok {
		t.Errorf("q did not go back to the dashboard: %T", m.top())
	}
}

func TestGoldenOffersCompare(t *testing.T) {
	m := newModel(offersStore(), Options{Today: func() timeline.Date { return testToday }, FixedToday: true, Title: "test"}, lipgloss.DefaultRenderer())
	m.data.pollEvery = 0
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	wait := func(text string) {
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(text)) },
			teatest.WithDuration(3*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
	}
	wait("Offers 5")
	tm.Send(keyMsg("v"))
	wait("1–3 of 4")
	tm.Send(keyMsg("l"))
	wait("2–4 of 4")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	final := tm.FinalModel(t, teatest.WithFinalTimeout(3*time.Second)).(model)
	teatest.RequireEqualOutput(t, []byte(final.View()))
}

// usdRow is the company row of the compare view's USD table.
func usdRow(v *offersView) string {
	for _, l := range v.lines {
		if strings.HasPrefix(l, " USD") {
			return l
		}
	}
	return ""
}
