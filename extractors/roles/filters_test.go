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

// TestPerMapFiltersMatchUnfiltered checks that matchIn with the filter of
// one map (roleHeads, newsHeads) finds what match finds with no filter,
// on every token of the seed articles.
func TestPerMapFiltersMatchUnfiltered(t *testing.T) {
	text := withSeeds(t, "Der Außenminister sagte der Nachrichtenagentur dpa, la agencia EFE y el ministro de Defensa; Reuters and the Secretary of State.")
	toks := gazetteer.Tokens(text)
	x, err := New(nil)
	require.NoError(t, err)
	off := prefixFilter{short: true}
	hits := 0
	for _, lang := range Languages {
		lx := x.lex[lang]
		for i := range toks {
			for _, c := range []struct {
				m     map[string][]form
				heads *prefixFilter
			}{{lx.roles, &lx.roleHeads}, {lx.newsAgency, &lx.newsHeads}} {
				f, end, ok := lx.matchIn(c.m, c.heads, toks, i)
				wf, wend, wok := lx.matchIn(c.m, &off, toks, i)
				assert.Equal(t, wok, ok, "%s %q", lang, toks[i].Fold)
				assert.Equal(t, wend, end, "%s %q", lang, toks[i].Fold)
				assert.Equal(t, wf, f, "%s %q", lang, toks[i].Fold)
				if ok {
					hits++
				}
			}
		}
	}
	assert.Positive(t, hits)
}

// TestMayStartRulesOutOnlyMisses checks that every token for which
// mayStart is false has no role, agency or mission at it (the lookups
// candidates then skips), on the seed articles and words of our own, and
// that the filter rules out most tokens.
func TestMayStartRulesOutOnlyMisses(t *testing.T) {
	text := withSeeds(t, "Die Verteidigungsministerin, der Regierungssprechers, des Außenministeriums, die US-Botschaft, der Botschafters, "+
		"dem Generalkonsulats, die Nachrichtenagentur dpa, la agencia EFE, el ministro de Defensa, la embajada, Reuters, the Secretary of State, Amt, Amts.")
	toks := gazetteer.Tokens(text)
	x, err := New(nil)
	require.NoError(t, err)
	off := prefixFilter{short: true}
	for _, lang := range Languages {
		lx := x.lex[lang]
		d := &doc{x: x, text: text, toks: toks, sent: make([]int32, len(toks)), tagged: make([]*gazetteer.Entity, len(toks))}
		skipped, hits := 0, 0
		for i, tok := range toks {
			if lx.mayStart(tok.Fold) {
				continue
			}
			skipped++
			_, _, roleOK := lx.matchIn(lx.roles, &off, toks, i)
			_, _, newsOK := lx.matchIn(lx.newsAgency, &off, toks, i)
			_, missionOK := lx.mission(tok.Fold)
			_, _, bodyOK := d.bodyAt(lx, i)
			_, suffixOK := lx.suffixRole(tok.Fold)
			if roleOK || newsOK || missionOK || bodyOK || (lang == "de" && suffixOK) {
				hits++
				t.Errorf("%s: %q ruled out, but role %v news %v mission %v body %v suffix %v", lang, tok.Fold, roleOK, newsOK, missionOK, bodyOK, suffixOK)
			}
		}
		assert.Greater(t, skipped, len(toks)/2, lang)
		assert.Zero(t, hits, lang)
	}
}

// TestSubstringsAndTitlesMatchScans checks nonStateIn against a
// strings.Contains per nonstate word, and isTitle against a lookup in
// every lexicon, on the seed articles' tokens and compounds of our own.
func TestSubstringsAndTitlesMatchScans(t *testing.T) {
	text := withSeeds(t, "Konzernchef Betriebsratsvorsitzende Fußballverbandspräsident Vereinsvorsitzender Dr. Prof. Sr. Mr. x a")
	toks := gazetteer.Tokens(text)
	x, err := New(nil)
	require.NoError(t, err)
	d := &doc{x: x, text: text, toks: toks}
	found, titles := 0, 0
	for _, lang := range Languages {
		lx := x.lex[lang]
		words := append([]string{}, lx.nonState...)
		for _, tok := range toks {
			want := false
			for _, w := range words {
				if strings.Contains(tok.Fold, w) {
					want = true
				}
			}
			assert.Equal(t, want, lx.nonStateIn.in(tok.Fold), "%s %q", lang, tok.Fold)
			if want {
				found++
			}
		}
	}
	for k, tok := range toks {
		want := false
		for _, lx := range x.lex {
			want = want || lx.words[kindTitle][tok.Fold]
		}
		assert.Equal(t, want, d.isTitle(k), tok.Fold)
		if want {
			titles++
		}
	}
	assert.Positive(t, found)
	assert.Positive(t, titles)
}

// withSeeds returns text followed by the seed articles, a line apart.
func withSeeds(t *testing.T, text string) string {
	t.Helper()
	paths, err := filepath.Glob("../../testdata/seeds/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	for _, p := range paths {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		text += "\n" + string(data)
	}
	return text
}

// referenceUninflect is the plain statement of uninflect.
func referenceUninflect(fold string) []string {
	var out []string
	for _, e := range germanEndings {
		if len(fold) > len(e)+2 && strings.HasSuffix(fold, e) {
			out = append(out, fold[:len(fold)-len(e)])
		}
	}
	return out
}

// TestUninflect checks uninflect's switch on the last byte against the
// loop over germanEndings, on every token of the seed articles, every
// prefix of it, and words of our own.
func TestUninflect(t *testing.T) {
	text := withSeeds(t, "en een eens ees es esen eren er erer em emem e ee ees nen sen ns ss mn rn aen aes aer aem")
	for _, tok := range gazetteer.Tokens(text) {
		for n := 0; n <= len(tok.Fold); n++ {
			w := tok.Fold[:n]
			b := uninflect(w)
			require.Equal(t, referenceUninflect(w), append([]string(nil), b.all()...), "%q", w)
		}
	}
}

// FuzzUninflect holds uninflect to referenceUninflect on any string.
func FuzzUninflect(f *testing.F) {
	for _, s := range []string{"ministern", "amtes", "russische", "leiter", "diesem", "xes"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b := uninflect(s)
		want := referenceUninflect(s)
		require.Equal(t, len(want), b.n, "%q", s)
		for i := range want {
			require.Equal(t, want[i], b.list[i], "%q", s)
		}
	})
}

// TestMayEndMatchesScan checks the short words' end-byte bits of
// tailFilter.mayEnd against the scan of every short word, on the seed
// articles' tokens and their cuts of one and two bytes.
func TestMayEndMatchesScan(t *testing.T) {
	x, err := New(nil)
	require.NoError(t, err)
	text := withSeeds(t, "Amt Amts EU EFE dpa AP ap a Kooperation Länder Nachrichten Botschafter Botschafters")
	for _, lang := range Languages {
		tf := &x.lex[lang].starts
		require.NotEmpty(t, tf.short, lang)
		for _, tok := range gazetteer.Tokens(text) {
			for cut := 0; cut <= 2 && cut <= len(tok.Fold); cut++ {
				v := tok.Fold[:len(tok.Fold)-cut]
				// Exact: some word added ends v.
				require.Equal(t, scanEnds(tf, v), tf.mayEnd(v), "%s %q", lang, v)
			}
		}
	}
}

// TestPruneKeepsMayEnd holds the pruned filters of the lexicons to the
// same filters with every word, on the seeds' words and the lexicons'
// (each with the German endings, and cut by one to three bytes).
func TestPruneKeepsMayEnd(t *testing.T) {
	x, err := New(nil)
	require.NoError(t, err)
	words := fastPathWords(t, x)
	for _, lang := range Languages {
		lx, err := loadLexicon(lang)
		require.NoError(t, err)
		full, pruned := &tailFilter{}, &lx.starts
		add := func(w string) { // as addStart, without the pruning
			full.add(w)
			if lx.inflect {
				for _, e := range germanEndings {
					full.add(w + e)
				}
			}
		}
		all := 0
		for k := range lx.roles {
			add(k)
			all++
		}
		for k := range lx.newsAgency {
			add(k)
		}
		for _, list := range [][]form{lx.missionF, lx.bodyHeads, lx.suffixes} {
			for _, f := range list {
				add(f.folds[0])
			}
		}
		hits := 0
		for _, w := range words {
			for cut := 0; cut <= 3 && cut <= len(w); cut++ {
				v := w[:len(w)-cut]
				want := scanEnds(full, v)
				require.Equal(t, want, pruned.mayEnd(v), "%s %q", lang, v)
				if want {
					hits++
				}
			}
		}
		assert.Greater(t, hits, 100, lang)
		assert.Greater(t, all, 10, lang)
	}
}

// scanEnds reports whether a word of tf ends v, by comparing every one.
func scanEnds(tf *tailFilter, v string) bool {
	for _, ws := range tf.long {
		for _, w := range ws {
			if strings.HasSuffix(v, w.word) {
				return true
			}
		}
	}
	for _, w := range tf.short {
		if strings.HasSuffix(v, w) {
			return true
		}
	}
	return false
}
