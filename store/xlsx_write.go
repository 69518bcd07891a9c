package store

import (
	"archive/zip"
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/afterview/afterview/timeline"
)

// Writing a workbook: the smallest set of parts that Excel, LibreOffice,
// Numbers, Google Sheets and openpyxl open without a repair prompt, text in
// a shared strings part, each part written once in a fixed order with the
// export day as every entry's time, so that the same data on the same day
// gives the same bytes.

// xlsxSheet is a sheet to write: a header row and rows of values, with the
// header row and the first `frozen` columns frozen. Values: timeline.Date
// (a date cell; zero is blank), int64 (an amount or an id), string, nil
// (blank).
type xlsxSheet struct {
	name   string
	header []string
	rows   [][]any
	frozen int
}

// The cell styles an export uses: their index in styles.xml's cellXfs.
const (
	xlsxStyleHeader = 1 // bold, on a light blue-grey fill, a line below
	xlsxStyleDate   = 2 // yyyy-mm-dd, left aligned as text is
	xlsxStyleAmount = 3 // #,##0 (built-in format 3)
	xlsxStyleText   = 4 // @ (built-in format 49: text stays text), top aligned
)

// The namespaces of the parts.
const (
	xlsxHeader   = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	xlsxNSMain   = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	xlsxNSRel    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	xlsxNSPkgRel = "http://schemas.openxmlformats.org/package/2006/relationships"
	xlsxCTPrefix = "application/vnd.openxmlformats-officedocument.spreadsheetml."
)

// writeXLSX writes a workbook of sheets, the first one shown when opened;
// today is its creation date and every zip entry's time.
func writeXLSX(w io.Writer, today timeline.Date, sheets []xlsxSheet) error {
	zw := zip.NewWriter(w)
	stamp := today.Time()
	part := func(name string, write func(*bufio.Writer) error) error {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: stamp})
		if err != nil {
			return err
		}
		bw := bufio.NewWriterSize(fw, 64<<10)
		bw.WriteString(xlsxHeader)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	text := func(s string) func(*bufio.Writer) error {
		return func(bw *bufio.Writer) error { _, err := bw.WriteString(s); return err }
	}

	var types, wbSheets, wbRels strings.Builder
	for i, sh := range sheets {
		n := strconv.Itoa(i + 1)
		fmt.Fprintf(&types, `<Override PartName="/xl/worksheets/sheet%s.xml" ContentType="%sworksheet+xml"/>`, n, xlsxCTPrefix)
		fmt.Fprintf(&wbSheets, `<sheet name="%s" sheetId="%s" r:id="rId%s"/>`, xlsxEscape(sh.name), n, n)
		fmt.Fprintf(&wbRels, `<Relationship Id="rId%s" Type="%s/worksheet" Target="worksheets/sheet%s.xml"/>`, n, xlsxNSRel, n)
	}
	stylesID, stringsID := len(sheets)+1, len(sheets)+2
	fmt.Fprintf(&wbRels, `<Relationship Id="rId%d" Type="%s/styles" Target="styles.xml"/>`, stylesID, xlsxNSRel)
	fmt.Fprintf(&wbRels, `<Relationship Id="rId%d" Type="%s/sharedStrings" Target="sharedStrings.xml"/>`, stringsID, xlsxNSRel)
	day := today.Time().Format(time.RFC3339)

	sst := &xlsxStrings{index: map[string]int{}}
	parts := []struct {
		name  string
		write func(*bufio.Writer) error
	}{
		{"[Content_Types].xml", text(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="` + xlsxCTPrefix + `sheet.main+xml"/>` +
			types.String() +
			`<Override PartName="/xl/styles.xml" ContentType="` + xlsxCTPrefix + `styles+xml"/>` +
			`<Override PartName="/xl/sharedStrings.xml" ContentType="` + xlsxCTPrefix + `sharedStrings+xml"/>` +
			`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
			`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
			`</Types>`)},
		{"_rels/.rels", text(`<Relationships xmlns="` + xlsxNSPkgRel + `">` +
			`<Relationship Id="rId1" Type="` + xlsxNSRel + `/officeDocument" Target="xl/workbook.xml"/>` +
			`<Relationship Id="rId2" Type="` + xlsxNSPkgRel + `/metadata/core-properties" Target="docProps/core.xml"/>` +
			`<Relationship Id="rId3" Type="` + xlsxNSRel + `/extended-properties" Target="docProps/app.xml"/>` +
			`</Relationships>`)},
		{"docProps/app.xml", text(`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
			`<Application>afterview</Application></Properties>`)},
		{"docProps/core.xml", text(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
			` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"` +
			` xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
			`<dc:title>Job applications</dc:title><dc:creator>afterview</dc:creator>` +
			`<dcterms:created xsi:type="dcterms:W3CDTF">` + day + `</dcterms:created>` +
			`<dcterms:modified xsi:type="dcterms:W3CDTF">` + day + `</dcterms:modified>` +
			`</cp:coreProperties>`)},
		{"xl/workbook.xml", text(`<workbook xmlns="` + xlsxNSMain + `" xmlns:r="` + xlsxNSRel + `">` +
			`<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews>` +
			`<sheets>` + wbSheets.String() + `</sheets></workbook>`)},
		{"xl/_rels/workbook.xml.rels", text(`<Relationships xmlns="` + xlsxNSPkgRel + `">` + wbRels.String() + `</Relationships>`)},
		{"xl/styles.xml", text(xlsxStylesXML)},
	}
	for _, p := range parts {
		if err := part(p.name, p.write); err != nil {
			return err
		}
	}
	for i, sh := range sheets {
		if err := part("xl/worksheets/sheet"+strconv.Itoa(i+1)+".xml", func(bw *bufio.Writer) error {
			return sh.write(bw, sst, i == 0)
		}); err != nil {
			return err
		}
	}
	if err := part("xl/sharedStrings.xml", sst.write); err != nil {
		return err
	}
	return zw.Close()
}

// xlsxStylesXML is the export's styles part: the fonts, fills, borders and
// number formats its cell styles (xlsxStyleHeader…) put together.
const xlsxStylesXML = `<styleSheet xmlns="` + xlsxNSMain + `">` +
	`<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>` +
	`<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>` +
	`<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
	`<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
	`<fill><patternFill patternType="solid"><fgColor rgb="FFDDE4EE"/><bgColor indexed="64"/></patternFill></fill></fills>` +
	`<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>` +
	`<border><left/><right/><top/><bottom style="thin"><color rgb="FF7F8FA6"/></bottom><diagonal/></border></borders>` +
	`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
	`<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
	`<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1"/>` +
	`<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment horizontal="left"/></xf>` +
	`<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
	`<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>` +
	`</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`

// write writes the sheet's part: its frozen panes (the first sheet is the
// one selected), column widths that fit the content within bounds, a bold
// header row 18 points high, then the rows.
func (sh xlsxSheet) write(bw *bufio.Writer, sst *xlsxStrings, selected bool) error {
	widths := make([]int, len(sh.header))
	for i, h := range sh.header {
		widths[i] = len([]rune(h)) + 3 // room for a filter button
	}
	for _, row := range sh.rows {
		for c, v := range row {
			n := 0
			switch v := v.(type) {
			case timeline.Date:
				if !v.IsZero() {
					n = 10
				}
			case int64:
				n = len(strconv.FormatInt(v, 10)) + 2
			case string:
				first, _, _ := strings.Cut(v, "\n")
				n = utf8.RuneCountInString(first)
			case nil:
			default:
				return fmt.Errorf("sheet %s: a %T cell", sh.name, v)
			}
			widths[c] = max(widths[c], n)
		}
	}
	topLeft := xlsxColumnName(sh.frozen+1) + "2"
	bw.WriteString(`<worksheet xmlns="` + xlsxNSMain + `" xmlns:r="` + xlsxNSRel + `">`)
	bw.WriteString(`<dimension ref="A1:` + xlsxColumnName(len(sh.header)) + strconv.Itoa(len(sh.rows)+1) + `"/>`)
	bw.WriteString(`<sheetViews><sheetView`)
	if selected {
		bw.WriteString(` tabSelected="1"`)
	}
	fmt.Fprintf(bw, ` workbookViewId="0"><pane xSplit="%d" ySplit="1" topLeftCell="%s" activePane="bottomRight" state="frozen"/>`, sh.frozen, topLeft)
	fmt.Fprintf(bw, `<selection pane="bottomRight" activeCell="%s" sqref="%s"/></sheetView></sheetViews>`, topLeft, topLeft)
	bw.WriteString(`<sheetFormatPr defaultRowHeight="15"/><cols>`)
	for i, w := range widths {
		fmt.Fprintf(bw, `<col min="%d" max="%d" width="%d" customWidth="1"/>`, i+1, i+1, min(max(w, 6), 50)+1)
	}
	bw.WriteString(`</cols><sheetData><row r="1" ht="18" customHeight="1">`)
	for c, h := range sh.header {
		fmt.Fprintf(bw, `<c r="%s1" s="%d" t="s"><v>%d</v></c>`, xlsxColumnName(c+1), xlsxStyleHeader, sst.add(xlsxClean(h)))
	}
	bw.WriteString(`</row>`)
	for r, row := range sh.rows {
		n := strconv.Itoa(r + 2)
		bw.WriteString(`<row r="` + n + `">`)
		for c, v := range row {
			ref := xlsxColumnName(c+1) + n
			switch v := v.(type) {
			case timeline.Date:
				if v.IsZero() {
					break
				}
				if serial, ok := xlsxSerial(v); ok {
					fmt.Fprintf(bw, `<c r="%s" s="%d"><v>%d</v></c>`, ref, xlsxStyleDate, serial)
				} else { // before 1900: no date cell can hold it
					fmt.Fprintf(bw, `<c r="%s" s="%d" t="s"><v>%d</v></c>`, ref, xlsxStyleText, sst.add(v.String()))
				}
			case int64:
				if c >= sh.frozen { // an amount, not an id
					fmt.Fprintf(bw, `<c r="%s" s="%d"><v>%d</v></c>`, ref, xlsxStyleAmount, v)
				} else {
					fmt.Fprintf(bw, `<c r="%s"><v>%d</v></c>`, ref, v)
				}
			case string:
				if v = xlsxClean(v); v != "" { // else a blank cell, not an empty text
					fmt.Fprintf(bw, `<c r="%s" s="%d" t="s"><v>%d</v></c>`, ref, xlsxStyleText, sst.add(v))
				}
			}
		}
		bw.WriteString(`</row>`)
	}
	_, err := bw.WriteString(`</sheetData></worksheet>`)
	return err
}

// xlsxStrings is the shared strings part being built: each text once.
type xlsxStrings struct {
	list  []string
	index map[string]int
	refs  int
}

// add returns the index of a text (made fit by xlsxClean), adding it
// when new.
func (s *xlsxStrings) add(text string) int {
	s.refs++
	i, ok := s.index[text]
	if !ok {
		i = len(s.list)
		s.index[text] = i
		s.list = append(s.list, text)
	}
	return i
}

// write writes the shared strings part.
func (s *xlsxStrings) write(bw *bufio.Writer) error {
	fmt.Fprintf(bw, `<sst xmlns="%s" count="%d" uniqueCount="%d">`, xlsxNSMain, s.refs, len(s.list))
	for _, t := range s.list {
		bw.WriteString(`<si><t`)
		if t != strings.TrimLeft(t, " \t\r\n") || t != strings.TrimRight(t, " \t\r\n") {
			bw.WriteString(` xml:space="preserve"`)
		}
		bw.WriteString(`>` + xlsxEscape(t) + `</t></si>`)
	}
	_, err := bw.WriteString(`</sst>`)
	return err
}

// xlsxClean makes a text fit for a cell: the characters XML 1.0 cannot hold
// (control characters other than tab and line breaks, U+FFFE, U+FFFF) are
// left out, and a literal "_x0041_" is written "_x005F_x0041_" so that
// spreadsheet software does not read it as an escaped character.
func xlsxClean(s string) string {
	clean := func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF {
			return r
		}
		return -1
	}
	s = strings.Map(clean, s)
	if !strings.Contains(s, "_x") {
		return s
	}
	var sb strings.Builder
	for {
		i := strings.Index(s, "_x")
		if i < 0 {
			break
		}
		sb.WriteString(s[:i])
		if len(s) >= i+7 && s[i+6] == '_' && xlsxHex(s[i+2:i+6]) {
			sb.WriteString("_x005F")
		}
		sb.WriteString("_x")
		s = s[i+2:]
	}
	sb.WriteString(s)
	return sb.String()
}

// xlsxHex reports whether s is all hexadecimal digits.
func xlsxHex(s string) bool {
	for i := range len(s) {
		if c := s[i] | 0x20; !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// xlsxEscaper escapes text for XML content and attribute values; a
// carriage return is written as a reference so that it is not read as a
// line break.
var xlsxEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "\r", "&#xD;")

// xlsxEscape escapes text that xlsxClean made fit for XML.
func xlsxEscape(s string) string { return xlsxEscaper.Replace(s) }
