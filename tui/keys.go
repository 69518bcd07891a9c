package tui

import (
	"github.com/charmbracelet/bubbles/key"
)

// keyMap is every key binding of the TUI. Screens match keys with
// key.Matches against it, and each screen's help.KeyMap (the help bar and
// the full help, drawn by bubbles/help) is made of its bindings, so a key
// and its help text are defined once.
type keyMap struct {
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
	// The Insights screen: open it, and use the learned reply window there.
	Insights, Apply key.Binding
	// The offers compared side by side: open the view, move its columns.
	Compare, ColLeft, ColRight key.Binding
}

// defaultKeyMap returns afterview's key bindings.
func defaultKeyMap() keyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return keyMap{
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

		Insights: b("i", "insights", "i"),
		Apply:    b("a", "use learned window", "a"),

		Compare:  b("v", "compare offers", "v"),
		ColLeft:  b("←/h", "earlier offers", "left", "h"),
		ColRight: b("→/l", "later offers", "right", "l"),
	}
}

// Help pieces the screens build their help.KeyMap from: the same
// bindings, some with a description for where they are shown.

// nav is the moving keys, a column of the full help.
func (k keyMap) nav() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}
}

// more is ? in the help bar, which opens the full help.
func (k keyMap) more() key.Binding { return k.long(k.Help, "more") }

// long returns b with another description (the full help has room for
// longer ones; a screen may say what a key does there).
func (k keyMap) long(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}

// back is esc (and q) leaving a screen that has no text field.
func (k keyMap) back() key.Binding {
	b := k.Back
	b.SetHelp("esc/q", "back")
	return b
}

// formHelp is the help of a form; cancel says what esc does there.
func (k keyMap) formHelp(cancel string) []key.Binding {
	return []key.Binding{k.Save, k.long(k.Back, cancel), k.NextField, k.PrevField, k.Enter}
}

// filterHelp is the help while the dashboard's filter is typed.
func (k keyMap) filterHelp() []key.Binding {
	move := k.Up
	move.SetHelp("↑/↓", "move") // letters are text while the filter is typed
	return []key.Binding{k.long(k.Open, "keep filter"), k.long(k.Back, "clear filter"), move}
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
