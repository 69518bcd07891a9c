package tui

import (
	"fmt"
	"strings"

	"github.com/afterview/afterview/timeline"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/lipgloss"
)

// The palette: every colour afterview uses, each adapting to light and dark
// backgrounds. A colour means the same thing on every screen and in every report.
// Every one is readable on the backgrounds of its theme (paletteBackgrounds):
// a contrast ratio of at least 4.5:1, WCAG's level for text (a test checks).
var (
	colOverdue  = lipgloss.AdaptiveColor{Light: "#B3262D", Dark: "#FF6B78"} // overdue, errors
	colToday    = lipgloss.AdaptiveColor{Light: "#9A4A00", Dark: "#FFB454"} // due today
	colUpcoming = lipgloss.AdaptiveColor{Light: "#1A62A0", Dark: "#6CB6FF"} // coming up
	colWaiting  = lipgloss.AdaptiveColor{Light: "#555555", Dark: "#B0B0B0"} // waiting on time
	colGood     = lipgloss.AdaptiveColor{Light: "#136B33", Dark: "#5FD98B"} // offers, started
	colClosed   = lipgloss.AdaptiveColor{Light: "#636363", Dark: "#959595"} // closed, muted text
	colAccent   = lipgloss.AdaptiveColor{Light: "#6B3FD1", Dark: "#B49CFF"} // titles, focus
	colText     = lipgloss.AdaptiveColor{Light: "#1A1A1A", Dark: "#EDEDED"}
)

// paletteBackgrounds are the terminal backgrounds the palette is made for:
// white and the usual light schemes (Solarized Light's is the darkest), black
// and the usual dark ones (Solarized Dark's is the lightest).
var paletteBackgrounds = map[Theme][]string{
	ThemeLight: {"#FFFFFF", "#F5F5F5", "#FDF6E3"},
	ThemeDark:  {"#000000", "#1E1E1E", "#282828", "#002B36"},
}

// Theme says which of the palette's colours to use: those for a light or a
// dark terminal background, or auto (ask the terminal, which tmux and
// some terminals cannot answer; then lipgloss assumes dark).
type Theme string

// The themes, as AFTERVIEW_THEME and `afterview config theme` take them.
const (
	ThemeAuto  Theme = "auto"
	ThemeLight Theme = "light"
	ThemeDark  Theme = "dark"
)

// Themes lists the themes, for help and errors.
var Themes = []Theme{ThemeAuto, ThemeLight, ThemeDark}

// ParseTheme reads a theme: auto, light or dark ("" is auto).
func ParseTheme(s string) (Theme, error) {
	t := Theme(strings.ToLower(strings.TrimSpace(s)))
	switch t {
	case "":
		return ThemeAuto, nil
	case ThemeAuto, ThemeLight, ThemeDark:
		return t, nil
	}
	return "", fmt.Errorf("%q is not a theme (themes: auto, light, dark)", Sanitize(s))
}

// Apply sets the renderer's idea of the background: light or dark as the
// theme says, or, for auto, whatever the terminal answers. Call it before
// building the Styles.
func (t Theme) Apply(r *lipgloss.Renderer) {
	switch t {
	case ThemeLight:
		r.SetHasDarkBackground(false)
	case ThemeDark:
		r.SetHasDarkBackground(true)
	default:
		r.HasDarkBackground() // ask now, before Bubble Tea owns the input
	}
}

// Styles is afterview's one style sheet, built once per renderer; views only
// call Render on its fields.
type Styles struct {
	Title    lipgloss.Style // screen and section titles
	Muted    lipgloss.Style // secondary text
	Bold     lipgloss.Style
	Error    lipgloss.Style // error and status-line failures
	Overdue  lipgloss.Style // a due date in the past
	Today    lipgloss.Style // a due date today
	Upcoming lipgloss.Style // a due date within the lookahead
	Waiting  lipgloss.Style // a due date further out
	Good     lipgloss.Style
	Closed   lipgloss.Style
	Accent   lipgloss.Style

	// The TUI's chrome. Selection and the active tab do not rely on colour
	// alone (reverse video, underline, and a "›" marker drawn by the views),
	// so that NO_COLOR and monochrome terminals still show them.
	Selected  lipgloss.Style // the selected row: reverse video
	Marker    lipgloss.Style // the "›" beside the selected row or field
	Header    lipgloss.Style // the top line
	Tab       lipgloss.Style // an inactive tab
	TabActive lipgloss.Style // the active tab: bold and underlined
	Box       lipgloss.Style // a bordered box: confirmations
	BarDone   lipgloss.Style // the part of a window already behind today
	BarLeft   lipgloss.Style // the part still ahead
	Key       lipgloss.Style // a key in the help bar
	Label     lipgloss.Style // a field's label in the detail view and forms

	stage map[timeline.Stage]lipgloss.Style
}

// NewStyles builds the style sheet for a renderer (lipgloss.DefaultRenderer()
// for the terminal; a renderer with the Ascii profile for plain text).
func NewStyles(r *lipgloss.Renderer) Styles {
	fg := func(c lipgloss.TerminalColor) lipgloss.Style { return r.NewStyle().Foreground(c) }
	s := Styles{
		Title:    r.NewStyle().Bold(true).Foreground(colAccent),
		Muted:    fg(colClosed),
		Bold:     r.NewStyle().Bold(true),
		Error:    fg(colOverdue).Bold(true),
		Overdue:  fg(colOverdue).Bold(true),
		Today:    fg(colToday).Bold(true),
		Upcoming: fg(colUpcoming),
		Waiting:  fg(colWaiting),
		Good:     fg(colGood),
		Closed:   fg(colClosed),
		Accent:   fg(colAccent),
		stage:    map[timeline.Stage]lipgloss.Style{},
	}
	for _, st := range timeline.Stages {
		c := lipgloss.TerminalColor(colWaiting)
		switch st {
		case timeline.StageFollowUp:
			c = colToday
		case timeline.StageHold, timeline.StageScheduled:
			c = colUpcoming
		case timeline.StageOffer, timeline.StageChecks, timeline.StageOnboarding, timeline.StageStarted:
			c = colGood
		case timeline.StageRejected, timeline.StageDeclined, timeline.StageWithdrawn:
			c = colClosed
		case timeline.StageDebrief, timeline.StageDecision, timeline.StageReply, timeline.StageWaiting:
			c = colText
		}
		s.stage[st] = fg(c).Bold(st == timeline.StageOffer || st == timeline.StageFollowUp)
	}
	s.Selected = r.NewStyle().Reverse(true)
	s.Marker = r.NewStyle().Bold(true).Foreground(colAccent)
	s.Header = r.NewStyle().Bold(true)
	s.Tab = fg(colClosed)
	s.TabActive = r.NewStyle().Bold(true).Underline(true).Foreground(colAccent)
	s.Box = r.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(colAccent).Padding(0, 1)
	s.BarDone = fg(colAccent)
	s.BarLeft = fg(colClosed)
	s.Key = fg(colText).Bold(true)
	s.Label = fg(colClosed)
	return s
}

// HelpStyles returns the styles of the bubbles/help bar in this palette.
func (s Styles) HelpStyles() help.Styles {
	return help.Styles{
		Ellipsis:       s.Muted,
		ShortKey:       s.Key,
		ShortDesc:      s.Muted,
		ShortSeparator: s.Muted,
		FullKey:        s.Key,
		FullDesc:       s.Muted,
		FullSeparator:  s.Muted,
	}
}

// Stage returns the style of a stage badge.
func (s Styles) Stage(st timeline.Stage) lipgloss.Style {
	if v, ok := s.stage[st]; ok {
		return v
	}
	return s.Muted
}

// Due returns the style for a due date on today: overdue, today, coming up
// within lookahead days, or waiting further out.
func (s Styles) Due(due, today timeline.Date, lookahead int) lipgloss.Style {
	switch {
	case due < today:
		return s.Overdue
	case due == today:
		return s.Today
	case due <= today.AddDays(lookahead):
		return s.Upcoming
	}
	return s.Waiting
}

// SectionDue returns the colour of a chase section's due dates: overdue,
// today or coming up.
func (s Styles) SectionDue(sec timeline.Section) lipgloss.Style {
	switch sec {
	case timeline.SecOverdue:
		return s.Overdue
	case timeline.SecToday:
		return s.Today
	}
	return s.Upcoming
}

// SectionHeading returns the style of a chase section's heading (in the
// chase report and on the dashboard's Chase tab): its due dates' colour, bold.
func (s Styles) SectionHeading(sec timeline.Section) lipgloss.Style {
	return s.SectionDue(sec).Bold(true)
}
