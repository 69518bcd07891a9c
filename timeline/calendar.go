package timeline

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/at"
	"github.com/rickar/cal/v2/au"
	"github.com/rickar/cal/v2/be"
	"github.com/rickar/cal/v2/br"
	"github.com/rickar/cal/v2/ca"
	"github.com/rickar/cal/v2/ch"
	"github.com/rickar/cal/v2/de"
	"github.com/rickar/cal/v2/dk"
	"github.com/rickar/cal/v2/es"
	"github.com/rickar/cal/v2/fr"
	"github.com/rickar/cal/v2/gb"
	"github.com/rickar/cal/v2/ie"
	"github.com/rickar/cal/v2/it"
	"github.com/rickar/cal/v2/jp"
	"github.com/rickar/cal/v2/nl"
	"github.com/rickar/cal/v2/no"
	"github.com/rickar/cal/v2/nz"
	"github.com/rickar/cal/v2/pl"
	"github.com/rickar/cal/v2/se"
	"github.com/rickar/cal/v2/us"
	"github.com/rickar/cal/v2/za"
)

// countryHolidays maps a country code (the `holidays` setting) to its national
// public holidays, as maintained by github.com/rickar/cal. Australia has no
// national list there, so its nationwide days are named one by one.
var countryHolidays = map[string][]*cal.Holiday{
	"AT": at.Holidays, "BE": be.Holidays, "BR": br.Holidays, "CA": ca.Holidays,
	"CH": ch.Holidays, "DE": de.Holidays, "DK": dk.Holidays, "ES": es.Holidays,
	"FR": fr.Holidays, "GB": gb.Holidays, "IE": ie.Holidays, "IT": it.Holidays,
	"JP": jp.Holidays, "NL": nl.Holidays, "NO": no.Holidays, "NZ": nz.Holidays,
	"PL": pl.Holidays, "SE": se.Holidays, "US": us.Holidays, "ZA": za.Holidays,
	"AU": {au.NewYear, au.AustraliaDay, au.GoodFriday, au.EasterMonday, au.AnzacDay,
		au.ChristmasDay, au.BoxingDay},
}

// countryAliases are other names users type for a supported country.
var countryAliases = map[string]string{"UK": "GB"}

// countries returns the supported holiday country codes, sorted.
func countries() []string {
	out := make([]string, 0, len(countryHolidays))
	for c := range countryHolidays {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// normalizeCountry returns the canonical code for a `holidays` value ("" and
// "none" mean no holidays), or an error listing the supported codes.
func normalizeCountry(s string) (string, error) {
	c := strings.ToUpper(strings.TrimSpace(s))
	if c == "" || c == "NONE" {
		return "", nil
	}
	if a, ok := countryAliases[c]; ok {
		c = a
	}
	if _, ok := countryHolidays[c]; !ok {
		return "", fmt.Errorf("unknown holiday country %q (use none or one of %s)", s, strings.Join(countries(), ", "))
	}
	return c, nil
}

// Holidays are cached per country and year as a bitset of the year's days:
// computing them runs the library's rules (Easter and the like), far too slow
// to do per lookup, and a lookup is on the hot path of every business-day
// count. Years in [holidayMinYear, holidayMaxYear] are cached lock-free in a
// fixed array (a lookup allocates nothing); other years are computed afresh.
const (
	holidayMinYear = 1900
	holidayMaxYear = 2299
)

// holidayCal is one country's rules and its cache of computed years.
type holidayCal struct {
	rules []*cal.Holiday
	years [holidayMaxYear - holidayMinYear + 1]atomic.Pointer[holidayYear]
}

// holidayYear is one year's holidays: bit i is set when jan1+i is a holiday.
type holidayYear struct {
	jan1, next Date      // 1 January of the year and of the next
	bits       [6]uint64 // 384 bits ≥ 366 days
}

// holidayCals holds the calendars built so far, by country code. A calendar
// is built on first use, not at start-up: most users name no country, and
// each calendar's cache of years is 3 KB to allocate and clear, which every
// command (even `afterview version`) would pay for twenty countries.
var holidayCals sync.Map // string → *holidayCal

// calendarFor returns country's calendar (nil for "" or an unknown code).
func calendarFor(country string) *holidayCal {
	if c, ok := holidayCals.Load(country); ok {
		return c.(*holidayCal)
	}
	rules, ok := countryHolidays[country]
	if !ok {
		return nil
	}
	c, _ := holidayCals.LoadOrStore(country, &holidayCal{rules: rules})
	return c.(*holidayCal)
}

// year returns the holidays of year y, computing and caching them once.
func (c *holidayCal) year(y int) *holidayYear {
	if y < holidayMinYear || y > holidayMaxYear {
		return c.compute(y)
	}
	p := &c.years[y-holidayMinYear]
	if hy := p.Load(); hy != nil {
		return hy
	}
	hy := c.compute(y)
	p.CompareAndSwap(nil, hy) // a racing goroutine computed the same set
	return p.Load()
}

// compute runs the rules for year y.
func (c *holidayCal) compute(y int) *holidayYear {
	hy := &holidayYear{jan1: NewDate(y, time.January, 1), next: NewDate(y+1, time.January, 1)}
	// Observed days can spill across a year boundary (New Year's Day on a
	// Saturday is observed on 31 December), so look at both neighbours.
	for _, yy := range []int{y - 1, y, y + 1} {
		for _, h := range c.rules {
			actual, observed := h.Calc(yy)
			for _, t := range []time.Time{actual, observed} {
				if t.IsZero() {
					continue
				}
				if hd := DateOf(t); hd >= hy.jan1 && hd < hy.next {
					i := hd - hy.jan1
					hy.bits[i>>6] |= 1 << (i & 63)
				}
			}
		}
	}
	return hy
}

// isHoliday reports whether d is a public holiday (as observed: a holiday that
// falls on a weekend may move to a weekday) in country, a code of Countries.
func isHoliday(country string, d Date) bool {
	if country == "" {
		return false
	}
	var hy *holidayYear
	return calendarFor(country).has(d, &hy)
}

// has reports whether d is a holiday in c (nil: no calendar). *hy caches the
// year last looked at, so that a loop over consecutive days looks the year up
// once rather than once a day.
func (c *holidayCal) has(d Date, hy **holidayYear) bool {
	if c == nil {
		return false // Validate refuses unknown countries; nothing to skip here
	}
	if y := *hy; y == nil || d < y.jan1 || d >= y.next {
		*hy = c.year(yearOf(d))
	}
	i := d - (*hy).jan1
	return (*hy).bits[i>>6]&(1<<(i&63)) != 0
}

// yearJan1 holds 1 January of every cached year (and of the year after), so
// that yearOf is a guess and a comparison rather than a calendar conversion.
var yearJan1 = func() (t [holidayMaxYear - holidayMinYear + 2]Date) {
	for i := range t {
		t[i] = NewDate(holidayMinYear+i, time.January, 1)
	}
	return t
}()

// yearOf returns d's year.
func yearOf(d Date) int {
	if d < yearJan1[0] || d >= yearJan1[len(yearJan1)-1] {
		y, _, _ := civilFromDays(d)
		return y
	}
	i := int(d-yearJan1[0]) * 400 / 146097 // 146097 days in 400 years: off by at most one
	if i > len(yearJan1)-2 {
		i = len(yearJan1) - 2
	}
	for d < yearJan1[i] {
		i--
	}
	for d >= yearJan1[i+1] {
		i++
	}
	return holidayMinYear + i
}

// IsBusinessDay reports whether d is Monday to Friday and not a public holiday
// of the calendar the settings name.
func (s Settings) IsBusinessDay(d Date) bool {
	return isWeekday(d) && !isHoliday(s.Holidays, d)
}

func isWeekday(d Date) bool {
	wd := d.Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

// AddBusinessDays returns the n-th business day strictly after d (n ≥ 1); for
// n ≤ 0 it returns d.
func (s Settings) AddBusinessDays(d Date, n int) Date {
	var c *holidayCal // looked up once, not once a day
	if s.Holidays != "" {
		c = calendarFor(s.Holidays)
	}
	var hy *holidayYear
	for n > 0 {
		d++
		if isWeekday(d) && !c.has(d, &hy) {
			n--
		}
	}
	return d
}

// NextBusinessDay returns the first business day strictly after d: the day a
// follow-up is due when an answer was expected by d and none came.
func (s Settings) NextBusinessDay(d Date) Date { return s.AddBusinessDays(d, 1) }
