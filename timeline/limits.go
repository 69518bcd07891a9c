package timeline

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The limits of the text a user gives, checked in one place (CheckText) for
// every way in: add, edit, the TUI's forms and import. They are far above any
// real name or note, and keep a pasted file or a runaway script from making
// every list and report slow and huge.
const (
	MaxNameChars  = 200    // company and role
	MaxFieldChars = 2000   // recruiter, contact, URL and any other short field
	MaxNotesChars = 20_000 // an application's notes and an event's note
)

// TextLimit returns the most characters field may hold: "company", "role",
// "notes", "note" or any other field name.
func TextLimit(field string) int {
	switch field {
	case "company", "role":
		return MaxNameChars
	case "notes", "note":
		return MaxNotesChars
	}
	return MaxFieldChars
}

// CheckText checks one text field against its limit: valid UTF-8, at most
// TextLimit(field) characters, and for the company at least one visible
// character (not only spaces, controls or zero-width characters). Its
// errors name the field and the limit.
func CheckText(field, value string) error {
	if !utf8.ValidString(value) {
		return fmt.Errorf("the %s is not valid UTF-8 text (save the file as UTF-8)", field)
	}
	if n, limit := utf8.RuneCountInString(value), TextLimit(field); n > limit {
		return fmt.Errorf("the %s is %d characters long; the limit is %d (shorten it)", field, n, limit)
	}
	if field == "company" && strings.IndexFunc(value, visible) < 0 {
		if strings.TrimSpace(value) == "" {
			return fmt.Errorf("the company name is empty (give --company)")
		}
		return fmt.Errorf("the company name has no visible character (give --company)")
	}
	return nil
}

// visible reports a character that shows as something on a screen.
func visible(r rune) bool {
	return unicode.IsGraphic(r) && !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) && r != 0x2800 && r != 0x3164 && r != 0x115f && r != 0x1160 && r != 0xffa0
}

// checkText checks every text field of the application.
func (a Application) checkText() error {
	for _, f := range []struct{ name, value string }{
		{"company", a.Company}, {"role", a.Role}, {"recruiter", a.Recruiter},
		{"contact", a.Contact}, {"url", a.URL}, {"notes", a.Notes},
	} {
		if err := CheckText(f.name, f.value); err != nil {
			return err
		}
	}
	return nil
}
