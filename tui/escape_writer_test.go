package tui

import (
	"bytes"
	"math/rand"
	"testing"
)

// TestJSONEscaperEqualsEscapeJSONHoweverSplit checks that writing a document
// in pieces of any size gives the bytes EscapeJSON gives for the whole.
func TestJSONEscaperEqualsEscapeJSONHoweverSplit(t *testing.T) {
	doc := []byte(`{"company": "Zürich\u200b Quant — R&D", "note": "a` + "\u202e" + `b 日本 \U0001F600", "bad": "` + "\xff\xc3" + `"}`)
	want := EscapeJSON(append([]byte(nil), doc...))
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 500; i++ {
		var out bytes.Buffer
		e := NewJSONEscaper(&out)
		for rest := doc; len(rest) > 0; {
			n := 1 + r.Intn(min(len(rest), 7))
			if k, err := e.Write(rest[:n]); err != nil || k != n {
				t.Fatalf("Write = %d, %v", k, err)
			}
			rest = rest[n:]
		}
		if err := e.Flush(); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out.Bytes(), want) {
			t.Fatalf("split writes gave\n%q\nwant\n%q", out.Bytes(), want)
		}
	}
}
