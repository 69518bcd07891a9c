package tui

import (
	"fmt"
	"net/mail"
	"net/url"
	"strings"

	"github.com/afterview/afterview/timeline"
)

// Draft writes a short, polite message to the recruiter for d's next action:
// a status check once the reply window has passed (followup; during
// background checks, a question about them), a check-in while on hold
// (checkin), questions and an extension request on an offer (offer), or a
// note that the reapply window has opened (reapply). It uses the recruiter's
// first name, the role, the interview date and the time since. Square
// brackets mark what the user should fill in. It is pure: same input, same
// text.
func Draft(d timeline.Derived, today timeline.Date) (subject, body string) {
	company := orDefault(Sanitize(d.App.Company), "your company")
	role := "the role"
	if r := Sanitize(d.App.Role); r != "" {
		role = "the " + r + " role"
	}
	greeting := "Hello,"
	if name := firstName(Sanitize(d.App.Recruiter)); name != "" {
		greeting = "Hi " + name + ","
	}
	interview := ""
	if !d.LastInterview.IsZero() {
		interview = fmt.Sprintf(" on %s (%s)", longDate(d.LastInterview), since(d.LastInterview, today))
	}
	kind := timeline.ActFollowup
	if d.Next != nil {
		kind = d.Next.Kind
	}
	var para []string
	switch {
	case kind == timeline.ActOffer:
		subject = fmt.Sprintf("Questions about the offer for %s", role)
		deadline := "the deadline"
		if d.Offer != nil {
			deadline = longDate(d.Offer.Deadline)
		} else if d.Next != nil {
			deadline = longDate(d.Next.Due)
		}
		para = []string{
			fmt.Sprintf("Thank you again for the offer for %s at %s. I am excited about it.", role, company),
			fmt.Sprintf("Before I give my answer by %s, I would like to clarify a few points:\n- [your question, e.g. the bonus, the equity and its vesting, or the start date]", deadline),
			"Could we have a short call about these? If it helps, I would also appreciate a few more days to decide. Would [a new date] work?",
		}
	case kind == timeline.ActCheckin:
		subject = fmt.Sprintf("Checking in: %s at %s", trimThe(role), company)
		held := ""
		if h := lastOf(d.Events, timeline.EventHold, today); !h.IsZero() {
			held = " since " + longDate(h)
		}
		para = []string{
			fmt.Sprintf("I hope you are well. I am checking in on my application for %s at %s, which I understand has been on hold%s. I interviewed%s.", role, company, held, interview),
			fmt.Sprintf("I remain very interested in %s, in this role or another where my experience fits, and would be glad to hear of any change.", company),
		}
	case kind == timeline.ActReapply:
		subject = fmt.Sprintf("Reapplying to %s", company)
		gap := ""
		if rej := lastOf(d.Events, timeline.EventRejected, today); !rej.IsZero() {
			gap = fmt.Sprintf(" It has now been %s since then,", strings.TrimSuffix(since(rej, today), " ago"))
		}
		para = []string{
			fmt.Sprintf("I hope you are well. I interviewed for %s at %s%s, and although it did not work out then, I have stayed keen on %s.%s and I would like to be considered again for this or a similar role.", role, company, interview, company, gap),
			"Since then I have [what you have learned or built]. I would be grateful to hear of any openings that fit, or how best to reapply.",
		}
	case d.Stage == timeline.StageChecks:
		subject = fmt.Sprintf("Background checks: %s at %s", trimThe(role), company)
		para = []string{
			fmt.Sprintf("I hope you are well. I wanted to ask how the background and reference checks for %s at %s are going, and whether you need anything more from me.", role, company),
			"I am looking forward to getting started.",
		}
	default:
		subject = fmt.Sprintf("Following up: %s at %s", trimThe(role), company)
		first := fmt.Sprintf("I hope you are well. I interviewed for %s at %s%s and wanted to ask whether there is any update on my application.", role, company, interview)
		if by := promisedBy(d.Events, today); !by.IsZero() {
			first += fmt.Sprintf(" You mentioned I might hear by %s.", longDate(by))
		} else if f := lastOf(d.Events, timeline.EventFollowup, today); !f.IsZero() && f >= d.LastInterview {
			first += fmt.Sprintf(" I am following up on my note of %s.", longDate(f))
		}
		para = []string{first, "I remain very interested in the role and am happy to provide anything else you need."}
	}
	body = greeting + "\n\n" + strings.Join(para, "\n\n") + "\n\nThank you for your time.\n\nBest regards,\n"
	return subject, body
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
func longDate(d timeline.Date) string { return d.Format("Monday 2 January") }

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

// promisedBy returns the date the latest news promised a decision by, when
// that news is the latest contact.
func promisedBy(events []timeline.Event, today timeline.Date) timeline.Date {
	var by timeline.Date
	for _, e := range events {
		switch {
		case e.Date > today:
		case e.Type == timeline.EventHeard:
			by = e.By
		case e.Type == timeline.EventFollowup, e.Type == timeline.EventInterview:
			by = 0
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
