package timeline

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// AmountForms is the help text for the amounts ParseMoney accepts.
const AmountForms = "a whole amount such as 180000, 180,000, 180k, 1.5k, 1.2m, $180,000 or 180000 USD"

// maxAmount bounds every amount: far beyond any pay, and far below where
// sums of a few of them could overflow.
const maxAmount = 1_000_000_000_000

// Money is an amount as typed, with the currency code it named, if any.
type Money struct {
	Amount   int64
	Currency string // a three-letter code given after the number ("180000 USD"), else ""
}

// ParseMoney reads an amount in exactly these forms: plain digits (180000);
// digits in thousands groups of three (180,000); a number with a k or m
// suffix and at most the decimals that leave a whole amount (180k, 1.5k,
// 1.2m); any of those after a currency sign ($, €, £, ¥) or before a
// three-letter currency code (180000 USD). Anything else — a decimal comma
// (1,5k), a group that is not three digits (1,50), an exponent (1e3k), hex,
// a sign, fractions of a unit — is refused with a message that shows the
// accepted forms. The amount is never negative.
func ParseMoney(s string) (Money, error) {
	m, err := parseMoney(strings.TrimSpace(s))
	if err != nil {
		return Money{}, fmt.Errorf("%q is not an amount: %v (give %s)", s, err, AmountForms)
	}
	return m, nil
}

func parseMoney(s string) (Money, error) {
	var m Money
	if s == "" {
		return m, errors.New("it is empty")
	}
	s, code, err := cutCurrency(s)
	if err != nil {
		return m, err
	}
	m.Currency = code
	s, mult := cutSuffix(s)
	m.Amount, err = scaledAmount(s, mult)
	return m, err
}

// cutCurrency removes a leading currency sign ($, €, £, ¥) and a trailing
// three-letter code (180000 USD), returning the number and the code.
func cutCurrency(s string) (num, code string, err error) {
	for _, sign := range []string{"$", "€", "£", "¥"} {
		if rest, ok := strings.CutPrefix(s, sign); ok {
			s = strings.TrimLeft(rest, " ")
			break
		}
	}
	num, code, ok := strings.Cut(s, " ")
	if !ok {
		return s, "", nil
	}
	code = strings.TrimLeft(code, " ")
	if !isCurrencyCode(strings.ToUpper(code)) {
		return "", "", fmt.Errorf("%q after the number is not a three-letter currency code", code)
	}
	return num, strings.ToUpper(code), nil
}

// cutSuffix removes a k or m suffix, returning the number and its multiplier.
func cutSuffix(s string) (string, int64) {
	switch {
	case strings.HasSuffix(s, "k"), strings.HasSuffix(s, "K"):
		return s[:len(s)-1], 1_000
	case strings.HasSuffix(s, "m"), strings.HasSuffix(s, "M"):
		return s[:len(s)-1], 1_000_000
	}
	return s, 1
}

// scaledAmount reads digits (grouped by thousands) with the decimals that
// mult leaves whole, in exact decimal arithmetic: digits.frac × mult must be
// a whole number.
func scaledAmount(s string, mult int64) (int64, error) {
	whole, frac, hasPoint := strings.Cut(s, ".")
	if hasPoint && mult == 1 {
		return 0, errors.New("amounts are whole: no decimals without k or m")
	}
	digits, err := groupedDigits(whole)
	if err != nil {
		return 0, err
	}
	if hasPoint && (frac == "" || strings.Trim(frac, "0123456789") != "") {
		return 0, errors.New("the decimals must be digits")
	}
	scale := int64(1)
	for range frac {
		if scale *= 10; scale > mult {
			return 0, errors.New("that is not a whole amount")
		}
	}
	n, err := strconv.ParseInt(digits+frac, 10, 64)
	if err != nil || n > maxAmount*scale/mult {
		return 0, errors.New("it is too large")
	}
	return n * (mult / scale), nil
}

// groupedDigits returns s's digits when s is plain digits or digits in
// thousands groups of three separated by commas (180,000).
func groupedDigits(s string) (string, error) {
	if s == "" {
		return "", errors.New("no digits")
	}
	groups := strings.Split(s, ",")
	for i, g := range groups {
		if g == "" || strings.Trim(g, "0123456789") != "" {
			return "", errors.New("only digits, with commas between thousands")
		}
		if len(groups) > 1 && (i > 0 && len(g) != 3 || i == 0 && len(g) > 3) {
			return "", errors.New("commas go between groups of three digits (180,000)")
		}
	}
	return strings.Join(groups, ""), nil
}

// isCurrencyCode reports whether s is three ASCII capital letters.
func isCurrencyCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// Percent is a share in hundredths of a percent: 1500 is 15%, 1250 is 12.5%.
type Percent int64

// maxPercent bounds a bonus given as a share of base: 1,000%.
const maxPercent Percent = 100_000

// PercentForms is the help text for the percentages ParsePercent accepts.
const PercentForms = "a percentage such as 15% or 12.5%"

// ParsePercent reads a percentage with up to two decimals: 15%, 12.5%.
func ParsePercent(s string) (Percent, error) {
	in := strings.TrimSpace(s)
	num, ok := strings.CutSuffix(in, "%")
	num = strings.TrimSpace(num)
	whole, frac, _ := strings.Cut(num, ".")
	bad := func() (Percent, error) {
		return 0, fmt.Errorf("%q is not a percentage (give %s, at most %s)", s, PercentForms, maxPercent)
	}
	if !ok || whole == "" || strings.Trim(whole, "0123456789") != "" || len(frac) > 2 ||
		strings.Trim(frac, "0123456789") != "" || strings.HasSuffix(num, ".") || len(whole) > 6 {
		return bad()
	}
	w, _ := strconv.ParseInt(whole, 10, 64)
	f, _ := strconv.ParseInt((frac + "00")[:2], 10, 64)
	p := Percent(w*100 + f)
	if p > maxPercent {
		return bad()
	}
	return p, nil
}

// String writes p as users type it: "15%", "12.5%".
func (p Percent) String() string {
	s := strconv.FormatInt(int64(p/100), 10)
	if f := p % 100; f != 0 {
		s += "." + strings.TrimRight(fmt.Sprintf("%02d", f), "0")
	}
	return s + "%"
}

// Of returns p of n, rounded to the nearest whole unit (halves up).
func (p Percent) Of(n int64) int64 {
	return (n*int64(p) + 5000) / 10000
}

// Bonus is a bonus as typed: an amount, or a share of base.
type Bonus struct {
	Amount  int64
	Percent Percent
}

// ParseBonus reads a bonus: an amount (ParseMoney's forms) or a percentage
// of base (15%, 12.5%).
func ParseBonus(s string) (Bonus, string, error) {
	if strings.HasSuffix(strings.TrimSpace(s), "%") {
		p, err := ParsePercent(s)
		return Bonus{Percent: p}, "", err
	}
	m, err := ParseMoney(s)
	if err != nil {
		return Bonus{}, "", fmt.Errorf("%q is neither an amount nor a percentage of base (give %s, or %s)", s, AmountForms, PercentForms)
	}
	return Bonus{Amount: m.Amount}, m.Currency, nil
}
