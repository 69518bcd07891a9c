package tui

import (
	"slices"
	"strings"
	"testing"

	"github.com/afterview/afterview/timeline"
	tea "github.com/charmbracelet/bubbletea"
)

func TestDetailShowsEverything(t *testing.T) {
	m := testModel(t, fixtureStore(), 100, 60)
	m = setTab(t, m, tabOffers)
	m = selectCompany(t, m, "Initech")
	m, _ = press(t, m, "enter")
	v := m.View()
	for _, want := range []string{
		"Initech · Data Engineer", "[offer]", "Alex Chen", "alex@initech.example",
		"Offer        base 180,000 USD · bonus 20,000 · equity 50,000 over 4 years (12,500 a year)",
		"yearly 212,500 USD · first year 212,500 USD · received Mon 23 Nov · answer by Mon 30", "Mon 30 Nov 2026 (in 4d)",
		"offer       ●", "▲ today Thu 26 Nov", "◆ answer offer Mon 30 Nov (in 4d)",
		"Base, bonus and equity can all be negotiated.",
		"History", "Mon 23 Nov 2026  offer", "verbal, letter to follow", "Thu 12 Nov 2026  interview",
	} {
		if !strings.Contains(v, want) {
			t.Errorf("the detail lacks %q:\n%s", want, v)
		}
	}
	if strings.Index(v, "Mon 23 Nov 2026  offer") > strings.Index(v, "Thu 12 Nov 2026  interview") {
		t.Error("the history should be newest first")
	}
	checkSize(t, m)
}

func TestDetailTimelineKinds(t *testing.T) {
	cases := map[string][]string{
		"Acme Robotics": {"interview   ●", "debrief", "decision", "reply", "◆ follow up Fri 20 Nov (6d overdue)"},
		"Hooli":         {"rejected", "reapply", "1 Oct 2026", "1 Oct 2027", "◆ reapply Thu 1 Apr (in 126d)", "high-level feedback"},
	}
	for company, wants := range cases {
		fs := fixtureStore()
		m := testModel(t, fs, 100, 60)
		m, _ = send(t, m, nil)
		m, _ = send(t, m, openMsg{newDetail(m.c, timeline.Entry{App: timeline.Application{ID: fs.idOf(company)}})})
		v := m.View()
		for _, want := range wants {
			if !strings.Contains(v, want) {
				t.Errorf("%s: the detail lacks %q:\n%s", company, want, v)
			}
		}
	}
}

func TestDetailRemovesAnEventAfterConfirming(t *testing.T) {
	fs := fixtureStore()
	m := testModel(t, fs, 100, 40)
	m = selectCompany(t, m, "Acme Robotics")
	m, _ = press(t, m, "enter")
	if ev, _ := topAs[*detail](t, m).SelectedEvent(); ev.Note != "onsite loop with bar raiser" {
		t.Fatalf("the newest event should be selected first, got %+v", ev)
	}
	m, _ = press(t, m, "j") // the phone screen
	m, _ = press(t, m, "x")
	if !isTop[*confirm](m) || !strings.Contains(m.View(), "Remove the interview of Wed 28 Oct") {
		t.Fatalf("x should ask first:\n%s", m.View())
	}
	m, _ = press(t, m, "j", "enter", "c") // ignored by the confirmation
	if !isTop[*confirm](m) || len(fs.writes) != 0 {
		t.Fatal("keys other than y/n acted behind the confirmation")
	}
	m, _ = press(t, m, "n")
	if !isTop[*detail](m) || len(fs.writes) != 0 {
		t.Fatal("n should go back with nothing written")
	}
	m, _ = press(t, m, "x", "y")
	if len(fs.writes) != 1 || !strings.HasPrefix(fs.writes[0], "unlog ") {
		t.Fatalf("writes %v", fs.writes)
	}
	if !isTop[*detail](m) || len(topAs[*detail](t, m).d.Events) != 1 {
		t.Errorf("the detail should show 1 event now, has %d", len(topAs[*detail](t, m).d.Events))
	}
}

func TestDeleteAndArchiveAskFirst(t *testing.T) {
	fs := fixtureStore()
	m := testModel(t, fs, 100, 30)
	m = selectCompany(t, m, "Acme Robotics")
	m, _ = press(t, m, "D", "esc")
	if len(fs.writes) != 0 || !isTop[*dashboard](m) {
		t.Fatal("esc should cancel the delete")
	}
	m, _ = press(t, m, "A", "y")
	if len(fs.writes) != 1 || fs.writes[0] != "archive 1 true" {
		t.Fatalf("writes %v", fs.writes)
	}
	if slices.Contains(m.dash.chase, entryIndex(m, 1)) {
		t.Error("an archived application should leave the chase view")
	}
	// Archived from the Chase tab, the cursor moves on to the next item.
	if e, _ := m.dash.Selected(); m.dash.tab != tabChase || e.App.Company == "Acme Robotics" {
		t.Errorf("after archiving the dashboard is on %s at %s, want Chase at the next item", tabNames[m.dash.tab], e.App.Company)
	}
	m = setTab(t, m, tabClosed)
	m = selectCompany(t, m, "Acme Robotics")
	m, _ = press(t, m, "enter", "D", "y")
	if fs.writes[1] != "delete 1" || !isTop[*dashboard](m) {
		t.Fatalf("writes %v, top %T", fs.writes, m.top())
	}
	if entryIndex(m, 1) >= 0 {
		t.Error("the deleted application is still listed")
	}
}

func TestDetailScrollsToTheSelectedEvent(t *testing.T) {
	fs := fixtureStore()
	id := fs.idOf("Kojo Labs")
	for i := 0; i < 30; i++ {
		fs.events[id] = append(fs.events[id], timeline.Event{ID: int64(1000 + i), Type: timeline.EventNote, Date: timeline.MustDate("2026-10-01").AddDays(i), Note: "prep"})
	}
	m := testModel(t, fs, 60, 15)
	m = setTab(t, m, tabActive)
	m = selectCompany(t, m, "Kojo Labs")
	m, _ = press(t, m, "enter")
	for i := 0; i < 25; i++ {
		m, _ = press(t, m, "j")
	}
	if !strings.Contains(m.View(), "›") {
		t.Errorf("the selected event is off screen:\n%s", m.View())
	}
	checkSize(t, m)
	m, _ = send(t, m, tea.MouseMsg{Button: tea.MouseButtonWheelUp, Action: tea.MouseActionPress})
	if topAs[*detail](t, m).offset == 0 {
		t.Error("the wheel should scroll the detail")
	}
}

func TestDetailFollowsChangesFromElsewhere(t *testing.T) {
	fs := fixtureStore()
	m := testModel(t, fs, 100, 40)
	m = selectCompany(t, m, "Acme Robotics")
	m, _ = press(t, m, "enter")
	fs.mu.Lock()
	fs.events[1] = append(fs.events[1], timeline.Event{ID: 999, Type: timeline.EventHold, Date: testToday})
	fs.version++
	fs.mu.Unlock()
	m, _ = send(t, m, pollMsg{version: fs.version, today: testToday})
	if topAs[*detail](t, m).d.Stage != timeline.StageHold || !strings.Contains(m.View(), "[on hold]") {
		t.Errorf("the detail did not follow the change: %s", topAs[*detail](t, m).d.Stage)
	}
	fs.DeleteApplication(1)
	m, _ = send(t, m, pollMsg{version: fs.version, today: testToday})
	if !isTop[*dashboard](m) || !strings.Contains(m.status, "no longer exists") {
		t.Errorf("a deletion elsewhere should close the detail: top %T, status %q", m.top(), m.status)
	}
}

func TestShortDetailOpensAtItsTop(t *testing.T) {
	m := testModel(t, fixtureStore(), 60, 15)
	m = selectCompany(t, m, "Cyberdyne")
	m, _ = press(t, m, "enter")
	if v := m.View(); !strings.Contains(v, "Cyberdyne · Platform Engineer") || strings.Contains(v, "›") {
		t.Errorf("the detail should open at its top:\n%s", v)
	}
	m, _ = press(t, m, "j")
	if ev, _ := topAs[*detail](t, m).SelectedEvent(); ev.Type != timeline.EventChecks || !strings.Contains(m.View(), "› Thu 5 Nov 2026") {
		t.Errorf("the first j should show the newest event, selected:\n%s", m.View())
	}
	m, _ = press(t, m, "j")
	if ev, _ := topAs[*detail](t, m).SelectedEvent(); ev.Type != timeline.EventAccepted {
		t.Errorf("the second j should select the next event, got %s", ev.Type)
	}
}

func TestNarrowFullHelpWrapsInsteadOfDropping(t *testing.T) {
	m := testModel(t, fixtureStore(), 60, 30)
	m, _ = press(t, m, "enter", "?")
	v := m.View()
	for _, want := range []string{"remove event", "draft a message", "esc/q", "ctrl+c"} {
		if !strings.Contains(v, want) {
			t.Errorf("the full help at 60 columns lacks %q:\n%s", want, v)
		}
	}
	checkSize(t, m)
}

// An interview logged with its time of day shows the time in the history.
func TestDetailShowsAnInterviewsTime(t *testing.T) {
	fs := fixtureStore()
	id := fs.idOf("Acme Robotics")
	if _, err := fs.LogEvent(id, timeline.Event{Type: timeline.EventInterview, Date: timeline.MustDate("2026-12-03"), At: "14:30", Note: "final round"}); err != nil {
		t.Fatal(err)
	}
	m := testModel(t, fs, 100, 60)
	m, _ = send(t, m, nil)
	m, _ = send(t, m, openMsg{newDetail(m.c, timeline.Entry{App: timeline.Application{ID: id}})})
	if v := m.View(); !strings.Contains(v, "Thu 3 Dec 2026   interview at 14:30 · planned") {
		t.Errorf("the detail's history lacks the interview's time:\n%s", v)
	}
}

// The detail of a negotiated offer shows the terms as they stand (the
// negotiation's base and deadline replace the offer's) and the negotiation
// step by step: the offer, then each negotiate with its note, terms and
// deadline.
func TestDetailNegotiationHistory(t *testing.T) {
	fs := newFakeStore()
	offer := tev(timeline.EventOffer, "2026-11-16", "verbal")
	offer.Deadline, offer.Base, offer.Bonus, offer.Currency = timeline.MustDate("2026-11-27"), 150000, 10000, "EUR"
	neg1 := tev(timeline.EventNegotiate, "2026-11-18", "asked for 165k")
	neg1.Deadline = timeline.MustDate("2026-12-02")
	neg2 := tev(timeline.EventNegotiate, "2026-11-24", "met halfway")
	neg2.Base, neg2.Signon = 160000, 5000
	fs.add(timeline.Application{Company: "Vandelay", Role: "Importer"}, tev(timeline.EventInterview, "2026-11-09", ""), offer, neg1, neg2)
	m := testModel(t, fs, 120, 60)
	m = setTab(t, m, tabOffers)
	m = selectCompany(t, m, "Vandelay")
	m, _ = press(t, m, "enter")
	v := m.View()
	want := []string{
		"  Offer        base 160,000 EUR · bonus 10,000 · sign-on 5,000",
		"               yearly 170,000 EUR · first year 175,000 EUR · received Mon 16 Nov · answer by Wed 2 Dec",
		"  Negotiation  offered Mon 16 Nov · \"verbal\" · base 150,000 · bonus 10,000 · currency EUR · deadline Fri 27 Nov",
		"               negotiated Wed 18 Nov · \"asked for 165k\" · new deadline Wed 2 Dec",
		"               negotiated Tue 24 Nov · \"met halfway\" · base 160,000 · sign-on 5,000",
	}
	at := -1
	for _, w := range want {
		i := strings.Index(v, w)
		if i < 0 || i < at {
			t.Errorf("the detail lacks %q (in this order):\n%s", w, v)
		}
		at = i
	}
	checkSize(t, m)
}
