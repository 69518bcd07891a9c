package tui

import (
	"strings"
	"testing"

	"github.com/afterview/afterview/timeline"
)

// bookedStore holds one application with an interview booked on Sat 28
// Nov, as timeline derives it: stage scheduled, next action the interview.
func bookedStore() *fakeStore {
	fs := newFakeStore()
	day := testToday.AddDays(2)
	app := timeline.Application{ID: 1, Company: "Kojo Labs", Role: "SRE"}
	fs.apps[1] = app
	fs.events[1] = []timeline.Event{{ID: 1, Type: timeline.EventInterview, Date: day}}
	fs.cached = []timeline.Entry{{App: app, Summary: timeline.Summary{Stage: timeline.StageScheduled, NextInterview: day,
		Next: &timeline.Action{Kind: timeline.ActInterview, Due: day, From: testToday, Text: "Interview on Sat 28 Nov"}}}}
	fs.nextApp, fs.nextEv = 1, 1
	return fs
}

func TestABookedInterviewIsAChaseItemWithItsDate(t *testing.T) {
	m := testModel(t, bookedStore(), 100, 30)
	m = setTab(t, m, tabChase)
	v := m.View()
	if !strings.Contains(v, "Coming up (1)") || !strings.Contains(v, "interview 28 Nov") || !strings.Contains(v, "in 2d") {
		t.Errorf("the Chase tab should list the booked interview with its date:\n%s", v)
	}
	if h := m.headerView(); !strings.Contains(h, "nothing due") {
		t.Errorf("header %q: an interview in two days is not due", h)
	}
}

func TestChasedRefusesABookedInterview(t *testing.T) {
	fs := bookedStore()
	m := testModel(t, fs, 100, 30)
	m = setTab(t, m, tabChase)
	m, _ = press(t, m, "c")
	if len(fs.writes) != 0 || !strings.Contains(m.status, "attended, not chased") {
		t.Errorf("c on a booked interview wrote %v, status %q", fs.writes, m.status)
	}
}
