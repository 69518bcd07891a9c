package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/afterview/afterview/timeline"
	"github.com/charmbracelet/x/ansi"
)

// Show renders one application in full: its fields, stage and next action,
// the windows with where today sits in each, the offer's terms, the advice
// for its stage and its events. Notes are lines about the application's
// situation that its own derivation does not know (an offer elsewhere).
func (r Report) Show(d timeline.Derived, set timeline.Settings, notes ...string) string {
	var b strings.Builder
	a := d.App
	r.line(&b, r.paint(r.Styles.Title, reportWho(a))+r.paint(r.Styles.Muted, fmt.Sprintf("  #%d", a.ID)))

	// field writes a labelled value; each of its lines wraps under the value column.
	field := func(label, value string) {
		if value == "" {
			return
		}
		const labelW = 11
		indent := strings.Repeat(" ", labelW)
		first := true
		for _, line := range strings.Split(value, "\n") {
			for _, l := range r.wrap(line, labelW) {
				if first {
					r.line(&b, r.paint(r.Styles.Label, fmt.Sprintf("%-*s", labelW, label))+l)
					first = false
				} else {
					r.line(&b, indent+l)
				}
			}
		}
	}
	field("stage", r.paint(r.Styles.Stage(d.Stage), d.Stage.Label()))
	switch {
	case d.Next != nil:
		field("next", Sanitize(d.Next.Text))
		field("due", r.paint(r.Styles.Due(d.Next.Due, r.Today, set.LookaheadDays), r.ActionDue(*d.Next)))
	case d.Stage == timeline.StageOnboarding && !d.StartDate.IsZero():
		field("starts", r.paint(r.Styles.Good, r.Due(d.StartDate)))
	case d.Stage == timeline.StageStarted:
		field("started", r.Date(d.StartDate))
	}
	for _, n := range notes {
		field("elsewhere", n)
	}
	if d.Snoozed(r.Today) {
		field("snoozed", "until "+r.Date(d.SnoozedUntil)+" (hidden from the chase view until then)")
	}
	if a.Archived {
		field("archived", "yes (hidden from the list and never chased)")
	}
	field("recruiter", strings.Join(reportNonEmpty(Sanitize(a.Recruiter), Sanitize(a.Contact)), " · "))
	field("url", Sanitize(a.URL))
	field("notes", strings.Join(SanitizeLines(a.Notes), "\n"))

	if len(d.Windows) > 0 {
		r.heading(&b, "windows")
		nameW := 0
		for _, w := range d.Windows {
			nameW = max(nameW, len(w.Name))
		}
		spans := make([]string, len(d.Windows))
		spanW := 0
		for i, w := range d.Windows {
			spans[i] = r.Date(w.From) + " – " + r.Date(w.To)
			spanW = max(spanW, ansi.StringWidth(spans[i]))
		}
		for i, w := range d.Windows {
			pad := strings.Repeat(" ", spanW-ansi.StringWidth(spans[i]))
			r.line(&b, fmt.Sprintf("  %-*s  %s%s  %s", nameW, w.Name, spans[i], pad, r.windowState(w)))
		}
	}
	if d.Offer != nil {
		r.heading(&b, "offer")
		for _, l := range r.OfferLines(d) {
			for _, w := range r.wrap(l, 2) {
				r.line(&b, "  "+w)
			}
		}
	}
	if adv := timeline.Advice(d, r.Today, set); len(adv) > 0 {
		r.heading(&b, "advice")
		for _, s := range adv {
			for i, l := range r.wrap(s, 4) {
				lead := "  • "
				if i > 0 {
					lead = "    "
				}
				r.line(&b, lead+l)
			}
		}
	}
	r.heading(&b, "events")
	if len(d.Events) == 0 {
		r.line(&b, "  none yet")
	} else {
		for _, l := range strings.Split(strings.TrimSuffix(r.Events(d.Events), "\n"), "\n") {
			r.line(&b, "  "+l)
		}
	}
	return b.String()
}

// heading starts a section of the detail view, after a blank line.
func (r Report) heading(b *strings.Builder, s string) {
	b.WriteByte('\n')
	r.line(b, r.paint(r.Styles.Title, s))
}

// windowState says where today sits in a window: "closed", "opens in 3d",
// "now: day 2 of 3".
func (r Report) windowState(w timeline.Window) string {
	switch {
	case r.Today > w.To:
		return r.paint(r.Styles.Muted, "closed")
	case r.Today < w.From:
		return r.paint(r.Styles.Upcoming, "opens "+timeline.Relative(w.From, r.Today))
	}
	return r.paint(r.Styles.Accent, fmt.Sprintf("now: day %d of %d", r.Today.Sub(w.From)+1, w.To.Sub(w.From)+1))
}

// wrap breaks s into lines that fit the width after indent cells; with no
// width it returns s whole.
func (r Report) wrap(s string, indent int) []string {
	if r.Width <= 0 || r.Width-indent < 20 {
		return []string{s}
	}
	return strings.Split(ansi.Wordwrap(s, r.Width-indent, ""), "\n")
}

// Events renders events as a table: id, date, type, and the fields and note
// each carries; events after today are marked as planned.
func (r Report) Events(events []timeline.Event) string {
	t := reportTable{
		head:   []string{"ID", "DATE", "TYPE", "DETAILS"},
		shrink: []int{0, 0, 0, 1},
		min:    []int{0, 0, 0, 10},
	}
	for _, e := range events {
		var details []string
		for _, f := range e.Type.Fields() {
			if e.Has(f) {
				details = append(details, string(f)+" "+reportFieldValue(e, f))
			}
		}
		if e.Note != "" {
			details = append(details, strconv.Quote(e.Note))
		}
		if e.Date > r.Today {
			details = append(details, "(planned)")
		}
		t.rows = append(t.rows, []reportCell{
			{text: fmt.Sprint(e.ID), style: &r.Styles.Muted, right: true},
			{text: e.Date.Format(timeline.LayoutWeekdayISO)},
			{text: string(e.Type), style: &r.Styles.Bold},
			{text: strings.Join(details, " · ")},
		})
	}
	return t.render(r)
}

// reportFieldValue is an event field's value as a user would type it.
func reportFieldValue(e timeline.Event, f timeline.Field) string {
	switch f {
	case timeline.FieldBy:
		return e.By.String()
	case timeline.FieldDeadline:
		return e.Deadline.String()
	case timeline.FieldUntil:
		return e.Until.String()
	case timeline.FieldAt:
		return e.At
	}
	return TermValue(e, f)
}

// Amount formats a sum of money with thousands separators and its currency
// code, if any: "180,000 USD".
func Amount(n int64, currency string) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	out := b.String()
	if neg {
		out = "-" + out
	}
	if currency != "" {
		out += " " + currency
	}
	return out
}

// Settings renders every setting with its value, unit and meaning; a value
// that differs from the default shows the default too.
func (r Report) Settings(set timeline.Settings) string {
	def := timeline.DefaultSettings()
	t := reportTable{
		head:   []string{"KEY", "VALUE", "UNIT", "MEANING"},
		shrink: []int{0, 0, 0, 1},
		min:    []int{0, 0, 0, 10},
	}
	for _, si := range timeline.SettingInfos {
		v, _ := set.Get(si.Key)
		value := reportCell{text: v, style: &r.Styles.Bold}
		if dv, _ := def.Get(si.Key); dv != v {
			value.text += " (default " + dv + ")"
			value.style = &r.Styles.Accent
		}
		t.rows = append(t.rows, []reportCell{
			{text: si.Key},
			value,
			{text: si.Unit, style: &r.Styles.Muted},
			{text: si.Help},
		})
	}
	return t.render(r)
}

// reportNonEmpty returns the strings that are not empty.
func reportNonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
