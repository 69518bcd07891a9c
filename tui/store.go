package tui

import (
	"github.com/afterview/afterview/store"
	"github.com/afterview/afterview/timeline"
)

// Store is the part of *store.Store that the TUI uses, so that tests can run
// it on a fake. Every call is made inside a tea.Cmd (see commands.go).
type Store interface {
	// Settings returns the windows in force (for the lookahead and advice).
	Settings() (timeline.Settings, error)
	// Entries returns every application with its kept summary, by id
	// (archived ones only when all is set).
	Entries(all bool) ([]timeline.Entry, error)
	// Parts splits the applications not archived into at most n ranges
	// of ids holding about as many each: their bounds, each range from one
	// bound up to the next.
	Parts(n int) ([]int64, error)
	// EntriesIn returns the entries not archived with lo ≤ id < hi, by id,
	// appended to into.
	EntriesIn(lo, hi int64, into []timeline.Entry) ([]timeline.Entry, error)
	// ArchivedCount returns the number of archived applications.
	ArchivedCount() (int, error)
	// ArchivedEntries returns the archived applications' entries, by id.
	ArchivedEntries() ([]timeline.Entry, error)
	// Entry returns one application's entry: the cheap refresh after a write.
	Entry(id int64) (timeline.Entry, error)
	// Derive returns one application's full derivation, events included.
	Derive(id int64) (timeline.Derived, error)
	// SameAs returns the id of the application already here that app with
	// its first events would repeat; 0 when none.
	SameAs(app timeline.Application, events []timeline.Event) (int64, error)
	// LastContacts returns the date of each application's latest followup
	// or heard (ids nil: every application's); one with none is absent.
	LastContacts(ids []int64) (map[int64]timeline.Date, error)
	// LastContact returns one application's latest followup or heard (zero:
	// none): the cheap read after a write.
	LastContact(id int64) (timeline.Date, error)
	// Offers returns the offers to compare on today (open ones, and those
	// answered lately), each with its terms as they stand.
	Offers() ([]timeline.OfferColumn, error)
	// AddApplication adds an application with its first events.
	AddApplication(app timeline.Application, events ...timeline.Event) (int64, error)
	// UpdateApplication writes only the fields ch names.
	UpdateApplication(id int64, ch store.AppChanges) error
	// SetArchived archives or unarchives an application.
	SetArchived(id int64, archived bool) error
	// DeleteApplication deletes an application and its events.
	DeleteApplication(id int64) error
	// LogEvent logs an event and returns its id.
	LogEvent(appID int64, e timeline.Event) (int64, error)
	// DeleteEvent removes an event and returns it with its application's id.
	DeleteEvent(eventID int64) (timeline.Event, int64, error)
	// DataVersion changes whenever another connection commits a change.
	DataVersion() (int64, error)
	// Histories returns every application with the events insights read.
	Histories() ([]timeline.AppHistory, error)
	// SetSetting validates and stores one setting, re-deriving everything.
	SetSetting(key, value string) error
}
