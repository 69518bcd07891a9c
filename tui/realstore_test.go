package tui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/afterview/afterview/store"
	"github.com/afterview/afterview/timeline"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// TestDashboardAgreesWithTheStoreOnDemoData loads the TUI on the real store
// filled with the demo's applications and checks what the dashboard works
// out itself against the store's own reads: the expedite items (the store's
// WithExpedite), the chase view (`afterview chase`'s) and the counts
// (CountEntries of every application), before and after the archived ones
// are read and after saves.
func TestDashboardAgreesWithTheStoreOnDemoData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.db")
	st, err := store.Open(path, func() timeline.Date { return testToday })
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := store.FillDemo(st, 400); err != nil {
		t.Fatal(err)
	}
	m := newModel(st, Options{Today: func() timeline.Date { return testToday }, FixedToday: true}, lipgloss.DefaultRenderer())
	m.data.pollEvery = 0
	m, _ = send(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	m, _ = runCmds(t, m, m.Init())
	check := func(what string) {
		t.Helper()
		exp, err := st.WithExpedite(nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(exp) == 0 {
			t.Fatalf("%s: the demo data has no expedite item to compare", what)
		}
		if len(exp) != len(m.dash.x.items) {
			t.Errorf("%s: the dashboard has %d expedite items, the store %d", what, len(m.dash.x.items), len(exp))
		}
		for _, e := range exp {
			if got := m.dash.x.items[e.App.ID]; got == nil || *got != *e.Next {
				t.Errorf("%s: %s's expedite item is %+v, the store's %+v", what, e.App.Company, got, e.Next)
			}
		}
		items, err := st.Chase(-1)
		if err != nil {
			t.Fatal(err)
		}
		if len(items) != len(m.dash.chase) {
			t.Fatalf("%s: the Chase tab has %d items, afterview chase %d", what, len(m.dash.chase), len(items))
		}
		for k := range items {
			if a, b := chaseItem(m, k), items[k]; a.App.ID != b.App.ID || a.Action != b.Action || a.Section != b.Section {
				t.Fatalf("%s: chase item %d is %s %s, afterview chase has %s %s", what, k, a.App.Company, a.Action.Kind, b.App.Company, b.Action.Kind)
			}
		}
		all, err := st.Entries(true)
		if err != nil {
			t.Fatal(err)
		}
		want := CountEntries(all, items, testToday)
		want.NextDue = 0
		if m.dash.totals != want {
			t.Errorf("%s: counts\n got %+v\nwant %+v", what, m.dash.totals, want)
		}
	}
	check("first load")
	if m.dash.archivedHidden == 0 {
		t.Fatal("the demo data has no archived application")
	}
	m = setTab(t, m, tabClosed)
	if m.dash.archivedHidden != 0 || len(m.dash.rows) != m.dash.totals.Closed {
		t.Errorf("the Closed tab shows %d rows, says %d (%d archived unread)", len(m.dash.rows), m.dash.totals.Closed, m.dash.archivedHidden)
	}
	check("Closed tab")
	// Chase the first items of the Chase tab (each may end an expedite
	// item), then undo them.
	m = setTab(t, m, tabChase)
	m, _ = press(t, m, "g")
	chased := 0
	for i := 0; i < 60 && chased < 5; i++ {
		m, _ = press(t, m, "c")
		if !strings.HasPrefix(m.status, "Marked") {
			m, _ = press(t, m, "j") // not chased by c (an offer, a reapply window): the next
			continue
		}
		chased++
		check("after c")
	}
	if chased < 5 {
		t.Fatalf("only %d items could be chased with c", chased)
	}
	// The poll after the saves sees no change: they were this process's
	// own, already shown, so nothing is read again.
	seq := m.data.loadSeq
	m, _ = runCmds(t, m, pollCmd(st, time.Nanosecond, nil, testToday))
	if m.data.loadSeq != seq {
		t.Error("the poll after the TUI's own saves reloaded every application")
	}
	// Another process's change is read.
	other, err := store.Open(path, func() timeline.Date { return testToday })
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.AddApplication(timeline.Application{Company: "Elsewhere Inc"}, timeline.Event{Type: timeline.EventApplied, Date: testToday}); err != nil {
		t.Fatal(err)
	}
	other.Close()
	m, _ = runCmds(t, m, pollCmd(st, time.Nanosecond, nil, testToday))
	if m.data.loadSeq != seq+1 {
		t.Error("the poll did not reload after another process's change")
	}
	check("after another process's change")
	for i := 0; i < chased; i++ {
		m, _ = press(t, m, "u")
		check("after u")
	}
}
