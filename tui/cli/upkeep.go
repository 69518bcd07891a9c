// The commands that look after afterview itself: config, doctor, version and
// demo.

package cli

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/afterview/afterview/store"
	"github.com/afterview/afterview/timeline"
	"github.com/afterview/afterview/tui"
	"github.com/spf13/cobra"
)

func (c *cli) configCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config [KEY [VALUE]]",
		Short: "Show or change the settings (the windows)",
		Long: `With no arguments, list every setting with its value, unit and meaning. With KEY,
print its value. With KEY VALUE, set it; every application is derived again. A value
outside the setting's range is refused, naming the range. Flags go before KEY.

Settings:
` + tui.SettingsHelp() + `
theme (auto, light or dark) picks the colours for a light or a dark terminal when the
terminal cannot say (tmux often cannot); AFTERVIEW_THEME overrides it for one shell.`,
		Example: `  afterview config
  afterview config reply_max_bd 10
  afterview config holidays US
  afterview config theme light`,
		Args: func(cmd *cobra.Command, a []string) error {
			switch {
			case slices.Contains(a, "--help") || slices.Contains(a, "-h"):
				return nil // RunE prints the help
			case len(a) > 2 && strings.HasPrefix(a[2], "-"):
				return fmt.Errorf("%s after KEY VALUE is read as a value: give flags before KEY (afterview config --db FILE KEY VALUE)", a[2])
			case len(a) > 2:
				return fmt.Errorf("unexpected argument %q (usage: %s)", a[2], cmd.UseLine())
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, a []string) error {
			if slices.Contains(a, "--help") || slices.Contains(a, "-h") {
				return cmd.Help() // after KEY, where flags are not read
			}
			if len(a) > 0 && a[0] == themeKey {
				return c.configTheme(cmd, a[1:])
			}
			if len(a) > 0 {
				if _, err := timeline.DefaultSettings().Get(a[0]); err != nil {
					return err
				}
			}
			st, err := c.openExisting(cmd)
			if err != nil && !isNoDB(err) {
				return err
			}
			if len(a) == 2 {
				if st == nil {
					// Check against the defaults before creating the file.
					set := timeline.DefaultSettings()
					if err := set.Set(a[0], a[1]); err != nil {
						return err
					}
					if err := set.Validate(); err != nil {
						return err
					}
					if st, err = c.openStore(cmd); err != nil {
						return err
					}
				}
				defer st.Close()
				if err := st.SetSetting(a[0], a[1]); err != nil {
					return err
				}
				set, err := st.Settings()
				if err != nil {
					return err
				}
				return c.print(c.report().SettingLine(a[0], set))
			}
			set := timeline.DefaultSettings()
			if st != nil {
				defer st.Close()
				if set, err = st.Settings(); err != nil {
					return err
				}
			}
			if len(a) == 1 {
				v, err := set.Get(a[0])
				if err != nil {
					return err
				}
				return c.print(v + "\n")
			}
			return c.print(c.report().Settings(set) + c.themeLine())
		},
	}
	// Flags end where KEY begins, so that a VALUE such as -1 is a value for
	// the settings to judge, not an unknown flag.
	cmd.Flags().SetInterspersed(false)
	return cmd
}

func (c *cli) doctorCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "doctor",
		Short: "Check the database file and that every kept summary matches a fresh derivation",
		Long: `Check the database: SQLite's integrity check of the whole file (a damaged file is
reported with what is wrong), then every application's kept summary (stage, next
action, due date) must equal a fresh derivation from its events. Prints each problem
and exits 1 if there is any. A file cut short is refused before it is opened.`,
		Example: "  afterview doctor",
		Args:    args(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := c.openExisting(cmd)
			var noDB *noDBError
			if errors.As(err, &noDB) {
				return c.print(fmt.Sprintf("no database at %s yet; nothing to check\n", noDB.path))
			} else if err != nil {
				return err
			}
			defer st.Close()
			problems, err := st.Integrity()
			if err != nil {
				return err
			}
			if len(problems) > 0 {
				if err := c.print(tui.SanitizeText(strings.Join(problems, "\n") + "\n")); err != nil {
					return err
				}
				return fmt.Errorf("%s is damaged: SQLite's integrity check found %d problems (above); restore a backup, or export what still reads", st.Path(), len(problems))
			}
			diffs, err := st.Check()
			if err != nil {
				return err
			}
			if len(diffs) == 0 {
				return c.print(fmt.Sprintf("ok: %s passes SQLite's integrity check, and every kept summary matches a fresh derivation\n", st.Path()))
			}
			if err := c.print(strings.Join(diffs, "\n") + "\n"); err != nil {
				return err
			}
			return fmt.Errorf("%d kept summaries differ from a fresh derivation (please report this)", len(diffs))
		},
	}
}

func (c *cli) versionCmd() *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print afterview's version",
		Example: "  afterview version",
		Args:    args(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return c.print("afterview " + versionString() + "\n")
		},
	}
}

func (c *cli) demoCmd() *cobra.Command {
	var apps int
	var noTUI, backlog bool
	cmd := &cobra.Command{
		Use:   "demo [flags]",
		Short: "Try afterview on sample applications",
		Long: `Open the interactive view on a temporary database filled with sample applications in
every stage (dated relative to today). With --db FILE the samples are written to that
new file, which must not exist yet (AFTERVIEW_DB is ignored here, so your own
database is never touched); --no-tui only writes it. --backlog writes a long
search that was never tidied up instead: most applications overdue, none
archived (the worst case, for timing).`,
		Example: `  afterview demo
  afterview demo --db /tmp/demo.db --apps 10000 --no-tui
  afterview demo --db /tmp/backlog.db --apps 10000 --backlog --no-tui`,
		Args: args(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := timeline.CheckRange("--apps", apps, 1, 1000000, "applications"); err != nil {
				return err
			}
			given := cmd.Flags().Changed("db")
			if noTUI && !given {
				return errors.New("demo --no-tui writes the samples to a file: give it with --db FILE")
			}
			if _, ok := c.terminal(); !ok && !noTUI {
				return errNoTerminal
			}
			path := c.dbFlag
			if given {
				if strings.TrimSpace(path) == "" {
					return errors.New("--db is empty: give the database file's path")
				}
				if _, err := os.Stat(path); err == nil {
					return fmt.Errorf("%s already exists: demo writes a new database (remove it or give another --db)", path)
				}
			} else {
				dir, err := os.MkdirTemp("", "afterview-demo-")
				if err != nil {
					return err
				}
				defer os.RemoveAll(dir)
				path = dir + string(os.PathSeparator) + "demo.db"
			}
			st, err := store.Open(path, c.todayFunc())
			if err != nil {
				return err
			}
			defer st.Close()
			fill := store.FillDemo
			if backlog {
				fill = store.FillBacklog
			}
			if err := fill(st, apps); err != nil {
				return fmt.Errorf("fill %s with samples: %w", path, err)
			}
			if noTUI {
				return c.print(fmt.Sprintf("wrote %d sample applications to %s\n", apps, path))
			}
			return startTUI(st, tui.Options{Today: c.todayFunc(), FixedToday: c.fixed, Title: "demo", Theme: c.theme.current()})
		},
	}
	cmd.Flags().IntVar(&apps, "apps", 30, "how many sample applications")
	cmd.Flags().BoolVar(&noTUI, "no-tui", false, "only write the database given with --db")
	cmd.Flags().BoolVar(&backlog, "backlog", false, "a long search never tidied up: most applications due, none archived")
	return cmd
}
