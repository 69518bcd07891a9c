package store

import (
	"database/sql"
	"fmt"
	"time"

	"github.com/afterview/afterview/timeline"
)

// dateArg is a Date as a column value: ISO text, or NULL for no date.
func dateArg(d timeline.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.String()
}

// dayArg is a Date as an INTEGER day-number column value, or NULL for no date.
func dayArg(d timeline.Date) any {
	if d.IsZero() {
		return nil
	}
	return int64(d)
}

// nullDate scans a nullable ISO date column.
type nullDate struct{ d *timeline.Date }

// Scan implements sql.Scanner: an INTEGER day number, or exactly YYYY-MM-DD
// text with a parser much cheaper than time.Parse.
func (n nullDate) Scan(v any) error {
	var b []byte
	switch x := v.(type) {
	case nil:
		*n.d = 0
		return nil
	case int64:
		*n.d = timeline.Date(x)
		return nil
	case string:
		b = []byte(x)
	case []byte:
		b = x
	default:
		return errBadDate(v)
	}
	if len(b) != 10 || b[4] != '-' || b[7] != '-' {
		return errBadDate(v)
	}
	num := func(p []byte) int {
		n := 0
		for _, c := range p {
			if c < '0' || c > '9' {
				return -1
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	y, m, d := num(b[:4]), num(b[5:7]), num(b[8:])
	if y < 1 || m < 1 || m > 12 || d < 1 || d > 31 {
		return errBadDate(v)
	}
	*n.d = timeline.NewDate(y, timeMonth(m), d)
	return nil
}

// errBadDate is the error for a stored date that is neither a day number
// nor YYYY-MM-DD: a file changed by hand, which `afterview doctor` will show.
func errBadDate(v any) error {
	return fmt.Errorf("a stored date is not YYYY-MM-DD: %v", v)
}

// nullStr scans a nullable text column into a string ("" for NULL).
type nullStr struct{ s *string }

// Scan implements sql.Scanner.
func (n nullStr) Scan(v any) error {
	switch x := v.(type) { // the usual values first, as in nullInt
	case nil:
		*n.s = ""
		return nil
	case string:
		*n.s = x
		return nil
	}
	var ns sql.NullString
	if err := ns.Scan(v); err != nil {
		return err
	}
	*n.s = ns.String
	return nil
}

// nullInt scans a nullable integer column (0 for NULL).
type nullInt struct{ i *int64 }

// Scan implements sql.Scanner.
func (n nullInt) Scan(v any) error {
	// The usual values first, without sql.NullInt64's conversion (which
	// costs an allocation a column: re-deriving every application reads
	// six such columns of each of hundreds of thousands of events).
	switch x := v.(type) {
	case nil:
		*n.i = 0
		return nil
	case int64:
		*n.i = x
		return nil
	}
	var ni sql.NullInt64
	if err := ni.Scan(v); err != nil {
		return err
	}
	*n.i = ni.Int64
	return nil
}

// strArg is a text column value: NULL for "".
func strArg(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// intArg is an integer column value: NULL for 0.
func intArg(i int64) any {
	if i == 0 {
		return nil
	}
	return i
}

func timeMonth(m int) time.Month { return time.Month(m) }
