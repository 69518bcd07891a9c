package tui

import (
	"slices"

	"github.com/afterview/afterview/timeline"
	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
)

// tab is one of the dashboard's tabs.
type tab int

// The tabs: what the user must do now, what is under way, offers and after,
// and what is over (closed stages and archived applications).
const (
	tabChase tab = iota
	tabActive
	tabOffers
	tabClosed
	numTabs
)

var tabNames = [numTabs]string{"Chase", "Active", "Offers", "Closed"}

// sortMode is the order of the Active, Offers and Closed tabs (the Chase tab
// always keeps the chase view's order, as `afterview chase` prints it).
type sortMode int

const (
	sortDue      sortMode = iota // next action's due date, nothing due last
	sortCompany                  // company name
	sortStage                    // stage, in the order of a job search
	sortActivity                 // latest event first
	numSorts
)

var sortNames = [numSorts]string{"due", "company", "stage", "last activity"}

// dashboard is the list screen. It keeps every entry once and, for speed
// with thousands of them, index slices: the chase order, the current sort,
// and the rows the current tab and filter show. Only visible rows are drawn.
type dashboard struct {
	st   *Styles
	keys *KeyMap

	today     timeline.Date
	lookahead int
	entries   []timeline.Entry // by id, as the store returns them
	byID      map[int64]int    // id -> index in entries
	haystack  []string         // per entry: lower-case company, role, recruiter (built on the first filter)
	names     []string         // per entry: lower-case company, for sorting
	sortKeys  []sortKey        // per entry: its key in the current sort
	chase     []int            // the chase view, in timeline.Chase's order
	sorted    []int            // every entry in the sort order
	rows      []int            // the rows shown: the tab's entries matching the filter
	counts    [numTabs]int     // entries per tab, before the filter
	toChase   int              // due today or overdue
	waiting   int              // under way, nothing due yet
	offers    int              // offers awaiting an answer
	loaded    bool
	loadErr   error // the first load failed: say so instead of "Loading…"

	tab       tab
	sort      sortMode
	filter    textinput.Model
	filtering bool // the filter has the keyboard
	cursor    int  // index into rows
	offset    int  // the first row drawn
	selID     int64
	cols      []column // the columns that fit the width

	width, height int
}

// newDashboard returns an empty dashboard.
func newDashboard(st *Styles, keys *KeyMap) dashboard {
	f := textinput.New()
	f.Prompt = "/"
	f.Placeholder = "company, role or recruiter"
	f.Cursor.SetMode(cursor.CursorStatic)
	f.CharLimit = 100
	return dashboard{st: st, keys: keys, filter: f, tab: tabActive, byID: map[int64]int{}}
}

// SetSize sets the area the dashboard draws in.
func (d *dashboard) SetSize(w, h int) {
	d.width, d.height = w, h
	d.filter.Width = max(10, w-20)
	d.cols = layoutColumns(w)
	d.scrollToCursor()
}

// tableHeight is the number of rows drawn: the body less the tab line, the
// column titles and the footer line.
func (d dashboard) tableHeight() int { return max(1, d.height-3) }

// rowOf returns the row showing application id, or -1.
func (d dashboard) rowOf(id int64) int {
	for r, i := range d.rows {
		if d.entries[i].App.ID == id {
			return r
		}
	}
	return -1
}

// focus selects application id, switching to the tab that shows it (and
// clearing a filter that hides it): used after adding an application.
func (d *dashboard) focus(id int64) {
	i, ok := d.byID[id]
	if !ok {
		return
	}
	d.selID = id
	if d.rowOf(id) < 0 && !(d.tab == tabChase && slices.Contains(d.chase, i)) {
		d.tab = tabOf(&d.entries[i])
		d.refilter()
	}
	if d.rowOf(id) < 0 {
		d.filter.SetValue("")
		d.refilter()
	}
	if r := d.rowOf(id); r >= 0 {
		d.setCursor(r)
	}
}

// setCursor moves the cursor to row r (clamped) and remembers its id.
func (d *dashboard) setCursor(r int) {
	d.cursor = max(0, min(r, len(d.rows)-1))
	if len(d.rows) > 0 {
		d.selID = d.entries[d.rows[d.cursor]].App.ID
	}
	d.scrollToCursor()
}

// scrollToCursor keeps the cursor's row on screen.
func (d *dashboard) scrollToCursor() {
	h := d.tableHeight()
	d.offset = min(d.offset, d.cursor)
	if d.cursor >= d.offset+h {
		d.offset = d.cursor - h + 1
	}
	d.offset = max(0, min(d.offset, len(d.rows)-h))
}

// Selected returns the entry under the cursor.
func (d dashboard) Selected() (timeline.Entry, bool) {
	if len(d.rows) == 0 {
		return timeline.Entry{}, false
	}
	return d.entries[d.rows[d.cursor]], true
}

// Update handles the dashboard's own keys (moving, tabs, filter, sort) and
// the mouse wheel; the root handles the keys that open screens or write.
func (d dashboard) Update(msg tea.Msg) (dashboard, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.MouseMsg:
		return d.mouse(msg), nil
	case tea.KeyMsg:
		if d.filtering {
			return d.filterKey(msg)
		}
		k := d.keys
		switch {
		case key.Matches(msg, k.Up):
			d.setCursor(d.cursor - 1)
		case key.Matches(msg, k.Down):
			d.setCursor(d.cursor + 1)
		case key.Matches(msg, k.PageUp):
			d.setCursor(d.cursor - d.tableHeight())
		case key.Matches(msg, k.PageDown):
			d.setCursor(d.cursor + d.tableHeight())
		case key.Matches(msg, k.Top):
			d.setCursor(0)
		case key.Matches(msg, k.Bottom):
			d.setCursor(len(d.rows) - 1)
		case key.Matches(msg, k.NextTab):
			d.setTab((d.tab + 1) % numTabs)
		case key.Matches(msg, k.PrevTab):
			d.setTab((d.tab + numTabs - 1) % numTabs)
		case key.Matches(msg, k.Filter):
			d.filtering = true
			return d, d.filter.Focus()
		case key.Matches(msg, k.Back):
			if d.filter.Value() != "" {
				d.filter.SetValue("")
				d.refilter()
			}
		case key.Matches(msg, k.Sort):
			d.sort = (d.sort + 1) % numSorts
			d.resort()
			if d.tab == tabChase {
				return d, statusCmd("Sorted the other tabs by " + sortNames[d.sort] + "; the Chase tab keeps the chase order (due, kind, company).")
			}
		}
	}
	return d, nil
}

// filterKey handles a key while the filter is being typed: every printable
// key is text; enter keeps the filter, esc clears it, arrows move.
func (d dashboard) filterKey(msg tea.KeyMsg) (dashboard, tea.Cmd) {
	switch {
	case msg.Type == tea.KeyEnter:
		d.filtering = false
		d.filter.Blur()
		return d, nil
	case msg.Type == tea.KeyEsc:
		d.filtering = false
		d.filter.Blur()
		d.filter.SetValue("")
		d.refilter()
		return d, nil
	case msg.Type == tea.KeyUp:
		d.setCursor(d.cursor - 1)
		return d, nil
	case msg.Type == tea.KeyDown:
		d.setCursor(d.cursor + 1)
		return d, nil
	}
	before := d.filter.Value()
	var cmd tea.Cmd
	d.filter, cmd = d.filter.Update(msg)
	if d.filter.Value() != before {
		d.refilter()
	}
	return d, cmd
}

// mouse scrolls with the wheel and selects a row with a click (y is relative
// to the dashboard's first line).
func (d dashboard) mouse(msg tea.MouseMsg) dashboard {
	switch {
	case msg.Button == tea.MouseButtonWheelUp:
		d.setCursor(d.cursor - 1)
	case msg.Button == tea.MouseButtonWheelDown:
		d.setCursor(d.cursor + 1)
	case msg.Button == tea.MouseButtonLeft && msg.Action == tea.MouseActionPress:
		if r := msg.Y - 2 + d.offset; msg.Y >= 2 && r < min(len(d.rows), d.offset+d.tableHeight()) {
			d.setCursor(r)
		}
	}
	return d
}

// setTab switches tabs.
func (d *dashboard) setTab(t tab) {
	d.tab = t
	d.refilter()
}

// statusCmd returns a command that shows a line in the status bar.
func statusCmd(text string) tea.Cmd {
	return func() tea.Msg { return statusMsg{text: text} }
}
