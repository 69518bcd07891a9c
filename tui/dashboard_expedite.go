package tui

import (
	"runtime"
	"slices"
	"sync"

	"github.com/afterview/afterview/timeline"
)

// expedites works out the chase view's expedite items from the entries the
// dashboard holds, with timeline's rule (timeline.Expedite), so that neither
// the first load nor a save reads every application a second time for them.
// A write to one application changes only its own item, unless it changes
// the offer that counts for the others (an offer arrives, is answered, or
// its deadline moves): then every item is worked out again.
type expedites struct {
	today    timeline.Date
	last     map[int64]timeline.Date      // each application's latest followup or heard (absent: none)
	offers   map[int64]timeline.OpenOffer // the open offers, by application
	counting []timeline.OpenOffer         // the offers that can count for anyone (countingOffers)
	exp      *timeline.Expediter          // the rule, for counting
	items    map[int64]*timeline.Action   // the expedite items, by application
}

// newExpedites works out every expedite item among entries on today; last
// holds the latest followup or heard of every application that has one. It
// also returns the items by entry (see recompute).
func newExpedites(entries []timeline.Entry, last map[int64]timeline.Date, today timeline.Date) (expedites, []*timeline.Action) {
	x := expedites{today: today, last: last, offers: map[int64]timeline.OpenOffer{}}
	if x.last == nil {
		x.last = map[int64]timeline.Date{}
	}
	for i := range entries {
		if o, ok := timeline.OpenOfferOf(entries[i], today); ok {
			x.offers[o.AppID] = o
		}
	}
	x.setCounting(countingOffers(x.offers))
	return x, x.recompute(entries)
}

// countingOffers returns the offers among which timeline.CountingOffer finds
// the one that counts for any application: the one that counts for nobody
// in particular (the first in its order), and the one that counts for that
// offer's own application (the second). For every other application the
// first counts, so asking CountingOffer of these two gives what asking it of
// all would, at a cost that does not grow with the number of offers.
func countingOffers(offers map[int64]timeline.OpenOffer) []timeline.OpenOffer {
	all := make([]timeline.OpenOffer, 0, len(offers))
	for _, o := range offers {
		all = append(all, o)
	}
	first, ok := timeline.CountingOffer(all, 0) // no application has id 0
	if !ok {
		return nil
	}
	second, ok := timeline.CountingOffer(all, first.AppID)
	if !ok {
		return []timeline.OpenOffer{first}
	}
	return []timeline.OpenOffer{first, second}
}

// recompute works out every entry's expedite item afresh: a long list in
// parts at once, one a processor (the rule is a pure function of the entry).
// It returns them by entry (nil: none has one), as the chase view takes
// them (timeline.ChaseOrder's stand-ins).
func (x *expedites) recompute(entries []timeline.Entry) []*timeline.Action {
	x.items = map[int64]*timeline.Action{}
	if len(x.counting) == 0 {
		return nil
	}
	acts := make([]*timeline.Action, len(entries))
	n := inParts(len(entries), func(lo, hi int) int {
		// The items of a part are made in one array, then pointed at.
		var items []timeline.Action
		var at []int
		for i := lo; i < hi; i++ {
			if a, ok := x.action(&entries[i]); ok {
				items, at = append(items, a), append(at, i)
			}
		}
		for k, i := range at {
			acts[i] = &items[k]
		}
		return len(at)
	})
	x.items = make(map[int64]*timeline.Action, n)
	for i, a := range acts {
		if a != nil {
			x.items[entries[i].App.ID] = a
		}
	}
	return acts
}

// partSize is the fewest items inParts gives a part of their own.
const partSize = 2048

// inParts runs f over the items 0 up to n in parts (from lo up to hi), as
// many at once as there are processors when n is large, and returns the sum
// of what f returned.
func inParts(n int, f func(lo, hi int) int) int {
	parts := max(1, min(runtime.GOMAXPROCS(0), n/partSize))
	sums := make([]int, parts)
	var wg sync.WaitGroup
	for k := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sums[k] = f(n*k/parts, n*(k+1)/parts)
		}()
	}
	wg.Wait()
	total := 0
	for _, s := range sums {
		total += s
	}
	return total
}

// of returns e's expedite item, or nil.
func (x *expedites) of(e *timeline.Entry) *timeline.Action {
	if a, ok := x.action(e); ok {
		return &a
	}
	return nil
}

// action returns e's expedite item, if it has one.
func (x *expedites) action(e *timeline.Entry) (timeline.Action, bool) {
	if len(x.counting) == 0 || e.App.Archived || !e.Stage.Expedites() {
		return timeline.Action{}, false
	}
	return x.exp.Action(e, x.last[e.App.ID])
}

// setCounting takes the offers that count from now on.
func (x *expedites) setCounting(counting []timeline.OpenOffer) {
	x.counting, x.exp = counting, timeline.NewExpediter(counting, x.today)
}

// set takes one application's fresh entry (gone: it was deleted) and its
// latest followup or heard after a write to it. It reports whether the offer
// that counts changed, so that every item must be worked out again
// (recompute); otherwise it has updated this application's own.
func (x *expedites) set(e *timeline.Entry, last timeline.Date, gone bool) (all bool) {
	id := e.App.ID
	if last.IsZero() || gone {
		delete(x.last, id)
	} else {
		x.last[id] = last
	}
	_, had := x.offers[id]
	o, has := timeline.OpenOfferOf(*e, x.today)
	if gone {
		has = false
	}
	if has {
		x.offers[id] = o
	} else {
		delete(x.offers, id)
	}
	if had || has {
		if counting := countingOffers(x.offers); !slices.Equal(counting, x.counting) {
			x.setCounting(counting)
			return true
		}
	}
	if a := x.of(e); a != nil && !gone {
		x.items[id] = a
	} else {
		delete(x.items, id)
	}
	return false
}
