package store

import (
	"cmp"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/afterview/afterview/timeline"
)

// The reads behind `afterview stats`, `afterview activity` and the TUI's
// Insights screen. Insights need every event of every application, so they
// read them in one query (and the applications in another), never one
// application at a time: over 50,000 events each row costs about a
// microsecond, and a round trip per application would cost more than the rest.

// Histories returns every application (archived ones too: they are part of
// the search's history) with the events insights need — every one but notes
// and snoozes, which change no stage and are no word from anyone; of each,
// its id, type, date and promised date — in timeline order, ordered by id.
func (s *Store) Histories() ([]timeline.AppHistory, error) {
	rows, err := s.db.Query("SELECT id, company, role FROM applications ORDER BY id")
	if err != nil {
		return nil, fmt.Errorf("read the applications: %w", err)
	}
	var out []timeline.AppHistory
	index := map[int64]int{}
	for rows.Next() {
		var a timeline.Application
		if err := rows.Scan(&a.ID, &a.Company, &a.Role); err != nil {
			rows.Close()
			return nil, err
		}
		index[a.ID] = len(out)
		out = append(out, timeline.AppHistory{App: a})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}

	// The table in its own order (by id: the order of logging), which reads
	// pages one after another; through the index, each row would be a seek.
	// The rows land in one slice, then are grouped by application into
	// another (a counting sort): two allocations rather than one per
	// application and growth.
	var n int // the largest id: room for every row, found without a scan
	if err := s.db.QueryRow("SELECT coalesce(max(id), 0) FROM events").Scan(&n); err != nil {
		return nil, fmt.Errorf("read the events: %w", err)
	}
	rows, err = s.db.Query("SELECT application_id, id, type, date, by_date FROM events WHERE " + insightTypes)
	if err != nil {
		return nil, fmt.Errorf("read the events: %w", err)
	}
	defer rows.Close()
	type row struct {
		at int32 // index into out
		e  timeline.Event
	}
	read := make([]row, 0, n)
	counts := make([]int, len(out)+1)
	var typ sql.RawBytes
	last, at := int64(-1), -1
	for rows.Next() {
		var appID int64
		var r row
		if err := rows.Scan(&appID, &r.e.ID, &typ, nullDate{&r.e.Date}, nullDate{&r.e.By}); err != nil {
			return nil, err
		}
		r.e.Type = internType(typ)
		if appID != last {
			i, ok := index[appID]
			if !ok {
				continue // cannot happen: events cascade with their application
			}
			last, at = appID, i
		}
		r.at = int32(at)
		counts[at+1]++
		read = append(read, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := 1; i < len(counts); i++ {
		counts[i] += counts[i-1] // counts[i]: where application i's events start
	}
	all := make([]timeline.Event, len(read))
	next := append([]int(nil), counts[:len(out)]...)
	for i := range read {
		all[next[read[i].at]] = read[i].e
		next[read[i].at]++
	}
	for i := range out {
		evs := all[counts[i]:counts[i+1]:counts[i+1]]
		if !slices.IsSortedFunc(evs, compareEvents) {
			slices.SortStableFunc(evs, compareEvents)
		}
		if len(evs) > 0 {
			out[i].Events = evs
		}
	}
	return out, nil
}

// insightTypes leaves out the events insights never read: in a long search,
// notes are often half of them.
const insightTypes = "type NOT IN ('note', 'snooze')"

// compareEvents is the timeline's order of saved events: date, then id.
func compareEvents(a, b timeline.Event) int {
	if c := cmp.Compare(a.Date, b.Date); c != 0 {
		return c
	}
	return cmp.Compare(a.ID, b.ID)
}

// internType returns the event type named by b without allocating for the
// known ones (a string per row is a tenth of the read's time).
func internType(b []byte) timeline.EventType {
	for _, t := range timeline.EventTypes {
		if string(t) == string(b) {
			return t
		}
	}
	return timeline.EventType(string(b))
}

// ActivityItems returns every event dated from from to to (both included)
// with its application's fields, in no particular order: the job-search log's
// rows (see timeline.BuildActivity).
func (s *Store) ActivityItems(from, to timeline.Date) ([]timeline.ActivityItem, error) {
	// The event's columns are scanEvent's, each prefixed with "e.".
	rows, err := s.db.Query(`SELECT a.id, a.company, a.role, a.recruiter, a.contact, a.archived, e.`+
		strings.ReplaceAll(eventColumns, ", ", ", e.")+`
		FROM events e JOIN applications a ON a.id = e.application_id
		WHERE e.date >= ? AND e.date <= ? ORDER BY e.date, e.id`, from.String(), to.String())
	if err != nil {
		return nil, fmt.Errorf("read the events: %w", err)
	}
	defer rows.Close()
	var out []timeline.ActivityItem
	for rows.Next() {
		var it timeline.ActivityItem
		var archived int64
		a := &it.App
		e, err := scanEvent(rows, &a.ID, &a.Company, &a.Role, &a.Recruiter, &a.Contact, &archived)
		if err != nil {
			return nil, err
		}
		a.Archived = archived != 0
		it.Event = e
		out = append(out, it)
	}
	return out, rows.Err()
}
