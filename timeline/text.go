package timeline

import "strconv"

// The next actions' sentences. Each is true on every day the summary that
// holds it is valid: a sentence that would change with today (a promised
// date passing, a window opening) ends the summary's validity on that day,
// so the sentence never needs "if" about the past. They are built by
// concatenation rather than fmt.Sprintf and time.Format: Derive runs for
// every application on every write and settings change, and these were a
// tenth of its time.

var (
	monthAbbr   = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	weekdayAbbr = [...]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
)

// dayMonth formats d as "2 Jan", as d.Format("2 Jan") does.
func dayMonth(d Date) string {
	_, m, day := d.YMD()
	return strconv.Itoa(day) + " " + monthAbbr[m-1]
}

// weekdayDayMonth formats d as "Mon 2 Jan".
func weekdayDayMonth(d Date) string {
	return weekdayAbbr[d.Weekday()] + " " + dayMonth(d)
}

// dayMonthYear formats d as "2 Jan 2006".
func dayMonthYear(d Date) string {
	y, _, _ := d.YMD()
	return dayMonth(d) + " " + strconv.Itoa(y)
}

// longDay formats d as "Mon 2 Jan 2006", for dates months away.
func longDay(d Date) string {
	return weekdayAbbr[d.Weekday()] + " " + dayMonthYear(d)
}

func checkinText(who string, since, lastContact, due, today Date) string {
	if today < due {
		return "Check in with " + who + " on " + weekdayDayMonth(due) + " — on hold since " + dayMonth(since)
	}
	return "Check in with " + who + " — on hold since " + dayMonth(since) + ", no contact since " + weekdayDayMonth(lastContact)
}

func offerText(deadline, today Date) string {
	if today > deadline {
		return "The offer's deadline, " + weekdayDayMonth(deadline) + ", has passed — did you answer? Log accepted or declined, or negotiate a new deadline"
	}
	return "Answer the offer by " + weekdayDayMonth(deadline) + " — negotiate or ask for more time before then"
}

func checksText(who string, lastContact, E, today Date) string {
	if today <= E {
		return "Ask " + who + " how the background and reference checks are going if there is no news by " + weekdayDayMonth(E)
	}
	return "Ask " + who + " how the background and reference checks are going — no news since " + weekdayDayMonth(lastContact)
}

func reapplyText(w Window, s Settings, today Date) string {
	usual := strconv.Itoa(s.ReapplyMinMonths) + "–" + strconv.Itoa(s.ReapplyMaxMonths) + " months"
	if today < w.From {
		return "You may reapply from " + longDay(w.From) + " (the usual wait after a rejection is " + usual + ")"
	}
	return "You may reapply now — the window opened " + longDay(w.From) + " and stays open until " + longDay(w.To)
}

// interviewText is the next action of a booked interview.
func interviewText(day Date) string {
	return "Interview on " + weekdayDayMonth(day) + " — prepare your examples and your questions"
}

// clockText is the follow-up after an interview with no word since.
func clockText(who string, I, E, today Date) string {
	if today <= E {
		return "Follow up with " + who + " if there is no word by " + weekdayDayMonth(E) + ", when the reply window closes"
	}
	return "Follow up with " + who + " — no word since the interview on " + weekdayDayMonth(I) + "; the reply window closed " + weekdayDayMonth(E)
}

// contactText is the follow-up after news or a follow-up: last is the latest
// contact, E the day an answer was expected, promised whether E is a date
// they promised.
func contactText(who string, last *Event, E Date, promised bool, today Date) string {
	waiting := today <= E
	switch {
	case promised && waiting:
		return "Follow up with " + who + " if there is no news by " + weekdayDayMonth(E) + ", the date they promised"
	case promised:
		return "Follow up with " + who + " — they promised news by " + weekdayDayMonth(E) + " and none came"
	case last.Type == EventHeard && waiting:
		return "Follow up with " + who + " if there is no news by " + weekdayDayMonth(E) + " — they were last in touch on " + weekdayDayMonth(last.Date)
	case last.Type == EventHeard:
		return "Follow up with " + who + " — no news since they were in touch on " + weekdayDayMonth(last.Date)
	case last.Type == EventFollowup && waiting:
		return "Follow up again with " + who + " if there is no reply by " + weekdayDayMonth(E) + " to your follow-up of " + weekdayDayMonth(last.Date)
	case last.Type == EventFollowup:
		return "Follow up again with " + who + " — no reply to your follow-up of " + weekdayDayMonth(last.Date)
	case waiting: // applied
		return "Follow up with " + who + " on your application if there is no word by " + weekdayDayMonth(E)
	}
	return "Follow up with " + who + " on your application of " + weekdayDayMonth(last.Date) + " — no word since"
}
