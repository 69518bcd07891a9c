package tui

import (
	"github.com/afterview/afterview/timeline"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// snoozeForm asks how long to hide an application's chase items: a number of
// days or a date. Saving logs a snooze event today with that Until, which u
// can undo.
type snoozeForm struct {
	form
	app timeline.Application
}

// newSnoozeForm opens the prompt for app.
func newSnoozeForm(st *Styles, keys *KeyMap, today timeline.Date, app timeline.Application) snoozeForm {
	u := newField("until", "Snooze until", kindDays, "")
	u.required, u.empty = true, "days, e.g. 3, or a date: fri, +2w, 2026-12-01"
	f := newForm(st, keys, "Snooze "+Sanitize(app.Company), "Hide its chase items until then; it comes back on that day.", today, u)
	return snoozeForm{form: f, app: app}
}

// Update handles a key: esc cancels, enter saves.
func (s snoozeForm) Update(msg tea.Msg) (snoozeForm, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && key.Matches(k, s.keys.Back) {
		return s, func() tea.Msg { return closeMsg{} }
	}
	var cmd tea.Cmd
	var submit bool
	s.form, cmd, submit = s.form.update(msg)
	if !submit {
		return s, cmd
	}
	s.err = ""
	s.field("until").err = ""
	until := s.date("until")
	if s.failed() {
		return s, nil
	}
	e := timeline.Event{Type: timeline.EventSnooze, Date: s.today, Until: until}
	if err := e.Validate(); err != nil {
		s.fail("until", "pick a day after today")
		return s, nil
	}
	s.saving = true
	msg2 := submitEventMsg{appID: s.app.ID, company: s.app.Company, event: e, undo: true}
	return s, func() tea.Msg { return msg2 }
}
