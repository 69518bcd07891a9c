package timeline

import (
	"fmt"
	"strconv"
	"strings"
)

// Settings are the windows a large employer typically states, and afterview's
// own knobs, every one adjustable by the user.
// The zero value is not useful: start from DefaultSettings.
type Settings struct {
	DebriefDays      int    // debrief window after the last interview, calendar days
	DecisionDays     int    // decision expected within, calendar days after the last interview
	ReplyMinBD       int    // recruiter's reply window opens, business days after the last interview
	ReplyMaxBD       int    // ... and closes
	OfferDays        int    // an offer's decision window when it names no deadline, calendar days
	ReapplyMinMonths int    // after a rejection, the earliest month to reapply
	ReapplyMaxMonths int    // ... and the usual latest
	ChaseAgainBD     int    // after a follow-up or non-decisive news, business days before chasing again
	HoldCheckinDays  int    // while on hold, calendar days between check-ins
	LookaheadDays    int    // the chase view's "coming up" horizon, calendar days
	Holidays         string // country code whose public holidays are not business days; "" for none
}

// DefaultSettings returns the windows a large employer typically states.
func DefaultSettings() Settings {
	return Settings{
		DebriefDays: 3, DecisionDays: 7, ReplyMinBD: 5, ReplyMaxBD: 7, OfferDays: 7,
		ReapplyMinMonths: 6, ReapplyMaxMonths: 12, ChaseAgainBD: 5, HoldCheckinDays: 30,
		LookaheadDays: 3,
	}
}

// SettingInfo describes one setting for `afterview config` and its help.
type SettingInfo struct {
	Key  string // the name users type, e.g. "reply_max_bd"
	Unit string // what the number counts
	Help string // one line: what it is
	ptr  func(*Settings) *int
}

// SettingInfos lists every setting in the order `config` shows them; the text
// settings come last.
var SettingInfos = []SettingInfo{
	{"debrief_days", "calendar days", "debrief window after the last interview", func(s *Settings) *int { return &s.DebriefDays }},
	{"decision_days", "calendar days", "decision expected within, after the last interview", func(s *Settings) *int { return &s.DecisionDays }},
	{"reply_min_bd", "business days", "recruiter's reply window opens, after the last interview", func(s *Settings) *int { return &s.ReplyMinBD }},
	{"reply_max_bd", "business days", "recruiter's reply window closes, after the last interview", func(s *Settings) *int { return &s.ReplyMaxBD }},
	{"offer_days", "calendar days", "time to answer an offer that names no deadline", func(s *Settings) *int { return &s.OfferDays }},
	{"reapply_min_months", "months", "after a rejection, earliest time to reapply", func(s *Settings) *int { return &s.ReapplyMinMonths }},
	{"reapply_max_months", "months", "after a rejection, latest usual wait to reapply", func(s *Settings) *int { return &s.ReapplyMaxMonths }},
	{"chase_again_bd", "business days", "wait after a follow-up or non-decisive news before chasing again", func(s *Settings) *int { return &s.ChaseAgainBD }},
	{"hold_checkin_days", "calendar days", "while on hold, time between check-ins", func(s *Settings) *int { return &s.HoldCheckinDays }},
	{"lookahead_days", "calendar days", "how far ahead the chase view's \"coming up\" looks", func(s *Settings) *int { return &s.LookaheadDays }},
	{"holidays", "country code", "public holidays that are not business days (none, or e.g. US, GB, DE, CA, AU)", nil},
}

// SettingKeys returns every setting's key, in order.
func SettingKeys() []string {
	keys := make([]string, len(SettingInfos))
	for i, si := range SettingInfos {
		keys[i] = si.Key
	}
	return keys
}

// Get returns a setting's value as text ("none" for no holiday calendar).
func (s Settings) Get(key string) (string, error) {
	for _, si := range SettingInfos {
		if si.Key != key {
			continue
		}
		if si.ptr == nil {
			if s.Holidays == "" {
				return "none", nil
			}
			return s.Holidays, nil
		}
		return strconv.Itoa(*si.ptr(&s)), nil
	}
	return "", unknownKey(key)
}

// Set changes a setting from text, checking the value alone; call Validate to
// check it against the others (min ≤ max).
func (s *Settings) Set(key, value string) error {
	for _, si := range SettingInfos {
		if si.Key != key {
			continue
		}
		if si.ptr == nil {
			c, err := NormalizeCountry(value)
			if err != nil {
				return err
			}
			s.Holidays = c
			return nil
		}
		n, err := strconv.Atoi(strings.TrimSpace(value))
		if err != nil || n < 0 || n > maxSetting {
			return fmt.Errorf("%s: %q is not a whole number from 0 to %d (%s)", key, value, maxSetting, si.Unit)
		}
		*si.ptr(s) = n
		return nil
	}
	return unknownKey(key)
}

// maxSetting bounds every window so that date arithmetic stays sensible.
const maxSetting = 1000

func unknownKey(key string) error {
	return fmt.Errorf("unknown setting %q (settings: %s)", key, strings.Join(SettingKeys(), ", "))
}

// Validate checks every setting: lengths are positive (the lookahead may be 0),
// minimums do not exceed maximums, and the holiday country is known.
func (s Settings) Validate() error {
	for _, si := range SettingInfos {
		if si.ptr == nil {
			continue
		}
		v := *si.ptr(&s)
		min := 1
		if si.Key == "lookahead_days" {
			min = 0
		}
		if v < min || v > maxSetting {
			return fmt.Errorf("%s: %d is out of range (a whole number of %s from %d to %d)", si.Key, v, si.Unit, min, maxSetting)
		}
	}
	if s.ReplyMinBD > s.ReplyMaxBD {
		return fmt.Errorf("reply_min_bd (%d) is more than reply_max_bd (%d)", s.ReplyMinBD, s.ReplyMaxBD)
	}
	if s.ReapplyMinMonths > s.ReapplyMaxMonths {
		return fmt.Errorf("reapply_min_months (%d) is more than reapply_max_months (%d)", s.ReapplyMinMonths, s.ReapplyMaxMonths)
	}
	if s.DebriefDays > s.DecisionDays {
		return fmt.Errorf("debrief_days (%d) is more than decision_days (%d)", s.DebriefDays, s.DecisionDays)
	}
	if _, err := NormalizeCountry(s.Holidays); err != nil {
		return err
	}
	return nil
}
