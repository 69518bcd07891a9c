package timeline

import (
	"fmt"
	"sort"
	"strings"
)

// Section is a part of the chase view.
type Section string

// The chase view's sections, in order.
const (
	SecOverdue  Section = "overdue"  // due before today
	SecToday    Section = "today"    // due today
	SecUpcoming Section = "upcoming" // due within the lookahead
)

// Sections lists the chase view's sections in order.
var Sections = []Section{SecOverdue, SecToday, SecUpcoming}

// SectionOf returns the section a due date falls in on today.
func SectionOf(due, today Date) Section {
	switch {
	case due < today:
		return SecOverdue
	case due == today:
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
// days, ordered by due date, then kind (offer, followup, checkin, reapply),
// then company name.
func Chase(entries []Entry, today Date, lookahead int) []ChaseItem {
	limit := today.AddDays(lookahead)
	var items []ChaseItem
	for _, e := range entries {
		if e.App.Archived || e.Next == nil || e.Snoozed(today) || e.Next.Due > limit {
			continue
		}
		items = append(items, ChaseItem{App: e.App, Action: *e.Next, Section: SectionOf(e.Next.Due, today)})
	}
	sort.SliceStable(items, func(i, j int) bool { return chaseLess(items[i], items[j]) })
	return items
}

// chaseLess is the chase view's order.
func chaseLess(a, b ChaseItem) bool {
	if a.Action.Due != b.Action.Due {
		return a.Action.Due < b.Action.Due
	}
	if ka, kb := a.Action.Kind.Rank(), b.Action.Kind.Rank(); ka != kb {
		return ka < kb
	}
	if ca, cb := strings.ToLower(a.App.Company), strings.ToLower(b.App.Company); ca != cb {
		return ca < cb
	}
	return a.App.ID < b.App.ID
}

// IsChaseSorted reports whether items are in the chase view's order.
func IsChaseSorted(items []ChaseItem) bool {
	return sort.SliceIsSorted(items, func(i, j int) bool { return chaseLess(items[i], items[j]) })
}

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
