package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/afterview/afterview/timeline"
)

// day is the fixed today of these tests: Thursday 26 November 2026.
var day = timeline.MustDate("2026-11-26")

// openAt opens a fresh store in a temporary directory on a settable today.
func openAt(t *testing.T, today *timeline.Date) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "afterview.db"), func() timeline.Date { return *today })
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func openTest(t *testing.T) *Store {
	t.Helper()
	today := day
	return openAt(t, &today)
}

func sum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestOpenCreatesPrivateDirectoryAndFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "deep", "er", "afterview.db")
	s, err := Open(path, func() timeline.Date { return day })
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("file mode = %v, want 0600", st.Mode().Perm())
	}
	dst, _ := os.Stat(filepath.Dir(path))
	if dst.Mode().Perm() != 0o700 {
		t.Errorf("directory mode = %v, want 0700", dst.Mode().Perm())
	}
	// Reopening an existing database works and keeps its schema version.
	s, err = Open(path, func() timeline.Date { return day })
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	var v, appID int
	s.db.QueryRow("PRAGMA user_version").Scan(&v)
	s.db.QueryRow("PRAGMA application_id").Scan(&appID)
	s.Close()
	if v != len(migrationNames()) || appID != applicationID {
		t.Errorf("user_version %d application_id %d, want %d and %d", v, appID, len(migrationNames()), applicationID)
	}
}

func TestOpenRefusesWhatIsNotOursAndLeavesItUntouched(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("my job search notes\n"), 0o644)

	foreign := filepath.Join(dir, "foreign.db")
	db, _ := sql.Open("sqlite", foreign)
	db.Exec("CREATE TABLE songs (title TEXT)")
	db.Close()

	newer := filepath.Join(dir, "newer.db")
	s, err := Open(newer, func() timeline.Date { return day })
	if err != nil {
		t.Fatal(err)
	}
	s.db.Exec("PRAGMA user_version = 99")
	s.Close()

	cases := []struct {
		name, path, want string
	}{
		{"a text file", text, "is not an afterview database (not SQLite at all) (use --db or AFTERVIEW_DB to pick another file)"},
		{"another program's SQLite file", foreign, "is a SQLite database of another program"},
		{"a schema newer than this binary", newer, fmt.Sprintf("was written by a newer afterview (schema 99; this one knows %d): upgrade afterview", len(migrationNames()))},
		{"a directory", dir, "is a directory, not an afterview database"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var before [32]byte
			if c.path != dir {
				before = sum(t, c.path)
			}
			_, err := Open(c.path, func() timeline.Date { return day })
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), c.path) {
				t.Fatalf("error = %v, want it to name the file and say %q", err, c.want)
			}
			if c.path != dir && sum(t, c.path) != before {
				t.Error("the file was changed")
			}
		})
	}
}

func TestOpenRefusesAnUnwritableDirectory(t *testing.T) {
	if os.Geteuid() == 0 {
		// root writes anywhere; a path under a file cannot be created by anyone.
		f := filepath.Join(t.TempDir(), "file")
		os.WriteFile(f, nil, 0o600)
		_, err := Open(filepath.Join(f, "afterview.db"), func() timeline.Date { return day })
		if err == nil || !strings.HasPrefix(err.Error(), "cannot ") || !strings.Contains(err.Error(), "use --db") {
			t.Fatalf("error = %v", err)
		}
		return
	}
	dir := t.TempDir()
	os.Chmod(dir, 0o500)
	defer os.Chmod(dir, 0o700)
	_, err := Open(filepath.Join(dir, "afterview.db"), func() timeline.Date { return day })
	if err == nil || !strings.Contains(err.Error(), "cannot create") {
		t.Fatalf("error = %v", err)
	}
}

func TestNotFoundErrorsSayWhatToDo(t *testing.T) {
	s := openTest(t)
	checks := map[string]error{}
	_, checks["Application"] = s.Application(42)
	_, checks["LogEvent"] = s.LogEvent(42, timeline.Event{Type: timeline.EventNote, Date: day})
	checks["SetArchived"] = s.SetArchived(42, true)
	checks["DeleteApplication"] = s.DeleteApplication(42)
	checks["UpdateApplication"] = s.UpdateApplication(42, AppChanges{})
	_, checks["Events"] = s.Events(42)
	_, checks["Derive"] = s.Derive(42)
	for name, err := range checks {
		if !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "no application with id 42 (see `afterview list --all`)") {
			t.Errorf("%s: error = %v", name, err)
		}
	}
	_, _, err := s.DeleteEvent(7)
	if !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "no event with id 7") {
		t.Errorf("DeleteEvent: error = %v", err)
	}
}

func TestBadInputWritesNothing(t *testing.T) {
	s := openTest(t)
	id, err := s.AddApplication(timeline.Application{Company: "Acme"})
	if err != nil {
		t.Fatal(err)
	}
	v0 := dumpAll(t, s)
	if _, err := s.AddApplication(timeline.Application{Company: "  "}); err == nil {
		t.Error("an empty company was accepted")
	}
	// A bad event among good ones: the application is not added either.
	_, err = s.AddApplication(timeline.Application{Company: "Globex"},
		timeline.Event{Type: timeline.EventInterview, Date: day},
		timeline.Event{Type: timeline.EventSnooze, Date: day})
	if err == nil || !strings.Contains(err.Error(), "a snooze needs --until") {
		t.Errorf("error = %v", err)
	}
	if _, err := s.LogEvent(id, timeline.Event{Type: timeline.EventHeard, Date: day, Deadline: day}); err == nil {
		t.Error("a field the type does not take was accepted")
	}
	if err := s.SetSetting("reply_min_bd", "9"); err == nil || !strings.Contains(err.Error(), "reply_min_bd (9) is more than reply_max_bd (7)") {
		t.Errorf("error = %v", err)
	}
	if err := s.SetSetting("colour", "blue"); err == nil || !strings.Contains(err.Error(), "unknown setting") {
		t.Errorf("error = %v", err)
	}
	if err := s.UpdateApplication(id, AppChanges{Company: ptr("")}); err == nil {
		t.Error("an empty company was accepted by edit")
	}
	if got := dumpAll(t, s); got != v0 {
		t.Errorf("the database changed:\nbefore %s\nafter  %s", v0, got)
	}
}

func ptr(s string) *string { return &s }

// dumpAll renders every row of every table, to compare before and after.
func dumpAll(t *testing.T, s *Store) string {
	t.Helper()
	var b bytes.Buffer
	for _, q := range []string{"SELECT * FROM applications ORDER BY id", "SELECT * FROM events ORDER BY id", "SELECT * FROM settings ORDER BY key"} {
		rows, err := s.db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			rows.Scan(ptrs...)
			for _, v := range vals {
				b.WriteString(strings.TrimSpace(strings.ReplaceAll(string(fmtAny(v)), "\x1f", "|")) + ";")
			}
			b.WriteString("\n")
		}
		rows.Close()
	}
	return b.String()
}

func fmtAny(v any) []byte {
	switch x := v.(type) {
	case []byte:
		return x
	case string:
		return []byte(x)
	case nil:
		return []byte("NULL")
	}
	return []byte(strings.TrimSpace(strings.Trim(strings.ReplaceAll(sprint(v), "\n", " "), " ")))
}

// TestNewFilesAreInWALMode checks that a new database is switched to
// write-ahead logging (which Open then reads from the header instead of
// setting it again), and that every connection of a reopened one uses it.
func TestNewFilesAreInWALMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "afterview.db")
	today := day
	for round := 0; round < 2; round++ {
		s, err := Open(path, func() timeline.Date { return today })
		if err != nil {
			t.Fatal(err)
		}
		var mode string
		if err := s.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
			t.Errorf("round %d: journal_mode %q (%v), want wal", round, mode, err)
		}
		s.Close()
		if !isWAL(path) {
			t.Errorf("round %d: the header does not say WAL", round)
		}
	}
}

// TestOpenWaitsWhileAnotherHoldsTheFileExclusively checks that opening a
// file another connection holds exclusively (as one afterview switching a
// new file to write-ahead logging does while others open it) waits for it
// instead of failing with "database is locked".
func TestOpenWaitsWhileAnotherHoldsTheFileExclusively(t *testing.T) {
	path := filepath.Join(t.TempDir(), "afterview.db")
	today := day
	s, err := Open(path, func() timeline.Date { return today })
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	raw.SetMaxOpenConns(1)
	if _, err := raw.Exec("PRAGMA journal_mode=DELETE"); err != nil {
		t.Fatal(err)
	}
	conn, err := raw.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), "BEGIN EXCLUSIVE"); err != nil {
		t.Fatal(err)
	}
	released := make(chan struct{})
	go func() {
		time.Sleep(300 * time.Millisecond)
		conn.ExecContext(context.Background(), "ROLLBACK")
		close(released)
	}()
	s, err = Open(path, func() timeline.Date { return today })
	if err != nil {
		t.Fatalf("open while another held the file: %v", err)
	}
	defer s.Close()
	select {
	case <-released:
	default:
		t.Error("opened before the other connection let go")
	}
}
