package roles

import (
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
)

// The tests of this file hold each fast path of the role patterns to the
// plain statement it replaces, on every word of the seed articles and of
// the lexicons (with inflectional endings added).

// fastPathWords returns the folded words of the seeds and the lexicons,
// each also with every German ending, and some edge cases.
func fastPathWords(t *testing.T, x *Extractor) []string {
	t.Helper()
	seen := map[string]bool{"": true, "a": true, "©": true, "s": true, "es": true}
	for _, tok := range gazetteer.Tokens(withSeeds(t, "Foto Fotos Quelle Dr. Wohlfahrtsamts Kommissionen")) {
		seen[tok.Fold] = true
	}
	for _, lx := range x.lex {
		for _, set := range lx.words {
			for w := range set {
				seen[w] = true
			}
		}
		for _, sfx := range lx.nounSuffix {
			seen[sfx], seen["x"+sfx], seen["abcde"+sfx], seen["abcde"+sfx+"s"] = true, true, true, true
		}
	}
	out := make([]string, 0, len(seen)*(len(germanEndings)+1))
	for w := range seen {
		out = append(out, w)
		for _, e := range germanEndings {
			out = append(out, w+e)
		}
	}
	return out
}

// slowNounLike is nounLike as a loop over every suffix.
func slowNounLike(lx *lexicon, fold string) bool {
	if utf8.RuneCountInString(fold) < 6 {
		return false
	}
	for _, s := range lx.nounSuffix {
		if strings.HasSuffix(fold, s) {
			return true
		}
	}
	if base, ok := strings.CutSuffix(fold, "s"); ok {
		for _, s := range lx.nounSuffix {
			if len(s) > 2 && strings.HasSuffix(base, s) {
				return true
			}
		}
	}
	return false
}

// slowIs is is without wordHeads.
func slowIs(lx *lexicon, kind wordKind, fold string) bool {
	if lx.words[kind][fold] {
		return true
	}
	if !lx.inflect {
		return false
	}
	for _, base := range referenceUninflect(fold) {
		if lx.words[kind][base] {
			return true
		}
	}
	return false
}

func TestWordFiltersMatchLookups(t *testing.T) {
	x, err := New(nil)
	require.NoError(t, err)
	words := fastPathWords(t, x)
	hits := map[string]int{}
	for _, lang := range Languages {
		lx := x.lex[lang]
		for _, sfx := range lx.nounSuffix {
			require.NotEmpty(t, sfx, "nounByLast has no place for an empty suffix")
		}
		for _, w := range words {
			if got := lx.nounLike(w); got != slowNounLike(lx, w) {
				t.Errorf("%s nounLike(%q) = %v", lang, w, got)
			} else if got {
				hits["nounLike"]++
			}
			for k := range numKinds {
				if got := lx.is(k, w); got != slowIs(lx, k, w) {
					t.Errorf("%s is(%d, %q) = %v", lang, k, w, got)
				} else if got {
					hits["is"]++
				}
			}
		}
	}
	for _, w := range words {
		if got := x.isCredit(w); got != x.credits[w] {
			t.Errorf("isCredit(%q) = %v", w, got)
		} else if got {
			hits["credit"]++
		}
		toks := []gazetteer.Token{{Fold: w}}
		if got := (&doc{x: x, toks: toks}).isTitle(0); got != x.titles[w] {
			t.Errorf("isTitle(%q) = %v", w, got)
		} else if got {
			hits["title"]++
		}
	}
	// The comparisons must have met the sets, not only misses.
	for _, k := range []string{"nounLike", "is", "credit", "title"} {
		assert.Greater(t, hits[k], 10, k)
	}
}

func TestPairFilter(t *testing.T) {
	var pf pairFilter
	for _, w := range []string{"a", "ab", "xyz"} {
		pf.add(w)
	}
	for _, w := range []string{"a", "ab", "abc", "xy", "xyz"} {
		assert.True(t, pf.may(w), w)
	}
	assert.False(t, pf.may(""))
	assert.False(t, pf.may("b"))
	pf.add("")
	assert.True(t, pf.may(""))
}

// TestMemosMatchDirect checks that nameTok's memo answers as isNameTok,
// asked twice of every token of the seeds in each language.
func TestMemosMatchDirect(t *testing.T) {
	f := newFixture(t)
	text := withSeeds(t, "Der russische Innenminister Wladimir Kolokolzew und Außenminister Sergej Lawrow.")
	yes := 0
	for _, lang := range Languages {
		d := f.x.newDoc(Input{Text: text, Lang: lang, Found: f.tg.Tag(text)})
		for pass := 0; pass < 2; pass++ {
			for k := range d.toks {
				for _, lx := range f.x.lex {
					want := d.isNameTok(lx, k)
					if got := d.nameTok(lx, k); got != want {
						t.Fatalf("%s pass %d: nameTok(%s, %q) = %v", lang, pass, lx.lang, d.toks[k].Fold, got)
					}
					if want {
						yes++
					}
				}
			}
		}
		d.release()
	}
	assert.Greater(t, yes, 100)
}

// TestScan checks scan's languages and sentence numbers against asking,
// for every token, the language of its offset and the spans before it, on
// texts with runs in order, empty runs, runs out of order and overlapping.
func TestScan(t *testing.T) {
	x, err := New(nil)
	require.NoError(t, err)
	text := "Der Minister sagte. The minister said so.\nEl ministro dijo. Und dann noch ein Satz; y otro. Fin."
	toks := gazetteer.Tokens(text)
	n := len(text)
	at := func(k int) int { return toks[k].Start } // runs and sentences end where a token starts
	segLists := [][]LangSpan{
		{{"en", at(4), at(10)}, {"es", at(10), at(14)}},
		{{"en", 0, 5}, {"es", at(3), at(3)}, {"es", at(3), at(8)}, {"en", at(17), n}},
		{{"es", at(10), at(14)}, {"en", at(4), at(10)}},                    // out of order
		{{"en", 10, 50}, {"es", 30, 70}},                                   // overlapping
		{{"fr", at(2), at(4)}, {"en", at(4), at(6)}, {"fr", at(6), at(7)}}, // a language without a lexicon
		{{"de", 0, n}},
	}
	sentLists := [][]Span{nil, {{0, at(4)}, {at(4), at(10)}, {at(10), at(14)}, {at(14), n}}, {{5, at(2)}, {at(2), at(2)}, {at(2), at(5)}, {70, n}}}
	for _, segs := range segLists {
		for _, sents := range sentLists {
			d := x.newDoc(Input{Text: text, Tokens: toks, Lang: "de", Segments: segs, Sentences: sents})
			sl := newSpanLangs(segs, "de")
			sent, si := 0, 0
			for i, tok := range toks {
				want := sl.at(tok.Start)
				assert.Equal(t, want, d.langAt(i), "%v token %d", segs, i)
				assert.Same(t, x.lex[want], d.lexAt(i), "%v token %d", segs, i)
				if i > 0 && tok.LineBreak {
					sent++
				}
				for si < len(sents) && sents[si].End <= tok.Start {
					si++
					sent++
				}
				assert.Equal(t, int32(sent), d.sent[i], "%v token %d", sents, i)
			}
			d.release()
		}
	}
}

// TestScanKeepsEveryStart holds scan's list of the tokens a pattern may
// begin at to the tests by which the loop over every token skipped the
// others, on the seeds in each language and with runs in others.
func TestScanKeepsEveryStart(t *testing.T) {
	x, err := New(nil)
	require.NoError(t, err)
	withAt := withSeeds(t, "@MFA_China @ der Minister, el ministro de Defensa, the Foreign Minister. Botschaft a@b x @@ y@")
	kept := 0
	for _, text := range []string{withAt, strings.ReplaceAll(withAt, "@", "")} {
		toks := gazetteer.Tokens(text)
		at := func(k int) int { return toks[k].Start }
		segLists := [][]LangSpan{nil, {{"en", at(3), at(400)}, {"es", at(400), at(900)}, {"fr", at(900), at(1000)}}, {{"de", at(5), at(7)}}}
		for _, lang := range append([]string{"fr"}, Languages...) {
			for _, segs := range segLists {
				d := x.newDoc(Input{Text: text, Tokens: toks, Lang: lang, Segments: segs})
				want := []int32{}
				for i := range toks {
					tok, lx := &toks[i], d.lexAt(i)
					if tok.Fold == "@" || lx != nil && !(lx.inflect && tok.Shape == gazetteer.ShapeOther) && tok.IsWord() && lx.mayStart(tok.Fold) {
						want = append(want, int32(i))
					}
				}
				require.Equal(t, want, append([]int32{}, d.starts...), "%s %v", lang, segs)
				kept += len(want)
				d.release()
			}
		}
	}
	assert.Greater(t, kept, 100)
}

// TestIsWord holds isWord to Token.IsWord for every first byte and every
// token of the seeds.
func TestIsWord(t *testing.T) {
	toks := gazetteer.Tokens(withSeeds(t, "Dong JunFoto © 2024 — «Zitat» Díaz-Canel ÄÖÜ ½ ٣"))
	for b := range 256 {
		toks = append(toks, gazetteer.Token{Fold: string([]byte{byte(b)})}, gazetteer.Token{Fold: string([]byte{byte(b), 'a'})})
	}
	toks = append(toks, gazetteer.Token{})
	words := 0
	for i := range toks {
		require.Equal(t, toks[i].IsWord(), isWord(&toks[i]), "%q", toks[i].Fold)
		if isWord(&toks[i]) {
			words++
		}
	}
	assert.Greater(t, words, 1000)
}

// TestGluedCredit holds gluedCredit's byte loop to the rune loop on every
// token of the seeds and on glued credits in ASCII and beyond.
func TestGluedCredit(t *testing.T) {
	x, err := New(nil)
	require.NoError(t, err)
	text := withSeeds(t, "Dong JunFoto Jun Foto ÄrzteFoto DongFotoÄ ÖlQuelle LiQuelle Li QuelleFoto aFoto AFoto JUNFoto fotoBild xQuelleFoto MüllerBild")
	d := x.newDoc(Input{Text: text, Lang: "de"})
	defer d.release()
	hits := 0
	for k, tok := range d.toks {
		want := d.gluedCreditRunes(tok.Start, text[tok.Start:tok.End])
		require.Equal(t, want, d.gluedCredit(k), "%q", text[tok.Start:tok.End])
		if want > 0 {
			hits++
		}
	}
	assert.GreaterOrEqual(t, hits, 6)
}

// TestTaggedByMentions holds newDoc's tokens of each mention (the
// tagger's range, or a search) to sort.Search.
func TestTaggedByMentions(t *testing.T) {
	f := newFixture(t)
	text := withSeeds(t, "Wladimir Putin und Xi Jinping in Moskau.")
	found := f.tg.Tag(text)
	d := f.x.newDoc(Input{Text: text, Lang: "de", Found: found})
	defer d.release()
	want := make([]*gazetteer.Entity, len(d.toks))
	n := 0
	for _, fd := range found {
		for _, m := range fd.Mentions {
			i := sort.Search(len(d.toks), func(k int) bool { return d.toks[k].End > m.Start })
			for ; i < len(d.toks) && d.toks[i].Start < m.End; i++ {
				want[i] = fd.Entity
				n++
			}
		}
	}
	assert.Equal(t, want, d.tagged)
	assert.Greater(t, n, 50)

	// The tagger's token ranges, as taggedToks takes them, are those the
	// search finds; ranges that do not fit the offsets (tokens of another
	// text, or none) are searched.
	for _, fd := range found {
		for _, m := range fd.Mentions {
			a, b := taggedToksSearch(d.toks, m.Start, m.End)
			require.Equal(t, [2]int{a, b}, [2]int{m.TokStart, m.TokEnd}, "tagger's range of %q", text[m.Start:m.End])
			for _, r := range [][2]int{{0, 0}, {m.TokStart + 1, m.TokEnd}, {m.TokStart, m.TokEnd - 1}, {m.TokStart - 1, m.TokEnd}, {m.TokStart, len(d.toks) + 1}} {
				m2 := m
				m2.TokStart, m2.TokEnd = r[0], r[1]
				if m2.TokStart < 0 {
					continue
				}
				a2, b2 := taggedToks(d.toks, &m2)
				require.Equal(t, [2]int{a, b}, [2]int{a2, b2})
			}
		}
	}
}
