package store

import (
	"database/sql"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/afterview/afterview/timeline"
)

// companions lists the -wal, -shm and -journal files beside path.
func companions(path string) []string {
	var out []string
	for _, c := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Lstat(path + c); err == nil {
			out = append(out, path+c)
		}
	}
	return out
}

// closedDemo writes a closed database of n sample applications and returns
// its path.
func closedDemo(t *testing.T, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "real.db")
	s, err := Open(path, func() timeline.Date { return day })
	if err != nil {
		t.Fatal(err)
	}
	if err := FillDemo(s, n); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if c := companions(path); len(c) > 0 {
		t.Fatalf("closing left %v", c)
	}
	return path
}

func copyHead(t *testing.T, from, to string, n int64) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	if _, err := io.CopyN(out, in, n); err != nil {
		t.Fatal(err)
	}
}

// Issue 11, item 2: `head -c 49000 real.db > L.db` was opened, rewritten and
// called healthy.
func TestOpenRefusesATruncatedFileUntouched(t *testing.T) {
	real := closedDemo(t, 60)
	st, _ := os.Stat(real)
	if st.Size() <= 49000 {
		t.Fatalf("the sample is only %d bytes", st.Size())
	}
	cut := filepath.Join(t.TempDir(), "L.db")
	copyHead(t, real, cut, 49000)
	before := sum(t, cut)
	_, err := Open(cut, func() timeline.Date { return day })
	want := fmt.Sprintf("%s is damaged: it is 49000 bytes long but its header says %d", cut, st.Size())
	if err == nil || !strings.HasPrefix(err.Error(), want) || !strings.Contains(err.Error(), "Restore a backup") {
		t.Fatalf("error = %v, want %q…", err, want)
	}
	if sum(t, cut) != before {
		t.Error("the file was changed")
	}
	if c := companions(cut); len(c) > 0 {
		t.Errorf("refusing left %v", c)
	}
}

// Issue 11, item 2: a file whose pages are damaged (its length is right) is
// reported by Integrity, and Backup refuses to copy it.
func TestIntegrityReportsAndBackupRefusesADamagedDatabase(t *testing.T) {
	path := closedDemo(t, 60)
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	// Scribble over the b-tree pages after the schema's.
	junk := []byte(strings.Repeat("\xde\xad\xbe\xef", 1024))
	for _, page := range []int64{3, 4, 5, 6} {
		f.WriteAt(junk, page*4096+8)
	}
	f.Close()
	s, err := Open(path, func() timeline.Date { return day })
	if err != nil {
		// Refused outright is fine too; but it must say damaged.
		if !strings.Contains(err.Error(), "malformed") && !strings.Contains(err.Error(), "damaged") {
			t.Fatalf("open: %v", err)
		}
		return
	}
	defer s.Close()
	problems, err := s.Integrity()
	if err != nil || len(problems) == 0 {
		t.Fatalf("Integrity() = %v, %v; want problems", problems, err)
	}
	out := filepath.Join(t.TempDir(), "backup.db")
	if _, err := s.Backup(out, false); err == nil || !strings.Contains(err.Error(), "is damaged") || !strings.Contains(err.Error(), "nothing was copied") {
		t.Errorf("Backup of a damaged database: %v", err)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a backup was written")
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".afterview-*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// Issue 11, item 3: refusing a file leaves nothing beside it, and a SQLite
// file without tables is ours only if nothing in its header says otherwise.
func TestRefusingAFileLeavesNothingBehind(t *testing.T) {
	dir := t.TempDir()
	makeDB := func(name string, stmts ...string) string {
		path := filepath.Join(dir, name)
		db, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range stmts {
			if _, err := db.Exec(q); err != nil {
				t.Fatal(err)
			}
		}
		db.Close()
		if c := companions(path); len(c) > 0 {
			t.Fatalf("making %s left %v", name, c)
		}
		return path
	}
	newer := filepath.Join(dir, "newer.db")
	s, err := Open(newer, func() timeline.Date { return day })
	if err != nil {
		t.Fatal(err)
	}
	s.db.Exec("PRAGMA user_version = 99")
	s.Close()
	cases := []struct{ name, path, want string }{
		{"another program's WAL database", makeDB("foreign.db", "PRAGMA journal_mode=WAL", "CREATE TABLE songs (title TEXT)"), "is a SQLite database of another program"},
		{"no tables but a user_version", makeDB("versioned.db", "PRAGMA user_version = 7"), "is a SQLite database of another program"},
		{"no tables but another application_id", makeDB("claimed.db", "PRAGMA application_id = 42"), "is a SQLite database of another program"},
		{"a newer afterview's", newer, "was written by a newer afterview (schema 99"},
		{"a device", os.DevNull, "is not a regular file"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var before [32]byte
			if c.path != os.DevNull {
				before = sum(t, c.path)
			}
			_, err := Open(c.path, func() timeline.Date { return day })
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), c.path) {
				t.Fatalf("error = %v, want it to name the file and say %q", err, c.want)
			}
			if c.path != os.DevNull && sum(t, c.path) != before {
				t.Error("the file was changed")
			}
			if left := companions(c.path); len(left) > 0 {
				t.Errorf("refusing left %v", left)
			}
		})
	}
}

// A newer afterview killed with its -wal file still there: reading the
// header needs the -wal, and the -shm that reading makes is removed again.
func TestRefusingAFileWithAWalFileLeavesItAsItWas(t *testing.T) {
	dir := t.TempDir()
	live := filepath.Join(dir, "live.db")
	db, _ := sql.Open("sqlite", live)
	db.SetMaxOpenConns(1)
	for _, q := range []string{"PRAGMA journal_mode=WAL", "PRAGMA wal_autocheckpoint=0",
		"CREATE TABLE t (x)", "PRAGMA application_id = 1095128150", "PRAGMA user_version = 99", "INSERT INTO t VALUES (1)"} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	// Copy the file and its -wal while open, as a crash would leave them.
	killed := filepath.Join(dir, "killed.db")
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(live + suffix)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(killed+suffix, b, 0o600)
	}
	db.Close()
	walBefore := sum(t, killed+"-wal")
	_, err := Open(killed, func() timeline.Date { return day })
	if err == nil || !strings.Contains(err.Error(), "was written by a newer afterview (schema 99") {
		t.Fatalf("error = %v", err)
	}
	if sum(t, killed+"-wal") != walBefore {
		t.Error("the -wal file changed")
	}
	if _, err := os.Stat(killed + "-shm"); err == nil {
		t.Error("a -shm file was left")
	}
}

// Issue 11, item 6: 200 writers at once, each with its own connection to the
// same new file, all succeed.
func TestTwoHundredWritersAtOnceAllSucceed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "busy.db")
	const writers = 200
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for i := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := Open(path, func() timeline.Date { return day })
			if err != nil {
				errs <- err
				return
			}
			defer s.Close()
			id, err := s.AddApplication(timeline.Application{Company: fmt.Sprintf("Writer %d", i)})
			if err == nil {
				_, err = s.LogEvent(id, timeline.Event{Type: timeline.EventInterview, Date: day})
			}
			if err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	s, err := Open(path, func() timeline.Date { return day })
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var apps, events int
	s.db.QueryRow("SELECT count(*) FROM applications").Scan(&apps)
	s.db.QueryRow("SELECT count(*) FROM events").Scan(&events)
	if apps != writers || events != writers {
		t.Errorf("%d applications and %d events, want %d of each", apps, events, writers)
	}
}

// Issue 11, item 6: a lock held longer than the wait ends in a message that
// names the file and says another afterview is writing.
func TestALockHeldTooLongSaysAnotherAfterviewIsWriting(t *testing.T) {
	defer func(d time.Duration) { busyTimeout = d }(busyTimeout)
	busyTimeout = 200 * time.Millisecond
	s := openTest(t)
	other, err := Open(s.Path(), func() timeline.Date { return day })
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	tx, err := other.db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec("INSERT INTO settings (key, value) VALUES ('name', 'Kim')"); err != nil {
		t.Fatal(err)
	}
	_, err = s.AddApplication(timeline.Application{Company: "Acme"})
	want := s.Path() + " is busy: another afterview is writing to it"
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error = %v, want %q…", err, want)
	}
}

// TestWriterProcess is one writer process of
// TestManyWriterProcessesAllSucceed (it does nothing when run on its own).
func TestWriterProcess(t *testing.T) {
	path := os.Getenv("AFTERVIEW_TEST_WRITER_DB")
	if path == "" {
		t.Skip("a writer process of TestManyWriterProcessesAllSucceed")
	}
	s, err := Open(path, func() timeline.Date { return day })
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.AddApplication(timeline.Application{Company: "Writer " + os.Getenv("AFTERVIEW_TEST_WRITER_N")}); err != nil {
		t.Fatal(err)
	}
}

// Issue 11, item 6, across processes: forty afterviews started at once on one
// new file all write their application.
func TestManyWriterProcessesAllSucceed(t *testing.T) {
	if testing.Short() {
		t.Skip("starts forty processes")
	}
	path := filepath.Join(t.TempDir(), "busy.db")
	const writers = 40
	cmds := make([]*exec.Cmd, writers)
	outs := make([]*strings.Builder, writers)
	for i := range cmds {
		cmds[i] = exec.Command(os.Args[0], "-test.run=^TestWriterProcess$", "-test.count=1")
		cmds[i].Env = append(os.Environ(), "AFTERVIEW_TEST_WRITER_DB="+path, fmt.Sprintf("AFTERVIEW_TEST_WRITER_N=%d", i))
		outs[i] = &strings.Builder{}
		cmds[i].Stdout, cmds[i].Stderr = outs[i], outs[i]
		if err := cmds[i].Start(); err != nil {
			t.Fatal(err)
		}
	}
	for i, c := range cmds {
		if err := c.Wait(); err != nil {
			t.Errorf("writer %d: %v\n%s", i, err, outs[i])
		}
	}
	s, err := Open(path, func() timeline.Date { return day })
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var apps int
	s.db.QueryRow("SELECT count(*) FROM applications").Scan(&apps)
	if apps != writers {
		t.Errorf("%d applications, want %d", apps, writers)
	}
}
