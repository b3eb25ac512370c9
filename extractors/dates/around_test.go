package dates

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/require"
)

// lastWordsRef is lastWords as it was read with strings.ToLower, its
// words found by trimming spaces and letters off the prefix's end.
func lastWordsRef(prefix string) (last, before string) {
	var words [2]string
	rest := prefix
	for k := range words {
		trimmed := strings.TrimRight(rest, " \n\t")
		if k == 0 && len(trimmed) == len(rest) {
			return "", ""
		}
		word := trimmed[len(strings.TrimRightFunc(trimmed, unicode.IsLetter)):]
		if word == "" {
			break
		}
		words[k] = strings.ToLower(word)
		rest = trimmed[:len(trimmed)-len(word)]
	}
	return words[0], words[1]
}

// aroundRef is around as it looked each word up in each set.
func aroundRef(e *Expr, prefix, match, suffix string) bool {
	last, before := lastWordsRef(prefix)
	switch e.Method {
	case MethodRelativeDay:
		if e.shift == 1 && morningWords[last] {
			return false
		}
	case MethodRelativeContext:
		if e.Granularity == "" && notThenWords[last] {
			return false
		}
		switch match[strings.LastIndexAny(match, " \n\t")+1:] {
		case "después", "despues", "antes":
			if thingEsRe.MatchString(suffix) {
				return false
			}
		}
	}
	if last == "" {
		return true
	}
	e.Bound = boundWords[last] || boundWords[before+" "+last]
	switch {
	case aheadWords[last] || articleWords[last] && aheadWords[before]:
		e.lean = 1
	case behindWords[last]:
		e.lean = -1
	}
	return true
}

// TestAround holds around, which lower-cases the words before an
// expression into a buffer and looks the last one up once in
// aroundFlags, to aroundRef: prefixes of every word of its sets (and of
// their pairs) in every case, with other words, runes and marks, cut to
// lookBack bytes as find cuts them, for expressions of each method.
func TestAround(t *testing.T) {
	pieces := []string{" ", " ", "\n", "\t", ",", "(", "3", "x", "Zug", "ÜBER", "Después", "MÁS", "İ", "Ⱥ", "señor", "ẞ"}
	for _, set := range []map[string]bool{boundWords, aheadWords, articleWords, behindWords, morningWords, notThenWords} {
		for w := range set {
			pieces = append(pieces, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:])
		}
	}
	exprs := []Expr{{Method: MethodExplicit}, {Method: MethodRelativeDay, shift: 1}, {Method: MethodRelativeDay, shift: -1},
		{Method: MethodRelativeContext}, {Method: MethodRelativeContext, Granularity: Day}}
	matches := []string{"am Montag", "después", "poco antes", "damals"}
	suffixes := []string{"", " de la reunión", " que", " y"}
	r := rand.New(rand.NewPCG(9, 10))
	texts := randomTexts(r, pieces, 20000, 5)
	for w := range boundWords {
		texts = append(texts, w, " "+w+" ", strings.ToUpper(w)+" ", "x "+w)
	}
	bounds, leans := 0, 0
	for _, text := range texts {
		prefix := text[max(0, len(text)-lookBack):]
		for k, e := range exprs {
			match, suffix := matches[(k+len(text))%len(matches)], suffixes[len(text)%len(suffixes)]
			got, want := e, e
			ok, rok := around(&got, prefix, match, suffix), aroundRef(&want, prefix, match, suffix)
			require.Equal(t, rok, ok, "%q", prefix)
			require.Equal(t, want, got, "%q", prefix)
			if got.Bound {
				bounds++
			}
			if got.lean != 0 {
				leans++
			}
		}
	}
	require.Greater(t, bounds, 1000)
	require.Greater(t, leans, 1000)
}

// TestMayWeekday holds mayWeekday to the look-ups it spares: a word it
// rules out is no key of weekdays or weekdayParts in lower case. Every
// key in three cases, and every pair of ASCII letters before each key's
// rest, are tried; and mayWeekday must rule out most other words.
func TestMayWeekday(t *testing.T) {
	isKey := func(w string) bool {
		l := strings.ToLower(w)
		_, ok := weekdays[l]
		_, ok2 := weekdayParts[l]
		return ok || ok2
	}
	var words []string
	for w := range weekdays {
		words = append(words, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:])
	}
	for w := range weekdayParts {
		words = append(words, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:])
	}
	keys := len(words)
	for _, w := range words[:keys] {
		for a := 'A'; a <= 'z'; a++ {
			for b := 'A'; b <= 'z'; b++ {
				words = append(words, string([]rune{a, b})+w[2:])
			}
		}
	}
	out := 0
	for _, w := range words {
		if !mayWeekday(w) {
			require.False(t, isKey(w), w)
			out++
		}
	}
	require.Greater(t, out, len(words)*3/4, "most words are ruled out")
	for _, w := range words[:keys] {
		require.True(t, mayWeekday(w), w)
	}
}
