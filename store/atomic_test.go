package store

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/afterview/afterview/timeline"
)

// liveStore opens a store with one application and keeps a second
// connection with a read transaction under way, so that its -wal and -shm
// files exist as they do while the TUI is open.
func liveStore(t *testing.T) *Store {
	t.Helper()
	s := openTest(t)
	if _, err := s.AddApplication(timeline.Application{Company: "Acme", Role: "SDE"}); err != nil {
		t.Fatal(err)
	}
	return s
}

func writeHello(w io.Writer) error {
	_, err := io.WriteString(w, "hello\n")
	return err
}

func TestOutputsRefuseTheDatabaseAndItsFilesWhateverThePath(t *testing.T) {
	s := liveStore(t)
	db := s.Path()
	dir := filepath.Dir(db)
	other := t.TempDir()
	os.Symlink(db+"-wal", filepath.Join(other, "link-to-wal"))
	os.Symlink(db, filepath.Join(other, "link-to-db"))
	os.Symlink(filepath.Join(other, "link-to-db"), filepath.Join(other, "link-to-link"))
	os.Link(db, filepath.Join(dir, "hard-link.db"))
	os.Mkdir(filepath.Join(dir, "sub"), 0o700)
	paths := map[string]string{
		db:                                   "the database itself",
		db + "-wal":                          "the database's -wal file",
		db + "-shm":                          "the database's -shm file",
		db + "-journal":                      "the database's -journal file",
		filepath.Join(other, "link-to-wal"):  "the database's -wal file",
		filepath.Join(other, "link-to-link"): "the database itself",
		filepath.Join(dir, "sub", "..", filepath.Base(db)+"-shm"): "the database's -shm file",
		filepath.Join(dir, "hard-link.db"):                        "the database itself",
	}
	sums := map[string][32]byte{}
	for _, f := range []string{db, db + "-wal", db + "-shm"} {
		sums[f] = sum(t, f)
	}
	for path, what := range paths {
		want := path + " is " + what + ": writing there would destroy your data; write to another file"
		if err := s.WriteFile(path, writeHello); err == nil || err.Error() != want {
			t.Errorf("WriteFile(%s) = %v, want %q", path, err, want)
		}
		for _, force := range []bool{false, true} {
			if _, err := s.Backup(path, force); err == nil || err.Error() != want {
				t.Errorf("Backup(%s, %v) = %v, want %q", path, force, err, want)
			}
		}
	}
	for f, before := range sums {
		if sum(t, f) != before {
			t.Errorf("%s changed", f)
		}
	}
	if _, err := os.Stat(db + "-journal"); err == nil {
		t.Error("a -journal file was made")
	}
	if _, err := s.Entries(true); err != nil {
		t.Errorf("the database no longer reads: %v", err)
	}
	if problems, err := s.Integrity(); err != nil || len(problems) > 0 {
		t.Errorf("integrity: %v %v", problems, err)
	}
}

func TestWriteFileIsPrivateWholeAndWritesThroughASymlink(t *testing.T) {
	s := liveStore(t)
	dir := t.TempDir()
	real := filepath.Join(dir, "real.ics")
	os.WriteFile(real, []byte("old\n"), 0o644)
	link := filepath.Join(dir, "feed.ics")
	if err := os.Symlink("real.ics", link); err != nil {
		t.Fatal(err)
	}
	if err := s.WriteFile(link, writeHello); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the symlink was replaced: %v %v", fi.Mode(), err)
	}
	if b, _ := os.ReadFile(real); string(b) != "hello\n" {
		t.Errorf("the link's target holds %q", b)
	}
	if fi, _ := os.Stat(real); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	// A write that fails leaves the old file and no temporary one.
	failing := func(w io.Writer) error {
		io.WriteString(w, "half")
		return errors.New("disk on fire")
	}
	if err := s.WriteFile(real, failing); err == nil || err.Error() != "disk on fire" {
		t.Errorf("error %v", err)
	}
	if b, _ := os.ReadFile(real); string(b) != "hello\n" {
		t.Errorf("a failed write changed the file: %q", b)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".afterview-*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	// Missing folders are made, private.
	deep := filepath.Join(dir, "a", "b", "out.json")
	if err := s.WriteFile(deep, writeHello); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(filepath.Dir(deep)); fi.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %v, want 0700", fi.Mode().Perm())
	}
	// A folder is refused; a device is written to as it is.
	if err := s.WriteFile(dir, writeHello); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("folder: %v", err)
	}
	if err := s.WriteFile(os.DevNull, writeHello); err != nil {
		t.Errorf("%s: %v", os.DevNull, err)
	}
	if fi, err := os.Stat(os.DevNull); err != nil || fi.Mode().IsRegular() {
		t.Errorf("%s was replaced by a file", os.DevNull)
	}
}

func TestBackupMakesMissingFoldersAndRemovesStaleTemporaryFiles(t *testing.T) {
	s := liveStore(t)
	dir := filepath.Join(t.TempDir(), "backups", "2026")
	path := filepath.Join(dir, "afterview.db")
	if _, err := s.Backup(path, false); err != nil {
		t.Fatalf("backup into a missing folder: %v", err)
	}
	if fi, _ := os.Stat(dir); fi.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %v, want 0700", fi.Mode().Perm())
	}
	// One left by a killed backup two hours ago goes; a running one's stays.
	stale := filepath.Join(dir, ".afterview-backup-123.db")
	fresh := filepath.Join(dir, ".afterview-backup-456.db")
	os.WriteFile(stale, []byte("a private copy"), 0o600)
	os.WriteFile(fresh, []byte("being written"), 0o600)
	old := time.Now().Add(-2 * time.Hour)
	os.Chtimes(stale, old, old)
	if _, err := s.Backup(path, true); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("the stale temporary file is still there")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a fresh temporary file (another backup's) was removed")
	}
	// A failure (the target appears meanwhile) removes the temporary file.
	os.Remove(fresh)
	p, f, err := createPending(filepath.Join(dir, "late.db"), tempBackup, "late.db")
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	os.WriteFile(filepath.Join(dir, "late.db"), []byte("someone else's"), 0o600)
	if err := p.commit(false); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("commit onto a file that appeared: %v", err)
	}
	p.abort()
	if left, _ := filepath.Glob(filepath.Join(dir, ".afterview-*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
