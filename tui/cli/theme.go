package cli

import (
	"fmt"
	"strings"

	"github.com/afterview/afterview/store"
	"github.com/afterview/afterview/tui"
	"github.com/spf13/cobra"
)

// The colour theme: AFTERVIEW_THEME when set (for one shell or terminal),
// else `afterview config theme` (kept in the database), else auto, where
// the terminal is asked whether its background is dark.

// themeKey is the config key of the theme; it is not a setting of the job
// search (see store.Store.Theme).
const themeKey = "theme"

// themeChoice is what the theme was set to, where.
type themeChoice struct {
	env    tui.Theme // AFTERVIEW_THEME; "" when unset
	config tui.Theme // config theme of the database opened; "" when unset
}

// current returns the theme in force.
func (t themeChoice) current() tui.Theme {
	switch {
	case t.env != "":
		return t.env
	case t.config != "":
		return t.config
	}
	return tui.ThemeAuto
}

// resolveTheme reads AFTERVIEW_THEME; a value that is not a theme is an error.
func (c *cli) resolveTheme() error {
	v := c.getenv("AFTERVIEW_THEME")
	if strings.TrimSpace(v) == "" {
		return nil
	}
	t, err := tui.ParseTheme(v)
	if err != nil {
		return fmt.Errorf("AFTERVIEW_THEME: %w", err)
	}
	c.theme.env = t
	return nil
}

// opened notes the theme of a database just opened (store.Open's results
// pass through).
func (c *cli) opened(st *store.Store, err error) (*store.Store, error) {
	if err != nil {
		return st, err
	}
	if v, terr := st.Theme(); terr == nil {
		if t, perr := tui.ParseTheme(v); perr == nil && v != "" {
			c.theme.config = t
		}
	}
	return st, nil
}

// themeLine is the theme's line under `afterview config`'s list.
func (c *cli) themeLine() string {
	line := fmt.Sprintf("%-20s %-6s %-14s colours for a light or a dark terminal (auto: ask the terminal)", themeKey, c.theme.current(), "theme")
	if c.theme.env != "" {
		line += "; from AFTERVIEW_THEME"
	}
	return line + "\n"
}

// configTheme is `afterview config theme [VALUE]`: print the theme, or set
// it (auto forgets it).
func (c *cli) configTheme(cmd *cobra.Command, a []string) error {
	if len(a) == 0 {
		return c.print(string(c.themeFromDB(cmd)) + "\n")
	}
	t, err := tui.ParseTheme(a[0])
	if err != nil {
		return fmt.Errorf("theme: %w", err)
	}
	st, err := c.openStore(cmd)
	if err != nil {
		return err
	}
	defer st.Close()
	v := string(t)
	if t == tui.ThemeAuto {
		v = ""
	}
	if err := st.SetTheme(v); err != nil {
		return err
	}
	msg := fmt.Sprintf("theme = %s\n", t)
	if c.theme.env != "" && c.theme.env != t {
		msg += fmt.Sprintf("(AFTERVIEW_THEME=%s overrides it in this shell)\n", c.theme.env)
	}
	return c.print(msg)
}

// themeFromDB is the theme in force, reading the database's when there is one.
func (c *cli) themeFromDB(cmd *cobra.Command) tui.Theme {
	if st, err := c.openExisting(cmd); err == nil {
		st.Close()
	}
	return c.theme.current()
}
