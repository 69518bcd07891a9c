package tui

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/afterview/afterview/timeline"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

func TestMain(m *testing.M) {
	// Goldens and string checks see plain text: no colour, no attributes.
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
	os.Exit(m.Run())
}

// testModel builds a model on fs at testToday, sized w×h, with the first load
// done and the seams (clipboard, opener, poll) made deterministic.
func testModel(t testing.TB, fs *fakeStore, w, h int) model {
	t.Helper()
	m := newModel(fs, Options{Today: func() timeline.Date { return testToday }, FixedToday: true, Title: "test"}, lipgloss.DefaultRenderer())
	m.data.pollEvery = 0
	m.c.clipboard = &bytes.Buffer{}
	m.c.getenv = func(string) string { return "" }
	m.c.lookPath = func(string) (string, error) { return "", errors.New("not found") }
	m, _ = send(t, m, tea.WindowSizeMsg{Width: w, Height: h})
	m, _ = runCmds(t, m, m.Init())
	if !m.data.loaded {
		t.Fatal("the first load did not arrive")
	}
	return m
}

// send gives m one message, then runs the commands it returns (and theirs)
// feeding their messages back, as the Bubble Tea loop would. It returns the
// model and every message the commands produced.
func send(t testing.TB, m model, msg tea.Msg) (model, []tea.Msg) {
	t.Helper()
	tm, cmd := m.Update(msg)
	m = tm.(model)
	m, msgs := runCmds(t, m, cmd)
	return m, msgs
}

// runCmds runs cmd and feeds the messages it produces to m, until quiet.
func runCmds(t testing.TB, m model, cmd tea.Cmd) (model, []tea.Msg) {
	t.Helper()
	var all []tea.Msg
	queue := collect(cmd)
	for n := 0; len(queue) > 0; n++ {
		if n > 100 {
			t.Fatal("commands did not settle")
		}
		msg := queue[0]
		queue = queue[1:]
		all = append(all, msg)
		if _, quit := msg.(tea.QuitMsg); quit {
			continue
		}
		tm, next := m.Update(msg)
		m = tm.(model)
		queue = append(queue, collect(next)...)
	}
	return m, all
}

// collect runs a command, flattening batches.
func collect(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, collect(c)...)
		}
		return out
	default:
		// tea.Sequence's message is an unexported []tea.Cmd, run in order.
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
			var out []tea.Msg
			for i := 0; i < v.Len(); i++ {
				out = append(out, collect(v.Index(i).Interface().(tea.Cmd))...)
			}
			return out
		}
		return []tea.Msg{msg}
	}
}

// press sends keys: single runes ("j", "q"), or names: enter, esc, tab,
// shift+tab, up, down, ctrl+s, ctrl+c, backspace, delete.
func press(t testing.TB, m model, keys ...string) (model, []tea.Msg) {
	t.Helper()
	var all []tea.Msg
	for _, k := range keys {
		var msgs []tea.Msg
		m, msgs = send(t, m, keyMsg(k))
		all = append(all, msgs...)
	}
	return m, all
}

// typeText sends each rune of s as a key press.
func typeText(t testing.TB, m model, s string) model {
	t.Helper()
	for _, r := range s {
		m, _ = send(t, m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	return m
}

func keyMsg(k string) tea.KeyMsg {
	named := map[string]tea.KeyType{
		"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab,
		"up": tea.KeyUp, "down": tea.KeyDown, "ctrl+s": tea.KeyCtrlS, "ctrl+c": tea.KeyCtrlC,
		"backspace": tea.KeyBackspace, "delete": tea.KeyDelete, "pgdown": tea.KeyPgDown, "space": tea.KeySpace,
	}
	if t, ok := named[k]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// quits reports whether msgs hold a tea.QuitMsg.
func quits(msgs []tea.Msg) bool {
	for _, m := range msgs {
		if _, ok := m.(tea.QuitMsg); ok {
			return true
		}
	}
	return false
}

// selectCompany moves the dashboard cursor to the row of company on the
// current tab.
func selectCompany(t testing.TB, m model, company string) model {
	t.Helper()
	for i := 0; i < len(m.dash.rows)+1; i++ {
		if e, ok := m.dash.Selected(); ok && e.App.Company == company {
			return m
		}
		m, _ = press(t, m, "j")
	}
	m, _ = press(t, m, "g")
	for i := 0; i < len(m.dash.rows); i++ {
		if e, ok := m.dash.Selected(); ok && e.App.Company == company {
			return m
		}
		m, _ = press(t, m, "j")
	}
	t.Fatalf("%s is not on the %s tab", company, tabNames[m.dash.tab])
	return m
}

// setTab switches the dashboard to tab t with the tab key.
func setTab(t testing.TB, m model, want tab) model {
	t.Helper()
	for i := 0; i < int(numTabs) && m.dash.tab != want; i++ {
		m, _ = press(t, m, "tab")
	}
	return m
}

// checkWidth fails when a line of the view is wider than the terminal or the
// view is taller.
func checkSize(t testing.TB, m model) {
	t.Helper()
	view := m.View()
	lines := strings.Split(view, "\n")
	if len(lines) > m.height {
		t.Errorf("view has %d lines for a %d-line terminal", len(lines), m.height)
	}
	for i, l := range lines {
		if w := lipgloss.Width(l); w > m.width {
			t.Errorf("line %d is %d cells wide on a %d-cell terminal: %q", i, w, m.width, l)
		}
	}
}

// isTop reports whether the screen on top is a T.
func isTop[T screen](m model) bool {
	_, ok := m.top().(T)
	return ok
}

// topAs returns the screen on top as a T, or fails the test.
func topAs[T screen](t testing.TB, m model) T {
	t.Helper()
	s, ok := m.top().(T)
	if !ok {
		t.Fatalf("the screen on top is a %T", m.top())
	}
	return s
}

// entryIndex returns the index of application id among the dashboard's
// entries, or -1.
func entryIndex(m model, id int64) int {
	if i, ok := m.dash.indexOf(id); ok {
		return i
	}
	return -1
}

// runtimeCPUs is the number of processors the load splits its read over.
func runtimeCPUs() int { return runtime.NumCPU() }

// chaseItem is the k-th item of the dashboard's chase view: its
// application, the action it shows (an expedite item in place of the own)
// and its section.
func chaseItem(m model, k int) timeline.ChaseItem {
	e := m.dash.chaseEntry(m.dash.chase[k])
	return timeline.ChaseItem{App: e.App, Action: *e.Next, Section: m.dash.sections[k]}
}
