package store

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/afterview/afterview/timeline"
)

var (
	benchOnce  sync.Once
	benchStore *Store
)

// demo10k opens (once per test binary) a store with 10,000 demo applications
// and about 50,000 events.
func demo10k(b *testing.B) *Store {
	benchOnce.Do(func() {
		// Shared by every benchmark of the run, so not b.TempDir (removed
		// when the first benchmark ends); the OS cleans its temp directory.
		dir, err := os.MkdirTemp("", "afterview-bench-")
		if err != nil {
			b.Fatal(err)
		}
		s, err := Open(filepath.Join(dir, "demo.db"), func() timeline.Date { return day })
		if err != nil {
			b.Fatal(err)
		}
		if err := FillDemo(s, 10000); err != nil {
			b.Fatal(err)
		}
		benchStore = s
	})
	return benchStore
}

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
