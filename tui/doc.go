// Package tui is how afterview looks: the interactive terminal UI (Run) and
// the plain-text reports the command line prints (Report), so one package
// decides colours, labels and layout.
//
// The interactive UI is a Bubble Tea program. The root model (model.go) only
// routes: it keeps a stack of screens and sends each key to the one on top,
// so a form or a confirmation gets every key while it is open (letters typed
// into a field are text, never navigation). Each screen lives in its own
// file: the dashboard (dashboard*.go: tabs Chase, Active, Offers, Closed; a
// table drawing only its visible rows, the Chase tab under the chase
// report's section headings), the detail view (detail.go, with the
// drawn timeline in timelinebar.go), the application and event forms
// (appform.go, eventform.go on form.go), the snooze prompt (snooze.go),
// confirmations (confirm.go) and the follow-up draft (draftpane.go, written
// by the pure Draft in draft.go). Keys are in keys.go, styles in styles.go.
//
// Every store call runs in a tea.Cmd (commands.go) and comes back as a typed
// message (messages.go), handled in results.go; a write re-reads only the row
// it touched, and the dashboard follows that application to the tab that
// holds it now. A poll every second reloads when another process changed the
// database (Store.DataVersion) or the date rolled over; a reload keeps the
// tab, and the cursor on the same application while the tab still holds it.
// Text from the database passes through Sanitize before it reaches the
// terminal.
package tui
