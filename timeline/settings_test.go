package timeline

import (
	"strings"
	"testing"
)

func TestSettingsDefaults(t *testing.T) {
	s := DefaultSettings()
	if err := s.Validate(); err != nil {
		t.Fatalf("defaults do not validate: %v", err)
	}
	want := map[string]string{"debrief_days": "3", "decision_days": "7", "reply_min_bd": "5", "reply_max_bd": "7",
		"offer_days": "7", "reapply_min_months": "6", "reapply_max_months": "12", "chase_again_bd": "5",
		"hold_checkin_days": "30", "lookahead_days": "3", "ghost_followups": "2", "ghost_applied_days": "30",
		"applied_followup_bd": "0", "name": "", "holidays": "none"}
	if keys := SettingKeys(); len(keys) != len(want) || keys[0] != "debrief_days" || keys[len(keys)-1] != "holidays" {
		t.Errorf("SettingKeys = %v", keys)
	}
	for k, v := range want {
		if got, err := s.Get(k); err != nil || got != v {
			t.Errorf("Get(%s) = %q, %v; want %q", k, got, err, v)
		}
	}
}

func TestSettingsSet(t *testing.T) {
	for _, c := range []struct {
		name, key, value string
		get              string // "" when Set must fail
		errHas           string
	}{
		{"a number", "reply_max_bd", " 9 ", "9", ""},
		{"zero is allowed by Set", "lookahead_days", "0", "0", ""},
		{"holidays upper-cased", "holidays", "us", "US", ""},
		{"holidays: UK means GB", "holidays", "UK", "GB", ""},
		{"holidays: none", "holidays", "none", "none", ""},
		{"holidays: empty is none", "holidays", "", "none", ""},
		{"name: a text setting, trimmed", "name", "  Sam Doe ", "Sam Doe", ""},
		{"name: accents and all", "name", "Søren Kjær", "Søren Kjær", ""},
		{"ghost_followups 0 means never", "ghost_followups", "0", "0", ""},
		{"applied_followup_bd", "applied_followup_bd", "10", "10", ""},
		{"name: one line only", "name", "Sam\nDoe", "", "name: \"Sam\\nDoe\" holds a control character"},
		{"name: not a novel", "name", strings.Repeat("x", 81), "", "longer than 80 characters"},
		{"not a number", "offer_days", "seven", "", "offer_days: \"seven\" is not a number (a whole number of calendar days from 1 to 1000)"},
		{"negative", "offer_days", "-1", "", "offer_days: -1 is too small; it must be at least 1 (a whole number of calendar days from 1 to 1000)"},
		{"too large", "offer_days", "1001", "", "offer_days: 1001 is too large; it must be at most 1000"},
		{"unknown key lists keys", "reply_days", "3", "", "unknown setting \"reply_days\" (settings: debrief_days, decision_days, reply_min_bd"},
		{"unknown country lists countries", "holidays", "XX", "", "unknown holiday country \"XX\" (use none or one of AT, AU, BE, BR, CA"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := DefaultSettings()
			err := s.Set(c.key, c.value)
			if c.get == "" {
				if err == nil || !strings.Contains(err.Error(), c.errHas) {
					t.Fatalf("Set(%s, %q) error = %v, want one containing %q", c.key, c.value, err, c.errHas)
				}
				if s != DefaultSettings() {
					t.Errorf("a failed Set changed the settings: %+v", s)
				}
				return
			}
			if err != nil {
				t.Fatalf("Set(%s, %q): %v", c.key, c.value, err)
			}
			if got, _ := s.Get(c.key); got != c.get {
				t.Errorf("Get(%s) after Set = %q, want %q", c.key, got, c.get)
			}
		})
	}
	if _, err := DefaultSettings().Get("nope"); err == nil || !strings.Contains(err.Error(), "holidays") {
		t.Errorf("Get(nope) error = %v, want the list of keys", err)
	}
}

func TestSettingsValidate(t *testing.T) {
	for _, c := range []struct {
		name   string
		change func(*Settings)
		errHas string // "" when valid
	}{
		{"valid: lookahead 0", func(s *Settings) { s.LookaheadDays = 0 }, ""},
		{"valid: min equals max", func(s *Settings) { s.ReplyMinBD = 7 }, ""},
		{"valid: a country", func(s *Settings) { s.Holidays = "GB" }, ""},
		{"valid: ghosting and applied follow-ups off", func(s *Settings) { s.GhostFollowups, s.GhostAppliedDays, s.AppliedFollowupBD = 0, 0, 0 }, ""},
		{"valid: a name", func(s *Settings) { s.Name = "Sam Doe" }, ""},
		{"a name with a line break", func(s *Settings) { s.Name = "Sam\nDoe" }, "name:"},
		{"negative ghost_followups", func(s *Settings) { s.GhostFollowups = -1 }, "ghost_followups: -1 is too small; it must be at least 0 (a whole number of follow-ups from 0 to 1000)"},
		{"reply min > max", func(s *Settings) { s.ReplyMinBD = 8 }, "reply_min_bd (8) is more than reply_max_bd (7)"},
		{"reapply min > max", func(s *Settings) { s.ReapplyMinMonths = 13 }, "reapply_min_months (13) is more than reapply_max_months (12)"},
		{"debrief > decision", func(s *Settings) { s.DebriefDays = 8 }, "debrief_days (8) is more than decision_days (7)"},
		{"a window of zero", func(s *Settings) { s.OfferDays = 0 }, "offer_days: 0 is too small; it must be at least 1 (a whole number of calendar days from 1 to 1000)"},
		{"a negative lookahead", func(s *Settings) { s.LookaheadDays = -1 }, "lookahead_days: -1 is too small; it must be at least 0"},
		{"too large", func(s *Settings) { s.HoldCheckinDays = 5000 }, "hold_checkin_days: 5000 is too large; it must be at most 1000"},
		{"unknown country", func(s *Settings) { s.Holidays = "Narnia" }, "unknown holiday country \"Narnia\""},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := DefaultSettings()
			c.change(&s)
			err := s.Validate()
			switch {
			case c.errHas == "" && err != nil:
				t.Errorf("Validate = %v, want nil", err)
			case c.errHas != "" && (err == nil || !strings.Contains(err.Error(), c.errHas)):
				t.Errorf("Validate = %v, want an error containing %q", err, c.errHas)
			}
		})
	}
	if cs := countries(); len(cs) != 21 || cs[0] != "AT" || cs[len(cs)-1] != "ZA" {
		t.Errorf("Countries = %v", cs)
	}
	for _, in := range []string{"AU", "CA", "DE", "GB", "US", " us ", "uk"} {
		if _, err := normalizeCountry(in); err != nil {
			t.Errorf("normalizeCountry(%q): %v", in, err)
		}
	}
}
