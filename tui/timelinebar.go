package tui

import (
	"math"
	"strings"

	"github.com/afterview/afterview/timeline"
)

// timelineView draws an application's windows on one horizontal date axis,
// from where the clock started (the last interview, the offer, the
// rejection…) to the last window's end or the due date: one row per window,
// its days behind today filled (█) and those ahead light (░), then a row of
// markers for today (▲) and the due date (◆) with a legend. Without colour
// the glyphs alone tell the parts apart.
func timelineView(st *Styles, d timeline.Derived, today timeline.Date, width int) []string {
	if len(d.Windows) == 0 {
		return nil
	}
	const labelW = 12
	w := max(10, width-labelW-2)
	originName, origin := timelineOrigin(d)
	start, end := origin, origin
	for _, win := range d.Windows {
		start, end = min(start, win.From), max(end, win.To)
	}
	var due timeline.Date
	if d.Next != nil {
		due = d.Next.Due
		start, end = min(start, d.Next.From), max(end, due)
	}
	start, end = min(start, today), max(end, today)
	if end == start {
		end++
	}
	col := func(t timeline.Date) int {
		return int(math.Round(float64(t.Sub(start)) * float64(w-1) / float64(end.Sub(start))))
	}
	label := func(s string) string { return "  " + st.Label.Render(pad(fit(s, labelW-1), labelW)) }
	todayCol := col(today)

	var lines []string
	// Dates at both ends of the axis.
	left, right := start.Format(timeline.LayoutDayMonth), end.Format(timeline.LayoutDayMonth)
	if sy, _, _ := start.YMD(); func() bool { ey, _, _ := end.YMD(); return sy != ey }() {
		left, right = start.Format(timeline.LayoutDayMonthYear), end.Format(timeline.LayoutDayMonthYear)
	}
	gapW := max(1, w-len(left)-len(right))
	lines = append(lines, label("")+st.Muted.Render(left+strings.Repeat(" ", gapW)+right))
	// The axis, with the origin.
	axis := []rune(strings.Repeat("─", w))
	axis[col(origin)] = '●'
	lines = append(lines, label(originName)+st.Muted.Render(string(axis)))
	// One row per window.
	for i := range d.Windows {
		win := d.Windows[i]
		from, to := col(win.From), col(win.To)
		var done, ahead int
		for c := from; c <= to; c++ {
			if c <= todayCol {
				done++
			} else {
				ahead++
			}
		}
		name := win.Name
		nameStyle := st.Label
		if d.Current != nil && *d.Current == win {
			nameStyle = st.Accent
		}
		row := "  " + nameStyle.Render(pad(fit(name, labelW-1), labelW)) + strings.Repeat(" ", from) +
			st.BarDone.Render(strings.Repeat("█", done)) + st.BarLeft.Render(strings.Repeat("░", ahead))
		lines = append(lines, row)
	}
	// Markers and their legend.
	marks := []rune(strings.Repeat(" ", w))
	marks[todayCol] = '▲'
	legend := "▲ today " + today.Format(timeline.LayoutDay)
	if !due.IsZero() {
		marks[col(due)] = '◆'
		legend += "   ◆ " + ActionLabel(d.Next.Kind) + " " + due.Format(timeline.LayoutDay) + " (" + d.Next.When(today) + ")"
	}
	lines = append(lines, label("")+st.Accent.Render(strings.TrimRight(string(marks), " ")))
	lines = append(lines, label("")+st.Muted.Render(fit(legend, w)))
	return lines
}

// timelineOrigin names the day the current clock started and returns it.
func timelineOrigin(d timeline.Derived) (string, timeline.Date) {
	first := d.Windows[0].From
	switch d.Stage {
	case timeline.StageDebrief, timeline.StageDecision, timeline.StageReply, timeline.StageFollowUp, timeline.StageWaiting:
		if !d.LastInterview.IsZero() {
			return "interview", d.LastInterview
		}
	case timeline.StageOffer:
		if d.Offer != nil {
			return "offer", d.Offer.Date
		}
	case timeline.StageRejected:
		if d.Next != nil {
			return "rejected", d.Next.From
		}
	case timeline.StageHold, timeline.StageChecks:
		return "contact", first
	case timeline.StageOnboarding:
		return "accepted", first
	}
	return "from", first
}
