package timeline

import "cmp"

// The chase view's order written plainly, item against item, as the tests'
// reference for Chase, which sorts on precomputed keys.

// compareChase is the chase view's order within a section: due date, kind, company name
// (ignoring case), then application ID so that the order is total.
func compareChase(appA *Application, a *Action, appB *Application, b *Action) int {
	if c := cmp.Compare(a.Due, b.Due); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Kind.Rank(), b.Kind.Rank()); c != 0 {
		return c
	}
	if c := compareFold(appA.Company, appB.Company); c != 0 {
		return c
	}
	return cmp.Compare(appA.ID, appB.ID)
}

// isChaseSorted reports whether items are in the chase view's order.
func isChaseSorted(items []ChaseItem) bool {
	for i := 1; i < len(items); i++ {
		a, b := &items[i-1], &items[i]
		if c := cmp.Compare(a.Section.rank(), b.Section.rank()); c > 0 || (c == 0 && compareChase(&a.App, &a.Action, &b.App, &b.Action) > 0) {
			return false
		}
	}
	return true
}
