package timeline

import (
	"strings"
	"sync"
	"testing"
	"time"
)

// The integer calendar agrees with package time on every day from 1600 to
// 2400, and on a few far ones.
func TestDateAgreesWithTime(t *testing.T) {
	check := func(tm time.Time) {
		d := DateOf(tm)
		if y, m, day := d.YMD(); y != tm.Year() || m != tm.Month() || day != tm.Day() {
			t.Fatalf("%s: YMD = %d-%d-%d", tm.Format(DateLayout), y, m, day)
		}
		if d.Weekday() != tm.Weekday() {
			t.Fatalf("%s: Weekday = %s, want %s", tm.Format(DateLayout), d.Weekday(), tm.Weekday())
		}
		if !d.Time().Equal(tm) || yearOf(d) != tm.Year() {
			t.Fatalf("%s: Time = %s, yearOf = %d", tm.Format(DateLayout), d.Time(), yearOf(d))
		}
	}
	for tm := time.Date(1600, 1, 1, 0, 0, 0, 0, time.UTC); tm.Year() < 2400; tm = tm.AddDate(0, 0, 1) {
		check(tm)
	}
	for _, y := range []int{-400, -1, 0, 1, 9999} {
		check(time.Date(y, 3, 1, 0, 0, 0, 0, time.UTC))
		check(time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC))
	}
	if NewDate(1, time.January, 1) != 1 || NewDate(1970, time.January, 1) != unixEpoch {
		t.Error("the epoch moved: 0001-01-01 must be Date 1")
	}
	if NewDate(2026, time.January, 32) != D("2026-02-01") || NewDate(2026, 13, 1) != D("2027-01-01") || NewDate(2026, 0, 0) != D("2025-11-30") {
		t.Error("NewDate does not normalise as time.Date does")
	}
}

func TestAddMonths(t *testing.T) {
	for _, c := range []struct {
		from string
		n    int
		want string
	}{
		{"2026-08-31", 6, "2027-02-28"},  // the contract's example: clamp
		{"2027-08-31", 6, "2028-02-29"},  // clamp into a leap February
		{"2028-01-31", 1, "2028-02-29"},  // Jan 31 in a leap year
		{"2027-01-31", 1, "2027-02-28"},  // and in a common one
		{"2026-11-10", 12, "2027-11-10"}, // a year
		{"2026-03-31", -1, "2026-02-28"}, // backwards, clamped
		{"2026-01-15", -13, "2024-12-15"},
		{"2026-05-31", 1, "2026-06-30"},
		{"2026-12-31", 0, "2026-12-31"},
	} {
		if got := D(c.from).AddMonths(c.n); got != D(c.want) {
			t.Errorf("%s + %d months = %s, want %s", c.from, c.n, got, c.want)
		}
	}
}

func TestBusinessDays(t *testing.T) {
	none, us, gb := DefaultSettings(), withHolidays("US"), withHolidays("GB")
	for _, c := range []struct {
		name string
		set  Settings
		from string
		n    int
		want string
	}{
		{"weekday to weekday", none, "2026-11-02", 3, "2026-11-05"},
		{"Friday + 1 is Monday", none, "2026-11-06", 1, "2026-11-09"},
		{"Saturday + 1 is Monday", none, "2026-11-07", 1, "2026-11-09"},
		{"strictly after: Monday + 5 is the next Monday", none, "2026-11-02", 5, "2026-11-09"},
		{"n = 0 stays", none, "2026-11-07", 0, "2026-11-07"},
		{"US: Thanksgiving skipped", us, "2026-11-25", 1, "2026-11-27"},
		{"US: Veterans Day skipped", us, "2026-11-10", 1, "2026-11-12"},
		{"US: Christmas and New Year", us, "2026-12-24", 2, "2026-12-29"},
		{"US: New Year 2028 (a Saturday) observed Friday 2027-12-31", us, "2027-12-30", 1, "2028-01-03"},
		{"US: Dec 31 of a leap year, New Year 2033 observed", us, "2032-12-30", 1, "2033-01-03"},
		{"GB: Christmas Friday, Boxing Day observed Monday", gb, "2026-12-24", 1, "2026-12-29"},
		{"GB: Easter 2027, Good Friday and Easter Monday", gb, "2027-03-25", 1, "2027-03-30"},
		{"GB: Thanksgiving is a business day", gb, "2026-11-25", 1, "2026-11-26"},
	} {
		if got := c.set.AddBusinessDays(D(c.from), c.n); got != D(c.want) {
			t.Errorf("%s: %s + %d bd = %s, want %s", c.name, c.from, c.n, got, c.want)
		}
	}
	if us.IsBusinessDay(D("2026-11-26")) || !none.IsBusinessDay(D("2026-11-26")) || us.IsBusinessDay(D("2026-11-28")) {
		t.Error("IsBusinessDay: Thanksgiving or Saturday wrong")
	}
	if got := us.NextBusinessDay(D("2026-12-31")); got != D("2027-01-04") {
		t.Errorf("US NextBusinessDay(2026-12-31) = %s, want 2027-01-04", got)
	}
	// Years outside the cache are computed, not refused.
	if withHolidays("US").IsBusinessDay(D("2400-12-25")) || withHolidays("US").IsBusinessDay(MustDate("1800-12-25")) {
		t.Error("Christmas outside the cached years is a business day")
	}
	// Every country's calendar loads, concurrently (run with -race).
	var wg sync.WaitGroup
	for _, c := range countries() {
		wg.Go(func() {
			s := withHolidays(c)
			if n := countHolidays(s, 2027); n < 5 || n > 20 {
				t.Errorf("%s has %d weekday holidays in 2027", c, n)
			}
		})
	}
	wg.Wait()
}

func countHolidays(s Settings, year int) int {
	n := 0
	for d := NewDate(year, 1, 1); d < NewDate(year+1, 1, 1); d++ {
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday && !s.IsBusinessDay(d) {
			n++
		}
	}
	return n
}

func TestParseDate(t *testing.T) {
	for _, bad := range []string{"", "2026-13-01", "2026-02-30", "26-11-20", "2026/11/20", "0000-12-31", "today"} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) = nil error", bad)
		}
	}
	if d, err := ParseDate(" 2026-11-20 "); err != nil || d.String() != "2026-11-20" {
		t.Errorf("ParseDate(2026-11-20) = %s, %v", d, err)
	}
}

// Dates marshal as YYYY-MM-DD, the zero Date as nothing; arithmetic is plain.
func TestDateTextAndArithmetic(t *testing.T) {
	var d Date
	if err := d.UnmarshalText([]byte("2026-02-29")); err == nil {
		t.Error("UnmarshalText accepted 2026-02-29")
	}
	if err := d.UnmarshalText(nil); err != nil || !d.IsZero() {
		t.Error(`UnmarshalText("") is not the zero Date`)
	}
	if b, _ := Date(0).MarshalText(); len(b) != 0 || Date(0).Format("2 Jan") != "" {
		t.Error("the zero Date does not marshal to empty")
	}
	if b, _ := D("2026-11-20").MarshalText(); string(b) != "2026-11-20" {
		t.Errorf("MarshalText = %s", b)
	}
	if D("2026-11-20").Sub(D("2026-11-02")) != 18 || !D("2026-11-02").Before(D("2026-11-03")) || !D("2026-11-03").After(D("2026-11-02")) {
		t.Error("Sub/Before/After")
	}
	if maxDate() != 0 || maxDate(0, D("2026-11-02"), D("2026-11-01")) != D("2026-11-02") {
		t.Error("maxDate")
	}
}

// ParseDateRel on Friday 2026-11-20.
func TestParseDateRel(t *testing.T) {
	today := D("2026-11-20")
	for _, c := range []struct {
		in   string
		past bool
		want string
	}{
		{"today", true, "2026-11-20"}, {"Today", false, "2026-11-20"}, {"now", true, "2026-11-20"},
		{"yesterday", true, "2026-11-19"}, {"tomorrow", false, "2026-11-21"},
		{"-3d", true, "2026-11-17"}, {"+2w", false, "2026-12-04"}, {"3d", false, "2026-11-23"},
		{"-1w", true, "2026-11-13"}, {"0d", true, "2026-11-20"},
		{"2026-01-05", true, "2026-01-05"}, {" 2027-01-05 ", false, "2027-01-05"},
		{"mon", true, "2026-11-16"}, {"monday", false, "2026-11-23"},
		{"fri", true, "2026-11-20"}, {"friday", false, "2026-11-20"}, // today itself, both ways
		{"sat", true, "2026-11-14"}, {"Saturday", false, "2026-11-21"},
		{"wed", true, "2026-11-18"}, {"wed", false, "2026-11-25"}, // "wed" ends in d but is no offset
		{"thurs", true, "2026-11-19"}, {"tues", false, "2026-11-24"},
		// next/last: strictly after or before today, whatever past says.
		{"next fri", true, "2026-11-27"}, {"next friday", false, "2026-11-27"}, {"Last Fri", false, "2026-11-13"},
		{"last friday", true, "2026-11-13"}, {"next mon", true, "2026-11-23"}, {"last mon", false, "2026-11-16"},
		{"next sat", false, "2026-11-21"}, {"last thu", false, "2026-11-19"}, {"next  tue", true, "2026-11-24"},
	} {
		got, err := ParseDateRel(c.in, today, c.past)
		if err != nil || got != D(c.want) {
			t.Errorf("ParseDateRel(%q, past=%v) = %s, %v; want %s", c.in, c.past, got, err, c.want)
		}
	}
	for _, bad := range []string{"", " ", "d", "w", "+d", "3x", "3 d", "--3d", "1e3d", "someday", "100000d", "2026-02-30", "this friday", "next", "last week", "next 3d", "fri next"} {
		_, err := ParseDateRel(bad, today, true)
		if err == nil {
			t.Errorf("ParseDateRel(%q) = nil error", bad)
		} else if !strings.Contains(err.Error(), DateForms) {
			t.Errorf("ParseDateRel(%q) error does not list the forms: %v", bad, err)
		}
	}
}

// The texts' date formats match time.Format's.
func TestTextDates(t *testing.T) {
	for d := D("2026-01-01"); d < D("2028-01-01"); d += 13 {
		if dayMonth(d) != d.Format("2 Jan") || weekdayDayMonth(d) != d.Format("Mon 2 Jan") || dayMonthYear(d) != d.Format("2 Jan 2006") || longDay(d) != d.Format("Mon 2 Jan 2006") {
			t.Fatalf("%s: %q %q %q", d, dayMonth(d), weekdayDayMonth(d), dayMonthYear(d))
		}
	}
}

// FuzzParseDateRel: whatever is typed, ParseDateRel either fails with the
// forms listed or gives a date near today that reads back the same when
// written as YYYY-MM-DD.
func FuzzParseDateRel(f *testing.F) {
	for _, seed := range []string{"today", "yesterday", "tomorrow", "-3d", "+2w", "3d", "2026-01-05", "mon", "friday",
		"next fri", "last fri", "next  tue", "wed", "99999d", "-99999w", "", " ", "next", "last 2026-01-05", "0000-12-31", "+-3d"} {
		f.Add(seed, true)
		f.Add(seed, false)
	}
	today := D("2026-11-20")
	f.Fuzz(func(t *testing.T, in string, past bool) {
		d, err := ParseDateRel(in, today, past)
		if err != nil {
			if !strings.Contains(err.Error(), DateForms) {
				t.Fatalf("ParseDateRel(%q): error without the forms: %v", in, err)
			}
			return
		}
		if d.IsZero() {
			t.Fatalf("ParseDateRel(%q) = the zero Date without an error", in)
		}
		if back, err := ParseDate(d.String()); err != nil || back != d {
			t.Fatalf("ParseDateRel(%q) = %s, which reads back as %s, %v", in, d, back, err)
		}
		if _, perr := ParseDate(in); perr != nil && (d.Sub(today) > 7*100000 || today.Sub(d) > 7*100000) {
			t.Fatalf("ParseDateRel(%q) = %s, too far from today for a relative form", in, d)
		}
	})
}
