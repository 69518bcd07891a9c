package store

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
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
// its own (no -wal file). A damaged database is refused, not copied. The
// copy goes through the one atomic writer's steps (see atomic.go): written to
// a temporary file beside path, checked, synced and only then moved into
// place, so a failed or interrupted backup leaves no half-written file and no
// temporary one, and an older backup at path survives it. Missing folders are
// made. An existing file is overwritten only with force, and never the live
// database or one of its files. The copy is an ordinary afterview database:
// open it with --db.
func (s *Store) Backup(path string, force bool) (BackupInfo, error) {
	info := BackupInfo{Path: path}
	target, err := outputTarget(path, s.path)
	if err != nil {
		return info, err
	}
	if st, err := os.Stat(target); err == nil {
		if !force {
			return info, fmt.Errorf("%s already exists (use --force to overwrite it)", path)
		}
		if !st.Mode().IsRegular() {
			return info, fmt.Errorf("%s is not a regular file: back up to a file", path)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return info, fmt.Errorf("cannot write %s: %v", path, unwrapPathErr(err))
	}
	if problems, err := s.quickCheck(); err != nil {
		return info, fmt.Errorf("back up %s: %w", s.path, err)
	} else if len(problems) > 0 {
		return info, fmt.Errorf("%s is damaged (%s): nothing was copied; run afterview doctor, and restore an earlier backup", s.path, problems[0])
	}
	// VACUUM INTO accepts an empty file, so the copy is created private (0600).
	p, f, err := createPending(target, tempBackup, path)
	if err != nil {
		return info, err
	}
	f.Close()
	defer p.abort()
	if _, err := s.db.Exec("VACUUM INTO ?", p.tmp); err != nil {
		return info, fmt.Errorf("back up %s: %w", s.path, err)
	}
	if err := checkBackup(p.tmp, &info); err != nil {
		return info, err
	}
	if err := p.commit(force); err != nil {
		return info, err
	}
	if st, err := os.Stat(target); err == nil {
		info.Bytes = st.Size()
	}
	return info, nil
}

// quickCheck runs PRAGMA quick_check on the live database and returns what
// it found wrong (nothing when it is sound).
func (s *Store) quickCheck() ([]string, error) {
	return s.checkPragma("quick_check")
}

// Integrity runs PRAGMA integrity_check, SQLite's full check of the file's
// structure, and returns the problems it reports (none when the file is
// sound). afterview doctor prints them.
func (s *Store) Integrity() ([]string, error) {
	return s.checkPragma("integrity_check")
}

func (s *Store) checkPragma(pragma string) ([]string, error) {
	rows, err := s.db.Query("PRAGMA " + pragma)
	if err != nil {
		return []string{err.Error()}, nil // a file too damaged to check is damaged
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return nil, err
		}
		if line != "ok" {
			out = append(out, line)
		}
	}
	if err := rows.Err(); err != nil {
		out = append(out, err.Error())
	}
	return out, nil
}

// checkBackup opens the copy read-only, checks its integrity and counts
// what it holds.
func checkBackup(path string, info *BackupInfo) error {
	db, err := sql.Open("sqlite", dsn(path, false, false))
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
