package tui

import (
	"io"
	"unicode/utf8"
)

// JSONEscaper is a writer that passes encoded JSON on to another as
// EscapeJSON would rewrite the whole of it, however the bytes are split
// across writes: an export streams a large document through it without
// holding it in memory. Call Flush after the last write.
type JSONEscaper struct {
	w    io.Writer
	held []byte // the start of a character cut by the end of a write
}

// NewJSONEscaper returns a JSONEscaper writing to w.
func NewJSONEscaper(w io.Writer) *JSONEscaper { return &JSONEscaper{w: w} }

// Write escapes p (with what the previous write held back) and writes it,
// holding back a character cut short at the end until the next write.
func (e *JSONEscaper) Write(p []byte) (int, error) {
	n := len(p)
	if len(e.held) > 0 {
		p = append(e.held, p...)
		e.held = nil
	}
	cut := len(p)
	for i := len(p) - 1; i >= 0 && i >= len(p)-utf8.UTFMax+1; i-- {
		if p[i] < utf8.RuneSelf {
			break
		}
		if utf8.RuneStart(p[i]) {
			if !utf8.FullRune(p[i:]) {
				cut = i
			}
			break
		}
	}
	e.held = append([]byte(nil), p[cut:]...)
	if _, err := e.w.Write(EscapeJSON(p[:cut])); err != nil {
		return 0, err
	}
	return n, nil
}

// Flush writes what the last write held back (bytes that never became a
// character, passed on as they are).
func (e *JSONEscaper) Flush() error {
	if len(e.held) == 0 {
		return nil
	}
	_, err := e.w.Write(EscapeJSON(e.held))
	e.held = nil
	return err
}
