package store

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/afterview/afterview/timeline"
)

// Format names the interchange format and its version: the "format" field of
// every export. A file of a later version is refused, never half-read.
const Format = "afterview/v1"

// ErrEmpty is returned when a file to import holds nothing at all.
var ErrEmpty = errors.New("the file is empty")

// ixFile is the interchange file as written; ixFileIn as read (the settings
// are decoded on their own so that their errors name the setting).
type ixFile struct {
	Format       string     `json:"format"`
	Settings     ixSettings `json:"settings"`
	Applications []ixApp    `json:"applications"`
}

type ixFileIn struct {
	Format       string          `json:"format"`
	Settings     json.RawMessage `json:"settings"`
	Applications []ixApp         `json:"applications"`
}

// AppJSON is an application's own fields as afterview's JSON carries them:
// in the interchange format (ixApp, and ixAppRaw, which keeps its events
// undecoded to find which one is bad) and in the reports' `list --json` and
// `show --json`, so that the field names exist once.
type AppJSON struct {
	Company   string `json:"company"`
	Role      string `json:"role"`
	Recruiter string `json:"recruiter"`
	Contact   string `json:"contact"`
	URL       string `json:"url"`
	Notes     string `json:"notes"`
	Archived  bool   `json:"archived"`
}

type ixApp struct {
	AppJSON
	Events []EventJSON `json:"events"`
}

type ixAppRaw struct {
	AppJSON
	Events []json.RawMessage `json:"events"`
}

// EventJSON is an event as afterview's JSON carries it, in the interchange
// format and in `show --json`. Dates stay text here so that an import error
// can name the field that holds a bad one. Fields an event does not carry
// are left out.
type EventJSON struct {
	Type     string `json:"type"`
	Date     string `json:"date"`
	Note     string `json:"note,omitempty"`
	By       string `json:"by,omitempty"`
	Deadline string `json:"deadline,omitempty"`
	Until    string `json:"until,omitempty"`
	Base     int64  `json:"base,omitempty"`
	Bonus    int64  `json:"bonus,omitempty"`
	Equity   int64  `json:"equity,omitempty"`
	Currency string `json:"currency,omitempty"`
	At       string `json:"at,omitempty"` // an interview's time of day, HH:MM
	// An offer's other terms (offers_interchange.go): a bonus given as a
	// share of base (15, 12.5) instead of "bonus", a sign-on, the years the
	// equity vests over.
	BonusPercent *PercentJSON `json:"bonus_percent,omitempty"`
	Signon       int64        `json:"signon,omitempty"`
	VestingYears int64        `json:"vesting_years,omitempty"`
}

// NewAppJSON returns an application's own fields for JSON.
func NewAppJSON(a timeline.Application) AppJSON {
	return AppJSON{Company: a.Company, Role: a.Role, Recruiter: a.Recruiter,
		Contact: a.Contact, URL: a.URL, Notes: a.Notes, Archived: a.Archived}
}

// NewEventJSON returns an event for JSON.
func NewEventJSON(e timeline.Event) EventJSON {
	x := EventJSON{Type: string(e.Type), Date: e.Date.String(), Note: e.Note,
		By: e.By.String(), Deadline: e.Deadline.String(), Until: e.Until.String(),
		Base: e.Base, Bonus: e.Bonus, Equity: e.Equity, Currency: e.Currency, At: e.At}
	x.setTerms(e)
	return x
}

func toIxApp(a timeline.Application, events []timeline.Event) ixApp {
	x := ixApp{AppJSON: NewAppJSON(a), Events: []EventJSON{}}
	for _, e := range events {
		x.Events = append(x.Events, NewEventJSON(e))
	}
	return x
}

func (x AppJSON) app() timeline.Application {
	return timeline.Application{Company: x.Company, Role: x.Role, Recruiter: x.Recruiter,
		Contact: x.Contact, URL: x.URL, Notes: x.Notes, Archived: x.Archived}
}

// event reads one event; its errors name the JSON field.
func (x EventJSON) event() (timeline.Event, error) {
	if strings.TrimSpace(x.Type) == "" {
		return timeline.Event{}, errors.New(`the event has no "type"`)
	}
	t, err := timeline.ParseEventType(x.Type)
	if err != nil {
		return timeline.Event{}, err
	}
	if x.Date == "" {
		return timeline.Event{}, errors.New(`the event has no "date" (YYYY-MM-DD)`)
	}
	e := timeline.Event{Type: t, Note: x.Note, Base: x.Base, Bonus: x.Bonus, Equity: x.Equity, Currency: x.Currency, At: x.At}
	x.applyTerms(&e)
	for _, f := range []struct {
		name string
		text string
		d    *timeline.Date
	}{{"date", x.Date, &e.Date}, {"by", x.By, &e.By}, {"deadline", x.Deadline, &e.Deadline}, {"until", x.Until, &e.Until}} {
		if f.text == "" {
			continue
		}
		if *f.d, err = timeline.ParseDate(f.text); err != nil {
			return e, fmt.Errorf("%q: %q is not a date (want YYYY-MM-DD, e.g. 2026-11-20)", f.name, f.text)
		}
	}
	// Validate words this for the command line (--deadline); here it is a field.
	for _, f := range timeline.AllFields {
		if e.Has(f) && !t.Takes(f) {
			takes := []string{"type", "date", "note"}
			for _, g := range t.Fields() {
				takes = append(takes, string(g))
			}
			return e, fmt.Errorf("%q is not a field of %s events (they take: %s)", f, t, strings.Join(takes, ", "))
		}
	}
	return e, e.Validate()
}

// snapshot is the whole database read in one read transaction, so that an
// export is consistent even while another process writes.
type snapshot struct {
	set    timeline.Settings
	apps   []timeline.Application     // ordered by id
	events map[int64][]timeline.Event // each in timeline order
}

func (s *Store) snapshot() (snapshot, error) {
	var snap snapshot
	tx, err := s.db.BeginTx(context.Background(), &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return snap, err
	}
	defer tx.Rollback()
	if snap.set, err = settingsFrom(tx); err != nil {
		return snap, err
	}
	apps, err := loadApps(tx, nil)
	if err != nil {
		return snap, err
	}
	if snap.events, err = loadEvents(tx, nil); err != nil {
		return snap, err
	}
	snap.apps = make([]timeline.Application, 0, len(apps))
	for _, a := range apps {
		snap.apps = append(snap.apps, a)
	}
	slices.SortFunc(snap.apps, func(a, b timeline.Application) int { return cmp.Compare(a.ID, b.ID) })
	return snap, nil
}

// ExportInfo counts what an export wrote.
type ExportInfo struct {
	Applications int
	Events       int
}

func (snap snapshot) info() ExportInfo {
	n := 0
	for _, evs := range snap.events {
		n += len(evs)
	}
	return ExportInfo{Applications: len(snap.apps), Events: n}
}

// utf8BOM is what some editors and spreadsheets put before UTF-8 text.
var utf8BOM = []byte("\xef\xbb\xbf")

// ReadJSON reads an export. Nothing is written: pass the Batch to Import.
// A file of another format or a later version, a field this version does not
// know, a bad date or an event that breaks the timeline's rules is an error
// that says where (application 3 (Acme), event 2: …).
func ReadJSON(r io.Reader) (*Batch, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, ErrEmpty
	}
	var f ixFileIn
	if err := decodeStrict(data, &f, true); err != nil {
		// A file of another format or version is that, whatever else is wrong.
		if ferr := claimedFormat(data); ferr != nil {
			return nil, ferr
		}
		return nil, locateJSONError(data, err)
	}
	if err := duplicateKey(data); err != nil {
		return nil, err
	}
	if err := checkFormat(f.Format); err != nil {
		return nil, err
	}
	b := &Batch{Apps: make([]ImportApp, 0, len(f.Applications))}
	if len(f.Settings) > 0 && string(f.Settings) != "null" {
		var set ixSettings
		if err := json.Unmarshal(f.Settings, &set); err != nil {
			return nil, fmt.Errorf(`"settings": %w`, jsonProblem(err, nil, nil))
		}
		b.Settings = (*timeline.Settings)(&set)
	}
	for i, a := range f.Applications {
		where := fmt.Sprintf("application %d (%s)", i+1, a.Company)
		if strings.TrimSpace(a.Company) == "" {
			return nil, fmt.Errorf(`application %d: "company" is missing or empty`, i+1)
		}
		ia := ImportApp{App: a.app(), Where: fmt.Sprintf("application %d", i+1), Events: make([]timeline.Event, len(a.Events))}
		for j, x := range a.Events {
			if ia.Events[j], err = x.event(); err != nil {
				return nil, fmt.Errorf("%s, event %d: %w", where, j+1, err)
			}
		}
		b.Apps = append(b.Apps, ia)
	}
	if len(b.Apps) == 0 && b.Settings == nil {
		return nil, errors.New(`no application in it ("applications" is empty) and no settings: nothing to import`)
	}
	return b, nil
}

// decodeStrict decodes one JSON value into v, refusing unknown fields and,
// when whole is true, anything after the value.
func decodeStrict(data []byte, v any, whole bool) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if whole {
		if _, err := dec.Token(); err != io.EOF {
			return errors.New("there is more after the end of the JSON value (two files joined?)")
		}
	}
	return nil
}

// ixSettings is the settings as a JSON object: every key of
// timeline.SettingInfos in its order, numbers as numbers, holidays as text.
type ixSettings timeline.Settings

// MarshalJSON implements json.Marshaler.
func (x ixSettings) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range timeline.SettingKeys() {
		v, err := timeline.Settings(x).Get(k)
		if err != nil {
			return nil, err
		}
		if i > 0 {
			b.WriteByte(',')
		}
		key, _ := json.Marshal(k)
		b.Write(key)
		b.WriteByte(':')
		if _, err := strconv.Atoi(v); err == nil {
			b.WriteString(v)
		} else {
			val, _ := json.Marshal(v)
			b.Write(val)
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON implements json.Unmarshaler: settings the object leaves out
// keep the default settings; an unknown key is an error naming it.
func (x *ixSettings) UnmarshalJSON(data []byte) error {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(data, &m); err != nil {
		return fmt.Errorf(`want an object of settings, e.g. {"reply_max_bd": 7}`)
	}
	keys := timeline.SettingKeys()
	var unknown []string
	for k := range m {
		if !slices.Contains(keys, k) {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		slices.Sort(unknown)
		return fmt.Errorf("unknown field %q (settings: %s)", unknown[0], strings.Join(keys, ", "))
	}
	set := timeline.DefaultSettings()
	for _, k := range keys {
		raw, ok := m[k]
		if !ok {
			continue
		}
		var v any
		_ = json.Unmarshal(raw, &v)
		var text string
		switch t := v.(type) {
		case float64:
			text = string(raw)
		case string:
			text = t
		default:
			return fmt.Errorf("%q must be a number or text, not %s", k, raw)
		}
		if err := set.Set(k, text); err != nil {
			return err
		}
	}
	if err := set.Validate(); err != nil {
		return err
	}
	*x = ixSettings(set)
	return nil
}

// jsonFields lists the JSON names of a struct's fields, embedded ones included.
func jsonFields(v any) []string {
	var out []string
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for i := range t.NumField() {
			f := t.Field(i)
			if f.Anonymous {
				walk(f.Type)
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name != "" && name != "-" {
				out = append(out, name)
			}
		}
	}
	walk(reflect.TypeOf(v))
	return out
}
