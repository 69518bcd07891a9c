package timeline

import "testing"

// derived derives an application with the given id, company and events on today.
func derived(id int64, company string, today string, events ...Event) Derived {
	return Derive(Application{ID: id, Company: company}, seq(events...), DefaultSettings(), D(today))
}

func TestOfferOfStates(t *testing.T) {
	iv := ev(EventInterview, "2026-08-01")
	offer := ev(EventOffer, "2026-08-10", deadline("2026-08-17"), terms(100000, 0, 0, 0, 0, 0, "USD"))
	cases := []struct {
		name     string
		today    string
		events   []Event
		state    OfferState
		answered string
		listed   bool
	}{
		{"open", "2026-08-12", []Event{iv, offer}, OfferOpen, "", true},
		{"open past its deadline (unanswered)", "2026-08-20", []Event{iv, offer}, OfferOpen, "", true},
		{"open, negotiated", "2026-08-14", []Event{iv, offer, ev(EventNegotiate, "2026-08-12", deadline("2026-08-21"), terms(110000, 0, 1000, 0, 0, 0, ""))}, OfferOpen, "", true},
		{"accepted after negotiating", "2026-08-20", []Event{iv, offer, ev(EventNegotiate, "2026-08-12", terms(110000, 0, 0, 5000, 0, 0, "")), ev(EventAccepted, "2026-08-15")}, OfferAccepted, "2026-08-15", true},
		{"accepted, checks under way", "2026-08-20", []Event{iv, offer, ev(EventAccepted, "2026-08-15")}, OfferAccepted, "2026-08-15", true},
		{"accepted 90 days ago: still listed", "2026-11-13", []Event{iv, offer, ev(EventAccepted, "2026-08-15"), ev(EventStart, "2026-09-01")}, OfferAccepted, "2026-08-15", true},
		{"accepted 91 days ago: no longer", "2026-11-14", []Event{iv, offer, ev(EventAccepted, "2026-08-15"), ev(EventStart, "2026-09-01")}, OfferAccepted, "2026-08-15", false},
		{"declined", "2026-08-20", []Event{iv, offer, ev(EventDeclined, "2026-08-16")}, OfferDeclined, "2026-08-16", true},
		{"rejected: no offer", "2026-08-20", []Event{iv, ev(EventRejected, "2026-08-10")}, "", "", false},
		{"withdrawn after accepting: not listed", "2026-08-20", []Event{iv, offer, ev(EventAccepted, "2026-08-15"), ev(EventWithdrawn, "2026-08-18")}, "", "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			col, ok := OfferOf(derived(1, "Acme", c.today, c.events...), D(c.today))
			if ok != c.listed {
				t.Fatalf("listed = %v, want %v", ok, c.listed)
			}
			// The store's cheap read, from the summary and the offer's
			// events alone, agrees with the whole derivation.
			d := derived(1, "Acme", c.today, c.events...)
			var offerEvents []Event
			for _, e := range d.Events {
				switch e.Type {
				case EventOffer, EventNegotiate, EventAccepted, EventDeclined:
					offerEvents = append(offerEvents, e)
				}
			}
			if from, ok2 := OfferFrom(d.Entry, offerEvents, DefaultSettings(), D(c.today)); ok2 != ok || from != col {
				t.Errorf("OfferFrom = %+v, %v; OfferOf = %+v, %v", from, ok2, col, ok)
			}
			if c.state != "" && (col.State != c.state || col.Answered != D(c.answered)) {
				t.Errorf("state = %s answered %s, want %s answered %s", col.State, col.Answered, c.state, c.answered)
			}
		})
	}
	arch := derived(1, "Acme", "2026-08-12", iv, offer)
	arch.App.Archived = true
	if _, ok := OfferOf(arch, D("2026-08-12")); ok {
		t.Error("an archived application's offer is listed")
	}
}

func TestCompareOffersGroupsByCurrencyAndMarksTheBest(t *testing.T) {
	today := D("2026-12-02")
	col := func(id int64, company string, state OfferState, deadline, answered string, tm OfferTerms) OfferColumn {
		tm.Deadline = D(deadline)
		return OfferColumn{App: Application{ID: id, Company: company}, State: state, Terms: tm, Answered: D(answered)}
	}
	offers := []OfferColumn{
		col(1, "Acme", OfferOpen, "2026-12-11", "", OfferTerms{Base: 180000, BonusPercent: 1500, Signon: 20000, Equity: 400000, Currency: "USD"}),
		col(2, "Globex", OfferAccepted, "2026-11-20", "2026-11-18", OfferTerms{Base: 195000, Bonus: 20000, Equity: 300000, VestingYears: 3, Currency: "USD"}),
		col(3, "Hooli", OfferOpen, "2026-12-07", "", OfferTerms{Base: 170000, Bonus: 27000, Equity: 400000, Currency: "USD"}),
		col(4, "Zürich Quant", OfferOpen, "2026-12-09", "", OfferTerms{Base: 150000, Currency: "CHF"}),
		col(5, "Initech", OfferDeclined, "2026-11-01", "2026-10-30", OfferTerms{Base: 90000}),
	}
	groups := CompareOffers(offers)
	if len(groups) != 3 || groups[0].Currency != "CHF" || groups[1].Currency != "USD" || groups[2].Currency != "" {
		t.Fatalf("groups = %+v, want CHF, USD, then no currency", groups)
	}
	usd := groups[1]
	var order []string
	for _, o := range usd.Offers {
		order = append(order, o.App.Company)
	}
	if want := []string{"Hooli", "Acme", "Globex"}; !equalStrings(order, want) {
		t.Errorf("USD order = %v, want %v (open by deadline, then answered)", order, want)
	}
	// Hooli 170,000 + 27,000 + 100,000 = 297,000; Acme 180,000 + 27,000 +
	// 100,000 = 307,000 (327,000 with sign-on); Globex 195,000 + 20,000 +
	// 100,000 = 315,000.
	wantBest := map[OfferRow][]bool{
		RowBase:          {false, false, true},
		RowBonus:         {true, true, false}, // 27,000 twice
		RowSignon:        {false, true, false},
		RowEquityPerYear: {false, false, false}, // all 100,000: nothing to choose
		RowYearly:        {false, false, true},
		RowFirstYear:     {false, true, false},
		RowDeadline:      {false, false, false},
		RowDaysLeft:      {false, false, false},
	}
	for r, marks := range wantBest {
		for i, m := range marks {
			if usd.Best(r, i) != m {
				t.Errorf("%s of %s: best = %v, want %v", r.Label(), usd.Offers[i].App.Company, usd.Best(r, i), m)
			}
		}
	}
	if got := []int64{usd.Offers[0].Amount(RowYearly), usd.Offers[1].Amount(RowYearly), usd.Offers[2].Amount(RowYearly)}; got[0] != 297000 || got[1] != 307000 || got[2] != 315000 {
		t.Errorf("yearly = %v", got)
	}
	if n := usd.Offers[0].DaysLeft(today); n != 5 {
		t.Errorf("Hooli's days left = %d, want 5", n)
	}
	if groups[0].Best(RowBase, 0) {
		t.Error("a lone offer is marked best")
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
