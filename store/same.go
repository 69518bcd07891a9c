package store

import "github.com/afterview/afterview/timeline"

// SameAs returns the id of the application already in the database that app,
// with the events it would be added with, repeats; 0 when there is none. The
// rule is import's: the same company and role (ignoring case and runs of
// spaces) is the same application, unless both have interviews and none on
// the same day (applying to the same role again later is a new application).
func (s *Store) SameAs(app timeline.Application, events []timeline.Event) (int64, error) {
	known, _, err := identities(s.db)
	if err != nil {
		return 0, err
	}
	interviews := interviewDates(events)
	for _, k := range known[identityKey(trimApp(app))] {
		if sameApplication(interviews, k.interviews) {
			return k.id, nil
		}
	}
	return 0, nil
}
