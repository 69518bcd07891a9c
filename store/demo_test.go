package store

import (
	"slices"
	"testing"

	"github.com/afterview/afterview/timeline"
)

// The demo's first applications show every stage, in the order of
// timeline.Stages, on any weekday; the default 30 have 30 different
// companies.
func TestDemoCoversEveryStageInOrder(t *testing.T) {
	for shift := 0; shift < 7; shift++ {
		today := day.AddDays(shift)
		s := openAt(t, &today)
		if err := FillDemo(s, 30); err != nil {
			t.Fatal(err)
		}
		var first []timeline.Stage
		companies := map[string]bool{}
		for id := int64(1); id <= 30; id++ {
			app, err := s.Application(id)
			if err != nil {
				t.Fatal(err)
			}
			if companies[app.Company] {
				t.Errorf("%s: company %q appears twice", today, app.Company)
			}
			companies[app.Company] = true
			if id > int64(len(demoScenarios)) {
				continue
			}
			d, err := s.Derive(id)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Contains(first, d.Stage) {
				first = append(first, d.Stage)
			}
		}
		if !slices.Equal(first, timeline.Stages) {
			t.Errorf("%s: the demo's stages, in the order they first appear:\n%v\nwant\n%v", today, first, timeline.Stages)
		}
	}
}
