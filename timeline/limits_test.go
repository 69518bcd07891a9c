package timeline

import (
	"strings"
	"testing"
)

// Issue 11, item 10: every text field has a limit, named in the error.
func TestTextLimitsNameTheFieldAndTheLimit(t *testing.T) {
	long := func(n int) string { return strings.Repeat("é", n) } // characters, not bytes
	cases := []struct {
		name string
		app  Application
		want string
	}{
		{"a company of 200 characters is fine", Application{Company: long(200)}, ""},
		{"a company of 201 is not", Application{Company: long(201)}, "the company is 201 characters long; the limit is 200 (shorten it)"},
		{"a role of 201", Application{Company: "A", Role: long(201)}, "the role is 201 characters long; the limit is 200 (shorten it)"},
		{"a recruiter of 2,001", Application{Company: "A", Recruiter: long(2001)}, "the recruiter is 2001 characters long; the limit is 2000 (shorten it)"},
		{"a URL of 2,001", Application{Company: "A", URL: long(2001)}, "the url is 2001 characters long; the limit is 2000 (shorten it)"},
		{"notes of 20,000 are fine", Application{Company: "A", Notes: long(20000)}, ""},
		{"notes of 20,001 are not", Application{Company: "A", Notes: long(20001)}, "the notes is 20001 characters long; the limit is 20000 (shorten it)"},
		{"invalid UTF-8", Application{Company: "A", Contact: "bad \xff byte"}, "the contact is not valid UTF-8 text (save the file as UTF-8)"},
		{"a company of zero-width characters", Application{Company: "\u200b\u200d\ufeff"}, "the company name has no visible character (give --company)"},
		{"a company of controls", Application{Company: "\x1b\x07\u202e\u0085"}, "the company name has no visible character (give --company)"},
		{"a company of spaces", Application{Company: " \t "}, "the company name is empty (give --company)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.app.Validate()
			switch {
			case c.want == "" && err != nil:
				t.Errorf("error %v, want none", err)
			case c.want != "" && (err == nil || err.Error() != c.want):
				t.Errorf("error %v, want %q", err, c.want)
			}
		})
	}
	e := Event{Type: EventNote, Date: MustDate("2026-11-26"), Note: long(20001)}
	if err := e.Validate(); err == nil || err.Error() != "the note is 20001 characters long; the limit is 20000 (shorten it)" {
		t.Errorf("event note: %v", err)
	}
}
