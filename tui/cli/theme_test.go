package cli

import (
	"io"
	"testing"

	"github.com/afterview/afterview/store"
	"github.com/afterview/afterview/tui"
)

// TestCLITheme sets the colour theme with config and AFTERVIEW_THEME: the
// variable wins for its shell, a bad value of either is refused in one line.
func TestCLITheme(t *testing.T) {
	s := newSession(t)
	s.ok("config", "theme")
	s.ok("config", "theme", "light")
	s.ok("config", "theme")
	s.env["AFTERVIEW_THEME"] = "dark"
	s.ok("config", "theme")
	s.ok("config", "theme", "light")
	s.env["AFTERVIEW_THEME"] = "blue"
	if r := s.run("chase"); r.code != 1 || r.stdout != "" {
		t.Errorf("AFTERVIEW_THEME=blue: exit %d, stdout %q", r.code, r.stdout)
	}
	delete(s.env, "AFTERVIEW_THEME")
	s.fail("config", "theme", "solarized")
	s.ok("config", "theme", "auto")
	s.ok("config", "theme")
	s.golden()

	// The interactive view gets the theme in force.
	var got tui.Theme
	defer func(f func(*store.Store, tui.Options) error) { startTUI = f }(startTUI)
	startTUI = func(_ *store.Store, o tui.Options) error { got = o.Theme; return nil }
	defer func(f func(io.Writer) (uintptr, bool)) { isTerminal = f }(isTerminal)
	isTerminal = func(io.Writer) (uintptr, bool) { return 0, true }
	s.ok("config", "theme", "dark")
	s.exec()
	if got != tui.ThemeDark {
		t.Errorf("the interactive view got theme %q, want dark", got)
	}
	s.env["AFTERVIEW_THEME"] = "light"
	s.exec()
	if got != tui.ThemeLight {
		t.Errorf("with AFTERVIEW_THEME=light the interactive view got theme %q", got)
	}
}
