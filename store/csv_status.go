package store

import (
	"fmt"

	"github.com/afterview/afterview/timeline"
)

// sheetStatus is what a spreadsheet's status column says of an application.
type sheetStatus string

// The statuses a spreadsheet's status column may give.
const (
	statusApplied      sheetStatus = "Applied"
	statusInterviewing sheetStatus = "Interviewing"
	statusOffer        sheetStatus = "Offer"
	statusRejected     sheetStatus = "Rejected"
	statusWithdrawn    sheetStatus = "Withdrawn"
	statusGhosted      sheetStatus = "Ghosted"
	statusWaiting      sheetStatus = "Waiting" // in progress; the dates say where
)

// statusNames lists them for errors.
const statusNames = "Applied, Interviewing, Offer, Rejected, Withdrawn or Ghosted, in English, German, French or Spanish"

// statusSpellings are the usual ways to write each status, folded as
// normHeader folds (lower case, no accents, no punctuation).
var statusSpellings = map[sheetStatus][]string{
	statusApplied: {"applied", "application sent", "application submitted", "submitted", "sent", "apply",
		"beworben", "bewerbung gesendet", "bewerbung verschickt", "gesendet", "verschickt",
		"postule", "postulee", "candidature envoyee", "envoye", "envoyee",
		"aplicado", "aplicada", "postulado", "postulada", "solicitud enviada", "enviado", "enviada"},
	statusInterviewing: {"interviewing", "interview", "interviewed", "interviews", "in progress", "in process",
		"phone screen", "screening", "onsite", "on site",
		"vorstellungsgesprach", "im gesprach", "gesprach", "interview gefuhrt", "in bearbeitung",
		"entretien", "entretiens", "en entretien", "en cours",
		"entrevista", "entrevistas", "en entrevista", "entrevistado", "entrevistada", "en proceso"},
	statusOffer: {"offer", "offered", "offer received", "got offer", "got an offer",
		"angebot", "zusage", "vertragsangebot",
		"offre", "offre recue", "proposition",
		"oferta", "oferta recibida"},
	statusRejected: {"rejected", "rejection", "reject", "declined by company", "not selected", "turned down", "no offer", "denied",
		"absage", "abgelehnt", "abgesagt",
		"refuse", "refusee", "refus", "rejete", "rejetee", "non retenu", "non retenue",
		"rechazado", "rechazada", "rechazo", "no seleccionado", "no seleccionada", "descartado", "descartada"},
	statusWithdrawn: {"withdrawn", "withdrew", "withdraw", "retracted",
		"zuruckgezogen", "zuruckgetreten",
		"retire", "retiree", "desiste", "desistee",
		"retirado", "retirada", "desistido", "desistida", "me retire"},
	statusWaiting: {"waiting", "pending", "awaiting", "awaiting response", "awaiting decision", "waiting to hear back",
		"waiting for feedback", "open", "active", "warten", "wartend", "offen", "ausstehend", "en attente", "en espera", "pendiente", "abierto"},
	statusGhosted: {"ghosted", "ghost", "no response", "no reply", "no answer", "no news", "never heard back",
		"keine antwort", "keine ruckmeldung", "ohne antwort",
		"sans reponse", "pas de reponse", "aucune reponse", "sans nouvelles",
		"sin respuesta", "sin noticias", "ninguna respuesta"},
}

// statusByName is statusSpellings inverted.
var statusByName = func() map[string]sheetStatus {
	m := map[string]sheetStatus{}
	for st, names := range statusSpellings {
		for _, n := range names {
			m[n] = st
		}
	}
	return m
}()

// parseStatus reads a status cell, ignoring case, accents and punctuation.
func parseStatus(cell string) (sheetStatus, bool) {
	st, ok := statusByName[normHeader(cell)]
	return st, ok
}

// statusEvents returns the events that a row's status adds to its applied
// and interview events, and whether the row is archived. A decision (offer,
// rejected, withdrawn) is dated on the row's latest date, the interview's or
// else the application's: the sheet does not say when it came, and no later
// day is known to be true. Nothing is invented:
//   - Applied and Waiting (Pending, Open…) add nothing: the dates say where
//     the application stands.
//   - Interviewing adds nothing when the interview's date is there; without
//     it, a note on the application's date says so (log the interview then).
//   - Offer, Rejected, Withdrawn add that event; a row with no date at all is
//     an error (afterview would have to make one up).
//   - Ghosted archives the application (never chased; `list --all` shows it)
//     with a note; afterview cannot log the follow-ups that went unanswered.
func statusEvents(st sheetStatus, cell string, applied, interviewed timeline.Date) ([]timeline.Event, bool, error) {
	latest := max(applied, interviewed)
	note := func(text string) []timeline.Event {
		if latest.IsZero() {
			return nil
		}
		return []timeline.Event{{Type: timeline.EventNote, Date: latest, Note: text}}
	}
	switch st {
	case statusInterviewing:
		if interviewed.IsZero() {
			return note(fmt.Sprintf("status %q in the spreadsheet, with no interview date: log the interview with its date", cell)), false, nil
		}
	case statusOffer, statusRejected, statusWithdrawn:
		if latest.IsZero() {
			return nil, false, fmt.Errorf("%q needs a date to log it on: fill the row's date applied or interview date", cell)
		}
		t := map[sheetStatus]timeline.EventType{statusOffer: timeline.EventOffer, statusRejected: timeline.EventRejected, statusWithdrawn: timeline.EventWithdrawn}[st]
		return []timeline.Event{{Type: t, Date: latest, Note: fmt.Sprintf("status %q in the spreadsheet", cell)}}, false, nil
	case statusGhosted:
		return note(fmt.Sprintf("status %q in the spreadsheet: archived", cell)), true, nil
	}
	return nil, false, nil
}
