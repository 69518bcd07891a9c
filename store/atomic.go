package store

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Every file afterview writes besides its database (an export, a calendar
// feed, a backup) goes through this file's one writer, so that it is whole or
// not there at all: the bytes go to a temporary file in the target's own
// folder (a rename never crosses file systems), which is synced, renamed over
// the target and followed by a sync of the folder, so that the rename itself
// survives a power cut. The file is private (0600). A symlink is followed: the
// link's target is replaced, the link stays. The live database and its -wal,
// -shm and -journal files are refused before a byte is written, whatever
// path (a symlink, "..", a hard link) leads to them. Missing folders are made
// (0700). A temporary file is removed on every failure, on Ctrl-C and on
// SIGTERM; one left by a killed afterview is removed by the next write into
// that folder once it is an hour old.

// Temporary files start with these names; tempPrefixes lists them for the
// clean-up of ones left behind.
const (
	tempOut    = ".afterview-out-"
	tempBackup = ".afterview-backup-"
)

var tempPrefixes = []string{tempOut, tempBackup}

// staleAfter is how old a temporary file must be before a later write removes
// it: far longer than any write takes, so a running afterview's is never hit.
const staleAfter = time.Hour

// WriteFile writes what write produces to path through the one atomic writer
// (see above). It refuses the database of s and its companion files, and a
// folder. A path that is a device or a pipe (/dev/stdout, a FIFO) is written
// to directly, since it cannot be renamed over.
func (s *Store) WriteFile(path string, write func(io.Writer) error) error {
	return writeFileGuarded(path, s.path, write)
}

// WriteFileAtomic is WriteFile for a program that has no database open: the
// same writer, without the database check.
func WriteFileAtomic(path string, write func(io.Writer) error) error {
	return writeFileGuarded(path, "", write)
}

func writeFileGuarded(path, dbPath string, write func(io.Writer) error) error {
	target, err := outputTarget(path, dbPath)
	if err != nil {
		return err
	}
	if fi, err := os.Stat(target); err == nil && !fi.Mode().IsRegular() {
		return writeDevice(path, target, write)
	}
	p, f, err := createPending(target, tempOut, path)
	if err != nil {
		return err
	}
	defer p.abort()
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("cannot write %s: %v", path, unwrapPathErr(err))
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %v", path, unwrapPathErr(err))
	}
	return p.commit(true)
}

// writeDevice writes to a character device or pipe as it is.
func writeDevice(path, target string, write func(io.Writer) error) error {
	f, err := os.OpenFile(target, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("cannot write %s: %v", path, unwrapPathErr(err))
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// outputTarget resolves path to the file a write would replace (following
// symlinks, cleaning "..") and refuses a folder, the database dbPath and its
// companion files. It writes nothing.
func outputTarget(path, dbPath string) (string, error) {
	if strings.TrimSpace(path) == "" {
		return "", errors.New("no file named to write to")
	}
	target, err := resolvePath(path)
	if err != nil {
		return "", fmt.Errorf("cannot write %s: %v", path, err)
	}
	if fi, err := os.Stat(target); err == nil && fi.IsDir() {
		return "", fmt.Errorf("%s is a directory: name a file in it", path)
	}
	if dbPath != "" {
		if what := databaseFile(target, dbPath); what != "" {
			return "", fmt.Errorf("%s is %s: writing there would destroy your data; write to another file", path, what)
		}
	}
	return target, nil
}

// databaseFile says which file of the database at dbPath target is ("the
// database itself", "the database's -wal file"…), or "" when none.
func databaseFile(target, dbPath string) string {
	db, err := resolvePath(dbPath)
	if err != nil {
		db = filepath.Clean(dbPath)
	}
	fi, ferr := os.Stat(target)
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		same := samePath(target, db+suffix)
		if !same && ferr == nil {
			if gi, err := os.Stat(db + suffix); err == nil && os.SameFile(fi, gi) {
				same = true // a hard link, or another spelling of the same file
			}
		}
		if same {
			if suffix == "" {
				return "the database itself"
			}
			return "the database's " + suffix + " file"
		}
	}
	return ""
}

// samePath compares two cleaned absolute paths, ignoring case where the file
// systems usually do (macOS, Windows).
func samePath(a, b string) bool {
	if runtime.GOOS == "darwin" || runtime.GOOS == "windows" {
		return strings.EqualFold(a, b)
	}
	return a == b
}

// resolvePath returns the absolute path that path leads to: symlinks
// followed (also a dangling one's target, and those among its folders), ".."
// resolved. The file itself need not exist, nor its folder.
func resolvePath(path string) (string, error) {
	p, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	for hops := 0; ; hops++ {
		if hops > 40 {
			return "", errors.New("too many levels of symbolic links")
		}
		// Resolve the folder first, so that a relative link is read from
		// where it really is.
		dir, base := filepath.Split(p)
		if rd, err := evalExisting(filepath.Clean(dir)); err == nil {
			p = filepath.Join(rd, base)
		}
		fi, err := os.Lstat(p)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return p, nil
		}
		link, err := os.Readlink(p)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(p), link)
		}
		p = filepath.Clean(link)
	}
}

// evalExisting resolves the symlinks of the longest existing prefix of dir
// and keeps the rest as written.
func evalExisting(dir string) (string, error) {
	if r, err := filepath.EvalSymlinks(dir); err == nil {
		return r, nil
	}
	parent := filepath.Dir(dir)
	if parent == dir {
		return dir, nil
	}
	rp, err := evalExisting(parent)
	if err != nil {
		return "", err
	}
	return filepath.Join(rp, filepath.Base(dir)), nil
}

// pending is a temporary file on its way to becoming target.
type pending struct {
	target string // the resolved path to replace
	shown  string // the path as the user gave it, for messages
	tmp    string
	done   bool
}

// createPending makes the target's folder if needed (0700), removes stale
// temporary files there and creates a private temporary file for target.
// The caller must call abort (harmless after commit).
func createPending(target, prefix, shown string) (*pending, *os.File, error) {
	dir := filepath.Dir(target)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, nil, fmt.Errorf("cannot make the folder for %s: %v", shown, unwrapPathErr(err))
	}
	removeStale(dir)
	p := &pending{target: target, shown: shown}
	pendingMu.Lock()
	defer pendingMu.Unlock()
	f, err := os.CreateTemp(dir, prefix+"*"+tempSuffix(prefix))
	if err != nil {
		return nil, nil, fmt.Errorf("cannot write %s: %v", shown, unwrapPathErr(err))
	}
	p.tmp = f.Name()
	watchSignals(p)
	return p, f, nil
}

func tempSuffix(prefix string) string {
	if prefix == tempBackup {
		return ".db"
	}
	return ""
}

// commit syncs the temporary file, puts it in place and syncs the folder.
// With replace false an existing target is an error (and stays as it was).
func (p *pending) commit(replace bool) error {
	if err := syncFile(p.tmp); err != nil {
		return fmt.Errorf("cannot write %s: %v", p.shown, unwrapPathErr(err))
	}
	var err error
	if replace {
		err = os.Rename(p.tmp, p.target)
	} else if err = os.Link(p.tmp, p.target); err == nil || errors.Is(err, fs.ErrExist) {
		// A link fails if the target appeared meanwhile: never overwrite.
		if err != nil {
			return fmt.Errorf("%s already exists (use --force to overwrite it)", p.shown)
		}
		os.Remove(p.tmp)
	} else {
		err = os.Rename(p.tmp, p.target) // a file system without hard links
	}
	if err != nil {
		return fmt.Errorf("cannot write %s: %v", p.shown, unwrapPathErr(err))
	}
	p.finish()
	syncDir(filepath.Dir(p.target))
	return nil
}

// abort removes the temporary file unless it was committed.
func (p *pending) abort() {
	pendingMu.Lock()
	done := p.done
	pendingMu.Unlock()
	if !done {
		os.Remove(p.tmp)
		p.finish()
	}
}

func (p *pending) finish() {
	pendingMu.Lock()
	defer pendingMu.Unlock()
	p.done = true
	delete(pendingFiles, p)
	if len(pendingFiles) == 0 && sigCh != nil {
		signal.Stop(sigCh)
		close(sigStop)
		sigCh, sigStop = nil, nil
	}
}

// The temporary files being written, removed when a signal ends the program.
var (
	pendingMu    sync.Mutex
	pendingFiles = map[*pending]bool{}
	sigCh        chan os.Signal
	sigStop      chan struct{}
)

// exitOnSignal ends the program after a signal removed the temporary files
// (a variable so that tests can watch instead).
var exitOnSignal = func(sig os.Signal) {
	code := 130
	if sig == syscall.SIGTERM {
		code = 143
	}
	os.Exit(code)
}

// watchSignals registers p, and while any file is pending catches Ctrl-C
// and SIGTERM: they remove every pending temporary file, then end the
// program as the signal would have. pendingMu is held.
func watchSignals(p *pending) {
	pendingFiles[p] = true
	if sigCh != nil {
		return
	}
	sigCh, sigStop = make(chan os.Signal, 1), make(chan struct{})
	signal.Notify(sigCh, os.Interrupt, syscall.SIGTERM)
	go func(ch chan os.Signal, stop chan struct{}) {
		select {
		case sig := <-ch:
			pendingMu.Lock()
			for q := range pendingFiles {
				os.Remove(q.tmp)
			}
			pendingMu.Unlock()
			exitOnSignal(sig)
		case <-stop:
		}
	}(sigCh, sigStop)
}

// removeStale removes afterview's temporary files in dir that are older
// than staleAfter: left by an afterview that was killed (kill -9, a crash).
func removeStale(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		stale := false
		for _, prefix := range tempPrefixes {
			stale = stale || strings.HasPrefix(name, prefix)
		}
		if !stale || !e.Type().IsRegular() {
			continue
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > staleAfter {
			os.Remove(filepath.Join(dir, name))
		}
	}
}

// syncFile flushes a file's bytes to the disk.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// syncDir makes a rename durable; best effort (not every system can).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
