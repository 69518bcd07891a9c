package timeline

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Settings are the windows a large employer typically states, and afterview's
// own knobs, every one adjustable by the user.
// The zero value is not useful: start from DefaultSettings.
type Settings struct {
	DebriefDays       int    // debrief window after the last interview, calendar days
	DecisionDays      int    // decision expected within, calendar days after the last interview
	ReplyMinBD        int    // recruiter's reply window opens, business days after the last interview
	ReplyMaxBD        int    // ... and closes
	OfferDays         int    // an offer's decision window when it names no deadline, calendar days
	ReapplyMinMonths  int    // after a rejection, the earliest month to reapply
	ReapplyMaxMonths  int    // ... and the usual latest
	ChaseAgainBD      int    // after a follow-up or non-decisive news, business days before chasing again
	HoldCheckinDays   int    // while on hold, calendar days between check-ins
	LookaheadDays     int    // the chase view's "coming up" horizon, calendar days
	GhostFollowups    int    // unanswered follow-ups in a row that make an application ghosted; 0: never
	GhostAppliedDays  int    // with no interview, days without word after which it is ghosted; 0: never
	AppliedFollowupBD int    // with no interview, business days after applying to follow up; 0: off
	Holidays          string // country code whose public holidays are not business days; "" for none
	Name              string // your name, to sign drafts; "" for none
}

// DefaultSettings returns the windows a large employer typically states.
func DefaultSettings() Settings {
	return Settings{
		DebriefDays: 3, DecisionDays: 7, ReplyMinBD: 5, ReplyMaxBD: 7, OfferDays: 7,
		ReapplyMinMonths: 6, ReapplyMaxMonths: 12, ChaseAgainBD: 5, HoldCheckinDays: 30,
		LookaheadDays: 3, GhostFollowups: 2, GhostAppliedDays: 30,
	}
}

// SettingInfo describes one setting for `afterview config` and its help.
type SettingInfo struct {
	Key  string // the name users type, e.g. "reply_max_bd"
	Unit string // what the number counts
	Help string // one line: what it is
	ptr  func(*Settings) *int
	min  int                     // the least value Validate accepts
	text func(*Settings) *string // a text setting instead of a number
}

// SettingInfos lists every setting in the order `config` shows them; the text
// settings come last.
var SettingInfos = []SettingInfo{
	{"debrief_days", "calendar days", "debrief window after the last interview", func(s *Settings) *int { return &s.DebriefDays }, 1, nil},
	{"decision_days", "calendar days", "decision expected within, after the last interview", func(s *Settings) *int { return &s.DecisionDays }, 1, nil},
	{"reply_min_bd", "business days", "recruiter's reply window opens, after the last interview", func(s *Settings) *int { return &s.ReplyMinBD }, 1, nil},
	{"reply_max_bd", "business days", "recruiter's reply window closes, after the last interview", func(s *Settings) *int { return &s.ReplyMaxBD }, 1, nil},
	{"offer_days", "calendar days", "time to answer an offer that names no deadline", func(s *Settings) *int { return &s.OfferDays }, 1, nil},
	{"reapply_min_months", "months", "after a rejection, earliest time to reapply", func(s *Settings) *int { return &s.ReapplyMinMonths }, 1, nil},
	{"reapply_max_months", "months", "after a rejection, latest usual wait to reapply", func(s *Settings) *int { return &s.ReapplyMaxMonths }, 1, nil},
	{"chase_again_bd", "business days", "wait after a follow-up or non-decisive news before chasing again", func(s *Settings) *int { return &s.ChaseAgainBD }, 1, nil},
	{"hold_checkin_days", "calendar days", "while on hold, time between check-ins", func(s *Settings) *int { return &s.HoldCheckinDays }, 1, nil},
	{"lookahead_days", "calendar days", "how far ahead the chase view's \"coming up\" looks", func(s *Settings) *int { return &s.LookaheadDays }, 0, nil},
	{"ghost_followups", "follow-ups", "unanswered follow-ups in a row after which an application is ghosted (0: never)", func(s *Settings) *int { return &s.GhostFollowups }, 0, nil},
	{"ghost_applied_days", "calendar days", "with no interview, days without word after applying before it is ghosted (0: never)", func(s *Settings) *int { return &s.GhostAppliedDays }, 0, nil},
	{"applied_followup_bd", "business days", "with no interview, wait after applying before following up (0: off)", func(s *Settings) *int { return &s.AppliedFollowupBD }, 0, nil},
	{"name", "text", "your name, to sign drafts (none: drafts end with a [your name] gap)", nil, 0, func(s *Settings) *string { return &s.Name }},
	{"holidays", "country code", "public holidays that are not business days (none, or e.g. US, GB, DE, CA, AU)", nil, 0, func(s *Settings) *string { return &s.Holidays }},
}

// SettingKeys returns every setting's key, in order.
func SettingKeys() []string {
	keys := make([]string, len(SettingInfos))
	for i, si := range SettingInfos {
		keys[i] = si.Key
	}
	return keys
}

// Get returns a setting's value as text ("none" for no holiday calendar, ""
// for no name).
func (s Settings) Get(key string) (string, error) {
	si, err := settingInfo(key)
	switch {
	case err != nil:
		return "", err
	case si.Key == "holidays" && s.Holidays == "":
		return "none", nil
	case si.text != nil:
		return *si.text(&s), nil
	}
	return strconv.Itoa(*si.ptr(&s)), nil
}

// Set changes a setting from text, checking the value alone; call Validate to
// check it against the others (min ≤ max).
func (s *Settings) Set(key, value string) error {
	si, err := settingInfo(key)
	if err != nil {
		return err
	}
	switch si.Key {
	case "holidays":
		c, err := normalizeCountry(value)
		if err != nil {
			return err
		}
		s.Holidays = c
		return nil
	case "name":
		name := strings.TrimSpace(value)
		if err := checkName(name); err != nil {
			return err
		}
		s.Name = name
		return nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(value))
	if err != nil {
		return NotWholeNumber(key, value, si.min, maxSetting, si.Unit)
	}
	if err := CheckRange(key, n, si.min, maxSetting, si.Unit); err != nil {
		return err
	}
	*si.ptr(s) = n
	return nil
}

// settingInfo finds a setting by its key.
func settingInfo(key string) (SettingInfo, error) {
	for _, si := range SettingInfos {
		if si.Key == key {
			return si, nil
		}
	}
	return SettingInfo{}, unknownKey(key)
}

// maxName is the longest name a draft is signed with, in characters.
const maxName = 80

// checkName checks the name that signs drafts: one line of printable text.
func checkName(name string) error {
	if strings.IndexFunc(name, unicode.IsControl) >= 0 {
		return fmt.Errorf("name: %q holds a control character or a line break (give your name on one line)", name)
	}
	if utf8.RuneCountInString(name) > maxName {
		return fmt.Errorf("name: longer than %d characters (give the name to sign drafts with)", maxName)
	}
	return nil
}

// maxSetting bounds every window so that date arithmetic stays sensible.
const maxSetting = 1000

func unknownKey(key string) error {
	return fmt.Errorf("unknown setting %q (settings: %s)", key, strings.Join(SettingKeys(), ", "))
}

// Validate checks every setting: lengths are positive (the lookahead and the
// ghost and applied follow-up settings may be 0, meaning off), the name is one line,
// minimums do not exceed maximums, and the holiday country is known.
func (s Settings) Validate() error {
	for _, si := range SettingInfos {
		if si.ptr == nil {
			continue
		}
		if err := CheckRange(si.Key, *si.ptr(&s), si.min, maxSetting, si.Unit); err != nil {
			return err
		}
	}
	if err := checkName(s.Name); err != nil {
		return err
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
	if _, err := normalizeCountry(s.Holidays); err != nil {
		return err
	}
	return nil
}
