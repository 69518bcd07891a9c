package tui

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// Sanitize makes text from the database safe to put on one line of a
// terminal: escape sequences (CSI, OSC, DCS and the rest) are removed whole,
// other control characters (C0 and C1), bidirectional embeddings, overrides
// and isolates (U+202A–U+202E, U+2066–U+2069) and the invisible format
// characters (zero-width space, joiner and non-joiner, word joiner, byte-order
// mark, soft hyphen…) are dropped, and tabs and line breaks become spaces. A
// company name or note can then never move the cursor, change colours, set
// the clipboard, retitle the window or disguise itself as other text. Every
// path that prints user text to a terminal goes through it (or through
// SanitizeLines, SanitizeText or EscapeJSON, built on the same rules).
func Sanitize(s string) string {
	if isClean(s) {
		return s
	}
	return sanitize(s)
}

// sanitize is Sanitize's rewriting, for text that needs it.
func sanitize(s string) string {
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
		case r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == 0x2028 || r == 0x2029:
			b.WriteByte(' ')
		case r == 0x9b || r == 0x9d || r == 0x90 || r == 0x9e || r == 0x9f || r == 0x98:
			// A C1 introducer (CSI, OSC, DCS, PM, APC, SOS): drop its sequence.
			i = skipSequenceBody(s, i+size, r == 0x9b)
			continue
		case hidden(r):
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

// isClean reports whether Sanitize would return s as it is, the common case
// (a chase report of thousands of lines asks for every sentence): printable
// ASCII, and characters beyond it that are valid UTF-8, not line or
// paragraph separators and not hidden (an em dash, an accented name).
func isClean(s string) bool {
	for i := 0; i < len(s); {
		// Eight bytes at a time while they are all printable ASCII (what
		// most names and sentences are made of).
		for i+8 <= len(s) && printableASCII8(uint64(s[i])|uint64(s[i+1])<<8|uint64(s[i+2])<<16|uint64(s[i+3])<<24|
			uint64(s[i+4])<<32|uint64(s[i+5])<<40|uint64(s[i+6])<<48|uint64(s[i+7])<<56) {
			i += 8
		}
		if i == len(s) {
			break
		}
		c := s[i]
		if c >= 0x20 && c <= 0x7e {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			return false // a C0 control or DEL
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == 0x2028 || r == 0x2029 || hidden(r) {
			return false
		}
		i += size
	}
	return true
}

// printableASCII8 reports whether each of the eight bytes packed in x is
// printable ASCII (0x20 to 0x7e): none has its high bit set, none is below
// 0x20 (subtracting 0x20 from such a byte borrows into its high bit), and
// none is 0x7f (xor with 0x7f makes it zero, found the same way).
func printableASCII8(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	if x&highs != 0 {
		return false
	}
	del := x ^ 0x7f*ones
	return (x-0x20*ones)&^x&highs == 0 && (del-ones)&^del&highs == 0
}

// hidden reports the characters Sanitize drops: controls, bidirectional
// controls and invisible format characters (Unicode category Cf, which
// holds the zero-width ones).
func hidden(r rune) bool {
	return unicode.IsControl(r) || isBidiControl(r) || unicode.Is(unicode.Cf, r) || r == 0x180e
}

// SanitizeText is Sanitize for a whole text printed as it is, such as an
// export or a calendar feed written to the terminal: line breaks (\n, and
// \r\n kept as such) stay, and each line is sanitized.
func SanitizeText(s string) string {
	if isPlainText(s) {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		crlf := strings.HasSuffix(l, "\r")
		lines[i] = Sanitize(strings.TrimSuffix(l, "\r"))
		if crlf {
			lines[i] += "\r"
		}
	}
	return strings.Join(lines, "\n")
}

// isPlainText is isPlain allowing line breaks.
func isPlainText(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 0x20 && c != '\n') || c > 0x7e {
			return false
		}
	}
	return true
}

// EscapeJSON rewrites encoded JSON so that the characters Sanitize would drop
// and encoding/json leaves as they are (C1 controls, bidirectional controls,
// invisible format characters) appear as \u escapes: the data is the same,
// but a terminal showing the JSON sees only ASCII escapes. Outside strings
// JSON is ASCII, so only string contents change.
func EscapeJSON(b []byte) []byte {
	clean := true
	for i := 0; i < len(b); i++ {
		if b[i] >= 0x80 {
			clean = false
			break
		}
	}
	if clean {
		return b
	}
	out := make([]byte, 0, len(b)+16)
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r >= 0x80 && r != utf8.RuneError && hidden(r) {
			if r > 0xffff {
				r1, r2 := utf16.EncodeRune(r)
				out = fmt.Appendf(out, "\\u%04x\\u%04x", r1, r2)
			} else {
				out = fmt.Appendf(out, "\\u%04x", r)
			}
		} else {
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	return out
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
