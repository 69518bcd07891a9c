package store

import (
	"path/filepath"
	"testing"

	"github.com/afterview/afterview/timeline"
)

func TestTUIReadsAgreeWithTheFullReads(t *testing.T) {
	today := timeline.MustDate("2026-11-26")
	st, err := Open(filepath.Join(t.TempDir(), "a.db"), func() timeline.Date { return today })
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := FillDemo(st, 300); err != nil {
		t.Fatal(err)
	}
	all, err := st.Entries(true)
	if err != nil {
		t.Fatal(err)
	}
	active, err := st.Entries(false)
	if err != nil {
		t.Fatal(err)
	}
	archived, err := st.ArchivedEntries()
	if err != nil {
		t.Fatal(err)
	}
	n, err := st.ArchivedCount()
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 || n != len(archived) || len(active)+len(archived) != len(all) {
		t.Fatalf("%d archived counted, %d read; %d + %d of %d", n, len(archived), len(active), len(archived), len(all))
	}
	seen := map[int64]bool{}
	for i, e := range archived {
		if !e.App.Archived || (i > 0 && archived[i-1].App.ID >= e.App.ID) {
			t.Fatalf("archived entry %d (%d) is not archived or out of id order", i, e.App.ID)
		}
		seen[e.App.ID] = true
	}
	for _, e := range all {
		if e.App.Archived != seen[e.App.ID] {
			t.Errorf("application %d: archived %v, among ArchivedEntries %v", e.App.ID, e.App.Archived, seen[e.App.ID])
		}
	}
	contacts, err := st.LastContacts(nil)
	if err != nil {
		t.Fatal(err)
	}
	some := 0
	for _, e := range all {
		d, err := st.LastContact(e.App.ID)
		if err != nil {
			t.Fatal(err)
		}
		if d != contacts[e.App.ID] {
			t.Errorf("application %d: LastContact %s, LastContacts %s", e.App.ID, d, contacts[e.App.ID])
		}
		if !d.IsZero() {
			some++
		}
	}
	if some == 0 {
		t.Error("no application has a followup or heard to compare")
	}
}

// TestPartsHoldAboutAsManyEach checks that Parts splits the applications
// that are not archived (not the ids) into ranges holding about as many
// each, that the ranges read with EntriesIn give every one once, in order,
// and that a small file is one range.
func TestPartsHoldAboutAsManyEach(t *testing.T) {
	s := openTest(t)
	if err := FillDemo(s, 6000); err != nil {
		t.Fatal(err)
	}
	want, err := s.Entries(false)
	if err != nil {
		t.Fatal(err)
	}
	all, err := s.Entries(true)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) < 2*minPart || len(want) > len(all)*3/4 {
		t.Fatalf("%d of %d applications not archived: the test needs a file where ranges of equal span hold unequal work", len(want), len(all))
	}
	for _, n := range []int{1, 2, 3, 64} {
		bounds, err := s.Parts(n)
		if err != nil {
			t.Fatal(err)
		}
		parts := len(bounds) - 1
		if wantParts := max(1, min(n, len(want)/minPart)); parts != wantParts {
			t.Errorf("Parts(%d) gave %d ranges %v, want %d", n, parts, bounds, wantParts)
		}
		var got []timeline.Entry
		for k := 0; k < parts; k++ {
			es, err := s.EntriesIn(bounds[k], bounds[k+1], nil)
			if err != nil {
				t.Fatal(err)
			}
			if d := len(es) - len(want)/parts; d < -1 || d > 1 {
				t.Errorf("Parts(%d): range %d [%d, %d) holds %d, want about %d", n, k, bounds[k], bounds[k+1], len(es), len(want)/parts)
			}
			got = append(got, es...)
		}
		if len(got) != len(want) {
			t.Fatalf("Parts(%d): the ranges hold %d, want %d", n, len(got), len(want))
		}
		for i := range want {
			if got[i].App.ID != want[i].App.ID {
				t.Fatalf("Parts(%d): entry %d is application %d, want %d", n, i, got[i].App.ID, want[i].App.ID)
			}
		}
	}
}

// TestPartsOfAnEmptyFile checks that a file with nothing but archived
// applications (or none) is one empty range.
func TestPartsOfAnEmptyFile(t *testing.T) {
	s := openTest(t)
	bounds, err := s.Parts(4)
	if err != nil || len(bounds) != 2 {
		t.Fatalf("Parts(4) of an empty file = %v, %v; want one range", bounds, err)
	}
	if es, err := s.EntriesIn(bounds[0], bounds[1], nil); err != nil || len(es) != 0 {
		t.Errorf("the empty file's range holds %d (%v)", len(es), err)
	}
}

// TestEntriesInPutsTheCacheBack checks that the connection EntriesIn reads
// on gets its page cache back as it was, for the reads after it.
func TestEntriesInPutsTheCacheBack(t *testing.T) {
	s := openTest(t)
	s.db.SetMaxOpenConns(1) // every read on the one connection
	defer s.db.SetMaxOpenConns(0)
	var before, after int64
	if err := s.db.QueryRow("PRAGMA cache_size").Scan(&before); err != nil {
		t.Fatal(err)
	}
	if _, err := s.EntriesIn(0, 1<<40, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.db.QueryRow("PRAGMA cache_size").Scan(&after); err != nil {
		t.Fatal(err)
	}
	if after != before || before == scanCachePages {
		t.Errorf("cache_size %d before EntriesIn, %d after", before, after)
	}
}
