package tui

import "github.com/afterview/afterview/timeline"

// group is where an application stands: the dashboard's tab for it (the
// Chase tab aside) and the count it adds to.
type group int

// The groups, in the order of the dashboard's tabs after Chase.
const (
	groupApplied group = iota // applied, no interview logged or booked yet
	groupActive               // an interview process under way: scheduled … on hold
	groupOffers               // an offer and what follows its acceptance
	groupClosed               // over (ghosted too), or archived
)

// groupOf returns the group of an entry. A ghosted application is closed
// until any word from them revives it (its stage then changes).
func groupOf(e *timeline.Entry) group {
	switch s := e.Stage; {
	case e.App.Archived || s.Closed() || s == timeline.StageGhosted:
		return groupClosed
	case s == timeline.StageOffer || s == timeline.StageChecks || s == timeline.StageOnboarding:
		return groupOffers
	case s == timeline.StageApplied:
		return groupApplied
	}
	return groupActive
}

// Counts are the numbers afterview shows about the applications on one day.
// The TUI's header and tabs and the command line's summary lines all print
// these, so two numbers beside each other never disagree: Applied + Active
// = Waiting + the applied and active ones with an item due.
type Counts struct {
	Due      int // chase items overdue or due today (what `chase --count` prints)
	Listed   int // every chase item within the lookahead: overdue, today, open, coming up (the Chase tab)
	Applied  int // applied, no interview yet
	Active   int // an interview process under way: scheduled, debrief … on hold
	Offers   int // offer, checks, onboarding
	Closed   int // started, rejected, declined, withdrawn, ghosted, or archived
	Waiting  int // applied or active with no chase item due by today: waiting on time
	ToAnswer int // offers awaiting your answer (stage offer)

	// NextDue is the earliest day one of the waiting ones has something to
	// do (a snoozed one: when it comes back); zero when none has.
	NextDue timeline.Date
}

// isDue reports whether a chase item in section s is due: overdue or due
// today.
func isDue(s timeline.Section) bool { return s == timeline.SecOverdue || s == timeline.SecToday }

// CountEntries counts entries on today; items is their chase view
// (timeline.Chase of the same entries).
func CountEntries(entries []timeline.Entry, items []timeline.ChaseItem, today timeline.Date) Counts {
	due := make(map[int64]bool, len(items))
	sections := make([]timeline.Section, len(items))
	for i := range items {
		sections[i] = items[i].Section
		if isDue(items[i].Section) {
			due[items[i].App.ID] = true
		}
	}
	return countChase(entries, sections, func(i int) bool { return due[entries[i].App.ID] }, today)
}

// countChase is CountEntries of entries whose chase view has items in
// sections, where due(i) says entries[i] has an item overdue or due today.
func countChase(entries []timeline.Entry, sections []timeline.Section, due func(i int) bool, today timeline.Date) Counts {
	var c Counts
	for _, sec := range sections {
		c.tallySection(sec, 1)
	}
	for i := range entries {
		c.tally(&entries[i], due(i), today, 1)
	}
	return c
}

// tallySection adds one chase item in section sec to the counts (sign 1) or
// takes it away (sign -1).
func (c *Counts) tallySection(sec timeline.Section, sign int) {
	c.Listed += sign
	if isDue(sec) {
		c.Due += sign
	}
}

// tally adds one entry's part of the counts (sign 1) or takes it away (sign
// -1), so that a change to one application updates the counts without
// counting every entry again. due says the entry has a chase item overdue or
// due today. NextDue is only ever lowered: taking an entry away leaves it
// as it was (CountEntries, which adds every entry, gets it right).
func (c *Counts) tally(e *timeline.Entry, due bool, today timeline.Date, sign int) {
	switch groupOf(e) {
	case groupApplied:
		c.Applied += sign
	case groupActive:
		c.Active += sign
	case groupOffers:
		c.Offers += sign
		if e.Stage == timeline.StageOffer {
			c.ToAnswer += sign
		}
		return
	case groupClosed:
		c.Closed += sign
		return
	}
	if due {
		return
	}
	c.Waiting += sign
	if e.Next == nil || sign < 0 {
		return
	}
	next := e.Next.Due
	if e.Snoozed(today) {
		next = max(next, e.SnoozedUntil)
	}
	if next > today && (c.NextDue.IsZero() || next < c.NextDue) {
		c.NextDue = next
	}
}
