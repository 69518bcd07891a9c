package timeline

import "sort"

// Version is the version of the derivation rules. The store keeps each
// application's Summary with its row; when this number changes, every row is
// derived again. Bump it whenever a rule here changes what Derive returns.
//
// 2: events on the last interview's day count whatever order they were
// logged in; a past start date means started; a closed application with an
// interview booked is scheduled; unsaved events sort last.
const Version = 2

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
	StartDate     Date    // after an accepted offer, the start date logged (a planned one: the last logged)
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

// isDecision reports whether an event of type t decides the stage by itself.
func isDecision(t EventType) bool {
	switch t {
	case EventHold, EventOffer, EventAccepted, EventDeclined, EventChecks, EventCleared, EventStart, EventRejected, EventWithdrawn:
		return true
	}
	return false
}

// onAcceptanceTrack reports whether t is a step after an accepted offer: a
// later one of them does not undo an earlier start date.
func onAcceptanceTrack(t EventType) bool {
	switch t {
	case EventAccepted, EventChecks, EventCleared, EventStart:
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
	var futureStart *Event
	for i := nFacts; i < len(evs); i++ {
		e := &evs[i]
		switch {
		case e.Type == EventInterview && sum.NextInterview.IsZero():
			sum.NextInterview = e.Date
		case e.Type == EventStart && (futureStart == nil || logOrder(*e) >= logOrder(*futureStart)):
			futureStart = e // the last logged start date wins
		}
	}
	for i := range facts {
		switch e := &facts[i]; e.Type {
		case EventInterview:
			sum.LastInterview = e.Date
		case EventSnooze:
			sum.SnoozedUntil = e.Until // the last one in the events' order wins
		}
	}
	if nFacts > 0 {
		sum.LastActivity = facts[nFacts-1].Date
	}
	// The summary holds until the next plan becomes a fact; Undecided narrows it.
	sum.ValidFrom = sum.LastActivity
	if nFacts < len(evs) {
		sum.ValidThrough = evs[nFacts].Date - 1
	}

	// Only events on or after I's day decide the stage, in whichever order
	// that day's events were logged (with no interview: all of them).
	I := sum.LastInterview
	relevant := facts[sort.Search(nFacts, func(i int) bool { return facts[i].Date >= I }):]
	dec := -1 // the latest decision
	for i := range relevant {
		if isDecision(relevant[i].Type) {
			dec = i
		}
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
	// lastContact is the latest of the decision and any news or follow-up since.
	lastContact := e.Date
	for _, a := range relevant[dec+1:] {
		if a.Type == EventHeard || a.Type == EventFollowup {
			lastContact = a.Date
		}
	}
	// After an accepted offer: a start date already passed, and checks that
	// were started and not cleared, in the steps leading up to the decision.
	var started Date
	checksOpen := false
	if onAcceptanceTrack(e.Type) {
		t := dec
		for t > 0 && (onAcceptanceTrack(relevant[t-1].Type) || !isDecision(relevant[t-1].Type)) {
			t--
		}
		for _, a := range relevant[t : dec+1] {
			switch a.Type {
			case EventStart:
				started = a.Date
			case EventChecks:
				checksOpen = true
			case EventCleared:
				checksOpen = false
			}
		}
		d.Offer = latestOffer(relevant[:dec], s)
	}
	switch {
	case !started.IsZero():
		// A start date on or before today: started, whatever was logged after it.
		sum.Stage = StageStarted
		sum.StartDate = started
	case e.Type == EventHold:
		sum.Stage = StageHold
		w := Window{"checkin", lastContact, lastContact.AddDays(s.HoldCheckinDays)}
		d.setWindow(w)
		sum.Next = &Action{Kind: ActCheckin, Due: s.NextBusinessDay(w.To), From: lastContact,
			Text: checkinText(who, e.Date, s)}
	case e.Type == EventOffer:
		sum.Stage = StageOffer
		d.Offer = latestOffer(relevant[dec:], s)
		d.setWindow(Window{"offer", e.Date, d.Offer.Deadline})
		sum.Next = &Action{Kind: ActOffer, Due: d.Offer.Deadline, From: e.Date, Text: offerText(d.Offer.Deadline)}
	case e.Type == EventAccepted && futureStart != nil && !checksOpen, e.Type == EventCleared:
		// A start date ahead turns an accepted offer into onboarding, unless
		// checks were started and not cleared; so does clearing the checks.
		sum.Stage = StageOnboarding
		if futureStart != nil {
			sum.StartDate = futureStart.Date
			d.setWindow(Window{"onboarding", e.Date, futureStart.Date})
		}
	case e.Type == EventAccepted, e.Type == EventChecks:
		sum.Stage = StageChecks
		if futureStart != nil {
			sum.StartDate = futureStart.Date
		}
		E := s.AddBusinessDays(lastContact, s.ChaseAgainBD)
		d.setWindow(Window{"checks", lastContact, E})
		sum.Next = &Action{Kind: ActFollowup, Due: s.NextBusinessDay(E), From: lastContact, Text: checksText(who, s)}
	case e.Type == EventRejected:
		sum.Stage = StageRejected
		w := Window{"reapply", e.Date.AddMonths(s.ReapplyMinMonths), e.Date.AddMonths(s.ReapplyMaxMonths)}
		d.setWindow(w)
		sum.Next = &Action{Kind: ActReapply, Due: w.From, From: e.Date, Text: reapplyText(w.To, s)}
	case e.Type == EventDeclined:
		d.Offer = latestOffer(relevant[:dec], s)
		sum.Stage = StageDeclined
	case e.Type == EventWithdrawn:
		sum.Stage = StageWithdrawn
	}
	if sum.Stage.Closed() && !sum.NextInterview.IsZero() {
		// Nothing is under way and a new round is booked (a re-application):
		// scheduled, and nothing of the closed process is chased.
		sum.Stage, sum.Next, sum.Current, sum.StartDate = StageScheduled, nil, nil, 0
		d.Windows, d.Offer = nil, nil
	}
	return d
}

// setWindow makes w the one window to draw and the current one.
func (d *Derived) setWindow(w Window) {
	d.Windows = []Window{w}
	d.Current = &d.Windows[0]
}

// latestOffer returns the terms of the last offer among events, with its
// effective deadline (the latest negotiated one, else the offer's own, else
// offer_days after it arrived), or nil when there was none.
func latestOffer(events []Event, s Settings) *OfferTerms {
	var o *OfferTerms
	for i := range events {
		switch e := &events[i]; {
		case e.Type == EventOffer:
			o = &OfferTerms{Date: e.Date, Deadline: e.Deadline, Base: e.Base, Bonus: e.Bonus, Equity: e.Equity, Currency: e.Currency}
			if o.Deadline.IsZero() {
				o.Deadline = e.Date.AddDays(s.OfferDays)
			}
		case e.Type == EventNegotiate && o != nil && !e.Deadline.IsZero():
			o.Deadline = e.Deadline
		}
	}
	return o
}
