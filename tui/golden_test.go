package tui

import (
	"bytes"
	"testing"
	"time"

	"github.com/afterview/afterview/timeline"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/teatest"
)

// runGolden runs the whole program on the fixture store at w×h, sends keys
// (waiting after each group for its text to be on screen), quits, and
// compares the final frame with testdata/<test>.golden (go test -update
// rewrites them).
func runGolden(t *testing.T, w, h int, steps ...goldenStep) {
	t.Helper()
	m := newModel(fixtureStore(), Options{Today: func() timeline.Date { return testToday }, FixedToday: true, Title: "test"}, lipgloss.DefaultRenderer())
	m.data.pollEvery = 0
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(w, h))
	wait := func(text string) {
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(text)) },
			teatest.WithDuration(3*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
	}
	wait("Acme")
	for _, s := range steps {
		for _, k := range s.keys {
			tm.Send(keyMsg(k))
		}
		wait(s.until)
	}
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	final := tm.FinalModel(t, teatest.WithFinalTimeout(3*time.Second)).(model)
	teatest.RequireEqualOutput(t, []byte(final.View()))
}

// goldenStep is keys to send and a text that shows they took effect.
type goldenStep struct {
	keys  []string
	until string
}

func TestGoldenDashboard(t *testing.T) {
	runGolden(t, 100, 30)
}

func TestGoldenActiveTab(t *testing.T) {
	runGolden(t, 100, 30, goldenStep{[]string{"tab", "tab"}, "[Active 7]"})
}

func TestGoldenNarrow(t *testing.T) {
	runGolden(t, 60, 15, goldenStep{[]string{"tab", "tab"}, "[Active 7]"})
}

func TestGoldenDetail(t *testing.T) {
	runGolden(t, 100, 40, goldenStep{[]string{"j", "enter"}, "What to expect"})
}

func TestGoldenEventForm(t *testing.T) {
	runGolden(t, 100, 30,
		goldenStep{[]string{"j", "l"}, "What happened?"},
		goldenStep{[]string{"o", "enter"}, "Deadline"},
		goldenStep{[]string{"y", "e", "s", "t", "e", "r", "d", "a", "y"}, "(yesterday)"})
}

func TestGoldenHelp(t *testing.T) {
	runGolden(t, 100, 30, goldenStep{[]string{"?"}, "close help"})
}

func TestGoldenDraft(t *testing.T) {
	runGolden(t, 100, 30, goldenStep{[]string{"j", "j", "m"}, "on-hold check-in"})
}

func TestGoldenConfirm(t *testing.T) {
	runGolden(t, 100, 30, goldenStep{[]string{"D"}, "Delete Cyberdyne"})
}

var _ tea.Model = model{}

func TestGoldenAddForm(t *testing.T) {
	runGolden(t, 80, 20,
		goldenStep{[]string{"a"}, "Add an application"},
		goldenStep{[]string{"K", "o", "j", "o", " ", "L", "a", "b", "s", "tab", "S", "R", "E", "tab", "tab", "-", "2", "d"}, "(2 days ago)"})
}
