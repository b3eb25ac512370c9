package pipeline

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gazex/gazex/extractors/normalize"
)

// TestSpanCharsInAnyOrder checks the code point offsets of spans taken in
// any order against a count from the start, on a text long enough to have
// many blocks of normalize.Text's tables, with multi-byte runes, normalised quotes and invalid bytes; and the
// texts that mentionTexts gives mentions.
func TestSpanCharsInAnyOrder(t *testing.T) {
	var b strings.Builder
	for i := range 400 {
		b.WriteString("Der Außenminister „sagte“ – café ñandú 😀 word ")
		if i%37 == 0 {
			b.WriteString("\xff\xc3 ")
		}
	}
	orig := []byte(b.String())
	for _, invalid := range []bool{true, false} {
		text := orig
		if !invalid {
			text = []byte(strings.ToValidUTF8(string(orig), "?"))
		}
		w := &work{doc: Document{Text: text}, norm: normalize.Normalize(text), src: string(text)} // src as emit makes it
		n := len(w.norm.Norm)
		r := rand.New(rand.NewPCG(1, 2))
		last := 0
		var ms []Mention
		for range 3000 {
			ns := r.IntN(n)
			ne := min(n, ns+r.IntN(300))
			if r.IntN(4) == 0 { // runs forward, as most spans come
				ns = last
			}
			for ns > 0 && ns < n && !utf8.RuneStart(w.norm.Norm[ns]) { // spans lie on rune boundaries
				ns--
			}
			for ne < n && !utf8.RuneStart(w.norm.Norm[ne]) {
				ne++
			}
			ne = max(ne, ns)
			s := w.span(ns, ne)
			last = ne
			ms = append(ms, Mention{Span: w.offsets(ns, ne)})
			if got, want := s.Char, [2]int{utf8.RuneCount(text[:s.Byte[0]]), utf8.RuneCount(text[:s.Byte[1]])}; got != want {
				t.Fatalf("span(%d, %d) = %v: char %v, want %v", ns, ne, s.Byte, got, want)
			}
		}
		// mentionTexts gives each mention its own text.
		w.mentionTexts(ms)
		for _, m := range ms {
			if m.Text != string(text[m.Byte[0]:m.Byte[1]]) {
				t.Fatalf("mention %v: text %q", m.Byte, m.Text)
			}
		}
	}
}
