package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// TestManPageCoversEveryCommand checks that `afterview man` names every
// command with its usage, options and examples, and that -o writes the
// same page to a file.
func TestManPageCoversEveryCommand(t *testing.T) {
	s := newSession(t)
	page := s.ok("man").stdout
	if !strings.HasPrefix(page, `.TH AFTERVIEW 1 "2026-11-24" "afterview dev" "User Commands"`+"\n") {
		t.Errorf("the page's title line: %q", strings.SplitN(page, "\n", 2)[0])
	}
	root := (&cli{getenv: func(string) string { return "" }}).rootCmd()
	for _, cmd := range root.Commands() {
		if cmd.Hidden || cmd.Name() == "help" {
			continue
		}
		if !strings.Contains(page, `\fB`+manEscape(cmd.Name())+`\fR`) {
			t.Errorf("the man page lacks the command %s", cmd.Name())
		}
		for _, ex := range strings.Split(cmd.Example, "\n") {
			if ex = strings.TrimRight(ex, " "); ex != "" && !strings.Contains(page, "\n"+manEscape(ex)+"\n") {
				t.Errorf("the man page lacks %s's example line %q", cmd.Name(), ex)
			}
		}
	}
	for _, want := range []string{`\-\-output FILE`, ".SH ENVIRONMENT", "AFTERVIEW_THEME"} {
		if !strings.Contains(page, want) {
			t.Errorf("the man page lacks %q", want)
		}
	}
	if strings.ContainsFunc(page, func(r rune) bool { return r > 127 }) {
		t.Error("the man page holds characters beyond ASCII: groff reads them as Latin-1 unless escaped")
	}
	file := filepath.Join(s.dir, "afterview.1")
	if r := s.ok("man", "-o", file); r.stdout != "wrote the man page to "+file+"\n" {
		t.Errorf("man -o: %q", r.stdout)
	}
	if got, err := os.ReadFile(file); err != nil || string(got) != page {
		t.Errorf("man -o wrote a different page (%v)", err)
	}

	// groff reads it without a warning (what .ci/run checks as well).
	groff, err := exec.LookPath("groff")
	if err != nil {
		t.Skip("groff is not installed (apt install groff-base): the page is not rendered")
	}
	cmd := exec.Command(groff, "-man", "-Tutf8", "-ww", "-z", file)
	if out, err := cmd.CombinedOutput(); err != nil || len(out) > 0 {
		t.Errorf("groff -man -ww: %v\n%s", err, out)
	}
}

func TestVersionFromBuildInfo(t *testing.T) {
	vcs := func(v string, kv ...string) *debug.BuildInfo {
		bi := &debug.BuildInfo{Main: debug.Module{Path: "github.com/afterview/afterview", Version: v}}
		for i := 0; i < len(kv); i += 2 {
			bi.Settings = append(bi.Settings, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return bi
	}
	for _, c := range []struct {
		name, set string
		bi        *debug.BuildInfo
		want      string
	}{
		{"the version set with -ldflags wins", "v1.4.0", vcs("v1.2.0"), "v1.4.0"},
		{"go install module@version", "", vcs("v1.2.0"), "v1.2.0"},
		{"go build in a checkout", "", vcs("v0.0.0-20261129173000-c968835abcde+dirty",
			"vcs", "git", "vcs.revision", "c968835abcdef0123456789abcdef0123456789a", "vcs.time", "2026-11-29T17:30:00Z", "vcs.modified", "true"),
			"v0.0.0-20261129173000-c968835abcde+dirty (commit c968835abcde of 2026-11-29 17:30 UTC, with uncommitted changes)"},
		{"a clean checkout", "", vcs("(devel)", "vcs.revision", "c968835abcdef0123456789abcdef0123456789a", "vcs.modified", "false"),
			"dev (commit c968835abcde)"},
		{"go run or -buildvcs=false", "", vcs("(devel)"), "dev"},
		{"no build info", "", nil, "dev"},
	} {
		if got := versionFrom(c.set, c.bi); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

// TestVersionOfABuiltBinary builds afterview in this checkout as `go build`
// does by default (with the VCS stamp) and checks `afterview version` names
// the checkout's commit.
func TestVersionOfABuiltBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary (skipped with -short)")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go tool on PATH: %v", err)
	}
	head, err := exec.Command("git", "rev-parse", "HEAD").Output()
	if err != nil {
		t.Skipf("not a git checkout (or no git): %v", err)
	}
	top, _ := exec.Command("git", "rev-parse", "--show-toplevel").Output()
	if fi, err := os.Stat(filepath.Join(strings.TrimSpace(string(top)), ".git")); err != nil || !fi.IsDir() {
		t.Skip("a git worktree (.git is a file): the go tool stamps VCS information only in a checkout with a .git directory")
	}
	bin := filepath.Join(t.TempDir(), "afterview")
	if out, err := exec.Command(goTool, "build", "-buildvcs=true", "-o", bin, binaryPackage).CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "version").CombinedOutput()
	if err != nil {
		t.Fatalf("afterview version: %v\n%s", err, out)
	}
	rev := strings.TrimSpace(string(head))[:12]
	if got := string(out); !strings.HasPrefix(got, "afterview v") || !strings.Contains(got, "(commit "+rev) {
		t.Errorf("afterview version printed %q, want the module's pseudo-version and commit %s", got, rev)
	}
}
