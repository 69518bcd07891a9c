package timeline

import "testing"

func TestParseAmountAcceptsWhatUsersType(t *testing.T) {
	good := map[string]int64{"180000": 180000, "180,000": 180000, "180 000": 180000, "180_000": 180000,
		"180k": 180000, "180K": 180000, "1.2m": 1200000, "0": 0, "12.5k": 12500}
	for in, want := range good {
		if got, err := ParseAmount(in); err != nil || got != want {
			t.Errorf("ParseAmount(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "abc", "-5", "-5k", "1.5", "k", "12e", "180kk"} {
		if got, err := ParseAmount(in); err == nil {
			t.Errorf("ParseAmount(%q) = %d, want an error", in, got)
		}
	}
	if _, err := ParseAmount("lots"); err == nil || err.Error() != `"lots" is not an amount (a whole number such as 180000, 180,000 or 180k)` {
		t.Errorf("error = %v", err)
	}
}
