package tui

import (
	"fmt"
	"net/mail"
	"net/url"
	"strings"

	"github.com/afterview/afterview/timeline"
)

// Message is a draft to the recruiter: what it is, to whom, its subject and
// its body.
type Message struct {
	Title   string // what the draft is, e.g. "status check"
	To      string // the e-mail header: "Pat Lee <pat@acme.example>", the address alone, or "" when there is no address
	Phone   string // the contact when it is not an e-mail address (a phone number), to show beside the header
	Subject string
	Body    string
}

// Draft writes a short, polite message to the recruiter for d's situation on
// today: a status check once it is fine to ask (followup; during background
// checks, a question about them), a check-in while on hold, a question
// whether they can decide before an offer elsewhere expires (expedite; the
// other company is never named), questions and an
// extension request on an offer (or, past its deadline, a question whether
// it still stands), a request for feedback after a rejection until the
// reapply window opens and a note asking to be considered again once it is
// open, a question before a booked interview. It uses the recruiter's first
// name, the role, the interview date and the time since, and is signed with
// set.Name. Square brackets mark what the user should fill in. It never
// claims a date has passed before it has. It is pure: same input, same text.
func Draft(d timeline.Derived, set timeline.Settings, today timeline.Date) Message {
	w := draftWriter{d: d, today: today}
	w.company = orDefault(Sanitize(d.App.Company), "your company")
	w.role = "the role"
	if r := Sanitize(d.App.Role); r != "" {
		w.role = "the " + r + " role"
	}
	if !d.LastInterview.IsZero() {
		w.interview = fmt.Sprintf(" on %s (%s)", longDate(d.LastInterview), since(d.LastInterview, today))
	}
	m := w.write()
	greeting := "Hello,"
	if name := firstName(Sanitize(d.App.Recruiter)); name != "" {
		greeting = "Hi " + name + ","
	}
	signature := orDefault(Sanitize(set.Name), "[your name]")
	m.Body = greeting + "\n\n" + strings.Join(w.para, "\n\n") + "\n\nThank you for your time.\n\nBest regards,\n" + signature + "\n"
	m.To, m.Phone = draftTo(d.App)
	return m
}

// draftTo is the e-mail header for the recruiter: their name with the
// address, or the address alone; a contact that is not an e-mail address
// never goes in the header but is returned as phone.
func draftTo(a timeline.Application) (to, phone string) {
	name, contact := Sanitize(a.Recruiter), Sanitize(a.Contact)
	email := emailOf(contact)
	if email == "" {
		return "", contact
	}
	if name == "" {
		return email, ""
	}
	// As people read it, not RFC 2047-encoded: the header is shown, and
	// mailto: links carry the address alone.
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`"<>,;`, r) {
			return -1
		}
		return r
	}, name)
	return name + " <" + email + ">", ""
}

// draftWriter holds what the paragraphs of a draft are made of.
type draftWriter struct {
	d                        timeline.Derived
	today                    timeline.Date
	company, role, interview string
	para                     []string
}

// write picks the message for the situation and writes its paragraphs.
func (w *draftWriter) write() Message {
	d := w.d
	kind := timeline.ActFollowup
	if d.Next != nil {
		kind = d.Next.Kind
	}
	switch {
	case kind == timeline.ActOffer:
		return w.offer()
	case kind == timeline.ActExpedite:
		return w.expedite()
	case kind == timeline.ActCheckin:
		return w.checkin()
	case d.Stage == timeline.StageRejected && d.Next != nil && w.today >= d.Next.Due:
		return w.reapply()
	case d.Stage == timeline.StageRejected:
		return w.feedback()
	case kind == timeline.ActInterview:
		return w.beforeInterview()
	case d.Stage == timeline.StageChecks:
		return w.checks()
	case d.LastInterview.IsZero():
		return w.application()
	}
	return w.statusCheck()
}

func (w *draftWriter) offer() Message {
	d, role, company := w.d, w.role, w.company
	deadline := w.today
	if d.Offer != nil {
		deadline = d.Offer.Deadline
	} else if d.Next != nil {
		deadline = d.Next.Due
	}
	if w.today > deadline {
		w.para = []string{
			fmt.Sprintf("Thank you again for the offer for %s at %s. I realise the deadline of %s has passed, and I apologise for the delay.", role, company, longDate(deadline)),
			"I would like to confirm whether the offer still stands, and [your answer, or what you still need to decide].",
		}
		return Message{Title: "offer past its deadline", Subject: fmt.Sprintf("The offer for %s", role)}
	}
	w.para = []string{
		fmt.Sprintf("Thank you again for the offer for %s at %s. I am excited about it.", role, company),
		fmt.Sprintf("Before I give my answer by %s, I would like to clarify a few points:\n- [your question, e.g. the bonus, the equity and its vesting, or the start date]", longDate(deadline)),
		"Could we have a short call about these? If it helps, I would also appreciate a few more days to decide. Would [a new date] work?",
	}
	return Message{Title: "offer questions", Subject: fmt.Sprintf("Questions about the offer for %s", role)}
}

// expedite asks a process still deciding whether it can decide before an
// offer elsewhere expires; the other company is never named.
func (w *draftWriter) expedite() Message {
	deadline := w.d.Next.Deadline
	first := fmt.Sprintf("I hope you are well. I remain very interested in %s at %s.", w.role, w.company)
	if w.interview != "" {
		first = fmt.Sprintf("I hope you are well. Thank you again for the interview for %s at %s%s; I remain very interested.", w.role, w.company, w.interview)
	}
	ask := "I have an offer from another company with a deadline of " + deadline.Format(timeline.LayoutDay) + "; is there any chance of a decision before then?"
	if deadline == w.today {
		ask = "I have an offer from another company with a deadline of today; is there any chance of a decision today?"
	}
	w.para = []string{
		first,
		ask,
		"I would much rather hear from you before I answer.",
	}
	return Message{Title: "ask them to hurry", Subject: fmt.Sprintf("Timing: %s at %s", trimThe(w.role), w.company)}
}

func (w *draftWriter) checkin() Message {
	held := ""
	if h := lastOf(w.d.Events, timeline.EventHold, w.today); !h.IsZero() {
		held = " since " + longDate(h)
	}
	interviewed := ""
	if w.interview != "" {
		interviewed = " I interviewed" + w.interview + "."
	}
	w.para = []string{
		fmt.Sprintf("I hope you are well. I am checking in on my application for %s at %s, which I understand has been on hold%s.%s", w.role, w.company, held, interviewed),
		fmt.Sprintf("I remain very interested in %s, in this role or another where my experience fits, and would be glad to hear of any change.", w.company),
	}
	return Message{Title: "on-hold check-in", Subject: fmt.Sprintf("Checking in: %s at %s", trimThe(w.role), w.company)}
}

// reapply: only once the reapply window is open.
func (w *draftWriter) reapply() Message {
	gap := ""
	if rej := lastOf(w.d.Events, timeline.EventRejected, w.today); !rej.IsZero() {
		gap = fmt.Sprintf(" It has now been %s since then,", strings.TrimSuffix(since(rej, w.today), " ago"))
	}
	w.para = []string{
		fmt.Sprintf("I hope you are well. I interviewed for %s at %s%s, and although it did not work out then, I have stayed keen on %s.%s and I would like to be considered again for this or a similar role.", w.role, w.company, w.interview, w.company, gap),
		"Since then I have [what you have learned or built]. I would be grateful to hear of any openings that fit, or how best to reapply.",
	}
	return Message{Title: "reapply note", Subject: fmt.Sprintf("Reapplying to %s", w.company)}
}

// feedback: after a rejection, before the reapply window opens (or after
// it closed), ask for the high-level reasons.
func (w *draftWriter) feedback() Message {
	w.para = []string{
		fmt.Sprintf("Thank you for letting me know about %s at %s. I enjoyed meeting the team%s.", w.role, w.company, w.interview),
		"If you can share any high-level feedback on where I fell short, I would be grateful: it would help me prepare for the future.",
		fmt.Sprintf("I remain interested in %s and hope our paths cross again.", w.company),
	}
	return Message{Title: "feedback request", Subject: fmt.Sprintf("Feedback: %s at %s", trimThe(w.role), w.company)}
}

func (w *draftWriter) beforeInterview() Message {
	w.para = []string{
		fmt.Sprintf("Thank you for arranging the interview for %s at %s on %s. I am looking forward to it.", w.role, w.company, longDate(w.d.NextInterview)),
		"Could you tell me who I will be meeting and whether there is anything I should prepare?",
	}
	return Message{Title: "before the interview", Subject: fmt.Sprintf("Interview on %s: %s at %s", longDate(w.d.NextInterview), trimThe(w.role), w.company)}
}

func (w *draftWriter) checks() Message {
	w.para = []string{
		fmt.Sprintf("I hope you are well. I wanted to ask how the background and reference checks for %s at %s are going, and whether you need anything more from me.", w.role, w.company),
		"I am looking forward to getting started.",
	}
	return Message{Title: "checks", Subject: fmt.Sprintf("Background checks: %s at %s", trimThe(w.role), w.company)}
}

// application: no interview yet.
func (w *draftWriter) application() Message {
	applied := ""
	if a := lastOf(w.d.Events, timeline.EventApplied, w.today); !a.IsZero() {
		applied = fmt.Sprintf(" on %s (%s)", longDate(a), since(a, w.today))
	}
	w.para = []string{
		fmt.Sprintf("I hope you are well. I applied for %s at %s%s and wanted to ask where my application stands.", w.role, w.company, applied),
		"I am very interested in the role and happy to provide anything else you need.",
	}
	return Message{Title: "status check", Subject: fmt.Sprintf("My application: %s at %s", trimThe(w.role), w.company)}
}

// statusCheck: after an interview. A promised date is quoted as promised,
// and said to have passed only once it has.
func (w *draftWriter) statusCheck() Message {
	first := fmt.Sprintf("I hope you are well. I interviewed for %s at %s%s and wanted to ask whether there is any update on my application.", w.role, w.company, w.interview)
	switch by := promisedBy(w.d.Events, w.d.LastInterview, w.today); {
	case !by.IsZero() && by < w.today:
		first += fmt.Sprintf(" You mentioned I might hear by %s.", longDate(by))
	case !by.IsZero():
		first += fmt.Sprintf(" I know you mentioned I might hear by %s; I just wanted to check that nothing more is needed from me.", longDate(by))
	}
	if f := lastOf(w.d.Events, timeline.EventFollowup, w.today); !f.IsZero() && f >= w.d.LastInterview {
		first += fmt.Sprintf(" I am following up on my note of %s.", longDate(f))
	}
	w.para = []string{first, "I remain very interested in the role and am happy to provide anything else you need."}
	return Message{Title: "status check", Subject: fmt.Sprintf("Following up: %s at %s", trimThe(w.role), w.company)}
}

// MailtoURL builds a mailto: link with a subject and body (RFC 6068): every
// part percent-encoded, spaces as %20 and line breaks as %0D%0A.
func MailtoURL(to, subject, body string) string {
	enc := func(s string) string { return strings.ReplaceAll(url.QueryEscape(s), "+", "%20") }
	body = strings.ReplaceAll(strings.ReplaceAll(body, "\r\n", "\n"), "\n", "\r\n")
	return "mailto:" + url.PathEscape(to) + "?subject=" + enc(subject) + "&body=" + enc(body)
}

// emailOf returns the contact as a bare email address, or "" when it is not
// one (a phone number, a name).
func emailOf(contact string) string {
	a, err := mail.ParseAddress(strings.TrimSpace(contact))
	if err != nil || !strings.Contains(a.Address, "@") {
		return ""
	}
	return a.Address
}

// firstName returns the first word of a name.
func firstName(name string) string {
	if f := strings.Fields(name); len(f) > 0 {
		return f[0]
	}
	return ""
}

// longDate is a date as written in a message: "Friday 20 November".
func longDate(d timeline.Date) string { return d.Format(timeline.LayoutLongDay) }

// since says how long ago a date was, in words: "yesterday", "6 days ago",
// "3 weeks ago", "7 months ago".
func since(d, today timeline.Date) string {
	n := today.Sub(d)
	switch {
	case n <= 0:
		return "today"
	case n == 1:
		return "yesterday"
	case n < 14:
		return fmt.Sprintf("%d days ago", n)
	case n < 60:
		return fmt.Sprintf("%d weeks ago", n/7)
	}
	months := 0
	for d.AddMonths(months+1) <= today {
		months++
	}
	if months == 1 {
		return "a month ago"
	}
	return fmt.Sprintf("%d months ago", months)
}

// lastOf returns the date of the latest event of type t on or before today.
func lastOf(events []timeline.Event, t timeline.EventType, today timeline.Date) timeline.Date {
	var last timeline.Date
	for _, e := range events {
		if e.Type == t && e.Date <= today {
			last = e.Date
		}
	}
	return last
}

// promisedBy returns the latest date news since the last interview promised
// a decision by (a standing promise, as timeline's waiting rule counts it),
// or the zero Date.
func promisedBy(events []timeline.Event, lastInterview, today timeline.Date) timeline.Date {
	var by timeline.Date
	for _, e := range events {
		if e.Type == timeline.EventHeard && e.Date >= lastInterview && e.Date <= today {
			by = max(by, e.By)
		}
	}
	return by
}

// trimThe turns "the SDE II role" into "SDE II" for a subject line.
func trimThe(role string) string {
	if role == "the role" {
		return "my application"
	}
	return strings.TrimSuffix(strings.TrimPrefix(role, "the "), " role")
}

// orDefault returns s, or def when s is empty.
func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
