package tui

import (
	"errors"
	"fmt"

	"github.com/afterview/afterview/store"
	"github.com/afterview/afterview/timeline"
	tea "github.com/charmbracelet/bubbletea"
)

// onLoaded shows a full load, unless a newer one is already shown.
func (m model) onLoaded(msg loadedMsg) (tea.Model, tea.Cmd) {
	if msg.seq < m.shownSeq {
		return m, nil
	}
	m.shownSeq = msg.seq
	if msg.err != nil {
		m.dash.loadErr = msg.err
		m.setStatus("Could not read the database: "+msg.err.Error(), true)
		return m, nil
	}
	m.settings, m.version, m.loaded = msg.settings, msg.version, true
	m.dash.setData(msg.entries, m.today, m.settings.LookaheadDays)
	return m, nil
}

// onEntry patches one application's row after the user's write, and moves
// the dashboard to the tab that holds it now, the cursor on it (a new
// application also clears a filter that hides it; a change only says so).
func (m model) onEntry(msg entryMsg) (tea.Model, tea.Cmd) {
	switch {
	case msg.err != nil:
		m.setStatus("Could not read the change back: "+msg.err.Error(), true)
	case msg.gone:
		m.dash.remove(msg.id)
	case msg.added:
		m.dash.patch(msg.entry)
		m.dash.focus(msg.id)
	default:
		m.dash.patch(msg.entry)
		t, moved, hidden := m.dash.follow(msg.id)
		name := Sanitize(msg.entry.App.Company)
		switch {
		case hidden:
			m.addStatus(fmt.Sprintf("%s is on the %s tab, hidden by the filter %q: esc clears it.", name, tabNames[t], Sanitize(m.dash.filter.Value())))
		case moved:
			m.addStatus(fmt.Sprintf("%s is on the %s tab now.", name, tabNames[t]))
		}
	}
	return m, nil
}

// onPoll reloads when another process changed the data or the day changed,
// and schedules the next poll.
func (m model) onPoll(msg pollMsg) (tea.Model, tea.Cmd) {
	next := m.poll()
	if msg.err != nil || (msg.version == m.version && msg.today == m.today) || !m.loaded {
		return m, next
	}
	if msg.today != m.today {
		m.today = msg.today
		m.dash.today = msg.today
	}
	return m, tea.Batch(next, m.reload())
}

// reload asks for a full load and, when the detail is open, its derivation.
func (m *model) reload() tea.Cmd {
	m.loadSeq++
	cmds := []tea.Cmd{loadCmd(m.st, m.loadSeq)}
	if m.open(scrDetail) {
		cmds = append(cmds, deriveCmd(m.st, m.detail.id, forDetail))
	}
	return tea.Batch(cmds...)
}

// refresh re-reads one application after a write to it: its row, and its
// detail when that is open.
func (m model) refresh(id int64) tea.Cmd {
	cmds := []tea.Cmd{entryCmd(m.st, id, false)}
	if m.open(scrDetail) && m.detail.id == id {
		cmds = append(cmds, deriveCmd(m.st, id, forDetail))
	}
	return tea.Batch(cmds...)
}

// onDerived fills the detail view or opens the draft pane.
func (m model) onDerived(msg derivedMsg) (tea.Model, tea.Cmd) {
	switch msg.purpose {
	case forDetail:
		if !m.open(scrDetail) || m.detail.id != msg.id {
			return m, nil
		}
		if errors.Is(msg.err, store.ErrNotFound) {
			m.closeDetail()
			m.setStatus("That application no longer exists (deleted elsewhere).", true)
			return m, nil
		}
		if msg.err != nil {
			m.detail.err = msg.err
			m.detail.build()
			return m, nil
		}
		m.detail.setDerived(msg.d, m.today, m.settings)
	case forDraft:
		if msg.err != nil {
			m.setStatus("Could not read the application: "+msg.err.Error(), true)
			return m, nil
		}
		if t := m.top(); t != scrDashboard && t != scrDetail {
			return m, nil
		}
		if msg.d.Next == nil {
			m.setStatus(fmt.Sprintf("%s has no next action: nothing to draft.", Sanitize(msg.d.App.Company)), false)
			return m, nil
		}
		return m.showDraft(msg.d)
	}
	return m, nil
}

// closeDetail removes the detail view (and anything above it) from the stack.
func (m *model) closeDetail() {
	for i, s := range m.stack {
		if s == scrDetail {
			m.stack = m.stack[:i]
			return
		}
	}
}

// onSubmitApp writes a valid application form: an add, or only the changed
// fields of an edit.
func (m model) onSubmitApp(msg submitAppMsg) (tea.Model, tea.Cmd) {
	if msg.id == 0 {
		return m, addAppCmd(m.st, msg.app, msg.first)
	}
	if msg.changes.Empty() {
		m.pop()
		m.setStatus("Nothing changed.", false)
		return m, nil
	}
	return m, updateAppCmd(m.st, msg.id, msg.app.Company, msg.changes)
}

// onConfirmed closes the confirmation and runs what it confirmed.
func (m model) onConfirmed(msg confirmedMsg) (tea.Model, tea.Cmd) {
	if m.top() == scrConfirm {
		m.pop()
	}
	a := msg.action
	switch a.kind {
	case confirmArchive:
		return m, archiveCmd(m.st, a.appID, a.company, a.archived)
	case confirmDelete:
		return m, deleteAppCmd(m.st, a.appID, a.company)
	case confirmRemoveEvent:
		return m, deleteEventCmd(m.st, a.eventID, "")
	}
	return m, nil
}

// closeSaving closes the form on top if it is waiting for a write.
func (m *model) closeSaving() {
	switch m.top() {
	case scrAppForm:
		if m.appForm.saving {
			m.pop()
		}
	case scrEventForm:
		if m.eventForm.step == 1 && m.eventForm.form.saving {
			m.pop()
		}
	case scrSnooze:
		if m.snooze.saving {
			m.pop()
		}
	}
}

// onWritten closes the form that asked for a write, says what happened and
// re-reads what changed.
func (m model) onWritten(msg tea.Msg) (tea.Model, tea.Cmd) {
	m.closeSaving()
	switch msg := msg.(type) {
	case appAddedMsg:
		m.setStatus("Added "+msg.company+". Press l to log what happens next.", false)
		return m, entryCmd(m.st, msg.id, true)
	case appUpdatedMsg:
		m.setStatus("Saved "+msg.company+".", false)
		return m, m.refresh(msg.id)
	case archivedMsg:
		what := "Archived %s: it is in the Closed tab (A there restores it)."
		if !msg.archived {
			what = "Restored %s from the archive."
		}
		m.setStatus(fmt.Sprintf(what, msg.company), false)
		return m, m.refresh(msg.id)
	case appDeletedMsg:
		if m.open(scrDetail) && m.detail.id == msg.id {
			m.closeDetail()
		}
		m.dash.remove(msg.id)
		m.setStatus("Deleted "+msg.company+".", false)
	case eventLoggedMsg:
		switch {
		case msg.undo && msg.event.Type == timeline.EventFollowup:
			m.undo = append(m.undo, undoItem{msg.eventID, msg.appID, "chased " + msg.company})
			m.setStatus(fmt.Sprintf("Marked %s chased: logged a follow-up today. u undoes.", msg.company), false)
		case msg.undo:
			m.undo = append(m.undo, undoItem{msg.eventID, msg.appID, "snoozed " + msg.company})
			m.setStatus(fmt.Sprintf("Snoozed %s until %s. u undoes.", msg.company, msg.event.Until.Format("Mon 2 Jan")), false)
		default:
			m.setStatus(fmt.Sprintf("Logged %s for %s.", msg.event.Type, msg.company), false)
		}
		return m, m.refresh(msg.appID)
	case eventRemovedMsg:
		if msg.undo == "" {
			m.setStatus("Removed "+eventName(msg.event)+".", false)
			return m, m.refresh(msg.appID)
		}
		// Undone: the application is back where it was; the dashboard
		// follows it there.
		m.setStatus(fmt.Sprintf("Undone: %s (removed the %s logged on %s).", msg.undo, msg.event.Type, msg.event.Date.Format("Mon 2 Jan")), false)
		return m, m.refresh(msg.appID)
	}
	return m, nil
}

// onWriteFailed keeps the form that asked open, with its values and the
// error, and puts the error in the status line.
func (m model) onWriteFailed(msg writeFailedMsg) (tea.Model, tea.Cmd) {
	err := fmt.Errorf("could not %s: %w", msg.what, msg.err)
	switch m.top() {
	case scrAppForm:
		m.appForm.failWrite(err)
	case scrEventForm:
		if m.eventForm.step == 1 {
			m.eventForm.form.failWrite(err)
		}
	case scrSnooze:
		m.snooze.failWrite(err)
	}
	m.setStatus("Could not "+msg.what+": "+msg.err.Error(), true)
	return m, nil
}

// onMailer runs the mail opener, giving it the terminal while it runs.
func (m model) onMailer(msg mailerMsg) (tea.Model, tea.Cmd) {
	if msg.missing != "" {
		m.setStatus(fmt.Sprintf("No %s here to open your mail app: copy the message with y instead.", msg.missing), true)
		return m, nil
	}
	m.setStatus("Opening your mail app…", false)
	return m, tea.ExecProcess(msg.cmd, func(err error) tea.Msg { return mailDoneMsg{err} })
}
