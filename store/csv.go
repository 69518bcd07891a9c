package store

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/afterview/afterview/timeline"
)

// csvColumns are the columns a spreadsheet may have, each with the headers
// that name it, in English and then in German, French and Spanish. Headers
// match ignoring case, accents, spaces and punctuation ("E-mail",
// "Interview_Date", "Société"); other columns are ignored and listed.
var csvColumns = []struct {
	field   string
	headers []string // English
	foreign []string // German, French, Spanish
}{
	{"company", []string{"company", "company name", "employer", "organization", "organisation"},
		[]string{"firma", "unternehmen", "arbeitgeber", "entreprise", "societe", "employeur", "empresa", "compania", "empleador"}},
	{"role", []string{"role", "title", "position", "job title", "job"},
		[]string{"stelle", "stellenbezeichnung", "titel", "poste", "intitule du poste", "titre", "emploi", "puesto", "cargo", "titulo"}},
	{"applied", []string{"date applied", "applied", "applied on", "application date", "date of application", "applied date"},
		[]string{"datum der bewerbung", "bewerbungsdatum", "beworben am", "date de candidature", "postule le", "fecha de solicitud", "fecha de aplicacion", "fecha de postulacion"}},
	{"status", []string{"status", "application status", "state"},
		[]string{"stand", "bewerbungsstatus", "statut", "etat", "estado"}},
	{"interviewed", []string{"interviewed", "interview date", "last interview", "interview"},
		[]string{"vorstellungsgesprach", "gesprachstermin", "interviewdatum", "entretien", "date d entretien", "date de l entretien", "entrevista", "fecha de entrevista"}},
	{"recruiter", []string{"recruiter", "recruiter name"},
		[]string{"ansprechpartner", "ansprechpartnerin", "personalvermittler", "recruiterin", "recruteur", "recruteuse", "reclutador", "reclutadora"}},
	{"contact", []string{"contact", "email", "e mail", "recruiter email", "phone"},
		[]string{"kontakt", "telefon", "courriel", "telephone", "contacto", "correo", "correo electronico", "telefono"}},
	{"url", []string{"url", "link", "job link", "job url", "posting"},
		[]string{"stellenanzeige", "lien", "annonce", "enlace", "anuncio"}},
	{"notes", []string{"notes", "note", "comments"},
		[]string{"notizen", "bemerkungen", "anmerkungen", "kommentare", "remarques", "commentaires", "notas", "comentarios", "observaciones"}},
	{"archived", []string{"archived"}, []string{"archiviert", "archive", "archivado"}},
}

// CSVColumnsHelp describes the columns ReadCSV understands, one line each,
// for --help and the README.
func CSVColumnsHelp() string {
	var b strings.Builder
	for _, c := range csvColumns {
		fmt.Fprintf(&b, "  %-12s %s\n", c.field, strings.Join(c.headers, ", "))
	}
	b.WriteString("  and the same in German, French or Spanish (Firma, Stelle, Datum der Bewerbung,\n" +
		"  Entreprise, Poste, Date de candidature, Empresa, Puesto, Estado…)\n")
	return b.String()
}

// csvField returns the field a header names, or "".
func csvField(header string) string {
	name := normHeader(header)
	for _, c := range csvColumns {
		for _, alias := range c.headers {
			if name == alias {
				return c.field
			}
		}
		for _, alias := range c.foreign {
			if name == alias {
				return c.field
			}
		}
	}
	return ""
}

// normHeader folds a header or a status for matching: lower case, accents
// off, every run of what is not a letter or digit one space.
func normHeader(h string) string {
	f := strings.FieldsFunc(foldAccents(strings.ToLower(h)), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	return strings.Join(f, " ")
}

// accents maps the accented letters of German, French and Spanish to plain
// ones, so that "Société" and "Societe" match alike.
var accents = strings.NewReplacer("à", "a", "á", "a", "â", "a", "ä", "a", "ã", "a", "ç", "c",
	"è", "e", "é", "e", "ê", "e", "ë", "e", "ì", "i", "í", "i", "î", "i", "ï", "i", "ñ", "n",
	"ò", "o", "ó", "o", "ô", "o", "ö", "o", "õ", "o", "ù", "u", "ú", "u", "û", "u", "ü", "u", "ß", "ss", "œ", "oe")

func foldAccents(s string) string { return accents.Replace(s) }

// ReadCSV reads a spreadsheet's CSV export: a header row, then one
// application per row (blank rows are skipped). A "date applied" becomes the
// application's applied event, an "interviewed" date its interview event, and
// a status (Applied, Interviewing, Offer, Rejected, Withdrawn, Ghosted, in
// the usual spellings) the events that say so (see statusEvents). The first
// error stops the read with its row (the header is row 1, as in the
// spreadsheet), column and value; a file with no application in it is an
// error too. A UTF-8 byte-order mark is ignored, a header row with more
// semicolons or tabs than commas sets the separator, and lines may end in
// LF, CR LF or CR alone (old Mac spreadsheets).
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
	var in io.Reader = br
	if bytes.IndexByte(head, '\n') < 0 && bytes.IndexByte(head, '\r') >= 0 {
		// Lines end in CR alone: encoding/csv knows only LF and CR LF.
		in = crReader{br}
		head = bytes.ReplaceAll(head, []byte("\r"), []byte("\n"))
	}
	cr := csv.NewReader(in)
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
// row 1); the first error stops the read with its row, column and value. A
// sheet with no application in it is an error.
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
		field := csvField(h)
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
			break
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
	if len(b.Apps) == 0 {
		return nil, errors.New("no application in it: there is a header row but no row with a company below it")
	}
	return b, nil
}

// crReader turns every CR into LF.
type crReader struct{ r io.Reader }

func (c crReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i := range n {
		if p[i] == '\r' {
			p[i] = '\n'
		}
	}
	return n, err
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
			return unFormulaSafe(strings.TrimSpace(rec[i]))
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
	switch v := normHeader(cell("archived")); v {
	case "", "no", "n", "false", "0", "nein", "non":
	case "yes", "y", "true", "1", "x", "ja", "oui", "si":
		app.Archived = true
	default:
		return ImportApp{}, false, bad("archived", "%q is not yes or no", cell("archived"))
	}
	a := ImportApp{App: app, Where: fmt.Sprintf("row %d", row), Row: row}
	var applied, interviewed timeline.Date
	for _, f := range []struct {
		field string
		d     *timeline.Date
	}{{"applied", &applied}, {"interviewed", &interviewed}} {
		v := cell(f.field)
		if v == "" {
			continue
		}
		d, err := df.Parse(v)
		if err != nil {
			return ImportApp{}, false, bad(f.field, "%q is not a date (accepted: %s)", v, df.Accepted())
		}
		*f.d = d
	}
	if !applied.IsZero() {
		a.Events = append(a.Events, timeline.Event{Type: timeline.EventApplied, Date: applied})
	}
	if !interviewed.IsZero() {
		a.Events = append(a.Events, timeline.Event{Type: timeline.EventInterview, Date: interviewed})
	}
	if v := cell("status"); v != "" {
		st, ok := parseStatus(v)
		if !ok {
			return ImportApp{}, false, bad("status", "%q is not a status afterview knows (%s)", v, statusNames)
		}
		evs, archive, err := statusEvents(st, v, applied, interviewed)
		if err != nil {
			return ImportApp{}, false, bad("status", "%v", err)
		}
		a.Events = append(a.Events, evs...)
		a.App.Archived = a.App.Archived || archive
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
