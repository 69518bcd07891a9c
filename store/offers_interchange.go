package store

import (
	"fmt"
	"strconv"

	"github.com/afterview/afterview/timeline"
)

// setTerms sets the offer terms beyond base, bonus, equity and currency.
func (x *EventJSON) setTerms(e timeline.Event) {
	if e.BonusPercent != 0 {
		p := PercentJSON(e.BonusPercent)
		x.BonusPercent = &p
	}
	x.Signon, x.VestingYears = e.Signon, int64(e.VestingYears)
}

// applyTerms copies those terms into e (Event.Validate checks them).
func (x EventJSON) applyTerms(e *timeline.Event) {
	if x.BonusPercent != nil {
		e.BonusPercent = timeline.Percent(*x.BonusPercent)
	}
	e.Signon = x.Signon
	e.VestingYears = int(max(-1, min(x.VestingYears, 1000))) // out of range either way: Validate says so
}

// PercentJSON is a timeline.Percent as a JSON number of percent: 15, 12.5.
type PercentJSON timeline.Percent

// MarshalJSON writes the percentage exactly, with no more decimals than it has.
func (p PercentJSON) MarshalJSON() ([]byte, error) {
	s := timeline.Percent(p).String()
	return []byte(s[:len(s)-1]), nil
}

// UnmarshalJSON reads a number of percent with at most two decimals (also
// quoted, as a spreadsheet's text cell gives it back).
func (p *PercentJSON) UnmarshalJSON(b []byte) error {
	if unq, err := strconv.Unquote(string(b)); err == nil {
		b = []byte(unq)
	}
	if _, err := strconv.ParseFloat(string(b), 64); err != nil {
		return fmt.Errorf("bonus_percent: %s is not a number of percent such as 15 or 12.5", b)
	}
	v, err := timeline.ParsePercent(string(b) + "%")
	if err != nil {
		return fmt.Errorf("bonus_percent: %s is not a percentage of base from 0 to 1000 with at most two decimals", b)
	}
	*p = PercentJSON(v)
	return nil
}

// csvOfferHeader are the CSV export's columns for the latest offer: its
// terms as they stand after any negotiation, and their totals. Amounts are
// plain whole numbers, for a spreadsheet to sum.
var csvOfferHeader = []string{"Offer base", "Offer bonus", "Offer bonus %", "Offer sign-on", "Offer equity",
	"Offer vesting years", "Offer currency", "Offer deadline", "Offer equity per year", "Offer yearly", "Offer first year"}

// offerCSVCells are an application's cells under csvOfferHeader: empty when
// it never had an offer.
func offerCSVCells(events []timeline.Event, set timeline.Settings) []string {
	o := timeline.LatestOffer(events, set)
	if o == nil {
		return make([]string, len(csvOfferHeader))
	}
	pct := ""
	if o.BonusPercent != 0 {
		p := o.BonusPercent.String()
		pct = p[:len(p)-1]
	}
	n := func(v int64) string { return strconv.FormatInt(v, 10) }
	return []string{n(o.Base), n(o.BonusAmount()), pct, n(o.Signon), n(o.Equity), strconv.Itoa(o.Vesting()), o.Currency,
		o.Deadline.String(), n(o.EquityPerYear()), n(o.Yearly()), n(o.FirstYear())}
}
