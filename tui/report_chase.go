package tui

import (
	"io"
	"strconv"
	"strings"

	"github.com/afterview/afterview/timeline"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// The chase report is written straight into a buffer: a long search never
// tidied up prints thousands of items, and putting each line together from
// strings, then painting, wrapping and fitting it through the general
// helpers, cost more than reading them from the database.

// Chase renders the chase view's items (in timeline.Chase's order) under the
// headings Overdue, Today and Coming up. Each item takes two lines: the due
// date with the company and role, then the action sentence and whom to
// contact. An empty list renders as "" (see NothingToChase).
func (r Report) Chase(items []timeline.ChaseItem) string {
	var b strings.Builder
	size := 0
	for i := range items {
		a := &items[i].App
		size += len(a.Company) + len(a.Role) + len(a.Recruiter) + len(a.Contact) + len(items[i].Action.Text) + 80
	}
	b.Grow(size)
	r.WriteChase(&b, items) // a strings.Builder does not fail
	return b.String()
}

// WriteChase writes Chase's text to w as it goes, in pieces of chaseChunk
// bytes: a long search's report is megabytes, written without holding it
// all.
func (r Report) WriteChase(w io.Writer, items []timeline.ChaseItem) error {
	if len(items) == 0 {
		return nil
	}
	cw := chaseWriter{r: &r, w: w, buf: make([]byte, 0, chaseChunk+4096)} // r by pointer: a Report holds the whole style sheet
	// The due column: each date's label worked out once (thousands of items
	// fall due on a few days), as wide as the widest. A label depends on the
	// section too: a reapply window opened on a day is "open", an item
	// overdue since that day is "overdue".
	dues := make(map[chaseDue]string)
	var count [4]int // items in each of timeline.Sections
	for i := range items {
		it := &items[i]
		if k := (chaseDue{it.Action.Due, it.Section}); dues[k] == "" {
			dues[k] = r.ActionDue(it.Action)
			cw.dueW = max(cw.dueW, cellWidth(dues[k]))
		}
		for k, sec := range timeline.Sections {
			if it.Section == sec {
				count[k]++
			}
		}
	}
	first := true
	for k, sec := range timeline.Sections {
		if count[k] == 0 {
			continue
		}
		if !first {
			cw.buf = append(cw.buf, '\n')
		}
		first = false
		name, n := sectionHeading(sec, count[k])
		cw.paint(r.Styles.SectionHeading(sec), name)
		cw.paint(r.Styles.Muted, n)
		cw.putLine()
		dueStyle := r.Styles.SectionDue(sec)
		var prefix []byte // "  " with the due date, padded, and "  ": the same for every item due that day
		var prefixDue timeline.Date
		for i := range items {
			it := &items[i]
			if it.Section != sec {
				continue
			}
			if due := it.Action.Due; len(prefix) == 0 || due != prefixDue {
				label := dues[chaseDue{due, sec}]
				cw.ln = append(cw.ln[:0], "  "...)
				cw.paint(dueStyle, label)
				cw.ln = append(cw.ln, strings.Repeat(" ", cw.dueW-cellWidth(label)+2)...)
				prefix, prefixDue = append(prefix[:0], cw.ln...), due
			}
			cw.ln = append(cw.ln[:0], prefix...)
			cw.whoLine(&it.App)
			cw.actionLines(it)
		}
	}
	cw.flush()
	return cw.err
}

// chaseDue is an item's due date and section: what its label in the due
// column says.
type chaseDue struct {
	due timeline.Date
	sec timeline.Section
}

// chaseChunk is the size of the pieces WriteChase writes.
const chaseChunk = 64 << 10

// chaseWriter writes the chase report line by line to w, through buf.
type chaseWriter struct {
	r    *Report
	w    io.Writer
	err  error  // the first write's error: what follows is not written
	buf  []byte // what is not written yet
	ln   []byte // the line being written
	dueW int    // the due column's width
}

// flush writes out what buf holds.
func (w *chaseWriter) flush() {
	if w.err == nil && len(w.buf) > 0 {
		_, w.err = w.w.Write(w.buf)
	}
	w.buf = w.buf[:0]
}

// paint appends s in style st to the line (as Report.paint renders it).
func (w *chaseWriter) paint(st lipgloss.Style, s string) {
	if w.r.Plain || s == "" {
		w.ln = append(w.ln, s...)
		return
	}
	w.ln = append(w.ln, st.Render(s)...)
}

// whoLine ends an item's first line: "Company — Role" in bold and the id
// muted, the name shortened with "…" when the line would be wider than the
// terminal (never the id: it is what log takes).
func (w *chaseWriter) whoLine(a *timeline.Application) {
	r := w.r
	if r.Plain && r.Width <= 0 {
		w.ln = strconv.AppendInt(append(appendWho(w.ln, *a), "  #"...), a.ID, 10)
		w.putLine()
		return
	}
	who := reportWho(*a)
	id := "  #" + strconv.FormatInt(a.ID, 10)
	if room := r.Width - 4 - w.dueW - len(id); r.Width > 0 && cellWidth(who) > room {
		who = ansi.Truncate(who, max(room, 1), "…")
	}
	w.paint(r.Styles.Bold, who)
	w.paint(r.Styles.Muted, id)
	w.putLine()
}

// actionLines writes an item's action sentence and whom to contact,
// indented, wrapped to the terminal's width.
func (w *chaseWriter) actionLines(it *timeline.ChaseItem) {
	const indent = "    "
	text := Sanitize(it.Action.Text)
	w.ln = append(append(w.ln[:0], indent...), text...)
	n := len(w.ln)
	if w.ln = appendContact(append(w.ln, " · "...), it.App, text); len(w.ln) == n+len(" · ") {
		w.ln = w.ln[:n] // no one to name beyond the sentence
	}
	width := w.r.Width
	if width <= 0 || width-len(indent) < 20 {
		w.putLine() // no wrapping (see Report.wrap)
		return
	}
	// A line that fits as it is comes out of the word wrap unchanged (unless
	// it ends in a space, which the wrap drops): the common case, told
	// without the wrap's walk through every grapheme.
	if cells, ok := cellWidthFast(w.ln); ok && cells <= width && w.ln[len(w.ln)-1] != ' ' {
		w.putLine()
		return
	}
	for _, l := range w.r.wrap(string(w.ln[len(indent):]), len(indent)) {
		w.ln = append(append(w.ln[:0], indent...), l...)
		w.putLine()
	}
}

// putLine writes the line, cut to the width with "…" when it is wider (as
// Report.fit does), and empties it.
func (w *chaseWriter) putLine() {
	if width := w.r.Width; width > 0 {
		cells, ok := cellWidthFast(w.ln)
		if !ok {
			cells = ansi.StringWidth(string(w.ln))
		}
		if cells > width {
			w.ln = append(w.ln[:0], ansi.Truncate(string(w.ln), width, "…")...)
		}
	}
	w.buf = append(append(w.buf, w.ln...), '\n')
	w.ln = w.ln[:0]
	if len(w.buf) >= chaseChunk {
		w.flush()
	}
}

// cellWidth is ansi.StringWidth, told without it for the text reports are
// mostly made of.
func cellWidth(s string) int {
	if w, ok := cellWidthFast(s); ok {
		return w
	}
	return ansi.StringWidth(s)
}

// cellWidthFast returns the cells s takes on a terminal when it holds only
// printable ASCII and the one-cell punctuation the reports write ("·", "—",
// "…"); ok is false for anything else (escape codes, wide or combining
// characters), which needs ansi.StringWidth.
func cellWidthFast[T string | []byte](s T) (w int, ok bool) {
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c >= 0x20 && c <= 0x7e:
			i++
		case c == 0xc2 && i+1 < len(s) && s[i+1] == 0xb7: // ·
			i += 2
		case c == 0xe2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x94 || s[i+2] == 0xa6): // — …
			i += 3
		default:
			return 0, false
		}
		w++
	}
	return w, true
}
