package store

import (
	"strings"

	"github.com/afterview/afterview/timeline"
)

// The reads behind comparing offers and the chase view's expedite items.
// They go through the kept stage (a generated column with an index) and the
// events' (type, date) index, never through every event.

// staleIDs selects the applications whose kept summary does not hold on
// today (?2): their kept stage may be out of date, so they are read too and
// derived afresh.
const staleIDs = `SELECT id FROM applications INDEXED BY applications_valid_through WHERE archived = 0 AND valid_through < ?2
	UNION SELECT id FROM applications INDEXED BY applications_valid_from WHERE archived = 0 AND valid_from > ?2`

// OpenOffers returns the offers awaiting an answer on today (stage offer,
// deadline today or later, not archived): what the expedite rule counts.
func (s *Store) OpenOffers() ([]timeline.OpenOffer, error) {
	today := s.today()
	es, err := s.queryEntries("SELECT "+entryColumns+` FROM applications WHERE id IN (
		SELECT id FROM applications INDEXED BY applications_stage WHERE archived = 0 AND stage = 'offer' AND next_due >= ?1
		UNION `+staleIDs+`) ORDER BY id`, int64(today), int64(today))
	if err != nil {
		return nil, err
	}
	return timeline.OpenOffers(es, today), nil
}

// LastContacts returns, for the given applications (all when ids is nil),
// the date of the latest followup or heard event; an application with none
// is absent.
func (s *Store) LastContacts(ids []int64) (map[int64]timeline.Date, error) {
	query := `SELECT application_id, max(date) FROM events INDEXED BY events_type_date
		WHERE type IN ('followup', 'heard')`
	if ids != nil {
		query += " AND application_id IN (" + idList(ids) + ")"
	}
	rows, err := s.db.Query(query + " GROUP BY application_id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]timeline.Date{}
	for rows.Next() {
		var id int64
		var d timeline.Date
		if err := rows.Scan(&id, nullDate{&d}); err != nil {
			return nil, err
		}
		out[id] = d
	}
	return out, rows.Err()
}

// expedites returns the applications that get an expedite item on today,
// as kept (with their own next action), and the expedite action of each:
// none, after one indexed read, when no offer is open.
func (s *Store) expedites() ([]timeline.Entry, []*timeline.Action, error) {
	offers, err := s.OpenOffers()
	if err != nil || len(offers) == 0 {
		return nil, nil, err
	}
	today := s.today()
	stages := make([]string, len(timeline.ExpediteStages))
	for i, st := range timeline.ExpediteStages {
		stages[i] = string(st)
	}
	cands, err := s.queryEntries("SELECT "+entryColumns+` FROM applications WHERE id IN (
		SELECT id FROM applications INDEXED BY applications_stage WHERE archived = 0 AND stage IN (`+quoteList(stages)+`)
		UNION `+staleIDs+`) ORDER BY id`, nil, int64(today))
	if err != nil {
		return nil, nil, err
	}
	var ids []int64
	for _, c := range cands {
		if c.Stage.Expedites() {
			ids = append(ids, c.App.ID)
		}
	}
	if len(ids) == 0 {
		return nil, nil, nil
	}
	contacts, err := s.LastContacts(ids)
	if err != nil {
		return nil, nil, err
	}
	var es []timeline.Entry
	var acts []*timeline.Action
	for _, c := range cands {
		if a := timeline.Expedite(c, contacts[c.App.ID], offers, today); a != nil {
			es, acts = append(es, c), append(acts, a)
		}
	}
	return es, acts, nil
}

// WithExpedite returns chase entries (as ChaseEntries reads them) with the
// expedite items applied: while an offer is open, each application still
// deciding that has not been told since it arrived gets an expedite action
// in place of its own next action (added when its own is not among entries).
func (s *Store) WithExpedite(entries []timeline.Entry) ([]timeline.Entry, error) {
	es, acts, err := s.expedites()
	if err != nil || len(es) == 0 {
		return entries, err
	}
	at := make(map[int64]int, len(entries))
	out := append([]timeline.Entry(nil), entries...)
	for i, e := range out {
		at[e.App.ID] = i
	}
	for k, e := range es {
		e.Next = acts[k]
		if i, ok := at[e.App.ID]; ok {
			out[i] = e
		} else {
			out = append(out, e)
		}
	}
	return out, nil
}

// expediteExtra is how many more items the chase count counts because of
// expedite items: those standing in for an own item the count leaves out
// (due later, or none). An expedite item is due on the day the offer
// arrived, so it is always counted.
func (s *Store) expediteExtra(today timeline.Date, days int) (int, error) {
	es, _, err := s.expedites()
	n := 0
	for _, e := range es {
		if countedItems(timeline.Chase([]timeline.Entry{e}, today, days)) == 0 {
			n++
		}
	}
	return n, err
}

// OfferElsewhere returns the open offer elsewhere that counts for
// application id on today, and whether it is still to be asked to hurry;
// ok is false when none applies (see timeline.OfferElsewhere).
func (s *Store) OfferElsewhere(e timeline.Entry) (o timeline.OpenOffer, pending, ok bool, err error) {
	if !e.Stage.Expedites() || e.App.Archived {
		return o, false, false, nil
	}
	offers, err := s.OpenOffers()
	if err != nil || len(offers) == 0 {
		return o, false, false, err
	}
	contacts, err := s.LastContacts([]int64{e.App.ID})
	if err != nil {
		return o, false, false, err
	}
	o, pending, ok = timeline.OfferElsewhere(e, contacts[e.App.ID], offers, s.today())
	return o, pending, ok, nil
}

// Offers returns the offers to compare on today: every open one, and those
// accepted or declined within timeline.OfferRecentDays, of applications not
// archived, each with its terms as they stand. It reads the kept summaries of
// those applications and only their offer, negotiate, accepted and declined
// events, through indexes.
func (s *Store) Offers() ([]timeline.OfferColumn, error) {
	today := s.today()
	since := today.AddDays(-timeline.OfferRecentDays)
	entries, err := s.queryEntries("SELECT "+entryColumns+` FROM applications WHERE archived = 0 AND id IN (
		SELECT id FROM applications INDEXED BY applications_stage WHERE archived = 0 AND stage = 'offer'
		UNION SELECT application_id FROM events INDEXED BY events_type_date
			WHERE type IN ('accepted', 'declined') AND date >= ?1 AND date <= ?2
		UNION `+strings.ReplaceAll(staleIDs, "?2", "?3")+`) ORDER BY id`, since.String(), today.String(), int64(today))
	if err != nil || len(entries) == 0 {
		return nil, err
	}
	ids := make([]int64, len(entries))
	for i, e := range entries {
		ids[i] = e.App.ID
	}
	set, err := s.Settings()
	if err != nil {
		return nil, err
	}
	rows, err := s.db.Query("SELECT application_id, " + eventColumns + ` FROM events
		WHERE application_id IN (` + idList(ids) + `) AND type IN ('offer', 'negotiate', 'accepted', 'declined')
		ORDER BY application_id, date, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	events := map[int64][]timeline.Event{}
	for rows.Next() {
		var appID int64
		e, err := scanEvent(rows, &appID)
		if err != nil {
			return nil, err
		}
		events[appID] = append(events[appID], e)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var out []timeline.OfferColumn
	for _, e := range entries {
		if c, ok := timeline.OfferFrom(e, events[e.App.ID], set, today); ok {
			out = append(out, c)
		}
	}
	return out, nil
}
