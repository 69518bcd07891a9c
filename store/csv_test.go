package store

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/afterview/afterview/timeline"
)

func readCSVFile(t *testing.T, path, layout string) *Batch {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	df, err := ParseDateFormat(layout)
	if err != nil {
		t.Fatal(err)
	}
	b, err := ReadCSV(f, df)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return b
}

// describeBatch renders a batch's applications one per line.
func describeBatch(b *Batch) string {
	var out []string
	for _, a := range b.Apps {
		x := a.App
		line := fmt.Sprintf("%s | %s | %s | %s | %s | %s | %q | archived=%v", a.Where, x.Company, x.Role, x.Recruiter, x.Contact, x.URL, x.Notes, x.Archived)
		for _, e := range a.Events {
			line += fmt.Sprintf(" | %s %s", e.Type, e.Date)
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

func TestReadCSVReadsARealSpreadsheetInEveryVariant(t *testing.T) {
	want := strings.Join([]string{
		`row 2 | Acme Robotics | Senior Backend Engineer | Pat Lee | pat@acme.example | https://jobs.acme.example/123 | "Loop: 4 rounds, incl. bar raiser" | archived=false | interview 2026-11-20`,
		`row 3 | Zürich Quant AG | Quant Developer, Rates | Jürg Müller |  | https://zq.example/jobs/7 | "" | archived=false | interview 2026-11-12`,
		`row 4 | Kojo Labs | SRE |  |  |  | "" | archived=false`,
		`row 6 | Initech, Inc. | Staff Engineer | Maria García | maria@initech.example |  | "She said \"keep in touch\"\nAsk again in spring" | archived=false | interview 2026-10-02 | rejected 2026-10-02`,
		`row 7 | Northwind Traders |  |  | +1 555 0100 |  | "" | archived=false | interview 2026-11-25`,
	}, "\n")
	for _, c := range []struct{ file, layout, ignored string }{
		{"spreadsheet.csv", "", "Salary"},              // ISO dates, BOM, CRLF, Excel-style headers
		{"spreadsheet-us.csv", "MM/DD/YYYY", "salary"}, // US dates (3/7/2026 too), ragged rows
		{"spreadsheet-eu.csv", "DD.MM.YYYY", "Salary"}, // semicolons, European dates
	} {
		t.Run(c.file, func(t *testing.T) {
			b := readCSVFile(t, "../testdata/"+c.file, c.layout)
			if got := describeBatch(b); got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
			if got := strings.Join(b.Ignored, ", "); got != c.ignored {
				t.Errorf("ignored columns %q, want %q", got, c.ignored)
			}
		})
	}
}

func TestImportCSVTwiceSkipsTheSecondTime(t *testing.T) {
	s := openTest(t)
	b := readCSVFile(t, "../testdata/spreadsheet.csv", "")
	res, err := s.Import(b, false)
	if err != nil || res.Added != 5 || res.Events != 5 {
		t.Fatalf("first import: %+v %v", res, err)
	}
	before := dumpAll(t, s)
	// The same sheet from another program, with US dates: still the same applications.
	res, err = s.Import(readCSVFile(t, "../testdata/spreadsheet-us.csv", "M/D/YYYY"), false)
	if err != nil || res.Added != 0 || res.Skipped != 5 {
		t.Fatalf("second import: added %d, skipped %d, %v", res.Added, res.Skipped, err)
	}
	if dumpAll(t, s) != before {
		t.Error("the second import changed the database")
	}
	if diffs, _ := s.Check(); len(diffs) > 0 {
		t.Errorf("kept summaries differ from fresh: %v", diffs)
	}
}

func TestReadCSVRefusesBadInputWithRowColumnAndValue(t *testing.T) {
	for _, c := range []struct{ name, in, layout, want string }{
		{"an empty file", "", "", "the file is empty"},
		{"only a BOM and blank lines", "\ufeff\n\n", "", "the file is empty"},
		{"no company column", "Title,Interview Date\nSRE,2026-11-20\n", "",
			`no company column (the header row has: "Title", "Interview Date"; a company column is headed one of: company, company name, employer`},
		{"a bad ISO date", "Company,Interviewed\nAcme,2026-11-20\nGlobex,20/11/2026\n", "",
			`row 3, column "Interviewed": "20/11/2026" is not a date (accepted: YYYY-MM-DD; for another form give --date-format, e.g. MM/DD/YYYY)`},
		{"a day that does not exist", "company;interview date\nAcme;31.02.2026\n", "DD.MM.YYYY",
			`row 2, column "interview date": "31.02.2026" is not a date (accepted: DD.MM.YYYY or YYYY-MM-DD)`},
		{"a US date read as European", "Company,Last interview\nAcme,11/20/2026\n", "DD/MM/YYYY",
			`row 2, column "Last interview": "11/20/2026" is not a date (accepted: DD/MM/YYYY or YYYY-MM-DD)`},
		{"an empty company", "Company,Role\nAcme,SRE\n,Staff Engineer\n", "", `row 3, column "Company": the company is empty`},
		{"two company columns", "Company,Employer\nAcme,Acme\n", "", `columns "Company" and "Employer" both give the company: keep one`},
		{"a bare quote", "Company,Notes\nAcme,say \"hi\"\n", "", `line 2, column 10: bare " in non-quoted-field`},
		{"an unterminated quote", "Company,Notes\nAcme,\"open\n", "", `extraneous or missing " in quoted-field`},
		{"Windows-1252 text", "Company,Role\nZ\xfcrich Quant AG,Dev\n", "", `row 2, column "Company": "Z\xfcrich Quant AG" is not UTF-8 text: save the sheet as "CSV UTF-8"`},
		{"UTF-16 text", "\xff\xfeC\x00o\x00", "", `the file is UTF-16 text, not CSV: save the sheet as "CSV UTF-8"`},
		{"a bad archived flag", "Company,Archived\nAcme,maybe\n", "", `row 2, column "Archived": "maybe" is not yes or no`},
	} {
		t.Run(c.name, func(t *testing.T) {
			df, err := ParseDateFormat(c.layout)
			if err != nil {
				t.Fatal(err)
			}
			_, err = ReadCSV(strings.NewReader(c.in), df)
			if err == nil {
				t.Fatalf("no error, want %q", c.want)
			}
			if !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q\nwant one line containing %q", err, c.want)
			}
		})
	}
}

func TestDateFormats(t *testing.T) {
	for _, c := range []struct{ layout, in, want string }{
		{"", "2026-11-20", "2026-11-20"},
		{"", " 2026-11-20 ", "2026-11-20"},
		{"MM/DD/YYYY", "11/20/2026", "2026-11-20"},
		{"MM/DD/YYYY", "3/7/2026", "2026-03-07"},
		{"MM/DD/YYYY", "2026-03-07", "2026-03-07"}, // ISO always works
		{"mm/dd/yyyy", "12/31/2026", "2026-12-31"},
		{"DD.MM.YYYY", "07.03.2026", "2026-03-07"},
		{"D.M.YY", "7.3.26", "2026-03-07"},
		{"YYYYMMDD", "20260307", "2026-03-07"},
		{"D MMM YYYY", "7 Mar 2026", "2026-03-07"},
		{"D MMM YYYY", "7 march 2026", "2026-03-07"},
		{"MMM D, YYYY", "Sep 30, 2026", "2026-09-30"},
		{"DD.MM.YYYY", "29.02.2028", "2028-02-29"},
		{"DD.MM.YYYY", "29.02.2026", ""},
		{"DD.MM.YYYY", "07.13.2026", ""},
		{"DD.MM.YYYY", "07.03.2026 10:00", ""},
		{"MM/DD/YYYY", "11/20/26", ""},
		{"D MMM YYYY", "7 Mrz 2026", ""},
		{"", "11/20/2026", ""},
	} {
		df, err := ParseDateFormat(c.layout)
		if err != nil {
			t.Fatalf("%q: %v", c.layout, err)
		}
		d, err := df.Parse(c.in)
		if got := d.String(); got != c.want || (err == nil) != (c.want != "") {
			t.Errorf("%q.Parse(%q) = %q, %v; want %q", c.layout, c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{"MM/YYYY", "DD/MM", "YYYY-MM-DD-DD", "hello"} {
		if _, err := ParseDateFormat(bad); err == nil || !strings.Contains(err.Error(), "tokens: YYYY") {
			t.Errorf("ParseDateFormat(%q): %v, want an error listing the tokens", bad, err)
		}
	}
}

func TestExportCSVIsOneRowPerApplicationForASpreadsheet(t *testing.T) {
	s := openTest(t)
	iv := timeline.Event{Type: timeline.EventInterview, Date: timeline.MustDate("2026-11-20")}
	_, err := s.AddApplication(timeline.Application{Company: "Zürich Quant AG", Role: "Quant Developer, Rates",
		Recruiter: "Jürg Müller", Notes: "said \"soon\"\nsecond line"}, iv)
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.AddApplication(timeline.Application{Company: "Globex"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetArchived(id, true); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := s.ExportCSV(&b, false); err != nil {
		t.Fatal(err)
	}
	noOffer := strings.Repeat(",", len(csvOfferHeader))
	want := "ID,Company,Role,Stage,Next action,Due,Action,Last interview,Next interview,Recruiter,Contact,URL,Archived,Notes," +
		strings.Join(csvOfferHeader, ",") + "\n" +
		"1,Zürich Quant AG,\"Quant Developer, Rates\",decision,follow up,2026-12-02,\"Follow up with Jürg Müller if there is no word by Tue 1 Dec, when the reply window closes\",2026-11-20,,Jürg Müller,,,no,\"said \"\"soon\"\"\nsecond line\"" + noOffer + "\n" +
		"2,Globex,,applied,,,,,,,,,yes," + noOffer + "\n"
	if got := b.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	recs, err := csv.NewReader(strings.NewReader(b.String())).ReadAll()
	if err != nil || len(recs) != 3 || len(recs[1]) != len(csvExportColumns) {
		t.Fatalf("not well-formed CSV: %v %v", recs, err)
	}
	// Read back, the export is the same applications: importing it adds nothing.
	back, err := ReadCSV(bytes.NewReader(b.Bytes()), DateFormat{})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(back.Ignored, ","); got != "ID,Stage,Next action,Due,Action,Next interview,"+strings.Join(csvOfferHeader, ",") {
		t.Errorf("ignored %s", got)
	}
	res, err := s.Import(back, true)
	if err != nil || res.Skipped != 2 || !back.Apps[1].App.Archived {
		t.Errorf("re-import of the CSV export: %+v %v", res, err)
	}

	// --bom: the same bytes after a UTF-8 byte-order mark, and they read back.
	var withBOM bytes.Buffer
	if _, err := s.ExportCSV(&withBOM, true); err != nil {
		t.Fatal(err)
	}
	if got := withBOM.String(); got != "\ufeff"+want {
		t.Errorf("with the BOM: %q", got[:min(len(got), 20)])
	}
	if back, err := ReadCSV(bytes.NewReader(withBOM.Bytes()), DateFormat{}); err != nil || back.Apps[0].App.Company != "Zürich Quant AG" {
		t.Errorf("the export with a BOM does not read back: %v", err)
	}
}
