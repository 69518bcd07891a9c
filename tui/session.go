package tui

import (
	"fmt"
	"time"

	"github.com/afterview/afterview/timeline"
	tea "github.com/charmbracelet/bubbletea"
)

// session keeps the TUI in step with the database: the loads and the poll
// (another process's change, a new day), what each write says in the status
// line and re-reads, and the undo stack of chase actions. The root gives it
// every message that is neither input nor an intent, before the screens:
// it may drop one (a load older than the one shown) or let it pass on.
type session struct {
	c          *common
	fixedToday bool
	nowToday   func() timeline.Date
	pollEvery  time.Duration // 0: no poll (tests)

	version  int64 // the data version of the last load
	loadSeq  int   // the latest load asked for
	shownSeq int   // the latest load shown
	loaded   bool
	undo     []undoItem // chase actions u can take back, latest last
}

// undoItem is a chase action (chased, snoozed) that u takes back by removing
// the event it logged.
type undoItem struct {
	eventID int64
	appID   int64
	what    string // "chased Acme", "snoozed Acme"
}

// newSession returns a session that has loaded nothing yet.
func newSession(c *common, opts Options) session {
	return session{c: c, fixedToday: opts.FixedToday, nowToday: opts.Today, pollEvery: time.Second, loadSeq: firstLoadSeq}
}

// firstLoadSeq numbers the first load (see loadedMsg.seq).
const firstLoadSeq = 1

// Init asks for the first load (or waits for the one already under way)
// and starts the poll.
func (s session) Init() tea.Cmd {
	load := loadCmd(s.c.store, s.loadSeq)
	if ch := s.c.firstLoad; ch != nil {
		load = func() tea.Msg { return <-ch }
	}
	return tea.Batch(load, s.poll())
}

// poll schedules the next check for changes and a new day.
func (s session) poll() tea.Cmd {
	var fixed timeline.Date
	if s.fixedToday {
		fixed = s.c.today
	}
	return pollCmd(s.c.store, s.pollEvery, s.nowToday, fixed)
}

// update takes a message before the screens do. pass is what the screens
// get (nil: nothing), note a line for the status bar.
func (s *session) update(msg tea.Msg) (pass tea.Msg, cmd tea.Cmd, note *statusMsg) {
	say := func(text string, isErr bool) *statusMsg { return &statusMsg{text: text, err: isErr} }
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.seq < s.shownSeq {
			return nil, nil, nil
		}
		s.shownSeq = msg.seq
		var after tea.Cmd
		if f := s.c.loaded; f != nil {
			s.c.loaded = nil
			after = func() tea.Msg { f(); return nil }
		}
		if msg.err != nil {
			return msg, after, say("Could not read the database: "+msg.err.Error(), true)
		}
		s.c.settings, s.version, s.loaded = msg.settings, msg.version, true
		return msg, after, nil
	case pollMsg:
		next := s.poll()
		if msg.err != nil || (msg.version == s.version && msg.today == s.c.today) || !s.loaded {
			return nil, next, nil
		}
		s.c.today = msg.today
		s.loadSeq++
		return nil, tea.Batch(next, loadCmd(s.c.store, s.loadSeq)), nil
	case undoMsg:
		if len(s.undo) == 0 {
			return nil, nil, say("Nothing to undo (u takes back c chased and z snooze).", false)
		}
		u := s.undo[len(s.undo)-1]
		s.undo = s.undo[:len(s.undo)-1]
		return nil, deleteEventCmd(s.c.store, u.eventID, u.what), nil
	case writeFailedMsg:
		return msg, nil, say("Could not "+msg.what+": "+msg.err.Error(), true)
	case appAddedMsg:
		return msg, entryCmd(s.c.store, msg.id, true), say("Added "+msg.company+". Press l to log what happens next.", false)
	case appUpdatedMsg:
		return msg, entryCmd(s.c.store, msg.id, false), say("Saved "+msg.company+".", false)
	case archivedMsg:
		what := "Archived %s: it is in the Closed tab (A there restores it)."
		if !msg.archived {
			what = "Restored %s from the archive."
		}
		return msg, entryCmd(s.c.store, msg.id, false), say(fmt.Sprintf(what, msg.company), false)
	case appDeletedMsg:
		return msg, nil, say("Deleted "+msg.company+".", false)
	case settingsSavedMsg:
		s.loadSeq++
		return msg, loadCmd(s.c.store, s.loadSeq), say(msg.text, false)
	case eventLoggedMsg:
		return msg, entryCmd(s.c.store, msg.appID, false), say(s.logged(msg), false)
	case eventRemovedMsg:
		text := "Removed " + eventName(msg.event) + "."
		if msg.undo != "" {
			// The application is back where it was; the dashboard follows
			// it there.
			text = fmt.Sprintf("Undone: %s (removed the %s logged on %s).", msg.undo, msg.event.Type, msg.event.Date.Format(timeline.LayoutDay))
		}
		return msg, entryCmd(s.c.store, msg.appID, false), say(text, false)
	}
	return msg, nil, nil
}

// logged says what a logged event was, and keeps a chase action for u.
func (s *session) logged(msg eventLoggedMsg) string {
	switch {
	case msg.undo && msg.event.Type == timeline.EventFollowup:
		s.undo = append(s.undo, undoItem{msg.eventID, msg.appID, "chased " + msg.company})
		return fmt.Sprintf("Marked %s chased: logged a follow-up today. u undoes.", msg.company)
	case msg.undo:
		s.undo = append(s.undo, undoItem{msg.eventID, msg.appID, "snoozed " + msg.company})
		return fmt.Sprintf("Snoozed %s until %s. u undoes.", msg.company, msg.event.Until.Format(timeline.LayoutDay))
	}
	return fmt.Sprintf("Logged %s for %s.", msg.event.Type, msg.company)
}
