package tui

import (
	"fmt"
	"strings"

	"github.com/afterview/afterview/timeline"
)

// The lines `add` and `log` print: what was stored, in words, so that a date
// resolved from "thu" or an amount read from "1.5k" can be checked at once.

// EventWords describes an event as it was stored: its type and date in words
// with how far that is from today, then the fields it carries, as parsed
// ("offer on Tue 24 Nov 2026 (today): deadline Tue 1 Dec 2026 (in 7 days),
// base 180,000 USD"), then its note.
func (r Report) EventWords(e timeline.Event) string {
	s := string(e.Type) + " on " + r.longDate(e.Date)
	var fields []string
	for _, f := range e.Type.Fields() {
		if !e.Has(f) {
			continue
		}
		switch f {
		case timeline.FieldBy:
			fields = append(fields, "news by "+r.longDate(e.By))
		case timeline.FieldDeadline:
			fields = append(fields, "deadline "+r.longDate(e.Deadline))
		case timeline.FieldUntil:
			fields = append(fields, "until "+r.longDate(e.Until))
		case timeline.FieldCurrency:
			if e.Base == 0 && e.Bonus == 0 && e.Equity == 0 && e.Signon == 0 {
				fields = append(fields, "currency "+Sanitize(e.Currency))
			}
		case timeline.FieldBase:
			fields = append(fields, "base "+Amount(e.Base, Sanitize(e.Currency)))
		case timeline.FieldBonus:
			if e.BonusPercent != 0 {
				fields = append(fields, "bonus "+TermValue(e, f))
			} else {
				fields = append(fields, "bonus "+Amount(e.Bonus, Sanitize(e.Currency)))
			}
		case timeline.FieldSignon:
			fields = append(fields, "sign-on "+Amount(e.Signon, Sanitize(e.Currency)))
		case timeline.FieldVesting:
			fields = append(fields, "vesting over "+TermValue(e, f))
		case timeline.FieldEquity:
			fields = append(fields, "equity "+Amount(e.Equity, Sanitize(e.Currency)))
		default:
			fields = append(fields, string(f)+" "+Sanitize(reportFieldValue(e, f)))
		}
	}
	if note := strings.Join(SanitizeLines(e.Note), " "); note != "" {
		fields = append(fields, fmt.Sprintf("note %q", note))
	}
	if len(fields) > 0 {
		s += ": " + strings.Join(fields, ", ")
	}
	return s
}

// longDate is a date with its year and, in words, how far it is from today:
// "Thu 26 Nov 2026 (3 days ago)".
func (r Report) longDate(d timeline.Date) string {
	return d.Format(timeline.LayoutDayYear) + " (" + relativeDay(d, r.Today) + ")"
}

// LoggedEvent is what `log` prints: the event as stored, in words, then its
// id with the application's stage and next action now.
func (r Report) LoggedEvent(id int64, e timeline.Event, entry timeline.Entry) string {
	return r.fit("logged "+r.EventWords(e)) + "\n" + r.Logged(fmt.Sprintf("event %d", id), entry)
}

// Added is the line that confirms `add`: the application's id, company and
// role, the events it was added with, in words, and its stage and next
// action.
func (r Report) Added(entry timeline.Entry, events []timeline.Event) string {
	parts := []string{fmt.Sprintf("added application %d", entry.App.ID), reportWho(entry.App)}
	for _, e := range events {
		parts = append(parts, r.EventWords(e))
	}
	return r.fit(strings.Join(append(parts, r.state(entry)), " · ")) + "\n"
}

// Who names an application in one line, "Company — Role", sanitised, for a
// message about it.
func (r Report) Who(a timeline.Application) string {
	a.Company, a.Role = strings.TrimSpace(a.Company), strings.TrimSpace(a.Role)
	return reportWho(a)
}
