package timeline

import (
	"fmt"
	"strconv"
	"strings"
)

// DefaultVestingYears is the years an equity grant vests over when the offer
// does not say.
const DefaultVestingYears = 4

// MaxVestingYears bounds the vesting years an offer may give.
const MaxVestingYears = 10

// OfferTerms are the terms of the latest offer as they stand after any
// negotiation, with its effective deadline.
type OfferTerms struct {
	Date         Date    // when it arrived
	Deadline     Date    // the latest negotiated deadline, else the offer's, else Date + offer_days
	Base         int64   // base salary a year
	Bonus        int64   // the yearly bonus as an amount (when BonusPercent is 0)
	BonusPercent Percent // the yearly bonus as a share of base, instead of Bonus
	Signon       int64   // paid once, in the first year
	Equity       int64   // the whole grant's value
	VestingYears int     // the years the grant vests over (0: DefaultVestingYears)
	Currency     string  // a three-letter code, or "" when none was given
	Negotiated   int     // how many negotiate events came after the offer
}

// BonusAmount returns the yearly bonus: the amount, or the share of base
// rounded to a whole unit.
func (t OfferTerms) BonusAmount() int64 {
	if t.BonusPercent != 0 {
		return t.BonusPercent.Of(t.Base)
	}
	return t.Bonus
}

// Vesting returns the years the grant vests over.
func (t OfferTerms) Vesting() int {
	if t.VestingYears > 0 {
		return t.VestingYears
	}
	return DefaultVestingYears
}

// EquityPerYear returns the grant's value divided by the vesting years,
// rounded to a whole unit (halves up).
func (t OfferTerms) EquityPerYear() int64 {
	v := int64(t.Vesting())
	return (t.Equity*2 + v) / (2 * v)
}

// Yearly returns the yearly total: base + bonus + equity per year.
func (t OfferTerms) Yearly() int64 { return t.Base + t.BonusAmount() + t.EquityPerYear() }

// FirstYear returns the first year's total: the yearly total + sign-on.
func (t OfferTerms) FirstYear() int64 { return t.Yearly() + t.Signon }

// apply makes the terms an offer or negotiate event gives replace these:
// a bonus given either way replaces the bonus given either way.
func (t *OfferTerms) apply(e *Event) {
	if e.Base != 0 {
		t.Base = e.Base
	}
	if e.Bonus != 0 || e.BonusPercent != 0 {
		t.Bonus, t.BonusPercent = e.Bonus, e.BonusPercent
	}
	if e.Signon != 0 {
		t.Signon = e.Signon
	}
	if e.Equity != 0 {
		t.Equity = e.Equity
	}
	if e.VestingYears != 0 {
		t.VestingYears = e.VestingYears
	}
	if e.Currency != "" {
		t.Currency = e.Currency
	}
}

// latestOffer returns the terms of the last offer among events as they stand
// after the negotiate events that followed it (each term one gives replaces
// the offer's), with its effective deadline (the latest negotiated one, else
// the offer's own, else offer_days after it arrived), or nil when there was
// none.
func latestOffer(events []Event, s Settings) *OfferTerms {
	var o *OfferTerms
	for i := range events {
		switch e := &events[i]; {
		case e.Type == EventOffer:
			o = &OfferTerms{Date: e.Date, Deadline: e.Deadline}
			o.apply(e)
			if o.Deadline.IsZero() {
				o.Deadline = e.Date.AddDays(s.OfferDays)
			}
		case e.Type == EventNegotiate && o != nil:
			o.apply(e)
			o.Negotiated++
			if !e.Deadline.IsZero() {
				o.Deadline = e.Deadline
			}
		}
	}
	return o
}

// OfferHistory returns the latest offer event among events (in their order)
// and the negotiate events after it: the negotiation's history. It is empty
// when there was no offer.
func OfferHistory(events []Event) []Event {
	var h []Event
	for _, e := range SortEvents(events) {
		switch {
		case e.Type == EventOffer:
			h = append(h[:0], e)
		case e.Type == EventNegotiate && len(h) > 0:
			h = append(h, e)
		}
	}
	return h
}

// TermsInput is an offer's terms as typed, on the command line or in a form:
// one string per field, "" when not given.
type TermsInput struct {
	Base, Bonus, Signon, Equity, VestingYears, Currency string
}

// Apply parses the terms that given reports as given into e, or says what is
// wrong with the first bad one, naming its flag. A currency code typed with
// an amount (180000 USD) sets the currency, and must agree with the others.
func (in TermsInput) Apply(e *Event, given func(Field) bool) error {
	cur := currencyPick{from: FieldCurrency}
	if given(FieldCurrency) {
		cur.code = strings.TrimSpace(in.Currency)
		if len(cur.code) == 3 {
			cur.code = strings.ToUpper(cur.code) // usd is USD; anything else is refused as typed
		}
	}
	if err := in.applyAmounts(e, given, &cur); err != nil {
		return err
	}
	if given(FieldBonus) {
		b, code, err := ParseBonus(in.Bonus)
		if err != nil {
			return fmt.Errorf("--%s: %w", FieldBonus.Flag(), err)
		}
		e.Bonus, e.BonusPercent = b.Amount, b.Percent
		if err := cur.set(FieldBonus, code); err != nil {
			return err
		}
	}
	if given(FieldVesting) {
		n, err := strconv.Atoi(strings.TrimSpace(in.VestingYears))
		if err != nil || n < 1 || n > MaxVestingYears {
			return fmt.Errorf("--%s: %q is not a number of years from 1 to %d", FieldVesting.Flag(), in.VestingYears, MaxVestingYears)
		}
		e.VestingYears = n
	}
	e.Currency = cur.code
	return nil
}

// applyAmounts parses the base, sign-on and equity that were given into e.
func (in TermsInput) applyAmounts(e *Event, given func(Field) bool, cur *currencyPick) error {
	amounts := []struct {
		f   Field
		v   string
		dst *int64
	}{{FieldBase, in.Base, &e.Base}, {FieldSignon, in.Signon, &e.Signon}, {FieldEquity, in.Equity, &e.Equity}}
	for _, a := range amounts {
		if !given(a.f) {
			continue
		}
		m, err := ParseMoney(a.v)
		if err != nil {
			return fmt.Errorf("--%s: %w", a.f.Flag(), err)
		}
		*a.dst = m.Amount
		if err := cur.set(a.f, m.Currency); err != nil {
			return err
		}
	}
	return nil
}

// currencyPick is the currency of an offer being typed: the first field
// that named one, which every later one must agree with.
type currencyPick struct {
	code string
	from Field // the field that named it
}

// set takes the code typed with field f ("" when none was).
func (c *currencyPick) set(f Field, code string) error {
	switch {
	case code == "":
		return nil
	case c.code == "":
		c.code, c.from = code, f
		return nil
	case c.code != code:
		return fmt.Errorf("--%s: %s does not match %s given with --%s", f.Flag(), code, c.code, c.from.Flag())
	}
	return nil
}

// validateTerms checks the offer terms beyond their signs: one way of giving
// the bonus, a share of base within reason, vesting years in range.
func (e Event) validateTerms() error {
	switch {
	case e.Bonus != 0 && e.BonusPercent != 0:
		return fmt.Errorf("give the bonus as an amount or as a percentage of base, not both")
	case e.BonusPercent < 0 || e.BonusPercent > maxPercent:
		return fmt.Errorf("a bonus of %s of base is out of range (0%% to %s)", e.BonusPercent, maxPercent)
	case e.VestingYears < 0 || e.VestingYears > MaxVestingYears:
		return fmt.Errorf("--%s %d is out of range (1 to %d)", FieldVesting.Flag(), e.VestingYears, MaxVestingYears)
	}
	return nil
}

// LatestOffer returns the terms of the last offer among an application's
// events, as they stand after the negotiations that followed it, whatever
// happened since (nil when there was none): the spreadsheet export's offer.
func LatestOffer(events []Event, s Settings) *OfferTerms {
	return latestOffer(SortEvents(events), s)
}
