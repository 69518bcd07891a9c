package store

import (
	"database/sql"
	"fmt"
	"maps"
	"math/rand"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/afterview/afterview/timeline"
)

// TestRederiveReadsEachApplicationsOwnEvents checks the walk of the
// applications beside their events: with events logged in an order that is
// not the applications' (so the table holds them interleaved), with
// applications that have no events, and for a few ids given out of order, the
// entries re-derived are each application's fresh derivation, in id order.
func TestRederiveReadsEachApplicationsOwnEvents(t *testing.T) {
	today := day
	s := openAt(t, &today)
	r := rand.New(rand.NewSource(7))
	var ids []int64
	for i := 0; i < 12; i++ {
		id, err := s.AddApplication(timeline.Application{Company: fmt.Sprintf("Company %d", i), Recruiter: "Pat"})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	// Interviews and news logged across the applications in a random order;
	// the first and the last application have none.
	for k := 0; k < 40; k++ {
		id := ids[1+r.Intn(len(ids)-2)]
		e := timeline.Event{Type: timeline.EventInterview, Date: today.AddDays(-r.Intn(40))}
		if k%3 == 0 {
			e = timeline.Event{Type: timeline.EventHeard, Date: today.AddDays(-r.Intn(10))}
		}
		if _, err := s.LogEvent(id, e); err != nil {
			t.Fatal(err)
		}
	}
	set, err := s.Settings()
	if err != nil {
		t.Fatal(err)
	}
	fresh := func(id int64) timeline.Summary {
		t.Helper()
		app, err := s.Application(id)
		if err != nil {
			t.Fatal(err)
		}
		evs, err := s.Events(id)
		if err != nil {
			t.Fatal(err)
		}
		return timeline.Derive(app, evs, set, today).Summary
	}
	for _, want := range [][]int64{{ids[9], ids[0], ids[4]}, {ids[11]}, ids} {
		got, err := rederive(readOnly{s.db}, set, today, want)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("rederive(%v): %d entries", want, len(got))
		}
		for i, e := range got {
			if i > 0 && e.App.ID <= got[i-1].App.ID {
				t.Errorf("rederive(%v): application %d after %d, want id order", want, e.App.ID, got[i-1].App.ID)
			}
			if packSummary(e.Summary) != packSummary(fresh(e.App.ID)) {
				t.Errorf("application %d: %q, fresh %q", e.App.ID, packSummary(e.Summary), packSummary(fresh(e.App.ID)))
			}
		}
	}
	// Every application (nil): none returned, each written afresh.
	if _, err := s.db.Exec("UPDATE applications SET summary = 'stage'"); err != nil {
		t.Fatal(err)
	}
	var all []timeline.Entry
	err = s.tx(func(tx *sql.Tx) error {
		all, err = rederive(tx, set, today, nil)
		return err
	})
	if err != nil || all != nil {
		t.Fatalf("rederive(nil): %d entries, %v; want none", len(all), err)
	}
	assertKeptIsFresh(t, s, "re-deriving every application")
}

// TestNewRulesRewriteOnlyTheRowsTheyChange opens a file whose kept summaries
// were made by other derivation rules: every application is derived again,
// and only the rows whose summary differs are written.
func TestNewRulesRewriteOnlyTheRowsTheyChange(t *testing.T) {
	today := day
	path := filepath.Join(t.TempDir(), "afterview.db")
	s, err := Open(path, func() timeline.Date { return today })
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewSource(5))
	for i := 0; i < 60; i++ {
		randomApplication(t, s, r, today, i)
	}
	for _, q := range []string{
		"CREATE TABLE rewrites (id INTEGER)",
		"CREATE TRIGGER count_rewrites AFTER UPDATE OF summary ON applications BEGIN INSERT INTO rewrites VALUES (new.id); END",
		// Other rules: the version differs, and three rows were derived otherwise.
		"UPDATE meta SET value = '1' WHERE key = 'derive_version'",
		"UPDATE applications SET summary = summary || 'x' WHERE id IN (3, 30, 59)",
		"DELETE FROM rewrites",
	} {
		if _, err := s.db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	s, err = Open(path, func() timeline.Date { return today })
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var rewritten []int64
	rows, err := s.db.Query("SELECT id FROM rewrites ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		rewritten = append(rewritten, id)
	}
	rows.Close()
	if fmt.Sprint(rewritten) != "[3 30 59]" {
		t.Errorf("new rules rewrote the rows %v, want [3 30 59] (those whose summary differs)", rewritten)
	}
	var v string
	if err := s.db.QueryRow("SELECT value FROM meta WHERE key = 'derive_version'").Scan(&v); err != nil || v != strconv.Itoa(timeline.Version) {
		t.Errorf("derive_version %q (%v), want %d", v, err, timeline.Version)
	}
	assertKeptIsFresh(t, s, "new rules")
}

// inParallel makes rederiveAll read even a few applications with three
// readers, for the rest of the test.
func inParallel(t *testing.T) {
	readers, least := rederiveReaders, rederiveAllMin
	rederiveReaders, rederiveAllMin = func() int { return 3 }, 1
	t.Cleanup(func() { rederiveReaders, rederiveAllMin = readers, least })
}

// TestSettingReadInParallelRewritesWhatTheSerialWalkWould changes a setting
// on two copies of the same applications, one re-derived by readers in
// parallel and one by the walk through the write transaction: the same rows
// are rewritten, and the kept summaries are fresh.
func TestSettingReadInParallelRewritesWhatTheSerialWalkWould(t *testing.T) {
	rewritten := func(parallel bool) string {
		t.Helper()
		if parallel {
			inParallel(t)
		}
		today := day
		s := openAt(t, &today)
		r := rand.New(rand.NewSource(11))
		for i := 0; i < 90; i++ {
			randomApplication(t, s, r, today, i)
		}
		for _, q := range []string{
			"DELETE FROM applications WHERE id IN (4, 5, 6, 40)", // gaps in the ids
			"CREATE TABLE rewrites (id INTEGER)",
			"CREATE TRIGGER count_rewrites AFTER UPDATE OF summary ON applications BEGIN INSERT INTO rewrites VALUES (new.id); END",
		} {
			if _, err := s.db.Exec(q); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.SetSetting("reply_max_bd", "10"); err != nil {
			t.Fatal(err)
		}
		assertKeptIsFresh(t, s, "reply_max_bd 10")
		var ids string
		if err := s.db.QueryRow("SELECT coalesce(group_concat(id), '') FROM (SELECT id FROM rewrites ORDER BY id)").Scan(&ids); err != nil {
			t.Fatal(err)
		}
		return ids
	}
	serial := rewritten(false)
	if serial == "" {
		t.Fatal("the setting rewrote no row: the test proves nothing")
	}
	if got := rewritten(true); got != serial {
		t.Errorf("read in parallel, the setting rewrote %s; the serial walk rewrote %s", got, serial)
	}
}

// TestSettingThatCannotBeSavedChangesNothing fails one row's write in the
// middle of a parallel re-derivation: the change of setting is refused with
// an error naming the application, and nothing is written.
func TestSettingThatCannotBeSavedChangesNothing(t *testing.T) {
	inParallel(t)
	today := day
	s := openAt(t, &today)
	r := rand.New(rand.NewSource(11))
	for i := 0; i < 90; i++ {
		randomApplication(t, s, r, today, i)
	}
	summaries := func() map[int64]string {
		t.Helper()
		rows, err := s.db.Query("SELECT id, summary FROM applications")
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		m := map[int64]string{}
		for rows.Next() {
			var id int64
			var sum string
			rows.Scan(&id, &sum)
			m[id] = sum
		}
		return m
	}
	before := summaries()
	// Find a row the setting moves (the last one, so that rows before it
	// are written first and must be undone), then put the setting back.
	if err := s.SetSetting("reply_max_bd", "10"); err != nil {
		t.Fatal(err)
	}
	var moved int64
	for id, sum := range summaries() {
		if sum != before[id] && id > moved {
			moved = id
		}
	}
	if err := s.SetSetting("reply_max_bd", "7"); err != nil {
		t.Fatal(err)
	}
	if moved == 0 || !maps.Equal(summaries(), before) {
		t.Fatal("the setting moved no row, or putting it back did not restore the rows")
	}
	if _, err := s.db.Exec(fmt.Sprintf("CREATE TRIGGER refuse BEFORE UPDATE OF summary ON applications WHEN new.id = %d BEGIN SELECT RAISE(ABORT, 'refused'); END", moved)); err != nil {
		t.Fatal(err)
	}
	err := s.SetSetting("reply_max_bd", "10")
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("application %d", moved)) {
		t.Fatalf("got %v, want an error naming application %d", err, moved)
	}
	set, _ := s.Settings()
	if !maps.Equal(summaries(), before) || set.ReplyMaxBD != 7 {
		t.Errorf("a refused change wrote something (reply_max_bd %d)", set.ReplyMaxBD)
	}
}

// TestSettingItsOwnValueAgainDerivesNothing sets a setting to the value it
// already has: nothing is re-derived (a summary that a re-derivation would
// rewrite, changed by hand here, is left as it is), while a new value
// re-derives every application.
func TestSettingItsOwnValueAgainDerivesNothing(t *testing.T) {
	s := openTest(t)
	r := rand.New(rand.NewSource(2))
	for i := 0; i < 10; i++ {
		randomApplication(t, s, r, day, i)
	}
	if _, err := s.db.Exec("UPDATE applications SET summary = 'by hand' WHERE id = 3"); err != nil {
		t.Fatal(err)
	}
	kept := func() string {
		var sum string
		if err := s.db.QueryRow("SELECT summary FROM applications WHERE id = 3").Scan(&sum); err != nil {
			t.Fatal(err)
		}
		return sum
	}
	for _, same := range []string{"7", "07"} {
		if err := s.SetSetting("reply_max_bd", same); err != nil {
			t.Fatal(err)
		}
		if got := kept(); got != "by hand" {
			t.Errorf("reply_max_bd %s (its value already) re-derived application 3: %q", same, got)
		}
	}
	if err := s.SetSetting("reply_max_bd", "8"); err != nil {
		t.Fatal(err)
	}
	if got := kept(); got == "by hand" {
		t.Error("a new value of reply_max_bd did not re-derive application 3")
	}
	assertKeptIsFresh(t, s, "reply_max_bd 8")
}
