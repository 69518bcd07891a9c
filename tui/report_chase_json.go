package tui

import (
	"bytes"
	"io"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/afterview/afterview/timeline"
)

// `chase --json` is written straight into a buffer, as the text report is:
// encoding/json's reflection, then its indenting pass and the escaping of
// hidden characters over the whole document, took several times as long as
// reading the items. It writes, byte for byte, what json.MarshalIndent with
// two spaces followed by EscapeJSON wrote.

// ChaseJSON is `chase --json`: {"today", "items": [{"id", "company", "role",
// "kind", "due", "section", "action"}]}.
func (r Report) ChaseJSON(items []timeline.ChaseItem) ([]byte, error) {
	var b bytes.Buffer
	b.Grow(len(items) * 400)
	err := r.WriteChaseJSON(&b, items)
	return b.Bytes(), err
}

// WriteChaseJSON writes ChaseJSON's document to w as it goes, in pieces of
// chaseChunk bytes.
func (r Report) WriteChaseJSON(w io.Writer, items []timeline.ChaseItem) error {
	buf := make([]byte, 0, chaseChunk+4096)
	buf = append(buf, "{\n  \"today\": "...)
	buf = appendJSONString(buf, r.Today.String())
	buf = append(buf, ",\n  \"items\": ["...)
	var due timeline.Date
	dueText := ""
	for i := range items {
		it := &items[i]
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, "\n    {\n      \"id\": "...)
		buf = strconv.AppendInt(buf, it.App.ID, 10)
		buf = append(buf, ",\n      \"company\": "...)
		buf = appendJSONString(buf, it.App.Company)
		buf = append(buf, ",\n      \"role\": "...)
		buf = appendJSONString(buf, it.App.Role)
		buf = append(buf, ",\n      \"kind\": "...)
		buf = appendJSONString(buf, string(it.Action.Kind))
		if i == 0 || it.Action.Due != due { // thousands of items fall due on a few days
			due, dueText = it.Action.Due, it.Action.Due.String()
		}
		buf = append(buf, ",\n      \"due\": "...)
		buf = appendJSONString(buf, dueText)
		buf = append(buf, ",\n      \"section\": "...)
		buf = appendJSONString(buf, string(it.Section))
		buf = append(buf, ",\n      \"action\": "...)
		buf = appendJSONString(buf, it.Action.Text)
		buf = append(buf, "\n    }"...)
		if len(buf) >= chaseChunk {
			if _, err := w.Write(buf); err != nil {
				return err
			}
			buf = buf[:0]
		}
	}
	if len(items) > 0 {
		buf = append(buf, "\n  "...)
	}
	buf = append(buf, "]\n}\n"...)
	_, err := w.Write(buf)
	return err
}

// appendJSONString appends s to dst as a JSON string, escaped as
// encoding/json escapes it (quotes and backslashes, control characters, <,
// > and &, U+2028 and U+2029, invalid UTF-8 as U+FFFD) and as EscapeJSON
// escapes what Sanitize would drop (C1 controls, bidirectional controls,
// invisible format characters).
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(append(dst, s[start:i]...), `\ufffd`...)
		case r == '\u2028' || r == '\u2029' || r != utf8.RuneError && hidden(r):
			dst = append(dst, s[start:i]...)
			if r > 0xffff {
				r1, r2 := utf16.EncodeRune(r)
				dst = appendJSONRune(dst, r1)
				dst = appendJSONRune(dst, r2)
			} else {
				dst = appendJSONRune(dst, r)
			}
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	return append(append(dst, s[start:]...), '"')
}

// appendJSONRune appends r (at most 0xffff) as a \u escape, in lower case.
func appendJSONRune(dst []byte, r rune) []byte {
	const hex = "0123456789abcdef"
	return append(dst, '\\', 'u', hex[r>>12&0xf], hex[r>>8&0xf], hex[r>>4&0xf], hex[r&0xf])
}
