package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The end-to-end test runs the real binary in a real terminal: tmux, on a
// private server (-L) so that it never touches the user's own, driven with
// send-keys and read with capture-pane. Every step waits for the screen to
// show that the previous one took effect (polling, never a fixed sleep): a
// key sent too early would be read together with the next one (Bubble Tea
// reads "esc" followed by "q" as alt+q), and the timeouts only matter when
// something is wrong, so they are generous for a loaded CI machine.

const (
	e2eToday     = "2026-11-26" // a Thursday
	e2eFirst     = 20 * time.Second
	e2eStep      = 10 * time.Second
	e2ePollEvery = 50 * time.Millisecond
)

// binaryPackage is the command afterview, built by the tests that run the
// real binary.
const binaryPackage = "github.com/afterview/afterview"

// e2ePane is the pane of a tmux session running the TUI.
type e2ePane struct {
	t      *testing.T
	socket string // the private server's name (tmux -L)
	target string // the session
	last   string // the last capture, for failure messages
}

// tmux runs a tmux command on the private server (with no configuration
// file, and as if outside tmux, should the test run in a tmux of the user's).
func (p *e2ePane) tmux(args ...string) (string, error) {
	cmd := exec.Command("tmux", append([]string{"-L", p.socket, "-f", os.DevNull}, args...)...)
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "TMUX=") && !strings.HasPrefix(kv, "TMUX_PANE=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		return string(out), fmt.Errorf("tmux %s: %w: %s", strings.Join(args, " "), err, out)
	}
	return string(out), nil
}

// keys sends keys by tmux's names (a, Enter, Tab, C-s, Escape).
func (p *e2ePane) keys(keys ...string) {
	p.t.Helper()
	if _, err := p.tmux(append([]string{"send-keys", "-t", p.target}, keys...)...); err != nil {
		p.t.Fatal(err)
	}
}

// text sends s literally ("--": it may start with "-").
func (p *e2ePane) text(s string) {
	p.t.Helper()
	if _, err := p.tmux("send-keys", "-t", p.target, "-l", "--", s); err != nil {
		p.t.Fatal(err)
	}
}

// typeEach types s into the focused field one key at a time, waiting for
// each to show before the next, so that every letter reaches the program as
// a key press of its own (j, k and q among them: they must be text there).
func (p *e2ePane) typeEach(s string) {
	p.t.Helper()
	for i, r := range s {
		p.text(string(r))
		typed := strings.TrimRight(s[:i+len(string(r))], " ")
		p.waitFor(fmt.Sprintf("the focused field to end in %q", typed), func(screen string) bool {
			return strings.HasSuffix(focusedLine(screen), typed)
		}, e2eStep)
	}
}

// focusedLine returns the line with the "›" marker (the focused field or
// the selected row), without trailing spaces.
func focusedLine(screen string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.HasPrefix(l, "›") {
			return strings.TrimRight(l, " ")
		}
	}
	return ""
}

// capture returns what the pane shows.
func (p *e2ePane) capture() (string, error) {
	out, err := p.tmux("capture-pane", "-p", "-t", p.target)
	if err == nil {
		p.last = out
	}
	return out, err
}

// waitFor polls the pane until ok holds, failing with the last capture
// after timeout.
func (p *e2ePane) waitFor(what string, ok func(screen string) bool, timeout time.Duration) {
	p.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		screen, err := p.capture()
		if err == nil && ok(screen) {
			return
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("waited %s for %s; last error %v; the pane showed:\n%s", timeout, what, err, p.last)
		}
		time.Sleep(e2ePollEvery)
	}
}

// waitText waits until the pane shows every one of texts.
func (p *e2ePane) waitText(texts ...string) {
	p.t.Helper()
	p.waitFor(fmt.Sprintf("%q", texts), func(screen string) bool {
		for _, s := range texts {
			if !strings.Contains(screen, s) {
				return false
			}
		}
		return true
	}, e2eStep)
}

// waitExit waits until the program has ended (the pane dead, or the session
// gone) and fails when it exited with an error.
func (p *e2ePane) waitExit() {
	p.t.Helper()
	deadline := time.Now().Add(e2eStep)
	for {
		out, err := p.tmux("display-message", "-p", "-t", p.target, "#{pane_dead} #{pane_dead_status}")
		if err != nil { // the session (or the server) is gone
			return
		}
		if f := strings.Fields(out); len(f) > 0 && f[0] == "1" {
			if len(f) > 1 && f[1] != "0" {
				p.capture()
				p.t.Fatalf("the TUI exited with status %s; the pane showed:\n%s", f[1], p.last)
			}
			return
		}
		if time.Now().After(deadline) {
			p.capture()
			p.t.Fatalf("the TUI did not exit within %s after q; the pane showed:\n%s", e2eStep, p.last)
		}
		time.Sleep(e2ePollEvery)
	}
}

// shellQuote quotes s for sh.
func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// e2eBinary builds afterview into a temporary directory (skipping the test
// where tmux or go is missing) and returns it with the directory.
func e2eBinary(t *testing.T) (bin, dir string) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary and drives it in tmux (skipped with -short)")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skipf("tmux not installed: %v (the end-to-end test drives the TUI in it)", err)
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go tool on PATH to build the binary with: %v", err)
	}
	dir = t.TempDir()
	bin = filepath.Join(dir, "afterview")
	build := exec.Command(goTool, "build", "-o", bin, binaryPackage)
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin, dir
}

// e2eStart runs the binary's TUI on db in a 100×30 pane of a private tmux
// server, removed when the test ends.
func e2eStart(t *testing.T, bin, db string) *e2ePane {
	t.Helper()
	p := &e2ePane{t: t, socket: fmt.Sprintf("afterview-e2e-%d-%d", os.Getpid(), time.Now().UnixNano()), target: "e2e"}
	var socketPath string
	t.Cleanup(func() {
		p.tmux("kill-server")
		if socketPath != "" {
			os.Remove(socketPath) // tmux leaves the socket file behind
		}
	})
	command := fmt.Sprintf("env AFTERVIEW_TODAY=%s TERM=xterm-256color %s --db %s", e2eToday, shellQuote(bin), shellQuote(db))
	// remain-on-exit keeps the pane after the program ends, to read its exit
	// status (and its last words, should it fail).
	out, err := p.tmux("new-session", "-d", "-x", "100", "-y", "30", "-s", p.target, command,
		";", "set-window-option", "-t", p.target, "remain-on-exit", "on",
		";", "display-message", "-p", "#{socket_path}")
	if err != nil {
		t.Fatal(err)
	}
	socketPath = strings.TrimSpace(out)
	return p
}

// e2eCLI runs the binary's command line on db, today being e2eToday.
func e2eCLI(t *testing.T, bin, db string, args ...string) string {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"--db", db}, args...)...)
	cmd.Env = append(os.Environ(), "AFTERVIEW_TODAY="+e2eToday)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("afterview %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// TestE2ETUIInTmux adds an application, logs an offer, opens the detail and
// quits in the real binary, then reads the database back with the CLI.
func TestE2ETUIInTmux(t *testing.T) {
	bin, dir := e2eBinary(t)
	db := filepath.Join(dir, "e2e.db")
	p := e2eStart(t, bin, db)
	p.waitFor("the first frame", func(s string) bool { return strings.Contains(s, "No applications yet") }, e2eFirst)

	// Add: the company letter by letter (the j of Kojo is text, not a
	// move), then a role with k and q in it (q would quit at the top).
	p.keys("a")
	p.waitText("Add an application", "Company*")
	p.typeEach("Kojo Labs")
	p.keys("Tab")
	p.waitFor("the Role field", func(s string) bool { return strings.HasPrefix(focusedLine(s), "› Role") }, e2eStep)
	p.typeEach("SRE k8s queues")
	p.keys("Tab")
	p.waitFor("the Applied field", func(s string) bool { return strings.HasPrefix(focusedLine(s), "› Applied") }, e2eStep)
	p.keys("Tab")
	p.waitFor("the Interviewed field", func(s string) bool { return strings.HasPrefix(focusedLine(s), "› Interviewed") }, e2eStep)
	p.text("-8d")
	p.waitText("Wed 18 Nov 2026 (8 days ago)")
	p.keys("C-s")
	row := regexp.MustCompile(`(?m)^› Kojo Labs +SRE k8s queues +reply +today `)
	p.waitFor("the new row in stage reply", func(s string) bool { return row.MatchString(s) && strings.Contains(s, "[Active 1]") }, e2eStep)

	// Log an offer: the type list, then its fields.
	p.keys("l")
	p.waitText("What happened?")
	p.keys("o")
	p.waitFor("offer chosen in the type list", func(s string) bool { return strings.HasPrefix(focusedLine(s), "› offer") }, e2eStep)
	p.keys("Enter")
	p.waitText("Log offer · Kojo Labs", "Deadline")
	p.keys("Tab")
	p.waitFor("the Deadline field", func(s string) bool { return strings.HasPrefix(focusedLine(s), "› Deadline") }, e2eStep)
	p.text("fri")
	p.waitText("Fri 27 Nov 2026 (tomorrow)")
	p.keys("Tab")
	p.waitFor("the Base field", func(s string) bool { return strings.HasPrefix(focusedLine(s), "› Base") }, e2eStep)
	p.text("185k")
	p.waitFor("185k typed", func(s string) bool { return strings.HasSuffix(focusedLine(s), "185k") }, e2eStep)
	p.keys("C-s")
	// The dashboard follows the application to the Offers tab.
	offer := regexp.MustCompile(`(?m)^› Kojo Labs +SRE k8s queues +offer +today .*answer offer +tomorrow`)
	p.waitFor("the row in stage offer on the Offers tab", func(s string) bool { return offer.MatchString(s) && strings.Contains(s, "[Offers 1]") }, e2eStep)

	// The detail.
	p.keys("Enter")
	p.waitText("What to expect", "Answer the offer by Fri 27 Nov", "base 185,000")
	p.keys("Escape")
	p.waitFor("the dashboard again", func(s string) bool { return offer.MatchString(s) && !strings.Contains(s, "What to expect") }, e2eStep)
	p.keys("q")
	p.waitExit()

	// The command line reads back what the TUI wrote.
	cli := func(args ...string) string { t.Helper(); return e2eCLI(t, bin, db, args...) }
	list := cli("list")
	if !regexp.MustCompile(`(?m)^ *1 +Kojo Labs +SRE k8s queues +offer +answer offer +tomorrow · Fri 27 Nov$`).MatchString(list) {
		t.Errorf("afterview list does not show Kojo Labs with its offer:\n%s", list)
	}
	var show struct {
		Company, Role, Stage string
		Next                 *struct{ Kind, Due string }
		Events               []struct {
			Type, Date, Deadline string
			Base                 float64
		}
	}
	shown := cli("show", "1", "--json")
	if err := json.Unmarshal([]byte(shown), &show); err != nil {
		t.Fatalf("show 1 --json: %v\n%s", err, shown)
	}
	if show.Company != "Kojo Labs" || show.Role != "SRE k8s queues" || show.Stage != "offer" ||
		show.Next == nil || show.Next.Kind != "offer" || show.Next.Due != "2026-11-27" {
		t.Errorf("show 1 --json: want Kojo Labs in stage offer, next offer due 2026-11-27:\n%s", shown)
	}
	if n := len(show.Events); n != 2 || show.Events[0].Type != "interview" || show.Events[0].Date != "2026-11-18" ||
		show.Events[1].Type != "offer" || show.Events[1].Date != e2eToday || show.Events[1].Deadline != "2026-11-27" || show.Events[1].Base != 185000 {
		t.Errorf("show 1 --json: want the interview of 18 Nov and today's offer (deadline 27 Nov, base 185000):\n%s", shown)
	}
}

// TestE2EChasedInTheTUIShowsInAfterviewChase marks an overdue follow-up
// chased in the TUI's Chase tab and checks that `afterview chase` agrees.
func TestE2EChasedInTheTUIShowsInAfterviewChase(t *testing.T) {
	bin, dir := e2eBinary(t)
	db := filepath.Join(dir, "chase.db")
	// Interviewed Mon 9 Nov: the reply window closed Wed 18 Nov, so the
	// follow-up was due Thu 19 Nov — a week overdue on Thu 26 Nov.
	e2eCLI(t, bin, db, "add", "--company", "Initech", "--role", "Data Engineer", "--interviewed", "2026-11-09", "--recruiter", "Maria García")
	if got := e2eCLI(t, bin, db, "chase", "--count"); got != "1\n" {
		t.Fatalf("chase --count before = %q, want 1", got)
	}

	p := e2eStart(t, bin, db)
	p.waitFor("the Chase tab with Initech overdue", func(s string) bool {
		return strings.Contains(s, "[Chase 1]") && regexp.MustCompile(`(?m)^› Initech +Data Engineer +follow up .*7d overdue`).MatchString(s)
	}, e2eFirst)
	p.keys("c")
	p.waitFor("Initech out of the chase view", func(s string) bool {
		return strings.Contains(s, "[Chase 0]") && strings.Contains(s, "Initech is on the Active tab now")
	}, e2eStep)
	p.keys("q")
	p.waitExit()

	// Chased today (Thu 26 Nov): asked again after 5 business days (Thu 3
	// Dec), so the next follow-up is due Fri 4 Dec, beyond the lookahead.
	if got := e2eCLI(t, bin, db, "chase", "--count"); got != "0\n" {
		t.Errorf("chase --count after = %q, want 0", got)
	}
	want := "Nothing to chase. 1 application is waiting on time; next due Fri 4 Dec (in 8d).\n"
	if got := e2eCLI(t, bin, db, "chase"); got != want {
		t.Errorf("chase after =\n%q\nwant\n%q", got, want)
	}
	if got := e2eCLI(t, bin, db, "events", "1"); !regexp.MustCompile(`(?m)^ *\d+ +Thu 2026-11-26 +followup`).MatchString(got) {
		t.Errorf("events 1 shows no follow-up logged today:\n%s", got)
	}
}

// TestE2ELettersInOneReadInTmux sends letters in one write (tmux send-keys
// -l), so the program reads them at once: on the dashboard they act as that
// many moves; in a form field they are text.
func TestE2ELettersInOneReadInTmux(t *testing.T) {
	bin, dir := e2eBinary(t)
	db := filepath.Join(dir, "burst.db")
	for _, c := range []string{"Acme", "Globex", "Hooli", "Initech"} {
		e2eCLI(t, bin, db, "add", "--company", c, "--role", "SRE", "--interviewed", "-1d")
	}
	p := e2eStart(t, bin, db)
	p.waitFor("the Active tab on Acme", func(s string) bool { return strings.HasPrefix(focusedLine(s), "› Acme") }, e2eFirst)
	p.text("jjj")
	p.waitFor("three rows down, on Initech", func(s string) bool { return strings.HasPrefix(focusedLine(s), "› Initech") }, e2eStep)
	p.text("kk")
	p.waitFor("two rows up, on Globex", func(s string) bool { return strings.HasPrefix(focusedLine(s), "› Globex") }, e2eStep)
	p.keys("a")
	p.waitText("Add an application", "Company*")
	p.text("jjq kk")
	p.waitFor("the letters typed into the company", func(s string) bool { return strings.HasSuffix(focusedLine(s), "jjq kk") }, e2eStep)
	p.keys("Escape")
	p.waitFor("the dashboard again, on Globex", func(s string) bool { return strings.HasPrefix(focusedLine(s), "› Globex") }, e2eStep)
	p.keys("q")
	p.waitExit()
}
