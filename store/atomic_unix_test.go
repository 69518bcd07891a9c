//go:build unix

package store

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

func TestASignalRemovesTheTemporaryFile(t *testing.T) {
	got := make(chan os.Signal, 1)
	exitOnSignal = func(sig os.Signal) { got <- sig }
	defer func() { exitOnSignal = func(os.Signal) {} }()
	dir := t.TempDir()
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		p, f, err := createPending(filepath.Join(dir, "b.db"), tempBackup, "b.db")
		if err != nil {
			t.Fatal(err)
		}
		f.Close()
		syscall.Kill(os.Getpid(), sig)
		select {
		case s := <-got:
			if s != sig {
				t.Errorf("signal %v, want %v", s, sig)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("the signal was not caught")
		}
		if _, err := os.Stat(p.tmp); err == nil {
			t.Errorf("%v left the temporary file", sig)
		}
		p.abort()
	}
}
