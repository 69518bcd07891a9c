package store

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/afterview/afterview/timeline"
)

// testWorkbook zips a workbook from literal XML: one sheet "Sheet1" at
// xl/worksheets/sheet1.xml unless parts give another workbook and
// relationships; wbPr is the workbookPr element's attributes. No styles
// or shared strings unless parts give them.
func testWorkbook(t testing.TB, wbPr string, parts map[string]string) []byte {
	t.Helper()
	all := map[string]string{
		"xl/workbook.xml": `<workbook xmlns="` + xlsxNSMain + `" xmlns:r="` + xlsxNSRel + `"><workbookPr ` + wbPr + `/>` +
			`<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships xmlns="` + xlsxNSPkgRel + `">` +
			`<Relationship Id="rId1" Type="` + xlsxNSRel + `/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
	}
	for name, xml := range parts {
		all[name] = xml
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(all))
	for name := range all {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if all[name] == "" {
			continue // a part left out
		}
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, xlsxHeader+all[name])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// testSheet is a worksheet part around rows of sheetData.
func testSheet(rows string) string {
	return `<worksheet xmlns="` + xlsxNSMain + `"><sheetData>` + rows + `</sheetData></worksheet>`
}

// testStyles is a styles part with the given custom number formats and a
// cell style for each numFmtId, in order (style 0 first).
func testStyles(numFmts string, ids ...int) string {
	var xfs strings.Builder
	for _, id := range ids {
		fmt.Fprintf(&xfs, `<xf numFmtId="%d" fontId="0" fillId="0" borderId="0" xfId="0"/>`, id)
	}
	return `<styleSheet xmlns="` + xlsxNSMain + `"><numFmts>` + numFmts + `</numFmts>` +
		`<cellStyleXfs count="1"><xf numFmtId="22"/></cellStyleXfs><cellXfs>` + xfs.String() + `</cellXfs></styleSheet>`
}

// testPart returns one part of a workbook file.
func testPart(t *testing.T, book []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// testRows opens a workbook and reads its first sheet, a row a line and
// cells between bars.
func testRows(t *testing.T, book []byte) (string, error) {
	t.Helper()
	b, err := openXLSX(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		return "", err
	}
	rows, err := b.rows(b.sheets[0])
	lines := make([]string, len(rows))
	for i, r := range rows {
		lines[i] = strings.Join(r, "|")
	}
	return strings.Join(lines, "\n"), err
}

func TestXLSXSerialDates(t *testing.T) {
	// As Excel shows them, and as the library afterview used before gave them.
	for _, c := range []struct {
		serial   float64
		date1904 bool
		want     string
	}{
		{1, false, "1900-01-01"},
		{1.5, false, "1900-01-01"},
		{59, false, "1900-02-28"},
		{60, false, "1900-02-28"}, // Excel's 1900-02-29, a day that never was
		{61, false, "1900-03-01"},
		{366, false, "1900-12-31"},
		{46360, false, "2026-12-04"},
		{46360.75, false, "2026-12-04"},
		{46360.99999, false, "2026-12-04"},  // 23:59:59
		{46360.999995, false, "2026-12-05"}, // 23:59:59.6 rounds to midnight
		{2958465, false, "9999-12-31"},
		{0, true, "1904-01-01"},
		{1462, true, "1908-01-02"},
		{45000, true, "2027-03-16"},
		{2957003, true, "9999-12-31"},
		{0.5, false, ""},
		{2958466, false, ""},
		{2957004, true, ""},
		{-1, true, ""},
	} {
		got := ""
		if d, ok := xlsxSerialDate(c.serial, c.date1904); ok {
			got = d.String()
		}
		if got != c.want {
			t.Errorf("serial %v (1904: %v) is %q, want %q", c.serial, c.date1904, got, c.want)
		}
	}
	// Writing counts the same way, back from the date.
	for _, s := range []string{"1900-01-01", "1900-02-28", "1900-03-01", "2026-12-04", "9999-12-31"} {
		serial, ok := xlsxSerial(timeline.MustDate(s))
		if d, _ := xlsxSerialDate(float64(serial), false); !ok || d.String() != s {
			t.Errorf("%s is written as serial %d, read back as %s", s, serial, d)
		}
	}
	if _, ok := xlsxSerial(timeline.MustDate("1899-12-31")); ok {
		t.Error("1899-12-31 has a serial number")
	}
}

// dateBook is a workbook with a date in each of the ways a sheet holds one,
// and cells of every other kind: shared text with rich-text runs and a
// phonetic guide, inline text, a formula's text, a boolean, a number in a
// custom number format, a sparse row and rows without numbers.
func dateBook(t testing.TB, wbPr string) []byte {
	return testWorkbook(t, wbPr, map[string]string{
		"xl/styles.xml": testStyles(`<numFmt numFmtId="164" formatCode="d mmm yyyy"/><numFmt numFmtId="165" formatCode="[Red]#,##0.00"/>`+
			`<numFmt numFmtId="166" formatCode="&quot;day&quot; 0"/>`, 0, 14, 30, 57, 164, 165, 166),
		"xl/sharedStrings.xml": `<sst xmlns="` + xlsxNSMain + `" count="3" uniqueCount="3">` +
			`<si><t>Company</t></si>` +
			`<si><r><rPr><b/></rPr><t xml:space="preserve">Rich </t></r><r><t>Text</t></r><rPh sb="0" eb="1"><t>リッチ</t></rPh><r><t xml:space="preserve"> Co</t></r></si>` +
			`<si><t>Line_x000D_break _x005F_x0041_</t></si></sst>`,
		"xl/worksheets/sheet1.xml": testSheet(
			`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Applied</t></is></c>` +
				`<c r="C1" t="inlineStr"><is><r><t>Inter</t></r><r><t>viewed</t></r></is></c><c r="D1" t="inlineStr"><is><t>Salary</t></is></c></row>` +
				`<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" s="1"><v>46000</v></c><c r="C2" s="2"><v>46001</v></c><c r="D2" s="5"><v>1234.5</v></c></row>` +
				`<row><c r="A3" t="str"><f>"Formula"&amp;" Co"</f><v>Formula Co</v></c><c r="B3" s="3"><v>45000.25</v></c>` +
				`<c r="C3" s="4"><v>45000</v></c><c r="D3" t="b"><v>1</v></c><c r="E3" s="6"><v>7</v></c></row>` +
				`<row r="4"><c r="A4" s="1"/></row>` +
				`<row r="5"><c r="A5" t="s"><v>2</v></c><c r="C5" t="d"><v>2026-11-20T00:00:00Z</v></c><c r="E5" t="e"><v>#N/A</v></c></row>` +
				`<row><c t="inlineStr"><is><t>a</t></is></c><c s="1"><v>46002</v></c><c r="E6" t="inlineStr"><is><t>e</t></is></c><c t="inlineStr"><is><t>f</t></is></c></row>` +
				`<row r="9"/>`),
	})
}

func TestReadXLSXCells(t *testing.T) {
	got, err := testRows(t, dateBook(t, ""))
	if err != nil {
		t.Fatal(err)
	}
	want := "Company|Applied|Interviewed|Salary\n" +
		"Rich Text Co|2025-12-09|2025-12-10|1234.5\n" + // formats 14 and 30; a number as stored, not "1,234.50"
		"Formula Co|2023-03-15|2023-03-15|1|7\n" + // format 57, a custom date format, a boolean, a number "day 7"
		"\n" + // a row with a styled blank cell only
		"Line\rbreak _x0041_||2026-11-20||#N/A\n" +
		"a|2025-12-11|||e|f"
	if got != want {
		t.Errorf("the sheet reads\n%s\nwant\n%s", got, want)
	}
	// The 1904 date system counts from 1904-01-01: the same serials are
	// four years and a day later.
	for _, pr := range []string{`date1904="1"`, `date1904="true"`} {
		got, err := testRows(t, dateBook(t, pr))
		if err != nil {
			t.Fatal(err)
		}
		if line := strings.Split(got, "\n")[1]; line != "Rich Text Co|2029-12-10|2029-12-11|1234.5" {
			t.Errorf("%s: row 2 reads %s", pr, line)
		}
	}
	// Through ReadXLSX, as an import sees it.
	b, err := ReadXLSX(bytes.NewReader(dateBook(t, "")), "", DateFormat{})
	if err != nil {
		t.Fatal(err)
	}
	if got := describeBatch(b); !strings.Contains(got, "row 2 | Rich Text Co |") || !strings.Contains(got, "applied 2025-12-09") || !strings.Contains(got, "interview 2025-12-10") {
		t.Errorf("the batch:\n%s", got)
	}
}

func TestReadXLSXDateCellOutOfRange(t *testing.T) {
	book := testWorkbook(t, "", map[string]string{
		"xl/styles.xml":            testStyles("", 0, 14),
		"xl/worksheets/sheet1.xml": testSheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>Company</t></is></c></row><row r="2"><c r="B2" s="1"><v>0.5</v></c></row>`),
	})
	_, err := ReadXLSX(bytes.NewReader(book), "", DateFormat{})
	if want := `sheet "Sheet1", cell B2: 0.5 is a date cell outside the years 1900 to 9999`; err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

// A workbook as the simplest writers make it: no styles part, no shared
// strings, sheets found through absolute relationship targets, named in
// another order than their files.
func TestReadXLSXWithoutStylesOrSharedStrings(t *testing.T) {
	book := testWorkbook(t, "", map[string]string{
		"xl/workbook.xml": `<workbook xmlns="` + xlsxNSMain + `" xmlns:r="` + xlsxNSRel + `"><sheets>` +
			`<sheet name="Zeta" sheetId="2" r:id="rId7"/><sheet name="alpha" sheetId="1" r:id="rId3"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships xmlns="` + xlsxNSPkgRel + `">` +
			`<Relationship Id="rId3" Type="` + xlsxNSRel + `/worksheet" Target="worksheets/a.xml"/>` +
			`<Relationship Id="rId7" Type="` + xlsxNSRel + `/worksheet" Target="/xl/worksheets/z.xml"/>` +
			`<Relationship Id="rId9" Type="` + xlsxNSRel + `/hyperlink" Target="https://example.com" TargetMode="External"/></Relationships>`,
		"xl/worksheets/z.xml": testSheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>Company</t></is></c><c r="B1" t="inlineStr"><is><t>Applied</t></is></c></row>` +
			`<row r="2"><c r="A2" t="inlineStr"><is><t>Zeta Corp</t></is></c><c r="B2" t="inlineStr"><is><t>2026-11-02</t></is></c></row>`),
		"xl/worksheets/a.xml": testSheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>Employer</t></is></c></row>` +
			`<row r="2"><c r="A2" t="inlineStr"><is><t>Alpha Ltd</t></is></c></row>`),
	})
	b, err := ReadXLSX(bytes.NewReader(book), "", DateFormat{})
	if err != nil {
		t.Fatal(err)
	}
	if got := describeBatch(b); got != `row 2 | Zeta Corp |  |  |  |  | "" | archived=false | applied 2026-11-02` {
		t.Errorf("the first sheet: %s", got)
	}
	b, err = ReadXLSX(bytes.NewReader(book), "ALPHA", DateFormat{})
	if err != nil {
		t.Fatal(err)
	}
	if got := describeBatch(b); got != `row 2 | Alpha Ltd |  |  |  |  | "" | archived=false` {
		t.Errorf("sheet alpha: %s", got)
	}
	if _, err := ReadXLSX(bytes.NewReader(book), "beta", DateFormat{}); err == nil || err.Error() != `no sheet "beta" in the workbook (its sheets: "Zeta", "alpha")` {
		t.Errorf("a missing sheet: %v", err)
	}
}

// testRawZip zips one entry as given, its declared size whatever the test
// says, its data stored or deflated.
func testRawZip(t *testing.T, parts map[string]string, name string, data []byte, deflate bool, declared uint64) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for n, xml := range parts {
		w, _ := zw.Create(n)
		io.WriteString(w, xml)
	}
	h := &zip.FileHeader{Name: name, Method: zip.Store, UncompressedSize64: declared}
	payload := data
	if deflate {
		var c bytes.Buffer
		fw, _ := flate.NewWriter(&c, flate.BestCompression)
		fw.Write(data)
		fw.Close()
		h.Method, payload = zip.Deflate, c.Bytes()
	}
	h.CompressedSize64 = uint64(len(payload))
	w, err := zw.CreateRaw(h)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(payload)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadXLSXRefusesHostileWorkbooks(t *testing.T) {
	plain := map[string]string{
		"xl/workbook.xml": `<workbook xmlns:r="` + xlsxNSRel + `"><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="rId1" Type="` + xlsxNSRel +
			`/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
	}
	sheet := []byte(testSheet(`<row r="1"><c t="inlineStr"><is><t>Company</t></is></c></row>`))
	big := testSheet(strings.Repeat(`<row><c t="inlineStr"><is><t>Company</t></is></c></row>`, 4000))
	for _, c := range []struct {
		name, want string
		book       []byte
	}{
		{"a sheet declared at 300 MB", "the workbook unpacks to more than 256 MB, the most afterview reads: save the sheet as CSV UTF-8 and import that",
			testRawZip(t, plain, "xl/worksheets/sheet1.xml", sheet, false, 300<<20)},
		{"styles declared at 17 MB", "cannot read the workbook's styles: the workbook's part xl/styles.xml unpacks to more than 16 MB, the most afterview reads: save the sheet as CSV UTF-8 and import that",
			testRawZip(t, plain, "xl/styles.xml", []byte("<styleSheet/>"), false, 17<<20)},
		{"shared strings declared at 257 MB", "the workbook unpacks to more than 256 MB, the most afterview reads: save the sheet as CSV UTF-8 and import that",
			testRawZip(t, plain, "xl/sharedStrings.xml", []byte("<sst/>"), false, 257<<20)},
		{"a sheet larger than it says", `sheet "S": cannot read it: zip: not a valid zip file`,
			testRawZip(t, plain, "xl/worksheets/sheet1.xml", []byte(big), true, 100)},
		{"a cell beyond XFD", `sheet "Sheet1": cell XFE1 is beyond column XFD, the last one a sheet has`,
			testWorkbook(t, "", map[string]string{"xl/worksheets/sheet1.xml": testSheet(`<row r="1"><c r="XFE1"><v>1</v></c></row>`)})},
		{"a cell far beyond XFD", `sheet "Sheet1": cell AAAAAAAAAAAAAAAAAAAAAA1 is beyond column XFD, the last one a sheet has`,
			testWorkbook(t, "", map[string]string{"xl/worksheets/sheet1.xml": testSheet(`<row r="1"><c r="AAAAAAAAAAAAAAAAAAAAAA1"><v>1</v></c></row>`)})},
		{"a cell beyond row 1048576", `sheet "Sheet1": cell A1048577 is beyond row 1048576, the last one a sheet has`,
			testWorkbook(t, "", map[string]string{"xl/worksheets/sheet1.xml": testSheet(`<row r="1"><c r="A1048577"><v>1</v></c></row>`)})},
		{"a row beyond 1048576", `sheet "Sheet1": row "1048577" is not a row number from 1 to 1048576`,
			testWorkbook(t, "", map[string]string{"xl/worksheets/sheet1.xml": testSheet(`<row r="1048577"><c r="A1"><v>1</v></c></row>`)})},
		{"a cell reference that is none", `sheet "Sheet1": "1A" is not a cell reference such as C7`,
			testWorkbook(t, "", map[string]string{"xl/worksheets/sheet1.xml": testSheet(`<row r="1"><c r="1A"><v>1</v></c></row>`)})},
		{"rows out of order", `sheet "Sheet1": row 2 comes after row 3 (a damaged sheet: save it again from the spreadsheet app)`,
			testWorkbook(t, "", map[string]string{"xl/worksheets/sheet1.xml": testSheet(`<row r="3"><c><v>1</v></c></row><row r="2"><c><v>1</v></c></row>`)})},
		{"a shared string that is not there", `sheet "Sheet1", cell A1: its text "4" is not in the workbook (a damaged workbook: save it again from the spreadsheet app)`,
			testWorkbook(t, "", map[string]string{"xl/worksheets/sheet1.xml": testSheet(`<row r="1"><c r="A1" t="s"><v>4</v></c></row>`)})},
		{"a zip that is not a workbook", errNotXLSX.Error(), testWorkbook(t, "", map[string]string{"xl/workbook.xml": "", "word/document.xml": "<document/>"})},
		{"a workbook part that is not one", errNotXLSX.Error(), testWorkbook(t, "", map[string]string{"xl/workbook.xml": "<document/>"})},
		{"a sheet that is not in the file", `sheet "Sheet1" is not in the workbook's file (a damaged workbook: save it again from the spreadsheet app)`,
			testWorkbook(t, "", nil)},
	} {
		_, err := ReadXLSX(bytes.NewReader(c.book), "", DateFormat{})
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: got %v\nwant %s", c.name, err, c.want)
		}
	}
}

// A sheet of rows that each reach column XFD would be 16,384 cells a row
// in memory: past xlsxMaxCells the sheet is refused.
func TestReadXLSXCapsTheCells(t *testing.T) {
	defer func(n int) { xlsxMaxCells = n }(xlsxMaxCells)
	xlsxMaxCells = 100_000
	book := testWorkbook(t, "", map[string]string{"xl/worksheets/sheet1.xml": testSheet(strings.Repeat(`<row><c r="XFD1"><v>1</v></c></row>`, 7))})
	_, err := testRows(t, book)
	if want := `sheet "Sheet1" holds more than 100000 cells (blanks between them included), the most afterview reads: save it as CSV UTF-8 and import that`; err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	book = testWorkbook(t, "", map[string]string{"xl/worksheets/sheet1.xml": testSheet(strings.Repeat(`<row><c r="XFD1"><v>1</v></c></row>`, 6))})
	if rows, err := testRows(t, book); err != nil || len(rows) != 6*(xlsxMaxCols)+5 {
		t.Errorf("six rows to XFD: %d bytes, %v", len(rows), err)
	}
}

// Text that XML cannot hold is left out of a written cell; text that looks
// like an escaped character is written so that it reads back as it was.
func TestWriteXLSXCleansText(t *testing.T) {
	texts := []string{"bell\x07 and nul\x00 gone", "keep\ttab", "cr\r\nlf", "_x0041_ literal", `<&> "quoted"`, " padded ", "\ufffe\uffff", "ok"}
	rows := [][]any{}
	for _, s := range texts {
		rows = append(rows, []any{s})
	}
	var buf bytes.Buffer
	if err := writeXLSX(&buf, timeline.MustDate("2026-11-29"), []xlsxSheet{{name: "Sheet <1>", header: []string{"Text"}, rows: rows, frozen: 1}}); err != nil {
		t.Fatal(err)
	}
	got, err := testRows(t, buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	want := "Text\nbell and nul gone\nkeep\ttab\ncr\r\nlf\n_x0041_ literal\n<&> \"quoted\"\n padded \n\nok"
	if got != want {
		t.Errorf("read back\n%q\nwant\n%q", got, want)
	}
	if err := exec.Command("/usr/bin/python3", "-c", "import openpyxl").Run(); err != nil {
		t.Skip("python3-openpyxl is not installed: the workbook is not checked with a second reader")
	}
	file := filepath.Join(t.TempDir(), "clean.xlsx")
	if err := os.WriteFile(file, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("/usr/bin/python3", "-c", `
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
print(ws.title, [c.value for c in ws["A"]])
`, file).CombinedOutput()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, out)
	}
	if want := `Sheet <1> ['Text', 'bell and nul gone', 'keep\ttab', 'cr\r\nlf', '_x0041_ literal', '<&> "quoted"', ' padded ', None, 'ok']` + "\n"; string(out) != want {
		t.Errorf("openpyxl reads\n%s\nwant\n%s", out, want)
	}
}

func TestXLSXUnescape(t *testing.T) {
	for in, want := range map[string]string{
		"plain":                 "plain",
		"a_x000D_b":             "a\rb",
		"_x005F_x0041_":         "_x0041_",
		"_x_x0041_":             "_xA",
		"_xD800_ _x12_ _xZZZZ_": "_xD800_ _x12_ _xZZZZ_",
		"end_x":                 "end_x",
	} {
		if got := xlsxUnescape(in); got != want {
			t.Errorf("%q unescapes to %q, want %q", in, got, want)
		}
		if back := xlsxUnescape(xlsxClean(want)); back != want && !strings.ContainsRune(want, '\r') {
			t.Errorf("%q cleaned and read back is %q", want, back)
		}
	}
}

// FuzzReadXLSX reads arbitrary bytes as a workbook: an error or a batch,
// never both, never a panic. The seed corpus (the test workbooks) runs
// with go test.
func FuzzReadXLSX(f *testing.F) {
	if b, err := os.ReadFile(spreadsheetXLSX); err == nil {
		f.Add(b)
	}
	f.Add(dateBook(f, `date1904="1"`))
	f.Add(testWorkbook(f, "", map[string]string{"xl/worksheets/sheet1.xml": testSheet(`<row><c t="inlineStr"><is><t>Company</t></is></c></row><row><c t="inlineStr"><is><t>Acme</t></is></c></row>`)}))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := ReadXLSX(bytes.NewReader(data), "", DateFormat{})
		if err != nil && b != nil {
			t.Fatal("an error with a batch")
		}
	})
}
