package store

import (
	"database/sql"
	"fmt"
	"math/rand"

	"github.com/afterview/afterview/timeline"
)

// demoCompanies, demoRoles and demoPeople make realistic, clearly fictional
// sample data.
var (
	demoCompanies = []string{"Acme Robotics", "Kojo Labs", "Northwind Traders", "Globex", "Initech",
		"Umbrella Health", "Stark Analytics", "Wayne Logistics", "Hooli", "Pied Piper", "Vandelay Imports",
		"Soylent Foods", "Tyrell Systems", "Cyberdyne", "Wonka Confections", "Aperture Science",
		"Black Mesa", "Oceanic Air", "Dunder Mifflin", "Massive Dynamic", "Zürich Quant", "Nakatomi Trading",
		"Gringotts Ledger", "Monarch Solutions", "Sirius Cybernetics", "Virtucon", "Blue Sun", "Oscorp",
		"Gekko & Co", "Bluth Company", "Prestige Worldwide", "Weyland Yutani"}
	demoRoles = []string{"Software Engineer II", "Senior Backend Engineer", "Staff Engineer", "SRE",
		"Data Engineer", "Product Engineer", "Platform Engineer", "Engineering Manager", "ML Engineer"}
	demoPeople = []string{"Pat Lee", "Sam Rivera", "Jordan Kim", "Alex Chen", "Maria García",
		"Priya Natarajan", "Tom O'Brien", "Yuki Tanaka", "Chris Okafor", ""}
)

// demoScenario builds the events of one sample application, relative to today,
// given a small random shift so that large databases are not all alike.
type demoScenario func(today timeline.Date, r *rand.Rand) []timeline.Event

func ev(t timeline.EventType, d timeline.Date, note string) timeline.Event {
	return timeline.Event{Type: t, Date: d, Note: note}
}

// demoScenarios cover every stage (timeline.Stages), in that order.
var demoScenarios = []demoScenario{
	func(t timeline.Date, r *rand.Rand) []timeline.Event { // applied, no interview yet
		return []timeline.Event{ev(timeline.EventApplied, t.AddDays(-6), "applied through the careers page")}
	},
	func(t timeline.Date, r *rand.Rand) []timeline.Event { // scheduled
		return []timeline.Event{ev(timeline.EventInterview, t.AddDays(-12), "recruiter screen"), ev(timeline.EventInterview, t.AddDays(2+r.Intn(5)), "onsite loop")}
	},
	func(t timeline.Date, r *rand.Rand) []timeline.Event { // debrief
		return []timeline.Event{ev(timeline.EventInterview, t.AddDays(-20), "phone screen"), ev(timeline.EventInterview, t.AddDays(-1-r.Intn(2)), "final round, 4 interviews")}
	},
	func(t timeline.Date, r *rand.Rand) []timeline.Event { // decision
		return []timeline.Event{ev(timeline.EventInterview, t.AddDays(-5-r.Intn(2)), "virtual onsite")}
	},
	func(t timeline.Date, r *rand.Rand) []timeline.Event { // reply
		return []timeline.Event{ev(timeline.EventInterview, t.AddDays(-8), "loop with bar raiser")}
	},
	func(t timeline.Date, r *rand.Rand) []timeline.Event { // followup, overdue
		return []timeline.Event{ev(timeline.EventInterview, t.AddDays(-14-r.Intn(4)), "system design + coding")}
	},
	func(t timeline.Date, r *rand.Rand) []timeline.Event { // waiting after news
		by := t.AddDays(2 + r.Intn(3))
		h := ev(timeline.EventHeard, t.AddDays(-2), "still collecting feedback")
		h.By = by
		return []timeline.Event{ev(timeline.EventInterview, t.AddDays(-10), "onsite"), h}
	},
	func(t timeline.Date, r *rand.Rand) []timeline.Event { // waiting after a follow-up
		return []timeline.Event{ev(timeline.EventInterview, t.AddDays(-16), "onsite"), ev(timeline.EventFollowup, t.AddDays(-3-r.Intn(5)), "emailed for an update")}
	},
	func(t timeline.Date, r *rand.Rand) []timeline.Event { // hold
		return []timeline.Event{ev(timeline.EventInterview, t.AddDays(-45), "onsite"), ev(timeline.EventHold, t.AddDays(-28-r.Intn(6)), "headcount freeze; may fit another team")}
	},
	func(t timeline.Date, r *rand.Rand) []timeline.Event { // offer
		o := ev(timeline.EventOffer, t.AddDays(-4), "verbal then written offer")
		o.Deadline, o.Base, o.Bonus, o.Equity, o.Currency = t.AddDays(1+r.Intn(4)), 185000, 20000, 120000, "USD"
		return []timeline.Event{ev(timeline.EventInterview, t.AddDays(-12), "final round"), o}
	},
	func(t timeline.Date, r *rand.Rand) []timeline.Event { // offer, negotiating
		o := ev(timeline.EventOffer, t.AddDays(-8), "")
		o.Base, o.Currency = 142000, "EUR"
		n := ev(timeline.EventNegotiate, t.AddDays(-2), "asked for 155k; they will check")
		n.Deadline = t.AddDays(r.Intn(2))
		return []timeline.Event{ev(timeline.EventInterview, t.AddDays(-15), "onsite"), o, n}
	},
	func(t timeline.Date, r *rand.Rand) []timeline.Event { // checks
		o := ev(timeline.EventOffer, t.AddDays(-18), "")
		o.Base, o.Currency = 160000, "GBP"
		return []timeline.Event{ev(timeline.EventInterview, t.AddDays(-25), "onsite"), o,
			ev(timeline.EventAccepted, t.AddDays(-12), "signed"), ev(timeline.EventChecks, t.AddDays(-10-r.Intn(3)), "references + employment")}
	},
	func(t timeline.Date, r *rand.Rand) []timeline.Event { // onboarding
		return []timeline.Event{ev(timeline.EventInterview, t.AddDays(-40), "onsite"), ev(timeline.EventOffer, t.AddDays(-30), ""),
			ev(timeline.EventAccepted, t.AddDays(-25), ""), ev(timeline.EventCleared, t.AddDays(-10), "all clear"),
			ev(timeline.EventStart, t.AddDays(14+r.Intn(14)), "orientation at 9am")}
	},
	func(t timeline.Date, r *rand.Rand) []timeline.Event { // started
		return []timeline.Event{ev(timeline.EventInterview, t.AddDays(-90), ""), ev(timeline.EventOffer, t.AddDays(-80), ""),
			ev(timeline.EventAccepted, t.AddDays(-75), ""), ev(timeline.EventStart, t.AddDays(-30-r.Intn(30)), "first day")}
	},
	func(t timeline.Date, r *rand.Rand) []timeline.Event { // rejected
		return []timeline.Event{ev(timeline.EventInterview, t.AddDays(-40), "onsite"), ev(timeline.EventRejected, t.AddDays(-33-r.Intn(20)), "not a fit for the level")}
	},
	func(t timeline.Date, r *rand.Rand) []timeline.Event { // rejected, reapply window opening
		rej := t.AddMonths(-6).AddDays(2 + r.Intn(3))
		return []timeline.Event{ev(timeline.EventInterview, rej.AddDays(-9), "onsite"), ev(timeline.EventRejected, rej, "ask again in spring")}
	},
	func(t timeline.Date, r *rand.Rand) []timeline.Event { // declined
		return []timeline.Event{ev(timeline.EventInterview, t.AddDays(-30), ""), ev(timeline.EventOffer, t.AddDays(-20), ""), ev(timeline.EventDeclined, t.AddDays(-15-r.Intn(3)), "took another offer")}
	},
	func(t timeline.Date, r *rand.Rand) []timeline.Event { // withdrawn
		return []timeline.Event{ev(timeline.EventInterview, t.AddDays(-21), ""), ev(timeline.EventWithdrawn, t.AddDays(-18-r.Intn(3)), "relocation required")}
	},
	func(t timeline.Date, r *rand.Rand) []timeline.Event { // snoozed follow-up
		s := ev(timeline.EventSnooze, t.AddDays(-1), "recruiter on vacation")
		s.Until = t.AddDays(4 + r.Intn(4))
		return []timeline.Event{ev(timeline.EventInterview, t.AddDays(-15), "onsite"), s}
	},
	func(t timeline.Date, r *rand.Rand) []timeline.Event { // ghosted: two follow-ups unanswered
		return []timeline.Event{ev(timeline.EventInterview, t.AddDays(-49), "onsite"),
			ev(timeline.EventFollowup, t.AddDays(-35), "emailed for an update"), ev(timeline.EventFollowup, t.AddDays(-21), "asked once more")}
	},
}

// FillDemo adds n sample applications, deterministic for a given today: the
// first 20 in every stage; beyond that, as in a long search, one in ten is
// under way and the rest are history (closed, old rejections archived), each
// with about five events. It is one transaction.
func FillDemo(st *Store, n int) error { return fillDemo(st, n, false) }

// FillBacklog adds n sample applications as a long search that was never
// tidied up: the first 20 in every stage, then eight in ten processes that
// went quiet after an interview weeks or months ago (a follow-up overdue) and
// the rest under way; none archived. Most of them are due: the worst case of
// the chase view, the count and the TUI's first screen.
func FillBacklog(st *Store, n int) error { return fillDemo(st, n, true) }

// fillDemo writes FillDemo's samples, or FillBacklog's when backlog is set.
func fillDemo(st *Store, n int, backlog bool) error {
	r := rand.New(rand.NewSource(1))
	today := st.today()
	return st.tx(func(tx *sql.Tx) error {
		for i := 0; i < n; i++ {
			company := demoCompanies[i%len(demoCompanies)]
			if i >= len(demoCompanies) {
				company = fmt.Sprintf("%s %d", company, i/len(demoCompanies)+1)
			}
			person := demoPeople[(i+i/10)%len(demoPeople)] // i/10: every recruiter among the one-in-ten under way
			app := timeline.Application{Company: company, Role: demoRoles[i%len(demoRoles)], Recruiter: person,
				URL: fmt.Sprintf("https://jobs.example.com/%d", 1000+i)}
			if person != "" {
				app.Contact = fmt.Sprintf("recruiting+%d@example.com", i)
			}
			var evs []timeline.Event
			switch {
			case i < len(demoScenarios):
				evs = demoScenarios[i](today, r)
			case backlog && r.Intn(10) < 8:
				// Gone quiet: the reply window closed long ago.
				evs = []timeline.Event{ev(timeline.EventInterview, today.AddDays(-20-r.Intn(300)), "onsite")}
			case backlog || i%10 == 0:
				evs = demoScenarios[(i/10)%len(demoScenarios)](today, r)
			default:
				// A long search is mostly history: closed applications,
				// old rejections archived once their lesson was noted.
				evs, app.Archived = demoHistory(today, r)
			}
			id, err := st.insertApp(tx, app)
			if err != nil {
				return err
			}
			if n > len(demoScenarios) {
				// Earlier rounds and notes, as a real search has: about five events in all.
				first := evs[0].Date
				for k := len(evs); k < 5; k++ {
					evs = append(evs, ev(timeline.EventNote, first.AddDays(-3*(k+1)), "prep notes"))
				}
			}
			for _, e := range evs {
				if _, err := insertEvent(tx, id, e); err != nil {
					return fmt.Errorf("demo application %d: %w", i+1, err)
				}
			}
		}
		return st.refreshAll(tx)
	})
}

// demoHistory is a closed application from the past two years, and whether
// it is archived.
func demoHistory(t timeline.Date, r *rand.Rand) ([]timeline.Event, bool) {
	end := t.AddDays(-240 - r.Intn(500))
	first := []timeline.Event{ev(timeline.EventInterview, end.AddDays(-9), "onsite")}
	switch x := r.Intn(10); {
	case x < 6:
		return append(first, ev(timeline.EventRejected, end, "feedback: system design depth")), true
	case x < 8:
		return append(first, ev(timeline.EventWithdrawn, end, "accepted elsewhere")), false
	default:
		return append(first, ev(timeline.EventOffer, end.AddDays(-3), ""), ev(timeline.EventDeclined, end, "")), false
	}
}
