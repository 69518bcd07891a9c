package tui

import (
	"strings"
	"testing"

	"github.com/afterview/afterview/timeline"
	"github.com/charmbracelet/x/ansi"
)

// statsFixture is insights with a histogram too tall for one cell an answer.
func statsFixture() timeline.Insights {
	set := timeline.DefaultSettings()
	bar := func(bd int, counts map[timeline.ResponseClass]int) timeline.HistBar {
		return timeline.HistBar{BD: bd, Counts: counts}
	}
	return timeline.Insights{
		Today:     reportToday,
		Settings:  set,
		Funnel:    timeline.Funnel{Applications: 200, Interviewed: 150, Offers: 20, Accepted: 3, Rejected: 90},
		Responses: []int{1, 2, 3, 4, 5, 6, 7},
		Median:    4, P80: 6,
		Within: map[timeline.ResponseClass]int{timeline.WithinDebrief: 10, timeline.WithinReply: 100},
		Histogram: []timeline.HistBar{
			bar(0, map[timeline.ResponseClass]int{timeline.WithinDebrief: 10}),
			bar(1, map[timeline.ResponseClass]int{}),
			bar(2, map[timeline.ResponseClass]int{timeline.WithinDecision: 1, timeline.WithinReply: 99}),
		},
		Companies: []timeline.CompanyInsight{{Company: "Acme\x1b]52;c;aGk=\x07 Corp", Processes: 3, Responses: 2, MedianBD: 4}},
	}
}

func TestHistogramBarsScaleWithTheirCounts(t *testing.T) {
	lines := plainReport(0).HistogramLines(statsFixture(), 20, false)
	// The longest bar (100) is scaled to 20 cells: 0.2 a cell. 10 debrief
	// answers take 2 cells; 1 decision answer still shows (1 cell) beside 99
	// reply answers (19.8: 20 cells); the empty day is empty; the counts
	// line up after the widest bar.
	want := []string{
		" 0 │██                     10",
		" 1 │                        0",
		" 2 │▓▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒ 100",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("histogram =\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

func TestStatsReportColourOnlyWhenAsked(t *testing.T) {
	in := statsFixture()
	plain := plainReport(80).Stats(in, 10)
	if strings.Contains(plain, "\x1b") {
		t.Errorf("the plain report holds escape codes:\n%q", plain)
	}
	if !strings.Contains(plain, "Acme Corp") {
		t.Errorf("the company name is not sanitised as expected:\n%s", plain)
	}
	for _, l := range strings.Split(plain, "\n") {
		if w := ansi.StringWidth(l); w > 80 {
			t.Errorf("a line is %d cells wide, more than 80: %q", w, l)
		}
	}
	colour := colourReport().Stats(in, 10)
	if !strings.Contains(colour, "\x1b[") {
		t.Error("the colour report has no colour")
	}
	if got := ansi.Strip(colour); strings.Count(got, "\n") != strings.Count(plain, "\n") {
		t.Errorf("the colour report has %d lines, the plain one %d", strings.Count(got, "\n"), strings.Count(plain, "\n"))
	}
	if strings.Contains(colour, "\x1b]52") {
		t.Error("the colour report passes an OSC 52 sequence from a company name through")
	}
}
