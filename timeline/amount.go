package timeline

import (
	"fmt"
	"strconv"
	"strings"
)

// AmountForms is the help text for the amounts ParseAmount accepts.
const AmountForms = "a whole number such as 180000, 180,000 or 180k"

// ParseAmount reads an offer's amount as users type it, on the command line
// and in forms alike: 180000, 180,000, 180 000, 180_000, 180k or 1.2m. It is
// never negative.
func ParseAmount(s string) (int64, error) {
	in := strings.ToLower(strings.NewReplacer(",", "", "_", "", " ", "").Replace(s))
	mult := 1.0
	switch {
	case strings.HasSuffix(in, "k"):
		mult, in = 1e3, strings.TrimSuffix(in, "k")
	case strings.HasSuffix(in, "m"):
		mult, in = 1e6, strings.TrimSuffix(in, "m")
	}
	if n, err := strconv.ParseInt(in, 10, 64); err == nil && mult == 1 && n >= 0 {
		return n, nil
	}
	if v, err := strconv.ParseFloat(in, 64); err == nil && mult > 1 && v >= 0 && v*mult < 1e15 {
		return int64(v*mult + 0.5), nil
	}
	return 0, fmt.Errorf("%q is not an amount (%s)", s, AmountForms)
}
