package tui

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"github.com/afterview/afterview/timeline"
	tea "github.com/charmbracelet/bubbletea"
)

// The dashboard's data: every entry once (archived ones once a tab needs
// them), and the index slices the tabs are drawn from. A full load rebuilds
// them; a write to one application patches them (its row re-placed in the
// sort, its chase item in the chase view, its part of the counts taken out
// and put back), so a save stays fast with a hundred thousand applications.

// sortKey orders an entry in the current sort: primary, then company, then id.
type sortKey struct {
	primary int64
	name    string
	id      int64
}

func cmpKeys(a, b sortKey) int {
	if c := cmp.Compare(a.primary, b.primary); c != 0 {
		return c
	}
	if c := strings.Compare(a.name, b.name); c != 0 {
		return c
	}
	return cmp.Compare(a.id, b.id)
}

// setData replaces every entry (a full load: those not archived; archived
// ones are counted, and read when a tab shows them) and rebuilds the
// indexes, keeping the cursor on the same application. It returns the read
// of the archived ones when the Closed tab needs them.
func (d *dashboard) setData(msg loadedMsg, today timeline.Date, lookahead int) tea.Cmd {
	d.entries, d.today, d.lookahead = msg.entries, today, lookahead
	d.archivedHidden, d.archivedAsked = msg.archived, false
	d.gen++
	d.names, d.haystack, d.sortKeys, d.sortedOK = nil, nil, nil, false
	var stand []*timeline.Action
	d.x, stand = newExpedites(d.entries, msg.lastContact, today)
	first := !d.loaded
	d.loaded = true
	d.rebuildChase(stand)
	d.recount()
	if first {
		// Open on Chase when something is due today or overdue, at the top.
		if d.totals.Due > 0 {
			d.tab = tabChase
		}
		d.selID, d.cursor = 0, 0
	}
	d.refilter()
	return d.wantArchived()
}

// indexOf returns the index in entries of application id (entries are in
// id order).
func (d *dashboard) indexOf(id int64) (int, bool) {
	return slices.BinarySearchFunc(d.entries, id, func(e timeline.Entry, id int64) int { return cmp.Compare(e.App.ID, id) })
}

// wantArchived returns the read of the archived applications when the
// Closed tab is shown (or was, before a reload) and they are not held yet.
func (d *dashboard) wantArchived() tea.Cmd {
	if d.archivedHidden == 0 || d.archivedAsked || (d.tab != tabClosed && !d.archivedWanted) {
		return nil
	}
	d.archivedAsked, d.archivedWanted = true, true
	return archivedCmd(d.c.store, d.gen)
}

// addArchived takes the archived applications read for the Closed tab:
// they join the entries in id order (one already held, archived during this
// session, is kept as held).
func (d *dashboard) addArchived(msg archivedReadMsg) tea.Cmd {
	switch {
	case msg.gen != d.gen:
		return nil // read before a reload, which asked again
	case msg.err != nil:
		d.archivedAsked = false
		return statusErr("Could not read the archived applications: " + msg.err.Error())
	}
	ids := make([]int64, len(d.chase))
	for k, i := range d.chase {
		ids[k] = d.entries[i].App.ID
	}
	merged := make([]timeline.Entry, 0, len(d.entries)+len(msg.entries))
	i := 0
	for _, a := range msg.entries {
		for i < len(d.entries) && d.entries[i].App.ID < a.App.ID {
			merged = append(merged, d.entries[i])
			i++
		}
		if i < len(d.entries) && d.entries[i].App.ID == a.App.ID {
			continue
		}
		merged = append(merged, a)
		d.totals.tally(&merged[len(merged)-1], false, d.today, 1)
	}
	merged = append(merged, d.entries[i:]...)
	d.totals.Closed -= d.archivedHidden
	d.totals.NextDue = 0
	d.archivedHidden = 0
	d.entries = merged
	d.names, d.haystack, d.sortKeys, d.sortedOK = nil, nil, nil, false
	for k, id := range ids {
		d.chase[k], _ = d.indexOf(id)
	}
	d.refilter()
	return nil
}

// patch replaces (or adds: added) one application's entry after the user's
// write to it, last being its latest followup or heard: its row, its chase
// item, its expedite item and its part of the counts change in place; the
// others only when the write changed the offer that counts for their
// expedite items.
func (d *dashboard) patch(e timeline.Entry, last timeline.Date, added bool) {
	i, ok := d.indexOf(e.App.ID)
	switch {
	case ok:
		d.untally(i)
		d.unsort(i)
		d.entries[i] = e
	case !added && d.archivedHidden > 0:
		// An archived one not read yet: counted as such until now.
		d.archivedHidden--
		d.totals.Closed--
		fallthrough
	default:
		d.insertEntry(i, e)
	}
	if d.sortedOK {
		d.names[i] = strings.ToLower(e.App.Company)
	}
	if d.haystack != nil {
		d.haystack[i] = searchText(e.App)
	}
	if d.x.set(&d.entries[i], last, false) {
		d.rebuildChase(d.x.recompute(d.entries))
		d.recount()
	} else {
		d.retally(i)
	}
	d.resortOne(i)
	d.refilter()
}

// remove drops a deleted application.
func (d *dashboard) remove(id int64) {
	i, ok := d.indexOf(id)
	if !ok {
		if d.archivedHidden > 0 {
			// An archived one not read yet (every other one is held).
			d.archivedHidden--
			d.totals.Closed--
		}
		return
	}
	d.untally(i)
	d.unsort(i)
	all := d.x.set(&d.entries[i], 0, true)
	d.entries = slices.Delete(d.entries, i, i+1)
	if d.sortedOK {
		d.names = slices.Delete(d.names, i, i+1)
		d.sortKeys = slices.Delete(d.sortKeys, i, i+1)
	}
	if d.haystack != nil {
		d.haystack = slices.Delete(d.haystack, i, i+1)
	}
	shift(d.chase, i, -1)
	shift(d.sorted, i, -1)
	if all {
		d.rebuildChase(d.x.recompute(d.entries))
		d.recount()
	}
	d.refilter()
}

// insertEntry puts a new application's entry at index i (its place in id
// order: the end, as ids only grow) and makes room in the indexes.
func (d *dashboard) insertEntry(i int, e timeline.Entry) {
	d.entries = slices.Insert(d.entries, i, e)
	if d.sortedOK {
		d.names = slices.Insert(d.names, i, "")
		d.sortKeys = slices.Insert(d.sortKeys, i, sortKey{})
	}
	if d.haystack != nil {
		d.haystack = slices.Insert(d.haystack, i, "")
	}
	shift(d.chase, i-1, 1)
	shift(d.sorted, i-1, 1)
}

// shift adds by to every index above i (an entry was inserted or deleted).
func shift(idx []int, i, by int) {
	for k, j := range idx {
		if j > i {
			idx[k] = j + by
		}
	}
}

// untally takes entry i's chase item out of the chase view and its part out
// of the counts (before it changes).
func (d *dashboard) untally(i int) {
	due := false
	if k := slices.Index(d.chase, i); k >= 0 {
		due = isDue(d.sections[k])
		d.totals.tallySection(d.sections[k], -1)
		d.sections = slices.Delete(d.sections, k, k+1)
		d.chase = slices.Delete(d.chase, k, k+1)
	}
	d.totals.tally(&d.entries[i], due, d.today, -1)
}

// retally puts entry i's chase item (if it has one now) in its place in the
// chase view, and its part into the counts.
func (d *dashboard) retally(i int) {
	due := false
	if its := timeline.Chase([]timeline.Entry{d.chaseEntry(i)}, d.today, d.lookahead); len(its) == 1 {
		it := its[0]
		k := sort.Search(len(d.chase), func(k int) bool { return d.chaseBefore(&it, d.chase[k]) })
		d.sections = slices.Insert(d.sections, k, it.Section)
		d.chase = slices.Insert(d.chase, k, i)
		d.totals.tallySection(it.Section, 1)
		due = isDue(it.Section)
	}
	d.totals.tally(&d.entries[i], due, d.today, 1)
	d.totals.NextDue = 0
}

// chaseBefore reports whether item a comes before the chase view's item of
// entry j: timeline.Chase is asked to order the two, so the order has one
// definition.
func (d *dashboard) chaseBefore(a *timeline.ChaseItem, j int) bool {
	ea := timeline.Entry{App: a.App}
	ea.Next = &a.Action
	return timeline.Chase([]timeline.Entry{ea, d.chaseEntry(j)}, d.today, d.lookahead)[0].App.ID == a.App.ID
}

// chaseEntry is entry i as the chase view sees it: with its expedite item,
// when it has one, in place of its own next action.
func (d *dashboard) chaseEntry(i int) timeline.Entry {
	e := d.entries[i]
	if a := d.x.items[e.App.ID]; a != nil {
		e.Next = a
	}
	return e
}

// rebuildChase works the chase view out afresh from every entry: its rows
// (d.chase, indexes into entries) and their sections. stand holds the
// expedite items by entry, as recompute returns them: the chase view sees
// them in place of the own next actions.
func (d *dashboard) rebuildChase(stand []*timeline.Action) {
	d.chase, d.sections = timeline.ChaseOrder(d.entries, stand, d.today, d.lookahead)
}

// recount works out the tab sizes and the header's counts afresh from the
// entries and their chase view (the archived applications not held yet are
// closed). NextDue, which the dashboard does not show, is left out: taking
// an entry away cannot raise it.
func (d *dashboard) recount() {
	due := make([]bool, len(d.entries))
	for k, i := range d.chase {
		if isDue(d.sections[k]) {
			due[i] = true
		}
	}
	d.totals = countChase(d.entries, d.sections, func(i int) bool { return due[i] }, d.today)
	d.totals.Closed += d.archivedHidden
	d.totals.NextDue = 0
}

// tabCount is the number of applications a tab holds, before the filter.
func (d *dashboard) tabCount(t tab) int {
	return [numTabs]int{d.totals.Listed, d.totals.Applied, d.totals.Active, d.totals.Offers, d.totals.Closed}[t]
}

// keyOf returns entry i's key in the current sort.
func (d *dashboard) keyOf(i int) sortKey {
	e := &d.entries[i]
	k := sortKey{name: d.names[i], id: e.App.ID}
	switch d.sort {
	case sortDue:
		k.primary = int64(d.dueOf(e))
	case sortStage:
		k.primary = int64(e.Stage.Rank())<<32 | int64(d.dueOf(e))
	case sortActivity:
		k.primary = -int64(e.LastActivity)
	}
	return k
}

// dueOf is the date an entry sorts by in the due sort: its next action's
// due date, or the end of its snooze; nothing due (or archived) sorts last.
func (d *dashboard) dueOf(e *timeline.Entry) timeline.Date {
	switch {
	case e.Next == nil || e.App.Archived:
		return 1<<31 - 1
	case e.Snoozed(d.today):
		return max(e.Next.Due, e.SnoozedUntil)
	}
	return e.Next.Due
}

// ensureSorted orders every entry by the sort mode, unless they are
// ordered already: the first load on the Chase tab leaves this to the first
// switch to another tab.
func (d *dashboard) ensureSorted() {
	if d.sortedOK {
		return
	}
	d.sortedOK = true
	d.names = slices.Grow(d.names[:0], len(d.entries))[:len(d.entries)]
	for i := range d.entries {
		d.names[i] = strings.ToLower(d.entries[i].App.Company)
	}
	d.sortKeys = slices.Grow(d.sortKeys[:0], len(d.entries))[:len(d.entries)]
	d.sorted = d.sorted[:0]
	for i := range d.entries {
		d.sortKeys[i] = d.keyOf(i)
		d.sorted = append(d.sorted, i)
	}
	keys := d.sortKeys
	slices.SortFunc(d.sorted, func(a, b int) int { return cmpKeys(keys[a], keys[b]) })
}

// unsort takes entry i out of the sort order (before it changes).
func (d *dashboard) unsort(i int) {
	if !d.sortedOK {
		return
	}
	if pos, ok := slices.BinarySearchFunc(d.sorted, d.sortKeys[i], func(j int, k sortKey) int { return cmpKeys(d.sortKeys[j], k) }); ok {
		d.sorted = slices.Delete(d.sorted, pos, pos+1)
	}
}

// resortOne puts entry i back in the sort order (after it changed).
func (d *dashboard) resortOne(i int) {
	if !d.sortedOK {
		return
	}
	d.sortKeys[i] = d.keyOf(i)
	pos, _ := slices.BinarySearchFunc(d.sorted, d.sortKeys[i], func(j int, k sortKey) int { return cmpKeys(d.sortKeys[j], k) })
	d.sorted = slices.Insert(d.sorted, pos, i)
}

// refilter recomputes the rows of the current tab that match the filter
// (and, on the Chase tab, the section headings over them), and puts the
// cursor back on the selected application if it is still shown (else on the
// same position).
func (d *dashboard) refilter() {
	src := d.chase
	if d.tab != tabChase {
		d.ensureSorted()
		src = d.sorted
	}
	q := strings.ToLower(strings.TrimSpace(d.filter.Value()))
	if q != "" && d.haystack == nil {
		d.haystack = make([]string, len(d.entries))
		for i := range d.entries {
			d.haystack[i] = searchText(d.entries[i].App)
		}
	}
	d.rows, d.heads = d.rows[:0], d.heads[:0]
	for k, i := range src {
		if d.tab != tabChase && tabOf(&d.entries[i]) != d.tab {
			continue
		}
		if q != "" && !strings.Contains(d.haystack[i], q) {
			continue
		}
		if d.tab == tabChase {
			// The chase order groups the sections: a heading opens each.
			sec := d.sections[k]
			if n := len(d.heads); n == 0 || d.heads[n-1].sec != sec {
				d.heads = append(d.heads, sectionHead{row: len(d.rows), sec: sec})
			}
			d.heads[len(d.heads)-1].n++
		}
		d.rows = append(d.rows, i)
	}
	if at := d.rowOf(d.selID); at >= 0 {
		d.cursor = at
	}
	d.setCursor(d.cursor)
}

// tabOf returns the tab an entry belongs to (the Chase tab aside): its
// group's.
func tabOf(e *timeline.Entry) tab { return tabApplied + tab(groupOf(e)) }

// searchText is what the filter matches: company, role and recruiter.
func searchText(a timeline.Application) string {
	return strings.ToLower(Sanitize(a.Company + " " + a.Role + " " + a.Recruiter))
}

// sectionHead is a heading of the Chase tab, "Overdue (2)", drawn on its own
// line above the first row of its section. It is not a row: the cursor, the
// keys that move it and the row count know nothing of it; only the lines
// drawn (lineOf, atLine) do.
type sectionHead struct {
	row int // the section's first row (index into rows)
	sec timeline.Section
	n   int // the section's rows
}

// lines is the number of table lines: rows and headings.
func (d dashboard) lines() int { return len(d.rows) + len(d.heads) }

// lineOf returns the table line that shows row r: r plus the headings at or
// above it (at most three, one per section).
func (d dashboard) lineOf(r int) int {
	l := r
	for _, h := range d.heads {
		if h.row <= r {
			l++
		}
	}
	return l
}

// atLine returns what table line l shows: row r (head -1), or heading head
// (r -1).
func (d dashboard) atLine(l int) (r, head int) {
	for k := len(d.heads) - 1; k >= 0; k-- {
		switch hl := d.heads[k].row + k; {
		case l == hl:
			return -1, k
		case l > hl:
			return l - k - 1, -1
		}
	}
	return l, -1
}

// opensSection reports whether row r is the first of a section (so its
// heading scrolls into view with it).
func (d dashboard) opensSection(r int) bool {
	for _, h := range d.heads {
		if h.row == r {
			return true
		}
	}
	return false
}
