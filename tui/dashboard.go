package tui

import (
	"fmt"
	"slices"

	"github.com/afterview/afterview/timeline"
	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
)

// tab is one of the dashboard's tabs.
type tab int

// The tabs: what the user must do now, then one per group (counts.go):
// applied, under way, offers and after, and what is over (closed stages,
// ghosted and archived applications).
const (
	tabChase tab = iota
	tabApplied
	tabActive
	tabOffers
	tabClosed
	numTabs
)

var tabNames = [numTabs]string{"Chase", "Applied", "Active", "Offers", "Closed"}

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
	c       *common
	styles  *Styles
	keys    *keyMap
	actions appActions

	today     timeline.Date
	lookahead int
	entries   []timeline.Entry   // in id order; archived ones only once a tab has needed them
	haystack  []string           // per entry: lower-case company, role, recruiter (built on the first filter)
	names     []string           // per entry: lower-case company, for sorting
	sortKeys  []sortKey          // per entry: its key in the current sort
	sortedOK  bool               // sorted, names and sortKeys hold the current sort
	chase     []int              // the chase view, in timeline.Chase's order
	sections  []timeline.Section // the section of each chase item, parallel to chase
	x         expedites          // the expedite items standing in for applications' own in the chase view
	sorted    []int              // every entry in the sort order (once a tab other than Chase is shown)
	rows      []int              // the rows shown: the tab's entries matching the filter
	heads     []sectionHead      // the Chase tab's section headings, drawn between rows
	totals    Counts             // the tabs' and the header's counts, before the filter
	loaded    bool
	loadErr   error // the first load failed: say so instead of "Loading…"

	// The archived applications are read when the Closed tab first needs
	// them; until then they are only counted.
	archivedHidden int  // archived applications not among entries
	archivedAsked  bool // their read is under way (or done)
	archivedWanted bool // the Closed tab has needed them: a reload reads them again
	gen            int  // counts the full loads, so a read made before one is dropped

	tab       tab
	sort      sortMode
	filter    textinput.Model
	filtering bool     // the filter has the keyboard
	cursor    int      // index into rows (headings are not rows: the cursor skips them)
	offset    int      // the first line drawn (a row or a heading; see lineOf)
	selID     int64    // the application under the cursor (or a changed one the filter hides: see follow)
	cols      []column // the columns that fit the width

	width, height int
}

// newDashboard returns an empty dashboard.
func newDashboard(c *common) *dashboard {
	f := textinput.New()
	f.Prompt = "/"
	f.Placeholder = "company, role or recruiter"
	f.Cursor.SetMode(cursor.CursorStatic)
	f.CharLimit = 100
	return &dashboard{c: c, styles: c.styles, keys: c.keys, actions: appActions{c}, filter: f, tab: tabActive,
		today: c.today, lookahead: c.settings.LookaheadDays}
}

// SetSize sets the area the dashboard draws in.
func (d *dashboard) SetSize(w, h int) {
	d.width, d.height = w, h
	d.filter.Width = max(10, w-20)
	d.cols = layoutColumns(w)
	d.scrollToCursor()
}

// tableHeight is the number of lines of rows and headings drawn: the body
// less the tab line, the column titles and the footer line.
func (d dashboard) tableHeight() int { return max(1, d.height-3) }

// rowOf returns the row showing application id, or -1.
func (d *dashboard) rowOf(id int64) int {
	i, ok := d.indexOf(id)
	if !ok {
		return -1
	}
	return slices.Index(d.rows, i)
}

// follow keeps the cursor on application id after the user changed it. When
// the tab shown no longer holds it (an offer moves it from Active to Offers,
// a rejection to Closed), the dashboard switches to the tab that does —
// except from the Chase tab, which the user works down item by item: there
// the cursor moves on to the next item, and the tab returned names where the
// application went. A filter is left alone: hidden reports that
// it hides the application, and the cursor goes to it once the filter is
// cleared. It returns the tab the application is on and whether the tab
// changed.
func (d *dashboard) follow(id int64) (t tab, moved, hidden bool) {
	return d.followFrom(id, true)
}

// followFrom is follow; stayOnChase false leaves the Chase tab too.
func (d *dashboard) followFrom(id int64, stayOnChase bool) (t tab, moved, hidden bool) {
	i, ok := d.indexOf(id)
	if !ok {
		return d.tab, false, false
	}
	if !d.holds(d.tab, i) {
		if d.tab == tabChase && stayOnChase {
			// Working down the chase list: stay on it, on the item that
			// took this one's place.
			return tabOf(&d.entries[i]), true, false
		}
		d.tab, moved = tabOf(&d.entries[i]), true
		d.refilter()
	}
	if r := d.rowOf(id); r >= 0 {
		d.setCursor(r)
		return d.tab, moved, false
	}
	// The cursor stays on a row the filter shows; refilter puts it on id
	// when the filter is cleared (or changed to show it).
	d.selID = id
	return d.tab, moved, true
}

// focus selects application id as follow does, and clears a filter that
// hides it: used after adding an application, which the user expects to see.
func (d *dashboard) focus(id int64) {
	if _, _, hidden := d.followFrom(id, false); hidden {
		d.filter.SetValue("")
		d.refilter()
	}
}

// holds reports whether tab t holds entry i, whatever the filter.
func (d dashboard) holds(t tab, i int) bool {
	if t == tabChase {
		return slices.Contains(d.chase, i)
	}
	return tabOf(&d.entries[i]) == t
}

// setCursor moves the cursor to row r (clamped) and remembers its id.
func (d *dashboard) setCursor(r int) {
	d.cursor = max(0, min(r, len(d.rows)-1))
	if len(d.rows) > 0 {
		d.selID = d.entries[d.rows[d.cursor]].App.ID
	}
	d.scrollToCursor()
}

// scrollToCursor keeps the cursor's row on screen, with its section's
// heading when it is the section's first row.
func (d *dashboard) scrollToCursor() {
	h := d.tableHeight()
	l := d.lineOf(d.cursor)
	top := l
	if d.opensSection(d.cursor) {
		top--
	}
	d.offset = min(d.offset, top)
	if l >= d.offset+h {
		d.offset = l - h + 1
	}
	d.offset = max(0, min(d.offset, d.lines()-h))
}

// Selected returns the entry under the cursor.
// On the Chase tab its next action is the chase item's (an expedite item
// stands in for the application's own).
func (d dashboard) Selected() (timeline.Entry, bool) {
	if len(d.rows) == 0 {
		return timeline.Entry{}, false
	}
	if d.tab == tabChase {
		return d.chaseEntry(d.rows[d.cursor]), true
	}
	return d.entries[d.rows[d.cursor]], true
}

// Update handles the dashboard's keys (while the filter is typed, they are
// its text), the mouse, and the loads and re-reads that change its rows.
func (d *dashboard) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.MouseMsg:
		d.mouse(msg)
	case tea.KeyMsg:
		if d.filtering {
			return d, d.filterKey(msg)
		}
		return d, d.key(msg)
	case loadedMsg:
		if msg.err != nil {
			d.loadErr = msg.err
			return d, nil
		}
		return d, d.setData(msg, d.c.today, d.c.settings.LookaheadDays)
	case archivedReadMsg:
		return d, d.addArchived(msg)
	case entryMsg:
		return d, d.onEntry(msg)
	case appDeletedMsg:
		d.remove(msg.id)
	}
	return d, nil
}

// key handles a key: those that open a screen or act on the selected
// application, then moving, tabs, filter and sort.
func (d *dashboard) key(msg tea.KeyMsg) tea.Cmd {
	k := d.keys
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help):
		return msgCmd(helpMsg{})
	case key.Matches(msg, k.Add):
		return open(newAppForm(d.c, nil))
	case key.Matches(msg, k.Insights):
		return open(newInsights(d.c))
	case key.Matches(msg, k.Compare):
		return open(newOffersView(d.c))
	}
	e, ok := d.Selected()
	switch {
	case ok && key.Matches(msg, k.Open):
		return open(newDetail(d.c, e))
	case ok || key.Matches(msg, k.Undo):
		if cmd, done := d.actions.handle(msg, e.App, e.Next); done {
			return cmd
		}
	}
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
		return d.setTab((d.tab + 1) % numTabs)
	case key.Matches(msg, k.PrevTab):
		return d.setTab((d.tab + numTabs - 1) % numTabs)
	case key.Matches(msg, k.Filter):
		d.filtering = true
		return d.filter.Focus()
	case key.Matches(msg, k.Back):
		if d.filter.Value() != "" {
			d.filter.SetValue("")
			d.refilter()
		}
	case key.Matches(msg, k.Sort):
		d.sort = (d.sort + 1) % numSorts
		d.sortedOK = false
		d.refilter()
		if d.tab == tabChase {
			return status("Sorted the other tabs by " + sortNames[d.sort] + "; the Chase tab keeps the chase order (due, kind, company).")
		}
	}
	return nil
}

// typing reports whether the filter has the keyboard.
func (d *dashboard) typing() bool { return d.filtering }

// onEntry patches one application's row after the user's write, and moves
// to the tab that holds it now, the cursor on it (a new application also
// clears a filter that hides it; a change only says so).
func (d *dashboard) onEntry(msg entryMsg) tea.Cmd {
	switch {
	case msg.err != nil:
		return statusErr("Could not read the change back: " + msg.err.Error())
	case msg.gone:
		d.remove(msg.id)
	case msg.added:
		d.patch(msg.entry, msg.lastContact, true)
		d.focus(msg.id)
	default:
		d.patch(msg.entry, msg.lastContact, false)
		t, moved, hidden := d.follow(msg.id)
		name := Sanitize(msg.entry.App.Company)
		switch {
		case hidden:
			return addStatus(fmt.Sprintf("%s is on the %s tab, hidden by the filter %q: esc clears it.", name, tabNames[t], Sanitize(d.filter.Value())))
		case moved:
			return tea.Batch(addStatus(fmt.Sprintf("%s is on the %s tab now.", name, tabNames[t])), d.wantArchived())
		}
	}
	return nil
}

// addStatus returns the command that adds a sentence to the status line.
func addStatus(text string) tea.Cmd { return msgCmd(statusMsg{text: text, add: true}) }

// filterKey handles a key while the filter is being typed: every printable
// key is text; enter keeps the filter, esc clears it, arrows move.
func (d *dashboard) filterKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case msg.Type == tea.KeyEnter:
		d.filtering = false
		d.filter.Blur()
		return nil
	case msg.Type == tea.KeyEsc:
		d.filtering = false
		d.filter.Blur()
		d.filter.SetValue("")
		d.refilter()
		return nil
	case msg.Type == tea.KeyUp:
		d.setCursor(d.cursor - 1)
		return nil
	case msg.Type == tea.KeyDown:
		d.setCursor(d.cursor + 1)
		return nil
	}
	before := d.filter.Value()
	var cmd tea.Cmd
	d.filter, cmd = d.filter.Update(msg)
	if d.filter.Value() != before {
		d.refilter()
	}
	return cmd
}

// mouse scrolls with the wheel and selects a row with a click (y is relative
// to the dashboard's first line).
func (d *dashboard) mouse(msg tea.MouseMsg) {
	switch {
	case msg.Button == tea.MouseButtonWheelUp:
		d.setCursor(d.cursor - 1)
	case msg.Button == tea.MouseButtonWheelDown:
		d.setCursor(d.cursor + 1)
	case msg.Button == tea.MouseButtonLeft && msg.Action == tea.MouseActionPress:
		// A click on a heading selects nothing.
		if l := msg.Y - 2 + d.offset; msg.Y >= 2 && l < min(d.lines(), d.offset+d.tableHeight()) {
			if r, _ := d.atLine(l); r >= 0 {
				d.setCursor(r)
			}
		}
	}
}

// setTab switches tabs; it returns the read of the archived applications
// when the tab shows them and they are not held yet.
func (d *dashboard) setTab(t tab) tea.Cmd {
	d.tab = t
	d.refilter()
	return d.wantArchived()
}
