package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/afterview/afterview/store"
	"github.com/afterview/afterview/timeline"
)

// The lines the data commands (import, export, ics, backup) and `log --help`
// print.

// count writes n with its noun: "1 event", "2 events".
func count(n int, noun string) string {
	return strconv.Itoa(n) + " " + noun + plural(n, "", "s")
}

// Import says what an import from label did, or with a dry run would do (one
// line per application first). Everything taken from the file is sanitised.
func (r Report) Import(label string, b *store.Batch, res store.ImportResult) string {
	var sb strings.Builder
	label = Sanitize(label)
	verb, skipped, restored := "imported", "skipped", "restored from the file"
	if res.DryRun {
		verb, skipped, restored = "would import", "would skip", "would be restored from the file"
		for _, p := range res.Apps {
			what := reportWho(p.App)
			if p.Duplicate != 0 {
				fmt.Fprintf(&sb, "  skip %s: %s (already here as application %d)\n", p.Where, what, p.Duplicate)
			} else if p.SameAs != "" {
				fmt.Fprintf(&sb, "  skip %s: %s (the same as %s of the file)\n", p.Where, what, p.SameAs)
			} else {
				fmt.Fprintf(&sb, "  add  %s: %s (%s)\n", p.Where, what, count(len(p.Events), "event"))
			}
		}
	}
	fmt.Fprintf(&sb, "%s %s with %s from %s", verb, count(res.Added, "application"), count(res.Events, "event"), label)
	if res.Skipped > 0 {
		fmt.Fprintf(&sb, "; %s %s already here", skipped, count(res.Skipped, "application"))
	}
	sb.WriteString("\n")
	if len(b.Ignored) > 0 {
		ignored := make([]string, len(b.Ignored))
		for i, h := range b.Ignored {
			ignored[i] = Sanitize(h)
		}
		fmt.Fprintf(&sb, "ignored columns: %s\n", strings.Join(ignored, ", "))
	}
	switch res.Settings {
	case store.SettingsApplied:
		fmt.Fprintf(&sb, "settings: %s\n", restored)
	case store.SettingsKept:
		fmt.Fprintf(&sb, "settings: kept this database's, which differ from the file's (%s); afterview config KEY VALUE changes one\n",
			strings.Join(res.SettingsDiff, "; "))
	}
	if res.DryRun {
		sb.WriteString("dry run: nothing was written\n")
	}
	return sb.String()
}

// Exported confirms an export written to the file path in format (json, csv).
func (r Report) Exported(info store.ExportInfo, path, format string) string {
	return fmt.Sprintf("exported %s with %s to %s (%s)\n",
		count(info.Applications, "application"), count(info.Events, "event"), Sanitize(path), format)
}

// BackedUp confirms a backup and says how to use it.
func (r Report) BackedUp(info store.BackupInfo) string {
	path := Sanitize(info.Path)
	return fmt.Sprintf("backed up %s with %s to %s (use it: afterview --db %s)\n",
		count(info.Applications, "application"), count(info.Events, "event"), path, path)
}

// WroteICS confirms a calendar feed of n entries written to the file path.
func (r Report) WroteICS(n int, path string) string {
	return fmt.Sprintf("wrote %d calendar %s to %s\n", n, plural(n, "entry", "entries"), Sanitize(path))
}

// EventTypesHelp lists the event types with their help and the fields each
// takes besides --date and --note, one a line, for `log --help`.
func EventTypesHelp() string {
	var b strings.Builder
	for _, t := range timeline.EventTypes {
		fields := ""
		for _, f := range t.Fields() {
			fields += " --" + f.Flag()
		}
		if fields != "" {
			fields = "  [" + strings.TrimSpace(fields) + "]"
		}
		fmt.Fprintf(&b, "  %-10s %s%s\n", t, t.Help(), fields)
	}
	return b.String()
}

// SettingsHelp lists the settings with their units and meanings, one a line,
// for `config --help`.
func SettingsHelp() string {
	var b strings.Builder
	for _, si := range timeline.SettingInfos {
		fmt.Fprintf(&b, "  %-20s %-14s %s\n", si.Key, si.Unit, si.Help)
	}
	return b.String()
}
