package tui

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/afterview/afterview/timeline"
	"github.com/charmbracelet/x/ansi"
)

// randomChaseEntries makes n applications with next actions of every kind,
// due around reportToday, with the text shapes a report must survive: wide
// and combining characters, escape codes, trailing spaces, long words, the
// recruiter named in the sentence or not, no role, no contact.
func randomChaseEntries(rng *rand.Rand, n int) []timeline.Entry {
	pick := func(words ...string) string { return words[rng.IntN(len(words))] }
	names := []string{"Acme", "Globex Corporation International", "Initech", "Ünïcode GmbH", "東京ソフト", "Cafe\u0301 Ltd",
		"Evil\x1b]0;pwned\aCorp", "Rocket 🚀 Labs", "Tab\tCo", "Trailing ", "a", "Hyphen-ated-Company-Name-That-Goes-On"}
	roles := []string{"", "SDE II", "Staff Engineer, Distributed Systems Infrastructure", "SRE\x1b[2J", "エンジニア", "PM — Growth"}
	recruiters := []string{"", "Pat Lee", "Monica", "Zoë Ångström", "Bad\x1b[31mName", "李雷"}
	contacts := []string{"", "pat@acme.example", "+1 555 0100", "hr@hooli.example\r", "contact-with-a-very-long-address-that-will-not-fit@example.com"}
	out := make([]timeline.Entry, n)
	for i := range out {
		a := timeline.Application{ID: int64(1 + rng.IntN(100000)), Company: pick(names...), Role: pick(roles...),
			Recruiter: pick(recruiters...), Contact: pick(contacts...)}
		who := a.Recruiter
		if who == "" || rng.IntN(3) == 0 {
			who = "the recruiter"
		}
		text := pick("Follow up with "+who+" — no word since the interview on Mon 2 Nov; the reply window closed Wed 11 Nov",
			"Answer the offer by Mon 30 Nov — negotiate or ask for more time before then",
			"Interview on Tue 1 Dec — prepare your examples and your questions",
			"Ask "+who+" whether they can decide today ",
			"Check in", "Short", "Wordthatisfartoolongtofitonanylineofanyterminalwhateveritswidthmaybeatall end",
			"Wide 漢字 text with — dashes · and dots… and a tab\there", "Trailing spaces   ")
		due := reportToday.AddDays(rng.IntN(60) - 30)
		if rng.IntN(20) == 0 {
			due = reportToday.AddDays(200) // next year
		}
		kind := timeline.ActionKinds[rng.IntN(len(timeline.ActionKinds))]
		out[i] = timeline.Entry{App: a, Summary: timeline.Summary{Stage: timeline.StageWaiting,
			Next: &timeline.Action{Kind: kind, Due: due, From: due.AddDays(-3), Text: text}}}
	}
	return out
}

// The chase report, written straight into one buffer, says byte for byte
// what it said when each line was put together from strings: plain and
// coloured, piped and at every width, for text of every shape.
func TestChaseSameAsReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	ascii := plainReport(0)
	ascii.Plain = false
	for round := range 40 {
		items := timeline.Chase(randomChaseEntries(rng, 1+rng.IntN(40)), reportToday, 300)
		if round%5 == 4 { // in any order, not only timeline.Chase's
			rng.Shuffle(len(items), func(i, j int) { items[i], items[j] = items[j], items[i] })
		}
		for _, width := range []int{0, 1, 12, 23, 24, 25, 31, 40, 52, 60, 77, 80, 100, 132, 250} {
			for name, r := range map[string]Report{"plain": plainReport(width), "ascii": ascii, "colour": colourReport()} {
				r.Width = width
				got, want := r.Chase(items), chaseReference(r, items)
				if got != want {
					t.Fatalf("round %d, %s at width %d: Chase differs from the reference:\n%s\nwant:\n%s", round, name, width, got, want)
				}
			}
		}
	}
}

// cellWidthFast agrees with ansi.StringWidth on the text it accepts.
func TestCellWidthFast(t *testing.T) {
	for _, s := range []string{"", "abc", "3d overdue · Mon 23 Nov", "Acme — SDE", "cut…", " ~!", "— · …"} {
		w, ok := cellWidthFast(s)
		if !ok || w != ansi.StringWidth(s) {
			t.Errorf("cellWidthFast(%q) = %d, %v; want %d, true", s, w, ok, ansi.StringWidth(s))
		}
	}
	for _, s := range []string{"漢字", "Cafe\u0301", "\x1b[1mbold", "tab\t", "🚀", "é", "\xe2\x80", "\xc2"} {
		if _, ok := cellWidthFast(s); ok {
			t.Errorf("cellWidthFast(%q) claims to know its width", s)
		}
		if cellWidth(s) != ansi.StringWidth(s) {
			t.Errorf("cellWidth(%q) = %d, want %d", s, cellWidth(s), ansi.StringWidth(s))
		}
	}
}

// failAfter is a writer that takes n writes, then fails.
type failAfter struct {
	n      int
	writes []int
}

func (f *failAfter) Write(p []byte) (int, error) {
	if len(f.writes) == f.n {
		return 0, errors.New("disk full")
	}
	f.writes = append(f.writes, len(p))
	return len(p), nil
}

// A long report is written in pieces as it goes, the same bytes as Chase
// returns; a write that fails stops it, with the error.
func TestWriteChaseInPieces(t *testing.T) {
	items := timeline.Chase(randomChaseEntries(rand.New(rand.NewPCG(3, 4)), 3000), reportToday, 300)
	r := plainReport(0)
	var b strings.Builder
	if err := r.WriteChaseView(&b, items, Counts{}); err != nil || b.String() != r.Chase(items) || b.String() != chaseReference(r, items) {
		t.Fatalf("WriteChaseView wrote %d bytes (%v), Chase returns %d", b.Len(), err, len(r.Chase(items)))
	}
	f := &failAfter{n: 2}
	if err := r.WriteChase(f, items); err == nil || len(f.writes) != 2 || f.writes[0] < chaseChunk || f.writes[0] > chaseChunk+4096 {
		t.Errorf("WriteChase to a writer failing at its third write: %v after writes of %v bytes", err, f.writes)
	}
	if b.Len() < 3*chaseChunk {
		t.Errorf("the report is %d bytes: too short to be written in pieces", b.Len())
	}
}

// `chase --json`, written straight into a buffer, is byte for byte what
// encoding/json and EscapeJSON wrote: for text of every shape (every byte,
// invalid UTF-8, line separators, hidden characters, HTML's <, > and &),
// empty and long lists, and written in pieces.
func TestChaseJSONSameAsReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"a", "Z", " ", "\"", "\\", "<", ">", "&", "\b", "\f", "\n", "\r", "\t", "\x00", "\x1f", "\x7f",
		"—", "·", "ü", "日", "\x1b[31m", "\u200b", "\u2028", "\u2029", "\u202e", "\xff", "\xc3", "\u0085", "\u009b",
		"\ufffd", "\u00ad", "\U0001F600", "\U000E0001", "\u180e", "\ufeff", "/"}
	text := func() string {
		var b strings.Builder
		for k := rng.IntN(12); k > 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	r := plainReport(0)
	for round := range 60 {
		entries := randomChaseEntries(rng, rng.IntN(round+1)*round)
		for i := range entries {
			entries[i].App.Company, entries[i].App.Role, entries[i].Next.Text = text(), text(), text()
		}
		items := timeline.Chase(entries, reportToday, 300)
		got, err := r.ChaseJSON(items)
		want, werr := chaseJSONReference(r, items)
		if err != nil || werr != nil || !bytes.Equal(got, want) {
			t.Fatalf("round %d (%d items): ChaseJSON differs from the reference (%v, %v):\n%s\nwant:\n%s", round, len(items), err, werr, got, want)
		}
	}
	items := timeline.Chase(randomChaseEntries(rng, 3000), reportToday, 300)
	var b strings.Builder
	want, _ := chaseJSONReference(r, items)
	if err := r.WriteChaseJSON(&b, items); err != nil || b.String() != string(want) || len(want) < 3*chaseChunk {
		t.Errorf("WriteChaseJSON of %d items: %d bytes (%v), want %d", len(items), b.Len(), err, len(want))
	}
	f := &failAfter{n: 1}
	if err := r.WriteChaseJSON(f, items); err == nil || len(f.writes) != 1 {
		t.Errorf("WriteChaseJSON to a writer failing at its second write: %v after writes of %v bytes", err, f.writes)
	}
}

// A reapply window that opened on the day another item fell overdue is
// "open" in the due column, never "overdue" (it took the other's label).
func TestChaseOpenBesideOverdueSameDay(t *testing.T) {
	d := reportToday.AddDays(-5)
	es := []timeline.Entry{
		{App: timeline.Application{ID: 1, Company: "Acme"}, Summary: timeline.Summary{Next: &timeline.Action{Kind: timeline.ActFollowup, Due: d, Text: "Follow up"}}},
		{App: timeline.Application{ID: 2, Company: "Hooli"}, Summary: timeline.Summary{Next: &timeline.Action{Kind: timeline.ActReapply, Due: d, Text: "Reapply"}}},
	}
	want := "Overdue (1)\n  5d overdue · Thu 19 Nov  Acme  #1\n    Follow up\n\nOpen (1)\n  open · Thu 19 Nov        Hooli  #2\n    Reapply\n"
	if got := plainReport(0).Chase(timeline.Chase(es, reportToday, 3)); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
