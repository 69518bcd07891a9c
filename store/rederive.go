package store

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"strconv"
	"sync"

	"github.com/afterview/afterview/timeline"
)

// Re-deriving kept summaries: after a write, for the applications it
// touched; for every application when a setting or the derivation rules
// change; and, when read, for those whose summary no longer holds on today.

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
	save := func(args ...any) error { _, err := tx.Exec(saveSummarySQL, args...); return err }
	if p, ok := tx.(preparer); ok {
		stmt, err := p.Prepare(saveSummarySQL)
		if err != nil {
			return err
		}
		defer stmt.Close()
		save = func(args ...any) error { _, err := stmt.Exec(args...); return err }
	}
	var filter func(col string) string
	if ids != nil {
		filter = func(col string) string { return col + " IN (" + idList(ids) + ")" }
	}
	return deriveWalk(tx, tx, set, today, filter, nil, func(e timeline.Entry, changed []any) error {
		if changed != nil {
			if err := save(changed...); err != nil {
				return fmt.Errorf("save the derived state of application %d: %w", e.App.ID, err)
			}
		}
		keep(e)
		return nil
	})
}

// deriveWalk derives applications afresh, one at a time in id order, each
// from its events: those whose id filter accepts (filter names the column,
// the id of the applications or the application_id of the events; nil: every
// application), with args for its placeholders. It calls f with each fresh
// entry and, when the kept summary differs from the fresh one, the values of
// saveSummarySQL for that row (nil when the row is already fresh).
//
// The applications (through q) and their events (through qEvents: q
// itself, or another read transaction that sees the same data) are read by
// two queries walked side by side, both in application order (the events
// through their index by application): no map of every event.
func deriveWalk(q, qEvents querier, set timeline.Settings, today timeline.Date, filter func(col string) string, args []any,
	f func(e timeline.Entry, changed []any) error) error {
	appQuery := "SELECT " + entryColumns + " FROM applications"
	eventQuery := "SELECT application_id, " + eventColumns + " FROM events"
	if filter != nil {
		appQuery += " WHERE " + filter("id")
		eventQuery += " WHERE " + filter("application_id")
	}
	apps, err := q.Query(appQuery+" ORDER BY id", args...)
	if err != nil {
		return err
	}
	defer apps.Close()
	events, err := qEvents.Query(eventQuery+" ORDER BY application_id, date, id", args...)
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
	var packed []byte        // reused: the fresh summary, packed
	scan := newRowScan()
	for apps.Next() {
		// Not scanEntry: the kept summary is only compared, never unpacked
		// (a damaged one is simply written afresh).
		var app timeline.Application
		kept, err := scan.row(apps, &app)
		if err != nil {
			return err
		}
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
		var changed []any
		if packed = appendSummary(packed[:0], d.Summary); string(packed) != kept {
			changed = append(summaryArgs(d.Summary), app.ID)
		}
		if err := f(d.Entry, changed); err != nil {
			return err
		}
	}
	if err := apps.Err(); err != nil {
		return err
	}
	return events.Err()
}

// rederiveReaders returns how many readers rederiveAll runs at once: one a
// processor, at most four. (Variables, so that tests can run the readers on
// a few applications.)
var rederiveReaders = func() int { return min(runtime.GOMAXPROCS(0), 4) }

// rederiveAllMin is the fewest applications worth reading in parallel.
var rederiveAllMin int64 = 2000

// rederiveAll re-derives every application inside tx, a transaction that
// has written no application and no event (a setting changed, or the
// derivation rules did), and saves the summaries that changed.
//
// Reading every event is most of the work, so the applications are read in
// slices of their ids at once, one per processor, each by a read transaction
// of its own on another connection: tx holds the write lock from its start
// and has changed nothing they read, so they see what tx would. The rows
// that changed come back to be written through tx, with one prepared UPDATE.
func (s *Store) rederiveAll(tx *sql.Tx, set timeline.Settings, today timeline.Date) error {
	var lo, hi sql.NullInt64
	var n int64
	if err := tx.QueryRow("SELECT min(id), max(id), count(*) FROM applications").Scan(&lo, &hi, &n); err != nil {
		return err
	}
	workers := int64(rederiveReaders())
	if workers < 2 || n < rederiveAllMin {
		return rederiveEach(tx, set, today, nil, func(timeline.Entry) {})
	}
	stmt, err := tx.Prepare(saveSummarySQL)
	if err != nil {
		return err
	}
	defer stmt.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	changed := make(chan []any, 256)
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	span := (hi.Int64-lo.Int64)/workers + 1
	for from := lo.Int64; from <= hi.Int64; from += span {
		wg.Add(1)
		go func(from, to int64) {
			defer wg.Done()
			errs <- s.deriveSlice(ctx, set, today, from, to, changed)
		}(from, from+span-1)
	}
	go func() { wg.Wait(); close(changed) }()
	var saveErr error
	for args := range changed {
		if saveErr != nil {
			continue // draining: the readers stop at the cancel
		}
		if _, err := stmt.Exec(args...); err != nil {
			saveErr = fmt.Errorf("save the derived state of application %d: %w", args[len(args)-1], err)
			cancel()
		}
	}
	if saveErr != nil {
		return saveErr
	}
	close(errs)
	for err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// deriveSlice derives the applications whose ids run from from to to and
// sends the saveSummarySQL values of each row whose kept summary is not the
// fresh one. The applications and the events are read by two read
// transactions, on two connections: walked side by side on one connection,
// the two queries made SQLite read the file's pages again and again (ten
// times the reads at 100,000 applications). Both see the same data: no
// other connection can commit while rederiveAll's transaction holds the
// write lock.
func (s *Store) deriveSlice(ctx context.Context, set timeline.Settings, today timeline.Date, from, to int64, changed chan<- []any) error {
	rtx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer rtx.Rollback()
	etx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer etx.Rollback()
	between := func(col string) string { return col + " BETWEEN ? AND ?" }
	return deriveWalk(rtx, etx, set, today, between, []any{from, to}, func(_ timeline.Entry, vals []any) error {
		if vals == nil {
			return nil
		}
		select {
		case changed <- vals:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	})
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
		set, err := settingsFrom(tx)
		if err != nil {
			return err
		}
		if err := s.rederiveAll(tx, set, s.today()); err != nil {
			return err
		}
		_, err = tx.Exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('derive_version', ?)", want)
		return err
	})
}

// refreshAll re-derives every application inside tx, reading them through
// tx itself: tx may have written applications and events (the demo data).
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
