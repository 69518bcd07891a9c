package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// offersSession is a search with two offers in different states (Acme's
// open, Globex's accepted) and five other processes.
func offersSession(t *testing.T) *session {
	s := newSession(t)
	s.ok("add", "--company", "Acme", "--role", "SDE II", "--interviewed", "2026-11-10", "--recruiter", "Pat Lee")
	s.ok("log", "1", "offer", "--date", "2026-11-20", "--deadline", "2026-12-04", "--base", "180k", "--bonus", "15%",
		"--signon", "20k", "--equity", "400k", "--currency", "USD")
	s.ok("add", "--company", "Globex", "--role", "Staff Engineer", "--interviewed", "2026-10-20")
	s.ok("log", "2", "offer", "--date", "2026-10-30", "--base", "195,000", "--bonus", "20k", "--equity", "300k USD", "--vesting-years", "3")
	s.ok("log", "2", "accepted", "--date", "2026-11-05")
	s.ok("add", "--company", "Hooli", "--role", "SRE", "--interviewed", "2026-11-21")   // deciding
	s.ok("add", "--company", "Initech", "--role", "SWE", "--interviewed", "2026-11-02") // followed up since the offer
	s.ok("log", "4", "followup", "--date", "2026-11-23")
	s.ok("add", "--company", "Umbrella", "--role", "SRE", "--interviewed", "2026-11-05") // followed up before it
	s.ok("log", "5", "followup", "--date", "2026-11-16")
	s.ok("add", "--company", "Stark", "--role", "PM", "--interviewed", "2026-10-01") // on hold
	s.ok("log", "6", "hold", "--date", "2026-10-15")
	s.ok("add", "--company", "Wayne", "--role", "EM", "--interviewed", "2026-10-01") // closed
	s.ok("log", "7", "rejected", "--date", "2026-10-10")
	return s
}

type offersJSON struct {
	Today  string `json:"today"`
	Offers []struct {
		ID                          int64
		Company, Role, State        string
		Currency                    *string
		Base, Bonus, Signon, Yearly int64
		EquityPerYear               int64 `json:"equity_per_year"`
		FirstYear                   int64 `json:"first_year"`
		Deadline                    string
		DaysLeft                    *int `json:"days_left"`
	} `json:"offers"`
}

func TestCLIOffersTotalsByHand(t *testing.T) {
	s := offersSession(t)
	s.ok("offers")
	r := s.ok("offers", "--json")
	var got offersJSON
	dec := json.NewDecoder(strings.NewReader(r.stdout))
	if err := dec.Decode(&got); err != nil {
		t.Fatal(err)
	}
	if got.Today != testToday || len(got.Offers) != 2 {
		t.Fatalf("offers --json = %+v", got)
	}
	a, g := got.Offers[0], got.Offers[1]
	// Acme: 180,000 + 15% (27,000) + 400,000/4 (100,000) = 307,000; + 20,000 sign-on = 327,000.
	if a.Company != "Acme" || a.State != "open" || *a.Currency != "USD" || a.Base != 180000 || a.Bonus != 27000 ||
		a.Signon != 20000 || a.EquityPerYear != 100000 || a.Yearly != 307000 || a.FirstYear != 327000 ||
		a.Deadline != "2026-12-04" || a.DaysLeft == nil || *a.DaysLeft != 10 {
		t.Errorf("Acme = %+v", a)
	}
	// Globex: 195,000 + 20,000 + 300,000/3 (100,000) = 315,000, no sign-on;
	// answered, so no days left; deadline 30 Oct + 7 days.
	if g.Company != "Globex" || g.State != "accepted" || *g.Currency != "USD" || g.Base != 195000 || g.Bonus != 20000 ||
		g.Signon != 0 || g.EquityPerYear != 100000 || g.Yearly != 315000 || g.FirstYear != 315000 ||
		g.Deadline != "2026-11-06" || g.DaysLeft != nil {
		t.Errorf("Globex = %+v", g)
	}
	s.golden()
}

// chaseKinds returns "company kind due" for each chase item.
func chaseKinds(t *testing.T, s *session) []string {
	t.Helper()
	r := s.ok("chase", "--json")
	var c struct {
		Items []struct{ Company, Kind, Due string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &c); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, it := range c.Items {
		out = append(out, it.Company+" "+it.Kind+" "+it.Due)
	}
	return out
}

func TestCLIExpediteStartsAndEnds(t *testing.T) {
	s := offersSession(t)
	want := []string{
		"Hooli expedite 2026-11-20",
		"Stark expedite 2026-11-20",
		"Umbrella expedite 2026-11-20",
	}
	expedites := func() []string {
		var out []string
		for _, l := range chaseKinds(t, s) {
			if strings.Contains(l, " expedite ") {
				out = append(out, l)
			}
		}
		return out
	}
	if got := expedites(); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("expedite items:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	s.ok("chase")
	s.ok("chase", "--count")
	s.ok("show", "5")
	s.ok("log", "5", "followup", "--note", "told them about the offer")
	if got := expedites(); strings.Join(got, "\n") != strings.Join(want[:2], "\n") {
		t.Errorf("after following up with Umbrella: %v", got)
	}
	s.ok("show", "5")
	s.ok("log", "1", "accepted")
	if got := expedites(); len(got) != 0 {
		t.Errorf("after accepting the offer: %v", got)
	}
	s.ok("chase")
	s.golden()
}

func TestCLIOfferTermsRefused(t *testing.T) {
	s := newSession(t)
	s.ok("add", "--company", "Acme", "--role", "SDE", "--interviewed", "2026-11-10")
	for _, bad := range [][]string{
		{"--base", "1,5k"}, {"--base", "180,5k"}, {"--base", "1,50"}, {"--base", "1e3k"}, {"--base", "0x1p4k"},
		{"--bonus", "15.555%"}, {"--vesting-years", "0"}, {"--base", "180000 EUR", "--currency", "USD"},
	} {
		s.fail(append([]string{"log", "1", "offer"}, bad...)...)
	}
	s.fail("log", "1", "heard", "--signon", "5k")
	s.ok("log", "1", "offer", "--base", "$180,000", "--bonus", "12.5%", "--equity", "1.2m EUR", "--vesting-years", "5")
	s.ok("log", "1", "negotiate", "--base", "190k", "--deadline", "2026-12-01", "--note", "they matched")
	s.ok("show", "1")
	s.golden()
}

// TestCLIShowJSONTellsOfTheOfferElsewhere checks that show --json carries
// what show's text says of an open offer elsewhere (without naming the other
// company): on a process still to be asked to hurry, on one told since, and
// not at all on the offer's own application or once the offer is answered.
func TestCLIShowJSONTellsOfTheOfferElsewhere(t *testing.T) {
	s := offersSession(t)
	elsewhere := func(id string) string {
		t.Helper()
		r := s.ok("show", id, "--json")
		var v struct {
			OfferElsewhere *struct {
				Arrived, Deadline string
				AskToHurry        bool `json:"ask_to_hurry"`
			} `json:"offer_elsewhere"`
		}
		if err := json.Unmarshal([]byte(r.stdout), &v); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(r.stdout, "Acme") && id != "1" {
			t.Errorf("show %s --json names the other company: %s", id, r.stdout)
		}
		if v.OfferElsewhere == nil {
			return "none"
		}
		o := v.OfferElsewhere
		return o.Arrived + " " + o.Deadline + " " + map[bool]string{true: "ask", false: "told"}[o.AskToHurry]
	}
	for _, c := range []struct{ id, want string }{
		{"3", "2026-11-20 2026-12-04 ask"},  // Hooli, deciding
		{"4", "2026-11-20 2026-12-04 told"}, // Initech, followed up since the offer
		{"1", "none"},                       // the offer itself
		{"7", "none"},                       // closed
	} {
		if got := elsewhere(c.id); got != c.want {
			t.Errorf("show %s --json: offer_elsewhere %s, want %s", c.id, got, c.want)
		}
	}
	s.ok("log", "1", "accepted")
	if got := elsewhere("3"); got != "none" {
		t.Errorf("after accepting the offer, show 3 --json: offer_elsewhere %s, want none", got)
	}
}
