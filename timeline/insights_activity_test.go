package timeline

import (
	"reflect"
	"testing"
)

func TestActivityWeekByWeek(t *testing.T) {
	acme := Application{ID: 1, Company: "Acme", Role: "SDE II"}
	globex := Application{ID: 2, Company: "globex", Role: "PM"}
	item := func(a Application, e Event) ActivityItem { return ActivityItem{App: a, Event: e} }
	items := []ActivityItem{
		item(acme, ev(EventOffer, "2026-11-20", id(5))),
		item(globex, ev(EventApplied, "2026-11-02", id(2))),
		item(acme, ev(EventInterview, "2026-11-02", id(1))),
		item(acme, ev(EventHeard, "2026-11-08", id(3))), // Sunday: still week 45
		item(globex, ev(EventFollowup, "2026-11-19", id(4))),
		item(globex, ev(EventNote, "2026-11-19", id(6))),
		item(acme, ev(EventRejected, "2026-10-30", id(7))), // before the range
		item(acme, ev(EventAccepted, "2026-11-24", id(8))), // after it
	}
	// From Wed 4 Nov to Sun 22 Nov: weeks 45 (2–8 Nov), 46 (quiet) and 47.
	a := BuildActivity(items, D("2026-11-04"), D("2026-11-22"))
	type week struct {
		monday string
		week   int
		events []int64
		totals ActivityTotals
	}
	var got []week
	for _, w := range a.Weeks {
		wk := week{monday: w.Monday.String(), week: w.Week, totals: w.Totals}
		for _, it := range w.Items {
			wk.events = append(wk.events, it.Event.ID)
		}
		got = append(got, wk)
	}
	want := []week{
		{"2026-11-02", 45, []int64{3}, ActivityTotals{News: 1}},
		{"2026-11-09", 46, nil, ActivityTotals{}},
		// Thu 19 Nov: globex's follow-up then its note (logging order); Fri 20: Acme's offer.
		{"2026-11-16", 47, []int64{4, 6, 5}, ActivityTotals{Followups: 1, Decisions: 1}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("weeks =\n%+v\nwant\n%+v", got, want)
	}
	if want := (ActivityTotals{News: 1, Followups: 1, Decisions: 1}); a.Totals != want || a.Totals.Events() != 3 {
		t.Errorf("totals = %+v, want %+v", a.Totals, want)
	}
	// One day, a Monday, at the turn of the ISO year: week 53 of 2026.
	a = BuildActivity(items, D("2026-12-28"), D("2026-12-28"))
	if len(a.Weeks) != 1 || a.Weeks[0].Year != 2026 || a.Weeks[0].Week != 53 || a.Weeks[0].Sunday() != D("2027-01-03") {
		t.Errorf("weeks = %+v, want one: 2026-W53, to Sun 3 Jan 2027", a.Weeks)
	}
	// Same day, two companies: by company, ignoring case.
	a = BuildActivity(items, D("2026-11-02"), D("2026-11-02"))
	if n := len(a.Weeks[0].Items); n != 2 || a.Weeks[0].Items[0].Event.ID != 1 || a.Weeks[0].Items[1].Event.ID != 2 {
		t.Errorf("2 Nov = %+v, want Acme's interview then globex's application", a.Weeks[0].Items)
	}
	if a.Totals != (ActivityTotals{Applications: 1, Interviews: 1}) {
		t.Errorf("2 Nov totals = %+v, want 1 application, 1 interview", a.Totals)
	}
}
