package tui

import (
	"strings"
	"testing"

	"github.com/afterview/afterview/timeline"
)

// deriveFixture derives a fixture application on testToday.
func deriveFixture(t *testing.T, company string) timeline.Derived {
	t.Helper()
	fs := fixtureStore()
	d, err := fs.Derive(fs.idOf(company))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDraftKinds(t *testing.T) {
	cases := []struct {
		name, company string
		kind          timeline.ActionKind
		subject       string
		body          []string
	}{
		{"followup: a status check after the reply window", "Acme Robotics", timeline.ActFollowup,
			"Following up: Software Engineer II at Acme Robotics",
			[]string{"Hi Pat,", "the Software Engineer II role at Acme Robotics on Tuesday 10 November (2 weeks ago)", "any update on my application", "Best regards,"}},
		{"followup after news that promised a date", "Globex", timeline.ActFollowup,
			"Following up: Platform Engineer at Globex",
			[]string{"Hi Jordan,", "I know you mentioned I might hear by Thursday 26 November; I just wanted to check"}},
		{"followup after a follow-up", "Tyrell Systems", timeline.ActFollowup,
			"Following up: Engineering Manager at Tyrell Systems",
			[]string{"Hi Chris,", "I am following up on my note of Thursday 19 November."}},
		{"followup during background checks", "Cyberdyne", timeline.ActFollowup,
			"Background checks: Platform Engineer at Cyberdyne",
			[]string{"Hi Maria,", "background and reference checks", "anything more from me"}},
		{"checkin: on hold", "Umbrella Health", timeline.ActCheckin,
			"Checking in: SRE at Umbrella Health",
			[]string{"Hi Tom,", "on hold since Tuesday 20 October", "another where my experience fits"}},
		{"offer: questions and an extension", "Initech", timeline.ActOffer,
			"Questions about the offer for the Data Engineer role",
			[]string{"Hi Alex,", "Thank you again for the offer", "by Monday 30 November", "a few more days to decide"}},
		{"reapply, before the window opens: a feedback request, not a reapply note", "Hooli", timeline.ActReapply,
			"Feedback: ML Engineer at Hooli",
			[]string{"Hi Priya,", "on Sunday 20 September", "high-level feedback", "[your name]"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := deriveFixture(t, c.company)
			if d.Next == nil || d.Next.Kind != c.kind {
				t.Fatalf("fixture %s: next %+v, want kind %s", c.company, d.Next, c.kind)
			}
			msg := Draft(d, timeline.DefaultSettings(), testToday)
			subject, body := msg.Subject, msg.Body
			if subject != c.subject {
				t.Errorf("subject %q, want %q", subject, c.subject)
			}
			for _, want := range c.body {
				if !strings.Contains(body, want) {
					t.Errorf("body lacks %q:\n%s", want, body)
				}
			}
		})
	}
}

func TestDraftWithoutNames(t *testing.T) {
	d := timeline.Derive(timeline.Application{ID: 1, Company: "Kojo\x1b[31m Labs"},
		[]timeline.Event{tev(timeline.EventInterview, "2026-11-10", "")}, timeline.DefaultSettings(), testToday)
	msg := Draft(d, timeline.DefaultSettings(), testToday)
	subject, body := msg.Subject, msg.Body
	if subject != "Following up: my application at Kojo Labs" {
		t.Errorf("subject %q", subject)
	}
	if !strings.HasPrefix(body, "Hello,\n\n") || !strings.Contains(body, "for the role at Kojo Labs") {
		t.Errorf("body:\n%s", body)
	}
	if strings.Contains(body, "\x1b") {
		t.Error("the draft carries an escape sequence")
	}
}

func TestSinceInWords(t *testing.T) {
	for days, want := range map[int]string{0: "today", 1: "yesterday", 6: "6 days ago", 20: "2 weeks ago", 75: "2 months ago", 40: "5 weeks ago"} {
		if got := since(testToday.AddDays(-days), testToday); got != want {
			t.Errorf("since(%d days) = %q, want %q", days, got, want)
		}
	}
}

func TestEmailOf(t *testing.T) {
	for in, want := range map[string]string{"pat@acme.example": "pat@acme.example", "Pat Lee <pat@acme.example>": "pat@acme.example",
		"+1 555 0100": "", "": "", "pat": ""} {
		if got := emailOf(in); got != want {
			t.Errorf("emailOf(%q) = %q, want %q", in, got, want)
		}
	}
}

// draftOn derives events for an application on today and drafts its message.
func draftOn(app timeline.Application, set timeline.Settings, today string, events ...timeline.Event) Message {
	for i := range events {
		events[i].ID = int64(i + 1)
	}
	d := timeline.Derive(app, events, set, timeline.MustDate(today))
	return Draft(d, set, timeline.MustDate(today))
}

// A contact that is not an e-mail address is never put in an e-mail header.
func TestDraftNeverPutsAPhoneNumberInTheHeader(t *testing.T) {
	iv := tev(timeline.EventInterview, "2026-11-02", "")
	set := timeline.DefaultSettings()
	for _, c := range []struct{ recruiter, contact, to, phone string }{
		{"Søren Kjær", "+45 12 34 56 78", "", "+45 12 34 56 78"},
		{"Søren Kjær", "soren@kjaer.example", "Søren Kjær <soren@kjaer.example>", ""},
		{"Pat <Lee>", "pat@acme.example", "Pat Lee <pat@acme.example>", ""},
		{"", "pat@acme.example", "pat@acme.example", ""},
		{"Pat Lee", "", "", ""},
	} {
		msg := draftOn(timeline.Application{Company: "Acme", Recruiter: c.recruiter, Contact: c.contact}, set, "2026-11-20", iv)
		if msg.To != c.to || msg.Phone != c.phone {
			t.Errorf("%s <%s>: To %q, phone %q; want %q, %q", c.recruiter, c.contact, msg.To, msg.Phone, c.to, c.phone)
		}
	}
}

// The TUI's draft pane shows a phone number beside the header, not in it.
func TestDraftPaneHeaderWithAPhoneNumber(t *testing.T) {
	st := plainReport(0).Styles
	d := timeline.Derive(timeline.Application{Company: "Acme", Recruiter: "Søren Kjær", Contact: "+45 12 34 56 78"},
		[]timeline.Event{tev(timeline.EventInterview, "2026-11-02", "")}, timeline.DefaultSettings(), testToday)
	p := newDraftPane(&common{styles: &st, settings: timeline.DefaultSettings()}, d, testToday)
	if strings.Contains(p.to, "<+45") || !strings.Contains(p.to, "no e-mail address; phone +45 12 34 56 78") {
		t.Errorf("To line %q", p.to)
	}
}

// A reapply note is offered only once the window is open; before, the draft
// asks for feedback.
func TestDraftReapplyOnlyOnceTheWindowIsOpen(t *testing.T) {
	app := timeline.Application{Company: "Acme", Role: "SDE", Recruiter: "Pat Lee"}
	events := func() []timeline.Event {
		return []timeline.Event{tev(timeline.EventInterview, "2026-11-02", ""), tev(timeline.EventRejected, "2026-11-12", "")}
	}
	set := timeline.DefaultSettings()
	before := draftOn(app, set, "2026-11-26", events()...)
	if strings.Contains(before.Body, "considered again") || !strings.Contains(before.Body, "high-level feedback") || before.Title != "feedback request" {
		t.Errorf("two weeks after a rejection: %s\n%s", before.Title, before.Body)
	}
	if b := draftOn(app, set, "2027-05-11", events()...); strings.Contains(b.Body, "considered again") {
		t.Errorf("the day before the window opens: %s", b.Body)
	}
	open := draftOn(app, set, "2027-05-12", events()...)
	if !strings.Contains(open.Body, "considered again") || open.Subject != "Reapplying to Acme" {
		t.Errorf("the window open: %s\n%s", open.Subject, open.Body)
	}
}

// A draft before a promised date does not claim the date has passed; after,
// it may mention it.
func TestDraftBeforeAPromisedDate(t *testing.T) {
	app := timeline.Application{Company: "Acme", Recruiter: "Pat Lee"}
	heard := tev(timeline.EventHeard, "2026-11-05", "")
	heard.By = timeline.MustDate("2026-11-20")
	set := timeline.DefaultSettings()
	before := draftOn(app, set, "2026-11-18", tev(timeline.EventInterview, "2026-11-02", ""), heard)
	if !strings.Contains(before.Body, "I know you mentioned I might hear by Friday 20 November; I just wanted to check") {
		t.Errorf("before the promised date:\n%s", before.Body)
	}
	after := draftOn(app, set, "2026-11-23", tev(timeline.EventInterview, "2026-11-02", ""), heard)
	if !strings.Contains(after.Body, "You mentioned I might hear by Friday 20 November.") {
		t.Errorf("after the promised date:\n%s", after.Body)
	}
}

// Drafts are signed with the name setting; without one they end with a gap
// to fill in, not a dangling "Best regards,".
func TestDraftSignedWithName(t *testing.T) {
	app := timeline.Application{Company: "Acme"}
	set := timeline.DefaultSettings()
	if b := draftOn(app, set, "2026-11-20", tev(timeline.EventInterview, "2026-11-02", "")).Body; !strings.HasSuffix(b, "Best regards,\n[your name]\n") {
		t.Errorf("unsigned draft ends %q", b[max(0, len(b)-40):])
	}
	set.Name = "Sam Doe"
	if b := draftOn(app, set, "2026-11-20", tev(timeline.EventInterview, "2026-11-02", "")).Body; !strings.HasSuffix(b, "Best regards,\nSam Doe\n") {
		t.Errorf("signed draft ends %q", b[max(0, len(b)-40):])
	}
}

// Each situation gets its own draft: an application with no interview, a
// booked interview, an offer past its deadline.
func TestDraftSituations(t *testing.T) {
	app := timeline.Application{Company: "Acme", Role: "SDE", Recruiter: "Pat Lee"}
	set := timeline.DefaultSettings()
	set.AppliedFollowupBD = 5
	applied := draftOn(app, set, "2026-11-20", tev(timeline.EventApplied, "2026-11-02", ""))
	if applied.Subject != "My application: SDE at Acme" || !strings.Contains(applied.Body, "I applied for the SDE role at Acme on Monday 2 November (2 weeks ago)") || strings.Contains(applied.Body, "interviewed") {
		t.Errorf("applied: %s\n%s", applied.Subject, applied.Body)
	}
	booked := draftOn(app, set, "2026-11-20", tev(timeline.EventInterview, "2026-11-26", ""))
	if booked.Title != "before the interview" || !strings.Contains(booked.Body, "on Thursday 26 November. I am looking forward to it.") {
		t.Errorf("booked: %s\n%s", booked.Title, booked.Body)
	}
	offer := tev(timeline.EventOffer, "2026-11-20", "")
	offer.Deadline = timeline.MustDate("2026-11-27")
	past := draftOn(app, set, "2026-11-30", tev(timeline.EventInterview, "2026-11-02", ""), offer)
	if !strings.Contains(past.Body, "the deadline of Friday 27 November has passed") || strings.Contains(past.Body, "Before I give my answer") {
		t.Errorf("offer past its deadline:\n%s", past.Body)
	}
	open := draftOn(app, set, "2026-11-27", tev(timeline.EventInterview, "2026-11-02", ""), offer)
	if !strings.Contains(open.Body, "Before I give my answer by Friday 27 November") {
		t.Errorf("offer on its deadline:\n%s", open.Body)
	}
}

// A promise still standing after a follow-up is quoted (not said to have
// passed), and so is the follow-up.
func TestDraftStandingPromiseAfterAFollowUp(t *testing.T) {
	app := timeline.Application{Company: "Globex", Recruiter: "Søren Kjær"}
	heard := tev(timeline.EventHeard, "2026-11-05", "")
	heard.By = timeline.MustDate("2026-11-25")
	msg := draftOn(app, timeline.DefaultSettings(), "2026-11-23", tev(timeline.EventInterview, "2026-11-02", ""), heard, tev(timeline.EventFollowup, "2026-11-09", ""))
	if !strings.Contains(msg.Body, "I know you mentioned I might hear by Wednesday 25 November; I just wanted to check") ||
		!strings.Contains(msg.Body, "I am following up on my note of Monday 9 November.") {
		t.Errorf("draft:\n%s", msg.Body)
	}
}

// An expedite item drafts the question whether they can decide before the
// offer elsewhere expires: the deadline named, the other company never,
// signed with the name setting.
func TestDraftExpedite(t *testing.T) {
	app := timeline.Application{Company: "Acme", Role: "SDE", Recruiter: "Pat Lee"}
	set := timeline.DefaultSettings()
	set.Name = "Robin Doe"
	for _, c := range []struct {
		name, today, deadline, want, notWant string
	}{
		{"before the deadline", "2026-12-07", "2026-12-11",
			"I have an offer from another company with a deadline of Fri 11 Dec; is there any chance of a decision before then?", "today"},
		{"on the deadline", "2026-12-11", "2026-12-11",
			"I have an offer from another company with a deadline of today; is there any chance of a decision today?", "before then"},
	} {
		t.Run(c.name, func(t *testing.T) {
			today := timeline.MustDate(c.today)
			d := timeline.Derive(app, []timeline.Event{tev(timeline.EventInterview, "2026-11-30", "")}, set, today)
			d.Next = &timeline.Action{Kind: timeline.ActExpedite, Due: today, From: today, Deadline: timeline.MustDate(c.deadline)}
			msg := Draft(d, set, today)
			if msg.Title != "ask them to hurry" || msg.Subject != "Timing: SDE at Acme" {
				t.Errorf("title %q, subject %q", msg.Title, msg.Subject)
			}
			if !strings.Contains(msg.Body, c.want) || strings.Contains(msg.Body, c.notWant) {
				t.Errorf("body lacks %q (or says %q):\n%s", c.want, c.notWant, msg.Body)
			}
			if !strings.HasPrefix(msg.Body, "Hi Pat,\n\n") || !strings.HasSuffix(msg.Body, "Best regards,\nRobin Doe\n") {
				t.Errorf("greeting or signature:\n%s", msg.Body)
			}
		})
	}
}

// m on an expedite item of the Chase tab drafts the expedite question,
// with the deadline of the offer elsewhere (Initech's, Mon 30 Nov) and
// never Initech's name.
func TestChaseExpediteDraft(t *testing.T) {
	fs := fixtureStore()
	fs.expedites = true
	m := testModel(t, fs, 100, 40)
	m = setTab(t, m, tabChase)
	m = selectCompany(t, m, "Acme Robotics")
	if e, _ := m.dash.Selected(); e.Next == nil || e.Next.Kind != timeline.ActExpedite {
		t.Fatalf("Acme's chase item is %+v, want expedite", e.Next)
	}
	m, _ = press(t, m, "m")
	p := topAs[*draftPane](t, m)
	if !strings.Contains(p.body, "I have an offer from another company with a deadline of Mon 30 Nov; is there any chance of a decision before then?") ||
		strings.Contains(p.body, "Initech") {
		t.Errorf("expedite draft:\n%s", p.body)
	}
}
