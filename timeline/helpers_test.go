package timeline

import (
	"fmt"
	"testing"
)

// D is MustDate, short for test tables; "" is the zero Date.
func D(s string) Date {
	if s == "" {
		return 0
	}
	return MustDate(s)
}

// opt sets an extra field of an event.
type opt func(*Event)

func by(s string) opt       { return func(e *Event) { e.By = D(s) } }
func deadline(s string) opt { return func(e *Event) { e.Deadline = D(s) } }
func until(s string) opt    { return func(e *Event) { e.Until = D(s) } }
func id(n int64) opt        { return func(e *Event) { e.ID = n } }

// ev builds an event; seq gives IDs in the order of the list (the order of
// logging) to those without one.
func ev(t EventType, date string, opts ...opt) Event {
	e := Event{Type: t, Date: D(date)}
	for _, o := range opts {
		o(&e)
	}
	return e
}

func seq(evs ...Event) []Event {
	for i := range evs {
		if evs[i].ID == 0 {
			evs[i].ID = int64(i + 1)
		}
	}
	return evs
}

// withHolidays returns the default settings with a holiday calendar.
func withHolidays(country string) Settings {
	s := DefaultSettings()
	s.Holidays = country
	return s
}

// want is what a derivation must give: the stage, the next action (kind ""
// for none) and, when set, the action's From, the current window and the
// start date.
type want struct {
	stage  Stage
	kind   ActionKind
	due    string
	from   string
	window string // "name from..to", or "-" for none
	start  string
}

// check compares a derivation with w, exactly.
func (w want) check(t *testing.T, d Derived) {
	t.Helper()
	if d.Stage != w.stage {
		t.Errorf("stage = %s, want %s", d.Stage, w.stage)
	}
	w.checkNext(t, d.Next)
	if w.window != "" {
		got := "-"
		if d.Current != nil {
			got = fmt.Sprintf("%s %s..%s", d.Current.Name, d.Current.From, d.Current.To)
		}
		if got != w.window {
			t.Errorf("current window = %s, want %s", got, w.window)
		}
	}
	if w.start != "" && d.StartDate != D(w.start) {
		t.Errorf("start date = %s, want %s", d.StartDate, w.start)
	}
}

// checkNext compares the next action with w's kind, due date and, when set, From.
func (w want) checkNext(t *testing.T, next *Action) {
	t.Helper()
	switch {
	case w.kind == "" && next != nil:
		t.Errorf("next = %s due %s, want none", next.Kind, next.Due)
	case w.kind != "" && next == nil:
		t.Errorf("next = none, want %s due %s", w.kind, w.due)
	case w.kind != "":
		if next.Kind != w.kind || next.Due != D(w.due) {
			t.Errorf("next = %s due %s, want %s due %s", next.Kind, next.Due, w.kind, w.due)
		}
		if w.from != "" && next.From != D(w.from) {
			t.Errorf("next.From = %s, want %s", next.From, w.from)
		}
	}
}

// deriveCase is one row of a derivation table.
type deriveCase struct {
	name   string
	set    *Settings // nil: DefaultSettings
	events []Event
	today  string
	want   want
}

func runDeriveCases(t *testing.T, cases []deriveCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := DefaultSettings()
			if c.set != nil {
				s = *c.set
			}
			d := Derive(Application{ID: 1, Company: "Acme", Recruiter: "Pat Lee"}, c.events, s, D(c.today))
			c.want.check(t, d)
		})
	}
}

func ptr[T any](v T) *T { return &v }
