package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/afterview/afterview/store"
	"github.com/afterview/afterview/timeline"
	"github.com/afterview/afterview/tui"
	"github.com/charmbracelet/x/exp/golden"
)

// The command line is tested in-process: each test runs commands against a
// database in t.TempDir() with today fixed, and compares a transcript of
// what they printed (stdout, "! " before each stderr line, the exit status
// when not 0) with testdata/<test>.golden. Refresh with: go test ./tui/cli -update

// testToday is a Tuesday.
const testToday = "2026-11-24"

// testClock is the wall clock the commands see: the morning of testToday, so
// that what reads it (the calendar feed's stamp, today when neither --today
// nor AFTERVIEW_TODAY is given) prints the same bytes on every run.
func testClock() time.Time { return time.Date(2026, 11, 24, 7, 0, 0, 0, time.UTC) }

// session runs commands against one database and records a transcript.
type session struct {
	t    *testing.T
	now  func() time.Time // the clock: testClock unless a test moves it
	dir  string
	env  map[string]string
	tx   strings.Builder
	last result
}

// result is what one command did.
type result struct {
	stdout, stderr string
	code           int
}

func newSession(t *testing.T) *session {
	t.Helper()
	dir := t.TempDir()
	return &session{t: t, dir: dir, now: testClock, env: map[string]string{
		"AFTERVIEW_DB":    filepath.Join(dir, "av.db"),
		"AFTERVIEW_TODAY": testToday,
	}}
}

// exec runs one command without recording it.
func (s *session) exec(args ...string) result {
	var out, errb bytes.Buffer
	err := run(args, strings.NewReader(""), &out, &errb, func(k string) string { return s.env[k] }, s.now)
	code := exitStatus(err, &errb)
	return result{out.String(), errb.String(), code}
}

// run runs one command and adds it to the transcript.
func (s *session) run(args ...string) result {
	s.t.Helper()
	r := s.exec(args...)
	quoted := make([]string, len(args))
	for i, a := range args {
		quoted[i] = a
		if a == "" || strings.ContainsAny(a, " \"'$*?#|&;<>()") {
			quoted[i] = strconv.Quote(a)
		}
	}
	s.tx.WriteString("$ afterview " + strings.Join(quoted, " ") + "\n")
	s.tx.WriteString(r.stdout)
	for _, l := range strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n") {
		if l != "" {
			s.tx.WriteString("! " + l + "\n")
		}
	}
	if r.code != 0 {
		s.tx.WriteString("[exit " + strconv.Itoa(r.code) + "]\n")
	}
	s.tx.WriteString("\n")
	s.last = r
	return r
}

// ok runs a command that must succeed.
func (s *session) ok(args ...string) result {
	s.t.Helper()
	r := s.run(args...)
	if r.code != 0 {
		s.t.Fatalf("afterview %s: exit %d: %s", strings.Join(args, " "), r.code, r.stderr)
	}
	return r
}

// fail runs a command that must fail with one line on stderr and nothing on
// stdout, and checks that it changed nothing in the database.
func (s *session) fail(args ...string) result {
	s.t.Helper()
	before := s.dump()
	r := s.run(args...)
	switch {
	case r.code == 0:
		s.t.Errorf("afterview %s: succeeded, want an error", strings.Join(args, " "))
	case r.stdout != "":
		s.t.Errorf("afterview %s: printed %q on stdout besides the error", strings.Join(args, " "), r.stdout)
	case strings.Count(r.stderr, "\n") != 1 || !strings.HasPrefix(r.stderr, "afterview: "):
		s.t.Errorf("afterview %s: stderr is not one line: %q", strings.Join(args, " "), r.stderr)
	}
	if after := s.dump(); after != before {
		s.t.Errorf("afterview %s: changed the database:\nbefore %s\nafter  %s", strings.Join(args, " "), before, after)
	}
	return r
}

// dump returns everything in the session's database: every application with
// its fields, summary and events, and the settings.
func (s *session) dump() string {
	path := s.env["AFTERVIEW_DB"]
	if _, err := os.Stat(path); err != nil {
		return "no database"
	}
	list := s.exec("list", "--all", "--json")
	var l struct{ Applications []struct{ ID int64 } }
	if err := json.Unmarshal([]byte(list.stdout), &l); err != nil {
		s.t.Fatalf("list --json: %v: %q", err, list.stdout+list.stderr)
	}
	var b strings.Builder
	b.WriteString(list.stdout)
	for _, a := range l.Applications {
		b.WriteString(s.exec("show", strconv.FormatInt(a.ID, 10), "--json").stdout)
	}
	b.WriteString(s.exec("config").stdout)
	return b.String()
}

// golden compares the transcript with the test's golden file, with the
// temporary directory written as $TMP.
func (s *session) golden() {
	s.t.Helper()
	golden.RequireEqual(s.t, []byte(strings.ReplaceAll(s.tx.String(), s.dir, "$TMP")))
}

// seed adds a few applications in different stages.
func (s *session) seed() {
	s.t.Helper()
	s.ok("add", "--company", "Acme", "--role", "SDE II", "--interviewed", "-3d", "--recruiter", "Pat Lee", "--contact", "pat@acme.example")
	s.ok("add", "--company", "Globex", "--role", "PM", "--interviewed", "2026-11-10")
	s.ok("log", "2", "heard", "--by", "fri", "--note", "debrief done")
	s.ok("add", "--company", "Initech", "--role", "SWE", "--interviewed", "2026-11-02", "--recruiter", "Sam")
	s.ok("log", "3", "offer", "--deadline", "+3d", "--base", "180k", "--bonus", "20,000", "--currency", "usd")
	s.ok("add", "--company", "Hooli", "--role", "Staff Engineer", "--interviewed", "2026-11-06", "--contact", "hr@hooli.example")
	s.ok("add", "--company", "Umbrella", "--role", "SRE", "--interviewed", "2026-10-01")
	s.ok("log", "5", "rejected", "--date", "2026-10-20")
}

func TestCLIApplications(t *testing.T) {
	s := newSession(t)
	s.seed()
	s.ok("list")
	s.ok("show", "3")
	s.ok("events", "3")
	s.ok("edit", "4", "--recruiter", "Kim", "--notes", "referred by Jo")
	s.ok("log", "4", "followup", "--date", "yesterday")
	s.ok("log", "1", "snooze", "--until", "+5d", "--note", "recruiter away")
	s.ok("archive", "5")
	s.ok("list")
	s.ok("list", "--all")
	s.ok("unarchive", "5")
	s.ok("events", "1")
	s.ok("unlog", "9")
	s.ok("delete", "5", "--yes")
	s.ok("list", "--all")
	id := strings.TrimSpace(s.ok("add", "--company", "Empty", "--role", "Nothing yet").stdout)
	s.ok("events", id)
	s.ok("show", id)
	s.golden()
}

func TestCLIAddPrintsOnlyTheID(t *testing.T) {
	s := newSession(t)
	for want := 1; want <= 3; want++ {
		r := s.ok("add", "--company", "C"+strconv.Itoa(want), "--role", "R")
		if r.stdout != strconv.Itoa(want)+"\n" {
			t.Fatalf("add printed %q, want just the id %d", r.stdout, want)
		}
	}
}

func TestCLIJSON(t *testing.T) {
	s := newSession(t)
	s.seed()
	s.ok("show", "3", "--json")
	s.ok("list", "--json")
	s.ok("chase", "--json")
	s.golden()

	// The chase JSON has exactly the documented keys (README, "chase --json").
	var c struct {
		Today string
		Items []map[string]any
	}
	if err := json.Unmarshal([]byte(s.exec("chase", "--json").stdout), &c); err != nil {
		t.Fatal(err)
	}
	if c.Today != testToday || len(c.Items) == 0 {
		t.Fatalf("chase --json: today %q, %d items", c.Today, len(c.Items))
	}
	for _, it := range c.Items {
		var keys []string
		for k := range it {
			keys = append(keys, k)
		}
		if len(keys) != 7 {
			t.Errorf("chase item keys %v, want id company role kind due section action", keys)
		}
	}
}

func TestCLIChase(t *testing.T) {
	s := newSession(t)
	s.ok("chase") // no database yet: nothing to chase, and no file made
	if _, err := os.Stat(s.env["AFTERVIEW_DB"]); err == nil {
		t.Error("chase created the database")
	}
	s.ok("chase", "--count")
	s.ok("chase", "--quiet")
	s.seed()
	s.ok("chase")
	s.ok("chase", "--days", "0")
	s.ok("chase", "--days", "200")
	s.ok("chase", "--count")
	s.ok("chase", "--count", "--days", "3")
	s.ok("chase", "--quiet")
	s.ok("--today", "2026-11-18", "chase")
	s.ok("--today", "2026-11-18", "chase", "--quiet")
	s.ok("--today", "2026-11-18", "chase", "--count", "--quiet")
	s.ok("--today", "2026-11-18", "chase", "--json", "--quiet")
	s.golden()
}

func TestCLIConfig(t *testing.T) {
	s := newSession(t)
	s.ok("config") // the defaults, without making a database
	s.ok("config", "reply_max_bd")
	s.seed()
	s.ok("config", "reply_max_bd", "10")
	s.ok("config", "holidays", "us")
	s.ok("config", "reply_max_bd")
	s.ok("config")
	s.ok("list")
	s.ok("doctor")
	s.golden()
}

func TestCLIErrors(t *testing.T) {
	s := newSession(t)
	// Bad input before there is a database: it must not be created.
	s.fail("add", "--company", "Acme", "--role", "SDE", "--interviewed", "someday")
	s.fail("add", "--role", "SDE")
	s.fail("log", "1", "interview")
	s.fail("config", "reply_max_bd", "lots")
	s.fail("config", "reply_min_bd", "9")
	if _, err := os.Stat(s.env["AFTERVIEW_DB"]); err == nil {
		t.Fatal("bad input created the database")
	}
	s.seed()
	s.fail("log", "1", "party")
	s.fail("log", "1", "heard", "--by", "soonish")
	s.fail("log", "1", "heard", "--date", "2026-13-01")
	s.fail("log", "1", "interview", "--deadline", "fri")
	s.fail("log", "1", "heard", "--base", "0")
	s.fail("log", "1", "offer", "--base", "lots")
	s.fail("log", "1", "offer", "--base", "-5")
	s.fail("log", "1", "offer", "--currency", "dollars")
	s.fail("log", "1", "snooze")
	s.fail("log", "1", "heard", "--date", "2026-11-20", "--by", "2026-11-19")
	s.fail("log", "99", "heard")
	s.fail("log", "1")
	s.fail("log")
	s.fail("show")
	s.fail("show", "abc")
	s.fail("show", "99")
	s.fail("show", "1", "2")
	s.fail("events", "99")
	s.fail("unlog", "999")
	s.fail("unlog", "x")
	s.fail("edit", "1")
	s.fail("edit", "1", "--company", "")
	s.fail("edit", "99", "--role", "X")
	s.fail("archive", "99")
	s.fail("delete", "1")
	s.fail("delete", "99", "--yes")
	s.fail("chase", "--days", "x")
	s.fail("chase", "--days", "-1")
	s.fail("chase", "--count", "--json")
	s.fail("config", "nonsense")
	s.fail("config", "holidays", "Atlantis")
	s.fail("config", "a", "b", "c")
	s.fail("--today", "someday", "list")
	s.fail("lst")
	s.fail("list", "--bogus")
	s.fail("--db", "", "list")
	s.fail("demo", "--no-tui")
	s.fail("demo", "--no-tui", "--db", s.env["AFTERVIEW_DB"])
	s.fail("demo", "--no-tui", "--db", filepath.Join(s.dir, "d.db"), "--apps", "0")
	s.env["AFTERVIEW_TODAY"] = "next week"
	if r := s.run("list"); r.code != 1 || r.stdout != "" {
		t.Errorf("a bad AFTERVIEW_TODAY: exit %d, stdout %q", r.code, r.stdout)
	}
	s.env["AFTERVIEW_TODAY"] = testToday
	s.golden()
}

func TestCLINoTerminal(t *testing.T) {
	s := newSession(t)
	for _, args := range [][]string{{}, {"demo"}} {
		r := s.exec(args...)
		if r.code != 2 || r.stderr != "afterview: no terminal here; use `afterview chase` or `afterview list`\n" || r.stdout != "" {
			t.Errorf("afterview %v without a terminal: exit %d, stdout %q, stderr %q", args, r.code, r.stdout, r.stderr)
		}
	}
	if _, err := os.Stat(s.env["AFTERVIEW_DB"]); err == nil {
		t.Error("afterview without a terminal created the database")
	}
}

func TestCLITextFileAsDB(t *testing.T) {
	s := newSession(t)
	path := filepath.Join(s.dir, "notes.txt")
	content := []byte("my job search notes\nAcme: call back Friday\n")
	if err := os.WriteFile(path, content, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"list"}, {"chase"}, {"chase", "--count"}, {"show", "1"}, {"config", "lookahead_days", "5"},
		{"add", "--company", "Acme", "--role", "SDE"}, {"log", "1", "heard"}, {"doctor"},
	} {
		r := s.run(append([]string{"--db", path}, args...)...)
		if r.code != 1 || !strings.Contains(r.stderr, "not an afterview database") {
			t.Errorf("afterview --db notes.txt %v: exit %d, stderr %q", args, r.code, r.stderr)
		}
		if got, _ := os.ReadFile(path); !bytes.Equal(got, content) {
			t.Fatalf("afterview --db notes.txt %v changed the file", args)
		}
	}
	entries, _ := os.ReadDir(s.dir)
	if len(entries) != 1 {
		t.Errorf("files left beside the text file: %v", entries)
	}
	s.golden()
}

func TestCLIHelp(t *testing.T) {
	s := newSession(t)
	s.ok("--help")
	s.ok("log", "--help")
	s.ok("chase", "--help")
	s.ok("version")
	s.ok("--version")
	s.golden()

	// Every command has --help with an example.
	root := (&cli{getenv: func(string) string { return "" }}).rootCmd()
	for _, cmd := range root.Commands() {
		if cmd.Hidden || cmd.Name() == "help" || cmd.Name() == "completion" {
			continue
		}
		r := s.exec(cmd.Name(), "--help")
		if r.code != 0 || !strings.Contains(r.stdout, "Examples:") {
			t.Errorf("afterview %s --help: exit %d, no example:\n%s", cmd.Name(), r.code, r.stdout)
		}
	}
	// log --help lists every type with its fields.
	help := s.exec("log", "--help").stdout
	for _, et := range timeline.EventTypes {
		if !strings.Contains(help, "  "+string(et)+" ") {
			t.Errorf("log --help does not list %s", et)
		}
		for _, f := range et.Fields() {
			if !strings.Contains(help, "--"+f.Flag()) {
				t.Errorf("log --help does not list --%s", f.Flag())
			}
		}
	}
}

func TestCLIDemo(t *testing.T) {
	s := newSession(t)
	path := filepath.Join(s.dir, "demo.db")
	s.ok("demo", "--db", path, "--apps", "40", "--no-tui")
	s.env["AFTERVIEW_DB"] = path
	s.ok("chase")
	s.ok("doctor")
	s.golden()
	st, err := store.Open(path, func() timeline.Date { return timeline.MustDate(testToday) })
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	all, err := st.Entries(true)
	if err != nil || len(all) != 40 {
		t.Fatalf("demo wrote %d applications (%v), want 40", len(all), err)
	}
}

// On a terminal the bare command and demo open the TUI with today's options;
// demo's temporary database is filled, then removed.
func TestCLIOpensTheTUI(t *testing.T) {
	s := newSession(t)
	s.ok("add", "--company", "Acme", "--role", "SDE")
	restore := isTerminal
	defer func() {
		isTerminal = restore
		startTUI = func(st *store.Store, o tui.Options) error { return tui.Run(st, o) }
	}()
	isTerminal = func(io.Writer) (uintptr, bool) { return 1, true }

	var got, dirs []string
	startTUI = func(st *store.Store, o tui.Options) error {
		dirs = append(dirs, filepath.Dir(st.Path()))
		all, err := st.Entries(true)
		if err != nil {
			return err
		}
		got = append(got, fmt.Sprintf("%s title=%q fixed=%v today=%s apps=%d", filepath.Base(st.Path()), o.Title, o.FixedToday, o.Today(), len(all)))
		return nil
	}
	s.ok()
	s.ok("demo", "--apps", "25")
	s.env["AFTERVIEW_TODAY"] = ""
	s.ok("--today", "2026-12-01")
	s.now = func() time.Time { return time.Date(2026, 12, 3, 23, 30, 0, 0, time.Local) }
	s.ok()
	want := []string{
		`av.db title="" fixed=true today=2026-11-24 apps=1`,
		`demo.db title="demo" fixed=true today=2026-11-24 apps=25`,
		`av.db title="" fixed=true today=2026-12-01 apps=1`,
		`av.db title="" fixed=false today=2026-12-03 apps=1`, // the clock's day
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the TUI opened with\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if _, err := os.Stat(dirs[1]); err == nil {
		t.Errorf("demo left its temporary database behind in %s", dirs[1])
	}
}

// Seen: "5 applications are waiting on time" counted a rejection. The line
// counts what the TUI's header calls waiting: applications under way.
func TestCLIChaseWaitingCountsOnlyWhatIsUnderWay(t *testing.T) {
	s := newSession(t)
	s.ok("add", "--company", "Hooli", "--role", "ML", "--interviewed", "2026-09-20")
	s.ok("log", "1", "rejected", "--date", "2026-10-01")
	s.ok("add", "--company", "Kojo", "--role", "SRE", "--interviewed", "-1d")
	out := s.ok("chase").stdout
	if !strings.HasPrefix(out, "Nothing to chase. 1 application is waiting on time; next due ") {
		t.Errorf("chase with one application under way and one rejected:\n%s", out)
	}
}

// log and add say what they stored in words: the date a weekday resolved to,
// the amounts as parsed. An empty note, and an application added twice, are
// refused; a role is optional.
func TestCLISaysWhatItStored(t *testing.T) {
	s := newSession(t)
	// Tue 24 Nov: "thu" for when something happened is last Thursday.
	s.ok("add", "--company", "Acme", "--role", "SDE II", "--applied", "2026-11-02")
	r := s.ok("log", "1", "interview", "--date", "thu")
	if !strings.HasPrefix(r.stdout, "logged interview on Thu 19 Nov 2026 (5 days ago)\n") {
		t.Errorf("log interview --date thu printed %q", r.stdout)
	}
	r = s.ok("log", "1", "offer", "--base", "1.5k", "--bonus", "180,000", "--currency", "eur", "--deadline", "next fri")
	if !strings.HasPrefix(r.stdout, "logged offer on Tue 24 Nov 2026 (today): deadline Fri 27 Nov 2026 (in 3 days), base 1,500 EUR, bonus 180,000 EUR\n") {
		t.Errorf("log offer printed %q", r.stdout)
	}
	s.ok("log", "1", "note", "--note", "asked about the team")
	s.fail("log", "1", "note")
	s.fail("log", "1", "note", "--note", "  ")
	// The same company and role, ignoring case and spaces: no interview, or
	// one on the same day, is the same application.
	s.fail("add", "--company", " acme ", "--role", "sde  ii")
	s.fail("add", "--company", "ACME", "--role", "SDE II", "--interviewed", "2026-11-19")
	if !strings.Contains(s.last.stderr, "already here as application 1") || !strings.Contains(s.last.stderr, "--duplicate") {
		t.Errorf("a duplicate add said %q", s.last.stderr)
	}
	s.ok("add", "--company", "Acme", "--role", "SDE II", "--interviewed", "2026-11-19", "--duplicate")
	s.ok("add", "--company", "Acme", "--role", "SDE II", "--interviewed", "2026-11-20") // both interviewed, on other days: a new process
	s.ok("add", "--company", "Globex")                                                  // no role yet
	s.fail("add", "--company", "globex")
	s.ok("add", "--company", "Globex", "--role", "PM")
	s.ok("list")
	s.golden()
}

// Seen: `config reply_max_bd -1` said "unknown shorthand flag". A negative
// value reaches the settings, and every range is worded one way.
func TestCLIRangesAreWordedOneWay(t *testing.T) {
	s := newSession(t)
	s.ok("config", "reply_max_bd", "9")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"config", "reply_max_bd", "-1"}, "afterview: reply_max_bd: -1 is too small; it must be at least 1 (a whole number of business days from 1 to 1000)\n"},
		{[]string{"config", "reply_max_bd", "0"}, "afterview: reply_max_bd: 0 is too small; it must be at least 1 (a whole number of business days from 1 to 1000)\n"},
		{[]string{"config", "lookahead_days", "-2"}, "afterview: lookahead_days: -2 is too small; it must be at least 0 (a whole number of calendar days from 0 to 1000)\n"},
		{[]string{"config", "offer_days", "1001"}, "afterview: offer_days: 1001 is too large; it must be at most 1000 (a whole number of calendar days from 1 to 1000)\n"},
		{[]string{"chase", "--days", "-1"}, "afterview: --days: -1 is too small; it must be at least 0 (a whole number of days from 0 to 1000)\n"},
		{[]string{"demo", "--apps", "0", "--no-tui", "--db", filepath.Join(s.dir, "demo.db")}, "afterview: --apps: 0 is too small; it must be at least 1 (a whole number of applications from 1 to 1000000)\n"},
	} {
		if r := s.fail(c.args...); r.stderr != c.want {
			t.Errorf("afterview %s:\n%s want\n%s", strings.Join(c.args, " "), r.stderr, c.want)
		}
	}
	if got := strings.TrimSpace(s.ok("config", "reply_max_bd").stdout); got != "9" {
		t.Errorf("reply_max_bd is %s after the refusals, want 9", got)
	}
	// Flags are not read after KEY, but --help still is.
	if r := s.ok("config", "reply_max_bd", "--help"); !strings.Contains(r.stdout, "\nSettings:\n") {
		t.Errorf("config KEY --help printed %q", r.stdout)
	}
	s.fail("config", "reply_max_bd", "8", "--db", filepath.Join(s.dir, "other.db"))
}

// Seen: list and show printed "scheduled —" with no date for a booked
// interview, and chase never mentioned tomorrow's interview; a reapply item
// sat under "overdue". Now the booked interview is the next action, chase
// lists it, and an opened reapply window is listed under Open.
func TestCLIBookedInterviewsAndOpenWindows(t *testing.T) {
	s := newSession(t)
	s.ok("add", "--company", "Acme", "--role", "SDE II", "--interviewed", "tomorrow", "--contact", "pat@acme.example")
	s.ok("add", "--company", "Umbrella", "--role", "SRE", "--interviewed", "2026-03-02")
	s.ok("log", "2", "rejected", "--date", "2026-03-20")
	s.ok("add", "--company", "Kojo", "--applied", "-3d")
	list := s.ok("list").stdout
	for _, want := range []string{
		"scheduled  interview  tomorrow · Wed 25 Nov",
		"rejected   reapply    open · Sun 20 Sep",
		"applied    —",
	} {
		if !strings.Contains(list, want) {
			t.Errorf("list does not say %q:\n%s", want, list)
		}
	}
	if show := s.ok("show", "1").stdout; !strings.Contains(show, "due        tomorrow · Wed 25 Nov") {
		t.Errorf("show 1 does not give the interview's day:\n%s", show)
	}
	chase := s.ok("chase").stdout
	if !strings.Contains(chase, "Coming up (1)\n  tomorrow · Wed 25 Nov") || !strings.Contains(chase, "Open (1)") || strings.Contains(chase, "Overdue") {
		t.Errorf("chase:\n%s", chase)
	}
	s.ok("chase", "--json")
	s.golden()
}
