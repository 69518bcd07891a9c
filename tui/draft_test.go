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
			[]string{"Hi Jordan,", "You mentioned I might hear by Thursday 26 November."}},
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
		{"reapply: the window opens", "Hooli", timeline.ActReapply,
			"Reapplying to Hooli",
			[]string{"Hi Priya,", "on Sunday 20 September", "It has now been", "considered again"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := deriveFixture(t, c.company)
			if d.Next == nil || d.Next.Kind != c.kind {
				t.Fatalf("fixture %s: next %+v, want kind %s", c.company, d.Next, c.kind)
			}
			subject, body := Draft(d, testToday)
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
	subject, body := Draft(d, testToday)
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
