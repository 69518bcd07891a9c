package tui

import (
	"os"
	"os/exec"

	"github.com/afterview/afterview/timeline"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/term"
)

// The chrome around the screens, and the smallest terminal drawn.
const (
	headerHeight = 1
	statusHeight = 1
	helpHeight   = 1
	minWidth     = 60
	minHeight    = 15
)

// model is the root. It only routes: the terminal's size to every screen,
// keys and the mouse to the screen on top, intent messages (open, close,
// status, help) to the stack, and everything else first to the session
// (loads, polls, writes, undo) and then to every screen. It draws the
// chrome around the screen on top: the header, the status line and the help
// bar (chrome.go).
type model struct {
	c    *common
	opts Options
	help help.Model
	data session

	dash  *dashboard // the bottom of the stack, never closed
	stack []screen   // dash first; the last one has the keys

	width, height int
	showHelp      bool // the full help of the screen on top replaces it
	status        string
	statusErr     bool

	// waiting holds keys while letters that arrived together are handed
	// to the screens one at a time (see onKey): the rest of those letters,
	// then any key that arrived meanwhile, in the order they were typed.
	waiting []tea.KeyMsg
}

// nextKeyMsg hands the next waiting key to the screens.
type nextKeyMsg struct{}

// newModel builds the root model; nothing is read until Init's command runs.
func newModel(store Store, opts Options, r *lipgloss.Renderer) model {
	if opts.Today == nil {
		opts.Today = localToday
	}
	styles := NewStyles(r)
	keys := defaultKeyMap()
	c := &common{store: store, styles: &styles, keys: &keys, today: opts.Today(),
		settings: timeline.DefaultSettings(), getenv: os.Getenv, lookPath: exec.LookPath}
	if term.IsTerminal(os.Stderr.Fd()) {
		c.clipboard = os.Stderr
	}
	h := help.New()
	h.Styles = styles.HelpStyles()
	dash := newDashboard(c)
	return model{c: c, opts: opts, help: h, data: newSession(c, opts), dash: dash, stack: []screen{dash}}
}

// Init loads the data and starts the poll. The first frame does not wait
// for the load: it shows the chrome at once.
func (m model) Init() tea.Cmd { return m.data.Init() }

// Update routes one message.
func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.setSize(msg.Width, msg.Height)
		return m, nil
	case tea.KeyMsg:
		if len(m.waiting) > 0 && !key.Matches(msg, m.c.keys.ForceQuit) {
			m.waiting = append(m.waiting, msg) // after the letters before it
			return m, nil
		}
		return m.onKey(msg)
	case nextKeyMsg:
		if len(m.waiting) == 0 {
			return m, nil
		}
		k := m.waiting[0]
		m.waiting = m.waiting[1:]
		tm, cmd := m.onKey(k)
		m = tm.(model)
		if len(m.waiting) > 0 {
			return m, tea.Sequence(cmd, msgCmd(nextKeyMsg{}))
		}
		return m, cmd
	case tea.MouseMsg:
		if m.showHelp || m.tooSmall() {
			return m, nil
		}
		msg.Y -= headerHeight // relative to the screen's first line
		return m, m.updateTop(msg)
	case openMsg:
		return m, m.push(msg.s)
	case closeMsg:
		m.close(msg.s)
		return m, nil
	case statusMsg:
		m.setStatus(msg)
		return m, nil
	case helpMsg:
		m.showHelp = true
		return m, nil
	}
	pass, cmd, note := m.data.update(msg)
	if note != nil {
		m.setStatus(*note)
	}
	if pass == nil {
		return m, cmd
	}
	return m, tea.Batch(cmd, m.broadcast(pass))
}

// onKey routes a key: ctrl+c always quits; the full help, when shown, takes
// every other key; else the screen on top gets it. Letters that arrived
// together (a paste, or keys faster than the terminal is read) act as that
// many key presses, unless the screen on top is typing, where they are text.
func (m model) onKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := m.c.keys
	if key.Matches(msg, k.ForceQuit) {
		return m, tea.Quit
	}
	m.status, m.statusErr = "", false
	switch {
	case m.tooSmall():
		if len(m.stack) == 1 && !m.typing() && key.Matches(msg, k.Quit) {
			return m, tea.Quit
		}
		return m, nil
	case m.showHelp:
		if key.Matches(msg, k.Help, k.Back, k.Quit) {
			m.showHelp = false
		}
		return m, nil
	case msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste && !m.typing():
		// One key now; the rest once what it asked for (a screen to
		// open) has happened, so they reach the screen it opened — and so
		// does a key that arrives meanwhile (an enter after them), after
		// them.
		first, rest := msg, msg
		first.Runes, rest.Runes = msg.Runes[:1], msg.Runes[1:]
		m.waiting = append([]tea.KeyMsg{rest}, m.waiting...)
		return m, tea.Sequence(m.updateTop(first), msgCmd(nextKeyMsg{}))
	}
	return m, m.updateTop(msg)
}

// top returns the screen with the keys.
func (m model) top() screen { return m.stack[len(m.stack)-1] }

// typing reports whether the screen on top has a text field with the keys.
func (m model) typing() bool {
	t, ok := m.top().(typer)
	return ok && t.typing()
}

// updateTop sends msg to the screen on top.
func (m model) updateTop(msg tea.Msg) tea.Cmd {
	s, cmd := m.top().Update(msg)
	m.stack[len(m.stack)-1] = s
	return cmd
}

// broadcast sends a message that is not input to every screen, bottom up.
func (m model) broadcast(msg tea.Msg) tea.Cmd {
	cmds := make([]tea.Cmd, 0, len(m.stack))
	for i, s := range m.stack {
		var cmd tea.Cmd
		m.stack[i], cmd = s.Update(msg)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

// push opens a screen above the others, sizes it and runs its Init.
func (m *model) push(s screen) tea.Cmd {
	m.stack = append(m.stack, s)
	s.SetSize(m.width, max(1, m.bodyHeight()))
	if i, ok := s.(initer); ok {
		return i.Init()
	}
	return nil
}

// close closes s and every screen above it; never the dashboard.
func (m *model) close(s screen) {
	for i := len(m.stack) - 1; i > 0; i-- {
		if m.stack[i] == s {
			m.stack = m.stack[:i]
			return
		}
	}
}

// setStatus shows a line in the status bar until the next key; an added
// sentence follows the one shown, unless that is an error.
func (m *model) setStatus(s statusMsg) {
	text := Sanitize(s.text)
	if s.add && m.status != "" && !m.statusErr {
		text = m.status + " " + text
	}
	m.status, m.statusErr = text, s.err
}

// tooSmall reports whether the terminal is below the smallest layout.
func (m model) tooSmall() bool { return m.width < minWidth || m.height < minHeight }

// bodyHeight is the height left to the screens by the chrome.
func (m model) bodyHeight() int { return m.height - headerHeight - statusHeight - helpHeight }

// setSize takes the terminal's size (only the root reads WindowSizeMsg) and
// gives every screen the body's.
func (m *model) setSize(w, h int) {
	m.width, m.height = w, h
	m.help.Width = w
	for _, s := range m.stack {
		s.SetSize(w, max(1, m.bodyHeight()))
	}
}
