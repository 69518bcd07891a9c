package cli

import (
	"database/sql"
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// Issue 11, item 10: add, edit and import refuse text beyond its limit,
// naming the field and the limit, and change nothing.
func TestCLITextLimits(t *testing.T) {
	s := newSession(t)
	s.seed()
	long := strings.Repeat("x", 201)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"add", "--company", long, "--role", "SRE"}, "the company is 201 characters long; the limit is 200"},
		{[]string{"add", "--company", "Acme2", "--role", "SRE", "--notes", strings.Repeat("n", 20001)}, "the notes is 20001 characters long; the limit is 20000"},
		{[]string{"add", "--company", "\u200b\u200b", "--role", "SRE"}, "the company name has no visible character"},
		{[]string{"edit", "1", "--role", long}, "the role is 201 characters long; the limit is 200"},
		{[]string{"edit", "1", "--recruiter", strings.Repeat("r", 2001)}, "the recruiter is 2001 characters long; the limit is 2000"},
		{[]string{"import", s.write("long.csv", "Company,Role\nAcme,SRE\nGlobex,"+long+"\n")}, "row 3: the role is 201 characters long; the limit is 200"},
	} {
		r := s.fail(c.args...)
		if !strings.Contains(r.stderr, c.want) {
			t.Errorf("afterview %s: %s, want …%q", c.args[0], r.stderr, c.want)
		}
	}
}

// Issue 11, item 10: a database written before the limits, with 1 MB in a
// company name, role and notes, beside 300 ordinary applications: no command
// allocates anything near 100 MB, and list cuts the huge cells.
func TestCLIAHugeFieldInAnOldDatabase(t *testing.T) {
	s := newSession(t)
	db := s.env["AFTERVIEW_DB"]
	s.ok("add", "--company", "Huge", "--role", "R")
	for i := range 300 {
		s.exec("add", "--company", fmt.Sprintf("Company %d", i), "--role", "SRE", "--interviewed", "-3d")
	}
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	mb := strings.Repeat("Ω", 1<<19) // 1 MB of UTF-8
	if _, err := raw.Exec("UPDATE applications SET company = ?, role = ?, notes = ? WHERE id = 1", "Huge "+mb, mb, mb); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	for _, args := range [][]string{{"list"}, {"list", "--all"}, {"list", "--json"}, {"show", "1"}, {"chase"},
		{"export"}, {"export", "--format", "csv"}, {"ics"}, {"events", "1"}, {"stats"}} {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		r := s.exec(args...)
		runtime.ReadMemStats(&after)
		if r.code != 0 {
			t.Errorf("afterview %v: exit %d: %.200s", args, r.code, r.stderr)
		}
		if alloc := (after.TotalAlloc - before.TotalAlloc) >> 20; alloc > 100 {
			t.Errorf("afterview %v allocated %d MB", args, alloc)
		}
		if args[0] == "list" && len(args) == 1 {
			if len(r.stdout) > 1<<20+100_000 {
				t.Errorf("list wrote %d bytes: huge cells pad every row", len(r.stdout))
			}
			if !strings.Contains(r.stdout, "Huge ΩΩΩ") || !strings.Contains(r.stdout, "…") {
				t.Errorf("list does not cut the huge name with …")
			}
		}
	}
}
