package tui

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// relativeLuminance is WCAG 2's relative luminance of a #RRGGBB colour.
func relativeLuminance(t *testing.T, hex string) float64 {
	t.Helper()
	if len(hex) != 7 || hex[0] != '#' {
		t.Fatalf("%q is not a #RRGGBB colour", hex)
	}
	lin := func(s string) float64 {
		n, err := strconv.ParseUint(s, 16, 8)
		if err != nil {
			t.Fatalf("%q: %v", hex, err)
		}
		c := float64(n) / 255
		if c <= 0.04045 {
			return c / 12.92
		}
		return math.Pow((c+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(hex[1:3]) + 0.7152*lin(hex[3:5]) + 0.0722*lin(hex[5:7])
}

// contrast is WCAG 2's contrast ratio of two colours, from 1 to 21.
func contrast(t *testing.T, a, b string) float64 {
	la, lb := relativeLuminance(t, a), relativeLuminance(t, b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

// themeColour resolves a style's colour in a theme: an AdaptiveColor's light
// or dark value, a plain colour as it is; "" for none.
func themeColour(t *testing.T, c lipgloss.TerminalColor, th Theme) string {
	switch c := c.(type) {
	case lipgloss.AdaptiveColor:
		if th == ThemeDark {
			return c.Dark
		}
		return c.Light
	case lipgloss.Color:
		return string(c)
	case lipgloss.NoColor, nil:
		return ""
	}
	t.Fatalf("a colour of type %T: the contrast test cannot resolve it", c)
	return ""
}

// TestEveryColourPairIsReadableInBothThemes computes the WCAG contrast of
// every foreground against its background, for every style of the style
// sheet (each field, every stage badge, the help bar's), in the light and
// the dark theme: where a style sets no background, against each of the
// terminal backgrounds the theme is made for. Each must be at least 4.5:1.
func TestEveryColourPairIsReadableInBothThemes(t *testing.T) {
	r := lipgloss.NewRenderer(nil)
	r.SetColorProfile(termenv.TrueColor)
	s := NewStyles(r)
	styles := map[string]lipgloss.Style{}
	v := reflect.ValueOf(s)
	for i := range v.NumField() {
		if !v.Type().Field(i).IsExported() {
			continue // the stage badges, below
		}
		if st, ok := v.Field(i).Interface().(lipgloss.Style); ok {
			styles[v.Type().Field(i).Name] = st
		}
	}
	for st, style := range s.stage {
		styles["stage "+string(st)] = style
	}
	hs := reflect.ValueOf(s.HelpStyles())
	for i := range hs.NumField() {
		styles["help "+hs.Type().Field(i).Name] = hs.Field(i).Interface().(lipgloss.Style)
	}
	if len(styles) < 30 {
		t.Fatalf("only %d styles found in the style sheet", len(styles))
	}
	pairs := 0
	for _, th := range []Theme{ThemeLight, ThemeDark} {
		for name, st := range styles {
			fgs := map[string]string{
				"text":   themeColour(t, st.GetForeground(), th),
				"border": themeColour(t, st.GetBorderTopForeground(), th),
			}
			bgs := paletteBackgrounds[th]
			if bg := themeColour(t, st.GetBackground(), th); bg != "" {
				bgs = []string{bg}
			}
			for what, fg := range fgs {
				if fg == "" {
					continue // the terminal's own colours
				}
				for _, bg := range bgs {
					pairs++
					if c := contrast(t, fg, bg); c < 4.5 {
						t.Errorf("%s theme, %s (%s): %s on %s has a contrast of %.2f:1, want at least 4.5:1", th, name, what, fg, bg, c)
					}
				}
			}
		}
	}
	t.Logf("%d colour pairs checked", pairs)
}

func TestContrastFormula(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want float64
	}{{"#000000", "#FFFFFF", 21}, {"#767676", "#FFFFFF", 4.54}, {"#FFFFFF", "#FFFFFF", 1}} {
		if got := contrast(t, c.a, c.b); fmt.Sprintf("%.2f", got) != fmt.Sprintf("%.2f", c.want) {
			t.Errorf("contrast(%s, %s) = %.2f, want %.2f", c.a, c.b, got, c.want)
		}
	}
}

func TestThemeOverridesDetection(t *testing.T) {
	for _, c := range []struct {
		in   string
		dark bool
	}{{"light", false}, {"dark", true}, {" Dark ", true}} {
		th, err := ParseTheme(c.in)
		if err != nil {
			t.Fatal(err)
		}
		r := lipgloss.NewRenderer(nil)
		r.SetHasDarkBackground(!c.dark) // detection said the opposite
		th.Apply(r)
		if r.HasDarkBackground() != c.dark {
			t.Errorf("theme %q: dark background %v", c.in, !c.dark)
		}
	}
	if th, err := ParseTheme(""); err != nil || th != ThemeAuto {
		t.Errorf("the empty theme: %q %v", th, err)
	}
	if _, err := ParseTheme("solarized\x1b[2J"); err == nil || err.Error() != `"solarized" is not a theme (themes: auto, light, dark)` {
		t.Errorf("a bad theme: %v", err)
	}
}
