package tui

import (
	"strings"

	"github.com/afterview/afterview/timeline"
)

// The offer's terms in the event form (offer and negotiate): the same fields
// and the same parsing (timeline.TermsInput) as the CLI's flags, so that
// "15%", "1.5k" or "180,000 USD" mean the same in both.

// termFields are the term fields' labels and placeholders.
var termFields = map[timeline.Field]struct{ label, empty string }{
	timeline.FieldBase:    {"Base", "optional, e.g. 180000, 180k or 180,000 USD"},
	timeline.FieldBonus:   {"Bonus", "optional: an amount (20k) or a share of base (15%)"},
	timeline.FieldSignon:  {"Sign-on", "optional: paid once, e.g. 20k"},
	timeline.FieldEquity:  {"Equity", "optional: the whole grant's value, e.g. 400k"},
	timeline.FieldVesting: {"Vesting yrs", "optional: the years the grant vests over (4)"},
}

// termField makes the field for one of an offer's terms and keeps it in fs.
func (fs *eventFields) termField(f timeline.Field) *field {
	t := termFields[f]
	fl := newField(t.label, kindText, "")
	fl.empty = t.empty
	*fs.termSlot(f) = fl
	return fl
}

// termSlot is where fs keeps the field for term f.
func (fs *eventFields) termSlot(f timeline.Field) **field {
	switch f {
	case timeline.FieldBase:
		return &fs.base
	case timeline.FieldBonus:
		return &fs.bonus
	case timeline.FieldSignon:
		return &fs.signon
	case timeline.FieldEquity:
		return &fs.equity
	case timeline.FieldVesting:
		return &fs.vesting
	case timeline.FieldCurrency:
		return &fs.currency
	}
	return nil
}

// readTerms reads the term fields the form has into e; a wrong one is marked
// with the CLI's words for it.
func (fs *eventFields) readTerms(fm *form, e *timeline.Event) {
	terms := []timeline.Field{timeline.FieldBase, timeline.FieldBonus, timeline.FieldSignon, timeline.FieldEquity,
		timeline.FieldVesting, timeline.FieldCurrency}
	val := func(f timeline.Field) string {
		if fl := *fs.termSlot(f); fl != nil {
			return fl.value()
		}
		return ""
	}
	in := timeline.TermsInput{Base: val(timeline.FieldBase), Bonus: val(timeline.FieldBonus), Signon: val(timeline.FieldSignon),
		Equity: val(timeline.FieldEquity), VestingYears: val(timeline.FieldVesting), Currency: val(timeline.FieldCurrency)}
	err := in.Apply(e, func(f timeline.Field) bool { return val(f) != "" })
	if err == nil {
		return
	}
	msg := err.Error()
	for _, f := range terms {
		if prefix := "--" + f.Flag() + ": "; strings.HasPrefix(msg, prefix) && *fs.termSlot(f) != nil {
			fm.fail(*fs.termSlot(f), strings.TrimPrefix(msg, prefix))
			return
		}
	}
	fm.err = strings.ReplaceAll(msg, "--", "")
}
