package tui

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/afterview/afterview/timeline"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

func TestOpensOnChaseWhenSomethingIsDue(t *testing.T) {
	m := testModel(t, fixtureStore(), 100, 30)
	if m.dash.tab != tabChase {
		t.Fatalf("opened on %s, want Chase (items are overdue)", tabNames[m.dash.tab])
	}
	if e, _ := m.dash.Selected(); m.dash.cursor != 0 || e.App.Company != "Cyberdyne" {
		t.Errorf("the cursor starts on row %d (%s), want the first chase item", m.dash.cursor, e.App.Company)
	}
	if m.dash.totals.Due != 3 {
		t.Errorf("toChase = %d, want 3 (Cyberdyne, Acme Robotics, Umbrella Health)", m.dash.totals.Due)
	}
	if h := m.headerView(); !strings.Contains(h, "3 due · 5 waiting · 1 offer to answer") {
		t.Errorf("header %q lacks the counts", h)
	}
}

func TestOpensOnActiveWhenNothingIsDue(t *testing.T) {
	fs := newFakeStore()
	fs.add(timeline.Application{Company: "Kojo Labs"}, tev(timeline.EventInterview, "2026-11-24", ""))
	m := testModel(t, fs, 100, 30)
	if m.dash.tab != tabActive {
		t.Fatalf("opened on %s, want Active", tabNames[m.dash.tab])
	}
}

func TestChaseTabIsTheChaseView(t *testing.T) {
	fs := fixtureStore()
	m := testModel(t, fs, 100, 30)
	entries, _ := fs.Entries(false)
	want := timeline.Chase(entries, testToday, fs.set.LookaheadDays)
	if len(m.dash.rows) != len(want) {
		t.Fatalf("Chase tab has %d rows, timeline.Chase %d", len(m.dash.rows), len(want))
	}
	for i, it := range want {
		if got := m.dash.entries[m.dash.rows[i]].App.Company; got != it.App.Company {
			t.Errorf("row %d is %s, want %s", i, got, it.App.Company)
		}
	}
	// The sort key does not reorder the Chase tab.
	m, msgs := press(t, m, "s")
	if got := m.dash.entries[m.dash.rows[0]].App.Company; got != want[0].App.Company {
		t.Errorf("after s the Chase tab starts with %s, want %s", got, want[0].App.Company)
	}
	if len(msgs) == 0 || !strings.Contains(msgs[0].(statusMsg).text, "chase order") {
		t.Errorf("s on the Chase tab should explain the order, got %v", msgs)
	}
}

func TestTabsHoldTheRightStages(t *testing.T) {
	m := testModel(t, fixtureStore(), 100, 30)
	want := map[tab][]string{
		tabActive: {"Acme Robotics", "Kojo Labs", "Globex", "Umbrella Health", "Pied Piper", "Tyrell Systems", "Massive Dynamic"},
		tabOffers: {"Initech", "Cyberdyne"},
		tabClosed: {"Hooli", "Stark Analytics", "Wayne Logistics"},
	}
	for tb, companies := range want {
		m = setTab(t, m, tb)
		got := map[string]bool{}
		for _, i := range m.dash.rows {
			got[m.dash.entries[i].App.Company] = true
		}
		if len(got) != len(companies) {
			t.Errorf("%s has %d rows, want %d (%v)", tabNames[tb], len(got), len(companies), companies)
		}
		for _, c := range companies {
			if !got[c] {
				t.Errorf("%s lacks %s", tabNames[tb], c)
			}
		}
	}
}

func TestSortCyclesAndKeepsTheCursor(t *testing.T) {
	m := testModel(t, fixtureStore(), 100, 30)
	m = setTab(t, m, tabActive)
	m = selectCompany(t, m, "Globex")
	for _, want := range []sortMode{sortCompany, sortStage, sortActivity, sortDue} {
		m, _ = press(t, m, "s")
		if m.dash.sort != want {
			t.Fatalf("sort = %s, want %s", sortNames[m.dash.sort], sortNames[want])
		}
		if e, _ := m.dash.Selected(); e.App.Company != "Globex" {
			t.Errorf("after sorting by %s the cursor is on %s, want Globex", sortNames[want], e.App.Company)
		}
	}
	m, _ = press(t, m, "s") // company
	var names []string
	for _, i := range m.dash.rows {
		names = append(names, m.dash.entries[i].App.Company)
	}
	if names[0] != "Acme Robotics" || names[len(names)-1] != "Umbrella Health" {
		t.Errorf("sorted by company: %v", names)
	}
}

func TestCursorStaysOnTheApplicationAfterAReload(t *testing.T) {
	fs := fixtureStore()
	m := testModel(t, fs, 100, 30)
	m = setTab(t, m, tabActive)
	m = selectCompany(t, m, "Tyrell Systems")
	// Another process adds an application that sorts first.
	fs.add(timeline.Application{Company: "Aardvark"}, tev(timeline.EventInterview, "2026-11-02", ""))
	v, _ := fs.DataVersion()
	m, _ = send(t, m, pollMsg{version: v, today: testToday})
	if e, _ := m.dash.Selected(); e.App.Company != "Tyrell Systems" {
		t.Errorf("after a reload the cursor is on %s", e.App.Company)
	}
	if m.dash.rowOf(fs.idOf("Aardvark")) < 0 {
		t.Error("the application added elsewhere did not appear")
	}
}

func TestPollReloadsOnlyOnAChangeOrANewDay(t *testing.T) {
	fs := fixtureStore()
	m := testModel(t, fs, 100, 30)
	_, msgs := send(t, m, pollMsg{version: m.data.version, today: testToday})
	for _, msg := range msgs {
		if _, ok := msg.(loadedMsg); ok {
			t.Fatal("reloaded although nothing changed")
		}
	}
	m, _ = send(t, m, pollMsg{version: m.data.version, today: testToday.AddDays(1)})
	if m.c.today != testToday.AddDays(1) || m.dash.today != testToday.AddDays(1) {
		t.Errorf("the date did not roll over: %s", m.c.today)
	}
}

func TestFilterTypesLettersAndNarrows(t *testing.T) {
	m := testModel(t, fixtureStore(), 100, 30)
	m = setTab(t, m, tabActive)
	m, _ = press(t, m, "/")
	m = typeText(t, m, "kojo q")
	if len(m.dash.rows) != 0 || m.dash.filter.Value() != "kojo q" {
		t.Fatalf("filter %q shows %d rows", m.dash.filter.Value(), len(m.dash.rows))
	}
	m, msgs := press(t, m, "backspace", "backspace")
	if quits(msgs) || len(m.dash.rows) != 1 {
		t.Fatalf("filter %q shows %d rows, want Kojo Labs", m.dash.filter.Value(), len(m.dash.rows))
	}
	m, _ = press(t, m, "enter")
	if m.dash.filtering || m.dash.filter.Value() != "kojo" {
		t.Error("enter should keep the filter and give the keys back")
	}
	if e, _ := m.dash.Selected(); e.App.Company != "Kojo Labs" {
		t.Errorf("selected %s", e.App.Company)
	}
	m, _ = press(t, m, "esc")
	if m.dash.filter.Value() != "" || len(m.dash.rows) != 7 {
		t.Errorf("esc should clear the filter: %q, %d rows", m.dash.filter.Value(), len(m.dash.rows))
	}
}

func TestNavigationKeysAndWheel(t *testing.T) {
	m := testModel(t, fixtureStore(), 100, 30)
	m = setTab(t, m, tabActive)
	m, _ = press(t, m, "j", "j")
	if m.dash.cursor != 2 {
		t.Errorf("cursor %d after jj", m.dash.cursor)
	}
	m, _ = press(t, m, "G")
	if m.dash.cursor != len(m.dash.rows)-1 {
		t.Errorf("G: cursor %d", m.dash.cursor)
	}
	m, _ = send(t, m, tea.MouseMsg{Button: tea.MouseButtonWheelUp, Action: tea.MouseActionPress})
	if m.dash.cursor != len(m.dash.rows)-2 {
		t.Errorf("wheel up: cursor %d", m.dash.cursor)
	}
	m, _ = send(t, m, tea.MouseMsg{Button: tea.MouseButtonLeft, Action: tea.MouseActionPress, Y: headerHeight + 2})
	if m.dash.cursor != 0 {
		t.Errorf("a click on the first row: cursor %d", m.dash.cursor)
	}
}

func TestOnlyTheTopLevelQuitsOnQ(t *testing.T) {
	m := testModel(t, fixtureStore(), 100, 30)
	m, msgs := press(t, m, "enter")
	if !isTop[*detail](m) {
		t.Fatal("enter did not open the detail")
	}
	m, msgs = press(t, m, "q")
	if quits(msgs) || !isTop[*dashboard](m) {
		t.Fatal("q in the detail should go back, not quit")
	}
	m, _ = press(t, m, "a")
	m, msgs = press(t, m, "q")
	if quits(msgs) || !isTop[*appForm](m) {
		t.Fatal("q in a form should be text")
	}
	m, _ = press(t, m, "esc")
	_, msgs = press(t, m, "q")
	if !quits(msgs) {
		t.Fatal("q at the top level should quit")
	}
	_, msgs = press(t, testModel(t, fixtureStore(), 100, 30), "a", "ctrl+c")
	if !quits(msgs) {
		t.Fatal("ctrl+c should always quit")
	}
}

func TestHelpTakesTheKeysWhileOpen(t *testing.T) {
	m := testModel(t, fixtureStore(), 100, 30)
	before := m.dash.cursor
	m, _ = press(t, m, "?")
	if !m.showHelp || !strings.Contains(m.View(), "draft a message") {
		t.Fatal("? should show the full help")
	}
	m, msgs := press(t, m, "j", "enter", "c")
	if m.dash.cursor != before || !isTop[*dashboard](m) || len(msgs) != 0 {
		t.Fatal("keys leaked through the help")
	}
	m, _ = press(t, m, "?")
	if m.showHelp {
		t.Fatal("? should close the help")
	}
}

func TestResizeDropsColumnsAndFits(t *testing.T) {
	m := testModel(t, fixtureStore(), 120, 30)
	if v := m.View(); !strings.Contains(v, "WINDOW") || !strings.Contains(v, "ROLE") {
		t.Error("a wide terminal should show every column")
	}
	checkSize(t, m)
	m, _ = send(t, m, tea.WindowSizeMsg{Width: 60, Height: 15})
	v := m.View()
	if strings.Contains(v, "WINDOW") || !strings.Contains(v, "COMPANY") || !strings.Contains(v, "DUE") {
		t.Errorf("at 60 columns the bar should go and company and due stay:\n%s", v)
	}
	checkSize(t, m)
	for _, k := range []string{"enter", "l", "enter"} {
		m, _ = press(t, m, k)
		checkSize(t, m)
	}
	m, _ = send(t, m, tea.WindowSizeMsg{Width: 59, Height: 15})
	if v := m.View(); !strings.Contains(v, "Terminal too small") || strings.Contains(v, "\n") {
		t.Errorf("below 60×15 the view should be one line, got:\n%s", v)
	}
}

func TestFirstFrameDoesNotWaitForTheData(t *testing.T) {
	m := newModel(fixtureStore(), Options{Today: func() timeline.Date { return testToday }}, lipgloss.DefaultRenderer())
	tm, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 20})
	v := tm.View()
	if !strings.Contains(v, "afterview  Thu 26 Nov 2026") || !strings.Contains(v, "Loading…") {
		t.Errorf("the first frame should show the chrome at once:\n%s", v)
	}
}

func TestALoadFailureIsShown(t *testing.T) {
	fs := fixtureStore()
	fs.failRead = errors.New("disk I/O error")
	m := newModel(fs, Options{Today: func() timeline.Date { return testToday }}, lipgloss.DefaultRenderer())
	m.data.pollEvery = 0
	m, _ = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 20})
	m, _ = runCmds(t, m, m.Init())
	m, _ = press(t, m, "j") // the status line clears; the body keeps saying it
	if v := m.View(); !strings.Contains(v, "Could not read the database: disk I/O error") {
		t.Errorf("a failed load should say so:\n%s", v)
	}
}

func TestAStaleLoadIsIgnored(t *testing.T) {
	m := testModel(t, fixtureStore(), 100, 30)
	m.data.shownSeq = 5
	m, _ = send(t, m, loadedMsg{seq: 4})
	if len(m.dash.entries) == 0 {
		t.Error("an older load replaced a newer one")
	}
}

func TestSinceCountsFromTheStagesStart(t *testing.T) {
	// Seen: SINCE counted from the last interview even for an offer or a
	// rejection.
	m := testModel(t, fixtureStore(), 100, 30)
	for _, c := range []struct {
		tb             tab
		company, since string
	}{
		{tabOffers, "Initech", "3d"},       // the offer of Mon 23 Nov, not the interview of 12 Nov (14d)
		{tabClosed, "Hooli", "8w"},         // the rejection of 1 Oct, not the interview of 20 Sep (9w)
		{tabActive, "Acme Robotics", "6d"}, // follow up since Fri 20 Nov, the day after the reply window closed
	} {
		m = setTab(t, m, c.tb)
		m = selectCompany(t, m, c.company)
		line := ""
		for _, l := range strings.Split(m.View(), "\n") {
			if strings.HasPrefix(l, "› "+c.company) {
				line = l
			}
		}
		// Cells: company, role, stage, since, window…
		if cells := regexp.MustCompile(`\s{2,}`).Split(line, -1); len(cells) < 4 || cells[3] != c.since {
			t.Errorf("%s: SINCE should be %s: %q", c.company, c.since, line)
		}
	}
}
