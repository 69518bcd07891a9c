package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// seedHistory logs, through the command line, the hand-made search whose
// figures timeline's insight tests work out by hand (today Tue 24 Nov 2026):
// 12 applications; answers after 0, 2, 2, 4, 6, 6 and 12 business days;
// promises kept 1, late 2 (by 3 and 2 bd), open 2 (1 past its date).
func (s *session) seedHistory() {
	s.t.Helper()
	add := func(company, role string, extra ...string) {
		s.t.Helper()
		s.ok(append([]string{"add", "--company", company, "--role", role}, extra...)...)
	}
	add("Acme", "SDE II", "--interviewed", "2026-11-02", "--recruiter", "Pat Lee", "--contact", "pat@acme.example") // 1
	s.ok("log", "1", "heard", "--date", "2026-11-04", "--by", "2026-11-09", "--note", "team liked you")
	s.ok("log", "1", "offer", "--date", "2026-11-06", "--base", "180k", "--currency", "USD")
	s.ok("log", "1", "accepted", "--date", "2026-11-09")
	add(" acme ", "SRE", "--interviewed", "2026-10-01") // 2
	s.ok("log", "2", "rejected", "--date", "2026-10-09")
	add("Globex", "PM", "--interviewed", "2026-10-16", "--recruiter", "Sam") // 3
	s.ok("log", "3", "heard", "--date", "2026-10-22", "--by", "2026-10-30")
	s.ok("log", "3", "followup", "--date", "2026-11-02", "--note", "=HYPERLINK(\"http://x\")")
	s.ok("log", "3", "heard", "--date", "2026-11-04", "--by", "2026-11-09")
	s.ok("log", "3", "rejected", "--date", "2026-11-11", "--note", "level; \"ask again\" in spring")
	add("Initech", "SWE", "--interviewed", "2026-11-09")            // 4
	add("Hooli", "Staff Engineer", "--contact", "hr@hooli.example") // 5
	s.ok("log", "5", "applied", "--date", "2026-10-01")
	s.ok("log", "5", "interview", "--date", "2026-10-12")
	s.ok("log", "5", "offer", "--date", "2026-10-28")
	s.ok("log", "5", "declined", "--date", "2026-10-30")
	add("Umbrella", "SRE") // 6
	s.ok("log", "6", "applied", "--date", "2026-11-16")
	s.ok("archive", "6")
	add("Stark", "Platform") // 7: rejected on the interview's day, logged first
	s.ok("log", "7", "rejected", "--date", "2026-11-13")
	s.ok("log", "7", "interview", "--date", "2026-11-13")
	add("Wayne", "EM", "--interviewed", "2026-11-16") // 8
	s.ok("log", "8", "withdrawn", "--date", "2026-11-18")
	add("Pied Piper", "Engineer", "--interviewed", "2026-11-03") // 9
	s.ok("log", "9", "interview", "--date", "2026-12-01")
	add("Vandelay", "Importer", "--interviewed", "2026-11-18") // 10
	s.ok("log", "10", "heard", "--date", "2026-11-20", "--by", "2026-11-27")
	add("Kojo", "Data", "--interviewed", "2026-10-19") // 11
	s.ok("log", "11", "heard", "--date", "2026-10-27", "--by", "2026-10-30")
	add("Cyberdyne", "ML", "--interviewed", "2026-09-28") // 12
	s.ok("log", "12", "followup", "--date", "2026-10-12")
	s.ok("log", "12", "followup", "--date", "2026-10-19")
	s.ok("log", "12", "note", "--date", "2026-10-20", "--note", "line one\nline two \x1b[31mred\x1b[0m")
}

// statsJSON is the documented shape of `stats --json`.
type statsJSON struct {
	Funnel     map[string]int  `json:"funnel"`
	ResponseBD map[string]*int `json:"response_bd"`
	Within     map[string]int  `json:"within"`
	Promises   map[string]int  `json:"promises"`
	Companies  []struct {
		Company      string `json:"company"`
		Processes    int    `json:"processes"`
		MedianBD     *int   `json:"median_bd"`
		PromisesKept int    `json:"promises_kept"`
	} `json:"companies"`
	Suggestion *struct {
		ReplyMaxBD int `json:"reply_max_bd"`
	} `json:"suggestion"`
}

func TestCLIStats(t *testing.T) {
	s := newSession(t)
	s.seedHistory()
	s.tx.Reset() // the transcript starts with the reports
	s.ok("stats")
	js := s.ok("stats", "--json")
	s.ok("stats", "--since", "2026-11-02")
	s.fail("stats", "--since", "someday")
	s.golden()

	var got statsJSON
	dec := json.NewDecoder(strings.NewReader(js.stdout))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("stats --json: %v", err)
	}
	wantFunnel := map[string]int{"applications": 12, "interviewed": 11, "offers": 2, "accepted": 1,
		"rejected": 3, "ghosted": 1, "declined": 1, "withdrawn": 1}
	if !reflect.DeepEqual(got.Funnel, wantFunnel) {
		t.Errorf("funnel = %v, want %v", got.Funnel, wantFunnel)
	}
	if c, m, p := got.ResponseBD["count"], got.ResponseBD["median"], got.ResponseBD["p80"]; c == nil || *c != 7 || m == nil || *m != 4 || p == nil || *p != 6 {
		t.Errorf("response_bd = %v, want count 7, median 4, p80 6", js.stdout)
	}
	if want := map[string]int{"debrief": 3, "decision": 1, "reply": 2, "late": 1, "none": 2}; !reflect.DeepEqual(got.Within, want) {
		t.Errorf("within = %v, want %v", got.Within, want)
	}
	if want := map[string]int{"kept": 1, "late": 2, "open": 2}; !reflect.DeepEqual(got.Promises, want) {
		t.Errorf("promises = %v, want %v", got.Promises, want)
	}
	if len(got.Companies) != 11 || got.Companies[0].Company != "Acme" || got.Companies[0].Processes != 2 ||
		*got.Companies[0].MedianBD != 2 || got.Companies[0].PromisesKept != 1 || got.Companies[1].MedianBD != nil {
		t.Errorf("companies = %+v, want Acme (2 processes, median 2, 1 kept) first, then Cyberdyne with no median", got.Companies)
	}
	if got.Suggestion == nil || got.Suggestion.ReplyMaxBD != 6 {
		t.Errorf("suggestion = %+v, want reply_max_bd 6", got.Suggestion)
	}

	// Too few answers: no suggestion in either form.
	js = s.ok("stats", "--since", "2026-11-02", "--json")
	if !strings.Contains(js.stdout, `"suggestion": null`) {
		t.Errorf("stats --since 2026-11-02 --json: want \"suggestion\": null (3 answers), got %s", js.stdout)
	}
	if out := s.ok("stats", "--since", "2026-11-02").stdout; strings.Contains(out, "afterview config") {
		t.Errorf("stats with 3 answers suggests a setting:\n%s", out)
	}
}

func TestCLIStatsEmpty(t *testing.T) {
	s := newSession(t)
	r := s.ok("stats")
	if !strings.Contains(r.stdout, "0 applications") || !strings.Contains(r.stdout, "Nothing to measure yet") {
		t.Errorf("stats with no database = %q", r.stdout)
	}
	if _, err := os.Stat(s.env["AFTERVIEW_DB"]); err == nil {
		t.Error("stats created a database")
	}
	if r := s.ok("stats", "--json"); !strings.Contains(r.stdout, `"companies": []`) || !strings.Contains(r.stdout, `"median": null`) {
		t.Errorf("stats --json with no database = %s", r.stdout)
	}
}

func TestCLIActivity(t *testing.T) {
	s := newSession(t)
	s.seedHistory()
	s.tx.Reset()
	s.ok("activity", "--since", "2026-11-02", "--until", "2026-11-15")
	s.ok("activity", "--since", "2026-11-09", "--until", "2026-11-22", "--format", "markdown")
	s.ok("activity", "--since", "2026-10-26", "--until", "2026-11-08", "--format", "csv")
	s.fail("activity")
	s.fail("activity", "--since", "2026-11-20", "--until", "2026-11-01")
	s.fail("activity", "--since", "2026-11-01", "--format", "pdf")
	s.golden()
}

// TestCLIActivityCSVOpensInASpreadsheet reads the CSV log with Python's csv
// module, as a spreadsheet would: one row per event, with its week, and a
// total row per week whose counts add up.
func TestCLIActivityCSVOpensInASpreadsheet(t *testing.T) {
	py := "/usr/bin/python3"
	if _, err := os.Stat(py); err != nil {
		t.Skip("no /usr/bin/python3 here")
	}
	s := newSession(t)
	s.seedHistory()
	out := filepath.Join(s.dir, "log.csv")
	s.ok("activity", "--since", "2026-09-28", "--until", "2026-11-24", "-o", out)
	script := `
import csv, sys, collections
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
kinds = ("Applications", "Interviews", "Follow-ups sent", "News", "Decisions")
events = [r for r in rows if r["Date"]]
weeks = collections.OrderedDict()
for r in rows:
    if r["What happened"].startswith("week total"):
        weeks[r["Week"]] = r
total = [r for r in rows if r["What happened"].startswith("total")]
assert len(total) == 1, total
assert len(weeks) == 9, list(weeks)
for w, r in weeks.items():
    mine = [e for e in events if e["Week"] == w]
    assert all(e[k] == "" for e in mine for k in kinds), mine
for k in kinds:
    assert sum(int(r[k]) for r in weeks.values()) == int(total[0][k]), k
multi = [e for e in events if e["Company"] == "Cyberdyne" and e["What happened"] == "note"]
assert multi and "\n" not in multi[0]["Note"] and "\x1b" not in multi[0]["Note"], multi
formula = [e for e in events if "HYPERLINK" in e["Note"]]
assert formula[0]["Note"] == "'=HYPERLINK(\"http://x\")", formula  # text, never run
quoted = [e for e in events if "ask again" in e["Note"]]
assert quoted[0]["Note"] == 'level; "ask again" in spring', quoted
print(len(events), total[0]["Applications"], total[0]["Interviews"], total[0]["Follow-ups sent"], total[0]["News"], total[0]["Decisions"])
`
	got, err := exec.Command(py, "-c", script, out).CombinedOutput()
	if err != nil {
		t.Fatalf("python3 could not read the CSV as a spreadsheet would: %v\n%s", err, got)
	}
	// Every event of the hand-made history but the booked interview (1 Dec):
	// 30, of which 2 applications, 11 interviews, 3 follow-ups, 5 news
	// (Acme 1, Globex 2, Vandelay 1, Kojo 1), 8 decisions (Acme's offer and
	// acceptance, 2 rejections of Acme SRE and Globex, Hooli's offer and
	// refusal, Stark's rejection, Wayne's withdrawal) and a note.
	if want := "30 2 11 3 5 8\n"; string(got) != want {
		t.Errorf("python3 read: %q, want %q (events, then the totals)", got, want)
	}
}
