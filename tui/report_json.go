package tui

import (
	"encoding/json"

	"github.com/afterview/afterview/store"
	"github.com/afterview/afterview/timeline"
)

// The JSON forms of the reports, in the shapes the README documents. Dates are
// YYYY-MM-DD strings; fields an event does not carry are left out.

// jsonApp is an application's fields with its stage and next action: an
// element of `list --json` and the start of `show --json`.
type jsonApp struct {
	ID int64 `json:"id"`
	store.AppJSON
	Stage string      `json:"stage"`
	Next  *jsonAction `json:"next"`
}

type jsonAction struct {
	Kind string        `json:"kind"`
	Due  timeline.Date `json:"due"`
}

type jsonWindow struct {
	Name string        `json:"name"`
	From timeline.Date `json:"from"`
	To   timeline.Date `json:"to"`
}

// jsonEvent is an event as the interchange format writes it, with its id.
type jsonEvent struct {
	ID int64 `json:"id"`
	store.EventJSON
}

type jsonShow struct {
	jsonApp
	Windows        []jsonWindow   `json:"windows"`
	Events         []jsonEvent    `json:"events"`
	OfferElsewhere *jsonElsewhere `json:"offer_elsewhere,omitempty"`
}

// jsonElsewhere is the open offer elsewhere that counts for an application
// still deciding (the other company is not named): when it arrived, its
// deadline, and whether this one is still to be asked to hurry.
type jsonElsewhere struct {
	Arrived    timeline.Date `json:"arrived"`
	Deadline   timeline.Date `json:"deadline"`
	AskToHurry bool          `json:"ask_to_hurry"`
}

// Elsewhere is an open offer elsewhere as show reports it: the offer, and
// whether the application is still to be asked to hurry.
type Elsewhere struct {
	Offer   timeline.OpenOffer
	Pending bool
}

type jsonList struct {
	Today        timeline.Date `json:"today"`
	Applications []jsonApp     `json:"applications"`
}

func toJSONApp(e timeline.Entry) jsonApp {
	a := e.App
	j := jsonApp{ID: a.ID, AppJSON: store.NewAppJSON(a), Stage: string(e.Stage)}
	if e.Next != nil {
		j.Next = &jsonAction{Kind: string(e.Next.Kind), Due: e.Next.Due}
	}
	return j
}

// marshal indents v and ends it with a newline.
func marshal(v any) ([]byte, error) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(EscapeJSON(b), '\n'), nil
}

// ListJSON is `list --json`: {"today", "applications": [...]}, each with the
// application's fields, "stage" and "next": {"kind", "due"} (null when none).
func (r Report) ListJSON(entries []timeline.Entry) ([]byte, error) {
	out := jsonList{Today: r.Today, Applications: make([]jsonApp, 0, len(entries))}
	for _, e := range entries {
		out.Applications = append(out.Applications, toJSONApp(e))
	}
	return marshal(out)
}

// ShowJSON is `show --json`: the application's fields, "stage", "next":
// {"kind", "due"} (null when none), "windows": [{"name", "from", "to"}],
// "events" in timeline order, and, for an application still deciding while
// an offer elsewhere is open, "offer_elsewhere": {"arrived", "deadline",
// "ask_to_hurry"}.
func (r Report) ShowJSON(d timeline.Derived, elsewhere ...Elsewhere) ([]byte, error) {
	out := jsonShow{jsonApp: toJSONApp(d.Entry), Windows: make([]jsonWindow, 0, len(d.Windows)),
		Events: make([]jsonEvent, 0, len(d.Events))}
	for _, e := range elsewhere {
		out.OfferElsewhere = &jsonElsewhere{Arrived: e.Offer.Arrived, Deadline: e.Offer.Deadline, AskToHurry: e.Pending}
	}
	for _, w := range d.Windows {
		out.Windows = append(out.Windows, jsonWindow{Name: w.Name, From: w.From, To: w.To})
	}
	for _, e := range d.Events {
		out.Events = append(out.Events, jsonEvent{ID: e.ID, EventJSON: store.NewEventJSON(e)})
	}
	return marshal(out)
}
