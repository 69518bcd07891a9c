package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/afterview/afterview/timeline"
	"github.com/charmbracelet/lipgloss"
)

// The insights report (`afterview stats`) and the pieces the Insights screen
// shares with it: the funnel's bars, the response-time histogram and the
// per-company table. Bars are drawn with block characters, a different one
// per window, so that they read in a monochrome terminal and in an e-mail as
// well as in colour.

// classGlyph is the block a response class draws its part of a bar with.
var classGlyph = map[timeline.ResponseClass]string{
	timeline.WithinDebrief:  "█",
	timeline.WithinDecision: "▓",
	timeline.WithinReply:    "▒",
	timeline.WithinLate:     "░",
}

// classStyle is the colour of a response class: quick answers in the colour
// of good news, the reply window in the accent, late ones in the overdue red.
func (s Styles) classStyle(c timeline.ResponseClass) lipgloss.Style {
	switch c {
	case timeline.WithinDebrief:
		return s.Good
	case timeline.WithinDecision:
		return s.Upcoming
	case timeline.WithinReply:
		return s.Accent
	case timeline.WithinLate:
		return s.Overdue
	}
	return s.Muted
}

// ClassLabel names a response class with its window on the given settings:
// "debrief window (≤ 3 days)".
func ClassLabel(c timeline.ResponseClass, set timeline.Settings) string {
	switch c {
	case timeline.WithinDebrief:
		return fmt.Sprintf("debrief window (≤ %d days)", set.DebriefDays)
	case timeline.WithinDecision:
		return fmt.Sprintf("decision window (≤ %d days)", set.DecisionDays)
	case timeline.WithinReply:
		return fmt.Sprintf("reply window (≤ %d bd)", set.ReplyMaxBD)
	case timeline.WithinLate:
		return "late (after the reply window)"
	}
	return "no word yet"
}

// percent is n as a whole percentage of total ("" when total is 0).
func percent(n, total int) string {
	if total == 0 {
		return ""
	}
	return strconv.Itoa((200*n+total)/(2*total)) + "%"
}

// Stats renders the insights as plain text, section by section: the
// funnel, response times with their histogram, when the first word came, the
// promises, the companies (the first maxCompanies of them; 0: all) and the
// learned reply window. It reads well at 80 columns and in an e-mail.
func (r Report) Stats(in timeline.Insights, maxCompanies int) string {
	var b strings.Builder
	f := in.Funnel
	head := "Your search on " + in.Today.Format(timeline.LayoutDayYear) + " · " + countOf(f.Applications, "application", "applications")
	if !in.Since.IsZero() {
		head += " begun since " + in.Since.Format(timeline.LayoutDayYear)
	}
	r.line(&b, r.paint(r.Styles.Bold, head))
	if f.Applications == 0 {
		r.line(&b, "Nothing to measure yet: log applications and interviews, and the figures follow.")
		return b.String()
	}

	r.heading(&b, "Funnel")
	for _, l := range r.FunnelLines(f, r.barRoom(30)) {
		r.line(&b, "  "+l)
	}
	var ended []string
	for _, e := range []struct {
		n    int
		name string
	}{{f.Rejected, "rejected"}, {f.Ghosted, "ghosted"}, {f.Declined, "declined"}, {f.Withdrawn, "withdrawn"}} {
		ended = append(ended, fmt.Sprintf("%d %s (%s)", e.n, e.name, percent(e.n, f.Applications)))
	}
	r.line(&b, "  ended: "+strings.Join(ended, " · "))

	set := in.Settings
	r.heading(&b, "Response time: business days (bd) from the last interview to the first word")
	if len(in.Responses) == 0 {
		r.line(&b, "  No answers yet.")
	} else {
		r.line(&b, fmt.Sprintf("  %s · median %d bd · 80%% within %d bd · reply window %d–%d bd",
			countOf(len(in.Responses), "answer", "answers"), in.Median, in.P80, set.ReplyMinBD, set.ReplyMaxBD))
		for _, l := range r.HistogramLines(in, r.barRoom(40), true) {
			r.line(&b, "  "+l)
		}
		r.line(&b, "  "+strings.Join(r.Legend(set), "  "))
	}

	classed := 0
	for _, n := range in.Within {
		classed += n
	}
	r.heading(&b, fmt.Sprintf("When the first word came (%s)", countOf(classed, "process", "processes")))
	t := reportTable{head: []string{"", "", ""}, shrink: []int{0, 0, 0}, min: []int{0, 0, 0}}
	for _, c := range timeline.ResponseClasses {
		st := r.Styles.classStyle(c)
		t.rows = append(t.rows, []reportCell{{text: ClassLabel(c, set), style: &st},
			{text: strconv.Itoa(in.Within[c]), right: true}, {text: percent(in.Within[c], classed), right: true}})
	}
	r.tableBody(&b, t, "  ")

	p := in.Promises
	r.heading(&b, fmt.Sprintf("Promised dates (heard --by DATE): %d", p.Total()))
	if p.Total() == 0 {
		r.line(&b, "  None logged yet (afterview log ID heard --by DATE).")
	} else {
		late := fmt.Sprintf("%d late", p.Late)
		if p.Late > 0 {
			late += fmt.Sprintf(" (by %s, median %d bd)", bdRange(p.LateBD), timeline.Median(p.LateBD))
		}
		open := fmt.Sprintf("%d open", p.Open)
		if p.OpenPastDue > 0 {
			open += fmt.Sprintf(" (%d past the date)", p.OpenPastDue)
		}
		r.line(&b, fmt.Sprintf("  %d kept · %s · %s", p.Kept, late, open))
	}

	r.heading(&b, "By company")
	r.tableBody(&b, r.CompanyTable(in.Companies, maxCompanies), "  ")
	if n := len(in.Companies); maxCompanies > 0 && n > maxCompanies {
		r.line(&b, r.paint(r.Styles.Muted, fmt.Sprintf("  … and %d more (afterview stats --json lists them all)", n-maxCompanies)))
	}

	r.heading(&b, "Learned reply window")
	for _, l := range r.SuggestionLines(in) {
		r.line(&b, "  "+l)
	}
	return b.String()
}

// barRoom is the widest a bar may be: want, or less on a narrow terminal
// (leaving room for the labels and counts around it).
func (r Report) barRoom(want int) int {
	if r.Width > 0 {
		return max(min(want, r.Width-36), 8)
	}
	return want
}

// tableBody writes a table's rows without its head line, each indented.
func (r Report) tableBody(b *strings.Builder, t reportTable, indent string) {
	if r.Width > 0 {
		r.Width -= len(indent)
	}
	lines := strings.Split(strings.TrimSuffix(t.render(r), "\n"), "\n")
	if t.head[0] == "" {
		lines = lines[1:]
	}
	for _, l := range lines {
		b.WriteString(indent + l + "\n")
	}
}

// bdRange is "2–3 bd", or "2 bd" when they are all alike; sorted is ascending.
func bdRange(sorted []int) string {
	lo, hi := sorted[0], sorted[len(sorted)-1]
	if lo == hi {
		return fmt.Sprintf("%d bd", lo)
	}
	return fmt.Sprintf("%d–%d bd", lo, hi)
}

// countOf is n with its noun: "1 answer", "3 answers".
func countOf(n int, one, many string) string { return strconv.Itoa(n) + " " + plural(n, one, many) }

// FunnelLines draws the funnel, one line a step: its name, count, a bar of
// up to width cells (the applications fill it) and its share of the
// applications.
func (r Report) FunnelLines(f timeline.Funnel, width int) []string {
	steps := []struct {
		name string
		n    int
	}{{"applications", f.Applications}, {"interviewed", f.Interviewed}, {"offer", f.Offers}, {"accepted", f.Accepted}}
	numW := len(strconv.Itoa(f.Applications))
	var out []string
	for _, s := range steps {
		cells := 0
		if f.Applications > 0 {
			cells = (2*s.n*width + f.Applications) / (2 * f.Applications) // rounded
			if s.n > 0 && cells == 0 {
				cells = 1
			}
		}
		bar := r.paint(r.Styles.Accent, strings.Repeat("█", cells)) + strings.Repeat(" ", width-cells)
		out = append(out, fmt.Sprintf("%-12s  %*d  %s  %4s", s.name, numW, s.n, bar, percent(s.n, f.Applications)))
	}
	return out
}

// HistogramLines draws the response-time histogram: one line per business
// day (the last gathering all longer ones, "10+"), each bar split into the
// windows its answers fell in, with the count. The reply window's days are
// shaded (the room beside their bars dotted) and, with marks, its opening
// and closing days named. A bar is one cell per answer, scaled down to width
// cells when the longest is longer.
func (r Report) HistogramLines(in timeline.Insights, width int, marks bool) []string {
	longest := 0
	for _, bar := range in.Histogram {
		longest = max(longest, bar.Total())
	}
	scale := 1.0
	if longest > width {
		scale = float64(width) / float64(longest)
	}
	room := max(longestCells(in.Histogram, scale), 1)
	labelW := len(strconv.Itoa(len(in.Histogram))) + 1
	numW := len(strconv.Itoa(longest))
	set := in.Settings
	var out []string
	for _, bar := range in.Histogram {
		label := strconv.Itoa(bar.BD)
		if bar.Open {
			label += "+"
		}
		var cells strings.Builder
		used := 0
		for _, c := range timeline.ResponseClasses[:4] {
			n := bar.Counts[c]
			if n == 0 {
				continue
			}
			k := max(int(float64(n)*scale+0.5), 1)
			cells.WriteString(r.paint(r.Styles.classStyle(c), strings.Repeat(classGlyph[c], k)))
			used += k
		}
		fill := " "
		inReply := bar.BD >= set.ReplyMinBD && bar.BD <= set.ReplyMaxBD && !bar.Open
		if inReply {
			fill = "·"
		}
		line := fmt.Sprintf("%*s │", labelW, label) + cells.String() +
			r.paint(r.Styles.Muted, strings.Repeat(fill, max(room-used, 0))) + fmt.Sprintf(" %*d", numW, bar.Total())
		switch {
		case !marks:
		case bar.BD == set.ReplyMinBD && bar.BD == set.ReplyMaxBD:
			line += r.paint(r.Styles.Muted, "  ← reply window")
		case bar.BD == set.ReplyMinBD:
			line += r.paint(r.Styles.Muted, "  ← reply window opens")
		case bar.BD == set.ReplyMaxBD:
			line += r.paint(r.Styles.Muted, "  ← reply window closes")
		}
		out = append(out, line)
	}
	return out
}

// longestCells is the widest bar in cells at the scale.
func longestCells(bars []timeline.HistBar, scale float64) int {
	w := 0
	for _, bar := range bars {
		k := 0
		for _, c := range timeline.ResponseClasses[:4] {
			if n := bar.Counts[c]; n > 0 {
				k += max(int(float64(n)*scale+0.5), 1)
			}
		}
		w = max(w, k)
	}
	return w
}

// Legend names the histogram's blocks and its shading, one part each.
func (r Report) Legend(set timeline.Settings) []string {
	var parts []string
	for _, c := range timeline.ResponseClasses[:4] {
		name := strings.SplitN(ClassLabel(c, set), " (", 2)[0]
		name = strings.TrimSuffix(name, " window")
		parts = append(parts, r.paint(r.Styles.classStyle(c), classGlyph[c])+" "+name)
	}
	return append(parts, r.paint(r.Styles.Muted, "··")+fmt.Sprintf(" reply window (%d–%d bd)", set.ReplyMinBD, set.ReplyMaxBD))
}

// CompanyTable is the per-company table, most processes first: company,
// processes, median response time, promises kept of made. max > 0 keeps
// only the first max rows.
func (r Report) CompanyTable(cs []timeline.CompanyInsight, limit int) reportTable {
	t := reportTable{head: []string{"COMPANY", "PROCESSES", "MEDIAN", "PROMISES KEPT"},
		shrink: []int{1, 0, 0, 0}, min: []int{8, 0, 0, 0}}
	for i, c := range cs {
		if limit > 0 && i == limit {
			break
		}
		median, kept := "–", "–"
		if c.Responses > 0 {
			median = fmt.Sprintf("%d bd", c.MedianBD)
		}
		if c.Promises > 0 {
			kept = fmt.Sprintf("%d of %d", c.PromisesKept, c.Promises)
		}
		t.rows = append(t.rows, []reportCell{{text: Sanitize(c.Company)}, {text: strconv.Itoa(c.Processes), right: true},
			{text: median, right: true}, {text: kept, right: true}})
	}
	return t
}

// SuggestionLines says what the answers teach about the reply window: the
// business days within which 80% came beside reply_max_bd, with the
// command that would set it, or how many answers are still needed. The
// suggestion is never applied here.
func (r Report) SuggestionLines(in timeline.Insights) []string {
	n, set := len(in.Responses), in.Settings
	switch sg := in.Suggestion; {
	case n < timeline.MinLearnResponses:
		return []string{fmt.Sprintf("Needs %d answers to learn from; you have %d.", timeline.MinLearnResponses, n)}
	case sg == nil:
		return []string{fmt.Sprintf("80%% of your %d answers came within %d bd: reply_max_bd (%d) already fits.", n, in.P80, set.ReplyMaxBD)}
	default:
		out := []string{fmt.Sprintf("80%% of your %d answers came within %d bd; reply_max_bd is %d.", n, sg.ReplyMaxBD, set.ReplyMaxBD),
			"To use it:"}
		for _, c := range SuggestionCommands(sg) {
			out = append(out, "  "+r.paint(r.Styles.Bold, c))
		}
		return out
	}
}

// SuggestionCommands are the commands that would apply a suggestion: the
// reply window's opening first when it must come down with its end.
func SuggestionCommands(sg *timeline.Suggestion) []string {
	var out []string
	if sg.ReplyMinBD > 0 {
		out = append(out, fmt.Sprintf("afterview config reply_min_bd %d", sg.ReplyMinBD))
	}
	return append(out, fmt.Sprintf("afterview config reply_max_bd %d", sg.ReplyMaxBD))
}
