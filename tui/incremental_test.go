package tui

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/afterview/afterview/store"
	"github.com/afterview/afterview/timeline"
)

// What the dashboard reads, and that what it works out one change at a time
// equals what a full count gives.

// readsOf returns the reads fs recorded since the last call, and forgets
// them.
func readsOf(fs *fakeStore) []string {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	r := fs.reads
	fs.reads = nil
	return r
}

func TestFirstLoadLeavesArchivedRowsUnreadUntilTheClosedTab(t *testing.T) {
	fs := fixtureStore() // Wayne Logistics is archived
	m := testModel(t, fs, 100, 30)
	reads := readsOf(fs)
	if !slices.Contains(reads, "entries in [1, 13)") || slices.Contains(reads, "entries all=true") || slices.Contains(reads, "archived entries") {
		t.Fatalf("the first load read %v; want the applications not archived, and the archived ones only counted", reads)
	}
	if entryIndex(m, fs.idOf("Wayne Logistics")) >= 0 {
		t.Error("the archived application is held before any tab shows it")
	}
	all, _ := fs.Entries(true)
	closed := 0
	for i := range all {
		if groupOf(&all[i]) == groupClosed {
			closed++
		}
	}
	if n := tabLine(t, m, "Closed"); n != closed || closed != 3 {
		t.Errorf("before the Closed tab is opened it says Closed %d; the closed and archived applications are %d (want 3)", n, closed)
	}
	if got, want := m.dash.totals, countAll(fs); got != want {
		t.Errorf("counts before the archived rows are read\n got %+v\nwant %+v", got, want)
	}
	readsOf(fs)

	m = setTab(t, m, tabClosed)
	if reads := readsOf(fs); !slices.Equal(reads, []string{"archived entries"}) {
		t.Errorf("opening the Closed tab read %v, want the archived entries once", reads)
	}
	m = selectCompany(t, m, "Wayne Logistics")
	if v := m.View(); !strings.Contains(v, "[Closed 3]") || !strings.Contains(v, "Wayne Logistics") {
		t.Errorf("the Closed tab should show its 3 rows, Wayne Logistics among them:\n%s", v)
	}
	// Back and forth: read once.
	m = setTab(t, m, tabChase)
	m = setTab(t, m, tabClosed)
	if reads := readsOf(fs); len(reads) != 0 {
		t.Errorf("the Closed tab again read %v", reads)
	}
	if got, want := m.dash.totals, countAll(fs); got != want {
		t.Errorf("counts once the archived rows are held\n got %+v\nwant %+v", got, want)
	}
}

func TestFilterOnTheClosedTabFindsArchivedRows(t *testing.T) {
	fs := fixtureStore()
	m := testModel(t, fs, 100, 30)
	m = setTab(t, m, tabClosed)
	m, _ = press(t, m, "/")
	m = typeText(t, m, "wayne")
	if len(m.dash.rows) != 1 || m.dash.entries[m.dash.rows[0]].App.Company != "Wayne Logistics" {
		t.Errorf("the filter on Closed found %d rows:\n%s", len(m.dash.rows), m.View())
	}
}

func TestReloadReadsTheArchiveAgainOnceTheClosedTabNeededIt(t *testing.T) {
	fs := fixtureStore()
	m := testModel(t, fs, 100, 30)
	m = setTab(t, m, tabClosed)
	m = setTab(t, m, tabActive)
	readsOf(fs)
	// Another process archives Kojo Labs; the poll sees it.
	kojo := fs.idOf("Kojo Labs")
	fs.mu.Lock()
	a := fs.apps[kojo]
	a.Archived = true
	fs.apps[a.ID] = a
	fs.version++
	fs.mu.Unlock()
	m.data.loadSeq++
	m, _ = runCmds(t, m, loadCmd(fs, m.data.loadSeq))
	if reads := readsOf(fs); !slices.Contains(reads, "archived entries") {
		t.Errorf("the reload read %v; the Closed tab was opened, so the archived rows are read again", reads)
	}
	m = setTab(t, m, tabClosed)
	if n := tabLine(t, m, "Closed"); n != 4 || len(m.dash.rows) != 4 {
		t.Errorf("Closed %d with %d rows, want 4", n, len(m.dash.rows))
	}
}

func TestSaveReadsOneRowOnly(t *testing.T) {
	fs := fixtureStore()
	fs.expedites = true
	m := testModel(t, fs, 100, 30)
	m = setTab(t, m, tabChase)
	m = selectCompany(t, m, "Kojo Labs")
	readsOf(fs)
	id := fs.idOf("Kojo Labs")
	m, _ = press(t, m, "c")
	want := []string{fmt.Sprintf("entry %d", id), fmt.Sprintf("contact %d", id)}
	if reads := readsOf(fs); !slices.Equal(reads, want) {
		t.Errorf("a save read %v, want %v (one row each, never every application)", reads, want)
	}
	m, _ = press(t, m, "u")
	if reads := readsOf(fs); !slices.Equal(reads, want) {
		t.Errorf("an undo read %v, want %v", reads, want)
	}
	checkIncremental(t, m, fs, "after c and u")
}

// countAll is CountEntries of every application in fs, archived ones
// included, with the chase view afterview chase shows (NextDue aside: the
// dashboard does not show it).
func countAll(fs *fakeStore) Counts {
	all, _ := fs.Entries(true)
	c := CountEntries(all, chaseOf(fs), fs.today)
	c.NextDue = 0
	return c
}

// chaseOf is the chase view of fs as afterview chase lists it.
func chaseOf(fs *fakeStore) []timeline.ChaseItem {
	active, _ := fs.Entries(false)
	withExp, _ := fs.WithExpedite(active)
	return timeline.Chase(withExp, fs.today, fs.set.LookaheadDays)
}

// checkIncremental fails unless the dashboard's counts and chase view equal
// those worked out afresh from the store.
func checkIncremental(t *testing.T, m model, fs *fakeStore, what string) {
	t.Helper()
	defer readsOf(fs)
	if got, want := m.dash.totals, countAll(fs); got != want {
		t.Fatalf("%s: counts\n got %+v\nwant %+v", what, got, want)
	}
	want := chaseOf(fs)
	if len(want) != len(m.dash.chase) {
		t.Fatalf("%s: the chase view has %d items, want %d", what, len(m.dash.chase), len(want))
	}
	for k := range want {
		got := chaseItem(m, k)
		if got.App.ID != want[k].App.ID || got.Action != want[k].Action || got.Section != want[k].Section {
			t.Fatalf("%s: chase item %d is %s %s %s, want %s %s %s", what, k,
				got.App.Company, got.Action.Kind, got.Action.Due, want[k].App.Company, want[k].Action.Kind, want[k].Action.Due)
		}
	}
	if m.dash.sortedOK {
		for k := 1; k < len(m.dash.sorted); k++ {
			if a, b := m.dash.sortKeys[m.dash.sorted[k-1]], m.dash.sortKeys[m.dash.sorted[k]]; cmpKeys(a, b) >= 0 {
				t.Fatalf("%s: the sort order is broken at %d", what, k)
			}
		}
		if len(m.dash.sorted) != len(m.dash.entries) {
			t.Fatalf("%s: %d sorted, %d entries", what, len(m.dash.sorted), len(m.dash.entries))
		}
	}
	for tb := tab(0); tb < numTabs; tb++ {
		if tb == m.dash.tab && m.dash.filter.Value() == "" && (tb != tabClosed || m.dash.archivedHidden == 0) && len(m.dash.rows) != m.dash.tabCount(tb) {
			t.Fatalf("%s: the %s tab says %d and shows %d rows", what, tabNames[tb], m.dash.tabCount(tb), len(m.dash.rows))
		}
	}
}

// TestIncrementalCountsEqualCountEntries makes random saves (events logged
// and removed, offers arriving and answered, snoozes, archiving, adding,
// deleting, tab switches), each followed by the dashboard's one-row update,
// and checks after every one that the counts, the chase view and the sort
// equal what a full count and a fresh chase view give.
func TestIncrementalCountsEqualCountEntries(t *testing.T) {
	for seed := int64(1); seed <= 6; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			rng := rand.New(rand.NewSource(seed))
			fs := fixtureStore()
			fs.expedites = true
			m := testModel(t, fs, 100, 30)
			checkIncremental(t, m, fs, "first load")
			for step := 0; step < 120; step++ {
				var what string
				m, what = randomChange(t, rng, m, fs)
				checkIncremental(t, m, fs, fmt.Sprintf("step %d (%s)", step, what))
			}
		})
	}
}

// randomChange makes one random change through the commands the screens
// use, and feeds their messages to m.
func randomChange(t *testing.T, rng *rand.Rand, m model, fs *fakeStore) (model, string) {
	t.Helper()
	fs.mu.Lock()
	ids := fs.ids()
	fs.mu.Unlock()
	if len(ids) == 0 {
		m, _ = runCmds(t, m, addAppCmd(fs, timeline.Application{Company: "Fresh"}, []timeline.Event{tev(timeline.EventApplied, "2026-11-20", "")}, true))
		return m, "add"
	}
	id := ids[rng.Intn(len(ids))]
	day := testToday.AddDays(rng.Intn(20) - 12)
	log := func(e timeline.Event) (model, string) {
		m, _ := runCmds(t, m, logEventCmd(fs, id, "x", e, false))
		return m, fmt.Sprintf("log %s on %s for %d", e.Type, e.Date, id)
	}
	switch r := rng.Intn(16); r {
	case 0, 1:
		return log(timeline.Event{Type: timeline.EventFollowup, Date: testToday})
	case 2:
		e := timeline.Event{Type: timeline.EventHeard, Date: day}
		if rng.Intn(2) == 0 {
			e.By = day.AddDays(5)
		}
		return log(e)
	case 3, 4:
		return log(timeline.Event{Type: timeline.EventOffer, Date: day, Deadline: day.AddDays(rng.Intn(12))})
	case 5:
		return log(timeline.Event{Type: []timeline.EventType{timeline.EventAccepted, timeline.EventDeclined, timeline.EventRejected, timeline.EventHold}[rng.Intn(4)], Date: day})
	case 6, 7:
		return log(timeline.Event{Type: timeline.EventInterview, Date: testToday.AddDays(rng.Intn(10) - 6)})
	case 8:
		return log(timeline.Event{Type: timeline.EventSnooze, Date: testToday, Until: testToday.AddDays(1 + rng.Intn(5))})
	case 9:
		fs.mu.Lock()
		archived := fs.apps[id].Archived
		fs.mu.Unlock()
		m, _ = runCmds(t, m, archiveCmd(fs, id, "x", !archived))
		return m, fmt.Sprintf("archive %d %v", id, !archived)
	case 10:
		m, _ = runCmds(t, m, deleteAppCmd(fs, id, "x"))
		return m, fmt.Sprintf("delete %d", id)
	case 11:
		evs := []timeline.Event{tev(timeline.EventInterview, day.String(), "")}
		m, _ = runCmds(t, m, addAppCmd(fs, timeline.Application{Company: fmt.Sprintf("New %d", rng.Intn(1000)), Recruiter: "Pat"}, evs, true))
		return m, "add"
	case 12:
		fs.mu.Lock()
		evs := fs.events[id]
		fs.mu.Unlock()
		if len(evs) == 0 {
			return m, "nothing"
		}
		m, _ = runCmds(t, m, deleteEventCmd(fs, evs[rng.Intn(len(evs))].ID, ""))
		return m, fmt.Sprintf("unlog from %d", id)
	case 13:
		m = setTab(t, m, tab(rng.Intn(int(numTabs))))
		return m, "tab " + tabNames[m.dash.tab]
	case 14:
		m, _ = press(t, m, "s")
		return m, "sort"
	}
	m, _ = runCmds(t, m, updateAppCmd(fs, id, "x", storeChangesCompany(fmt.Sprintf("Renamed %d", rng.Intn(1000)))))
	return m, fmt.Sprintf("rename %d", id)
}

// storeChangesCompany is the change of an application's company name.
func storeChangesCompany(name string) store.AppChanges { return store.AppChanges{Company: &name} }

func TestClosedTabSaysItIsReadingTheArchive(t *testing.T) {
	// Every application archived: nothing is held after the first load, and
	// the Closed tab says it is reading them until they arrive.
	fs := newFakeStore()
	fs.add(timeline.Application{Company: "Old Co", Archived: true}, tev(timeline.EventInterview, "2026-01-10", ""), tev(timeline.EventRejected, "2026-01-20", ""))
	m := testModel(t, fs, 100, 30)
	if v := m.View(); strings.Contains(v, "No applications yet") || !strings.Contains(v, "Closed 1") {
		t.Errorf("with one archived application the dashboard says:\n%s", v)
	}
	m.dash.tab = tabClosed
	m.dash.refilter()
	if v := m.dash.View(); !strings.Contains(v, "Reading the archived applications…") {
		t.Errorf("the Closed tab before its rows arrive:\n%s", v)
	}
	m = setTab(t, m, tabActive)
	m = setTab(t, m, tabClosed)
	if v := m.View(); !strings.Contains(v, "Old Co") {
		t.Errorf("the Closed tab once read:\n%s", v)
	}
}

func TestLoadInPartsReadsEveryApplicationOnce(t *testing.T) {
	fs := bigStore(3000) // ids 1…3000, one in fifty archived
	msg := loadCmd(fs, 1)().(loadedMsg)
	reads := readsOf(fs)
	parts := 0
	for _, r := range reads {
		if strings.HasPrefix(r, "entries in ") {
			parts++
		}
	}
	want, _ := fs.Entries(false)
	if parts < 2 && runtimeCPUs() > 1 {
		t.Errorf("the load read %v: want the applications in parts", reads)
	}
	if msg.err != nil || len(msg.entries) != len(want) || msg.archived != 60 {
		t.Fatalf("the load read %d entries (want %d) and counted %d archived (want 60): %v", len(msg.entries), len(want), msg.archived, msg.err)
	}
	for i := range want {
		if msg.entries[i].App.ID != want[i].App.ID {
			t.Fatalf("entry %d is application %d, want %d", i, msg.entries[i].App.ID, want[i].App.ID)
		}
	}
}

// TestLoadInPartsWithIDsFarApart checks the load's one array when the ids
// span more than it makes room for at once: the parts that fit are written
// in place, the others where they fit, and every entry arrives once, whole
// and in id order.
func TestLoadInPartsWithIDsFarApart(t *testing.T) {
	fs := bigStore(3000)
	// Move the second half of the ids far away (past maxRoom).
	for id := int64(1501); id <= 3000; id++ {
		app, evs := fs.apps[id], fs.events[id]
		delete(fs.apps, id)
		delete(fs.events, id)
		app.ID = id + 3*maxRoom
		fs.apps[app.ID] = app
		fs.events[app.ID] = evs
	}
	for i := range fs.cached {
		if fs.cached[i].App.ID > 1500 {
			fs.cached[i].App.ID += 3 * maxRoom
		}
	}
	want, _ := fs.Entries(false)
	msg := loadCmd(fs, 1)().(loadedMsg)
	if msg.err != nil || len(msg.entries) != len(want) {
		t.Fatalf("the load read %d entries, want %d: %v", len(msg.entries), len(want), msg.err)
	}
	for i := range want {
		got, w := msg.entries[i], want[i]
		if got.App != w.App || got.Stage != w.Stage || (got.Next == nil) != (w.Next == nil) || got.Next != nil && *got.Next != *w.Next {
			t.Fatalf("entry %d is %+v, want %+v", i, got.App, w.App)
		}
	}
}
