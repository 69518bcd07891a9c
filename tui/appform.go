package tui

import (
	"fmt"
	"strings"

	"github.com/afterview/afterview/store"
	"github.com/afterview/afterview/timeline"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// appForm adds an application (with, optionally, the day you applied and
// the interview that starts the clock, as the command line's add --applied
// and --interviewed do) or edits one. Editing writes only the fields the user changed,
// so another process's change to another field meanwhile is kept.
type appForm struct {
	form
	c    *common
	id   int64                // 0 when adding
	orig timeline.Application // the values the form opened with

	company, role, recruiter, contact, url, notes *field
	applied, interview                            *field // adding only: nil when editing

	// anyway is the application the user was told is already here: saving
	// it again unchanged adds it all the same.
	anyway *timeline.Application
}

// newAppForm opens the form: app nil adds, else edits app.
func newAppForm(c *common, app *timeline.Application) *appForm {
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
	a := &appForm{c: c, orig: orig,
		company:   newField("Company", kindText, orig.Company),
		role:      newField("Role", kindText, orig.Role),
		recruiter: newField("Recruiter", kindText, orig.Recruiter),
		contact:   newField("Contact", kindText, orig.Contact),
		url:       newField("Link", kindText, orig.URL),
		notes:     newField("Notes", kindText, orig.Notes),
	}
	a.company.required = true
	a.contact.empty = "email or phone"
	fields := []*field{a.company, a.role}
	intro := "Only the fields you change are saved."
	if app == nil {
		// When it began: ask for it right after who and what.
		a.applied = newField("Applied", kindDate, "")
		a.applied.past, a.applied.empty = true, "optional: the day you applied"
		a.interview = newField("Interviewed", kindDate, "")
		a.interview.past, a.interview.empty = true, "not yet; or a date: yesterday, -3d, mon, 2026-11-20"
		fields = append(fields, a.applied, a.interview)
		intro = "Who and what; when you applied, or the interview that starts the clock (a future date books it)."
	} else {
		a.id = app.ID
	}
	fields = append(fields, a.recruiter, a.contact, a.url, a.notes)
	a.form = newForm(c, title, intro, fields...)
	return a
}

// Update handles a key: esc cancels with nothing written, save validates and
// writes; the form closes when the write is done, or shows why it failed.
func (a *appForm) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		if key.Matches(msg, a.keys.Back) {
			return a, closeScreen(a)
		}
	case tea.MouseMsg:
	case duplicateMsg:
		if a.saving {
			a.refused(msg.id)
		}
		return a, nil
	default:
		return a, a.writeResult(a, msg)
	}
	cmd, submit := a.update(msg)
	if !submit {
		return a, cmd
	}
	return a, a.submit()
}

// ShortHelp implements help.KeyMap.
func (a *appForm) ShortHelp() []key.Binding { return a.keys.formHelp("cancel") }

// FullHelp implements help.KeyMap.
func (a *appForm) FullHelp() [][]key.Binding { return [][]key.Binding{a.ShortHelp()} }

// submit checks the form and returns the write, or shows the errors.
func (a *appForm) submit() tea.Cmd {
	a.clearErrors()
	app := timeline.Application{ID: a.id, Company: a.company.value(), Role: a.role.value(),
		Recruiter: a.recruiter.value(), Contact: a.contact.value(), URL: a.url.value(),
		Notes: a.notes.value(), Archived: a.orig.Archived}
	if err := app.Validate(); err != nil {
		a.fail(a.company, "a company name is needed")
	}
	var first []timeline.Event
	if a.id == 0 {
		if d := a.date(a.applied); !d.IsZero() {
			first = append(first, timeline.Event{Type: timeline.EventApplied, Date: d})
		}
		if d := a.date(a.interview); !d.IsZero() {
			first = append(first, timeline.Event{Type: timeline.EventInterview, Date: d})
		}
	}
	if a.failed() {
		return nil
	}
	if a.id == 0 {
		a.saving = true
		anyway := a.anyway != nil && a.anyway.Company == app.Company && a.anyway.Role == app.Role
		return addAppCmd(a.c.store, app, first, anyway)
	}
	ch := changes(a.orig, app)
	if ch.Empty() {
		return tea.Batch(closeScreen(a), status("Nothing changed."))
	}
	a.saving = true
	return updateAppCmd(a.c.store, a.id, app.Company, ch)
}

// refused shows that the application is already here as id, and lets a
// second save add it anyway.
func (a *appForm) refused(id int64) {
	app := timeline.Application{Company: a.company.value(), Role: a.role.value()}
	a.anyway = &app
	a.saving = false
	a.err = fmt.Sprintf("%s is already here as application %d (l there logs a new round). Save again to add it anyway, or esc to cancel.", Sanitize(app.Company), id)
	a.fixOffset()
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
