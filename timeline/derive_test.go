package timeline

import "testing"

// The package doc's table of stages, row by row, on the day before, the day
// of and the day after each boundary. Default settings, no holidays; the
// interview is on Monday 2026-11-02, so debrief ends I+3 = Thu 5 Nov,
// decision I+7 = Mon 9 Nov, the reply window is I+5bd..I+7bd = Mon 9..Wed 11
// Nov, and the follow-up is due the first business day after, Thu 12 Nov.
func TestStageTable(t *testing.T) {
	iv := ev(EventInterview, "2026-11-02")
	offer := ev(EventOffer, "2026-11-10")
	accepted := ev(EventAccepted, "2026-11-18")
	const (
		debriefW  = "debrief 2026-11-03..2026-11-05"
		decisionW = "decision 2026-11-03..2026-11-09"
		replyW    = "reply 2026-11-09..2026-11-11"
	)
	clock := want{kind: ActFollowup, due: "2026-11-12", from: "2026-11-02"}
	at := func(stage Stage, window string) want {
		w := clock
		w.stage, w.window = stage, window
		return w
	}
	runDeriveCases(t, []deriveCase{
		// applied: no interview, past or booked.
		{"applied: no events at all", nil, nil, "2026-11-01", want{stage: StageApplied, window: "-"}},
		{"applied: only a note, no interview", nil, seq(ev(EventNote, "2026-10-01")), "2026-11-01", want{stage: StageApplied}},
		{"applied: the application, not chased by default", nil, seq(ev(EventApplied, "2026-10-20")), "2026-11-01", want{stage: StageApplied, window: "-"}},
		// scheduled: an interview booked after today; the interview is the next action.
		{"scheduled: the day before the interview", nil, seq(iv), "2026-11-01", want{StageScheduled, ActInterview, "2026-11-02", "", "-", ""}},
		{"scheduled: after applying, the booked interview is next", nil, seq(ev(EventApplied, "2026-10-20"), iv), "2026-10-25",
			want{StageScheduled, ActInterview, "2026-11-02", "2026-10-20", "-", ""}},
		{"scheduled ends: on the interview's day the debrief starts", nil, seq(iv), "2026-11-02", at(StageDebrief, debriefW)},
		// debrief: today ≤ I + debrief_days.
		{"debrief: the day after the interview", nil, seq(iv), "2026-11-03", at(StageDebrief, debriefW)},
		{"debrief: the day before I+3", nil, seq(iv), "2026-11-04", at(StageDebrief, debriefW)},
		{"debrief: on I+3", nil, seq(iv), "2026-11-05", at(StageDebrief, debriefW)},
		{"debrief ends: I+4 is decision", nil, seq(iv), "2026-11-06", at(StageDecision, decisionW)},
		// decision: today ≤ the later of I + decision_days and the day before the reply window opens.
		{"decision: the day before I+7", nil, seq(iv), "2026-11-08", at(StageDecision, decisionW)},
		{"decision: on I+7", nil, seq(iv), "2026-11-09", at(StageDecision, decisionW)},
		{"decision ends: I+8 is reply", nil, seq(iv), "2026-11-10", at(StageReply, replyW)},
		// reply: today ≤ I + reply_max_bd business days.
		{"reply: the day before I+7bd", nil, seq(iv), "2026-11-10", at(StageReply, replyW)},
		{"reply: on I+7bd", nil, seq(iv), "2026-11-11", at(StageReply, replyW)},
		{"reply ends: the day after I+7bd is followup", nil, seq(iv), "2026-11-12", at(StageFollowUp, replyW)},
		// followup: due the first business day after I+7bd, then overdue.
		{"followup: due on the first business day after the reply window", nil, seq(iv), "2026-11-12", at(StageFollowUp, replyW)},
		{"followup: overdue the day after", nil, seq(iv), "2026-11-13", at(StageFollowUp, replyW)},
		{"followup: still the same action months later", nil, seq(iv), "2027-03-01", at(StageFollowUp, replyW)},
		// waiting: a follow-up on Thu 12 Nov; E = F + 5bd = Thu 19; due Fri 20; followup from Fri 20.
		{"waiting: the day before the follow-up", nil, seq(iv, ev(EventFollowup, "2026-11-12")), "2026-11-11", at(StageReply, replyW)},
		{"waiting: on the follow-up's day", nil, seq(iv, ev(EventFollowup, "2026-11-12")), "2026-11-12",
			want{StageWaiting, ActFollowup, "2026-11-20", "2026-11-12", "waiting 2026-11-12..2026-11-19", ""}},
		{"waiting: on E", nil, seq(iv, ev(EventFollowup, "2026-11-12")), "2026-11-19",
			want{StageWaiting, ActFollowup, "2026-11-20", "2026-11-12", "waiting 2026-11-12..2026-11-19", ""}},
		{"followup after waiting: the day after E, due that first business day", nil, seq(iv, ev(EventFollowup, "2026-11-12")), "2026-11-20",
			want{StageFollowUp, ActFollowup, "2026-11-20", "2026-11-12", "waiting 2026-11-12..2026-11-19", ""}},
		{"followup after waiting: overdue after that", nil, seq(iv, ev(EventFollowup, "2026-11-12")), "2026-11-23",
			want{StageFollowUp, ActFollowup, "2026-11-20", "2026-11-12", "", ""}},
		// hold on Tue 10 Nov: check in the first business day after +30 days (Thu 10 Dec): Fri 11 Dec.
		{"hold: the day before the hold is still the clock", nil, seq(iv, ev(EventHold, "2026-11-10")), "2026-11-09", at(StageDecision, decisionW)},
		{"hold: on the hold's day", nil, seq(iv, ev(EventHold, "2026-11-10")), "2026-11-10",
			want{StageHold, ActCheckin, "2026-12-11", "2026-11-10", "checkin 2026-11-10..2026-12-10", ""}},
		{"hold: the day after", nil, seq(iv, ev(EventHold, "2026-11-10")), "2026-11-11",
			want{StageHold, ActCheckin, "2026-12-11", "2026-11-10", "", ""}},
		{"hold: on the check-in's due day", nil, seq(iv, ev(EventHold, "2026-11-10")), "2026-12-11",
			want{StageHold, ActCheckin, "2026-12-11", "2026-11-10", "", ""}},
		{"hold: overdue the day after", nil, seq(iv, ev(EventHold, "2026-11-10")), "2026-12-12",
			want{StageHold, ActCheckin, "2026-12-11", "2026-11-10", "", ""}},
		// offer on Tue 10 Nov with no deadline: due offer + 7 days, Tue 17 Nov.
		{"offer: the day before the offer", nil, seq(iv, offer), "2026-11-09", at(StageDecision, decisionW)},
		{"offer: on the offer's day", nil, seq(iv, offer), "2026-11-10",
			want{StageOffer, ActOffer, "2026-11-17", "2026-11-10", "offer 2026-11-10..2026-11-17", ""}},
		{"offer: the day before the deadline", nil, seq(iv, offer), "2026-11-16", want{stage: StageOffer, kind: ActOffer, due: "2026-11-17"}},
		{"offer: on the deadline", nil, seq(iv, offer), "2026-11-17", want{stage: StageOffer, kind: ActOffer, due: "2026-11-17"}},
		{"offer: past the deadline it stays an overdue offer", nil, seq(iv, offer), "2026-11-18", want{stage: StageOffer, kind: ActOffer, due: "2026-11-17"}},
		// checks: accepted Wed 18 Nov; E = +5bd = Wed 25; due Thu 26.
		{"checks: the day before acceptance is the offer", nil, seq(iv, offer, accepted), "2026-11-17", want{stage: StageOffer, kind: ActOffer, due: "2026-11-17"}},
		{"checks: on the acceptance's day", nil, seq(iv, offer, accepted), "2026-11-18",
			want{StageChecks, ActFollowup, "2026-11-26", "2026-11-18", "checks 2026-11-18..2026-11-25", ""}},
		{"checks: the day after", nil, seq(iv, offer, accepted), "2026-11-19", want{stage: StageChecks, kind: ActFollowup, due: "2026-11-26"}},
		{"checks: the day before cleared", nil, seq(iv, offer, accepted, ev(EventCleared, "2026-11-27")), "2026-11-26", want{stage: StageChecks, kind: ActFollowup, due: "2026-11-26"}},
		// onboarding: cleared, or a start date ahead.
		{"onboarding: on the day checks clear", nil, seq(iv, offer, accepted, ev(EventCleared, "2026-11-27")), "2026-11-27", want{stage: StageOnboarding, window: "-"}},
		{"onboarding: the day after checks clear", nil, seq(iv, offer, accepted, ev(EventCleared, "2026-11-27")), "2026-11-28", want{stage: StageOnboarding}},
		{"onboarding: accepted with a start date ahead", nil, seq(iv, offer, accepted, ev(EventStart, "2027-01-04")), "2026-11-20",
			want{stage: StageOnboarding, window: "onboarding 2026-11-18..2027-01-04", start: "2027-01-04"}},
		{"onboarding: the day before the start date", nil, seq(iv, offer, accepted, ev(EventStart, "2027-01-04")), "2027-01-03",
			want{stage: StageOnboarding, start: "2027-01-04"}},
		// started: a start date on or before today.
		{"started: on the start date", nil, seq(iv, offer, accepted, ev(EventStart, "2027-01-04")), "2027-01-04",
			want{stage: StageStarted, window: "-", start: "2027-01-04"}},
		{"started: the day after the start date", nil, seq(iv, offer, accepted, ev(EventStart, "2027-01-04")), "2027-01-05",
			want{stage: StageStarted, start: "2027-01-04"}},
		// rejected on Tue 10 Nov: reapply from +6 months, while today ≤ +12 months.
		{"rejected: the day before the rejection", nil, seq(iv, ev(EventRejected, "2026-11-10")), "2026-11-09", at(StageDecision, decisionW)},
		{"rejected: on the rejection's day", nil, seq(iv, ev(EventRejected, "2026-11-10")), "2026-11-10",
			want{StageRejected, ActReapply, "2027-05-10", "2026-11-10", "reapply 2027-05-10..2027-11-10", ""}},
		{"rejected: the day after", nil, seq(iv, ev(EventRejected, "2026-11-10")), "2026-11-11", want{stage: StageRejected, kind: ActReapply, due: "2027-05-10"}},
		{"rejected: the reapply window opens +6 months", nil, seq(iv, ev(EventRejected, "2026-11-10")), "2027-05-10", want{stage: StageRejected, kind: ActReapply, due: "2027-05-10"}},
		{"rejected: the reapply item stands on the window's last day", nil, seq(iv, ev(EventRejected, "2026-11-10")), "2027-11-10", want{stage: StageRejected, kind: ActReapply, due: "2027-05-10"}},
		{"rejected: no reapply item once the window closed", nil, seq(iv, ev(EventRejected, "2026-11-10")), "2027-11-11",
			want{stage: StageRejected, window: "reapply 2027-05-10..2027-11-10"}},
		// declined, withdrawn.
		{"declined: the day before declining is the offer", nil, seq(iv, offer, ev(EventDeclined, "2026-11-12")), "2026-11-11", want{stage: StageOffer, kind: ActOffer, due: "2026-11-17"}},
		{"declined: on the day", nil, seq(iv, offer, ev(EventDeclined, "2026-11-12")), "2026-11-12", want{stage: StageDeclined, window: "-"}},
		{"declined: the day after", nil, seq(iv, offer, ev(EventDeclined, "2026-11-12")), "2026-11-13", want{stage: StageDeclined}},
		{"withdrawn: the day before withdrawing", nil, seq(iv, ev(EventWithdrawn, "2026-11-05")), "2026-11-04", at(StageDebrief, debriefW)},
		{"withdrawn: on the day", nil, seq(iv, ev(EventWithdrawn, "2026-11-05")), "2026-11-05", want{stage: StageWithdrawn, window: "-"}},
		{"withdrawn: the day after", nil, seq(iv, ev(EventWithdrawn, "2026-11-05")), "2026-11-06", want{stage: StageWithdrawn}},
	})
}

// The undecided stages' windows are the stated ones, whatever the day.
func TestUndecidedWindows(t *testing.T) {
	d := Derive(Application{}, seq(ev(EventInterview, "2026-11-02")), DefaultSettings(), D("2026-11-04"))
	got := ""
	for _, w := range d.Windows {
		got += w.Name + " " + w.From.String() + ".." + w.To.String() + "; "
	}
	const want = "debrief 2026-11-03..2026-11-05; decision 2026-11-03..2026-11-09; reply 2026-11-09..2026-11-11; "
	if got != want {
		t.Errorf("windows = %s\nwant      %s", got, want)
	}
	if d.LastInterview != D("2026-11-02") || d.LastActivity != D("2026-11-02") {
		t.Errorf("last interview %s, last activity %s; want both 2026-11-02", d.LastInterview, d.LastActivity)
	}
	d = Derive(Application{}, seq(ev(EventInterview, "2026-11-02"), ev(EventHeard, "2026-11-03")), DefaultSettings(), D("2026-11-04"))
	if names := d.Windows[0].Name + " " + d.Windows[3].Name; names != "debrief reply" || d.Current != &d.Windows[2] || d.Current.Name != "waiting" {
		t.Errorf("waiting is not placed by its start: %+v", d.Windows)
	}
}
