package tui

import (
	"cmp"
	"slices"
	"strings"

	"github.com/afterview/afterview/timeline"
)

// The dashboard's data: every entry once, and the index slices the tabs are
// drawn from. A full load rebuilds them; a write to one application patches
// them (re-placing one row in the sort, re-running the chase view over its
// few items), so a save stays fast with thousands of applications.

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

// setData replaces every entry (a full load) and rebuilds the indexes,
// keeping the cursor on the same application.
func (d *dashboard) setData(entries []timeline.Entry, today timeline.Date, lookahead int) {
	d.entries, d.today, d.lookahead = entries, today, lookahead
	d.byID = make(map[int64]int, len(entries))
	d.names = make([]string, len(entries))
	d.haystack = nil
	for i := range entries {
		d.byID[entries[i].App.ID] = i
		d.names[i] = strings.ToLower(entries[i].App.Company)
	}
	first := !d.loaded
	d.loaded = true
	d.reindex()
	if first {
		// Open on Chase when something is due today or overdue, at the top.
		if d.totals.Due > 0 {
			d.tab = tabChase
		}
		d.selID, d.cursor = 0, 0
		d.refilter()
	}
}

// patch replaces (or adds) one application's entry after a write to it.
// prev is the expedite items before the write (d.expedite holds them after
// it): the applications that gained or lost one may enter or leave the
// chase view too.
func (d *dashboard) patch(e timeline.Entry, prev map[int64]*timeline.Action) {
	i, ok := d.byID[e.App.ID]
	if ok {
		d.entries[i] = e
		d.names[i] = strings.ToLower(e.App.Company)
		if pos := slices.Index(d.sorted, i); pos >= 0 {
			d.sorted = slices.Delete(d.sorted, pos, pos+1)
		}
	} else {
		// Ids only grow, so a new application goes at the end.
		i = len(d.entries)
		d.byID[e.App.ID] = i
		d.entries = append(d.entries, e)
		d.names = append(d.names, strings.ToLower(e.App.Company))
		d.sortKeys = append(d.sortKeys, sortKey{})
		if d.haystack != nil {
			d.haystack = append(d.haystack, "")
		}
	}
	if d.haystack != nil {
		d.haystack[i] = searchText(e.App)
	}
	d.sortKeys[i] = d.keyOf(i)
	pos, _ := slices.BinarySearchFunc(d.sorted, d.sortKeys[i], func(j int, k sortKey) int { return cmpKeys(d.sortKeys[j], k) })
	d.sorted = slices.Insert(d.sorted, pos, i)
	// Only the items already in the chase view, this one and those whose
	// expedite item started or ended can be in it now.
	seen := make(map[int]bool, len(d.chase)+1)
	subset := make([]timeline.Entry, 0, len(d.chase)+1)
	add := func(j int) {
		if !seen[j] {
			seen[j] = true
			subset = append(subset, d.chaseEntry(j))
		}
	}
	add(i)
	for _, j := range d.chase {
		add(j)
	}
	for _, m := range []map[int64]*timeline.Action{prev, d.expedite} {
		for id := range m {
			if j, ok := d.byID[id]; ok {
				add(j)
			}
		}
	}
	d.setChase(timeline.Chase(subset, d.today, d.lookahead))
	d.count()
	d.refilter()
}

// remove drops a deleted application.
func (d *dashboard) remove(id int64) {
	i, ok := d.byID[id]
	if !ok {
		return
	}
	d.entries = slices.Delete(d.entries, i, i+1)
	d.names = slices.Delete(d.names, i, i+1)
	d.haystack = nil
	delete(d.byID, id)
	for j := i; j < len(d.entries); j++ {
		d.byID[d.entries[j].App.ID] = j
	}
	d.reindex()
}

// chaseEntry is entry i as the chase view sees it: with its expedite item,
// when it has one, in place of its own next action.
func (d *dashboard) chaseEntry(i int) timeline.Entry {
	e := d.entries[i]
	if a := d.expedite[e.App.ID]; a != nil {
		e.Next = a
	}
	return e
}

// reindex recomputes the chase view, the counts and the sort from entries.
func (d *dashboard) reindex() {
	entries := d.entries
	if len(d.expedite) > 0 {
		entries = make([]timeline.Entry, len(d.entries))
		for i := range d.entries {
			entries[i] = d.chaseEntry(i)
		}
	}
	d.setChase(timeline.Chase(entries, d.today, d.lookahead))
	d.count()
	d.resort()
}

// setChase keeps the chase view's items, and their entries' indexes, in
// its order within each section, the sections in the chase report's order
// (an open reapply window, however old its day, comes after what is coming
// up, as `afterview chase` prints it).
func (d *dashboard) setChase(items []timeline.ChaseItem) {
	slices.SortStableFunc(items, func(a, b timeline.ChaseItem) int {
		return cmp.Compare(slices.Index(timeline.Sections, a.Section), slices.Index(timeline.Sections, b.Section))
	})
	d.items = items
	d.chase = d.chase[:0]
	for _, it := range items {
		d.chase = append(d.chase, d.byID[it.App.ID])
	}
}

// count works out the tab sizes and the header's counts.
func (d *dashboard) count() { d.totals = CountEntries(d.entries, d.items, d.today) }

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

// resort orders every entry by the sort mode, then refilters.
func (d *dashboard) resort() {
	d.sortKeys = slices.Grow(d.sortKeys[:0], len(d.entries))[:len(d.entries)]
	d.sorted = d.sorted[:0]
	for i := range d.entries {
		d.sortKeys[i] = d.keyOf(i)
		d.sorted = append(d.sorted, i)
	}
	keys := d.sortKeys
	slices.SortFunc(d.sorted, func(a, b int) int { return cmpKeys(keys[a], keys[b]) })
	d.refilter()
}

// refilter recomputes the rows of the current tab that match the filter
// (and, on the Chase tab, the section headings over them), and puts the
// cursor back on the selected application if it is still shown (else on the
// same position).
func (d *dashboard) refilter() {
	src := d.sorted
	if d.tab == tabChase {
		src = d.chase
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
			sec := d.items[k].Section
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
