package timeline

import (
	"cmp"
	"slices"
)

// OfferRecentDays is how long an answered offer stays in the comparison:
// accepted or declined within this many days before today.
const OfferRecentDays = 90

// OfferState is where an offer stands: awaiting an answer, or answered.
type OfferState string

// The offer states.
const (
	OfferOpen     OfferState = "open"     // awaiting your answer (also past its deadline)
	OfferAccepted OfferState = "accepted" // you accepted it
	OfferDeclined OfferState = "declined" // you declined it
)

// OfferColumn is one offer in the comparison: an application's latest offer
// with its terms as they stand.
type OfferColumn struct {
	App      Application
	State    OfferState
	Terms    OfferTerms
	Answered Date // the day you accepted or declined it (zero while open)
}

// DaysLeft returns the days from today to the deadline (negative once it has
// passed).
func (c OfferColumn) DaysLeft(today Date) int { return c.Terms.Deadline.Sub(today) }

// OfferOf returns an application's offer for the comparison on today: an
// open offer (stage offer), or one accepted or declined within
// OfferRecentDays. Archived applications have none.
func OfferOf(d Derived, today Date) (OfferColumn, bool) {
	c := OfferColumn{App: d.App}
	if d.App.Archived || d.Offer == nil {
		return c, false
	}
	c.Terms = *d.Offer
	switch d.Stage {
	case StageOffer:
		c.State = OfferOpen
		return c, true
	case StageChecks, StageOnboarding, StageStarted:
		c.State = OfferAccepted
	case StageDeclined:
		c.State = OfferDeclined
	default:
		return c, false
	}
	want := EventAccepted
	if c.State == OfferDeclined {
		want = EventDeclined
	}
	for _, e := range d.Events {
		if e.Type == want && e.Date >= c.Terms.Date && e.Date <= today {
			c.Answered = e.Date // the last one logged wins
		}
	}
	if c.Answered.IsZero() || today.Sub(c.Answered) > OfferRecentDays {
		return c, false
	}
	return c, true
}

// OfferFrom is OfferOf for the store's cheap read: an application's kept
// summary and only its offer, negotiate, accepted and declined events, not
// a whole derivation. The terms are those of the last offer since the
// latest interview (as Derive takes them).
func OfferFrom(e Entry, events []Event, s Settings, today Date) (OfferColumn, bool) {
	d := Derived{Entry: e, Events: SortEvents(events)}
	var since []Event
	for _, ev := range d.Events {
		if ev.Date >= e.LastInterview && ev.Date <= today {
			since = append(since, ev)
		}
	}
	switch e.Stage {
	case StageOffer, StageChecks, StageOnboarding, StageStarted, StageDeclined:
		d.Offer = latestOffer(since, s)
	}
	return OfferOf(d, today)
}

// OfferRow is a row of the comparison table.
type OfferRow int

// The comparison's rows, in order: the amounts, then the deadline.
const (
	RowBase OfferRow = iota
	RowBonus
	RowSignon
	RowEquityPerYear
	RowYearly
	RowFirstYear
	RowDeadline
	RowDaysLeft
)

// AmountRows are the rows that hold amounts: the ones with a best value.
var AmountRows = []OfferRow{RowBase, RowBonus, RowSignon, RowEquityPerYear, RowYearly, RowFirstYear}

// OfferRows lists every row in order.
var OfferRows = []OfferRow{RowBase, RowBonus, RowSignon, RowEquityPerYear, RowYearly, RowFirstYear, RowDeadline, RowDaysLeft}

// Label returns the row's name as the table shows it.
func (r OfferRow) Label() string {
	return [...]string{"base", "bonus", "sign-on", "equity/yr", "yearly", "first year", "deadline", "days left"}[r]
}

// Amount returns the column's value in an amount row (0 for the others).
func (c OfferColumn) Amount(r OfferRow) int64 {
	t := c.Terms
	switch r {
	case RowBase:
		return t.Base
	case RowBonus:
		return t.BonusAmount()
	case RowSignon:
		return t.Signon
	case RowEquityPerYear:
		return t.EquityPerYear()
	case RowYearly:
		return t.Yearly()
	case RowFirstYear:
		return t.FirstYear()
	}
	return 0
}

// OfferGroup is the offers in one currency, compared side by side.
type OfferGroup struct {
	Currency string // "" for offers that name none
	Offers   []OfferColumn
	best     map[OfferRow][]bool
}

// Best reports whether column i holds the best value of row r: the highest
// amount, when the offers in the group differ in that row. Only amount rows
// have a best value; ties are all best.
func (g OfferGroup) Best(r OfferRow, i int) bool {
	b := g.best[r]
	return i < len(b) && b[i]
}

// CompareOffers groups offers by currency (in the order of the codes, the
// offers with none last; amounts are never converted) and orders each group:
// open offers by deadline, then answered ones, the latest answer first; ties
// by company name, then id. It marks the best value in each amount row.
func CompareOffers(offers []OfferColumn) []OfferGroup {
	byCur := map[string][]OfferColumn{}
	var codes []string
	for _, o := range offers {
		if _, ok := byCur[o.Terms.Currency]; !ok {
			codes = append(codes, o.Terms.Currency)
		}
		byCur[o.Terms.Currency] = append(byCur[o.Terms.Currency], o)
	}
	slices.SortFunc(codes, func(a, b string) int {
		if (a == "") != (b == "") {
			return cmp.Compare(b, a) // "" last
		}
		return cmp.Compare(a, b)
	})
	groups := make([]OfferGroup, 0, len(codes))
	for _, code := range codes {
		g := OfferGroup{Currency: code, Offers: byCur[code], best: map[OfferRow][]bool{}}
		slices.SortStableFunc(g.Offers, compareOfferColumns)
		for _, r := range AmountRows {
			hi, lo := g.Offers[0].Amount(r), g.Offers[0].Amount(r)
			for _, o := range g.Offers {
				hi, lo = max(hi, o.Amount(r)), min(lo, o.Amount(r))
			}
			if hi == lo {
				continue // nothing to choose between
			}
			marks := make([]bool, len(g.Offers))
			for i, o := range g.Offers {
				marks[i] = o.Amount(r) == hi
			}
			g.best[r] = marks
		}
		groups = append(groups, g)
	}
	return groups
}

// compareOfferColumns is a group's column order (see CompareOffers).
func compareOfferColumns(a, b OfferColumn) int {
	if ao, bo := a.State == OfferOpen, b.State == OfferOpen; ao != bo {
		if ao {
			return -1
		}
		return 1
	}
	if a.State == OfferOpen {
		if c := cmp.Compare(a.Terms.Deadline, b.Terms.Deadline); c != 0 {
			return c
		}
	} else if c := cmp.Compare(b.Answered, a.Answered); c != 0 {
		return c
	}
	if c := compareFold(a.App.Company, b.App.Company); c != 0 {
		return c
	}
	return cmp.Compare(a.App.ID, b.App.ID)
}
