package tui

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/afterview/afterview/timeline"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
)

// screen names a screen of the stack (and, for help, a mode of one).
type screen int

const (
	scrDashboard   screen = iota // the top level: tabs and the table
	scrDetail                    // one application
	scrAppForm                   // add or edit an application
	scrEventForm                 // log an event
	scrSnooze                    // snooze prompt
	scrConfirm                   // yes/no before a destructive write
	scrDraft                     // the follow-up draft
	scrFilter                    // help only: the dashboard's filter is typed
	scrEventTypes                // help only: the event form's type list
	scrEventFields               // help only: the event form's fields
)

// The chrome around the screens, and the smallest terminal drawn.
const (
	headerHeight = 1
	statusHeight = 1
	helpHeight   = 1
	minWidth     = 60
	minHeight    = 15
)

// model is the root: it owns the screens and routes each message to the one
// with the focus (the top of the stack), runs the writes the screens ask for,
// and draws the chrome (header, status line, help bar) around them.
type model struct {
	st     Store
	opts   Options
	styles *Styles
	keys   *KeyMap
	help   help.Model

	width, height int
	today         timeline.Date
	settings      timeline.Settings
	version       int64 // the data version of the last load
	loadSeq       int   // the latest load asked for
	shownSeq      int   // the latest load shown
	loaded        bool

	stack     []screen // screens open above the dashboard; the last has the keys
	showHelp  bool
	status    string
	statusErr bool
	undo      []undoItem // chase actions u can take back, latest last

	dash      dashboard
	detail    detail
	appForm   appForm
	eventForm eventForm
	snooze    snoozeForm
	confirm   confirm
	draft     draftPane

	// Seams for tests.
	pollEvery time.Duration
	clipboard io.Writer
	getenv    func(string) string
	lookPath  func(string) (string, error)
}

// undoItem is a chase action (chased, snoozed) that u takes back by removing
// the event it logged.
type undoItem struct {
	eventID int64
	appID   int64
	what    string // "chased Acme", "snoozed Acme"
}

// newModel builds the root model; nothing is read until Init's command runs.
func newModel(st Store, opts Options, r *lipgloss.Renderer) model {
	if opts.Today == nil {
		opts.Today = localToday
	}
	styles := NewStyles(r)
	keys := DefaultKeyMap()
	h := help.New()
	h.Styles = styles.HelpStyles()
	m := model{
		st: st, opts: opts, styles: &styles, keys: &keys, help: h,
		today: opts.Today(), settings: timeline.DefaultSettings(), loadSeq: 1,
		pollEvery: time.Second, getenv: os.Getenv, lookPath: exec.LookPath,
	}
	if term.IsTerminal(os.Stderr.Fd()) {
		m.clipboard = os.Stderr
	}
	m.dash = newDashboard(m.styles, m.keys)
	m.dash.today, m.dash.lookahead = m.today, m.settings.LookaheadDays
	return m
}

// Init loads the data and starts the poll. The first frame does not wait
// for the load: it shows the chrome at once.
func (m model) Init() tea.Cmd {
	return tea.Batch(loadCmd(m.st, m.loadSeq), m.poll())
}

// poll schedules the next check for changes and a new day.
func (m model) poll() tea.Cmd {
	var fixed timeline.Date
	if m.opts.FixedToday {
		fixed = m.today
	}
	return pollCmd(m.st, m.pollEvery, m.opts.Today, fixed)
}

// Update routes a message: sizes and keys through the root, everything else
// to the handler of its type.
func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.setSize(msg.Width, msg.Height)
		return m, nil
	case tea.KeyMsg:
		return m.onKey(msg)
	case tea.MouseMsg:
		return m.onMouse(msg)
	case loadedMsg:
		return m.onLoaded(msg)
	case entryMsg:
		return m.onEntry(msg)
	case pollMsg:
		return m.onPoll(msg)
	case derivedMsg:
		return m.onDerived(msg)
	case statusMsg:
		m.setStatus(msg.text, msg.err)
	case closeMsg:
		m.pop()

	case submitAppMsg:
		return m.onSubmitApp(msg)
	case submitEventMsg:
		return m, logEventCmd(m.st, msg.appID, msg.company, msg.event, msg.undo)
	case confirmedMsg:
		return m.onConfirmed(msg)
	case appAddedMsg, appUpdatedMsg, archivedMsg, appDeletedMsg, eventLoggedMsg, eventRemovedMsg:
		return m.onWritten(msg)
	case writeFailedMsg:
		return m.onWriteFailed(msg)
	case copiedMsg:
		if msg.err != nil {
			m.setStatus("Could not copy: "+msg.err.Error(), true)
		} else {
			m.setStatus("Copied the message to the clipboard (via your terminal, OSC 52). Subject: "+m.draft.subject, false)
		}
	case mailerMsg:
		return m.onMailer(msg)
	case mailDoneMsg:
		if msg.err != nil {
			m.setStatus("The mail app did not open ("+msg.err.Error()+"): copy the message with y instead.", true)
		} else {
			m.setStatus("Handed the message to your mail app.", false)
		}
	}
	return m, nil
}

// top returns the screen with the focus.
func (m model) top() screen {
	if len(m.stack) == 0 {
		return scrDashboard
	}
	return m.stack[len(m.stack)-1]
}

// push opens a screen above the others and sizes it.
func (m *model) push(s screen) {
	m.stack = append(m.stack, s)
	m.sizeScreens()
}

// pop closes the screen on top (never the dashboard).
func (m *model) pop() {
	if len(m.stack) > 0 {
		m.stack = m.stack[:len(m.stack)-1]
	}
}

// open reports whether screen s is on the stack.
func (m model) open(s screen) bool {
	for _, t := range m.stack {
		if t == s {
			return true
		}
	}
	return false
}

// setStatus shows a line in the status bar until the next key.
func (m *model) setStatus(text string, isErr bool) {
	m.status, m.statusErr = Sanitize(text), isErr
}

// addStatus adds a sentence to the status line's message.
func (m *model) addStatus(text string) {
	if m.status == "" || m.statusErr {
		m.setStatus(text, false)
		return
	}
	m.status += " " + Sanitize(text)
}

// tooSmall reports whether the terminal is below the smallest layout.
func (m model) tooSmall() bool { return m.width < minWidth || m.height < minHeight }

// bodyHeight is the height left to the screens by the chrome.
func (m model) bodyHeight() int { return m.height - headerHeight - statusHeight - helpHeight }

// setSize takes the terminal's size (only the root reads WindowSizeMsg).
func (m *model) setSize(w, h int) {
	m.width, m.height = w, h
	m.help.Width = w
	m.sizeScreens()
}

// sizeScreens gives every screen the body's size.
func (m *model) sizeScreens() {
	w, h := m.width, max(1, m.bodyHeight())
	m.dash.SetSize(w, h)
	for _, s := range m.stack {
		switch s {
		case scrDetail:
			m.detail.SetSize(w, h)
		case scrAppForm:
			m.appForm.SetSize(w, h)
		case scrEventForm:
			m.eventForm.SetSize(w, h)
		case scrSnooze:
			m.snooze.SetSize(w, h)
		case scrConfirm:
			m.confirm.SetSize(w, h)
		case scrDraft:
			m.draft.SetSize(w, h)
		}
	}
}

// View draws the header, the screen with the focus (or the full help), the
// status line and the help bar; or one line when the terminal is too small.
func (m model) View() string {
	if m.width == 0 {
		return ""
	}
	if m.tooSmall() {
		return fit(fmt.Sprintf("Terminal too small: %d×%d (need %d×%d)", m.width, m.height, minWidth, minHeight), m.width)
	}
	var b strings.Builder
	b.WriteString(m.headerView())
	b.WriteByte('\n')
	b.WriteString(m.bodyView())
	b.WriteByte('\n')
	b.WriteString(m.statusView())
	b.WriteByte('\n')
	b.WriteString(m.helpBarView())
	return b.String()
}

// bodyView draws the screen with the focus.
func (m model) bodyView() string {
	h := m.bodyHeight()
	if m.showHelp {
		lines := []string{" " + m.styles.Title.Render("Keys"), ""}
		for _, l := range strings.Split(m.fullHelpView(), "\n") {
			lines = append(lines, " "+l)
		}
		return window(lines, 0, h)
	}
	switch m.top() {
	case scrDetail:
		return m.detail.View()
	case scrAppForm:
		return m.appForm.View()
	case scrEventForm:
		return m.eventForm.View()
	case scrSnooze:
		return m.snooze.View()
	case scrConfirm:
		return m.confirm.View()
	case scrDraft:
		return m.draft.View()
	}
	return m.dash.View()
}

// fullHelpView lays the full help's columns out side by side, wrapping
// to more rows on a narrow terminal rather than dropping columns.
func (m model) fullHelpView() string {
	const sep = "    "
	var rows, row []string
	used := 0
	for _, group := range m.keys.helpFor(m.helpContext()).FullHelp() {
		col := m.help.FullHelpView([][]key.Binding{group})
		w := lipgloss.Width(col)
		if len(row) > 0 && used+len(sep)+w > m.width-2 {
			rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
			row, used = nil, 0
		}
		if len(row) > 0 {
			row = append(row, sep)
			used += len(sep)
		}
		row = append(row, col)
		used += w
	}
	if len(row) > 0 {
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
	}
	return strings.Join(rows, "\n\n")
}

// headerView is the top line: the title and today on the left, the counts
// on the right (dropped when they do not fit).
func (m model) headerView() string {
	left := m.styles.Title.Render("afterview")
	if m.opts.Title != "" {
		left += m.styles.Muted.Render(" · " + Sanitize(m.opts.Title))
	}
	left = " " + left + "  " + m.styles.Header.Render(m.today.Format("Mon 2 Jan 2006"))
	if !m.loaded {
		return left
	}
	d := m.dash
	parts := []string{}
	if d.toChase > 0 {
		parts = append(parts, m.styles.Today.Render(fmt.Sprintf("%d to chase", d.toChase)))
	} else {
		parts = append(parts, m.styles.Good.Render("nothing to chase"))
	}
	parts = append(parts, fmt.Sprintf("%d waiting", d.waiting))
	if d.offers > 0 {
		parts = append(parts, m.styles.Good.Render(fmt.Sprintf("%d offer%s", d.offers, plural(d.offers, "", "s"))))
	}
	for len(parts) > 0 {
		right := strings.Join(parts, m.styles.Muted.Render(" · "))
		if gap := m.width - ansi.StringWidth(left) - ansi.StringWidth(right) - 1; gap >= 2 {
			return left + strings.Repeat(" ", gap) + right
		}
		parts = parts[:len(parts)-1]
	}
	return left
}

// statusView is the status line: the last message, an error in red.
func (m model) statusView() string {
	if m.status == "" {
		return ""
	}
	style := m.styles.Muted
	if m.statusErr {
		style = m.styles.Error
	}
	return " " + style.Render(fit(m.status, m.width-2))
}

// helpBarView is the short help of the screen with the focus.
func (m model) helpBarView() string {
	if m.showHelp {
		return " " + m.styles.Key.Render("?/esc") + m.styles.Muted.Render(" close help")
	}
	hm := m.help
	hm.Width = m.width - 1
	return " " + hm.View(m.keys.helpFor(m.helpContext()))
}

// helpContext is the screen (or mode) whose keys the help lists.
func (m model) helpContext() screen {
	switch s := m.top(); s {
	case scrDashboard:
		if m.dash.filtering {
			return scrFilter
		}
		return s
	case scrEventForm:
		if m.eventForm.step == 0 {
			return scrEventTypes
		}
		return scrEventFields
	default:
		return s
	}
}
