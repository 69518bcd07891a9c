package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/afterview/afterview/timeline"
)

func TestBackupIsAPrivateCompleteDatabase(t *testing.T) {
	s := openTest(t)
	if err := FillDemo(s, 40); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting("holidays", "GB"); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "afterview-2026-11-26.db")
	info, err := s.Backup(path, false)
	if err != nil {
		t.Fatal(err)
	}
	if info.Applications != 40 || info.Events == 0 || info.Bytes == 0 {
		t.Errorf("info %+v", info)
	}
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v, %v; want 0600", st.Mode(), err)
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".afterview-backup-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
	// Restore by pointing --db at it: the same rows, settings and derivations.
	today := day
	b, err := Open(path, func() timeline.Date { return today })
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if got, want := dumpAll(t, b), dumpAll(t, s); got != want {
		t.Error("the backup's rows differ from the database's")
	}
}

func TestBackupTakesACommittedSnapshotWhileAnotherProcessWrites(t *testing.T) {
	s := openTest(t)
	if _, err := s.AddApplication(timeline.Application{Company: "Acme"}); err != nil {
		t.Fatal(err)
	}
	// The TUI, say: another connection with a write transaction under way.
	today := day
	tui, err := Open(s.Path(), func() timeline.Date { return today })
	if err != nil {
		t.Fatal(err)
	}
	defer tui.Close()
	tx, err := tui.db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec("INSERT INTO applications (company, created) VALUES ('Uncommitted', '2026-11-26')"); err != nil {
		t.Fatal(err)
	}
	info, err := s.Backup(filepath.Join(t.TempDir(), "b.db"), false)
	tx.Rollback()
	if err != nil {
		t.Fatalf("backup while another process writes: %v", err)
	}
	if info.Applications != 1 {
		t.Errorf("the backup holds %d applications, want the 1 committed", info.Applications)
	}
}

func TestBackupNeverOverwritesWithoutForceNorTheDatabaseItself(t *testing.T) {
	s := openTest(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "backup.db")
	if err := os.WriteFile(path, []byte("an older backup"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Backup(path, false); err == nil || err.Error() != path+" already exists (use --force to overwrite it)" {
		t.Errorf("error %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "an older backup" {
		t.Error("the existing file was changed")
	}
	if _, err := s.Backup(path, true); err != nil {
		t.Fatalf("with force: %v", err)
	}
	if b, _ := os.ReadFile(path); !strings.HasPrefix(string(b), "SQLite format 3") {
		t.Error("--force did not overwrite the file")
	}
	before := sum(t, s.Path())
	for _, force := range []bool{false, true} {
		if _, err := s.Backup(s.Path(), force); err == nil || !strings.Contains(err.Error(), "is the database itself") {
			t.Errorf("backup onto the database (force %v): %v", force, err)
		}
	}
	if sum(t, s.Path()) != before {
		t.Error("the database changed")
	}
	if _, err := s.Backup(dir, true); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("backup onto a directory: %v", err)
	}
	if _, err := s.Backup(filepath.Join(path, "under", "a", "file.db"), false); err == nil || !strings.Contains(err.Error(), "not a directory") {
		t.Errorf("backup under a file: %v", err)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".afterview-backup-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}
