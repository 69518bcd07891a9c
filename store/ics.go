package store

import (
	"cmp"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/afterview/afterview/timeline"
	ics "github.com/arran4/golang-ical"
)

// icsItem is one all-day entry of the calendar feed.
type icsItem struct {
	uid         string
	day         timeline.Date
	summary     string
	description string
	url         string
}

// icsUID returns the UID of an application's next-action entry. It names the
// application, not the action's kind or date: an application has one next
// action at a time, so when its due date moves or the follow-up becomes an
// offer deadline, a calendar that imports the feed again updates the entry
// instead of adding a second one.
func icsUID(appID int64) string { return fmt.Sprintf("afterview-app-%d-next@afterview", appID) }

// icsInterviewUID is the UID of a scheduled interview: the event's own id.
func icsInterviewUID(eventID int64) string {
	return fmt.Sprintf("afterview-event-%d@afterview", eventID)
}

// icsSummaries are the entries' titles by action kind.
var icsSummaries = map[timeline.ActionKind]string{
	timeline.ActOffer:    "Offer deadline",
	timeline.ActFollowup: "Follow up",
	timeline.ActCheckin:  "Check in (on hold)",
	timeline.ActReapply:  "Reapply window opens",
}

// WriteICS writes an iCalendar feed: an all-day entry on the due date of each
// next action (follow-up, offer deadline, on-hold check-in, reapply window
// opening) and on the day of each scheduled interview, for the applications
// that are not archived, derived on today. An application snoozed past its
// due date gets its entry on the day the snooze ends, when the chase view
// shows it again. stamp is the DTSTAMP (when the feed was made); main passes
// the clock, tests a fixed time. Entries are ordered by day, then UID. It
// returns the number of entries.
func (s *Store) WriteICS(w io.Writer, stamp time.Time) (int, error) {
	snap, err := s.snapshot()
	if err != nil {
		return 0, err
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
			items = append(items, icsItem{uid: icsUID(a.ID), day: day, summary: icsSummaries[n.Kind] + ": " + title,
				description: icsDescription(a, n.Text), url: a.URL})
		}
		for _, e := range d.Events {
			if e.Type == timeline.EventInterview && e.Date > today {
				items = append(items, icsItem{uid: icsInterviewUID(e.ID), day: e.Date, summary: "Interview: " + title,
					description: icsDescription(a, e.Note), url: a.URL})
			}
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
		e.SetDtStampTime(stamp)
		e.SetAllDayStartAt(it.day.Time())
		e.SetAllDayEndAt(it.day.AddDays(1).Time()) // DTEND is exclusive: one day
		e.SetSummary(icsText(it.summary))
		if it.description != "" {
			e.SetDescription(icsText(it.description))
		}
		if u, err := url.Parse(it.url); err == nil && u.Scheme != "" && u.Host != "" {
			e.SetURL(u.String())
		}
		e.SetTimeTransparency(ics.TransparencyTransparent) // a reminder, not busy time
	}
	// RFC 5545 lines end in CRLF; the library's default is the OS's newline.
	return len(items), cal.SerializeTo(w, ics.WithNewLineWindows)
}

// icsDescription is an entry's body: what to do, then whom to ask.
func icsDescription(a timeline.Application, what string) string {
	lines := []string{what}
	if who := strings.TrimSpace(a.Recruiter + " " + a.Contact); who != "" {
		lines = append(lines, "Recruiter: "+who)
	}
	if a.URL != "" {
		lines = append(lines, a.URL)
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// icsText drops carriage returns (the library escapes \n but not \r).
func icsText(s string) string { return strings.ReplaceAll(s, "\r", "") }
