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
