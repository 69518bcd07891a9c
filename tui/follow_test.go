package tui

import (
	"strings"
	"testing"

	"github.com/afterview/afterview/timeline"
)

// The cursor follows the application the user changed: after a write from
// the TUI the dashboard shows the tab that holds the application now, with
// the cursor on it. A reload caused by another process never switches tabs.

// wantSelected fails unless the dashboard is on tab want with the cursor on
// company.
func wantSelected(t *testing.T, m model, want tab, company, after string) {
	t.Helper()
	e, ok := m.dash.Selected()
	if m.dash.tab != want || !ok || e.App.Company != company {
		t.Errorf("after %s the dashboard is on %s at %q, want %s at %s", after, tabNames[m.dash.tab], e.App.Company, tabNames[want], company)
	}
}

func TestLoggingAnOfferFollowsTheApplicationToOffers(t *testing.T) {
	fs := fixtureStore()
	m := testModel(t, fs, 100, 30)
	m = setTab(t, m, tabActive)
	m = selectCompany(t, m, "Kojo Labs")
	m, _ = press(t, m, "l", "o", "enter")
	if topAs[*eventForm](t, m).eventType() != timeline.EventOffer {
		t.Fatalf("chose %s, want offer", topAs[*eventForm](t, m).eventType())
	}
	m, _ = press(t, m, "ctrl+s")
	if e := lastLogged(t, fs, "Kojo Labs"); e.Type != timeline.EventOffer {
		t.Fatalf("logged %+v, want an offer", e)
	}
	if !isTop[*dashboard](m) {
		t.Fatal("the form should close after the save")
	}
	wantSelected(t, m, tabOffers, "Kojo Labs", "logging an offer on Active")
	if !strings.Contains(m.status, "Logged offer for Kojo Labs.") || !strings.Contains(m.status, "on the Offers tab now") {
		t.Errorf("status %q should say what was logged and where the application went", m.status)
	}
	if v := m.View(); !strings.Contains(v, "[Offers 3]") || !strings.Contains(v, "› Kojo Labs") {
		t.Errorf("the view should show Kojo Labs selected on Offers:\n%s", v)
	}
}

func TestARejectionOnTheChaseTabMovesOnToTheNextItem(t *testing.T) {
	fs := fixtureStore()
	m := testModel(t, fs, 100, 30)
	m = selectCompany(t, m, "Acme Robotics") // on the Chase tab, overdue
	m, _ = press(t, m, "l", "r", "enter")
	if topAs[*eventForm](t, m).eventType() != timeline.EventRejected {
		t.Fatalf("chose %s, want rejected", topAs[*eventForm](t, m).eventType())
	}
	m, _ = press(t, m, "ctrl+s")
	if e, _ := m.dash.Selected(); m.dash.tab != tabChase || e.App.Company == "Acme Robotics" {
		t.Errorf("after a rejection on Chase the dashboard is on %s at %s, want Chase at the next item", tabNames[m.dash.tab], e.App.Company)
	}
	if !strings.Contains(m.status, "Acme Robotics is on the Closed tab now.") {
		t.Errorf("status %q should say where the application went", m.status)
	}
}

func TestAChangeThatKeepsTheTabKeepsTheTabAndTheCursor(t *testing.T) {
	fs := fixtureStore()
	m := testModel(t, fs, 100, 30)
	m = selectCompany(t, m, "Umbrella Health") // overdue check-in on Chase
	// A note changes nothing: it stays due, on the Chase tab.
	m, _ = press(t, m, "l", "G", "enter", "tab")
	m = typeText(t, m, "called, voicemail")
	m, _ = press(t, m, "ctrl+s")
	wantSelected(t, m, tabChase, "Umbrella Health", "logging a note")
	if strings.Contains(m.status, "tab") {
		t.Errorf("status %q should not mention a tab: the dashboard did not move", m.status)
	}
}

func TestChasedMovesOnAndUndoComesBack(t *testing.T) {
	fs := fixtureStore()
	m := testModel(t, fs, 100, 30)
	m = selectCompany(t, m, "Acme Robotics")
	m, _ = press(t, m, "c") // chased: due again in 5 business days, out of the chase view
	if e, _ := m.dash.Selected(); m.dash.tab != tabChase || e.App.Company == "Acme Robotics" {
		t.Errorf("after c the dashboard is on %s at %s, want Chase at the next item", tabNames[m.dash.tab], e.App.Company)
	}
	if !strings.Contains(m.status, "Acme Robotics is on the Active tab now.") {
		t.Errorf("status %q should say where the application went", m.status)
	}
	m, _ = press(t, m, "u") // overdue again: the Chase tab holds it
	wantSelected(t, m, tabChase, "Acme Robotics", "u")
}

func TestArchiveAndRestoreFollowTheApplication(t *testing.T) {
	fs := fixtureStore()
	m := testModel(t, fs, 100, 30)
	m = setTab(t, m, tabActive)
	m = selectCompany(t, m, "Kojo Labs")
	m, _ = press(t, m, "A", "y")
	wantSelected(t, m, tabClosed, "Kojo Labs", "archiving")
	m, _ = press(t, m, "A", "y")
	wantSelected(t, m, tabActive, "Kojo Labs", "restoring")
}

func TestAChangeInTheDetailMovesTheDashboardUnderIt(t *testing.T) {
	fs := fixtureStore()
	m := testModel(t, fs, 100, 30)
	m = setTab(t, m, tabActive)
	m = selectCompany(t, m, "Kojo Labs")
	m, _ = press(t, m, "enter", "l", "o", "enter", "ctrl+s")
	if !isTop[*detail](m) || topAs[*detail](t, m).d.Stage != timeline.StageOffer {
		t.Fatalf("the detail should stay open and show the offer (top %T, stage %s)", m.top(), topAs[*detail](t, m).d.Stage)
	}
	m, _ = press(t, m, "esc")
	wantSelected(t, m, tabOffers, "Kojo Labs", "logging an offer in the detail")
}

func TestAFilterThatHidesTheChangedApplicationIsKept(t *testing.T) {
	fs := fixtureStore()
	m := testModel(t, fs, 100, 30)
	m = setTab(t, m, tabActive)
	m, _ = press(t, m, "/")
	m = typeText(t, m, "kojo")
	m, _ = press(t, m, "enter")
	// The filter still matches after the move: the cursor is on it there.
	m, _ = press(t, m, "l", "o", "enter", "ctrl+s")
	wantSelected(t, m, tabOffers, "Kojo Labs", "logging an offer under a filter")
	if m.dash.filter.Value() != "kojo" {
		t.Errorf("the filter became %q", m.dash.filter.Value())
	}
	// A rename the filter no longer matches: the filter stays, the status
	// line says why the row went, and esc brings the cursor to it.
	m, _ = press(t, m, "e")
	for range len("Kojo Labs") {
		m, _ = press(t, m, "backspace")
	}
	m = typeText(t, m, "Nkoyo Labs")
	m, _ = press(t, m, "ctrl+s")
	if m.dash.filter.Value() != "kojo" || m.dash.tab != tabOffers {
		t.Fatalf("after the rename: filter %q on %s, want kojo on Offers", m.dash.filter.Value(), tabNames[m.dash.tab])
	}
	if m.dash.rowOf(fs.idOf("Nkoyo Labs")) >= 0 {
		t.Fatal("the filter should hide the renamed application")
	}
	if want := `Nkoyo Labs is on the Offers tab, hidden by the filter "kojo": esc clears it.`; !strings.Contains(m.status, want) {
		t.Errorf("status %q should say %q", m.status, want)
	}
	m, _ = press(t, m, "esc")
	wantSelected(t, m, tabOffers, "Nkoyo Labs", "clearing the filter")
}

func TestAReloadByAnotherProcessKeepsTheTab(t *testing.T) {
	fs := fixtureStore()
	m := testModel(t, fs, 100, 30)
	m = setTab(t, m, tabActive)
	m = selectCompany(t, m, "Tyrell Systems")
	// Another process logs an offer for Kojo Labs (moving it to Offers) and
	// a rejection for the selected Tyrell Systems (moving it to Closed).
	kojo := tev(timeline.EventOffer, "2026-11-26", "")
	kojo.Base = 150000
	if _, err := fs.LogEvent(fs.idOf("Kojo Labs"), kojo); err != nil {
		t.Fatal(err)
	}
	v, _ := fs.DataVersion()
	m, _ = send(t, m, pollMsg{version: v, today: testToday})
	wantSelected(t, m, tabActive, "Tyrell Systems", "another process moved Kojo Labs")
	if m.dash.rowOf(fs.idOf("Kojo Labs")) >= 0 {
		t.Error("the reload should have moved Kojo Labs off Active")
	}

	if _, err := fs.LogEvent(fs.idOf("Tyrell Systems"), tev(timeline.EventRejected, "2026-11-26", "")); err != nil {
		t.Fatal(err)
	}
	v, _ = fs.DataVersion()
	m, _ = send(t, m, pollMsg{version: v, today: testToday})
	if m.dash.tab != tabActive {
		t.Errorf("a reload switched to %s: only the user's own changes move the dashboard", tabNames[m.dash.tab])
	}
	if m.dash.rowOf(fs.idOf("Tyrell Systems")) >= 0 {
		t.Error("the reload should have moved Tyrell Systems off Active")
	}
	if e, ok := m.dash.Selected(); !ok || m.dash.cursor >= len(m.dash.rows) {
		t.Errorf("the cursor (%d of %d rows) should stay on a row of Active, on %s", m.dash.cursor, len(m.dash.rows), e.App.Company)
	}
	if m.status != "" {
		t.Errorf("a reload should say nothing, said %q", m.status)
	}
}
