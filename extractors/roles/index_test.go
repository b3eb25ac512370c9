package roles

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
)

// TestIndexedLookupsMatchScans checks the indexed role-suffix, body-head
// and lexicon lookups against plain scans of the lexicon, on every token
// of the seed articles and on words of our own.
func TestIndexedLookupsMatchScans(t *testing.T) {
	paths, err := filepath.Glob("../../testdata/seeds/*.txt")
	require.NoError(t, err)
	text := "Die Verteidigungsministerin und der Regierungssprecher trafen den Behördenchef; " +
		"das Außenministeriums-Team, die Bundesbehörden und der Botschafter sprachen mit dem Ministerio de Defensa. " +
		"The Foreign Ministry spokesman met la agencia EFE and der Nachrichtenagentur Xinhua. Er, Ü, x."
	for _, p := range paths {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		text += "\n" + string(data)
	}
	toks := gazetteer.Tokens(text)
	x, err := New(nil)
	require.NoError(t, err)
	hits := map[string]int{}
	for _, lang := range Languages {
		lx := x.lex[lang]
		d := &doc{x: x, text: text, toks: toks}
		for i, tok := range toks {
			s, ok := lx.suffixRole(tok.Fold)
			ws, wok := scanSuffixRole(lx, tok.Fold)
			assert.Equal(t, wok, ok, "%s suffixRole %q", lang, tok.Fold)
			assert.Equal(t, ws, s, "%s suffixRole %q", lang, tok.Fold)
			if ok {
				hits["suffix "+lang]++
			}

			f, end, ok := d.bodyAt(lx, i)
			wf, wend, wok := scanBodyAt(lx, toks, i)
			assert.Equal(t, wok, ok, "%s bodyAt %q", lang, tok.Fold)
			assert.Equal(t, wend, end, "%s bodyAt %q", lang, tok.Fold)
			assert.Equal(t, wf, f, "%s bodyAt %q", lang, tok.Fold)
			if ok {
				hits["body "+lang]++
			}

			for _, m := range []map[string][]form{lx.roles, lx.bodies, lx.newsAgency} {
				f, end, ok := lx.match(m, toks, i)
				lx.heads.short = true // the filter off: every token hashed
				wf, wend, wok := lx.match(m, toks, i)
				lx.heads.short = false
				assert.Equal(t, wok, ok, "%s match %q", lang, tok.Fold)
				assert.Equal(t, wend, end, "%s match %q", lang, tok.Fold)
				assert.Equal(t, wf, f, "%s match %q", lang, tok.Fold)
				if ok {
					hits["match "+lang]++
				}
			}
		}
	}
	for _, k := range []string{"suffix de", "body de", "body es", "body en", "match de", "match es", "match en"} {
		assert.Positive(t, hits[k], k)
	}
}

// scanSuffixRole is suffixRole as a scan of every suffix.
func scanSuffixRole(lx *lexicon, fold string) (string, bool) {
	bs := uninflect(fold)
	for _, s := range lx.suffixes {
		if strings.HasSuffix(fold, s.folds[0]) {
			return s.sector, true
		}
		for _, v := range bs.all() {
			if strings.HasSuffix(v, s.folds[0]) {
				return s.sector, true
			}
		}
	}
	return "", false
}

// scanBodyAt is bodyAt as a scan of every body head.
func scanBodyAt(lx *lexicon, toks []gazetteer.Token, i int) (form, int, bool) {
	fold := toks[i].Fold
	if toks[i].Shape != gazetteer.ShapeCap {
		return form{}, 0, false
	}
	for _, f := range lx.bodyHeads {
		h := f.folds[0]
		for _, v := range [3]string{fold, strings.TrimSuffix(fold, "s"), strings.TrimSuffix(fold, "es")} {
			if v == h || (lx.inflect && strings.HasSuffix(v, h)) {
				return f, i + 1, true
			}
			if !lx.inflect {
				break
			}
		}
	}
	return form{}, 0, false
}

// TestSuffixIndexFirst holds suffixIndex.first to a scan of the list for
// the first word below the limit that ends the word asked, with short
// words bucketed by their last byte and the empty word among them, on the
// lexicons' lists and on one of our own.
func TestSuffixIndexFirst(t *testing.T) {
	x, err := New(nil)
	require.NoError(t, err)
	own := []form{{folds: []string{"amt"}}, {folds: []string{"samt"}}, {folds: []string{"t"}}, {folds: []string{""}},
		{folds: []string{"rat"}}, {folds: []string{"at"}}, {folds: []string{"behorde"}}, {folds: []string{"e"}}, {folds: []string{""}}}
	lists := [][]form{own, own[:3], own[4:]}
	for _, lx := range x.lex {
		lists = append(lists, lx.suffixes, lx.bodyHeads, lx.nonStateF, lx.missionF)
	}
	words := fastPathWords(t, x)
	found := 0
	for _, list := range lists {
		ix := newSuffixIndex(list)
		for _, w := range append(words, "", "t", "at", "samt", "xamt", "behorde", "e") {
			for _, limit := range []int{len(list), len(list) / 2, min(1, len(list)), 0} {
				want := -1
				for k := 0; k < limit; k++ {
					if strings.HasSuffix(w, list[k].folds[0]) {
						want = k
						break
					}
				}
				require.Equal(t, want, ix.first(list, w, limit), "%q below %d", w, limit)
				if want >= 0 {
					found++
				}
			}
		}
	}
	assert.Greater(t, found, 1000)
}
