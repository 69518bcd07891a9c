package store

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/afterview/afterview/timeline"
	"github.com/xuri/excelize/v2"
)

const spreadsheetXLSX = "../testdata/spreadsheet.xlsx"

// updateFixtures is -update, as the golden files' tests have it: here it
// writes testdata/spreadsheet.xlsx again.
var updateFixtures = func() func() bool {
	if f := flag.Lookup("update"); f != nil {
		return func() bool { return f.Value.String() == "true" }
	}
	b := flag.Bool("update", false, "write the test fixtures and golden files again")
	return func() bool { return *b }
}()

// writeSpreadsheetXLSX writes testdata/spreadsheet.xlsx as a candidate's
// own workbook would be: the same applications as spreadsheet.csv on a
// first sheet "Job search" with dates as real date cells (shown m/d/yyyy,
// Excel's built-in format 14), one date typed as text, a salary column in
// a currency format, blank cells and a blank row; and an older sheet "2025".
// It runs with -update (go test ./store -run XLSX -update).
func writeSpreadsheetXLSX(t *testing.T) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "Job search"); err != nil {
		t.Fatal(err)
	}
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	chf := `[$CHF] #,##0`
	moneyStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 164, CustomNumFmt: &chf})
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	d := func(s string) time.Time { return timeline.MustDate(s).Time() }
	rows := [][]any{
		{"Company", "Title", "Interview Date", "Recruiter", "Email", "Link", "Status", "Salary", "Notes"},
		{"Acme Robotics", "Senior Backend Engineer", d("2026-11-20"), "Pat Lee", "pat@acme.example", "https://jobs.acme.example/123", "Waiting", 180000, "Loop: 4 rounds, incl. bar raiser"},
		{"Zürich Quant AG", "Quant Developer, Rates", d("2026-11-12"), "Jürg Müller", nil, "https://zq.example/jobs/7", nil, 150000, nil},
		{"Kojo Labs", "SRE", nil, nil, nil, nil, "Applied"},
		{},
		{"Initech, Inc.", "Staff Engineer", d("2026-10-02"), "Maria García", "maria@initech.example", nil, "Rejected", nil, "She said \"keep in touch\"\nAsk again in spring"},
		{"Northwind Traders", nil, "2026-11-25", nil, "+1 555 0100"},
	}
	for r, row := range rows {
		for c, v := range row {
			if v == nil {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellValue("Job search", cell, v); err != nil {
				t.Fatal(err)
			}
			switch {
			case r == 0:
				f.SetCellStyle("Job search", cell, cell, bold)
			case c == 2:
				if _, ok := v.(time.Time); ok {
					f.SetCellStyle("Job search", cell, cell, dateStyle)
				}
			case c == 7:
				f.SetCellStyle("Job search", cell, cell, moneyStyle)
			}
		}
	}
	f.SetColWidth("Job search", "A", "I", 22)
	if _, err := f.NewSheet("2025"); err != nil {
		t.Fatal(err)
	}
	f.SetSheetRow("2025", "A1", &[]any{"Employer", "Position", "Last interview"})
	f.SetSheetRow("2025", "A2", &[]any{"Hooli", "ML Engineer", d("2025-06-03")})
	f.SetCellStyle("2025", "C2", "C2", dateStyle)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(spreadsheetXLSX, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readXLSXFile(t *testing.T, path, sheet, layout string) (*Batch, error) {
	t.Helper()
	if updateFixtures() && path == spreadsheetXLSX {
		writeSpreadsheetXLSX(t)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	df, err := ParseDateFormat(layout)
	if err != nil {
		t.Fatal(err)
	}
	return ReadXLSX(bytes.NewReader(data), sheet, df)
}

func TestReadXLSXReadsAWorkbookLikeTheCSV(t *testing.T) {
	b, err := readXLSXFile(t, spreadsheetXLSX, "", "")
	if err != nil {
		t.Fatal(err)
	}
	csv := readCSVFile(t, "../testdata/spreadsheet.csv", "")
	if got, want := describeBatch(b), describeBatch(csv); got != want {
		t.Errorf("the workbook reads\n%s\nthe same sheet as CSV\n%s", got, want)
	}
	if got := strings.Join(b.Ignored, ", "); got != "Salary" {
		t.Errorf("ignored columns %q", got)
	}
	// --sheet picks another sheet (ignoring case); dates there are cells too.
	b, err = readXLSXFile(t, spreadsheetXLSX, "2025", "")
	if err != nil {
		t.Fatal(err)
	}
	if got := describeBatch(b); got != `row 2 | Hooli | ML Engineer |  |  |  | "" | archived=false | interview 2025-06-03` {
		t.Errorf("sheet 2025: %s", got)
	}
	if _, err := readXLSXFile(t, spreadsheetXLSX, "2024", ""); err == nil || err.Error() != `no sheet "2024" in the workbook (its sheets: "Job search", "2025")` {
		t.Errorf("a missing sheet: %v", err)
	}
}

func TestImportXLSXIsAllOrNothing(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Company", "Interviewed"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"Acme", "2026-11-20"})
	f.SetSheetRow("Sheet1", "A3", &[]any{"Globex", "20/11/2026"})
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	_, err := ReadXLSX(bytes.NewReader(buf.Bytes()), "", DateFormat{})
	want := `row 3, column "Interviewed": "20/11/2026" is not a date (accepted: YYYY-MM-DD; for another form give --date-format, e.g. MM/DD/YYYY)`
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	if _, err := ReadXLSX(strings.NewReader("Company,Role\nAcme,SRE\n"), "", DateFormat{}); err == nil ||
		!strings.Contains(err.Error(), "not an Excel workbook (.xlsx)") {
		t.Errorf("a CSV file read as a workbook: %v", err)
	}
}

// roundTripStore is a store with an application of every kind of event and
// field: offers with terms, a negotiated deadline, news with a promised
// date, a snooze, notes over two lines, UTF-8, an archived application.
func roundTripStore(t *testing.T) *Store {
	t.Helper()
	s, _ := calendarStore(t)
	d := timeline.MustDate
	_, err := s.AddApplication(timeline.Application{Company: "Ünïcode GmbH — Straße", Role: "Backend, Go", Recruiter: "Zoë",
		Contact: "+49 30 1234", URL: "https://example.de/j?a=1&b=2", Notes: "line one\nline \"two\""},
		timeline.Event{Type: timeline.EventInterview, Date: d("2026-11-02"), Note: "=SUM(A1) onsite"},
		timeline.Event{Type: timeline.EventHeard, Date: d("2026-11-05"), By: d("2026-11-12")},
		timeline.Event{Type: timeline.EventOffer, Date: d("2026-11-16"), Deadline: d("2026-11-30"), Base: 95000, Bonus: 10000, Equity: 40000, Currency: "EUR"},
		timeline.Event{Type: timeline.EventNegotiate, Date: d("2026-11-20"), Deadline: d("2026-12-04"), Note: "asked for 105k"},
	)
	if err != nil {
		t.Fatal(err)
	}
	pct, err := timeline.ParsePercent("12.5%")
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.AddApplication(timeline.Application{Company: "Terms Inc"},
		timeline.Event{Type: timeline.EventInterview, Date: d("2026-11-03")},
		timeline.Event{Type: timeline.EventOffer, Date: d("2026-11-18"), Base: 150000, BonusPercent: pct, Signon: 20000,
			Equity: 200000, VestingYears: 3, Currency: "USD"})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestXLSXExportImportExportGivesTheSameJSON(t *testing.T) {
	s := roundTripStore(t)
	var want, workbook bytes.Buffer
	if _, err := s.ExportJSON(&want); err != nil {
		t.Fatal(err)
	}
	info, err := s.ExportXLSX(&workbook)
	if err != nil {
		t.Fatal(err)
	}
	if info.Applications != 10 || info.Events != 20 {
		t.Errorf("exported %+v", info)
	}
	b, err := ReadXLSX(bytes.NewReader(workbook.Bytes()), "", DateFormat{})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Ignored) != 0 {
		t.Errorf("its own workbook's columns are listed as ignored: %v", b.Ignored)
	}
	fresh := openTest(t)
	res, err := fresh.Import(b, false)
	if err != nil || res.Added != 10 || res.Events != 20 {
		t.Fatalf("import: %+v %v", res, err)
	}
	var got bytes.Buffer
	if _, err := fresh.ExportJSON(&got); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("export → xlsx → import → export differs:\n%s\nwant\n%s", got.String(), want.String())
	}
}

func TestExportXLSXLayout(t *testing.T) {
	s := roundTripStore(t)
	var buf bytes.Buffer
	if _, err := s.ExportXLSX(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "Applications,Events" {
		t.Errorf("sheets %s", got)
	}
	rows, _ := f.GetRows("Applications")
	if got := strings.Join(rows[0], ","); got != strings.Join(xlsxAppHeader, ",") {
		t.Errorf("header %s", got)
	}
	// The Ünïcode application (id 9) is at its offer, with the negotiated deadline.
	last := rows[len(rows)-2]
	for col, want := range map[int]string{1: "Ünïcode GmbH — Straße", 3: "offer", 4: "answer offer", 5: "2026-12-04",
		14: "95,000", 15: "10,000", 16: "40,000", 17: "EUR", 18: "2026-12-04"} {
		if last[col] != want {
			t.Errorf("column %q: %q, want %q", xlsxAppHeader[col], last[col], want)
		}
	}
	// Dates are date cells: a number formatted as a date.
	raw, _ := f.GetCellValue("Applications", "F10", excelize.Options{RawCellValue: true}) // row 10: application 9
	if raw != "46360" {                                                                   // 2026-12-04 as Excel counts days
		t.Errorf("the due date's cell holds %q, want the serial number 46360", raw)
	}
	for _, sheet := range []string{"Applications", "Events"} {
		panes, err := f.GetPanes(sheet)
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: panes %+v %v, want the header row frozen", sheet, panes, err)
		}
		w, _ := f.GetColWidth(sheet, "B")
		if w < 10 || w > 51 {
			t.Errorf("%s: column B is %v wide", sheet, w)
		}
	}
	ev, _ := f.GetRows("Events")
	if got := strings.Join(ev[0], ","); got != "Application ID,Company,Role,Type,Date,Note,By,Deadline,Until,Base,Bonus,Equity,Currency,At,Bonus_percent,Signon,Vesting_years" {
		t.Errorf("events header %s", got)
	}
}

// TestOpenpyxlReadsTheExport opens the export with Python's openpyxl, the
// library behind pandas' read_excel: dates come out as dates, amounts as
// numbers, and the text as written.
func TestOpenpyxlReadsTheExport(t *testing.T) {
	if err := exec.Command("/usr/bin/python3", "-c", "import openpyxl").Run(); err != nil {
		t.Skip("python3-openpyxl is not installed: the export is not checked with a second reader")
	}
	s := roundTripStore(t)
	file := filepath.Join(t.TempDir(), "export.xlsx")
	var buf bytes.Buffer
	if _, err := s.ExportXLSX(&buf); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	script := `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Applications"]
row = [c.value for c in ws[ws.max_row - 1]]
print(ws.freeze_panes, row[1], row[3], row[5].date().isoformat(), row[14], type(row[14]).__name__, repr(row[13]))
`
	out, err := exec.Command("/usr/bin/python3", "-c", script, file).CombinedOutput()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, out)
	}
	want := "C2 Ünïcode GmbH — Straße offer 2026-12-04 95000 int 'line one\\nline \"two\"'\n"
	if string(out) != want {
		t.Errorf("openpyxl reads %q, want %q", out, want)
	}
}
