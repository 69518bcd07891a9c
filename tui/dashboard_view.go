package tui

import (
	"fmt"
	"math"
	"strings"

	"github.com/charmbracelet/bubbles/key"

	"github.com/afterview/afterview/timeline"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// colID names a dashboard column.
type colID int

const (
	colCompany colID = iota
	colRole
	colStage
	colSince
	colBar
	colNext
	colDue
)

// colSpecs are the columns in display order with their widths: flexible
// columns (company, role) grow up to max when there is room.
var colSpecs = []struct {
	id       colID
	title    string
	min, max int
}{
	{colCompany, "COMPANY", 12, 28},
	{colRole, "ROLE", 10, 26},
	{colStage, "STAGE", 10, 10},
	{colSince, "SINCE", 5, 5},
	{colBar, "WINDOW", 10, 10},
	{colNext, "NEXT", 16, 16}, // "interview 28 Nov"
	{colDue, "DUE", 11, 11},
}

// colPriority is the order columns are kept in as the terminal narrows: the
// last ones are dropped first.
var colPriority = []colID{colCompany, colDue, colStage, colNext, colRole, colSince, colBar}

// column is a column that fits, with its width.
type column struct {
	id    colID
	title string
	width int
}

// colGap is the space between columns; markerWidth is the "› " before a row.
const (
	colGap      = 2
	markerWidth = 2
)

// layoutColumns chooses the columns that fit width, by priority, and shares
// the spare room among the flexible ones.
func layoutColumns(width int) []column {
	avail := width - markerWidth
	keep := map[colID]bool{}
	used := 0
	for _, id := range colPriority {
		for _, s := range colSpecs {
			if s.id != id {
				continue
			}
			need := s.min
			if used > 0 {
				need += colGap
			}
			if used+need <= avail {
				keep[id] = true
				used += need
			}
		}
	}
	var cols []column
	for _, s := range colSpecs {
		if keep[s.id] {
			cols = append(cols, column{s.id, s.title, s.min})
		}
	}
	// Share the spare room one cell at a time among the columns that can
	// still grow, so company and role widen together.
	for extra := avail - used; extra > 0; {
		grew := false
		for i := range cols {
			for _, s := range colSpecs {
				if s.id == cols[i].id && cols[i].width < s.max && extra > 0 {
					cols[i].width++
					extra--
					grew = true
				}
			}
		}
		if !grew {
			break
		}
	}
	return cols
}

// View draws the dashboard: tabs, column titles, the visible rows (on the
// Chase tab, under their sections' headings) and a footer (the filter, or the selected row's next action in words). It is
// exactly height lines.
func (d dashboard) View() string {
	var b strings.Builder
	b.WriteString(d.tabsView())
	b.WriteByte('\n')
	b.WriteString(d.titlesView())
	h := d.tableHeight()
	drawn := 0
	if msg := d.emptyText(); msg != "" {
		b.WriteString("\n  " + d.styles.Muted.Render(fit(msg, d.width-2)))
		drawn = 1
	}
	for l := d.offset; l < d.lines() && drawn < h; l++ {
		b.WriteByte('\n')
		if r, k := d.atLine(l); k >= 0 {
			b.WriteString(d.headView(d.heads[k]))
		} else {
			e := &d.entries[d.rows[r]]
			if d.tab == tabChase {
				ce := d.chaseEntry(d.rows[r])
				e = &ce
			}
			b.WriteString(d.rowView(e, r == d.cursor))
		}
		drawn++
	}
	for ; drawn < h; drawn++ {
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	b.WriteString(d.footerView())
	return b.String()
}

// tabsView is the tab line; the active tab is bracketed as well as styled,
// so it shows without colour.
func (d dashboard) tabsView() string {
	var parts []string
	for t := tab(0); t < numTabs; t++ {
		label := fmt.Sprintf("%s %d", tabNames[t], d.tabCount(t))
		if t == d.tab {
			parts = append(parts, d.styles.TabActive.Render("["+label+"]"))
		} else {
			parts = append(parts, d.styles.Tab.Render(" "+label+" "))
		}
	}
	line := " " + strings.Join(parts, " ")
	sortLabel := "sort: " + sortNames[d.sort]
	if d.tab == tabChase {
		sortLabel = "chase order"
	}
	if pad := d.width - ansi.StringWidth(line) - len(sortLabel) - 1; pad >= 2 {
		line += strings.Repeat(" ", pad) + d.styles.Muted.Render(sortLabel)
	}
	return line
}

// titlesView is the line of column titles.
func (d dashboard) titlesView() string {
	cells := make([]string, len(d.cols))
	for i, c := range d.cols {
		cells[i] = pad(c.title, c.width)
	}
	return d.styles.Muted.Render(strings.TrimRight(strings.Repeat(" ", markerWidth)+strings.Join(cells, strings.Repeat(" ", colGap)), " "))
}

// emptyText says why no row is shown, or "" when there are rows.
func (d dashboard) emptyText() string {
	switch {
	case len(d.rows) > 0:
		return ""
	case !d.loaded && d.loadErr != nil:
		return "Could not read the database: " + d.loadErr.Error()
	case !d.loaded:
		return "Loading…"
	case len(d.entries)+d.archivedHidden == 0:
		return "No applications yet. Press a to add one."
	case d.tab == tabClosed && d.archivedHidden > 0:
		return "Reading the archived applications…"
	case d.filter.Value() != "":
		return fmt.Sprintf("Nothing in %s matches %q. esc clears the filter.", tabNames[d.tab], Sanitize(d.filter.Value()))
	}
	switch d.tab {
	case tabChase:
		return fmt.Sprintf("Nothing to chase in the next %d days.", d.lookahead)
	case tabApplied:
		return "No applications waiting for a first interview."
	case tabActive:
		return "Nothing under way."
	case tabOffers:
		return "No offers yet."
	}
	return "Nothing closed or archived."
}

// headView draws a section heading of the Chase tab as the chase report
// does ("Overdue (2)"), in the margin left of the rows' marker column.
func (d dashboard) headView(h sectionHead) string {
	name, count := sectionHeading(h.sec, h.n)
	return " " + d.styles.SectionHeading(h.sec).Render(name) + d.styles.Muted.Render(count)
}

// rowView draws one entry. The selected row has the "›" marker and reverse
// video with plain cells, so it stands out with or without colour.
func (d dashboard) rowView(e *timeline.Entry, selected bool) string {
	var b strings.Builder
	if selected {
		b.WriteString(d.styles.Marker.Render("›") + " ")
	} else {
		b.WriteString("  ")
	}
	var line strings.Builder
	for i, c := range d.cols {
		if i > 0 {
			line.WriteString("  ")
		}
		text, style := d.cell(e, c.id)
		if c.id == colBar {
			line.WriteString(d.bar(e, c.width, selected))
			continue
		}
		text = pad(fit(text, c.width), c.width)
		if selected || style == nil {
			line.WriteString(text)
		} else {
			line.WriteString(style.Render(text))
		}
	}
	if selected {
		b.WriteString(d.styles.Selected.Render(line.String()))
	} else {
		b.WriteString(line.String())
	}
	return b.String()
}

// cell returns a column's text for an entry and its style (nil: plain).
func (d dashboard) cell(e *timeline.Entry, id colID) (string, *lipgloss.Style) {
	st := d.styles
	switch id {
	case colCompany:
		return Sanitize(e.App.Company), &st.Bold
	case colRole:
		return Sanitize(e.App.Role), nil
	case colStage:
		s := st.Stage(e.Stage)
		return e.Stage.Label(), &s
	case colSince:
		// Since the stage began (the interview, the offer, the rejection…).
		if e.Since.IsZero() {
			return "—", &st.Muted
		}
		return timeline.Ago(e.Since, d.today), nil
	case colNext:
		return nextLabel(e), nil
	case colDue:
		return d.dueCell(e)
	}
	return "", nil
}

// nextLabel is the NEXT column: the action in a few words, or what comes.
func nextLabel(e *timeline.Entry) string {
	switch {
	case e.App.Archived:
		return "archived"
	case e.Next != nil && e.Next.Kind == timeline.ActInterview:
		// A booked interview: its day, as the detail and list show it.
		return "interview " + e.Next.Due.Format(timeline.LayoutDayMonth)
	case e.Next != nil:
		return ActionLabel(e.Next.Kind)
	case e.Stage == timeline.StageOnboarding && !e.StartDate.IsZero():
		return "start " + e.StartDate.Format(timeline.LayoutDayMonth)
	case !e.NextInterview.IsZero():
		return "interview " + e.NextInterview.Format(timeline.LayoutDayMonth)
	}
	return "—"
}

// dueCell is the DUE column: relative to today, coloured by urgency.
func (d dashboard) dueCell(e *timeline.Entry) (string, *lipgloss.Style) {
	st := d.styles
	switch {
	case e.App.Archived:
		return "", nil
	case e.Next != nil && e.Snoozed(d.today):
		return "snoozed", &st.Muted
	case e.Next != nil:
		s := st.Due(e.Next.Due, d.today, d.lookahead)
		return e.Next.When(d.today), &s
	case e.Stage == timeline.StageOnboarding && !e.StartDate.IsZero():
		return timeline.Relative(e.StartDate, d.today), &st.Good
	case !e.NextInterview.IsZero():
		return timeline.Relative(e.NextInterview, d.today), &st.Upcoming
	}
	return "", nil
}

// bar draws where today sits in the entry's current window: the part behind
// today filled (coloured by how urgent the next action is), the rest light.
func (d dashboard) bar(e *timeline.Entry, width int, plain bool) string {
	if e.Current == nil || e.App.Archived {
		return strings.Repeat(" ", width)
	}
	n := int(math.Round(e.Current.Position(d.today) * float64(width)))
	done, left := strings.Repeat("█", n), strings.Repeat("░", width-n)
	if plain {
		return done + left
	}
	style := d.styles.BarDone
	if e.Next != nil && !e.Snoozed(d.today) {
		style = d.styles.Due(e.Next.Due, d.today, d.lookahead)
	}
	return style.Render(done) + d.styles.BarLeft.Render(left)
}

// footerView is the filter while it is typed or set, else the selected
// row's next action in words.
func (d dashboard) footerView() string {
	if d.filtering || d.filter.Value() != "" {
		v := d.filter.View()
		if !d.filtering {
			v = d.styles.Accent.Render("/" + Sanitize(d.filter.Value()))
		}
		return " " + v + d.styles.Muted.Render(fmt.Sprintf("  %d match", len(d.rows))+plural(len(d.rows), "", "es"))
	}
	e, ok := d.Selected()
	if !ok {
		return ""
	}
	text := ""
	switch {
	case e.Next != nil:
		text = Sanitize(e.Next.Text)
		if e.Snoozed(d.today) {
			text = "Snoozed until " + e.SnoozedUntil.Format(timeline.LayoutDay) + " — " + text
		}
	case e.Stage == timeline.StageOnboarding && !e.StartDate.IsZero():
		text = "Starts on " + e.StartDate.Format(timeline.LayoutDayYear)
	case !e.NextInterview.IsZero():
		text = "Interview on " + e.NextInterview.Format(timeline.LayoutDay)
	case e.Stage == timeline.StageApplied:
		text = "No interview logged yet: l logs one (a future date books it)."
	default:
		text = "Nothing to do: " + e.Stage.Label()
	}
	return " " + d.styles.Muted.Render(fit(text, d.width-2))
}

// headerCounts are the header's counts, styled, most important first:
// what is due (as `afterview chase --count` counts it), what is waiting on
// time, and the offers to answer. Each says what it counts, so none can be
// read as a tab's number.
func (d *dashboard) headerCounts() []string {
	st, n := d.styles, d.totals
	parts := []string{st.Good.Render("nothing due")}
	if n.Due > 0 {
		parts[0] = st.Today.Render(fmt.Sprintf("%d due", n.Due))
	}
	parts = append(parts, fmt.Sprintf("%d waiting", n.Waiting))
	if n.ToAnswer > 0 {
		parts = append(parts, st.Good.Render(fmt.Sprintf("%d offer%s to answer", n.ToAnswer, plural(n.ToAnswer, "", "s"))))
	}
	return parts
}

// ShortHelp implements help.KeyMap: the help bar of the top level, or of
// the filter while it is typed.
func (d *dashboard) ShortHelp() []key.Binding {
	k := d.keys
	if d.filtering {
		return k.filterHelp()
	}
	if d.tab == tabOffers {
		return []key.Binding{k.Open, k.more(), k.Compare, k.NextTab, k.Add, k.Log, k.Filter, k.Sort, k.Quit}
	}
	return []key.Binding{k.Open, k.more(), k.NextTab, k.Add, k.Log, k.Chased, k.Snooze, k.Draft, k.Filter, k.Sort, k.Quit}
}

// FullHelp implements help.KeyMap.
func (d *dashboard) FullHelp() [][]key.Binding {
	k := d.keys
	if d.filtering {
		return [][]key.Binding{k.filterHelp()}
	}
	return [][]key.Binding{k.nav(),
		{k.NextTab, k.PrevTab, k.Filter, k.Sort, k.Open, k.long(k.Compare, "compare")},
		{k.Add, k.Edit, k.long(k.Log, "log an event"), k.Archive, k.Delete},
		{k.Chased, k.Snooze, k.Undo, k.long(k.Draft, "draft a message")},
		{k.Insights, k.Help, k.Quit, k.ForceQuit}}
}
