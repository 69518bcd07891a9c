package store

import "github.com/afterview/afterview/timeline"

// Chase returns the chase view on today (as the store's clock gives it),
// looking days ahead; a negative days means the lookahead_days setting. Only
// the applications due by the lookahead are read, and those beyond it that
// an open offer elsewhere gives an expedite item.
func (s *Store) Chase(days int) ([]timeline.ChaseItem, error) {
	if days < 0 {
		set, err := s.Settings()
		if err != nil {
			return nil, err
		}
		days = set.LookaheadDays
	}
	today := s.today()
	limit := today.AddDays(days)
	entries, err := s.chaseEntries(limit, false)
	if err == nil {
		entries, err = s.withExpedite(entries, limit)
	}
	if err != nil {
		return nil, err
	}
	return timeline.Chase(entries, today, days), nil
}
