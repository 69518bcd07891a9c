package timeline

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// decodeCase turns bytes into settings, a day and a valid event sequence, so
// that the fuzzer and the property test explore the same space: byte 0 picks
// the settings, byte 1 the day, and every 4 bytes after that make an event
// (type, date, an extra field, ID — 0 is an unsaved event).
func decodeCase(data []byte) (Settings, Date, []Event) {
	base := D("2026-11-02")
	s := DefaultSettings()
	if len(data) < 2 {
		return s, base, nil
	}
	sel := data[0]
	s.Holidays = []string{"", "US", "GB", "DE"}[sel&3]
	if sel&4 != 0 { // short windows put many boundaries close together
		s.DebriefDays, s.DecisionDays, s.ReplyMinBD, s.ReplyMaxBD = 1, 2, 1, 2
		s.ChaseAgainBD, s.HoldCheckinDays, s.OfferDays, s.ReapplyMinMonths, s.ReapplyMaxMonths = 1, 3, 2, 1, 2
	}
	s.LookaheadDays = int(sel>>3) & 7
	switch sel >> 6 { // the settings afterview adds to the stated windows
	case 1:
		s.GhostFollowups, s.GhostAppliedDays, s.AppliedFollowupBD = 1, 5, 2
	case 2:
		s.GhostFollowups, s.GhostAppliedDays, s.AppliedFollowupBD = 0, 0, 0
	case 3:
		s.GhostFollowups, s.GhostAppliedDays, s.AppliedFollowupBD, s.Name = 3, 12, 7, "Sam Doe"
	}
	today := base.AddDays(int(data[1]%100) - 10)
	var evs []Event
	for b := data[2:]; len(b) >= 4; b = b[4:] {
		e := Event{Type: EventTypes[int(b[0])%len(EventTypes)], Date: base.AddDays(int(b[1]%70) - 5), ID: int64(b[3])}
		x := int(b[2])
		if b[1] == 255 { // now and then a date centuries ahead, past the holiday cache
			e.Date = base.AddDays(x * 500)
		}
		switch e.Type {
		case EventHeard:
			if x&1 != 0 {
				e.By = e.Date.AddDays(x >> 1 % 20)
			}
		case EventOffer, EventNegotiate:
			if x&1 != 0 {
				e.Deadline = e.Date.AddDays(x >> 1 % 15)
			}
			if e.Type == EventOffer {
				e.Base, e.Currency = int64(x)*1000, "USD"
			}
		case EventSnooze:
			e.Until = e.Date.AddDays(1 + x%30)
		}
		if e.Validate() == nil {
			evs = append(evs, e)
		}
	}
	return s, today, evs
}

// wantKinds are the next action's kinds each stage may have (the package
// doc's table of stages); "" is none.
var wantKinds = map[Stage][]ActionKind{
	StageApplied: {"", ActFollowup}, StageScheduled: {ActInterview}, StageGhosted: {""},
	StageDebrief: {ActFollowup}, StageDecision: {ActFollowup}, StageReply: {ActFollowup}, StageFollowUp: {ActFollowup},
	StageWaiting: {ActFollowup}, StageHold: {ActCheckin}, StageOffer: {ActOffer}, StageChecks: {ActFollowup}, StageOnboarding: {""},
	StageStarted: {""}, StageRejected: {ActReapply, ""}, StageDeclined: {""}, StageWithdrawn: {""},
}

// checkInvariants checks what must hold for any events on any day.
func checkInvariants(t *testing.T, s Settings, today Date, evs []Event) {
	d := Derive(Application{ID: 1, Company: "Acme"}, evs, s, today)
	checkStageAndKind(t, d)
	checkFrom(t, d, today, evs)
	checkWindows(t, d)
	checkTexts(t, d, today, s)
	if !d.ValidOn(today) {
		t.Fatalf("the summary is not valid on its own day: %s not in [%s, %s]", today, d.ValidFrom, d.ValidThrough)
	}
	if d.Since > today || (d.Since.IsZero() && len(evs) > 0 && evs[0].Date <= today && d.Stage != StageScheduled) {
		t.Fatalf("stage %s since %s on %s", d.Stage, d.Since, today)
	}
	if !slices.IsSortedFunc(d.Events, compareEvents) || len(d.Events) != len(evs) {
		t.Fatal("Derived.Events are not the events in order")
	}
	// Logged out of order: when every event has its own ID, the slice's order does not matter.
	if distinctIDs(evs) {
		rev := slices.Clone(evs)
		slices.Reverse(rev)
		if a, b := summaryDiff(d.Summary, Derive(d.App, rev, s, today).Summary); a != b {
			t.Fatalf("the slice's order changed the summary:\n%s\n%s", a, b)
		}
	}
	checkChase(t, s, today, evs)
}

// checkStageAndKind: the stage is known, its next action of a kind the table
// gives it, and a booked round makes it scheduled unless a decision is under way.
func checkStageAndKind(t *testing.T, d Derived) {
	kinds, ok := wantKinds[d.Stage]
	if !ok {
		t.Fatalf("unknown stage %q", d.Stage)
	}
	got := ActionKind("")
	if d.Next != nil {
		got = d.Next.Kind
	}
	if !slices.Contains(kinds, got) {
		t.Fatalf("stage %s has next %q, want one of %q", d.Stage, got, kinds)
	}
	underWay := []Stage{StageScheduled, StageHold, StageOffer, StageChecks, StageOnboarding}
	if d.NextInterview != 0 && !slices.Contains(underWay, d.Stage) {
		t.Fatalf("a round is booked for %s but the stage is %s: only a decision under way keeps its stage", d.NextInterview, d.Stage)
	}
}

// checkFrom: the event the due date counts from is on or after the last
// interview and the latest decision, never after today nor after the due date.
func checkFrom(t *testing.T, d Derived, today Date, evs []Event) {
	I, decided := lastInterviewAndDecision(evs, today)
	if n := d.Next; n != nil {
		if n.From > n.Due || n.From > today || n.From < I || n.From < decided || n.Text == "" {
			t.Fatalf("next %s due %s from %s: I=%s, decided=%s, today=%s", n.Kind, n.Due, n.From, I, decided, today)
		}
	}
	if d.LastInterview != I || d.LastActivity > today || (d.NextInterview != 0 && d.NextInterview <= today) {
		t.Fatalf("last interview %s (want %s), last activity %s, next interview %s", d.LastInterview, I, d.LastActivity, d.NextInterview)
	}
}

// lastInterviewAndDecision returns the last interview on or before today,
// and the latest decision since its day.
func lastInterviewAndDecision(evs []Event, today Date) (I, decided Date) {
	for _, e := range evs {
		if e.Date <= today && e.Type == EventInterview {
			I = max(I, e.Date)
		}
	}
	for _, e := range evs {
		if e.Date <= today && e.Date >= I && isDecision(e.Type) {
			decided = max(decided, e.Date)
		}
	}
	return I, decided
}

// checkWindows: windows run forwards, in order of their start, and the
// current one is one of them.
func checkWindows(t *testing.T, d Derived) {
	if d.Current != nil && d.Current.From > d.Current.To {
		t.Fatalf("current window %+v runs backwards", *d.Current)
	}
	current := d.Current == nil
	for i, w := range d.Windows {
		if w.From > w.To {
			t.Fatalf("window %+v runs backwards", w)
		}
		if i > 0 && d.Windows[i-1].From > w.From {
			t.Fatalf("windows are not in order of their start: %+v", d.Windows)
		}
		current = current || d.Current == &d.Windows[i]
	}
	if !current {
		t.Fatalf("the current window %+v is not one of the windows", *d.Current)
	}
}

// checkChase: several applications (prefixes of the events) are in order and filtered.
func checkChase(t *testing.T, s Settings, today Date, evs []Event) {
	var entries []Entry
	for k := range 4 {
		app := Application{ID: int64(k + 1), Company: []string{"b", "A", "a", "B"}[k], Archived: k == 3}
		entries = append(entries, Derive(app, evs[:len(evs)*k/3], s, today).Entry)
	}
	items := Chase(entries, today, s.LookaheadDays)
	if !isChaseSorted(items) {
		t.Fatalf("chase is not sorted:\n%s", chaseLines(items))
	}
	for _, it := range items {
		if it.App.Archived || it.Action.Due > today.AddDays(s.LookaheadDays) || it.Section != sectionOf(it.Action, today) {
			t.Fatalf("chase item should not be there: %+v", it)
		}
		if it.Action.Kind == ActReapply && it.Section == SecOverdue {
			t.Fatalf("a reapply item is overdue: %+v", it)
		}
	}
}

func distinctIDs(evs []Event) bool {
	seen := map[int64]bool{}
	for _, e := range evs {
		if e.ID == 0 || seen[e.ID] {
			return false
		}
		seen[e.ID] = true
	}
	return true
}

func FuzzDerive(f *testing.F) {
	iv := func(day, id byte) []byte { return []byte{0, day, 0, id} }
	for _, seed := range [][]byte{
		{0, 5},
		append([]byte{0, 15}, iv(5, 1)...),
		append(append([]byte{1, 30}, iv(5, 1)...), 1, 8, 0, 2),                                          // heard
		append(append([]byte{1, 30}, iv(5, 1)...), 1, 8, 31, 2),                                         // heard --by
		append(append([]byte{2, 40}, iv(5, 1)...), 3, 12, 0, 2, 1, 14, 0, 3),                            // hold, heard
		append(append([]byte{4, 40}, iv(5, 1)...), 4, 12, 5, 2, 5, 13, 9, 3),                            // offer, negotiate
		append(append([]byte{3, 60}, iv(5, 1)...), 4, 12, 0, 2, 6, 14, 0, 3, 8, 15, 0, 4, 10, 90, 0, 5), // accepted, checks, start ahead
		append(append([]byte{5, 99}, iv(5, 1)...), 11, 12, 0, 2, 13, 13, 20, 3),                         // rejected, snooze
		append(append([]byte{6, 20}, iv(5, 0)...), 3, 5, 0, 0, 0, 40, 0, 0),                             // unsaved, same day, future interview
		append(append([]byte{7, 20}, iv(5, 2)...), 4, 5, 0, 1, 12, 6, 0, 3),                             // offer logged before the interview
		append(append([]byte{1, 30}, iv(5, 1)...), 11, 8, 0, 2, 0, 60, 0, 3),                            // rejected, then a round booked
		append(append([]byte{0, 80}, iv(5, 1)...), 4, 8, 0, 2, 6, 9, 0, 3, 10, 20, 0, 4, 9, 30, 0, 5),   // started, cleared after
		append(append([]byte{1, 50}, iv(5, 1)...), 1, 255, 200, 2),                                      // a date centuries ahead
		{64, 40, 0, 5, 0, 1}, // applied, chased and ghosted soon
		append(append([]byte{64, 60}, iv(5, 1)...), 3, 15, 0, 2, 3, 25, 0, 3),               // two follow-ups: ghosted
		append(append([]byte{192, 60}, iv(5, 1)...), 3, 15, 0, 2, 1, 18, 9, 3, 3, 25, 0, 4), // follow-up, promise, follow-up
		append(append([]byte{128, 99}, iv(5, 1)...), 11, 12, 0, 2),                          // rejected long ago, no ghosts
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, today, evs := decodeCase(data)
		if err := s.Validate(); err != nil {
			t.Fatalf("decodeCase made invalid settings: %v", err)
		}
		checkInvariants(t, s, today, evs)
	})
}

// summaryDiff renders the cached fields of two summaries for comparison.
func summaryDiff(a, b Summary) (string, string) {
	show := func(s Summary) string {
		next, cur := "none", "none"
		if s.Next != nil {
			next = fmt.Sprintf("%+v", *s.Next)
		}
		if s.Current != nil {
			cur = fmt.Sprintf("%+v", *s.Current)
		}
		return fmt.Sprintf("stage=%s next=%s current=%s last=%s nextiv=%s start=%s activity=%s snoozed=%s since=%s",
			s.Stage, next, cur, s.LastInterview, s.NextInterview, s.StartDate, s.LastActivity, s.SnoozedUntil, s.Since)
	}
	return show(a), show(b)
}

// randomCase draws a case for the property tests.
func randomCase(r *rand.Rand) []byte {
	b := make([]byte, 2+4*r.IntN(9))
	for i := range b {
		b[i] = byte(r.UintN(256))
	}
	if r.IntN(4) != 0 && len(b) > 2 {
		b[2] = 0 // mostly start with an interview
	}
	return b
}
