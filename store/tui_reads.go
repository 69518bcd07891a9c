package store

import (
	"context"
	"fmt"

	"github.com/afterview/afterview/timeline"
)

// The reads the TUI makes so that it can show its first tab without reading
// archived applications (half of a long search, or more): their number for
// the Closed tab, and their rows once that tab is opened.

// ArchivedCount returns the number of archived applications, counted in
// the index of the archived flag (a few bytes an application): no row of the
// table is visited.
func (s *Store) ArchivedCount() (int, error) {
	var n int
	err := s.db.QueryRow("SELECT count(*) FROM applications INDEXED BY applications_archived WHERE archived = 1").Scan(&n)
	return n, err
}

// ArchivedEntries returns every archived application with its kept summary
// (freshened as Entries does), ordered by id: Entries(true) less
// Entries(false).
func (s *Store) ArchivedEntries() ([]timeline.Entry, error) {
	return s.queryEntries("SELECT " + entryColumns + " FROM applications INDEXED BY applications_archived WHERE archived = 1 ORDER BY id")
}

// LastContact returns the date of application id's latest followup or heard
// event (zero when none), as LastContacts would for that one id, read from
// the index of follow-ups and news (the cheap read after a write to it).
func (s *Store) LastContact(id int64) (timeline.Date, error) {
	var d timeline.Date
	err := s.db.QueryRow(`SELECT max(date) FROM events INDEXED BY events_contact
		WHERE application_id = ? AND type IN ('followup', 'heard')`, id).Scan(nullDate{&d})
	return d, err
}

// Parts splits the applications that are not archived into at most n
// ranges of ids holding about as many of them each (never fewer than
// minPart, so a small file is one range), for readers that read the ranges
// at once (EntriesIn). It returns the ranges' bounds: each range runs from
// one bound up to (not including) the next, from the lowest id not archived
// to past the highest. The ids are found in the index of the archived flag,
// without visiting the rows: a long search's archived applications are most
// of the old ids, so ranges of equal span would not hold equal work.
func (s *Store) Parts(n int) ([]int64, error) {
	var count, lo, hi int64
	err := s.db.QueryRow(`SELECT count(*), coalesce(min(id), 0), coalesce(max(id), -1)
		FROM applications INDEXED BY applications_archived WHERE archived = 0`).Scan(&count, &lo, &hi)
	if err != nil {
		return nil, err
	}
	n = max(1, min(n, int(count/minPart)))
	bounds := []int64{lo}
	for k := 1; k < n; k++ {
		var id int64
		if err := s.db.QueryRow(`SELECT id FROM applications INDEXED BY applications_archived WHERE archived = 0
			ORDER BY id LIMIT 1 OFFSET ?`, count*int64(k)/int64(n)).Scan(&id); err != nil {
			return nil, err
		}
		if id > bounds[len(bounds)-1] {
			bounds = append(bounds, id)
		}
	}
	return append(bounds, hi+1), nil
}

// minPart is the fewest applications Parts gives a range of their own.
const minPart = 1000

// EntriesIn returns the applications that are not archived with an id from
// lo up to (not including) hi, with their kept summaries (freshened as
// Entries does), ordered by id: Entries(false) in parts, which a reader can
// read at once on connections of their own (SQLite reads in parallel).
// They are appended to into, which can have room for them (at most hi - lo)
// already, so that a reader in parts can have every part written in place
// in one array. The rows are read in the table's own order (not through the
// index of the archived flag, which would look each one up).
//
// The read runs on a connection whose page cache is held to scanCachePages
// meanwhile: each page is read once, and a cache that keeps every page
// makes SQLite allocate (and the kernel zero) memory for every one, about a
// tenth of the read's time.
func (s *Store) EntriesIn(lo, hi int64, into []timeline.Entry) ([]timeline.Entry, error) {
	ctx := context.Background()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	var size int64
	if err := conn.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&size); err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = %d", scanCachePages)); err != nil {
		return nil, err
	}
	defer conn.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = %d", size))
	return s.queryEntriesOn(ctx, conn, into, "SELECT "+entryColumns+" FROM applications NOT INDEXED WHERE id >= ? AND id < ? AND archived = 0 ORDER BY id", lo, hi)
}

// scanCachePages is the page cache EntriesIn reads with: room for the
// table's path from its root to a leaf, and more.
const scanCachePages = 32
