package tui

import (
	"testing"

	"github.com/afterview/afterview/timeline"
	tea "github.com/charmbracelet/bubbletea"
)

// burst is letters that arrived in one read of the terminal (tmux send-keys
// -l jjj, a fast typist): Bubble Tea delivers them as one KeyRunes message.
func burst(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

func TestLettersInOneReadActAsThatManyKeys(t *testing.T) {
	m := testModel(t, fixtureStore(), 100, 30)
	m = setTab(t, m, tabActive)
	m, _ = press(t, m, "g")
	m, _ = send(t, m, burst("jjj"))
	if m.dash.cursor != 3 {
		t.Errorf("jjj in one read moved the cursor to row %d, want 3", m.dash.cursor)
	}
	m, _ = send(t, m, burst("kk"))
	if m.dash.cursor != 1 {
		t.Errorf("kk in one read moved the cursor to row %d, want 1", m.dash.cursor)
	}
}

func TestLettersInOneReadReachTheScreenTheFirstOpened(t *testing.T) {
	m := testModel(t, fixtureStore(), 100, 30)
	m = selectCompany(t, m, "Acme Robotics")
	// l opens the event form; o, in its type list, jumps to offer; enter
	// chooses it; then the date field takes letters as text.
	m, _ = send(t, m, burst("lo"))
	f := topAs[*eventForm](t, m)
	if f.eventType() != timeline.EventOffer {
		t.Fatalf("lo in one read: the type list is on %s, want offer", f.eventType())
	}
	m, _ = press(t, m, "enter")
	m, _ = send(t, m, burst("yesterday"))
	if got := topAs[*eventForm](t, m).fields.date.value(); got != "yesterday" {
		t.Errorf("letters in one read into a date field: %q, want yesterday", got)
	}
}

func TestLettersInOneReadAreTextInAField(t *testing.T) {
	m := testModel(t, fixtureStore(), 100, 30)
	m, _ = press(t, m, "a")
	m, _ = send(t, m, burst("jjq"))
	if got := topAs[*appForm](t, m).company.value(); got != "jjq" {
		t.Errorf("the company field holds %q, want jjq", got)
	}
	m, _ = press(t, m, "esc")
	m, _ = press(t, m, "/")
	m, msgs := send(t, m, burst("acq"))
	if quits(msgs) || m.dash.filter.Value() != "acq" {
		t.Errorf("the filter holds %q (quit %v), want acq", m.dash.filter.Value(), quits(msgs))
	}
}

// TestAKeyAfterLettersInOneReadWaitsForThem checks that a key arriving while
// letters of one read are still being handed over one by one (l i, then
// enter, typed fast) reaches the screen they opened, after them: before, the
// enter reached the dashboard first and was lost.
func TestAKeyAfterLettersInOneReadWaitsForThem(t *testing.T) {
	m := testModel(t, fixtureStore(), 100, 30)
	m = selectCompany(t, m, "Acme Robotics")
	tm, cmd1 := m.Update(burst("li"))
	m = tm.(model)
	tm, cmd2 := m.Update(keyMsg("enter")) // read before l's command has run
	m = tm.(model)
	m, _ = runCmds(t, m, tea.Batch(cmd1, cmd2))
	f := topAs[*eventForm](t, m)
	if f.eventType() != timeline.EventInterview || f.step != 1 {
		t.Fatalf("l i enter typed fast: the form is on %s at step %d, want interview's fields", f.eventType(), f.step)
	}
	if len(m.stack) != 2 {
		t.Errorf("%d screens open, want the dashboard and the form", len(m.stack))
	}
}
