package timeline

import "testing"

// applied: no interview; chased only with applied_followup_bd; ghosted after
// ghost_applied_days without word. Applied Mon 2 Nov 2026.
func TestStageApplied(t *testing.T) {
	applied := ev(EventApplied, "2026-11-02")
	chase5 := DefaultSettings()
	chase5.AppliedFollowupBD = 5 // E = Mon 9 Nov, due Tue 10 Nov
	never := DefaultSettings()
	never.GhostAppliedDays = 0
	runDeriveCases(t, []deriveCase{
		{"applied: not chased when applied_followup_bd is 0", nil, seq(applied), "2026-11-20", want{stage: StageApplied, window: "-"}},
		{"applied_followup_bd: due the first business day after A + N bd", &chase5, seq(applied), "2026-11-03",
			want{StageApplied, ActFollowup, "2026-11-10", "2026-11-02", "", ""}},
		{"applied_followup_bd: on the due day", &chase5, seq(applied), "2026-11-10", want{StageApplied, ActFollowup, "2026-11-10", "2026-11-02", "", ""}},
		{"applied_followup_bd: overdue after, still applied", &chase5, seq(applied), "2026-11-16", want{StageApplied, ActFollowup, "2026-11-10", "2026-11-02", "", ""}},
		{"applied_followup_bd: a follow-up re-arms by chase_again_bd", &chase5, seq(applied, ev(EventFollowup, "2026-11-12")), "2026-11-12",
			want{StageApplied, ActFollowup, "2026-11-20", "2026-11-12", "", ""}},
		{"applied_followup_bd: a promise is not chased before it passes", &chase5, seq(applied, ev(EventHeard, "2026-11-04", by("2026-11-25"))), "2026-11-12",
			want{StageApplied, ActFollowup, "2026-11-26", "2026-11-04", "", ""}},
		{"applied: ghosted only after more than ghost_applied_days (day 30)", nil, seq(applied), "2026-12-02", want{stage: StageApplied}},
		{"ghosted: day 31 after applying with no word", nil, seq(applied), "2026-12-03", want{stage: StageGhosted, window: "-"}},
		{"ghosted: not chased, even with applied_followup_bd", &chase5, seq(applied), "2026-12-03", want{stage: StageGhosted}},
		{"ghosted: counts from their last word", nil, seq(applied, ev(EventHeard, "2026-11-20")), "2026-12-20", want{stage: StageApplied}},
		{"ghosted: 31 days after their last word", nil, seq(applied, ev(EventHeard, "2026-11-20")), "2026-12-21", want{stage: StageGhosted}},
		{"ghosted: your own follow-ups are not their word", nil, seq(applied, ev(EventFollowup, "2026-11-20")), "2026-12-03", want{stage: StageGhosted}},
		{"ghost_applied_days 0: never ghosted", &never, seq(applied), "2027-06-01", want{stage: StageApplied}},
		{"ghosted: never without an applied date or their word", nil, seq(ev(EventNote, "2026-01-01")), "2027-06-01", want{stage: StageApplied}},
		{"revival: news brings a ghosted application back", nil, seq(applied, ev(EventHeard, "2026-12-10")), "2026-12-10", want{stage: StageApplied}},
		{"revival: a booked interview makes it scheduled", nil, seq(applied, ev(EventInterview, "2026-12-20")), "2026-12-10",
			want{StageScheduled, ActInterview, "2026-12-20", "2026-11-02", "-", ""}},
		{"revival: a held interview starts the clock", nil, seq(applied, ev(EventInterview, "2026-12-10")), "2026-12-11",
			want{stage: StageDebrief, kind: ActFollowup, due: "2026-12-22"}},
		{"revival: a decision counts", nil, seq(applied, ev(EventRejected, "2026-12-10")), "2026-12-11", want{stage: StageRejected, kind: ActReapply, due: "2027-06-10"}},
	})
}

// ghosted after an interview: ghost_followups follow-ups in a row since their
// last word went unanswered and the last one's E has passed. Interview Mon 2
// Nov; follow-ups Thu 12 Nov (E Thu 19) and Fri 20 Nov (E Fri 27).
func TestStageGhostedAfterFollowups(t *testing.T) {
	iv := ev(EventInterview, "2026-11-02")
	f1, f2 := ev(EventFollowup, "2026-11-12"), ev(EventFollowup, "2026-11-20")
	one, never := DefaultSettings(), DefaultSettings()
	one.GhostFollowups, never.GhostFollowups = 1, 0
	runDeriveCases(t, []deriveCase{
		{"ghost_followups 2: one unanswered follow-up is a follow-up", nil, seq(iv, f1), "2026-11-25",
			want{StageFollowUp, ActFollowup, "2026-11-20", "2026-11-12", "", ""}},
		{"ghost_followups 2: waiting on the second one's E", nil, seq(iv, f1, f2), "2026-11-27",
			want{StageWaiting, ActFollowup, "2026-11-30", "2026-11-20", "waiting 2026-11-20..2026-11-27", ""}},
		{"ghosted: the day after the second one's E", nil, seq(iv, f1, f2), "2026-11-28", want{stage: StageGhosted, window: "-"}},
		{"ghosted: still months later, not overdue for ever", nil, seq(iv, f1, f2), "2027-05-01", want{stage: StageGhosted}},
		{"ghost_followups 1: ghosted after the first one's E", &one, seq(iv, f1), "2026-11-20", want{stage: StageGhosted}},
		{"ghost_followups 0: never ghosted", &never, seq(iv, f1, f2), "2027-05-01", want{StageFollowUp, ActFollowup, "2026-11-30", "2026-11-20", "", ""}},
		{"ghosted: news between the follow-ups breaks the row", nil, seq(iv, f1, ev(EventHeard, "2026-11-16"), f2), "2026-11-30",
			want{StageFollowUp, ActFollowup, "2026-11-30", "2026-11-20", "", ""}},
		{"ghosted: a promise still standing is waited for", nil, seq(iv, ev(EventHeard, "2026-11-04", by("2026-12-10")), f1, f2), "2026-12-01",
			want{StageWaiting, ActFollowup, "2026-12-11", "2026-11-20", "waiting 2026-11-20..2026-12-10", ""}},
		{"revival: news after ghosting is waiting", nil, seq(iv, f1, f2, ev(EventHeard, "2026-12-01")), "2026-12-01",
			want{StageWaiting, ActFollowup, "2026-12-09", "2026-12-01", "waiting 2026-12-01..2026-12-08", ""}},
		{"revival: a new interview restarts the clock", nil, seq(iv, f1, f2, ev(EventInterview, "2026-12-01")), "2026-12-01",
			want{stage: StageDebrief, kind: ActFollowup, due: "2026-12-11"}},
		{"revival: a booked interview is scheduled", nil, seq(iv, f1, f2, ev(EventInterview, "2026-12-14")), "2026-12-01",
			want{StageScheduled, ActInterview, "2026-12-14", "2026-11-20", "-", ""}},
		{"revival: a decision counts", nil, seq(iv, f1, f2, ev(EventHold, "2026-12-01")), "2026-12-01",
			want{stage: StageHold, kind: ActCheckin, due: "2027-01-01"}},
	})
}

// decision: today ≤ the later of I + decision_days and the day before the
// reply window opens — so the stage is never reply while the window opens
// tomorrow.
func TestStageDecisionUntilTheReplyWindowOpens(t *testing.T) {
	us := withHolidays("US")
	// Interview Fri 20 Nov 2026. With US holidays (Thanksgiving, Thu 26) the
	// reply window opens Mon 30 Nov, though I+7 is Fri 27.
	iv := seq(ev(EventInterview, "2026-11-20"))
	runDeriveCases(t, []deriveCase{
		{"US: decision on I+7", &us, iv, "2026-11-27", want{StageDecision, ActFollowup, "2026-12-03", "2026-11-20", "decision 2026-11-21..2026-11-27", ""}},
		{"US: decision the day after I+7, the window opening Monday", &us, iv, "2026-11-28", want{stage: StageDecision, kind: ActFollowup, due: "2026-12-03"}},
		{"US: decision the day before the reply window opens", &us, iv, "2026-11-29", want{stage: StageDecision, kind: ActFollowup, due: "2026-12-03"}},
		{"US: reply on the day the window opens", &us, iv, "2026-11-30", want{StageReply, ActFollowup, "2026-12-03", "", "reply 2026-11-30..2026-12-02", ""}},
		{"no holidays: decision on I+7, when the window opens", nil, iv, "2026-11-27", want{stage: StageDecision, kind: ActFollowup, due: "2026-12-02"}},
		{"no holidays: reply the day after I+7", nil, iv, "2026-11-28", want{StageReply, ActFollowup, "2026-12-02", "", "reply 2026-11-27..2026-12-01", ""}},
	})
}
