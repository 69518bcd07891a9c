package timeline

import "fmt"

// CheckRange returns nil when v is a whole number from min to max, else the
// error every range check words the same way, for settings and flags alike:
// "reply_max_bd: -1 is too small; it must be at least 1 (a whole number of
// business days from 1 to 1000)". name is what the user typed (a setting's
// key, a flag with its dashes); unit is what v counts.
func CheckRange(name string, v, min, max int, unit string) error {
	switch {
	case v < min:
		return fmt.Errorf("%s: %d is too small; it must be at least %d (%s)", name, v, min, rangeText(min, max, unit))
	case v > max:
		return fmt.Errorf("%s: %d is too large; it must be at most %d (%s)", name, v, max, rangeText(min, max, unit))
	}
	return nil
}

// NotWholeNumber is the error for a value that should be a whole number in a
// range but is not a number at all, worded as CheckRange words the range.
func NotWholeNumber(name, value string, min, max int, unit string) error {
	return fmt.Errorf("%s: %q is not a number (%s)", name, value, rangeText(min, max, unit))
}

func rangeText(min, max int, unit string) string {
	return fmt.Sprintf("a whole number of %s from %d to %d", unit, min, max)
}
