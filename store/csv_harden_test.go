package store

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/afterview/afterview/timeline"
)

// Issue 11, item 9: cells a spreadsheet would run as a formula are written
// as text, checked with Python's csv module, and read back as they were.
func TestExportCSVNeutralisesFormulasForPython(t *testing.T) {
	python := "/usr/bin/python3"
	if _, err := os.Stat(python); err != nil {
		t.Skip("no /usr/bin/python3 here to read the export with (CI installs it)")
	}
	s := openTest(t)
	hostile := []timeline.Application{
		{Company: `=HYPERLINK("http://evil.example","click")`, Role: "+1+1", Recruiter: "-2+3", Contact: "@SUM(A1:A9)", URL: "\t=1", Notes: "\r=cmd|' /C calc'!A0"},
		{Company: "Plain Co", Role: "a = b", Notes: "line one\n=line two"},
	}
	for _, a := range hostile {
		if _, err := s.AddApplication(a); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if _, err := s.ExportCSV(&buf, false); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "export.csv")
	os.WriteFile(path, buf.Bytes(), 0o600)
	script := `import csv, json, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    print(json.dumps(list(csv.reader(f))))`
	out, err := exec.Command(python, "-c", script, path).Output()
	if err != nil {
		t.Fatalf("python: %v", err)
	}
	var rows [][]string
	if err := json.Unmarshal(out, &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 {
		t.Fatalf("python read %d rows, want 3", len(rows))
	}
	for i, row := range rows {
		for j, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("row %d, cell %d starts with a formula trigger: %q", i+1, j+1, cell)
			}
		}
	}
	want := map[string]string{"Company": `'=HYPERLINK("http://evil.example","click")`, "Role": "'+1+1", "Recruiter": "'-2+3",
		"Contact": "'@SUM(A1:A9)", "URL": "'=1", "Notes": "'\r=cmd|' /C calc'!A0"}
	for j, h := range rows[0] {
		if w, ok := want[h]; ok && rows[1][j] != w {
			t.Errorf("%s: python read %q, want %q", h, rows[1][j], w)
		}
	}
	// Imported again, every field is as it was.
	b, err := ReadCSV(bytes.NewReader(buf.Bytes()), DateFormat{})
	if err != nil {
		t.Fatal(err)
	}
	got := b.Apps[0].App
	if got.Company != hostile[0].Company || got.Role != "+1+1" || got.Contact != "@SUM(A1:A9)" {
		t.Errorf("read back %+v", got)
	}
}

// Issue 11, item 12: CR-only line ends (old Mac spreadsheets) read like the
// others; a file with no application in it is an error.
func TestReadCSVLineEndsAndFilesWithNoApplication(t *testing.T) {
	lf := "Company,Role,Interview date,Notes\nAcme,SRE,2026-11-20,\"two\nlines\"\nGlobex,PM,,\n"
	want := describeBatch(mustReadCSV(t, lf))
	for name, text := range map[string]string{
		"CR LF":   strings.ReplaceAll(lf, "\n", "\r\n"),
		"CR only": strings.ReplaceAll(lf, "\n", "\r"),
	} {
		if got := describeBatch(mustReadCSV(t, text)); got != want {
			t.Errorf("%s: got\n%s\nwant\n%s", name, got, want)
		}
	}
	if !strings.Contains(want, "Globex") || !strings.Contains(want, "interview 2026-11-20") {
		t.Fatalf("the LF file reads as %s", want)
	}
	for name, text := range map[string]string{
		"a header only":           "Company,Role\n",
		"a header and blank rows": "Company,Role\n,\n\n,\n",
		"CR only, header only":    "Company,Role\r",
	} {
		_, err := ReadCSV(strings.NewReader(text), DateFormat{})
		if err == nil || !strings.HasPrefix(err.Error(), "no application in it") {
			t.Errorf("%s: error %v", name, err)
		}
	}
	if _, err := ReadJSON(strings.NewReader(`{"format": "afterview/v1", "applications": []}`)); err == nil || !strings.HasPrefix(err.Error(), "no application in it") {
		t.Errorf("an empty export: %v", err)
	}
}

func mustReadCSV(t *testing.T, text string) *Batch {
	t.Helper()
	b, err := ReadCSV(strings.NewReader(text), DateFormat{})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Issue 11, item 13: the same application twice in one file is imported
// once; a JSON object with a key twice is an error.
func TestImportSkipsTheSecondOfTwoAlikeInOneFile(t *testing.T) {
	s := openTest(t)
	b := mustReadCSV(t, "Company,Role,Interviewed\nAcme,SRE,2026-11-20\n acme , sre ,\nAcme,SRE,2027-03-01\nGlobex,PM,\n")
	res, err := s.Import(b, false)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range res.Apps {
		got = append(got, p.Where+":"+p.SameAs)
	}
	if strings.Join(got, " ") != "row 2: row 3:row 2 row 4: row 5:" || res.Added != 3 || res.Skipped != 1 {
		t.Errorf("planned %v, added %d, skipped %d", got, res.Added, res.Skipped)
	}
	var n int
	s.db.QueryRow("SELECT count(*) FROM applications").Scan(&n)
	if n != 3 {
		t.Errorf("%d applications in the database, want 3", n)
	}
}

func TestReadJSONRefusesADuplicateKey(t *testing.T) {
	cases := map[string]string{
		"top level": `{"format": "afterview/v1", "format": "afterview/v1", "applications": [{"company": "A"}]}`,
		"application": `{"format": "afterview/v1", "applications": [{"company": "A",
  "company": "B"}]}`,
		"event":    `{"format": "afterview/v1", "applications": [{"company": "A", "events": [{"type": "offer", "date": "2026-11-20", "deadline": "2026-11-27", "deadline": "2026-12-27"}]}]}`,
		"settings": `{"format": "afterview/v1", "settings": {"reply_max_bd": 7, "reply_max_bd": 9}, "applications": [{"company": "A"}]}`,
	}
	want := map[string]string{
		"top level":   `line 1, column 35: the key "format" appears twice in one object: keep one`,
		"application": `line 2, column 11: the key "company" appears twice in one object: keep one`,
		"event":       `the key "deadline" appears twice in one object: keep one`,
		"settings":    `the key "reply_max_bd" appears twice in one object: keep one`,
	}
	for name, text := range cases {
		_, err := ReadJSON(strings.NewReader(text))
		if err == nil || !strings.HasSuffix(err.Error(), want[name]) {
			t.Errorf("%s: error %v, want …%q", name, err, want[name])
		}
	}
	// Keys alike in different objects are fine.
	ok := `{"format": "afterview/v1", "applications": [{"company": "A", "events": [{"type": "note", "date": "2026-11-20", "note": "x"}, {"type": "note", "date": "2026-11-21", "note": "y"}]}, {"company": "B"}]}`
	if _, err := ReadJSON(strings.NewReader(ok)); err != nil {
		t.Errorf("keys alike in different objects: %v", err)
	}
}

// FuzzReadCSV feeds the spreadsheet reader arbitrary bytes: it never panics,
// and what it accepts is importable (a company, valid UTF-8, valid events).
// The seed corpus runs with go test.
func FuzzReadCSV(f *testing.F) {
	for _, name := range []string{"spreadsheet.csv", "spreadsheet-us.csv", "spreadsheet-eu.csv"} {
		if b, err := os.ReadFile("../testdata/" + name); err == nil {
			f.Add(b)
		}
	}
	for _, s := range []string{
		"Company,Role\nAcme,SRE\n",
		"Company,Role\rAcme,SRE\r",
		"\ufeffFirma;Stelle;Datum der Bewerbung;Status\nAcme;SRE;2026-11-02;Absage\n",
		"Company,Status,Date applied,Interviewed\nA,Offer,2026-11-01,2026-11-20\nB,Ghosted,2026-10-01,\nC,Interviewing,,\n",
		"Company,Notes\n\"unclosed\n",
		"Company,Company\nA,B\n",
		"\xff\xfeC\x00",
		"Company\n'=1+1\n",
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := ReadCSV(bytes.NewReader(data), DateFormat{})
		if err != nil {
			if b != nil {
				t.Fatal("an error with a batch")
			}
			return
		}
		if len(b.Apps) == 0 {
			t.Fatal("no error, but no application")
		}
		if _, err := DryRunNew(b); err != nil && !strings.Contains(err.Error(), "row ") {
			t.Fatalf("a batch that does not plan, with an error naming no row: %v", err)
		}
		for _, a := range b.Apps {
			if strings.TrimSpace(a.App.Company) == "" || !utf8.ValidString(a.App.Company+a.App.Role+a.App.Notes) {
				t.Fatalf("%s: company %q", a.Where, a.App.Company)
			}
		}
	})
}
