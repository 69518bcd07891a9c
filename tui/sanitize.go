package tui

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sanitize makes text from the database safe to put on one line of a
// terminal: escape sequences (CSI, OSC, DCS and the rest) are removed whole,
// other control characters, C1 controls and bidirectional overrides are
// dropped, and tabs and line breaks become spaces. A company name or note can
// then never move the cursor, change colours, set the clipboard or retitle
// the window.
func Sanitize(s string) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x1b:
			i = skipEscape(s, i+1)
			continue
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f':
			b.WriteByte(' ')
		case r == 0x9b || r == 0x9d || r == 0x90 || r == 0x9e || r == 0x9f || r == 0x98:
			// A C1 introducer (CSI, OSC, DCS, PM, APC, SOS): drop its sequence.
			i = skipSequenceBody(s, i+size, r == 0x9b)
			continue
		case unicode.IsControl(r), isBidiControl(r):
		default:
			b.WriteRune(r)
		}
		i += size
	}
	return b.String()
}

// SanitizeLines is Sanitize for multi-line text such as notes: it keeps the
// line breaks by returning one sanitized string per line.
func SanitizeLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = Sanitize(l)
	}
	return lines
}

// isPlain reports whether s is printable ASCII only, the common case.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e {
			return false
		}
	}
	return true
}

// isBidiControl reports the invisible characters that reorder text
// (embeddings, overrides and isolates), which could disguise a name.
func isBidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c
}

// skipEscape returns the index after the escape sequence whose ESC ended at
// i-1.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[':
		return skipSequenceBody(s, i+1, true)
	case ']', 'P', '_', '^', 'X':
		return skipSequenceBody(s, i+1, false)
	}
	// A two-character escape (ESC c, ESC 7 …), or ESC with intermediates.
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) {
		i++
	}
	return i
}

// skipSequenceBody skips a CSI's parameters up to its final byte (csi), or a
// string sequence up to BEL or ST (ESC \ or 0x9c).
func skipSequenceBody(s string, i int, csi bool) int {
	for i < len(s) {
		c := s[i]
		switch {
		case csi && c >= 0x40 && c <= 0x7e:
			return i + 1
		case csi && (c < 0x20 || c > 0x3f) && !(c >= 0x20 && c <= 0x2f):
			// Not a CSI byte: the sequence was cut short; keep what follows.
			return i
		case !csi && c == 0x07:
			return i + 1
		case !csi && c == 0x1b:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i + 1
		case !csi && c == 0xc2 && i+1 < len(s) && s[i+1] == 0x9c:
			return i + 2
		}
		i++
	}
	return i
}
