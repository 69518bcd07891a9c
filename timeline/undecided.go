package timeline

import "slices"

// The stages with no decision under way: applied, scheduled, ghosted, the
// clock after an interview (debrief, decision, reply, followup) and waiting
// after news or a follow-up.

// undecided derives the stage when no decision was taken since the last
// interview.
func (x *deriver) undecided() {
	switch {
	case !x.d.NextInterview.IsZero():
		// The next round is booked: no chasing the previous one.
		x.scheduled()
	case x.d.LastInterview.IsZero():
		x.applied()
	default:
		x.afterInterview()
	}
}

// scheduled: an interview is booked; it is the next action, on its day (on
// that day it becomes a fact and the clock starts).
func (x *deriver) scheduled() {
	d := x.d
	d.Stage, d.Since = StageScheduled, d.LastActivity
	d.Next = &Action{Kind: ActInterview, Due: d.NextInterview, From: d.LastActivity, Text: interviewText(d.NextInterview)}
}

// contacts is what the news and follow-ups among some events say.
type contacts struct {
	last      *Event // the latest heard or followup, in the events' order
	lastWord  Date   // the latest heard
	promised  Date   // the latest date any heard promised news by
	unheard   int    // follow-ups since the latest heard
	firstDate Date   // the first event's date
	applied   Date   // the latest applied
}

// readContacts reads the news and follow-ups among events.
func readContacts(events []Event) contacts {
	var c contacts
	if len(events) > 0 {
		c.firstDate = events[0].Date
	}
	for i := range events {
		switch e := &events[i]; e.Type {
		case EventHeard:
			c.last, c.lastWord, c.unheard = e, e.Date, 0
			c.promised = max(c.promised, e.By)
		case EventFollowup:
			c.last = e
			c.unheard++
		case EventApplied:
			c.applied = e.Date
		}
	}
	return c
}

// expected returns E, the day an answer was expected after the latest
// contact: a heard's promised date, else its date + chase_again_bd business
// days — never before a date promised since the interview — and whether a
// promise set it.
func (c contacts) expected(s Settings) (Date, bool) {
	E := s.AddBusinessDays(c.last.Date, s.ChaseAgainBD)
	if c.last.Type == EventHeard && !c.last.By.IsZero() {
		E = c.last.By
	}
	if c.promised >= E {
		return c.promised, true
	}
	return E, false
}

// applied: no interview yet, past or booked. Ghosted once ghost_applied_days
// have passed since the application or their last word; chased only when
// applied_followup_bd is set.
func (x *deriver) applied() {
	d, s := x.d, x.s
	c := readContacts(x.relevant)
	d.Stage, d.Since = StageApplied, c.applied
	if d.Since.IsZero() {
		d.Since = c.firstDate
	}
	if start := max(c.applied, c.lastWord); s.GhostAppliedDays > 0 && !start.IsZero() {
		ghost := start.AddDays(s.GhostAppliedDays + 1) // more than that many days
		x.changesOn(ghost)
		if x.today >= ghost {
			d.Stage, d.Since = StageGhosted, ghost
			return
		}
	}
	if s.AppliedFollowupBD == 0 {
		return
	}
	var E Date
	var promised bool
	switch {
	case c.last != nil && c.last.Date >= c.applied:
		E, promised = c.expected(s)
	case !c.applied.IsZero():
		c.last = &Event{Type: EventApplied, Date: c.applied}
		E = max(s.AddBusinessDays(c.applied, s.AppliedFollowupBD), c.promised)
		promised = E == c.promised
	default:
		return
	}
	x.changesOn(E + 1)
	d.Next = &Action{Kind: ActFollowup, Due: s.NextBusinessDay(E), From: c.last.Date, Text: contactText(x.who, c.last, E, promised, x.today)}
}

// afterInterview: the clock after the last interview, or waiting after news
// or a follow-up.
func (x *deriver) afterInterview() {
	d, s := x.d, x.s
	I := d.LastInterview
	replyOpen, replyEnd := s.AddBusinessDays(I, s.ReplyMinBD), s.AddBusinessDays(I, s.ReplyMaxBD)
	d.Windows = make([]Window, 3, 4) // room for "waiting"
	d.Windows[0] = Window{"debrief", I.AddDays(1), I.AddDays(s.DebriefDays)}
	d.Windows[1] = Window{"decision", I.AddDays(1), I.AddDays(s.DecisionDays)}
	d.Windows[2] = Window{"reply", replyOpen, replyEnd}
	if c := readContacts(x.relevant); c.last != nil {
		x.waiting(c)
		return
	}
	// The stages follow the calendar, each to its last day; once the reply
	// window has closed it is time to follow up, whatever the other windows
	// say.
	ends := [3]Date{
		min(d.Windows[0].To, replyEnd),
		min(max(d.Windows[1].To, replyOpen-1), replyEnd),
		replyEnd,
	}
	stages := [3]Stage{StageDebrief, StageDecision, StageReply}
	from := I
	d.Stage, d.Since, d.Current = StageFollowUp, replyEnd+1, &d.Windows[2]
	for i, end := range ends {
		if x.today <= end {
			d.Stage, d.Since, d.Current = stages[i], from, &d.Windows[i]
			x.holdsThrough(end)
			break
		}
		from = max(from, end+1)
	}
	x.holdsFrom(d.Since)
	d.Next = &Action{Kind: ActFollowup, Due: s.NextBusinessDay(replyEnd), From: I, Text: clockText(x.who, I, replyEnd, x.today)}
}

// waiting: after news or a follow-up since the interview, wait until E, then
// follow up — or, when ghost_followups follow-ups in a row went unanswered,
// the application is ghosted.
func (x *deriver) waiting(c contacts) {
	d, s := x.d, x.s
	E, promised := c.expected(s)
	// Keep the windows in order of their start: news can come before the
	// reply window opens.
	w := Window{"waiting", c.last.Date, E}
	at := len(d.Windows)
	for at > 0 && d.Windows[at-1].From > w.From {
		at--
	}
	d.Windows = slices.Insert(d.Windows, at, w)
	d.Current = &d.Windows[at]
	x.changesOn(E + 1)
	switch {
	case x.today <= E:
		d.Stage, d.Since = StageWaiting, c.last.Date
	case s.GhostFollowups > 0 && c.unheard >= s.GhostFollowups:
		d.Stage, d.Since, d.Current = StageGhosted, E+1, nil
		return
	default:
		d.Stage, d.Since = StageFollowUp, E+1
	}
	d.Next = &Action{Kind: ActFollowup, Due: s.NextBusinessDay(E), From: c.last.Date, Text: contactText(x.who, c.last, E, promised, x.today)}
}
