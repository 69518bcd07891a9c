package store

import (
	"database/sql"

	"github.com/afterview/afterview/timeline"
)

// Store is an open afterview database.
type Store struct {
	db    *sql.DB
	path  string
	today func() timeline.Date
}

// DefaultPath returns the database file used when neither --db nor
// AFTERVIEW_DB names one: afterview/afterview.db under the XDG data home.
func DefaultPath() (string, error) { panic("unimplemented") }

// Open opens (creating if needed) the database at path. today tells the
// store the current civil date whenever it derives (main honours --today).
func Open(path string, today func() timeline.Date) (*Store, error) { panic("unimplemented") }

// Close closes the database.
func (s *Store) Close() error { panic("unimplemented") }

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// Today returns the store's idea of today.
func (s *Store) Today() timeline.Date { return s.today() }

// Settings returns the stored settings (defaults for those never set).
func (s *Store) Settings() (timeline.Settings, error) { panic("unimplemented") }

// SetSetting validates and stores one setting, re-deriving every application
// in the same transaction.
func (s *Store) SetSetting(key, value string) error { panic("unimplemented") }

// AddApplication adds an application with its first events in one
// transaction and returns its id.
func (s *Store) AddApplication(app timeline.Application, events ...timeline.Event) (int64, error) {
	panic("unimplemented")
}

// UpdateApplication writes only the fields ch names.
func (s *Store) UpdateApplication(id int64, ch AppChanges) error { panic("unimplemented") }

// SetArchived archives or unarchives an application.
func (s *Store) SetArchived(id int64, archived bool) error { panic("unimplemented") }

// DeleteApplication deletes an application and its events.
func (s *Store) DeleteApplication(id int64) error { panic("unimplemented") }

// Application returns one application's fields.
func (s *Store) Application(id int64) (timeline.Application, error) { panic("unimplemented") }

// LogEvent validates and logs an event for an application; it returns the
// event's id.
func (s *Store) LogEvent(appID int64, e timeline.Event) (int64, error) { panic("unimplemented") }

// DeleteEvent removes one event (to correct a mistake) and returns it with
// its application's id.
func (s *Store) DeleteEvent(eventID int64) (timeline.Event, int64, error) { panic("unimplemented") }

// Events returns an application's events in timeline order.
func (s *Store) Events(appID int64) ([]timeline.Event, error) { panic("unimplemented") }

// Derive returns an application's full derivation on today, events included.
func (s *Store) Derive(id int64) (timeline.Derived, error) { panic("unimplemented") }

// Entries returns every application with its kept summary (archived ones only
// when all is true), ordered by id. Summaries that no longer hold on today
// are derived afresh.
func (s *Store) Entries(all bool) ([]timeline.Entry, error) { panic("unimplemented") }

// ChaseEntries returns the entries that are not archived and whose next
// action is due on or before limit, read through an index.
func (s *Store) ChaseEntries(limit timeline.Date) ([]timeline.Entry, error) { panic("unimplemented") }

// ChaseStats counts the applications (not archived, not snoozed on today)
// whose next action is due after the given date.
func (s *Store) ChaseStats(after timeline.Date) (Stats, error) { panic("unimplemented") }

// DataVersion returns a number that changes whenever another connection or
// process commits a change to the database (PRAGMA data_version).
func (s *Store) DataVersion() (int64, error) { panic("unimplemented") }

// Check compares every kept summary with a fresh derivation and returns one
// line per difference (empty when all agree).
func (s *Store) Check() ([]string, error) { panic("unimplemented") }
