package timeline

import (
	"cmp"
	"slices"
	"strings"
)

// Insights are figures about the user's own search, measured against the
// windows: how far each process got (the funnel), how long each employer took
// to say something after the last interview (response times, classed by the
// window they fell in), whether promised dates were kept, the same per
// company, and a reply window learned from the answers.
//
// The rules, in afterview's words:
//
//   - A process is an application with an interview on or before today; its
//     clock starts at the latest such interview, I.
//   - Its response is the first word from the employer — news (heard) or a
//     decision (hold, offer, rejected; an accepted or declined offer counts too,
//     for when the offer itself was not logged) — dated on or after I's day,
//     the interview itself aside, and on or before today.
//   - The response time is counted in business days, as the windows are: the
//     least n such that the word came on or before I + n business days (0 when
//     it came on I's day; news on a Saturday after a Friday interview is 1).
//   - Each process falls in the first class that holds: debrief (on or before
//     I + debrief_days), decision (I + decision_days), reply (I + reply_max_bd
//     business days), else late; none while no word has come. A process the
//     candidate withdrew from before any word, or whose next round is already
//     booked, is in no class: the employer was not keeping anyone waiting.
//   - A promise is a `heard --by D`: kept when the next word from them came on
//     or before D, else late by the business days past D; open while no word
//     has come since.
//   - The median of an even count is the lower middle value; the 80th
//     percentile is the nearest rank (the ⌈0.8·n⌉-th smallest).
//   - With at least MinLearnResponses answers, the 80th percentile is offered
//     as reply_max_bd when it differs from the setting; it is never applied
//     without the user's say.
type Insights struct {
	Today     Date
	Since     Date // applications begun (first event) on or after it; zero: all
	Funnel    Funnel
	Responses []int // every response time in business days, ascending
	Median    int   // of Responses (valid when len > 0)
	P80       int   // of Responses (valid when len > 0)
	Within    map[ResponseClass]int
	Histogram []HistBar     // Responses by business day, each bar split by class
	Promises  PromiseCounts // every promise, by state
	Companies []CompanyInsight
	// Suggestion is the learned reply window, or nil without enough answers
	// or when it equals the setting.
	Suggestion *Suggestion
	Settings   Settings // the windows the figures were measured against
}

// MinLearnResponses is how many answers the learned reply window needs.
const MinLearnResponses = 5

// ResponseClass is the window a process's first word fell in.
type ResponseClass string

// The response classes, in order.
const (
	WithinDebrief  ResponseClass = "debrief"  // on or before I + debrief_days
	WithinDecision ResponseClass = "decision" // on or before I + decision_days
	WithinReply    ResponseClass = "reply"    // on or before I + reply_max_bd business days
	WithinLate     ResponseClass = "late"     // after the reply window
	WithinNone     ResponseClass = "none"     // no word yet
)

// ResponseClasses lists the classes in order: the order of reports.
var ResponseClasses = []ResponseClass{WithinDebrief, WithinDecision, WithinReply, WithinLate, WithinNone}

// Funnel counts how far the applications got: ever interviewed, ever offered,
// ever accepted; and how many stand, on today, in each ending stage.
type Funnel struct {
	Applications int
	Interviewed  int
	Offers       int
	Accepted     int
	Rejected     int
	Ghosted      int
	Declined     int
	Withdrawn    int
}

// Response is one process's first word after its latest interview.
type Response struct {
	Interview Date          // I, the latest interview on or before today
	Word      Date          // the first word on or after I's day; zero when none yet
	BD        int           // business days from I to Word (when Word is set)
	Class     ResponseClass // the window Word fell in, or none
}

// PromiseState is what became of a promised date.
type PromiseState string

// The promise states.
const (
	PromiseKept PromiseState = "kept" // the next word came on or before the date
	PromiseLate PromiseState = "late" // it came after the date
	PromiseOpen PromiseState = "open" // no word since the promise
)

// Promise is one `heard --by D` and what became of it.
type Promise struct {
	Made   Date // the heard event's date
	By     Date // the date promised
	Word   Date // the next word from them; zero when none yet
	State  PromiseState
	LateBD int // business days past By when late
}

// PromiseCounts counts promises by state.
type PromiseCounts struct {
	Kept, Late, Open int
	OpenPastDue      int   // of Open: the promised date has passed
	LateBD           []int // how late each late one was, ascending
}

// Total returns the number of promises.
func (p PromiseCounts) Total() int { return p.Kept + p.Late + p.Open }

// CompanyInsight is the figures for one employer.
type CompanyInsight struct {
	Company      string // as first written
	Processes    int    // applications at this company
	Responses    int    // of them, with a response
	MedianBD     int    // median response time (valid when Responses > 0)
	Promises     int    // promises made
	PromisesKept int
}

// HistBar is one bar of the response-time histogram: the responses that took
// BD business days (BD or more for the last bar when Open), by class.
type HistBar struct {
	BD     int
	Open   bool // the last bar, holding everything from BD on
	Counts map[ResponseClass]int
}

// Total returns the bar's length: all its responses.
func (b HistBar) Total() int {
	n := 0
	for _, c := range b.Counts {
		n += c
	}
	return n
}

// Suggestion is a learned setting, offered to the user.
type Suggestion struct {
	ReplyMaxBD int // the business days within which 80% of answers came
	// ReplyMinBD is the reply window's opening to set first when ReplyMaxBD
	// falls below the current one (min may not exceed max); 0: leave it.
	ReplyMinBD int
	Responses  int // how many answers it was learned from
}

// AppHistory is an application with all its events: what insights read.
type AppHistory struct {
	App    Application
	Events []Event
}

// ComputeInsights works out the insights of a search on today from every
// application's history. With since set, only applications whose first
// event is on or after since count (an application with no events has no
// start and is left out).
func ComputeInsights(hist []AppHistory, s Settings, today, since Date) Insights {
	a := insightsAcc{Insights: Insights{Today: today, Since: since, Settings: s, Within: map[ResponseClass]int{}},
		byCompany: map[string]*companyAcc{}}
	for _, h := range hist {
		evs := h.Events
		if !sortedEvents(evs) {
			evs = SortEvents(evs)
		}
		if !since.IsZero() && (len(evs) == 0 || firstDate(evs) < since) {
			continue
		}
		a.add(h.App, evs)
	}
	return a.finish()
}

// insightsAcc gathers the insights one application at a time.
type insightsAcc struct {
	Insights
	byCompany map[string]*companyAcc
	companies []*companyAcc // in order of first sight
	answered  []Response    // the processes with a response
}

// companyAcc gathers one company's figures.
type companyAcc struct {
	CompanyInsight
	key string // companyKey(Company)
	bds []int  // its response times
}

// add counts one application, its events in timeline order.
func (a *insightsAcc) add(app Application, evs []Event) {
	s, today := a.Settings, a.Today
	a.countFunnel(app, evs)
	c := a.company(app.Company)
	c.Processes++
	if r, ok := responseOf(evs, s, today); ok {
		a.Within[r.Class]++
		if r.Class != WithinNone {
			a.Responses = append(a.Responses, r.BD)
			a.answered = append(a.answered, r)
			c.bds = append(c.bds, r.BD)
		}
	}
	for _, p := range promisesOf(evs, s, today) {
		c.Promises++
		switch p.State {
		case PromiseKept:
			a.Promises.Kept++
			c.PromisesKept++
		case PromiseLate:
			a.Promises.Late++
			a.Promises.LateBD = append(a.Promises.LateBD, p.LateBD)
		default:
			a.Promises.Open++
			if today > p.By {
				a.Promises.OpenPastDue++
			}
		}
	}
}

// countFunnel counts how far an application got (ever interviewed, offered,
// accepted, by its events up to today) and the stage it ended in, if any.
func (a *insightsAcc) countFunnel(app Application, evs []Event) {
	f := &a.Funnel
	f.Applications++
	var interviewed, offered, accepted bool
	for i := range evs {
		switch e := &evs[i]; {
		case e.Date > a.Today:
		case e.Type == EventInterview:
			interviewed = true
		case e.Type == EventOffer, e.Type == EventDeclined:
			offered = true
		case e.Type == EventAccepted, e.Type == EventChecks, e.Type == EventCleared, e.Type == EventStart:
			offered, accepted = true, true
		}
	}
	f.Interviewed += b2i(interviewed)
	f.Offers += b2i(offered)
	f.Accepted += b2i(accepted)
	switch Derive(app, evs, a.Settings, a.Today).Stage {
	case StageRejected:
		f.Rejected++
	case StageGhosted:
		f.Ghosted++
	case StageDeclined:
		f.Declined++
	case StageWithdrawn:
		f.Withdrawn++
	}
}

// company returns the figures of the company named name, ignoring case and
// surrounding spaces.
func (a *insightsAcc) company(name string) *companyAcc {
	key := companyKey(name)
	c := a.byCompany[key]
	if c == nil {
		c = &companyAcc{CompanyInsight: CompanyInsight{Company: strings.TrimSpace(name)}, key: key}
		a.byCompany[key] = c
		a.companies = append(a.companies, c)
	}
	return c
}

// finish sorts what was gathered and works out the medians, the histogram,
// the companies' order and the suggestion.
func (a *insightsAcc) finish() Insights {
	in := a.Insights
	slices.Sort(in.Responses)
	slices.Sort(in.Promises.LateBD)
	in.Median, in.P80 = Median(in.Responses), Percentile80(in.Responses)
	in.Histogram = histogram(a.answered, in.Responses, in.Settings)
	slices.SortFunc(a.companies, func(x, y *companyAcc) int { // keys are unique: a total order
		if c := cmp.Compare(y.Processes, x.Processes); c != 0 {
			return c
		}
		return strings.Compare(x.key, y.key)
	})
	in.Companies = make([]CompanyInsight, 0, len(a.companies))
	for _, c := range a.companies {
		slices.Sort(c.bds)
		c.Responses, c.MedianBD = len(c.bds), Median(c.bds)
		in.Companies = append(in.Companies, c.CompanyInsight)
	}
	in.Suggestion = suggest(in.Responses, in.Settings)
	return in
}

// sortedEvents reports whether events are in the timeline's order already
// (the store hands them so), which spares a copy per application.
func sortedEvents(evs []Event) bool {
	for i := 1; i < len(evs); i++ {
		if eventLess(&evs[i], &evs[i-1]) {
			return false
		}
	}
	return true
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// suggest returns the learned reply window, or nil without enough answers or
// when it is the setting already.
func suggest(sorted []int, s Settings) *Suggestion {
	if len(sorted) < MinLearnResponses {
		return nil
	}
	n := min(max(Percentile80(sorted), 1), maxSetting) // a setting's range
	if n == s.ReplyMaxBD {
		return nil
	}
	sg := &Suggestion{ReplyMaxBD: n, Responses: len(sorted)}
	if n < s.ReplyMinBD {
		sg.ReplyMinBD = n
	}
	return sg
}

// HistogramOpenAt is the least business day at which the histogram's last
// bar gathers all longer responses: a few days past the reply window, or the
// 80th percentile when that is later, and no more than 30 bars in all.
func HistogramOpenAt(sorted []int, s Settings) int {
	end := s.ReplyMaxBD + 3
	if p := Percentile80(sorted); p+1 > end {
		end = p + 1
	}
	return min(end, 30)
}

// histogram bins the answered processes' response times by business day,
// each bar split by class; sorted holds the same times, ascending.
func histogram(answered []Response, sorted []int, s Settings) []HistBar {
	if len(sorted) == 0 {
		return nil
	}
	open := HistogramOpenAt(sorted, s)
	last := min(sorted[len(sorted)-1], open)
	bars := make([]HistBar, last+1)
	for i := range bars {
		bars[i] = HistBar{BD: i, Open: i == open, Counts: map[ResponseClass]int{}}
	}
	for _, r := range answered {
		bars[min(r.BD, last)].Counts[r.Class]++
	}
	return bars
}
