package tui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
)

// KeyMap is every key binding of the TUI. Screens match keys with
// key.Matches against it, and the help bar is built from it, so a key and its
// help text are defined once.
type KeyMap struct {
	// Moving around lists, the history and the draft.
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	// The dashboard's tabs, filter and sort.
	NextTab, PrevTab, Filter, Sort key.Binding
	// Opening and leaving screens.
	Open, Back key.Binding
	// Writes about the selected application.
	Add, Edit, Log, Archive, Delete, RemoveEvent key.Binding
	// Chasing: mark chased, snooze, undo those, draft a message.
	Chased, Snooze, Undo, Draft key.Binding
	// The draft pane.
	Copy, Mail key.Binding
	// The event type list: a letter jumps to the next type starting with it.
	Jump key.Binding
	// Confirmations.
	Yes, No key.Binding
	// Forms: fields are text, so only non-printing keys move between them.
	NextField, PrevField, Enter, Save key.Binding
	// Help and quitting.
	Help, Quit, ForceQuit key.Binding
}

// DefaultKeyMap returns afterview's key bindings.
func DefaultKeyMap() KeyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		Up:       b("↑/k", "up", "up", "k"),
		Down:     b("↓/j", "down", "down", "j"),
		PageUp:   b("pgup", "page up", "pgup", "ctrl+u"),
		PageDown: b("pgdn", "page down", "pgdown", "ctrl+d"),
		Top:      b("g/home", "first", "home", "g"),
		Bottom:   b("G/end", "last", "end", "G"),

		NextTab: b("tab/→", "next tab", "tab", "right"),
		PrevTab: b("⇧tab/←", "prev tab", "shift+tab", "left"),
		Filter:  b("/", "filter", "/"),
		Sort:    b("s", "sort", "s"),

		Open: b("enter", "open", "enter"),
		Back: b("esc", "back", "esc"),

		Add:         b("a", "add", "a"),
		Edit:        b("e", "edit", "e"),
		Log:         b("l", "log", "l"),
		Archive:     b("A", "archive", "A"),
		Delete:      b("D", "delete", "D"),
		RemoveEvent: b("x", "remove event", "x", "delete"),

		Chased: b("c", "chased", "c"),
		Snooze: b("z", "snooze", "z"),
		Undo:   b("u", "undo", "u"),
		Draft:  b("m", "draft", "m"),

		Copy: b("y", "copy", "y"),
		Mail: b("o", "open in mail", "o"),

		Jump: b("a–z", "jump to type", letters()...),

		Yes: b("y", "yes", "y"),
		No:  b("n/esc", "no", "n", "esc"),

		NextField: b("tab/↓", "next field", "tab", "down"),
		PrevField: b("⇧tab/↑", "prev field", "shift+tab", "up"),
		Enter:     b("enter", "next/save", "enter"),
		Save:      b("ctrl+s", "save", "ctrl+s"),

		Help:      b("?", "help", "?"),
		Quit:      b("q", "quit", "q"),
		ForceQuit: b("ctrl+c", "quit", "ctrl+c"),
	}
}

// ShortHelp is the dashboard's help bar (the top level); see help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding {
	return k.helpFor(scrDashboard).ShortHelp()
}

// FullHelp is the dashboard's full help; see help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return k.helpFor(scrDashboard).FullHelp()
}

// keyHelp is the help of one screen: a help.KeyMap made of some of KeyMap's
// bindings, so that the bar only lists keys that work where the user is.
type keyHelp struct {
	short []key.Binding
	full  [][]key.Binding
}

// ShortHelp implements help.KeyMap.
func (h keyHelp) ShortHelp() []key.Binding { return h.short }

// FullHelp implements help.KeyMap.
func (h keyHelp) FullHelp() [][]key.Binding { return h.full }

var _ help.KeyMap = keyHelp{}

// helpFor returns the keys that act on a screen.
func (k KeyMap) helpFor(s screen) keyHelp {
	nav := []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}
	more := k.Help
	more.SetHelp("?", "more")
	// The full help has room for longer descriptions.
	draft, log := k.Draft, k.Log
	draft.SetHelp("m", "draft a message")
	log.SetHelp("l", "log an event")
	quit := []key.Binding{k.Help, k.Quit, k.ForceQuit}
	switch s {
	case scrDetail:
		back := k.Back
		back.SetHelp("esc/q", "back")
		return keyHelp{
			short: []key.Binding{back, k.Log, k.Edit, k.RemoveEvent, k.Draft, k.Chased, k.Snooze, k.Help},
			full: [][]key.Binding{nav,
				{k.Edit, log, k.RemoveEvent, k.Archive, k.Delete},
				{k.Chased, k.Snooze, k.Undo, draft},
				{back, k.Help, k.ForceQuit}},
		}
	case scrDraft:
		back := k.Back
		back.SetHelp("esc/q", "back")
		return keyHelp{
			short: []key.Binding{k.Copy, k.Mail, k.Up, k.Down, back},
			full:  [][]key.Binding{{k.Copy, k.Mail}, {k.Up, k.Down, k.PageUp, k.PageDown}, {back, k.Help, k.ForceQuit}},
		}
	case scrAppForm, scrEventFields, scrSnooze:
		cancel := k.Back
		cancel.SetHelp("esc", "cancel")
		if s == scrEventFields {
			cancel.SetHelp("esc", "back to types")
		}
		short := []key.Binding{k.Save, cancel, k.NextField, k.PrevField, k.Enter}
		return keyHelp{short: short, full: [][]key.Binding{short}}
	case scrEventTypes:
		choose, cancel := k.Open, k.Back
		choose.SetHelp("enter", "choose")
		cancel.SetHelp("esc", "cancel")
		short := []key.Binding{choose, cancel, k.Jump, k.Up, k.Down}
		return keyHelp{short: short, full: [][]key.Binding{short}}
	case scrConfirm:
		short := []key.Binding{k.Yes, k.No}
		return keyHelp{short: short, full: [][]key.Binding{short}}
	case scrFilter:
		done, clear, move := k.Open, k.Back, k.Up
		done.SetHelp("enter", "keep filter")
		clear.SetHelp("esc", "clear filter")
		move.SetHelp("↑/↓", "move") // letters are text while the filter is typed
		short := []key.Binding{done, clear, move}
		return keyHelp{short: short, full: [][]key.Binding{short}}
	}
	return keyHelp{
		short: []key.Binding{k.Open, more, k.NextTab, k.Add, k.Log, k.Chased, k.Snooze, k.Draft, k.Filter, k.Sort, k.Quit},
		full: [][]key.Binding{nav,
			{k.NextTab, k.PrevTab, k.Filter, k.Sort, k.Open},
			{k.Add, k.Edit, log, k.Archive, k.Delete},
			{k.Chased, k.Snooze, k.Undo, draft},
			quit},
	}
}

// letters returns the lowercase letters but j and k (which move the cursor).
func letters() []string {
	var ls []string
	for c := 'a'; c <= 'z'; c++ {
		if c != 'j' && c != 'k' {
			ls = append(ls, string(c))
		}
	}
	return ls
}
