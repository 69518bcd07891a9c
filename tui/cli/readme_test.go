package cli

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The README shows real screens: each is a fenced block after a marker
// <!-- screen: PATH --> naming the golden file it copies (a TUI screen from
// tui/testdata, drawn by teatest at a fixed size, or a report). The copy is
// the golden with trailing spaces cut and each run of blank lines made one,
// so that it reads well on a page. When a screen changes on purpose, refresh
// the goldens, then the README: go test ./tui/cli -run TestREADMEScreens -update.

// readmeScreen matches a marker and the fenced block after it.
var readmeScreen = regexp.MustCompile("(?s)<!-- screen: ([^ ]+) -->\n```text\n(.*?)```\n")

// repoRoot is the repository's top folder, seen from this package's: the
// README and the paths it names are relative to it.
var repoRoot = filepath.Join("..", "..")

// screenCopy is a golden file as the README shows it.
func screenCopy(golden string) string {
	var out []string
	blank := false
	for _, l := range strings.Split(strings.ReplaceAll(golden, "\r\n", "\n"), "\n") {
		l = strings.TrimRight(l, " ")
		if l == "" {
			if blank || len(out) == 0 {
				continue
			}
			blank = true
		} else {
			blank = false
		}
		out = append(out, l)
	}
	return strings.TrimRight(strings.Join(out, "\n"), "\n") + "\n"
}

func TestREADMEScreensMatchTheGoldens(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	update := false
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		update = true
	}
	found := map[string]bool{}
	var failed []string
	text := readmeScreen.ReplaceAllStringFunc(string(readme), func(block string) string {
		m := readmeScreen.FindStringSubmatch(block)
		path, shown := m[1], m[2]
		found[path] = true
		golden, err := os.ReadFile(filepath.Join(repoRoot, filepath.FromSlash(path)))
		if err != nil {
			t.Errorf("the README shows %s, which does not exist: %v", path, err)
			return block
		}
		want := screenCopy(string(golden))
		if shown != want {
			failed = append(failed, path)
			if !update {
				t.Errorf("the README's copy of %s differs from what the program draws (refresh it: go test ./tui/cli -run TestREADMEScreens -update)\nREADME:\n%s\nprogram:\n%s", path, shown, want)
			}
		}
		return fmt.Sprintf("<!-- screen: %s -->\n```text\n%s```\n", path, want)
	})
	for _, want := range []string{"tui/testdata/TestGoldenDashboard.golden", "tui/testdata/TestGoldenDetail.golden", "tui/testdata/TestReportChase/plain.golden"} {
		if !found[want] {
			t.Errorf("the README does not show %s", want)
		}
	}
	if update && len(failed) > 0 {
		if err := os.WriteFile(filepath.Join(repoRoot, "README.md"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("README.md: refreshed %s", strings.Join(failed, ", "))
	}
}

func TestScreenCopy(t *testing.T) {
	got := screenCopy("\n a  \n\n\n\n b\n  \n c   \n\n\n")
	if want := " a\n\n b\n\n c\n"; got != want {
		t.Errorf("screenCopy = %q, want %q", got, want)
	}
}
