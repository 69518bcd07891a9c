package store

import (
	"math/rand"
	"testing"
)

// TestSettingRewritesOnlyTheRowsItChanges checks that re-deriving every
// application after a setting changes writes only the rows whose summary
// moved, and that the kept summaries still equal fresh derivations.
func TestSettingRewritesOnlyTheRowsItChanges(t *testing.T) {
	today := day
	s := openAt(t, &today)
	r := rand.New(rand.NewSource(3))
	for i := 0; i < 80; i++ {
		randomApplication(t, s, r, today, i)
	}
	// A trigger counts the rows written (a test-only table in the test's file).
	for _, q := range []string{
		"CREATE TABLE rewrites (id INTEGER)",
		"CREATE TRIGGER count_rewrites AFTER UPDATE OF summary ON applications BEGIN INSERT INTO rewrites VALUES (new.id); END",
	} {
		if _, err := s.db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	rewrites := func() int {
		var n int
		if err := s.db.QueryRow("SELECT count(*) FROM rewrites").Scan(&n); err != nil {
			t.Fatal(err)
		}
		s.db.Exec("DELETE FROM rewrites")
		return n
	}
	if err := s.SetSetting("lookahead_days", "5"); err != nil {
		t.Fatal(err)
	}
	if n := rewrites(); n != 0 {
		t.Errorf("lookahead_days (not part of any summary) rewrote %d rows, want none", n)
	}
	if err := s.SetSetting("reply_max_bd", "9"); err != nil {
		t.Fatal(err)
	}
	moved := rewrites()
	if moved == 0 || moved == 80 {
		t.Errorf("reply_max_bd rewrote %d of 80 rows, want those in an undecided stage only", moved)
	}
	assertKeptIsFresh(t, s, "reply_max_bd 9")
	if err := s.SetSetting("reply_max_bd", "9"); err != nil {
		t.Fatal(err)
	}
	if n := rewrites(); n != 0 {
		t.Errorf("setting the same value again rewrote %d rows, want none", n)
	}
}
