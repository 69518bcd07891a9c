package tui

import (
	"strings"
	"testing"

	"github.com/afterview/afterview/timeline"
)

func TestAddFormTypesLettersAsText(t *testing.T) {
	fs := fixtureStore()
	m := testModel(t, fs, 100, 30)
	cursor := m.dash.cursor
	m, _ = press(t, m, "a")
	// j, k, q, s, c, z, u, ? are keys on the dashboard; here they are text.
	m = typeText(t, m, "Kojo Labs")
	m, _ = press(t, m, "tab")
	m = typeText(t, m, "jkq scz u?")
	if got := topAs[*appForm](t, m).company.value(); got != "Kojo Labs" {
		t.Fatalf("company field holds %q", got)
	}
	if got := topAs[*appForm](t, m).role.value(); got != "jkq scz u?" {
		t.Fatalf("role field holds %q", got)
	}
	if !isTop[*appForm](m) || m.dash.cursor != cursor || m.showHelp {
		t.Fatal("letters typed into the form acted as keys")
	}
	m, _ = press(t, m, "down", "down") // past Applied, to Interviewed
	m = typeText(t, m, "mon")
	m, _ = press(t, m, "ctrl+s")
	if !isTop[*dashboard](m) {
		t.Fatalf("the form did not close (err %q)", topAs[*appForm](t, m).err)
	}

	if len(fs.writes) != 1 || fs.writes[0] != "add Kojo Labs" {
		t.Fatalf("writes %v", fs.writes)
	}
	fs.mu.Lock()
	var added timeline.Application
	var evs []timeline.Event
	for aid, a := range fs.apps {
		if a.Role == "jkq scz u?" {
			added, evs = a, fs.events[aid]
		}
	}
	fs.mu.Unlock()
	if added.Company != "Kojo Labs" || len(evs) != 1 || evs[0].Type != timeline.EventInterview || evs[0].Date != timeline.MustDate("2026-11-23") {
		t.Fatalf("added %+v with %+v (mon: the Monday before Thu 26 Nov)", added, evs)
	}
	if e, _ := m.dash.Selected(); e.App.ID != added.ID {
		t.Errorf("the cursor is on %s, want the new application", e.App.Company)
	}
}

func TestAddFormNeedsACompanyAndEscWritesNothing(t *testing.T) {
	fs := fixtureStore()
	m := testModel(t, fs, 100, 30)
	m, _ = press(t, m, "a", "tab")
	m = typeText(t, m, "SRE")
	m, _ = press(t, m, "ctrl+s")
	if !isTop[*appForm](m) || topAs[*appForm](t, m).company.err == "" || topAs[*appForm](t, m).focus != 0 {
		t.Fatal("an empty company should be refused inline, with the focus on it")
	}
	if !strings.Contains(m.View(), "a company name is needed") {
		t.Error("the error is not on screen")
	}
	m, _ = press(t, m, "esc")
	if !isTop[*dashboard](m) || len(fs.writes) != 0 {
		t.Fatalf("esc should cancel with nothing written: %v", fs.writes)
	}
}

func TestEditWritesOnlyTheChangedFields(t *testing.T) {
	fs := fixtureStore()
	m := testModel(t, fs, 100, 30)
	m = selectCompany(t, m, "Acme Robotics")
	m, _ = press(t, m, "e")
	if got := topAs[*appForm](t, m).company.value(); got != "Acme Robotics" {
		t.Fatalf("the edit form opened with %q", got)
	}
	m, _ = press(t, m, "tab")
	m = typeText(t, m, " (Robotics)")
	m, _ = press(t, m, "ctrl+s")
	if len(fs.changes) != 1 {
		t.Fatalf("writes %v", fs.writes)
	}
	ch := fs.changes[0]
	if ch.Role == nil || *ch.Role != "Software Engineer II (Robotics)" {
		t.Errorf("role change %v", ch.Role)
	}
	if ch.Company != nil || ch.Recruiter != nil || ch.Contact != nil || ch.URL != nil || ch.Notes != nil {
		t.Errorf("unchanged fields were written: %+v", ch)
	}
	// Saving without a change writes nothing.
	m, _ = press(t, m, "e", "ctrl+s")
	if len(fs.changes) != 1 || !strings.Contains(m.status, "Nothing changed") {
		t.Errorf("an unchanged edit wrote %v", fs.writes)
	}
}

func TestEventFormShowsOnlyTheTypesFields(t *testing.T) {
	m := testModel(t, fixtureStore(), 100, 30)
	m = selectCompany(t, m, "Acme Robotics")
	m, _ = press(t, m, "l", "o", "enter") // o jumps to offer
	if topAs[*eventForm](t, m).eventType() != timeline.EventOffer {
		t.Fatalf("o chose %s", topAs[*eventForm](t, m).eventType())
	}
	var names []string
	for _, f := range topAs[*eventForm](t, m).form.fields {
		names = append(names, f.label)
	}
	if got := strings.Join(names, ","); got != "Date,Deadline,Base,Bonus,Sign-on,Equity,Vesting yrs,Currency,Note" {
		t.Errorf("offer fields: %s", got)
	}
	m, _ = press(t, m, "esc", "n", "enter") // back to the list, negotiate
	names = nil
	for _, f := range topAs[*eventForm](t, m).form.fields {
		names = append(names, f.label)
	}
	if got := strings.Join(names, ","); got != "Date,Deadline,Base,Bonus,Sign-on,Equity,Vesting yrs,Currency,Note" {
		t.Errorf("negotiate fields: %s", got)
	}
}

func TestEventFormValidatesInline(t *testing.T) {
	fs := fixtureStore()
	m := testModel(t, fs, 100, 30)
	m = selectCompany(t, m, "Acme Robotics")
	m, _ = press(t, m, "l", "o", "enter")
	m = typeText(t, m, "someday")
	if !strings.Contains(m.View(), timeline.DateForms) {
		t.Error("a date being typed should show the forms it may take")
	}
	m, _ = press(t, m, "ctrl+s")
	if topAs[*eventForm](t, m).fields.date.err == "" {
		t.Fatal("a bad date should be refused")
	}
	for range "someday" {
		m, _ = press(t, m, "backspace")
	}
	m = typeText(t, m, "2026-11-25")
	m, _ = press(t, m, "tab")
	m = typeText(t, m, "2026-11-20") // deadline before the offer
	m, _ = press(t, m, "tab")
	m = typeText(t, m, "180,000")
	m, _ = press(t, m, "tab", "tab", "tab", "tab", "tab") // bonus, sign-on, equity, vesting, currency
	m = typeText(t, m, "usd")
	m, _ = press(t, m, "ctrl+s")
	if !strings.Contains(topAs[*eventForm](t, m).form.err, "deadline 2026-11-20 is before the event's date") || len(fs.writes) != 0 {
		t.Fatalf("Event.Validate's error should show: %q (writes %v)", topAs[*eventForm](t, m).form.err, fs.writes)
	}
	m, _ = press(t, m, "shift+tab", "shift+tab", "shift+tab", "shift+tab", "shift+tab", "shift+tab")
	for range "2026-11-20" {
		m, _ = press(t, m, "backspace")
	}
	m = typeText(t, m, "fri")
	m, _ = press(t, m, "ctrl+s")
	if !isTop[*dashboard](m) {
		t.Fatalf("the form did not save: %q", topAs[*eventForm](t, m).form.err)
	}
	e := lastLogged(t, fs, "Acme Robotics")
	if e.Type != timeline.EventOffer || e.Date != timeline.MustDate("2026-11-25") || e.Deadline != timeline.MustDate("2026-11-27") || e.Base != 180000 || e.Currency != "USD" {
		t.Errorf("logged %+v", e)
	}
}

func TestShortFormsScrollToTheFocusedField(t *testing.T) {
	m := testModel(t, fixtureStore(), 60, 15)
	m = selectCompany(t, m, "Acme Robotics")
	m, _ = press(t, m, "l", "o", "enter")
	for i := 0; i < 8; i++ {
		m, _ = press(t, m, "tab")
	}
	if !strings.Contains(m.View(), "› Note") {
		t.Errorf("the focused Note field is off screen:\n%s", m.View())
	}
	checkSize(t, m)
}

func TestAddFormLogsTheDayYouApplied(t *testing.T) {
	// As `afterview add --company Initech --applied yesterday`: no role
	// needed, and the application waits in the Applied tab.
	fs := newFakeStore()
	m := testModel(t, fs, 100, 30)
	m, _ = press(t, m, "a")
	m = typeText(t, m, "Initech")
	m, _ = press(t, m, "tab", "tab")
	m = typeText(t, m, "yesterday")
	m, _ = press(t, m, "ctrl+s")
	if !isTop[*dashboard](m) {
		t.Fatalf("the form did not close (err %q)", topAs[*appForm](t, m).err)
	}
	evs := fs.events[fs.idOf("Initech")]
	if len(evs) != 1 || evs[0].Type != timeline.EventApplied || evs[0].Date != testToday.AddDays(-1) {
		t.Fatalf("logged %+v, want applied on Wed 25 Nov", evs)
	}
	if e, _ := m.dash.Selected(); m.dash.tab != tabApplied || e.App.Company != "Initech" {
		t.Errorf("the dashboard is on %s at %q, want Applied at Initech", tabNames[m.dash.tab], e.App.Company)
	}
}

func TestAddFormRefusesADuplicateUntilSavedAgain(t *testing.T) {
	// As the command line's add: the same company and role (any case) with
	// no interview day to tell them apart is the same application.
	fs := fixtureStore()
	m := testModel(t, fs, 100, 30)
	m, _ = press(t, m, "a")
	m = typeText(t, m, "kojo labs")
	m, _ = press(t, m, "tab")
	m = typeText(t, m, "Staff Engineer")
	m, _ = press(t, m, "ctrl+s")
	if !isTop[*appForm](m) || len(fs.writes) != 0 {
		t.Fatalf("a duplicate was added: writes %v", fs.writes)
	}
	if v := m.View(); !strings.Contains(v, "kojo labs is already here as application 2") {
		t.Errorf("the form does not say it is already here:\n%s", v)
	}
	m, _ = press(t, m, "ctrl+s")
	if !isTop[*dashboard](m) || len(fs.writes) != 1 || fs.writes[0] != "add kojo labs" {
		t.Errorf("a second save should add it anyway: writes %v", fs.writes)
	}
}

// TestEventFormTakesAnInterviewsTime checks that the interview form has the
// CLI's --at as a Time field: read as the CLI reads it (2:30pm is 14:30),
// optional, and refused inline with nothing written when it is no time.
func TestEventFormTakesAnInterviewsTime(t *testing.T) {
	fs := fixtureStore()
	m := testModel(t, fs, 100, 30)
	m = selectCompany(t, m, "Acme Robotics")
	m, _ = press(t, m, "l", "i", "enter")
	f := topAs[*eventForm](t, m)
	if f.eventType() != timeline.EventInterview {
		t.Fatalf("i chose %s", f.eventType())
	}
	var names []string
	for _, fl := range f.form.fields {
		names = append(names, fl.label)
	}
	if got := strings.Join(names, ","); got != "Date,Time,Note" {
		t.Fatalf("interview fields: %s", got)
	}
	m = typeText(t, m, "2026-12-02")
	m, _ = press(t, m, "tab")
	m = typeText(t, m, "25:00")
	m, _ = press(t, m, "ctrl+s")
	if err := topAs[*eventForm](t, m).fields.at.err; !strings.Contains(err, "not a time of day") || len(fs.writes) != 0 {
		t.Fatalf("25:00 should be refused inline with nothing written: %q (writes %v)", err, fs.writes)
	}
	for range "25:00" {
		m, _ = press(t, m, "backspace")
	}
	m = typeText(t, m, "2:30pm")
	m, _ = press(t, m, "ctrl+s")
	if !isTop[*dashboard](m) {
		t.Fatalf("the form did not save: %q", topAs[*eventForm](t, m).form.err)
	}
	if e := lastLogged(t, fs, "Acme Robotics"); e.Type != timeline.EventInterview || e.Date != timeline.MustDate("2026-12-02") || e.At != "14:30" {
		t.Errorf("logged %+v", e)
	}
}
