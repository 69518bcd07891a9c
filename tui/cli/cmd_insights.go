package cli

// The insight commands: `afterview stats` (how the search is going, measured
// against the windows) and `afterview activity` (the job-search log, week by
// week). The figures come from timeline.ComputeInsights and
// timeline.BuildActivity; how they look, from tui's reports.

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/afterview/afterview/store"
	"github.com/afterview/afterview/timeline"
	"github.com/afterview/afterview/tui"
	"github.com/spf13/cobra"
)

// statsCompanies is how many companies the text report lists.
const statsCompanies = 10

func (c *cli) statsCmd() *cobra.Command {
	var asJSON bool
	var since string
	cmd := &cobra.Command{
		Use:   "stats [--since DATE] [--json]",
		Short: "How your search is going: funnel, response times, promises, per company",
		Long: `Figures from your own history, measured against the windows:

  funnel         applications → interviewed → offer → accepted, with the share of all
                 applications, and how many ended rejected, ghosted, declined, withdrawn
  response time  business days (bd) from each process's last interview to the first word
                 from them (news or a decision): median, 80th percentile, and a histogram
                 whose blocks show the window each answer fell in
  first word     how many came within the debrief, decision or reply window, late, or
                 not yet
  promises       each "heard --by DATE": kept when their next word came by that date,
                 else late by so many bd, or still open
  by company     processes, median response time, promises kept (the top 10; --json
                 lists all)
  learned        with at least 5 answers, the bd within which 80% came, beside
                 reply_max_bd, and the command that would set it (never applied for you)

Archived applications count: they are part of your history. --since keeps the
applications begun (their first event) on or after DATE.`,
		Example: `  afterview stats
  afterview stats --since 2026-09-01
  afterview stats --json | jq .response_bd`,
		Args: args(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			reportGC()
			var from timeline.Date
			if cmd.Flags().Changed("since") {
				d, err := c.parseDate("since", since, true)
				if err != nil {
					return err
				}
				from = d
			}
			in, err := c.insights(cmd, from)
			if err != nil {
				return err
			}
			r := c.report()
			if asJSON {
				b, err := r.StatsJSON(in)
				if err != nil {
					return err
				}
				return c.print(string(b))
			}
			return c.print(r.Stats(in, statsCompanies))
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, `print JSON: {"funnel", "response_bd", "within", "promises", "companies", "suggestion"}`)
	cmd.Flags().StringVar(&since, "since", "", "only applications begun on or after `DATE` (YYYY-MM-DD, -30d, …)")
	return cmd
}

// insights reads every application's history and works out the insights on
// today; with no database yet, they are empty.
func (c *cli) insights(cmd *cobra.Command, since timeline.Date) (timeline.Insights, error) {
	st, err := c.openExisting(cmd)
	if isNoDB(err) {
		return timeline.ComputeInsights(nil, timeline.DefaultSettings(), c.today, since), nil
	}
	if err != nil {
		return timeline.Insights{}, err
	}
	defer st.Close()
	set, err := st.Settings()
	if err != nil {
		return timeline.Insights{}, err
	}
	hist, err := st.Histories()
	if err != nil {
		return timeline.Insights{}, err
	}
	return timeline.ComputeInsights(hist, set, c.today, since), nil
}

func (c *cli) activityCmd() *cobra.Command {
	var since, until, format, out string
	cmd := &cobra.Command{
		Use:   "activity --since DATE [--until DATE] [--format text|csv|markdown] [-o FILE]",
		Short: "The job-search log: every event, week by week, with weekly totals",
		Long: `List every event from --since to --until (default today), both included, week by
week (Monday to Sunday), with each week's totals of applications, interviews,
follow-ups sent, news and decisions: the record an unemployment office or a
"Bewerbungsnachweis" asks for. Each row: date, company, role, what happened,
contact, note. Quiet weeks are listed too.

--format csv writes one row per event, a "week total" row after each week and a
"total" row at the end, for a spreadsheet; markdown writes a summary table and a
table per week. With -o the format follows the file's extension (.csv, .md) unless
--format is given; the file is replaced whole, never left half-written.`,
		Example: `  afterview activity --since 2026-11-01
  afterview activity --since -4w --format markdown > log.md
  afterview activity --since 2026-10-01 --until 2026-10-31 -o october.csv`,
		Args: args(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			reportGC()
			if !cmd.Flags().Changed("since") {
				return errors.New("--since is missing: give the first day of the log, e.g. --since 2026-11-01 or --since -4w")
			}
			from, err := c.parseDate("since", since, true)
			if err != nil {
				return err
			}
			to := c.today
			if cmd.Flags().Changed("until") {
				if to, err = c.parseDate("until", until, true); err != nil {
					return err
				}
			}
			if to < from {
				return fmt.Errorf("--until %s is before --since %s: swap them", to, from)
			}
			if to.Sub(from) > 3660 {
				return fmt.Errorf("--since %s to --until %s is more than ten years: pick a shorter range", from, to)
			}
			f, err := activityFormat(format, out)
			if err != nil {
				return err
			}
			return c.withStore(cmd, func(st *store.Store) error {
				items, err := st.ActivityItems(from, to)
				if err != nil {
					return err
				}
				a := timeline.BuildActivity(items, from, to)
				toFile := out != "" && out != "-"
				r := c.report()
				if toFile {
					r = c.plainReport() // a file gets no colours
				}
				write := func(w io.Writer) error {
					switch f {
					case "csv":
						return r.ActivityCSV(w, a)
					case "markdown":
						_, err := io.WriteString(w, r.ActivityMarkdown(a))
						return err
					}
					_, err := io.WriteString(w, r.Activity(a))
					return err
				}
				if toFile {
					return c.writeOutput(st, out, write)
				}
				// Every cell is sanitised already; the report's own colours stay.
				return write(c.stdout)
			})
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&since, "since", "", "the log's first `DATE` (YYYY-MM-DD, -4w, monday, …); required")
	fl.StringVar(&until, "until", "", "the log's last `DATE` (default: today)")
	fl.StringVar(&format, "format", "", "text, csv or markdown (default: from -o's extension, else text)")
	fl.StringVarP(&out, "output", "o", "", "write to `FILE` instead of stdout")
	return cmd
}

// activityFormat returns text, csv or markdown: the --format flag, else the
// output file's extension, else text.
func activityFormat(flag, out string) (string, error) {
	if flag == "" {
		switch strings.ToLower(filepath.Ext(out)) {
		case ".csv":
			return "csv", nil
		case ".md", ".markdown":
			return "markdown", nil
		}
		return "text", nil
	}
	switch f := strings.ToLower(strings.TrimSpace(flag)); f {
	case "text", "csv":
		return f, nil
	case "markdown", "md":
		return "markdown", nil
	}
	return "", fmt.Errorf("--format: %q is not text, csv or markdown", flag)
}

// plainReport is the report renderer without colours or a width: for files.
func (c *cli) plainReport() tui.Report {
	r := c.report()
	r.Plain, r.Width = true, 0
	return r
}
