package tui

import (
	"errors"
	"runtime/debug"
	"testing"

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
