package store

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/afterview/afterview/timeline"
)

// Reading a sheet: its XML is read a token at a time, a cell at a time, so
// that no tree of the whole sheet is built; each cell lands at the column
// its reference names.

// rows reads a sheet's rows as text, each cell at the column and row its
// reference names (blanks between), date cells as YYYY-MM-DD and other
// cells as their stored value (a number as "1234.5", a boolean as 1 or 0).
// Rows end at their last cell with a value, and the sheet at its last
// row with one.
func (b *xlsxBook) rows(ref xlsxSheetRef) ([][]string, error) {
	rc, err := b.open(ref.part, xlsxMaxUnzipped)
	if errors.Is(err, errNoPart) {
		return nil, fmt.Errorf("sheet %q is not in the workbook's file (a damaged workbook: save it again from the spreadsheet app)", ref.name)
	} else if err != nil {
		return nil, err
	}
	defer rc.Close()
	dec := xml.NewDecoder(rc)
	var (
		rows  [][]string
		row   []string
		inRow bool
		rowN  int // the current row's number, from 1
		col   int // the last cell's column, from 1
		cells int
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, fmt.Errorf("sheet %q: cannot read it: %w", ref.name, err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if t.Name.Local == "row" && inRow {
				if len(row) > 0 {
					for len(rows) < rowN-1 {
						rows = append(rows, nil)
					}
					rows = append(rows, row)
				}
				row, inRow = nil, false
			}
		case xml.StartElement:
			switch {
			case t.Name.Local == "row":
				n := rowN + 1
				if r := xlsxAttr(t, "r"); r != "" {
					if n, err = strconv.Atoi(r); err != nil || n < 1 || n > xlsxMaxRows {
						return nil, fmt.Errorf("sheet %q: row %q is not a row number from 1 to %d", ref.name, r, xlsxMaxRows)
					}
				}
				if n <= rowN {
					return nil, fmt.Errorf("sheet %q: row %d comes after row %d (a damaged sheet: save it again from the spreadsheet app)", ref.name, n, rowN)
				}
				rowN, col, inRow = n, 0, true
			case t.Name.Local == "c" && inRow:
				cell := xlsxColumnName(col+1) + strconv.Itoa(rowN)
				if r := xlsxAttr(t, "r"); r != "" {
					if col, err = xlsxParseCell(r); err != nil {
						return nil, fmt.Errorf("sheet %q: %w", ref.name, err)
					}
					cell = r
				} else if col++; col > xlsxMaxCols {
					return nil, fmt.Errorf("sheet %q, row %d: more than %d cells, beyond column XFD, the last one a sheet has", ref.name, rowN, xlsxMaxCols)
				}
				v, err := b.cell(dec, t, ref.name, cell)
				if err != nil {
					return nil, err
				}
				switch {
				case v == "":
				case col <= len(row):
					row[col-1] = v
				default:
					if cells += col - len(row); cells > xlsxMaxCells {
						return nil, fmt.Errorf("sheet %q holds more than %d cells (blanks between them included), the most afterview reads: save it as CSV UTF-8 and import that", ref.name, xlsxMaxCells)
					}
					for len(row) < col-1 {
						row = append(row, "")
					}
					row = append(row, v)
				}
			}
		}
	}
}

// cell reads a cell (<c>, just opened) to its end and returns its text.
func (b *xlsxBook) cell(dec *xml.Decoder, start xml.StartElement, sheet, ref string) (string, error) {
	var v, inline strings.Builder
	isInline := false
	for depth, inV := 1, false; depth > 0; {
		tok, err := dec.Token()
		if err != nil {
			return "", fmt.Errorf("sheet %q, cell %s: cannot read it: %w", sheet, ref, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "is" {
				s, err := xlsxReadText(dec)
				if err != nil {
					return "", fmt.Errorf("sheet %q, cell %s: cannot read it: %w", sheet, ref, err)
				}
				inline.WriteString(s)
				isInline = true
				continue
			}
			depth++
			inV = t.Name.Local == "v" && depth == 2
		case xml.EndElement:
			depth--
			inV = false
		case xml.CharData:
			if inV {
				v.Write(t)
			}
		}
	}
	switch xlsxAttr(start, "t") {
	case "s":
		if v.Len() == 0 {
			return "", nil
		}
		i, err := strconv.Atoi(strings.TrimSpace(v.String()))
		if err != nil || i < 0 || i >= len(b.strs) {
			return "", fmt.Errorf("sheet %q, cell %s: its text %q is not in the workbook (a damaged workbook: save it again from the spreadsheet app)", sheet, ref, v.String())
		}
		return b.strs[i], nil
	case "inlineStr":
		if isInline {
			return inline.String(), nil
		}
		return v.String(), nil
	case "d": // an ISO 8601 date (and time): the date is the day
		if s := strings.TrimSpace(v.String()); len(s) >= 10 {
			if d, err := timeline.ParseDate(s[:10]); err == nil {
				return d.String(), nil
			}
		}
		return v.String(), nil
	case "", "n":
		s, err := strconv.Atoi(xlsxAttr(start, "s"))
		if err != nil || s < 0 || s >= len(b.dateStyle) || !b.dateStyle[s] {
			return v.String(), nil
		}
		serial, err := strconv.ParseFloat(strings.TrimSpace(v.String()), 64)
		if err != nil {
			return v.String(), nil
		}
		d, ok := xlsxSerialDate(serial, b.date1904)
		if !ok {
			return "", fmt.Errorf("sheet %q, cell %s: %v is a date cell outside the years 1900 to 9999", sheet, ref, v.String())
		}
		return d.String(), nil
	default: // "str" (a formula's text), "b" (1 or 0), "e" (#N/A and the like)
		return v.String(), nil
	}
}

// xlsxAttr returns an element's attribute, or "".
func xlsxAttr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
}

// xlsxParseCell returns the column (from 1) of a cell reference such as
// "C7", checking that the cell is on a sheet: columns A to XFD, rows 1 to
// 1048576.
func xlsxParseCell(ref string) (int, error) {
	i, col := 0, 0
	for ; i < len(ref); i++ {
		c := ref[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		if col = col*26 + int(c-'a'+1); col > xlsxMaxCols {
			return 0, fmt.Errorf("cell %s is beyond column XFD, the last one a sheet has", ref)
		}
	}
	row, err := strconv.Atoi(ref[i:])
	switch {
	case i == 0 || err != nil || row < 1 || ref[i] == '+':
		return 0, fmt.Errorf("%q is not a cell reference such as C7", ref)
	case row > xlsxMaxRows:
		return 0, fmt.Errorf("cell %s is beyond row %d, the last one a sheet has", ref, xlsxMaxRows)
	}
	return col, nil
}

// xlsxColumnName returns a column's letters: 1 is A, 27 is AA.
func xlsxColumnName(col int) string {
	var b []byte
	for ; col > 0; col = (col - 1) / 26 {
		b = append([]byte{byte('A' + (col-1)%26)}, b...)
	}
	return string(b)
}
