package timeline

import (
	"fmt"
	"sort"
)

// Version is the version of the derivation rules. The store keeps each
// application's Summary with its row; when this number changes, every row is
// derived again. Bump it whenever a rule here changes what Derive returns.
const Version = 1

// Summary is the part of a derivation that the store keeps with each
// application's row, so that the list, the chase view and the TUI's first frame
// need not read every event. It holds for every today in [ValidFrom,
// ValidThrough]; outside that span the application must be derived again.
type Summary struct {
	Stage         Stage
	Next          *Action // the next action; nil when there is none
	Current       *Window // the stage's window, where today sits; nil when none
	LastInterview Date    // the latest interview on or before today
	NextInterview Date    // the earliest interview after today (scheduled)
	StartDate     Date    // the job's start date, when one is logged
	LastActivity  Date    // the latest event on or before today
	SnoozedUntil  Date    // the latest snooze's end: chase items hidden while today < it
	ValidFrom     Date    // the first day this summary holds (zero: since ever)
	ValidThrough  Date    // the last day this summary holds (zero: for ever)
}

// Snoozed reports whether the application's chase items are hidden on today.
func (s Summary) Snoozed(today Date) bool { return today < s.SnoozedUntil }

// ValidOn reports whether the summary still holds on today.
func (s Summary) ValidOn(today Date) bool {
	return today >= s.ValidFrom && (s.ValidThrough.IsZero() || today <= s.ValidThrough)
}

// DaysSinceInterview returns the days from the last interview to today, and
// false when there has been no interview yet.
func (s Summary) DaysSinceInterview(today Date) (int, bool) {
	if s.LastInterview.IsZero() {
		return 0, false
	}
	return today.Sub(s.LastInterview), true
}

// Entry is an application with its summary: what a list row or a chase item
// needs, and all that the store keeps.
type Entry struct {
	App Application
	Summary
}

// OfferTerms are the terms of the latest offer, with its effective deadline.
type OfferTerms struct {
	Date     Date // when it arrived
	Deadline Date // the latest negotiated deadline, else the offer's, else Date + offer_days
	Base     int64
	Bonus    int64
	Equity   int64
	Currency string
}

// Derived is everything Derive works out for one application.
type Derived struct {
	Entry
	Windows []Window    // the windows to draw, in time order of their start
	Events  []Event     // the events, ordered by date and then by logging order
	Offer   *OfferTerms // the latest offer's terms, when the stage is offer or later
}

// SortEvents orders events as DOMAIN.md says: by date, then by the order they
// were logged (ID; events not yet saved keep their order in the slice). It
// sorts a copy.
func SortEvents(events []Event) []Event {
	evs := append([]Event(nil), events...)
	sort.SliceStable(evs, func(i, j int) bool {
		if evs[i].Date != evs[j].Date {
			return evs[i].Date < evs[j].Date
		}
		return evs[i].ID != 0 && evs[j].ID != 0 && evs[i].ID < evs[j].ID
	})
	return evs
}

// isDecision reports whether an event of type t decides the stage by itself.
func isDecision(t EventType) bool {
	switch t {
	case Hold, Offer, Accepted, Declined, Checks, Cleared, Start, Rejected, Withdrawn:
		return true
	}
	return false
}

// Derive works out an application's stage, windows and next action from its
// events on the given day, following DOMAIN.md. It never reads the clock.
func Derive(app Application, events []Event, s Settings, today Date) Derived {
	evs := SortEvents(events)
	d := Derived{Entry: Entry{App: app}, Events: evs}
	sum := &d.Summary

	// Facts are the events on or before today; later ones are plans.
	nFacts := sort.Search(len(evs), func(i int) bool { return evs[i].Date > today })
	facts := evs[:nFacts]
	var nextEventDate Date
	if nFacts < len(evs) {
		nextEventDate = evs[nFacts].Date
	}
	var futureStart Event
	for _, e := range evs[nFacts:] {
		switch {
		case e.Type == Interview && sum.NextInterview.IsZero():
			sum.NextInterview = e.Date
		case e.Type == Start && (futureStart.Date.IsZero() || e.ID >= futureStart.ID):
			futureStart = e // the last logged start date wins
		}
	}
	first := 0 // facts[first:] decide the stage: those on or after the last interview
	for i, e := range facts {
		sum.LastActivity = e.Date
		switch e.Type {
		case Interview:
			sum.LastInterview = e.Date
			first = i
		case Snooze:
			sum.SnoozedUntil = e.Until
		}
	}
	I := sum.LastInterview
	if I.IsZero() {
		first = 0
	}
	relevant := facts[first:]

	// The latest decision, and what came after it.
	dec := -1
	for i, e := range relevant {
		if isDecision(e.Type) {
			dec = i
		}
	}
	sum.ValidFrom = sum.LastActivity
	if !nextEventDate.IsZero() {
		sum.ValidThrough = nextEventDate - 1
	}
	who := "the recruiter"
	if app.Recruiter != "" {
		who = app.Recruiter
	}

	if dec < 0 {
		deriveUndecided(&d, relevant, s, today, who)
		return d
	}
	e := relevant[dec]
	after := relevant[dec+1:]
	// lastContact is the latest of the decision and any news or follow-up since.
	lastContact := e.Date
	for _, a := range after {
		if a.Type == Heard || a.Type == Followup {
			lastContact = a.Date
		}
	}
	switch e.Type {
	case Hold:
		sum.Stage = OnHold
		w := Window{"checkin", lastContact, lastContact.AddDays(s.HoldCheckinDays)}
		d.setWindow(w)
		sum.Next = &Action{Kind: ActCheckin, Due: s.NextBusinessDay(w.To), From: lastContact,
			Text: fmt.Sprintf("Check in with %s — on hold since %s, %d days since last contact", who, e.Date.Format("2 Jan"), s.HoldCheckinDays)}
	case Offer:
		sum.Stage = Offered
		o := &OfferTerms{Date: e.Date, Deadline: e.Deadline, Base: e.Base, Bonus: e.Bonus, Equity: e.Equity, Currency: e.Currency}
		for _, a := range after {
			if a.Type == Negotiate && !a.Deadline.IsZero() {
				o.Deadline = a.Deadline
			}
		}
		if o.Deadline.IsZero() {
			o.Deadline = e.Date.AddDays(s.OfferDays)
		}
		d.Offer = o
		d.setWindow(Window{"offer", e.Date, o.Deadline})
		sum.Next = &Action{Kind: ActOffer, Due: o.Deadline, From: e.Date,
			Text: fmt.Sprintf("Answer the offer by %s — negotiate or ask for more time before then", o.Deadline.Format("Mon 2 Jan"))}
	case Accepted, Checks:
		d.Offer = latestOffer(relevant[:dec], s)
		if e.Type == Accepted && !futureStart.Date.IsZero() {
			// A start date ahead turns an accepted offer into onboarding; checks
			// that were started and not cleared keep the stage at checks.
			sum.Stage = Onboarding
			sum.StartDate = futureStart.Date
			d.setWindow(Window{"onboarding", e.Date, futureStart.Date})
			break
		}
		sum.Stage = InChecks
		E := s.AddBusinessDays(lastContact, s.ChaseAgainBD)
		d.setWindow(Window{"checks", lastContact, E})
		sum.Next = &Action{Kind: ActFollowup, Due: s.NextBusinessDay(E), From: lastContact,
			Text: fmt.Sprintf("Ask %s how the background and reference checks are going — %d business days without news", who, s.ChaseAgainBD)}
	case Cleared:
		d.Offer = latestOffer(relevant[:dec], s)
		sum.Stage = Onboarding
		if !futureStart.Date.IsZero() {
			sum.StartDate = futureStart.Date
			d.setWindow(Window{"onboarding", e.Date, futureStart.Date})
		}
	case Start:
		d.Offer = latestOffer(relevant[:dec], s)
		sum.Stage = Started
		sum.StartDate = e.Date
	case Rejected:
		sum.Stage = Rejection
		w := Window{"reapply", e.Date.AddMonths(s.ReapplyMinMonths), e.Date.AddMonths(s.ReapplyMaxMonths)}
		d.setWindow(w)
		sum.Next = &Action{Kind: ActReapply, Due: w.From, From: e.Date,
			Text: fmt.Sprintf("You may reapply — %d months since the rejection (usual wait %d–%d months, until %s)", s.ReapplyMinMonths, s.ReapplyMinMonths, s.ReapplyMaxMonths, w.To.Format("2 Jan 2006"))}
	case Declined:
		d.Offer = latestOffer(relevant[:dec], s)
		sum.Stage = Declining
	case Withdrawn:
		sum.Stage = Withdrawal
	}
	return d
}

// deriveUndecided handles an application with no decision since its last
// interview: scheduled, the debrief → decision → reply → follow-up clock, or
// waiting after news or a follow-up.
func deriveUndecided(d *Derived, relevant []Event, s Settings, today Date, who string) {
	sum := &d.Summary
	I := sum.LastInterview
	if I.IsZero() || !sum.NextInterview.IsZero() {
		// Nothing to wait for yet, or the next round is already booked.
		sum.Stage = Scheduled
		return
	}
	debriefEnd := I.AddDays(s.DebriefDays)
	decisionEnd := I.AddDays(s.DecisionDays)
	replyEnd := s.AddBusinessDays(I, s.ReplyMaxBD)
	windows := []Window{
		{"debrief", I.AddDays(1), debriefEnd},
		{"decision", I.AddDays(1), decisionEnd},
		{"reply", s.AddBusinessDays(I, s.ReplyMinBD), replyEnd},
	}
	d.Windows = windows

	// News or a follow-up since the interview: wait until the latest date any
	// of them gives (a promised date is not chased before it passes).
	var expect, from Date
	var last Event
	for _, e := range relevant {
		var E Date
		switch e.Type {
		case Heard:
			E = e.By
			if E.IsZero() {
				E = s.AddBusinessDays(e.Date, s.ChaseAgainBD)
			}
		case Followup:
			E = s.AddBusinessDays(e.Date, s.ChaseAgainBD)
		default:
			continue
		}
		if E >= expect {
			expect, from, last = E, e.Date, e
		}
	}
	if !expect.IsZero() {
		sum.Stage = Waiting
		w := Window{"waiting", from, expect}
		d.Windows = append(d.Windows, w)
		sum.Current = &d.Windows[len(d.Windows)-1]
		var why string
		switch {
		case last.Type == Heard && !last.By.IsZero():
			why = fmt.Sprintf("they promised news by %s", last.By.Format("Mon 2 Jan"))
		case last.Type == Heard:
			why = fmt.Sprintf("no news %d business days after they were last in touch", s.ChaseAgainBD)
		default:
			why = fmt.Sprintf("no reply %d business days after your follow-up", s.ChaseAgainBD)
		}
		sum.Next = &Action{Kind: ActFollowup, Due: s.NextBusinessDay(expect), From: from,
			Text: fmt.Sprintf("Follow up with %s — %s", who, why)}
		return
	}

	sum.Next = &Action{Kind: ActFollowup, Due: s.NextBusinessDay(replyEnd), From: I,
		Text: fmt.Sprintf("Follow up with %s — no word %d business days after the interview", who, s.ReplyMaxBD)}
	bound := func(through Date) {
		if sum.ValidThrough.IsZero() || through < sum.ValidThrough {
			sum.ValidThrough = through
		}
	}
	since := func(from Date) {
		if from > sum.ValidFrom {
			sum.ValidFrom = from
		}
	}
	switch {
	case today <= debriefEnd:
		sum.Stage, sum.Current = Debrief, &d.Windows[0]
		bound(debriefEnd)
	case today <= decisionEnd:
		sum.Stage, sum.Current = Decision, &d.Windows[1]
		since(debriefEnd + 1)
		bound(decisionEnd)
	case today <= replyEnd:
		sum.Stage, sum.Current = Reply, &d.Windows[2]
		since(maxDate(debriefEnd, decisionEnd) + 1)
		bound(replyEnd)
	default:
		sum.Stage, sum.Current = FollowUp, &d.Windows[2]
		since(maxDate(debriefEnd, decisionEnd, replyEnd) + 1)
	}
}

// setWindow makes w the one window to draw and the current one.
func (d *Derived) setWindow(w Window) {
	d.Windows = []Window{w}
	d.Current = &d.Windows[0]
}

// latestOffer returns the terms of the last offer among events, with its
// effective deadline, or nil when there was none.
func latestOffer(events []Event, s Settings) *OfferTerms {
	var o *OfferTerms
	for _, e := range events {
		switch {
		case e.Type == Offer:
			o = &OfferTerms{Date: e.Date, Deadline: e.Deadline, Base: e.Base, Bonus: e.Bonus, Equity: e.Equity, Currency: e.Currency}
			if o.Deadline.IsZero() {
				o.Deadline = e.Date.AddDays(s.OfferDays)
			}
		case e.Type == Negotiate && o != nil && !e.Deadline.IsZero():
			o.Deadline = e.Deadline
		}
	}
	return o
}
