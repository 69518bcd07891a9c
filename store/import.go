package store

import (
	"bytes"
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/afterview/afterview/timeline"
)

// Batch is what a file holds to import, read by ReadJSON or ReadCSV and
// checked by them; nothing is written until Import.
type Batch struct {
	Apps     []ImportApp
	Settings *timeline.Settings // a JSON export's settings; nil when the file has none
	Ignored  []string           // CSV columns that afterview does not import, as headed
}

// ImportApp is one application to import with its events, in the file's
// order (which is also the order of logging for events on the same day).
type ImportApp struct {
	App    timeline.Application
	Events []timeline.Event
	Where  string // where the file holds it: "row 4", "application 3"
	Row    int    // a spreadsheet's row (the header is row 1); 0 for JSON
}

// Planned is an ImportApp with what Import does with it.
type Planned struct {
	ImportApp
	Duplicate int64  // the id of the application already in the database; 0 when none
	SameAs    string // where the file already holds it ("row 3"), when it appears twice; "" when not
}

// Skipped reports whether Import leaves the application out: it is already in
// the database, or earlier in the same file.
func (p Planned) Skipped() bool { return p.Duplicate != 0 || p.SameAs != "" }

// SettingsOutcome says what became of a file's settings.
type SettingsOutcome string

// What Import does with a file's settings: they restore a fresh database's
// (no applications, no settings changed) and never overwrite a database in use.
const (
	SettingsNone    SettingsOutcome = ""        // the file has none
	SettingsApplied SettingsOutcome = "applied" // a fresh database took them
	SettingsSame    SettingsOutcome = "same"    // the database already has the same
	SettingsKept    SettingsOutcome = "kept"    // the database kept its own; see SettingsDiff
)

// ImportResult says what an import did, or with a dry run would do.
type ImportResult struct {
	Apps         []Planned // every application of the file, in its order
	Added        int       // applications added
	Events       int       // events added
	Skipped      int       // applications already present (or twice in the file), not added again
	Settings     SettingsOutcome
	SettingsDiff []string // with SettingsKept: "holidays: none here, US in the file"
	DryRun       bool
}

// Import adds a Batch in one transaction: all of it or, on any error,
// nothing. An application that is already present (see sameApplication) is
// skipped, not added twice. Every added application is derived once, at the
// end, inside the same transaction. With dryRun it only reads, and returns
// what it would do.
func (s *Store) Import(b *Batch, dryRun bool) (ImportResult, error) {
	if dryRun {
		res, err := plan(s.db, b)
		res.DryRun = true
		return res, err
	}
	var res ImportResult
	err := s.tx(func(tx *sql.Tx) error {
		var err error
		if res, err = plan(tx, b); err != nil {
			return err
		}
		fresh := res.Settings == SettingsApplied
		if fresh {
			if err := saveSettings(tx, *b.Settings); err != nil {
				return err
			}
		}
		if res.Added == 0 && !fresh {
			return nil
		}
		insApp, err := tx.Prepare(insertAppSQL)
		if err != nil {
			return err
		}
		defer insApp.Close()
		insEvent, err := tx.Prepare(insertEventSQL)
		if err != nil {
			return err
		}
		defer insEvent.Close()
		created := s.today()
		ids := make([]int64, 0, res.Added)
		for _, p := range res.Apps {
			if p.Skipped() {
				continue
			}
			r, err := insApp.Exec(appArgs(p.App, created)...)
			if err != nil {
				return fmt.Errorf("%s (%s): %w", p.Where, p.App.Company, err)
			}
			id, err := r.LastInsertId()
			if err != nil {
				return err
			}
			ids = append(ids, id)
			for _, e := range p.Events {
				if _, err := insEvent.Exec(eventArgs(id, e)...); err != nil {
					return fmt.Errorf("%s (%s): %w", p.Where, p.App.Company, err)
				}
			}
		}
		set, err := settingsFrom(tx)
		if err != nil {
			return err
		}
		if fresh {
			ids = nil // the database held nothing else: derive it all, without a long IN list
		}
		_, err = rederive(tx, set, s.today(), ids)
		return err
	})
	if err != nil {
		return ImportResult{}, err
	}
	return res, nil
}

// existing is what the duplicate check and the settings rule need to know
// of the database before an import.
type existing struct {
	known    map[string][]known // by identityKey
	apps     int                // applications
	changed  int                // settings changed from the defaults
	settings timeline.Settings
}

// plan reads the database and plans b against it; it only reads.
func plan(q querier, b *Batch) (ImportResult, error) {
	ex := existing{}
	var err error
	if ex.known, ex.apps, err = identities(q); err != nil {
		return ImportResult{}, err
	}
	if err := q.QueryRow("SELECT count(*) FROM settings").Scan(&ex.changed); err != nil {
		return ImportResult{}, err
	}
	if ex.settings, err = settingsFrom(q); err != nil {
		return ImportResult{}, err
	}
	return planAgainst(ex, b)
}

// DryRunNew returns what Import would do in a new, empty database, for a
// dry run where there is no database yet (so that none is created).
func DryRunNew(b *Batch) (ImportResult, error) {
	res, err := planAgainst(existing{settings: timeline.DefaultSettings()}, b)
	res.DryRun = true
	return res, err
}

// planAgainst checks every application and event of b and finds those
// already present.
func planAgainst(ex existing, b *Batch) (ImportResult, error) {
	var res ImportResult
	if b.Settings != nil {
		switch res.SettingsDiff = settingsDiff(*b.Settings, ex.settings); {
		case ex.apps == 0 && ex.changed == 0 && len(res.SettingsDiff) > 0:
			res.Settings, res.SettingsDiff = SettingsApplied, nil
		case len(res.SettingsDiff) == 0:
			res.Settings = SettingsSame
		default:
			res.Settings = SettingsKept
		}
	}
	res.Apps = make([]Planned, len(b.Apps))
	inFile := map[string][]known{} // the file's own applications so far, to skip a repeat
	for i, a := range b.Apps {
		p := Planned{ImportApp: a}
		p.App = trimApp(a.App)
		if err := p.App.Validate(); err != nil {
			return res, fmt.Errorf("%s: %w", a.Where, err)
		}
		for j, e := range a.Events {
			if err := e.Validate(); err != nil {
				return res, fmt.Errorf("%s (%s), event %d (%s on %s): %w", a.Where, a.App.Company, j+1, e.Type, e.Date, err)
			}
		}
		interviews := interviewDates(a.Events)
		key := identityKey(p.App)
		for _, k := range ex.known[key] {
			if sameApplication(interviews, k.interviews) {
				p.Duplicate = k.id
				break
			}
		}
		for _, k := range inFile[key] {
			if p.Duplicate == 0 && sameApplication(interviews, k.interviews) {
				p.SameAs = k.where
				break
			}
		}
		if !p.Skipped() {
			inFile[key] = append(inFile[key], known{interviews: interviews, where: a.Where})
		}
		if p.Skipped() {
			res.Skipped++
		} else {
			res.Added++
			res.Events += len(a.Events)
		}
		res.Apps[i] = p
	}
	return res, nil
}

// known is an application already in the database, as the duplicate check
// sees it.
type known struct {
	id         int64
	interviews []timeline.Date
	where      string // for one earlier in the same file: where it is
}

// identities reads every application's company, role and interview dates,
// keyed by identityKey, and counts the applications.
func identities(q querier) (map[string][]known, int, error) {
	dates := map[int64][]timeline.Date{}
	rows, err := q.Query("SELECT application_id, date FROM events WHERE type = ? ORDER BY id", string(timeline.EventInterview))
	if err != nil {
		return nil, 0, err
	}
	for rows.Next() {
		var id int64
		var d timeline.Date
		if err := rows.Scan(&id, nullDate{&d}); err != nil {
			rows.Close()
			return nil, 0, err
		}
		dates[id] = append(dates[id], d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	rows, err = q.Query("SELECT id, company, role FROM applications ORDER BY id")
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	out := map[string][]known{}
	n := 0
	for rows.Next() {
		var a timeline.Application
		if err := rows.Scan(&a.ID, &a.Company, &a.Role); err != nil {
			return nil, 0, err
		}
		k := identityKey(a)
		out[k] = append(out[k], known{id: a.ID, interviews: dates[a.ID]})
		n++
	}
	return out, n, rows.Err()
}

// identityKey is an application's company and role, ignoring case and runs
// of spaces: "ACME  Corp" and "acme corp" are the same company.
func identityKey(a timeline.Application) string {
	fold := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	return fold(a.Company) + "\x00" + fold(a.Role)
}

func interviewDates(events []timeline.Event) []timeline.Date {
	var ds []timeline.Date
	for _, e := range events {
		if e.Type == timeline.EventInterview {
			ds = append(ds, e.Date)
		}
	}
	return ds
}

// sameApplication is the duplicate rule of import, for two applications with
// the same company and role (identityKey): given their interview dates, they
// are the same application unless both have interviews and none on the same
// day. So importing a file twice, or a spreadsheet row after logging more
// rounds, skips it; applying to the same role again later (new interviews)
// does not.
func sameApplication(a, b []timeline.Date) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	for _, d := range a {
		if slices.Contains(b, d) {
			return true
		}
	}
	return false
}

// settingsDiff lists the settings whose values differ: "holidays: none
// here, US in the file".
func settingsDiff(file, here timeline.Settings) []string {
	var out []string
	for _, k := range timeline.SettingKeys() {
		a, _ := file.Get(k)
		b, _ := here.Get(k)
		if a != b {
			out = append(out, fmt.Sprintf("%s: %s here, %s in the file", k, b, a))
		}
	}
	return out
}

// saveSettings stores the settings that differ from the defaults, as if the
// user had set them with `afterview config`.
func saveSettings(tx *sql.Tx, set timeline.Settings) error {
	def := timeline.DefaultSettings()
	for _, k := range timeline.SettingKeys() {
		v, _ := set.Get(k)
		if d, _ := def.Get(k); v == d {
			continue
		}
		if _, err := tx.Exec("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", k, v); err != nil {
			return err
		}
	}
	return nil
}

// DetectFormat says whether a file to import is "json", "csv" or "xlsx": by
// its extension, else by its first bytes (an export starts with "{", a
// workbook is a zip file, "PK").
func DetectFormat(name string, head []byte) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json":
		return "json"
	case ".csv", ".tsv":
		return "csv"
	case ".xlsx", ".xlsm":
		return "xlsx"
	}
	if bytes.HasPrefix(head, []byte("PK\x03\x04")) {
		return "xlsx"
	}
	head = bytes.TrimLeft(bytes.TrimPrefix(head, utf8BOM), " \t\r\n")
	if len(head) > 0 && (head[0] == '{' || head[0] == '[') {
		return "json"
	}
	return "csv"
}
