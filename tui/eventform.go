package tui

import (
	"strings"

	"github.com/afterview/afterview/timeline"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// eventForm logs an event in two steps: choose the type from a list
// (timeline.EventTypes, with each type's help), then fill in only that
// type's fields (Type.Fields()), the date (empty means today) and a note.
type eventForm struct {
	st    *Styles
	keys  *KeyMap
	app   timeline.Application
	today timeline.Date

	step    int // 0: choosing the type, 1: the fields
	typeIdx int
	offset  int // the type list's scroll
	form    form

	width, height int
}

// newEventForm opens the type list for app.
func newEventForm(st *Styles, keys *KeyMap, today timeline.Date, app timeline.Application) eventForm {
	return eventForm{st: st, keys: keys, app: app, today: today}
}

// SetSize sets the area the form draws in.
func (f *eventForm) SetSize(w, h int) {
	f.width, f.height = w, h
	if f.step == 1 {
		f.form.SetSize(w, h)
	}
	f.scrollTypes()
}

// typeListTop is the number of lines above the type list.
const typeListTop = 3

// scrollTypes keeps the chosen type on screen.
func (f *eventForm) scrollTypes() {
	h := max(1, f.height-typeListTop)
	f.offset = max(0, min(f.offset, f.typeIdx))
	if f.typeIdx >= f.offset+h {
		f.offset = f.typeIdx - h + 1
	}
}

// Update handles a key: on the list, moving, a letter jumping to a type and
// enter choosing it; on the fields, the form's keys; esc goes back a step
// and, from the list, cancels with nothing written.
func (f eventForm) Update(msg tea.Msg) (eventForm, tea.Cmd) {
	k, isKey := msg.(tea.KeyMsg)
	if f.step == 1 {
		if isKey && key.Matches(k, f.keys.Back) {
			f.step = 0
			return f, nil
		}
		var cmd tea.Cmd
		var submit bool
		f.form, cmd, submit = f.form.update(msg)
		if submit {
			return f.submit()
		}
		return f, cmd
	}
	if m, ok := msg.(tea.MouseMsg); ok {
		switch m.Button {
		case tea.MouseButtonWheelUp:
			f.typeIdx = max(0, f.typeIdx-1)
		case tea.MouseButtonWheelDown:
			f.typeIdx = min(len(timeline.EventTypes)-1, f.typeIdx+1)
		}
		f.scrollTypes()
		return f, nil
	}
	if !isKey {
		return f, nil
	}
	n := len(timeline.EventTypes)
	switch {
	case key.Matches(k, f.keys.Back):
		return f, func() tea.Msg { return closeMsg{} }
	case key.Matches(k, f.keys.Up):
		f.typeIdx = max(0, f.typeIdx-1)
	case key.Matches(k, f.keys.Down):
		f.typeIdx = min(n-1, f.typeIdx+1)
	case key.Matches(k, f.keys.Top):
		f.typeIdx = 0
	case key.Matches(k, f.keys.Bottom):
		f.typeIdx = n - 1
	case key.Matches(k, f.keys.Open):
		f.choose(timeline.EventTypes[f.typeIdx])
	case key.Matches(k, f.keys.Jump):
		// The next type (after the current one) starting with the letter.
		for i := 1; i <= n; i++ {
			j := (f.typeIdx + i) % n
			if strings.HasPrefix(string(timeline.EventTypes[j]), k.String()) {
				f.typeIdx = j
				break
			}
		}
	}
	f.scrollTypes()
	return f, nil
}

// choose builds the fields of type t and moves to them.
func (f *eventForm) choose(t timeline.EventType) {
	date := newField("date", "Date", kindDate, "")
	date.past, date.empty = true, "today"
	fields := []field{date}
	for _, fl := range t.Fields() {
		switch fl {
		case timeline.FieldBy:
			fields = append(fields, futureDate("by", "News by", "optional: the day they said you would hear"))
		case timeline.FieldDeadline:
			fields = append(fields, futureDate("deadline", "Deadline", "optional: the day your answer is due"))
		case timeline.FieldUntil:
			u := newField("until", "Until", kindDays, "")
			u.required, u.empty = true, "a number of days, or a date: fri, 2026-12-01"
			fields = append(fields, u)
		case timeline.FieldBase, timeline.FieldBonus, timeline.FieldEquity:
			a := newField(string(fl), strings.ToUpper(string(fl[:1]))+string(fl[1:]), kindAmount, "")
			a.empty = "optional, e.g. 180000 or 180k"
			fields = append(fields, a)
		case timeline.FieldCurrency:
			c := newField("currency", "Currency", kindUpper, "")
			c.empty = "e.g. USD, EUR, GBP"
			fields = append(fields, c)
		}
	}
	fields = append(fields, newField("note", "Note", kindText, ""))
	title := "Log " + string(t) + " · " + Sanitize(f.app.Company)
	f.form = newForm(f.st, f.keys, title, t.Help(), f.today, fields...)
	f.form.SetSize(f.width, f.height)
	f.step = 1
}

// futureDate is a deadline-like date field: a weekday means the next one.
func futureDate(name, label, empty string) field {
	fl := newField(name, label, kindDate, "")
	fl.empty = empty
	return fl
}

// eventType is the type being logged.
func (f eventForm) eventType() timeline.EventType { return timeline.EventTypes[f.typeIdx] }

// submit reads the fields into an event, validates it (Event.Validate) and
// asks the root to log it, or shows what is wrong.
func (f eventForm) submit() (eventForm, tea.Cmd) {
	fm := &f.form
	fm.err = ""
	for i := range fm.fields {
		fm.fields[i].err = ""
	}
	e := timeline.Event{Type: f.eventType(), Date: f.today, Note: fm.value("note")}
	if d := fm.date("date"); !d.IsZero() {
		e.Date = d
	}
	for _, fl := range e.Type.Fields() {
		switch fl {
		case timeline.FieldBy:
			e.By = fm.date("by")
		case timeline.FieldDeadline:
			e.Deadline = fm.date("deadline")
		case timeline.FieldUntil:
			e.Until = fm.date("until")
		case timeline.FieldBase:
			e.Base = fm.amount("base")
		case timeline.FieldBonus:
			e.Bonus = fm.amount("bonus")
		case timeline.FieldEquity:
			e.Equity = fm.amount("equity")
		case timeline.FieldCurrency:
			e.Currency = strings.ToUpper(fm.value("currency"))
		}
	}
	if fm.failed() {
		return f, nil
	}
	if err := e.Validate(); err != nil {
		fm.err = strings.ReplaceAll(err.Error(), "--", "")
		fm.fixOffset()
		return f, nil
	}
	fm.saving = true
	msg := submitEventMsg{appID: f.app.ID, company: f.app.Company, event: e}
	return f, func() tea.Msg { return msg }
}

// View draws the type list or the fields: exactly height lines.
func (f eventForm) View() string {
	if f.step == 1 {
		return f.form.View()
	}
	lines := []string{
		" " + f.st.Title.Render(fit("Log an event · "+Sanitize(f.app.Company), f.width-2)),
		" " + f.st.Muted.Render(fit("What happened? (the date and a note come next)", f.width-2)),
		"",
	}
	h := max(1, f.height-typeListTop)
	for i := f.offset; i < len(timeline.EventTypes) && i < f.offset+h; i++ {
		t := timeline.EventTypes[i]
		name := pad(string(t), 11)
		help := fit(t.Help(), f.width-markerWidth-12)
		if i == f.typeIdx {
			lines = append(lines, f.st.Marker.Render("›")+" "+f.st.Selected.Render(name)+" "+help)
		} else {
			lines = append(lines, "  "+name+" "+f.st.Muted.Render(help))
		}
	}
	return window(lines, 0, f.height)
}
