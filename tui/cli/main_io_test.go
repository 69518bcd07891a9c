package cli

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/afterview/afterview/store"
	"github.com/afterview/afterview/timeline"
	ics "github.com/arran4/golang-ical"
)

// The data-in-and-out commands (issue 6): export, import, ics, backup, with
// the session harness of main_test.go.

// fileSum returns a file's SHA-256, or "none" when there is no file.
func fileSum(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		return "none"
	}
	return fmt.Sprintf("%x", sha256.Sum256(b))
}

// pipe runs one command with stdin and records it like session.run.
func (s *session) pipe(stdin string, args ...string) result {
	s.t.Helper()
	var out, errb bytes.Buffer
	err := run(args, strings.NewReader(stdin), &out, &errb, func(k string) string { return s.env[k] }, s.now)
	r := result{out.String(), errb.String(), exitStatus(err, &errb)}
	s.tx.WriteString("$ ... | afterview " + strings.Join(args, " ") + "\n" + r.stdout)
	for _, l := range strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n") {
		if l != "" {
			s.tx.WriteString("! " + l + "\n")
		}
	}
	s.tx.WriteString("\n")
	if r.code != 0 {
		s.t.Fatalf("afterview %v: exit %d: %s", args, r.code, r.stderr)
	}
	return r
}

func (s *session) write(name, content string) string {
	s.t.Helper()
	path := filepath.Join(s.dir, name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		s.t.Fatal(err)
	}
	return path
}

func TestCLIExportImportRoundTrip(t *testing.T) {
	s := newSession(t)
	s.seed()
	s.ok("config", "holidays", "GB")
	s.ok("archive", "5")
	s.ok("export")
	exported := s.last.stdout
	file := filepath.Join(s.dir, "afterview.json")
	s.ok("export", "-o", file)
	if b, _ := os.ReadFile(file); string(b) != exported {
		t.Error("export -o wrote other bytes than export to stdout")
	}
	// Into a new database: everything, settings included, and the same bytes out.
	other := filepath.Join(s.dir, "other.db")
	s.ok("--db", other, "import", "--dry-run", file)
	if _, err := os.Stat(other); err == nil {
		t.Error("import --dry-run created the database")
	}
	s.ok("--db", other, "import", file)
	if got := s.exec("--db", other, "export").stdout; got != exported {
		t.Errorf("export → import → export changed the bytes")
	}
	// Twice: nothing added, and the database untouched.
	before := fileSum(t, other)
	s.ok("--db", other, "import", file)
	if fileSum(t, other) != before {
		t.Error("importing the same file again changed the database")
	}
	s.ok("--db", other, "list", "--all")
	// Into a database in use: its own settings stay.
	s.ok("--db", filepath.Join(s.dir, "third.db"), "config", "reply_max_bd", "9")
	s.pipe(exported, "--db", filepath.Join(s.dir, "third.db"), "import", "-")
	s.ok("--db", filepath.Join(s.dir, "third.db"), "config", "holidays")
	s.golden()
}

func TestCLIImportSpreadsheet(t *testing.T) {
	s := newSession(t)
	sheet := filepath.Join(repoRoot, "testdata", "spreadsheet.csv")
	s.ok("import", "-n", sheet)
	if _, err := os.Stat(s.env["AFTERVIEW_DB"]); err == nil {
		t.Error("import --dry-run created the database")
	}
	s.ok("import", sheet)
	s.ok("import", "--date-format", "MM/DD/YYYY", filepath.Join(repoRoot, "testdata", "spreadsheet-us.csv"))
	s.ok("import", "--dry-run", "--date-format", "DD.MM.YYYY", filepath.Join(repoRoot, "testdata", "spreadsheet-eu.csv"))
	s.pipe("Company;Role;Interview date\nGlobex;PM;20.11.2026\nAcme Robotics;senior backend engineer;\n",
		"import", "-", "--format", "csv", "--date-format", "DD.MM.YYYY")
	s.ok("list")
	s.ok("export", "--format", "csv")
	csvFile := filepath.Join(s.dir, "apps.csv")
	s.ok("export", "-o", csvFile)
	if b, _ := os.ReadFile(csvFile); string(b) != s.exec("export", "--format", "csv").stdout {
		t.Error("export -o x.csv is not the CSV export")
	}
	s.ok("import", csvFile) // the CSV export reads back as the same applications
	s.golden()
}

// TestCLISpreadsheetWorkbook imports a candidate's own Excel workbook, then
// exports the database as a workbook and reads it into an empty database:
// the JSON exports of both databases are the same.
func TestCLISpreadsheetWorkbook(t *testing.T) {
	s := newSession(t)
	book := filepath.Join(repoRoot, "testdata", "spreadsheet.xlsx")
	s.ok("import", "--dry-run", book)
	s.ok("import", book)
	s.ok("import", book, "--sheet", "2025")
	s.fail("import", book, "--sheet", "2024")
	s.fail("import", filepath.Join(repoRoot, "testdata", "spreadsheet.csv"), "--sheet", "2025")
	s.ok("log", "1", "offer", "--deadline", "+7d", "--base", "180k", "--currency", "USD")
	out := filepath.Join(s.dir, "applications.xlsx")
	s.ok("export", "-o", out)
	s.fail("export", "-o", out, "--bom")
	s.ok("export", "--format", "csv", "--bom")
	want := s.exec("export").stdout

	s.env["AFTERVIEW_DB"] = filepath.Join(s.dir, "fresh.db")
	s.ok("import", out)
	if got := s.exec("export").stdout; got != want {
		t.Errorf("export → xlsx → import → export differs:\n%s\nwant\n%s", got, want)
	}
	s.golden()
}

func TestCLIDataErrorsWriteNothing(t *testing.T) {
	s := newSession(t)
	s.seed()
	db := s.env["AFTERVIEW_DB"]
	good := filepath.Join(s.dir, "good.json")
	s.ok("export", "-o", good)
	export, _ := os.ReadFile(good)
	files := map[string]string{
		"empty.csv":      "",
		"bom.csv":        "\ufeff\r\n",
		"nocompany.csv":  "Title,Interview date\nSRE,2026-11-20\n",
		"baddate.csv":    "Company,Interviewed\nNewCo,2026-11-20\nGlobex,\"Nov 20, 2026\"\n",
		"usdate.csv":     "Company,Interviewed\nNewCo,11/20/2026\n",
		"nocompanycell":  "Company,Role\n,SRE\n",
		"quote.csv":      "Company,Notes\nAcme,\"unclosed\n",
		"v2.json":        strings.Replace(string(export), "afterview/v1", "afterview/v2", 1),
		"other.json":     `{"format": "jsonresume/v1", "basics": {}}`,
		"list.json":      s.exec("list", "--json").stdout,
		"unknown.json":   strings.Replace(string(export), `"archived": false`, `"archived": false, "salary": 180000`, 1),
		"unknownev.json": strings.Replace(string(export), `"type": "heard"`, `"type": "heard", "mood": "good"`, 1),
		"badev.json":     strings.Replace(string(export), `"type": "heard"`, `"type": "heard", "deadline": "2026-12-01"`, 1),
		"bad.json":       `{"format": "afterview/v1", "applications": [{"company": "Acme",}]}`,
		"late.json":      strings.Replace(string(export), `"date": "2026-11-10"`, `"date": "2026-11-31"`, 1),
	}
	for name, content := range files {
		s.write(name, content)
	}
	if err := os.Mkdir(filepath.Join(s.dir, "adir"), 0o700); err != nil {
		t.Fatal(err)
	}
	s.write("backup.db", "an older backup")
	in := func(name string) string { return filepath.Join(s.dir, name) }
	before := fileSum(t, db)
	for _, args := range [][]string{
		{"import", in("missing.csv")},
		{"import", in("adir")},
		{"import", in("empty.csv")},
		{"import", in("bom.csv")},
		{"import", in("nocompany.csv")},
		{"import", in("baddate.csv")},
		{"import", in("usdate.csv")},
		{"import", in("usdate.csv"), "--date-format", "DD/MM/YYYY"},
		{"import", in("usdate.csv"), "--date-format", "MM/YYYY"},
		{"import", in("nocompanycell"), "--format", "csv"},
		{"import", in("quote.csv")},
		{"import", in("v2.json")},
		{"import", in("other.json")},
		{"import", in("list.json")},
		{"import", in("unknown.json")},
		{"import", in("unknownev.json")},
		{"import", in("badev.json")},
		{"import", in("bad.json")},
		{"import", in("late.json")},
		{"import", in("good.json"), "--date-format", "MM/DD/YYYY"},
		{"import", in("good.json"), "--format", "yaml"},
		{"import"},
		{"export", "--format", "xml"},
		{"export", "-o", db},
		{"export", "-o", in("adir")},
		{"export", "-o", in("good.json/x.json")},
		{"ics", "-o", db},
		{"backup"},
		{"backup", in("backup.db")},
		{"backup", db, "--force"},
		{"backup", in("adir")},
		{"backup", in("good.json/b.db")},
		{"--db", in("nothere.db"), "export"},
		{"--db", in("nothere.db"), "ics"},
		{"--db", in("nothere.db"), "backup", in("b2.db")},
	} {
		s.fail(args...)
		if fileSum(t, db) != before {
			t.Fatalf("afterview %v changed the database file", args)
		}
	}
	for _, name := range []string{"nothere.db", "b2.db"} {
		if _, err := os.Stat(in(name)); err == nil {
			t.Errorf("a failed command created %s", name)
		}
	}
	if b, _ := os.ReadFile(in("backup.db")); string(b) != "an older backup" {
		t.Error("backup without --force overwrote a file")
	}
	leftovers, _ := filepath.Glob(in(".afterview-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
	s.golden()
}

func TestCLIICS(t *testing.T) {
	s := newSession(t)
	s.seed()
	s.ok("log", "4", "interview", "--date", "2026-12-01", "--note", "team match")
	out := s.exec("ics").stdout
	file := filepath.Join(s.dir, "afterview.ics")
	s.ok("ics", "-o", file)
	s.ok("chase", "--days", "200")
	quiet := s.ok("ics", "--no-alarms", "--overdue-today").stdout
	s.fail("log", "4", "interview", "--date", "2026-12-01", "--at", "25:00")
	s.golden()
	if b, _ := os.ReadFile(file); string(b) != out {
		t.Error("ics -o wrote other bytes than ics to stdout")
	}
	for _, feed := range []string{out, quiet} {
		if n := pythonEntries(t, feed); n >= 0 && n != 5 {
			t.Errorf("Python's icalendar reads %d entries, want 5", n)
		}
	}
	cal, err := ics.ParseCalendar(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range cal.Events() {
		start, err := e.GetAllDayStartAt()
		if err != nil {
			t.Fatal(err)
		}
		got[e.Id()] = start.Format("2006-01-02") + " " + e.GetProperty(ics.ComponentPropertySummary).Value
	}
	// The same days as chase --days 200 prints, plus the interview booked on 1 Dec.
	want := map[string]string{
		"afterview-app-1-next@afterview": "2026-12-02 Follow up: Acme (SDE II)",
		"afterview-app-2-next@afterview": "2026-11-30 Follow up: Globex (PM)",
		"afterview-app-3-next@afterview": "2026-11-27 Offer deadline: Initech (SWE)",
		"afterview-app-5-next@afterview": "2027-04-20 Reapply window opens: Umbrella (SRE)",
		"afterview-event-9@afterview":    "2026-12-01 Interview: Hooli (Staff Engineer)",
	}
	for uid, w := range want {
		if got[uid] != w {
			t.Errorf("%s: %q, want %q", uid, got[uid], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("entries %v", got)
	}
}

func TestCLIBackup(t *testing.T) {
	s := newSession(t)
	s.seed()
	file := filepath.Join(s.dir, "backup.db")
	s.ok("backup", file)
	s.fail("backup", file)
	s.ok("log", "1", "heard")
	s.ok("backup", file, "--force")
	if got, want := s.exec("--db", file, "list", "--all", "--json").stdout, s.exec("list", "--all", "--json").stdout; got != want {
		t.Errorf("the backup lists\n%s\nthe database\n%s", got, want)
	}
	s.ok("--db", file, "doctor")
	s.golden()
}

// Issue 11, items 1, 4 and 5: no output path reaches the live database or
// its -wal, -shm and -journal files, however it is spelled; missing folders
// are made; a symlink's target is written, the link kept.
func TestCLIOutputsNeverTouchTheDatabase(t *testing.T) {
	s := newSession(t)
	s.seed()
	db := s.env["AFTERVIEW_DB"]
	// The TUI, say, holds the database open: its -wal and -shm files exist.
	hold, err := store.Open(db, func() timeline.Date { return timeline.MustDate(testToday) })
	if err != nil {
		t.Fatal(err)
	}
	defer hold.Close()
	if _, err := hold.Entries(true); err != nil {
		t.Fatal(err)
	}
	want := s.exec("list", "--all", "--json").stdout
	os.Symlink(db+"-wal", filepath.Join(s.dir, "feed.ics"))
	os.Mkdir(filepath.Join(s.dir, "sub"), 0o700)
	dotdot := filepath.Join(s.dir, "sub", "..", "av.db-shm")
	for _, args := range [][]string{
		{"export", "-o", db + "-wal"},
		{"export", "--format", "csv", "-o", db + "-shm"},
		{"export", "-o", db + "-journal"},
		{"ics", "-o", db + "-shm"},
		{"ics", "-o", filepath.Join(s.dir, "feed.ics")},
		{"ics", "-o", dotdot},
		{"backup", db + "-wal"},
		{"backup", "--force", db + "-wal"},
		{"backup", "--force", db + "-shm"},
		{"backup", "--force", dotdot},
	} {
		r := s.fail(args...)
		if !strings.Contains(r.stderr, "writing there would destroy your data") {
			t.Errorf("afterview %v: %s", args, r.stderr)
		}
	}
	if got := s.exec("list", "--all", "--json"); got.code != 0 || got.stdout != want {
		t.Errorf("the database no longer reads the same: %s", got.stderr)
	}
	s.ok("doctor")

	// Folders are made; a link to a file is written through.
	out := filepath.Join(s.dir, "backups", "2026", "av.db")
	s.ok("backup", out)
	s.ok("export", "-o", filepath.Join(s.dir, "exports", "av.json"))
	target := filepath.Join(s.dir, "real.ics")
	s.write("real.ics", "old")
	os.Symlink(target, filepath.Join(s.dir, "cal.ics"))
	s.ok("ics", "-o", filepath.Join(s.dir, "cal.ics"))
	if fi, err := os.Lstat(filepath.Join(s.dir, "cal.ics")); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the symlink was replaced")
	}
	if b, _ := os.ReadFile(target); !strings.HasPrefix(string(b), "BEGIN:VCALENDAR") {
		t.Errorf("the link's target holds %q", b)
	}
	for _, f := range []string{out, target, filepath.Join(s.dir, "exports", "av.json")} {
		if fi, err := os.Stat(f); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, %v; want 0600", f, fi.Mode(), err)
		}
	}
}

// hostile holds every kind of character that must never reach a terminal
// raw: escape sequences, C0 and C1 controls, bidi controls, zero-width ones.
const hostile = "Ev\x1b]0;pwned\x07il\x1b[2J\u009b31m\u0085\u202eproC\u2066\u200b\ufeff\x08"

// rawTerminalText returns the first character of out that a terminal would
// act on or hide, or "" when there is none.
func rawTerminalText(out string) string {
	for _, r := range out {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f),
			r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069,
			r == 0x200b || r == 0x200c || r == 0x200d || r == 0x2060 || r == 0xfeff:
			return fmt.Sprintf("%U", r)
		}
	}
	return ""
}

// Issue 11, item 7: the import, export and ics paths and the errors that
// echo paths and flag values print no raw control, bidi or zero-width
// character; JSON escapes them.
func TestCLIUserTextNeverReachesTheTerminalRaw(t *testing.T) {
	s := newSession(t)
	s.seed()
	csvFile := s.write("evil.csv", "Company,Role,"+hostile+"\n"+hostile+",\"SRE\nnight\x1b[1A\",x\n")
	var outs []result
	outs = append(outs, s.ok("import", "--dry-run", csvFile), s.ok("import", csvFile))
	outs = append(outs, s.ok("export", "--format", "csv"), s.ok("ics"), s.ok("export"),
		s.ok("list", "--json"), s.ok("list"))
	outs = append(outs,
		s.run("import", filepath.Join(s.dir, "no"+hostile+".csv")),
		s.run("export", "--format", hostile),
		s.run("export", "-o", filepath.Join(s.dir, hostile, "..", "av.db")),
		s.run("import", s.write("bad.csv", "Company,Interviewed\nAcme,"+hostile+"\n")))
	for i, r := range outs {
		if bad := rawTerminalText(r.stdout + r.stderr); bad != "" {
			t.Errorf("output %d holds %s raw:\n%q\n%q", i, bad, r.stdout, r.stderr)
		}
	}
	if json := s.exec("export").stdout; !strings.Contains(json, `\u202e`) || !strings.Contains(json, `\u0085`) {
		t.Errorf("the JSON export does not escape C1 and bidi characters")
	}
	if !strings.Contains(outs[0].stdout, "EvilproC") {
		t.Errorf("the dry run does not show the sanitised name: %q", outs[0].stdout)
	}
}

// Issue 11, item 2: a file cut short is refused untouched by every command;
// a file with damaged pages is reported by doctor and not backed up.
func TestCLIDamagedDatabases(t *testing.T) {
	s := newSession(t)
	db := filepath.Join(s.dir, "demo.db")
	s.ok("demo", "--no-tui", "--apps", "60", "--db", db)
	data, err := os.ReadFile(db)
	if err != nil || len(data) < 49000 {
		t.Fatalf("demo database: %d bytes, %v", len(data), err)
	}
	cut := s.write("L.db", string(data[:49000]))
	for _, args := range [][]string{{"doctor"}, {"backup", filepath.Join(s.dir, "b.db")}, {"list"}, {"add", "--company", "X", "--role", "Y"}} {
		r := s.fail(append([]string{"--db", cut}, args...)...)
		if !strings.Contains(r.stderr, "is damaged: it is 49000 bytes long") {
			t.Errorf("afterview %v: %s", args, r.stderr)
		}
	}
	if b, _ := os.ReadFile(cut); string(b) != string(data[:49000]) {
		t.Error("the cut file was changed")
	}
	for _, c := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Stat(cut + c); err == nil {
			t.Errorf("a %s file was left beside the cut file", c)
		}
	}
	// Damaged pages, the length intact.
	bad := []byte(string(data))
	junk := strings.Repeat("\xde\xad\xbe\xef", 1024)
	for _, page := range []int{3, 4, 5, 6} {
		copy(bad[page*4096+8:], junk)
	}
	broken := s.write("broken.db", string(bad))
	r := s.run("--db", broken, "doctor")
	if r.code != 1 || !strings.Contains(r.stderr, "is damaged: SQLite's integrity check found") || r.stdout == "" {
		t.Errorf("doctor on damaged pages: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = s.run("--db", broken, "backup", filepath.Join(s.dir, "b.db"))
	if r.code != 1 || !strings.Contains(r.stderr, "is damaged") {
		t.Errorf("backup of damaged pages: exit %d %s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(s.dir, "b.db")); err == nil {
		t.Error("a damaged database was backed up")
	}
}

// pythonEntries parses a feed with Python's icalendar (Debian's
// python3-icalendar) and returns how many entries it read, or -1 when it
// is not installed.
func pythonEntries(t *testing.T, feed string) int {
	t.Helper()
	cmd := exec.Command("/usr/bin/python3", "-c", `
import sys, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
for ev in cal.walk("VEVENT"):
    ev.decoded("DTSTART"); str(ev["SUMMARY"])
    for al in ev.walk("VALARM"):
        al.decoded("TRIGGER")
print(len(cal.walk("VEVENT")))
`)
	cmd.Stdin = strings.NewReader(feed)
	out, err := cmd.CombinedOutput()
	if err != nil {
		if _, statErr := os.Stat("/usr/bin/python3"); statErr != nil || strings.Contains(string(out), "No module named 'icalendar'") {
			t.Log("python3-icalendar is not installed: the feed is not checked with it")
			return -1
		}
		t.Fatalf("Python's icalendar cannot read the feed: %v\n%s", err, out)
	}
	n, err := strconv.Atoi(strings.TrimSpace(string(out)))
	if err != nil {
		t.Fatalf("python printed %q", out)
	}
	return n
}
