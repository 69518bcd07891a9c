package store

import (
	"archive/zip"
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// Opening a workbook: an .xlsx file is a zip of XML parts. The workbook part
// lists the sheets, its relationships part says which part holds each one,
// the styles part says which cells are formatted as dates and the shared
// strings part holds the text that cells point to by number. A sheet is
// read as a stream of XML tokens, one cell at a time.

// What opening a workbook may unpack: a hostile file (a zip bomb, a cell
// far out at XFD1048576) cannot make afterview use more than this.
const (
	xlsxMaxUnzipped = 256 << 20 // all the parts together, as their zip entries declare
	xlsxMaxPart     = 16 << 20  // one part decoded whole: workbook, relationships, styles
	xlsxMaxCols     = 16384     // XFD, a sheet's last column
	xlsxMaxRows     = 1048576   // a sheet's last row
)

// xlsxMaxCells bounds the cells of one sheet, blanks between cells
// included (a variable so that a test can lower it).
var xlsxMaxCells = 16 << 20

// errNotXLSX is what ReadXLSX says of a file that is not a workbook.
var errNotXLSX = errors.New(`not an Excel workbook (.xlsx): save it as "Excel Workbook (.xlsx)" or as CSV UTF-8`)

// xlsxBook is an opened workbook: its parts, sheets, date system, shared
// strings and which cell styles show dates.
type xlsxBook struct {
	parts     map[string]*zip.File // by lower-case name: part names ignore case
	sheets    []xlsxSheetRef       // in the workbook's order
	date1904  bool                 // serial 0 is 1904-01-01 (old Mac Excel), not 1899-12-31
	strs      []string             // the shared strings, by index
	dateStyle []bool               // cell style index → whether its number format shows a date
}

// xlsxSheetRef is a sheet's name and the part that holds it.
type xlsxSheetRef struct{ name, part string }

// openXLSX opens a workbook from its file.
func openXLSX(r io.ReaderAt, size int64) (*xlsxBook, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, errNotXLSX
	}
	b := &xlsxBook{parts: map[string]*zip.File{}}
	var total uint64
	for _, f := range zr.File {
		if f.UncompressedSize64 > xlsxMaxUnzipped || total+f.UncompressedSize64 > xlsxMaxUnzipped {
			return nil, fmt.Errorf("the workbook unpacks to more than %d MB, the most afterview reads: save the sheet as CSV UTF-8 and import that", xlsxMaxUnzipped>>20)
		}
		total += f.UncompressedSize64
		b.parts[strings.ToLower(strings.TrimPrefix(f.Name, "/"))] = f
	}
	main := "xl/workbook.xml"
	if rels, err := b.rels(""); err == nil {
		for _, r := range rels {
			if strings.HasSuffix(r.Type, "/officeDocument") && b.parts[strings.ToLower(r.Target)] != nil {
				main = r.Target
			}
		}
	} else if !errors.Is(err, errNoPart) {
		return nil, err
	}
	var wb struct {
		XMLName xml.Name `xml:"workbook"`
		Pr      struct {
			Date1904 string `xml:"date1904,attr"`
		} `xml:"workbookPr"`
		Sheets []struct {
			Name  string     `xml:"name,attr"`
			Attrs []xml.Attr `xml:",any,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := b.unmarshal(main, &wb); err != nil {
		if errors.Is(err, errNoPart) || errors.As(err, new(xml.UnmarshalError)) {
			return nil, errNotXLSX
		}
		return nil, err
	}
	b.date1904 = wb.Pr.Date1904 == "1" || strings.EqualFold(wb.Pr.Date1904, "true")
	rels, err := b.rels(main)
	if err != nil && !errors.Is(err, errNoPart) {
		return nil, err
	}
	byID := map[string]string{}
	styles, shared := path.Join(path.Dir(main), "styles.xml"), path.Join(path.Dir(main), "sharedStrings.xml")
	for _, r := range rels {
		byID[r.ID] = r.Target
		switch {
		case strings.HasSuffix(r.Type, "/styles"):
			styles = r.Target
		case strings.HasSuffix(r.Type, "/sharedStrings"):
			shared = r.Target
		}
	}
	for _, s := range wb.Sheets {
		ref := xlsxSheetRef{name: s.Name}
		for _, a := range s.Attrs {
			if a.Name.Local == "id" && a.Name.Space != "" { // r:id, in either namespace OOXML has for it
				ref.part = byID[a.Value]
			}
		}
		b.sheets = append(b.sheets, ref)
	}
	if err := b.readStyles(styles); err != nil {
		return nil, err
	}
	if err := b.readSharedStrings(shared); err != nil {
		return nil, err
	}
	return b, nil
}

// sheetNames lists the workbook's sheets in its order.
func (b *xlsxBook) sheetNames() []string {
	names := make([]string, len(b.sheets))
	for i, s := range b.sheets {
		names[i] = s.name
	}
	return names
}

// errNoPart says a part is not in the workbook.
var errNoPart = errors.New("no such part")

// open opens one part, refusing it when it unpacks to more than limit.
func (b *xlsxBook) open(name string, limit int64) (io.ReadCloser, error) {
	f := b.parts[strings.ToLower(name)]
	if f == nil {
		return nil, errNoPart
	}
	if f.UncompressedSize64 > uint64(limit) {
		return nil, fmt.Errorf("the workbook's part %s unpacks to more than %d MB, the most afterview reads: save the sheet as CSV UTF-8 and import that", name, limit>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("cannot read the workbook's part %s: %w", name, err)
	}
	// archive/zip refuses data beyond the declared size; this is a second guard.
	return struct {
		io.Reader
		io.Closer
	}{bufio.NewReader(io.LimitReader(rc, limit)), rc}, nil
}

// unmarshal decodes a small part (at most xlsxMaxPart) into v.
func (b *xlsxBook) unmarshal(name string, v any) error {
	rc, err := b.open(name, xlsxMaxPart)
	if err != nil {
		return err
	}
	defer rc.Close()
	if err := xml.NewDecoder(rc).Decode(v); err != nil {
		var ue xml.UnmarshalError
		if errors.As(err, &ue) {
			return ue
		}
		return fmt.Errorf("cannot read the workbook's part %s: %w", name, err)
	}
	return nil
}

// xlsxRel is a relationship: a part that another part refers to by Id.
type xlsxRel struct {
	ID     string `xml:"Id,attr"`
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
	Mode   string `xml:"TargetMode,attr"`
}

// rels reads the relationships of a part ("" for the package's own), with
// their targets resolved to part names; links outside the file are left out.
func (b *xlsxBook) rels(part string) ([]xlsxRel, error) {
	dir, base := path.Split(part)
	var doc struct {
		Rels []xlsxRel `xml:"Relationship"`
	}
	if err := b.unmarshal(dir+"_rels/"+base+".rels", &doc); err != nil {
		return nil, err
	}
	var rels []xlsxRel
	for _, r := range doc.Rels {
		if strings.EqualFold(r.Mode, "External") {
			continue
		}
		if strings.HasPrefix(r.Target, "/") {
			r.Target = path.Clean(r.Target[1:])
		} else {
			r.Target = path.Join(dir, r.Target)
		}
		rels = append(rels, r)
	}
	return rels, nil
}

// readStyles notes which cell styles show dates; a workbook without a
// styles part has none.
func (b *xlsxBook) readStyles(name string) error {
	var doc struct {
		NumFmts []struct {
			ID   string `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Xfs []struct {
			NumFmtID string `xml:"numFmtId,attr"`
		} `xml:"cellXfs>xf"`
	}
	if err := b.unmarshal(name, &doc); errors.Is(err, errNoPart) {
		return nil
	} else if err != nil {
		return fmt.Errorf("cannot read the workbook's styles: %w", err)
	}
	custom := map[int]string{}
	for _, f := range doc.NumFmts {
		if id, err := strconv.Atoi(strings.TrimSpace(f.ID)); err == nil {
			custom[id] = f.Code
		}
	}
	b.dateStyle = make([]bool, len(doc.Xfs))
	for i, xf := range doc.Xfs {
		id, _ := strconv.Atoi(strings.TrimSpace(xf.NumFmtID))
		var code *string
		if c, ok := custom[id]; ok {
			code = &c
		}
		b.dateStyle[i] = isDateFormat(id, code)
	}
	return nil
}

// readSharedStrings reads the shared strings part, if there is one. Like a
// sheet, it is read a token at a time and bounded only by xlsxMaxUnzipped:
// the shared strings of 100,000 applications' notes pass 16 MB.
func (b *xlsxBook) readSharedStrings(name string) error {
	rc, err := b.open(name, xlsxMaxUnzipped)
	if errors.Is(err, errNoPart) {
		return nil
	} else if err != nil {
		return err
	}
	defer rc.Close()
	dec := xml.NewDecoder(rc)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("cannot read the workbook's shared strings: %w", err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "si" {
			s, err := xlsxReadText(dec)
			if err != nil {
				return fmt.Errorf("cannot read the workbook's shared strings: %w", err)
			}
			b.strs = append(b.strs, s)
		}
	}
}

// xlsxReadText reads a string item (<si> or a cell's <is>, just opened)
// to its end: its text, or the text of its rich-text runs one after the
// other, without the phonetic guides (<rPh>) East Asian sheets carry.
func xlsxReadText(dec *xml.Decoder) (string, error) {
	var sb strings.Builder
	depth, phonetic, inT := 1, 0, false
	for depth > 0 {
		tok, err := dec.Token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "rPh":
				phonetic++
			case "t":
				inT = phonetic == 0
			}
		case xml.EndElement:
			depth--
			switch t.Name.Local {
			case "rPh":
				phonetic--
			case "t":
				inT = false
			}
		case xml.CharData:
			if inT {
				sb.Write(t)
			}
		}
	}
	return xlsxUnescape(sb.String()), nil
}

// xlsxUnescape decodes the _xHHHH_ escapes with which spreadsheet software
// writes characters that XML cannot hold (_x000D_ for a carriage return);
// _x005F_ is a literal "_", so that "_x005F_x0041_" stays "_x0041_".
func xlsxUnescape(s string) string {
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
		s = s[i:]
		if len(s) >= 7 && s[6] == '_' {
			if n, err := strconv.ParseUint(s[2:6], 16, 16); err == nil && (n < 0xD800 || n > 0xDFFF) {
				sb.WriteRune(rune(n))
				s = s[7:]
				continue
			}
		}
		sb.WriteString("_x")
		s = s[2:]
	}
	sb.WriteString(s)
	return sb.String()
}
