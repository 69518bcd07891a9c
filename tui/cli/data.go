// The commands that move data in and out: import, export, ics and backup. The
// work is done in store (interchange.go, csv.go, ics.go, backup.go); these
// commands only read flags, open the database and say what happened.

package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/afterview/afterview/store"
	"github.com/afterview/afterview/tui"
	"github.com/spf13/cobra"
)

// pickFormat returns "json", "csv" or "xlsx": the --format flag, else the fallback.
func pickFormat(flag, fallback string) (string, error) {
	if flag == "" {
		return fallback, nil
	}
	f := strings.ToLower(strings.TrimSpace(flag))
	if f != "json" && f != "csv" && f != "xlsx" {
		return "", fmt.Errorf("--format: %q is not json, csv or xlsx", flag)
	}
	return f, nil
}

func (c *cli) exportCmd() *cobra.Command {
	var format, out string
	var bom bool
	cmd := &cobra.Command{
		Use:   "export [--format json|csv|xlsx] [-o FILE]",
		Short: "Write everything as JSON (to import again), or for a spreadsheet (CSV, Excel)",
		Long: `Write the database to stdout, or to FILE with -o.

JSON (the default) is afterview's interchange format, ` + store.Format + `: every application,
archived ones too, with all its fields and its events with their extra fields, and the
settings. afterview import reads it back with nothing lost, and the same database
always gives the same bytes (applications by id, events in timeline order).

CSV is one row per application, for a spreadsheet: its fields with the stage, next
action and due date as of today. Dates are YYYY-MM-DD. --bom starts the file with a
byte-order mark, which Excel on Windows needs to read accents right.

xlsx is an Excel workbook (LibreOffice, Numbers and Google Sheets open it too): a sheet
of applications — fields, stage, next action, due date and the latest offer's terms —
and a sheet of every event, with real date cells, a header row and frozen panes.
afterview import reads it back with nothing lost but the settings.

The Stage and Next action columns use the words the app shows:
` + store.ExportWordsHelp() + `
With -o the format follows the file's extension (.csv, .json, .xlsx) unless --format
is given; the file is replaced whole, never left half-written.`,
		Example: `  afterview export -o afterview.json
  afterview export -o applications.xlsx
  afterview export -o applications.csv --bom    # for Excel on Windows
  afterview export | jq '.applications | length'`,
		Args: args(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			fallback := "json"
			switch strings.ToLower(filepath.Ext(out)) {
			case ".csv":
				fallback = "csv"
			case ".xlsx":
				fallback = "xlsx"
			}
			f, err := pickFormat(format, fallback)
			if err != nil {
				return err
			}
			if bom && f != "csv" {
				return fmt.Errorf("--bom is for CSV; this export is %s", f)
			}
			return c.withStore(cmd, func(st *store.Store) error {
				var info store.ExportInfo
				write := func(w io.Writer) error {
					var err error
					switch f {
					case "csv":
						info, err = st.ExportCSV(w, bom)
					case "xlsx":
						info, err = st.ExportXLSX(w)
					default:
						// Streamed: the document is never whole in memory.
						ew := tui.NewJSONEscaper(w)
						if info, err = st.ExportJSON(ew); err == nil {
							err = ew.Flush()
						}
					}
					return err
				}
				var err error
				if bom && (out == "" || out == "-") {
					// The sanitiser drops a zero-width U+FEFF from text: the mark goes first, on its own.
					if err := c.print("\ufeff"); err != nil {
						return err
					}
					bom = false
				}
				if f == "xlsx" && (out == "" || out == "-") {
					// A workbook is binary, not text to sanitise: only for a pipe.
					if _, ok := c.terminal(); ok {
						return errors.New("an Excel workbook is not for the terminal: give -o FILE.xlsx, or pipe it")
					}
					err = write(c.stdout)
				} else {
					err = c.writeOutput(st, out, write)
				}
				if err != nil || out == "" || out == "-" {
					return err
				}
				return c.print(c.report().Exported(info, out, f))
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "", "json, csv or xlsx (default: from -o's extension, else json)")
	cmd.Flags().BoolVar(&bom, "bom", false, "CSV: start with a UTF-8 byte-order mark (for Excel on Windows)")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to `FILE` instead of stdout")
	return cmd
}

func (c *cli) importCmd() *cobra.Command {
	var format, dateFormat, sheet string
	var dryRun bool
	cmd := &cobra.Command{
		Use:   "import FILE [--format json|csv|xlsx] [--sheet NAME] [--date-format LAYOUT] [--dry-run]",
		Short: "Add applications from an export (JSON) or a spreadsheet (CSV, Excel)",
		Long: `Add the applications in FILE (- for stdin) in one transaction: when anything in the
file is wrong nothing is imported, and the error names the row or application, the
column or field, and the value. --dry-run shows what would be imported, writes nothing.

The format follows the extension (.json, .csv, .xlsx), else the content; or give --format.

JSON: a file written by afterview export. Into a new, empty database its settings
are restored too; a database in use keeps its own (the differences are listed).

CSV: a spreadsheet saved as CSV with a header row; each further row is an application.
Headers match ignoring case, spaces and punctuation; other columns are ignored:
` + store.CSVColumnsHelp() + `An interview date logs an interview on that day. Dates are YYYY-MM-DD, or the form
given with --date-format, made of:
` + store.DateFormatHelp() + `Cells may be quoted ("Acme, Inc."); the separator is a comma, or a semicolon or tab
when the header row uses those; a UTF-8 byte-order mark is fine.

xlsx: an Excel workbook, read like CSV: its first sheet, or the one named with
--sheet. Cells formatted as dates are dates, whatever the sheet shows; dates typed as
text follow --date-format. A workbook written by afterview export is read back with
its Events sheet: every application with all its events.

An application already in the database is skipped, not added twice: same company
and role (ignoring case and extra spaces), unless both have interviews and none on
the same day (applying to the same role again later is a new application). So
importing the same file twice adds nothing the second time.`,
		Example: `  afterview import afterview.json
  afterview import --dry-run applications.csv
  afterview import --date-format MM/DD/YYYY "Job search.csv"
  afterview import --date-format DD.MM.YYYY bewerbungen.csv
  afterview import "Job search.xlsx" --sheet "2026"
  pbpaste | afterview import - --format csv`,
		Args: args("the FILE to import (- for stdin)"),
		RunE: func(cmd *cobra.Command, a []string) error {
			df, err := store.ParseDateFormat(dateFormat)
			if err != nil {
				return fmt.Errorf("--date-format: %w", err)
			}
			name, label := a[0], a[0]
			var data []byte
			if name == "-" {
				label = "stdin"
				data, err = io.ReadAll(c.stdin)
			} else {
				data, err = os.ReadFile(name)
			}
			if err != nil {
				return fmt.Errorf("cannot read %s: %v", label, pathErr(err))
			}
			f, err := pickFormat(format, store.DetectFormat(name, data[:min(len(data), 512)]))
			if err != nil {
				return err
			}
			if sheet != "" && f != "xlsx" {
				return fmt.Errorf("--sheet is for Excel workbooks; %s is %s", label, f)
			}
			var b *store.Batch
			switch f {
			case "json":
				if dateFormat != "" {
					return fmt.Errorf("--date-format is for spreadsheets; %s is JSON, whose dates are always YYYY-MM-DD", label)
				}
				b, err = store.ReadJSON(bytes.NewReader(data))
			case "xlsx":
				b, err = store.ReadXLSX(bytes.NewReader(data), sheet, df)
			default:
				b, err = store.ReadCSV(bytes.NewReader(data), df)
			}
			switch {
			case errors.Is(err, store.ErrEmpty):
				return fmt.Errorf("%s is empty: nothing to import", label)
			case err != nil:
				return fmt.Errorf("%s: %w", label, err)
			case len(b.Apps) == 0 && b.Settings == nil:
				return c.print(fmt.Sprintf("nothing to import: %s holds no applications\n", label))
			}
			var res store.ImportResult
			if dryRun {
				st, err := c.openExisting(cmd)
				switch {
				case isNoDB(err):
					res, err = store.DryRunNew(b) // no database yet: do not make one
				case err == nil:
					defer st.Close()
					res, err = st.Import(b, true)
				}
				if err != nil {
					return fmt.Errorf("%s: %w", label, err)
				}
			} else {
				st, err := c.openStore(cmd)
				if err != nil {
					return err
				}
				defer st.Close()
				if res, err = st.Import(b, false); err != nil {
					return fmt.Errorf("%s: %w", label, err)
				}
			}
			return c.print(c.report().Import(label, b, res))
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&format, "format", "", "json, csv or xlsx (default: from the extension, else the content)")
	fl.StringVar(&sheet, "sheet", "", "xlsx: the sheet to read (default: the first)")
	fl.StringVar(&dateFormat, "date-format", "", "CSV, xlsx: how the sheet writes dates as text, e.g. MM/DD/YYYY or DD.MM.YYYY (YYYY-MM-DD always works)")
	fl.BoolVarP(&dryRun, "dry-run", "n", false, "show what would be imported; write nothing")
	return cmd
}

func (c *cli) icsCmd() *cobra.Command {
	var out string
	var noAlarms, overdueToday bool
	cmd := &cobra.Command{
		Use:   "ics [-o FILE] [--no-alarms] [--overdue-today]",
		Short: "Write a calendar (.ics) of due dates and scheduled interviews",
		Long: `Write an iCalendar feed to stdout, or to FILE with -o: an all-day entry on the due date
of each next action — follow-up, offer deadline, on-hold check-in, reapply window
opening — and on the day of each scheduled (future) interview, for the applications
that are not archived. A snoozed application's entry moves to the day the snooze ends.
An interview logged with a time (log ID interview --at 14:30) is an entry at that
time (an hour long, written in UTC from your local time zone), not all day.

Each entry has a reminder: at 09:00 on a due day, and at 18:00 the evening before a
booked interview (--no-alarms leaves them out). --overdue-today puts every entry whose
day has passed on today, so that the calendar's today shows what is overdue.

Entries keep their UID from one feed to the next (afterview-app-ID-next@afterview for
an application's next action, afterview-event-ID@afterview for an interview), so a
calendar that subscribes to the file, or imports it again, moves an entry when its
due date moves instead of adding a second one. Refresh the file after logging events,
e.g. from cron.`,
		Example: `  afterview ics -o ~/calendars/afterview.ics
  0 7 * * * afterview ics -o ~/calendars/afterview.ics --overdue-today    # crontab: every morning
  afterview ics --no-alarms > afterview.ics`,
		Args: args(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return c.withStore(cmd, func(st *store.Store) error {
				var n int
				err := c.writeOutput(st, out, func(w io.Writer) error {
					var err error
					n, err = st.WriteICS(w, store.ICSOptions{Stamp: c.now(), NoAlarms: noAlarms, OverdueToday: overdueToday})
					return err
				})
				if err != nil || out == "" || out == "-" {
					return err
				}
				return c.print(c.report().WroteICS(n, out))
			})
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to `FILE` instead of stdout")
	cmd.Flags().BoolVar(&noAlarms, "no-alarms", false, "leave out the reminders (09:00 on a due day, 18:00 the evening before an interview)")
	cmd.Flags().BoolVar(&overdueToday, "overdue-today", false, "put overdue entries on today, not on their passed due day")
	return cmd
}

func (c *cli) backupCmd() *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "backup FILE [--force]",
		Short: "Copy the database safely, even while afterview is open",
		Long: `Write a consistent copy of the database to FILE with SQLite's VACUUM INTO: safe while
the interactive view or another afterview is running, it holds every change committed
before it began. The copy is checked, then put in place whole. FILE must not exist
unless --force is given, and is never the database itself.

To restore, either use the copy as it is: afterview --db FILE (or AFTERVIEW_DB=FILE);
or quit every afterview, move the database and its -wal and -shm files aside, and
copy FILE in its place.`,
		Example: `  afterview backup ~/backups/afterview-$(date +%F).db
  afterview backup /media/usb/afterview.db --force`,
		Args: args("the backup FILE to write"),
		RunE: func(cmd *cobra.Command, a []string) error {
			return c.withStore(cmd, func(st *store.Store) error {
				info, err := st.Backup(a[0], force)
				if err != nil {
					return err
				}
				return c.print(c.report().BackedUp(info))
			})
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "overwrite FILE if it exists")
	return cmd
}
