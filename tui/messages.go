package tui

import (
	"os/exec"

	"github.com/afterview/afterview/timeline"
)

// Messages: every store call runs in a tea.Cmd (commands.go) and comes back
// as one of these. The root gives each to the session first (session.go),
// then to every screen on the stack. Each says who sends it and who handles
// it. The intents screens send the root are in screen.go.

// loadedMsg is a full load: every application that is not archived, with
// the settings and the data version read just before, each one's latest
// followup or heard (the expedite items are worked out from them) and the
// number of archived applications. Sent by loadCmd (on start, when the poll
// sees a change or a new day); handled by session.update, which drops a load
// older than one already shown (seq), then by the dashboard (its rows; it
// asks for the archived ones when a tab shows them) and the detail (which
// derives again). A reload never switches tabs: the change was not the
// user's doing here.
type loadedMsg struct {
	seq         int
	entries     []timeline.Entry
	lastContact map[int64]timeline.Date // by application; absent: none
	archived    int                     // archived applications, not among entries
	settings    timeline.Settings
	version     int64
	err         error
}

// archivedReadMsg is every archived application, read when the Closed tab
// first shows them. Sent by archivedCmd; handled by the dashboard, which
// adds them to its entries unless a full load came since it asked (gen).
type archivedReadMsg struct {
	gen     int
	entries []timeline.Entry
	err     error
}

// entryMsg is one application's fresh entry after the user's write to it,
// so a save does not re-read all applications. Sent by entryCmd; handled by
// the dashboard, which patches its rows (or drops the row when gone) and
// moves to the tab that holds it now, the cursor on it, and by the detail
// showing it, which derives again.
type entryMsg struct {
	id    int64
	entry timeline.Entry
	gone  bool // the application no longer exists
	added bool // it was just added: clear a filter that would hide it
	// lastContact is its latest followup or heard (zero: none), which
	// decides its expedite item.
	lastContact timeline.Date
	err         error
}

// pollMsg is the once-a-second check for changes made by another process and
// for a new day. Sent by pollCmd; handled by session.update, which reloads
// on a change and always schedules the next poll.
type pollMsg struct {
	version int64
	today   timeline.Date
	err     error
}

// derivedMsg is one application's full derivation. Sent by deriveCmd;
// handled by the detail view showing that application.
type derivedMsg struct {
	id  int64
	d   timeline.Derived
	err error
}

// appAddedMsg: an application was added. Sent by addAppCmd; handled by
// session.update (status line, re-read; the dashboard then selects the new
// row) and the form that asked (it closes).
type appAddedMsg struct {
	id      int64
	company string
}

// duplicateMsg: an add was refused because the application is already
// here as id. Sent by addAppCmd; handled by the add form, which says so and
// adds it anyway on a second save.
type duplicateMsg struct{ id int64 }

// appUpdatedMsg: an application's fields were changed. Sent by updateAppCmd;
// handled by session.update and the form that asked.
type appUpdatedMsg struct {
	id      int64
	company string
}

// archivedMsg: an application was archived or restored. Sent by archiveCmd;
// handled by session.update.
type archivedMsg struct {
	id       int64
	company  string
	archived bool
}

// appDeletedMsg: an application and its events were deleted. Sent by
// deleteAppCmd; handled by session.update, the dashboard (drops the row) and
// the detail showing it (closes).
type appDeletedMsg struct {
	id      int64
	company string
}

// eventLoggedMsg: an event was logged. Sent by logEventCmd; handled by
// session.update (a chase action becomes undoable) and the form that asked.
type eventLoggedMsg struct {
	appID   int64
	eventID int64
	company string
	event   timeline.Event
	undo    bool
}

// eventRemovedMsg: an event was removed (by x in the detail view, or by u).
// Sent by deleteEventCmd; handled by session.update.
type eventRemovedMsg struct {
	appID int64
	event timeline.Event
	undo  string // what u undid ("chased Acme"); "" for x
}

// writeFailedMsg: a write failed. Sent by every write command; handled by
// session.update (status line) and the form that asked, which stays open
// with its values and shows the error.
type writeFailedMsg struct {
	what string // "save the application", "log the event" …
	err  error
}

// copiedMsg: the draft was sent to the clipboard (OSC 52), or could not be.
// Sent by copyCmd; handled by the draft pane (status line).
type copiedMsg struct{ err error }

// mailerMsg: the command that opens a mailto: link, or the opener that is
// missing. Sent by mailerCmd; handled by the draft pane, which runs it with
// tea.ExecProcess.
type mailerMsg struct {
	cmd     *exec.Cmd
	missing string // the program that was not found
}

// mailDoneMsg: the mail opener finished. Sent by tea.ExecProcess's callback;
// handled by the draft pane (status line).
type mailDoneMsg struct{ err error }

// insightsMsg: the figures of the Insights screen, worked out from every
// history. Sent by insightsCmd; handled by the Insights screen.
type insightsMsg struct {
	in  timeline.Insights
	err error
}

// settingsSavedMsg: settings were changed (the learned reply window). Sent
// by setSettingsCmd; handled by session.update, which reloads everything
// (every due date follows the windows) and says what changed.
type settingsSavedMsg struct{ text string }

// offersMsg: the offers compared side by side, grouped by currency. Sent by
// offersCmd; handled by the compare view.
type offersMsg struct {
	groups []timeline.OfferGroup
	err    error
}
