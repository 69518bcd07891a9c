package tui

import (
	"os/exec"

	"github.com/afterview/afterview/store"
	"github.com/afterview/afterview/timeline"
)

// Messages: every store call runs in a tea.Cmd (commands.go) and comes back
// as one of these; screens that finish (forms, confirmations) say so with one
// too. Each says who sends it and who handles it.

// loadedMsg is a full reload: every entry, archived ones included, with the
// settings and the data version read just before. Sent by loadCmd (on start,
// when the poll sees a change or a new day); handled by model.onLoaded, which
// ignores a load older than one already shown (seq). A reload never switches
// tabs: the change was not the user's doing here.
type loadedMsg struct {
	seq      int
	entries  []timeline.Entry
	settings timeline.Settings
	version  int64
	err      error
}

// entryMsg is one application's fresh entry after the user's write to it,
// so a save does not re-read all applications. Sent by entryCmd; handled by
// model.onEntry, which patches the dashboard (or drops the row when gone)
// and moves the dashboard to the tab that holds it now, the cursor on it.
type entryMsg struct {
	id    int64
	entry timeline.Entry
	gone  bool // the application no longer exists
	added bool // it was just added: clear a filter that would hide it
	err   error
}

// pollMsg is the once-a-second check for changes made by another process and
// for a new day. Sent by pollCmd; handled by model.onPoll, which reloads on a
// change and always schedules the next poll.
type pollMsg struct {
	version int64
	today   timeline.Date
	err     error
}

// derivePurpose says what a derivation was asked for.
type derivePurpose int

const (
	forDetail derivePurpose = iota // to show or refresh the detail view
	forDraft                       // to open the follow-up draft pane
)

// derivedMsg is one application's full derivation. Sent by deriveCmd;
// handled by model.onDerived: it fills the detail view or opens the draft.
type derivedMsg struct {
	id      int64
	purpose derivePurpose
	d       timeline.Derived
	err     error
}

// statusMsg puts a line in the status bar. Sent by screens that have
// something to say (e.g. the dashboard when s is pressed on the Chase tab);
// handled by model.Update.
type statusMsg struct {
	text string
	err  bool
}

// closeMsg asks the root to close the screen on top (a form or confirmation
// cancelled with esc). Sent by appForm, eventForm, snoozeForm and confirm;
// handled by model.Update, which pops the screen stack.
type closeMsg struct{}

// submitAppMsg is a valid application form. Sent by appForm on save; handled
// by model.onSubmitApp, which writes it (add when id is 0, else only the
// changed fields).
type submitAppMsg struct {
	id      int64
	app     timeline.Application // add: the new application
	first   []timeline.Event     // add: its first events (an interview)
	changes store.AppChanges     // edit: only what the user changed
}

// submitEventMsg is a valid event to log. Sent by eventForm and snoozeForm;
// handled by model.onSubmitEvent, which logs it.
type submitEventMsg struct {
	appID   int64
	company string
	event   timeline.Event
	undo    bool // a chase action: u can take it back
}

// confirmedMsg is a confirmation answered yes. Sent by confirm; handled by
// model.onConfirmed, which runs the action.
type confirmedMsg struct{ action confirmAction }

// appAddedMsg: an application was added. Sent by addAppCmd; handled by
// model.onWritten (closes the form, selects the new row).
type appAddedMsg struct {
	id      int64
	company string
}

// appUpdatedMsg: an application's fields were changed. Sent by updateAppCmd;
// handled by model.onWritten.
type appUpdatedMsg struct {
	id      int64
	company string
}

// archivedMsg: an application was archived or restored. Sent by archiveCmd;
// handled by model.onWritten.
type archivedMsg struct {
	id       int64
	company  string
	archived bool
}

// appDeletedMsg: an application and its events were deleted. Sent by
// deleteAppCmd; handled by model.onWritten.
type appDeletedMsg struct {
	id      int64
	company string
}

// eventLoggedMsg: an event was logged. Sent by logEventCmd; handled by
// model.onWritten (closes the form; a chase action becomes undoable).
type eventLoggedMsg struct {
	appID   int64
	eventID int64
	company string
	event   timeline.Event
	undo    bool
}

// eventRemovedMsg: an event was removed (by x in the detail view, or by u).
// Sent by deleteEventCmd; handled by model.onWritten.
type eventRemovedMsg struct {
	appID int64
	event timeline.Event
	undo  string // what u undid ("chased Acme"); "" for x
}

// writeFailedMsg: a write failed. Sent by every write command; handled by
// model.onWriteFailed: the form that asked stays open with its values and
// shows the error, which also goes to the status line.
type writeFailedMsg struct {
	what string // "save the application", "log the event" …
	err  error
}

// copiedMsg: the draft was sent to the clipboard (OSC 52), or could not be.
// Sent by copyCmd; handled by model.Update (status line).
type copiedMsg struct{ err error }

// mailerMsg: the command that opens a mailto: link, or the opener that is
// missing. Sent by mailerCmd; handled by model.onMailer, which runs it with
// tea.ExecProcess.
type mailerMsg struct {
	cmd     *exec.Cmd
	missing string // the program that was not found
}

// mailDoneMsg: the mail opener finished. Sent by tea.ExecProcess's callback;
// handled by model.Update (status line).
type mailDoneMsg struct{ err error }
