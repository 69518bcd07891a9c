package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/afterview/afterview/timeline"
)

// fullStore is a store with every stage of the demo, archived applications,
// every extra field of every event type, text that JSON must escape, and
// settings changed from the defaults.
func fullStore(t testing.TB, today timeline.Date) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "full.db"), func() timeline.Date { return today })
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := FillDemo(s, 60); err != nil {
		t.Fatal(err)
	}
	for _, kv := range [][2]string{{"holidays", "US"}, {"reply_max_bd", "9"}} {
		if err := s.SetSetting(kv[0], kv[1]); err != nil {
			t.Fatal(err)
		}
	}
	offer := timeline.Event{Type: timeline.EventOffer, Date: today.AddDays(-2), Deadline: today.AddDays(5),
		Base: 150000, Bonus: 10000, Equity: 40000, Currency: "CHF", Note: "written offer <b>\"final\"</b> & more"}
	heard := timeline.Event{Type: timeline.EventHeard, Date: today.AddDays(-5), By: today.AddDays(-3), Note: "same day, logged first"}
	_, err = s.AddApplication(timeline.Application{Company: "Zürich Quant AG", Role: "Quant Developer, Rates",
		Recruiter: "Jürg Müller", Notes: "line one\nline two\t\"quoted\" \\ back\x01", Archived: true},
		timeline.Event{Type: timeline.EventInterview, Date: today.AddDays(-5), Note: "第一轮"}, heard, offer,
		timeline.Event{Type: timeline.EventSnooze, Date: today.AddDays(-1), Until: today.AddDays(3)})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteApplication(3); err != nil { // a gap in the ids
		t.Fatal(err)
	}
	return s
}

func exportJSON(t testing.TB, s *Store) []byte {
	t.Helper()
	var b bytes.Buffer
	if _, err := s.ExportJSON(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func importJSON(t testing.TB, s *Store, data []byte, dryRun bool) ImportResult {
	t.Helper()
	b, err := ReadJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	res, err := s.Import(b, dryRun)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestExportImportExportIsByteIdentical(t *testing.T) {
	src := fullStore(t, day)
	first := exportJSON(t, src)
	if !bytes.Equal(first, exportJSON(t, src)) {
		t.Fatal("two exports of the same database differ")
	}
	dst := openTest(t)
	res := importJSON(t, dst, first, false)
	if res.Added != 60 || res.Skipped != 0 || res.Settings != SettingsApplied {
		t.Errorf("import: added %d, skipped %d, settings %q; want 60, 0, applied", res.Added, res.Skipped, res.Settings)
	}
	if second := exportJSON(t, dst); !bytes.Equal(first, second) {
		t.Errorf("export → import → export changed the bytes:\n%s", firstDiff(first, second))
	}
	if diffs, err := dst.Check(); err != nil || len(diffs) > 0 {
		t.Errorf("kept summaries after the import differ from fresh ones: %v %v", diffs, err)
	}
	set, _ := dst.Settings()
	if set.Holidays != "US" || set.ReplyMaxBD != 9 {
		t.Errorf("settings were not restored: %+v", set)
	}
	for _, want := range []string{`"format": "afterview/v1"`, `"archived": true`, `"currency": "CHF"`,
		`"until": "2026-11-29"`, `"by": "2026-11-23"`, `& more`, `"holidays": "US"`} {
		if !bytes.Contains(first, []byte(want)) {
			t.Errorf("the export lacks %s", want)
		}
	}
}

// firstDiff shows the first line where a and b differ.
func firstDiff(a, b []byte) string {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d lines", len(la), len(lb))
}

func TestImportingTheSameFileTwiceAddsNothing(t *testing.T) {
	data := exportJSON(t, fullStore(t, day))
	s := openTest(t)
	importJSON(t, s, data, false)
	before := dumpAll(t, s)
	res := importJSON(t, s, data, false)
	if res.Added != 0 || res.Skipped != 60 || res.Events != 0 {
		t.Errorf("second import: added %d, skipped %d, events %d; want 0, 60, 0", res.Added, res.Skipped, res.Events)
	}
	if res.Settings != SettingsSame {
		t.Errorf("settings outcome %q, want same", res.Settings)
	}
	if after := dumpAll(t, s); after != before {
		t.Error("the second import changed the database")
	}
}

func TestImportIntoADatabaseInUseKeepsItsSettings(t *testing.T) {
	data := exportJSON(t, fullStore(t, day))
	s := openTest(t)
	if _, err := s.AddApplication(timeline.Application{Company: "Globex"}); err != nil {
		t.Fatal(err)
	}
	res := importJSON(t, s, data, false)
	if res.Settings != SettingsKept || len(res.SettingsDiff) != 2 {
		t.Fatalf("settings %q %v; want kept with 2 differences", res.Settings, res.SettingsDiff)
	}
	if got := res.SettingsDiff[0]; got != "reply_max_bd: 7 here, 9 in the file" {
		t.Errorf("first difference %q", got)
	}
	if set, _ := s.Settings(); set != timeline.DefaultSettings() {
		t.Errorf("the database's settings changed: %+v", set)
	}
	// The demo's Globex has the role SRE: this role-less Globex is another application.
	if res.Added != 60 || res.Skipped != 0 {
		t.Errorf("added %d, skipped %d", res.Added, res.Skipped)
	}
}

func TestImportDryRunWritesNothing(t *testing.T) {
	data := exportJSON(t, fullStore(t, day))
	s := openTest(t)
	path := s.Path()
	before := sum(t, path)
	res := importJSON(t, s, data, true)
	if !res.DryRun || res.Added != 60 || res.Events == 0 || res.Settings != SettingsApplied || len(res.Apps) != 60 {
		t.Errorf("dry run result: %+v", res)
	}
	if sum(t, path) != before || dumpAll(t, s) != "" {
		t.Error("a dry run wrote to the database")
	}
	// With no database at all, the plan is the same.
	b, err := ReadJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := DryRunNew(b)
	if err != nil || fresh.Added != res.Added || fresh.Events != res.Events || fresh.Settings != res.Settings || !fresh.DryRun {
		t.Errorf("DryRunNew: %+v %v", fresh, err)
	}
}

func TestSameApplication(t *testing.T) {
	d := timeline.MustDate
	for _, c := range []struct {
		name string
		a, b []timeline.Date
		want bool
	}{
		{"neither has interviews", nil, nil, true},
		{"a spreadsheet row without a date matches one with rounds logged", nil, []timeline.Date{d("2026-11-20")}, true},
		{"one interview day in common", []timeline.Date{d("2026-11-20")}, []timeline.Date{d("2026-11-02"), d("2026-11-20")}, true},
		{"a reapplication has new interview days", []timeline.Date{d("2027-06-01")}, []timeline.Date{d("2026-11-20")}, false},
	} {
		if got := sameApplication(c.a, c.b); got != c.want {
			t.Errorf("%s: got %v", c.name, got)
		}
	}
}

func TestImportSkipsWhatIsAlreadyThereIgnoringCaseAndSpaces(t *testing.T) {
	s := openTest(t)
	iv := func(date string) timeline.Event {
		return timeline.Event{Type: timeline.EventInterview, Date: timeline.MustDate(date)}
	}
	id, err := s.AddApplication(timeline.Application{Company: "Zürich Quant AG", Role: "Quant Dev"}, iv("2026-11-12"))
	if err != nil {
		t.Fatal(err)
	}
	b := &Batch{Apps: []ImportApp{
		{App: timeline.Application{Company: "ZÜRICH  quant ag ", Role: "quant dev"}, Events: []timeline.Event{iv("2026-11-12")}, Where: "1"},
		{App: timeline.Application{Company: "Zürich Quant AG", Role: "Quant Dev"}, Where: "2"},
		{App: timeline.Application{Company: "Zürich Quant AG", Role: "Quant Dev"}, Events: []timeline.Event{iv("2027-06-01")}, Where: "3"},
		{App: timeline.Application{Company: "Zürich Quant AG", Role: "Risk Dev"}, Events: []timeline.Event{iv("2026-11-12")}, Where: "4"},
		// Two alike in the same file: the second is skipped like one already here.
		{App: timeline.Application{Company: "Globex"}, Where: "5"},
		{App: timeline.Application{Company: "Globex"}, Where: "6"},
	}}
	res, err := s.Import(b, false)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range res.Apps {
		got = append(got, fmt.Sprintf("%s:%d%s", p.Where, p.Duplicate, p.SameAs))
	}
	if want := fmt.Sprintf("1:%d 2:%d 3:0 4:0 5:0 6:05", id, id); strings.Join(got, " ") != want {
		t.Errorf("duplicates: got %s, want %s", strings.Join(got, " "), want)
	}
	if res.Added != 3 || res.Skipped != 3 {
		t.Errorf("added %d, skipped %d", res.Added, res.Skipped)
	}
}

func TestImportIsAllOrNothing(t *testing.T) {
	s := openTest(t)
	if _, err := s.AddApplication(timeline.Application{Company: "Acme"}); err != nil {
		t.Fatal(err)
	}
	before, file := dumpAll(t, s), sum(t, s.Path())
	good := ImportApp{App: timeline.Application{Company: "Globex"}, Where: "application 1"}
	bad := ImportApp{App: timeline.Application{Company: "Initech"}, Where: "application 2",
		Events: []timeline.Event{{Type: timeline.EventSnooze, Date: day}}}
	_, err := s.Import(&Batch{Apps: []ImportApp{good, good, bad}}, false)
	if err == nil || !strings.HasPrefix(err.Error(), "application 2 (Initech), event 1 (snooze on 2026-11-26): a snooze needs --until") {
		t.Errorf("error %v", err)
	}
	if dumpAll(t, s) != before || sum(t, s.Path()) != file {
		t.Error("a failed import changed the database")
	}
}

func TestReadJSONRefusesBadInputWithAOneLineError(t *testing.T) {
	app := func(fields string) string {
		return `{"format": "afterview/v1", "applications": [{"company": "Acme", "events": []}, ` + fields + `]}`
	}
	ev := func(e string) string {
		return app(`{"company": "Globex", "role": "SRE", "events": [{"type": "interview", "date": "2026-11-20"}, ` + e + `]}`)
	}
	for _, c := range []struct{ name, in, want string }{
		{"an empty file", "", "the file is empty"},
		{"only spaces", " \n\t", "the file is empty"},
		{"not JSON", "company,role\nAcme,SRE\n", "not valid JSON: line 1, column 1: invalid character 'c'"},
		{"cut short", `{"format": "afterview/v1", "applications": [`, "not valid JSON: it ends too early"},
		{"a syntax error on line 3", "{\"format\": \"afterview/v1\",\n \"applications\": [\n {\"company\": \"Acme\",}]}", "line 3, column 21: invalid character '}'"},
		{"a list", `[{"company": "Acme"}]`, `the file holds a JSON array, not an object with "format": "afterview/v1"`},
		{"no format", `{"applications": []}`, `not an afterview export: it has no "format": "afterview/v1"`},
		{"list --json output", `{"today": "2026-11-26", "applications": []}`, `it has no "format"`},
		{"another format", `{"format": "jsonresume/v1", "basics": {}}`, `its format is "jsonresume/v1", not "afterview/v1"`},
		{"a newer version", `{"format": "afterview/v2", "applications": [], "tags": ["x"]}`, "written by a newer afterview (format afterview/v2; this one reads afterview/v1): upgrade afterview"},
		{"format not text", `{"format": 1}`, `its "format" is 1`},
		{"an unknown top-level field", `{"format": "afterview/v1", "applications": [], "tags": []}`, `at the top level: unknown field "tags" (the file takes: format, settings, applications)`},
		{"an unknown application field", app(`{"company": "Globex", "salary": 1}`), `application 2: unknown field "salary" (an application takes: company, role, recruiter, contact, url, notes, archived, events)`},
		{"an unknown event field", ev(`{"type": "offer", "date": "2026-11-25", "salary": 1}`), `application 2 (Globex), event 2: unknown field "salary" (an event takes: type, date, note, by, deadline, until, base, bonus, equity, currency, at, bonus_percent, signon, vesting_years)`},
		{"an unknown setting", `{"format": "afterview/v1", "settings": {"reply_days": 3}, "applications": []}`, `"settings": unknown field "reply_days" (settings: debrief_days,`},
		{"a bad setting", `{"format": "afterview/v1", "settings": {"reply_min_bd": 9}, "applications": []}`, `"settings": reply_min_bd (9) is more than reply_max_bd (7)`},
		{"a bad date", ev(`{"type": "offer", "date": "2026-11-25", "deadline": "12/01/2026"}`), `application 2 (Globex), event 2: "deadline": "12/01/2026" is not a date (want YYYY-MM-DD`},
		{"an impossible date", ev(`{"type": "heard", "date": "2026-02-30"}`), `"date": "2026-02-30" is not a date`},
		{"no date", ev(`{"type": "heard"}`), `event 2: the event has no "date"`},
		{"no type", ev(`{"date": "2026-11-25"}`), `event 2: the event has no "type"`},
		{"an unknown type", ev(`{"type": "ghosted", "date": "2026-11-25"}`), `event 2: unknown event type "ghosted" (types: applied, interview,`},
		{"a field the type does not take", ev(`{"type": "interview", "date": "2026-11-25", "deadline": "2026-12-01"}`), `event 2: "deadline" is not a field of interview events (they take: type, date, note, at)`},
		{"a field of another type", ev(`{"type": "heard", "date": "2026-11-25", "base": 5}`), `event 2: "base" is not a field of heard events (they take: type, date, note, by)`},
		{"an amount as text", ev(`{"type": "offer", "date": "2026-11-25", "base": "180k"}`), `event 2: "base" must be a whole number, not string`},
		{"a fractional amount", ev(`{"type": "offer", "date": "2026-11-25", "base": 1.5}`), `"base" must be a whole number, not number 1.5`},
		{"archived as text", app(`{"company": "Globex", "archived": "yes"}`), `application 2: "archived" must be true or false, not string`},
		{"events not a list", app(`{"company": "Globex", "events": {}}`), `application 2: "events" must be a list [...], not object`},
		{"no company", app(`{"role": "SRE"}`), `application 2: "company" is missing or empty`},
		{"two documents", `{"format": "afterview/v1", "applications": []} {}`, "there is more after the end of the JSON value"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadJSON(strings.NewReader(c.in))
			if err == nil {
				t.Fatalf("no error, want %q", c.want)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q\nwant it to contain %q", err, c.want)
			}
			if strings.Contains(err.Error(), "\n") || strings.HasPrefix(err.Error(), "json:") {
				t.Errorf("not a clean one-line error: %q", err)
			}
		})
	}
	if _, err := ReadJSON(strings.NewReader("")); !errors.Is(err, ErrEmpty) {
		t.Errorf("an empty file: %v, want ErrEmpty", err)
	}
}

func TestReadJSONAcceptsAnExportWithoutSettingsAndABOM(t *testing.T) {
	in := "\ufeff" + `{"format": "afterview/v1",
 "applications": [
  {"company": "Acme", "role": "SDE II", "recruiter": "Pat Lee", "contact": "pat@acme.example",
   "url": "", "notes": "", "archived": false,
   "events": [{"type": "interview", "date": "2026-11-20", "note": "onsite loop"},
              {"type": "offer", "date": "2026-11-30", "deadline": "2026-12-07",
               "base": 180000, "currency": "USD"}]}]}`
	b, err := ReadJSON(strings.NewReader(in)) // the interchange example, verbatim
	if err != nil {
		t.Fatal(err)
	}
	if b.Settings != nil || len(b.Apps) != 1 || len(b.Apps[0].Events) != 2 {
		t.Fatalf("batch %+v", b)
	}
	o := b.Apps[0].Events[1]
	if o.Deadline != timeline.MustDate("2026-12-07") || o.Base != 180000 || o.Currency != "USD" {
		t.Errorf("offer %+v", o)
	}
}

func TestDetectFormat(t *testing.T) {
	for _, c := range []struct{ name, head, want string }{
		{"x.json", "", "json"}, {"x.CSV", "{", "csv"}, {"-", " \n{\"format\"", "json"},
		{"-", "\ufeff{", "json"}, {"data.txt", "Company,Role", "csv"},
	} {
		if got := DetectFormat(c.name, []byte(c.head)); got != c.want {
			t.Errorf("DetectFormat(%q, %q) = %s, want %s", c.name, c.head, got, c.want)
		}
	}
}

// BenchmarkImport10k imports 10,000 applications with 50,000 events from
// JSON into an empty database: read, check, insert and derive, in one
// transaction (budget: 2 s).
func BenchmarkImport10k(b *testing.B) {
	src := demo10k(b)
	var buf bytes.Buffer
	if _, err := src.ExportJSON(&buf); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	var events int
	if err := src.db.QueryRow("SELECT count(*) FROM events").Scan(&events); err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	b.ResetTimer()
	for i := range b.N {
		b.StopTimer()
		s, err := Open(filepath.Join(dir, fmt.Sprintf("import-%d.db", i)), func() timeline.Date { return day })
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		batch, err := ReadJSON(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		res, err := s.Import(batch, false)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if res.Added != 10000 {
			b.Fatalf("added %d", res.Added)
		}
		s.Close()
		os.Remove(s.Path())
		b.StartTimer()
	}
	b.ReportMetric(float64(events), "events")
}
