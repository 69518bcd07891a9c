package tui

import (
	"fmt"
	"strings"

	"github.com/afterview/afterview/timeline"
)

// Offers is `afterview offers`: the offers compared side by side, a table
// per currency, in blocks of as many columns as the width holds.
func (r Report) Offers(groups []timeline.OfferGroup) string {
	var b strings.Builder
	if len(groups) == 0 {
		fmt.Fprintf(&b, "No offers to compare: none open, and none accepted or declined in the last %d days.\n", timeline.OfferRecentDays)
		return b.String()
	}
	for _, l := range r.offersHeading() {
		r.line(&b, l)
	}
	for _, g := range groups {
		per := offerColumnsFit(r.Width, len(g.Offers))
		for from := 0; from < len(g.Offers); from += per {
			b.WriteByte('\n')
			for _, l := range r.OfferGroupBlock(g, from) {
				b.WriteString(l)
				b.WriteByte('\n')
			}
		}
	}
	return b.String()
}

// offersHeading is the two lines above the comparison: the day, the best
// mark, and how the totals are made.
func (r Report) offersHeading() []string {
	return []string{fmt.Sprintf("Offers on %s · the best value in each row is marked %s", r.Date(r.Today), offerBestMark),
		r.paint(r.Styles.Muted, "yearly = base + bonus + equity/yr · first year adds the sign-on")}
}

// OfferGroupBlock renders one currency's table from column from on: as
// many columns as r.Width holds (every one when it is 0), one line per row.
func (r Report) OfferGroupBlock(g timeline.OfferGroup, from int) []string {
	cols := offerCells(g, r)
	per := offerColumnsFit(r.Width, len(cols))
	from = max(0, min(from, len(cols)-1))
	return r.offerBlock(offerLabels(g.Currency), cols, from, min(len(cols), from+per))
}

// jsonOffer is an element of `offers --json`: amounts are whole numbers in
// the offer's currency; days_left is null once the offer is answered.
type jsonOffer struct {
	ID            int64         `json:"id"`
	Company       string        `json:"company"`
	Role          string        `json:"role"`
	State         string        `json:"state"`
	Currency      *string       `json:"currency"`
	Base          int64         `json:"base"`
	Bonus         int64         `json:"bonus"`
	Signon        int64         `json:"signon"`
	EquityPerYear int64         `json:"equity_per_year"`
	Yearly        int64         `json:"yearly"`
	FirstYear     int64         `json:"first_year"`
	Deadline      timeline.Date `json:"deadline"`
	DaysLeft      *int          `json:"days_left"`
}

type jsonOffers struct {
	Today  timeline.Date `json:"today"`
	Offers []jsonOffer   `json:"offers"`
}

// OffersJSON is `offers --json`: {"today", "offers": [{"id", "company",
// "role", "state", "currency", "base", "bonus", "signon", "equity_per_year",
// "yearly", "first_year", "deadline", "days_left"}]}, in the table's order
// (by currency, then column). currency is null when the offer named none.
func (r Report) OffersJSON(groups []timeline.OfferGroup) ([]byte, error) {
	out := jsonOffers{Today: r.Today, Offers: []jsonOffer{}}
	for _, g := range groups {
		for _, o := range g.Offers {
			j := jsonOffer{ID: o.App.ID, Company: o.App.Company, Role: o.App.Role, State: string(o.State),
				Base: o.Terms.Base, Bonus: o.Terms.BonusAmount(), Signon: o.Terms.Signon, EquityPerYear: o.Terms.EquityPerYear(),
				Yearly: o.Terms.Yearly(), FirstYear: o.Terms.FirstYear(), Deadline: o.Terms.Deadline}
			if g.Currency != "" {
				cur := g.Currency
				j.Currency = &cur
			}
			if o.State == timeline.OfferOpen {
				n := o.DaysLeft(r.Today)
				j.DaysLeft = &n
			}
			out.Offers = append(out.Offers, j)
		}
	}
	return marshal(out)
}

// TermsEcho is the line `log` adds after an offer or a negotiation (whose
// terms EventWords shows as read): the totals of the terms as they now
// stand, so that "15%" or "1.5k" is seen to add up as meant; "" for other
// events.
func (r Report) TermsEcho(e timeline.Event, d timeline.Derived) string {
	t := d.Offer
	if t == nil || (e.Type != timeline.EventOffer && e.Type != timeline.EventNegotiate) {
		return ""
	}
	cur := ""
	if t.Currency != "" {
		cur = " " + Sanitize(t.Currency)
	}
	var b strings.Builder
	r.line(&b, fmt.Sprintf("terms as they stand: yearly %s%s · first year %s%s", Amount(t.Yearly(), ""), cur, Amount(t.FirstYear(), ""), cur))
	return b.String()
}

// TermLabel names an offer's term for people: "sign-on", "vesting".
func TermLabel(f timeline.Field) string {
	switch f {
	case timeline.FieldSignon:
		return "sign-on"
	case timeline.FieldVesting:
		return "vesting"
	}
	return string(f)
}

// TermValue is one of an event's offer terms as a user would type it:
// "180,000", "15%", "4 years".
func TermValue(e timeline.Event, f timeline.Field) string {
	switch f {
	case timeline.FieldBase:
		return Amount(e.Base, "")
	case timeline.FieldBonus:
		if e.BonusPercent != 0 {
			return e.BonusPercent.String() + " of base"
		}
		return Amount(e.Bonus, "")
	case timeline.FieldSignon:
		return Amount(e.Signon, "")
	case timeline.FieldEquity:
		return Amount(e.Equity, "")
	case timeline.FieldVesting:
		return plural(e.VestingYears, "1 year", fmt.Sprintf("%d years", e.VestingYears))
	case timeline.FieldCurrency:
		return e.Currency
	}
	return ""
}

// OfferLines describes an application's latest offer for its detail: the
// terms as they stand, their totals and dates, then the negotiation's
// history (each negotiate event with its note and deadline). None when the
// derivation has no offer.
func (r Report) OfferLines(d timeline.Derived) []string {
	o := d.Offer
	if o == nil {
		return nil
	}
	var terms []string
	if o.Base != 0 {
		terms = append(terms, "base "+Amount(o.Base, o.Currency))
	}
	if b := o.BonusAmount(); b != 0 || o.BonusPercent != 0 {
		s := "bonus " + Amount(b, "")
		if o.BonusPercent != 0 {
			s += " (" + o.BonusPercent.String() + " of base)"
		}
		terms = append(terms, s)
	}
	if o.Signon != 0 {
		terms = append(terms, "sign-on "+Amount(o.Signon, ""))
	}
	if o.Equity != 0 {
		terms = append(terms, fmt.Sprintf("equity %s over %s (%s a year)", Amount(o.Equity, ""),
			plural(o.Vesting(), "1 year", fmt.Sprintf("%d years", o.Vesting())), Amount(o.EquityPerYear(), "")))
	}
	if len(terms) == 0 {
		terms = append(terms, "no amounts logged")
	}
	lines := []string{strings.Join(terms, " · ")}
	var totals []string
	if o.Base != 0 {
		cur := ""
		if o.Currency != "" {
			cur = " " + o.Currency
		}
		totals = append(totals, "yearly "+Amount(o.Yearly(), "")+cur, "first year "+Amount(o.FirstYear(), "")+cur)
	}
	answer := "answer by " + r.Date(o.Deadline)
	if d.Stage != timeline.StageOffer {
		answer = "deadline was " + r.Date(o.Deadline)
	}
	lines = append(lines, strings.Join(append(totals, "received "+r.Date(o.Date), answer), " · "))
	for _, e := range timeline.OfferHistory(d.Events) {
		if e.Type == timeline.EventNegotiate && e.Date >= o.Date {
			lines = append(lines, r.NegotiationLine(e))
		}
	}
	return lines
}

// NegotiationLine is one step of an offer's negotiation: the offer or a
// negotiate event, its date, note, the terms it gave and its deadline.
func (r Report) NegotiationLine(e timeline.Event) string {
	what, deadline := "negotiated ", "new deadline "
	if e.Type == timeline.EventOffer {
		what, deadline = "offered ", "deadline "
	}
	parts := []string{what + r.Date(e.Date)}
	if e.Note != "" {
		parts = append(parts, fmt.Sprintf("%q", Sanitize(e.Note)))
	}
	for _, f := range []timeline.Field{timeline.FieldBase, timeline.FieldBonus, timeline.FieldSignon, timeline.FieldEquity, timeline.FieldVesting, timeline.FieldCurrency} {
		if e.Has(f) {
			parts = append(parts, TermLabel(f)+" "+Sanitize(TermValue(e, f)))
		}
	}
	if !e.Deadline.IsZero() {
		parts = append(parts, deadline+r.Date(e.Deadline))
	}
	return strings.Join(parts, " · ")
}

// ElsewhereNote is the line `show` prints on an application still deciding
// while an offer elsewhere is open: when it expires, and whether to ask them
// to hurry (they are never told which company made it).
func (r Report) ElsewhereNote(o timeline.OpenOffer, pending bool) string {
	when := r.Date(o.Deadline)
	if o.Deadline == r.Today {
		when = "today (" + when + ")"
	}
	if pending {
		return "an offer expires " + when + ": ask them whether they can decide sooner (an expedite item in the chase view)"
	}
	return "an offer expires " + when + "; you have been in touch since it arrived"
}
