package tui

import (
	"strconv"
	"strings"

	"github.com/afterview/afterview/timeline"
	"github.com/charmbracelet/x/ansi"
)

// The offers compared side by side: one table per currency, a column per
// offer, a row per term. `afterview offers` prints it in blocks that fit the
// terminal; the Offers tab's compare view scrolls its columns sideways.

// Widths of the comparison table, in cells.
const (
	offerLabelWidth = 11 // "no currency"
	offerColWidth   = 20 // "Fri 11 Dec 2027" and "27,000 (15%) *" fit
	offerGap        = 2
	offerBestMark   = "*" // beside the best value of a row (also without colour)
)

// offerHeadRows is the number of heading rows above the terms: company,
// role, state.
const offerHeadRows = 3

// offerCell is one cell of the table: its text and whether it is the row's
// best value.
type offerCell struct {
	text string
	best bool
}

// offerCells returns a group's cells, column by column: the heading rows,
// then a cell for each of timeline.OfferRows.
func offerCells(g timeline.OfferGroup, r Report) [][]offerCell {
	cols := make([][]offerCell, len(g.Offers))
	for i, o := range g.Offers {
		state := string(o.State)
		if o.State != timeline.OfferOpen {
			state += " " + r.Date(o.Answered)
		}
		c := []offerCell{{text: Sanitize(o.App.Company)}, {text: Sanitize(o.App.Role)}, {text: state}}
		for _, row := range timeline.OfferRows {
			c = append(c, offerCell{text: offerValue(o, row, r.Today), best: g.Best(row, i)})
		}
		cols[i] = c
	}
	return cols
}

// offerValue is a cell's text: an amount ("–" when none), the deadline, or
// the days left.
func offerValue(o timeline.OfferColumn, row timeline.OfferRow, today timeline.Date) string {
	switch row {
	case timeline.RowDeadline:
		return Report{Today: today}.Date(o.Terms.Deadline)
	case timeline.RowDaysLeft:
		switch n := o.DaysLeft(today); {
		case o.State != timeline.OfferOpen:
			return "–"
		case n == 0:
			return "today"
		case n < 0:
			return strconv.Itoa(-n) + "d past"
		default:
			return strconv.Itoa(n)
		}
	}
	n := o.Amount(row)
	if n == 0 {
		return "–"
	}
	s := Amount(n, "")
	if row == timeline.RowBonus && o.Terms.BonusPercent != 0 {
		s += " (" + o.Terms.BonusPercent.String() + ")"
	}
	return s
}

// offerLabels are the table's row labels: blank for the heading rows.
func offerLabels(currency string) []string {
	if currency == "" {
		currency = "no currency"
	}
	labels := []string{currency, "", ""}
	for _, row := range timeline.OfferRows {
		labels = append(labels, row.Label())
	}
	return labels
}

// offerColumnsFit returns how many offer columns fit in width cells beside
// the labels (at least one; all of them when width is 0).
func offerColumnsFit(width, n int) int {
	if width <= 0 {
		return n
	}
	return max(1, (width-offerLabelWidth)/(offerGap+offerColWidth))
}

// offerBlock renders columns [from, to) of a group's cells beside the labels:
// one line per row, amounts right-aligned, the best marked.
func (r Report) offerBlock(labels []string, cols [][]offerCell, from, to int) []string {
	lines := make([]string, len(labels))
	for i, l := range labels {
		var b strings.Builder
		label := pad(fit(l, offerLabelWidth), offerLabelWidth)
		if i == 0 {
			label = r.paint(r.Styles.Bold, label)
		} else if i >= offerHeadRows {
			label = r.paint(r.Styles.Muted, label)
		}
		b.WriteString(label)
		for _, col := range cols[from:to] {
			b.WriteString(strings.Repeat(" ", offerGap))
			b.WriteString(r.offerCellText(col[i], i))
		}
		lines[i] = strings.TrimRight(b.String(), " ")
	}
	return lines
}

// offerCellText is a cell padded to the column's width: headings to the
// left, values to the right with room for the best mark after them.
func (r Report) offerCellText(c offerCell, row int) string {
	if row < offerHeadRows {
		s := pad(fit(c.text, offerColWidth), offerColWidth)
		if row == 0 {
			return r.paint(r.Styles.Bold, s)
		}
		return s
	}
	mark := "  "
	if c.best {
		mark = " " + offerBestMark
	}
	s := padLeft(fit(c.text, offerColWidth-2), offerColWidth-2)
	if c.best {
		return r.paint(r.Styles.Good, s+mark)
	}
	return s + mark
}

// padLeft left-pads s (plain text) with spaces to w cells.
func padLeft(s string, w int) string {
	return strings.Repeat(" ", max(0, w-ansi.StringWidth(s))) + s
}
