package store

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/afterview/afterview/timeline"
)

// csvColumns are the columns a spreadsheet may have, each with the headers
// that name it. Headers match ignoring case, spaces and punctuation
// ("E-mail", "Interview_Date"); other columns are ignored and listed.
var csvColumns = []struct {
	field   string
	headers []string
}{
	{"company", []string{"company", "company name", "employer", "organization", "organisation"}},
	{"role", []string{"role", "title", "position", "job title", "job"}},
	{"interviewed", []string{"interviewed", "interview date", "last interview", "interview"}},
	{"recruiter", []string{"recruiter", "recruiter name"}},
	{"contact", []string{"contact", "email", "e mail", "recruiter email", "phone"}},
	{"url", []string{"url", "link", "job link", "job url", "posting"}},
	{"notes", []string{"notes", "note", "comments"}},
	{"archived", []string{"archived"}},
}

// CSVColumnsHelp describes the columns ReadCSV understands, one line each,
// for --help and the README.
func CSVColumnsHelp() string {
	var b strings.Builder
	for _, c := range csvColumns {
		fmt.Fprintf(&b, "  %-12s %s\n", c.field, strings.Join(c.headers, ", "))
	}
	return b.String()
}

// normHeader folds a header for matching: lower case, every run of what is
// not a letter or digit one space.
func normHeader(h string) string {
	f := strings.FieldsFunc(strings.ToLower(h), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	return strings.Join(f, " ")
}

// ReadCSV reads a spreadsheet's CSV export: a header row, then one
// application per row (blank rows are skipped). An "interviewed" date becomes
// the application's interview event. The first error stops the read with its
// row (the header is row 1, as in the spreadsheet), column and value.
// A UTF-8 byte-order mark is ignored, and a header row with more semicolons
// or tabs than commas sets the separator.
func ReadCSV(r io.Reader, dateFormat DateFormat) (*Batch, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(3)
	switch {
	case bytes.Equal(head, utf8BOM):
		br.Discard(3)
	case bytes.HasPrefix(head, []byte{0xff, 0xfe}) || bytes.HasPrefix(head, []byte{0xfe, 0xff}):
		return nil, errors.New(`the file is UTF-16 text, not CSV: save the sheet as "CSV UTF-8"`)
	}
	head, _ = br.Peek(br.Size())
	cr := csv.NewReader(br)
	cr.Comma = sniffComma(head)
	cr.FieldsPerRecord = -1 // spreadsheets drop trailing empty cells
	return readSheet(func() ([]string, error) {
		rec, err := cr.Read()
		if err != nil && err != io.EOF {
			return nil, csvProblem(err)
		}
		return rec, err
	}, dateFormat)
}

// readSheet reads a sheet of applications, row by row from next (which
// returns io.EOF after the last): a header row, then one application per row
// (blank rows are skipped). It is the one path of every spreadsheet import,
// CSV (ReadCSV) and .xlsx (ReadXLSX), which hands real date cells in as
// YYYY-MM-DD text. Rows are numbered as in the spreadsheet (the header is
// row 1); the first error stops the read with its row, column and value.
func readSheet(next func() ([]string, error), dateFormat DateFormat) (*Batch, error) {
	header, err := next()
	if err == io.EOF {
		return nil, ErrEmpty
	}
	if err != nil {
		return nil, err
	}
	col := map[string]int{}
	b := &Batch{}
	for i, h := range header {
		if !utf8.ValidString(h) {
			return nil, fmt.Errorf(`row 1, column %d: %q is not UTF-8 text: save the sheet as "CSV UTF-8"`, i+1, h)
		}
		name := normHeader(h)
		field := ""
		for _, c := range csvColumns {
			for _, alias := range c.headers {
				if name == alias {
					field = c.field
				}
			}
		}
		switch prev, dup := col[field]; {
		case field == "":
			if strings.TrimSpace(h) != "" {
				b.Ignored = append(b.Ignored, strings.TrimSpace(h))
			}
		case dup:
			return nil, fmt.Errorf("columns %q and %q both give the %s: keep one", header[prev], h, field)
		default:
			col[field] = i
		}
	}
	if _, ok := col["company"]; !ok {
		return nil, fmt.Errorf("no company column (the header row has: %s; a company column is headed one of: %s)",
			quoteAll(header), strings.Join(csvColumns[0].headers, ", "))
	}
	for row := 2; ; row++ {
		rec, err := next()
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return nil, err
		}
		a, ok, err := csvRow(rec, header, col, dateFormat, row)
		if err != nil {
			return nil, err
		}
		if ok {
			b.Apps = append(b.Apps, a)
		}
	}
}

// csvRow reads one row; ok is false for a blank row.
func csvRow(rec, header []string, col map[string]int, df DateFormat, row int) (ImportApp, bool, error) {
	blank := true
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			blank = false
		}
	}
	if blank {
		return ImportApp{}, false, nil
	}
	cell := func(field string) string {
		if i, ok := col[field]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	bad := func(field, format string, args ...any) error {
		return fmt.Errorf("row %d, column %q: %s", row, header[col[field]], fmt.Sprintf(format, args...))
	}
	for _, c := range csvColumns {
		if v := cell(c.field); !utf8.ValidString(v) {
			// A sheet saved as "CSV" by older Excel is Windows-1252: "Zürich" would be garbled.
			return ImportApp{}, false, bad(c.field, `%q is not UTF-8 text: save the sheet as "CSV UTF-8"`, v)
		}
	}
	app := timeline.Application{Company: cell("company"), Role: cell("role"), Recruiter: cell("recruiter"),
		Contact: cell("contact"), URL: cell("url"), Notes: cell("notes")}
	if app.Company == "" {
		return ImportApp{}, false, bad("company", "the company is empty (every row needs one)")
	}
	switch v := strings.ToLower(cell("archived")); v {
	case "", "no", "n", "false", "0":
	case "yes", "y", "true", "1", "x":
		app.Archived = true
	default:
		return ImportApp{}, false, bad("archived", "%q is not yes or no", cell("archived"))
	}
	a := ImportApp{App: app, Where: fmt.Sprintf("row %d", row), Row: row}
	if v := cell("interviewed"); v != "" {
		d, err := df.Parse(v)
		if err != nil {
			return ImportApp{}, false, bad("interviewed", "%q is not a date (accepted: %s)", v, df.Accepted())
		}
		a.Events = []timeline.Event{{Type: timeline.EventInterview, Date: d}}
	}
	return a, true, nil
}

// sniffComma picks the separator that the first line uses most: comma,
// semicolon (spreadsheets in locales with a decimal comma) or tab.
func sniffComma(head []byte) rune {
	line, _, _ := bytes.Cut(head, []byte("\n"))
	best, n := ',', bytes.Count(line, []byte(","))
	for _, c := range []rune{';', '\t'} {
		if m := bytes.Count(line, []byte(string(c))); m > n {
			best, n = c, m
		}
	}
	return best
}

// csvProblem rewords encoding/csv's errors: the file's line and column.
func csvProblem(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("line %d, column %d: %v (a cell with a quote in it must be quoted, its quotes doubled)", pe.Line, pe.Column, pe.Err)
	}
	return err
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

// csvExportHeader is the first row of ExportCSV; its column names read back
// through csvColumns (ID, Stage and the other derived columns are ignored).
var csvExportHeader = []string{"ID", "Company", "Role", "Stage", "Next action", "Due", "Action",
	"Last interview", "Next interview", "Recruiter", "Contact", "URL", "Archived", "Notes"}

// ExportCSV writes one row per application (archived ones too, by id) for a
// spreadsheet: its fields, and the stage, next action and due date derived
// on today, in the words the app shows (see ExportWordsHelp). Dates are
// YYYY-MM-DD. With bom the file starts with a UTF-8 byte-order mark, which
// Excel on Windows needs to read it as UTF-8 ("Zürich", not "ZÃ¼rich").
func (s *Store) ExportCSV(w io.Writer, bom bool) (ExportInfo, error) {
	snap, err := s.snapshot()
	if err != nil {
		return ExportInfo{}, err
	}
	today := s.today()
	if bom {
		if _, err := w.Write(utf8BOM); err != nil {
			return ExportInfo{}, err
		}
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(csvExportHeader); err != nil {
		return ExportInfo{}, err
	}
	for _, a := range snap.apps {
		d := timeline.Derive(a, snap.events[a.ID], snap.set, today)
		var kind, due, text string
		if n := d.Next; n != nil {
			kind, due, text = n.Kind.Label(), n.Due.String(), n.Text
		}
		archived := "no"
		if a.Archived {
			archived = "yes"
		}
		err := cw.Write([]string{fmt.Sprint(a.ID), a.Company, a.Role, d.Stage.Label(), kind, due, text,
			d.LastInterview.String(), d.NextInterview.String(), a.Recruiter, a.Contact, a.URL, archived, a.Notes})
		if err != nil {
			return ExportInfo{}, err
		}
	}
	cw.Flush()
	return snap.info(), cw.Error()
}

// ExportWordsHelp lists the words of the exports' Stage and Next action
// columns (the app's own), for export --help.
func ExportWordsHelp() string {
	stages := make([]string, len(timeline.Stages))
	for i, st := range timeline.Stages {
		stages[i] = st.Label()
	}
	kinds := make([]string, len(timeline.ActionKinds))
	for i, k := range timeline.ActionKinds {
		kinds[i] = k.Label()
	}
	return "  Stage        " + strings.Join(stages, ", ") + "\n" +
		"  Next action  " + strings.Join(kinds, ", ") + " (empty when there is none)\n"
}

// dateTokenHelp describes the --date-format tokens, for help and errors.
var dateTokenHelp = [][2]string{
	{"YYYY", "year"},
	{"YY", "year 2000–2099"},
	{"MM or M", "month, 1 or 2 digits"},
	{"MMM", "month name, Jan…Dec or in full"},
	{"DD or D", "day, 1 or 2 digits"},
}

// dateFormatExamples are --date-format layouts that spreadsheets use.
const dateFormatExamples = "MM/DD/YYYY, DD.MM.YYYY, D MMM YYYY"

// DateFormatHelp describes the --date-format tokens, one a line, for --help.
func DateFormatHelp() string {
	var b strings.Builder
	for _, t := range dateTokenHelp {
		fmt.Fprintf(&b, "  %-8s %s\n", t[0], t[1])
	}
	b.WriteString("  other characters stand for themselves, e.g. " + dateFormatExamples + "\n")
	return b.String()
}

// dateTokensLine is DateFormatHelp in one line, for errors.
func dateTokensLine() string {
	parts := make([]string, len(dateTokenHelp))
	for i, t := range dateTokenHelp {
		parts[i] = t[0] + " (" + t[1] + ")"
	}
	return strings.Join(parts, ", ") + "; other characters as written, e.g. " + dateFormatExamples
}

// DateFormat is how a spreadsheet writes dates, e.g. MM/DD/YYYY. The zero
// DateFormat reads ISO dates only; any other also reads ISO dates.
type DateFormat struct {
	layout string
	parts  []string // tokens ("YYYY", "MM", …) and literal text, in order
}

var dateTokens = []string{"YYYY", "MMM", "YY", "MM", "DD", "M", "D"} // longest first

// ParseDateFormat reads a --date-format: tokens for the year, month and day,
// each once, and the text between them.
func ParseDateFormat(layout string) (DateFormat, error) {
	f := DateFormat{layout: layout}
	if strings.TrimSpace(layout) == "" {
		return DateFormat{}, nil
	}
	seen := map[byte]bool{}
	for rest := layout; rest != ""; {
		tok := ""
		for _, t := range dateTokens {
			if strings.HasPrefix(strings.ToUpper(rest), t) {
				tok = t
				break
			}
		}
		if tok == "" {
			f.parts = append(f.parts, rest[:1])
			rest = rest[1:]
			continue
		}
		if seen[tok[0]] {
			return DateFormat{}, fmt.Errorf("date format %q names the %s twice (tokens: %s)", layout, tokenName(tok), dateTokensLine())
		}
		seen[tok[0]] = true
		f.parts = append(f.parts, tok)
		rest = rest[len(tok):]
	}
	if !seen['Y'] || !seen['M'] || !seen['D'] {
		return DateFormat{}, fmt.Errorf("date format %q needs a year, a month and a day (tokens: %s)", layout, dateTokensLine())
	}
	return f, nil
}

func tokenName(tok string) string {
	switch tok[0] {
	case 'Y':
		return "year"
	case 'M':
		return "month"
	}
	return "day"
}

// String returns the layout as the user gave it ("" for ISO only).
func (f DateFormat) String() string { return f.layout }

// Accepted lists the forms Parse accepts, for error messages.
func (f DateFormat) Accepted() string {
	if f.parts == nil {
		return "YYYY-MM-DD; for another form give --date-format, e.g. MM/DD/YYYY"
	}
	return f.layout + " or YYYY-MM-DD"
}

// Parse reads a date in f, or else an ISO date.
func (f DateFormat) Parse(s string) (timeline.Date, error) {
	s = strings.TrimSpace(s)
	if f.parts != nil {
		if d, ok := f.parse(s); ok {
			return d, nil
		}
	}
	return timeline.ParseDate(s)
}

func (f DateFormat) parse(s string) (timeline.Date, bool) {
	y, m, d := -1, -1, -1
	num := func(max int) (int, bool) {
		n, i := 0, 0
		for ; i < max && i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			n = n*10 + int(s[i]-'0')
		}
		s = s[i:]
		return n, i > 0
	}
	var ok bool
	for _, p := range f.parts {
		switch p {
		case "YYYY":
			if len(s) < 4 {
				return 0, false
			}
			y, ok = num(4)
			if !ok || y < 1000 {
				return 0, false
			}
		case "YY":
			if y, ok = num(2); !ok {
				return 0, false
			}
			y += 2000
		case "MM", "M":
			m, ok = num(2)
		case "DD", "D":
			d, ok = num(2)
		case "MMM":
			m, ok = 0, false
			for i := time.January; i <= time.December; i++ {
				if name := i.String()[:3]; len(s) >= 3 && strings.EqualFold(s[:3], name) {
					m, ok = int(i), true
					s = s[3:]
					if full := i.String()[3:]; len(s) >= len(full) && strings.EqualFold(s[:len(full)], full) {
						s = s[len(full):] // "March" as well as "Mar"
					}
					break
				}
			}
		default:
			ok = strings.HasPrefix(s, p)
			s = strings.TrimPrefix(s, p)
		}
		if !ok {
			return 0, false
		}
	}
	if s != "" || m < 1 || m > 12 || d < 1 {
		return 0, false
	}
	date := timeline.NewDate(y, time.Month(m), d)
	if _, mm, dd := date.YMD(); int(mm) != m || dd != d { // 31/02 is not 3 March
		return 0, false
	}
	return date, true
}
