package tui

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/afterview/afterview/store"
	"github.com/afterview/afterview/timeline"
)

// The real store must satisfy the TUI's interface.
var _ Store = (*store.Store)(nil)

// testToday is the fixed day of every test: a Thursday.
var testToday = timeline.MustDate("2026-11-26")

// fakeStore is an in-memory Store for tests. It derives with timeline.Derive
// at a fixed today, bumps the data version on every write (as another
// connection's commit would), records the writes, and can be told to fail.
type fakeStore struct {
	mu       sync.Mutex
	today    timeline.Date
	set      timeline.Settings
	apps     map[int64]timeline.Application
	events   map[int64][]timeline.Event
	nextApp  int64
	nextEv   int64
	version  int64
	fail     error    // when set, every write fails with it
	failRead error    // when set, Entries fails with it
	writes   []string // one line per write, for assertions
	reads    []string // one line per read of applications or events, for assertions
	changes  []store.AppChanges

	// expedites turns on the expedite rule in WithExpedite.
	expedites bool

	// cached, when set, is returned by Entries instead of deriving (bench).
	cached []timeline.Entry
}

func newFakeStore() *fakeStore {
	return &fakeStore{today: testToday, set: timeline.DefaultSettings(),
		apps: map[int64]timeline.Application{}, events: map[int64][]timeline.Event{}, version: 1}
}

// add adds an application with events directly (fixtures, "another process").
func (f *fakeStore) add(app timeline.Application, evs ...timeline.Event) int64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.addLocked(app, evs...)
}

func (f *fakeStore) addLocked(app timeline.Application, evs ...timeline.Event) int64 {
	f.nextApp++
	app.ID = f.nextApp
	f.apps[app.ID] = app
	for _, e := range evs {
		f.nextEv++
		e.ID = f.nextEv
		f.events[app.ID] = append(f.events[app.ID], e)
	}
	f.version++
	return app.ID
}

func (f *fakeStore) ids() []int64 {
	var ids []int64
	for id := range f.apps {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids
}

func (f *fakeStore) derive(id int64) timeline.Derived {
	return timeline.Derive(f.apps[id], f.events[id], f.set, f.today)
}

func (f *fakeStore) notFound(id int64) error {
	return fmt.Errorf("no application with id %d: %w", id, store.ErrNotFound)
}

func (f *fakeStore) Settings() (timeline.Settings, error) { return f.set, nil }

func (f *fakeStore) Entries(all bool) ([]timeline.Entry, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reads = append(f.reads, fmt.Sprintf("entries all=%v", all))
	return f.entriesLocked(func(a timeline.Application) bool { return all || !a.Archived })
}

// entriesLocked returns the entries of the applications keep keeps, by id.
func (f *fakeStore) entriesLocked(keep func(timeline.Application) bool) ([]timeline.Entry, error) {
	if f.failRead != nil {
		return nil, f.failRead
	}
	var out []timeline.Entry
	if f.cached != nil {
		out = make([]timeline.Entry, 0, len(f.cached))
		for _, e := range f.cached {
			if keep(e.App) {
				out = append(out, e)
			}
		}
		return out, nil
	}
	for _, id := range f.ids() {
		if keep(f.apps[id]) {
			out = append(out, f.derive(id).Entry)
		}
	}
	return out, nil
}

func (f *fakeStore) Parts(n int) ([]int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var ids []int64
	for _, id := range f.ids() {
		if !f.apps[id].Archived {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return []int64{0, 0}, nil
	}
	n = max(1, min(n, len(ids)/1000))
	bounds := []int64{ids[0]}
	for k := 1; k < n; k++ {
		bounds = append(bounds, ids[len(ids)*k/n])
	}
	return append(bounds, ids[len(ids)-1]+1), nil
}

func (f *fakeStore) EntriesIn(lo, hi int64, into []timeline.Entry) ([]timeline.Entry, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reads = append(f.reads, fmt.Sprintf("entries in [%d, %d)", lo, hi))
	es, err := f.entriesLocked(func(a timeline.Application) bool { return !a.Archived && a.ID >= lo && a.ID < hi })
	return append(into, es...), err
}

func (f *fakeStore) ArchivedCount() (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reads = append(f.reads, "archived count")
	es, err := f.entriesLocked(func(a timeline.Application) bool { return a.Archived })
	return len(es), err
}

func (f *fakeStore) ArchivedEntries() ([]timeline.Entry, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reads = append(f.reads, "archived entries")
	return f.entriesLocked(func(a timeline.Application) bool { return a.Archived })
}

// LastContacts returns each application's latest followup or heard, as the
// store does. Unless expedites is set, every application reads as told
// after any offer (a far date), so the expedite rule gives no item and the
// other tests keep the fixture's chase view to the applications' own
// actions.
func (f *fakeStore) LastContacts(ids []int64) (map[int64]timeline.Date, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if ids == nil {
		f.reads = append(f.reads, "contacts all")
		ids = f.ids()
	} else {
		f.reads = append(f.reads, fmt.Sprintf("contacts %v", ids))
	}
	out := map[int64]timeline.Date{}
	for _, id := range ids {
		if d := f.lastContactLocked(id); !d.IsZero() {
			out[id] = d
		}
	}
	return out, nil
}

func (f *fakeStore) LastContact(id int64) (timeline.Date, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reads = append(f.reads, fmt.Sprintf("contact %d", id))
	return f.lastContactLocked(id), nil
}

// farDay is the contact date that keeps every expedite item away.
const farDay = timeline.Date(1 << 30)

func (f *fakeStore) lastContactLocked(id int64) timeline.Date {
	if !f.expedites {
		return farDay
	}
	var d timeline.Date
	for _, e := range f.events[id] {
		if (e.Type == timeline.EventFollowup || e.Type == timeline.EventHeard) && e.Date > d {
			d = e.Date
		}
	}
	return d
}

func (f *fakeStore) Entry(id int64) (timeline.Entry, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reads = append(f.reads, fmt.Sprintf("entry %d", id))
	if f.cached != nil {
		for _, e := range f.cached {
			if e.App.ID == id {
				return e, nil
			}
		}
	}
	if _, ok := f.apps[id]; !ok {
		return timeline.Entry{}, f.notFound(id)
	}
	return f.derive(id).Entry, nil
}

func (f *fakeStore) Derive(id int64) (timeline.Derived, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.apps[id]; !ok {
		return timeline.Derived{}, f.notFound(id)
	}
	return f.derive(id), nil
}

func (f *fakeStore) write(line string) error {
	if f.fail != nil {
		return f.fail
	}
	f.writes = append(f.writes, line)
	f.version++
	return nil
}

func (f *fakeStore) AddApplication(app timeline.Application, evs ...timeline.Event) (int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := app.Validate(); err != nil {
		return 0, err
	}
	if err := f.write("add " + app.Company); err != nil {
		return 0, err
	}
	return f.addLocked(app, evs...), nil
}

func (f *fakeStore) UpdateApplication(id int64, ch store.AppChanges) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	a, ok := f.apps[id]
	if !ok {
		return f.notFound(id)
	}
	if err := f.write(fmt.Sprintf("update %d", id)); err != nil {
		return err
	}
	f.changes = append(f.changes, ch)
	for _, p := range []struct {
		src *string
		dst *string
	}{{ch.Company, &a.Company}, {ch.Role, &a.Role}, {ch.Recruiter, &a.Recruiter}, {ch.Contact, &a.Contact}, {ch.URL, &a.URL}, {ch.Notes, &a.Notes}} {
		if p.src != nil {
			*p.dst = *p.src
		}
	}
	f.apps[id] = a
	return nil
}

func (f *fakeStore) SetArchived(id int64, archived bool) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	a, ok := f.apps[id]
	if !ok {
		return f.notFound(id)
	}
	if err := f.write(fmt.Sprintf("archive %d %v", id, archived)); err != nil {
		return err
	}
	a.Archived = archived
	f.apps[id] = a
	return nil
}

func (f *fakeStore) DeleteApplication(id int64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.apps[id]; !ok {
		return f.notFound(id)
	}
	if err := f.write(fmt.Sprintf("delete %d", id)); err != nil {
		return err
	}
	delete(f.apps, id)
	delete(f.events, id)
	return nil
}

func (f *fakeStore) LogEvent(appID int64, e timeline.Event) (int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.apps[appID]; !ok {
		return 0, f.notFound(appID)
	}
	if err := e.Validate(); err != nil {
		return 0, err
	}
	if err := f.write(fmt.Sprintf("log %d %s %s", appID, e.Type, e.Date)); err != nil {
		return 0, err
	}
	f.nextEv++
	e.ID = f.nextEv
	f.events[appID] = append(f.events[appID], e)
	return e.ID, nil
}

func (f *fakeStore) DeleteEvent(eventID int64) (timeline.Event, int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for appID, evs := range f.events {
		for i, e := range evs {
			if e.ID == eventID {
				if err := f.write(fmt.Sprintf("unlog %d", eventID)); err != nil {
					return timeline.Event{}, 0, err
				}
				f.events[appID] = append(evs[:i:i], evs[i+1:]...)
				return e, appID, nil
			}
		}
	}
	return timeline.Event{}, 0, errors.New("no such event")
}

func (f *fakeStore) DataVersion() (int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.version, nil
}

// tev builds an event for fixtures.
func tev(t timeline.EventType, date, note string) timeline.Event {
	return timeline.Event{Type: t, Date: timeline.MustDate(date), Note: note}
}

// fixtureStore holds a small search in every interesting state on testToday:
// overdue follow-ups, a check-in, checks, news and follow-ups waiting, an
// offer, a rejection, a scheduled interview, a snooze, closed and archived.
func fixtureStore() *fakeStore {
	f := newFakeStore()
	app := func(company, role, recruiter, contact string) timeline.Application {
		return timeline.Application{Company: company, Role: role, Recruiter: recruiter, Contact: contact}
	}
	heard := tev(timeline.EventHeard, "2026-11-23", "still collecting feedback")
	heard.By = timeline.MustDate("2026-11-26")
	offer := tev(timeline.EventOffer, "2026-11-23", "verbal, letter to follow")
	offer.Deadline, offer.Base, offer.Bonus, offer.Equity, offer.Currency = timeline.MustDate("2026-11-30"), 180000, 20000, 50000, "USD"
	snooze := tev(timeline.EventSnooze, "2026-11-25", "recruiter on vacation")
	snooze.Until = timeline.MustDate("2026-12-01")
	acme := app("Acme Robotics", "Software Engineer II", "Pat Lee", "pat@acme.example")
	acme.URL, acme.Notes = "https://acme.example/jobs/42", "Referred by Dana."
	f.add(acme, tev(timeline.EventInterview, "2026-10-28", "phone screen"), tev(timeline.EventInterview, "2026-11-10", "onsite loop with bar raiser"))
	f.add(app("Kojo Labs", "Staff Engineer", "Sam Rivera", "+1 555 0100"), tev(timeline.EventInterview, "2026-11-24", "final round"))
	f.add(app("Globex", "Platform Engineer", "Jordan Kim", "jordan@globex.example"), tev(timeline.EventInterview, "2026-11-16", "onsite"), heard)
	f.add(app("Initech", "Data Engineer", "Alex Chen", "alex@initech.example"), tev(timeline.EventInterview, "2026-11-12", "virtual onsite"), offer)
	f.add(app("Hooli", "ML Engineer", "Priya Natarajan", "priya@hooli.example"), tev(timeline.EventInterview, "2026-09-20", ""), tev(timeline.EventRejected, "2026-10-01", "wanted more ML depth"))
	f.add(app("Umbrella Health", "SRE", "Tom O'Brien", "tom@umbrella.example"), tev(timeline.EventInterview, "2026-10-05", ""), tev(timeline.EventHold, "2026-10-20", "headcount freeze"))
	f.add(app("Pied Piper", "Product Engineer", "", ""), tev(timeline.EventInterview, "2026-12-03", "onsite booked"))
	f.add(app("Stark Analytics", "Staff Engineer", "Yuki Tanaka", ""), tev(timeline.EventInterview, "2026-08-01", ""), tev(timeline.EventOffer, "2026-08-10", ""), tev(timeline.EventAccepted, "2026-08-12", ""), tev(timeline.EventStart, "2026-09-14", ""))
	wayne := app("Wayne Logistics", "Backend Engineer", "", "")
	wayne.Archived = true
	f.add(wayne, tev(timeline.EventInterview, "2026-10-01", ""), tev(timeline.EventWithdrawn, "2026-10-10", "took another path"))
	f.add(app("Tyrell Systems", "Engineering Manager", "Chris Okafor", "chris@tyrell.example"), tev(timeline.EventInterview, "2026-11-02", ""), tev(timeline.EventFollowup, "2026-11-19", "emailed Chris"))
	f.add(app("Cyberdyne", "Platform Engineer", "Maria García", "maria@cyberdyne.example"), tev(timeline.EventInterview, "2026-10-20", ""), tev(timeline.EventOffer, "2026-10-28", ""), tev(timeline.EventAccepted, "2026-11-02", ""), tev(timeline.EventChecks, "2026-11-05", "references sent"))
	f.add(app("Massive Dynamic", "SRE", "Nina Sharp", "nina@massive.example"), tev(timeline.EventInterview, "2026-11-05", ""), snooze)
	f.writes = nil
	return f
}

// idOf returns the id of the fixture application named company.
func (f *fakeStore) idOf(company string) int64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	for id, a := range f.apps {
		if a.Company == company {
			return id
		}
	}
	panic("no fixture " + company)
}

func (f *fakeStore) Histories() ([]timeline.AppHistory, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []timeline.AppHistory
	for _, id := range f.ids() {
		out = append(out, timeline.AppHistory{App: f.apps[id], Events: timeline.SortEvents(f.events[id])})
	}
	return out, nil
}

func (f *fakeStore) SetSetting(key, value string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	set := f.set
	if err := set.Set(key, value); err != nil {
		return err
	}
	if err := set.Validate(); err != nil {
		return err
	}
	if err := f.write("config " + key + " " + value); err != nil {
		return err
	}
	f.set = set
	return nil
}

// SameAs is the store's rule, simplified: the same company and role
// (ignoring case and surrounding spaces), unless both have interviews and
// none on the same day.
func (f *fakeStore) SameAs(app timeline.Application, evs []timeline.Event) (int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	norm := func(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
	days := func(evs []timeline.Event) map[timeline.Date]bool {
		m := map[timeline.Date]bool{}
		for _, e := range evs {
			if e.Type == timeline.EventInterview {
				m[e.Date] = true
			}
		}
		return m
	}
	mine := days(evs)
	for _, id := range f.ids() {
		a := f.apps[id]
		if norm(a.Company) != norm(app.Company) || norm(a.Role) != norm(app.Role) {
			continue
		}
		theirs := days(f.events[id])
		if len(mine) == 0 || len(theirs) == 0 {
			return id, nil
		}
		for d := range mine {
			if theirs[d] {
				return id, nil
			}
		}
	}
	return 0, nil
}

// WithExpedite applies the expedite rule as the store does, from a fresh
// derivation of every application, when the test asks for it (expedites):
// the other tests keep the fixture's chase view to the applications' own
// actions.
func (f *fakeStore) WithExpedite(entries []timeline.Entry) ([]timeline.Entry, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.cached != nil || !f.expedites {
		return entries, nil
	}
	var all []timeline.Entry
	last := map[int64]timeline.Date{}
	for _, id := range f.ids() {
		if f.apps[id].Archived {
			continue
		}
		all = append(all, f.derive(id).Entry)
		var d timeline.Date
		for _, e := range f.events[id] {
			if (e.Type == timeline.EventFollowup || e.Type == timeline.EventHeard) && e.Date > d {
				d = e.Date
			}
		}
		last[id] = d
	}
	exp := timeline.ApplyExpedite(all, last, timeline.OpenOffers(all, f.today), f.today)
	out := append([]timeline.Entry(nil), entries...)
	at := map[int64]int{}
	for i, e := range out {
		at[e.App.ID] = i
	}
	for k := range exp {
		if exp[k].Next == all[k].Next {
			continue
		}
		if i, ok := at[exp[k].App.ID]; ok {
			out[i] = exp[k]
		} else {
			out = append(out, exp[k])
		}
	}
	return out, nil
}

// Offers compares the offers as the store does, from a fresh derivation of
// every application.
func (f *fakeStore) Offers() ([]timeline.OfferColumn, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var cols []timeline.OfferColumn
	for _, id := range f.ids() {
		if c, ok := timeline.OfferOf(f.derive(id), f.today); ok {
			cols = append(cols, c)
		}
	}
	return cols, nil
}
