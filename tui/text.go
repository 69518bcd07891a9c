package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Text helpers every screen lays its lines out with. They take plain text
// (style after fitting, so an escape sequence is never cut).

// fit cuts s (plain text) to width cells with "…".
func fit(s string, width int) string {
	if width <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= width {
		return s
	}
	return ansi.Truncate(s, width, "…")
}

// pad right-pads s (plain text) with spaces to width cells.
func pad(s string, width int) string {
	if n := width - ansi.StringWidth(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
}

// plural returns one or many by n.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// window returns height lines of lines from offset (padding with empty
// lines), joined.
func window(lines []string, offset, height int) string {
	offset = max(0, min(offset, len(lines)-height))
	end := min(len(lines), offset+height)
	out := make([]string, 0, height)
	out = append(out, lines[offset:end]...)
	for len(out) < height {
		out = append(out, "")
	}
	return strings.Join(out, "\n")
}

// wrap word-wraps plain text to width cells.
func wrap(s string, width int) []string {
	if width < 10 {
		width = 10
	}
	return strings.Split(ansi.Wrap(s, width, ""), "\n")
}
