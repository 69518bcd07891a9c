package store

import (
	"bufio"
	"io"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/afterview/afterview/timeline"
)

// The iCalendar (RFC 5545) text of the feed, written by hand: a feed holds
// a few kinds of lines only, and a library for every part of the standard
// costs its start-up and an allocation for each property.

// icsLineOctets is the longest a content line may be, CRLF left out; a
// longer one is folded: continued on the next line after a space.
const icsLineOctets = 75

// icsUTC is the layout of a date and time in UTC (FORM #2).
const icsUTC = "20060102T150405Z"

// icsDay is the layout of a DATE value.
const icsDay = "20060102"

// icsEscaper escapes TEXT values: a backslash, a line break, a semicolon
// and a comma are written \\, \n, \; and \,.
var icsEscaper = strings.NewReplacer(`\`, `\\`, "\n", `\n`, `;`, `\;`, `,`, `\,`)

// icsWriter writes content lines to a buffer, keeping the first error.
type icsWriter struct {
	w    *bufio.Writer
	line []byte
}

// prop writes one property: NAME, then ;PARAM=VALUE (param may be ""), then
// :value, folded.
func (x *icsWriter) prop(name, param, value string) {
	x.line = append(x.line[:0], name...)
	if param != "" {
		x.line = append(x.line, ';')
		x.line = append(x.line, param...)
	}
	x.line = append(x.line, ':')
	x.line = append(x.line, value...)
	x.fold(x.line)
}

// text writes a property whose value is TEXT, escaped.
func (x *icsWriter) text(name, value string) { x.prop(name, "", icsEscaper.Replace(value)) }

// raw writes a line that needs no folding (BEGIN and END).
func (x *icsWriter) raw(line string) {
	x.w.WriteString(line)
	x.w.WriteString("\r\n")
}

// fold writes a content line in lines of at most icsLineOctets octets, each
// continuation starting with a space. A line is cut before the last space
// (or "<", or after a ">") that leaves the piece within the limit, else at
// the last whole UTF-8 character that does: words stay whole where they
// can, a character always does. (afterview's feeds have been folded this
// way from the start, so a calendar that compares a refreshed feed with the
// last one sees only what changed.)
func (x *icsWriter) fold(line []byte) {
	limit := icsLineOctets
	for len(line) > limit {
		cut := foldAt(line, limit)
		x.w.Write(line[:cut])
		x.w.WriteString("\r\n ")
		line = line[cut:]
		limit = icsLineOctets - 1 // the leading space counts
	}
	x.w.Write(line)
	x.w.WriteString("\r\n")
}

// foldAt returns where to cut s so that the piece before holds at most max
// octets (see fold).
func foldAt(s []byte, max int) int {
	length, word := 0, -1
	var last rune
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRune(s[i:])
		if r == ' ' || r == '<' || last == '>' {
			word = i
		}
		last = r
		if length+utf8.RuneLen(r) > max {
			break
		}
		length += utf8.RuneLen(r)
		i += size
	}
	if word > 0 {
		return word
	}
	return length
}

// writeICSFeed writes the calendar of items (ordered already) to w.
func writeICSFeed(w io.Writer, items []icsItem, opt ICSOptions, zone *time.Location) error {
	x := &icsWriter{w: bufio.NewWriter(w)}
	x.raw("BEGIN:VCALENDAR")
	x.text("VERSION", "2.0")
	x.text("PRODID", "-//afterview//afterview//EN")
	x.text("METHOD", "PUBLISH")
	x.text("CALSCALE", "GREGORIAN")
	x.text("X-WR-CALNAME", "afterview")
	stamp := opt.Stamp.UTC().Format(icsUTC)
	for _, it := range items {
		x.raw("BEGIN:VEVENT")
		x.text("UID", it.uid)
		x.prop("DTSTAMP", "", stamp)
		summary := icsText(it.summary)
		var start time.Time
		if minutes, ok := timeline.ClockMinutes(it.at); ok {
			y, m, d := it.day.YMD()
			start = time.Date(y, m, d, minutes/60, minutes%60, 0, 0, zone)
			// Written in UTC: every calendar shows it in its own zone.
			x.prop("DTSTART", "", start.UTC().Format(icsUTC))
			x.prop("DTEND", "", start.Add(icsInterviewHours*time.Hour).UTC().Format(icsUTC))
			x.text("TRANSP", "OPAQUE") // the interview is busy time
		} else {
			x.prop("DTSTART", "VALUE=DATE", it.day.Time().Format(icsDay))
			x.prop("DTEND", "VALUE=DATE", it.day.AddDays(1).Time().Format(icsDay)) // exclusive: one day
			x.text("TRANSP", "TRANSPARENT")                                        // a reminder, not busy time
		}
		x.text("SUMMARY", summary)
		if it.description != "" {
			x.text("DESCRIPTION", icsText(it.description))
		}
		if u, err := url.Parse(it.url); err == nil && u.Scheme != "" && u.Host != "" && icsText(it.url) == it.url {
			x.prop("URL", "", u.String())
		}
		if !opt.NoAlarms {
			x.raw("BEGIN:VALARM")
			x.text("ACTION", "DISPLAY")
			x.text("DESCRIPTION", summary)
			switch {
			case !it.interview:
				x.prop("TRIGGER", "", icsDueAlarm)
			case start.IsZero():
				x.prop("TRIGGER", "", icsEveningBefore)
			default:
				y, m, d := it.day.AddDays(-1).YMD()
				evening := time.Date(y, m, d, icsEveningHour, 0, 0, 0, zone)
				x.prop("TRIGGER", "VALUE=DATE-TIME", evening.UTC().Format(icsUTC))
			}
			x.raw("END:VALARM")
		}
		x.raw("END:VEVENT")
	}
	x.raw("END:VCALENDAR")
	return x.w.Flush()
}
