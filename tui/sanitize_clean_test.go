package tui

import (
	"math/rand"
	"testing"
)

// TestIsCleanIsExactlyWhatSanitizeLeavesAlone checks the fast path: a text is
// returned as it is exactly when the rewriting would not change it.
func TestIsCleanIsExactlyWhatSanitizeLeavesAlone(t *testing.T) {
	cases := []string{"", "Acme", "Zürich Quant — follow up · Pat", "a\tb", "a\x1b[31mb", "a\u200bb",
		"a\u2028b", "a\u202eb", "\xff", "\u00ad", "\u0085", "a\u009b31mb", "\ufffd", "日本語", "a\x7fb"}
	pieces := []string{"a", "Z", " ", "~", "Acme Robotics ", "\x1f", "\x00", "\x80", "—", "·", "ü", "日", "\t", "\n", "\x1b", "[", "\u200b", "\u2028",
		"\u202e", "\xff", "\xc3", "\u0085", "\u009b", "\ufffd", "\u00ad", "\U0001F600", "\x7f", "\u180e"}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 5000; i++ {
		s := ""
		for k := r.Intn(6) + r.Intn(2)*r.Intn(40); k > 0; k-- { // long ones too: isClean reads eight bytes at a time
			s += pieces[r.Intn(len(pieces))]
		}
		cases = append(cases, s)
	}
	for _, s := range cases {
		if clean, same := isClean(s), sanitize(s) == s; clean != same {
			t.Errorf("%q: isClean %v, but the rewriting leaves it unchanged: %v", s, clean, same)
		}
	}
}
