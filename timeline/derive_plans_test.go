package timeline

import "testing"

// heard and followup: waiting until E, due the first business day after E,
// then followup. E is the latest contact's clock, but never before a date
// promised since the interview (a promise is not chased before it passes).
func TestDeriveWaiting(t *testing.T) {
	iv := ev(EventInterview, "2026-11-02")
	runDeriveCases(t, []deriveCase{
		{"heard without --by: E = H + chase_again_bd", nil, seq(iv, ev(EventHeard, "2026-11-05")), "2026-11-06",
			want{StageWaiting, ActFollowup, "2026-11-13", "2026-11-05", "waiting 2026-11-05..2026-11-12", ""}},
		{"heard with --by: E = by", nil, seq(iv, ev(EventHeard, "2026-11-05", by("2026-11-20"))), "2026-11-06",
			want{StageWaiting, ActFollowup, "2026-11-23", "2026-11-05", "waiting 2026-11-05..2026-11-20", ""}},
		{"heard with --by inside the debrief: followup once it passes", nil, seq(iv, ev(EventHeard, "2026-11-03", by("2026-11-04"))), "2026-11-05",
			want{StageFollowUp, ActFollowup, "2026-11-05", "2026-11-03", "waiting 2026-11-03..2026-11-04", ""}},
		{"waiting: news before the reply window opens", nil, seq(iv, ev(EventHeard, "2026-11-02")), "2026-11-03",
			want{StageWaiting, ActFollowup, "2026-11-10", "2026-11-02", "waiting 2026-11-02..2026-11-09", ""}},
		{"waiting rule, promise then follow-up: never before the standing promise", nil,
			seq(iv, ev(EventHeard, "2026-11-05", by("2026-11-20")), ev(EventFollowup, "2026-11-09")), "2026-11-18",
			want{StageWaiting, ActFollowup, "2026-11-23", "2026-11-09", "waiting 2026-11-09..2026-11-20", ""}},
		{"waiting rule, promise then follow-up: followup once the promise passed", nil,
			seq(iv, ev(EventHeard, "2026-11-05", by("2026-11-20")), ev(EventFollowup, "2026-11-09")), "2026-11-21",
			want{StageFollowUp, ActFollowup, "2026-11-23", "2026-11-09", "waiting 2026-11-09..2026-11-20", ""}},
		{"waiting rule, follow-up then promise: the latest contact's clock counts", nil,
			seq(iv, ev(EventFollowup, "2026-11-12"), ev(EventHeard, "2026-11-13", by("2026-11-16"))), "2026-11-16",
			want{StageWaiting, ActFollowup, "2026-11-17", "2026-11-13", "waiting 2026-11-13..2026-11-16", ""}},
		{"waiting rule, follow-up then promise: followup the day after the promise", nil,
			seq(iv, ev(EventFollowup, "2026-11-12"), ev(EventHeard, "2026-11-13", by("2026-11-16"))), "2026-11-17",
			want{StageFollowUp, ActFollowup, "2026-11-17", "2026-11-13", "waiting 2026-11-13..2026-11-16", ""}},
		{"waiting: on a tie for the latest E, the later event counts", nil,
			seq(iv, ev(EventHeard, "2026-11-05", by("2026-11-20")), ev(EventFollowup, "2026-11-13")), "2026-11-16",
			want{StageWaiting, ActFollowup, "2026-11-23", "2026-11-13", "waiting 2026-11-13..2026-11-20", ""}},
		{"waiting: news after a follow-up re-arms", nil, seq(iv, ev(EventFollowup, "2026-11-12"), ev(EventHeard, "2026-11-16")), "2026-11-17",
			want{StageWaiting, ActFollowup, "2026-11-24", "2026-11-16", "waiting 2026-11-16..2026-11-23", ""}},
		{"followup re-arming: a second follow-up, E = F + 5bd", nil, seq(iv, ev(EventFollowup, "2026-11-12"), ev(EventFollowup, "2026-11-20")), "2026-11-20",
			want{StageWaiting, ActFollowup, "2026-11-30", "2026-11-20", "waiting 2026-11-20..2026-11-27", ""}},
		{"followup re-arming: a note does not re-arm", nil, seq(iv, ev(EventFollowup, "2026-11-12"), ev(EventNote, "2026-11-20")), "2026-11-20",
			want{StageFollowUp, ActFollowup, "2026-11-20", "2026-11-12", "", ""}},
	})
}

// After a decision, heard and followup only re-arm its due date where the table says so.
func TestDeriveRearm(t *testing.T) {
	iv, hold := ev(EventInterview, "2026-11-02"), ev(EventHold, "2026-11-10")
	offer, accepted := ev(EventOffer, "2026-11-10"), ev(EventAccepted, "2026-11-18")
	runDeriveCases(t, []deriveCase{
		{"hold check-in re-armed by heard", nil, seq(iv, hold, ev(EventHeard, "2026-11-20")), "2026-11-20",
			want{StageHold, ActCheckin, "2026-12-21", "2026-11-20", "checkin 2026-11-20..2026-12-20", ""}},
		{"hold check-in re-armed by followup", nil, seq(iv, hold, ev(EventHeard, "2026-11-20"), ev(EventFollowup, "2026-12-15")), "2026-12-15",
			want{StageHold, ActCheckin, "2027-01-15", "2026-12-15", "checkin 2026-12-15..2027-01-14", ""}},
		{"hold check-in ignores a heard --by date", nil, seq(iv, hold, ev(EventHeard, "2026-11-20", by("2026-11-25"))), "2026-11-20",
			want{StageHold, ActCheckin, "2026-12-21", "2026-11-20", "", ""}},
		{"hold check-in: news before the hold does not count", nil, seq(iv, ev(EventHeard, "2026-11-09"), hold), "2026-11-10",
			want{StageHold, ActCheckin, "2026-12-11", "2026-11-10", "", ""}},
		{"hold check-in: a note does not re-arm", nil, seq(iv, hold, ev(EventNote, "2026-11-20")), "2026-11-20",
			want{StageHold, ActCheckin, "2026-12-11", "2026-11-10", "", ""}},
		{"checks re-armed by checks started", nil, seq(iv, offer, accepted, ev(EventChecks, "2026-11-20")), "2026-11-20",
			want{StageChecks, ActFollowup, "2026-11-30", "2026-11-20", "checks 2026-11-20..2026-11-27", ""}},
		{"checks re-armed by a follow-up", nil, seq(iv, offer, accepted, ev(EventChecks, "2026-11-20"), ev(EventFollowup, "2026-12-01")), "2026-12-01",
			want{StageChecks, ActFollowup, "2026-12-09", "2026-12-01", "checks 2026-12-01..2026-12-08", ""}},
		{"checks re-armed by news", nil, seq(iv, offer, accepted, ev(EventFollowup, "2026-12-01"), ev(EventHeard, "2026-12-03")), "2026-12-03",
			want{StageChecks, ActFollowup, "2026-12-11", "2026-12-03", "", ""}},
	})
}

// Events dated after today are plans, not facts.
func TestDerivePlans(t *testing.T) {
	iv, offer, accepted := ev(EventInterview, "2026-11-02"), ev(EventOffer, "2026-11-10"), ev(EventAccepted, "2026-11-18")
	runDeriveCases(t, []deriveCase{
		{"future interview: a booked round is scheduled, the interview is next", nil, seq(iv, ev(EventInterview, "2026-11-20")), "2026-11-12",
			want{StageScheduled, ActInterview, "2026-11-20", "2026-11-02", "-", ""}},
		{"future interview: on its day the clock restarts", nil, seq(iv, ev(EventInterview, "2026-11-20")), "2026-11-20",
			want{StageDebrief, ActFollowup, "2026-12-02", "2026-11-20", "", ""}},
		{"future interview: a decision under way is kept", nil, seq(iv, ev(EventHold, "2026-11-10"), ev(EventInterview, "2026-11-20")), "2026-11-12",
			want{stage: StageHold, kind: ActCheckin, due: "2026-12-11"}},
		{"future interview: after a rejection a booked round is scheduled, not reapply", nil,
			seq(iv, ev(EventRejected, "2026-11-10"), ev(EventInterview, "2027-06-01")), "2027-05-20",
			want{StageScheduled, ActInterview, "2027-06-01", "2026-11-10", "-", ""}},
		{"future interview: after withdrawing, scheduled", nil, seq(iv, ev(EventWithdrawn, "2026-11-05"), ev(EventInterview, "2026-12-01")), "2026-11-20",
			want{StageScheduled, ActInterview, "2026-12-01", "2026-11-05", "-", ""}},
		{"future interview: an offer under way is kept", nil, seq(iv, ev(EventOffer, "2026-11-10"), ev(EventInterview, "2026-11-20")), "2026-11-12",
			want{stage: StageOffer, kind: ActOffer, due: "2026-11-17"}},
		{"future interview: the first one, nothing before", nil, seq(ev(EventInterview, "2026-11-20")), "2026-11-12", want{stage: StageScheduled, kind: ActInterview, due: "2026-11-20"}},
		{"future offer: not a fact yet", nil, seq(iv, ev(EventOffer, "2026-11-20")), "2026-11-12",
			want{StageFollowUp, ActFollowup, "2026-11-12", "2026-11-02", "", ""}},
		{"future rejection: counts from its day on", nil, seq(iv, ev(EventRejected, "2026-11-20")), "2026-11-20",
			want{stage: StageRejected, kind: ActReapply, due: "2027-05-20"}},
		{"future start: no effect without an accepted offer", nil, seq(iv, ev(EventStart, "2027-01-04")), "2026-11-04",
			want{stage: StageDebrief, kind: ActFollowup, due: "2026-11-12"}},
		{"future start: not onboarding while checks started are not cleared", nil,
			seq(iv, offer, accepted, ev(EventChecks, "2026-11-20"), ev(EventStart, "2027-01-04")), "2026-11-21",
			want{StageChecks, ActFollowup, "2026-11-30", "2026-11-20", "", "2027-01-04"}},
		{"future start: checks started before accepting still hold it at checks", nil,
			seq(iv, offer, ev(EventChecks, "2026-11-12"), accepted, ev(EventStart, "2027-01-04")), "2026-11-21",
			want{StageChecks, ActFollowup, "2026-11-26", "2026-11-18", "", "2027-01-04"}},
		{"future start: checks cleared before accepting do not", nil,
			seq(iv, offer, ev(EventChecks, "2026-11-12"), ev(EventCleared, "2026-11-16"), accepted, ev(EventStart, "2027-01-04")), "2026-11-21",
			want{stage: StageOnboarding, window: "onboarding 2026-11-18..2027-01-04", start: "2027-01-04"}},
		{"future start: after cleared checks, onboarding until it", nil,
			seq(iv, offer, accepted, ev(EventChecks, "2026-11-20"), ev(EventCleared, "2026-11-25"), ev(EventStart, "2027-01-04")), "2026-11-25",
			want{stage: StageOnboarding, window: "onboarding 2026-11-25..2027-01-04", start: "2027-01-04"}},
		{"future start: the last logged start date wins (earlier date)", nil,
			[]Event{iv, offer, accepted, ev(EventStart, "2027-01-04", id(4)), ev(EventStart, "2026-12-14", id(5))}, "2026-11-20",
			want{stage: StageOnboarding, start: "2026-12-14"}},
		{"future start: the last logged start date wins (later date)", nil,
			[]Event{iv, offer, accepted, ev(EventStart, "2027-01-04", id(5)), ev(EventStart, "2026-12-14", id(4))}, "2026-11-20",
			want{stage: StageOnboarding, start: "2027-01-04"}},
		{"started: a past start date wins over checks cleared after it", nil,
			seq(iv, offer, ev(EventAccepted, "2026-11-12"), ev(EventStart, "2026-12-01"), ev(EventCleared, "2026-12-03")), "2026-12-05",
			want{stage: StageStarted, window: "-", start: "2026-12-01"}},
		{"started: a past start date wins over checks started after it", nil,
			seq(iv, offer, ev(EventAccepted, "2026-11-12"), ev(EventStart, "2026-12-01"), ev(EventChecks, "2026-12-03")), "2026-12-05",
			want{stage: StageStarted, start: "2026-12-01"}},
		{"started: a new offer after it is an offer", nil,
			seq(iv, offer, ev(EventAccepted, "2026-11-12"), ev(EventStart, "2026-12-01"), ev(EventOffer, "2026-12-03")), "2026-12-05",
			want{stage: StageOffer, kind: ActOffer, due: "2026-12-10"}},
	})
	d := Derive(Application{}, seq(iv, ev(EventInterview, "2026-11-20"), ev(EventInterview, "2026-11-27")), DefaultSettings(), D("2026-11-12"))
	if d.LastInterview != D("2026-11-02") || d.NextInterview != D("2026-11-20") || d.ValidThrough != D("2026-11-19") {
		t.Errorf("last %s next %s valid through %s; want 2026-11-02, 2026-11-20, 2026-11-19", d.LastInterview, d.NextInterview, d.ValidThrough)
	}
}

// A snooze hides the chase items while today < until; the last one wins.
func TestDeriveSnooze(t *testing.T) {
	iv := ev(EventInterview, "2026-11-02")
	cases := []struct {
		name   string
		events []Event
		today  string
		until  string
	}{
		{"snooze: until is kept", seq(iv, ev(EventSnooze, "2026-11-10", until("2026-11-30"))), "2026-11-12", "2026-11-30"},
		{"snooze: the last one wins even when shorter", seq(iv, ev(EventSnooze, "2026-11-10", until("2026-11-30")), ev(EventSnooze, "2026-11-12", until("2026-11-15"))), "2026-11-12", "2026-11-15"},
		{"snooze: same day, the last logged wins", []Event{iv, ev(EventSnooze, "2026-11-10", until("2026-11-30"), id(9)), ev(EventSnooze, "2026-11-10", until("2026-11-20"), id(8))}, "2026-11-12", "2026-11-30"},
		{"snooze: a future-dated snooze is a plan", seq(iv, ev(EventSnooze, "2026-11-20", until("2026-12-01"))), "2026-11-12", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Derive(Application{}, c.events, DefaultSettings(), D(c.today))
			if d.SnoozedUntil != D(c.until) {
				t.Errorf("SnoozedUntil = %s, want %s", d.SnoozedUntil, c.until)
			}
			if d.Stage != StageFollowUp || d.Next == nil || d.Next.Due != D("2026-11-12") {
				t.Errorf("a snooze changed the stage or action: %s %+v", d.Stage, d.Next)
			}
		})
	}
	s := Summary{SnoozedUntil: D("2026-11-15")}
	for day, hidden := range map[string]bool{"2026-11-14": true, "2026-11-15": false, "2026-11-16": false} {
		if s.Snoozed(D(day)) != hidden {
			t.Errorf("Snoozed(%s) = %v, want %v (hidden while today < until)", day, !hidden, hidden)
		}
	}
}
