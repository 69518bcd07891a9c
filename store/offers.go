package store

import (
	"slices"
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
	return s.contactDates(query + " GROUP BY application_id")
}

// contactDates runs a query of application ids and dates, and returns the
// dates by application.
func (s *Store) contactDates(query string, args ...any) (map[int64]timeline.Date, error) {
	rows, err := s.db.Query(query, args...)
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
	es, err := s.chaseRows(nil, false, "applications", `id IN (SELECT id FROM applications INDEXED BY applications_stage
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
	return `archived = 0 AND stage IN (` + quoteList(expediteStages()) + `) AND (snoozed_until IS NULL OR snoozed_until <= ?1)
		AND id NOT IN (SELECT application_id FROM events INDEXED BY events_type_date WHERE type IN ('followup', 'heard') AND date >= ?2)`
}

// expediteFewWhere is expediteWhere for a few applications (of the table
// named a): the contact since the offer arrived is looked for in each one's
// own events, through the index of follow-ups and news.
func expediteFewWhere() string {
	return `archived = 0 AND stage IN (` + quoteList(expediteStages()) + `) AND (snoozed_until IS NULL OR snoozed_until <= ?1)
		AND NOT EXISTS (SELECT 1 FROM events INDEXED BY events_contact
			WHERE application_id = a.id AND type IN ('followup', 'heard') AND date >= ?2)`
}

// expediteStages returns timeline.ExpediteStages as the kept stage holds
// them.
func expediteStages() []string {
	stages := make([]string, len(timeline.ExpediteStages))
	for i, st := range timeline.ExpediteStages {
		stages[i] = string(st)
	}
	return stages
}

// actionKinds returns every next action's kind, as the kept next_kind holds it.
func actionKinds() []string {
	out := make([]string, len(timeline.ActionKinds))
	for i, k := range timeline.ActionKinds {
		out[i] = string(k)
	}
	return out
}

// expeditesDerived returns, for a day on which some kept summaries do not
// hold (they could not be saved), the applications that get an expedite item
// and the expedite action of each: the candidates are read with the
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
// in place of its own next action (added when its own is not among entries,
// without its URL). The entries given are not changed.
func (s *Store) WithExpedite(entries []timeline.Entry) ([]timeline.Entry, error) {
	return s.withExpedite(slices.Clone(entries), 0)
}

// withExpedite is WithExpedite changing entries in place. When dueBy is not
// zero, entries holds every application whose kept next action is due on or
// before it (ChaseEntries(dueBy)), so that only the candidates with none due
// by then are read beyond them: a few, where all of them are thousands.
//
// With the kept summaries holding on today, the rule is applied to the
// entries as they are, with the contacts logged since the offer arrived (the
// only ones that matter: it asks whether there is one); the candidates are
// read from the expedite index, which holds their kept stage, next action and
// snooze.
func (s *Store) withExpedite(entries []timeline.Entry, dueBy timeline.Date) ([]timeline.Entry, error) {
	today := s.today()
	stale, err := s.hasStale(today)
	if err != nil || stale {
		if err == nil {
			entries, err = s.withExpediteDerived(entries)
		}
		return entries, err
	}
	o, ok, err := s.countingOffer(today)
	if err != nil || !ok {
		return entries, err
	}
	told, err := s.contactsSince(o.Arrived)
	if err != nil {
		return nil, err
	}
	offers := []timeline.OpenOffer{o}
	for i := range entries {
		if a := timeline.Expedite(entries[i], told[entries[i].App.ID], offers, today); a != nil {
			entries[i].Next = a
		}
	}
	// The candidates beyond entries: all of them, or those with no next
	// action or one due after dueBy, each part a seek in the index (kind,
	// then due date).
	cands := "SELECT id FROM applications INDEXED BY applications_expedite WHERE " + expediteWhere()
	args := []any{int64(today), o.Arrived.String()}
	if !dueBy.IsZero() {
		cands = cands + " AND next_kind IS NULL AND next_due IS NULL UNION ALL " +
			cands + " AND next_kind IN (" + quoteList(actionKinds()) + ") AND next_due > ?3"
		args = append(args, int64(dueBy))
	}
	more, err := s.chaseRows(nil, false, "applications", "id IN ("+cands+")", args...)
	if err != nil || len(more) == 0 {
		return entries, err
	}
	if dueBy.IsZero() && len(entries) > 0 { // leave out those among entries
		among := make(map[int64]bool, len(entries))
		for _, e := range entries {
			among[e.App.ID] = true
		}
		more = slices.DeleteFunc(more, func(e timeline.Entry) bool { return among[e.App.ID] })
	}
	for _, e := range more {
		// Not told since the offer arrived (the index read's condition).
		if e.Next = timeline.Expedite(e, 0, offers, today); e.Next != nil {
			entries = append(entries, e)
		}
	}
	return entries, nil
}

// withExpediteDerived is withExpedite on a day on which some kept summaries
// do not hold: the expedite items are worked out from fresh derivations
// (see expeditesDerived) and put in place of the entries' own next actions,
// or added.
func (s *Store) withExpediteDerived(entries []timeline.Entry) ([]timeline.Entry, error) {
	es, acts, err := s.expeditesDerived()
	if err != nil || len(es) == 0 {
		return entries, err
	}
	at := make(map[int64]int, len(entries))
	for i, e := range entries {
		at[e.App.ID] = i
	}
	for k, e := range es {
		e.Next = acts[k]
		if i, ok := at[e.App.ID]; ok {
			entries[i] = e
		} else {
			entries = append(entries, e)
		}
	}
	return entries, nil
}

// contactsSince returns the date of the latest followup or heard event of
// each application that has one on or after day, through the events' (type,
// date) index.
func (s *Store) contactsSince(day timeline.Date) (map[int64]timeline.Date, error) {
	return s.contactDates(`SELECT application_id, max(date) FROM events INDEXED BY events_type_date
		WHERE type IN ('followup', 'heard') AND date >= ? GROUP BY application_id`, day.String())
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
		// Each part is a few rows: each is checked for a contact since the
		// offer arrived with one seek in the index of contacts, instead of
		// a set of every contact since then made for each part.
		sum := make([]string, len(parts))
		for i, p := range parts {
			sum[i] = "(SELECT count(*) FROM applications a INDEXED BY applications_expedite WHERE " + expediteFewWhere() + " AND " + p + ")"
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
