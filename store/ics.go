package store

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/afterview/afterview/timeline"
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
//
// It reads no application's events: the next actions come from the kept
// summaries (those that ran out derived afresh), and the booked interviews
// from the index of events by type and date, so that its time follows the
// number of entries, not the size of the history.
func (s *Store) WriteICS(w io.Writer, opt ICSOptions) (int, error) {
	zone := opt.Zone
	if zone == nil {
		zone = time.Local
	}
	today := s.today()
	items, err := s.icsNextActions(today, opt.OverdueToday)
	if err != nil {
		return 0, err
	}
	if items, err = s.icsInterviews(items, today, zone); err != nil {
		return 0, err
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

	return len(items), writeICSFeed(w, items, opt, zone)
}

// icsLastDay is a due date beyond every other: the limit of the read of
// every application that has a next action.
const icsLastDay = timeline.Date(math.MaxInt32)

// icsNextActions returns the entries of the next actions (booked interviews
// aside: they have entries of their own) of the applications that are not
// archived, read from the kept summaries: the applications with a next
// action are those with a due date, found through the index of due dates,
// and a summary that no longer holds on today is derived afresh first (the
// chase view's read, with no limit on the due date). Notes are not read: the
// feed never shows them.
func (s *Store) icsNextActions(today timeline.Date, overdueToday bool) ([]icsItem, error) {
	entries, err := s.ChaseEntries(icsLastDay)
	if err != nil {
		return nil, err
	}
	items := make([]icsItem, 0, len(entries))
	for _, e := range entries {
		n := e.Next
		if n == nil || n.Kind == timeline.ActInterview {
			continue
		}
		day := n.Due
		if e.Snoozed(today) && e.SnoozedUntil > day {
			day = e.SnoozedUntil
		}
		what := n.Text
		if overdueToday && day < today {
			what = "Overdue since " + day.Format(timeline.LayoutDayYear) + ". " + what
			day = today
		}
		items = append(items, icsItem{uid: icsUID(e.App.ID), day: day, summary: icsSummaries[n.Kind] + ": " + icsTitle(e.App),
			description: icsDescription(e.App, what), url: e.App.URL})
	}
	return items, nil
}

// icsInterviewsSQL reads the interviews booked after today for the
// applications that are not archived, through the index of events by type
// and date (event dates are YYYY-MM-DD text, whose order is the dates').
const icsInterviewsSQL = `SELECT e.id, e.date, e.at, e.note, a.id, a.company, a.role, a.recruiter, a.contact, a.url
	FROM events e INDEXED BY events_type_date JOIN applications a ON a.id = e.application_id
	WHERE e.type = ? AND e.date > ? AND a.archived = 0`

// icsInterviews appends to items an entry for each interview booked after
// today, at its time of day in zone when it was logged with one.
func (s *Store) icsInterviews(items []icsItem, today timeline.Date, zone *time.Location) ([]icsItem, error) {
	rows, err := s.db.Query(icsInterviewsSQL, string(timeline.EventInterview), today.String())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	zoneName := "local time"
	if n := zone.String(); n != "" && n != "Local" {
		zoneName = n + " time"
	}
	for rows.Next() {
		var e timeline.Event
		var a timeline.Application
		if err := rows.Scan(&e.ID, nullDate{&e.Date}, nullStr{&e.At}, &e.Note, &a.ID, &a.Company, &a.Role, &a.Recruiter, &a.Contact, &a.URL); err != nil {
			return nil, err
		}
		what := e.Note
		if e.At != "" {
			what = strings.TrimSpace("At " + e.At + " (" + zoneName + "). " + what)
		}
		items = append(items, icsItem{uid: icsInterviewUID(e.ID), day: e.Date, at: e.At, summary: "Interview: " + icsTitle(a),
			description: icsDescription(a, what), url: a.URL, interview: true})
	}
	return items, rows.Err()
}

// icsTitle names an application in an entry's title: the company, and the
// role in brackets.
func icsTitle(a timeline.Application) string {
	if a.Role != "" {
		return a.Company + " (" + a.Role + ")"
	}
	return a.Company
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
// U+FFFD), no control characters but line breaks (which the feed writes
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
