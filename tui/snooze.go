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
	c     *common
	app   timeline.Application
	until *field
}

// newSnoozeForm opens the prompt for app.
func newSnoozeForm(c *common, app timeline.Application) *snoozeForm {
	u := newField("Snooze until", kindDays, "")
	u.required, u.empty = true, "days, e.g. 3, or a date: fri, +2w, 2026-12-01"
	f := newForm(c, "Snooze "+Sanitize(app.Company), "Hide its chase items until then; it comes back on that day.", u)
	return &snoozeForm{form: f, c: c, app: app, until: u}
}

// Update handles a key: esc cancels, enter saves; the prompt closes when
// the snooze is logged.
func (s *snoozeForm) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		if key.Matches(msg, s.keys.Back) {
			return s, closeScreen(s)
		}
	case tea.MouseMsg:
	default:
		return s, s.writeResult(s, msg)
	}
	cmd, submit := s.update(msg)
	if !submit {
		return s, cmd
	}
	s.clearErrors()
	until := s.date(s.until)
	if s.failed() {
		return s, nil
	}
	e := timeline.Event{Type: timeline.EventSnooze, Date: s.today, Until: until}
	if err := e.Validate(); err != nil {
		s.fail(s.until, "pick a day after today")
		return s, nil
	}
	s.saving = true
	return s, logEventCmd(s.c.store, s.app.ID, s.app.Company, e, true)
}

// ShortHelp implements help.KeyMap.
func (s *snoozeForm) ShortHelp() []key.Binding { return s.keys.formHelp("cancel") }

// FullHelp implements help.KeyMap.
func (s *snoozeForm) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }
