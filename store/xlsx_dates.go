package store

import (
	"math"
	"strings"
	"time"

	"github.com/afterview/afterview/timeline"
)

// Dates in a workbook: a date cell holds a serial number, the days since
// the start of the workbook's date system, and a number format that shows
// it as a date.

// The first days of the two date systems, as serial numbers count from them.
var (
	xlsxEpoch1900 = timeline.NewDate(1899, time.December, 30) // serial 61 is 1900-03-01
	xlsxEpoch1904 = timeline.NewDate(1904, time.January, 1)   // serial 0
	xlsxLastDay   = timeline.NewDate(9999, time.December, 31)
)

// xlsxSerialDate returns the day a date cell's serial number stands for,
// in the workbook's date system, and whether it lies within the years 1900
// to 9999. A time of day is dropped, except that half a second before
// midnight rounds to the next day. In the 1900 system, Excel counts the
// 29th of February 1900 that never was (serial 60, read as the 28th), so
// serials 1 to 59 are a day later than a count from 1899-12-30 gives.
func xlsxSerialDate(serial float64, date1904 bool) (timeline.Date, bool) {
	if math.IsNaN(serial) || serial < 0 || serial >= 2958466 || !date1904 && serial < 1 {
		return 0, false
	}
	days := math.Floor(serial)
	if frac := serial - days; time.Duration(float64(24*time.Hour)*(frac+1e-9)) >= 24*time.Hour-499*time.Millisecond {
		days++
	}
	d := xlsxEpoch1900 + timeline.Date(days)
	switch {
	case date1904:
		d = xlsxEpoch1904 + timeline.Date(days)
	case days < 60:
		d++
	}
	return d, d <= xlsxLastDay
}

// xlsxSerial returns a date's serial number in the 1900 date system, as
// Excel counts (with its 29th of February 1900), and whether the date is
// within the years 1900 to 9999 that a date cell can hold.
func xlsxSerial(d timeline.Date) (int, bool) {
	switch {
	case d < xlsxEpoch1900+2 || d > xlsxLastDay: // before 1900-01-01
		return 0, false
	case d < xlsxEpoch1900+61: // before 1900-03-01
		return int(d - xlsxEpoch1900 - 1), true
	}
	return int(d - xlsxEpoch1900), true
}

// isDateFormat reports whether a number format shows a date: one of Excel's
// built-in date formats (14–17, 22, 27–36, 50–58 in East Asian locales), or
// a custom format with a day, month or year in it outside quotes and
// brackets ("yyyy-mm-dd", "d mmm yy", but not "0.00" or "[Red]#,##0").
func isDateFormat(id int, custom *string) bool {
	switch {
	case id >= 14 && id <= 17, id == 22, id >= 27 && id <= 36, id >= 50 && id <= 58:
		return true
	case custom == nil:
		return false
	}
	quoted, bracket := false, false
	for _, r := range strings.ToLower(*custom) {
		switch {
		case r == '"':
			quoted = !quoted
		case quoted:
		case r == '[':
			bracket = true
		case r == ']':
			bracket = false
		case bracket:
		case r == 'd' || r == 'y' || r == 'm':
			return true
		}
	}
	return false
}
