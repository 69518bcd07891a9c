package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// confirmKind is what a confirmation is about.
type confirmKind int

const (
	confirmArchive     confirmKind = iota // archive or restore an application
	confirmDelete                         // delete an application and its events
	confirmRemoveEvent                    // remove one event (a mistake)
)

// confirmAction is what to do when the user says yes.
type confirmAction struct {
	kind     confirmKind
	appID    int64
	eventID  int64
	company  string
	archived bool // confirmArchive: the new state
}

// confirm asks a yes/no question before a destructive write. Only y says
// yes; n or esc says no; every other key is ignored.
type confirm struct {
	st       *Styles
	keys     *KeyMap
	question string
	action   confirmAction

	width, height int
}

// newConfirm asks question before action.
func newConfirm(st *Styles, keys *KeyMap, question string, action confirmAction) confirm {
	return confirm{st: st, keys: keys, question: question, action: action}
}

// SetSize sets the area the question is centred in.
func (c *confirm) SetSize(w, h int) { c.width, c.height = w, h }

// Update handles y (confirmedMsg) and n/esc (closeMsg).
func (c confirm) Update(msg tea.Msg) (confirm, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	switch {
	case !ok:
	case key.Matches(k, c.keys.Yes):
		a := c.action
		return c, func() tea.Msg { return confirmedMsg{a} }
	case key.Matches(k, c.keys.No):
		return c, func() tea.Msg { return closeMsg{} }
	}
	return c, nil
}

// View draws the question in a box in the middle of the area.
func (c confirm) View() string {
	w := min(60, c.width-4)
	text := strings.Join(wrap(c.question, w-4), "\n") + "\n\n" +
		c.st.Key.Render("y") + c.st.Muted.Render(" yes   ") + c.st.Key.Render("n") + c.st.Muted.Render(" no")
	box := c.st.Box.Width(w).Render(text)
	return lipgloss.Place(c.width, c.height, lipgloss.Center, lipgloss.Center, box)
}
