package timeline

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// benchApps returns n applications with five events each, spread over every
// stage, and the day to derive them on.
func benchApps(n int) ([]Application, [][]Event, Date) {
	today := MustDate("2026-11-20")
	r := rand.New(rand.NewPCG(1, 2))
	apps := make([]Application, n)
	evs := make([][]Event, n)
	tails := [][]EventType{
		{EventHeard, EventFollowup, EventNote, EventHeard},
		{EventNote, EventHold, EventHeard, EventFollowup},
		{EventHeard, EventOffer, EventNegotiate, EventNote},
		{EventOffer, EventAccepted, EventChecks, EventFollowup},
		{EventOffer, EventAccepted, EventChecks, EventCleared},
		{EventHeard, EventFollowup, EventRejected, EventNote},
		{EventNote, EventNote, EventNote, EventNote},
		{EventOffer, EventAccepted, EventStart, EventNote},
		{EventSnooze, EventHeard, EventNote, EventFollowup},
	}
	for i := range n {
		apps[i] = Application{ID: int64(i + 1), Company: fmt.Sprintf("Company %05d", r.IntN(n)), Recruiter: "Pat Lee"}
		I := today.AddDays(-r.IntN(60))
		es := []Event{{ID: int64(5*i + 1), Type: EventInterview, Date: I}}
		d := I
		for j, t := range tails[i%len(tails)] {
			d = d.AddDays(r.IntN(4))
			e := Event{ID: int64(5*i + 2 + j), Type: t, Date: d}
			switch t {
			case EventSnooze:
				e.Until = d.AddDays(1 + r.IntN(30))
			case EventOffer:
				e.Base, e.Currency = 180000, "USD"
			case EventNegotiate:
				e.Deadline = d.AddDays(5)
			}
			es = append(es, e)
		}
		evs[i] = es
	}
	return apps, evs, today
}

// BenchmarkDerive10k derives 10,000 applications of five events each; the
// target is well under 10 ms per op on one core.
func BenchmarkDerive10k(b *testing.B) {
	apps, evs, today := benchApps(10000)
	for _, holidays := range []string{"none", "US"} {
		b.Run("holidays="+holidays, func(b *testing.B) {
			s := DefaultSettings()
			s.Set("holidays", holidays)
			b.ReportAllocs()
			for b.Loop() {
				for i := range apps {
					_ = Derive(apps[i], evs[i], s, today)
				}
			}
		})
	}
}

// BenchmarkChase10k builds the chase view of 10,000 derived applications.
func BenchmarkChase10k(b *testing.B) {
	apps, evs, today := benchApps(10000)
	for _, holidays := range []string{"none", "US"} {
		b.Run("holidays="+holidays, func(b *testing.B) {
			s := DefaultSettings()
			s.Set("holidays", holidays)
			entries := make([]Entry, len(apps))
			for i := range apps {
				entries[i] = Derive(apps[i], evs[i], s, today).Entry
			}
			b.ReportAllocs()
			for b.Loop() {
				_ = Chase(entries, today, s.LookaheadDays)
			}
		})
	}
}
