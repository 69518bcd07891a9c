package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/afterview/afterview/timeline"
)

// notFound is the error for an application id that does not exist.
func notFound(id int64) error {
	return notFoundError(fmt.Sprintf("no application with id %d (see `afterview list --all`)", id))
}

// notFoundError is an error that is ErrNotFound without saying so twice.
type notFoundError string

// Error returns the message, which names the id and what to do.
func (e notFoundError) Error() string { return string(e) }

// Is makes errors.Is(err, ErrNotFound) true.
func (e notFoundError) Is(target error) bool { return target == ErrNotFound }

// Settings returns the stored settings, with timeline.DefaultSettings for those
// never set.
func (s *Store) Settings() (timeline.Settings, error) { return settingsFrom(s.db) }

func settingsFrom(q querier) (timeline.Settings, error) {
	set := timeline.DefaultSettings()
	rows, err := q.Query("SELECT key, value FROM settings")
	if err != nil {
		return set, err
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return set, err
		}
		if err := set.Set(k, v); err != nil {
			return set, fmt.Errorf("a stored setting is bad (%v): fix it with `afterview config %s VALUE`", err, k)
		}
	}
	return set, rows.Err()
}

// SetSetting validates and stores one setting, re-deriving every application
// in the same transaction (unless the setting keeps the value it had: then
// every kept summary already follows it).
func (s *Store) SetSetting(key, value string) error {
	return s.tx(func(tx *sql.Tx) error {
		set, err := settingsFrom(tx)
		if err != nil {
			return err
		}
		was := set
		if err := set.Set(key, value); err != nil {
			return err
		}
		if err := set.Validate(); err != nil {
			return err
		}
		stored, _ := set.Get(key)
		if _, err := tx.Exec("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", key, stored); err != nil {
			return err
		}
		if set == was {
			return nil
		}
		return s.rederiveAll(tx, set, s.today())
	})
}

// AddApplication adds an application with its first events in one
// transaction and returns its id.
func (s *Store) AddApplication(app timeline.Application, events ...timeline.Event) (int64, error) {
	var id int64
	err := s.tx(func(tx *sql.Tx) error {
		var err error
		id, err = s.insertApp(tx, app)
		if err != nil {
			return err
		}
		for _, e := range events {
			if _, err := insertEvent(tx, id, e); err != nil {
				return err
			}
		}
		return s.refresh(tx, id)
	})
	return id, err
}

// insertApp validates and inserts one application (without deriving it).
func (s *Store) insertApp(tx *sql.Tx, app timeline.Application) (int64, error) {
	app = trimApp(app)
	if err := app.Validate(); err != nil {
		return 0, err
	}
	res, err := tx.Exec(insertAppSQL, appArgs(app, s.today())...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// insertAppSQL inserts an application; appArgs gives its values. The import
// prepares the same statement once for many rows.
const insertAppSQL = `INSERT INTO applications (company, role, recruiter, contact, url, notes, archived, created)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?)`

// appArgs are a trimmed, valid application's values for insertAppSQL.
func appArgs(app timeline.Application, created timeline.Date) []any {
	return []any{app.Company, app.Role, app.Recruiter, app.Contact, app.URL, app.Notes,
		boolInt(app.Archived), created.String()}
}

// trimApp trims the spaces users paste around names.
func trimApp(a timeline.Application) timeline.Application {
	for _, p := range []*string{&a.Company, &a.Role, &a.Recruiter, &a.Contact, &a.URL} {
		*p = strings.TrimSpace(*p)
	}
	return a
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// UpdateApplication writes only the fields ch names, so that a change another
// process made meanwhile to another field survives.
func (s *Store) UpdateApplication(id int64, ch AppChanges) error {
	var sets []string
	var args []any
	var bad error
	add := func(col string, v *string) {
		if v != nil {
			sets = append(sets, col+" = ?")
			val := *v
			if col != "notes" {
				val = strings.TrimSpace(val)
			}
			if err := timeline.CheckText(col, val); err != nil && bad == nil {
				bad = err // the same limits as a new application's
			}
			args = append(args, val)
		}
	}
	if ch.Company != nil && strings.TrimSpace(*ch.Company) == "" {
		return errors.New("the company name cannot be empty")
	}
	add("company", ch.Company)
	add("role", ch.Role)
	add("recruiter", ch.Recruiter)
	add("contact", ch.Contact)
	add("url", ch.URL)
	add("notes", ch.Notes)
	if bad != nil {
		return bad
	}
	return s.tx(func(tx *sql.Tx) error {
		if err := mustExist(tx, id); err != nil {
			return err
		}
		if len(sets) == 0 {
			return nil
		}
		if _, err := tx.Exec("UPDATE applications SET "+strings.Join(sets, ", ")+" WHERE id = ?", append(args, id)...); err != nil {
			return err
		}
		return s.refresh(tx, id) // the recruiter's name is in the action's sentence
	})
}

// mustExist returns a not-found error unless application id exists.
func mustExist(q querier, id int64) error {
	var one int
	err := q.QueryRow("SELECT 1 FROM applications WHERE id = ?", id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return notFound(id)
	}
	return err
}

// SetArchived archives or unarchives an application.
func (s *Store) SetArchived(id int64, archived bool) error {
	return s.tx(func(tx *sql.Tx) error {
		res, err := tx.Exec("UPDATE applications SET archived = ? WHERE id = ?", boolInt(archived), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound(id)
		}
		return nil
	})
}

// DeleteApplication deletes an application and its events.
func (s *Store) DeleteApplication(id int64) error {
	return s.tx(func(tx *sql.Tx) error {
		res, err := tx.Exec("DELETE FROM applications WHERE id = ?", id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound(id)
		}
		return nil
	})
}

// Application returns one application's fields.
func (s *Store) Application(id int64) (timeline.Application, error) {
	e, err := scanEntry(s.db.QueryRow("SELECT "+entryColumns+" FROM applications WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return e.App, notFound(id)
	}
	return e.App, err
}

// eventColumns are the columns scanEvent reads, after any it is told of.
const eventColumns = "id, type, date, note, by_date, deadline, until, base, bonus, equity, currency, at, bonus_percent, signon, vesting_years"

// scanEvent reads one event row; extra destinations come first.
func scanEvent(r rowScanner, first ...any) (timeline.Event, error) {
	return newEventScan(first...).scan(r)
}

// eventScan reads event rows into one set of destinations, made once: a
// walk over many events (re-deriving every application) allocates nothing
// for each row beyond the values the driver hands over.
type eventScan struct {
	e          timeline.Event
	typ        string
	pct, years int64
	dest       []any
}

// newEventScan returns an eventScan for rows of eventColumns after first.
func newEventScan(first ...any) *eventScan {
	x := &eventScan{}
	e := &x.e
	x.dest = append(first, nullInt{&e.ID}, &x.typ, nullDate{&e.Date}, &e.Note, nullDate{&e.By}, nullDate{&e.Deadline},
		nullDate{&e.Until}, nullInt{&e.Base}, nullInt{&e.Bonus}, nullInt{&e.Equity}, nullStr{&e.Currency}, nullStr{&e.At},
		nullInt{&x.pct}, nullInt{&e.Signon}, nullInt{&x.years})
	return x
}

// scan reads the row r is on.
func (x *eventScan) scan(r rowScanner) (timeline.Event, error) {
	err := r.Scan(x.dest...)
	e := x.e
	e.Type = timeline.EventType(x.typ)
	e.BonusPercent, e.VestingYears = timeline.Percent(x.pct), int(x.years)
	return e, err
}

// LogEvent validates and logs an event for an application and returns the
// event's id.
func (s *Store) LogEvent(appID int64, e timeline.Event) (int64, error) {
	var id int64
	err := s.tx(func(tx *sql.Tx) error {
		if err := mustExist(tx, appID); err != nil {
			return err
		}
		var err error
		if id, err = insertEvent(tx, appID, e); err != nil {
			return err
		}
		return s.refresh(tx, appID)
	})
	return id, err
}

// insertEvent validates and inserts one event (without deriving).
func insertEvent(tx *sql.Tx, appID int64, e timeline.Event) (int64, error) {
	if err := e.Validate(); err != nil {
		return 0, err
	}
	res, err := tx.Exec(insertEventSQL, eventArgs(appID, e)...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// insertEventSQL inserts an event; eventArgs gives its values. The import
// prepares the same statement once for many rows.
const insertEventSQL = `INSERT INTO events (application_id, type, date, note, by_date, deadline, until,
	base, bonus, equity, currency, at, bonus_percent, signon, vesting_years) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// eventArgs are a valid event's values for insertEventSQL.
func eventArgs(appID int64, e timeline.Event) []any {
	return []any{appID, string(e.Type), e.Date.String(), e.Note, dateArg(e.By), dateArg(e.Deadline), dateArg(e.Until),
		intArg(e.Base), intArg(e.Bonus), intArg(e.Equity), strArg(e.Currency), strArg(e.At),
		intArg(int64(e.BonusPercent)), intArg(e.Signon), intArg(int64(e.VestingYears))}
}

// DeleteEvent removes one event (to correct a mistake) and returns it with
// its application's id.
func (s *Store) DeleteEvent(eventID int64) (timeline.Event, int64, error) {
	var e timeline.Event
	var appID int64
	err := s.tx(func(tx *sql.Tx) error {
		var err error
		e, err = scanEvent(tx.QueryRow("SELECT application_id, "+eventColumns+" FROM events WHERE id = ?", eventID), &appID)
		if errors.Is(err, sql.ErrNoRows) {
			return notFoundError(fmt.Sprintf("no event with id %d (see `afterview events APP_ID`)", eventID))
		}
		if err != nil {
			return err
		}
		if _, err := tx.Exec("DELETE FROM events WHERE id = ?", eventID); err != nil {
			return err
		}
		return s.refresh(tx, appID)
	})
	return e, appID, err
}

// Events returns an application's events in timeline order.
func (s *Store) Events(appID int64) ([]timeline.Event, error) {
	if err := mustExist(s.db, appID); err != nil {
		return nil, err
	}
	evs, err := loadEvents(s.db, []int64{appID})
	return evs[appID], err
}

// Derive returns an application's full derivation on today, events included.
func (s *Store) Derive(id int64) (timeline.Derived, error) {
	app, err := s.Application(id)
	if err != nil {
		return timeline.Derived{}, err
	}
	set, err := s.Settings()
	if err != nil {
		return timeline.Derived{}, err
	}
	evs, err := loadEvents(s.db, []int64{id})
	if err != nil {
		return timeline.Derived{}, err
	}
	return timeline.Derive(app, evs[id], set, s.today()), nil
}
