// Package store keeps afterview's data in one SQLite file (modernc.org/sqlite,
// pure Go): applications, their events and the settings, behind a typed API.
// It also keeps, with each application's row, the timeline.Summary that
// timeline.Derive gives for it, recomputed inside the same transaction as every
// write that touches the application, so that the list, the chase view and
// the TUI's first frame read one row per application instead of every event.
// It knows nothing of Bubble Tea.
package store

import (
	"bytes"
	"context"
	"database/sql"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/adrg/xdg"
	"github.com/afterview/afterview/timeline"
	"modernc.org/sqlite" // registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"
)

// applicationID marks a SQLite file as afterview's ("AFTV").
const applicationID = 1095128150

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Store is an open afterview database.
type Store struct {
	db    *sql.DB
	dv    *sql.Conn // a connection of its own, so PRAGMA data_version sees others' commits
	path  string
	today func() timeline.Date

	// DataVersion's bookkeeping (dvMu guards it and the use of dv): the raw
	// PRAGMA data_version last seen, and the count of foreign changes
	// DataVersion returns. The store's own commits are seen and set aside,
	// so that a program polling for others' changes (the TUI) does not take
	// its own writes for theirs and reload everything after every save.
	dvMu      sync.Mutex
	dvSeen    int64
	dvForeign int64

	// noStaleOn is the day (as int64) on which staleEntries last found every
	// kept summary holding, for the hasStale that follows it in the same
	// command (the chase view's expedite step); 0 when there is none to use.
	noStaleOn atomic.Int64
}

// DefaultPath returns the database file used when neither --db nor
// AFTERVIEW_DB names one: afterview/afterview.db under the XDG data home.
func DefaultPath() string {
	return filepath.Join(xdg.DataHome, "afterview", "afterview.db")
}

// Open opens the database at path, creating it (directory 0700, file 0600)
// and bringing its schema up to date. today tells the store the current civil
// date whenever it derives (main honours --today). A file that is not SQLite,
// a SQLite database of another program, or one written by a newer afterview is
// refused with an error that names the file and what to do, and is left
// untouched.
func Open(path string, today func() timeline.Date) (*Store, error) {
	if err := prepareFile(path); err != nil {
		return nil, err
	}
	s, err := openMigrated(path, today)
	if err != nil {
		return nil, err
	}
	if err := s.refreshIfRulesChanged(); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// openMigrated opens the file and brings its schema up to date. While many
// afterviews open a new file at once, SQLite may answer "database is locked"
// at once instead of waiting, when one of them is switching the file to
// write-ahead logging; the open is then tried again after a short pause,
// for as long as a write would wait (busyTimeout).
func openMigrated(path string, today func() timeline.Date) (*Store, error) {
	deadline := time.Now().Add(busyTimeout)
	for pause := 5 * time.Millisecond; ; pause = min(2*pause, 200*time.Millisecond) {
		db, err := sql.Open("sqlite", dsn(path, true, !isWAL(path)))
		if err != nil {
			return nil, fmt.Errorf("open %s: %w", path, err)
		}
		s := &Store{db: db, path: path, today: today}
		err = s.migrate()
		if err == nil {
			return s, nil
		}
		db.Close()
		if !isLocked(err) || time.Now().After(deadline) {
			return nil, err
		}
		time.Sleep(pause + time.Duration(rand.Int64N(int64(pause))))
	}
}

// isLocked reports whether err is SQLite's "database is locked" (or "table
// is locked").
func isLocked(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && (se.Code()&0xff == sqlite3.SQLITE_BUSY || se.Code()&0xff == sqlite3.SQLITE_LOCKED)
}

// busyTimeout is how long a write waits for another afterview's write to
// finish before it gives up with errBusy's message: long enough for hundreds
// of writers queueing at once (each commit takes milliseconds), short enough
// that a stuck one is reported. A variable so that tests can shorten it.
var busyTimeout = 30 * time.Second

// dsn returns the driver's name for the file: per-connection PRAGMAs go here
// so that every pooled connection gets them. The read-write form makes every
// transaction BEGIN IMMEDIATE, so two writers queue instead of deadlocking;
// setWAL switches the file to write-ahead logging, which then stays so (the
// file's header records it), so that a file already in that mode is spared
// the statement.
func dsn(path string, readWrite, setWAL bool) string {
	u := url.URL{Scheme: "file", OmitHost: true, Path: path}
	q := fmt.Sprintf("_pragma=busy_timeout(%d)", busyTimeout.Milliseconds())
	if readWrite {
		q += "&_pragma=foreign_keys(1)"
		if setWAL {
			q += "&_pragma=journal_mode(WAL)"
		}
		q += "&_pragma=synchronous(FULL)&_txlock=immediate"
	} else {
		q += "&mode=ro"
	}
	return u.String() + "?" + q
}

// isWAL reports whether the file's header says it is in write-ahead logging
// mode (its read and write format versions are 2).
func isWAL(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 20)
	if _, err := io.ReadFull(f, head); err != nil {
		return false
	}
	return bytes.Equal(head[:len(sqliteMagic)], sqliteMagic) && head[18] == 2 && head[19] == 2
}

// probeDSN opens a file only to look at it: read-only and, when no -wal file
// needs reading, immutable, so that SQLite creates no -wal, -shm or -journal
// file beside a file that afterview then refuses.
func probeDSN(path string, immutable bool) string {
	u := url.URL{Scheme: "file", OmitHost: true, Path: path}
	q := "mode=ro"
	if immutable {
		q += "&immutable=1"
	} else {
		q += fmt.Sprintf("&_pragma=busy_timeout(%d)", busyTimeout.Milliseconds())
	}
	return u.String() + "?" + q
}

// busy rewords SQLite's "database is locked" once the wait is over: it names
// the file and says why. Other errors pass through.
func (s *Store) busy(err error) error {
	if isLocked(err) {
		return fmt.Errorf("%s is busy: another afterview is writing to it and has not finished after %s; try again when it is done (quit an afterview that hangs)", s.path, busyTimeout)
	}
	return err
}

// sqliteMagic begins every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// prepareFile makes sure path is a file afterview may open: it creates the
// directory and an empty file when there is none, and refuses anything that
// is not an afterview database without changing a byte of it.
func prepareFile(path string) error {
	hint := "(use --db or AFTERVIEW_DB to pick another file)"
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return fmt.Errorf("cannot create the directory for %s: %v %s", path, unwrapPathErr(err), hint)
		}
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			return prepareFile(path) // another process made it meanwhile: check it as theirs
		}
		if err != nil {
			return fmt.Errorf("cannot create %s: %v %s", path, unwrapPathErr(err), hint)
		}
		return f.Close()
	case err != nil:
		return fmt.Errorf("cannot open %s: %v %s", path, unwrapPathErr(err), hint)
	case st.IsDir():
		return fmt.Errorf("%s is a directory, not an afterview database %s", path, hint)
	case !st.Mode().IsRegular():
		return fmt.Errorf("%s is not a regular file (a device, a pipe…), not an afterview database %s", path, hint)
	case st.Size() == 0:
		return nil // an empty file is an empty database: ours to fill
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return fmt.Errorf("cannot open %s for writing: %v %s", path, unwrapPathErr(err), hint)
	}
	head := make([]byte, 100)
	_, err = io.ReadFull(f, head)
	f.Close()
	if err != nil || !bytes.Equal(head[:len(sqliteMagic)], sqliteMagic) {
		return fmt.Errorf("%s is not an afterview database (not SQLite at all) %s", path, hint)
	}
	// The header says whose file it is (application_id, offset 68) and its
	// schema version (user_version, offset 60). When it says ours, that is
	// the fast path of every command; otherwise (a header not yet brought up
	// to date from the write-ahead log, say) ask SQLite itself.
	if err := checkLength(path, head, st.Size()); err != nil {
		return err
	}
	appID, version := binary.BigEndian.Uint32(head[68:]), binary.BigEndian.Uint32(head[60:])
	if appID != applicationID || int(version) > len(migrationNames()) {
		return checkOurs(path, hint)
	}
	return nil
}

// checkLength refuses a file shorter than its header says it is (page count
// × page size): a copy cut short, which SQLite would open and then damage
// further. A file with a -wal or -journal file beside it is left to SQLite,
// which finishes or undoes the interrupted write from that file first.
func checkLength(path string, head []byte, size int64) error {
	pageSize := int64(binary.BigEndian.Uint16(head[16:]))
	if pageSize == 1 {
		pageSize = 65536
	}
	pages := int64(binary.BigEndian.Uint32(head[28:]))
	counter, validFor := binary.BigEndian.Uint32(head[24:]), binary.BigEndian.Uint32(head[92:])
	if pages == 0 || counter != validFor {
		return nil // an old writer left the page count unset: SQLite counts itself
	}
	for _, companion := range []string{"-wal", "-journal"} {
		if st, err := os.Stat(path + companion); err == nil && st.Size() > 0 {
			return nil
		}
	}
	if pageSize < 512 || pageSize&(pageSize-1) != 0 {
		return fmt.Errorf("%s is damaged: its header gives an impossible page size (%d); it was not opened. Restore a backup (afterview backup makes them)", path, pageSize)
	}
	if want := pages * pageSize; size < want {
		return fmt.Errorf("%s is damaged: it is %d bytes long but its header says %d (cut short, by a failed copy or a full disk?); it was not opened. Restore a backup (afterview backup makes them)", path, size, want)
	}
	return nil
}

// checkOurs opens a SQLite file read-only and checks that it is afterview's
// and not newer than this binary. It leaves nothing behind: a file nobody has
// open (no -wal or -shm beside it) is read as immutable, which makes no file;
// one in use is read under SQLite's locks (another afterview may be creating
// it this very moment), and a -shm file that reading made is removed again.
func checkOurs(path, hint string) error {
	err := probeOurs(path, hint, !inUse(path))
	if err != nil && inUse(path) {
		// Read without locks while another connection wrote: read again, locked.
		err = probeOurs(path, hint, false)
	}
	return err
}

// inUse reports whether a -wal or -shm file is beside path: some connection
// has the database open, or had it when it was killed.
func inUse(path string) bool {
	for _, c := range []string{"-wal", "-shm"} {
		if _, err := os.Lstat(path + c); err == nil {
			return true
		}
	}
	return false
}

// probeOurs is one read of checkOurs. A -shm file is removed only when the
// file is refused and the -shm was not there before: one of a database in use
// must never go.
func probeOurs(path, hint string, immutable bool) (err error) {
	_, shmErr := os.Lstat(path + "-shm")
	db, err := sql.Open("sqlite", probeDSN(path, immutable))
	if err != nil {
		return fmt.Errorf("cannot open %s: %v %s", path, err, hint)
	}
	defer func() {
		db.Close()
		if err != nil && !immutable && shmErr != nil {
			os.Remove(path + "-shm")
		}
	}()
	var appID, version, tables int
	// One statement, so one snapshot: read apart, a migration committed by
	// another process in between would show its tables without its id.
	err = db.QueryRow(`SELECT (SELECT application_id FROM pragma_application_id()),
		(SELECT user_version FROM pragma_user_version()), (SELECT count(*) FROM sqlite_schema)`).Scan(&appID, &version, &tables)
	switch {
	case err != nil:
		return fmt.Errorf("%s is not an afterview database (%v) %s", path, err, hint)
	case appID == 0 && tables == 0 && version == 0:
		return nil // an empty SQLite file: ours to fill
	case appID != applicationID:
		return fmt.Errorf("%s is a SQLite database of another program, not afterview's %s", path, hint)
	case version > len(migrationNames()):
		return fmt.Errorf("%s was written by a newer afterview (schema %d; this one knows %d): upgrade afterview to open it", path, version, len(migrationNames()))
	}
	return nil
}

// unwrapPathErr drops the path from an *fs.PathError: the caller names it.
func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// migrationNames returns the embedded migrations in order.
func migrationNames() []string {
	entries, _ := fs.ReadDir(migrationFiles, "migrations")
	var names []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".sql") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names
}

// migrate applies every migration the file has not had yet, each in one
// transaction that also sets PRAGMA user_version.
func (s *Store) migrate() error {
	var version int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("cannot open %s: %w (afterview must be able to write the file and its directory; or use --db to pick another file)", s.path, err)
	}
	names := migrationNames()
	for i := version; i < len(names); i++ {
		body, err := migrationFiles.ReadFile("migrations/" + names[i])
		if err != nil {
			return err
		}
		err = s.tx(func(tx *sql.Tx) error {
			// Another afterview opening the file at the same moment may
			// have applied it while this one waited for the write lock.
			var now int
			if err := tx.QueryRow("PRAGMA user_version").Scan(&now); err != nil || now > i {
				return err
			}
			if _, err := tx.Exec(string(body)); err != nil {
				return err
			}
			_, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", i+1))
			return err
		})
		if err != nil {
			return fmt.Errorf("upgrade %s to schema %d (%s): %w", s.path, i+1, names[i], err)
		}
	}
	return nil
}

// Close closes the database.
func (s *Store) Close() error {
	if s.dv != nil {
		s.dv.Close()
	}
	return s.db.Close()
}

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// tx runs f in one write transaction: committed when f returns nil, rolled
// back otherwise.
func (s *Store) tx(f func(tx *sql.Tx) error) error {
	tx, err := s.db.Begin()
	if err != nil {
		return s.busy(err)
	}
	// The write lock is held from here (BEGIN IMMEDIATE): no other process
	// commits until this transaction ends, so a change of data_version seen
	// now is theirs, and the change seen after the commit is ours.
	s.dvMu.Lock()
	defer s.dvMu.Unlock()
	s.seeForeignLocked()
	if err := f(tx); err != nil {
		tx.Rollback()
		return s.busy(err)
	}
	if err := tx.Commit(); err != nil {
		return s.busy(err)
	}
	if v, err := s.rawDataVersionLocked(); err == nil {
		s.dvSeen = v // our own commit: not a foreign change
	}
	return nil
}

// DataVersion returns a number that changes whenever another connection or
// process commits a change to the database, and not when this store does.
// Its connection is made at the first call (a command that does not poll
// does not pay for it), so changes are counted from then on.
func (s *Store) DataVersion() (int64, error) {
	s.dvMu.Lock()
	defer s.dvMu.Unlock()
	if s.dv == nil {
		dv, err := s.db.Conn(context.Background())
		if err != nil {
			return 0, fmt.Errorf("open %s: %w", s.path, err)
		}
		s.dv = dv
		if s.dvSeen, err = s.rawDataVersionLocked(); err != nil {
			return 0, err
		}
		return s.dvForeign, nil
	}
	if err := s.seeForeignLocked(); err != nil {
		return 0, err
	}
	return s.dvForeign, nil
}

// seeForeignLocked counts a change of PRAGMA data_version since the last look
// as a foreign one. dvMu is held.
func (s *Store) seeForeignLocked() error {
	v, err := s.rawDataVersionLocked()
	if err != nil || s.dv == nil {
		return err
	}
	if v != s.dvSeen {
		s.dvSeen = v
		s.dvForeign++
	}
	return nil
}

// rawDataVersionLocked reads PRAGMA data_version on the store's own
// connection (0 before DataVersion has made it). dvMu is held.
func (s *Store) rawDataVersionLocked() (int64, error) {
	if s.dv == nil {
		return 0, nil
	}
	var v int64
	err := s.dv.QueryRowContext(context.Background(), "PRAGMA data_version").Scan(&v)
	return v, err
}
