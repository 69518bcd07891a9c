package store

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/afterview/afterview/timeline"
)

// csvExportHeader is the first row of ExportCSV; its column names read back
// through csvColumns (ID, Stage and the other derived columns are ignored).
var csvExportHeader = []string{"ID", "Company", "Role", "Stage", "Next action", "Due", "Action",
	"Last interview", "Next interview", "Recruiter", "Contact", "URL", "Archived", "Notes"}

// csvExportColumns is ExportCSV's header: csvExportHeader, then the latest
// offer's terms and totals (csvOfferHeader).
var csvExportColumns = append(append([]string(nil), csvExportHeader...), csvOfferHeader...)

// ExportCSV writes one row per application (archived ones too, by id) for a
// spreadsheet: its fields, and the stage, next action and due date derived
// on today, in the words the app shows (see ExportWordsHelp). Dates are
// YYYY-MM-DD. With bom the file starts with a UTF-8 byte-order mark, which
// Excel on Windows needs to read it as UTF-8 ("Zürich", not "ZÃ¼rich"). A
// cell that a spreadsheet would run as a formula (see formulaSafe) is
// written as text.
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
	if err := cw.Write(csvExportColumns); err != nil {
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
		row := []string{fmt.Sprint(a.ID), a.Company, a.Role, d.Stage.Label(), kind, due, text,
			d.LastInterview.String(), d.NextInterview.String(), a.Recruiter, a.Contact, a.URL, archived, a.Notes}
		row = append(row, offerCSVCells(snap.events[a.ID], snap.set)...)
		for i, c := range row {
			row[i] = formulaSafe(c)
		}
		if err := cw.Write(row); err != nil {
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

// formulaTriggers are the first characters that make a spreadsheet read a
// cell as a formula (or, for tab and CR, hide one): "=HYPERLINK(…)" in a
// company name must stay text.
const formulaTriggers = "=+-@\t\r"

// formulaSafe puts a ' before a cell that starts with a formula trigger, as
// OWASP recommends against CSV injection: spreadsheets then show the text as
// written. ReadCSV takes the ' off again, so an export imports back as it was.
func formulaSafe(cell string) string {
	if cell != "" && strings.IndexByte(formulaTriggers, cell[0]) >= 0 {
		return "'" + cell
	}
	return cell
}

// unFormulaSafe undoes formulaSafe.
func unFormulaSafe(cell string) string {
	if len(cell) > 1 && cell[0] == '\'' && strings.IndexByte(formulaTriggers, cell[1]) >= 0 {
		return cell[1:]
	}
	return cell
}
