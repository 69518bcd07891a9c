package timeline

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a civil date with no time of day and no time zone: the number of days
// since 0000-12-31, so that 0001-01-01 is 1 and the zero Date means "no date".
// Arithmetic on it is integer arithmetic, which keeps Derive cheap.
type Date int32

// unixEpoch is 1970-01-01 as a Date.
const unixEpoch Date = 719163

// DateLayout is the one textual form of a Date: ISO 8601, YYYY-MM-DD.
const DateLayout = "2006-01-02"

// NewDate returns the Date for a year, month and day; out-of-range values
// normalise as time.Date does (January 32 is February 1, month 13 is January
// of the next year).
func NewDate(year int, month time.Month, day int) Date {
	m := int(month) - 1
	year += floorDiv(m, 12)
	m -= floorDiv(m, 12) * 12
	return daysFromCivil(year, m+1, 1) + Date(day-1)
}

// daysFromCivil returns the Date of any valid year, month (1–12)
// and day, in the proleptic Gregorian calendar. It is Howard Hinnant's
// days_from_civil: integer arithmetic only, so Derive and the holiday cache
// never go through time.Time.
func daysFromCivil(y, m, d int) Date {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400 // [0, 399]
	mp := (m + 9) % 12 // March is 0
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return Date(era*146097+doe-719468) + unixEpoch
}

// civilFromDays is the inverse of daysFromCivil (Hinnant's civil_from_days).
func civilFromDays(d Date) (int, time.Month, int) {
	z := int(d-unixEpoch) + 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097                                  // [0, 146096]
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365 // [0, 399]
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100) // [0, 365]
	mp := (5*doy + 2) / 153                  // March is 0
	day := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
		y++
	}
	return y, time.Month(m), day
}

// floorDiv is a / b rounded towards minus infinity (b > 0).
func floorDiv(a, b int) int {
	q := a / b
	if a%b < 0 {
		q--
	}
	return q
}

// DateOf returns the civil date of t in t's own location: the local date when t
// comes from time.Now().
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return NewDate(y, m, d)
}

// ParseDate reads an ISO date, YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(DateLayout, strings.TrimSpace(s))
	if err != nil || t.Year() < 1 {
		// Year 0 is refused: 0000-12-31 would be the zero Date, "no date".
		return 0, fmt.Errorf("%q is not a date (want YYYY-MM-DD, e.g. 2026-11-20)", s)
	}
	return DateOf(t), nil
}

// MustDate is ParseDate for literals in tests and examples; it panics on a bad date.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsZero reports whether d is the zero Date, "no date".
func (d Date) IsZero() bool { return d == 0 }

// Time returns midnight UTC at the start of d.
func (d Date) Time() time.Time {
	return time.Unix(int64(d-unixEpoch)*86400, 0).UTC()
}

// YMD returns d's year, month and day.
func (d Date) YMD() (int, time.Month, int) { return civilFromDays(d) }

// Weekday returns d's day of the week.
func (d Date) Weekday() time.Weekday {
	// 0001-01-01 (Date 1) was a Monday; dates before it are negative, and the
	// remainder must not be.
	w := int(d) % 7
	if w < 0 {
		w += 7
	}
	return time.Weekday(w)
}

// String returns d as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format(DateLayout)
}

// Format formats d with a time layout (e.g. "Mon 2 Jan").
func (d Date) Format(layout string) string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format(layout)
}

// AddDays returns the date n calendar days after d (before, for negative n).
func (d Date) AddDays(n int) Date { return d + Date(n) }

// Sub returns the number of calendar days from e to d (d - e).
func (d Date) Sub(e Date) int { return int(d - e) }

// AddMonths returns the same day-of-month n months after d, clamped to the last
// day of that month: 2026-08-31 + 6 months = 2027-02-28.
func (d Date) AddMonths(n int) Date {
	y, m, day := d.YMD()
	total := int(m) - 1 + n
	y += total / 12
	total %= 12
	if total < 0 {
		total += 12
		y--
	}
	month := time.Month(total + 1)
	if last := daysIn(y, month); day > last {
		day = last
	}
	return NewDate(y, month, day)
}

// daysIn returns the number of days in a month.
func daysIn(year int, month time.Month) int {
	return int(NewDate(year, month+1, 1) - NewDate(year, month, 1))
}

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d < e }

// After reports whether d is strictly after e.
func (d Date) After(e Date) bool { return d > e }

// MarshalText writes d as YYYY-MM-DD; the zero Date is written as "".
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads YYYY-MM-DD; "" is the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = 0
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// maxDate returns the latest of its arguments, ignoring zero Dates.
func maxDate(ds ...Date) Date {
	var m Date
	for _, d := range ds {
		if d > m {
			m = d
		}
	}
	return m
}

// DateForms is the help text listing every form ParseDateRel accepts; errors
// quote it so a user sees what to type instead.
const DateForms = "YYYY-MM-DD, today, yesterday, tomorrow, -3d, +2w, fri, next fri, last fri"

// ParseDateRel reads a date as a user types it, relative to today: YYYY-MM-DD,
// "today", "yesterday", "tomorrow", a signed offset in days or weeks ("-3d",
// "+2w", "3d" meaning +3d), a weekday name, or "next"/"last" and a weekday
// name. A bare weekday name is the most recent such day on or before today
// when past is true (an event that happened), else the next such day on or
// after today (a deadline). "next fri" is the first Friday after today and
// "last fri" the latest Friday before it, whatever past says; neither is
// ever today.
func ParseDateRel(s string, today Date, past bool) (Date, error) {
	in := strings.ToLower(strings.TrimSpace(s))
	if d, ok := parseDateWord(in, today); ok {
		return d, nil
	}
	if d, err := ParseDate(in); err == nil {
		return d, nil
	}
	if d, ok := parseOffset(in, today); ok {
		return d, nil
	}
	if d, ok := parseWeekday(in, today, past); ok {
		return d, nil
	}
	return 0, fmt.Errorf("%q is not a date: use %s", s, DateForms)
}

// parseDateWord reads today, now, yesterday and tomorrow.
func parseDateWord(in string, today Date) (Date, bool) {
	switch in {
	case "today", "now":
		return today, true
	case "yesterday":
		return today.AddDays(-1), true
	case "tomorrow":
		return today.AddDays(1), true
	}
	return 0, false
}

// parseOffset reads a signed offset in days or weeks: -3d, +2w, 3d.
func parseOffset(in string, today Date) (Date, bool) {
	if in == "" {
		return 0, false
	}
	unit := in[len(in)-1]
	if unit != 'd' && unit != 'w' {
		return 0, false
	}
	num := in[:len(in)-1]
	n, err := strconv.Atoi(num)
	if err != nil || num == "" || num[0] == ' ' || n <= -100000 || n >= 100000 {
		return 0, false
	}
	if unit == 'w' {
		n *= 7
	}
	return today.AddDays(n), true
}

// parseWeekday reads a weekday name, alone or after "next" or "last".
func parseWeekday(in string, today Date, past bool) (Date, bool) {
	word, name, both := strings.Cut(in, " ")
	if !both {
		word, name = "", in
	}
	wd, ok := weekdayNames[strings.TrimSpace(name)]
	if !ok {
		return 0, false
	}
	diff := int(wd) - int(today.Weekday()) // -6..6
	switch {
	case word == "next", word == "" && !past:
		if diff < 0 || (diff == 0 && word == "next") {
			diff += 7
		}
	case word == "last", word == "" && past:
		if diff > 0 || (diff == 0 && word == "last") {
			diff -= 7
		}
	default:
		return 0, false
	}
	return today.AddDays(diff), true
}

var weekdayNames = map[string]time.Weekday{
	"sun": time.Sunday, "sunday": time.Sunday,
	"mon": time.Monday, "monday": time.Monday,
	"tue": time.Tuesday, "tues": time.Tuesday, "tuesday": time.Tuesday,
	"wed": time.Wednesday, "wednesday": time.Wednesday,
	"thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday, "thursday": time.Thursday,
	"fri": time.Friday, "friday": time.Friday,
	"sat": time.Saturday, "saturday": time.Saturday,
}
