package store

import (
	"strings"
	"testing"

	"github.com/afterview/afterview/timeline"
)

// TestEntryFieldsReadBackByteForByte checks the joined read of an
// application's text fields (entryColumns, scanRow) on what a hostile or
// damaged file can hold: NUL bytes, invalid UTF-8, the summary's own
// separator, a four-byte rune, empty fields and a megabyte of notes. Every
// field must read back as the plain column holds it, through every read
// that returns entries.
func TestEntryFieldsReadBackByteForByte(t *testing.T) {
	s := openTest(t)
	today := s.today()
	fields := [][6]string{
		{"Nul\x00Co", "ro\x00le", "", "a@b\x00", "", "n\x00otes"},
		{"Bad\xff\xfeUTF", "\xc3", "Pat \x1f Lee", "\x1f", "http://x/\xe2\x82", "\x1f\x1f"},
		{"🦊 Fox", "", "", "", "", strings.Repeat("notes ", 1<<18)},
		{"E", "", "", "", "", ""},
	}
	for _, f := range fields {
		id, err := s.AddApplication(timeline.Application{Company: "placeholder"},
			timeline.Event{Type: timeline.EventInterview, Date: today.AddDays(-3)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.db.Exec(`UPDATE applications SET company = ?, role = ?, recruiter = ?, contact = ?, url = ?, notes = ? WHERE id = ?`,
			f[0], f[1], f[2], f[3], f[4], f[5], id); err != nil {
			t.Fatal(err)
		}
	}
	want := map[int64][6]string{}
	rows, err := s.db.Query("SELECT id, company, role, recruiter, contact, url, notes FROM applications")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		var f [6]string
		if err := rows.Scan(&id, &f[0], &f[1], &f[2], &f[3], &f[4], &f[5]); err != nil {
			t.Fatal(err)
		}
		want[id] = f
	}
	rows.Close()
	if len(want) != len(fields) {
		t.Fatalf("%d rows, want %d", len(want), len(fields))
	}
	all, err := s.Entries(true)
	if err != nil {
		t.Fatal(err)
	}
	in, err := s.EntriesIn(0, 1<<40, nil)
	if err != nil {
		t.Fatal(err)
	}
	for name, es := range map[string][]timeline.Entry{"Entries": all, "EntriesIn": in} {
		if len(es) != len(want) {
			t.Fatalf("%s: %d entries, want %d", name, len(es), len(want))
		}
		for _, e := range es {
			a := e.App
			got := [6]string{a.Company, a.Role, a.Recruiter, a.Contact, a.URL, a.Notes}
			if got != want[a.ID] {
				t.Errorf("%s: application %d reads back %q, want %q", name, a.ID, trim(got), trim(want[a.ID]))
			}
			if e.Stage == "" || e.Next == nil {
				t.Errorf("%s: application %d lost its kept summary: %+v", name, a.ID, e.Summary)
			}
		}
	}
	for id, w := range want {
		e, err := s.Entry(id)
		if err != nil {
			t.Fatal(err)
		}
		a := e.App
		if got := [6]string{a.Company, a.Role, a.Recruiter, a.Contact, a.URL, a.Notes}; got != w {
			t.Errorf("Entry(%d) reads back %q, want %q", id, trim(got), trim(w))
		}
	}
}

// trim shortens long fields for a failure message.
func trim(f [6]string) [6]string {
	for i := range f {
		if len(f[i]) > 40 {
			f[i] = f[i][:40] + "…"
		}
	}
	return f
}
