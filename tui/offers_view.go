package tui

import (
	"fmt"

	"github.com/afterview/afterview/timeline"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// offersView is the compare view (v, from the dashboard's Offers tab): the
// table of `afterview offers`, drawn by the same code, with as many offer
// columns as the width holds (three at 80 columns). ←/→ (h/l) move the
// columns sideways when there are more offers; ↑/↓ scroll when the
// terminal is short; esc or q go back.
type offersView struct {
	c    *common
	keys *keyMap

	groups []timeline.OfferGroup
	loaded bool
	err    error

	col int // the first offer column shown in each table

	pager
	width int
}

// newOffersView opens the compare view; the offers follow (Init).
func newOffersView(c *common) *offersView { return &offersView{c: c, keys: c.keys} }

// Init reads the offers to compare.
func (v *offersView) Init() tea.Cmd { return offersCmd(v.c.store) }

// SetSize sets the area the view draws in.
func (v *offersView) SetSize(w, h int) {
	v.width, v.height = w, h
	v.build()
}

// Update handles the keys, the offers when they come, and a reload (a
// change anywhere re-reads them).
func (v *offersView) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		return v, v.key(msg)
	case offersMsg:
		v.groups, v.err, v.loaded = msg.groups, msg.err, true
		v.col = min(v.col, v.maxCol())
		v.build()
	case loadedMsg:
		if msg.err == nil {
			return v, offersCmd(v.c.store)
		}
	}
	return v, nil
}

// key handles the view's keys: the columns sideways, the lines up and
// down, esc or q to go back.
func (v *offersView) key(msg tea.KeyMsg) tea.Cmd {
	k := v.keys
	switch {
	case key.Matches(msg, k.Back), key.Matches(msg, k.Quit):
		return closeScreen(v)
	case key.Matches(msg, k.Help):
		return msgCmd(helpMsg{})
	case key.Matches(msg, k.ColLeft):
		v.col = max(0, v.col-1)
	case key.Matches(msg, k.ColRight):
		v.col = min(v.col+1, v.maxCol())
	default:
		v.pageKey(msg, k, true)
	}
	v.build()
	return nil
}

// report is how the view draws: the reports' styles at its width.
func (v *offersView) report() Report {
	return Report{Styles: *v.c.styles, Today: v.c.today, Width: v.width - 1}
}

// widest is the number of offers in the largest currency's table.
func (v *offersView) widest() int {
	n := 0
	for _, g := range v.groups {
		n = max(n, len(g.Offers))
	}
	return n
}

// maxCol is the furthest the columns move: the widest table's last columns
// just fill the width (a narrower table shows its last columns by then).
func (v *offersView) maxCol() int {
	n := v.widest()
	return max(0, n-offerColumnsFit(v.report().Width, n))
}

// build lays out every line for the width and the columns shown.
func (v *offersView) build() {
	if v.width <= 0 {
		return
	}
	st := v.c.styles
	r := v.report()
	var ls []string
	add := func(s ...string) {
		for _, l := range s {
			ls = append(ls, " "+fitStyled(l, v.width-1))
		}
	}
	switch {
	case v.err != nil:
		add(st.Error.Render("Could not read the offers: " + Sanitize(v.err.Error())))
	case !v.loaded:
		add(st.Muted.Render("Reading the offers…"))
	case len(v.groups) == 0:
		add(fmt.Sprintf("No offers to compare: none open, and none accepted or declined in the last %d days.", timeline.OfferRecentDays))
	default:
		add(r.offersHeading()...)
		if n := v.widest(); offerColumnsFit(r.Width, n) < n {
			per := offerColumnsFit(r.Width, n)
			add(st.Accent.Render(fmt.Sprintf("offers %d–%d of %d · ←/→ (h/l) for the others", v.col+1, min(n, v.col+per), n)))
		}
		for _, g := range v.groups {
			add("")
			n := len(g.Offers) // a narrower table keeps its columns filled
			add(r.OfferGroupBlock(g, max(0, min(v.col, n-offerColumnsFit(r.Width, n))))...)
		}
	}
	v.lines = ls
	v.offset = max(0, min(v.offset, len(v.lines)-v.height))
}

// View draws the visible lines: exactly height of them.
func (v *offersView) View() string { return v.view() }

// ShortHelp implements help.KeyMap.
func (v *offersView) ShortHelp() []key.Binding {
	k := v.keys
	return []key.Binding{k.ColLeft, k.ColRight, k.Down, k.Up, k.back(), k.more()}
}

// FullHelp implements help.KeyMap.
func (v *offersView) FullHelp() [][]key.Binding {
	k := v.keys
	return [][]key.Binding{{k.ColLeft, k.ColRight}, {k.Up, k.Down, k.Top, k.Bottom}, {k.back(), k.Help}}
}
