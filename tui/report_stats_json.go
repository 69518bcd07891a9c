package tui

import "github.com/afterview/afterview/timeline"

// `stats --json`: {"funnel": {...}, "response_bd": {"count", "median",
// "p80"}, "within": {...}, "promises": {"kept", "late", "open"},
// "companies": [{"company", "processes", "median_bd", "promises_kept"}],
// "suggestion": {"reply_max_bd": N} or null}. A median or percentile of no
// answers is null.

type jsonStats struct {
	Funnel     jsonFunnel      `json:"funnel"`
	Response   jsonResponse    `json:"response_bd"`
	Within     jsonWithin      `json:"within"`
	Promises   jsonPromises    `json:"promises"`
	Companies  []jsonCompany   `json:"companies"`
	Suggestion *jsonSuggestion `json:"suggestion"`
}

type jsonFunnel struct {
	Applications int `json:"applications"`
	Interviewed  int `json:"interviewed"`
	Offers       int `json:"offers"`
	Accepted     int `json:"accepted"`
	Rejected     int `json:"rejected"`
	Ghosted      int `json:"ghosted"`
	Declined     int `json:"declined"`
	Withdrawn    int `json:"withdrawn"`
}

type jsonResponse struct {
	Count  int  `json:"count"`
	Median *int `json:"median"`
	P80    *int `json:"p80"`
}

type jsonWithin struct {
	Debrief  int `json:"debrief"`
	Decision int `json:"decision"`
	Reply    int `json:"reply"`
	Late     int `json:"late"`
	None     int `json:"none"`
}

type jsonPromises struct {
	Kept int `json:"kept"`
	Late int `json:"late"`
	Open int `json:"open"`
}

type jsonCompany struct {
	Company      string `json:"company"`
	Processes    int    `json:"processes"`
	MedianBD     *int   `json:"median_bd"`
	PromisesKept int    `json:"promises_kept"`
}

type jsonSuggestion struct {
	ReplyMaxBD int `json:"reply_max_bd"`
}

// StatsJSON is `stats --json`, every company included.
func (r Report) StatsJSON(in timeline.Insights) ([]byte, error) {
	f := in.Funnel
	out := jsonStats{
		Funnel:   jsonFunnel{f.Applications, f.Interviewed, f.Offers, f.Accepted, f.Rejected, f.Ghosted, f.Declined, f.Withdrawn},
		Response: jsonResponse{Count: len(in.Responses)},
		Within: jsonWithin{in.Within[timeline.WithinDebrief], in.Within[timeline.WithinDecision], in.Within[timeline.WithinReply],
			in.Within[timeline.WithinLate], in.Within[timeline.WithinNone]},
		Promises:  jsonPromises{in.Promises.Kept, in.Promises.Late, in.Promises.Open},
		Companies: make([]jsonCompany, 0, len(in.Companies)),
	}
	if len(in.Responses) > 0 {
		m, p := in.Median, in.P80
		out.Response.Median, out.Response.P80 = &m, &p
	}
	for _, c := range in.Companies {
		jc := jsonCompany{Company: c.Company, Processes: c.Processes, PromisesKept: c.PromisesKept}
		if c.Responses > 0 {
			m := c.MedianBD
			jc.MedianBD = &m
		}
		out.Companies = append(out.Companies, jc)
	}
	if sg := in.Suggestion; sg != nil {
		out.Suggestion = &jsonSuggestion{ReplyMaxBD: sg.ReplyMaxBD}
	}
	return marshal(out)
}
