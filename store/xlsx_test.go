package store

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/afterview/afterview/timeline"
)

const spreadsheetXLSX = "../testdata/spreadsheet.xlsx"

// testdata/spreadsheet.xlsx is a candidate's own workbook as another
// program wrote it (the Go library excelize, which afterview once used): the
// same applications as spreadsheet.csv on a first sheet "Job search" with
// dates as real date cells (shown m/d/yyyy, Excel's built-in format 14), one
// date typed as text, a salary column in a currency format ([$CHF] #,##0),
// a bold header, blank cells and a blank row; and an older sheet "2025".
// It is kept as that program wrote it, a second writer's workbook to read.

func readXLSXFile(t *testing.T, path, sheet, layout string) (*Batch, error) {
	t.Helper()
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
	book := testWorkbook(t, "", map[string]string{"xl/worksheets/sheet1.xml": testSheet(
		`<row r="1"><c r="A1" t="inlineStr"><is><t>Company</t></is></c><c r="B1" t="inlineStr"><is><t>Interviewed</t></is></c></row>` +
			`<row r="2"><c r="A2" t="inlineStr"><is><t>Acme</t></is></c><c r="B2" t="inlineStr"><is><t>2026-11-20</t></is></c></row>` +
			`<row r="3"><c r="A3" t="inlineStr"><is><t>Globex</t></is></c><c r="B3" t="inlineStr"><is><t>20/11/2026</t></is></c></row>`)})
	_, err := ReadXLSX(bytes.NewReader(book), "", DateFormat{})
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
	book, err := openXLSX(bytes.NewReader(buf.Bytes()), int64(len(buf.Bytes())))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(book.sheetNames(), ","); got != "Applications,Events" {
		t.Errorf("sheets %s", got)
	}
	rows, err := book.rows(book.sheets[0])
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); got != strings.Join(xlsxAppHeader, ",") {
		t.Errorf("header %s", got)
	}
	// The Ünïcode application (id 9) is at its offer, with the negotiated deadline.
	last := rows[len(rows)-2]
	for col, want := range map[int]string{0: "9", 1: "Ünïcode GmbH — Straße", 3: "offer", 4: "answer offer", 5: "2026-12-04",
		13: "line one\nline \"two\"", 14: "95000", 15: "10000", 16: "40000", 17: "EUR", 18: "2026-12-04"} {
		if last[col] != want {
			t.Errorf("column %q: %q, want %q", xlsxAppHeader[col], last[col], want)
		}
	}
	// Row 10 is application 9: its due date is a date cell (46360 is
	// 2026-12-04 as Excel counts days), amounts are numbers shown #,##0, the
	// id a plain number; the header row and the first two columns are frozen.
	apps := testPart(t, buf.Bytes(), "xl/worksheets/sheet1.xml")
	for _, want := range []string{
		`<c r="A10"><v>9</v></c>`,
		`<c r="F10" s="2"><v>46360</v></c>`,
		`<c r="O10" s="3"><v>95000</v></c>`,
		`<sheetView tabSelected="1" workbookViewId="0"><pane xSplit="2" ySplit="1" topLeftCell="C2" activePane="bottomRight" state="frozen"/>`,
		`<row r="1" ht="18" customHeight="1"><c r="A1" s="1" t="s">`,
		`<col min="1" max="1" width="7" customWidth="1"/><col min="2" max="2" width="30" customWidth="1"/>`,
		`<col min="14" max="14" width="16" customWidth="1"/>`, // the notes' first line
	} {
		if !strings.Contains(apps, want) {
			t.Errorf("the Applications sheet has no %s", want)
		}
	}
	if events := testPart(t, buf.Bytes(), "xl/worksheets/sheet2.xml"); !strings.Contains(events,
		`<sheetView workbookViewId="0"><pane xSplit="3" ySplit="1" topLeftCell="D2" activePane="bottomRight" state="frozen"/>`) {
		t.Errorf("the Events sheet's panes: %.600s", events)
	}
	ev, err := book.rows(book.sheets[1])
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(ev[0], ","); got != "Application ID,Company,Role,Type,Date,Note,By,Deadline,Until,Base,Bonus,Equity,Currency,At,Bonus_percent,Signon,Vesting_years" {
		t.Errorf("events header %s", got)
	}
	// The same data on the same day gives the same bytes.
	var again bytes.Buffer
	if _, err := s.ExportXLSX(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("two exports of the same data differ")
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
ws, ev = wb["Applications"], wb["Events"]
r = ws.max_row - 1
row = [c.value for c in ws[r]]
print(ws.freeze_panes, row[1], row[3], row[5].date().isoformat(), row[14], type(row[14]).__name__, repr(row[13]))
print(ev.freeze_panes, wb.sheetnames, wb.active.title, wb.properties.creator, wb.properties.title, wb.properties.created.isoformat())
h = ws["A1"]
print(h.font.b, h.fill.fill_type, h.fill.fgColor.rgb, h.border.bottom.style, h.border.bottom.color.rgb, ws.row_dimensions[1].height)
f, o, n = ws.cell(r, 6), ws.cell(r, 15), ws.cell(r, 14)
print(repr(f.number_format), f.alignment.horizontal, type(f.value).__name__, repr(o.number_format), repr(n.number_format), n.alignment.vertical)
print(ws.column_dimensions["A"].width, ws.column_dimensions["B"].width, ws.column_dimensions["N"].width, ev.column_dimensions["E"].width)
print(type(ev.cell(2, 5).value).__name__, ev.cell(2, 5).value.date().isoformat())
`
	out, err := exec.Command("/usr/bin/python3", "-c", script, file).CombinedOutput()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, out)
	}
	want := "C2 Ünïcode GmbH — Straße offer 2026-12-04 95000 int 'line one\\nline \"two\"'\n" +
		"D2 ['Applications', 'Events'] Applications afterview Job applications 2026-11-26T00:00:00\n" +
		"True solid FFDDE4EE thin FF7F8FA6 18.0\n" +
		"'yyyy-mm-dd' left datetime '#,##0' '@' top\n" +
		"7.0 30.0 16.0 11.0\n" +
		"datetime 2026-11-20\n"
	if string(out) != want {
		t.Errorf("openpyxl reads\n%s\nwant\n%s", out, want)
	}
}
