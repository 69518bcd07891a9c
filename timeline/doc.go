// Package timeline is afterview's engine. From an application's events, the
// settings and today's date it derives where the application stands (its
// Stage), the windows it is inside and its next action with a due date; from
// many applications, the chase view. It is pure: no I/O, no SQL, no clock —
// today is always a parameter, so every result can be reproduced.
//
// # Dates
//
// Every date is a civil date (Date) with no time of day. N days after D is
// D + N calendar days; N business days after D is the N-th day after D that
// is a weekday and not a public holiday of the country named by the
// `holidays` setting (github.com/rickar/cal); N months after D is the same day
// of the month, clamped to the month's end. When an answer was expected by
// day E and none came, the follow-up is due on the first business day after
// E — everywhere.
//
// # Events and facts
//
// Events are facts once their date is on or before today; later ones are
// plans (a booked interview, a start date). They are ordered by date, then by
// the order they were logged. Let I be the latest interview on or before
// today. Only the events on or after I's day decide the stage, in whatever
// order that day's events were logged (with no interview, all of them). Among
// those the latest decision wins (hold, offer, accepted, checks, cleared,
// start, rejected, declined, withdrawn); news (heard) and follow-ups are not
// decisions: after one they only re-arm its due date where the table says so.
// After an accepted offer, a start date on or before today means started
// whatever came after it.
//
// # Stages
//
// The first row that holds decides:
//
//	stage       when                                                   next action (kind, due)
//	applied     no interview, past or booked                           none, or with applied_followup_bd > 0: followup,
//	                                                                   first business day after A + applied_followup_bd
//	                                                                   bd (A: the applied date); after news or a
//	                                                                   follow-up since, after its E as for waiting
//	scheduled   an interview is booked after today and no decision     interview, on the booked day
//	            is under way (also after an earlier round, or after
//	            a closed stage: a re-application)
//	ghosted     no decision under way, and either ghost_followups      none: not chased
//	            follow-ups in a row since their last word went
//	            unanswered and the last one's E has passed, or with
//	            no interview, more than ghost_applied_days days since
//	            the applied date or their last word
//	debrief     today ≤ I + debrief_days                               followup, first business day after I + reply_max_bd bd
//	decision    today ≤ the later of I + decision_days and the day      the same
//	            before the reply window opens (I + reply_min_bd bd)
//	reply       today ≤ I + reply_max_bd bd                            the same
//	waiting     after news or a follow-up since I, while today ≤ E     followup, first business day after E
//	followup    E has passed without word                              the same, now due or overdue
//	hold        after hold                                             checkin, first business day after (the latest of
//	                                                                   hold, heard, followup) + hold_checkin_days
//	offer       after offer, until accepted or declined (past the      offer, on the deadline: the latest negotiated one,
//	            deadline too: then the text asks whether you answered) else the offer's own, else offer + offer_days
//	checks      after accepted (and checks), until cleared             followup, first business day after (the latest of
//	                                                                   accepted, checks, heard, followup) + chase_again_bd bd
//	onboarding  cleared, or a start date ahead with no checks open     none (starts on the start date)
//	started     a start date on or before today                        none
//	rejected    after rejected                                         reapply, on R + reapply_min_months, while
//	                                                                   today ≤ R + reapply_max_months (later: none)
//	declined    after declined                                         none
//	withdrawn   after withdrawn                                        none
//
// E, the day an answer was expected, is the reply window's end (I +
// reply_max_bd bd) until news or a follow-up comes; then it is the clock of
// the latest of them (a heard with a promised date: that date; otherwise its
// date + chase_again_bd bd), but never before a date promised (heard --by)
// since I. Their last word is I or the latest heard since. Any word from them,
// a new interview (booked or held) or a decision brings a ghosted application
// back. The clock stages end by the reply window's end whatever the settings
// say: once it has closed without word, it is time to follow up. A snooze
// hides the chase items while today < its end; an archived application is
// never chased.
//
// # The chase view
//
// Chase lists every next action due on or before today + lookahead_days, of
// applications not archived and not snoozed, in sections: overdue (due before
// today), today, upcoming, and open — a reapply item whose day has passed is
// never overdue, it is listed as open until its window closes. Within a
// section: due date, then kind (offer, expedite, interview, followup,
// checkin, reapply), then company.
//
// # Texts
//
// Every sentence Derive writes (Action.Text) and every line of Advice is true
// on the day it is shown: before the reapply window opens it names the day it
// opens, past an offer's deadline it says so. A text that changes with
// today ends the summary's validity on the day it changes.
//
// # What the store keeps
//
// Derive returns a Derived; its Summary part is what the store keeps with
// each row, valid for today in [ValidFrom, ValidThrough], so the fast paths
// (list, chase, the TUI's first frame) never re-read events. Bump Version
// whenever a rule changes what Derive returns.
package timeline
