package store

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/afterview/afterview/timeline"
)

var (
	benchMu     sync.Mutex
	benchStores = map[string]*Store{}
)

// benchDB opens (once per test binary) a store of 10,000 sample applications
// written by fill.
func benchDB(b *testing.B, name string, fill func(*Store, int) error) *Store {
	benchMu.Lock()
	defer benchMu.Unlock()
	if s := benchStores[name]; s != nil {
		return s
	}
	// Shared by every benchmark of the run, so not b.TempDir (removed
	// when the first benchmark ends); the OS cleans its temp directory.
	dir, err := os.MkdirTemp("", "afterview-bench-")
	if err != nil {
		b.Fatal(err)
	}
	s, err := Open(filepath.Join(dir, name+".db"), func() timeline.Date { return day })
	if err != nil {
		b.Fatal(err)
	}
	if err := fill(s, 10000); err != nil {
		b.Fatal(err)
	}
	benchStores[name] = s
	return s
}

// demo10k is a long search: 10,000 applications, about 50,000 events, one in
// ten under way.
func demo10k(b *testing.B) *Store { return benchDB(b, "demo", FillDemo) }

// backlog10k is a search never tidied up: 10,000 applications, most due.
func backlog10k(b *testing.B) *Store { return benchDB(b, "backlog", FillBacklog) }

// BenchmarkEntries10k reads every kept summary: the list and the TUI's first frame.
func BenchmarkEntries10k(b *testing.B) {
	s := demo10k(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Entries(false); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkChaseEntries10k reads what the chase view needs through the index.
func BenchmarkChaseEntries10k(b *testing.B) {
	s := demo10k(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.ChaseEntries(day.AddDays(3)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkChaseEntriesBacklog10k reads the chase view's rows when most of
// the applications are due.
func BenchmarkChaseEntriesBacklog10k(b *testing.B) {
	s := backlog10k(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.ChaseEntries(day.AddDays(3)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkChaseCount10k is `chase --count` (a shell prompt's) past the
// process start-up, on both samples.
func BenchmarkChaseCount10k(b *testing.B) {
	for _, c := range []struct {
		name string
		s    *Store
	}{{"demo", demo10k(b)}, {"backlog", backlog10k(b)}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := c.s.ChaseCount(0); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLogEvent10k is one saved change: an event logged, its application
// derived again, all in one transaction with synchronous=FULL.
func BenchmarkLogEvent10k(b *testing.B) {
	s := demo10k(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.LogEvent(int64(1+i%100), timeline.Event{Type: timeline.EventNote, Date: day, Note: "bench"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDerive10k derives one application with its events from the database.
func BenchmarkDerive10k(b *testing.B) {
	s := demo10k(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Derive(int64(1 + i%1000)); err != nil {
			b.Fatal(err)
		}
	}
}
