package store

import (
	"bytes"
	"database/sql"
	"encoding/csv"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/afterview/afterview/timeline"
)

// The kept stage column is the packed summary's stage, for every stage.
func TestStageColumnIsTheKeptStage(t *testing.T) {
	s := openTest(t)
	if err := FillDemo(s, 40); err != nil {
		t.Fatal(err)
	}
	entries, err := s.Entries(true)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[timeline.Stage]bool{}
	for _, e := range entries {
		var stage string
		if err := s.db.QueryRow("SELECT stage FROM applications WHERE id = ?", e.App.ID).Scan(&stage); err != nil {
			t.Fatal(err)
		}
		if timeline.Stage(stage) != e.Stage {
			t.Errorf("application %d: stage column %q, kept summary %q", e.App.ID, stage, e.Stage)
		}
		seen[e.Stage] = true
	}
	if len(seen) < 12 {
		t.Errorf("only %d stages seen: %v", len(seen), seen)
	}
}

// offerWorld logs, on 2026-11-26, an open offer (Acme), an accepted one
// (Globex) and three other processes.
func offerWorld(t *testing.T) *Store {
	t.Helper()
	s := openTest(t)
	d := timeline.MustDate
	add := func(company string, evs ...timeline.Event) {
		if _, err := s.AddApplication(timeline.Application{Company: company, Role: "SWE"}, evs...); err != nil {
			t.Fatal(err)
		}
	}
	iv := func(date string) timeline.Event { return timeline.Event{Type: timeline.EventInterview, Date: d(date)} }
	add("Acme", iv("2026-11-10"), timeline.Event{Type: timeline.EventOffer, Date: d("2026-11-20"), Deadline: d("2026-12-04"),
		Base: 180000, BonusPercent: 1500, Signon: 20000, Equity: 400000, Currency: "USD"},
		timeline.Event{Type: timeline.EventNegotiate, Date: d("2026-11-24"), Base: 190000, Note: "asked for more"})
	add("Globex", iv("2026-10-20"), timeline.Event{Type: timeline.EventOffer, Date: d("2026-10-30"), Base: 195000, Bonus: 20000,
		Equity: 300000, VestingYears: 3, Currency: "USD"}, timeline.Event{Type: timeline.EventAccepted, Date: d("2026-11-05")})
	add("Hooli", iv("2026-11-23"))
	add("Initech", iv("2026-11-02"), timeline.Event{Type: timeline.EventFollowup, Date: d("2026-11-21")})
	add("Stark", iv("2026-10-01"), timeline.Event{Type: timeline.EventHold, Date: d("2026-10-15")})
	return s
}

func TestOffersReadsOpenAndRecentlyAnswered(t *testing.T) {
	s := offerWorld(t)
	cols, err := s.Offers()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range cols {
		got = append(got, c.App.Company+" "+string(c.State))
	}
	if strings.Join(got, ", ") != "Acme open, Globex accepted" {
		t.Fatalf("offers = %v", got)
	}
	// 190,000 after negotiating; 15% of it is 28,500; 400,000 / 4 = 100,000.
	if a := cols[0].Terms; a.Base != 190000 || a.BonusAmount() != 28500 || a.Yearly() != 318500 || a.FirstYear() != 338500 {
		t.Errorf("Acme's terms as they stand = %+v", a)
	}
	offers, err := s.OpenOffers()
	if err != nil || len(offers) != 1 || offers[0] != (timeline.OpenOffer{AppID: 1, Arrived: timeline.MustDate("2026-11-20"), Deadline: timeline.MustDate("2026-12-04")}) {
		t.Errorf("open offers = %+v, %v", offers, err)
	}
}

func TestWithExpediteAddsTheProcessesStillDeciding(t *testing.T) {
	s := offerWorld(t)
	entries, err := s.ChaseEntries(day.AddDays(3))
	if err != nil {
		t.Fatal(err)
	}
	entries, err = s.WithExpedite(entries)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range timeline.Chase(entries, day, 3) {
		got = append(got, it.App.Company+" "+string(it.Action.Kind)+" "+it.Action.Due.String())
	}
	want := "Globex followup 2026-11-13, Hooli expedite 2026-11-20, Stark expedite 2026-11-20"
	if strings.Join(got, ", ") != want {
		t.Errorf("chase = %v\nwant    %s", got, want)
	}
	contacts, err := s.LastContacts(nil)
	if err != nil || len(contacts) != 1 || contacts[4] != timeline.MustDate("2026-11-21") {
		t.Errorf("last contacts = %v, %v", contacts, err)
	}
	hooli, err := s.Entry(3)
	if err != nil {
		t.Fatal(err)
	}
	o, pending, ok, err := s.OfferElsewhere(hooli)
	if err != nil || !ok || !pending || o.Deadline != timeline.MustDate("2026-12-04") {
		t.Errorf("offer elsewhere for Hooli = %+v %v %v %v", o, pending, ok, err)
	}
}

// The offer terms travel through the JSON interchange and the CSV export.
func TestOfferTermsExportImportExport(t *testing.T) {
	s := offerWorld(t)
	first := exportJSON(t, s)
	for _, want := range []string{`"bonus_percent": 15`, `"signon": 20000`, `"vesting_years": 3`} {
		if !bytes.Contains(first, []byte(want)) {
			t.Errorf("export lacks %s", want)
		}
	}
	dst := openTest(t)
	importJSON(t, dst, first, false)
	if second := exportJSON(t, dst); !bytes.Equal(first, second) {
		t.Errorf("export → import → export differs:\n%s\n%s", first, second)
	}
	half := bytes.Replace(first, []byte(`"bonus_percent": 15`), []byte(`"bonus_percent": 12.5`), 1)
	back, err := ReadJSON(bytes.NewReader(half))
	if err != nil || back.Apps[0].Events[1].BonusPercent != 1250 {
		t.Errorf("12.5%% read as %+v, %v", back, err)
	}
	for _, bad := range []string{`"bonus_percent": 12.345`, `"bonus_percent": "15%"`, `"bonus_percent": -1`} {
		if _, err := ReadJSON(bytes.NewReader(bytes.Replace(first, []byte(`"bonus_percent": 15`), []byte(bad), 1))); err == nil {
			t.Errorf("%s was read", bad)
		}
	}

	var b bytes.Buffer
	if _, err := s.ExportCSV(&b, false); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	acme := recs[1]
	for h, want := range map[string]string{"Offer base": "190000", "Offer bonus": "28500", "Offer bonus %": "15", "Offer sign-on": "20000",
		"Offer equity": "400000", "Offer vesting years": "4", "Offer currency": "USD", "Offer deadline": "2026-12-04",
		"Offer equity per year": "100000", "Offer yearly": "318500", "Offer first year": "338500"} {
		if got := acme[col[h]]; got != want {
			t.Errorf("Acme's %s = %q, want %q", h, got, want)
		}
	}
	if recs[3][col["Offer base"]] != "" {
		t.Errorf("Hooli has offer cells: %v", recs[3])
	}
}

// A database of schema 1 gains the new columns; its events and kept stages read.
func TestOffersMigrationKeepsOldData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	body, err := migrationFiles.ReadFile("migrations/001_init.sql")
	if err != nil {
		t.Fatal(err)
	}
	sm := timeline.Summary{Stage: timeline.StageOffer, Next: &timeline.Action{Kind: timeline.ActOffer, Due: day.AddDays(3), From: day.AddDays(-1), Text: "Answer"}}
	for _, q := range []string{string(body), "PRAGMA user_version = 1",
		"INSERT INTO applications (company, created, summary, next_due) VALUES ('Acme', '2026-11-01', '" + packSummary(sm) + "', " + strconv.Itoa(int(day.AddDays(3))) + ")",
		"INSERT INTO events (application_id, type, date, base, currency) VALUES (1, 'interview', '2026-11-20', NULL, NULL)",
		"INSERT INTO events (application_id, type, date, base, bonus, currency) VALUES (1, 'offer', '2026-11-25', 180000, 20000, 'USD')",
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	s, err := Open(path, func() timeline.Date { return day })
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var stage string
	if err := s.db.QueryRow("SELECT stage FROM applications").Scan(&stage); err != nil || stage != "offer" {
		t.Errorf("stage column = %q, %v", stage, err)
	}
	evs, err := s.Events(1)
	if err != nil || len(evs) != 2 || evs[1].Base != 180000 || evs[1].Bonus != 20000 || evs[1].Signon != 0 || evs[1].VestingYears != 0 {
		t.Errorf("events after the upgrade = %+v, %v", evs, err)
	}
	offers, err := s.OpenOffers()
	if err != nil || len(offers) != 1 {
		t.Errorf("open offers after the upgrade = %+v, %v", offers, err)
	}
}

// The workbook export carries the terms too, a fractional share of base
// included, and reads back the same.
func TestOfferTermsThroughTheWorkbook(t *testing.T) {
	s := offerWorld(t)
	if _, err := s.LogEvent(1, timeline.Event{Type: timeline.EventNegotiate, Date: day, BonusPercent: 1250}); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := s.ExportXLSX(&b); err != nil {
		t.Fatal(err)
	}
	back, err := ReadXLSX(bytes.NewReader(b.Bytes()), "", DateFormat{})
	if err != nil {
		t.Fatal(err)
	}
	offer := back.Apps[0].Events[1]
	if offer.BonusPercent != 1500 || offer.Signon != 20000 || offer.Equity != 400000 || back.Apps[1].Events[1].VestingYears != 3 {
		t.Errorf("read back %+v / %+v", offer, back.Apps[1].Events[1])
	}
	if n := back.Apps[0].Events[3]; n.Type != timeline.EventNegotiate || n.BonusPercent != 1250 {
		t.Errorf("the negotiation read back as %+v", n)
	}
}
