package store

import (
	"fmt"
	"math/rand"
	"slices"
	"testing"

	"github.com/afterview/afterview/timeline"
)

// randomApplication adds an application with a random history around today:
// interviews past and booked, news with and without a promised date,
// follow-ups, decisions, offers with deadlines, rejections old enough for the
// reapply window to be open, snoozes; sometimes archived.
func randomApplication(t *testing.T, s *Store, r *rand.Rand, today timeline.Date, i int) {
	t.Helper()
	d := func(lo, hi int) timeline.Date { return today.AddDays(lo + r.Intn(hi-lo+1)) }
	app := timeline.Application{Company: fmt.Sprintf("Company %d", r.Intn(40)), Recruiter: "Pat", Archived: r.Intn(6) == 0}
	var evs []timeline.Event
	if r.Intn(8) > 0 {
		evs = append(evs, timeline.Event{Type: timeline.EventInterview, Date: d(-60, 10)})
	}
	for k := r.Intn(4); k > 0; k-- {
		switch r.Intn(12) {
		case 0:
			on := d(-20, 0)
			evs = append(evs, timeline.Event{Type: timeline.EventHeard, Date: on, By: on.AddDays(1 + r.Intn(12))})
		case 1:
			evs = append(evs, timeline.Event{Type: timeline.EventHeard, Date: d(-20, 0)})
		case 2:
			evs = append(evs, timeline.Event{Type: timeline.EventFollowup, Date: d(-20, 0)})
		case 3:
			evs = append(evs, timeline.Event{Type: timeline.EventHold, Date: d(-60, 0)})
		case 4:
			on := d(-15, 0)
			evs = append(evs, timeline.Event{Type: timeline.EventOffer, Date: on, Deadline: on.AddDays(1 + r.Intn(14))})
		case 5:
			evs = append(evs, timeline.Event{Type: timeline.EventOffer, Date: d(-15, 0)})
		case 6:
			evs = append(evs, timeline.Event{Type: timeline.EventRejected, Date: d(-400, 0)})
		case 7:
			on := d(-5, 0)
			evs = append(evs, timeline.Event{Type: timeline.EventSnooze, Date: on, Until: on.AddDays(1 + r.Intn(8))})
		case 8:
			evs = append(evs, timeline.Event{Type: timeline.EventAccepted, Date: d(-10, 0)})
		case 9:
			evs = append(evs, timeline.Event{Type: timeline.EventChecks, Date: d(-10, 0)})
		case 10:
			evs = append(evs, timeline.Event{Type: timeline.EventStart, Date: d(-10, 20)})
		default:
			evs = append(evs, timeline.Event{Type: timeline.EventNote, Date: d(-10, 0)})
		}
	}
	if _, err := s.AddApplication(app, evs...); err != nil {
		t.Fatalf("application %d: %v", i, err)
	}
}

// reportCount is what the chase report lists on today within days: every
// application derived afresh from its events, the way `afterview chase` and
// the TUI show it, counting the sections that --count counts.
func reportCount(t *testing.T, s *Store, days int) int {
	return countedItems(reportItems(t, s, days))
}

// reportItems is the chase report on today within days, from every
// application derived afresh from its events and every event's contact date.
func reportItems(t *testing.T, s *Store, days int) []timeline.ChaseItem {
	t.Helper()
	set, err := s.Settings()
	if err != nil {
		t.Fatal(err)
	}
	apps, err := loadApps(s.db, nil)
	if err != nil {
		t.Fatal(err)
	}
	events, err := loadEvents(s.db, nil)
	if err != nil {
		t.Fatal(err)
	}
	var entries []timeline.Entry
	contacts := map[int64]timeline.Date{}
	for id, a := range apps {
		entries = append(entries, timeline.Derive(a, events[id], set, s.today()).Entry)
		contacts[id] = 0
		for _, e := range events[id] {
			if e.Type == timeline.EventFollowup || e.Type == timeline.EventHeard {
				contacts[id] = max(contacts[id], e.Date)
			}
		}
	}
	// With the expedite items an open offer gives the others.
	entries = timeline.ApplyExpedite(entries, contacts, timeline.OpenOffers(entries, s.today()), s.today())
	return timeline.Chase(entries, s.today(), days)
}

// itemLines renders chase items one line each with what the report shows
// of them, for comparing two reports.
func itemLines(items []timeline.ChaseItem) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = fmt.Sprintf("%s %d %s %s %s %q", it.Section, it.App.ID, it.App.Company, it.Action.Kind, it.Action.Due, it.Action.Text)
	}
	return out
}

// TestChaseCountEqualsTheReport checks, on random databases and on days
// after the summaries were kept (so that some ran out), that the indexed
// count equals the number of items the chase report lists: snoozed,
// archived, stale and reapply-window items included.
func TestChaseCountEqualsTheReport(t *testing.T) {
	for seed := int64(1); seed <= 6; seed++ {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			r := rand.New(rand.NewSource(seed))
			today := day
			s := openAt(t, &today)
			for i := 0; i < 120; i++ {
				randomApplication(t, s, r, today, i)
			}
			for _, shift := range []int{0, 1, 4, 9, 30, 200} {
				today = day.AddDays(shift)
				for _, days := range []int{0, 3, 14} {
					want := reportCount(t, s, days)
					got, err := s.ChaseCount(days)
					if err != nil {
						t.Fatal(err)
					}
					if got != want {
						t.Errorf("%d days on, lookahead %d: count %d, report %d", shift, days, got, want)
					}
					// And the report the CLI prints, from the kept summaries.
					items, err := s.Chase(days)
					if err != nil {
						t.Fatal(err)
					}
					if n := countedItems(items); n != want {
						t.Errorf("%d days on, lookahead %d: kept report %d, fresh report %d", shift, days, n, want)
					}
					if got, want := itemLines(items), itemLines(reportItems(t, s, days)); !slices.Equal(got, want) {
						t.Errorf("%d days on, lookahead %d: the kept report differs from the fresh one:\nkept:  %q\nfresh: %q", shift, days, got, want)
					}
				}
			}
		})
	}
}

// TestChaseCountWritesStaleSummariesBackOnce checks that the summaries a
// count finds out of date are saved, so the next command need not derive them.
func TestChaseCountWritesStaleSummariesBackOnce(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	today := day
	s := openAt(t, &today)
	for i := 0; i < 60; i++ {
		randomApplication(t, s, r, today, i)
	}
	today = day.AddDays(20)
	stale := func() int {
		var n int
		if err := s.db.QueryRow(`SELECT count(*) FROM applications WHERE archived = 0 AND
			(valid_through < ?1 OR valid_from > ?1)`, int64(today)).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if stale() == 0 {
		t.Fatal("the test needs summaries that ran out")
	}
	want := reportCount(t, s, 0)
	if got, err := s.ChaseCount(0); err != nil || got != want {
		t.Fatalf("count = %d, %v; want %d", got, err, want)
	}
	if n := stale(); n != 0 {
		t.Errorf("after a count, %d summaries are still out of date: they are derived again by every command", n)
	}
}
