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

	"github.com/afterview/afterview/timeline"
	ics "github.com/arran4/golang-ical"
)

var icsStamp = time.Date(2026, 11, 26, 8, 30, 0, 0, time.UTC)

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
	var b bytes.Buffer
	if _, err := s.WriteICS(&b, icsStamp); err != nil {
		t.Fatal(err)
	}
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
