// Package timeline is afterview's engine: from an application's events, the
// settings and today's date it derives where the application stands (its
// Stage), the windows it is inside (debrief, decision, reply, offer, reapply…)
// and its next action with a due date, and from many applications the chase
// view. It follows ../shared/DOMAIN.md rule for rule, and is pure: no I/O, no
// SQL, no clock — today is always a parameter, so every result is reproducible.
//
// The model in a paragraph: events are facts once their date is on or before
// today (later ones are plans: a booked interview, a start date). The latest
// interview on or before today, I, starts the clock; only events dated on or
// after I's day decide the stage. With no decision since I, the stage follows
// the calendar — debrief (I+debrief_days), decision (I+decision_days), reply
// (I+reply_max_bd business days), then follow up — unless news or a follow-up
// arrived, which makes it "waiting" until the latest date they give. The latest
// decision (hold, offer, accepted, checks, cleared, start, rejected, declined,
// withdrawn) overrides everything before it, except that a start date already
// passed stays "started" whatever checks are logged after it; news or a
// follow-up after a decision only re-arms its due date. A booked interview
// makes the stage "scheduled" unless a decision is under way (hold, offer,
// checks, onboarding). A follow-up is always due on the first business day
// after the day an answer was expected. Business days skip weekends and, when
// the `holidays` setting names a country, its public holidays
// (github.com/rickar/cal).
//
// Derive returns a Derived; its Summary part is what the store keeps with each
// row, valid for today in [ValidFrom, ValidThrough], so the fast paths (list,
// chase, the TUI's first frame) never re-read events. Chase turns summaries into
// the chase view's ordered items.
package timeline
