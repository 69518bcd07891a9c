package store

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"math/rand"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/afterview/afterview/timeline"
	ics "github.com/arran4/golang-ical"
)

// TestICSFromKeptSummariesEqualsDerivingEveryApplication checks that the
// feed, read from the kept summaries and the index of booked interviews,
// is byte for byte the feed of the earlier algorithm (every application
// derived afresh from all its events, written with golang-ical), on a mix of
// applications (archived, snoozed, interviews booked all day and at a time,
// offers, closed ones, reapply windows, summaries that ran out) over many
// days and with each option.
func TestICSFromKeptSummariesEqualsDerivingEveryApplication(t *testing.T) {
	today := day
	s := openAt(t, &today)
	r := rand.New(rand.NewSource(12))
	for i := 0; i < 150; i++ {
		randomFeedApplication(t, s, r, today, i)
	}
	zones := []*time.Location{icsZone, time.UTC, time.FixedZone("", 2*60*60)}
	staleSeen := 0
	for step := 0; step < 40; step++ {
		// Days pass without a write, so some kept summaries run out and are
		// derived afresh when read; now and then a write in between.
		today = today.AddDays(r.Intn(4))
		if step%7 == 3 {
			randomFeedApplication(t, s, r, today, 1000+step)
		}
		var stale int
		if err := s.db.QueryRow("SELECT count(*) FROM applications WHERE archived = 0 AND (valid_through < ?1 OR valid_from > ?1)",
			int64(today)).Scan(&stale); err != nil {
			t.Fatal(err)
		}
		staleSeen += stale
		for _, opt := range []ICSOptions{{}, {OverdueToday: true}, {NoAlarms: true}, {OverdueToday: true, NoAlarms: true}} {
			opt.Stamp, opt.Zone = icsStamp, zones[step%len(zones)]
			var want, got bytes.Buffer
			nWant, err := referenceICS(s, &want, opt)
			if err != nil {
				t.Fatal(err)
			}
			nGot, err := s.WriteICS(&got, opt)
			if err != nil {
				t.Fatal(err)
			}
			if nGot != nWant || !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Fatalf("on %s with %+v: %d entries, want %d; the feeds differ:\n%s", today, opt, nGot, nWant,
					feedDiff(got.String(), want.String()))
			}
		}
	}
	if staleSeen == 0 {
		t.Error("no kept summary ran out on any day: the test does not cover deriving afresh")
	}
}

// feedDiff shows the first line where two texts differ, with its neighbours.
func feedDiff(got, want string) string {
	g, w := strings.Split(got, "\r\n"), strings.Split(want, "\r\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		if i >= len(g) || i >= len(w) || g[i] != w[i] {
			lo := max(0, i-8)
			return fmt.Sprintf("got:\n%s\nwant:\n%s", strings.Join(g[lo:min(len(g), i+3)], "\n"), strings.Join(w[lo:min(len(w), i+3)], "\n"))
		}
	}
	return "(the same lines)"
}

// randomFeedApplication adds an application as randomApplication does, with
// what the feed shows besides: a role, a recruiter and contact, a link,
// notes (never shown), interviews booked ahead (some at a time of day, with
// a note), and snoozes.
func randomFeedApplication(t *testing.T, s *Store, r *rand.Rand, today timeline.Date, i int) {
	t.Helper()
	d := func(lo, hi int) timeline.Date { return today.AddDays(lo + r.Intn(hi-lo+1)) }
	// Names that fold in places (multi-byte letters, no spaces for long
	// stretches, "<" and ">") and need escaping (, ; \ and quotes).
	companies := []string{"Company %d", "Zürich Quant AG, Inc; \"Rates\" %d", "東京ロボティクス株式会社とその仲間たちの長い名前%d",
		"Back\\slash <Labs>%d", "Averyveryverylongcompanynamewithoutanyspacesatallthatmustfoldsomewhere%d"}
	app := timeline.Application{Company: fmt.Sprintf(companies[r.Intn(len(companies))], i), Archived: r.Intn(6) == 0,
		Notes: "never in the feed"}
	if r.Intn(2) == 0 {
		app.Role = []string{"Engineer, platform", "Staff Software Engineer (Distributed Systems) — Ünïcödé Team"}[r.Intn(2)]
	}
	if r.Intn(3) > 0 {
		app.Recruiter, app.Contact = "Pat Lee", fmt.Sprintf("pat+%d@example.com", i)
	}
	if r.Intn(4) == 0 {
		app.Recruiter = "Ōtake Sayuri-Müller <sayuri@example.jp>"
	}
	if r.Intn(3) > 0 {
		app.URL = fmt.Sprintf("https://jobs.example.com/%d?ref=a,b", i)
	}
	var evs []timeline.Event
	if r.Intn(8) > 0 {
		evs = append(evs, timeline.Event{Type: timeline.EventInterview, Date: d(-60, 0)})
	}
	for k := r.Intn(5); k > 0; k-- {
		switch r.Intn(13) {
		case 0:
			on := d(-20, 0)
			evs = append(evs, timeline.Event{Type: timeline.EventHeard, Date: on, By: on.AddDays(1 + r.Intn(12))})
		case 1:
			evs = append(evs, timeline.Event{Type: timeline.EventFollowup, Date: d(-20, 0)})
		case 2:
			evs = append(evs, timeline.Event{Type: timeline.EventHold, Date: d(-60, 0)})
		case 3:
			on := d(-15, 0)
			evs = append(evs, timeline.Event{Type: timeline.EventOffer, Date: on, Deadline: on.AddDays(1 + r.Intn(14))})
		case 4:
			evs = append(evs, timeline.Event{Type: timeline.EventOffer, Date: d(-15, 0)})
		case 5:
			evs = append(evs, timeline.Event{Type: timeline.EventRejected, Date: d(-400, 0)})
		case 6:
			on := d(-5, 0)
			evs = append(evs, timeline.Event{Type: timeline.EventSnooze, Date: on, Until: on.AddDays(1 + r.Intn(12))})
		case 7:
			evs = append(evs, timeline.Event{Type: timeline.EventAccepted, Date: d(-10, 0)})
		case 8:
			evs = append(evs, timeline.Event{Type: timeline.EventStart, Date: d(-10, 20)})
		case 9, 10:
			// Booked: all day, or at a time of day with a note.
			e := timeline.Event{Type: timeline.EventInterview, Date: d(1, 30)}
			if r.Intn(2) == 0 {
				e.At, e.Note = fmt.Sprintf("%02d:%02d", 8+r.Intn(10), 15*r.Intn(4)), "onsite; bring ID, laptop"
				if r.Intn(2) == 0 {
					e.Note = "Panel of four: system design, coding (C:\\work), behavioural; ask for María at the front desk → 3rd floor, <room 301>"
				}
			}
			evs = append(evs, e)
		case 11:
			evs = append(evs, timeline.Event{Type: timeline.EventWithdrawn, Date: d(-30, 0)})
		default:
			evs = append(evs, timeline.Event{Type: timeline.EventNote, Date: d(-10, 0), Note: "prep"})
		}
	}
	if _, err := s.AddApplication(app, evs...); err != nil {
		t.Fatalf("application %d: %v", i, err)
	}
}

// referenceICS is the feed as afterview wrote it before it read the kept
// summaries: every application derived afresh from all its events, the
// entries written with golang-ical.
func referenceICS(s *Store, w io.Writer, opt ICSOptions) (int, error) {
	snap, err := s.snapshot()
	if err != nil {
		return 0, err
	}
	zone := opt.Zone
	if zone == nil {
		zone = time.Local
	}
	today := s.today()
	var items []icsItem
	for _, a := range snap.apps {
		if a.Archived {
			continue
		}
		d := timeline.Derive(a, snap.events[a.ID], snap.set, today)
		title := a.Company
		if a.Role != "" {
			title += " (" + a.Role + ")"
		}
		// A booked interview is the next action too: its own entry below
		// covers it (one per round booked).
		if n := d.Next; n != nil && n.Kind != timeline.ActInterview {
			day := n.Due
			if d.Snoozed(today) && d.SnoozedUntil > day {
				day = d.SnoozedUntil
			}
			what := n.Text
			if opt.OverdueToday && day < today {
				what = "Overdue since " + day.Format(timeline.LayoutDayYear) + ". " + what
				day = today
			}
			items = append(items, icsItem{uid: icsUID(a.ID), day: day, summary: icsSummaries[n.Kind] + ": " + title,
				description: icsDescription(a, what), url: a.URL})
		}
		for _, e := range d.Events {
			if e.Type == timeline.EventInterview && e.Date > today {
				what := e.Note
				if e.At != "" {
					zoneName := "local time"
					if n := zone.String(); n != "" && n != "Local" {
						zoneName = n + " time"
					}
					what = strings.TrimSpace("At " + e.At + " (" + zoneName + "). " + what)
				}
				items = append(items, icsItem{uid: icsInterviewUID(e.ID), day: e.Date, at: e.At, summary: "Interview: " + title,
					description: icsDescription(a, what), url: a.URL, interview: true})
			}
		}
	}
	// A calendar's dates run from 0001-01-01 to 9999-12-31, and an all-day
	// entry ends the next day.
	first, last := timeline.NewDate(1, time.January, 1), timeline.NewDate(9999, time.December, 30)
	for _, it := range items {
		if it.day < first || it.day > last {
			return 0, fmt.Errorf("%q falls on %s, outside the dates a calendar holds (%s to %s): correct that application's dates (afterview events ID shows them)",
				icsText(it.summary), it.day, first, last)
		}
	}
	slices.SortFunc(items, func(x, y icsItem) int {
		return cmp.Or(cmp.Compare(x.day, y.day), cmp.Compare(x.uid, y.uid))
	})

	cal := ics.NewCalendarFor("afterview")
	cal.SetProductId("-//afterview//afterview//EN")
	cal.SetMethod(ics.MethodPublish)
	cal.SetCalscale("GREGORIAN")
	cal.SetXWRCalName("afterview")
	for _, it := range items {
		e := cal.AddEvent(it.uid)
		e.SetDtStampTime(opt.Stamp)
		summary := icsText(it.summary)
		var start time.Time
		if minutes, ok := timeline.ClockMinutes(it.at); ok {
			y, m, d := it.day.YMD()
			start = time.Date(y, m, d, minutes/60, minutes%60, 0, 0, zone)
			e.SetStartAt(start) // written in UTC: every calendar shows it in its own zone
			e.SetEndAt(start.Add(icsInterviewHours * time.Hour))
			e.SetTimeTransparency(ics.TransparencyOpaque) // the interview is busy time
		} else {
			e.SetAllDayStartAt(it.day.Time())
			e.SetAllDayEndAt(it.day.AddDays(1).Time())         // DTEND is exclusive: one day
			e.SetTimeTransparency(ics.TransparencyTransparent) // a reminder, not busy time
		}
		e.SetSummary(summary)
		if it.description != "" {
			e.SetDescription(icsText(it.description))
		}
		if u, err := url.Parse(it.url); err == nil && u.Scheme != "" && u.Host != "" && icsText(it.url) == it.url {
			e.SetURL(u.String())
		}
		if opt.NoAlarms {
			continue
		}
		al := e.AddAlarm()
		al.SetAction(ics.ActionDisplay)
		al.SetProperty(ics.ComponentPropertyDescription, summary)
		switch {
		case !it.interview:
			al.SetTrigger(icsDueAlarm)
		case start.IsZero():
			al.SetTrigger(icsEveningBefore)
		default:
			y, m, d := it.day.AddDays(-1).YMD()
			evening := time.Date(y, m, d, icsEveningHour, 0, 0, 0, zone)
			al.SetTrigger(evening.UTC().Format("20060102T150405Z"), ics.WithValue(string(ics.ValueDataTypeDateTime)))
		}
	}
	// RFC 5545 lines end in CRLF; the library's default is the OS's newline.
	return len(items), cal.SerializeTo(w, ics.WithNewLineWindows)
}
