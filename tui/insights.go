package tui

import (
	"fmt"
	"strings"

	"github.com/afterview/afterview/timeline"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// insights is the Insights screen: the figures of `afterview stats` on one
// screen — the learned reply window first (a applies it, after a
// confirmation), the funnel's bars beside the response-time histogram (its
// blocks show the window each answer fell in, the reply window's days are
// shaded), when the first word came, the promises, and the companies. It is
// drawn with the same pieces as the report (report_stats.go), in plain
// lipgloss: a bar chart of a few rows needs nothing a charting library would
// add, and the report must draw the same bars without one. It scrolls when
// the terminal is short.
type insights struct {
	c    *common
	keys *keyMap

	in     timeline.Insights
	loaded bool
	err    error

	pager
	width int
}

// newInsights opens the Insights screen; the figures follow (Init).
func newInsights(c *common) *insights { return &insights{c: c, keys: c.keys} }

// Init reads every history and works the figures out.
func (v *insights) Init() tea.Cmd { return insightsCmd(v.c.store, v.c.today) }

// SetSize sets the area the screen draws in.
func (v *insights) SetSize(w, h int) {
	v.width, v.height = w, h
	v.build()
	v.scroll(0)
}

// Update handles the keys, the figures when they come, and a reload (a
// change anywhere, a new setting: the figures are worked out again).
func (v *insights) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		return v, v.key(msg)
	case tea.MouseMsg:
		v.wheel(msg)
	case insightsMsg:
		v.in, v.err, v.loaded = msg.in, msg.err, true
		v.build()
		v.scroll(0)
	case loadedMsg:
		if msg.err == nil {
			return v, insightsCmd(v.c.store, v.c.today)
		}
	}
	return v, nil
}

// key handles the screen's keys: scrolling, a to use the learned window,
// esc or q to go back.
func (v *insights) key(msg tea.KeyMsg) tea.Cmd {
	k := v.keys
	switch {
	case key.Matches(msg, k.Back), key.Matches(msg, k.Quit):
		return closeScreen(v)
	case key.Matches(msg, k.Help):
		return msgCmd(helpMsg{})
	case key.Matches(msg, k.Apply):
		return v.apply()
	default:
		v.pageKey(msg, k, true)
	}
	return nil
}

// apply asks to set the learned reply window; nothing is set until y.
func (v *insights) apply() tea.Cmd {
	sg := v.in.Suggestion
	if !v.loaded || sg == nil {
		return status(fmt.Sprintf("No learned window to use: it needs %d answers, and one that differs from reply_max_bd.", timeline.MinLearnResponses))
	}
	set := v.in.Settings
	var changes [][2]string
	q := fmt.Sprintf("Set reply_max_bd to %d (now %d)?", sg.ReplyMaxBD, set.ReplyMaxBD)
	if sg.ReplyMinBD > 0 {
		changes = append(changes, [2]string{"reply_min_bd", fmt.Sprint(sg.ReplyMinBD)})
		q = fmt.Sprintf("Set the reply window to %d–%d business days (now %d–%d)?", sg.ReplyMinBD, sg.ReplyMaxBD, set.ReplyMinBD, set.ReplyMaxBD)
	}
	changes = append(changes, [2]string{"reply_max_bd", fmt.Sprint(sg.ReplyMaxBD)})
	q += fmt.Sprintf(" 80%% of your %d answers came within %d business days. Every application's due dates follow the new window.",
		sg.Responses, sg.ReplyMaxBD)
	return open(newConfirm(v.c, q, setSettingsCmd(v.c.store, changes)))
}

// View draws the visible lines: exactly height of them.
func (v *insights) View() string { return v.view() }

// ShortHelp implements help.KeyMap.
func (v *insights) ShortHelp() []key.Binding {
	k := v.keys
	if v.in.Suggestion != nil {
		return []key.Binding{k.Apply, k.Down, k.Up, k.back(), k.more()}
	}
	return []key.Binding{k.Down, k.Up, k.back(), k.more()}
}

// FullHelp implements help.KeyMap.
func (v *insights) FullHelp() [][]key.Binding {
	k := v.keys
	return [][]key.Binding{k.nav(), {k.Apply, k.back(), k.Help}}
}

// insightsCompanies is how many companies the screen lists.
const insightsCompanies = 30

// insightsSideBySide is the width from which the funnel and the histogram
// stand side by side.
const insightsSideBySide = 76

// build lays out every line for the current width.
func (v *insights) build() {
	w := v.width
	if w <= 0 {
		return
	}
	st := v.c.styles
	r := Report{Styles: *st, Today: v.c.today, Width: w - 2}
	var ls []string
	add := func(s ...string) {
		for _, l := range s {
			ls = append(ls, " "+fitStyled(l, w-1))
		}
	}
	switch {
	case v.err != nil:
		add(st.Error.Render("Could not work the figures out: " + Sanitize(v.err.Error())))
		v.lines = ls
		return
	case !v.loaded:
		add(st.Muted.Render("Reading your history…"))
		v.lines = ls
		return
	}
	in := v.in
	f := in.Funnel
	add(st.Title.Render("Insights") + st.Muted.Render(fmt.Sprintf(" · %s · on %s", countOf(f.Applications, "application", "applications"),
		in.Today.Format(timeline.LayoutDayYear))))
	if f.Applications == 0 {
		add("", "Nothing to measure yet: log applications and interviews, and the figures follow.")
		v.lines = ls
		return
	}
	add(v.suggestion(r)...)
	add("")

	// The funnel and the histogram: side by side when there is room.
	left := []string{st.Title.Render("Funnel")}
	leftW := min(38, w-2)
	if w >= insightsSideBySide {
		leftW = 36
	}
	barW := max(leftW-22-len(fmt.Sprint(f.Applications)), 4)
	left = append(left, r.FunnelLines(f, barW)...)
	left = append(left, packParts([]string{
		fmt.Sprintf("%d rejected", f.Rejected), fmt.Sprintf("%d ghosted", f.Ghosted),
		fmt.Sprintf("%d declined", f.Declined), fmt.Sprintf("%d withdrawn", f.Withdrawn)}, " · ", leftW)...)
	rightW := w - 2
	if w >= insightsSideBySide {
		rightW = w - 2 - leftW - 3
	}
	right := []string{st.Title.Render("Response time, bd")}
	if len(in.Responses) == 0 {
		right = append(right, st.Muted.Render("No answers yet."))
	} else {
		right[0] += st.Muted.Render(fmt.Sprintf(" · median %d · 80%% ≤ %d", in.Median, in.P80))
		labelW := len(fmt.Sprint(len(in.Histogram))) + 3
		right = append(right, r.HistogramLines(in, max(rightW-labelW-6, 4), false)...)
		right = append(right, packParts(r.Legend(in.Settings), "  ", rightW)...)
	}
	if w >= insightsSideBySide {
		for i := range left {
			left[i] = padStyled(left[i], leftW)
		}
		gap := make([]string, max(len(left), len(right)))
		for i := range gap {
			gap[i] = st.Muted.Render(" │ ")
		}
		add(strings.Split(lipgloss.JoinHorizontal(lipgloss.Top, strings.Join(left, "\n"), strings.Join(gap, "\n"), strings.Join(right, "\n")), "\n")...)
	} else {
		add(left...)
		add("")
		add(right...)
	}

	// When the first word came, and the promises.
	add("")
	var within []string
	for _, c := range timeline.ResponseClasses {
		name := strings.SplitN(ClassLabel(c, in.Settings), " (", 2)[0]
		name = strings.TrimSuffix(strings.TrimSuffix(name, " window"), " yet")
		within = append(within, st.classStyle(c).Render(fmt.Sprintf("%d %s", in.Within[c], name)))
	}
	add(packParts(append([]string{st.Title.Render("First word:")}, within...), "  ", w-2)...)
	p := in.Promises
	promises := fmt.Sprintf("%d kept · %d late · %d open", p.Kept, p.Late, p.Open)
	if p.OpenPastDue > 0 {
		promises += fmt.Sprintf(" (%d past the date)", p.OpenPastDue)
	}
	add(st.Title.Render("Promised dates:") + " " + promises)

	// The companies, most processes first.
	add("")
	t := r.CompanyTable(in.Companies, insightsCompanies)
	for _, l := range strings.Split(strings.TrimSuffix(t.render(r), "\n"), "\n") {
		add(l)
	}
	if n := len(in.Companies); n > insightsCompanies {
		add(st.Muted.Render(fmt.Sprintf("… and %d more (afterview stats --json lists them all)", n-insightsCompanies)))
	}
	v.lines = ls
}

// suggestion is the learned reply window's line(s), with the key to use it.
func (v *insights) suggestion(r Report) []string {
	st := v.c.styles
	in := v.in
	n := len(in.Responses)
	switch sg := in.Suggestion; {
	case n < timeline.MinLearnResponses:
		return []string{st.Muted.Render(fmt.Sprintf("Learned reply window: needs %d answers; you have %d.", timeline.MinLearnResponses, n))}
	case sg == nil:
		return []string{st.Muted.Render(fmt.Sprintf("Learned reply window: 80%% of %d answers came within %d bd; reply_max_bd (%d) fits.", n, in.P80, in.Settings.ReplyMaxBD))}
	default:
		text := fmt.Sprintf("Learned: 80%% of your %d answers came within %d bd; reply_max_bd is %d.", n, sg.ReplyMaxBD, in.Settings.ReplyMaxBD)
		lines := wrap(text, v.width-2)
		for i, l := range lines {
			lines[i] = st.Accent.Render(l)
		}
		hint := st.Key.Render("a") + st.Muted.Render(" use it")
		if last := len(lines) - 1; ansi.StringWidth(lines[last])+1+ansi.StringWidth(hint) <= v.width-2 {
			lines[last] += " " + hint
		} else {
			lines = append(lines, hint)
		}
		return lines
	}
}

// packParts lays parts (styled) out in lines of at most width cells, sep
// between them.
func packParts(parts []string, sep string, width int) []string {
	var out []string
	line := ""
	for _, p := range parts {
		switch {
		case line == "":
			line = p
		case ansi.StringWidth(line)+len(sep)+ansi.StringWidth(p) <= width:
			line += sep + p
		default:
			out = append(out, line)
			line = p
		}
	}
	if line != "" {
		out = append(out, line)
	}
	return out
}

// fitStyled cuts a styled line to width cells, its escape codes intact.
func fitStyled(s string, width int) string {
	if ansi.StringWidth(s) > width {
		return ansi.Truncate(s, width, "…")
	}
	return s
}

// padStyled right-pads a styled line to width cells.
func padStyled(s string, width int) string {
	if n := width - ansi.StringWidth(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
}
