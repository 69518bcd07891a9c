package store

import (
	"testing"

	"github.com/afterview/afterview/timeline"
)

// TestDataVersionIgnoresTheStoresOwnWrites checks that the store's own
// commits (a save in the TUI) do not look like another process's, while a
// commit by another process between two of its own is still seen.
func TestDataVersionIgnoresTheStoresOwnWrites(t *testing.T) {
	s := openTest(t)
	v0, err := s.DataVersion()
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.AddApplication(timeline.Application{Company: "Acme"}, timeline.Event{Type: timeline.EventInterview, Date: day.AddDays(-3)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.LogEvent(id, timeline.Event{Type: timeline.EventFollowup, Date: day}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting("reply_max_bd", "8"); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.DataVersion(); v != v0 {
		t.Fatalf("the store's own writes moved the data version: %d -> %d", v0, v)
	}
	other, err := Open(s.path, s.today)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.AddApplication(timeline.Application{Company: "Kojo Labs"}); err != nil {
		t.Fatal(err)
	}
	// Our own write after theirs must not hide theirs.
	if _, err := s.LogEvent(id, timeline.Event{Type: timeline.EventNote, Date: day, Note: "n"}); err != nil {
		t.Fatal(err)
	}
	v1, _ := s.DataVersion()
	if v1 == v0 {
		t.Error("another process's commit, followed by one of ours, was not seen")
	}
	if v, _ := s.DataVersion(); v != v1 {
		t.Errorf("the data version moved again with no write: %d -> %d", v1, v)
	}
}
