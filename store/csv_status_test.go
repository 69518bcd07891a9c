package store

import (
	"strings"
	"testing"
)

// Issue 10: a spreadsheet's status and date-applied columns become events,
// in English, German, French and Spanish, so that a rejected row is not
// imported as an overdue follow-up.
func TestReadCSVStatusAndDateAppliedBecomeEvents(t *testing.T) {
	sheets := map[string]string{
		"English": "Company,Job Title,Date Applied,Interview Date,Status\n" +
			"Acme,SRE,2026-10-01,,Applied\n" +
			"Globex,PM,2026-10-02,2026-10-20,Interviewing\n" +
			"Initech,SWE,2026-10-03,2026-10-21,offer received\n" +
			"Hooli,Staff,2026-10-04,2026-10-22,REJECTED.\n" +
			"Umbrella,SRE,2026-10-05,,Withdrew\n" +
			"Soylent,QA,2026-10-06,,Ghosted\n" +
			"Wonka,Chef,2026-10-07,,Interviewing\n",
		"German": "Firma;Stelle;Datum der Bewerbung;Vorstellungsgespräch;Stand\n" +
			"Acme;SRE;2026-10-01;;beworben\n" +
			"Globex;PM;2026-10-02;2026-10-20;Im Gespräch\n" +
			"Initech;SWE;2026-10-03;2026-10-21;Angebot\n" +
			"Hooli;Staff;2026-10-04;2026-10-22;Absage\n" +
			"Umbrella;SRE;2026-10-05;;zurückgezogen\n" +
			"Soylent;QA;2026-10-06;;keine Rückmeldung\n" +
			"Wonka;Chef;2026-10-07;;Vorstellungsgespräch\n",
		"French": "Entreprise,Poste,Date de candidature,Entretien,Statut\n" +
			"Acme,SRE,2026-10-01,,Postulé\n" +
			"Globex,PM,2026-10-02,2026-10-20,en cours\n" +
			"Initech,SWE,2026-10-03,2026-10-21,Offre\n" +
			"Hooli,Staff,2026-10-04,2026-10-22,Refusé\n" +
			"Umbrella,SRE,2026-10-05,,Retiré\n" +
			"Soylent,QA,2026-10-06,,Sans réponse\n" +
			"Wonka,Chef,2026-10-07,,Entretien\n",
		"Spanish": "Empresa,Puesto,Fecha de solicitud,Fecha de entrevista,Estado\n" +
			"Acme,SRE,2026-10-01,,Aplicado\n" +
			"Globex,PM,2026-10-02,2026-10-20,En proceso\n" +
			"Initech,SWE,2026-10-03,2026-10-21,Oferta\n" +
			"Hooli,Staff,2026-10-04,2026-10-22,Rechazado\n" +
			"Umbrella,SRE,2026-10-05,,Retirado\n" +
			"Soylent,QA,2026-10-06,,Sin respuesta\n" +
			"Wonka,Chef,2026-10-07,,Entrevista\n",
	}
	want := []string{
		"Acme archived=false | applied 2026-10-01",
		"Globex archived=false | applied 2026-10-02 | interview 2026-10-20",
		"Initech archived=false | applied 2026-10-03 | interview 2026-10-21 | offer 2026-10-21",
		"Hooli archived=false | applied 2026-10-04 | interview 2026-10-22 | rejected 2026-10-22",
		"Umbrella archived=false | applied 2026-10-05 | withdrawn 2026-10-05",
		"Soylent archived=true | applied 2026-10-06 | note 2026-10-06",
		"Wonka archived=false | applied 2026-10-07 | note 2026-10-07",
	}
	for lang, text := range sheets {
		b, err := ReadCSV(strings.NewReader(text), DateFormat{})
		if err != nil {
			t.Errorf("%s: %v", lang, err)
			continue
		}
		if len(b.Ignored) > 0 {
			t.Errorf("%s: columns not understood: %v", lang, b.Ignored)
		}
		var got []string
		for _, a := range b.Apps {
			line := a.App.Company + " archived=" + map[bool]string{true: "true", false: "false"}[a.App.Archived]
			for _, e := range a.Events {
				line += " | " + string(e.Type) + " " + e.Date.String()
			}
			got = append(got, line)
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: got\n%s\nwant\n%s", lang, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	// The rejected row is rejected once imported, not an overdue follow-up.
	s := openTest(t)
	b, _ := ReadCSV(strings.NewReader(sheets["English"]), DateFormat{})
	if _, err := s.Import(b, false); err != nil {
		t.Fatal(err)
	}
	stages := map[string]string{}
	entries, err := s.Entries(true)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		stages[e.App.Company] = string(e.Stage)
	}
	for company, stage := range map[string]string{"Hooli": "rejected", "Initech": "offer", "Umbrella": "withdrawn"} {
		if stages[company] != stage {
			t.Errorf("%s: stage %s, want %s", company, stages[company], stage)
		}
	}
}

func TestReadCSVRefusesAnUnknownOrUndatedStatus(t *testing.T) {
	cases := map[string]string{
		"Company,Status\nAcme,Applied\nGlobex,Maybe later\n": `row 3, column "Status": "Maybe later" is not a status afterview knows (Applied, Interviewing, Offer, Rejected, Withdrawn or Ghosted`,
		"Company,Status\nAcme,Rejected\n":                    `row 2, column "Status": "Rejected" needs a date to log it on: fill the row's date applied or interview date`,
	}
	for text, want := range cases {
		_, err := ReadCSV(strings.NewReader(text), DateFormat{})
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("error %v, want %q…", err, want)
		}
	}
}
