package timeline

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
)

// EventType is what happened: one of the event types users log.
type EventType string

// The event types, as users type them and as they are stored.
const (
	EventApplied   EventType = "applied"   // you applied (before any interview)
	EventInterview EventType = "interview" // an interview round took place (future: scheduled)
	EventHeard     EventType = "heard"     // the recruiter got in touch, not with a decision
	EventFollowup  EventType = "followup"  // you asked the recruiter for a status update
	EventHold      EventType = "hold"      // decision: on hold
	EventOffer     EventType = "offer"     // decision: hire; an offer arrived
	EventNegotiate EventType = "negotiate" // you negotiated; may move the deadline
	EventAccepted  EventType = "accepted"  // you accepted the offer
	EventDeclined  EventType = "declined"  // you declined the offer
	EventChecks    EventType = "checks"    // background/reference checks started
	EventCleared   EventType = "cleared"   // checks cleared
	EventStart     EventType = "start"     // your start date
	EventRejected  EventType = "rejected"  // decision: no hire
	EventWithdrawn EventType = "withdrawn" // you withdrew
	EventSnooze    EventType = "snooze"    // hide chase items until a date
	EventNote      EventType = "note"      // a free note; changes nothing
)

// EventTypes lists every type in the order of a job search: the order of menus and help.
var EventTypes = []EventType{EventApplied, EventInterview, EventHeard, EventFollowup, EventHold, EventOffer, EventNegotiate,
	EventAccepted, EventDeclined, EventChecks, EventCleared, EventStart, EventRejected, EventWithdrawn, EventSnooze, EventNote}

// Field names an extra field that some event types take.
type Field string

// The extra fields, as flags and JSON keys.
const (
	FieldBy       Field = "by"
	FieldDeadline Field = "deadline"
	FieldUntil    Field = "until"
	FieldBase     Field = "base"
	FieldBonus    Field = "bonus"
	FieldEquity   Field = "equity"
	FieldCurrency Field = "currency"
	FieldAt       Field = "at"
	FieldSignon   Field = "signon"
	FieldVesting  Field = "vesting_years"
)

// Flag returns the command-line flag's name for f: "vesting-years" for the
// JSON key "vesting_years".
func (f Field) Flag() string { return strings.ReplaceAll(string(f), "_", "-") }

// AllFields lists every extra field.
var AllFields = []Field{FieldBy, FieldDeadline, FieldUntil, FieldBase, FieldBonus, FieldEquity, FieldCurrency, FieldAt, FieldSignon, FieldVesting}

var typeFields = map[EventType][]Field{
	EventInterview: {FieldAt},
	EventHeard:     {FieldBy},
	EventOffer:     {FieldDeadline, FieldBase, FieldBonus, FieldSignon, FieldEquity, FieldVesting, FieldCurrency},
	EventNegotiate: {FieldDeadline, FieldBase, FieldBonus, FieldSignon, FieldEquity, FieldVesting, FieldCurrency},
	EventSnooze:    {FieldUntil},
}

var typeHelp = map[EventType]string{
	EventApplied:   "you applied (before any interview)",
	EventInterview: "an interview round took place (a future date: it is scheduled)",
	EventHeard:     "the recruiter got in touch, but not with a decision",
	EventFollowup:  "you contacted the recruiter for a status update",
	EventHold:      "decision: on hold",
	EventOffer:     "decision: hire; an offer arrived",
	EventNegotiate: "you negotiated (a counter, a call)",
	EventAccepted:  "you accepted the offer",
	EventDeclined:  "you declined the offer",
	EventChecks:    "background/reference checks started",
	EventCleared:   "background/reference checks cleared",
	EventStart:     "your start date (past or future)",
	EventRejected:  "decision: no hire",
	EventWithdrawn: "you withdrew",
	EventSnooze:    "hide this application's chase items until a date",
	EventNote:      "a free note; changes nothing",
}

// Fields returns the extra fields type t takes, beyond date and note.
func (t EventType) Fields() []Field { return typeFields[t] }

// Takes reports whether type t takes field f.
func (t EventType) Takes(f Field) bool {
	for _, g := range typeFields[t] {
		if g == f {
			return true
		}
	}
	return false
}

// Help returns a one-line description of t.
func (t EventType) Help() string { return typeHelp[t] }

// ParseEventType reads an event type, or returns an error listing them all.
func ParseEventType(s string) (EventType, error) {
	t := EventType(strings.ToLower(strings.TrimSpace(s)))
	if _, ok := typeHelp[t]; ok {
		return t, nil
	}
	names := make([]string, len(EventTypes))
	for i, et := range EventTypes {
		names[i] = string(et)
	}
	return "", fmt.Errorf("unknown event type %q (types: %s)", s, strings.Join(names, ", "))
}

// Event is one thing the user logged about an application. Only the extra
// fields its Type takes may be set.
type Event struct {
	ID       int64     // the store's id, which is also the order of logging; 0 before saving
	Type     EventType // what happened
	Date     Date      // when (never zero once validated)
	Note     string    // free text
	By       Date      // heard: the date they promised news by
	Deadline Date      // offer, negotiate: the answer is due by
	Until    Date      // snooze: hidden while today < Until
	Base     int64     // offer: base salary
	Bonus    int64     // offer: bonus
	Equity   int64     // offer: equity
	Currency string    // offer: ISO 4217 code, e.g. USD
	At       string    // interview: its local time of day, HH:MM; "" when not given (see ParseClock)

	// The rest of an offer's terms. A negotiate event may carry terms too:
	// each one it gives replaces the offer's (the terms as they stand).
	BonusPercent Percent // offer: the bonus as a share of base, instead of Bonus
	Signon       int64   // offer: sign-on bonus, paid once
	VestingYears int     // offer: the years the equity grant vests over (0: the default, 4)
}

// Has reports whether e has field f set.
func (e Event) Has(f Field) bool {
	switch f {
	case FieldBy:
		return !e.By.IsZero()
	case FieldDeadline:
		return !e.Deadline.IsZero()
	case FieldUntil:
		return !e.Until.IsZero()
	case FieldBase:
		return e.Base != 0
	case FieldBonus:
		return e.Bonus != 0 || e.BonusPercent != 0
	case FieldEquity:
		return e.Equity != 0
	case FieldCurrency:
		return e.Currency != ""
	case FieldAt:
		return e.At != ""
	case FieldSignon:
		return e.Signon != 0
	case FieldVesting:
		return e.VestingYears != 0
	}
	return false
}

// Validate checks an event on its own: a known type with a date, only the
// fields the type takes, a snooze with its end date, dates that do not run
// backwards, amounts that are not negative and a three-letter currency.
func (e Event) Validate() error {
	if _, err := ParseEventType(string(e.Type)); err != nil {
		return err
	}
	if e.Date.IsZero() {
		return fmt.Errorf("%s: the event has no date", e.Type)
	}
	if err := CheckText("note", e.Note); err != nil {
		return err
	}
	if err := e.validateFields(); err != nil {
		return err
	}
	if err := e.validateDates(); err != nil {
		return err
	}
	if e.Base < 0 || e.Bonus < 0 || e.Equity < 0 || e.Signon < 0 {
		return fmt.Errorf("an offer's amounts cannot be negative")
	}
	if err := e.validateTerms(); err != nil {
		return err
	}
	return validateCurrency(e.Currency)
}

// validateFields checks that e has only the extra fields its type takes, and
// a time of day in HH:MM when it has one.
func (e Event) validateFields() error {
	for _, f := range AllFields {
		if e.Has(f) {
			if err := e.Type.CheckField(f); err != nil {
				return err
			}
		}
	}
	if e.At != "" {
		return validClock(e.At)
	}
	return nil
}

// validateDates checks that a snooze has its end, that no extra date runs
// before the event's own, and that every date is one afterview can hold.
func (e Event) validateDates() error {
	switch {
	case e.Type == EventSnooze && e.Until.IsZero():
		return fmt.Errorf("a snooze needs --until, the date to show the application again")
	case e.Type == EventSnooze && e.Until <= e.Date:
		return fmt.Errorf("snooze --until %s is not after the snooze's date %s", e.Until, e.Date)
	case !e.By.IsZero() && e.By < e.Date:
		return fmt.Errorf("--by %s is before the event's date %s", e.By, e.Date)
	case !e.Deadline.IsZero() && e.Deadline < e.Date:
		return fmt.Errorf("--deadline %s is before the event's date %s", e.Deadline, e.Date)
	}
	for _, d := range []struct {
		field string
		d     Date
	}{{"the date", e.Date}, {"--by", e.By}, {"--deadline", e.Deadline}, {"--until", e.Until}} {
		if err := checkEventDate(d.field, d.d); err != nil {
			return err
		}
	}
	return nil
}

// validateCurrency checks a currency code: none, or three capital letters.
func validateCurrency(c string) error {
	if c == "" {
		return nil
	}
	if len(c) != 3 || strings.IndexFunc(c, func(r rune) bool { return !unicode.IsUpper(r) || r > unicode.MaxASCII }) >= 0 {
		return fmt.Errorf("currency %q is not a three-letter code such as USD, EUR or GBP", c)
	}
	return nil
}

// article returns "an" before a vowel ("an interview", "an offer"), else "a".
func article(word string) string {
	if word != "" && strings.ContainsRune("aeiou", rune(word[0])) {
		return "an"
	}
	return "a"
}

func fieldList(t EventType) string {
	fs := t.Fields()
	if len(fs) == 0 {
		return "only --date and --note"
	}
	names := []string{"--date", "--note"}
	for _, f := range fs {
		names = append(names, "--"+f.Flag())
	}
	return strings.Join(names, ", ")
}

// SortEvents orders events as the rules do: by date, then by the order they
// were logged. The order of logging is the store's ID; an event not saved yet
// (ID 0) is being logged now, so it comes after every saved event of its day,
// and unsaved events keep their order in the slice. It sorts a copy.
func SortEvents(events []Event) []Event {
	evs := append([]Event(nil), events...)
	for i := 1; i < len(evs); i++ {
		if eventLess(&evs[i], &evs[i-1]) { // the store hands them in order: no sort
			slices.SortStableFunc(evs, compareEvents)
			break
		}
	}
	return evs
}

// eventLess is compareEvents(*a, *b) < 0 without copying two Events.
func eventLess(a, b *Event) bool {
	if a.Date != b.Date {
		return a.Date < b.Date
	}
	return logOrder(*a) < logOrder(*b)
}

// compareEvents is the events' order: date, then logging order (see SortEvents).
func compareEvents(a, b Event) int {
	if c := cmp.Compare(a.Date, b.Date); c != 0 {
		return c
	}
	return cmp.Compare(logOrder(a), logOrder(b))
}

// logOrder is an event's place in the order of logging: its ID, or after
// every saved event when it has none yet.
func logOrder(e Event) int64 {
	if e.ID == 0 {
		return math.MaxInt64
	}
	return e.ID
}

// Application is one job application: who and what, without its events.
type Application struct {
	ID        int64
	Company   string
	Role      string
	Recruiter string // the recruiter's name
	Contact   string // the recruiter's email or phone
	URL       string
	Notes     string
	Archived  bool // hidden from the default list and never chased
}

// Validate checks the fields a user must give.
func (a Application) Validate() error {
	if strings.TrimSpace(a.Company) == "" {
		return fmt.Errorf("the company name is empty (give --company)")
	}
	return a.checkText()
}
