package pipeline_test

import (
	"context"
	"testing"
	"unicode/utf8"

	"github.com/gazex/gazex/pipeline"
)

// FuzzProcess holds the whole pipeline to its promise on arbitrary bytes:
// it does not panic, and every span it reports is the original slice at
// its byte offsets, with char offsets that count the original's runes.
func FuzzProcess(f *testing.F) {
	for _, sd := range seeds(f) {
		f.Add(sd.text[:min(len(sd.text), 600)])
	}
	f.Add([]byte("Kreml-Sprecher Dimtri Peskow\u00ad sagte demMiguel Díaz-Canel „nichts“.\r\n\xff"))
	f.Add([]byte("e\u0301\u200bPutin\u00a0\u00a0Patrushevs\n\n\n  El canciller ruso"))
	p := testPipeline(f, 4)
	f.Fuzz(func(t *testing.T, text []byte) {
		res, err := p.Process(context.Background(), pipeline.Document{ID: "fuzz", Text: text})
		if err != nil || res.Err != nil {
			return // binary input is reported, not processed
		}
		check := func(s pipeline.Span) {
			if s.Byte[0] < 0 || s.Byte[0] > s.Byte[1] || s.Byte[1] > len(text) {
				t.Fatalf("span %v out of range %d", s.Byte, len(text))
			}
			if got := string(text[s.Byte[0]:s.Byte[1]]); got != s.Text {
				t.Fatalf("span text %q is not the original slice %q", s.Text, got)
			}
			if utf8.Valid(text) && (utf8.RuneCount(text[:s.Byte[0]]) != s.Char[0] || utf8.RuneCount(text[:s.Byte[1]]) != s.Char[1]) {
				t.Fatalf("char offsets %v wrong for %q", s.Char, s.Text)
			}
		}
		for _, s := range res.Document.Segments {
			check(s.Span)
		}
		for _, e := range res.Document.Entities {
			for _, m := range e.Mentions {
				check(m.Span)
			}
		}
	})
}
