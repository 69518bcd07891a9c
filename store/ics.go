package store

import (
	"cmp"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/afterview/afterview/timeline"
	ics "github.com/arran4/golang-ical"
)

// icsItem is one entry of the calendar feed: all day, or at a time of day.
type icsItem struct {
	uid         string
	day         timeline.Date
	at          string // an interview's local time of day (HH:MM); "" for an all-day entry
	summary     string
	description string
	url         string
	interview   bool // a booked interview: its reminder is the evening before
}

// ICSOptions says how to write the feed.
type ICSOptions struct {
	Stamp        time.Time      // the DTSTAMP: when the feed was made (main passes the clock, tests a fixed time)
	NoAlarms     bool           // leave out the reminders (VALARM)
	OverdueToday bool           // put overdue entries on today instead of their due day
	Zone         *time.Location // the zone of interview times (nil: the local zone)
}

// The reminders: at 09:00 on a due day, and at 18:00 the evening before a
// booked interview.
const (
	icsDueAlarm       = "PT9H"  // after the start of the all-day entry (midnight)
	icsEveningBefore  = "-PT6H" // before the start of an all-day interview
	icsEveningHour    = 18
	icsInterviewHours = 1 // a timed interview's entry lasts an hour
)

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

// icsSummaries are the entries' titles by action kind. A booked interview
// (ActInterview) has its own entry, from its event.
var icsSummaries = map[timeline.ActionKind]string{
	timeline.ActOffer:    "Offer deadline",
	timeline.ActExpedite: "Ask them to hurry (you have an offer)",
	timeline.ActFollowup: "Follow up",
	timeline.ActCheckin:  "Check in (on hold)",
	timeline.ActReapply:  "Reapply window opens",
}

// WriteICS writes an iCalendar feed: an all-day entry on the due date of each
// next action (follow-up, offer deadline, on-hold check-in, reapply window
// opening) and an entry for each booked interview (at its time of day when
// it was logged with one, converted from the local zone to UTC, else all day),
// for the applications that are not archived, derived on today. An
// application snoozed past its due date gets its entry on the day the snooze
// ends, when the chase view shows it again; with OverdueToday an entry whose
// day has passed is put on today. Each entry has a reminder (unless
// NoAlarms): at 09:00 on a due day, at 18:00 the evening before an
// interview. Text holds no control characters and only UTF-8; a date
// outside the years 1 to 9999 is an error naming the application. Entries
// are ordered by day, then UID. It returns the number of entries.
func (s *Store) WriteICS(w io.Writer, opt ICSOptions) (int, error) {
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

// icsText makes text fit RFC 5545's TEXT: valid UTF-8 (a bad byte becomes
// U+FFFD), no control characters but line breaks (which the library writes
// as \n; a tab becomes a space, \r\n and \r a line break), and no
// bidirectional controls (U+202A–U+202E, U+2066–U+2069), which could make a
// calendar show the text disguised.
func icsText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t':
			return ' '
		case unicode.IsControl(r), r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return -1
		}
		return r
	}, s)
}
