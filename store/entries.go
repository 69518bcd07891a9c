package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/afterview/afterview/timeline"
)

// The reads of kept summaries: the list, one row, the chase view, and the
// doctor's check that they equal fresh derivations.

// Entries returns every application with its kept summary (archived ones only
// when all is true), ordered by id. Summaries that no longer hold on today
// are derived afresh.
func (s *Store) Entries(all bool) ([]timeline.Entry, error) {
	query := "SELECT " + entryColumns + " FROM applications"
	if !all {
		query += " WHERE archived = 0"
	}
	return s.queryEntries(query + " ORDER BY id")
}

// queryEntries runs a query over entryColumns and freshens the result.
func (s *Store) queryEntries(query string, args ...any) ([]timeline.Entry, error) {
	return s.queryEntriesInto(nil, query, args...)
}

// queryEntriesInto is queryEntries appending to out, which may have room
// for them already (an entry is some 300 bytes: growing a slice by doubling
// copies a read of 100,000 applications several times over).
func (s *Store) queryEntriesInto(out []timeline.Entry, query string, args ...any) ([]timeline.Entry, error) {
	return s.queryEntriesOn(context.Background(), s.db, out, query, args...)
}

// queryEntriesOn is queryEntriesInto on q (the store's pool, or one of its
// connections).
func (s *Store) queryEntriesOn(ctx context.Context, q interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}, out []timeline.Entry, query string, args ...any) ([]timeline.Entry, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	scan := newRowScan()
	for rows.Next() {
		e, err := scan.entry(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return s.freshen(out)
}

// Entry returns one application's entry (its kept summary, freshened).
func (s *Store) Entry(id int64) (timeline.Entry, error) {
	es, err := s.queryEntries("SELECT "+entryColumns+" FROM applications WHERE id = ?", id)
	if err != nil {
		return timeline.Entry{}, err
	}
	if len(es) == 0 {
		return timeline.Entry{}, notFound(id)
	}
	return es[0], nil
}

// ChaseEntries returns the entries that are not archived and whose next
// action is due on or before limit, read from the index that holds them in
// due-date order, together with those whose kept summary has run out (derived
// afresh, and dropped if they are not due by limit after all). The chase
// view does not show notes: its entries carry none.
func (s *Store) ChaseEntries(limit timeline.Date) ([]timeline.Entry, error) {
	return s.chaseEntries(limit, true)
}

// chaseEntries is ChaseEntries, reading the URLs only when withURL is true
// (the chase view does not show them; the calendar feed does).
func (s *Store) chaseEntries(limit timeline.Date, withURL bool) ([]timeline.Entry, error) {
	stale, err := s.staleEntries()
	if err != nil {
		return nil, err
	}
	where := "archived = 0 AND next_due <= ?"
	if len(stale) > 0 {
		where += " AND id NOT IN (" + idList(entryIDs(stale)) + ")"
	}
	// Room for them all at once, counted in the small index of due dates:
	// an entry is some 200 bytes, and growing the slice by doubling copies
	// the thousands due in a search never tidied up several times over.
	// Some room to spare, too, for the expedite items the chase view adds of
	// applications not due by limit (room never used is never touched).
	var n int
	if err := s.db.QueryRow("SELECT count(*) FROM applications INDEXED BY applications_chase WHERE "+where, int64(limit)).Scan(&n); err != nil {
		return nil, err
	}
	// The index holds every column read, in due-date order: reading the
	// thousands of rows due walks adjacent index pages instead of looking
	// each row up in the table.
	out, err := s.chaseRows(make([]timeline.Entry, 0, n+len(stale)+n/32+64), withURL,
		"applications INDEXED BY applications_chase_rows", where, int64(limit))
	if err != nil {
		return nil, err
	}
	for _, e := range stale {
		if e.Next != nil && e.Next.Due <= limit {
			out = append(out, e)
		}
	}
	return out, nil
}

// chaseRows reads the applications that the where clause selects from
// (the table, or one of its indexes) with the columns the chase view shows
// (notes aside; the URL only when withURL is true) and their kept summaries,
// appending them to out.
func (s *Store) chaseRows(out []timeline.Entry, withURL bool, from, where string, args ...any) ([]timeline.Entry, error) {
	cols := "id, company, role, recruiter, contact, summary"
	if withURL {
		cols += ", url"
	}
	rows, err := s.db.Query("SELECT "+cols+" FROM "+from+" WHERE "+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var e timeline.Entry
	var packed string
	a := &e.App
	dest := []any{nullInt{&a.ID}, &a.Company, &a.Role, &a.Recruiter, &a.Contact, &packed, &a.URL}
	if !withURL {
		dest = dest[:6]
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		if e.Summary, err = unpackSummary(packed); err != nil {
			return nil, fmt.Errorf("application %d: %w (run `afterview doctor`)", a.ID, err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// staleEntries returns the applications (not archived) whose kept summary
// does not hold on today, derived afresh and saved: found through the
// indexes of the validity dates, so that none is usually a quick answer.
// When there is none, the next hasStale of the same day is answered without
// asking again (see noStaleOn).
func (s *Store) staleEntries() ([]timeline.Entry, error) {
	today := s.today()
	es, err := s.queryEntries("SELECT "+entryColumns+` FROM applications WHERE id IN (
		SELECT id FROM applications INDEXED BY applications_valid_through WHERE archived = 0 AND valid_through < ?1
		UNION SELECT id FROM applications INDEXED BY applications_valid_from WHERE archived = 0 AND valid_from > ?1)
		ORDER BY id`, int64(today))
	if err == nil && len(es) == 0 {
		s.noStaleOn.Store(int64(today))
	}
	return es, err
}

// entryIDs returns the entries' application ids.
func entryIDs(es []timeline.Entry) []int64 {
	ids := make([]int64, len(es))
	for i, e := range es {
		ids[i] = e.App.ID
	}
	return ids
}

// ChaseCount returns the number of items the chase view lists on today with
// a lookahead of days (negative: the lookahead_days setting; 0: the items
// overdue or due today) as len(Chase(days)) would, without reading them: one
// count(*) over the index that holds each application's next due date, kind
// and snooze. Applications whose kept summary has run out are derived afresh
// first (and saved, so that this happens once a day, not at every prompt).
func (s *Store) ChaseCount(days int) (int, error) {
	if days < 0 {
		set, err := s.Settings()
		if err != nil {
			return 0, err
		}
		days = set.LookaheadDays
	}
	today := s.today()
	limit := today.AddDays(days)
	stale, err := s.staleEntries()
	if err != nil {
		return 0, err
	}
	query := `SELECT count(*) FROM applications INDEXED BY applications_chase
		WHERE archived = 0 AND next_due <= ?1 AND (snoozed_until IS NULL OR snoozed_until <= ?2)`
	if kinds := uncountedWhenPast(today); len(kinds) > 0 {
		query += " AND NOT (next_due < ?2 AND next_kind IN (" + quoteList(kinds) + "))"
	}
	n := 0
	if len(stale) > 0 {
		// Those rows were just derived afresh; count them from memory, in
		// case the file could not be written.
		query += " AND id NOT IN (" + idList(entryIDs(stale)) + ")"
		n = countedItems(timeline.Chase(stale, today, days))
	}
	var rest int
	if err := s.db.QueryRow(query, int64(limit), int64(today)).Scan(&rest); err != nil {
		return 0, err
	}
	extra, err := s.expediteExtra(today, days)
	return n + rest + extra, err
}

// countedSections are the chase view's sections whose items the count counts.
var countedSections = map[timeline.Section]bool{timeline.SecOverdue: true, timeline.SecToday: true, timeline.SecUpcoming: true}

// countedItems counts the items in the sections the count counts.
func countedItems(items []timeline.ChaseItem) int {
	n := 0
	for _, it := range items {
		if countedSections[it.Section] {
			n++
		}
	}
	return n
}

// uncountedWhenPast returns the action kinds whose items, once their due date
// has passed, the chase view lists in a section the count leaves out (a
// reapply window that has opened is not overdue). It asks timeline.Chase
// itself, so the count cannot drift from the view.
func uncountedWhenPast(today timeline.Date) []string {
	var out []string
	for _, k := range timeline.ActionKinds {
		e := timeline.Entry{App: timeline.Application{ID: 1, Company: "x"}}
		e.Next = &timeline.Action{Kind: k, Due: today.AddDays(-1)}
		if countedItems(timeline.Chase([]timeline.Entry{e}, today, 0)) == 0 {
			out = append(out, string(k))
		}
	}
	return out
}

// quoteList renders words for an IN (...) clause; they are the program's own
// action kinds (letters only), quoted as SQL strings.
func quoteList(words []string) string {
	parts := make([]string, len(words))
	for i, w := range words {
		parts[i] = "'" + strings.ReplaceAll(w, "'", "''") + "'"
	}
	return strings.Join(parts, ",")
}

// Check compares every kept summary with a fresh derivation on today and
// returns one line per difference (none when all agree).
func (s *Store) Check() ([]string, error) {
	set, err := s.Settings()
	if err != nil {
		return nil, err
	}
	rows, err := s.db.Query("SELECT " + entryColumns + " FROM applications ORDER BY id")
	if err != nil {
		return nil, err
	}
	var kept []timeline.Entry
	scan := newRowScan()
	for rows.Next() {
		e, err := scan.entry(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		kept = append(kept, e)
	}
	rows.Close()
	events, err := loadEvents(s.db, nil)
	if err != nil {
		return nil, err
	}
	today := s.today()
	var diffs []string
	for _, k := range kept {
		fresh := timeline.Derive(k.App, events[k.App.ID], set, today).Summary
		if !k.ValidOn(today) {
			continue // out of date by design: derived afresh whenever read
		}
		if d := summaryDiff(k.Summary, fresh); d != "" {
			diffs = append(diffs, fmt.Sprintf("application %d (%s): kept %s", k.App.ID, k.App.Company, d))
		}
	}
	return diffs, nil
}

// summaryDiff describes how kept differs from fresh, or returns "".
func summaryDiff(kept, fresh timeline.Summary) string {
	a, b := describe(kept), describe(fresh)
	if a == b {
		return ""
	}
	return fmt.Sprintf("%s; fresh: %s", a, b)
}

// describe writes a summary for people: Check's report.
func describe(sm timeline.Summary) string {
	s := "stage " + string(sm.Stage)
	if sm.Next != nil {
		s += fmt.Sprintf(", next %s due %s", sm.Next.Kind, sm.Next.Due)
	}
	return s + fmt.Sprintf(" (%s)", strings.ReplaceAll(packSummary(sm), sep, "|"))
}
