package events

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
)

// TestTokenWords holds the words read from the document's tokens to the
// words a sentence tokenises itself, sentence boundaries inside words
// included (those fall back to tokenising).
func TestTokenWords(t *testing.T) {
	all, err := gazetteer.Default()
	require.NoError(t, err)
	x, err := New(all)
	require.NoError(t, err)
	tests := []struct {
		name, text string
		cuts       []int // sentences as start, end pairs; none: one sentence per ". "
	}{
		{"german clauses", "Die russisch-belarussischen Gespräche, so Peskow, würden „bald“ fortgesetzt (in Minsk). Später äußerte sich Außenminister O'Brien dazu.", nil},
		{"spanish", "El canciller cubano firmó hoy: «Ambas partes acordaron ampliar la cooperación». ¿Qué dirá EE.UU.?", nil},
		{"cut inside a word", "Die Minister unterzeichneten das Abkommen.", []int{0, 7, 7, 41}},
		{"cut inside a rune", "Außenminister Müller reiste nach Kiew.", []int{0, 4, 4, 38}},
		{"apostrophe at the end", "Gespräche mit O'Brien", []int{0, 15, 15, 21}},
		{"overlapping", "Kuba und Venezuela unterzeichneten ein Abkommen.", []int{0, 18, 9, 48}},
		{"gap", "Kuba und Venezuela unterzeichneten ein Abkommen.", []int{0, 4, 9, 48}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks := gazetteer.Tokens(tc.text)
			from := 0
			for _, s := range sentencesOf(tc.text, tc.cuts) {
				got, next, ok := x.tokenWords(tc.text, toks, from, s, new([]word), nil)
				from = next
				if ok {
					assert.Equal(t, x.words(tc.text, s), got, "%q", tc.text[s.Start:s.End])
				}
			}
		})
	}
}

// sentencesOf cuts text at cuts (start, end pairs), or after each ". ".
func sentencesOf(text string, cuts []int) []Sentence {
	var out []Sentence
	if cuts == nil {
		at := 0
		for i := 0; i+1 < len(text); i++ {
			if text[i] == '.' && text[i+1] == ' ' {
				out = append(out, Sentence{Start: at, End: i + 1, Lang: "de"})
				at = i + 2
			}
		}
		return append(out, Sentence{Start: at, End: len(text), Lang: "de"})
	}
	for i := 0; i+1 < len(cuts); i += 2 {
		out = append(out, Sentence{Start: min(cuts[i], len(text)), End: min(cuts[i+1], len(text)), Lang: "de"})
	}
	return out
}

// FuzzTokenWords: wherever tokenWords answers, it answers as words does.
func FuzzTokenWords(f *testing.F) {
	f.Add("Die Parteien einigten sich. Mehr zum Thema - Kuba", 5, 17)
	f.Add("El canciller firmó hoy: «acuerdo». O'Brien’s", 20, 3)
	all, err := gazetteer.Default()
	if err != nil {
		f.Fatal(err)
	}
	x, err := New(all)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string, a, b int) {
		if a < 0 || b < 0 {
			return
		}
		a, b = a%(len(text)+1), b%(len(text)+1)
		toks := gazetteer.Tokens(text)
		from := 0
		var arena []word
		for _, s := range sentencesOf(text, []int{0, min(a, b), min(a, b), max(a, b), a / 2, len(text)}) {
			got, next, ok := x.tokenWords(text, toks, from, s, &arena, nil)
			from = next
			if ok {
				assert.Equal(t, x.words(text, s), got)
			}
		}
	})
}
