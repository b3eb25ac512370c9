package events

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
)

// findEvery is what find stands for: at every word, every entry of the
// index in lexicon order, with its first pattern that matches there, as
// matchWords reads the pattern's words.
func findEvery(ix *index, text string, ws []word) []hit {
	var out []hit
	for i := range ws {
		for _, e := range ix.entries {
			for pi := range e.patterns {
				if n, ok := matchWords(e.patterns[pi], ws, i, text); ok {
					out = append(out, hit{e, i, n, e.gapped[pi], e.kind})
					break
				}
			}
		}
	}
	return out
}

// matchWords is matchAt on the pattern words as the lexicon spells them
// ("x$", "x^", "!x", "..."), with wordMatch, and a word's umlaut read
// from its spelling as words once stored it for every word.
func matchWords(seq []string, words []word, i int, text string) (int, bool) {
	k := i
	for j, p := range seq {
		if p == "..." {
			for g := 0; g <= maxGap && k+g < len(words); g++ {
				if b := words[k+g].phrase; b != words[i].phrase {
					if b < words[i].phrase {
						break
					}
					continue
				}
				if n, ok := matchWords(seq[j+1:], words, k+g, text); ok {
					return k + g + n - i, true
				}
			}
			return 0, false
		}
		if not, ok := strings.CutPrefix(p, "!"); ok {
			if k < len(words) && words[k].clause == words[i].clause && wordMatch(not, words[k].fold) {
				return 0, false
			}
			continue
		}
		if k >= len(words) {
			return 0, false
		}
		p, final := strings.CutSuffix(p, "$")
		p, umlaut := strings.CutSuffix(p, umlautMark)
		if final && k+1 < len(words) && words[k+1].clause == words[k].clause && !conjunction[words[k+1].fold] {
			return 0, false
		}
		if umlaut && !strings.ContainsAny(text[words[k].start:words[k].end], umlauts) {
			return 0, false
		}
		if !wordMatch(p, words[k].fold) {
			return 0, false
		}
		k++
	}
	return k - i, true
}

// TestFindIndexed holds find, which asks the index (its filters, its
// lists worked out at New for the words it knows), to trying every
// pattern at every word, on the seeds and on words made to reach every
// list of the index: each exact key, and words that start or end as a
// prefix or suffix pattern does, alone and in sentences.
func TestFindIndexed(t *testing.T) {
	x, err := New(nil)
	require.NoError(t, err)
	texts := fastTexts(t)
	var made []string
	for _, l := range x.lex {
		for _, e := range l.all.entries {
			for _, seq := range e.patterns {
				for _, p := range seq {
					core := strings.Trim(strings.TrimSuffix(strings.TrimSuffix(p, "$"), umlautMark), "*!")
					if core == "" || core == "..." {
						continue
					}
					made = append(made, core, core+"en", "ab"+core, "x"+core+"x", core[:len(core)/2+1], core[len(core)/2:])
				}
			}
		}
	}
	// Each pattern's words in a row, as a text of its own: the second
	// word of a pattern follows its first (ref.second), or does not.
	var seqs []string
	for _, l := range x.lex {
		for _, e := range l.all.entries {
			for _, seq := range e.patterns {
				var ws []string
				for _, p := range seq {
					if core := strings.Trim(strings.TrimSuffix(strings.TrimSuffix(p, "$"), umlautMark), "*!"); core != "" && core != "..." {
						ws = append(ws, core)
					}
				}
				seqs = append(seqs, strings.Join(ws, " "))
			}
		}
	}
	for i := 0; i < len(seqs); i += 30 {
		texts = append(texts, strings.Join(seqs[i:min(len(seqs), i+30)], " "), strings.Join(seqs[i:min(len(seqs), i+30)], ". "))
	}
	// The rest cores ("*cyber*") inside words, in upper case, in runes
	// that fold to their bytes, in words shorter and longer (restLen).
	texts = append(texts, "Der ANTICYBERKRIEG traf das Amt.", "Ein Anticýberangriff. Die Bundesinformationssicherheitsbehörde warnt.",
		"ABŸCYBER abȳcyber. Es gab keinen Angriff.", "Die BUNDESINFORMATIONSSICHERHEITSGESETZE und die Anticyberabwehr.",
		"El ciberataque y la AntiCyberSeguridad.", "Das Amt für Bundesinformationßicherheit; Informatioǹssicherheit. Anticy\u0301berwehr.")
	made = append(made, "könnte", "konnte", "wären", "waren", "Könnten", "firmará", "firmara", "firmarán", "dürfte", "durfte", "würde", "wurde")
	texts = append(texts, strings.Join(made, " "), strings.Join(made, ", "))
	for i := 0; i+40 < len(made); i += 7 {
		texts = append(texts, strings.Join(made[i:i+40], " "))
	}
	for _, text := range texts {
		toks := gazetteer.Tokens(text)
		var arena []word
		for _, l := range x.lex {
			for from := 0; from < len(text); from += 400 {
				s := Sentence{Start: from, End: min(len(text), from+600)}
				ws, _, ok := x.tokenWords(text, toks, 0, s, &arena, nil)
				if !ok {
					ws = x.words(text, s)
				}
				var hits []hit
				var masks []uint64
				var refs []ref
				v := find(l.all, text, ws, &hits, &masks, &refs)
				want := findEvery(l.all, text, ws)
				// The view lists the hits of every kind but those read by at alone.
				listed := slices.DeleteFunc(slices.Clone(want), func(h hit) bool { return atOnly&(1<<h.e.kind) != 0 })
				require.Equal(t, len(listed), len(v.hits), "%s %q", l.lang, text[s.Start:s.End])
				for k := range listed {
					require.Equal(t, listed[k], v.hits[k], "%s %q", l.lang, text[s.Start:s.End])
				}
				for k := range ws {
					var one uint64
					for _, h := range want {
						if h.i == k && h.n == 1 {
							one |= 1 << h.e.kind
						}
					}
					if len(want) > 0 {
						require.Equal(t, one, v.one[k])
					}
				}
			}
		}
	}
}

// TestAtOnly: the kinds find leaves out of a view's list of hits (atOnly)
// are read by view.at alone. Every other mention of one in the code is
// one of the few below, none of which reads a view's list: a rule that
// asks find for one, or looks for one among a view's hits, fails here.
func TestAtOnly(t *testing.T) {
	var names []string
	for k := range numKinds {
		if atOnly&(1<<k) != 0 {
			names = append(names, "kind"+strings.ToUpper(kindNames[k][:1])+strings.ReplaceAll(kindNames[k][1:], "_", ""))
		}
	}
	require.Len(t, names, 10)
	name := regexp.MustCompile(`^\tkind\w+: +"[a-z_]+",$`)
	use := regexp.MustCompile(`(^|[^.a-zA-Z])(` + strings.Join(names, "|") + `)\b`)
	allowed := []string{
		"at(kind",        // view.at: what atOnly is for
		"<<kind",         // the bit sets atOnly and notNoun (lex.one, as at reads it)
		"of(kindOffice)", // the lexicon's office entries (Office), not a view
	}
	paths, err := filepath.Glob("*.go")
	require.NoError(t, err)
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		inConst := false
		for n, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(line, "const (") && p == "lexicon.go" {
				inConst = true // the kinds' declarations
			}
			if inConst && line == ")" {
				inConst = false
			}
			if inConst || !use.MatchString(line) {
				continue
			}
			rest := use.ReplaceAllStringFunc(line, func(m string) string { return "" })
			ok := name.MatchString(line) // kindNames

			for _, a := range allowed {
				ok = ok || strings.Contains(line, a)
			}
			assert.True(t, ok, "%s:%d: %s (%q)", p, n+1, line, rest)
		}
	}
}
