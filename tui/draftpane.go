package tui

import (
	"fmt"
	"strings"

	"github.com/afterview/afterview/timeline"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// draftPane shows the follow-up draft for an application (Draft) with whom
// to send it to: y copies the body with OSC 52, o opens a mailto: link when
// the contact is an email address.
type draftPane struct {
	c      *common
	styles *Styles
	keys   *keyMap

	appID   int64
	company string
	to      string // the recruiter, for the heading
	email   string // the contact as an email address; "" when it is not one
	title   string // what the draft is
	subject string
	body    string
	offset  int
	lines   []string
	width   int
	height  int
}

// newDraftPane builds the draft for d on today, signed with the name setting.
func newDraftPane(c *common, d timeline.Derived, today timeline.Date) *draftPane {
	msg := Draft(d, c.settings, today)
	p := &draftPane{c: c, styles: c.styles, keys: c.keys, appID: d.App.ID, company: Sanitize(d.App.Company),
		email: emailOf(Sanitize(d.App.Contact)), title: msg.Title, subject: msg.Subject, body: msg.Body}
	// A contact that is not an e-mail address never goes in the To header.
	switch name := Sanitize(d.App.Recruiter); {
	case msg.To != "":
		p.to = msg.To
	case msg.Phone != "" && name != "":
		p.to = name + " (no e-mail address; phone " + msg.Phone + ")"
	case msg.Phone != "":
		p.to = "no e-mail address (phone " + msg.Phone + ")"
	case name != "":
		p.to = name + " (no contact saved: e to add one)"
	default:
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
	st := p.styles
	ls := []string{
		" " + st.Title.Render("Draft · "+p.title) + st.Muted.Render(" · "+fit(p.company, p.width-30)),
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

// Update handles the pane's keys (copy, mail, scroll, back) and what
// copying and the mail app answer.
func (p *draftPane) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.MouseMsg:
		switch msg.Button {
		case tea.MouseButtonWheelUp:
			p.scroll(-3)
		case tea.MouseButtonWheelDown:
			p.scroll(3)
		}
	case tea.KeyMsg:
		return p, p.key(msg)
	case copiedMsg:
		if msg.err != nil {
			return p, statusErr("Could not copy: " + msg.err.Error())
		}
		return p, status("Copied the message to the clipboard (via your terminal, OSC 52). Subject: " + p.subject)
	case mailerMsg:
		if msg.missing != "" {
			return p, statusErr(fmt.Sprintf("No %s here to open your mail app: copy the message with y instead.", msg.missing))
		}
		return p, tea.Batch(status("Opening your mail app…"),
			tea.ExecProcess(msg.cmd, func(err error) tea.Msg { return mailDoneMsg{err} }))
	case mailDoneMsg:
		if msg.err != nil {
			return p, statusErr("The mail app did not open (" + msg.err.Error() + "): copy the message with y instead.")
		}
		return p, status("Handed the message to your mail app.")
	}
	return p, nil
}

// key handles a key of the pane.
func (p *draftPane) key(msg tea.KeyMsg) tea.Cmd {
	k := p.keys
	switch {
	case key.Matches(msg, k.Back, k.Quit):
		return closeScreen(p)
	case key.Matches(msg, k.Help):
		return msgCmd(helpMsg{})
	case key.Matches(msg, k.Copy):
		return copyCmd(p.c.clipboard, p.body, p.c.getenv)
	case key.Matches(msg, k.Mail):
		if p.email == "" {
			return statusErr("The contact is not an email address: copy the message with y instead.")
		}
		return mailerCmd(MailtoURL(p.email, p.subject, p.body), p.c.lookPath)
	case key.Matches(msg, k.Up):
		p.scroll(-1)
	case key.Matches(msg, k.Down):
		p.scroll(1)
	case key.Matches(msg, k.PageUp):
		p.scroll(-p.height)
	case key.Matches(msg, k.PageDown):
		p.scroll(p.height)
	}
	return nil
}

// ShortHelp implements help.KeyMap.
func (p *draftPane) ShortHelp() []key.Binding {
	k := p.keys
	return []key.Binding{k.Copy, k.Mail, k.Up, k.Down, k.back()}
}

// FullHelp implements help.KeyMap.
func (p *draftPane) FullHelp() [][]key.Binding {
	k := p.keys
	return [][]key.Binding{{k.Copy, k.Mail}, {k.Up, k.Down, k.PageUp, k.PageDown}, {k.back(), k.Help, k.ForceQuit}}
}

// scroll moves the view by n lines.
func (p *draftPane) scroll(n int) {
	p.offset = max(0, min(p.offset+n, len(p.lines)-p.height))
}

// View draws the visible lines: exactly height of them.
func (p *draftPane) View() string { return window(p.lines, p.offset, p.height) }
