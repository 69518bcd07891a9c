package tui

import (
	"fmt"

	"github.com/afterview/afterview/timeline"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// appActions are the keys that act on one application, the same from the
// dashboard and the detail view: edit, log, archive, delete, chased, snooze,
// draft and undo. Each becomes a command: a screen to open, a write, or a
// line for the status bar.
type appActions struct{ c *common }

// handle returns the command for msg on app (whose next action is next);
// ok is false when msg is none of these keys.
func (a appActions) handle(msg tea.KeyMsg, app timeline.Application, next *timeline.Action) (cmd tea.Cmd, ok bool) {
	k := a.c.keys
	switch {
	case key.Matches(msg, k.Edit):
		return open(newAppForm(a.c, &app)), true
	case key.Matches(msg, k.Log):
		return open(newEventForm(a.c, app)), true
	case key.Matches(msg, k.Archive):
		return a.askArchive(app), true
	case key.Matches(msg, k.Delete):
		q := fmt.Sprintf("Delete %s and all its events? This cannot be undone (A archives instead).", Sanitize(app.Company))
		return open(newConfirm(a.c, q, deleteAppCmd(a.c.store, app.ID, app.Company))), true
	case key.Matches(msg, k.Chased):
		return a.markChased(app, next), true
	case key.Matches(msg, k.Snooze):
		return open(newSnoozeForm(a.c, app)), true
	case key.Matches(msg, k.Draft):
		return a.draft(app, next), true
	case key.Matches(msg, k.Undo):
		return msgCmd(undoMsg{}), true
	}
	return nil, false
}

// askArchive confirms archiving (or restoring) app.
func (a appActions) askArchive(app timeline.Application) tea.Cmd {
	name := Sanitize(app.Company)
	q := fmt.Sprintf("Archive %s? It leaves the lists and is never chased; it stays in the Closed tab, where A restores it.", name)
	if app.Archived {
		q = fmt.Sprintf("Restore %s from the archive?", name)
	}
	return open(newConfirm(a.c, q, archiveCmd(a.c.store, app.ID, app.Company, !app.Archived)))
}

// markChased logs a follow-up today: the action re-arms and leaves Overdue.
func (a appActions) markChased(app timeline.Application, next *timeline.Action) tea.Cmd {
	name := Sanitize(app.Company)
	switch {
	case next == nil:
		return status(fmt.Sprintf("Nothing to chase at %s.", name))
	case next.Kind == timeline.ActOffer:
		return status("An offer is answered, not chased: log negotiate, accepted or declined with l (m drafts a question).")
	case next.Kind == timeline.ActReapply:
		return status("Nothing to chase after a rejection: log an interview when you reapply, or snooze with z.")
	case next.Kind == timeline.ActInterview:
		return status("A booked interview is attended, not chased: on its day it counts as done by itself (l logs what you hear after it).")
	}
	e := timeline.Event{Type: timeline.EventFollowup, Date: a.c.today}
	return logEventCmd(a.c.store, app.ID, app.Company, e, true)
}

// draft derives the application (in a command) and opens its draft pane.
func (a appActions) draft(app timeline.Application, next *timeline.Action) tea.Cmd {
	if next == nil {
		return status(fmt.Sprintf("%s has no next action: nothing to draft.", Sanitize(app.Company)))
	}
	c, today := a.c, a.c.today
	return func() tea.Msg {
		d, err := c.store.Derive(app.ID)
		if err != nil {
			return statusMsg{text: "Could not read the application: " + err.Error(), err: true}
		}
		if next.Kind == timeline.ActExpedite {
			d.Next = next // the chase item stands in for its own action
		}
		return draftOf(c, d, today)
	}
}

// draftOf is the message that opens the draft pane for d, or says there is
// nothing to draft.
func draftOf(c *common, d timeline.Derived, today timeline.Date) tea.Msg {
	if d.Next == nil {
		return statusMsg{text: fmt.Sprintf("%s has no next action: nothing to draft.", Sanitize(d.App.Company))}
	}
	return openMsg{newDraftPane(c, d, today)}
}
