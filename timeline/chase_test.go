package timeline

import (
	"cmp"
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// entry builds a chase entry with a next action.
func entry(id int64, company string, kind ActionKind, due string) Entry {
	return Entry{App: Application{ID: id, Company: company}, Summary: Summary{Next: &Action{Kind: kind, Due: D(due)}}}
}

// chaseLine renders a chase item for comparison: "section due kind company".
func chaseLines(items []ChaseItem) string {
	var b strings.Builder
	for _, it := range items {
		fmt.Fprintf(&b, "%s %s %s %s\n", it.Section, it.Action.Due, it.Action.Kind, it.App.Company)
	}
	return b.String()
}

func TestChase(t *testing.T) {
	today := D("2026-11-20")
	archived := entry(20, "Archived Inc", ActFollowup, "2026-11-01")
	archived.App.Archived = true
	snoozed := entry(21, "Snoozed Ltd", ActFollowup, "2026-11-01")
	snoozed.SnoozedUntil = D("2026-11-21")
	snoozeOver := entry(22, "Woke Up", ActFollowup, "2026-11-01")
	snoozeOver.SnoozedUntil = D("2026-11-20")
	entries := []Entry{
		entry(1, "zeta", ActFollowup, "2026-11-20"),
		entry(2, "Beta", ActReapply, "2026-11-20"),
		entry(3, "alpha", ActCheckin, "2026-11-20"),
		entry(4, "Gamma", ActOffer, "2026-11-20"),
		entry(5, "Acme", ActFollowup, "2026-11-20"),
		entry(6, "Old Co", ActCheckin, "2026-11-18"),
		entry(7, "Older Co", ActOffer, "2026-11-19"),
		entry(8, "Soon", ActFollowup, "2026-11-23"),
		entry(9, "Later", ActFollowup, "2026-11-24"),
		{App: Application{ID: 10, Company: "Nothing To Do"}},
		archived, snoozed, snoozeOver,
		entry(11, "ACME", ActFollowup, "2026-11-20"),
	}
	got := chaseLines(Chase(entries, today, 3))
	want := `overdue 2026-11-01 followup Woke Up
overdue 2026-11-18 checkin Old Co
overdue 2026-11-19 offer Older Co
today 2026-11-20 offer Gamma
today 2026-11-20 followup Acme
today 2026-11-20 followup ACME
today 2026-11-20 followup zeta
today 2026-11-20 checkin alpha
today 2026-11-20 reapply Beta
upcoming 2026-11-23 followup Soon
`
	if got != want {
		t.Errorf("chase:\n%s\nwant:\n%s", got, want)
	}
	if got := chaseLines(Chase(entries, today, 4)); !strings.HasSuffix(got, "upcoming 2026-11-24 followup Later\n") {
		t.Errorf("lookahead 4 does not reach 2026-11-24:\n%s", got)
	}
	if got := Chase(entries, today, 0); len(got) != 9 || got[len(got)-1].Section != SecToday {
		t.Errorf("lookahead 0: %d items, want 9 ending today:\n%s", len(got), chaseLines(got))
	}
	if got := Chase(nil, today, 3); got != nil {
		t.Errorf("Chase(nil) = %v, want nil", got)
	}
}

func TestChaseFromDerive(t *testing.T) {
	s := DefaultSettings()
	today := D("2026-11-12")
	apps := []struct {
		app    Application
		events []Event
	}{
		{Application{ID: 1, Company: "Followup Co"}, seq(ev(EventInterview, "2026-11-02"))},
		{Application{ID: 2, Company: "Archived Co", Archived: true}, seq(ev(EventInterview, "2026-11-02"))},
		{Application{ID: 3, Company: "Snoozed Co"}, seq(ev(EventInterview, "2026-11-02"), ev(EventSnooze, "2026-11-10", until("2026-11-13")))},
		{Application{ID: 4, Company: "Offer Co"}, seq(ev(EventInterview, "2026-11-02"), ev(EventOffer, "2026-11-06", deadline("2026-11-12")))},
		{Application{ID: 5, Company: "Debrief Co"}, seq(ev(EventInterview, "2026-11-11"))},
	}
	var entries []Entry
	for _, a := range apps {
		entries = append(entries, Derive(a.app, a.events, s, today).Entry)
	}
	want := "today 2026-11-12 offer Offer Co\ntoday 2026-11-12 followup Followup Co\n"
	if got := chaseLines(Chase(entries, today, s.LookaheadDays)); got != want {
		t.Errorf("chase:\n%s\nwant:\n%s", got, want)
	}
	// The day the snooze ends, it shows again (overdue now).
	want = "overdue 2026-11-12 offer Offer Co\noverdue 2026-11-12 followup Followup Co\noverdue 2026-11-12 followup Snoozed Co\n"
	for i, a := range apps {
		entries[i] = Derive(a.app, a.events, s, D("2026-11-13")).Entry
	}
	if got := chaseLines(Chase(entries, D("2026-11-13"), s.LookaheadDays)); got != want {
		t.Errorf("chase after the snooze:\n%s\nwant:\n%s", got, want)
	}
}

func TestIsChaseSorted(t *testing.T) {
	a := ChaseItem{App: Application{ID: 1, Company: "a"}, Action: Action{Kind: ActOffer, Due: D("2026-11-20")}}
	b := ChaseItem{App: Application{ID: 2, Company: "B"}, Action: Action{Kind: ActOffer, Due: D("2026-11-20")}}
	c := ChaseItem{App: Application{ID: 3, Company: "a"}, Action: Action{Kind: ActFollowup, Due: D("2026-11-20")}}
	for _, tc := range []struct {
		name  string
		items []ChaseItem
		want  bool
	}{
		{"sorted: empty", nil, true},
		{"sorted: company ignoring case", []ChaseItem{a, b}, true},
		{"unsorted: company ignoring case", []ChaseItem{b, a}, false},
		{"sorted: offer before followup", []ChaseItem{a, c}, true},
		{"unsorted: followup before offer", []ChaseItem{c, a}, false},
	} {
		if got := isChaseSorted(tc.items); got != tc.want {
			t.Errorf("%s: isChaseSorted = %v", tc.name, got)
		}
	}
	for _, tc := range []struct {
		a, b string
		want int
	}{{"acme", "ACME", 0}, {"Acme", "acme b", -1}, {"b", "A", 1}, {"École", "école", 0}, {"éa", "Éb", -1}, {"", "", 0}, {"z", "é", -1}} {
		if got := compareFold(tc.a, tc.b); got != tc.want {
			t.Errorf("compareFold(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
		if want := strings.Compare(strings.ToLower(tc.a), strings.ToLower(tc.b)); compareFold(tc.a, tc.b) != want {
			t.Errorf("compareFold(%q, %q) disagrees with strings.ToLower order", tc.a, tc.b)
		}
	}
}

func TestSectionsAndRelative(t *testing.T) {
	today := D("2026-11-20")
	for _, c := range []struct {
		kind     ActionKind
		due      string
		section  Section
		relative string
	}{
		{ActFollowup, "2026-11-19", SecOverdue, "1d overdue"}, {ActFollowup, "2026-11-20", SecToday, "today"},
		{ActFollowup, "2026-11-21", SecUpcoming, "tomorrow"}, {ActFollowup, "2026-11-23", SecUpcoming, "in 3d"},
		{ActReapply, "2026-11-19", SecOpen, "1d overdue"}, {ActReapply, "2026-11-20", SecToday, "today"},
		{ActReapply, "2026-11-21", SecUpcoming, "tomorrow"}, {ActInterview, "2026-11-21", SecUpcoming, "tomorrow"},
	} {
		if got := sectionOf(Action{Kind: c.kind, Due: D(c.due)}, today); got != c.section {
			t.Errorf("sectionOf(%s due %s) = %s, want %s", c.kind, c.due, got, c.section)
		}
		if got := Relative(D(c.due), today); got != c.relative {
			t.Errorf("Relative(%s) = %q, want %q", c.due, got, c.relative)
		}
	}
	for days, want := range map[int]string{0: "today", -2: "today", 1: "1d", 20: "20d", 21: "3w", 89: "12w", 90: "3mo", 400: "13mo"} {
		if got := Ago(today.AddDays(-days), today); got != want {
			t.Errorf("Ago(%d days) = %q, want %q", days, got, want)
		}
	}
}

// Window.Position is 0..1: 0 on or before the first day, 1 on or after the last.
func TestWindowPosition(t *testing.T) {
	w := Window{"reply", D("2026-11-10"), D("2026-11-14")}
	for day, want := range map[string]float64{"2026-11-01": 0, "2026-11-10": 0, "2026-11-11": 0.25, "2026-11-12": 0.5, "2026-11-14": 1, "2026-12-01": 1} {
		if got := w.Position(D(day)); got != want {
			t.Errorf("Position(%s) = %v, want %v", day, got, want)
		}
	}
	one := Window{"offer", D("2026-11-10"), D("2026-11-10")}
	if one.Position(D("2026-11-09")) != 0 || one.Position(D("2026-11-10")) != 0 || one.Position(D("2026-11-11")) != 1 {
		t.Error("a one-day window's position is not 0, 0, 1")
	}
}

// Stages sort in the order of a job search; the closed ones are those where
// nothing more happens at that employer.
func TestStageRankAndClosed(t *testing.T) {
	closed := map[Stage]bool{StageStarted: true, StageRejected: true, StageDeclined: true, StageWithdrawn: true, StageGhosted: true}
	for i, s := range Stages {
		if s.Rank() != i {
			t.Errorf("%s.Rank() = %d, want %d", s, s.Rank(), i)
		}
		if s.Closed() != closed[s] {
			t.Errorf("%s.Closed() = %v", s, !closed[s])
		}
	}
	if Stage("nope").Rank() != len(Stages) {
		t.Error("an unknown stage does not sort last")
	}
	if StageFollowUp.Label() != "follow up" || StageHold.Label() != "on hold" || StageOffer.Label() != "offer" {
		t.Error("stage labels changed")
	}
}

// Every stage has advice; a rejection's carries the high-level-feedback tip.
func TestAdviceForEveryStage(t *testing.T) {
	for _, s := range Stages {
		if len(Advice(Derived{Entry: Entry{Summary: Summary{Stage: s}}}, D("2026-11-20"), DefaultSettings())) == 0 {
			t.Errorf("no advice for %s", s)
		}
	}
	if Advice(Derived{Entry: Entry{Summary: Summary{Stage: "nope"}}}, D("2026-11-20"), DefaultSettings()) != nil {
		t.Error("an unknown stage has advice")
	}
	d := Derive(Application{}, seq(ev(EventRejected, "2026-11-10")), DefaultSettings(), D("2026-11-20"))
	if !strings.Contains(strings.Join(Advice(d, D("2026-11-20"), DefaultSettings()), " "), "feedback") {
		t.Error("rejected advice lacks the high-level-feedback tip")
	}
}

// Action kinds sort in the chase view's order within a day.
func TestActionKindRank(t *testing.T) {
	for i, k := range []ActionKind{ActOffer, ActExpedite, ActInterview, ActFollowup, ActCheckin, ActReapply, "other"} {
		if k.Rank() != i {
			t.Errorf("%s.Rank() = %d, want %d", k, k.Rank(), i)
		}
	}
}

// The chase view groups its sections in order: an open reapply window, whose
// day has passed, comes after the upcoming items, not among the overdue ones.
func TestChaseOpenSectionAfterUpcoming(t *testing.T) {
	today := D("2027-06-01")
	entries := []Entry{
		Derive(Application{ID: 1, Company: "Initech"}, seq(ev(EventRejected, "2026-11-20")), DefaultSettings(), today).Entry, // open since 20 May
		Derive(Application{ID: 2, Company: "Globex"}, seq(ev(EventInterview, "2027-05-01")), DefaultSettings(), today).Entry, // overdue since 12 May
		Derive(Application{ID: 3, Company: "Hooli"}, seq(ev(EventInterview, "2027-06-03")), DefaultSettings(), today).Entry,  // upcoming
	}
	items := Chase(entries, today, 3)
	if got := chaseLines(items); got != "overdue 2027-05-12 followup Globex\nupcoming 2027-06-03 interview Hooli\nopen 2027-05-20 reapply Initech\n" {
		t.Errorf("chase:\n%s", got)
	}
	if !isChaseSorted(items) {
		t.Error("isChaseSorted rejects the chase view's own order")
	}
}

// TestChaseOrdersTiesAsCompareChase checks that the chase view, which sorts
// on names folded once, orders items due the same day of the same kind
// exactly as compareChase (the order written item against item) does: upper
// and lower case, accents, dotted and dotless i, a three-byte rune that
// lowers to one byte, invalid UTF-8, prefixes.
func TestChaseOrdersTiesAsCompareChase(t *testing.T) {
	names := []string{"acme", "Acme", "ACME Robotics", "Äbc", "äbc", "abc", "İstanbul", "istanbul", "ıx",
		"\xffbad", "\u212aelvin", "kelvin", "Zeta", "zeta", "Z", "", "Ω", "ω", "acme robotics 10", "Acme Robotics 9"}
	today := Date(20000)
	r := rand.New(rand.NewSource(1))
	var entries []Entry
	for i := 0; i < 400; i++ {
		e := Entry{App: Application{ID: int64(1000 - i), Company: names[r.Intn(len(names))]}}
		e.Next = &Action{Kind: ActFollowup, Due: today.AddDays(-r.Intn(2))}
		entries = append(entries, e)
	}
	items := Chase(entries, today, 0)
	for k := 1; k < len(items); k++ {
		a, b := &items[k-1], &items[k]
		if a.Section == b.Section && compareChase(&a.App, &a.Action, &b.App, &b.Action) > 0 {
			t.Fatalf("item %d (%q #%d) sorts after item %d (%q #%d)", k-1, a.App.Company, a.App.ID, k, b.App.Company, b.App.ID)
		}
	}
}

// TestChaseOrderLongViewWithStandIns checks ChaseOrder on a view long enough
// to be sorted in two halves and merged, with stand-in items for a third of
// the entries: every entry that should be listed is, once, with its stand-in
// when it has one, in exactly the order compareChase gives.
func TestChaseOrderLongViewWithStandIns(t *testing.T) {
	today := Date(20000)
	names := []string{"Acme", "acme", "Beta", "Äbc", "zeta", "Acme Robotics 10", "Acme Robotics 9", "Ω"}
	kinds := []ActionKind{ActFollowup, ActCheckin, ActReapply, ActInterview, ActOffer}
	r := rand.New(rand.NewSource(7))
	n := 3*parallelSort + 17
	entries := make([]Entry, n)
	stand := make([]*Action, n)
	for i := range entries {
		e := Entry{App: Application{ID: int64(i + 1), Company: names[r.Intn(len(names))], Archived: r.Intn(20) == 0}}
		if r.Intn(10) > 0 {
			e.Next = &Action{Kind: kinds[r.Intn(len(kinds))], Due: today.AddDays(r.Intn(12) - 6)}
		}
		if r.Intn(15) == 0 {
			e.SnoozedUntil = today.AddDays(2)
		}
		if i%3 == 0 {
			stand[i] = &Action{Kind: ActExpedite, Due: today.AddDays(-r.Intn(3))}
		}
		entries[i] = e
	}
	order, secs := ChaseOrder(entries, stand, today, 3)
	var want []ChaseItem
	for i, e := range entries {
		a := e.Next
		if stand[i] != nil {
			a = stand[i]
		}
		if e.App.Archived || a == nil || e.Snoozed(today) || a.Due > today.AddDays(3) {
			continue
		}
		want = append(want, ChaseItem{App: e.App, Action: *a, Section: sectionOf(*a, today)})
	}
	slices.SortFunc(want, func(a, b ChaseItem) int {
		if c := cmp.Compare(a.Section.rank(), b.Section.rank()); c != 0 {
			return c
		}
		return compareChase(&a.App, &a.Action, &b.App, &b.Action)
	})
	if len(order) != len(want) || len(secs) != len(want) {
		t.Fatalf("%d items (%d sections), want %d", len(order), len(secs), len(want))
	}
	if len(want) < parallelSort {
		t.Fatalf("only %d items: the two-halves sort is not reached", len(want))
	}
	for k, i := range order {
		if entries[i].App.ID != want[k].App.ID || secs[k] != want[k].Section {
			t.Fatalf("item %d is #%d (%s), want #%d (%s)", k, entries[i].App.ID, secs[k], want[k].App.ID, want[k].Section)
		}
	}
}
