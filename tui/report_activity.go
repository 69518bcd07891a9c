package tui

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/afterview/afterview/store"
	"github.com/afterview/afterview/timeline"
)

// The job-search log (`afterview activity`): every event in a range, week by
// week, as text, Markdown or CSV. Each row: date, company, role, what
// happened, contact, note; each week: its totals of applications,
// interviews, follow-ups sent, news and decisions.

// EventPhrase says what an event was, in a few words, for a log a third
// party reads ("follow-up sent", "news (promised more by Fri 27 Nov)");
// date formats any date it mentions, and events after today are marked as
// planned.
func EventPhrase(e timeline.Event, today timeline.Date, date func(timeline.Date) string) string {
	var s string
	switch e.Type {
	case timeline.EventApplied:
		s = "applied"
	case timeline.EventInterview:
		s = "interview"
	case timeline.EventHeard:
		s = "news from the recruiter"
		if !e.By.IsZero() {
			s += " (more promised by " + date(e.By) + ")"
		}
	case timeline.EventFollowup:
		s = "follow-up sent"
	case timeline.EventHold:
		s = "decision: on hold"
	case timeline.EventOffer:
		s = "decision: offer"
	case timeline.EventNegotiate:
		s = "negotiated the offer"
	case timeline.EventAccepted:
		s = "accepted the offer"
	case timeline.EventDeclined:
		s = "declined the offer"
	case timeline.EventChecks:
		s = "background checks started"
	case timeline.EventCleared:
		s = "background checks cleared"
	case timeline.EventStart:
		s = "start date"
	case timeline.EventRejected:
		s = "decision: rejected"
	case timeline.EventWithdrawn:
		s = "withdrew"
	case timeline.EventSnooze:
		s = "snoozed until " + date(e.Until)
	case timeline.EventNote:
		s = "note"
	default:
		s = Sanitize(string(e.Type))
	}
	if e.Date > today {
		s += " (planned)"
	}
	return s
}

// totalsPhrase is a week's totals in words.
func totalsPhrase(t timeline.ActivityTotals) string {
	return strings.Join([]string{
		countOf(t.Applications, "application", "applications"),
		countOf(t.Interviews, "interview", "interviews"),
		countOf(t.Followups, "follow-up sent", "follow-ups sent"),
		countOf(t.News, "news", "news"),
		countOf(t.Decisions, "decision", "decisions"),
	}, " · ")
}

// weekTitle names an ISO week: "Week 48 · Mon 23 Nov – Sun 29 Nov 2026".
func weekTitle(w timeline.ActivityWeek) string {
	return fmt.Sprintf("Week %d · %s – %s", w.Week, w.Monday.Format(timeline.LayoutDay), w.Sunday().Format(timeline.LayoutDayYear))
}

// rangeTitle is the log's range: "Mon 2 Nov – Tue 24 Nov 2026".
func rangeTitle(a timeline.Activity) string {
	return a.From.Format(timeline.LayoutDayYear) + " – " + a.To.Format(timeline.LayoutDayYear)
}

// activityCells are an item's cells: date (by date), company, role, what
// happened, contact, note — every text sanitised.
func (r Report) activityCells(it timeline.ActivityItem, date func(timeline.Date) string) []string {
	return []string{date(it.Event.Date), Sanitize(it.App.Company), Sanitize(it.App.Role),
		EventPhrase(it.Event, r.Today, date), reportContact(it.App, ""), Sanitize(it.Event.Note)}
}

// Activity renders the log as text: a title with the range's totals, then
// each week with its totals and a table of its events (quiet weeks say so).
func (r Report) Activity(a timeline.Activity) string {
	var b strings.Builder
	n := 0
	for _, w := range a.Weeks {
		n += len(w.Items)
	}
	r.line(&b, r.paint(r.Styles.Bold, "Job-search activity · "+rangeTitle(a)+" · "+countOf(n, "event", "events")))
	r.line(&b, "Totals: "+totalsPhrase(a.Totals))
	short := func(d timeline.Date) string { return d.Format(timeline.LayoutDay) }
	for _, w := range a.Weeks {
		r.heading(&b, weekTitle(w))
		r.line(&b, "  "+r.paint(r.Styles.Muted, totalsPhrase(w.Totals)))
		if len(w.Items) == 0 {
			r.line(&b, "  no activity")
			continue
		}
		t := reportTable{head: []string{"DATE", "COMPANY", "ROLE", "WHAT HAPPENED", "CONTACT", "NOTE"},
			shrink: []int{0, 2, 2, 0, 2, 1}, min: []int{0, 8, 6, 0, 8, 8}}
		for _, it := range w.Items {
			cells := r.activityCells(it, short)
			row := make([]reportCell, len(cells))
			for i, c := range cells {
				row[i] = reportCell{text: c}
			}
			row[1].style = &r.Styles.Bold
			t.rows = append(t.rows, row)
		}
		r.tableBody(&b, t, "  ")
	}
	return b.String()
}

// mdCell escapes a Markdown table cell.
func mdCell(s string) string {
	return strings.NewReplacer(`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", ">", "&gt;").Replace(s)
}

// ActivityMarkdown renders the log as Markdown: a summary table of the
// weeks' totals, then a section per week with its events in a table.
func (r Report) ActivityMarkdown(a timeline.Activity) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Job-search activity, %s\n\n", rangeTitle(a))
	b.WriteString("| Week | Applications | Interviews | Follow-ups sent | News | Decisions |\n|---|--:|--:|--:|--:|--:|\n")
	row := func(name string, t timeline.ActivityTotals) {
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d | %d |\n", name, t.Applications, t.Interviews, t.Followups, t.News, t.Decisions)
	}
	for _, w := range a.Weeks {
		row(fmt.Sprintf("%d-W%02d (%s – %s)", w.Year, w.Week, w.Monday.Format(timeline.LayoutDayMonth), w.Sunday().Format(timeline.LayoutDayMonth)), w.Totals)
	}
	row("**Total**", a.Totals)
	for _, w := range a.Weeks {
		fmt.Fprintf(&b, "\n## %s\n\n", weekTitle(w))
		if len(w.Items) == 0 {
			b.WriteString("No activity.\n")
			continue
		}
		b.WriteString("| Date | Company | Role | What happened | Contact | Note |\n|---|---|---|---|---|---|\n")
		for _, it := range w.Items {
			cells := r.activityCells(it, timeline.Date.String)
			for i := range cells {
				cells[i] = mdCell(cells[i])
			}
			b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
		}
		fmt.Fprintf(&b, "\nTotals: %s.\n", strings.ReplaceAll(totalsPhrase(w.Totals), " · ", ", "))
	}
	return b.String()
}

// ActivityCSVHeader is the CSV log's header row.
var ActivityCSVHeader = []string{"Week", "Date", "Company", "Role", "What happened", "Contact", "Note",
	"Applications", "Interviews", "Follow-ups sent", "News", "Decisions"}

// ActivityCSV writes the log as CSV for a spreadsheet: a header, one row per
// event (its week, ISO date, company, role, what happened, contact, note;
// the count columns empty), after each week's events a "week total" row with
// the week's counts, and a last "total" row for the whole range. A cell a
// spreadsheet would run as a formula is written as text (store.CSVWriter).
func (r Report) ActivityCSV(w io.Writer, a timeline.Activity) error {
	cw := store.NewCSVWriter(w)
	var err error
	write := func(rec []string) {
		if err == nil {
			err = cw.Write(rec)
		}
	}
	counts := func(t timeline.ActivityTotals) []string {
		return []string{strconv.Itoa(t.Applications), strconv.Itoa(t.Interviews), strconv.Itoa(t.Followups),
			strconv.Itoa(t.News), strconv.Itoa(t.Decisions)}
	}
	write(ActivityCSVHeader)
	for _, wk := range a.Weeks {
		week := fmt.Sprintf("%d-W%02d", wk.Year, wk.Week)
		for _, it := range wk.Items {
			write(append(append([]string{week}, r.activityCells(it, timeline.Date.String)...), "", "", "", "", ""))
		}
		title := fmt.Sprintf("week total (%s – %s)", wk.Monday, wk.Sunday())
		write(append([]string{week, "", "", "", title, "", ""}, counts(wk.Totals)...))
	}
	write(append([]string{"", "", "", "", fmt.Sprintf("total (%s – %s)", a.From, a.To), "", ""}, counts(a.Totals)...))
	if err != nil {
		return err
	}
	return cw.Flush()
}
