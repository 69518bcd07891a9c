package timeline

import "strconv"

// The next actions' sentences. They are built by concatenation rather than
// fmt.Sprintf and time.Format: Derive runs for every application on every
// write and settings change, and these were a tenth of its time.

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

func checkinText(who string, since Date, s Settings) string {
	return "Check in with " + who + " — on hold since " + dayMonth(since) + ", " +
		strconv.Itoa(s.HoldCheckinDays) + " days since last contact"
}

func offerText(deadline Date) string {
	return "Answer the offer by " + weekdayDayMonth(deadline) + " — negotiate or ask for more time before then"
}

func checksText(who string, s Settings) string {
	return "Ask " + who + " how the background and reference checks are going — " +
		strconv.Itoa(s.ChaseAgainBD) + " business days without news"
}

func reapplyText(until Date, s Settings) string {
	return "You may reapply — " + strconv.Itoa(s.ReapplyMinMonths) + " months since the rejection (usual wait " +
		strconv.Itoa(s.ReapplyMinMonths) + "–" + strconv.Itoa(s.ReapplyMaxMonths) + " months, until " + dayMonthYear(until) + ")"
}

func waitingText(who string, last *Event, s Settings) string {
	switch {
	case last.Type == EventHeard && !last.By.IsZero():
		return "Follow up with " + who + " — they promised news by " + weekdayDayMonth(last.By)
	case last.Type == EventHeard:
		return "Follow up with " + who + " — no news " + strconv.Itoa(s.ChaseAgainBD) + " business days after they were last in touch"
	}
	return "Follow up with " + who + " — no reply " + strconv.Itoa(s.ChaseAgainBD) + " business days after your follow-up"
}

func noWordText(who string, s Settings) string {
	return "Follow up with " + who + " — no word " + strconv.Itoa(s.ReplyMaxBD) + " business days after the interview"
}
