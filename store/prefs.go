package store

import (
	"database/sql"
	"errors"
)

// Display preferences: how this database's owner likes afterview to look,
// kept in the meta table. They are not settings of the job search (they do
// not travel in an export and change no derivation).

// Theme returns the colour theme set with `afterview config theme`, or ""
// when none was set.
func (s *Store) Theme() (string, error) {
	var v string
	err := s.db.QueryRow("SELECT value FROM meta WHERE key = 'theme'").Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, err
}

// SetTheme keeps the colour theme; "" forgets it. The caller checks the
// value (tui.ParseTheme).
func (s *Store) SetTheme(theme string) error {
	return s.tx(func(tx *sql.Tx) error {
		if theme == "" {
			_, err := tx.Exec("DELETE FROM meta WHERE key = 'theme'")
			return err
		}
		_, err := tx.Exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('theme', ?)", theme)
		return err
	})
}
