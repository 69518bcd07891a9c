package timeline

import (
	"strings"
	"testing"
)

func TestEventValidate(t *testing.T) {
	day := D("2026-11-20")
	for _, c := range []struct {
		name   string
		e      Event
		errHas string // "" when valid
	}{
		{"valid: an interview", Event{Type: EventInterview, Date: day}, ""},
		{"valid: heard --by the same day", Event{Type: EventHeard, Date: day, By: day}, ""},
		{"valid: an offer with its terms", Event{Type: EventOffer, Date: day, Deadline: day.AddDays(7), Base: 1, Bonus: 2, Equity: 3, Currency: "EUR"}, ""},
		{"valid: snooze with until", Event{Type: EventSnooze, Date: day, Until: day.AddDays(1)}, ""},
		{"valid: a note with text", Event{Type: EventNote, Date: day, Note: "called"}, ""},
		{"unknown type", Event{Type: "party", Date: day}, "unknown event type \"party\" (types: applied, interview, heard"},
		{"no date", Event{Type: EventInterview}, "interview: the event has no date"},
		{"a field the type does not take", Event{Type: EventInterview, Date: day, By: day}, "an interview event does not take --by (interview takes: --date, --note, --at)"},
		{"deadline on heard", Event{Type: EventHeard, Date: day, Deadline: day}, "a heard event does not take --deadline (heard takes: --date, --note, --by)"},
		{"until on an offer", Event{Type: EventOffer, Date: day, Until: day.AddDays(1)}, "an offer event does not take --until"},
		{"base on a heard", Event{Type: EventHeard, Date: day, Base: 1}, "does not take --base"},
		{"snooze without until", Event{Type: EventSnooze, Date: day}, "a snooze needs --until"},
		{"snooze until its own day", Event{Type: EventSnooze, Date: day, Until: day}, "is not after the snooze's date"},
		{"by before the date", Event{Type: EventHeard, Date: day, By: day.AddDays(-1)}, "--by 2026-11-19 is before the event's date 2026-11-20"},
		{"deadline before the date", Event{Type: EventNegotiate, Date: day, Deadline: day.AddDays(-1)}, "--deadline 2026-11-19 is before"},
		{"negative base", Event{Type: EventOffer, Date: day, Base: -1}, "amounts cannot be negative"},
		{"negative equity", Event{Type: EventOffer, Date: day, Equity: -5}, "amounts cannot be negative"},
		{"currency lower case", Event{Type: EventOffer, Date: day, Currency: "usd"}, "currency \"usd\" is not a three-letter code"},
		{"currency too long", Event{Type: EventOffer, Date: day, Currency: "USDX"}, "not a three-letter code"},
		{"currency not ASCII", Event{Type: EventOffer, Date: day, Currency: "ÉUR"}, "not a three-letter code"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := c.e.Validate()
			switch {
			case c.errHas == "" && err != nil:
				t.Errorf("Validate = %v, want nil", err)
			case c.errHas != "" && (err == nil || !strings.Contains(err.Error(), c.errHas)):
				t.Errorf("Validate = %v, want an error containing %q", err, c.errHas)
			}
		})
	}
}

func TestEventTypes(t *testing.T) {
	if len(EventTypes) != 16 {
		t.Errorf("%d event types, want 16", len(EventTypes))
	}
	for _, et := range EventTypes {
		if got, err := ParseEventType(" " + strings.ToUpper(string(et)) + " "); err != nil || got != et {
			t.Errorf("ParseEventType(%s) = %s, %v", et, got, err)
		}
		if et.Help() == "" {
			t.Errorf("%s has no help", et)
		}
	}
	for et, fields := range map[EventType]string{EventHeard: "by", EventOffer: "deadline base bonus signon equity vesting_years currency", EventNegotiate: "deadline base bonus signon equity vesting_years currency", EventSnooze: "until", EventInterview: "at", EventHold: ""} {
		var got []string
		for _, f := range et.Fields() {
			got = append(got, string(f))
			if !et.Takes(f) {
				t.Errorf("%s does not take its own field %s", et, f)
			}
		}
		if strings.Join(got, " ") != fields {
			t.Errorf("%s.Fields() = %v, want %s", et, got, fields)
		}
	}
	if EventInterview.Takes(FieldBy) || EventHold.Takes(FieldDeadline) {
		t.Error("a type takes a field it should not")
	}
}

// The zero event has no extra field; an application needs a company.
func TestEventFieldsAndApplication(t *testing.T) {
	for _, f := range AllFields {
		var e Event
		if e.Has(f) {
			t.Errorf("the zero event has %s", f)
		}
	}
	if err := (Application{Company: "  "}).Validate(); err == nil || !strings.Contains(err.Error(), "--company") {
		t.Errorf("an application without a company: %v", err)
	}
	if err := (Application{Company: "Acme"}).Validate(); err != nil {
		t.Errorf("Acme: %v", err)
	}
}
