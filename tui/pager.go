package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// pager is the vertical scrolling of a screen that draws a list of lines
// taller than its area — the detail view, the Insights screen and the offers'
// compare view — so that the keys and the wheel scroll the same way in each.
type pager struct {
	lines  []string // every line of the screen, laid out for its width
	offset int      // the first line shown
	height int      // how many lines are shown
}

// scroll moves the view by n lines, within the content.
func (p *pager) scroll(n int) {
	p.offset = max(0, min(p.offset+n, len(p.lines)-p.height))
}

// pageKey scrolls for the paging keys every pager shares (page up and
// down, top, bottom) and, when lineKeys is set, for up and down by a line;
// it reports whether msg was one of them.
func (p *pager) pageKey(msg tea.KeyMsg, k *keyMap, lineKeys bool) bool {
	switch {
	case lineKeys && key.Matches(msg, k.Up):
		p.scroll(-1)
	case lineKeys && key.Matches(msg, k.Down):
		p.scroll(1)
	case key.Matches(msg, k.PageUp):
		p.scroll(-p.height)
	case key.Matches(msg, k.PageDown):
		p.scroll(p.height)
	case key.Matches(msg, k.Top):
		p.offset = 0
	case key.Matches(msg, k.Bottom):
		p.scroll(len(p.lines))
	default:
		return false
	}
	return true
}

// wheel scrolls three lines a notch of the mouse wheel.
func (p *pager) wheel(msg tea.MouseMsg) {
	switch msg.Button {
	case tea.MouseButtonWheelUp:
		p.scroll(-3)
	case tea.MouseButtonWheelDown:
		p.scroll(3)
	}
}

// view draws the visible lines: exactly height of them.
func (p *pager) view() string { return window(p.lines, p.offset, p.height) }
