package cli

import (
	"github.com/afterview/afterview/store"
	"github.com/afterview/afterview/timeline"
	"github.com/afterview/afterview/tui"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// registerTermFlags adds an offer's terms as flags of `log` (offer and
// negotiate take them).
func registerTermFlags(fl *pflag.FlagSet, t *timeline.TermsInput) {
	fl.StringVar(&t.Base, "base", "", "offer, negotiate: base salary a year, e.g. 180k")
	fl.StringVar(&t.Bonus, "bonus", "", "offer, negotiate: yearly bonus, an amount (20k) or a share of base (15%)")
	fl.StringVar(&t.Signon, "signon", "", "offer, negotiate: sign-on bonus, paid once")
	fl.StringVar(&t.Equity, "equity", "", "offer, negotiate: the whole equity grant's value")
	fl.StringVar(&t.VestingYears, "vesting-years", "", "offer, negotiate: the years the grant vests over (default 4)")
	fl.StringVar(&t.Currency, "currency", "", "offer, negotiate: currency code, e.g. USD")
}

// offersCmd is `afterview offers`: the offers compared side by side.
func (c *cli) offersCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "offers [flags]",
		Short: "Compare your offers side by side",
		Long: `Compare every open offer, and those accepted or declined in the last 90 days, side
by side: base, bonus, sign-on, equity per year, the yearly total (base + bonus +
equity / vesting years), the first year's total (plus the sign-on), the deadline and
the days left. Offers are grouped by currency (amounts are never converted); the best
value in each row is marked with *. Archived applications are left out.

The terms are as they stand after any negotiation: a negotiate event's --base,
--bonus, --signon, --equity or --vesting-years replace the offer's.`,
		Example: `  afterview offers
  afterview offers --json | jq '.offers[] | {company, first_year}'`,
		Args: args(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			reportGC()
			st, err := c.openExisting(cmd)
			if err != nil && !isNoDB(err) {
				return err
			}
			var cols []timeline.OfferColumn
			if st != nil {
				defer st.Close()
				if cols, err = st.Offers(); err != nil {
					return err
				}
			}
			groups := timeline.CompareOffers(cols)
			r := c.report()
			if asJSON {
				b, err := r.OffersJSON(groups)
				if err != nil {
					return err
				}
				return c.print(string(b))
			}
			return c.print(r.Offers(groups))
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, `print JSON: {"today", "offers": [{"id", "company", "role", "state", "currency", "base", "bonus", "signon", "equity_per_year", "yearly", "first_year", "deadline", "days_left"}]}`)
	return cmd
}

// elsewhere is the open offer elsewhere that `show` tells of for e: none,
// or one.
func elsewhere(st *store.Store, e timeline.Entry) ([]tui.Elsewhere, error) {
	o, pending, ok, err := st.OfferElsewhere(e)
	if err != nil || !ok {
		return nil, err
	}
	return []tui.Elsewhere{{Offer: o, Pending: pending}}, nil
}
