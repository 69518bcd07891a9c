package timeline

import (
	"cmp"
	"slices"
)

// Activity is the job-search log: every event in a date range, week by week
// (ISO weeks, Monday to Sunday), with each week's totals — what an
// unemployment office's record of applications asks for.
type Activity struct {
	From, To Date           // the range, both ends included
	Weeks    []ActivityWeek // every week the range touches, in order, also the quiet ones
	Totals   ActivityTotals // over the whole range
}

// ActivityWeek is one ISO week of the log.
type ActivityWeek struct {
	Monday Date // the week's first day (it may lie before the range's start)
	Year   int  // the ISO week-numbering year
	Week   int  // the ISO week number, 1–53
	Items  []ActivityItem
	Totals ActivityTotals
}

// Sunday returns the week's last day.
func (w ActivityWeek) Sunday() Date { return w.Monday.AddDays(6) }

// ActivityItem is one event with its application.
type ActivityItem struct {
	App   Application
	Event Event
}

// ActivityTotals counts a week's events by what they were: applications
// sent, interviews, follow-ups sent, news from a recruiter, and decisions
// (theirs: hold, offer, rejection; yours: accepting, declining, withdrawing).
// Other events (a negotiation, checks, a start date, snoozes, notes) are
// listed but not counted in any of them.
type ActivityTotals struct {
	Applications, Interviews, Followups, News, Decisions int
}

// Events returns the number of events the totals count.
func (t ActivityTotals) Events() int {
	return t.Applications + t.Interviews + t.Followups + t.News + t.Decisions
}

func (t *ActivityTotals) add(e EventType) {
	switch e {
	case EventApplied:
		t.Applications++
	case EventInterview:
		t.Interviews++
	case EventFollowup:
		t.Followups++
	case EventHeard:
		t.News++
	case EventHold, EventOffer, EventRejected, EventAccepted, EventDeclined, EventWithdrawn:
		t.Decisions++
	}
}

// MondayOf returns the Monday of d's ISO week.
func MondayOf(d Date) Date {
	return d.AddDays(-((int(d.Weekday()) + 6) % 7))
}

// ISOWeek returns d's ISO week-numbering year and week number.
func (d Date) ISOWeek() (year, week int) { return d.Time().ISOWeek() }

// BuildActivity returns the log of items (any order) whose event falls in
// [from, to]: every week from from's to to's, each item in date order, then
// by company (ignoring case), then by the order of logging.
func BuildActivity(items []ActivityItem, from, to Date) Activity {
	a := Activity{From: from, To: to}
	if to < from {
		return a
	}
	in := make([]ActivityItem, 0, len(items))
	for _, it := range items {
		if it.Event.Date >= from && it.Event.Date <= to {
			in = append(in, it)
		}
	}
	slices.SortStableFunc(in, func(x, y ActivityItem) int {
		if c := cmp.Compare(x.Event.Date, y.Event.Date); c != 0 {
			return c
		}
		if c := cmp.Compare(companyKey(x.App.Company), companyKey(y.App.Company)); c != 0 {
			return c
		}
		return cmp.Compare(logOrder(x.Event), logOrder(y.Event))
	})
	k := 0
	for mon := MondayOf(from); mon <= to; mon = mon.AddDays(7) {
		w := ActivityWeek{Monday: mon}
		w.Year, w.Week = mon.ISOWeek()
		for k < len(in) && in[k].Event.Date < mon.AddDays(7) {
			w.Items = append(w.Items, in[k])
			w.Totals.add(in[k].Event.Type)
			a.Totals.add(in[k].Event.Type)
			k++
		}
		a.Weeks = append(a.Weeks, w)
	}
	return a
}
