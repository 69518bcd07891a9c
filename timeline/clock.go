package timeline

import (
	"fmt"
	"strconv"
	"strings"
)

// An interview may be logged with its time of day ("14:30"): a calendar then
// shows it as a timed entry. The time is local wall-clock time, like every
// date here, kept as text in 24-hour form so that it reads the same in the
// database, the JSON and a spreadsheet.

// ClockForms describes the times of day ParseClock reads, for help and errors.
const ClockForms = "14:30, 9:05, 9, 2pm or 2:30pm"

// ParseClock reads a time of day: 24-hour "14:30" (or "14.30", "14h30"),
// a bare hour "9", or 12-hour "2pm", "2:30 pm". It returns it as HH:MM.
func ParseClock(s string) (string, error) {
	bad := fmt.Errorf("%q is not a time of day (accepted: %s)", s, ClockForms)
	half, t := cutHalfDay(strings.ToLower(strings.TrimSpace(s)))
	hs, ms := splitClock(t)
	if len(hs) < 1 || len(hs) > 2 || len(ms) != 2 {
		return "", bad
	}
	h, err1 := strconv.Atoi(hs)
	m, err2 := strconv.Atoi(ms)
	if err1 != nil || err2 != nil || hs[0] == '-' || ms[0] == '-' || h > 23 || m > 59 {
		return "", bad
	}
	h, ok := to24Hour(h, half)
	if !ok {
		return "", bad
	}
	return fmt.Sprintf("%02d:%02d", h, m), nil
}

// cutHalfDay takes an am/pm suffix off t: half is "a", "p" or "".
func cutHalfDay(t string) (half, rest string) {
	for _, suffix := range []string{"am", "pm", "a.m.", "p.m."} {
		if strings.HasSuffix(t, suffix) {
			return suffix[:1], strings.TrimSpace(strings.TrimSuffix(t, suffix))
		}
	}
	return "", t
}

// splitClock splits a time of day into its hour and minutes at ":", "." or
// "h"; a bare hour ("9", "14h") has minutes "00".
func splitClock(t string) (hs, ms string) {
	for _, sep := range []string{":", "."} {
		if hs, ms, found := strings.Cut(t, sep); found {
			return hs, ms
		}
	}
	if hs, ms, found := strings.Cut(t, "h"); found {
		if ms == "" {
			ms = "00" // "14h"
		}
		return hs, ms
	}
	return t, "00"
}

// to24Hour turns a 12-hour hour with its half of the day into a 24-hour one;
// with no half, h is already 24-hour.
func to24Hour(h int, half string) (int, bool) {
	if half == "" {
		return h, true
	}
	if h < 1 || h > 12 {
		return 0, false
	}
	h %= 12
	if half == "p" {
		h += 12
	}
	return h, true
}

// validClock checks a stored time of day: HH:MM, 24-hour.
func validClock(s string) error {
	if c, err := ParseClock(s); err != nil || c != s {
		return fmt.Errorf("--at %q is not a time of day as HH:MM (e.g. 14:30)", s)
	}
	return nil
}

// ClockMinutes returns a time of day's minutes after midnight (HH:MM, as
// ParseClock returns it); ok is false when it has none.
func ClockMinutes(s string) (minutes int, ok bool) {
	if validClock(s) != nil {
		return 0, false
	}
	h, _ := strconv.Atoi(s[:2])
	m, _ := strconv.Atoi(s[3:])
	return h*60 + m, true
}
