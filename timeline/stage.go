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
// will happen but, after a rejection, the reapply date.
func (s Stage) Closed() bool {
	switch s {
	case StageStarted, StageRejected, StageDeclined, StageWithdrawn:
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
}

// DaysOverdue returns how many days past due the action is on today (0 when
// it is not overdue).
func (a Action) DaysOverdue(today Date) int {
	if today > a.Due {
		return today.Sub(a.Due)
	}
	return 0
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

// Advice returns what the stated process says to do in stage s, a few short
// sentences for the detail view.
func Advice(s Stage, set Settings) []string {
	switch s {
	case StageApplied:
		return []string{"You applied; when they invite you to interview, log it (a future date books it)."}
	case StageGhosted:
		return []string{
			"They have not answered for a long time: treat this one as closed and put your energy elsewhere.",
			"Any word from them, a new interview or a decision brings it back.",
		}
	case StageScheduled:
		return []string{"Prepare for the interview; once it is done, log it and afterview starts the clock."}
	case StageDebrief, StageDecision, StageReply:
		return []string{
			"The panel is deciding: interviewers (with a bar raiser) debrief, then hire, no hire or on hold.",
			"Nothing to do yet.",
			fmt.Sprintf("If the reply window (%d–%d business days) closes without word, it is fine to ask the recruiter for a status update.", set.ReplyMinBD, set.ReplyMaxBD),
		}
	case StageFollowUp:
		return []string{
			"The reply window has closed without word.",
			"It is fine to ask the recruiter for a status update: short and polite.",
		}
	case StageWaiting:
		return []string{
			"You are waiting on the recruiter again.",
			fmt.Sprintf("If the promised date (or %d business days) passes without news, follow up once more.", set.ChaseAgainBD),
		}
	case StageHold:
		return []string{
			"On hold: you may be considered for another role or for more interviews.",
			fmt.Sprintf("Check in now and then (every %d days or so).", set.HoldCheckinDays),
		}
	case StageOffer:
		return []string{
			"Base, bonus and equity can all be negotiated.",
			"Clarify any concerns before the deadline (about a week); ask for an extension if you need one.",
			"Background and reference checks may follow acceptance.",
		}
	case StageChecks, StageOnboarding:
		return []string{
			"Checks cover employment, education and sometimes criminal records.",
			"Expect documents to sign, training and orientation before the start date.",
		}
	case StageStarted:
		return []string{"Congratulations on the new job."}
	case StageRejected:
		return []string{
			"You may ask the recruiter for high-level feedback on why.",
			fmt.Sprintf("You can usually reapply after %d–%d months.", set.ReapplyMinMonths, set.ReapplyMaxMonths),
			"Note what you learned while it is fresh.",
		}
	case StageDeclined, StageWithdrawn:
		return []string{"Closed. Keep the contact: the door may open again."}
	}
	return nil
}
