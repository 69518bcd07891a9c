package timeline

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Section is a part of the chase view.
type Section string

// The chase view's sections, in order.
const (
	SecOverdue  Section = "overdue"  // due before today
	SecToday    Section = "today"    // due today
	SecUpcoming Section = "upcoming" // due within the lookahead
	SecOpen     Section = "open"     // a reapply window that has opened: never overdue
)

// Sections lists the chase view's sections in order.
var Sections = []Section{SecOverdue, SecToday, SecUpcoming, SecOpen}

// sectionOf returns the section an action falls in on today. A reapply item
// whose day has passed is open, not overdue: the window stays open (Derive
// drops the item once it closes).
func sectionOf(a Action, today Date) Section {
	switch {
	case a.Due < today && a.Kind == ActReapply:
		return SecOpen
	case a.Due < today:
		return SecOverdue
	case a.Due == today:
		return SecToday
	}
	return SecUpcoming
}

// ChaseItem is one line of the chase view.
type ChaseItem struct {
	App     Application
	Action  Action
	Section Section
}

// Chase returns the chase view on today: the next action of every application
// that is not archived and not snoozed, due on or before today + lookahead
// days, ordered by section (see Sections: an open reapply window comes after
// the upcoming items though its day has passed), then due date, then kind
// (offer, expedite, interview, followup, checkin, reapply), then company name
// (ignoring case), then application ID.
func Chase(entries []Entry, today Date, lookahead int) []ChaseItem {
	order, secs := ChaseOrder(entries, nil, today, lookahead)
	if len(order) == 0 {
		return nil
	}
	items := make([]ChaseItem, len(order))
	for k, i := range order {
		e := &entries[i]
		items[k] = ChaseItem{App: e.App, Action: *e.Next, Section: secs[k]}
	}
	return items
}

// ChaseOrder is the chase view of Chase as positions, for a caller that
// holds the entries and needs no copies of them: the index into entries of
// each item, in the view's order, and the item's section. When stand is not
// nil, a non-nil stand[i] is the item that stands in for entries[i]'s own
// next action (an expedite item: one item per application).
func ChaseOrder(entries []Entry, stand []*Action, today Date, lookahead int) (order []int, sections []Section) {
	limit := today.AddDays(lookahead)
	next := func(i int) *Action {
		if stand != nil && stand[i] != nil {
			return stand[i]
		}
		return entries[i].Next
	}
	// Sort small keys, not the items: an item is 168 bytes, and a sort moves
	// and compares its elements n·log n times. Due date and kind decide most
	// comparisons without touching the entries.
	type key struct {
		sec  int32 // the section's place in Sections
		due  Date
		kind int32
		i    int32  // index into entries
		fold string // the company name as strings.ToLower leaves it
	}
	compare := func(a, b key) int {
		if a.sec != b.sec {
			return cmp.Compare(a.sec, b.sec)
		}
		if a.due != b.due {
			return cmp.Compare(a.due, b.due)
		}
		if a.kind != b.kind {
			return cmp.Compare(a.kind, b.kind)
		}
		if c := strings.Compare(a.fold, b.fold); c != 0 {
			return c
		}
		return cmp.Compare(entries[a.i].App.ID, entries[b.i].App.ID)
	}
	// sorted returns the keys of entries lo up to hi, in order.
	sorted := func(lo, hi int) []key {
		var keys []key
		for i := lo; i < hi; i++ {
			e, a := &entries[i], next(i)
			if e.App.Archived || a == nil || e.Snoozed(today) || a.Due > limit {
				continue
			}
			keys = append(keys, key{int32(sectionOf(*a, today).rank()), a.Due, int32(a.Kind.Rank()), int32(i), ""})
		}
		// Folded once, so that a backlog of thousands of items due the same
		// day (a search never tidied up) compares names byte by byte:
		// comparing the folded strings orders them as compareFold does.
		for k := range keys {
			keys[k].fold = strings.ToLower(entries[keys[k].i].App.Company)
		}
		slices.SortFunc(keys, compare)
		return keys
	}
	var a, b []key
	if len(entries) < parallelSort || runtime.GOMAXPROCS(0) < 2 {
		a = sorted(0, len(entries))
	} else {
		// A long list (a backlog of tens of thousands) is worked on in two
		// halves at once, then merged: the order is total (the id decides
		// last), so the result is the one sort's.
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			a = sorted(0, len(entries)/2)
		}()
		b = sorted(len(entries)/2, len(entries))
		wg.Wait()
	}
	if len(a)+len(b) == 0 {
		return nil, nil
	}
	order, sections = make([]int, 0, len(a)+len(b)), make([]Section, 0, len(a)+len(b))
	add := func(k key) {
		order, sections = append(order, int(k.i)), append(sections, Sections[k.sec])
	}
	for len(a) > 0 && len(b) > 0 {
		if compare(a[0], b[0]) <= 0 {
			add(a[0])
			a = a[1:]
		} else {
			add(b[0])
			b = b[1:]
		}
	}
	for _, k := range a {
		add(k)
	}
	for _, k := range b {
		add(k)
	}
	return order, sections
}

// parallelSort is the number of entries from which ChaseOrder works on two
// processors.
const parallelSort = 2048

// compareFold compares two strings as strings.ToLower would leave them, rune
// by rune, without allocating: sorting 10,000 items makes ~140,000 comparisons.
func compareFold(a, b string) int {
	for a != "" && b != "" {
		if ca, cb := a[0], b[0]; ca < utf8.RuneSelf && cb < utf8.RuneSelf { // ASCII: no tables
			if 'A' <= ca && ca <= 'Z' {
				ca += 'a' - 'A'
			}
			if 'A' <= cb && cb <= 'Z' {
				cb += 'a' - 'A'
			}
			if ca != cb {
				return cmp.Compare(ca, cb)
			}
			a, b = a[1:], b[1:]
			continue
		}
		ra, na := rune(a[0]), 1
		if ra >= utf8.RuneSelf {
			ra, na = utf8.DecodeRuneInString(a)
		}
		rb, nb := rune(b[0]), 1
		if rb >= utf8.RuneSelf {
			rb, nb = utf8.DecodeRuneInString(b)
		}
		if ra != rb {
			if c := cmp.Compare(unicode.ToLower(ra), unicode.ToLower(rb)); c != 0 {
				return c
			}
		}
		a, b = a[na:], b[nb:]
	}
	return cmp.Compare(len(a), len(b))
}

// rank is the section's place in Sections.
func (s Section) rank() int { return slices.Index(Sections, s) }

// Relative describes a due date relative to today as a list cell does:
// "today", "tomorrow", "in 3d", "1d overdue".
func Relative(due, today Date) string {
	n := due.Sub(today)
	switch {
	case n == 0:
		return "today"
	case n == 1:
		return "tomorrow"
	case n > 1:
		return fmt.Sprintf("in %dd", n)
	}
	return fmt.Sprintf("%dd overdue", -n)
}

// When describes the action's due date relative to today as a list cell
// does (see Relative) — except a reapply item whose day has passed, which is
// "open", never overdue.
func (a Action) When(today Date) string {
	if sectionOf(a, today) == SecOpen {
		return "open"
	}
	return Relative(a.Due, today)
}

// Ago describes a past date relative to today: "today", "1d", "12d", "3w", "5mo".
func Ago(d, today Date) string {
	n := today.Sub(d)
	switch {
	case n <= 0:
		return "today"
	case n < 21:
		return fmt.Sprintf("%dd", n)
	case n < 90:
		return fmt.Sprintf("%dw", n/7)
	}
	return fmt.Sprintf("%dmo", n/30)
}
