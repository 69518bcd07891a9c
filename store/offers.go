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
	query := `SELECT application_id, max(date) FROM events INDEXED BY events_contact
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
// none, after one indexed read, when no offer is open. The entries already
// read (at: index by id) are used as they are instead of being read again.
func (s *Store) expedites(entries []timeline.Entry, at map[int64]int) ([]timeline.Entry, []*timeline.Action, error) {
	today := s.today()
	stale, err := s.hasStale(today)
	if err != nil {
		return nil, nil, err
	}
	if stale {
		return s.expeditesDerived()
	}
	o, ok, err := s.countingOffer(today)
	if err != nil || !ok {
		return nil, nil, err
	}
	ids, err := s.expediteIDs(o, today)
	if err != nil || len(ids) == 0 {
		return nil, nil, err
	}
	var missing []int64
	for _, id := range ids {
		if _, ok := at[id]; !ok {
			missing = append(missing, id)
		}
	}
	read := map[int64]timeline.Entry{}
	if len(missing) > 0 {
		es, err := s.chaseRows("applications", "id IN ("+idList(missing)+")")
		if err != nil {
			return nil, nil, err
		}
		for _, e := range es {
			read[e.App.ID] = e
		}
	}
	offers := []timeline.OpenOffer{o}
	es := make([]timeline.Entry, 0, len(ids))
	acts := make([]*timeline.Action, 0, len(ids))
	for _, id := range ids {
		var e timeline.Entry
		if i, ok := at[id]; ok {
			e = entries[i]
		} else {
			e = read[id]
		}
		// No followup or heard since the offer arrived (the query's last
		// condition): the latest contact, if any, is before it.
		if a := timeline.Expedite(e, 0, offers, today); a != nil {
			es, acts = append(es, e), append(acts, a)
		}
	}
	return es, acts, nil
}

// hasStale reports whether any application (not archived) has a kept
// summary that does not hold on today: then its kept stage may be out of
// date, and the expedite items are worked out from fresh derivations.
// A staleEntries that has just found none answers once, for the same day.
func (s *Store) hasStale(today timeline.Date) (bool, error) {
	if s.noStaleOn.Swap(0) == int64(today) {
		return false, nil
	}
	var n int
	err := s.db.QueryRow("SELECT EXISTS ("+strings.ReplaceAll(staleIDs, "?2", "?1")+")", int64(today)).Scan(&n)
	return n != 0, err
}

// countingOffer returns the open offer that counts for the expedite items on
// today (the earliest deadline; see timeline.CountingOffer), reading only the
// open offers with the earliest deadline through the kept stage's index. The
// kept summaries must hold on today.
func (s *Store) countingOffer(today timeline.Date) (timeline.OpenOffer, bool, error) {
	es, err := s.chaseRows("applications", `id IN (SELECT id FROM applications INDEXED BY applications_stage
		WHERE archived = 0 AND stage = 'offer' AND next_due = (SELECT min(next_due) FROM applications INDEXED BY applications_stage
			WHERE archived = 0 AND stage = 'offer' AND next_kind = 'offer' AND next_due >= ?))`, int64(today))
	if err != nil {
		return timeline.OpenOffer{}, false, err
	}
	o, ok := timeline.CountingOffer(timeline.OpenOffers(es, today), 0)
	if !ok || o.Deadline < today || o.Arrived > today {
		return timeline.OpenOffer{}, false, nil
	}
	return o, true, nil
}

// expediteWhere selects, from the expedite index, the applications at a
// stage where a decision is still to come, not snoozed on today (?1) and not
// told since offer o arrived (?2): those that get an expedite item.
func expediteWhere() string {
	stages := make([]string, len(timeline.ExpediteStages))
	for i, st := range timeline.ExpediteStages {
		stages[i] = string(st)
	}
	return `archived = 0 AND stage IN (` + quoteList(stages) + `) AND (snoozed_until IS NULL OR snoozed_until <= ?1)
		AND id NOT IN (SELECT application_id FROM events INDEXED BY events_type_date WHERE type IN ('followup', 'heard') AND date >= ?2)`
}

// actionKinds returns every next action's kind, as the kept next_kind holds it.
func actionKinds() []string {
	out := make([]string, len(timeline.ActionKinds))
	for i, k := range timeline.ActionKinds {
		out[i] = string(k)
	}
	return out
}

// expediteIDs returns the ids of the applications that get an expedite item
// from offer o on today, in id order; the kept summaries must hold on today.
func (s *Store) expediteIDs(o timeline.OpenOffer, today timeline.Date) ([]int64, error) {
	rows, err := s.db.Query("SELECT id FROM applications INDEXED BY applications_expedite WHERE "+expediteWhere()+" ORDER BY id",
		int64(today), o.Arrived.String())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// expeditesDerived is expedites for a day on which some kept summaries do
// not hold (they could not be saved): the candidates are read with the
// applications whose summary ran out, derived afresh, and each one's latest
// contact is read from the events.
func (s *Store) expeditesDerived() ([]timeline.Entry, []*timeline.Action, error) {
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
	at := make(map[int64]int, len(entries))
	for i, e := range entries {
		at[e.App.ID] = i
	}
	es, acts, err := s.expedites(entries, at)
	if err != nil || len(es) == 0 {
		return entries, err
	}
	out := append([]timeline.Entry(nil), entries...)
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
// (due after limit, a kind left out once past, or none). An expedite item is
// due on the day the offer arrived, so it is always counted. Counted from
// the expedite index when the kept summaries hold on today.
func (s *Store) expediteExtra(today timeline.Date, days int) (int, error) {
	stale, err := s.hasStale(today)
	if err != nil {
		return 0, err
	}
	if !stale {
		o, ok, err := s.countingOffer(today)
		if err != nil || !ok {
			return 0, err
		}
		// The applications whose own item the count leaves out, in three
		// disjoint parts, each a seek in the index (kind, then due date):
		// no next action (the kept due date and kind are written together),
		// due after the lookahead, or of a kind left out once past.
		parts := []string{"next_kind IS NULL AND next_due IS NULL",
			"next_kind IN (" + quoteList(actionKinds()) + ") AND next_due > ?3"}
		if kinds := uncountedWhenPast(today); len(kinds) > 0 {
			parts = append(parts, "next_kind IN ("+quoteList(kinds)+") AND next_due < ?1")
		}
		sum := make([]string, len(parts))
		for i, p := range parts {
			sum[i] = "(SELECT count(*) FROM applications INDEXED BY applications_expedite WHERE " + expediteWhere() + " AND " + p + ")"
		}
		var n int
		err = s.db.QueryRow("SELECT "+strings.Join(sum, " + "), int64(today), o.Arrived.String(), int64(today.AddDays(days))).Scan(&n)
		return n, err
	}
	es, _, err := s.expeditesDerived()
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
	entries, err := s.queryEntries("SELECT "+entryColumns+` FROM applications NOT INDEXED WHERE archived = 0 AND id IN (
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
	// By application, from the index that holds only these types of event,
	// in the order they are wanted (the planner would rather read every
	// offer event of the file through the type index and sort them).
	rows, err := s.db.Query("SELECT application_id, " + eventColumns + ` FROM events INDEXED BY events_offer_terms
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
