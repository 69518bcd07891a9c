package tui

import (
	"io"

	"github.com/afterview/afterview/timeline"
	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
)

// screen is one screen of the stack above the dashboard: the detail view, a
// form, a confirmation, the draft. The root sends it the keys while it is on
// top, and every other message (loads, write results) whatever its place, so
// a screen keeps itself up to date. A screen never reads the terminal's size
// (the root calls SetSize) and never handles another screen's keys: it asks
// the root for what it cannot do itself with the intent messages below
// (openMsg, closeMsg, statusMsg, helpMsg, undoMsg). Its help.KeyMap is the
// help bar while it is on top.
type screen interface {
	// Update handles a message and returns the screen (a pointer: the
	// same one) and a command.
	Update(tea.Msg) (screen, tea.Cmd)
	// View draws exactly the height given by SetSize.
	View() string
	// SetSize gives the screen the area below the header and above the
	// status line.
	SetSize(w, h int)
	help.KeyMap
}

// initer is a screen that reads something when it opens: the root runs its
// Init command as it pushes it.
type initer interface{ Init() tea.Cmd }

// typer is a screen with a text field that may have the keyboard: while
// typing is true, letters are text (never help, never several keys).
type typer interface{ typing() bool }

// common is what every screen shares, owned by the root: the store to make
// commands from, the style sheet, the keymap, the day shown and the settings
// in force, and the seams the draft pane uses. The root changes today and
// settings; screens only read them.
type common struct {
	store    Store
	styles   *Styles
	keys     *keyMap
	today    timeline.Date
	settings timeline.Settings

	// loaded, when not nil, is called once the first load is shown (Run
	// sets it to put the garbage collector back; see relaxGC).
	loaded func()
	// firstLoad, when not nil, delivers the first load, started before the
	// program (Run starts it while the terminal is being set up).
	firstLoad <-chan tea.Msg

	// Seams for tests: where OSC 52 goes, the environment, finding programs.
	clipboard io.Writer
	getenv    func(string) string
	lookPath  func(string) (string, error)
}

// Intent messages: what a screen asks of the root.

// openMsg asks the root to push a screen on the stack (sized, then its Init
// run). Sent by the keys that open a screen (appActions, dashboard, detail).
type openMsg struct{ s screen }

// closeMsg asks the root to close screen s and every screen above it; a
// screen no longer on the stack is ignored, so closing is safe to ask twice.
// Sent by a screen on esc, after its write succeeded, or when what it shows
// is gone.
type closeMsg struct{ s screen }

// statusMsg puts a line in the status bar; add appends it to the line shown
// (a second sentence about the same change). Sent by any screen, and by the
// session for write results.
type statusMsg struct {
	text string
	err  bool
	add  bool
}

// helpMsg asks the root to show the full help of the screen on top. Sent by
// the screens whose ? is not text.
type helpMsg struct{}

// undoMsg asks the session to take back the latest chase action. Sent by u
// from the dashboard and the detail (appActions).
type undoMsg struct{}

// open returns the command that opens s.
func open(s screen) tea.Cmd { return func() tea.Msg { return openMsg{s} } }

// closeScreen returns the command that closes s.
func closeScreen(s screen) tea.Cmd { return func() tea.Msg { return closeMsg{s} } }

// status returns the command that shows a line in the status bar.
func status(text string) tea.Cmd { return func() tea.Msg { return statusMsg{text: text} } }

// statusErr returns the command that shows an error in the status bar.
func statusErr(text string) tea.Cmd {
	return func() tea.Msg { return statusMsg{text: text, err: true} }
}

// msgCmd returns a command that produces msg.
func msgCmd(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }
