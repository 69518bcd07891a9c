package tui

import (
	"strings"
	"testing"

	"github.com/afterview/afterview/timeline"
)

func TestSanitize(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"plain text is unchanged", "Acme Robotics", "Acme Robotics"},
		{"unicode is kept", "Zürich Quant — 東京", "Zürich Quant — 東京"},
		{"CSI colour is removed", "Evil\x1b[31mCorp\x1b[0m", "EvilCorp"},
		{"cursor movement is removed", "a\x1b[2J\x1b[Hb", "ab"},
		{"OSC title ending in BEL is removed", "x\x1b]0;pwned\x07y", "xy"},
		{"OSC 52 clipboard ending in ST is removed", "x\x1b]52;c;ZXZpbA==\x1b\\y", "xy"},
		{"DCS is removed", "x\x1bPq#0;2;0;0;0\x1b\\y", "xy"},
		{"two-character escapes are removed", "x\x1bcy\x1b7z", "xyz"},
		{"a trailing ESC is dropped", "x\x1b", "x"},
		{"C1 CSI is removed", "x\u009b31my", "xy"},
		{"C1 OSC is removed", "x\u009d0;t\u009cy", "xy"},
		{"other controls are dropped", "a\x00b\x07c\x08d\x7fe", "abcde"},
		{"line breaks and tabs become spaces", "a\nb\r\nc\td", "a b  c d"},
		{"bidi overrides are dropped", "abc\u202edcba\u202c", "abcdcba"},
		{"invalid UTF-8 is replaced", "a\xffb", "a\ufffdb"},
		{"every C1 control is dropped", "a\u0080b\u0085c\u008ed\u009ce", "abcde"},
		{"bidi isolates are dropped", "a\u2066b\u2067c\u2068d\u2069e\u202af\u202bg\u202dh", "abcdefgh"},
		{"zero-width characters are dropped", "Ac\u200bme\u200c \u200dCorp\u2060\ufeff\u00ad", "Acme Corp"},
		{"line and paragraph separators become spaces", "a\u2028b\u2029c", "a b c"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Sanitize(c.in); got != c.want {
				t.Errorf("Sanitize(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestSanitizeLinesKeepsLines(t *testing.T) {
	got := SanitizeLines("one\x1b[1m\r\ntwo\x07\nthree")
	if strings.Join(got, "|") != "one|two|three" {
		t.Errorf("SanitizeLines = %q", got)
	}
}

func TestHostileTextNeverReachesTheTerminal(t *testing.T) {
	fs := newFakeStore()
	evil := "\x1b]0;owned\x07Evil\x1b[2J\x1b[31mCorp\u202e"
	app := timeline.Application{Company: evil, Role: "Role\x1b[1A", Recruiter: "Mal\x9b2J", Contact: "m@x.example\x1b]52;c;AAAA\x07", Notes: "line1\x1b[H\nline2"}
	note := tev(timeline.EventInterview, "2026-11-10", "note\x1b[6n with a query")
	fs.add(app, note)
	m := testModel(t, fs, 100, 40)
	views := []string{m.View()}
	m, _ = press(t, m, "enter")
	views = append(views, m.View())
	m, _ = press(t, m, "m")
	views = append(views, m.View())
	m, _ = press(t, m, "esc", "e")
	views = append(views, m.View())
	for i, v := range views {
		// The Ascii profile draws no styles, so any ESC or C1 would be the data's.
		if strings.ContainsAny(v, "\x1b\x07\u009b\u202e") {
			t.Errorf("view %d lets a control sequence through: %q", i, v)
		}
		if !strings.Contains(v, "EvilCorp") {
			t.Errorf("view %d lost the visible text", i)
		}
	}
}

func TestSanitizeTextKeepsLineEndsOnly(t *testing.T) {
	in := "BEGIN:VCALENDAR\r\nSUMMARY:Evil\x1b]0;t\x07 Corp\u202e\r\nok\rline\nlast\u200b"
	want := "BEGIN:VCALENDAR\r\nSUMMARY:Evil Corp\r\nok line\nlast"
	if got := SanitizeText(in); got != want {
		t.Errorf("SanitizeText = %q, want %q", got, want)
	}
}

func TestEscapeJSONEscapesWhatATerminalWouldActOn(t *testing.T) {
	in := []byte("{\n  \"company\": \"Ev\u202eil\u0085 Z\u00fcrich\u200b \U000e0041\"\n}")
	want := "{\n  \"company\": \"Ev\\u202eil\\u0085 Z\u00fcrich\\u200b \\udb40\\udc41\"\n}"
	if got := string(EscapeJSON(in)); got != want {
		t.Errorf("EscapeJSON = %s, want %s", got, want)
	}
}
