package timeline

import "sort"

// Version is the version of the derivation rules. The store keeps each
// application's Summary with its row; when this number changes, every row is
// derived again. Bump it whenever a rule here changes what Derive returns.
//
// 2: events on the last interview's day count whatever order they were
// logged in; a past start date means started; a closed application with an
// interview booked is scheduled; unsaved events sort last.
//
// 3: the applied and ghosted stages, a booked interview as the next action,
// the decision stage up to the day before the reply window opens, followup
// once any expected day has passed, the latest contact's clock, the reapply
// item bounded by its window, texts true on the day shown, Summary.Since.
const Version = 4

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
	Since         Date    // the day the stage began (zero when unknown: no events yet)
	ValidFrom     Date    // the first day this summary holds (zero: since ever)
	ValidThrough  Date    // the last day this summary holds (zero: for ever)
}

// Snoozed reports whether the application's chase items are hidden on today.
func (s Summary) Snoozed(today Date) bool { return today < s.SnoozedUntil }

// ValidOn reports whether the summary still holds on today.
func (s Summary) ValidOn(today Date) bool {
	return today >= s.ValidFrom && (s.ValidThrough.IsZero() || today <= s.ValidThrough)
}

// Entry is an application with its summary: what a list row or a chase item
// needs, and all that the store keeps.
type Entry struct {
	App Application
	Summary
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

// deriver holds one derivation while Derive works through its decisions,
// each in a method of its own.
type deriver struct {
	d           *Derived
	s           Settings
	today       Date
	who         string // whom to contact: the recruiter's name, or "the recruiter"
	facts       []Event
	relevant    []Event // the facts on or after the last interview's day
	futureStart *Event  // the last logged start date after today
}

// Derive works out an application's stage, windows and next action from its
// events on the given day (see the package doc for the rules). It never reads
// the clock.
func Derive(app Application, events []Event, s Settings, today Date) Derived {
	evs := SortEvents(events)
	d := Derived{Entry: Entry{App: app}, Events: evs}
	x := deriver{d: &d, s: s, today: today, who: "the recruiter"}
	if app.Recruiter != "" {
		x.who = app.Recruiter
	}
	x.splitPlans(evs)
	x.readFacts()
	// Only events on or after I's day decide the stage, in whichever order
	// that day's events were logged (with no interview: all of them).
	I := d.LastInterview
	x.relevant = x.facts[sort.Search(len(x.facts), func(i int) bool { return x.facts[i].Date >= I }):]
	if dec := lastDecision(x.relevant); dec < 0 {
		x.undecided()
	} else {
		x.decided(dec)
	}
	x.reopenIfBooked()
	return d
}

// holdsFrom narrows the summary's validity to start no earlier than day:
// before it, the stage or a text was different.
func (x *deriver) holdsFrom(day Date) {
	if day > x.d.ValidFrom {
		x.d.ValidFrom = day
	}
}

// holdsThrough narrows the summary's validity to end by day: after it, the
// stage or a text changes.
func (x *deriver) holdsThrough(day Date) {
	if x.d.ValidThrough.IsZero() || day < x.d.ValidThrough {
		x.d.ValidThrough = day
	}
}

// changesOn splits the summary's validity at day: the summary derived on
// today holds on one side of it only.
func (x *deriver) changesOn(day Date) {
	if x.today < day {
		x.holdsThrough(day - 1)
	} else {
		x.holdsFrom(day)
	}
}

// splitPlans separates the facts (events on or before today) from the plans
// after it: the earliest booked interview and the last logged start date. The
// summary holds until the next plan becomes a fact.
func (x *deriver) splitPlans(evs []Event) {
	sum := &x.d.Summary
	n := sort.Search(len(evs), func(i int) bool { return evs[i].Date > x.today })
	x.facts = evs[:n]
	for i := n; i < len(evs); i++ {
		e := &evs[i]
		switch {
		case e.Type == EventInterview && sum.NextInterview.IsZero():
			sum.NextInterview = e.Date
		case e.Type == EventStart && (x.futureStart == nil || logOrder(*e) >= logOrder(*x.futureStart)):
			x.futureStart = e // the last logged start date wins
		}
	}
	if n < len(evs) {
		sum.ValidThrough = evs[n].Date - 1
	}
}

// readFacts notes the last interview, the latest snooze and the last
// activity; the summary holds from the last activity on.
func (x *deriver) readFacts() {
	sum := &x.d.Summary
	for i := range x.facts {
		switch e := &x.facts[i]; e.Type {
		case EventInterview:
			sum.LastInterview = e.Date
		case EventSnooze:
			sum.SnoozedUntil = e.Until // the last one in the events' order wins
		}
	}
	if n := len(x.facts); n > 0 {
		sum.LastActivity = x.facts[n-1].Date
	}
	sum.ValidFrom = sum.LastActivity
}

// lastDecision returns the index of the latest decision among events, or -1.
func lastDecision(events []Event) int {
	dec := -1
	for i := range events {
		if isDecision(events[i].Type) {
			dec = i
		}
	}
	return dec
}

// decided derives the stage that the decision relevant[dec] sets, later
// decisions having overridden earlier ones.
func (x *deriver) decided(dec int) {
	e := x.relevant[dec]
	// The latest of the decision and any news or follow-up since.
	lastContact := e.Date
	for _, a := range x.relevant[dec+1:] {
		if a.Type == EventHeard || a.Type == EventFollowup {
			lastContact = a.Date
		}
	}
	x.d.Since = e.Date
	switch e.Type {
	case EventHold:
		x.hold(e, lastContact)
	case EventOffer:
		x.offer(dec)
	case EventAccepted, EventChecks, EventCleared, EventStart:
		x.accepted(dec, lastContact)
	case EventRejected:
		x.rejected(e)
	case EventDeclined:
		x.d.Offer = latestOffer(x.relevant[:dec], x.s)
		x.d.Stage = StageDeclined
	case EventWithdrawn:
		x.d.Stage = StageWithdrawn
	}
}

// hold: check in hold_checkin_days after the last contact.
func (x *deriver) hold(e Event, lastContact Date) {
	sum := &x.d.Summary
	sum.Stage = StageHold
	w := Window{"checkin", lastContact, lastContact.AddDays(x.s.HoldCheckinDays)}
	x.d.setWindow(w)
	due := x.s.NextBusinessDay(w.To)
	x.changesOn(due)
	sum.Next = &Action{Kind: ActCheckin, Due: due, From: lastContact,
		Text: checkinText(x.who, e.Date, lastContact, due, x.today)}
}

// offer: answer by the deadline.
func (x *deriver) offer(dec int) {
	d, e := x.d, x.relevant[dec]
	d.Stage = StageOffer
	d.Offer = latestOffer(x.relevant[dec:], x.s)
	d.setWindow(Window{"offer", e.Date, d.Offer.Deadline})
	x.changesOn(d.Offer.Deadline + 1)
	d.Next = &Action{Kind: ActOffer, Due: d.Offer.Deadline, From: e.Date, Text: offerText(d.Offer.Deadline, x.today)}
}

// acceptance is what the steps after an accepted offer leading up to a
// decision say: a start date already passed, and checks started and not
// cleared.
type acceptance struct {
	accepted   Date // the first step's date: when the offer was accepted
	started    Date
	checksOpen bool
}

// acceptanceSteps reads the run of acceptance steps (with the news between
// them) that ends at relevant[dec].
func acceptanceSteps(relevant []Event, dec int) acceptance {
	t := dec
	for t > 0 && (onAcceptanceTrack(relevant[t-1].Type) || !isDecision(relevant[t-1].Type)) {
		t--
	}
	var a acceptance
	for _, e := range relevant[t : dec+1] {
		if a.accepted.IsZero() && onAcceptanceTrack(e.Type) {
			a.accepted = e.Date
		}
		switch e.Type {
		case EventStart:
			a.started = e.Date
		case EventChecks:
			a.checksOpen = true
		case EventCleared:
			a.checksOpen = false
		}
	}
	return a
}

// accepted derives the stages after an accepted offer: started, onboarding
// or checks.
func (x *deriver) accepted(dec int, lastContact Date) {
	d, e := x.d, x.relevant[dec]
	acc := acceptanceSteps(x.relevant, dec)
	d.Offer = latestOffer(x.relevant[:dec], x.s)
	switch {
	case !acc.started.IsZero():
		// A start date on or before today: started, whatever was logged after it.
		d.Stage, d.StartDate, d.Since = StageStarted, acc.started, acc.started
	case e.Type == EventAccepted && x.futureStart != nil && !acc.checksOpen, e.Type == EventCleared:
		// A start date ahead turns an accepted offer into onboarding, unless
		// checks were started and not cleared; so does clearing the checks.
		d.Stage = StageOnboarding
		if x.futureStart != nil {
			d.StartDate = x.futureStart.Date
			d.setWindow(Window{"onboarding", e.Date, x.futureStart.Date})
		}
	default:
		d.Since = acc.accepted
		x.checks(lastContact)
	}
}

// checks: ask how the checks are going chase_again_bd after the last contact.
func (x *deriver) checks(lastContact Date) {
	d := x.d
	d.Stage = StageChecks
	if x.futureStart != nil {
		d.StartDate = x.futureStart.Date
	}
	E := x.s.AddBusinessDays(lastContact, x.s.ChaseAgainBD)
	d.setWindow(Window{"checks", lastContact, E})
	x.changesOn(E + 1)
	d.Next = &Action{Kind: ActFollowup, Due: x.s.NextBusinessDay(E), From: lastContact, Text: checksText(x.who, lastContact, E, x.today)}
}

// rejected: the reapply window. The item is due the day it opens and stands
// while it is open; after it closes there is nothing to chase.
func (x *deriver) rejected(e Event) {
	d := x.d
	d.Stage = StageRejected
	w := Window{"reapply", e.Date.AddMonths(x.s.ReapplyMinMonths), e.Date.AddMonths(x.s.ReapplyMaxMonths)}
	d.setWindow(w)
	x.changesOn(w.From)
	x.changesOn(w.To + 1)
	if x.today <= w.To {
		d.Next = &Action{Kind: ActReapply, Due: w.From, From: e.Date, Text: reapplyText(w, x.s, x.today)}
	}
}

// reopenIfBooked: when nothing is under way and a new round is booked (a
// re-application), the stage is scheduled and nothing of the closed process
// is chased.
func (x *deriver) reopenIfBooked() {
	d := x.d
	if d.Stage.Closed() && !d.NextInterview.IsZero() {
		d.Current, d.StartDate, d.Windows, d.Offer = nil, 0, nil, nil
		x.scheduled()
	}
}

// setWindow makes w the one window to draw and the current one.
func (d *Derived) setWindow(w Window) {
	d.Windows = []Window{w}
	d.Current = &d.Windows[0]
}
