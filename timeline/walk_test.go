package timeline

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// segment is what Derive must give from a day on: the stage and the next
// action (kind "" for none).
type segment struct {
	from  string
	stage Stage
	kind  ActionKind
	due   string
}

// walk is one application walked day by day across its boundaries.
type walk struct {
	name   string
	set    Settings
	events []Event
	last   string    // the last day walked; the first is the first segment's day minus 3
	segs   []segment // in order of from
}

// TestStagesWalkedDayByDay walks each stage across the days before, on and
// after each of its boundaries, with and without US holidays, and checks on
// every day the stage, the next action, and that no sentence (the action's
// text, the advice) contradicts the dates beside it.
func TestStagesWalkedDayByDay(t *testing.T) {
	def, us := DefaultSettings(), withHolidays("US")
	chaseApplied := DefaultSettings()
	chaseApplied.AppliedFollowupBD = 5
	iv := ev(EventInterview, "2026-11-02")
	ivFri := ev(EventInterview, "2026-11-20")
	for _, w := range []walk{
		{"applied, then ghosted", def, seq(ev(EventApplied, "2026-11-02")), "2026-12-06", []segment{
			{"2026-10-30", StageApplied, "", ""}, {"2026-12-03", StageGhosted, "", ""}}},
		{"applied with applied_followup_bd, then ghosted", chaseApplied, seq(ev(EventApplied, "2026-11-02")), "2026-12-06", []segment{
			{"2026-11-02", StageApplied, ActFollowup, "2026-11-10"}, {"2026-12-03", StageGhosted, "", ""}}},
		{"scheduled, then the clock", def, seq(ev(EventApplied, "2026-10-20"), iv), "2026-11-20", []segment{
			{"2026-10-20", StageScheduled, ActInterview, "2026-11-02"}, {"2026-11-02", StageDebrief, ActFollowup, "2026-11-12"},
			{"2026-11-06", StageDecision, ActFollowup, "2026-11-12"}, {"2026-11-10", StageReply, ActFollowup, "2026-11-12"},
			{"2026-11-12", StageFollowUp, ActFollowup, "2026-11-12"}}},
		{"the clock across Thanksgiving (US)", us, seq(ivFri), "2026-12-08", []segment{
			{"2026-11-17", StageScheduled, ActInterview, "2026-11-20"}, {"2026-11-20", StageDebrief, ActFollowup, "2026-12-03"},
			{"2026-11-24", StageDecision, ActFollowup, "2026-12-03"}, {"2026-11-30", StageReply, ActFollowup, "2026-12-03"},
			{"2026-12-03", StageFollowUp, ActFollowup, "2026-12-03"}}},
		{"the clock without holidays", def, seq(ivFri), "2026-12-08", []segment{
			{"2026-11-17", StageScheduled, ActInterview, "2026-11-20"}, {"2026-11-20", StageDebrief, ActFollowup, "2026-12-02"},
			{"2026-11-24", StageDecision, ActFollowup, "2026-12-02"}, {"2026-11-28", StageReply, ActFollowup, "2026-12-02"},
			{"2026-12-02", StageFollowUp, ActFollowup, "2026-12-02"}}},
		{"waiting on a promise, then a follow-up, then ghosted", def,
			seq(iv, ev(EventHeard, "2026-11-05", by("2026-11-20")), ev(EventFollowup, "2026-11-09"), ev(EventFollowup, "2026-11-30")), "2026-12-12", []segment{
				{"2026-11-02", StageDebrief, ActFollowup, "2026-11-12"}, {"2026-11-05", StageWaiting, ActFollowup, "2026-11-23"},
				{"2026-11-21", StageFollowUp, ActFollowup, "2026-11-23"}, {"2026-11-30", StageWaiting, ActFollowup, "2026-12-08"},
				{"2026-12-08", StageGhosted, "", ""}}},
		{"a follow-up, then a promise (US)", us,
			seq(iv, ev(EventFollowup, "2026-11-12"), ev(EventHeard, "2026-11-13", by("2026-11-25"))), "2026-12-02", []segment{
				{"2026-11-02", StageDebrief, ActFollowup, "2026-11-13"}, {"2026-11-06", StageDecision, ActFollowup, "2026-11-13"},
				{"2026-11-10", StageReply, ActFollowup, "2026-11-13"}, {"2026-11-12", StageWaiting, ActFollowup, "2026-11-20"},
				{"2026-11-13", StageWaiting, ActFollowup, "2026-11-27"}, {"2026-11-26", StageFollowUp, ActFollowup, "2026-11-27"}}},
		{"on hold", def, seq(iv, ev(EventHold, "2026-11-10")), "2026-12-15", []segment{
			{"2026-11-06", StageDecision, ActFollowup, "2026-11-12"}, {"2026-11-10", StageHold, ActCheckin, "2026-12-11"}}},
		{"an offer past its deadline", def, seq(iv, ev(EventOffer, "2026-11-27", deadline("2026-12-04"))), "2026-12-08", []segment{
			{"2026-11-24", StageFollowUp, ActFollowup, "2026-11-12"}, {"2026-11-27", StageOffer, ActOffer, "2026-12-04"}}},
		{"checks", us, seq(iv, ev(EventOffer, "2026-11-10"), ev(EventAccepted, "2026-11-18")), "2026-11-30", []segment{
			{"2026-11-15", StageOffer, ActOffer, "2026-11-17"}, {"2026-11-18", StageChecks, ActFollowup, "2026-11-27"}}},
		{"rejected: the reapply window opens and closes", def, seq(iv, ev(EventRejected, "2026-11-27")), "2027-12-01", []segment{
			{"2026-11-24", StageFollowUp, ActFollowup, "2026-11-12"}, {"2026-11-27", StageRejected, ActReapply, "2027-05-27"},
			{"2027-11-28", StageRejected, "", ""}}},
	} {
		t.Run(w.name, func(t *testing.T) { w.run(t) })
	}
}

// run walks w's days.
func (w walk) run(t *testing.T) {
	t.Helper()
	app := Application{ID: 1, Company: "Acme", Recruiter: "Pat Lee"}
	first, last := D(w.segs[0].from).AddDays(-3), D(w.last)
	for day := first; day <= last; day++ {
		seg := w.segs[0]
		for _, s := range w.segs {
			if D(s.from) <= day {
				seg = s
			}
		}
		d := Derive(app, w.events, w.set, day)
		if day < D(w.segs[0].from) {
			checkTexts(t, d, day, w.set)
			continue
		}
		if d.Stage != seg.stage || (d.Next == nil) != (seg.kind == "") || (d.Next != nil && (d.Next.Kind != seg.kind || d.Next.Due != D(seg.due))) {
			t.Errorf("%s: stage %s next %s; want %s %s due %s", day, d.Stage, describeNext(d.Next), seg.stage, seg.kind, seg.due)
		}
		checkTexts(t, d, day, w.set)
	}
}

func describeNext(a *Action) string {
	if a == nil {
		return "none"
	}
	return string(a.Kind) + " due " + a.Due.String()
}

// textDate matches a date as the texts write it: "Fri 20 Nov", "Thu 27 May 2027".
const textDate = `((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?: \d{4})?)`

// dateClaims are phrases that say where a date stands relative to today:
// each names the date and whether it must be ahead (≥ 0: on or after today,
// > 0: after today) or behind (< 0: before today).
var dateClaims = []struct {
	re   *regexp.Regexp
	want func(daysAhead int) bool
	says string
}{
	{regexp.MustCompile(`no (?:word|news|reply) by ` + textDate), func(n int) bool { return n >= 0 }, "is still ahead"},
	{regexp.MustCompile(`reapply from ` + textDate), func(n int) bool { return n > 0 }, "opens later"},
	{regexp.MustCompile(`open until ` + textDate), func(n int) bool { return n >= 0 }, "is still open"},
	{regexp.MustCompile(`promised news by ` + textDate + ` and none came`), func(n int) bool { return n < 0 }, "has passed"},
	{regexp.MustCompile(`closed ` + textDate), func(n int) bool { return n < 0 }, "has passed"},
	{regexp.MustCompile(`deadline, ` + textDate + `, has passed`), func(n int) bool { return n < 0 }, "has passed"},
	{regexp.MustCompile(`Answer the offer by ` + textDate), func(n int) bool { return n >= 0 }, "is still ahead"},
	{regexp.MustCompile(`Check in with .* on ` + textDate), func(n int) bool { return n > 0 }, "is later"},
	{regexp.MustCompile(`^Interview on ` + textDate), func(n int) bool { return n > 0 }, "is later"},
	{regexp.MustCompile(`Prepare for the interview on ` + textDate), func(n int) bool { return n > 0 }, "is later"},
	{regexp.MustCompile(`If nothing comes by ` + textDate), func(n int) bool { return n >= 0 }, "is still ahead"},
	{regexp.MustCompile(`until ` + textDate + `\)`), func(n int) bool { return n >= 0 }, "is still ahead"},
	{regexp.MustCompile(`since ` + textDate), func(n int) bool { return n <= 0 }, "has come"},
	{regexp.MustCompile(`of ` + textDate), func(n int) bool { return n <= 0 }, "has come"},
}

// checkTexts checks that the action's sentence and the advice hold on today.
func checkTexts(t *testing.T, d Derived, today Date, set Settings) {
	t.Helper()
	texts := Advice(d, today, set)
	if d.Next != nil {
		texts = append(texts, d.Next.Text)
		if today > d.Next.Due && d.Next.Kind != ActReapply {
			for _, never := range []string{"if there is no", "opens", "from "} {
				if strings.Contains(d.Next.Text, never) {
					t.Errorf("%s: overdue since %s, yet the text says %q: %s", today, d.Next.Due, never, d.Next.Text)
				}
			}
		}
		if d.Next.Kind == ActReapply && sectionOf(*d.Next, today) == SecOverdue {
			t.Errorf("%s: a reapply item is overdue", today)
		}
	}
	for _, text := range texts {
		for _, c := range dateClaims {
			for _, m := range c.re.FindAllStringSubmatch(text, -1) {
				d, ok := resolveTextDate(m[1], today)
				if n := d.Sub(today); ok && !c.want(n) {
					t.Errorf("%s: %q says %s %s, %d days from today", today, text, m[1], c.says, n)
				}
			}
		}
	}
}

// resolveTextDate reads a text's date; without a year, the one within 200
// days of today whose weekday matches (false when none does: a date years
// away, which only the fuzzer's far dates make).
func resolveTextDate(s string, today Date) (Date, bool) {
	f := strings.Fields(s)
	day, _ := strconv.Atoi(f[1])
	m, _ := time.Parse("Jan", f[2])
	if len(f) == 4 {
		y, _ := strconv.Atoi(f[3])
		return NewDate(y, m.Month(), day), true
	}
	y, _, _ := today.YMD()
	for _, dy := range []int{0, 1, -1} {
		if d := NewDate(y+dy, m.Month(), day); weekdayAbbr[d.Weekday()] == f[0] && d.Sub(today) < 200 && today.Sub(d) < 200 {
			return d, true
		}
	}
	return 0, false
}

// The sentences of the situations users saw told wrong, each on its day.
func TestTextsTrueOnTheDay(t *testing.T) {
	iv := ev(EventInterview, "2026-11-02")
	rejected := seq(iv, ev(EventRejected, "2026-11-27"))
	offer := seq(iv, ev(EventOffer, "2026-11-27", deadline("2026-12-04")))
	promise := seq(iv, ev(EventHeard, "2026-11-20", by("2026-12-02")))
	for _, c := range []struct {
		name   string
		events []Event
		today  string
		text   string // the next action's sentence
	}{
		{"reapply: two days after a rejection, the day it opens", rejected, "2026-11-29",
			"You may reapply from Thu 27 May 2027 (the usual wait after a rejection is 6–12 months)"},
		{"reapply: once open, until when", rejected, "2027-06-03",
			"You may reapply now — the window opened Thu 27 May 2027 and stays open until Sat 27 Nov 2027"},
		{"offer: on the deadline, answer by it", offer, "2026-12-04", "Answer the offer by Fri 4 Dec — negotiate or ask for more time before then"},
		{"offer: past the deadline, it says so and asks", offer, "2026-12-05",
			"The offer's deadline, Fri 4 Dec, has passed — did you answer? Log accepted or declined, or negotiate a new deadline"},
		{"promise: before the promised date", promise, "2026-12-02", "Follow up with Pat Lee if there is no news by Wed 2 Dec, the date they promised"},
		{"promise: after it passed", promise, "2026-12-05", "Follow up with Pat Lee — they promised news by Wed 2 Dec and none came"},
		{"clock: during the debrief", seq(iv), "2026-11-03", "Follow up with Pat Lee if there is no word by Wed 11 Nov, when the reply window closes"},
		{"clock: after the reply window", seq(iv), "2026-11-20", "Follow up with Pat Lee — no word since the interview on Mon 2 Nov; the reply window closed Wed 11 Nov"},
		{"hold: before the check-in", seq(iv, ev(EventHold, "2026-11-10")), "2026-11-20", "Check in with Pat Lee on Fri 11 Dec — on hold since 10 Nov"},
		{"hold: from the check-in on", seq(iv, ev(EventHold, "2026-11-10")), "2026-12-11", "Check in with Pat Lee — on hold since 10 Nov, no contact since Tue 10 Nov"},
		{"interview: booked", seq(ev(EventInterview, "2026-12-03")), "2026-11-29", "Interview on Thu 3 Dec — prepare your examples and your questions"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := Derive(Application{Recruiter: "Pat Lee"}, c.events, DefaultSettings(), D(c.today))
			if d.Next == nil || d.Next.Text != c.text {
				t.Errorf("text = %q\nwant   %q", describeText(d.Next), c.text)
			}
		})
	}
}

func describeText(a *Action) string {
	if a == nil {
		return "(no next action)"
	}
	return a.Text
}

// The advice users saw contradict the day: "if the promised date passes"
// after it passed, and "log it once done" for a booked interview.
func TestAdviceTrueOnTheDay(t *testing.T) {
	set := DefaultSettings()
	advice := func(events []Event, today string) string {
		return strings.Join(Advice(Derive(Application{}, events, set, D(today)), D(today), set), " ")
	}
	promise := seq(ev(EventInterview, "2026-11-20"), ev(EventHeard, "2026-11-24", by("2026-12-02")))
	if got := advice(promise, "2026-12-01"); !strings.Contains(got, "If nothing comes by Wed 2 Dec, follow up once more.") {
		t.Errorf("waiting before the promised date: %s", got)
	}
	if got := advice(promise, "2026-12-05"); strings.Contains(got, "passes") || strings.Contains(got, "If nothing comes") {
		t.Errorf("after the promised date passed, the advice still waits for it: %s", got)
	}
	booked := seq(ev(EventInterview, "2026-12-03"))
	if got := advice(booked, "2026-11-29"); strings.Contains(got, "once it is done") || !strings.Contains(got, "Thu 3 Dec") || !strings.Contains(got, "no need to log it again") {
		t.Errorf("a booked interview's advice: %s", got)
	}
	offer := seq(ev(EventInterview, "2026-11-20"), ev(EventOffer, "2026-11-27", deadline("2026-12-04")))
	if got := advice(offer, "2026-12-05"); !strings.Contains(got, "Fri 4 Dec, has passed") || strings.Contains(got, "before the deadline") {
		t.Errorf("an offer past its deadline: %s", got)
	}
	rejected := seq(ev(EventRejected, "2026-11-27"))
	for day, want := range map[string]string{"2026-11-29": "from Thu 27 May 2027", "2027-06-01": "you may reapply now", "2027-12-01": "has closed"} {
		if got := advice(rejected, day); !strings.Contains(got, want) {
			t.Errorf("rejected on %s: %s, want %q", day, got, want)
		}
	}
}
