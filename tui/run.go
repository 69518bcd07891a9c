package tui

import (
	"math"
	"runtime/debug"
	"time"

	"github.com/afterview/afterview/timeline"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// Options configure the TUI.
type Options struct {
	// Today returns the current civil date; nil means the local date now.
	// It is read again every second (the date rolls over at midnight) unless
	// FixedToday is set.
	Today func() timeline.Date
	// FixedToday says Today never changes (--today or AFTERVIEW_TODAY).
	FixedToday bool
	// Title is shown in the header after "afterview", e.g. "demo".
	Title string
	// Theme picks the colours for a light or a dark background; auto (or
	// empty) asks the terminal.
	Theme Theme
}

// Run shows the TUI on the terminal until the user quits, reading and
// writing db. It returns when the program ends; the error is one of the
// terminal's, never a store error (those show in the status line).
func Run(db Store, opts Options) error {
	// The first load starts at once, while the terminal is asked for its
	// background and set up: it does not depend on either.
	loaded := relaxGC()
	defer loaded() // as it was, even if the program ends before the data shows
	first := make(chan tea.Msg, 1)
	go func() { first <- loadCmd(db, firstLoadSeq)() }()
	r := lipgloss.DefaultRenderer()
	// Set the background, or ask the terminal for it before Bubble Tea owns
	// the input, so the answer cannot be read as key presses.
	opts.Theme.Apply(r)
	m := newModel(db, opts, r)
	m.c.loaded, m.c.firstLoad = loaded, first
	p := tea.NewProgram(m, tea.WithAltScreen(), tea.WithMouseCellMotion())
	_, err := p.Run()
	return err
}

// localToday is the default Options.Today: the local civil date.
func localToday() timeline.Date { return timeline.DateOf(time.Now()) }

// loadHeapLimit bounds the heap while relaxGC holds the collector back: the
// first load of 100,000 applications allocates about 300 MB.
const loadHeapLimit = 512 << 20

// relaxGC holds the garbage collector back while the first load reads every
// application and works out the views (each collection would mark a heap
// that only grows), unless the heap reaches loadHeapLimit (or a limit the
// user set with GOMEMLIMIT); the function it returns puts the collector back
// as it was, which then frees what the load left behind.
func relaxGC() (restore func()) {
	pct := debug.SetGCPercent(-1)
	limit := debug.SetMemoryLimit(-1)
	if limit == math.MaxInt64 {
		debug.SetMemoryLimit(loadHeapLimit)
	}
	return func() {
		debug.SetMemoryLimit(limit)
		debug.SetGCPercent(pct)
	}
}
