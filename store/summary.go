package store

import (
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"github.com/afterview/afterview/timeline"
)

// entryColumns are the columns scanEntry reads, in its order.
const entryColumns = "id, company, role, recruiter, contact, url, notes, archived, summary"

// rowScanner is *sql.Row or *sql.Rows.
type rowScanner interface{ Scan(dest ...any) error }

// scanEntry reads one application row with its kept summary.
func scanEntry(r rowScanner) (timeline.Entry, error) {
	var e timeline.Entry
	var archived int64
	var packed string
	a := &e.App
	err := r.Scan(&a.ID, &a.Company, &a.Role, &a.Recruiter, &a.Contact, &a.URL, &a.Notes, &archived, &packed)
	if err != nil {
		return e, err
	}
	a.Archived = archived != 0
	e.Summary, err = unpackSummary(packed)
	if err != nil {
		return e, fmt.Errorf("application %d: %w (run `afterview doctor`)", a.ID, err)
	}
	return e, nil
}

// sep separates the packed summary's fields: a control character, which the
// action sentence never holds.
const sep = "\x1f"

// packSummary writes a Summary as one text value: the stage, the next action
// (kind, due, from, text), the current window (name, from, to), then the
// dates LastInterview, NextInterview, StartDate, LastActivity, SnoozedUntil,
// ValidFrom, ValidThrough and Since, dates as day numbers.
func packSummary(sm timeline.Summary) string {
	var b strings.Builder
	day := func(d timeline.Date) {
		b.WriteString(sep)
		if !d.IsZero() {
			b.WriteString(strconv.Itoa(int(d)))
		}
	}
	str := func(s string) {
		b.WriteString(sep)
		b.WriteString(strings.ReplaceAll(s, sep, " "))
	}
	b.WriteString(string(sm.Stage))
	if n := sm.Next; n != nil {
		str(string(n.Kind))
		day(n.Due)
		day(n.From)
		str(n.Text)
	} else {
		b.WriteString(sep + sep + sep + sep)
	}
	if w := sm.Current; w != nil {
		str(w.Name)
		day(w.From)
		day(w.To)
	} else {
		b.WriteString(sep + sep + sep)
	}
	for _, d := range []timeline.Date{sm.LastInterview, sm.NextInterview, sm.StartDate, sm.LastActivity,
		sm.SnoozedUntil, sm.ValidFrom, sm.ValidThrough, sm.Since} {
		day(d)
	}
	return b.String()
}

// packedFields is the number of fields packSummary writes.
const packedFields = 16

// olderPackedFields is the number of fields an older afterview wrote (before
// Since was kept): such a summary is derived afresh when read.
const olderPackedFields = 15

// unpackSummary reads what packSummary wrote; "" (a row never derived) and a
// summary in an older layout are empty summaries that hold on no day, so they
// are derived afresh when read.
func unpackSummary(p string) (timeline.Summary, error) {
	var sm timeline.Summary
	if p == "" || strings.Count(p, sep) == olderPackedFields-1 {
		sm.ValidFrom, sm.ValidThrough = 1<<30, 1
		return sm, nil
	}
	var f [packedFields]string
	for i := range f {
		var ok bool
		f[i], p, ok = strings.Cut(p, sep)
		if !ok && i != packedFields-1 {
			return sm, fmt.Errorf("the kept summary is damaged")
		}
	}
	var d [packedFields]timeline.Date
	for _, i := range []int{2, 3, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15} {
		if f[i] == "" {
			continue
		}
		n, err := strconv.Atoi(f[i])
		if err != nil {
			return sm, fmt.Errorf("the kept summary is damaged")
		}
		d[i] = timeline.Date(n)
	}
	sm.Stage = timeline.Stage(f[0])
	if f[1] != "" {
		sm.Next = &timeline.Action{Kind: timeline.ActionKind(f[1]), Due: d[2], From: d[3], Text: f[4]}
	}
	if f[5] != "" {
		sm.Current = &timeline.Window{Name: f[5], From: d[6], To: d[7]}
	}
	sm.LastInterview, sm.NextInterview, sm.StartDate, sm.LastActivity = d[8], d[9], d[10], d[11]
	sm.SnoozedUntil, sm.ValidFrom, sm.ValidThrough, sm.Since = d[12], d[13], d[14], d[15]
	return sm, nil
}

// summaryArgs are a Summary's column values, in the order of saveSummarySQL.
func summaryArgs(sm timeline.Summary) []any {
	var due timeline.Date
	var kind any
	if sm.Next != nil {
		due, kind = sm.Next.Due, string(sm.Next.Kind)
	}
	return []any{packSummary(sm), dayArg(due), kind, dayArg(sm.SnoozedUntil), dayArg(sm.ValidFrom), dayArg(sm.ValidThrough)}
}

const saveSummarySQL = `UPDATE applications SET summary = ?, next_due = ?, next_kind = ?, snoozed_until = ?,
	valid_from = ?, valid_through = ? WHERE id = ?`

// querier is what both *sql.DB and *sql.Tx offer.
type querier interface {
	Query(query string, args ...any) (*sql.Rows, error)
	QueryRow(query string, args ...any) *sql.Row
	Exec(query string, args ...any) (sql.Result, error)
}

// loadApps reads the applications with the given ids (all when ids is nil).
func loadApps(q querier, ids []int64) (map[int64]timeline.Application, error) {
	query := "SELECT " + entryColumns + " FROM applications"
	if ids != nil {
		query += " WHERE id IN (" + idList(ids) + ")"
	}
	rows, err := q.Query(query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	apps := map[int64]timeline.Application{}
	for rows.Next() {
		e, err := scanEntry(rows)
		if err != nil {
			return nil, err
		}
		apps[e.App.ID] = e.App
	}
	return apps, rows.Err()
}

// idList renders ids for an IN (...) clause; they are integers, so this is safe.
func idList(ids []int64) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(parts, ",")
}

// loadEvents reads the events of the given applications (all when ids is nil),
// grouped by application.
func loadEvents(q querier, ids []int64) (map[int64][]timeline.Event, error) {
	query := "SELECT application_id, " + eventColumns + " FROM events"
	if ids != nil {
		query += " WHERE application_id IN (" + idList(ids) + ")"
	}
	rows, err := q.Query(query + " ORDER BY application_id, date, id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]timeline.Event{}
	var appID int64
	read := newEventScan(nullInt{&appID})
	for rows.Next() {
		e, err := read.scan(rows)
		if err != nil {
			return nil, err
		}
		out[appID] = append(out[appID], e)
	}
	return out, rows.Err()
}

// rederive derives the given applications (all when ids is nil) afresh and
// saves the summaries that changed (a row whose kept summary is already the
// fresh one is not written again: changing a setting rewrites only what it
// moves). It returns the fresh entries of the given ids, in id order; with
// ids nil (every application: a setting changed, new derivation rules, a
// whole import) it returns none, so that its memory does not grow with the
// file.
//
// The applications and their events are read by two queries walked side by
// side, both in application order (the events through their index by
// application), one application at a time: no map of every event. The
// UPDATE is prepared once.
func rederive(tx querier, set timeline.Settings, today timeline.Date, ids []int64) ([]timeline.Entry, error) {
	var out []timeline.Entry
	keep := func(timeline.Entry) {}
	if ids != nil {
		out = make([]timeline.Entry, 0, len(ids))
		keep = func(e timeline.Entry) { out = append(out, e) }
	}
	return out, rederiveEach(tx, set, today, ids, keep)
}

// rederiveEach is rederive, handing each fresh entry to keep.
func rederiveEach(tx querier, set timeline.Settings, today timeline.Date, ids []int64, keep func(timeline.Entry)) error {
	appQuery := "SELECT " + entryColumns + " FROM applications"
	eventQuery := "SELECT application_id, " + eventColumns + " FROM events"
	if ids != nil {
		appQuery += " WHERE id IN (" + idList(ids) + ")"
		eventQuery += " WHERE application_id IN (" + idList(ids) + ")"
	}
	save := func(args ...any) error { _, err := tx.Exec(saveSummarySQL, args...); return err }
	if p, ok := tx.(preparer); ok {
		stmt, err := p.Prepare(saveSummarySQL)
		if err != nil {
			return err
		}
		defer stmt.Close()
		save = func(args ...any) error { _, err := stmt.Exec(args...); return err }
	}
	apps, err := tx.Query(appQuery + " ORDER BY id")
	if err != nil {
		return err
	}
	defer apps.Close()
	events, err := tx.Query(eventQuery + " ORDER BY application_id, date, id")
	if err != nil {
		return err
	}
	defer events.Close()
	// next is the event read ahead: the first of a later application's.
	var next timeline.Event
	var nextApp int64
	read := newEventScan(nullInt{&nextApp})
	more := events.Next()
	if more {
		if next, err = read.scan(events); err != nil {
			return err
		}
	}
	var evs []timeline.Event // reused: Derive keeps a copy of its own
	for apps.Next() {
		// Not scanEntry: the kept summary is only compared, never unpacked
		// (a damaged one is simply written afresh).
		var app timeline.Application
		var archived int64
		var kept string
		if err := apps.Scan(&app.ID, &app.Company, &app.Role, &app.Recruiter, &app.Contact, &app.URL, &app.Notes, &archived, &kept); err != nil {
			return err
		}
		app.Archived = archived != 0
		evs = evs[:0]
		for more && nextApp <= app.ID {
			if nextApp == app.ID {
				evs = append(evs, next)
			}
			if more = events.Next(); more {
				if next, err = read.scan(events); err != nil {
					return err
				}
			}
		}
		d := timeline.Derive(app, evs, set, today)
		if args := summaryArgs(d.Summary); args[0] != kept {
			if err := save(append(args, app.ID)...); err != nil {
				return fmt.Errorf("save the derived state of application %d: %w", app.ID, err)
			}
		}
		keep(d.Entry)
	}
	if err := apps.Err(); err != nil {
		return err
	}
	return events.Err()
}

// preparer is a querier that can prepare a statement to run many times: a
// write transaction (readOnly, which writes nothing, is left out).
type preparer interface {
	Prepare(query string) (*sql.Stmt, error)
}

// refresh re-derives the given applications inside tx, with the settings
// read in the same transaction.
func (s *Store) refresh(tx *sql.Tx, ids ...int64) error {
	set, err := settingsFrom(tx)
	if err != nil {
		return err
	}
	_, err = rederive(tx, set, s.today(), ids)
	return err
}

// refreshIfRulesChanged re-derives every application when the kept summaries
// were made by other derivation rules (another timeline.Version).
func (s *Store) refreshIfRulesChanged() error {
	var v string
	err := s.db.QueryRow("SELECT value FROM meta WHERE key = 'derive_version'").Scan(&v)
	if err != nil && err != sql.ErrNoRows {
		return err
	}
	want := strconv.Itoa(timeline.Version)
	if v == want {
		return nil
	}
	return s.tx(func(tx *sql.Tx) error {
		if err := s.refreshAll(tx); err != nil {
			return err
		}
		_, err := tx.Exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('derive_version', ?)", want)
		return err
	})
}

// refreshAll re-derives every application inside tx.
func (s *Store) refreshAll(tx *sql.Tx) error {
	set, err := settingsFrom(tx)
	if err != nil {
		return err
	}
	_, err = rederive(tx, set, s.today(), nil)
	return err
}

// freshen replaces the entries whose kept summary does not hold on today with
// fresh derivations, and saves those (best effort: a read must not fail
// because the file is read-only or busy).
func (s *Store) freshen(entries []timeline.Entry) ([]timeline.Entry, error) {
	today := s.today()
	var stale []int64
	at := map[int64]int{}
	for i, e := range entries {
		if !e.ValidOn(today) {
			stale = append(stale, e.App.ID)
			at[e.App.ID] = i
		}
	}
	if len(stale) == 0 {
		return entries, nil
	}
	set, err := s.Settings()
	if err != nil {
		return nil, err
	}
	var fresh []timeline.Entry
	err = s.tx(func(tx *sql.Tx) error {
		fresh, err = rederive(tx, set, today, stale)
		return err
	})
	if err != nil {
		// Could not save: derive in memory only.
		fresh, err = rederive(readOnly{s.db}, set, today, stale)
		if err != nil {
			return nil, err
		}
	}
	for _, f := range fresh {
		entries[at[f.App.ID]] = f
	}
	return entries, nil
}

// readOnly is a querier whose Exec does nothing, for deriving without saving.
type readOnly struct{ *sql.DB }

// Exec implements querier by discarding the write.
func (readOnly) Exec(string, ...any) (sql.Result, error) { return nil, nil }
