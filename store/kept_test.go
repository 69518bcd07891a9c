package store

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/afterview/afterview/timeline"
)

func sprint(v any) string { return fmt.Sprint(v) }

// assertKeptIsFresh fails unless every kept summary equals a fresh derivation.
func assertKeptIsFresh(t *testing.T, s *Store, after string) {
	t.Helper()
	diffs, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	if len(diffs) > 0 {
		t.Errorf("after %s the kept summaries drifted:\n%s", after, strings.Join(diffs, "\n"))
	}
	// And the entries the list reads are those of a fresh derivation.
	set, _ := s.Settings()
	entries, err := s.Entries(true)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		evs, _ := s.Events(e.App.ID)
		fresh := timeline.Derive(e.App, evs, set, s.today())
		if packSummary(e.Summary) != packSummary(fresh.Summary) {
			t.Errorf("after %s, application %d: entry %q, fresh %q", after, e.App.ID, packSummary(e.Summary), packSummary(fresh.Summary))
		}
	}
}

func TestKeptSummaryEqualsFreshDerivationAfterEveryWrite(t *testing.T) {
	today := day
	s := openAt(t, &today)
	d := func(n int) timeline.Date { return day.AddDays(n) }

	id, err := s.AddApplication(timeline.Application{Company: "Acme", Role: "SDE II", Recruiter: "Pat Lee"},
		timeline.Event{Type: timeline.EventInterview, Date: d(-4)})
	if err != nil {
		t.Fatal(err)
	}
	assertKeptIsFresh(t, s, "add")
	other, _ := s.AddApplication(timeline.Application{Company: "Globex"}, timeline.Event{Type: timeline.EventInterview, Date: d(5)})
	assertKeptIsFresh(t, s, "add with a future interview")

	steps := []struct {
		name string
		do   func() error
	}{
		{"log heard", func() error {
			e := timeline.Event{Type: timeline.EventHeard, Date: d(-1), By: d(3)}
			_, err := s.LogEvent(id, e)
			return err
		}},
		{"log followup", func() error {
			_, err := s.LogEvent(id, timeline.Event{Type: timeline.EventFollowup, Date: d(0)})
			return err
		}},
		{"edit the recruiter", func() error { return s.UpdateApplication(id, AppChanges{Recruiter: ptr("Sam Rivera")}) }},
		{"log offer", func() error {
			_, err := s.LogEvent(id, timeline.Event{Type: timeline.EventOffer, Date: d(0), Base: 150000, Currency: "USD"})
			return err
		}},
		{"log negotiate", func() error {
			_, err := s.LogEvent(id, timeline.Event{Type: timeline.EventNegotiate, Date: d(0), Deadline: d(9)})
			return err
		}},
		{"log snooze", func() error {
			_, err := s.LogEvent(id, timeline.Event{Type: timeline.EventSnooze, Date: d(0), Until: d(2)})
			return err
		}},
		{"archive", func() error { return s.SetArchived(other, true) }},
		{"unarchive", func() error { return s.SetArchived(other, false) }},
		{"change a setting", func() error { return s.SetSetting("offer_days", "10") }},
		{"change the holiday calendar", func() error { return s.SetSetting("holidays", "us") }},
		{"unlog the negotiation", func() error {
			evs, _ := s.Events(id)
			for _, e := range evs {
				if e.Type == timeline.EventNegotiate {
					_, _, err := s.DeleteEvent(e.ID)
					return err
				}
			}
			return fmt.Errorf("no negotiate event")
		}},
		{"delete an application", func() error { return s.DeleteApplication(other) }},
	}
	for _, st := range steps {
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		assertKeptIsFresh(t, s, st.name)
	}

	// Days pass: kept summaries run out and are derived afresh when read.
	for _, n := range []int{1, 3, 8, 30, 200} {
		today = day.AddDays(n)
		assertKeptIsFresh(t, s, fmt.Sprintf("%d days passing", n))
	}
}

func TestEditWritesOnlyTheChangedField(t *testing.T) {
	s := openTest(t)
	id, _ := s.AddApplication(timeline.Application{Company: "Acme", Role: "SDE", Notes: "old"})
	// Another process changes the notes meanwhile.
	other, err := Open(s.path, s.today)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if err := other.UpdateApplication(id, AppChanges{Notes: ptr("written elsewhere")}); err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateApplication(id, AppChanges{Role: ptr("Senior SDE")}); err != nil {
		t.Fatal(err)
	}
	app, _ := s.Application(id)
	if app.Role != "Senior SDE" || app.Notes != "written elsewhere" || app.Company != "Acme" {
		t.Errorf("app = %+v", app)
	}
}

func TestDataVersionChangesOnAnotherProcesssCommit(t *testing.T) {
	s := openTest(t)
	v0, err := s.DataVersion()
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := s.DataVersion(); v != v0 {
		t.Fatalf("data_version moved with no write: %d -> %d", v0, v)
	}
	other, err := Open(s.path, s.today)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	other.AddApplication(timeline.Application{Company: "Kojo Labs"})
	if v, _ := s.DataVersion(); v == v0 {
		t.Error("data_version did not change after another connection's commit")
	}
}

func TestChaseEntries(t *testing.T) {
	today := day
	s := openAt(t, &today)
	d := func(n int) timeline.Date { return day.AddDays(n) }
	// Interview Mon 16 Nov: reply window closes Wed 25 Nov, follow-up due Thu 26 Nov.
	due, _ := s.AddApplication(timeline.Application{Company: "Acme"}, timeline.Event{Type: timeline.EventInterview, Date: timeline.MustDate("2026-11-16")})
	// Interview Wed 25 Nov: reply window closes Fri 4 Dec, follow-up due Mon 7 Dec.
	s.AddApplication(timeline.Application{Company: "Globex"}, timeline.Event{Type: timeline.EventInterview, Date: d(-1)})
	// Archived and overdue: never chased.
	arch, _ := s.AddApplication(timeline.Application{Company: "Initech"}, timeline.Event{Type: timeline.EventInterview, Date: d(-30)})
	s.SetArchived(arch, true)
	// Snoozed until tomorrow.
	s.AddApplication(timeline.Application{Company: "Hooli"}, timeline.Event{Type: timeline.EventInterview, Date: d(-30)},
		timeline.Event{Type: timeline.EventSnooze, Date: d(0), Until: d(1)})
	// Scheduled in two days: the interview is a chase item, due on its day.
	sched, _ := s.AddApplication(timeline.Application{Company: "Umbrella"}, timeline.Event{Type: timeline.EventInterview, Date: d(2)})

	names := func(es []timeline.Entry) string {
		var out []string
		for _, e := range timeline.Chase(es, today, 3) {
			out = append(out, fmt.Sprintf("%s %s %s", e.App.Company, e.Action.Due, e.Section))
		}
		return strings.Join(out, ", ")
	}
	es, err := s.ChaseEntries(today.AddDays(3))
	if err != nil {
		t.Fatal(err)
	}
	// Hooli (overdue but snoozed) is hidden; Globex is due beyond the lookahead.
	if got, want := names(es), "Acme 2026-11-26 today, Umbrella 2026-11-28 upcoming"; got != want {
		t.Errorf("chase = %q, want %q", got, want)
	}

	// Ten days on (Sun 6 Dec), Umbrella's interview (Sat 28 Nov) has happened
	// and its kept summary ran out; Hooli's snooze is over.
	today = d(10)
	es, _ = s.ChaseEntries(today.AddDays(3))
	if got, want := names(es), "Hooli 2026-11-06 overdue, Acme 2026-11-26 overdue, Globex 2026-12-07 upcoming, Umbrella 2026-12-09 upcoming"; got != want {
		t.Errorf("chase ten days on = %q\nwant %q", got, want)
	}
	if e, _ := s.Entry(sched); e.Stage != timeline.StageReply {
		t.Errorf("Umbrella's stage ten days on = %s, want reply", e.Stage)
	}
	_ = due
}

// The chase view read through the index carries the new items: a booked
// interview, and a reapply item listed as open from the day after it opens
// until the reapply window closes (then it is gone, not overdue for ever).
func TestChaseEntriesInterviewsAndTheOpenReapplyWindow(t *testing.T) {
	today := timeline.MustDate("2027-05-09")
	s := openAt(t, &today)
	// Rejected Mon 10 Nov 2026: the reapply window is Mon 10 May – Wed 10 Nov 2027.
	s.AddApplication(timeline.Application{Company: "Acme"},
		timeline.Event{Type: timeline.EventInterview, Date: timeline.MustDate("2026-11-02")},
		timeline.Event{Type: timeline.EventRejected, Date: timeline.MustDate("2026-11-10")})
	s.AddApplication(timeline.Application{Company: "Globex"}, timeline.Event{Type: timeline.EventInterview, Date: timeline.MustDate("2027-05-11")})
	chase := func() string {
		es, err := s.ChaseEntries(today.AddDays(3))
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, it := range timeline.Chase(es, today, 3) {
			out = append(out, fmt.Sprintf("%s %s %s %s", it.App.Company, it.Action.Kind, it.Action.Due, it.Section))
		}
		return strings.Join(out, ", ")
	}
	for _, c := range []struct{ day, want string }{
		{"2027-05-09", "Acme reapply 2027-05-10 upcoming, Globex interview 2027-05-11 upcoming"},
		{"2027-05-10", "Acme reapply 2027-05-10 today, Globex interview 2027-05-11 upcoming"},
		{"2027-05-11", "Acme reapply 2027-05-10 open"}, // Globex's interview is today: the clock has started
		{"2027-11-10", "Acme reapply 2027-05-10 open"},
		{"2027-11-11", ""},
	} {
		today = timeline.MustDate(c.day)
		got := chase()
		if c.day == "2027-11-10" || c.day == "2027-11-11" {
			got = strings.Join(slices.DeleteFunc(strings.Split(got, ", "), func(s string) bool { return strings.HasPrefix(s, "Globex") }), ", ")
		}
		if got != c.want {
			t.Errorf("%s: chase = %q, want %q", c.day, got, c.want)
		}
		if diffs, err := s.Check(); err != nil || len(diffs) > 0 {
			t.Errorf("%s: doctor: %v %v", c.day, diffs, err)
		}
	}
}

// A summary kept by an older afterview (before Since was kept) holds on no
// day, so it is derived afresh when read; a cut one is damaged.
func TestUnpackSummaryOlderLayout(t *testing.T) {
	sm := timeline.Summary{Stage: timeline.StageDebrief, Since: timeline.MustDate("2026-11-02"),
		Next: &timeline.Action{Kind: timeline.ActFollowup, Due: timeline.MustDate("2026-11-12"), Text: "x"}}
	packed := packSummary(sm)
	back, err := unpackSummary(packed)
	if err != nil || back.Since != sm.Since || back.Stage != sm.Stage || back.Next.Due != sm.Next.Due {
		t.Fatalf("round trip: %+v, %v", back, err)
	}
	older := packed[:strings.LastIndex(packed, sep)] // 15 fields: no Since
	if old, err := unpackSummary(older); err != nil || old.ValidOn(timeline.MustDate("2026-11-05")) {
		t.Errorf("older layout: %+v, %v; want a summary valid on no day", old, err)
	}
	if _, err := unpackSummary(packed[:strings.Index(packed, sep)+1]); err == nil {
		t.Error("a cut summary is not damaged")
	}
}
