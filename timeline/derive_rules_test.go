package timeline

import "testing"

// Business days skip weekends and the configured country's public holidays;
// the follow-up is due on the first business day after the window closes.
func TestDeriveBusinessDays(t *testing.T) {
	us, gb := withHolidays("US"), withHolidays("GB")
	runDeriveCases(t, []deriveCase{
		{"interview on a Friday: the reply window skips the weekend", nil, seq(ev(EventInterview, "2026-11-06")), "2026-11-17",
			want{StageReply, ActFollowup, "2026-11-18", "2026-11-06", "reply 2026-11-13..2026-11-17", ""}},
		{"interview on a Friday: debrief ends Monday I+3 in calendar days", nil, seq(ev(EventInterview, "2026-11-06")), "2026-11-09",
			want{StageDebrief, ActFollowup, "2026-11-18", "2026-11-06", "debrief 2026-11-07..2026-11-09", ""}},
		{"interview on a Saturday counts from the next Monday", nil, seq(ev(EventInterview, "2026-11-07")), "2026-11-18",
			want{StageFollowUp, ActFollowup, "2026-11-18", "2026-11-07", "reply 2026-11-13..2026-11-17", ""}},
		{"US: Veterans Day is not a business day", &us, seq(ev(EventInterview, "2026-11-06")), "2026-11-18",
			want{StageReply, ActFollowup, "2026-11-19", "2026-11-06", "reply 2026-11-16..2026-11-18", ""}},
		{"no holidays: Thanksgiving is a business day", nil, seq(ev(EventInterview, "2026-11-20")), "2026-12-02",
			want{StageFollowUp, ActFollowup, "2026-12-02", "", "reply 2026-11-27..2026-12-01", ""}},
		{"US: the reply window across Thanksgiving is one day longer", &us, seq(ev(EventInterview, "2026-11-20")), "2026-12-02",
			want{StageReply, ActFollowup, "2026-12-03", "", "reply 2026-11-30..2026-12-02", ""}},
		{"US: followup the day after the longer window", &us, seq(ev(EventInterview, "2026-11-20")), "2026-12-03",
			want{StageFollowUp, ActFollowup, "2026-12-03", "", "", ""}},
		{"US: an interview on Thanksgiving counts from the day after", &us, seq(ev(EventInterview, "2026-11-26")), "2026-11-29",
			want{StageDebrief, ActFollowup, "2026-12-08", "2026-11-26", "debrief 2026-11-27..2026-11-29", ""}},
		{"US: the reply window after an interview on Thanksgiving", &us, seq(ev(EventInterview, "2026-11-26")), "2026-12-04",
			want{StageReply, ActFollowup, "2026-12-08", "", "reply 2026-12-03..2026-12-07", ""}},
		{"no holidays: Christmas week", nil, seq(ev(EventInterview, "2026-12-21")), "2026-12-30",
			want{StageReply, ActFollowup, "2026-12-31", "", "reply 2026-12-28..2026-12-30", ""}},
		{"GB: Christmas, Boxing Day (observed Monday) and New Year are skipped", &gb, seq(ev(EventInterview, "2026-12-21")), "2026-12-31",
			want{StageReply, ActFollowup, "2027-01-05", "", "reply 2026-12-30..2027-01-04", ""}},
		{"US: a follow-up due on New Year's Day moves to Monday", &us, seq(ev(EventInterview, "2026-12-21")), "2027-01-01",
			want{StageFollowUp, ActFollowup, "2027-01-04", "", "reply 2026-12-29..2026-12-31", ""}},
		{"US: a promised date the day before Thanksgiving is chased on Friday", &us,
			seq(ev(EventInterview, "2026-11-16"), ev(EventHeard, "2026-11-18", by("2026-11-25"))), "2026-11-20",
			want{StageWaiting, ActFollowup, "2026-11-27", "2026-11-18", "waiting 2026-11-18..2026-11-25", ""}},
		{"US: the checks follow-up skips Thanksgiving", &us,
			seq(ev(EventInterview, "2026-11-02"), ev(EventOffer, "2026-11-10"), ev(EventAccepted, "2026-11-18")), "2026-11-20",
			want{StageChecks, ActFollowup, "2026-11-27", "2026-11-18", "checks 2026-11-18..2026-11-25", ""}},
	})
}

// Months add to the same day of the month, clamped to the month's end.
func TestDeriveReapplyMonths(t *testing.T) {
	oneMonth := DefaultSettings()
	oneMonth.ReapplyMinMonths, oneMonth.ReapplyMaxMonths = 1, 13
	runDeriveCases(t, []deriveCase{
		{"reapply: Aug 31 + 6 months clamps to Feb 28", nil, seq(ev(EventRejected, "2026-08-31")), "2026-09-01",
			want{StageRejected, ActReapply, "2027-02-28", "2026-08-31", "reapply 2027-02-28..2027-08-31", ""}},
		{"reapply: Jan 31 + 1 month in a leap year is Feb 29", &oneMonth, seq(ev(EventRejected, "2028-01-31")), "2028-02-01",
			want{StageRejected, ActReapply, "2028-02-29", "2028-01-31", "reapply 2028-02-29..2029-02-28", ""}},
		{"reapply: without an interview a rejection still counts", nil, seq(ev(EventRejected, "2026-11-10")), "2026-11-10",
			want{StageRejected, ActReapply, "2027-05-10", "2026-11-10", "reapply 2027-05-10..2027-11-10", ""}},
	})
}

// Events are ordered by date, then by the order they were logged (the ID).
func TestDeriveEventOrder(t *testing.T) {
	runDeriveCases(t, []deriveCase{
		{"order: events logged out of order are sorted by date", nil,
			[]Event{ev(EventOffer, "2026-11-10", id(1)), ev(EventInterview, "2026-11-02", id(2))}, "2026-11-12",
			want{StageOffer, ActOffer, "2026-11-17", "2026-11-10", "", ""}},
		{"order: a slice out of order is sorted by date", nil,
			seq(ev(EventHold, "2026-11-10"), ev(EventInterview, "2026-11-02")), "2026-11-12",
			want{stage: StageHold, kind: ActCheckin, due: "2026-12-11"}},
		{"order: on the same day the later logged decision wins (hold)", nil,
			[]Event{ev(EventInterview, "2026-11-02", id(1)), ev(EventHold, "2026-11-10", id(3)), ev(EventOffer, "2026-11-10", id(2))}, "2026-11-12",
			want{stage: StageHold, kind: ActCheckin, due: "2026-12-11"}},
		{"order: on the same day the later logged decision wins (offer)", nil,
			[]Event{ev(EventInterview, "2026-11-02", id(1)), ev(EventHold, "2026-11-10", id(2)), ev(EventOffer, "2026-11-10", id(3))}, "2026-11-12",
			want{stage: StageOffer, kind: ActOffer, due: "2026-11-17"}},
		{"order: an unsaved event comes after the saved ones of its day", nil,
			[]Event{ev(EventInterview, "2026-11-02", id(1)), ev(EventHold, "2026-11-10"), ev(EventOffer, "2026-11-10", id(7))}, "2026-11-12",
			want{stage: StageHold, kind: ActCheckin, due: "2026-12-11"}},
		{"order: an offer on the interview's day counts though logged first", nil,
			[]Event{ev(EventOffer, "2026-11-02", id(1)), ev(EventInterview, "2026-11-02", id(2))}, "2026-11-03",
			want{StageOffer, ActOffer, "2026-11-09", "2026-11-02", "", ""}},
	})
	// SortEvents itself: date, then ID, unsaved last keeping slice order.
	got := SortEvents([]Event{
		{ID: 0, Type: EventNote, Note: "a", Date: D("2026-11-02")}, {ID: 5, Date: D("2026-11-03")},
		{ID: 9, Date: D("2026-11-02")}, {ID: 0, Type: EventNote, Note: "b", Date: D("2026-11-02")}, {ID: 2, Date: D("2026-11-02")},
	})
	order := ""
	for _, e := range got {
		order += e.Date.String()[8:] + ":" + map[bool]string{true: e.Note, false: string(rune('0' + e.ID))}[e.ID == 0] + " "
	}
	if order != "02:2 02:9 02:a 02:b 03:5 " {
		t.Errorf("SortEvents order = %q", order)
	}
}

// A new interview round starts the clock afresh; later decisions override earlier ones.
func TestDeriveRounds(t *testing.T) {
	iv := ev(EventInterview, "2026-11-02")
	runDeriveCases(t, []deriveCase{
		{"new round: an interview after a hold restarts the clock", nil,
			seq(iv, ev(EventHold, "2026-11-10"), ev(EventInterview, "2026-11-20")), "2026-11-21",
			want{StageDebrief, ActFollowup, "2026-12-02", "2026-11-20", "debrief 2026-11-21..2026-11-23", ""}},
		{"new round: an interview after a rejection restarts the clock", nil,
			seq(iv, ev(EventRejected, "2026-11-10"), ev(EventInterview, "2026-11-20")), "2026-12-02",
			want{StageFollowUp, ActFollowup, "2026-12-02", "2026-11-20", "", ""}},
		{"new round: news from the previous round does not count", nil,
			seq(iv, ev(EventHeard, "2026-11-05", by("2026-12-31")), ev(EventInterview, "2026-11-20")), "2026-11-24",
			want{StageDecision, ActFollowup, "2026-12-02", "2026-11-20", "", ""}},
		{"offer after hold: the later decision wins", nil,
			seq(iv, ev(EventHold, "2026-11-10"), ev(EventOffer, "2026-11-15")), "2026-11-16",
			want{StageOffer, ActOffer, "2026-11-22", "2026-11-15", "offer 2026-11-15..2026-11-22", ""}},
		{"hold after offer: the later decision wins", nil,
			seq(iv, ev(EventOffer, "2026-11-10"), ev(EventHold, "2026-11-12")), "2026-11-13",
			want{StageHold, ActCheckin, "2026-12-14", "2026-11-12", "", ""}},
	})
}

// The offer's deadline: the latest negotiated one, else its own, else +offer_days.
func TestDeriveOfferDeadline(t *testing.T) {
	iv := ev(EventInterview, "2026-11-02")
	offer := ev(EventOffer, "2026-11-10", deadline("2026-11-17"))
	offer.Base, offer.Bonus, offer.Equity, offer.Currency = 180000, 20000, 50000, "USD"
	runDeriveCases(t, []deriveCase{
		{"offer: its own deadline", nil, seq(iv, offer), "2026-11-11", want{StageOffer, ActOffer, "2026-11-17", "2026-11-10", "offer 2026-11-10..2026-11-17", ""}},
		{"negotiate: a new deadline moves the due date", nil,
			seq(iv, offer, ev(EventNegotiate, "2026-11-14", deadline("2026-11-21"))), "2026-11-15",
			want{StageOffer, ActOffer, "2026-11-21", "2026-11-10", "offer 2026-11-10..2026-11-21", ""}},
		{"negotiate: without a deadline it keeps the last one", nil,
			seq(iv, offer, ev(EventNegotiate, "2026-11-14", deadline("2026-11-21")), ev(EventNegotiate, "2026-11-16")), "2026-11-16",
			want{stage: StageOffer, kind: ActOffer, due: "2026-11-21"}},
		{"negotiate: the latest deadline wins, even an earlier date", nil,
			seq(iv, offer, ev(EventNegotiate, "2026-11-12", deadline("2026-11-24")), ev(EventNegotiate, "2026-11-14", deadline("2026-11-20"))), "2026-11-15",
			want{stage: StageOffer, kind: ActOffer, due: "2026-11-20"}},
		{"negotiate: before the offer it does not count", nil,
			seq(iv, ev(EventNegotiate, "2026-11-03", deadline("2026-11-30")), ev(EventOffer, "2026-11-10")), "2026-11-11",
			want{stage: StageOffer, kind: ActOffer, due: "2026-11-17"}},
		{"offer: news after an offer does not move its deadline", nil,
			seq(iv, offer, ev(EventHeard, "2026-11-12"), ev(EventFollowup, "2026-11-13")), "2026-11-13",
			want{StageOffer, ActOffer, "2026-11-17", "2026-11-10", "", ""}},
	})
	d := Derive(Application{}, seq(iv, offer, ev(EventNegotiate, "2026-11-14", deadline("2026-11-21")), ev(EventAccepted, "2026-11-18")), DefaultSettings(), D("2026-11-18"))
	if d.Offer == nil || *d.Offer != (OfferTerms{Date: D("2026-11-10"), Deadline: D("2026-11-21"), Base: 180000, Bonus: 20000, Equity: 50000, Currency: "USD", Negotiated: 1}) {
		t.Errorf("accepted offer terms = %+v", d.Offer)
	}
	d = Derive(Application{}, seq(iv, ev(EventHold, "2026-11-10")), DefaultSettings(), D("2026-11-18"))
	if d.Offer != nil {
		t.Errorf("offer terms on hold = %+v, want nil", d.Offer)
	}
}
