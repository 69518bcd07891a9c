package timeline

// The layouts that dates are shown in, named once so that every screen and
// report writes a date the same way (use them with Date.Format).
const (
	// LayoutDay is a date within the year being shown: "Mon 2 Jan".
	LayoutDay = "Mon 2 Jan"
	// LayoutDayYear is a date with its year: "Mon 2 Jan 2006".
	LayoutDayYear = "Mon 2 Jan 2006"
	// LayoutDayMonth is a short date within the year, for narrow cells: "2 Jan".
	LayoutDayMonth = "2 Jan"
	// LayoutDayMonthYear is a date without its weekday: "2 Jan 2006".
	LayoutDayMonthYear = "2 Jan 2006"
	// LayoutLongDay is a date spelt out, for letters: "Monday 2 January".
	LayoutLongDay = "Monday 2 January"
	// LayoutWeekdayISO is an ISO date led by its weekday: "Mon 2006-01-02".
	LayoutWeekdayISO = "Mon " + DateLayout
)
