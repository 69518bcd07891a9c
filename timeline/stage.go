package timeline

import "fmt"

// Stage is where an application stands, derived from its events and today.
type Stage string

// The stages, in the order of a job search (see the package doc's table).
const (
	StageApplied    Stage = "applied"    // applied; no interview logged or booked yet
	StageScheduled  Stage = "scheduled"  // an interview is booked
	StageDebrief    Stage = "debrief"    // the panel is meeting
	StageDecision   Stage = "decision"   // the decision is being made
	StageReply      Stage = "reply"      // the recruiter's reply is due
	StageFollowUp   Stage = "followup"   // no word after the reply window: follow up
	StageWaiting    Stage = "waiting"    // after news or a follow-up, waiting again
	StageHold       Stage = "hold"       // decision: on hold
	StageOffer      Stage = "offer"      // an offer awaits your answer
	StageChecks     Stage = "checks"     // accepted; background checks under way
	StageOnboarding Stage = "onboarding" // cleared, or a start date ahead
	StageStarted    Stage = "started"    // the job has started
	StageRejected   Stage = "rejected"   // decision: no hire
	StageDeclined   Stage = "declined"   // you declined the offer
	StageWithdrawn  Stage = "withdrawn"  // you withdrew
	StageGhosted    Stage = "ghosted"    // they stopped answering (revived by any word from them)
)

// Stages lists every stage in the order of a job search: the order of the
// stage sort and of legends.
var Stages = []Stage{StageApplied, StageScheduled, StageDebrief, StageDecision, StageReply, StageFollowUp, StageWaiting, StageHold,
	StageOffer, StageChecks, StageOnboarding, StageStarted, StageRejected, StageDeclined, StageWithdrawn, StageGhosted}

// Rank returns s's position in Stages (for sorting); unknown stages sort last.
func (s Stage) Rank() int {
	for i, t := range Stages {
		if t == s {
			return i
		}
	}
	return len(Stages)
}

// Closed reports whether the search at this employer is over: nothing more
// will happen but, after a rejection, the reapply date (a ghosted one comes
// back with any word from them).
func (s Stage) Closed() bool {
	switch s {
	case StageStarted, StageRejected, StageDeclined, StageWithdrawn, StageGhosted:
		return true
	}
	return false
}

// Label returns the stage as shown to users in a badge.
func (s Stage) Label() string {
	switch s {
	case StageFollowUp:
		return "follow up"
	case StageHold:
		return "on hold"
	}
	return string(s)
}

// ActionKind is what the next action asks of the user.
type ActionKind string

// The action kinds, in the chase view's order within a day.
const (
	ActOffer     ActionKind = "offer"     // answer (or negotiate) an offer by its deadline
	ActExpedite  ActionKind = "expedite"  // another company's offer is open: ask this one to hurry
	ActInterview ActionKind = "interview" // a booked interview, on its day
	ActFollowup  ActionKind = "followup"  // ask the recruiter for a status update
	ActCheckin   ActionKind = "checkin"   // check in while on hold
	ActReapply   ActionKind = "reapply"   // the reapply window opens
)

// ActionKinds lists the action kinds in the chase view's order within a day.
var ActionKinds = []ActionKind{ActOffer, ActExpedite, ActInterview, ActFollowup, ActCheckin, ActReapply}

// Rank orders action kinds as the chase view does: offer, expedite,
// interview, followup, checkin, reapply; unknown kinds sort last.
func (k ActionKind) Rank() int {
	for i, a := range ActionKinds {
		if a == k {
			return i
		}
	}
	return len(ActionKinds)
}

// Label names an action kind in a few words, as the app's lists show it:
// "answer offer", "follow up", "check in", "reapply".
func (k ActionKind) Label() string {
	switch k {
	case ActOffer:
		return "answer offer"
	case ActFollowup:
		return "follow up"
	case ActCheckin:
		return "check in"
	}
	return string(k)
}

// Action is an application's next action.
type Action struct {
	Kind ActionKind
	Due  Date   // the day to act
	From Date   // the date the due date counts from (never after Due)
	Text string // a sentence: "Follow up with Pat Lee — no word 7 business days after the interview"
	// Deadline is, on an expedite action, the deadline of the offer
	// elsewhere (what the message asking them to hurry names); zero on others.
	Deadline Date
}

// Window is a named span of dates, both ends included.
type Window struct {
	Name string
	From Date
	To   Date
}

// Position returns where today sits inside w, from 0 (on or before the first
// day) to 1 (on or after the last day): the fill of a progress bar.
func (w Window) Position(today Date) float64 {
	switch {
	case today <= w.From:
		return 0
	case today >= w.To:
		return 1
	}
	return float64(today.Sub(w.From)) / float64(w.To.Sub(w.From))
}

// Advice returns what the stated process says to do in d's stage on today, a
// few short sentences for the detail view. Like the action sentences, every
// line is true on the day it is shown: dates it names are still ahead when it
// speaks of them as ahead.
func Advice(d Derived, today Date, set Settings) []string {
	switch d.Stage {
	case StageApplied:
		return appliedAdvice(set)
	case StageGhosted:
		return []string{
			"They have not answered for a long time: treat this one as closed and put your energy elsewhere.",
			"Any word from them, a new interview or a decision brings it back.",
		}
	case StageScheduled:
		return []string{
			"Prepare for the interview on " + weekdayDayMonth(d.NextInterview) + ": your examples, your questions, what the role asks for.",
			"On its day it counts as held by itself, and the wait for the panel's decision starts: no need to log it again.",
		}
	case StageDebrief, StageDecision, StageReply:
		return clockAdvice(d, set)
	case StageFollowUp:
		return []string{
			"The day they were expected to answer by has passed without word.",
			"It is fine to ask the recruiter for a status update: short and polite.",
		}
	case StageWaiting:
		return waitingAdvice(d)
	case StageHold:
		return []string{
			"On hold: you may be considered for another role or for more interviews.",
			fmt.Sprintf("Check in now and then (every %d days or so).", set.HoldCheckinDays),
		}
	case StageOffer:
		return offerAdvice(d, today)
	case StageChecks, StageOnboarding:
		return []string{
			"Checks cover employment, education and sometimes criminal records.",
			"Expect documents to sign, training and orientation before the start date.",
		}
	case StageStarted:
		return []string{"Congratulations on the new job."}
	case StageRejected:
		return rejectedAdvice(d, today, set)
	case StageDeclined, StageWithdrawn:
		return []string{"Closed. Keep the contact: the door may open again."}
	}
	return nil
}

func appliedAdvice(set Settings) []string {
	adv := []string{"You applied: when they invite you to an interview, log it with its date (a future date books it)."}
	if set.GhostAppliedDays > 0 {
		adv = append(adv, fmt.Sprintf("With no word for more than %d days after applying, it counts as ghosted; any word from them brings it back.", set.GhostAppliedDays))
	}
	return adv
}

func clockAdvice(d Derived, set Settings) []string {
	adv := []string{
		"The panel is deciding: interviewers (with a bar raiser) debrief, then hire, no hire or on hold.",
		"Nothing to do yet.",
	}
	for _, w := range d.Windows {
		if w.Name == "reply" {
			adv = append(adv, fmt.Sprintf("If the reply window (%d–%d business days, until %s) closes without word, it is fine to ask the recruiter for a status update.",
				set.ReplyMinBD, set.ReplyMaxBD, weekdayDayMonth(w.To)))
		}
	}
	return adv
}

func waitingAdvice(d Derived) []string {
	adv := []string{"You are waiting on the recruiter again."}
	if d.Current != nil && d.Current.Name == "waiting" {
		adv = append(adv, "If nothing comes by "+weekdayDayMonth(d.Current.To)+", follow up once more.")
	}
	return adv
}

func offerAdvice(d Derived, today Date) []string {
	if d.Offer != nil && today > d.Offer.Deadline {
		return []string{
			"The deadline, " + weekdayDayMonth(d.Offer.Deadline) + ", has passed: if you answered, log accepted or declined; if they gave you more time, log negotiate with the new deadline.",
			"If you have not answered yet, tell the recruiter now.",
		}
	}
	return []string{
		"Base, bonus and equity can all be negotiated.",
		"Clarify any concerns before the deadline (about a week); ask for an extension if you need one.",
		"Background and reference checks may follow acceptance.",
	}
}

func rejectedAdvice(d Derived, today Date, set Settings) []string {
	adv := []string{"You may ask the recruiter for high-level feedback on why."}
	if d.Current != nil && d.Current.Name == "reapply" {
		switch w := d.Current; {
		case today < w.From:
			adv = append(adv, fmt.Sprintf("You can usually reapply after %d–%d months: from %s.", set.ReapplyMinMonths, set.ReapplyMaxMonths, longDay(w.From)))
		case today <= w.To:
			adv = append(adv, "The usual wait is over: you may reapply now (the window is open until "+longDay(w.To)+").")
		default:
			adv = append(adv, "The usual reapply window has closed: a new application starts afresh.")
		}
	}
	return append(adv, "Note what you learned while it is fresh.")
}
