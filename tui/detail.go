package tui

import (
	"errors"
	"fmt"
	"strings"

	"github.com/afterview/afterview/store"
	"github.com/afterview/afterview/timeline"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// detail is one application in full: who, where it stands on a drawn
// timeline, the next action, offer terms, the stage's advice and the event
// history (newest first), whose selected event x removes. It scrolls, keeping
// the selected event on screen.
type detail struct {
	c       *common
	styles  *Styles
	keys    *keyMap
	actions appActions

	id     int64
	entry  timeline.Entry   // from the list, shown until the derivation comes
	d      timeline.Derived // the full derivation (store.Derive)
	loaded bool
	err    error
	today  timeline.Date
	set    timeline.Settings

	sel    int   // the selected event, newest first
	evLine []int // the line of each event, newest first

	pager
	width int
}

// newDetail opens the detail of e; its derivation follows (Init).
func newDetail(c *common, e timeline.Entry) *detail {
	return &detail{c: c, styles: c.styles, keys: c.keys, actions: appActions{c}, id: e.App.ID, entry: e,
		today: c.today, set: c.settings}
}

// Init reads the application's derivation.
func (v *detail) Init() tea.Cmd { return deriveCmd(v.c.store, v.id) }

// SetSize sets the area the detail draws in.
func (v *detail) SetSize(w, h int) {
	v.width, v.height = w, h
	v.build()
	v.scroll(0)
}

// setDerived shows a (new) derivation, keeping the same event selected.
func (v *detail) setDerived(d timeline.Derived, today timeline.Date, set timeline.Settings) {
	var selID int64
	if e, ok := v.SelectedEvent(); ok {
		selID = e.ID
	}
	v.d, v.loaded, v.err, v.today, v.set = d, true, nil, today, set
	v.entry = d.Entry
	n := len(d.Events)
	for i := 0; i < n; i++ {
		if d.Events[n-1-i].ID == selID {
			v.sel = i
		}
	}
	v.sel = max(0, min(v.sel, n-1))
	v.build()
	v.scroll(0) // a refresh keeps the scroll; the detail opens at its top
}

// SelectedEvent returns the selected event of the history.
func (v detail) SelectedEvent() (timeline.Event, bool) {
	n := len(v.d.Events)
	if !v.loaded || n == 0 {
		return timeline.Event{}, false
	}
	return v.d.Events[n-1-v.sel], true
}

// Update handles the detail's keys, and re-reads the application when it
// changed (a reload, or a write to it); it closes when the application is
// gone.
func (v *detail) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.MouseMsg:
		v.wheel(msg)
	case tea.KeyMsg:
		return v, v.key(msg)
	case loadedMsg:
		if msg.err == nil {
			return v, deriveCmd(v.c.store, v.id)
		}
	case entryMsg:
		if msg.id == v.id && !msg.gone && msg.err == nil {
			return v, deriveCmd(v.c.store, v.id)
		}
	case appDeletedMsg:
		if msg.id == v.id {
			return v, closeScreen(v)
		}
	case derivedMsg:
		if msg.id == v.id {
			return v, v.onDerived(msg)
		}
	}
	return v, nil
}

// onDerived shows a fresh derivation, or closes when the application is gone.
func (v *detail) onDerived(msg derivedMsg) tea.Cmd {
	switch {
	case errors.Is(msg.err, store.ErrNotFound):
		return tea.Batch(closeScreen(v), statusErr("That application no longer exists (deleted elsewhere)."))
	case msg.err != nil:
		v.err = msg.err
		v.build()
	default:
		v.setDerived(msg.d, v.c.today, v.c.settings)
	}
	return nil
}

// key handles a key: leaving, help, the keys that act on the application
// (appActions; x removes the selected event), then moving and scrolling.
func (v *detail) key(msg tea.KeyMsg) tea.Cmd {
	k := v.keys
	switch {
	case key.Matches(msg, k.Back, k.Quit):
		return closeScreen(v)
	case key.Matches(msg, k.Help):
		return msgCmd(helpMsg{})
	case key.Matches(msg, k.Undo):
		return msgCmd(undoMsg{})
	}
	if v.loaded {
		app := v.d.App
		switch {
		case key.Matches(msg, k.RemoveEvent):
			if ev, ok := v.SelectedEvent(); ok {
				q := fmt.Sprintf("Remove %s from %s? Use this to correct a mistake; the stage is worked out again.", eventName(ev), Sanitize(app.Company))
				return open(newConfirm(v.c, q, deleteEventCmd(v.c.store, ev.ID, "")))
			}
			return nil
		case key.Matches(msg, k.Draft) && v.d.Next != nil:
			return msgCmd(draftOf(v.c, v.d, v.c.today))
		}
		if cmd, ok := v.actions.handle(msg, app, v.d.Next); ok {
			return cmd
		}
	}
	switch {
	case key.Matches(msg, k.Up, k.Down) && !v.selectedVisible():
		// The first press brings the history's selection into view.
		v.showSelected()
	case key.Matches(msg, k.Up):
		v.selectEvent(v.sel - 1)
	case key.Matches(msg, k.Down):
		v.selectEvent(v.sel + 1)
	default:
		v.pageKey(msg, k, false) // up and down select events instead
	}
	return nil
}

// ShortHelp implements help.KeyMap.
func (v *detail) ShortHelp() []key.Binding {
	k := v.keys
	return []key.Binding{k.back(), k.Log, k.Edit, k.RemoveEvent, k.Draft, k.Chased, k.Snooze, k.Help}
}

// FullHelp implements help.KeyMap.
func (v *detail) FullHelp() [][]key.Binding {
	k := v.keys
	return [][]key.Binding{k.nav(),
		{k.Edit, k.long(k.Log, "log an event"), k.RemoveEvent, k.Archive, k.Delete},
		{k.Chased, k.Snooze, k.Undo, k.long(k.Draft, "draft a message")},
		{k.back(), k.Help, k.ForceQuit}}
}

// selectEvent selects event i (newest first) and scrolls to it.
func (v *detail) selectEvent(i int) {
	v.sel = max(0, min(i, len(v.d.Events)-1))
	v.build()
	v.showSelected()
}

// selectedVisible reports whether the selected event's line is on screen.
func (v detail) selectedVisible() bool {
	if v.sel >= len(v.evLine) {
		return true
	}
	l := v.evLine[v.sel]
	return l >= v.offset && l < v.offset+v.height
}

// showSelected scrolls so that the selected event is on screen.
func (v *detail) showSelected() {
	if v.sel < len(v.evLine) {
		l := v.evLine[v.sel]
		if l < v.offset {
			v.offset = l
		}
		if l >= v.offset+v.height {
			v.offset = l - v.height + 1
		}
	}
	v.scroll(0)
}

// View draws the visible lines: exactly height of them.
func (v *detail) View() string { return v.view() }

// build lays out every line of the detail for the current width.
func (v *detail) build() {
	st, w := v.styles, v.width
	e := v.entry
	var ls []string
	add := func(s ...string) { ls = append(ls, s...) }
	row := func(label, text string) {
		for i, l := range wrap(text, max(10, w-labelWidth-3)) {
			if i == 0 {
				add("  " + st.Label.Render(pad(label, labelWidth)) + l)
			} else {
				add("  " + strings.Repeat(" ", labelWidth) + l)
			}
		}
	}
	title := Sanitize(e.App.Company)
	if r := Sanitize(e.App.Role); r != "" {
		title += " · " + r
	}
	badge := st.Stage(e.Stage).Render("[" + e.Stage.Label() + "]")
	if e.App.Archived {
		badge += st.Muted.Render(" (archived)")
	}
	add(" " + st.Title.Render(fit(title, w-20)) + "  " + badge)
	for _, f := range [][2]string{{"Recruiter", e.App.Recruiter}, {"Contact", e.App.Contact}, {"Link", e.App.URL}} {
		if s := Sanitize(f[1]); s != "" {
			row(f[0], s)
		}
	}
	if notes := strings.TrimSpace(e.App.Notes); notes != "" {
		label := "Notes"
		for _, l := range SanitizeLines(notes) {
			row(label, l)
			label = ""
		}
	}
	add("")
	switch {
	case v.err != nil:
		add("  " + st.Error.Render(fit("Could not read the events: "+v.err.Error(), w-3)))
	case !v.loaded:
		add("  " + st.Muted.Render("Loading…"))
	}
	v.nextRows(row)
	if !v.loaded {
		v.lines, v.evLine = ls, nil
		return
	}
	if tl := timelineView(st, v.d, v.today, w); len(tl) > 0 {
		add("")
		add(tl...)
	}
	if v.d.Offer != nil {
		v.offerRows(add, row)
	}
	if advice := timeline.Advice(v.d, v.today, v.set); len(advice) > 0 {
		add("", " "+st.Title.Render("What to expect"))
		for _, a := range advice {
			bullet := "  • "
			for _, l := range wrap(a, max(10, w-5)) {
				add(bullet + l)
				bullet = "    "
			}
		}
	}
	add("", " "+st.Title.Render("History")+st.Muted.Render(" (newest first; x removes the selected event)"))
	v.evLine = v.evLine[:0]
	n := len(v.d.Events)
	if n == 0 {
		add("  " + st.Muted.Render("No events yet: press l to log one."))
	}
	for i := 0; i < n; i++ {
		ev := v.d.Events[n-1-i]
		v.evLine = append(v.evLine, len(ls))
		add(v.eventLines(ev, i == v.sel)...)
	}
	v.lines = ls
}

// nextRows adds the next action (or start date) and its due date.
func (v *detail) nextRows(row func(label, text string)) {
	e, st := v.entry, v.styles
	switch {
	case e.Next != nil:
		row("Next", Sanitize(e.Next.Text))
		due := st.Due(e.Next.Due, v.today, v.set.LookaheadDays).Render(e.Next.Due.Format(timeline.LayoutDayYear) + " (" + e.Next.When(v.today) + ")")
		row("Due", due)
		if e.Snoozed(v.today) {
			row("Snoozed", "until "+e.SnoozedUntil.Format(timeline.LayoutDay)+" (hidden from the Chase tab)")
		}
	case e.Stage == timeline.StageOnboarding && !e.StartDate.IsZero():
		row("Starts", e.StartDate.Format(timeline.LayoutDayYear)+" ("+timeline.Relative(e.StartDate, v.today)+")")
	case !e.NextInterview.IsZero():
		row("Interview", e.NextInterview.Format(timeline.LayoutDayYear)+" ("+timeline.Relative(e.NextInterview, v.today)+")")
	case e.Stage == timeline.StageStarted && !e.StartDate.IsZero():
		row("Started", e.StartDate.Format(timeline.LayoutDayYear))
	default:
		row("Next", "nothing to do")
	}
}

// eventLines draws one event of the history: date, type, its fields, and
// its note on the following lines.
func (v *detail) eventLines(ev timeline.Event, selected bool) []string {
	st, w := v.styles, v.width
	head := pad(ev.Date.Format(timeline.LayoutDayYear), 17) + pad(string(ev.Type), 10)
	var extra []string
	if ev.At != "" {
		extra = append(extra, "at "+ev.At)
	}
	if !ev.By.IsZero() {
		extra = append(extra, "news by "+ev.By.Format(timeline.LayoutDay))
	}
	if !ev.Deadline.IsZero() {
		extra = append(extra, "deadline "+ev.Deadline.Format(timeline.LayoutDay))
	}
	if !ev.Until.IsZero() {
		extra = append(extra, "until "+ev.Until.Format(timeline.LayoutDay))
	}
	for _, t := range []struct {
		name string
		n    int64
	}{{"base", ev.Base}, {"bonus", ev.Bonus}, {"equity", ev.Equity}} {
		if t.n != 0 {
			extra = append(extra, t.name+" "+money(t.n, ev.Currency))
		}
	}
	if ev.Date > v.today {
		extra = append(extra, "planned")
	}
	text := head + strings.Join(extra, " · ")
	var out []string
	if selected {
		out = append(out, st.Marker.Render("›")+" "+st.Selected.Render(fit(text, w-3)))
	} else {
		out = append(out, "  "+fit(text, w-3))
	}
	indent := strings.Repeat(" ", 2+17)
	for _, l := range SanitizeLines(ev.Note) {
		for _, wl := range wrap(l, max(10, w-len(indent)-1)) {
			if strings.TrimSpace(wl) != "" {
				out = append(out, indent+st.Muted.Render(wl))
			}
		}
	}
	return out
}

// money formats an amount as the reports do: "180,000 USD".
func money(n int64, currency string) string { return Amount(n, Sanitize(currency)) }

// eventName describes an event in a status line: "the heard of Fri 20 Nov".
func eventName(e timeline.Event) string {
	return fmt.Sprintf("the %s of %s", e.Type, e.Date.Format(timeline.LayoutDay))
}

// offerRows adds the offer's terms as they stand (with their totals, when it
// came and the deadline), then its negotiation: the offer and each
// negotiate event after it, with its note, terms and deadline. The lines are
// those of `afterview show`.
func (v *detail) offerRows(add func(...string), row func(label, text string)) {
	r := Report{Styles: *v.styles, Today: v.today}
	lines := r.OfferLines(v.d)
	add("")
	row("Offer", lines[0])
	row("", lines[1])
	history := timeline.OfferHistory(v.d.Events)
	if len(history) < 2 {
		return
	}
	label := "Negotiation"
	for _, e := range history {
		row(label, r.NegotiationLine(e))
		label = ""
	}
}
