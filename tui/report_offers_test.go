package tui

import (
	"strings"
	"testing"

	"github.com/afterview/afterview/timeline"
	"github.com/charmbracelet/x/exp/golden"
)

// fixtureOffers are four USD offers (two open, one accepted, one declined),
// one in EUR and one with no currency, around reportToday.
func fixtureOffers() []timeline.OfferGroup {
	d := reportToday
	col := func(id int64, company, role string, state timeline.OfferState, deadline, answered int, t timeline.OfferTerms) timeline.OfferColumn {
		t.Deadline = d.AddDays(deadline)
		c := timeline.OfferColumn{App: timeline.Application{ID: id, Company: company, Role: role}, State: state, Terms: t}
		if answered != 0 {
			c.Answered = d.AddDays(answered)
		}
		return c
	}
	return timeline.CompareOffers([]timeline.OfferColumn{
		col(1, "Acme Robotics", "Senior Backend Engineer", timeline.OfferOpen, 10, 0,
			timeline.OfferTerms{Base: 180000, BonusPercent: 1500, Signon: 20000, Equity: 400000, Currency: "USD"}),
		col(2, "Globex", "Staff Engineer", timeline.OfferOpen, 3, 0,
			timeline.OfferTerms{Base: 195000, Bonus: 20000, Equity: 300000, VestingYears: 3, Currency: "USD"}),
		col(3, "Hooli", "SRE", timeline.OfferAccepted, -20, -18,
			timeline.OfferTerms{Base: 170000, Bonus: 27000, Equity: 400000, Currency: "USD"}),
		col(4, "Initech, a very long company name Inc.", "SWE", timeline.OfferDeclined, -40, -41,
			timeline.OfferTerms{Base: 150000, Signon: 50000, Currency: "USD"}),
		col(5, "Zürich Quant", "Quant Developer", timeline.OfferOpen, -2, 0,
			timeline.OfferTerms{Base: 140000, BonusPercent: 1250, Currency: "EUR"}),
		col(6, "Nakatomi", "PM", timeline.OfferOpen, 0, 0, timeline.OfferTerms{Base: 90000}),
	})
}

func TestReportOffers(t *testing.T) {
	t.Run("width80", func(t *testing.T) { golden.RequireEqual(t, []byte(plainReport(80).Offers(fixtureOffers()))) })
	t.Run("width120", func(t *testing.T) { golden.RequireEqual(t, []byte(plainReport(120).Offers(fixtureOffers()))) })
	for _, w := range []int{80, 120} {
		for _, l := range strings.Split(plainReport(w).Offers(fixtureOffers()), "\n") {
			if n := len([]rune(l)); n > w {
				t.Errorf("width %d: a line of %d cells: %q", w, n, l)
			}
		}
	}
	if got := plainReport(80).Offers(nil); got != "No offers to compare: none open, and none accepted or declined in the last 90 days.\n" {
		t.Errorf("no offers: %q", got)
	}
}
