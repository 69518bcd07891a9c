package timeline

import (
	"fmt"
	"sort"
	"strings"
	"sync"
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

// Countries returns the supported holiday country codes, sorted.
func Countries() []string {
	out := make([]string, 0, len(countryHolidays))
	for c := range countryHolidays {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// NormalizeCountry returns the canonical code for a `holidays` value ("" and
// "none" mean no holidays), or an error listing the supported codes.
func NormalizeCountry(s string) (string, error) {
	c := strings.ToUpper(strings.TrimSpace(s))
	if c == "" || c == "NONE" {
		return "", nil
	}
	if a, ok := countryAliases[c]; ok {
		c = a
	}
	if _, ok := countryHolidays[c]; !ok {
		return "", fmt.Errorf("unknown holiday country %q (use none or one of %s)", s, strings.Join(Countries(), ", "))
	}
	return c, nil
}

// holidayYears caches each (country, year)'s holidays: computing them runs the
// library's rules (Easter and the like), far too slow to do per lookup.
var holidayYears sync.Map // yearKey -> map[Date]bool

type yearKey struct {
	country string
	year    int
}

// isHoliday reports whether d is a public holiday (as observed: a holiday that
// falls on a weekend may move to a weekday) in country.
func isHoliday(country string, d Date) bool {
	if country == "" {
		return false
	}
	y, _, _ := d.YMD()
	k := yearKey{country, y}
	v, ok := holidayYears.Load(k)
	if !ok {
		set := map[Date]bool{}
		// Observed days can spill across a year boundary (New Year's Day on a
		// Saturday is observed on 31 December), so look at both neighbours.
		for _, yy := range []int{y - 1, y, y + 1} {
			for _, h := range countryHolidays[country] {
				actual, observed := h.Calc(yy)
				for _, t := range []time.Time{actual, observed} {
					if t.IsZero() {
						continue
					}
					if hd := DateOf(t); hd.Time().Year() == y {
						set[hd] = true
					}
				}
			}
		}
		v, _ = holidayYears.LoadOrStore(k, set)
	}
	return v.(map[Date]bool)[d]
}

// IsBusinessDay reports whether d is Monday to Friday and not a public holiday
// of the calendar the settings name.
func (s Settings) IsBusinessDay(d Date) bool {
	switch d.Weekday() {
	case time.Saturday, time.Sunday:
		return false
	}
	return !isHoliday(s.Holidays, d)
}

// AddBusinessDays returns the n-th business day strictly after d (n ≥ 1); for
// n ≤ 0 it returns d.
func (s Settings) AddBusinessDays(d Date, n int) Date {
	for n > 0 {
		d++
		if s.IsBusinessDay(d) {
			n--
		}
	}
	return d
}

// NextBusinessDay returns the first business day strictly after d: the day a
// follow-up is due when an answer was expected by d and none came.
func (s Settings) NextBusinessDay(d Date) Date { return s.AddBusinessDays(d, 1) }
