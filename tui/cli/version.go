package cli

import (
	"runtime/debug"
	"strings"
	"time"
)

// version is set at build time (go build -ldflags "-X main.version=v1.2.3");
// otherwise it comes from the build info (see versionFrom).
var version = ""

// versionString is afterview's version as `afterview version` and
// `afterview --version` print it.
func versionString() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		bi = nil
	}
	return versionFrom(version, bi)
}

// versionFrom works out the version: the one set at build time; else the
// module's version that the Go toolchain stamps into the binary (v1.2.0 after
// `go install …@v1.2.0`; a pseudo-version such as
// v0.0.0-20261129173000-c968835abcde+dirty after `go build` or `go install`
// in a git checkout), followed by the commit and its time from the build's
// VCS stamp when there is one; "dev" when neither is known (`go run`, tests,
// or -buildvcs=false).
func versionFrom(set string, bi *debug.BuildInfo) string {
	if set != "" {
		return set
	}
	if bi == nil {
		return "dev"
	}
	v := bi.Main.Version
	if v == "" || v == "(devel)" {
		v = "dev"
	}
	rev, when, modified := vcsFrom(bi)
	if rev == "" {
		return v
	}
	detail := "commit " + rev[:min(len(rev), 12)]
	if !when.IsZero() {
		detail += " of " + when.UTC().Format("2006-01-02 15:04 UTC")
	}
	if modified {
		detail += ", with uncommitted changes"
	}
	return v + " (" + detail + ")"
}

// vcsInfo returns the running binary's VCS stamp (see vcsFrom).
func vcsInfo() (revision string, when time.Time, modified bool) {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "", time.Time{}, false
	}
	return vcsFrom(bi)
}

// vcsFrom reads the commit, its time and whether the tree had uncommitted
// changes from the build settings the Go toolchain records (vcs.revision,
// vcs.time, vcs.modified).
func vcsFrom(bi *debug.BuildInfo) (revision string, when time.Time, modified bool) {
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = strings.TrimSpace(s.Value)
		case "vcs.time":
			when, _ = time.Parse(time.RFC3339, s.Value)
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	return revision, when, modified
}
