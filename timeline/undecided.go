package timeline

import "slices"

// deriveUndecided handles an application with no decision since its last
// interview: scheduled, the debrief → decision → reply → follow-up clock, or
// waiting after news or a follow-up.
func deriveUndecided(d *Derived, relevant []Event, s Settings, today Date, who string) {
	sum := &d.Summary
	I := sum.LastInterview
	if I.IsZero() || !sum.NextInterview.IsZero() {
		// Nothing to wait for yet, or the next round is already booked: no
		// chasing the previous one.
		sum.Stage = StageScheduled
		return
	}
	debriefEnd := I.AddDays(s.DebriefDays)
	decisionEnd := I.AddDays(s.DecisionDays)
	replyEnd := s.AddBusinessDays(I, s.ReplyMaxBD)
	d.Windows = make([]Window, 3, 4) // room for "waiting"
	d.Windows[0] = Window{"debrief", I.AddDays(1), debriefEnd}
	d.Windows[1] = Window{"decision", I.AddDays(1), decisionEnd}
	d.Windows[2] = Window{"reply", s.AddBusinessDays(I, s.ReplyMinBD), replyEnd}

	if expect, last := waitingClock(relevant, s); last != nil {
		deriveWaiting(d, last, expect, s, who)
		return
	}

	sum.Next = &Action{Kind: ActFollowup, Due: s.NextBusinessDay(replyEnd), From: I, Text: noWordText(who, s)}
	// The stage follows the calendar: narrow the summary's validity to the
	// days it stays the same.
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
		sum.Stage, sum.Current = StageDebrief, &d.Windows[0]
		bound(debriefEnd)
	case today <= decisionEnd:
		sum.Stage, sum.Current = StageDecision, &d.Windows[1]
		since(debriefEnd + 1)
		bound(decisionEnd)
	case today <= replyEnd:
		sum.Stage, sum.Current = StageReply, &d.Windows[2]
		since(maxDate(debriefEnd, decisionEnd) + 1)
		bound(replyEnd)
	default:
		sum.Stage, sum.Current = StageFollowUp, &d.Windows[2]
		since(maxDate(debriefEnd, decisionEnd, replyEnd) + 1)
	}
}

// waitingClock returns, from the news and follow-ups since the interview,
// the latest date any of them gives (a promised date is not chased before it
// passes) and the event that gives it; nil when there were none.
func waitingClock(relevant []Event, s Settings) (Date, *Event) {
	var expect Date
	var last *Event
	for i := range relevant {
		e := &relevant[i]
		var E Date
		switch {
		case e.Type == EventHeard && !e.By.IsZero():
			E = e.By
		case e.Type == EventHeard, e.Type == EventFollowup:
			E = s.AddBusinessDays(e.Date, s.ChaseAgainBD)
		default:
			continue
		}
		if E >= expect {
			expect, last = E, e
		}
	}
	return expect, last
}

// deriveWaiting: waiting until expect, then follow up.
func deriveWaiting(d *Derived, last *Event, expect Date, s Settings, who string) {
	sum := &d.Summary
	sum.Stage = StageWaiting
	// Keep the windows in order of their start: news can come before the
	// reply window opens.
	w := Window{"waiting", last.Date, expect}
	at := len(d.Windows)
	for at > 0 && d.Windows[at-1].From > w.From {
		at--
	}
	d.Windows = slices.Insert(d.Windows, at, w)
	sum.Current = &d.Windows[at]
	sum.Next = &Action{Kind: ActFollowup, Due: s.NextBusinessDay(expect), From: last.Date, Text: waitingText(who, last, s)}
}
