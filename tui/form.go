package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/afterview/afterview/timeline"
	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
)

// fieldKind says how a form field's text is read.
type fieldKind int

const (
	kindText   fieldKind = iota
	kindDate             // a date as the CLI takes it (timeline.ParseDateRel)
	kindAmount           // an amount: 180000, 180,000 or 180k (timeline.ParseMoney)
	kindUpper            // a code such as a currency, upper-cased
	kindDays             // a number of days from today, or a date
)

// field is one labelled text input of a form. The form's owner keeps a
// pointer to each of its fields, so it reads them by name at compile time.
type field struct {
	label    string
	kind     fieldKind
	past     bool // kindDate: a weekday name means the last one (an event), else the next (a deadline)
	required bool
	empty    string // what an empty value means, shown as the placeholder
	input    textinput.Model
	err      string // the field's error since the last save attempt
}

// newField returns a field with a blurred input holding value.
func newField(label string, kind fieldKind, value string) *field {
	in := textinput.New()
	in.Prompt = ""
	in.Cursor.SetMode(cursor.CursorStatic)
	in.CharLimit = 500
	in.SetValue(value)
	return &field{label: label, kind: kind, input: in}
}

// value returns the field's text, trimmed.
func (fl *field) value() string { return strings.TrimSpace(fl.input.Value()) }

// form is the part every form shares: fields one under another, a focus
// that only non-printing keys move (letters are always text), inline
// errors, and scrolling that keeps the focused field on screen.
type form struct {
	styles *Styles
	keys   *keyMap
	title  string
	intro  string
	today  timeline.Date

	fields []*field
	focus  int
	offset int
	err    string // the form's own error: validation or a failed write
	saving bool   // a write is under way: further saves are ignored

	width, height int
}

// labelWidth is the width of the labels' column.
const labelWidth = 13

// newForm returns a form with the first field focused.
func newForm(c *common, title, intro string, fields ...*field) form {
	f := form{styles: c.styles, keys: c.keys, title: title, intro: intro, today: c.today, fields: fields}
	f.setFocus(0)
	return f
}

// SetSize sets the area the form draws in.
func (f *form) SetSize(w, h int) {
	f.width, f.height = w, h
	for i := range f.fields {
		f.fields[i].input.Width = max(8, w-markerWidth-labelWidth-2)
	}
	f.fixOffset()
}

// setFocus moves the focus to field i.
func (f *form) setFocus(i int) {
	i = max(0, min(i, len(f.fields)-1))
	for j := range f.fields {
		if j == i {
			f.fields[j].input.Focus()
		} else {
			f.fields[j].input.Blur()
		}
	}
	f.focus = i
	f.fixOffset()
}

// update handles a key or the wheel; submit is true when the user asked to
// save (ctrl+s, or enter on the last field) and no save is under way.
func (f *form) update(msg tea.Msg) (cmd tea.Cmd, submit bool) {
	switch msg := msg.(type) {
	case tea.MouseMsg:
		switch msg.Button {
		case tea.MouseButtonWheelUp:
			f.setFocus(f.focus - 1)
		case tea.MouseButtonWheelDown:
			f.setFocus(f.focus + 1)
		}
		return nil, false
	case tea.KeyMsg:
		k := f.keys
		switch {
		case key.Matches(msg, k.Save):
			return nil, !f.saving
		case key.Matches(msg, k.Enter):
			if f.focus == len(f.fields)-1 {
				return nil, !f.saving
			}
			f.setFocus(f.focus + 1)
			return nil, false
		case key.Matches(msg, k.NextField):
			f.setFocus(f.focus + 1)
			return nil, false
		case key.Matches(msg, k.PrevField):
			f.setFocus(f.focus - 1)
			return nil, false
		}
		fl := f.fields[f.focus]
		before := fl.input.Value()
		fl.input, cmd = fl.input.Update(msg)
		if fl.input.Value() != before {
			fl.err = ""
			f.fixOffset()
		}
		return cmd, false
	}
	return nil, false
}

// typing is always true: a form's focus is a text field.
func (f *form) typing() bool { return true }

// clearErrors forgets the errors of the last save attempt.
func (f *form) clearErrors() {
	f.err = ""
	for _, fl := range f.fields {
		fl.err = ""
	}
}

// writeResult closes the form (owned by s) when the write it asked for is
// done, or shows why it failed, keeping the values for another try.
func (f *form) writeResult(s screen, msg tea.Msg) tea.Cmd {
	if !f.saving {
		return nil
	}
	switch msg := msg.(type) {
	case writeFailedMsg:
		f.failWrite(fmt.Errorf("could not %s: %w", msg.what, msg.err))
	case appAddedMsg, appUpdatedMsg, eventLoggedMsg:
		return closeScreen(s)
	}
	return nil
}

// fail marks a field wrong and moves the focus to the first wrong field.
func (f *form) fail(fl *field, msg string) {
	fl.err = msg
	for i := range f.fields {
		if f.fields[i].err != "" {
			f.setFocus(i)
			break
		}
	}
}

// failed reports whether any field has an error.
func (f *form) failed() bool {
	for _, fl := range f.fields {
		if fl.err != "" {
			return true
		}
	}
	return false
}

// date reads a date field: zero with no error when it is empty.
func (f *form) date(fl *field) timeline.Date {
	v := fl.value()
	if v == "" {
		if fl.required {
			f.fail(fl, "give a date ("+timeline.DateForms+")")
		}
		return 0
	}
	d, err := parseFieldDate(fl, v, f.today)
	if err != nil {
		f.fail(fl, err.Error())
		return 0
	}
	return d
}

// parseFieldDate reads a date field's text: the CLI's forms, and for a
// kindDays field also a bare number of days from today.
func parseFieldDate(fl *field, v string, today timeline.Date) (timeline.Date, error) {
	if fl.kind == kindDays {
		if n, err := strconv.Atoi(v); err == nil {
			if n < 1 || n > 3650 {
				return 0, fmt.Errorf("%d days: give 1 to 3650 days, or a date", n)
			}
			return today.AddDays(n), nil
		}
	}
	return timeline.ParseDateRel(v, today, fl.past)
}

// failWrite shows a failed write; the values stay for another try.
func (f *form) failWrite(err error) {
	f.saving = false
	f.err = err.Error()
	f.fixOffset()
}

// fixOffset scrolls so that the focused field (and its hint) is on screen.
func (f *form) fixOffset() {
	_, top, bottom := f.layout()
	h := max(1, f.height)
	if top < f.offset {
		f.offset = top
	}
	if bottom >= f.offset+h {
		f.offset = bottom - h + 1
	}
	f.offset = max(0, f.offset)
}

// layout renders every line of the form, with the first and last line of
// the focused field.
func (f form) layout() (lines []string, top, bottom int) {
	lines = append(lines, " "+f.styles.Title.Render(fit(f.title, f.width-2)))
	if f.intro != "" {
		lines = append(lines, " "+f.styles.Muted.Render(fit(f.intro, f.width-2)))
	}
	lines = append(lines, "")
	indent := strings.Repeat(" ", markerWidth+labelWidth)
	for i, fl := range f.fields {
		if i == f.focus {
			top = len(lines)
		}
		text := fl.label
		if fl.required {
			text += "*"
		}
		text = pad(fit(text, labelWidth-1), labelWidth)
		marker, label := "  ", f.styles.Label.Render(text)
		if i == f.focus {
			marker, label = f.styles.Marker.Render("›")+" ", f.styles.Accent.Render(text)
		}
		in := fl.input
		if in.Value() == "" && fl.empty != "" {
			// In parentheses, so that without colour it does not look typed.
			in.Placeholder = "(" + fl.empty + ")"
		}
		lines = append(lines, marker+label+in.View())
		switch {
		case fl.err != "":
			for _, l := range wrap("✗ "+fl.err, f.width-len(indent)-1) {
				lines = append(lines, indent+f.styles.Error.Render(l))
			}
		case fl.kind == kindDate || fl.kind == kindDays:
			if hint := f.dateHint(fl); hint != "" {
				lines = append(lines, indent+f.styles.Muted.Render(fit(hint, f.width-len(indent)-1)))
			}
		}
		if i == f.focus {
			bottom = len(lines) - 1
		}
	}
	lines = append(lines, "")
	if f.err != "" {
		for _, l := range wrap("✗ "+f.err, f.width-3) {
			lines = append(lines, "  "+f.styles.Error.Render(l))
		}
	}
	if f.saving {
		lines = append(lines, "  "+f.styles.Muted.Render("Saving…"))
	}
	return lines, top, bottom
}

// dateHint shows the date a date field's text means, as it is typed.
func (f form) dateHint(fl *field) string {
	v := strings.TrimSpace(fl.input.Value())
	if v == "" {
		if fl.empty == "today" {
			return "→ " + f.today.Format(timeline.LayoutDayYear)
		}
		return ""
	}
	d, err := parseFieldDate(fl, v, f.today)
	if err != nil {
		return "… " + timeline.DateForms
	}
	return "→ " + d.Format(timeline.LayoutDayYear) + " (" + relativeDay(d, f.today) + ")"
}

// relativeDay says a date relative to today in words for hints.
func relativeDay(d, today timeline.Date) string {
	switch n := d.Sub(today); {
	case n == 0:
		return "today"
	case n == -1:
		return "yesterday"
	case n == 1:
		return "tomorrow"
	case n < 0:
		return fmt.Sprintf("%d days ago", -n)
	default:
		return fmt.Sprintf("in %d days", n)
	}
}

// View draws the visible part of the form: exactly height lines.
func (f *form) View() string {
	lines, _, _ := f.layout()
	return window(lines, f.offset, f.height)
}
