package timeline

import (
	"fmt"
	"time"
)

// The dates an event may hold. Every date afterview works out from an event
// (a window's end, a follow-up, the reapply window up to the longest setting
// of 1,000 months) must still be a date that a calendar, a spreadsheet and
// the YYYY-MM-DD form can hold (years 1 to 9999); so an event's dates stop
// a century short of that, and a date beyond is an error when it is entered.
var (
	FirstEventDate = NewDate(1, time.January, 1)
	LastEventDate  = NewDate(9899, time.December, 31)
)

// checkEventDate refuses a date outside [FirstEventDate, LastEventDate],
// naming the field.
func checkEventDate(field string, d Date) error {
	if d.IsZero() || (d >= FirstEventDate && d <= LastEventDate) {
		return nil
	}
	return fmt.Errorf("%s %s is out of range: afterview takes dates from %s to %s", field, d, FirstEventDate, LastEventDate)
}
