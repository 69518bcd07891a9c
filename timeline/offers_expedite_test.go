package timeline

import (
	"strings"
	"testing"
)

// expediteWorld is an offer at Acme (arrived Mon 30 Nov, deadline Fri 11
// Dec) and the other processes of one search, on a given day.
type expediteWorld struct {
	entries []Entry
	contact map[int64]Date
}

// proc is one application of the world: its events and flags.
type proc struct {
	id       int64
	company  string
	events   []Event
	archived bool
}

func world(today string, procs ...proc) expediteWorld {
	w := expediteWorld{contact: map[int64]Date{}}
	for _, p := range procs {
		evs := seq(p.events...)
		d := Derive(Application{ID: p.id, Company: p.company, Recruiter: "Pat Lee", Archived: p.archived}, evs, DefaultSettings(), D(today))
		w.entries = append(w.entries, d.Entry)
		var last Date
		for _, e := range evs {
			if e.Type == EventFollowup || e.Type == EventHeard {
				last = max(last, e.Date)
			}
		}
		w.contact[p.id] = last
	}
	return w
}

// chase returns the chase view with expedite applied: "company kind due".
func (w expediteWorld) chase(today string) []string {
	offers := OpenOffers(w.entries, D(today))
	var out []string
	for _, it := range Chase(ApplyExpedite(w.entries, w.contact, offers, D(today)), D(today), 3) {
		out = append(out, it.App.Company+" "+string(it.Action.Kind)+" "+it.Action.Due.String())
	}
	return out
}

var (
	acmeOffer = proc{1, "Acme", []Event{ev(EventInterview, "2026-11-20"),
		ev(EventOffer, "2026-11-30", deadline("2026-12-11"), terms(180000, 0, 1500, 20000, 400000, 0, "USD"))}, false}
	others = []proc{
		{2, "Decision Co", []Event{ev(EventInterview, "2026-11-27")}, false},                                  // decision stage
		{3, "Replied Co", []Event{ev(EventInterview, "2026-11-10"), ev(EventFollowup, "2026-12-01")}, false},  // followed up since the offer
		{4, "Waiting Co", []Event{ev(EventInterview, "2026-11-10"), ev(EventFollowup, "2026-11-25")}, false},  // followed up before it
		{5, "Booked Co", []Event{ev(EventApplied, "2026-11-01"), ev(EventInterview, "2026-12-08")}, false},    // scheduled
		{6, "Hold Co", []Event{ev(EventInterview, "2026-10-20"), ev(EventHold, "2026-11-15")}, false},         // on hold
		{7, "Rejected Co", []Event{ev(EventInterview, "2026-11-10"), ev(EventRejected, "2026-11-20")}, false}, // closed
		{8, "Archived Co", []Event{ev(EventInterview, "2026-11-27")}, true},                                   // archived
		{9, "Snoozed Co", []Event{ev(EventInterview, "2026-11-10"), ev(EventSnooze, "2026-12-01", until("2026-12-20"))}, false},
		{11, "Heard Co", []Event{ev(EventInterview, "2026-11-16"), ev(EventHeard, "2026-11-30")}, false}, // news on the offer's day
		{12, "Accepted Co", []Event{ev(EventInterview, "2026-10-01"), ev(EventOffer, "2026-10-10"), ev(EventAccepted, "2026-10-12")}, false},
	}
)

func TestExpediteGoesToExactlyTheProcessesStillDeciding(t *testing.T) {
	w := world("2026-12-02", append([]proc{acmeOffer}, others...)...)
	var got []string
	for _, l := range w.chase("2026-12-02") {
		if strings.Contains(l, " expedite ") {
			got = append(got, l)
		}
	}
	want := []string{
		"Booked Co expedite 2026-11-30",
		"Decision Co expedite 2026-11-30",
		"Hold Co expedite 2026-11-30",
		"Waiting Co expedite 2026-11-30",
	}
	if !equalStrings(got, want) {
		t.Errorf("expedite items =\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	// Stages where nothing is being decided get none, whatever their events.
	offers := OpenOffers(w.entries, D("2026-12-02"))
	for _, s := range Stages {
		e := Entry{App: Application{ID: 99}, Summary: Summary{Stage: s}}
		if got := Expedite(e, 0, offers, D("2026-12-02")) != nil; got != s.Expedites() {
			t.Errorf("stage %s: expedite = %v", s, got)
		}
	}
	for _, e := range w.entries {
		if e.App.ID == 4 {
			a := Expedite(e, w.contact[4], OpenOffers(w.entries, D("2026-12-02")), D("2026-12-02"))
			if a == nil || a.Text != "You have an offer elsewhere with a deadline of Fri 11 Dec: ask Pat Lee whether they can decide sooner" {
				t.Errorf("text = %+v", a)
			}
			if e.Next.Kind != ActFollowup {
				t.Errorf("the application's own next action changed: %+v", e.Next)
			}
		}
	}
}

// withinLookahead keeps the lines due on or before limit.
func withinLookahead(lines []string, limit string) []string {
	var out []string
	for _, l := range lines {
		if l[len(l)-10:] <= limit {
			out = append(out, l)
		}
	}
	return out
}

func TestExpediteEnds(t *testing.T) {
	decision := others[0]
	followedUp := decision
	followedUp.events = append(append([]Event(nil), decision.events...), ev(EventFollowup, "2026-12-02"))
	accepted := acmeOffer
	accepted.events = append(append([]Event(nil), acmeOffer.events...), ev(EventAccepted, "2026-12-02"))
	declined := acmeOffer
	declined.events = append(append([]Event(nil), acmeOffer.events...), ev(EventDeclined, "2026-12-02"))
	moved := acmeOffer
	moved.events = append(append([]Event(nil), acmeOffer.events...), ev(EventNegotiate, "2026-12-01", deadline("2026-12-04")))
	cases := []struct {
		name  string
		today string
		procs []proc
		want  []string
	}{
		{"before: an expedite item", "2026-12-02", []proc{acmeOffer, decision}, []string{"Decision Co expedite 2026-11-30"}},
		{"a follow-up ends it: its own item comes back", "2026-12-02", []proc{acmeOffer, followedUp}, nil},
		{"accepting the offer ends it", "2026-12-02", []proc{accepted, decision}, []string{"Acme followup 2026-12-10"}[:0]},
		{"declining the offer ends it", "2026-12-02", []proc{declined, decision}, nil},
		{"on the deadline it still stands", "2026-12-11", []proc{acmeOffer, decision}, []string{"Decision Co expedite 2026-11-30"}},
		{"the day after the deadline it is gone", "2026-12-12", []proc{acmeOffer, decision}, nil},
		{"a negotiated deadline counts", "2026-12-05", []proc{moved, decision}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := world(c.today, c.procs...).chase(c.today)
			var exp []string
			for _, l := range got {
				if strings.Contains(l, "expedite") {
					exp = append(exp, l)
				}
			}
			if !equalStrings(exp, c.want) {
				t.Errorf("expedite items = %v, want %v (chase: %v)", exp, c.want, got)
			}
		})
	}
}

func TestExpediteWithSeveralOffersTheEarliestDeadlineCounts(t *testing.T) {
	later := proc{13, "Globex", []Event{ev(EventInterview, "2026-11-25"),
		ev(EventOffer, "2026-12-01", deadline("2026-12-07"))}, false}
	// Followed up on 30 Nov: after Acme's offer arrived, but before
	// Globex's, whose deadline is earlier: still to be asked.
	between := proc{2, "Between Co", []Event{ev(EventInterview, "2026-11-10"), ev(EventFollowup, "2026-11-30")}, false}
	w := world("2026-12-02", acmeOffer, later, between)
	offers := OpenOffers(w.entries, D("2026-12-02"))
	if len(offers) != 2 {
		t.Fatalf("open offers = %+v", offers)
	}
	var a *Action
	for _, e := range w.entries {
		if e.App.ID == 2 {
			a = Expedite(e, w.contact[2], offers, D("2026-12-02"))
		}
	}
	if a == nil || a.Due != D("2026-12-01") || !strings.Contains(a.Text, "deadline of Mon 7 Dec") {
		t.Errorf("expedite = %+v, want due 1 Dec for the 7 Dec deadline", a)
	}
	// An offer does not expedite itself, nor the other offer.
	got := w.chase("2026-12-02")
	want := []string{"Between Co expedite 2026-12-01"}
	if !equalStrings(withinLookahead(got, "2026-12-05"), want) {
		t.Errorf("chase = %v, want %v", got, want)
	}
}

func TestExpediteTextOnTheDeadline(t *testing.T) {
	p := expediteParts(D("2026-12-11"), D("2026-12-11"))
	got := p[0] + "the recruiter" + p[1]
	want := "You have an offer elsewhere with a deadline of today (Fri 11 Dec): ask the recruiter whether they can decide today"
	if got != want {
		t.Errorf("text = %q\nwant   %q", got, want)
	}
}

// TestExpediterAgreesWithExpedite checks the batch form against the one at
// a time, on a world with two open offers (one of them an application's
// own), snoozed, archived, closed and already-told processes, a recruiter
// with no name, and the days the deadlines fall on.
func TestExpediterAgreesWithExpedite(t *testing.T) {
	procs := append([]proc{acmeOffer,
		{9, "Beta", []Event{ev(EventInterview, "2026-11-20"), ev(EventOffer, "2026-12-01", deadline("2026-12-04"), terms(150000, 0, 0, 0, 0, 0, "USD"))}, false},
		{10, "Snoozed Co", []Event{ev(EventInterview, "2026-11-27"), ev(EventSnooze, "2026-11-28", until("2026-12-06"))}, false},
	}, others...)
	for _, today := range []string{"2026-11-29", "2026-12-01", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-11", "2026-12-12"} {
		w := world(today, procs...)
		w.entries[3].App.Recruiter = "" // "the recruiter"
		offers := OpenOffers(w.entries, D(today))
		x := NewExpediter(offers, D(today))
		n := 0
		for i := range w.entries {
			e := &w.entries[i]
			want := Expedite(*e, w.contact[e.App.ID], offers, D(today))
			got, ok := x.Action(e, w.contact[e.App.ID])
			if ok != (want != nil) || ok && got != *want {
				t.Errorf("%s, %s: Expediter gives %+v (%v), Expedite %+v", today, e.App.Company, got, ok, want)
			}
			if ok {
				n++
			}
		}
		if today == "2026-12-01" && n == 0 {
			t.Errorf("%s: no expedite item at all: the world tests nothing", today)
		}
	}
}
