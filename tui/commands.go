package tui

import (
	"cmp"
	"errors"
	"io"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/afterview/afterview/store"
	"github.com/afterview/afterview/timeline"
	"github.com/aymanbagabas/go-osc52/v2"
	tea "github.com/charmbracelet/bubbletea"
)

// Commands: the only places the TUI calls the store, the clipboard or another
// program. Each returns one typed message (messages.go).

// loadCmd reads what the dashboard shows first: every application that is
// not archived, the latest followup or heard of each (for the expedite
// items) and the number of archived ones (for the Closed tab; their rows are
// read when a tab shows them, by archivedCmd). The data version is read
// first, so a change committed during the reads is seen by the next poll.
// The reads do not depend on each other, so they run at once, each on a
// connection of its own, the applications in as many parts as there are
// processors.
func loadCmd(db Store, seq int) tea.Cmd {
	return func() tea.Msg {
		msg := loadedMsg{seq: seq}
		if msg.version, msg.err = db.DataVersion(); msg.err != nil {
			return msg
		}
		if msg.settings, msg.err = db.Settings(); msg.err != nil {
			return msg
		}
		bounds, err := db.Parts(min(runtime.NumCPU(), 8))
		if err != nil {
			msg.err = err
			return msg
		}
		lo, end := bounds[0], bounds[len(bounds)-1]
		// One array with room for every id, each part written in place in
		// its own range of it, then moved together: no part is copied
		// twice, and none grows.
		room := make([]timeline.Entry, 0, int(min(max(end-lo, 0), maxRoom)))
		parts := make([][]timeline.Entry, len(bounds)-1)
		for k := range parts {
			from, to := int(bounds[k]-lo), int(bounds[k+1]-lo)
			if to <= cap(room) {
				parts[k] = room[from:from:to]
			}
		}
		errs := make([]error, len(parts)+2)
		var wg sync.WaitGroup
		run := func(f func()) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				f()
			}()
		}
		run(func() { msg.lastContact, errs[0] = db.LastContacts(nil) })
		run(func() { msg.archived, errs[1] = db.ArchivedCount() })
		for k := range parts {
			run(func() { parts[k], errs[k+2] = db.EntriesIn(bounds[k], bounds[k+1], parts[k]) })
		}
		wg.Wait()
		if msg.err = cmp.Or(errs...); msg.err != nil {
			return msg
		}
		n := 0
		for _, p := range parts {
			n += len(p)
		}
		if n > cap(room) {
			msg.entries = slices.Concat(parts...)
			return msg
		}
		room = room[:n]
		at := 0
		for _, p := range parts {
			at += copy(room[at:], p) // leftwards within room: copy moves as memmove does
		}
		msg.entries = room
		return msg
	}
}

// maxRoom bounds the array loadCmd makes at once for ids far apart (the
// entries then go where they fit).
const maxRoom = 1 << 20

// archivedCmd reads the archived applications, for the Closed tab; gen is
// the dashboard's count of full loads when it asked.
func archivedCmd(db Store, gen int) tea.Cmd {
	return func() tea.Msg {
		es, err := db.ArchivedEntries()
		return archivedReadMsg{gen: gen, entries: es, err: err}
	}
}

// entryCmd re-reads one application after the user's write to it (added
// says the write added it): its entry and its latest followup or heard, one
// row each, never every application.
func entryCmd(db Store, id int64, added bool) tea.Cmd {
	return func() tea.Msg {
		e, err := db.Entry(id)
		if errors.Is(err, store.ErrNotFound) {
			return entryMsg{id: id, gone: true}
		}
		if err != nil {
			return entryMsg{id: id, err: err}
		}
		last, err := db.LastContact(id)
		return entryMsg{id: id, entry: e, added: added, lastContact: last, err: err}
	}
}

// deriveCmd derives one application in full for the detail view.
func deriveCmd(db Store, id int64) tea.Cmd {
	return func() tea.Msg {
		d, err := db.Derive(id)
		return derivedMsg{id: id, d: d, err: err}
	}
}

// pollCmd waits every, then reads the data version and, unless the date is
// fixed, today's date.
func pollCmd(db Store, every time.Duration, today func() timeline.Date, fixed timeline.Date) tea.Cmd {
	if every <= 0 {
		return nil
	}
	return tea.Tick(every, func(time.Time) tea.Msg {
		msg := pollMsg{today: fixed}
		if fixed.IsZero() {
			msg.today = today()
		}
		msg.version, msg.err = db.DataVersion()
		return msg
	})
}

// addAppCmd adds an application with its first events, unless it repeats
// one already here (the command line's rule, as add without --duplicate);
// anyway adds it all the same.
func addAppCmd(db Store, app timeline.Application, first []timeline.Event, anyway bool) tea.Cmd {
	return func() tea.Msg {
		if !anyway {
			same, err := db.SameAs(app, first)
			if err != nil {
				return writeFailedMsg{"add the application", err}
			}
			if same != 0 {
				return duplicateMsg{id: same}
			}
		}
		id, err := db.AddApplication(app, first...)
		if err != nil {
			return writeFailedMsg{"add the application", err}
		}
		return appAddedMsg{id: id, company: app.Company}
	}
}

// updateAppCmd writes only the changed fields of an application.
func updateAppCmd(db Store, id int64, company string, ch store.AppChanges) tea.Cmd {
	return func() tea.Msg {
		if err := db.UpdateApplication(id, ch); err != nil {
			return writeFailedMsg{"save the application", err}
		}
		return appUpdatedMsg{id: id, company: company}
	}
}

// archiveCmd archives or restores an application.
func archiveCmd(db Store, id int64, company string, archived bool) tea.Cmd {
	return func() tea.Msg {
		if err := db.SetArchived(id, archived); err != nil {
			return writeFailedMsg{"archive the application", err}
		}
		return archivedMsg{id: id, company: company, archived: archived}
	}
}

// deleteAppCmd deletes an application and its events.
func deleteAppCmd(db Store, id int64, company string) tea.Cmd {
	return func() tea.Msg {
		if err := db.DeleteApplication(id); err != nil {
			return writeFailedMsg{"delete the application", err}
		}
		return appDeletedMsg{id: id, company: company}
	}
}

// logEventCmd logs an event; undo marks a chase action that u can take back.
func logEventCmd(db Store, appID int64, company string, e timeline.Event, undo bool) tea.Cmd {
	return func() tea.Msg {
		id, err := db.LogEvent(appID, e)
		if err != nil {
			return writeFailedMsg{"log the event", err}
		}
		return eventLoggedMsg{appID: appID, eventID: id, company: company, event: e, undo: undo}
	}
}

// deleteEventCmd removes an event (x in the detail view, or u, which says
// what it undoes).
func deleteEventCmd(db Store, eventID int64, undo string) tea.Cmd {
	return func() tea.Msg {
		e, appID, err := db.DeleteEvent(eventID)
		if err != nil {
			what := "remove the event"
			if undo != "" {
				what = "undo " + undo
			}
			return writeFailedMsg{what, err}
		}
		return eventRemovedMsg{appID: appID, event: e, undo: undo}
	}
}

// copyCmd puts text on the system clipboard with an OSC 52 sequence written
// to w (the terminal), which works over SSH. tmux takes the plain sequence
// and passes it on (set-clipboard, on by default as "external"); a copy
// wrapped for passthrough follows for setups that rely on that. GNU screen
// needs the wrapped form.
func copyCmd(w io.Writer, text string, env func(string) string) tea.Cmd {
	return func() tea.Msg {
		if w == nil {
			return copiedMsg{errors.New("no terminal to copy through")}
		}
		seq := osc52.New(text)
		var err error
		switch term := env("TERM"); {
		case env("TMUX") != "":
			if _, err = seq.WriteTo(w); err == nil {
				_, err = seq.Tmux().WriteTo(w)
			}
		case strings.HasPrefix(term, "screen"):
			_, err = seq.Screen().WriteTo(w)
		default:
			_, err = seq.WriteTo(w)
		}
		return copiedMsg{err}
	}
}

// mailerCmd finds the program that opens a URL on this system.
func mailerCmd(url string, lookPath func(string) (string, error)) tea.Cmd {
	return func() tea.Msg {
		name, args := "xdg-open", []string{url}
		switch runtime.GOOS {
		case "darwin":
			name = "open"
		case "windows":
			name, args = "rundll32", []string{"url.dll,FileProtocolHandler", url}
		}
		path, err := lookPath(name)
		if err != nil {
			return mailerMsg{missing: name}
		}
		return mailerMsg{cmd: exec.Command(path, args...)}
	}
}

// insightsCmd reads every application's history and works the insights out
// on today (every company, every answer: `afterview stats`'s figures).
func insightsCmd(db Store, today timeline.Date) tea.Cmd {
	return func() tea.Msg {
		set, err := db.Settings()
		if err != nil {
			return insightsMsg{err: err}
		}
		hist, err := db.Histories()
		if err != nil {
			return insightsMsg{err: err}
		}
		return insightsMsg{in: timeline.ComputeInsights(hist, set, today, 0)}
	}
}

// setSettingsCmd sets settings in order (key, value); the first that fails
// stops the rest.
func setSettingsCmd(db Store, changes [][2]string) tea.Cmd {
	return func() tea.Msg {
		var done []string
		for _, kv := range changes {
			if err := db.SetSetting(kv[0], kv[1]); err != nil {
				return writeFailedMsg{"set " + kv[0], err}
			}
			done = append(done, kv[0]+" "+kv[1])
		}
		return settingsSavedMsg{text: "Set " + strings.Join(done, " and ") + ": every due date follows the new window."}
	}
}

// offersCmd reads the offers to compare (those of `afterview offers`) and
// groups them by currency.
func offersCmd(db Store) tea.Cmd {
	return func() tea.Msg {
		cols, err := db.Offers()
		if err != nil {
			return offersMsg{err: err}
		}
		return offersMsg{groups: timeline.CompareOffers(cols)}
	}
}
