package timeline

import (
	"strconv"
	"strings"
	"testing"
)

func TestParseMoneyAcceptsExactlyTheStatedForms(t *testing.T) {
	good := []struct {
		in       string
		amount   int64
		currency string
	}{
		{"180000", 180000, ""},
		{"180,000", 180000, ""},
		{"1,234,567", 1234567, ""},
		{"180k", 180000, ""},
		{"180K", 180000, ""},
		{"1.5k", 1500, ""},
		{"12.5k", 12500, ""},
		{"1.25k", 1250, ""},
		{"1.2m", 1200000, ""},
		{"$180,000", 180000, ""},
		{"$ 180k", 180000, ""},
		{"€95,000", 95000, ""},
		{"180000 USD", 180000, "USD"},
		{"180,000 eur", 180000, "EUR"},
		{"$180k USD", 180000, "USD"},
		{"  180000  ", 180000, ""},
		{"0", 0, ""},
		{"1,000,000,000,000", 1_000_000_000_000, ""},
	}
	for _, c := range good {
		m, err := ParseMoney(c.in)
		if err != nil || m.Amount != c.amount || m.Currency != c.currency {
			t.Errorf("ParseMoney(%q) = %+v, %v; want %d %q", c.in, m, err, c.amount, c.currency)
		}
	}
	for _, in := range []string{"", "abc", "-5", "-5k", "+5", "1.5", "k", "12e", "180kk",
		"1,5k", "180,5k", "1,50", "1e3k", "0x1p4k", "0x10", "1_000", "180 000", "1.2345k", "1.k", ".5k",
		"1000,000", ",000", "180,000.00", "$", "180000 US", "180000 DOLLARS", "NaN", "Infinity", "inf",
		"１８０", "1,000,000,000,001", "99999999999999999999", "5%"} {
		if m, err := ParseMoney(in); err == nil {
			t.Errorf("ParseMoney(%q) = %+v, want an error", in, m)
		}
	}
}

func TestParseMoneyRefusalShowsTheAcceptedForms(t *testing.T) {
	_, err := ParseMoney("1,5k")
	want := `"1,5k" is not an amount: commas go between groups of three digits (180,000) ` +
		`(give a whole amount such as 180000, 180,000, 180k, 1.5k, 1.2m, $180,000 or 180000 USD)`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant  %s", err, want)
	}
}

func TestParsePercent(t *testing.T) {
	good := map[string]Percent{"15%": 1500, "12.5%": 1250, "0.25%": 25, " 100 % ": 10000, "0%": 0, "1000%": 100000}
	for in, want := range good {
		if got, err := ParsePercent(in); err != nil || got != want {
			t.Errorf("ParsePercent(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"15", "%", "1.234%", "-5%", "1001%", "1e2%", "15.%", ".5%", "abc%"} {
		if got, err := ParsePercent(in); err == nil {
			t.Errorf("ParsePercent(%q) = %d, want an error", in, got)
		}
	}
	for p, want := range map[Percent]string{1500: "15%", 1250: "12.5%", 25: "0.25%", 0: "0%"} {
		if p.String() != want {
			t.Errorf("Percent(%d).String() = %q, want %q", p, p.String(), want)
		}
	}
}

func TestParseBonusTakesAnAmountOrAShareOfBase(t *testing.T) {
	if b, _, err := ParseBonus("15%"); err != nil || b != (Bonus{Percent: 1500}) {
		t.Errorf("15%% = %+v, %v", b, err)
	}
	if b, cur, err := ParseBonus("20k EUR"); err != nil || b != (Bonus{Amount: 20000}) || cur != "EUR" {
		t.Errorf("20k EUR = %+v %q, %v", b, cur, err)
	}
	if _, _, err := ParseBonus("lots"); err == nil || !strings.Contains(err.Error(), "15% or 12.5%") {
		t.Errorf("lots: %v", err)
	}
}

// FuzzParseMoney: whatever is typed, the parser never panics, never returns a
// negative or huge amount, and what it accepts reads back the same when
// written plainly.
func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"180000", "180,000", "180k", "1.5k", "$180,000", "180000 USD", "1,5k", "180,5k",
		"1,50", "1e3k", "0x1p4k", "1.2m", "€ 1,000,000", "", "-1", "9999999999999999999k", "1.000001m"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMoney(s)
		if err != nil {
			if m != (Money{}) {
				t.Errorf("ParseMoney(%q) failed but returned %+v", s, m)
			}
			if !strings.Contains(err.Error(), AmountForms) {
				t.Errorf("ParseMoney(%q): error %q does not show the accepted forms", s, err)
			}
			return
		}
		if m.Amount < 0 || m.Amount > maxAmount {
			t.Errorf("ParseMoney(%q) = %d, out of range", s, m.Amount)
		}
		if strings.ContainsAny(s, "eExXpP_") && !strings.ContainsAny(strings.ToUpper(s), "ABCDFGHIJLMNOQRSTUVWYZ") {
			t.Errorf("ParseMoney(%q) accepted an exponent, hex or underscore form", s)
		}
		if m.Currency == "" {
			withCode, err := ParseMoney(strings.TrimSpace(s) + " USD")
			if err != nil || withCode.Amount != m.Amount || withCode.Currency != "USD" {
				t.Errorf("ParseMoney(%q) = %d, but with a currency code: %+v, %v", s, m.Amount, withCode, err)
			}
		}
		if plain, err := ParseMoney(strconv.FormatInt(m.Amount, 10)); err != nil || plain.Amount != m.Amount {
			t.Errorf("ParseMoney(%q) = %d does not read back: %+v, %v", s, m.Amount, plain, err)
		}
	})
}
