package timeline

import (
	"reflect"
	"testing"
)

// insightsToday is a Tuesday. November 2026 starts on a Sunday: its Mondays
// are the 2nd, 9th, 16th, 23rd and 30th; October's are the 5th, 12th, 19th
// and 26th.
var insightsToday = D("2026-11-24")

// handMadeHistory is a search whose every figure is worked out by hand in the
// comments (default windows: debrief 3 days, decision 7 days, reply 5–7
// business days; no holidays).
func handMadeHistory() []AppHistory {
	app := func(id int64, company, role string) Application {
		return Application{ID: id, Company: company, Role: role}
	}
	return []AppHistory{
		// Acme SDE II. I = Mon 2 Nov; first word: news on Wed 4 Nov = 2 bd
		// (Tue, Wed), on or before I+3 = Thu 5 Nov: debrief. The promise
		// "by Mon 9 Nov" is kept: the offer came on Fri 6 Nov. Interviewed,
		// offered, accepted; stage checks (not an ending).
		{app(1, "Acme", "SDE II"), seq(
			ev(EventInterview, "2026-11-02"),
			ev(EventHeard, "2026-11-04", by("2026-11-09")),
			ev(EventOffer, "2026-11-06"),
			ev(EventAccepted, "2026-11-09"))},
		// Acme SRE (the same company, another process). I = Thu 1 Oct;
		// rejected Fri 9 Oct = 6 bd (Fri 2, Mon 5 … Fri 9). After I+7 =
		// Thu 8 Oct, on or before I+7 bd = Mon 12 Oct: reply. Ends rejected.
		{app(2, " acme ", "SRE"), seq(
			ev(EventInterview, "2026-10-01"),
			ev(EventRejected, "2026-10-09"))},
		// Globex. I = Fri 16 Oct; first word Thu 22 Oct = 4 bd (Mon 19 …
		// Thu 22); after I+3 = Mon 19, on or before I+7 = Fri 23: decision.
		// Promise by Fri 30 Oct: the next word (the follow-up is ours, not
		// theirs) is the news of Wed 4 Nov, 3 bd late (Mon 2, Tue 3, Wed 4).
		// Promise by Mon 9 Nov: rejected Wed 11 Nov, 2 bd late. Ends rejected.
		{app(3, "Globex", "PM"), seq(
			ev(EventInterview, "2026-10-16"),
			ev(EventHeard, "2026-10-22", by("2026-10-30")),
			ev(EventFollowup, "2026-11-02"),
			ev(EventHeard, "2026-11-04", by("2026-11-09")),
			ev(EventRejected, "2026-11-11"))},
		// Initech. I = Mon 9 Nov, no word since: none.
		{app(4, "Initech", "SWE"), seq(
			ev(EventInterview, "2026-11-09"))},
		// Hooli. I = Mon 12 Oct; the offer on Wed 28 Oct = 12 bd (4 that
		// week, 5 the next, Mon 26, Tue 27, Wed 28): past I+7 bd = Wed 21
		// Oct, late. Offered; ends declined.
		{app(5, "Hooli", "Staff Engineer"), seq(
			ev(EventApplied, "2026-10-01"),
			ev(EventInterview, "2026-10-12"),
			ev(EventOffer, "2026-10-28"),
			ev(EventDeclined, "2026-10-30"))},
		// Umbrella: applied, no interview: not a process.
		{app(6, "Umbrella", "SRE"), seq(
			ev(EventApplied, "2026-11-16"))},
		// Stark: rejected on the interview's own day (logged first): 0 bd,
		// debrief. Ends rejected.
		{app(7, "Stark", "Platform"), seq(
			ev(EventRejected, "2026-11-13"),
			ev(EventInterview, "2026-11-13"))},
		// Wayne: withdrawn before any word: in no class. Ends withdrawn.
		{app(8, "Wayne", "EM"), seq(
			ev(EventInterview, "2026-11-16"),
			ev(EventWithdrawn, "2026-11-18"))},
		// Pied Piper: the next round is booked (Tue 1 Dec): in no class.
		{app(9, "Pied Piper", "Engineer"), seq(
			ev(EventInterview, "2026-11-03"),
			ev(EventInterview, "2026-12-01"))},
		// Vandelay. I = Wed 18 Nov; news Fri 20 Nov = 2 bd, on or before
		// I+3 = Sat 21: debrief. Its promise (by Fri 27 Nov) is open, not yet due.
		{app(10, "Vandelay", "Importer"), seq(
			ev(EventInterview, "2026-11-18"),
			ev(EventHeard, "2026-11-20", by("2026-11-27")))},
		// Kojo. I = Mon 19 Oct; news Tue 27 Oct = 6 bd; after I+7 = Mon 26,
		// on or before I+7 bd = Wed 28: reply. Its promise (by Fri 30 Oct)
		// is open and past due.
		{app(11, "Kojo", "Data"), seq(
			ev(EventInterview, "2026-10-19"),
			ev(EventHeard, "2026-10-27", by("2026-10-30")))},
		// Cyberdyne. I = Mon 28 Sep; two follow-ups, no word: none.
		{app(12, "Cyberdyne", "ML"), seq(
			ev(EventInterview, "2026-09-28"),
			ev(EventFollowup, "2026-10-12"),
			ev(EventFollowup, "2026-10-19"))},
	}
}

func TestInsightsHandMadeHistory(t *testing.T) {
	in := ComputeInsights(handMadeHistory(), DefaultSettings(), insightsToday, 0)

	// Twelve applications; all but Umbrella interviewed; offers at Acme
	// (SDE II) and Hooli; accepted at Acme. Rejected: Acme SRE, Globex,
	// Stark; declined: Hooli; withdrawn: Wayne; ghosted: Cyberdyne (two
	// follow-ups unanswered, the last one's 5 bd over on Mon 26 Oct).
	wantFunnel := Funnel{Applications: 12, Interviewed: 11, Offers: 2, Accepted: 1, Rejected: 3, Ghosted: 1, Declined: 1, Withdrawn: 1}
	if in.Funnel != wantFunnel {
		t.Errorf("funnel = %+v, want %+v", in.Funnel, wantFunnel)
	}
	// Seven answers: 0 (Stark), 2 (Acme), 2 (Vandelay), 4 (Globex), 6
	// (Acme SRE), 6 (Kojo), 12 (Hooli). Median: the 4th of 7 = 4. 80th
	// percentile: rank ⌈5.6⌉ = 6, the 6th = 6.
	if want := []int{0, 2, 2, 4, 6, 6, 12}; !reflect.DeepEqual(in.Responses, want) {
		t.Errorf("responses = %v, want %v", in.Responses, want)
	}
	if in.Median != 4 || in.P80 != 6 {
		t.Errorf("median, p80 = %d, %d; want 4, 6", in.Median, in.P80)
	}
	wantWithin := map[ResponseClass]int{WithinDebrief: 3, WithinDecision: 1, WithinReply: 2, WithinLate: 1, WithinNone: 2}
	if !reflect.DeepEqual(in.Within, wantWithin) {
		t.Errorf("within = %v, want %v", in.Within, wantWithin)
	}
	wantPromises := PromiseCounts{Kept: 1, Late: 2, Open: 2, OpenPastDue: 1, LateBD: []int{2, 3}}
	if !reflect.DeepEqual(in.Promises, wantPromises) {
		t.Errorf("promises = %+v, want %+v", in.Promises, wantPromises)
	}
	// Acme (two processes: 2 and 6 bd, the median of two is the lower, 2)
	// first; then one each, by name.
	wantCompanies := []CompanyInsight{
		{Company: "Acme", Processes: 2, Responses: 2, MedianBD: 2, Promises: 1, PromisesKept: 1},
		{Company: "Cyberdyne", Processes: 1},
		{Company: "Globex", Processes: 1, Responses: 1, MedianBD: 4, Promises: 2},
		{Company: "Hooli", Processes: 1, Responses: 1, MedianBD: 12},
		{Company: "Initech", Processes: 1},
		{Company: "Kojo", Processes: 1, Responses: 1, MedianBD: 6, Promises: 1},
		{Company: "Pied Piper", Processes: 1},
		{Company: "Stark", Processes: 1, Responses: 1, MedianBD: 0},
		{Company: "Umbrella", Processes: 1},
		{Company: "Vandelay", Processes: 1, Responses: 1, MedianBD: 2, Promises: 1},
		{Company: "Wayne", Processes: 1},
	}
	if !reflect.DeepEqual(in.Companies, wantCompanies) {
		t.Errorf("companies =\n%+v\nwant\n%+v", in.Companies, wantCompanies)
	}
	// The histogram runs to reply_max_bd + 3 = 10 (the 80th percentile, 6,
	// is inside); its last bar holds Hooli's 12.
	wantBars := map[int]map[ResponseClass]int{
		0: {WithinDebrief: 1}, 2: {WithinDebrief: 2}, 4: {WithinDecision: 1}, 6: {WithinReply: 2}, 10: {WithinLate: 1}}
	if len(in.Histogram) != 11 {
		t.Fatalf("histogram has %d bars, want 11 (0–10)", len(in.Histogram))
	}
	total := 0
	for i, b := range in.Histogram {
		want := wantBars[i]
		if want == nil {
			want = map[ResponseClass]int{}
		}
		if b.BD != i || b.Open != (i == 10) || !reflect.DeepEqual(b.Counts, want) {
			t.Errorf("bar %d = %+v, want counts %v (open: %v)", i, b, want, i == 10)
		}
		total += b.Total()
	}
	if total != len(in.Responses) {
		t.Errorf("the bars hold %d answers, want %d", total, len(in.Responses))
	}
	// Seven answers are enough; 80% came within 6 bd, one less than reply_max_bd.
	if want := (&Suggestion{ReplyMaxBD: 6, Responses: 7}); !reflect.DeepEqual(in.Suggestion, want) {
		t.Errorf("suggestion = %+v, want %+v", in.Suggestion, want)
	}
}

func TestInsightsSinceCountsApplicationsBegunThen(t *testing.T) {
	// From Thu 15 Oct: Acme SRE (1 Oct), Hooli (applied 1 Oct) and Cyberdyne
	// (28 Sep) began before it; nine remain. Their answers: 0, 2, 2, 4, 6.
	in := ComputeInsights(handMadeHistory(), DefaultSettings(), insightsToday, D("2026-10-15"))
	if in.Funnel.Applications != 9 || in.Funnel.Offers != 1 || in.Funnel.Declined != 0 || in.Funnel.Rejected != 2 {
		t.Errorf("funnel = %+v, want 9 applications, 1 offer, 2 rejected, none declined", in.Funnel)
	}
	if want := []int{0, 2, 2, 4, 6}; !reflect.DeepEqual(in.Responses, want) {
		t.Errorf("responses = %v, want %v", in.Responses, want)
	}
	// Five answers: p80 is the 4th (⌈4⌉) = 4; the histogram's last bar is
	// 6 (the longest), not open.
	if in.P80 != 4 || in.Median != 2 {
		t.Errorf("median, p80 = %d, %d; want 2, 4", in.Median, in.P80)
	}
	if want := (&Suggestion{ReplyMaxBD: 4, ReplyMinBD: 4, Responses: 5}); !reflect.DeepEqual(in.Suggestion, want) {
		t.Errorf("suggestion = %+v, want %+v (4 is under reply_min_bd 5: lower it first)", in.Suggestion, want)
	}
	if n := len(in.Histogram); n != 7 || in.Histogram[n-1].Open {
		t.Errorf("histogram = %+v, want 7 bars (0–6), the last not open", in.Histogram)
	}
}

func TestInsightsSuggestionNeedsFiveAnswers(t *testing.T) {
	// From Mon 2 Nov only Acme SDE II (2), Stark (0) and Vandelay (2)
	// answered: three answers are not enough.
	in := ComputeInsights(handMadeHistory(), DefaultSettings(), insightsToday, D("2026-11-02"))
	if len(in.Responses) != 3 || in.Suggestion != nil {
		t.Errorf("responses %v, suggestion %+v; want 3 answers and no suggestion", in.Responses, in.Suggestion)
	}
	// The learned value equal to the setting is no suggestion either.
	set := DefaultSettings()
	set.ReplyMaxBD = 6
	if in := ComputeInsights(handMadeHistory(), set, insightsToday, 0); in.Suggestion != nil {
		t.Errorf("suggestion = %+v with reply_max_bd already 6, want none", in.Suggestion)
	}
}

func TestInsightsEmpty(t *testing.T) {
	in := ComputeInsights(nil, DefaultSettings(), insightsToday, 0)
	if in.Funnel != (Funnel{}) || len(in.Responses) != 0 || in.Histogram != nil || in.Suggestion != nil || len(in.Companies) != 0 {
		t.Errorf("insights of nothing = %+v, want all empty", in)
	}
}

func TestMedianAndPercentile(t *testing.T) {
	for _, c := range []struct {
		name     string
		values   []int
		med, p80 int
	}{
		{"none", nil, 0, 0},
		{"one", []int{5}, 5, 5},
		{"even count: the lower middle", []int{1, 2, 3, 4}, 2, 4},
		{"nearest rank of five is the fourth", []int{1, 2, 3, 4, 5}, 3, 4},
		{"nearest rank of ten is the eighth", []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 5, 8},
		{"nearest rank of six is the fifth (⌈4.8⌉)", []int{1, 2, 3, 4, 5, 6}, 3, 5},
	} {
		if m, p := Median(c.values), Percentile80(c.values); m != c.med || p != c.p80 {
			t.Errorf("%s: median, p80 of %v = %d, %d; want %d, %d", c.name, c.values, m, p, c.med, c.p80)
		}
	}
}

func TestResponseTimeInBusinessDays(t *testing.T) {
	us := withHolidays("US") // Thanksgiving: Thu 26 Nov 2026
	for _, c := range []struct {
		name     string
		set      Settings
		from, to string
		want     int
	}{
		{"the same day is 0", DefaultSettings(), "2026-11-23", "2026-11-23", 0},
		{"the next day is 1", DefaultSettings(), "2026-11-23", "2026-11-24", 1},
		{"a Saturday after a Friday is 1 (on or before Monday)", DefaultSettings(), "2026-11-20", "2026-11-21", 1},
		{"Monday after a Friday is 1", DefaultSettings(), "2026-11-20", "2026-11-23", 1},
		{"a week is 5", DefaultSettings(), "2026-11-23", "2026-11-30", 5},
		{"a holiday is skipped", us, "2026-11-25", "2026-11-27", 1},
		{"without the holiday calendar it counts", DefaultSettings(), "2026-11-25", "2026-11-27", 2},
	} {
		if got := c.set.BusinessDaysTo(D(c.from), D(c.to)); got != c.want {
			t.Errorf("%s: BusinessDaysTo(%s, %s) = %d, want %d", c.name, c.from, c.to, got, c.want)
		}
	}
}

func TestResponseClassFollowsTheHolidayCalendar(t *testing.T) {
	// I = Mon 23 Nov; the answer on Thu 3 Dec. Without holidays, I+7 bd is
	// Wed 2 Dec: late, 8 bd. With US holidays Thanksgiving is skipped, I+7
	// bd is Thu 3 Dec: within the reply window, 7 bd.
	evs := seq(ev(EventInterview, "2026-11-23"), ev(EventRejected, "2026-12-03"))
	today := D("2026-12-10")
	if r, _ := ResponseOf(evs, DefaultSettings(), today); r.Class != WithinLate || r.BD != 8 {
		t.Errorf("no holidays: %+v, want late, 8 bd", r)
	}
	if r, _ := ResponseOf(evs, withHolidays("US"), today); r.Class != WithinReply || r.BD != 7 {
		t.Errorf("US holidays: %+v, want reply, 7 bd", r)
	}
}

func TestResponseRules(t *testing.T) {
	set := DefaultSettings()
	for _, c := range []struct {
		name   string
		events []Event
		ok     bool
		class  ResponseClass
		word   string
	}{
		{"no interview: not a process", seq(ev(EventApplied, "2026-11-01"), ev(EventRejected, "2026-11-10")), false, "", ""},
		{"a booked interview only: not a process", seq(ev(EventInterview, "2026-11-30")), false, "", ""},
		{"word before the latest interview does not count", seq(ev(EventInterview, "2026-11-02"), ev(EventHeard, "2026-11-04"),
			ev(EventInterview, "2026-11-16")), true, WithinNone, ""},
		{"a follow-up is ours, not word", seq(ev(EventInterview, "2026-11-16"), ev(EventFollowup, "2026-11-18")), true, WithinNone, ""},
		{"a hold is word", seq(ev(EventInterview, "2026-11-16"), ev(EventHold, "2026-11-23")), true, WithinDecision, "2026-11-23"},
		{"word dated after today is a plan, not word", seq(ev(EventInterview, "2026-11-16"), ev(EventHeard, "2026-11-25")), true, WithinNone, ""},
		{"withdrawn after word keeps the word", seq(ev(EventInterview, "2026-11-16"), ev(EventHeard, "2026-11-17"),
			ev(EventWithdrawn, "2026-11-18")), true, WithinDebrief, "2026-11-17"},
	} {
		r, ok := ResponseOf(c.events, set, insightsToday)
		if ok != c.ok || (ok && (r.Class != c.class || r.Word != D(c.word))) {
			t.Errorf("%s: %+v, %v; want class %q word %q, %v", c.name, r, ok, c.class, c.word, c.ok)
		}
	}
}

func TestPromises(t *testing.T) {
	evs := seq(ev(EventInterview, "2026-11-02"),
		ev(EventHeard, "2026-11-04", by("2026-11-06")), // kept on its day by the next news
		ev(EventHeard, "2026-11-06", by("2026-11-13")), // the next word, Tue 17 Nov, is 2 bd late
		ev(EventFollowup, "2026-11-16"),
		ev(EventOffer, "2026-11-17"),
		ev(EventHeard, "2026-11-30", by("2026-12-04"))) // made after today: not yet a promise
	got := PromisesOf(evs, DefaultSettings(), insightsToday)
	want := []Promise{
		{Made: D("2026-11-04"), By: D("2026-11-06"), Word: D("2026-11-06"), State: PromiseKept},
		{Made: D("2026-11-06"), By: D("2026-11-13"), Word: D("2026-11-17"), State: PromiseLate, LateBD: 2},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("promises =\n%+v\nwant\n%+v", got, want)
	}
}
