package store

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"io"

	"github.com/afterview/afterview/timeline"
)

// An export is written one application at a time as it is read, so that its
// memory stays flat however large the database: 100,000 applications with
// their events would otherwise be a document of a gigabyte and more in
// memory before the first byte is written.

// eachApplication calls f for every application (archived ones too) in id
// order, with its events in timeline order, all read in one read transaction
// so that the whole is consistent even while another process writes. Two
// cursors walk the applications and the events side by side; only one
// application's events are in memory at a time.
func (s *Store) eachApplication(f func(set timeline.Settings, a timeline.Application, evs []timeline.Event) error) (ExportInfo, error) {
	var info ExportInfo
	tx, err := s.db.BeginTx(context.Background(), &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return info, err
	}
	defer tx.Rollback()
	set, err := settingsFrom(tx)
	if err != nil {
		return info, err
	}
	apps, err := tx.Query("SELECT " + entryColumns + " FROM applications ORDER BY id")
	if err != nil {
		return info, err
	}
	defer apps.Close()
	events, err := tx.Query("SELECT application_id, " + eventColumns + " FROM events ORDER BY application_id, date, id")
	if err != nil {
		return info, err
	}
	defer events.Close()
	// next is the event read ahead: the first of a later application's.
	var next timeline.Event
	nextApp, more := int64(0), events.Next()
	if more {
		if next, err = scanEvent(events, &nextApp); err != nil {
			return info, err
		}
	}
	var evs []timeline.Event
	scan := newRowScan()
	for apps.Next() {
		e, err := scan.entry(apps)
		if err != nil {
			return info, err
		}
		id := e.App.ID
		evs = evs[:0]
		for more && nextApp <= id {
			if nextApp == id {
				evs = append(evs, next)
			}
			if more = events.Next(); more {
				if next, err = scanEvent(events, &nextApp); err != nil {
					return info, err
				}
			}
		}
		if err := f(set, e.App, evs); err != nil {
			return info, err
		}
		info.Applications++
		info.Events += len(evs)
	}
	if err := apps.Err(); err != nil {
		return info, err
	}
	return info, events.Err()
}

// ExportJSON writes every application (archived ones too) with every event,
// and the settings, in the interchange format: applications by id, events in
// timeline order, so the same database always gives the same bytes and
// export → import into an empty database → export gives them again. It
// writes the bytes one JSON encoder of the whole document would (two-space
// indent, "&" and "<" as they are), one application at a time.
func (s *Store) ExportJSON(out io.Writer) (ExportInfo, error) {
	w := bufio.NewWriterSize(out, 64<<10)
	info, err := s.exportJSON(w)
	if err != nil {
		return info, err
	}
	return info, w.Flush()
}

// exportJSON is ExportJSON's writing, into a buffer.
func (s *Store) exportJSON(w io.Writer) (ExportInfo, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // "R&D" stays readable
	// encode writes v as a value nested at depth (its lines indented).
	encode := func(v any, indent string) error {
		buf.Reset()
		enc.SetIndent(indent, "  ")
		if err := enc.Encode(v); err != nil {
			return err
		}
		_, err := w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		return err
	}
	first := true
	info, err := s.eachApplication(func(set timeline.Settings, a timeline.Application, evs []timeline.Event) error {
		if first {
			first = false
			if err := writeJSONHead(w, set, encode); err != nil {
				return err
			}
			if _, err := io.WriteString(w, "[\n    "); err != nil {
				return err
			}
		} else if _, err := io.WriteString(w, ",\n    "); err != nil {
			return err
		}
		return encode(toIxApp(a, evs), "    ")
	})
	if err != nil {
		return info, err
	}
	if first { // no applications: the head was not written yet
		set, err := s.Settings()
		if err != nil {
			return info, err
		}
		if err := writeJSONHead(w, set, encode); err != nil {
			return info, err
		}
		_, err = io.WriteString(w, "[]\n}\n")
		return info, err
	}
	_, err = io.WriteString(w, "\n  ]\n}\n")
	return info, err
}

// writeJSONHead writes the document up to the applications' list.
func writeJSONHead(w io.Writer, set timeline.Settings, encode func(v any, indent string) error) error {
	if _, err := io.WriteString(w, "{\n  \"format\": "); err != nil {
		return err
	}
	if err := encode(Format, "  "); err != nil {
		return err
	}
	if _, err := io.WriteString(w, ",\n  \"settings\": "); err != nil {
		return err
	}
	if err := encode(ixSettings(set), "  "); err != nil {
		return err
	}
	_, err := io.WriteString(w, ",\n  \"applications\": ")
	return err
}
