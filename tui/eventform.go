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
	c      *common
	styles *Styles
	keys   *keyMap
	app    timeline.Application
	today  timeline.Date

	step    int // 0: choosing the type, 1: the fields
	typeIdx int
	offset  int // the type list's scroll
	form    form
	fields  eventFields // the chosen type's fields (step 1)

	width, height int
}

// eventFields are the fields of the type being logged; a field the type
// does not have is nil.
type eventFields struct {
	date, note                    *field
	by, deadline, until           *field
	base, bonus, equity, currency *field
	signon, vesting               *field // the offer's other terms (offers_form.go)
	at                            *field // an interview's time of day
}

// newEventForm opens the type list for app.
func newEventForm(c *common, app timeline.Application) *eventForm {
	return &eventForm{c: c, styles: c.styles, keys: c.keys, app: app, today: c.today}
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
// and, from the list, cancels with nothing written. The form closes when the
// event is logged.
func (f *eventForm) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		if f.step == 1 {
			if key.Matches(msg, f.keys.Back) {
				f.step = 0
				return f, nil
			}
			return f, f.updateFields(msg)
		}
		return f, f.listKey(msg)
	case tea.MouseMsg:
		if f.step == 1 {
			return f, f.updateFields(msg)
		}
		switch msg.Button {
		case tea.MouseButtonWheelUp:
			f.typeIdx = max(0, f.typeIdx-1)
		case tea.MouseButtonWheelDown:
			f.typeIdx = min(len(timeline.EventTypes)-1, f.typeIdx+1)
		}
		f.scrollTypes()
	default:
		if f.step == 1 {
			return f, f.form.writeResult(f, msg)
		}
	}
	return f, nil
}

// updateFields hands a key or the wheel to the fields, and saves.
func (f *eventForm) updateFields(msg tea.Msg) tea.Cmd {
	cmd, submit := f.form.update(msg)
	if submit {
		return f.submit()
	}
	return cmd
}

// listKey handles a key on the type list.
func (f *eventForm) listKey(k tea.KeyMsg) tea.Cmd {
	n := len(timeline.EventTypes)
	switch {
	case key.Matches(k, f.keys.Back):
		return closeScreen(f)
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
	return nil
}

// typing reports whether a field has the keys (the type list takes letters
// as keys).
func (f *eventForm) typing() bool { return f.step == 1 }

// ShortHelp implements help.KeyMap.
func (f *eventForm) ShortHelp() []key.Binding {
	k := f.keys
	if f.step == 1 {
		return k.formHelp("back to types")
	}
	return []key.Binding{k.long(k.Open, "choose"), k.long(k.Back, "cancel"), k.Jump, k.Up, k.Down}
}

// FullHelp implements help.KeyMap.
func (f *eventForm) FullHelp() [][]key.Binding { return [][]key.Binding{f.ShortHelp()} }

// choose builds the fields of type t and moves to them.
func (f *eventForm) choose(t timeline.EventType) {
	fs := eventFields{date: newField("Date", kindDate, ""), note: newField("Note", kindText, "")}
	fs.date.past, fs.date.empty = true, "today"
	fields := []*field{fs.date}
	for _, fl := range t.Fields() {
		var in *field
		switch fl {
		case timeline.FieldBy:
			fs.by = futureDate("News by", "optional: the day they said you would hear")
			in = fs.by
		case timeline.FieldDeadline:
			fs.deadline = futureDate("Deadline", "optional: the day your answer is due")
			in = fs.deadline
		case timeline.FieldUntil:
			fs.until = newField("Until", kindDays, "")
			fs.until.required, fs.until.empty = true, "a number of days, or a date: fri, 2026-12-01"
			in = fs.until
		case timeline.FieldBase, timeline.FieldBonus, timeline.FieldSignon, timeline.FieldEquity, timeline.FieldVesting:
			in = fs.termField(fl)
		case timeline.FieldCurrency:
			fs.currency = newField("Currency", kindUpper, "")
			fs.currency.empty = "e.g. USD, EUR, GBP"
			in = fs.currency
		case timeline.FieldAt:
			fs.at = newField("Time", kindText, "")
			fs.at.empty = "optional: its time of day, e.g. 14:30 or 2:30pm"
			in = fs.at
		}
		if in != nil {
			fields = append(fields, in)
		}
	}
	fields = append(fields, fs.note)
	title := "Log " + string(t) + " · " + Sanitize(f.app.Company)
	f.form = newForm(f.c, title, t.Help(), fields...)
	f.form.SetSize(f.width, f.height)
	f.fields = fs
	f.step = 1
}

// futureDate is a deadline-like date field: a weekday means the next one.
func futureDate(label, empty string) *field {
	fl := newField(label, kindDate, "")
	fl.empty = empty
	return fl
}

// eventType is the type being logged.
func (f *eventForm) eventType() timeline.EventType { return timeline.EventTypes[f.typeIdx] }

// submit reads the fields into an event, validates it (Event.Validate) and
// logs it, or shows what is wrong.
func (f *eventForm) submit() tea.Cmd {
	fm, fs := &f.form, f.fields
	fm.clearErrors()
	e := timeline.Event{Type: f.eventType(), Date: f.today, Note: fs.note.value()}
	if d := fm.date(fs.date); !d.IsZero() {
		e.Date = d
	}
	if fs.by != nil {
		e.By = fm.date(fs.by)
	}
	if fs.deadline != nil {
		e.Deadline = fm.date(fs.deadline)
	}
	if fs.until != nil {
		e.Until = fm.date(fs.until)
	}
	if fs.at != nil && fs.at.value() != "" {
		at, err := timeline.ParseClock(fs.at.value())
		if err != nil {
			fm.fail(fs.at, err.Error())
		}
		e.At = at
	}
	fs.readTerms(fm, &e)
	if fm.failed() {
		return nil
	}
	if err := e.Validate(); err != nil {
		fm.err = strings.ReplaceAll(err.Error(), "--", "")
		fm.fixOffset()
		return nil
	}
	fm.saving = true
	return logEventCmd(f.c.store, f.app.ID, f.app.Company, e, false)
}

// View draws the type list or the fields: exactly height lines.
func (f *eventForm) View() string {
	if f.step == 1 {
		return f.form.View()
	}
	lines := []string{
		" " + f.styles.Title.Render(fit("Log an event · "+Sanitize(f.app.Company), f.width-2)),
		" " + f.styles.Muted.Render(fit("What happened? (the date and a note come next)", f.width-2)),
		"",
	}
	h := max(1, f.height-typeListTop)
	for i := f.offset; i < len(timeline.EventTypes) && i < f.offset+h; i++ {
		t := timeline.EventTypes[i]
		name := pad(string(t), 11)
		help := fit(t.Help(), f.width-markerWidth-12)
		if i == f.typeIdx {
			lines = append(lines, f.styles.Marker.Render("›")+" "+f.styles.Selected.Render(name)+" "+help)
		} else {
			lines = append(lines, "  "+name+" "+f.styles.Muted.Render(help))
		}
	}
	return window(lines, 0, f.height)
}
