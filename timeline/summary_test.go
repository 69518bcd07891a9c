package timeline

import (
	"math/rand/v2"
	"testing"
)

// The store caches a Summary and reuses it for any today in [ValidFrom,
// ValidThrough]. For many event sets and days, deriving again on any day of
// that span gives the same summary: the cache can never drift.
func TestSummaryValidity(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	n := 3000
	if testing.Short() {
		n = 300
	}
	const horizon = 150 // days checked either side when the span is open
	for range n {
		data := randomCase(r)
		s, today, evs := decodeCase(data)
		d := Derive(Application{ID: 1, Company: "Acme"}, evs, s, today)
		from, through := d.ValidFrom, d.ValidThrough
		if from.IsZero() || from < today-horizon {
			from = today - horizon
		}
		if through.IsZero() || through > today+horizon {
			through = today + horizon
		}
		want, _ := summaryDiff(d.Summary, d.Summary)
		for day := from; day <= through; day++ {
			got, _ := summaryDiff(Derive(d.App, evs, s, day).Summary, d.Summary)
			if got != want {
				t.Fatalf("case %v: derived on %s, valid [%s, %s], but on %s:\n got %s\nwant %s",
					data, today, d.ValidFrom, d.ValidThrough, day, got, want)
			}
		}
	}
}

// The span is not needlessly short: on the clock it runs stage boundary to
// stage boundary, and without an interview until the next event.
func TestSummaryValiditySpan(t *testing.T) {
	iv := ev(EventInterview, "2026-11-02")
	for _, c := range []struct {
		name          string
		events        []Event
		today         string
		from, through string
	}{
		{"no events: valid for ever", nil, "2026-11-01", "", ""},
		{"debrief: from the interview to I+3", seq(iv), "2026-11-03", "2026-11-02", "2026-11-05"},
		{"decision: I+4 to I+7", seq(iv), "2026-11-06", "2026-11-06", "2026-11-09"},
		{"reply: I+8 to I+7bd", seq(iv), "2026-11-10", "2026-11-10", "2026-11-11"},
		{"followup: from the day after the reply window, for ever", seq(iv), "2026-12-10", "2026-11-12", ""},
		{"a note moves the start", seq(iv, ev(EventNote, "2026-11-20")), "2026-12-10", "2026-11-20", ""},
		{"a future event ends it the day before", seq(iv, ev(EventNote, "2026-11-20")), "2026-11-12", "2026-11-12", "2026-11-19"},
		{"hold: from the hold until the next event", seq(iv, ev(EventHold, "2026-11-10"), ev(EventHeard, "2026-12-01")), "2026-11-15", "2026-11-10", "2026-11-30"},
	} {
		d := Derive(Application{}, c.events, DefaultSettings(), D(c.today))
		if d.ValidFrom != D(c.from) || d.ValidThrough != D(c.through) {
			t.Errorf("%s: valid [%s, %s], want [%s, %s]", c.name, d.ValidFrom, d.ValidThrough, c.from, c.through)
		}
	}
	s := Summary{ValidFrom: D("2026-11-02"), ValidThrough: D("2026-11-05")}
	if s.ValidOn(D("2026-11-01")) || !s.ValidOn(D("2026-11-02")) || !s.ValidOn(D("2026-11-05")) || s.ValidOn(D("2026-11-06")) {
		t.Error("ValidOn does not include exactly [ValidFrom, ValidThrough]")
	}
	if !(Summary{}).ValidOn(D("2999-01-01")) {
		t.Error("a zero span is not valid for ever")
	}
}
