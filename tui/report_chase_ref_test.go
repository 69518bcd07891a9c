package tui

import (
	"strconv"
	"strings"

	"github.com/afterview/afterview/timeline"
	"github.com/charmbracelet/x/ansi"
)

// chaseReference is the chase report as it was written before it was
// rewritten to write into one buffer: each line put together from strings,
// painted, wrapped and fitted through the general helpers (with the due
// labels told apart by section, as Chase now does: an open reapply window
// took the label of an item overdue since the same day). The tests compare
// Chase with it on many shapes of input, so that the fast one says the same,
// byte for byte.
func chaseReference(r Report, items []timeline.ChaseItem) string {
	if len(items) == 0 {
		return ""
	}
	dues := make(map[chaseDue]string)
	dueW := 0
	for _, it := range items {
		if k := (chaseDue{it.Action.Due, it.Section}); dues[k] == "" {
			dues[k] = r.ActionDue(it.Action)
			dueW = max(dueW, ansi.StringWidth(dues[k]))
		}
	}
	var b strings.Builder
	for _, sec := range timeline.Sections {
		var in []*timeline.ChaseItem
		for i := range items {
			if items[i].Section == sec {
				in = append(in, &items[i])
			}
		}
		if len(in) == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		name, count := sectionHeading(sec, len(in))
		r.line(&b, r.paint(r.Styles.SectionHeading(sec), name)+r.paint(r.Styles.Muted, count))
		dueStyle := r.Styles.SectionDue(sec)
		for _, it := range in {
			due := dues[chaseDue{it.Action.Due, it.Section}]
			pad := strings.Repeat(" ", dueW-ansi.StringWidth(due))
			who := reportWho(it.App)
			id := "  #" + strconv.FormatInt(it.App.ID, 10)
			if room := r.Width - 4 - dueW - len(id); r.Width > 0 && ansi.StringWidth(who) > room {
				who = ansi.Truncate(who, max(room, 1), "…")
			}
			r.line(&b, "  "+r.paint(dueStyle, due)+pad+"  "+r.paint(r.Styles.Bold, who)+r.paint(r.Styles.Muted, id))
			text := Sanitize(it.Action.Text)
			if c := reportContact(it.App, text); c != "" {
				text += " · " + c
			}
			for _, l := range r.wrap(text, 4) {
				r.line(&b, "    "+l)
			}
		}
	}
	return b.String()
}

type jsonChaseItem struct {
	ID      int64         `json:"id"`
	Company string        `json:"company"`
	Role    string        `json:"role"`
	Kind    string        `json:"kind"`
	Due     timeline.Date `json:"due"`
	Section string        `json:"section"`
	Action  string        `json:"action"`
}

type jsonChase struct {
	Today timeline.Date   `json:"today"`
	Items []jsonChaseItem `json:"items"`
}

// chaseJSONReference is `chase --json` as it was written before it was
// written straight into a buffer: through encoding/json's MarshalIndent and
// EscapeJSON (marshal).
func chaseJSONReference(r Report, items []timeline.ChaseItem) ([]byte, error) {
	out := jsonChase{Today: r.Today, Items: make([]jsonChaseItem, 0, len(items))}
	for _, it := range items {
		out.Items = append(out.Items, jsonChaseItem{ID: it.App.ID, Company: it.App.Company, Role: it.App.Role,
			Kind: string(it.Action.Kind), Due: it.Action.Due, Section: string(it.Section), Action: it.Action.Text})
	}
	return marshal(out)
}
