package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// confirm asks a yes/no question before a destructive write. Only y says
// yes (it closes and runs the write); n or esc says no; every other key is
// ignored.
type confirm struct {
	c        *common
	question string
	write    tea.Cmd

	width, height int
}

// newConfirm asks question before running write.
func newConfirm(c *common, question string, write tea.Cmd) *confirm {
	return &confirm{c: c, question: question, write: write}
}

// SetSize sets the area the question is centred in.
func (q *confirm) SetSize(w, h int) { q.width, q.height = w, h }

// Update handles y and n/esc.
func (q *confirm) Update(msg tea.Msg) (screen, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	switch {
	case !ok:
	case key.Matches(k, q.c.keys.Yes):
		return q, tea.Batch(closeScreen(q), q.write)
	case key.Matches(k, q.c.keys.No):
		return q, closeScreen(q)
	}
	return q, nil
}

// ShortHelp implements help.KeyMap.
func (q *confirm) ShortHelp() []key.Binding { return []key.Binding{q.c.keys.Yes, q.c.keys.No} }

// FullHelp implements help.KeyMap.
func (q *confirm) FullHelp() [][]key.Binding { return [][]key.Binding{q.ShortHelp()} }

// View draws the question in a box in the middle of the area.
func (q *confirm) View() string {
	st := q.c.styles
	w := min(60, q.width-4)
	text := strings.Join(wrap(q.question, w-4), "\n") + "\n\n" +
		st.Key.Render("y") + st.Muted.Render(" yes   ") + st.Key.Render("n") + st.Muted.Render(" no")
	box := st.Box.Width(w).Render(text)
	return lipgloss.Place(q.width, q.height, lipgloss.Center, lipgloss.Center, box)
}
