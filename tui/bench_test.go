package tui

import (
	"fmt"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/afterview/afterview/store"
	"github.com/afterview/afterview/timeline"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// Benchmarks at 10,000 applications (the budgets: a keystroke's Update+View
// ≤ 1 ms, open to first frame ≤ 60 ms, a saved change ≤ 10 ms, memory ≤ 60
// MB), and a saved change at 100,000 (≤ 10 ms: one row re-read, the rest
// updated in place). Run: go test ./tui -run '^$' -bench . -benchmem

const benchN = 10000

// bigStore returns a fake store holding n synthetic applications in every
// stage, derived once with timeline.Derive and served from memory.
func bigStore(n int) *fakeStore {
	fs := newFakeStore()
	set := fs.set
	roles := []string{"Software Engineer II", "Staff Engineer", "SRE", "Data Engineer", "Platform Engineer"}
	for i := 0; i < n; i++ {
		back := i % 120
		iv := testToday.AddDays(-back)
		evs := []timeline.Event{{ID: int64(5*i + 1), Type: timeline.EventInterview, Date: iv.AddDays(-14), Note: "screen"},
			{ID: int64(5*i + 2), Type: timeline.EventInterview, Date: iv, Note: "onsite loop"}}
		switch i % 7 {
		case 1:
			evs = append(evs, timeline.Event{ID: int64(5*i + 3), Type: timeline.EventHeard, Date: iv.AddDays(3), By: iv.AddDays(9)})
		case 2:
			evs = append(evs, timeline.Event{ID: int64(5*i + 3), Type: timeline.EventHold, Date: iv.AddDays(5)})
		case 3:
			evs = append(evs, timeline.Event{ID: int64(5*i + 3), Type: timeline.EventOffer, Date: iv.AddDays(6), Base: 150000, Currency: "USD"})
		case 4:
			evs = append(evs, timeline.Event{ID: int64(5*i + 3), Type: timeline.EventRejected, Date: iv.AddDays(4)})
		case 5:
			evs = append(evs, timeline.Event{ID: int64(5*i + 3), Type: timeline.EventFollowup, Date: iv.AddDays(10)})
		}
		app := timeline.Application{ID: int64(i + 1), Company: fmt.Sprintf("Company %05d", (i*7919)%n), Role: roles[i%len(roles)],
			Recruiter: "Pat Lee", Contact: "pat@example.com", Archived: i%50 == 49}
		fs.apps[app.ID] = app
		fs.events[app.ID] = evs
		fs.cached = append(fs.cached, timeline.Derive(app, evs, set, testToday).Entry)
	}
	fs.nextApp, fs.nextEv = int64(n), int64(5*n)
	return fs
}

// loadedBig returns a model showing bigStore(benchN) at 120×40 on tab t.
func loadedBig(b *testing.B, fs *fakeStore, t tab) model {
	m := testModel(b, fs, 120, 40)
	m.dash.setTab(t)
	return m
}

func update(m model, msg tea.Msg) model {
	tm, _ := m.Update(msg)
	return tm.(model)
}

func BenchmarkKeystroke(b *testing.B) {
	m := loadedBig(b, bigStore(benchN), tabActive)
	down, up := keyMsg("j"), keyMsg("k")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := down
		if i%2 == 1 {
			k = up
		}
		m = update(m, k)
		_ = m.View()
	}
}

// BenchmarkChaseKeystroke moves the cursor in the middle of the Chase tab,
// whose section headings are drawn between the rows.
func BenchmarkChaseKeystroke(b *testing.B) {
	m := loadedBig(b, bigStore(benchN), tabChase)
	if len(m.dash.heads) < 2 {
		b.Fatalf("the Chase tab has %d rows in %d sections; want several sections", len(m.dash.rows), len(m.dash.heads))
	}
	m.dash.setCursor(m.dash.heads[1].row) // the first row of the second section
	down, up := keyMsg("j"), keyMsg("k")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := up
		if i%2 == 1 {
			k = down
		}
		m = update(m, k)
		_ = m.View()
	}
}

func BenchmarkPageDown(b *testing.B) {
	m := loadedBig(b, bigStore(benchN), tabActive)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := keyMsg("pgdown")
		if i%100 == 99 {
			k = keyMsg("g")
		}
		m = update(m, k)
		_ = m.View()
	}
}

func BenchmarkTabSwitch(b *testing.B) {
	m := loadedBig(b, bigStore(benchN), tabActive)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m = update(m, keyMsg("tab"))
		_ = m.View()
	}
}

func BenchmarkFilterKeystroke(b *testing.B) {
	m := loadedBig(b, bigStore(benchN), tabActive)
	m = update(m, keyMsg("/"))
	m = update(m, keyMsg("1"))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := keyMsg("2")
		if i%2 == 1 {
			k = keyMsg("backspace")
		}
		m = update(m, k)
		_ = m.View()
	}
}

func BenchmarkFirstFrame(b *testing.B) {
	fs := bigStore(benchN)
	r := lipgloss.DefaultRenderer()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m := newModel(fs, Options{Today: func() timeline.Date { return testToday }, FixedToday: true}, r)
		m = update(m, tea.WindowSizeMsg{Width: 120, Height: 40})
		_ = m.View() // the chrome, before the data
		m = update(m, loadCmd(fs, m.data.loadSeq)())
		_ = m.View()
	}
}

func BenchmarkSavedChange(b *testing.B) {
	fs := bigStore(benchN)
	m := loadedBig(b, fs, tabChase)
	id := m.dash.entries[m.dash.rows[0]].App.ID
	e := timeline.Event{Type: timeline.EventFollowup, Date: testToday}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		// The write's result message, the refresh of that one row, the frame.
		m = update(m, eventLoggedMsg{appID: id, eventID: 1, company: "x", event: e})
		m = update(m, entryCmd(fs, id, false)())
		_ = m.View()
	}
}

// BenchmarkSavedChangeLarge is BenchmarkSavedChange at 100,000
// applications, with the expedite rule on (the open offers give most
// processes still deciding an expedite item, as in a search never tidied up).
func BenchmarkSavedChangeLarge(b *testing.B) {
	fs := bigStore(10 * benchN)
	fs.expedites = true
	m := loadedBig(b, fs, tabChase)
	if len(m.dash.x.items) == 0 {
		b.Fatal("no expedite item: the benchmark would not measure them")
	}
	id := m.dash.entries[m.dash.rows[0]].App.ID
	e := timeline.Event{Type: timeline.EventFollowup, Date: testToday}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m = update(m, eventLoggedMsg{appID: id, eventID: 1, company: "x", event: e})
		m = update(m, entryCmd(fs, id, false)())
		_ = m.View()
	}
}

func BenchmarkFullReload(b *testing.B) {
	fs := bigStore(benchN)
	m := loadedBig(b, fs, tabActive)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.data.loadSeq++
		m = update(m, loadCmd(fs, m.data.loadSeq)())
		_ = m.View()
	}
}

// BenchmarkMemory reports the heap the TUI holds for 10,000 applications
// (the fake store's own copy excluded).
func BenchmarkMemory(b *testing.B) {
	fs := bigStore(benchN)
	entries, _ := fs.Entries(true)
	var keep []model
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		m := newModel(fs, Options{Today: func() timeline.Date { return testToday }, FixedToday: true}, lipgloss.DefaultRenderer())
		m = update(m, tea.WindowSizeMsg{Width: 120, Height: 40})
		m = update(m, loadedMsg{seq: 1, entries: append([]timeline.Entry(nil), entries...), settings: fs.set})
		_ = m.View()
		runtime.GC()
		runtime.ReadMemStats(&after)
		keep = append(keep[:0], m)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/1e6, "MB-heap")
	}
	runtime.KeepAlive(keep)
}

// BenchmarkRealStore runs the paths on the real SQLite store with 10,000
// demo applications (about five events each): the first frame, and a saved
// change (LogEvent, then Entry for that row).
func BenchmarkRealStore(b *testing.B) {
	if testing.Short() {
		b.Skip("fills a 10,000-application database")
	}
	st, err := store.Open(filepath.Join(b.TempDir(), "bench.db"), func() timeline.Date { return testToday })
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	if err := store.FillDemo(st, benchN); err != nil {
		b.Fatal(err)
	}
	r := lipgloss.DefaultRenderer()
	b.Run("FirstFrame", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			m := newModel(st, Options{Today: func() timeline.Date { return testToday }, FixedToday: true}, r)
			m = update(m, tea.WindowSizeMsg{Width: 120, Height: 40})
			m = update(m, loadCmd(st, m.data.loadSeq)())
			_ = m.View()
		}
	})
	b.Run("SavedChange", func(b *testing.B) {
		m := newModel(st, Options{Today: func() timeline.Date { return testToday }, FixedToday: true}, r)
		m = update(m, tea.WindowSizeMsg{Width: 120, Height: 40})
		m = update(m, loadCmd(st, m.data.loadSeq)())
		id := m.dash.entries[0].App.ID
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			e := timeline.Event{Type: timeline.EventNote, Date: testToday, Note: "bench"}
			m = update(m, logEventCmd(st, id, "x", e, false)())
			m = update(m, entryCmd(st, id, false)())
			_ = m.View()
		}
	})
	b.Run("Entries", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := st.Entries(true); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Poll", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := st.DataVersion(); err != nil {
				b.Fatal(err)
			}
		}
	})
}
