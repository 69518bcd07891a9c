package tui

import (
	"errors"
	"runtime/debug"
	"testing"
	"time"

	"github.com/afterview/afterview/timeline"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// TestRelaxGCPutsTheCollectorBack checks that relaxGC holds the collector
// back (no percentage; a heap limit) and that what it returns puts both
// settings back as they were.
func TestRelaxGCPutsTheCollectorBack(t *testing.T) {
	pct := debug.SetGCPercent(73)
	defer debug.SetGCPercent(pct)
	limit := debug.SetMemoryLimit(-1)
	restore := relaxGC()
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Errorf("while the first load runs: GC percent %d, want -1 (off)", got)
	}
	if got := debug.SetMemoryLimit(-1); got != loadHeapLimit {
		t.Errorf("while the first load runs: memory limit %d, want %d", got, loadHeapLimit)
	}
	restore()
	if got := debug.SetGCPercent(pct); got != 73 {
		t.Errorf("after: GC percent %d, want 73", got)
	}
	if got := debug.SetMemoryLimit(-1); got != limit {
		t.Errorf("after: memory limit %d, want %d", got, limit)
	}
}

// TestFirstLoadCallsLoadedOnce checks that the hook Run sets (putting the
// collector back) runs once, after the first load, failed or not, and not
// after later loads.
func TestFirstLoadCallsLoadedOnce(t *testing.T) {
	for _, err := range []error{nil, errors.New("disk on fire")} {
		fs := newFakeStore()
		m := newModel(fs, Options{Today: func() timeline.Date { return testToday }, FixedToday: true}, lipgloss.DefaultRenderer())
		calls := 0
		m.c.loaded = func() { calls++ }
		m = update(m, tea.WindowSizeMsg{Width: 100, Height: 30})
		for seq := 1; seq <= 2; seq++ {
			m, _ = send(t, m, loadedMsg{seq: seq, err: err, settings: timeline.DefaultSettings()})
		}
		if calls != 1 {
			t.Errorf("load error %v: the hook ran %d times, want once", err, calls)
		}
	}
}

// TestFirstLoadStartedBeforeTheProgram checks that a load Run started
// before the program is the one the dashboard shows: Init waits for it
// instead of reading the store again.
func TestFirstLoadStartedBeforeTheProgram(t *testing.T) {
	fs := bigStore(30)
	first := make(chan tea.Msg, 1)
	first <- loadCmd(fs, firstLoadSeq)()
	readsOf(fs) // forgets the reads of the load above
	m := newModel(fs, Options{Today: func() timeline.Date { return testToday }, FixedToday: true}, lipgloss.DefaultRenderer())
	m.c.firstLoad = first
	m = update(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	for _, msg := range collectNoWait(m.Init()) {
		m = update(m, msg)
	}
	if !m.dash.loaded || len(m.dash.entries) == 0 {
		t.Fatalf("the dashboard did not show the load started before the program (loaded %v, %d entries)", m.dash.loaded, len(m.dash.entries))
	}
	if reads := readsOf(fs); len(reads) != 0 {
		t.Errorf("Init read the store again: %v", reads)
	}
}

// collectNoWait runs cmd's commands that answer at once (a batch's parts
// each on its own), leaving out those that wait (the poll's tick).
func collectNoWait(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	select {
	case msg := <-done:
		if b, ok := msg.(tea.BatchMsg); ok {
			var out []tea.Msg
			for _, c := range b {
				out = append(out, collectNoWait(c)...)
			}
			return out
		}
		if msg == nil {
			return nil
		}
		return []tea.Msg{msg}
	case <-time.After(200 * time.Millisecond):
		return nil
	}
}
