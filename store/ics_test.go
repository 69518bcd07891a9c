package store

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/afterview/afterview/timeline"
	ics "github.com/arran4/golang-ical"
)

var icsStamp = time.Date(2026, 11, 26, 8, 30, 0, 0, time.UTC)

// icsZone is where the tests' interview times are: New York, five hours
// behind UTC in winter.
var icsZone = time.FixedZone("EST", -5*60*60)

// calendarStore is a store on Thursday 26 November 2026 with one application
// for each kind of calendar entry, an archived one and one that must not
// appear, and the entries (day and title by UID) the feed must hold.
func calendarStore(t *testing.T) (*Store, map[string]string) {
	t.Helper()
	s := openTest(t)
	d := timeline.MustDate
	ev := func(typ timeline.EventType, date string) timeline.Event {
		return timeline.Event{Type: typ, Date: d(date)}
	}
	add := func(app timeline.Application, evs ...timeline.Event) int64 {
		t.Helper()
		id, err := s.AddApplication(app, evs...)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	offer := ev(timeline.EventOffer, "2026-11-24")
	offer.Deadline = d("2026-12-03")
	snooze := ev(timeline.EventSnooze, "2026-11-25")
	snooze.Until = d("2026-12-04")

	// Interview Fri 20 Nov: the reply window closes 7 business days later
	// (Tue 1 Dec), so the follow-up is due the next business day, Wed 2 Dec.
	acme := add(timeline.Application{Company: "Acme Robotics", Role: "SDE II", Recruiter: "Pat Lee",
		Contact: "pat@acme.example", URL: "https://jobs.acme.example/1"}, ev(timeline.EventInterview, "2026-11-20"))
	globex := add(timeline.Application{Company: "Globex", Role: "SRE"}, ev(timeline.EventInterview, "2026-11-10"), offer)
	initech := add(timeline.Application{Company: "Initech"}, ev(timeline.EventInterview, "2026-06-01"), ev(timeline.EventRejected, "2026-06-10"))
	// On hold since Mon 2 Nov: check in 30 days later, the first business day after Wed 2 Dec.
	hooli := add(timeline.Application{Company: "Hooli", Role: "ML Engineer"}, ev(timeline.EventInterview, "2026-10-01"), ev(timeline.EventHold, "2026-11-02"))
	kojo := add(timeline.Application{Company: "Kojo Labs", Role: "Data Engineer"}, ev(timeline.EventInterview, "2026-12-01"))
	// Overdue since mid-November but snoozed until Fri 4 Dec: shown that day.
	zq := add(timeline.Application{Company: "Zürich Quant AG, Inc; \"Rates\"", Notes: "not in the feed"},
		ev(timeline.EventInterview, "2026-11-02"), snooze)
	arch := add(timeline.Application{Company: "Umbrella Health"}, ev(timeline.EventInterview, "2026-11-20"), offer)
	if err := s.SetArchived(arch, true); err != nil {
		t.Fatal(err)
	}
	add(timeline.Application{Company: "Stark Analytics"}, ev(timeline.EventInterview, "2026-08-01"), ev(timeline.EventWithdrawn, "2026-08-05"))

	evs, err := s.Events(kojo)
	if err != nil {
		t.Fatal(err)
	}
	return s, map[string]string{
		icsUID(acme):               "2026-12-02 Follow up: Acme Robotics (SDE II)",
		icsUID(globex):             "2026-12-03 Offer deadline: Globex (SRE)",
		icsUID(initech):            "2026-12-10 Reapply window opens: Initech",
		icsUID(hooli):              "2026-12-03 Check in (on hold): Hooli (ML Engineer)",
		icsInterviewUID(evs[0].ID): "2026-12-01 Interview: Kojo Labs (Data Engineer)",
		icsUID(zq):                 "2026-12-04 Follow up: Zürich Quant AG, Inc; \"Rates\"",
	}
}

// parseFeed parses a feed with golang-ical and returns "day title" by UID,
// checking what every entry must have.
func parseFeed(t *testing.T, feed []byte) map[string]string {
	t.Helper()
	cal, err := ics.ParseCalendar(bytes.NewReader(feed))
	if err != nil {
		t.Fatalf("the feed does not parse: %v", err)
	}
	got := map[string]string{}
	for _, e := range cal.Events() {
		uid := e.Id()
		start, err := e.GetAllDayStartAt()
		if err != nil {
			t.Fatalf("%s: %v", uid, err)
		}
		end, err := e.GetAllDayEndAt()
		if err != nil || end.Sub(start) != 24*time.Hour {
			t.Errorf("%s: DTEND %v, want the day after DTSTART %v (%v)", uid, end, start, err)
		}
		if p := e.GetProperty(ics.ComponentPropertyDtStart); p == nil || p.ICalParameters["VALUE"][0] != "DATE" {
			t.Errorf("%s: DTSTART is not an all-day DATE", uid)
		}
		if stamp, err := e.GetDtStampTime(); err != nil || !stamp.Equal(icsStamp) {
			t.Errorf("%s: DTSTAMP %v, %v", uid, stamp, err)
		}
		if !strings.HasSuffix(uid, "@afterview") {
			t.Errorf("UID %q", uid)
		}
		if _, dup := got[uid]; dup {
			t.Errorf("UID %s twice", uid)
		}
		got[uid] = start.Format("2006-01-02") + " " + e.GetProperty(ics.ComponentPropertySummary).Value
	}
	return got
}

func feed(t *testing.T, s *Store) []byte {
	t.Helper()
	return feedWith(t, s, ICSOptions{})
}

// feedWith writes a feed with the given options (the stamp and zone are the
// tests' own) and has Python's icalendar parse it too.
func feedWith(t *testing.T, s *Store, opt ICSOptions) []byte {
	t.Helper()
	opt.Stamp, opt.Zone = icsStamp, icsZone
	var b bytes.Buffer
	if _, err := s.WriteICS(&b, opt); err != nil {
		t.Fatal(err)
	}
	pythonICS(t, b.Bytes())
	return b.Bytes()
}

func TestICSHasAnAllDayEntryForEachNextActionAndScheduledInterview(t *testing.T) {
	s, want := calendarStore(t)
	out := feed(t, s)
	got := parseFeed(t, out)
	for uid, w := range want {
		if got[uid] != w {
			t.Errorf("%s: got %q, want %q", uid, got[uid], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d entries, want %d (no archived, closed or withdrawn ones): %v", len(got), len(want), got)
	}
	if !bytes.Equal(out, feed(t, s)) {
		t.Error("two feeds of the same data differ")
	}
	text := string(out)
	for _, w := range []string{"PRODID:-//afterview//afterview//EN\r\n", "DESCRIPTION:Follow up with Pat Lee",
		"URL:https://jobs.acme.example/1\r\n", "TRANSP:TRANSPARENT\r\n"} {
		if !strings.Contains(text, w) {
			t.Errorf("the feed lacks %q", w)
		}
	}
	if strings.Contains(text, "Umbrella") || strings.Contains(text, "not in the feed") {
		t.Error("an archived application or a note leaked into the feed")
	}
}

func TestICSUIDStaysWhenTheDueDateMovesOrTheActionChanges(t *testing.T) {
	s := openTest(t)
	id, err := s.AddApplication(timeline.Application{Company: "Acme"},
		timeline.Event{Type: timeline.EventInterview, Date: timeline.MustDate("2026-11-20")})
	if err != nil {
		t.Fatal(err)
	}
	uid := icsUID(id)
	steps := []struct {
		log  timeline.Event
		want string
	}{
		{timeline.Event{}, "2026-12-02 Follow up: Acme"},
		// They promise news by Wed 9 Dec: follow up the next business day.
		{timeline.Event{Type: timeline.EventHeard, Date: day, By: timeline.MustDate("2026-12-09")}, "2026-12-10 Follow up: Acme"},
		{timeline.Event{Type: timeline.EventOffer, Date: day, Deadline: timeline.MustDate("2026-12-04")}, "2026-12-04 Offer deadline: Acme"},
	}
	for _, st := range steps {
		if st.log.Type != "" {
			if _, err := s.LogEvent(id, st.log); err != nil {
				t.Fatal(err)
			}
		}
		got := parseFeed(t, feed(t, s))
		if len(got) != 1 || got[uid] != st.want {
			t.Errorf("after %s: %v, want only %s %q", st.log.Type, got, uid, st.want)
		}
	}
}

// TestCalcurseImportsTheFeed imports the feed into calcurse, a real
// calendar, and checks each entry lands on its day.
func TestCalcurseImportsTheFeed(t *testing.T) {
	bin, err := exec.LookPath("calcurse")
	if err != nil {
		t.Skip("calcurse is not installed (apt install calcurse): the feed is not checked against a real calendar")
	}
	s, want := calendarStore(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "afterview.ics")
	if err := os.WriteFile(file, feed(t, s), 0o600); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(bin, append([]string{"-D", filepath.Join(dir, "cal")}, args...)...)
		cmd.Env = append(os.Environ(), "HOME="+dir, "XDG_CONFIG_HOME="+dir, "XDG_DATA_HOME="+dir, "LC_ALL=C")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("calcurse %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	if err := os.Mkdir(filepath.Join(dir, "cal"), 0o700); err != nil {
		t.Fatal(err)
	}
	report := run("-i", file)
	if !strings.Contains(report, fmt.Sprintf("%d events", len(want))) || !strings.Contains(report, "0 skipped") {
		t.Errorf("calcurse's import report: %s", report)
	}
	// -Q prints each day ("12/02/26:") and its items (" * title").
	out := run("-Q", "--input-datefmt", "4", "--from", "2026-11-01", "--days", "60")
	var got []string
	var dayHead string
	for _, line := range strings.Split(out, "\n") {
		switch {
		case strings.HasSuffix(line, ":") && !strings.HasPrefix(line, " "):
			d, err := time.Parse("01/02/06:", line)
			if err != nil {
				t.Fatalf("calcurse day %q: %v", line, err)
			}
			dayHead = d.Format("2006-01-02")
		case strings.HasPrefix(line, " * "):
			got = append(got, dayHead+" "+strings.TrimPrefix(line, " * "))
		}
	}
	var wanted []string
	for _, w := range want {
		wanted = append(wanted, w)
	}
	slices.Sort(got)
	slices.Sort(wanted)
	if !slices.Equal(got, wanted) {
		t.Errorf("calcurse shows\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wanted, "\n"))
	}
}

// pythonICSScript parses a feed with Python's icalendar (Debian's
// python3-icalendar), a second real client besides calcurse, and prints
// each entry: UID, start (a date, or a UTC time), summary, and each
// reminder's trigger (a duration in seconds, or a UTC time).
const pythonICSScript = `
import sys, datetime, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
for ev in cal.walk("VEVENT"):
    start = ev.decoded("DTSTART")
    if isinstance(start, datetime.datetime):
        start = start.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%MZ")
    else:
        start = start.isoformat()
    alarms = []
    for al in ev.walk("VALARM"):
        tr = al.decoded("TRIGGER")
        alarms.append(str(int(tr.total_seconds())) if isinstance(tr, datetime.timedelta) else tr.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%MZ"))
        assert str(al["ACTION"]) == "DISPLAY" and str(al["DESCRIPTION"])
    print(ev["UID"], start, str(ev["SUMMARY"]), " ".join(alarms), sep="|")
`

// pythonICS parses a feed with Python's icalendar and returns its entries,
// one line each (see pythonICSScript); every feed the tests write goes
// through it. It skips when python3-icalendar is not installed.
func pythonICS(t *testing.T, feed []byte) []string {
	t.Helper()
	if _, err := os.Stat("/usr/bin/python3"); err != nil {
		t.Log("no /usr/bin/python3: the feed is not checked with Python's icalendar")
		return nil
	}
	cmd := exec.Command("/usr/bin/python3", "-c", pythonICSScript)
	cmd.Stdin = bytes.NewReader(feed)
	out, err := cmd.CombinedOutput()
	if err != nil {
		if strings.Contains(string(out), "No module named 'icalendar'") {
			t.Log("python3-icalendar is not installed (apt install python3-icalendar): the feed is not checked with it")
			return nil
		}
		t.Fatalf("Python's icalendar cannot read the feed: %v\n%s\n%s", err, out, feed)
	}
	return strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
}

func TestICSRemindersAt9OnADueDayAndTheEveningBeforeAnInterview(t *testing.T) {
	s, _ := calendarStore(t)
	feed := feed(t, s)
	lines := pythonICS(t, feed)
	if lines == nil {
		t.Skip("python3-icalendar is not installed")
	}
	// All-day entries start at midnight: +9 h is 09:00 on the due day,
	// -6 h is 18:00 the evening before the interview.
	want := []string{
		"afterview-event-%d@afterview|2026-12-01|Interview: Kojo Labs (Data Engineer)|-21600",
		"afterview-app-1-next@afterview|2026-12-02|Follow up: Acme Robotics (SDE II)|32400",
	}
	evs, _ := s.Events(5)
	want[0] = fmt.Sprintf(want[0], evs[0].ID)
	for _, w := range want {
		if !slices.Contains(lines, w) {
			t.Errorf("the feed lacks %q:\n%s", w, strings.Join(lines, "\n"))
		}
	}
	for _, l := range lines {
		if strings.HasSuffix(l, "|") {
			t.Errorf("an entry without a reminder: %s", l)
		}
	}
	if n := strings.Count(string(feedWith(t, s, ICSOptions{NoAlarms: true})), "BEGIN:VALARM"); n != 0 {
		t.Errorf("--no-alarms: %d reminders", n)
	}
}

func TestICSInterviewWithATimeIsATimedEntry(t *testing.T) {
	s := openTest(t)
	d := timeline.MustDate
	id, err := s.AddApplication(timeline.Application{Company: "Acme", Role: "SRE"},
		timeline.Event{Type: timeline.EventInterview, Date: d("2026-11-20")},
		timeline.Event{Type: timeline.EventInterview, Date: d("2026-12-03"), At: "14:30", Note: "onsite"})
	if err != nil {
		t.Fatal(err)
	}
	evs, _ := s.Events(id)
	out := feed(t, s)
	text := string(out)
	// 14:30 in New York (UTC-5) is 19:30 UTC; the reminder is 18:00 there the day before.
	for _, w := range []string{"DTSTART:20261203T193000Z\r\n", "DTEND:20261203T203000Z\r\n", "TRANSP:OPAQUE\r\n",
		"TRIGGER;VALUE=DATE-TIME:20261202T230000Z\r\n", "DESCRIPTION:At 14:30 (EST time). onsite\r\n"} {
		if !strings.Contains(text, w) {
			t.Errorf("the feed lacks %q:\n%s", w, text)
		}
	}
	want := fmt.Sprintf("afterview-event-%d@afterview|2026-12-03T19:30Z|Interview: Acme (SRE)|2026-12-02T23:00Z", evs[1].ID)
	if lines := pythonICS(t, out); lines != nil && !slices.Contains(lines, want) {
		t.Errorf("Python's icalendar reads\n%s\nwant the line %s", strings.Join(lines, "\n"), want)
	}
}

func TestICSOverdueToday(t *testing.T) {
	s := openTest(t) // today is Thu 26 Nov 2026
	_, err := s.AddApplication(timeline.Application{Company: "Initech"},
		timeline.Event{Type: timeline.EventInterview, Date: timeline.MustDate("2026-11-02")})
	if err != nil {
		t.Fatal(err)
	}
	// The follow-up was due on Thu 12 Nov.
	if got := parseFeed(t, feed(t, s))[icsUID(1)]; got != "2026-11-12 Follow up: Initech" {
		t.Errorf("without --overdue-today: %q", got)
	}
	out := feedWith(t, s, ICSOptions{OverdueToday: true})
	if got := parseFeed(t, out)[icsUID(1)]; got != "2026-11-26 Follow up: Initech" {
		t.Errorf("with --overdue-today: %q", got)
	}
	if !strings.Contains(string(out), "DESCRIPTION:Overdue since Thu 12 Nov 2026. Follow up") {
		t.Errorf("the entry does not say since when it is overdue:\n%s", out)
	}
}

// Issue 11, item 8: the feed holds no control characters, only valid UTF-8,
// and only dates a calendar can hold.
func TestICSHoldsNoControlCharactersAndOnlyUTF8(t *testing.T) {
	s := openTest(t)
	_, err := s.AddApplication(timeline.Application{Company: "Evil\x1b]0;pwned\x07 Corp\u202e", Role: "R\x00ole\x7f\u0085",
		Recruiter: "Pat\rLee\tX", Contact: "bad contact", URL: "https://x.example/\x1b[2J"},
		timeline.Event{Type: timeline.EventInterview, Date: timeline.MustDate("2026-12-03"), Note: "line1\r\nline2\x0c"})
	if err != nil {
		t.Fatal(err)
	}
	// Invalid UTF-8 is refused at input now; an older database may hold it.
	if _, err := s.db.Exec("UPDATE applications SET contact = ?", "bad \xff\xfe byte"); err != nil {
		t.Fatal(err)
	}
	out := feed(t, s)
	if !utf8.Valid(out) {
		t.Error("the feed is not valid UTF-8")
	}
	for i, r := range string(out) {
		if (unicode.IsControl(r) && r != '\r' && r != '\n') || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			t.Errorf("a control character %U at byte %d: %q", r, i, out[max(0, i-20):min(len(out), i+20)])
		}
	}
	// Only CRLF line ends, never a bare CR or LF.
	if strings.Count(string(out), "\n") != strings.Count(string(out), "\r\n") || strings.Count(string(out), "\r") != strings.Count(string(out), "\r\n") {
		t.Error("a bare CR or LF in the feed")
	}
	text := string(out)
	for _, w := range []string{"SUMMARY:Interview: Evil]0\\;pwned Corp (Role)\r\n", "Recruiter: Pat\\nLee X bad \ufffd byte", "line1\\nline2"} {
		if !strings.Contains(strings.ReplaceAll(text, "\r\n ", ""), w) {
			t.Errorf("the feed lacks %q:\n%s", w, text)
		}
	}
	if strings.Contains(text, "URL:") {
		t.Error("a URL with a control character in it was kept")
	}
}

func TestICSRefusesADateACalendarCannotHold(t *testing.T) {
	// An old database may hold a date that input now refuses: the feed says which, and writes nothing.
	s := openTest(t)
	id, err := s.AddApplication(timeline.Application{Company: "Far Future"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec("INSERT INTO events (application_id, type, date) VALUES (?, 'interview', '9999-12-31')", id); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	_, err = s.WriteICS(&b, ICSOptions{Stamp: icsStamp})
	want := `"Interview: Far Future" falls on 9999-12-31, outside the dates a calendar holds (0001-01-01 to 9999-12-30)`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got %v, want %q", err, want)
	}
	// At input, a date whose reapply window could run past 9999 is refused.
	_, err = s.LogEvent(id, timeline.Event{Type: timeline.EventRejected, Date: timeline.MustDate("9950-01-01")})
	if err == nil || err.Error() != "the date 9950-01-01 is out of range: afterview takes dates from 0001-01-01 to 9899-12-31" {
		t.Errorf("a date beyond 9899 at input: %v", err)
	}
}

// TestCalcurseShowsATimedInterviewAtItsLocalTime imports a feed with an
// interview logged at 14:30 into calcurse running in the same zone (EST,
// UTC-5): it shows 14:30 to 15:30 on that day.
func TestCalcurseShowsATimedInterviewAtItsLocalTime(t *testing.T) {
	bin, err := exec.LookPath("calcurse")
	if err != nil {
		t.Skip("calcurse is not installed (apt install calcurse)")
	}
	s := openTest(t)
	if _, err := s.AddApplication(timeline.Application{Company: "Acme", Role: "SRE"},
		timeline.Event{Type: timeline.EventInterview, Date: timeline.MustDate("2026-12-03"), At: "14:30"}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "afterview.ics")
	if err := os.WriteFile(file, feed(t, s), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "cal"), 0o700); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(bin, append([]string{"-D", filepath.Join(dir, "cal")}, args...)...)
		cmd.Env = append(os.Environ(), "HOME="+dir, "XDG_CONFIG_HOME="+dir, "XDG_DATA_HOME="+dir, "LC_ALL=C", "TZ=EST5")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("calcurse %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	run("-i", file)
	got := run("-Q", "--input-datefmt", "4", "--from", "2026-12-03", "--days", "1")
	if want := "12/03/26:\n - 14:30 -> 15:30\n\tInterview: Acme (SRE)\n"; got != want {
		t.Errorf("calcurse shows\n%q\nwant\n%q", got, want)
	}
}
