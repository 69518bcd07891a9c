package timeline

// Expedite: while an offer awaits your answer, the other processes still
// under way are asked to hurry.
//
// An offer is open while its application is at stage offer, not archived,
// and its deadline is today or later. With several open offers, the one with
// the earliest deadline counts (ties: the one that arrived first, then the
// lower id). Every other application that is not archived, not snoozed on
// today, at a stage where a decision is still to come (scheduled, debrief,
// decision, reply, followup, waiting, hold), and with no followup or heard
// logged on or after the day that offer arrived, gets an expedite item due
// on that day. It stands in for the application's own chase item; its stage
// and next action are unchanged. Logging a follow-up (or news) ends it; so do
// answering the offer and its deadline passing, as the offer is no longer
// open.

// OpenOffer is an offer awaiting an answer, as the expedite rule needs it.
type OpenOffer struct {
	AppID    int64
	Arrived  Date // the offer's date
	Deadline Date // its effective deadline
}

// OpenOfferOf returns e's open offer on today, read from its summary: the
// stage offer's next action is due on the deadline, counted from the day the
// offer arrived.
func OpenOfferOf(e Entry, today Date) (OpenOffer, bool) {
	if e.App.Archived || e.Stage != StageOffer || e.Next == nil || e.Next.Kind != ActOffer || e.Next.Due < today {
		return OpenOffer{}, false
	}
	return OpenOffer{AppID: e.App.ID, Arrived: e.Next.From, Deadline: e.Next.Due}, true
}

// OpenOffers returns the open offers among entries on today.
func OpenOffers(entries []Entry, today Date) []OpenOffer {
	var out []OpenOffer
	for _, e := range entries {
		if o, ok := OpenOfferOf(e, today); ok {
			out = append(out, o)
		}
	}
	return out
}

// CountingOffer returns the open offer that counts for application id: the
// one with the earliest deadline among the others' (see the rule above).
func CountingOffer(offers []OpenOffer, id int64) (OpenOffer, bool) {
	var best OpenOffer
	found := false
	for _, o := range offers {
		if o.AppID == id {
			continue
		}
		if !found || o.Deadline < best.Deadline || o.Deadline == best.Deadline &&
			(o.Arrived < best.Arrived || o.Arrived == best.Arrived && o.AppID < best.AppID) {
			best, found = o, true
		}
	}
	return best, found
}

// Expedites reports whether stage s is one where a decision is still to
// come, so that an offer elsewhere is worth telling them about.
func (s Stage) Expedites() bool {
	switch s {
	case StageScheduled, StageDebrief, StageDecision, StageReply, StageFollowUp, StageWaiting, StageHold:
		return true
	}
	return false
}

// ExpediteStages lists the stages of Stage.Expedites, for the store's query.
var ExpediteStages = []Stage{StageScheduled, StageDebrief, StageDecision, StageReply, StageFollowUp, StageWaiting, StageHold}

// OfferElsewhere returns the open offer elsewhere that counts for e on
// today, and whether e is still to be asked to hurry (no followup or heard
// on or after the day it arrived; lastContact is the latest such event's
// date, zero when none). ok is false when no offer elsewhere applies to e.
func OfferElsewhere(e Entry, lastContact Date, offers []OpenOffer, today Date) (o OpenOffer, pending, ok bool) {
	return offerElsewhere(&e, lastContact, offers, today)
}

// offerElsewhere is OfferElsewhere of *e.
func offerElsewhere(e *Entry, lastContact Date, offers []OpenOffer, today Date) (o OpenOffer, pending, ok bool) {
	if e.App.Archived || !e.Stage.Expedites() {
		return o, false, false
	}
	o, ok = CountingOffer(offers, e.App.ID)
	if !ok || o.Deadline < today || o.Arrived > today {
		return o, false, false
	}
	return o, lastContact < o.Arrived, true
}

// Expedite returns e's expedite action on today, or nil when none applies
// (see the rule above). who names the recruiter in the sentence.
func Expedite(e Entry, lastContact Date, offers []OpenOffer, today Date) *Action {
	o, ok := expediting(&e, lastContact, offers, today)
	if !ok {
		return nil
	}
	a := expediteAction(o, recruiterOf(&e), expediteParts(o.Deadline, today))
	return &a
}

// expediting returns the offer that gives e an expedite item on today.
func expediting(e *Entry, lastContact Date, offers []OpenOffer, today Date) (OpenOffer, bool) {
	o, pending, ok := offerElsewhere(e, lastContact, offers, today)
	return o, ok && pending && !e.Snoozed(today)
}

// recruiterOf names whom the expedite sentence asks.
func recruiterOf(e *Entry) string {
	if e.App.Recruiter != "" {
		return e.App.Recruiter
	}
	return "the recruiter"
}

// expediteAction is the expedite item from offer o, asking who; parts are
// the sentence's words before and after the name (expediteParts).
func expediteAction(o OpenOffer, who string, parts [2]string) Action {
	return Action{Kind: ActExpedite, Due: o.Arrived, From: o.Arrived, Text: parts[0] + who + parts[1], Deadline: o.Deadline}
}

// expediteParts are the expedite item's sentence on today, before and
// after the recruiter's name: "You have an offer elsewhere with a deadline
// of Fri 11 Dec: ask " and " whether they can decide sooner".
func expediteParts(deadline, today Date) [2]string {
	if deadline == today {
		return [2]string{"You have an offer elsewhere with a deadline of today (" + weekdayDayMonth(deadline) + "): ask ",
			" whether they can decide today"}
	}
	return [2]string{"You have an offer elsewhere with a deadline of " + weekdayDayMonth(deadline) + ": ask ",
		" whether they can decide sooner"}
}

// Expediter works out the expedite items of many applications from the
// same open offers on the same day, as Expedite does one at a time, with
// the sentence's fixed words made once for each deadline. It is safe for
// use by several goroutines at once.
type Expediter struct {
	offers []OpenOffer
	today  Date
	parts  map[Date][2]string // by the deadline of each offer
}

// NewExpediter returns an Expediter for offers on today.
func NewExpediter(offers []OpenOffer, today Date) *Expediter {
	x := &Expediter{offers: offers, today: today, parts: make(map[Date][2]string, len(offers))}
	for _, o := range offers {
		if _, ok := x.parts[o.Deadline]; !ok {
			x.parts[o.Deadline] = expediteParts(o.Deadline, today)
		}
	}
	return x
}

// Action is Expedite(*e, lastContact, offers, today) by value: ok is false
// when no expedite item applies.
func (x *Expediter) Action(e *Entry, lastContact Date) (a Action, ok bool) {
	o, ok := expediting(e, lastContact, x.offers, x.today)
	if !ok {
		return a, false
	}
	return expediteAction(o, recruiterOf(e), x.parts[o.Deadline]), true
}

// ApplyExpedite returns entries with an expedite action standing in for the
// next action of each one that the rule gives one, on today. lastContact
// holds the date of the latest followup or heard of every application that
// may get one (zero: none logged); entries missing from it are left as they
// are. The input is not modified.
func ApplyExpedite(entries []Entry, lastContact map[int64]Date, offers []OpenOffer, today Date) []Entry {
	if len(offers) == 0 {
		return entries
	}
	out := make([]Entry, len(entries))
	copy(out, entries)
	for i := range out {
		last, known := lastContact[out[i].App.ID]
		if !known {
			continue
		}
		if a := Expedite(out[i], last, offers, today); a != nil {
			out[i].Next = a
		}
	}
	return out
}
