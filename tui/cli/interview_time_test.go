package cli

import (
	"strings"
	"testing"
)

// TestCLIInterviewTime logs a booked interview with its time of day: show,
// events and the JSON export carry it; a time that is not one, or a type
// that takes none, is refused.
func TestCLIInterviewTime(t *testing.T) {
	s := newSession(t)
	s.ok("add", "--company", "Acme", "--role", "SRE", "--interviewed", "2026-11-16")
	s.ok("log", "1", "interview", "--date", "2026-12-03", "--at", "2:30pm", "--note", "final round")
	s.ok("show", "1")
	s.ok("events", "1")
	s.fail("log", "1", "interview", "--date", "2026-12-04", "--at", "14:75")
	s.fail("log", "1", "heard", "--at", "9:00")
	s.fail("log", "1", "interview", "--date", "9950-01-01")
	s.golden()
	if out := s.exec("export").stdout; !strings.Contains(out, `"at": "14:30"`) {
		t.Errorf("the JSON export lacks the time:\n%s", out)
	}
}
