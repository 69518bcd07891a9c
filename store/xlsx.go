package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/afterview/afterview/timeline"
)

// Excel workbooks (.xlsx), read and written here with the standard library
// alone (archive/zip and encoding/xml, in xlsx_read.go and xlsx_write.go):
// the spreadsheet library this used before built huge locale tables for
// number formats when the program started, which cost every command, even
// "afterview version", 5.7 ms of start-up. A workbook is read through the
// same path as a CSV file (readSheet): the same header aliases, date
// handling and all-or-nothing rule; real date cells arrive there as
// YYYY-MM-DD text. A workbook that afterview wrote (an "Events" sheet
// headed as ExportXLSX heads it) is read back whole: each application with
// every event.

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

// ReadXLSX reads an Excel workbook: its first sheet, or the one named sheet,
// as ReadCSV reads a CSV file. Cells formatted as dates are dates whatever
// the sheet's locale shows; text dates follow dateFormat. Nothing is written:
// pass the Batch to Import.
func ReadXLSX(r io.Reader, sheet string, dateFormat DateFormat) (*Batch, error) {
	// A zip file is read from its end: from memory, not copied again when
	// the caller has it there already (a bytes.Reader, an os.File).
	ra, ok := r.(interface {
		io.ReaderAt
		Size() int64
	})
	if !ok {
		data, err := io.ReadAll(r)
		if err != nil {
			return nil, fmt.Errorf("cannot read the workbook: %w", err)
		}
		ra = bytes.NewReader(data)
	}
	book, err := openXLSX(ra, ra.Size())
	if err != nil {
		return nil, err
	}
	sheets := book.sheetNames()
	if len(sheets) == 0 {
		return nil, ErrEmpty
	}
	i := 0
	if sheet != "" {
		if i = slices.IndexFunc(sheets, func(s string) bool { return strings.EqualFold(s, sheet) }); i < 0 {
			return nil, fmt.Errorf("no sheet %q in the workbook (its sheets: %s)", sheet, quoteAll(sheets))
		}
	}
	sheet = sheets[i]
	rows, err := book.rows(book.sheets[i])
	if err != nil {
		return nil, err
	}
	n := 0
	b, err := readSheet(func() ([]string, error) {
		if n == len(rows) {
			return nil, io.EOF
		}
		n++
		return rows[n-1], nil
	}, dateFormat)
	ev := slices.Index(sheets, xlsxEventsSheet)
	if err != nil || ev < 0 || sheet == xlsxEventsSheet {
		return b, err
	}
	events, err := book.rows(book.sheets[ev])
	if err != nil {
		return nil, err
	}
	return withEvents(b, rows, events)
}

// withEvents replaces the applications' events with those of the workbook's
// Events sheet, matched by the application's ID, when the workbook is one
// that afterview wrote; otherwise it returns b as it is.
func withEvents(b *Batch, appRows, rows [][]string) (*Batch, error) {
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

	err = writeXLSX(w, today, []xlsxSheet{
		{name: xlsxAppsSheet, header: xlsxAppHeader, rows: apps, frozen: 2},
		{name: xlsxEventsSheet, header: eventHeader, rows: events, frozen: 3},
	})
	if err != nil {
		return ExportInfo{}, err
	}
	return snap.info(), nil
}

// xlsxAmount is an amount's cell: empty when there is none.
func xlsxAmount(n int64) any {
	if n == 0 {
		return nil
	}
	return n
}
