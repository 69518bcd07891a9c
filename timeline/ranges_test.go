package timeline

import "testing"

func TestCheckRangeWordsEveryBoundTheSameWay(t *testing.T) {
	for _, c := range []struct {
		v    int
		want string
	}{
		{-1, "reply_max_bd: -1 is too small; it must be at least 1 (a whole number of business days from 1 to 1000)"},
		{1001, "reply_max_bd: 1001 is too large; it must be at most 1000 (a whole number of business days from 1 to 1000)"},
	} {
		if err := CheckRange("reply_max_bd", c.v, 1, 1000, "business days"); err == nil || err.Error() != c.want {
			t.Errorf("CheckRange(%d) = %v, want %q", c.v, err, c.want)
		}
	}
	for _, v := range []int{1, 7, 1000} {
		if err := CheckRange("reply_max_bd", v, 1, 1000, "business days"); err != nil {
			t.Errorf("CheckRange(%d) = %v, want nil", v, err)
		}
	}
	if got, want := NotWholeNumber("reply_max_bd", "lots", 1, 1000, "business days").Error(),
		`reply_max_bd: "lots" is not a number (a whole number of business days from 1 to 1000)`; got != want {
		t.Errorf("NotWholeNumber = %q, want %q", got, want)
	}
}
