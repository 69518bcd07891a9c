package store

import (
	"testing"

	"github.com/afterview/afterview/timeline"
)

func TestHistoriesReadEveryApplicationWithItsEvents(t *testing.T) {
	s := openTest(t)
	d := timeline.MustDate
	heard := timeline.Event{Type: timeline.EventHeard, Date: d("2026-11-20"), By: d("2026-11-27"), Note: "soon"}
	a, err := s.AddApplication(timeline.Application{Company: "Acme", Role: "SDE II"},
		timeline.Event{Type: timeline.EventInterview, Date: d("2026-11-18")}, heard)
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.AddApplication(timeline.Application{Company: "Globex"})
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.AddApplication(timeline.Application{Company: "Initech"},
		timeline.Event{Type: timeline.EventInterview, Date: d("2026-10-01")})
	if err != nil {
		t.Fatal(err)
	}
	// Logged out of date order: the history is in timeline order.
	if _, err := s.LogEvent(a, timeline.Event{Type: timeline.EventApplied, Date: d("2026-11-01")}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetArchived(c, true); err != nil {
		t.Fatal(err)
	}
	hs, err := s.Histories()
	if err != nil {
		t.Fatal(err)
	}
	if len(hs) != 3 || hs[0].App.ID != a || hs[1].App.ID != b || hs[2].App.ID != c {
		t.Fatalf("histories = %+v, want applications %d, %d, %d (the archived one too)", hs, a, b, c)
	}
	got := hs[0].Events
	if len(got) != 3 || got[0].Type != timeline.EventApplied || got[1].Type != timeline.EventInterview ||
		got[2].Type != timeline.EventHeard || got[2].By != heard.By || got[2].Date != heard.Date {
		t.Errorf("Acme's events = %+v, want applied, interview, heard by 27 Nov", got)
	}
	if hs[0].App.Company != "Acme" || hs[0].App.Role != "SDE II" || len(hs[1].Events) != 0 || len(hs[2].Events) != 1 {
		t.Errorf("histories = %+v", hs)
	}

	items, err := s.ActivityItems(d("2026-11-01"), d("2026-11-18"))
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 2 || items[0].Event.Type != timeline.EventApplied || items[1].Event.Type != timeline.EventInterview ||
		items[0].App.Company != "Acme" {
		t.Errorf("activity 1–18 Nov = %+v, want Acme's application and interview", items)
	}
	items, err = s.ActivityItems(d("2026-11-19"), d("2026-11-30"))
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 || items[0].Event.Note != "soon" || items[0].Event.By != heard.By {
		t.Errorf("activity 19–30 Nov = %+v, want the news with its note and date", items)
	}
}
