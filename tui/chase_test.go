package tui

import (
	"bytes"
	"encoding/base64"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/afterview/afterview/timeline"
)

// lastLogged returns the event the test store logged last for company.
func lastLogged(t testing.TB, fs *fakeStore, company string) timeline.Event {
	t.Helper()
	fs.mu.Lock()
	defer fs.mu.Unlock()
	for id, a := range fs.apps {
		if a.Company == company {
			evs := fs.events[id]
			return evs[len(evs)-1]
		}
	}
	t.Fatalf("no %s", company)
	return timeline.Event{}
}

func TestChasedLogsAFollowupAndLeavesOverdue(t *testing.T) {
	fs := fixtureStore()
	m := testModel(t, fs, 100, 30)
	m = selectCompany(t, m, "Acme Robotics")
	m, msgs := press(t, m, "c")
	var logged *eventLoggedMsg
	for _, msg := range msgs {
		if l, ok := msg.(eventLoggedMsg); ok {
			logged = &l
		}
	}
	if logged == nil || logged.event.Type != timeline.EventFollowup || logged.event.Date != testToday || !logged.undo {
		t.Fatalf("c should log an undoable follow-up today, got %+v", msgs)
	}
	if e := lastLogged(t, fs, "Acme Robotics"); e.Type != timeline.EventFollowup || e.Date != testToday {
		t.Fatalf("the store got %+v", e)
	}
	i := entryIndex(m, fs.idOf("Acme Robotics"))
	if e := m.dash.entries[i]; e.Next == nil || e.Next.Due <= testToday {
		t.Errorf("after chasing, Acme is still due: %+v", e.Next)
	}
	if m.dash.totals.Due != 2 {
		t.Errorf("toChase = %d after chasing one of 3", m.dash.totals.Due)
	}
	if !strings.Contains(m.status, "u undoes") {
		t.Errorf("status %q should mention undo", m.status)
	}
}

func TestUndoRemovesTheChaseEvent(t *testing.T) {
	fs := fixtureStore()
	m := testModel(t, fs, 100, 30)
	m = selectCompany(t, m, "Acme Robotics")
	m, _ = press(t, m, "c")
	id := lastLogged(t, fs, "Acme Robotics").ID
	m, msgs := press(t, m, "u")
	var removed *eventRemovedMsg
	for _, msg := range msgs {
		if r, ok := msg.(eventRemovedMsg); ok {
			removed = &r
		}
	}
	if removed == nil || removed.event.ID != id || removed.undo != "chased Acme Robotics" {
		t.Fatalf("u should delete event %d, got %+v", id, msgs)
	}
	if e := lastLogged(t, fs, "Acme Robotics"); e.Type == timeline.EventFollowup {
		t.Fatal("the follow-up is still in the store")
	}
	if m.dash.totals.Due != 3 {
		t.Errorf("toChase = %d after undo, want 3", m.dash.totals.Due)
	}
	if e, _ := m.dash.Selected(); e.App.Company != "Acme Robotics" {
		t.Errorf("after undo the cursor is on %s, want the restored Acme Robotics", e.App.Company)
	}
	m, _ = press(t, m, "u")
	if !strings.Contains(m.status, "Nothing to undo") {
		t.Errorf("a second u: status %q", m.status)
	}
}

func TestSnoozeAsksDaysAndLogsUntil(t *testing.T) {
	fs := fixtureStore()
	m := testModel(t, fs, 100, 30)
	m = selectCompany(t, m, "Umbrella Health")
	m, _ = press(t, m, "z")
	if !isTop[*snoozeForm](m) {
		t.Fatal("z should ask how long")
	}
	m = typeText(t, m, "0")
	m, _ = press(t, m, "enter")
	if !isTop[*snoozeForm](m) || topAs[*snoozeForm](t, m).until.err == "" {
		t.Fatal("0 days should be refused inline")
	}
	m, _ = press(t, m, "backspace")
	m = typeText(t, m, "3")
	m, _ = press(t, m, "enter")
	e := lastLogged(t, fs, "Umbrella Health")
	if e.Type != timeline.EventSnooze || e.Date != testToday || e.Until != testToday.AddDays(3) {
		t.Fatalf("logged %+v, want a snooze today until +3d", e)
	}
	if !isTop[*dashboard](m) || slices.Contains(m.dash.chase, entryIndex(m, fs.idOf("Umbrella Health"))) {
		t.Error("a snoozed item should leave the chase view")
	}
	// The Chase tab is worked down item by item: the cursor moves on.
	if e, _ := m.dash.Selected(); m.dash.tab != tabChase || e.App.Company == "Umbrella Health" {
		t.Errorf("after the snooze the dashboard is on %s at %s, want Chase at the next item", tabNames[m.dash.tab], e.App.Company)
	}
	m, _ = press(t, m, "u")
	if e := lastLogged(t, fs, "Umbrella Health"); e.Type == timeline.EventSnooze {
		t.Error("u should undo the snooze")
	}
	// Undone, it is in the chase view again, under the cursor.
	if e, _ := m.dash.Selected(); m.dash.tab != tabChase || e.App.Company != "Umbrella Health" {
		t.Errorf("after the undo the dashboard is on %s at %s, want Chase at Umbrella Health", tabNames[m.dash.tab], e.App.Company)
	}
	// A date works too.
	m, _ = press(t, m, "z")
	m = typeText(t, m, "2026-12-24")
	m, _ = press(t, m, "enter")
	if e := lastLogged(t, fs, "Umbrella Health"); e.Until != timeline.MustDate("2026-12-24") {
		t.Errorf("until %s", e.Until)
	}
}

func TestChasedRefusesOffersAndReapply(t *testing.T) {
	fs := fixtureStore()
	m := testModel(t, fs, 100, 30)
	m = setTab(t, m, tabOffers)
	m = selectCompany(t, m, "Initech")
	m, msgs := press(t, m, "c")
	if len(fs.writes) != 0 || len(msgs) != 1 || !strings.Contains(m.status, "offer") {
		t.Errorf("c on an offer wrote %v, status %q", fs.writes, m.status)
	}
}

func TestDraftPaneForEachKind(t *testing.T) {
	cases := []struct {
		company, tabName string
		tb               tab
		subject          string
	}{
		{"Acme Robotics", "Chase", tabChase, "Following up: Software Engineer II at Acme Robotics"},
		{"Umbrella Health", "Chase", tabChase, "Checking in: SRE at Umbrella Health"},
		{"Cyberdyne", "Chase", tabChase, "Background checks: Platform Engineer at Cyberdyne"},
		{"Initech", "Offers", tabOffers, "Questions about the offer for the Data Engineer role"},
		{"Hooli", "Closed", tabClosed, "Feedback: ML Engineer at Hooli"}, // the reapply window opens in April
	}
	for _, c := range cases {
		t.Run(c.company, func(t *testing.T) {
			m := testModel(t, fixtureStore(), 100, 30)
			m = setTab(t, m, c.tb)
			m = selectCompany(t, m, c.company)
			m, _ = press(t, m, "m")
			if !isTop[*draftPane](m) {
				t.Fatalf("m did not open the draft (status %q)", m.status)
			}
			if topAs[*draftPane](t, m).subject != c.subject {
				t.Errorf("subject %q, want %q", topAs[*draftPane](t, m).subject, c.subject)
			}
			if v := m.View(); !strings.Contains(v, c.subject) {
				t.Errorf("the pane does not show the subject:\n%s", v)
			}
			m, _ = press(t, m, "esc")
			if !isTop[*dashboard](m) {
				t.Error("esc should close the draft")
			}
		})
	}
}

func TestDraftCopiesWithOSC52(t *testing.T) {
	m := testModel(t, fixtureStore(), 100, 30)
	m = selectCompany(t, m, "Acme Robotics")
	m, _ = press(t, m, "m")
	buf := m.c.clipboard.(*bytes.Buffer)
	m, _ = press(t, m, "y")
	want := "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(topAs[*draftPane](t, m).body))
	if !strings.HasPrefix(buf.String(), want) {
		t.Fatalf("clipboard got %q, want it to start %q", buf.String(), want)
	}
	if !strings.Contains(m.status, "Copied") {
		t.Errorf("status %q", m.status)
	}
	// Inside tmux: the plain sequence (tmux's set-clipboard), then one
	// wrapped for passthrough.
	buf.Reset()
	m.c.getenv = func(k string) string { return map[string]string{"TMUX": "/tmp/tmux-0/default"}[k] }
	_, _ = press(t, m, "y")
	if !strings.HasPrefix(buf.String(), want) || !strings.Contains(buf.String(), "\x1bPtmux;\x1b\x1b]52;c;") {
		t.Errorf("in tmux the clipboard got %q", buf.String())
	}
}

func TestDraftMailOpensOrFailsGracefully(t *testing.T) {
	m := testModel(t, fixtureStore(), 100, 30)
	m = selectCompany(t, m, "Acme Robotics")
	m, _ = press(t, m, "m")
	m, _ = press(t, m, "o")
	if !m.statusErr || !strings.Contains(m.status, "copy the message with y") {
		t.Errorf("with no opener the status is %q", m.status)
	}
	if !isTop[*draftPane](m) {
		t.Error("a missing opener should leave the draft open")
	}
	m.c.lookPath = func(name string) (string, error) { return "/usr/bin/" + name, nil }
	_, msgs := press(t, m, "o")
	var mailer *mailerMsg
	for _, msg := range msgs {
		if mm, ok := msg.(mailerMsg); ok {
			mailer = &mm
		}
	}
	if mailer == nil || mailer.cmd == nil {
		t.Fatalf("o should find the opener, got %+v", msgs)
	}
	url := mailer.cmd.Args[len(mailer.cmd.Args)-1]
	if !strings.HasPrefix(url, "mailto:pat@acme.example?subject=Following%20up%3A%20Software%20Engineer%20II") || !strings.Contains(url, "&body=Hi%20Pat%2C%0D%0A%0D%0A") {
		t.Errorf("mailto link %q", url)
	}
	// A phone number is not an email: o explains.
	m = testModel(t, fixtureStore(), 100, 30)
	m = setTab(t, m, tabActive)
	m = selectCompany(t, m, "Kojo Labs")
	m, _ = press(t, m, "m", "o")
	if !strings.Contains(m.status, "not an email") {
		t.Errorf("status %q", m.status)
	}
}

func TestMailtoURL(t *testing.T) {
	got := MailtoURL("pat@acme.example", "Hi & bye?", "a b\nc+d=é")
	want := "mailto:pat@acme.example?subject=Hi%20%26%20bye%3F&body=a%20b%0D%0Ac%2Bd%3D%C3%A9"
	if got != want {
		t.Errorf("MailtoURL = %q, want %q", got, want)
	}
}

func TestWriteFailureKeepsTheFormAndItsValues(t *testing.T) {
	fs := fixtureStore()
	m := testModel(t, fs, 100, 30)
	m = selectCompany(t, m, "Acme Robotics")
	fs.fail = errors.New("database is locked")
	m, _ = press(t, m, "l")
	m, _ = press(t, m, "h", "enter") // heard
	m = typeText(t, m, "yesterday")
	m, _ = press(t, m, "tab", "tab")
	m = typeText(t, m, "call with Pat")
	m, _ = press(t, m, "ctrl+s")
	if !isTop[*eventForm](m) || topAs[*eventForm](t, m).step != 1 {
		t.Fatal("a failed write closed the form")
	}
	ef := topAs[*eventForm](t, m)
	f := ef.form
	if ef.fields.date.value() != "yesterday" || ef.fields.note.value() != "call with Pat" || f.saving {
		t.Errorf("values lost: date %q note %q saving %v", ef.fields.date.value(), ef.fields.note.value(), f.saving)
	}
	if !strings.Contains(f.err, "database is locked") || !m.statusErr {
		t.Errorf("the error is not shown: form %q, status %q", f.err, m.status)
	}
	fs.fail = nil
	m, _ = press(t, m, "ctrl+s")
	if !isTop[*dashboard](m) {
		t.Fatal("a second save should go through and close the form")
	}
	if e := lastLogged(t, fs, "Acme Robotics"); e.Type != timeline.EventHeard || e.Date != testToday.AddDays(-1) || e.Note != "call with Pat" {
		t.Errorf("logged %+v", e)
	}
}
