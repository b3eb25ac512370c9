package roles

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
)

// corefScan is coref as the loop over every token that it replaces.
func (d *doc) corefScan(e *Entity, forms [][]string) {
	if len(forms[0]) == 0 {
		return
	}
	single := len(forms) == 1 && len(forms[0]) == 1
	for k := 0; k < len(d.toks); k++ {
		t := &d.toks[k]
		if d.tagged[k] != nil || d.claimed[k] || t.Shape != gazetteer.ShapeCap {
			continue
		}
		for fi, f := range forms {
			end, ok := d.spells(k, f)
			if !ok || !d.corefAt(e, k, end, fi, single) {
				continue
			}
			k = end - 1
			break
		}
	}
}

// TestCorefMatchesScan holds coref (the capitalised tokens' list and
// their key prints) to the loop over every token: persons named by runs
// of one to three capitalised words of the seeds, each given its later
// mentions in turn by both, in each language.
func TestCorefMatchesScan(t *testing.T) {
	f := newFixture(t)
	text := withSeeds(t, "Dong Jun traf Xi. Später sagte Dong, Jun Dong und Díaz-Canel Bermúdez; Miguel Díaz-Canel Bermúdez, Díaz-Canel. Donald Trump, Trump. Karl Brenzinger Karl Brenzinger. Ortuzar Ortuzar Pablo Ortuzar Pablo Ortuzar.")
	found := f.tg.Tag(text)
	mentions := 0
	for _, lang := range Languages {
		// The names, in text order and reversed (longer names first:
		// earlier mentions claim tokens the later ones would take).
		for _, reverse := range []bool{false, true} {
			fast := f.x.newDoc(Input{Text: text, Lang: lang, Found: found})
			slow := f.x.newDoc(Input{Text: text, Lang: lang, Found: found})
			seen := map[string]bool{}
			var fe, se []*Entity
			if !reverse {
				// Names repeated back to back first, before a surname
				// alone claims their tokens.
				for _, name := range []string{"Karl Brenzinger", "Pablo Ortuzar", "Miguel Díaz-Canel Bermúdez", "Dong Jun"} {
					seen[name] = true
					fe = append(fe, &Entity{Type: gazetteer.TypePerson, Name: name})
					se = append(se, &Entity{Type: gazetteer.TypePerson, Name: name})
				}
			}
			for k := 0; k < len(fast.toks); k += 3 {
				for w := 1; w <= 3 && k+w <= len(fast.toks); w++ {
					name := text[fast.toks[k].Start:fast.toks[k+w-1].End]
					if fast.toks[k].Shape != gazetteer.ShapeCap || seen[name] {
						continue
					}
					seen[name] = true
					fe = append(fe, &Entity{Type: gazetteer.TypePerson, Name: name})
					se = append(se, &Entity{Type: gazetteer.TypePerson, Name: name})
				}
			}
			if reverse {
				slices.Reverse(fe)
				slices.Reverse(se)
			}
			require.Greater(t, len(fe), 500)
			for i := range fe {
				fast.coref(fe[i], fast.shortForms(fe[i]))
				slow.corefScan(se[i], slow.shortForms(se[i]))
				require.Equal(t, se[i], fe[i], "%s: %q", lang, se[i].Name)
				mentions += len(fe[i].Mentions)
			}
			require.Equal(t, slow.claimed, fast.claimed)
			fast.release()
			slow.release()
		}
	}
	assert.Greater(t, mentions, 300)
}

// TestKeyPrint checks that equal keys have equal prints (keyPrint reads
// nothing but the key) and that the prints tell most keys of the seeds
// apart.
func TestKeyPrint(t *testing.T) {
	keys := map[string]bool{"": true, "a": true, "ab": true}
	for _, tok := range gazetteer.Tokens(withSeeds(t, "")) {
		keys[tok.Key] = true
	}
	prints := map[uint32]bool{}
	for k := range keys {
		require.Equal(t, keyPrint(k), keyPrint(string([]byte(k))))
		prints[keyPrint(k)] = true
	}
	assert.Greater(t, len(prints), len(keys)/2)
}

// TestPrintFiltersMatchMaps holds adjective and countryAt's filters to
// the maps they guard: a key the filter rules out is in no map, for every
// key of the maps and every token of the seeds; and most tokens are
// ruled out.
func TestPrintFiltersMatchMaps(t *testing.T) {
	f := newFixture(t)
	text := withSeeds(t, "die russische Botschaft, Chinas Außenministerium, el canciller cubano; china, russland, kuba, chile")
	d := f.x.newDoc(Input{Text: text, Lang: "de", Found: f.tg.Tag(text)})
	defer d.release()
	var keys []string
	for k := range f.x.adjectives {
		keys = append(keys, k)
	}
	for k := range f.x.countryKeys {
		keys = append(keys, k)
	}
	for _, tok := range d.toks {
		keys = append(keys, tok.Key, tok.Fold)
	}
	passed := 0
	for _, k := range keys {
		if !f.x.adjectivePrints.may(k) {
			require.Empty(t, f.x.adjectives[k], "adjective %q", k)
		}
		if !f.x.countryPrints.may(k) {
			require.Empty(t, f.x.countryKeys[k], "country %q", k)
		}
		if f.x.adjectivePrints.may(k) {
			passed++
		}
	}
	countries := 0
	for k := range d.toks {
		require.Equal(t, f.x.adjectives[d.toks[k].Key], d.adjective(k))
		// countryAt's plain statement.
		want := f.x.adjectives[d.toks[k].Key]
		if e := d.tagged[k]; want == "" && e != nil && e.Country != "" && e.Country != "INT" && e.Type != gazetteer.TypePerson {
			want = e.Country
		}
		if want == "" && d.toks[k].Shape != gazetteer.ShapeOther {
			want = f.x.countryKeys[d.toks[k].Key]
		}
		require.Equal(t, want, d.countryAt(k), "%q", d.toks[k].Fold)
		if want != "" {
			countries++
		}
	}
	assert.Greater(t, countries, 100)
	assert.Less(t, passed, len(keys)/3)
	assert.Greater(t, len(f.x.adjectives), 100)
}

// TestAppendKey holds appendKey to its plain statement: the type, "|"
// and the words' keys joined by spaces, for every window of up to five
// tokens of the seeds (punctuation too), with a buffer reused.
func TestAppendKey(t *testing.T) {
	toks := gazetteer.Tokens(withSeeds(t, "Díaz-Canel, «Perdomos» (FAR) 2024"))
	var buf []byte
	for i := range toks {
		for n := 0; n <= 5 && i+n <= len(toks); n++ {
			var keys []string
			for _, tok := range toks[i : i+n] {
				if tok.IsWord() {
					keys = append(keys, tok.Key)
				}
			}
			buf = appendKey(buf[:0], gazetteer.TypePerson, toks[i:i+n])
			require.Equal(t, gazetteer.TypePerson+"|"+strings.Join(keys, " "), string(buf))
		}
	}
}

// TestWordPrints checks that a word of a kind always passes the kind's
// wordPrints (nonName and nonStateWord ask it before the map, as is does),
// and that the prints rule out most other words.
func TestWordPrints(t *testing.T) {
	x, err := New(nil)
	require.NoError(t, err)
	words := fastPathWords(t, x)
	out := 0
	for _, lx := range x.lex {
		for k := range numKinds {
			for _, w := range words {
				if lx.words[k][w] {
					require.True(t, lx.wordPrints[k].may(w), "%s kind %d %q", lx.lang, k, w)
				} else if !lx.wordPrints[k].may(w) {
					out++
				}
			}
			for w := range lx.words[k] {
				require.True(t, lx.wordPrints[k].may(w), "%s kind %d %q", lx.lang, k, w)
			}
		}
	}
	assert.Greater(t, out, len(words)*len(x.lex)*int(numKinds)/2)
	for _, w := range words {
		require.Equal(t, x.lex["de"].is(kindNonName, w) || x.lex["de"].words[kindArticle][w] || x.credits[w], x.nonName(x.lex["de"], w), "%q", w)
	}
}
