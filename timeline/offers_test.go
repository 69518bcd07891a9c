package timeline

import (
	"testing"
)

// terms builds an offer event's terms.
func terms(base, bonus int64, pct Percent, signon, equity int64, years int, cur string) opt {
	return func(e *Event) {
		e.Base, e.Bonus, e.BonusPercent, e.Signon, e.Equity, e.VestingYears, e.Currency = base, bonus, pct, signon, equity, years, cur
	}
}

// The totals below were worked out by hand, not with the code under test.
func TestOfferTotals(t *testing.T) {
	cases := []struct {
		name                               string
		t                                  OfferTerms
		bonus, equityYr, yearly, firstYear int64
	}{
		{"bonus as a share of base; 4 years by default",
			OfferTerms{Base: 180000, BonusPercent: 1500, Signon: 20000, Equity: 400000},
			27000, 100000, 307000, 327000}, // 180,000 × 15% = 27,000; 400,000 / 4 = 100,000
		{"bonus as an amount; 3 years of vesting; no sign-on",
			OfferTerms{Base: 195000, Bonus: 20000, Equity: 300000, VestingYears: 3},
			20000, 100000, 315000, 315000},
		{"shares round to the nearest unit",
			OfferTerms{Base: 123457, BonusPercent: 1250, Equity: 100000, VestingYears: 3, Signon: 5000},
			15432, 33333, 172222, 177222}, // 15,432.125 → 15,432; 33,333.3 → 33,333
		{"a half rounds up",
			OfferTerms{Base: 100, BonusPercent: 50, Equity: 10},
			1, 3, 104, 104}, // 0.5 → 1; 10 / 4 = 2.5 → 3
		{"base only", OfferTerms{Base: 90000}, 0, 0, 90000, 90000},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.t.BonusAmount(); got != c.bonus {
				t.Errorf("bonus = %d, want %d", got, c.bonus)
			}
			if got := c.t.EquityPerYear(); got != c.equityYr {
				t.Errorf("equity/yr = %d, want %d", got, c.equityYr)
			}
			if got := c.t.Yearly(); got != c.yearly {
				t.Errorf("yearly = %d, want %d", got, c.yearly)
			}
			if got := c.t.FirstYear(); got != c.firstYear {
				t.Errorf("first year = %d, want %d", got, c.firstYear)
			}
		})
	}
}

func TestTermsAsTheyStandAfterNegotiation(t *testing.T) {
	iv := ev(EventInterview, "2026-11-20")
	offer := ev(EventOffer, "2026-11-30", deadline("2026-12-07"), terms(180000, 0, 1500, 20000, 400000, 0, "USD"))
	cases := []struct {
		name   string
		events []Event
		want   OfferTerms
	}{
		{"the offer as it came",
			seq(iv, offer),
			OfferTerms{Date: D("2026-11-30"), Deadline: D("2026-12-07"), Base: 180000, BonusPercent: 1500, Signon: 20000, Equity: 400000, Currency: "USD"}},
		{"negotiate: a new base keeps the bonus's share; a new deadline",
			seq(iv, offer, ev(EventNegotiate, "2026-12-02", deadline("2026-12-10"), terms(195000, 0, 0, 0, 0, 0, ""))),
			OfferTerms{Date: D("2026-11-30"), Deadline: D("2026-12-10"), Base: 195000, BonusPercent: 1500, Signon: 20000, Equity: 400000, Currency: "USD", Negotiated: 1}},
		{"negotiate: a bonus amount replaces the share; terms build up over rounds",
			seq(iv, offer, ev(EventNegotiate, "2026-12-01", terms(0, 30000, 0, 0, 0, 0, "")),
				ev(EventNegotiate, "2026-12-02", terms(0, 0, 0, 25000, 0, 3, ""))),
			OfferTerms{Date: D("2026-11-30"), Deadline: D("2026-12-07"), Base: 180000, Bonus: 30000, Signon: 25000, Equity: 400000, VestingYears: 3, Currency: "USD", Negotiated: 2}},
		{"a second offer starts afresh",
			seq(iv, offer, ev(EventNegotiate, "2026-12-01", terms(190000, 0, 0, 0, 0, 0, "")),
				ev(EventOffer, "2026-12-02", terms(200000, 0, 0, 0, 0, 0, "EUR"))),
			OfferTerms{Date: D("2026-12-02"), Deadline: D("2026-12-09"), Base: 200000, Currency: "EUR"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Derive(Application{}, c.events, DefaultSettings(), D("2026-12-02"))
			if d.Offer == nil || *d.Offer != c.want {
				t.Errorf("terms = %+v\nwant    %+v", d.Offer, c.want)
			}
		})
	}
	h := OfferHistory(seq(iv, ev(EventNegotiate, "2026-11-25"), offer, ev(EventNote, "2026-12-01"), ev(EventNegotiate, "2026-12-02", deadline("2026-12-10"))))
	if len(h) != 2 || h[0].Type != EventOffer || h[1].Type != EventNegotiate || h[1].Deadline != D("2026-12-10") {
		t.Errorf("history = %+v, want the offer and the negotiate after it", h)
	}
}

func TestTermsInputApply(t *testing.T) {
	all := func(Field) bool { return true }
	var e Event
	in := TermsInput{Base: "$180,000", Bonus: "15%", Signon: "20k", Equity: "400k USD", VestingYears: "4", Currency: "usd"}
	if err := in.Apply(&e, all); err != nil {
		t.Fatal(err)
	}
	if e.Base != 180000 || e.BonusPercent != 1500 || e.Bonus != 0 || e.Signon != 20000 || e.Equity != 400000 || e.VestingYears != 4 || e.Currency != "USD" {
		t.Errorf("event = %+v", e)
	}
	only := func(fs ...Field) func(Field) bool {
		return func(f Field) bool {
			for _, g := range fs {
				if g == f {
					return true
				}
			}
			return false
		}
	}
	e = Event{}
	if err := (TermsInput{Base: "180000 EUR"}).Apply(&e, only(FieldBase)); err != nil || e.Currency != "EUR" {
		t.Errorf("a code with the amount sets the currency: %+v, %v", e, err)
	}
	for _, c := range []struct {
		in    TermsInput
		given []Field
		want  string
	}{
		{TermsInput{Base: "180000 EUR", Currency: "USD"}, []Field{FieldBase, FieldCurrency}, "--base: EUR does not match USD given with --currency"},
		{TermsInput{Base: "1,5k"}, []Field{FieldBase}, `--base: "1,5k" is not an amount`},
		{TermsInput{Bonus: "15.555%"}, []Field{FieldBonus}, `--bonus: "15.555%" is not a percentage`},
		{TermsInput{VestingYears: "0"}, []Field{FieldVesting}, `--vesting-years: "0" is not a number of years from 1 to 10`},
		{TermsInput{VestingYears: "four"}, []Field{FieldVesting}, `--vesting-years: "four"`},
	} {
		e := Event{}
		err := c.in.Apply(&e, only(c.given...))
		if err == nil || len(err.Error()) < len(c.want) || err.Error()[:len(c.want)] != c.want {
			t.Errorf("%+v: error = %v, want %q…", c.in, err, c.want)
		}
	}
}

func TestOfferTermsValidate(t *testing.T) {
	for _, c := range []struct {
		e    Event
		want string
	}{
		{Event{Type: EventOffer, Date: D("2026-12-01"), Bonus: 5, BonusPercent: 100}, "give the bonus as an amount or as a percentage of base, not both"},
		{Event{Type: EventOffer, Date: D("2026-12-01"), VestingYears: 11}, "--vesting-years 11 is out of range (1 to 10)"},
		{Event{Type: EventOffer, Date: D("2026-12-01"), Signon: -1}, "an offer's amounts cannot be negative"},
		{Event{Type: EventHeard, Date: D("2026-12-01"), Signon: 1}, "a heard event does not take --signon (heard takes: --date, --note, --by)"},
		{Event{Type: EventHeard, Date: D("2026-12-01"), VestingYears: 2}, "a heard event does not take --vesting-years (heard takes: --date, --note, --by)"},
	} {
		if err := c.e.Validate(); err == nil || err.Error() != c.want {
			t.Errorf("%+v: %v, want %q", c.e, err, c.want)
		}
	}
	ok := Event{Type: EventNegotiate, Date: D("2026-12-01"), Base: 1, BonusPercent: 1500, Signon: 2, Equity: 3, VestingYears: 4, Currency: "USD"}
	if err := ok.Validate(); err != nil {
		t.Errorf("a negotiate event with terms: %v", err)
	}
}
