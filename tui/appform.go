package tui

import (
	"strings"

	"github.com/afterview/afterview/store"
	"github.com/afterview/afterview/timeline"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// appForm adds an application (with, optionally, the interview that starts
// the clock) or edits one. Editing writes only the fields the user changed,
// so another process's change to another field meanwhile is kept.
type appForm struct {
	form
	id   int64                // 0 when adding
	orig timeline.Application // the values the form opened with
}

// newAppForm opens the form: app nil adds, else edits app.
func newAppForm(st *Styles, keys *KeyMap, today timeline.Date, app *timeline.Application) appForm {
	var orig timeline.Application
	title := "Add an application"
	if app != nil {
		// The form shows (and compares against) what the screen shows: the
		// sanitized text, so untouched fields are never written back.
		orig = timeline.Application{ID: app.ID, Company: Sanitize(app.Company), Role: Sanitize(app.Role),
			Recruiter: Sanitize(app.Recruiter), Contact: Sanitize(app.Contact), URL: Sanitize(app.URL),
			Notes: Sanitize(app.Notes), Archived: app.Archived}
		title = "Edit " + orig.Company
	}
	fields := []field{
		newField("company", "Company", kindText, orig.Company),
		newField("role", "Role", kindText, orig.Role),
		newField("recruiter", "Recruiter", kindText, orig.Recruiter),
		newField("contact", "Contact", kindText, orig.Contact),
		newField("url", "Link", kindText, orig.URL),
		newField("notes", "Notes", kindText, orig.Notes),
	}
	fields[0].required = true
	fields[3].empty = "email or phone"
	if app == nil {
		// The interview starts the clock: ask for it right after who and what.
		iv := newField("interview", "Interviewed", kindDate, "")
		iv.past, iv.empty = true, "not yet; or a date: yesterday, -3d, mon, 2026-11-20"
		fields = append(fields[:2], append([]field{iv}, fields[2:]...)...)
	}
	intro := "Who and what, and the interview that starts the clock. Log what follows with l."
	if app != nil {
		intro = "Only the fields you change are saved."
	}
	a := appForm{form: newForm(st, keys, title, intro, today, fields...), orig: orig}
	if app != nil {
		a.id = app.ID
	}
	return a
}

// Update handles a key: esc cancels with nothing written, save validates and
// asks the root to write (submitAppMsg).
func (a appForm) Update(msg tea.Msg) (appForm, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && key.Matches(k, a.keys.Back) {
		return a, func() tea.Msg { return closeMsg{} }
	}
	var cmd tea.Cmd
	var submit bool
	a.form, cmd, submit = a.form.update(msg)
	if !submit {
		return a, cmd
	}
	return a.submit()
}

// submit checks the form and returns the submitAppMsg, or shows the errors.
func (a appForm) submit() (appForm, tea.Cmd) {
	a.err = ""
	for i := range a.fields {
		a.fields[i].err = ""
	}
	app := timeline.Application{ID: a.id, Company: a.value("company"), Role: a.value("role"),
		Recruiter: a.value("recruiter"), Contact: a.value("contact"), URL: a.value("url"),
		Notes: a.value("notes"), Archived: a.orig.Archived}
	if err := app.Validate(); err != nil {
		a.fail("company", "a company name is needed")
	}
	var first []timeline.Event
	if a.id == 0 {
		if d := a.date("interview"); !d.IsZero() {
			first = append(first, timeline.Event{Type: timeline.EventInterview, Date: d})
		}
	}
	if a.failed() {
		return a, nil
	}
	msg := submitAppMsg{id: a.id, app: app, first: first}
	if a.id != 0 {
		msg.changes = changes(a.orig, app)
	}
	a.saving = true
	return a, func() tea.Msg { return msg }
}

// changes names the fields that differ between before and after.
func changes(before, after timeline.Application) store.AppChanges {
	var ch store.AppChanges
	set := func(dst **string, b, a string) {
		if strings.TrimSpace(b) != a {
			*dst = &a
		}
	}
	set(&ch.Company, before.Company, after.Company)
	set(&ch.Role, before.Role, after.Role)
	set(&ch.Recruiter, before.Recruiter, after.Recruiter)
	set(&ch.Contact, before.Contact, after.Contact)
	set(&ch.URL, before.URL, after.URL)
	set(&ch.Notes, before.Notes, after.Notes)
	return ch
}
