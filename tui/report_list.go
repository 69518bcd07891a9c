package tui

import (
	"fmt"
	"strings"

	"github.com/afterview/afterview/timeline"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// List renders the application table: id, company, role, stage, next action
// and its due date, one row per entry in the order given. lookahead colours
// due dates the way the chase view does (coming up within that many days).
// Archived entries are muted and marked; snoozed ones say so. On a terminal
// (Width > 0) the company and role columns shrink to fit, cut with "…".
func (r Report) List(entries []timeline.Entry, lookahead int) string {
	t := reportTable{
		head: []string{"ID", "COMPANY", "ROLE", "STAGE", "NEXT", "DUE"},
		// Narrow terminals lose the role and company first, then the stage's
		// and next action's asides, then the due date's weekday and date.
		shrink: []int{0, 1, 1, 2, 2, 0},
		min:    []int{0, 8, 6, 10, 12, 0},
	}
	for _, e := range entries {
		stage := e.Stage.Label()
		stageSt := r.Styles.Stage(e.Stage)
		next, due, short, dueSt := "—", "", "", r.Styles.Muted
		switch {
		case e.Next != nil:
			next, due, short = ActionLabel(e.Next.Kind), r.ActionDue(*e.Next), e.Next.When(r.Today)
			dueSt = r.Styles.Due(e.Next.Due, r.Today, lookahead)
			if e.Snoozed(r.Today) {
				next += " (snoozed)"
				dueSt = r.Styles.Muted
			}
		case e.Stage == timeline.StageOnboarding && !e.StartDate.IsZero():
			next, due, short, dueSt = "start", r.Due(e.StartDate), timeline.Relative(e.StartDate, r.Today), r.Styles.Good
		}
		if e.App.Archived {
			stage += " (archived)"
			stageSt, dueSt = r.Styles.Closed, r.Styles.Closed
		}
		t.rows = append(t.rows, []reportCell{
			{text: fmt.Sprint(e.App.ID), style: &r.Styles.Muted, right: true},
			{text: Sanitize(e.App.Company), style: &r.Styles.Bold},
			{text: Sanitize(e.App.Role)},
			{text: stage, style: &stageSt},
			{text: next},
			{text: due, short: short, style: &dueSt},
		})
	}
	return t.render(r)
}

// reportCell is one cell of a report table: plain text and how to draw it.
type reportCell struct {
	text  string
	short string          // a shorter form for narrow terminals; "" when none
	style *lipgloss.Style // nil: plain
	right bool            // align right (numbers)
}

// reportTable lays out columns two spaces apart, each as wide as its widest
// cell. When the report has a width and a row would not fit, columns shrink
// (cut with "…") in the order their shrink level gives, down to their
// minimum; then cells with a short form use it; what still does not fit is
// cut at the width.
type reportTable struct {
	head   []string
	shrink []int // 0: keep whole; 1: shrink first; 2: shrink next
	min    []int // the narrowest a shrinking column may become
	rows   [][]reportCell
}

// reportGap is the space between columns.
const reportGap = "  "

func (t reportTable) render(r Report) string {
	widths := t.widths(false)
	if r.Width > 0 && !t.fit(widths, r.Width) {
		if short := t.widths(true); t.fit(short, r.Width) || reportSum(short) < reportSum(widths) {
			for _, row := range t.rows {
				for i := range row {
					if row[i].short != "" {
						row[i].text = row[i].short
					}
				}
			}
			widths = short
		}
	}
	var b strings.Builder
	head := make([]reportCell, len(t.head))
	for i, h := range t.head {
		head[i] = reportCell{text: h, style: &r.Styles.Muted}
	}
	r.line(&b, t.row(r, head, widths))
	for _, row := range t.rows {
		r.line(&b, t.row(r, row, widths))
	}
	return b.String()
}

// widths returns each column's natural width (of the short forms, if short).
func (t reportTable) widths(short bool) []int {
	widths := make([]int, len(t.head))
	for i, h := range t.head {
		widths[i] = ansi.StringWidth(h)
	}
	for _, row := range t.rows {
		for i, c := range row {
			text := c.text
			if short && c.short != "" {
				text = c.short
			}
			w := ansi.StringWidth(text)
			if i < len(t.head)-1 { // the last column pads nothing
				w = min(w, reportMaxCell)
			}
			widths[i] = max(widths[i], w)
		}
	}
	return widths
}

// reportMaxCell caps the width of every column but the last, also with no
// terminal width: one huge name is cut with "…" instead of padding every row
// to its width.
const reportMaxCell = 60

// fit shrinks widths, level by level and widest column first, until a row
// fits in width cells; it reports whether it does.
func (t reportTable) fit(widths []int, width int) bool {
	total := len(reportGap)*(len(widths)-1) + reportSum(widths)
	for level := 1; level <= 2 && total > width; level++ {
		for total > width {
			best := -1
			for i, w := range widths {
				if t.shrink[i] == level && w > max(t.min[i], ansi.StringWidth(t.head[i])) && (best < 0 || w > widths[best]) {
					best = i
				}
			}
			if best < 0 {
				break
			}
			widths[best]--
			total--
		}
	}
	return total <= width
}

func reportSum(ns []int) int {
	s := 0
	for _, n := range ns {
		s += n
	}
	return s
}

// row draws one row: each cell cut to its column's width and padded, styles
// applied to the text only, no trailing spaces.
func (t reportTable) row(r Report, cells []reportCell, widths []int) string {
	var b strings.Builder
	pending := 0 // spaces owed before the next non-empty text
	for i, c := range cells {
		if i > 0 {
			pending += len(reportGap)
		}
		text := c.text
		if ansi.StringWidth(text) > widths[i] {
			text = ansi.Truncate(text, widths[i], "…")
		}
		pad := widths[i] - ansi.StringWidth(text)
		if c.right {
			pending += pad
			pad = 0
		}
		if text != "" {
			b.WriteString(strings.Repeat(" ", pending))
			pending = 0
			if c.style != nil {
				text = r.paint(*c.style, text)
			}
			b.WriteString(text)
		}
		pending += pad
	}
	return b.String()
}
