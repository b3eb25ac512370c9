package gazetteer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// referenceTokens is the plain statement of [Tokens], decoding every
// rune, that the tokeniser's ASCII fast path must equal.
func referenceTokens(s string) []Token {
	var toks []Token
	lineBreak := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\n':
			lineBreak = true
			i += size
			continue
		case unicode.IsSpace(r):
			i += size
			continue
		}
		start := i
		if isWordRune(r) {
			i += size
			for i < len(s) {
				r, size = utf8.DecodeRuneInString(s[i:])
				if isWordRune(r) {
					i += size
					continue
				}
				if r == '\'' && i+1 < len(s) {
					next, nsize := utf8.DecodeRuneInString(s[i+1:])
					if unicode.IsLetter(next) {
						i += size + nsize
						continue
					}
				}
				break
			}
		} else {
			i += size
		}
		f := Fold(s[start:i])
		toks = append(toks, Token{Start: start, End: i, Fold: f, Key: referenceKey(f), Shape: shapeOf(s[start:i]), LineBreak: lineBreak})
		lineBreak = false
	}
	return toks
}

func TestTokensMatchReference(t *testing.T) {
	texts := []string{
		"", "O'Brien's Putin' d'Hondt l'État x'\n'y", "Außenministerium der Ukraine — „Wolodymyr Selenskyj“, Dmitrij Peskows.",
		"EE.UU. GUS-Mitgliedstaaten Díaz-Canel 2020\t€ 5,3 Mio.\r\nÆsir Øre ŁÓDŹ straße ı", "a\u0301b \u200bc « » ñ ÿ 9 _ ~ x\u0085y\u00a0z\u2003w\v\fv",
		"Donaudampfschifffahrtsgesellschaftskapitänswitwe DONAUDAMPFSCHIFFFAHRTSGESELLSCHAFTSKAPITAENSWITWE Rindfleischetikettierungsueberwachung",
	}
	for _, dir := range []string{"../testdata/seeds", "../testdata/eval/holdout/texts"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, f := range files {
			b, err := os.ReadFile(f)
			require.NoError(t, err)
			texts = append(texts, string(b))
		}
	}
	require.Greater(t, len(texts), 8)
	for _, s := range texts {
		got, want := Tokens(s), referenceTokens(s)
		require.Equal(t, len(want), len(got), s[:min(len(s), 80)])
		for i := range want {
			require.Equal(t, want[i], got[i], "%q", strings.TrimSpace(s[want[i].Start:want[i].End]))
			r, _ := utf8.DecodeRuneInString(got[i].Fold)
			require.Equal(t, isWordRune(r), got[i].IsWord(), "IsWord %q", got[i].Fold)
		}
	}
}

// FuzzTokensMatchReference holds the tokeniser's fast paths (the ASCII
// classes of plainKey among them) to the reference on any text.
func FuzzTokensMatchReference(f *testing.F) {
	for _, s := range []string{"Peskow Patruschew Tschechien SCHULZ Wey Sergey Dmitrij Kyi", "sich schon Schiff WASCH", "O'Brien's 2020er x-y", "Díaz López", "",
		"„Putin“ für ÄGYPTEN Straße ÆØ×÷ Åß d'Hondt «Díaz-Canel» 5°C µg ª\u00a0x\u2009y", "Ägypten\u2003Müller’s \xc3 a\xe2\x80 b\xc2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, got := referenceTokens(s), Tokens(s)
		require.Equal(t, len(want), len(got))
		for i := range want {
			require.Equal(t, want[i], got[i])
		}
	})
}

// TestRunesMatchReference holds the tokeniser's paths for non-ASCII runes
// (punctAt's tables, the Latin-1 letters of latin1Token, wordEnds) to the
// reference, for every rune up to U+2FFF alone, inside and after words of
// either kind, and before and after an apostrophe.
func TestRunesMatchReference(t *testing.T) {
	for r := rune(0x80); r < 0x3000; r++ {
		c := string(r)
		for _, s := range []string{c, "a" + c + "b", "Ab" + c, "É" + c + "x", "ÉE" + c, c + "É", "x'" + c, c + "'s", "1" + c + "2"} {
			got, want := Tokens(s), referenceTokens(s)
			require.Equal(t, len(want), len(got), "%q", s)
			for i := range want {
				require.Equal(t, want[i], got[i], "%q", s)
			}
		}
	}
}

// TestTokensReusedSlice checks that AppendTokens sets every field of the
// tokens it writes in place: a slice that held the tokens of another text
// (the pipeline pools them) gives the tokens a fresh one does.
func TestTokensReusedSlice(t *testing.T) {
	texts := []string{"ÄGYPTEN, „Díaz“ O'Brien's\n\tWORT x", "der Präsident Wladimir Putin sagte: «nein» – 2020.\nNeu"}
	for _, a := range texts {
		for _, b := range texts {
			old := AppendTokens(nil, a)
			for i := range old {
				old[i].Shape, old[i].LineBreak = ShapeUpper, true // stale fields a path might leave
			}
			require.Equal(t, Tokens(b), AppendTokens(old[:0], b), "%q after %q", b, a)
		}
	}
}

// TestTokensWordLengths holds the word loop of plainTokens to the
// reference at every length and parity (a loop of two bytes a turn was
// tried, and cost more than it saved): words of 1 to 19 bytes with
// capitals, 'w' and "sch" at either end, at the end of the text and
// before each kind of byte that ends or carries a word.
func TestTokensWordLengths(t *testing.T) {
	const letters = "SchwarzWeissKyivDmitrijB2"
	for n := 1; n < 20; n++ {
		for from := 0; from+n <= len(letters); from += 3 {
			w := letters[from : from+n]
			for _, after := range []string{"", " ", ".", "'s", "ü", "\u00a0", "-x", "\n", "9"} {
				for _, before := range []string{"", "a ", "\"", "ä"} {
					s := before + w + after
					require.Equal(t, referenceTokens(s), Tokens(s), "%q", s)
				}
			}
		}
	}
}
