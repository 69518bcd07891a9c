// The commands that report: chase, list, show and events.

package cli

import (
	"errors"
	"strconv"

	"github.com/afterview/afterview/store"
	"github.com/afterview/afterview/timeline"
	"github.com/afterview/afterview/tui"
	"github.com/spf13/cobra"
)

func (c *cli) chaseCmd() *cobra.Command {
	var days int
	var asJSON, quiet, count bool
	cmd := &cobra.Command{
		Use:   "chase [flags]",
		Short: "What to chase: overdue, today, coming up and open",
		Long: `List every next action that is overdue, due today, or coming up within the lookahead
(the lookahead_days setting, or --days), with whom to contact: follow-ups, offers to
answer, check-ins, booked interviews on their day. A reapply window that has opened is
never overdue: it is listed under Open until the window closes. Archived and snoozed
applications are left out, and so are ghosted ones (any word from them brings them
back). When nothing is due it says so in one line.

--quiet prints nothing at all when nothing is due (so cron mails only when there is
something to do). --count prints just the number of items overdue or due today (or
within --days, if given): fast enough for a shell prompt.`,
		Example: `  afterview chase
  afterview chase --days 7
  afterview chase --quiet          # in a crontab: mail only when something is due
  afterview chase --count          # in a shell prompt`,
		Args: args(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if count && asJSON {
				return errors.New("--count and --json do not go together: pick one")
			}
			given := cmd.Flags().Changed("days")
			if given {
				if err := timeline.CheckRange("--days", days, 0, 1000, "days"); err != nil {
					return err
				}
			}
			switch {
			case !given && count:
				days = 0 // overdue and today: the prompt's number
			case !given:
				days = -1 // the lookahead_days setting
			}
			reportGC()
			st, err := c.openExisting(cmd)
			if err != nil && !isNoDB(err) {
				return err
			}
			var items []timeline.ChaseItem
			if st != nil {
				defer st.Close()
			}
			if count || quiet {
				// The prompt's and cron's path: one indexed count(*), no rows read.
				n := 0
				if st != nil {
					if n, err = st.ChaseCount(days); err != nil {
						return err
					}
				}
				switch {
				case n == 0 && quiet:
					return nil
				case count:
					return c.print(strconv.Itoa(n) + "\n")
				}
			}
			if st != nil {
				if items, err = st.Chase(days); err != nil {
					return err
				}
			}
			r := c.report()
			switch {
			case quiet && len(items) == 0:
				return nil
			case asJSON:
				return r.WriteChaseJSON(c.stdout, items)
			}
			var counts tui.Counts // for the line printed when nothing is due
			if len(items) == 0 && st != nil {
				entries, err := st.Entries(false)
				if err != nil {
					return err
				}
				counts = tui.CountEntries(entries, nil, c.today)
			}
			return r.WriteChaseView(c.stdout, items, counts)
		},
	}
	fl := cmd.Flags()
	fl.IntVar(&days, "days", 0, "look this many days ahead (default: the lookahead_days setting)")
	fl.BoolVar(&asJSON, "json", false, "print JSON: {\"today\", \"items\": [{\"id\", \"company\", \"role\", \"kind\", \"due\", \"section\", \"action\"}]}")
	fl.BoolVarP(&quiet, "quiet", "q", false, "print nothing at all when nothing is due")
	fl.BoolVar(&count, "count", false, "print only the number of items overdue or due today")
	return cmd
}

func (c *cli) listCmd() *cobra.Command {
	var all, asJSON bool
	cmd := &cobra.Command{
		Use:   "list [flags]",
		Short: "List applications with their stage and next action",
		Long: `List applications, one a row: id, company, role, stage, next action and when it is
due. Archived applications are listed only with --all. On a terminal the table fits
its width; piped, it is plain text.`,
		Example: `  afterview list
  afterview list --all --json | jq '.applications[] | select(.stage == "offer")'`,
		Args: args(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			reportGC()
			st, err := c.openExisting(cmd)
			if err != nil && !isNoDB(err) {
				return err
			}
			var entries []timeline.Entry
			set := timeline.DefaultSettings()
			archived := 0
			if st != nil {
				defer st.Close()
				if entries, err = st.Entries(all); err != nil {
					return err
				}
				if set, err = st.Settings(); err != nil {
					return err
				}
				if len(entries) == 0 && !all && !asJSON {
					withArchived, err := st.Entries(true)
					if err != nil {
						return err
					}
					archived = len(withArchived)
				}
			}
			r := c.report()
			switch {
			case asJSON:
				b, err := r.ListJSON(entries)
				if err != nil {
					return err
				}
				return c.print(string(b))
			case len(entries) == 0:
				return c.print(r.NoApplications(archived))
			}
			return c.print(r.List(entries, set.LookaheadDays))
		},
	}
	cmd.Flags().BoolVarP(&all, "all", "a", false, "include archived applications")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON: {\"today\", \"applications\": [...]}")
	return cmd
}

func (c *cli) showCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show ID [flags]",
		Short: "Show one application: stage, windows, next action, advice, events",
		Long: `Show an application in full: its fields, stage and next action, the windows it is in
(debrief, decision, reply, offer, reapply…) and where today sits in each, the offer's
terms, advice for the stage, and its events.`,
		Example: `  afterview show 3
  afterview show 3 --json | jq .next`,
		Args: args(argID),
		RunE: c.onID("an application", func(st *store.Store, id int64) (string, error) {
			d, err := st.Derive(id)
			if err != nil {
				return "", err
			}
			others, err := elsewhere(st, d.Entry)
			if err != nil {
				return "", err
			}
			r := c.report()
			if asJSON {
				b, err := r.ShowJSON(d, others...)
				return string(b), err
			}
			set, err := st.Settings()
			if err != nil {
				return "", err
			}
			var notes []string
			for _, o := range others {
				notes = append(notes, r.ElsewhereNote(o.Offer, o.Pending))
			}
			return r.Show(d, set, notes...), err
		}),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON: the fields, \"stage\", \"next\", \"windows\", \"events\" and, while an offer elsewhere is open, \"offer_elsewhere\"")
	return cmd
}

func (c *cli) eventsCmd() *cobra.Command {
	return &cobra.Command{
		Use:     "events ID",
		Short:   "List an application's events with their ids",
		Long:    "List an application's events in timeline order: id, date, type, fields and note. The ids are what `afterview unlog` takes.",
		Example: "  afterview events 3",
		Args:    args(argID),
		RunE: c.onID("an application", func(st *store.Store, id int64) (string, error) {
			app, err := st.Application(id)
			if err != nil {
				return "", err
			}
			evs, err := st.Events(id)
			if len(evs) == 0 {
				return c.report().AppLine("no events yet for application", app), err
			}
			return c.report().Events(evs), err
		}),
	}
}
