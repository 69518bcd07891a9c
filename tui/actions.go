package tui

import (
	"fmt"

	"github.com/afterview/afterview/timeline"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// onKey routes a key: ctrl+c always quits; otherwise the key goes only to
// the full help when it is open, else to the screen with the focus. Forms
// and confirmations get every key, so letters typed there are text.
func (m model) onKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	if key.Matches(msg, m.keys.ForceQuit) {
		return m, tea.Quit
	}
	m.status, m.statusErr = "", false
	if m.tooSmall() {
		if m.top() == scrDashboard && !m.dash.filtering && key.Matches(msg, m.keys.Quit) {
			return m, tea.Quit
		}
		return m, nil
	}
	if m.showHelp {
		if key.Matches(msg, m.keys.Help, m.keys.Back, m.keys.Quit) {
			m.showHelp = false
		}
		return m, nil
	}
	var cmd tea.Cmd
	switch m.top() {
	case scrDetail:
		return m.detailKey(msg)
	case scrDraft:
		return m.draftKey(msg)
	case scrAppForm:
		m.appForm, cmd = m.appForm.Update(msg)
	case scrEventForm:
		m.eventForm, cmd = m.eventForm.Update(msg)
	case scrSnooze:
		m.snooze, cmd = m.snooze.Update(msg)
	case scrConfirm:
		m.confirm, cmd = m.confirm.Update(msg)
	default:
		return m.dashboardKey(msg)
	}
	return m, cmd
}

// onMouse sends the wheel (and clicks) to the screen with the focus, with y
// made relative to the screen's first line.
func (m model) onMouse(msg tea.MouseMsg) (tea.Model, tea.Cmd) {
	if m.showHelp || m.tooSmall() {
		return m, nil
	}
	msg.Y -= headerHeight
	var cmd tea.Cmd
	switch m.top() {
	case scrDetail:
		m.detail, cmd = m.detail.Update(msg)
	case scrDraft:
		m.draft, cmd = m.draft.Update(msg)
	case scrAppForm:
		m.appForm, cmd = m.appForm.Update(msg)
	case scrEventForm:
		m.eventForm, cmd = m.eventForm.Update(msg)
	case scrSnooze:
		m.snooze, cmd = m.snooze.Update(msg)
	case scrDashboard:
		m.dash, cmd = m.dash.Update(msg)
	}
	return m, cmd
}

// dashboardKey handles the keys of the top level that open a screen or
// write; the rest (moving, tabs, filter, sort) go to the dashboard.
func (m model) dashboardKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	if m.dash.filtering {
		m.dash, cmd = m.dash.Update(msg)
		return m, cmd
	}
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Help):
		m.showHelp = true
		return m, nil
	case key.Matches(msg, k.Add):
		return m.openAppForm(nil)
	case key.Matches(msg, k.Undo):
		return m.undoLast()
	}
	if e, ok := m.dash.Selected(); ok {
		switch {
		case key.Matches(msg, k.Open):
			return m.openDetail(e)
		case key.Matches(msg, k.Draft):
			return m.openDraft(e.App, e.Next)
		}
		if next, cmd, ok := m.appKey(msg, e.App, e.Next); ok {
			return next, cmd
		}
	}
	m.dash, cmd = m.dash.Update(msg)
	return m, cmd
}

// appKey handles the keys that act on one application, the same from the
// dashboard and the detail view; ok is false when msg is none of them.
func (m model) appKey(msg tea.KeyMsg, app timeline.Application, next *timeline.Action) (tea.Model, tea.Cmd, bool) {
	var out tea.Model
	var cmd tea.Cmd
	switch k := m.keys; {
	case key.Matches(msg, k.Edit):
		out, cmd = m.openAppForm(&app)
	case key.Matches(msg, k.Log):
		out, cmd = m.openEventForm(app)
	case key.Matches(msg, k.Archive):
		out, cmd = m.askArchive(app)
	case key.Matches(msg, k.Delete):
		out, cmd = m.askDelete(app)
	case key.Matches(msg, k.Chased):
		out, cmd = m.markChased(app, next)
	case key.Matches(msg, k.Snooze):
		out, cmd = m.openSnooze(app)
	default:
		return m, nil, false
	}
	return out, cmd, true
}

// detailKey handles the detail view's keys that leave it or write.
func (m model) detailKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Back, k.Quit):
		m.pop()
		return m, nil
	case key.Matches(msg, k.Help):
		m.showHelp = true
		return m, nil
	case key.Matches(msg, k.Undo):
		return m.undoLast()
	}
	if m.detail.loaded {
		app := m.detail.d.App
		switch {
		case key.Matches(msg, k.RemoveEvent):
			if ev, ok := m.detail.SelectedEvent(); ok {
				return m.ask(fmt.Sprintf("Remove %s from %s? Use this to correct a mistake; the stage is worked out again.", eventName(ev), Sanitize(app.Company)),
					confirmAction{kind: confirmRemoveEvent, appID: app.ID, eventID: ev.ID, company: app.Company})
			}
		case key.Matches(msg, k.Draft):
			if m.detail.d.Next == nil {
				return m.openDraft(app, nil)
			}
			return m.showDraft(m.detail.d)
		}
		if next, cmd, ok := m.appKey(msg, app, m.detail.d.Next); ok {
			return next, cmd
		}
	}
	var cmd tea.Cmd
	m.detail, cmd = m.detail.Update(msg)
	return m, cmd
}

// draftKey handles the draft pane's keys: copy, mail, back.
func (m model) draftKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Back, k.Quit):
		m.pop()
		return m, nil
	case key.Matches(msg, k.Help):
		m.showHelp = true
		return m, nil
	case key.Matches(msg, k.Copy):
		return m, copyCmd(m.clipboard, m.draft.body, m.getenv)
	case key.Matches(msg, k.Mail):
		if m.draft.email == "" {
			m.setStatus("The contact is not an email address: copy the message with y instead.", true)
			return m, nil
		}
		return m, mailerCmd(MailtoURL(m.draft.email, m.draft.subject, m.draft.body), m.lookPath)
	}
	var cmd tea.Cmd
	m.draft, cmd = m.draft.Update(msg)
	return m, cmd
}

// openDetail opens an application's detail; its derivation is read in a Cmd.
func (m model) openDetail(e timeline.Entry) (tea.Model, tea.Cmd) {
	m.detail = newDetail(m.styles, m.keys, e, m.today, m.settings)
	m.push(scrDetail)
	return m, deriveCmd(m.st, e.App.ID, forDetail)
}

// openAppForm opens the add form (app nil) or the edit form.
func (m model) openAppForm(app *timeline.Application) (tea.Model, tea.Cmd) {
	m.appForm = newAppForm(m.styles, m.keys, m.today, app)
	m.push(scrAppForm)
	return m, nil
}

// openEventForm opens the event form for app.
func (m model) openEventForm(app timeline.Application) (tea.Model, tea.Cmd) {
	m.eventForm = newEventForm(m.styles, m.keys, m.today, app)
	m.push(scrEventForm)
	return m, nil
}

// openSnooze asks how long to snooze app.
func (m model) openSnooze(app timeline.Application) (tea.Model, tea.Cmd) {
	m.snooze = newSnoozeForm(m.styles, m.keys, m.today, app)
	m.push(scrSnooze)
	return m, nil
}

// ask opens a confirmation.
func (m model) ask(question string, a confirmAction) (tea.Model, tea.Cmd) {
	m.confirm = newConfirm(m.styles, m.keys, question, a)
	m.push(scrConfirm)
	return m, nil
}

// askArchive confirms archiving (or restoring) app.
func (m model) askArchive(app timeline.Application) (tea.Model, tea.Cmd) {
	name := Sanitize(app.Company)
	q := fmt.Sprintf("Archive %s? It leaves the lists and is never chased; it stays in the Closed tab, where A restores it.", name)
	if app.Archived {
		q = fmt.Sprintf("Restore %s from the archive?", name)
	}
	return m.ask(q, confirmAction{kind: confirmArchive, appID: app.ID, company: app.Company, archived: !app.Archived})
}

// askDelete confirms deleting app with all its events.
func (m model) askDelete(app timeline.Application) (tea.Model, tea.Cmd) {
	return m.ask(fmt.Sprintf("Delete %s and all its events? This cannot be undone (A archives instead).", Sanitize(app.Company)),
		confirmAction{kind: confirmDelete, appID: app.ID, company: app.Company})
}

// markChased logs a follow-up today: the action re-arms and leaves Overdue.
func (m model) markChased(app timeline.Application, next *timeline.Action) (tea.Model, tea.Cmd) {
	name := Sanitize(app.Company)
	switch {
	case next == nil:
		m.setStatus(fmt.Sprintf("Nothing to chase at %s.", name), false)
		return m, nil
	case next.Kind == timeline.ActOffer:
		m.setStatus("An offer is answered, not chased: log negotiate, accepted or declined with l (m drafts a question).", false)
		return m, nil
	case next.Kind == timeline.ActReapply:
		m.setStatus("Nothing to chase after a rejection: log an interview when you reapply, or snooze with z.", false)
		return m, nil
	}
	e := timeline.Event{Type: timeline.EventFollowup, Date: m.today}
	return m, logEventCmd(m.st, app.ID, app.Company, e, true)
}

// openDraft derives the application (in a Cmd) to draft its message.
func (m model) openDraft(app timeline.Application, next *timeline.Action) (tea.Model, tea.Cmd) {
	if next == nil {
		m.setStatus(fmt.Sprintf("%s has no next action: nothing to draft.", Sanitize(app.Company)), false)
		return m, nil
	}
	return m, deriveCmd(m.st, app.ID, forDraft)
}

// showDraft opens the draft pane for a derivation.
func (m model) showDraft(d timeline.Derived) (tea.Model, tea.Cmd) {
	m.draft = newDraftPane(m.styles, m.keys, d, m.today)
	m.push(scrDraft)
	return m, nil
}

// undoLast takes back the latest chase action by removing its event.
func (m model) undoLast() (tea.Model, tea.Cmd) {
	if len(m.undo) == 0 {
		m.setStatus("Nothing to undo (u takes back c chased and z snooze).", false)
		return m, nil
	}
	u := m.undo[len(m.undo)-1]
	m.undo = m.undo[:len(m.undo)-1]
	return m, deleteEventCmd(m.st, u.eventID, u.what)
}
