package langid

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/extractors/sentences"
	"github.com/gazex/gazex/internal/swar"
)

// forEachWordByRunes is forEachWord as it was written first, rune by rune.
func forEachWordByRunes(text string, fn func(start, end int)) {
	start := -1
	for i, r := range text {
		letter := unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
		if r == utf8.RuneError {
			letter = false
		}
		if letter {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			fn(start, i)
			start = -1
		}
	}
	if start >= 0 {
		fn(start, len(text))
	}
}

func wordSpans(text string, each func(string, func(int, int))) [][2]int {
	var out [][2]int
	each(text, func(s, e int) { out = append(out, [2]int{s, e}) })
	return out
}

var fastPathTexts = []string{
	"", "a", "Á", "  ", "Sin embargo, die Lage…", "año\u0301 x\xffy z\xc3", "ÜBER-Österreich 3a b2 İstanbul",
	"Además, la reunión. However, they left. Sin embargo dijo. Y luego: «No».",
}

// corpusSentences returns the sentences of the seeds, the hold-out texts
// and, when present, the dev texts, with their document language.
func corpusSentences(t *testing.T, d *Detector) (out [][2]string) {
	files, _ := filepath.Glob("../../testdata/seeds/*.txt")
	more, _ := filepath.Glob("../../testdata/eval/holdout/texts/*.txt")
	dev, _ := filepath.Glob("/work/shared/eval/dev/texts/*.txt")
	for _, f := range append(append(files, more...), dev...) {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		text := string(b)
		lang, _ := d.Document(text)
		for _, s := range sentences.Split(text, lang) {
			out = append(out, [2]string{text[s.Start:s.End], lang})
		}
	}
	return out
}

// TestWordTable checks the table with keys of every length, and with a
// key too long for a slot, against the map it is built from.
func TestWordTable(t *testing.T) {
	words := map[string]int{}
	for n := 1; n <= 20; n++ {
		words[strings.Repeat("ab", n)[:n]] = n % 3
	}
	lx := &lexicon{words: words}
	lx.index()
	for w, want := range words {
		require.Equal(t, want, lx.lang(w), w)
		require.Equal(t, want, lx.lang(strings.ToUpper(w)), w)
		require.Equal(t, -1, lx.lang(w+"x"), w)
	}
}

// wordsEdgeTexts are texts at the edges of the fused word scan: Latin-1
// letters and the two signs among them, a broken or cut two-byte rune,
// runes whose lower case changes length, a zero byte, and keys of 15 to 17
// bytes with a two-byte rune across the 16th byte.
var wordsEdgeTexts = []string{
	"ÜBER über Über ÜbEr SEGÚN según MÁS más ADEMÁS ÿ Ÿ ß ẞ",
	"a×b a÷b ×÷ \xc3 \xc3x d\xc3\x28 \xc3\xc3\xa9 x\xc3",
	"İstanbul \u212aelvin \u212b DIE\u0301 de\x00 de\x00x \x00de",
	"nichtsdestotrotz NICHTSDESTOTROTZ nichtsdestotrotzx aaaaaaaaaaaaaaaä aaaaaaaaaaaaaaaaä aaaaaaaaaaaaaaäa",
	"Außenministeriums AUSSENMINISTERIUM Bundesinnenministeriumssprecherinnen",
}

// TestWordsScanMatchesLang holds the fused scan of Words to nextWord and to
// the map of function words, asked with strings.ToLower.
func TestWordsScanMatchesLang(t *testing.T) {
	d := detector(t)
	texts := append(append([]string{}, fastPathTexts...), wordsEdgeTexts...)
	for _, s := range corpusSentences(t, d) {
		texts = append(texts, s[0])
	}
	texts = append(texts, strings.Join(texts, " "))
	for _, text := range texts {
		w := d.Words(text)
		starts, ends, langs := []int32{}, []int32{}, []int8{}
		forEachWord(text, func(s, e int) {
			starts, ends = append(starts, int32(s)), append(ends, int32(e))
			l, ok := d.lex.words[strings.ToLower(text[s:e])]
			if !ok {
				l = -1
			}
			langs = append(langs, int8(l))
		})
		gotStarts, gotEnds, gotLangs := []int32{}, []int32{}, []int8{}
		for _, x := range w.words {
			gotStarts, gotEnds, gotLangs = append(gotStarts, x.start), append(gotEnds, x.end), append(gotLangs, x.lang)
		}
		require.Equal(t, starts, gotStarts, "%q", text)
		require.Equal(t, ends, gotEnds, "%q", text)
		require.Equal(t, langs, gotLangs, "%q", text)
		w.Release() // the next text reuses its memory
	}
}

// TestWordsScanRandom holds the scan of Words to nextWord and to the map
// of function words on random texts of function words, letters, Latin-1
// and other letters, signs and broken runes, which put words of every
// length at every distance from the end of the text and gaps of every
// length before them.
func TestWordsScanRandom(t *testing.T) {
	d := detector(t)
	pieces := []string{" ", "  ", ", ", "…", "«", "\xc3", "\xc3\x97", "1", "-", "\n", "a", "E", "é", "É", "ß", "ñ", "ł", "\u0301",
		"die", "DER", "und", "the", "The", "según", "SEGÚN", "über", "Über", "sin", "embargo", "however", "aaaaaaa", "aaaaaaaa",
		"aaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbb", "nichtsdestotrotz", "", "\x00", "z"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		text := b.String()
		w := d.Words(text)
		var got, want []wordSpan
		got = append(got, w.words...)
		forEachWord(text, func(s, e int) {
			l, ok := d.lex.words[strings.ToLower(text[s:e])]
			if !ok {
				l = -1
			}
			want = append(want, wordSpan{int32(s), int32(e), int8(l)})
		})
		require.Equal(t, want, got, "%q", text)
		// Released, w serves the next text, whose words and totals must
		// be its own.
		totals := make([]int, len(d.langs))
		for _, x := range want {
			if x.lang >= 0 {
				totals[x.lang]++
			}
		}
		require.Equal(t, totals, w.totals, "%q", text)
		w.Release()
	}
}

// TestLowerLetters checks the eight-byte lowering against strings.ToLower
// on random words of ASCII letters and every Latin-1 letter.
func TestLowerLetters(t *testing.T) {
	var letters []string
	for c := 'A'; c <= 'z'; c++ {
		if c <= 'Z' || c >= 'a' {
			letters = append(letters, string(c))
		}
	}
	for c := 0x80; c <= 0xBF; c++ {
		if latin1Letter(byte(c)) {
			letters = append(letters, string([]byte{0xC3, byte(c)}))
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var w string
		for len(w) < 16 {
			w += letters[rng.IntN(len(letters))]
		}
		lw := strings.ToLower(w[:16])
		if len(lw) < 16 || !utf8.ValidString(w[:16]) {
			continue
		}
		for _, half := range []int{0, 8} {
			require.Equal(t, swar.Load64(lw, half), lowerLetters(swar.Load64(w, half)), "%q", w[:16])
		}
	}
}

// TestFastPathsMatchSlowOnes pins the word scanner, the one-byte word table
// and connector's first-word test to what they shortcut.
func TestFastPathsMatchSlowOnes(t *testing.T) {
	d := detector(t)
	sents := corpusSentences(t, d)
	texts := append([]string{}, fastPathTexts...)
	for _, s := range sents {
		texts = append(texts, s[0])
	}
	for _, text := range texts {
		require.Equal(t, wordSpans(text, forEachWordByRunes), wordSpans(text, forEachWord), text)
	}
	// The hash table of words against the map, on every key in five
	// spellings and every word of the texts.
	var words []string
	for w := range d.lex.words {
		words = append(words, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:], w+"x", "x"+w)
	}
	for _, text := range append(texts, wordsEdgeTexts...) {
		forEachWord(text, func(s, e int) { words = append(words, text[s:e]) })
		words = append(words, strings.Fields(text)...)
	}
	for c := 0; c < 256; c++ {
		words = append(words, string([]byte{0xC3, byte(c)}), string([]byte{'d', 'e', byte(c)}))
		words = append(words, string([]byte{byte(c)}))
	}
	for _, w := range words {
		want, ok := d.lex.words[strings.ToLower(w)]
		if !ok {
			want = -1
		}
		require.Equal(t, want, d.lex.lang(w), "%q", w)
		// foreignWords tests the spelling of an ASCII word before
		// lowering it: the same answer.
		if swar.ASCII(w) {
			require.Equal(t, foreignToGerman(strings.ToLower(w)), foreignToGerman(w), "%q", w)
		}
	}
	for _, s := range append(sents, [2]string{"Sin embargo, die wachsende Zahl", "de"}, [2]string{"However, la reunión terminó", "es"}) {
		for doc := range d.langs {
			// lingua sums its log probabilities in map order: the
			// last bits of a confidence vary from call to call.
			want, got := d.connectorRun(s[0], doc), d.connector(s[0], doc)
			require.Len(t, got, len(want), s[0])
			for i := range want {
				require.InDelta(t, want[i].Confidence, got[i].Confidence, 1e-9, s[0])
				want[i].Confidence = got[i].Confidence
			}
			require.Equal(t, want, got, s[0])
		}
	}
}

// BenchmarkDetect is the pipeline's detect stage (words, document language,
// sentences, segments) over the seeds and the hold-out texts.
func BenchmarkDetect(b *testing.B) {
	d, err := New(nil)
	require.NoError(b, err)
	files, _ := filepath.Glob("../../testdata/seeds/*.txt")
	more, _ := filepath.Glob("../../testdata/eval/holdout/texts/*.txt")
	var texts []string
	size := 0
	for _, f := range append(files, more...) {
		raw, err := os.ReadFile(f)
		require.NoError(b, err)
		texts = append(texts, string(raw))
		size += len(raw)
	}
	detect := func() {
		for _, text := range texts {
			w := d.Words(text)
			lang, _ := d.DocumentWords(w)
			d.SegmentsWords(w, sentences.Split(text, lang), lang)
		}
	}
	detect() // models
	b.SetBytes(int64(size))
	for b.Loop() {
		detect()
	}
}

// foreignWordsAll is foreignWords as a loop over every chunk of sent.
func (d *Detector) foreignWordsAll(sent, docLang string) []Segment {
	if docLang != "de" || !foreignToGerman(sent) {
		return nil
	}
	doc := slices.Index(d.langs, docLang)
	cs := chunks(sent, -1)
	var out []Segment
	for k := 1; k < len(cs); k++ {
		var next *chunk
		if k+1 < len(cs) {
			next = &cs[k+1]
		}
		if seg, ok := d.foreignWord(cs[k-1], cs[k], next, doc, docLang); ok {
			out = append(out, seg)
		}
	}
	return out
}

// foreignEdgeTexts have foreign spelling at the edges of chunks and
// sentences, in capitals, and after runes whose lower case is "k".
var foreignEdgeTexts = []string{
	"Er sagte c", "Er sagte C", "Er sagte Mac.", "Er sagte «Mac»", "c Ça va ÇA VA çà", "Der ÉXITO und die DÍAS",
	"Die Firma c\u212aa und cK und cH und Zürich", "Er sah \"Cuba\" und (Cádiz) und Bogotá.", "Er\tsah\ncomo\t\tcasa",
	"Ein Ministerio de Comunicaciones", "Die pequeña casa im Palacio del Elysée", "x \xc3", "x c\xc3\xa9", "  Er  cosa  ",
}

// TestForeignWordsMatchAllChunks holds foreignWords, which judges only the
// chunks that maybeForeignAt finds, to the loop over every chunk: every
// chunk whose lower case has the spelling holds such a byte, and both
// find the same words.
func TestForeignWordsMatchAllChunks(t *testing.T) {
	d := detector(t)
	texts := append([]string{}, foreignEdgeTexts...)
	for _, s := range corpusSentences(t, d) {
		texts = append(texts, s[0])
	}
	texts = append(texts, "あいうcあいうえおかCきくけ\xc3\xa9こ", "ccccccccCCCCCCCCC", "あああああああああああああああああああ",
		"schschschschschschckckckCKCHcHcKc", "Technik, Zucker und Chancen: ch ck CH c", "xxxxxxxch xxxxxxxc hxxxxxxxxc",
		"Über größere Bäume fährt ÄÖÜ ß Außenministeriums Straße", "xxxxxxx\xc3\xa9xxxxxxxx", "xxxxxx\xc3\xa4\xc3\xa9xxxxxxxx",
		"xxxxxxx\xc3\x89xxxxxxxx", "xxxxxxx\xc3\xa4xxxxxxxx\xc3", "xxxxxxxx\xc3\xb1", "\xc3\xc3\xc3\xc3\xc3\xc3\xc3\xc3\xc3\xc3\xa1")
	// maybeForeignAt against its definition: a "c" or "C" before no "h"
	// or "k", an accent of foreignAccents or its capital.
	for _, sent := range texts {
		for p := range len(sent) {
			want := strings.ContainsRune("cC", rune(sent[p])) && (p+1 == len(sent) || !strings.ContainsRune("hHkK", rune(sent[p+1])))
			if r, _ := utf8.DecodeRuneInString(sent[p:]); r != utf8.RuneError && sent[p] == 0xC3 {
				want = strings.ContainsRune(foreignAccents, unicode.ToLower(r))
			}
			require.Equal(t, want, maybeForeignAt(sent, p), "%q at %d", sent, p)
		}
	}
	for _, sent := range texts {
		for p := 0; p <= len(sent); p++ {
			want := p
			for want < len(sent) && !maybeForeignAt(sent, want) {
				want++
			}
			require.Equal(t, want, nextMaybeForeign(sent, p), "%q from %d", sent, p)
		}
		for _, c := range chunks(sent, -1) {
			if !foreignToGerman(lower(c.word)) {
				continue
			}
			found := false
			for p := c.start; p < c.end; p++ {
				found = found || maybeForeignAt(sent, p)
			}
			require.True(t, found, "%q in %q", c.word, sent)
		}
		want, got := d.foreignWordsAll(sent, "de"), d.foreignWords(sent, "de")
		require.Len(t, got, len(want), sent)
		for i := range want {
			require.InDelta(t, want[i].Confidence, got[i].Confidence, 1e-9, sent)
			want[i].Confidence = got[i].Confidence
		}
		require.Equal(t, want, got, sent)
	}
}

// BenchmarkWords scans the seed texts for their words and function words.
func BenchmarkWords(b *testing.B) {
	d, err := New(nil)
	require.NoError(b, err)
	files, _ := filepath.Glob("../../testdata/seeds/*.txt")
	var texts []string
	for _, f := range files {
		buf, err := os.ReadFile(f)
		require.NoError(b, err)
		texts = append(texts, string(buf))
	}
	b.ResetTimer()
	for range b.N {
		for _, text := range texts {
			d.Words(text)
		}
	}
}

// TestFirstChunkStartAndLang holds connector's test of the first chunk to
// the chunk appendChunks cuts and connectorStartAndLang of its word.
func TestFirstChunkStartAndLang(t *testing.T) {
	d := detector(t)
	texts := append([]string{}, fastPathTexts...)
	for _, s := range corpusSentences(t, d) {
		texts = append(texts, s[0])
	}
	for w := range d.lex.words {
		texts = append(texts, w, strings.ToUpper(w[:1])+w[1:])
	}
	for _, phrases := range d.lex.connectors {
		for _, ws := range phrases {
			texts = append(texts, strings.Join(ws, " "), strings.ToUpper(ws[0]), ws[0]+"x", ws[0][1:])
		}
	}
	var more []string
	for _, text := range texts {
		for _, sep := range []string{"", " ", "\t", "\n", ", ", "- ", "x", "é", "\x00", "Z"} {
			for _, tail := range []string{"", " die Zahl wächst", " la reunión terminó ayer"} {
				more = append(more, text+sep+tail, "«"+text+sep+tail, " "+text+sep+tail)
			}
		}
		more = append(more, text+" "+strings.Repeat("x", 20), strings.Repeat("a", 15)+text+" und so weiter")
	}
	for _, sent := range append(texts, more...) {
		wantStart, wantLang := false, -1
		if c := chunks(sent, 1); len(c) > 0 {
			wantStart, wantLang = d.lex.connectorStartAndLang(c[0].word)
		}
		gotStart, gotLang := d.lex.firstChunkStartAndLang(sent)
		require.Equal(t, wantStart, gotStart, "%q", sent)
		require.Equal(t, wantLang, gotLang, "%q", sent)
	}
}
