// The commands that change an application: add, log, unlog, edit, archive,
// unarchive and delete.

package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/afterview/afterview/store"
	"github.com/afterview/afterview/timeline"
	"github.com/afterview/afterview/tui"
	"github.com/spf13/cobra"
)

// appFlags are an application's fields as flags, for add and edit.
type appFlags struct {
	company, role, recruiter, contact, url, notes string
}

func (f *appFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.company, "company", "", "the company's name")
	fl.StringVar(&f.role, "role", "", "the role applied for")
	fl.StringVar(&f.recruiter, "recruiter", "", "the recruiter's name")
	fl.StringVar(&f.contact, "contact", "", "the recruiter's email or phone")
	fl.StringVar(&f.url, "url", "", "the job posting's address")
	fl.StringVar(&f.notes, "notes", "", "free notes")
}

// changes returns the fields whose flags were given.
func (f *appFlags) changes(cmd *cobra.Command) store.AppChanges {
	var ch store.AppChanges
	for name, dst := range map[string]**string{"company": &ch.Company, "role": &ch.Role,
		"recruiter": &ch.Recruiter, "contact": &ch.Contact, "url": &ch.URL, "notes": &ch.Notes} {
		if cmd.Flags().Changed(name) {
			v, _ := cmd.Flags().GetString(name)
			*dst = &v
		}
	}
	return ch
}

func (c *cli) addCmd() *cobra.Command {
	var f appFlags
	var applied, interviewed string
	var duplicate bool
	cmd := &cobra.Command{
		Use:   "add --company C [--role R] [flags]",
		Short: "Add an application (prints its id)",
		Long: `Add an application and print its id on stdout; what was stored, in words, goes to
stderr. With --applied, the day you applied is logged too; with --interviewed, an
interview on that date (a future date books it) and the clock starts.

An application that is already here is refused, naming its id: the same company and
role (ignoring case and extra spaces), unless both have interviews and none on the
same day. Log a new round with afterview log ID interview instead, or give
--duplicate to add it anyway. Dates: ` + timeline.DateForms + `.`,
		Example: `  afterview add --company Acme --role "SDE II" --interviewed -3d --recruiter "Pat Lee" --contact pat@acme.example
  afterview add --company Initech --applied yesterday
  id=$(afterview add --company Globex --role PM --interviewed 2026-11-20)`,
		Args: args(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			app := timeline.Application{Company: f.company, Role: f.role, Recruiter: f.recruiter,
				Contact: f.contact, URL: f.url, Notes: f.notes}
			if strings.TrimSpace(app.Company) == "" {
				return errors.New(`add needs --company (e.g. afterview add --company Acme --role "SDE II")`)
			}
			var evs []timeline.Event
			for _, d := range []struct {
				flag, value string
				typ         timeline.EventType
			}{{"applied", applied, timeline.EventApplied}, {"interviewed", interviewed, timeline.EventInterview}} {
				if cmd.Flags().Changed(d.flag) {
					day, err := c.parseDate(d.flag, d.value, true)
					if err != nil {
						return err
					}
					evs = append(evs, timeline.Event{Type: d.typ, Date: day})
				}
			}
			st, err := c.openStore(cmd)
			if err != nil {
				return err
			}
			defer st.Close()
			if !duplicate {
				if err := c.refuseDuplicate(st, app, evs); err != nil {
					return err
				}
			}
			id, err := st.AddApplication(app, evs...)
			if err != nil {
				return err
			}
			d, err := st.Derive(id)
			if err != nil {
				return err
			}
			// The id alone on stdout, for id=$(afterview add …); the words for
			// the person typing go to stderr, plain.
			fmt.Fprint(c.stderr, tui.Report{Today: c.today, Plain: true}.Added(d.Entry, evs))
			return c.print(fmt.Sprintln(id))
		},
	}
	f.register(cmd)
	fl := cmd.Flags()
	fl.StringVar(&applied, "applied", "", "log that you applied on this date")
	fl.StringVar(&interviewed, "interviewed", "", "log an interview on this date (the last round; a future date books it)")
	fl.BoolVar(&duplicate, "duplicate", false, "add it even when the same application is already here")
	return cmd
}

// refuseDuplicate returns an error naming the application already here that
// app with its first events would repeat, if there is one.
func (c *cli) refuseDuplicate(st *store.Store, app timeline.Application, evs []timeline.Event) error {
	id, err := st.SameAs(app, evs)
	if err != nil || id == 0 {
		return err
	}
	same, err := st.Application(id)
	if err != nil {
		return err
	}
	return fmt.Errorf("%s is already here as application %d (afterview show %d; a new round: afterview log %d interview); add --duplicate to add it again",
		c.report().Who(same), id, id, id)
}

// logFlags are an event's date, note and extra fields as flags.
type logFlags struct {
	date, note, by, deadline, until string
	at                              string // interview: the time of day
	terms                           timeline.TermsInput
}

func (c *cli) logCmd() *cobra.Command {
	var f logFlags
	var e timeline.Event // built from the flags before the database is opened
	cmd := &cobra.Command{
		Use:   "log ID TYPE [flags]",
		Short: "Log what happened (an interview, news, an offer…)",
		Long: `Log an event for an application and print the event's id with the application's
stage and next action now. The stage follows from the events; nothing is set by hand.
An event dated after today is a plan (a scheduled interview, a start date).

Types, and the fields each takes besides --date and --note:
` + tui.EventTypesHelp() + `
Dates: ` + timeline.DateForms + `.
A weekday name means the last such day for --date, the next one for --by, --deadline
and --until.
Amounts: ` + timeline.AmountForms + `; a --bonus may be a share of base (15%).
An offer's equity is the whole grant, vesting over --vesting-years (default 4).
A negotiate event may carry new terms: each one given replaces the offer's.`,
		Example: `  afterview log 3 heard --by fri --note "debrief went well"
  afterview log 3 offer --deadline +7d --base 180k --bonus 15% --signon 20k --equity 400k --currency USD
  afterview log 3 negotiate --base 195k --deadline +3d --note "they matched"
  afterview log 3 followup --date yesterday
  afterview log 3 interview --date thu --at 14:30    # a booked round, at its time`,
		Args: args(argID, "the event TYPE (afterview log --help lists them)"),
		PreRunE: func(cmd *cobra.Command, a []string) (err error) {
			e, err = c.event(cmd, a[1], f)
			return err
		},
		RunE: c.onID("an application", func(st *store.Store, id int64) (string, error) {
			eid, err := st.LogEvent(id, e)
			if err != nil {
				return "", err
			}
			d, err := st.Derive(id)
			if err != nil {
				return "", err
			}
			r := c.report()
			return r.LoggedEvent(eid, e, d.Entry) + r.TermsEcho(e, d), nil
		}),
	}
	fl := cmd.Flags()
	fl.StringVar(&f.date, "date", "", "when it happened (default today)")
	fl.StringVar(&f.note, "note", "", "a free note")
	fl.StringVar(&f.by, "by", "", "heard: the date they promised news by")
	fl.StringVar(&f.deadline, "deadline", "", "offer, negotiate: the date to answer by")
	fl.StringVar(&f.until, "until", "", "snooze: hide the application's chase items until this date")
	fl.StringVar(&f.at, "at", "", "interview: its time of day, e.g. 14:30 or 2:30pm (the calendar feed then shows it at that time)")
	registerTermFlags(fl, &f.terms)
	return cmd
}

// event builds and validates an event from log's type and flags.
func (c *cli) event(cmd *cobra.Command, typ string, f logFlags) (timeline.Event, error) {
	t, err := timeline.ParseEventType(typ)
	if err != nil {
		return timeline.Event{}, err
	}
	e := timeline.Event{Type: t, Date: c.today, Note: f.note}
	if t == timeline.EventNote && strings.TrimSpace(f.note) == "" {
		return e, errors.New(`a note event needs its text: give --note "…" (to note something on another event, add --note to it)`)
	}
	given := cmd.Flags().Changed
	// A flag the type does not take is an error even when its value is empty.
	for _, fl := range timeline.AllFields {
		if given(fl.Flag()) {
			if err := t.CheckField(fl); err != nil {
				return e, err
			}
		}
	}
	dates := []struct {
		flag, value string
		past        bool
		dst         *timeline.Date
	}{{"date", f.date, true, &e.Date}, {"by", f.by, false, &e.By}, {"deadline", f.deadline, false, &e.Deadline}, {"until", f.until, false, &e.Until}}
	for _, d := range dates {
		if given(d.flag) {
			if *d.dst, err = c.parseDate(d.flag, d.value, d.past); err != nil {
				return e, err
			}
		}
	}
	if err := f.terms.Apply(&e, func(fl timeline.Field) bool { return given(fl.Flag()) }); err != nil {
		return e, err
	}
	if given("at") {
		if e.At, err = timeline.ParseClock(f.at); err != nil {
			return e, fmt.Errorf("--at: %w", err)
		}
	}
	return e, e.Validate()
}

func (c *cli) unlogCmd() *cobra.Command {
	return &cobra.Command{
		Use:     "unlog EVENT_ID",
		Short:   "Remove a logged event (to correct a mistake)",
		Long:    "Remove one event, by the id that `afterview events ID` shows, and print the application's stage and next action now.",
		Example: "  afterview events 3\n  afterview unlog 17",
		Args:    args(argEventID),
		RunE: c.onID("an event", func(st *store.Store, id int64) (string, error) {
			e, appID, err := st.DeleteEvent(id)
			if err != nil {
				return "", err
			}
			return c.changed(st, appID, fmt.Sprintf("removed event %d (%s, %s)", id, e.Type, e.Date))
		}),
	}
}

func (c *cli) editCmd() *cobra.Command {
	var f appFlags
	var ch store.AppChanges
	cmd := &cobra.Command{
		Use:   "edit ID [flags]",
		Short: "Change an application's fields",
		Long:  "Change an application's fields: only the flags given are written (an empty value clears a field, except the company).",
		Example: `  afterview edit 3 --recruiter "Pat Lee" --contact pat@acme.example
  afterview edit 3 --notes ""`,
		Args: args(argID),
		PreRunE: func(cmd *cobra.Command, a []string) error {
			if _, err := parseID(a[0], "an application"); err != nil {
				return err
			}
			ch = f.changes(cmd)
			switch {
			case ch.Empty():
				return errors.New("nothing to change: give at least one of --company, --role, --recruiter, --contact, --url, --notes")
			case ch.Company != nil && strings.TrimSpace(*ch.Company) == "":
				return errors.New("--company cannot be empty")
			}
			return nil
		},
		RunE: c.onID("an application", func(st *store.Store, id int64) (string, error) {
			if err := st.UpdateApplication(id, ch); err != nil {
				return "", err
			}
			return c.changed(st, id, fmt.Sprintf("edited application %d", id))
		}),
	}
	f.register(cmd)
	return cmd
}

// archiveCmd is archive (on) or unarchive (off).
func (c *cli) archiveCmd(on bool) *cobra.Command {
	name, short, long := "archive", "Hide an application from the list and the chase view",
		"Archive an application: it is hidden from the default list and never chased; its events are kept (afterview unarchive ID brings it back)."
	if !on {
		name, short, long = "unarchive", "Bring an archived application back", "Unarchive an application: it is listed and chased again."
	}
	return &cobra.Command{
		Use:     name + " ID",
		Short:   short,
		Long:    long,
		Example: "  afterview " + name + " 3",
		Args:    args(argID),
		RunE: c.onID("an application", func(st *store.Store, id int64) (string, error) {
			if err := st.SetArchived(id, on); err != nil {
				return "", err
			}
			app, err := st.Application(id)
			return c.report().AppLine(name+"d application", app), err
		}),
	}
}

func (c *cli) deleteCmd() *cobra.Command {
	var yes bool
	cmd := &cobra.Command{
		Use:     "delete ID --yes",
		Short:   "Delete an application and its events for good",
		Long:    "Delete an application and all its events. This cannot be undone, so it needs --yes; to only hide an application, archive it.",
		Example: "  afterview delete 3 --yes",
		Args:    args(argID),
		PreRunE: func(cmd *cobra.Command, a []string) error {
			id, err := parseID(a[0], "an application")
			if err == nil && !yes {
				err = fmt.Errorf("delete cannot be undone: add --yes to delete application %d and its events (or hide it instead: afterview archive %d)", id, id)
			}
			return err
		},
		RunE: c.onID("an application", func(st *store.Store, id int64) (string, error) {
			app, err := st.Application(id)
			if err != nil {
				return "", err
			}
			if err := st.DeleteApplication(id); err != nil {
				return "", err
			}
			return c.report().AppLine("deleted application", app), nil
		}),
	}
	cmd.Flags().BoolVar(&yes, "yes", false, "yes, delete it for good")
	return cmd
}
