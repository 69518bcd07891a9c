package store

import (
	"fmt"
	"strings"
	"time"

	"github.com/afterview/afterview/timeline"
)

// dateTokenHelp describes the --date-format tokens, for help and errors.
var dateTokenHelp = [][2]string{
	{"YYYY", "year"},
	{"YY", "year 2000–2099"},
	{"MM or M", "month, 1 or 2 digits"},
	{"MMM", "month name, Jan…Dec or in full"},
	{"DD or D", "day, 1 or 2 digits"},
}

// dateFormatExamples are --date-format layouts that spreadsheets use.
const dateFormatExamples = "MM/DD/YYYY, DD.MM.YYYY, D MMM YYYY"

// DateFormatHelp describes the --date-format tokens, one a line, for --help.
func DateFormatHelp() string {
	var b strings.Builder
	for _, t := range dateTokenHelp {
		fmt.Fprintf(&b, "  %-8s %s\n", t[0], t[1])
	}
	b.WriteString("  other characters stand for themselves, e.g. " + dateFormatExamples + "\n")
	return b.String()
}

// dateTokensLine is DateFormatHelp in one line, for errors.
func dateTokensLine() string {
	parts := make([]string, len(dateTokenHelp))
	for i, t := range dateTokenHelp {
		parts[i] = t[0] + " (" + t[1] + ")"
	}
	return strings.Join(parts, ", ") + "; other characters as written, e.g. " + dateFormatExamples
}

// DateFormat is how a spreadsheet writes dates, e.g. MM/DD/YYYY. The zero
// DateFormat reads ISO dates only; any other also reads ISO dates.
type DateFormat struct {
	layout string
	parts  []string // tokens ("YYYY", "MM", …) and literal text, in order
}

var dateTokens = []string{"YYYY", "MMM", "YY", "MM", "DD", "M", "D"} // longest first

// ParseDateFormat reads a --date-format: tokens for the year, month and day,
// each once, and the text between them.
func ParseDateFormat(layout string) (DateFormat, error) {
	f := DateFormat{layout: layout}
	if strings.TrimSpace(layout) == "" {
		return DateFormat{}, nil
	}
	seen := map[byte]bool{}
	for rest := layout; rest != ""; {
		tok := ""
		for _, t := range dateTokens {
			if strings.HasPrefix(strings.ToUpper(rest), t) {
				tok = t
				break
			}
		}
		if tok == "" {
			f.parts = append(f.parts, rest[:1])
			rest = rest[1:]
			continue
		}
		if seen[tok[0]] {
			return DateFormat{}, fmt.Errorf("date format %q names the %s twice (tokens: %s)", layout, tokenName(tok), dateTokensLine())
		}
		seen[tok[0]] = true
		f.parts = append(f.parts, tok)
		rest = rest[len(tok):]
	}
	if !seen['Y'] || !seen['M'] || !seen['D'] {
		return DateFormat{}, fmt.Errorf("date format %q needs a year, a month and a day (tokens: %s)", layout, dateTokensLine())
	}
	return f, nil
}

func tokenName(tok string) string {
	switch tok[0] {
	case 'Y':
		return "year"
	case 'M':
		return "month"
	}
	return "day"
}

// String returns the layout as the user gave it ("" for ISO only).
func (f DateFormat) String() string { return f.layout }

// Accepted lists the forms Parse accepts, for error messages.
func (f DateFormat) Accepted() string {
	if f.parts == nil {
		return "YYYY-MM-DD; for another form give --date-format, e.g. MM/DD/YYYY"
	}
	return f.layout + " or YYYY-MM-DD"
}

// Parse reads a date in f, or else an ISO date.
func (f DateFormat) Parse(s string) (timeline.Date, error) {
	s = strings.TrimSpace(s)
	if f.parts != nil {
		if d, ok := f.parse(s); ok {
			return d, nil
		}
	}
	return timeline.ParseDate(s)
}

func (f DateFormat) parse(s string) (timeline.Date, bool) {
	y, m, d := -1, -1, -1
	num := func(max int) (int, bool) {
		n, i := 0, 0
		for ; i < max && i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			n = n*10 + int(s[i]-'0')
		}
		s = s[i:]
		return n, i > 0
	}
	var ok bool
	for _, p := range f.parts {
		switch p {
		case "YYYY":
			if len(s) < 4 {
				return 0, false
			}
			y, ok = num(4)
			if !ok || y < 1000 {
				return 0, false
			}
		case "YY":
			if y, ok = num(2); !ok {
				return 0, false
			}
			y += 2000
		case "MM", "M":
			m, ok = num(2)
		case "DD", "D":
			d, ok = num(2)
		case "MMM":
			m, ok = 0, false
			for i := time.January; i <= time.December; i++ {
				if name := i.String()[:3]; len(s) >= 3 && strings.EqualFold(s[:3], name) {
					m, ok = int(i), true
					s = s[3:]
					if full := i.String()[3:]; len(s) >= len(full) && strings.EqualFold(s[:len(full)], full) {
						s = s[len(full):] // "March" as well as "Mar"
					}
					break
				}
			}
		default:
			ok = strings.HasPrefix(s, p)
			s = strings.TrimPrefix(s, p)
		}
		if !ok {
			return 0, false
		}
	}
	if s != "" || m < 1 || m > 12 || d < 1 {
		return 0, false
	}
	date := timeline.NewDate(y, time.Month(m), d)
	if _, mm, dd := date.YMD(); int(mm) != m || dd != d { // 31/02 is not 3 March
		return 0, false
	}
	return date, true
}
