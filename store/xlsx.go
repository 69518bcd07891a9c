package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/afterview/afterview/timeline"
	"github.com/xuri/excelize/v2"
)

// Excel workbooks (.xlsx), read and written with excelize, the maintained
// pure-Go library for the format. A workbook is read through the same path
// as a CSV file (readSheet): the same header aliases, date handling and
// all-or-nothing rule; real date cells arrive there as YYYY-MM-DD text.
// A workbook that afterview wrote (an "Events" sheet headed as ExportXLSX
// heads it) is read back whole: each application with every event.

// The sheets ExportXLSX writes.
const (
	xlsxAppsSheet   = "Applications"
	xlsxEventsSheet = "Events"
)

// xlsxAppID heads the applications' id column; xlsxEventApp heads the events
// sheet's column that names the application by that id.
const (
	xlsxAppID    = "ID"
	xlsxEventApp = "Application ID"
)

// xlsxLimits bound what opening a workbook may unpack (it is a zip file):
// a hostile file cannot make afterview use more than this.
var xlsxLimits = excelize.Options{UnzipSizeLimit: 256 << 20, UnzipXMLSizeLimit: 16 << 20, RawCellValue: true}

// ReadXLSX reads an Excel workbook: its first sheet, or the one named sheet,
// as ReadCSV reads a CSV file. Cells formatted as dates are dates whatever
// the sheet's locale shows; text dates follow dateFormat. Nothing is written:
// pass the Batch to Import.
func ReadXLSX(r io.Reader, sheet string, dateFormat DateFormat) (*Batch, error) {
	f, err := excelize.OpenReader(r, xlsxLimits)
	if err != nil {
		if errors.Is(err, excelize.ErrWorkbookFileFormat) || strings.Contains(err.Error(), "zip") {
			return nil, errors.New("not an Excel workbook (.xlsx): save it as \"Excel Workbook (.xlsx)\" or as CSV UTF-8")
		}
		return nil, fmt.Errorf("cannot read the workbook: %w", err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, ErrEmpty
	}
	if sheet == "" {
		sheet = sheets[0]
	} else if i := slices.IndexFunc(sheets, func(s string) bool { return strings.EqualFold(s, sheet) }); i >= 0 {
		sheet = sheets[i]
	} else {
		return nil, fmt.Errorf("no sheet %q in the workbook (its sheets: %s)", sheet, quoteAll(sheets))
	}
	x := xlsxReader{f: f, dates: map[int]bool{}}
	if p, err := f.GetWorkbookProps(); err == nil && p.Date1904 != nil {
		x.date1904 = *p.Date1904
	}
	rows, err := x.rows(sheet)
	if err != nil {
		return nil, err
	}
	i := 0
	b, err := readSheet(func() ([]string, error) {
		if i == len(rows) {
			return nil, io.EOF
		}
		i++
		return rows[i-1], nil
	}, dateFormat)
	if err != nil || !slices.Contains(sheets, xlsxEventsSheet) || sheet == xlsxEventsSheet {
		return b, err
	}
	return x.withEvents(b, rows)
}

// xlsxReader reads cells, turning date cells into YYYY-MM-DD.
type xlsxReader struct {
	f        *excelize.File
	date1904 bool
	dates    map[int]bool // style id → whether it formats a date
}

// rows returns a sheet's rows as text, date cells as YYYY-MM-DD.
func (x *xlsxReader) rows(sheet string) ([][]string, error) {
	rows, err := x.f.GetRows(sheet, xlsxLimits)
	if err != nil {
		return nil, fmt.Errorf("sheet %q: %w", sheet, err)
	}
	for r, row := range rows {
		for c, v := range row {
			serial, err := strconv.ParseFloat(v, 64)
			if err != nil {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if !x.isDate(sheet, cell) {
				continue
			}
			if serial < 1 || serial >= 2958466 { // 2958466 is 10000-01-01
				return nil, fmt.Errorf("sheet %q, cell %s: %v is a date cell outside the years 1900 to 9999", sheet, cell, v)
			}
			t, err := excelize.ExcelDateToTime(serial, x.date1904)
			if err != nil {
				return nil, fmt.Errorf("sheet %q, cell %s: %v is not a date", sheet, cell, v)
			}
			rows[r][c] = timeline.DateOf(t).String()
		}
	}
	return rows, nil
}

// isDate reports whether a cell's number format shows a date.
func (x *xlsxReader) isDate(sheet, cell string) bool {
	if t, err := x.f.GetCellType(sheet, cell); err == nil && t == excelize.CellTypeDate {
		return true
	}
	id, err := x.f.GetCellStyle(sheet, cell)
	if err != nil {
		return false
	}
	if d, ok := x.dates[id]; ok {
		return d
	}
	d := false
	if st, err := x.f.GetStyle(id); err == nil {
		d = isDateFormat(st.NumFmt, st.CustomNumFmt)
	}
	x.dates[id] = d
	return d
}

// isDateFormat reports whether a number format shows a date: one of Excel's
// built-in date formats (14–17, 22, 27–36, 50–58 in East Asian locales), or
// a custom format with a day, month or year in it outside quotes and
// brackets ("yyyy-mm-dd", "d mmm yy", but not "0.00" or "[Red]#,##0").
func isDateFormat(id int, custom *string) bool {
	switch {
	case id >= 14 && id <= 17, id == 22, id >= 27 && id <= 36, id >= 50 && id <= 58:
		return true
	case custom == nil:
		return false
	}
	quoted, bracket := false, false
	for _, r := range strings.ToLower(*custom) {
		switch {
		case r == '"':
			quoted = !quoted
		case quoted:
		case r == '[':
			bracket = true
		case r == ']':
			bracket = false
		case bracket:
		case r == 'd' || r == 'y' || r == 'm':
			return true
		}
	}
	return false
}

// withEvents replaces the applications' events with those of the workbook's
// Events sheet, matched by the application's ID, when the workbook is one
// that afterview wrote; otherwise it returns b as it is.
func (x *xlsxReader) withEvents(b *Batch, appRows [][]string) (*Batch, error) {
	rows, err := x.rows(xlsxEventsSheet)
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 || len(appRows) == 0 || len(rows[0]) == 0 || rows[0][0] != xlsxEventApp {
		return b, nil // someone else's sheet of that name
	}
	idCol := slices.Index(appRows[0], xlsxAppID)
	if idCol < 0 {
		return nil, fmt.Errorf("sheet %q has no %q column to match the %q sheet's %q with", xlsxAppsSheet, xlsxAppID, xlsxEventsSheet, xlsxEventApp)
	}
	byID := map[string]int{}
	for i := range b.Apps {
		a := &b.Apps[i]
		a.Events = nil
		id := ""
		if row := appRows[a.Row-1]; idCol < len(row) {
			id = strings.TrimSpace(row[idCol])
		}
		if id == "" {
			return nil, fmt.Errorf("sheet %q, %s (%s): the %q is empty", xlsxAppsSheet, a.Where, a.App.Company, xlsxAppID)
		}
		if _, dup := byID[id]; dup {
			return nil, fmt.Errorf("sheet %q, %s: %q %s is given twice", xlsxAppsSheet, a.Where, xlsxAppID, id)
		}
		byID[id] = i
	}
	cols := xlsxEventColumns()
	header := rows[0]
	for r, row := range rows[1:] {
		where := fmt.Sprintf("sheet %q, row %d", xlsxEventsSheet, r+2)
		if !slices.ContainsFunc(row, func(c string) bool { return strings.TrimSpace(c) != "" }) {
			continue
		}
		cell := func(i int) string {
			if i < len(row) {
				return strings.TrimSpace(row[i])
			}
			return ""
		}
		i, ok := byID[cell(0)]
		if !ok {
			return nil, fmt.Errorf("%s: %q %q names no application of the %q sheet", where, xlsxEventApp, cell(0), xlsxAppsSheet)
		}
		fields := map[string]any{}
		for c, h := range header {
			col := slices.IndexFunc(cols, func(k xlsxColumn) bool { return k.header == h })
			v := cell(c)
			if col < 0 || v == "" {
				continue // Company and Role repeat the application's, for reading
			}
			k := cols[col]
			if k.number {
				n, err := strconv.ParseFloat(v, 64)
				if err != nil || n != math.Trunc(n) || math.Abs(n) > 1e15 {
					return nil, fmt.Errorf("%s, column %q: %q is not a whole number", where, h, v)
				}
				fields[k.json] = int64(n)
			} else {
				fields[k.json] = v
			}
		}
		data, _ := json.Marshal(fields)
		var ej EventJSON
		if err := decodeStrict(data, &ej, true); err != nil {
			return nil, fmt.Errorf("%s: %w", where, err)
		}
		e, err := ej.event()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", where, err)
		}
		b.Apps[i].Events = append(b.Apps[i].Events, e)
	}
	// The applications sheet's own columns that afterview derives or repeats.
	b.Ignored = slices.DeleteFunc(b.Ignored, func(h string) bool { return slices.Contains(xlsxAppHeader, h) })
	return b, nil
}

// xlsxColumn is a column of the Events sheet: one field of EventJSON.
type xlsxColumn struct {
	header string // as the sheet heads it: the JSON name, capitalised
	json   string // the JSON name
	number bool   // a whole number (an amount)
	date   bool   // a date, written as a date cell
}

// xlsxDateFields are EventJSON's fields that hold dates.
var xlsxDateFields = []string{"date", "by", "deadline", "until"}

// xlsxEventColumns are the Events sheet's columns after the application's
// id, company and role: every field of EventJSON, in its order, so that a
// field added to the JSON is in the workbook too.
func xlsxEventColumns() []xlsxColumn {
	t := reflect.TypeOf(EventJSON{})
	var cols []xlsxColumn
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		k := t.Field(i).Type.Kind()
		cols = append(cols, xlsxColumn{header: strings.ToUpper(name[:1]) + name[1:], json: name,
			number: k >= reflect.Int && k <= reflect.Float64, date: slices.Contains(xlsxDateFields, name)})
	}
	return cols
}

// xlsxAppHeader heads the Applications sheet; the columns that are an
// application's own fields read back through csvColumns, the others are
// derived on the day of the export.
var xlsxAppHeader = []string{xlsxAppID, "Company", "Role", "Stage", "Next action", "Due", "Action",
	"Last interview", "Next interview", "Recruiter", "Contact", "URL", "Archived", "Notes",
	"Offer base", "Offer bonus", "Offer equity", "Offer currency", "Offer deadline"}

// ExportXLSX writes an Excel workbook of every application (archived ones
// too, by id): an "Applications" sheet with each one's fields, its stage,
// next action and due date as the app shows them on today, and its latest
// offer's terms; and an "Events" sheet with every event, by application, in
// timeline order. Dates are date cells (shown as YYYY-MM-DD), amounts numbers;
// each sheet has a bold header row, frozen panes and fitted column widths.
// ReadXLSX reads it back with nothing lost.
func (s *Store) ExportXLSX(w io.Writer) (ExportInfo, error) {
	snap, err := s.snapshot()
	if err != nil {
		return ExportInfo{}, err
	}
	today := s.today()
	var apps, events [][]any
	for _, a := range snap.apps {
		d := timeline.Derive(a, snap.events[a.ID], snap.set, today)
		var next, due, action any = "", nil, ""
		if n := d.Next; n != nil {
			next, due, action = n.Kind.Label(), n.Due, n.Text
		}
		var base, bonus, equity, currency, deadline any = nil, nil, nil, "", nil
		if o := d.Offer; o != nil {
			base, bonus, equity, currency, deadline = xlsxAmount(o.Base), xlsxAmount(o.Bonus), xlsxAmount(o.Equity), o.Currency, o.Deadline
		}
		archived := "no"
		if a.Archived {
			archived = "yes"
		}
		apps = append(apps, []any{a.ID, a.Company, a.Role, d.Stage.Label(), next, due, action,
			d.LastInterview, d.NextInterview, a.Recruiter, a.Contact, a.URL, archived, a.Notes,
			base, bonus, equity, currency, deadline})
		for _, e := range snap.events[a.ID] {
			var fields map[string]any
			raw, _ := json.Marshal(NewEventJSON(e))
			dec := json.NewDecoder(strings.NewReader(string(raw)))
			dec.UseNumber()
			if err := dec.Decode(&fields); err != nil {
				return ExportInfo{}, err
			}
			row := []any{a.ID, a.Company, a.Role}
			for _, c := range xlsxEventColumns() {
				v, ok := fields[c.json]
				switch {
				case !ok:
					row = append(row, nil)
				case c.date:
					d, err := timeline.ParseDate(fmt.Sprint(v))
					if err != nil {
						return ExportInfo{}, err
					}
					row = append(row, d)
				case c.number:
					n, _ := v.(json.Number).Int64()
					row = append(row, n)
				default:
					if n, ok := v.(json.Number); ok {
						v = n.String() // a number kept as text: a share of base such as 12.5
					}
					row = append(row, v)
				}
			}
			events = append(events, row)
		}
	}
	eventHeader := []string{xlsxEventApp, "Company", "Role"}
	for _, c := range xlsxEventColumns() {
		eventHeader = append(eventHeader, c.header)
	}

	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", xlsxAppsSheet); err != nil {
		return ExportInfo{}, err
	}
	if _, err := f.NewSheet(xlsxEventsSheet); err != nil {
		return ExportInfo{}, err
	}
	st, err := newXLSXStyles(f)
	if err != nil {
		return ExportInfo{}, err
	}
	if err := st.writeSheet(f, xlsxAppsSheet, xlsxAppHeader, apps, 2); err != nil {
		return ExportInfo{}, err
	}
	if err := st.writeSheet(f, xlsxEventsSheet, eventHeader, events, 3); err != nil {
		return ExportInfo{}, err
	}
	f.SetActiveSheet(0)
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "afterview", Title: "Job applications",
		Created: today.Time().Format(time.RFC3339), Modified: today.Time().Format(time.RFC3339)}); err != nil {
		return ExportInfo{}, err
	}
	return snap.info(), f.Write(w)
}

// xlsxAmount is an amount's cell: empty when there is none.
func xlsxAmount(n int64) any {
	if n == 0 {
		return nil
	}
	return n
}

// xlsxStyles are the cell styles of an export.
type xlsxStyles struct{ header, date, amount, text int }

func newXLSXStyles(f *excelize.File) (xlsxStyles, error) {
	var st xlsxStyles
	var err error
	isoDate, thousands := "yyyy-mm-dd", "#,##0"
	for _, s := range []struct {
		id    *int
		style excelize.Style
	}{
		{&st.header, excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE4EE"}},
			Border: []excelize.Border{{Type: "bottom", Color: "7F8FA6", Style: 1}}}},
		{&st.date, excelize.Style{CustomNumFmt: &isoDate, Alignment: &excelize.Alignment{Horizontal: "left"}}},
		{&st.amount, excelize.Style{CustomNumFmt: &thousands}},
		{&st.text, excelize.Style{NumFmt: 49, Alignment: &excelize.Alignment{Vertical: "top"}}}, // "@": text stays text
	} {
		if *s.id, err = f.NewStyle(&s.style); err != nil {
			return st, err
		}
	}
	return st, nil
}

// writeSheet writes a header row and rows of values to a sheet with
// frozen panes (the header row and the first `frozen` columns) and column
// widths that fit the content (within bounds).
// Values: timeline.Date (a date cell; zero is blank), int64 (an amount or an
// id), string, nil (blank).
func (st xlsxStyles) writeSheet(f *excelize.File, sheet string, header []string, rows [][]any, frozen int) error {
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	widths := make([]int, len(header))
	for i, h := range header {
		widths[i] = len([]rune(h)) + 3 // room for the filter button
	}
	cells := make([][]any, len(rows))
	for r, row := range rows {
		cells[r] = make([]any, len(row))
		for c, v := range row {
			var cell excelize.Cell
			n := 0
			switch v := v.(type) {
			case timeline.Date:
				if !v.IsZero() {
					cell, n = excelize.Cell{StyleID: st.date, Value: v.Time()}, 10
				}
			case int64:
				cell, n = excelize.Cell{Value: v}, len(strconv.FormatInt(v, 10))+2
				if c >= frozen { // an amount, not an id
					cell.StyleID = st.amount
				}
			case string:
				if v == "" {
					break // a blank cell, not an empty text
				}
				cell = excelize.Cell{StyleID: st.text, Value: v}
				first, _, _ := strings.Cut(v, "\n")
				n = len([]rune(first))
			case nil:
			default:
				return fmt.Errorf("sheet %s: a %T cell", sheet, v)
			}
			cells[r][c] = cell
			widths[c] = max(widths[c], n)
		}
	}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, float64(min(max(w, 6), 50))+1); err != nil {
			return err
		}
	}
	topLeft, _ := excelize.CoordinatesToCellName(frozen+1, 2)
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: frozen, YSplit: 1, TopLeftCell: topLeft, ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: topLeft, ActiveCell: topLeft, Pane: "bottomRight"}}}); err != nil {
		return err
	}
	head := make([]any, len(header))
	for i, h := range header {
		head[i] = excelize.Cell{StyleID: st.header, Value: h}
	}
	if err := sw.SetRow("A1", head, excelize.RowOpts{Height: 18}); err != nil {
		return err
	}
	for r, row := range cells {
		cell, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	return sw.Flush()
}
