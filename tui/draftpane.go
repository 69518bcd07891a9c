package tui

import (
	"strings"

	"github.com/afterview/afterview/timeline"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// draftPane shows the follow-up draft for an application (Draft) with whom
// to send it to. The root acts on its keys: y copies the body with OSC 52,
// o opens a mailto: link when the contact is an email address.
type draftPane struct {
	st   *Styles
	keys *KeyMap

	appID   int64
	company string
	to      string // the recruiter, for the heading
	email   string // the contact as an email address; "" when it is not one
	kind    timeline.ActionKind
	subject string
	body    string
	offset  int
	lines   []string
	width   int
	height  int
}

// newDraftPane builds the draft for d on today.
func newDraftPane(st *Styles, keys *KeyMap, d timeline.Derived, today timeline.Date) draftPane {
	subject, body := Draft(d, today)
	p := draftPane{st: st, keys: keys, appID: d.App.ID, company: Sanitize(d.App.Company),
		email: emailOf(Sanitize(d.App.Contact)), subject: subject, body: body}
	if d.Next != nil {
		p.kind = d.Next.Kind
	}
	p.to = Sanitize(d.App.Recruiter)
	if c := Sanitize(d.App.Contact); c != "" {
		if p.to != "" {
			p.to += " <" + c + ">"
		} else {
			p.to = c
		}
	}
	if p.to == "" {
		p.to = "the recruiter (no contact saved: e to add one)"
	}
	return p
}

// SetSize sets the area the pane draws in.
func (p *draftPane) SetSize(w, h int) {
	p.width, p.height = w, h
	p.build()
	p.scroll(0)
}

// build lays the draft out for the width.
func (p *draftPane) build() {
	st := p.st
	kind := map[timeline.ActionKind]string{timeline.ActOffer: "offer questions", timeline.ActCheckin: "on-hold check-in",
		timeline.ActReapply: "reapply note", timeline.ActFollowup: "status check"}[p.kind]
	ls := []string{
		" " + st.Title.Render("Draft · "+kind) + st.Muted.Render(" · "+fit(p.company, p.width-30)),
		"  " + st.Label.Render(pad("To", 9)) + fit(p.to, p.width-13),
		"  " + st.Label.Render(pad("Subject", 9)) + st.Bold.Render(fit(p.subject, p.width-13)),
		"",
	}
	for _, l := range strings.Split(strings.TrimRight(p.body, "\n"), "\n") {
		for _, wl := range wrap(l, max(10, p.width-4)) {
			ls = append(ls, "  "+wl)
		}
	}
	ls = append(ls, "")
	hint := "y copies the message to the clipboard"
	if p.email != "" {
		hint += " · o opens it in your mail app"
	}
	ls = append(ls, "  "+st.Muted.Render(fit(hint+" · [brackets] are yours to fill in", p.width-3)))
	p.lines = ls
}

// Update scrolls the draft.
func (p draftPane) Update(msg tea.Msg) (draftPane, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.MouseMsg:
		switch msg.Button {
		case tea.MouseButtonWheelUp:
			p.scroll(-3)
		case tea.MouseButtonWheelDown:
			p.scroll(3)
		}
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, p.keys.Up):
			p.scroll(-1)
		case key.Matches(msg, p.keys.Down):
			p.scroll(1)
		case key.Matches(msg, p.keys.PageUp):
			p.scroll(-p.height)
		case key.Matches(msg, p.keys.PageDown):
			p.scroll(p.height)
		}
	}
	return p, nil
}

// scroll moves the view by n lines.
func (p *draftPane) scroll(n int) {
	p.offset = max(0, min(p.offset+n, len(p.lines)-p.height))
}

// View draws the visible lines: exactly height of them.
func (p draftPane) View() string { return window(p.lines, p.offset, p.height) }
