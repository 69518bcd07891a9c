package timeline

import "testing"

func TestParseClock(t *testing.T) {
	for in, want := range map[string]string{
		"14:30": "14:30", "9:05": "09:05", " 09:05 ": "09:05", "9": "09:00", "0:00": "00:00", "23:59": "23:59",
		"14.30": "14:30", "14h30": "14:30", "14h": "14:00",
		"2pm": "14:00", "2:30pm": "14:30", "2:30 PM": "14:30", "12am": "00:00", "12pm": "12:00", "11:15 a.m.": "11:15",
		"24:00": "", "9:60": "", "9:5": "", "13pm": "", "0am": "", "": "", "noon": "", "-1": "", "1:-5": "", "123": "", "14:30:00": "",
	} {
		got, err := ParseClock(in)
		if got != want || (err == nil) != (want != "") {
			t.Errorf("ParseClock(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if m, ok := ClockMinutes("14:30"); !ok || m != 870 {
		t.Errorf("ClockMinutes(14:30) = %d, %v", m, ok)
	}
	if _, ok := ClockMinutes(""); ok {
		t.Error("no time has minutes")
	}
}

func TestOnlyAnInterviewTakesATime(t *testing.T) {
	iv := Event{Type: EventInterview, Date: MustDate("2026-12-03"), At: "14:30"}
	if err := iv.Validate(); err != nil {
		t.Errorf("an interview at 14:30: %v", err)
	}
	iv.At = "2:30pm"
	if err := iv.Validate(); err == nil {
		t.Error("a time not in HH:MM form was accepted")
	}
	heard := Event{Type: EventHeard, Date: MustDate("2026-12-03"), At: "14:30"}
	if err := heard.Validate(); err == nil {
		t.Error("a heard event took --at")
	}
}
