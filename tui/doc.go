// Package tui is how afterview looks: the interactive terminal UI (Run) and
// the plain-text reports the command line prints (Report), so one package
// decides colours, labels and layout.
//
// # The shape of the interactive UI
//
// The UI is a Bubble Tea program made of screens on a stack. A screen
// (screen.go) is a pointer type with Update (returning itself and a
// command), View, SetSize and its own key help (help.KeyMap, built from the
// one keymap in keys.go). The dashboard (dashboard*.go: tabs Chase,
// Applied, Active, Offers, Closed, counted with the header by CountEntries
// in counts.go, the one definition the command line's summary lines use
// too) is always at the bottom; above it come the detail view (detail.go, with the drawn timeline
// in timelinebar.go), the forms (appform.go, eventform.go, snooze.go, on the
// shared form.go), confirmations (confirm.go), the follow-up draft
// (draftpane.go, written by the pure Draft in draft.go), the Insights
// screen (insights.go) and the offers' compare view (offers_view.go, drawn
// by the table code of `afterview offers` in offers_table.go).
//
// The root model (model.go) only routes. It alone reads the terminal's size
// and hands each screen the body's (SetSize). It sends keys and the mouse to
// the screen on top, so a form gets every key while it is open: letters typed
// into a field are text, never navigation; several letters that arrive in
// one read act as that many keys unless the screen on top is typing. A screen
// asks the root for what it cannot do itself with intent messages: openMsg
// (push a screen), closeMsg (close it), statusMsg, helpMsg, undoMsg. The
// root draws the chrome around the screen on top (chrome.go): the header
// with the counts, the status line and the help bar, fed by bubbles/help from
// the screen's key help.
//
// The keys that act on an application (edit, log, archive, delete, chased,
// snooze, draft, undo) live in one component, appActions (appactions.go),
// which the dashboard and the detail view both call.
//
// # Data
//
// Every store call runs in a tea.Cmd (commands.go) and comes back as a typed
// message (messages.go). The root hands each such message first to the
// session (session.go: loads, the poll, what a write says in the status line
// and re-reads, the undo stack of chase actions), then to every screen on the
// stack, so each keeps itself up to date: the dashboard patches the row a
// write touched and follows that application to the tab that holds it now,
// the detail derives again, a form closes when its write is done or shows why
// it failed. The first load reads the applications that are not archived
// (the archived ones are counted, and read when the Closed tab first shows
// them); a write re-reads its one application, and the dashboard updates
// that row, its chase and expedite items and the counts in place
// (dashboard_data.go, dashboard_expedite.go), so a save costs the same with
// a hundred thousand applications. A poll every second reloads when another process changed the
// database (Store.DataVersion) or the date rolled over; a reload keeps the
// tab, and the cursor on the same application while the tab still holds it.
// Text from the database passes through Sanitize before it reaches the
// terminal.
//
// # Adding a screen
//
//  1. Write one file with a pointer type holding *common (the store,
//     styles, keymap and today it shares with the others), and give it
//     Update(tea.Msg) (screen, tea.Cmd), View, SetSize, ShortHelp and
//     FullHelp; Init() tea.Cmd if it reads something when it opens, and
//     typing() bool if it has a text field.
//  2. Add its keys to keyMap in keys.go if it needs new ones.
//  3. Open it from the screen (or appActions) where its key is pressed:
//     return open(newThing(c, …)). Close it from itself with
//     closeScreen(s); make its writes with the commands of commands.go and
//     react to their result messages in its Update.
//
// The root needs no change: it routes to whatever screen is on top.
package tui
