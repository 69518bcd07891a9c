package timeline

import "strings"

// The rules of the insights, one function each: what counts as word from
// the employer, a response and its class, a promise and what became of it,
// and the median and percentile as the reports state them.

// isWord reports whether an event of type t is word from the employer: news
// or a decision (an answer to an offer implies the offer came).
func isWord(t EventType) bool {
	switch t {
	case EventHeard, EventHold, EventOffer, EventRejected, EventAccepted, EventDeclined, EventChecks, EventCleared, EventStart:
		return true
	}
	return false
}

// BusinessDaysTo returns the least n ≥ 0 such that to ≤ from + n business
// days: how long, in the unit of the reply window, an answer on day to took
// after day from (0 when to ≤ from).
func (s Settings) BusinessDaysTo(from, to Date) int {
	n := 0
	for from < to {
		from = s.NextBusinessDay(from)
		n++
	}
	return n
}

// ResponseOf returns a process's response on today from its events (in any
// order), and false when the application is not a process (no interview on
// or before today) or is in no class (withdrawn before any word, or its next
// round already booked).
func ResponseOf(events []Event, s Settings, today Date) (Response, bool) {
	evs := SortEvents(events)
	return responseOf(evs, s, today)
}

// responseOf is ResponseOf on sorted events.
func responseOf(evs []Event, s Settings, today Date) (Response, bool) {
	var r Response
	booked := false
	for i := range evs {
		switch e := &evs[i]; {
		case e.Type == EventInterview && e.Date <= today:
			r.Interview = e.Date
		case e.Type == EventInterview:
			booked = true
		}
	}
	if r.Interview.IsZero() {
		return r, false
	}
	for i := range evs {
		e := &evs[i]
		if e.Date < r.Interview || e.Date > today {
			continue
		}
		if e.Type == EventWithdrawn {
			return r, false // withdrawn before any word
		}
		if isWord(e.Type) {
			r.Word = e.Date
			r.BD = s.BusinessDaysTo(r.Interview, e.Date)
			r.Class = classOf(r.Interview, e.Date, s)
			return r, true
		}
	}
	if booked {
		return r, false
	}
	r.Class = WithinNone
	return r, true
}

// classOf returns the window word on day w fell in, for an interview on i.
func classOf(i, w Date, s Settings) ResponseClass {
	switch {
	case w <= i.AddDays(s.DebriefDays):
		return WithinDebrief
	case w <= i.AddDays(s.DecisionDays):
		return WithinDecision
	case w <= s.AddBusinessDays(i, s.ReplyMaxBD):
		return WithinReply
	}
	return WithinLate
}

// PromisesOf returns every promise among an application's events (in any
// order) made on or before today, with what became of each on today.
func PromisesOf(events []Event, s Settings, today Date) []Promise {
	return promisesOf(SortEvents(events), s, today)
}

func promisesOf(evs []Event, s Settings, today Date) []Promise {
	var out []Promise
	for i := range evs {
		e := &evs[i]
		if e.Type != EventHeard || e.By.IsZero() || e.Date > today {
			continue
		}
		p := Promise{Made: e.Date, By: e.By, State: PromiseOpen}
		for j := i + 1; j < len(evs); j++ {
			if w := &evs[j]; isWord(w.Type) && w.Date <= today {
				p.Word = w.Date
				break
			}
		}
		switch {
		case p.Word.IsZero():
		case p.Word <= p.By:
			p.State = PromiseKept
		default:
			p.State = PromiseLate
			p.LateBD = s.BusinessDaysTo(p.By, p.Word)
		}
		out = append(out, p)
	}
	return out
}

// Median returns the median of ascending values: the lower middle one of an
// even count. It is 0 for none.
func Median(sorted []int) int {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[(len(sorted)-1)/2]
}

// Percentile80 returns the nearest-rank 80th percentile of ascending values:
// the ⌈0.8·n⌉-th smallest. It is 0 for none.
func Percentile80(sorted []int) int {
	n := len(sorted)
	if n == 0 {
		return 0
	}
	rank := (8*n + 9) / 10 // ⌈0.8·n⌉ in integers
	return sorted[rank-1]
}

// firstDate returns the date of the earliest event (zero for none).
func firstDate(evs []Event) Date {
	var d Date
	for i := range evs {
		if d.IsZero() || evs[i].Date < d {
			d = evs[i].Date
		}
	}
	return d
}

// companyKey groups companies by name, ignoring case and surrounding spaces.
func companyKey(name string) string { return strings.ToLower(strings.TrimSpace(name)) }
