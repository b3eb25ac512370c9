package langid

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/extractors/sentences"
)

// TestLookupsMatchToLower pins the allocation-free lookups to
// strings.ToLower, on the spellings news text brings: capitals, umlauts,
// accents, a dotted capital I and a broken byte.
func TestLookupsMatchToLower(t *testing.T) {
	lx := newLexicon(DefaultLanguages)
	tests := []struct{ name, word string }{
		{"ascii capital", "Sin"},
		{"ascii upper", "EMBARGO"},
		{"umlaut capital", "Über"},
		{"umlaut lower", "für"},
		{"accent capital", "Según"},
		{"accent upper", "ADEMÁS"},
		{"dotted capital I", "İstanbul"},
		{"long compound", "Bundesinnenministeriumssprecherinnen"},
		{"broken byte", "Gr\xffenze"},
		{"empty", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, ok := lx.words[strings.ToLower(tt.word)]
			if !ok {
				want = -1
			}
			assert.Equal(t, want, lx.lang(tt.word))
			for _, lw := range []string{strings.ToLower(tt.word), "sin", "über", "según", "", "i̇stanbul"} {
				assert.Equal(t, strings.ToLower(tt.word) == lw, equalLower(tt.word, lw), lw)
			}
		})
	}
}

// TestFastPathsMatchTheirDefinitions pins the hand-written scans to the
// library calls they replace.
func TestFastPathsMatchTheirDefinitions(t *testing.T) {
	for _, r := range foreignAccents {
		assert.Equal(t, byte(0xC3), string(r)[0], string(r))
		assert.Len(t, string(r), 2, string(r))
	}
	for _, w := range []string{"", "c", "C", "Scholz", "SCHOLZ", "Bücher", "Kuba", "Cuba", "Ministerio", "Comunicación", "Dick", "Blockc", "ch", "cK", "cH", "Cc", "Außenministerin", "Müller", "Díaz", "DÍAZ", "año", "\xc3", "\xc3\xb1", "\xe0\xc3\xb1", "ü\xc3"} {
		assert.Equal(t, foreignToGermanByBytes(w), foreignToGerman(w), w)
	}
	for r := rune(0); r < 0x3000; r++ {
		assert.Equal(t, strings.ContainsRune(edgePunct, r), isEdge(r), string(r))
	}
	tests := []struct{ name, raw string }{
		{"quoted", "„Sin"},
		{"comma", "embargo,"},
		{"both", "(¿Qué?)"},
		{"only punctuation", "«»"},
		{"plain", "Ministerin"},
		{"broken byte", "\xff,"},
		{"empty", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lead, word := trimEdge(tt.raw)
			assert.Equal(t, strings.Trim(tt.raw, edgePunct), word)
			assert.Equal(t, len(tt.raw)-len(strings.TrimLeft(tt.raw, edgePunct)), lead)
		})
	}
}

// foreignToGermanByBytes is foreignToGerman as a plain byte loop.
func foreignToGermanByBytes(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i] | 0x20 // ASCII lower case
		if c == 'c' && (i+1 == len(w) || w[i+1]|0x20 != 'h' && w[i+1]|0x20 != 'k') {
			return true
		}
	}
	return strings.ContainsAny(w, foreignAccents)
}

// TestLangOnSeedWords checks the filtered lookup against the plain one on
// every word of the seed articles.
func TestLangOnSeedWords(t *testing.T) {
	lx := newLexicon(DefaultLanguages)
	for name, text := range loadSeeds(t) {
		forEachWord(text, func(start, end int) {
			w := text[start:end]
			want, ok := lx.words[strings.ToLower(w)]
			if !ok {
				want = -1
			}
			assert.Equal(t, want, lx.lang(w), "%s: %q", name, w)
		})
	}
}

// BenchmarkSegments measures Document and Segments alone over the seeds,
// with the sentences split outside the timing (sentences.Split is the
// segmenter's cost, not this package's).
func BenchmarkSegments(b *testing.B) {
	d, err := New(nil)
	require.NoError(b, err)
	type doc struct {
		text  string
		lang  string
		sents []sentences.Span
	}
	var docs []doc
	size := 0
	for _, text := range loadSeeds(b) {
		lang, _ := d.Document(text)
		docs = append(docs, doc{text, lang, sentences.Split(text, lang)})
		size += len(text)
	}
	for _, dc := range docs {
		d.Segments(dc.text, dc.sents, dc.lang) // lingua's models loaded outside the timing
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, dc := range docs {
			d.Document(dc.text)
			d.Segments(dc.text, dc.sents, dc.lang)
		}
	}
}

// englishDatesByRegexp is englishDates as the regular expression finds
// the dates.
func englishDatesByRegexp(sent string) []Segment {
	var out []Segment
	for _, m := range englishDate.FindAllStringIndex(sent, -1) {
		out = append(out, Segment{Lang: "en", Confidence: 0.9, Start: m[0], End: m[1]})
	}
	return out
}

// TestEnglishDatesMatchRegexp holds the hand-written matcher to the
// regular expression on the corpus sentences and on the edges of the form.
func TestEnglishDatesMatchRegexp(t *testing.T) {
	sents := []string{
		"— Canal Caribe (@CanalCaribeCuba) April 3, 2023", "founded on May 1, 1889 in Paris",
		"Es fielen 3, 4 und 5 Tore.", "Im Jahr 2022, 2023 und 2024 stieg der Etat.", "Im Mai, 2023 stieg der Etat.",
		", 2023", "am 3, 202", "Am 3, 2150 passiert es.", "Putin, 2023 und Biden am 4, 2024.",
		"May 3, 2023", "May 03, 2023", "May 31, 2023", "May 41, 2023", "May 131, 2023", "May. 3, 2023", "May.. 3, 2023",
		"Sept. 16, 1999 und Sep 3, 1800 und Sept 4, 2099", "XMay 3, 2023", "_May 3, 2023", "3May 3, 2023", "éMay 3, 2023",
		"May 3, 20234", "May 3, 2023x", "May 3, 2023_", "May 3, 2023é", "May 3, 2023, June 4, 2024", "May  3, 2023",
		"may 3, 2023", "MAY 3, 2023", "Jun 3, 2023 June 3, 2023 Junee 3, 2023", "December 24, 1999.", "Dec 1, 2000:",
		"March 3, 2023 and Mar 3, 2023", "May 3,  2023", "May 3 , 2023", " 3, 2023", "3, 2023",
	}
	d := detector(t)
	for _, s := range corpusSentences(t, d) {
		sents = append(sents, s[0])
	}
	for _, sent := range sents {
		require.Equal(t, englishDatesByRegexp(sent), englishDates(sent), sent)
	}
}

func FuzzEnglishDates(f *testing.F) {
	f.Add("April 3, 2023")
	f.Add("Sept. 16, 1999 und 3, 20")
	f.Add("xMay 31, 2023_")
	f.Fuzz(func(t *testing.T, sent string) {
		require.Equal(t, englishDatesByRegexp(sent), englishDates(sent))
	})
}

// Words counted once give, for any span, what counting the span afresh
// gives, also for spans that cut a word or a multi-byte letter.
func TestWordsCountMatchesLexicon(t *testing.T) {
	d, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	text := "Der Minister sagte, dass die Regierung über el acuerdo con the government sprechen werde. Él dijo: «Sí, y también»."
	w := d.Words(text)
	n := len(d.langs)
	// A cursor carried from span to span, whose guess is right when a
	// span starts where the last one ended and wrong in every other way.
	cur := wordCursor{w: w}
	check := func(start, end int) {
		got, want, gotCur := make([]int, n), make([]int, n), make([]int, n)
		gw := w.count(start, end, got)
		gc := cur.count(start, end, gotCur)
		ww := d.lex.count(text[start:end], want)
		if gw != ww || !slices.Equal(got, want) || gc != ww || !slices.Equal(gotCur, want) {
			t.Fatalf("[%d:%d] %q: words %d counts %v, cursor %d %v, want %d %v", start, end, text[start:end], gw, got, gc, gotCur, ww, want)
		}
	}
	for start := 0; start <= len(text); start++ {
		for end := start; end <= len(text); end++ {
			check(start, end)
		}
	}
	r := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		start := r.IntN(len(text) + 1)
		check(start, start+r.IntN(len(text)+1-start))
		if r.IntN(2) == 0 { // the next span where this one ended
			start = int(cur.w.words[min(cur.next, len(cur.w.words)-1)].start)
			check(start, start+r.IntN(len(text)+1-start))
		}
	}
}
