package store

import (
	"fmt"
	"math/rand"
	"testing"

	"github.com/afterview/afterview/timeline"
)

// TestChaseEqualsFreshDerivation checks the chase view as `afterview chase`
// reads it (the due rows from the index, the expedite items worked out on
// them and read beyond the lookahead) item by item, with every field the
// report and the JSON print, against the view worked out from every
// application derived afresh: on random databases with open offers, on days
// after the summaries were kept, at several lookaheads.
func TestChaseEqualsFreshDerivation(t *testing.T) {
	beyond, within := 0, 0 // expedite items of applications whose own action is beyond the lookahead, or within it
	for seed := int64(11); seed <= 16; seed++ {
		r := rand.New(rand.NewSource(seed))
		today := day
		s := openAt(t, &today)
		for i := 0; i < 150; i++ {
			randomApplication(t, s, r, today, i)
		}
		// Roles, recruiters and contacts of every shape the report prints.
		for id := int64(1); id <= 150; id++ {
			role, who, contact := fmt.Sprint("Role ", r.Intn(5)), []string{"", "Pat", "Sam Rivera"}[r.Intn(3)], []string{"", "x@y.example"}[r.Intn(2)]
			if err := s.UpdateApplication(id, AppChanges{Role: &role, Recruiter: &who, Contact: &contact}); err != nil {
				t.Fatal(err)
			}
		}
		for _, shift := range []int{0, 2, 9} {
			today = day.AddDays(shift)
			for _, days := range []int{0, 3, 14} {
				got, err := s.Chase(days)
				if err != nil {
					t.Fatal(err)
				}
				want := reportItems(t, s, days)
				if len(got) != len(want) {
					t.Fatalf("seed %d, %d days on, lookahead %d: %d items, fresh %d", seed, shift, days, len(got), len(want))
				}
				for k := range want {
					w := want[k]
					w.App.URL, w.App.Notes = "", "" // the chase view does not read them
					if got[k] != w {
						t.Fatalf("seed %d, %d days on, lookahead %d, item %d:\n got %+v\nwant %+v", seed, shift, days, k, got[k], w)
					}
					if w.Action.Kind == timeline.ActExpedite {
						e, err := s.Entry(w.App.ID)
						if err != nil {
							t.Fatal(err)
						}
						if e.Next == nil || e.Next.Due > today.AddDays(days) {
							beyond++
						} else {
							within++
						}
					}
				}
			}
		}
	}
	if beyond == 0 || within == 0 {
		t.Errorf("the test needs expedite items of applications due beyond the lookahead (%d) and within it (%d)", beyond, within)
	}
}
