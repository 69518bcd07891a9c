package store

import "github.com/afterview/afterview/timeline"

// The reads the TUI makes so that it can show its first tab without reading
// archived applications (half of a long search, or more): their number for
// the Closed tab, and their rows once that tab is opened.

// ArchivedCount returns the number of archived applications.
func (s *Store) ArchivedCount() (int, error) {
	var n int
	err := s.db.QueryRow("SELECT count(*) FROM applications WHERE archived = 1").Scan(&n)
	return n, err
}

// ArchivedEntries returns every archived application with its kept summary
// (freshened as Entries does), ordered by id: Entries(true) less
// Entries(false).
func (s *Store) ArchivedEntries() ([]timeline.Entry, error) {
	return s.queryEntries("SELECT " + entryColumns + " FROM applications WHERE archived = 1 ORDER BY id")
}

// LastContact returns the date of application id's latest followup or heard
// event (zero when none), as LastContacts would for that one id, read through
// the application's own events (the cheap read after a write to it).
func (s *Store) LastContact(id int64) (timeline.Date, error) {
	var d timeline.Date
	err := s.db.QueryRow(`SELECT max(date) FROM events INDEXED BY events_application
		WHERE application_id = ? AND type IN ('followup', 'heard')`, id).Scan(nullDate{&d})
	return d, err
}
