package store

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// BackupInfo describes a finished backup.
type BackupInfo struct {
	Path         string
	Applications int
	Events       int
	Bytes        int64
}

// Backup writes a consistent copy of the database to path with SQLite's
// VACUUM INTO, which reads one snapshot: it is safe while the TUI or another
// afterview has the database open, and the copy is compact and complete on
// its own (no -wal file). The copy is written to a temporary file beside
// path, checked, synced and only then moved into place, so a failed backup
// leaves no half-written file and an older backup at path survives it. An
// existing file is overwritten only with force, and never the live database.
// The copy is an ordinary afterview database: open it with --db.
func (s *Store) Backup(path string, force bool) (BackupInfo, error) {
	info := BackupInfo{Path: path}
	if st, err := os.Stat(path); err == nil {
		live, lerr := os.Stat(s.path)
		switch {
		case st.IsDir():
			return info, fmt.Errorf("%s is a directory: name the backup file, e.g. %s", path, filepath.Join(path, "afterview-backup.db"))
		case lerr == nil && os.SameFile(st, live):
			return info, fmt.Errorf("%s is the database itself: back up to another file", path)
		case !force:
			return info, fmt.Errorf("%s already exists (use --force to overwrite it)", path)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return info, fmt.Errorf("cannot write %s: %v", path, unwrapPathErr(err))
	}
	dir := filepath.Dir(path)
	// VACUUM INTO accepts an empty file, so the copy is created private (0600).
	tmp, err := os.CreateTemp(dir, ".afterview-backup-*.db")
	if err != nil {
		return info, fmt.Errorf("cannot write the backup in %s: %v", dir, unwrapPathErr(err))
	}
	tmpName := tmp.Name()
	tmp.Close()
	done := false
	defer func() {
		if !done {
			os.Remove(tmpName)
		}
	}()
	if _, err := s.db.Exec("VACUUM INTO ?", tmpName); err != nil {
		return info, fmt.Errorf("back up %s: %w", s.path, err)
	}
	if err := checkBackup(tmpName, &info); err != nil {
		return info, err
	}
	if err := syncFile(tmpName); err != nil {
		return info, fmt.Errorf("back up to %s: %w", path, err)
	}
	if force {
		err = os.Rename(tmpName, path)
	} else if err = os.Link(tmpName, path); err == nil || errors.Is(err, fs.ErrExist) {
		// A link fails if path appeared meanwhile: never overwrite without force.
		if err != nil {
			return info, fmt.Errorf("%s already exists (use --force to overwrite it)", path)
		}
		os.Remove(tmpName)
	} else {
		err = os.Rename(tmpName, path) // a file system without hard links
	}
	if err != nil {
		return info, fmt.Errorf("back up to %s: %v", path, unwrapPathErr(err))
	}
	done = true
	syncDir(dir)
	if st, err := os.Stat(path); err == nil {
		info.Bytes = st.Size()
	}
	return info, nil
}

// checkBackup opens the copy read-only, checks its integrity and counts
// what it holds.
func checkBackup(path string, info *BackupInfo) error {
	db, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return err
	}
	defer db.Close()
	var ok string
	if err := db.QueryRow("PRAGMA quick_check").Scan(&ok); err != nil || ok != "ok" {
		return fmt.Errorf("the backup did not check out (%v %s): the database was not changed; try again", err, ok)
	}
	if err := db.QueryRow("SELECT count(*) FROM applications").Scan(&info.Applications); err != nil {
		return err
	}
	return db.QueryRow("SELECT count(*) FROM events").Scan(&info.Events)
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// syncDir makes a rename durable; best effort (not every system can).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
