package tui

import (
	"fmt"
	"strings"

	"github.com/afterview/afterview/timeline"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// The root's drawing: the header, the screen on top (or its full help), the
// status line and the help bar, fed from the screen's help.KeyMap.

// View draws the chrome and the screen on top; or one line when the
// terminal is too small.
func (m model) View() string {
	if m.width == 0 {
		return ""
	}
	if m.tooSmall() {
		return fit(fmt.Sprintf("Terminal too small: %d×%d (need %d×%d)", m.width, m.height, minWidth, minHeight), m.width)
	}
	body := m.top().View()
	if m.showHelp {
		lines := []string{" " + m.c.styles.Title.Render("Keys"), ""}
		for _, l := range strings.Split(m.fullHelpView(), "\n") {
			lines = append(lines, " "+l)
		}
		body = window(lines, 0, m.bodyHeight())
	}
	return strings.Join([]string{m.headerView(), body, m.statusView(), m.helpBarView()}, "\n")
}

// fullHelpView lays the full help's columns out side by side, wrapping
// to more rows on a narrow terminal rather than dropping columns.
func (m model) fullHelpView() string {
	const sep = "    "
	var rows, row []string
	used := 0
	for _, group := range m.top().FullHelp() {
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
// on the right (dropped from the last when they do not fit).
func (m model) headerView() string {
	st := m.c.styles
	left := st.Title.Render("afterview")
	if m.opts.Title != "" {
		left += st.Muted.Render(" · " + Sanitize(m.opts.Title))
	}
	left = " " + left + "  " + st.Header.Render(m.c.today.Format(timeline.LayoutDayYear))
	if !m.data.loaded {
		return left
	}
	parts := m.dash.headerCounts()
	for len(parts) > 0 {
		right := strings.Join(parts, st.Muted.Render(" · "))
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
	style := m.c.styles.Muted
	if m.statusErr {
		style = m.c.styles.Error
	}
	return " " + style.Render(fit(m.status, m.width-2))
}

// helpBarView is the short help of the screen on top.
func (m model) helpBarView() string {
	if m.showHelp {
		return " " + m.c.styles.Key.Render("?/esc") + m.c.styles.Muted.Render(" close help")
	}
	hm := m.help
	hm.Width = m.width - 1
	return " " + hm.View(m.top())
}
