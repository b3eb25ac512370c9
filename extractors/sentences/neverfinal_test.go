package sentences

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// TestIsNeverFinal holds isNeverFinal and trimOpening, keepBreakAfter's
// fast paths, to the look-up and the TrimLeft they stand for: every key
// in upper, title and lower case, with letters added, and random words
// of ASCII, Latin-1 and the runes whose lower case has another length.
func TestIsNeverFinal(t *testing.T) {
	var words []string
	for w := range neverFinal {
		words = append(words, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:], w+"x", "x"+w, w[:len(w)-1])
	}
	pieces := []string{"a", "B", "z", ".", "ú", "Ú", "K", "İ", "ẞ", "ß", "\"", "'", "(", "[", "-", "¿", "¡", "1", "é", "x"}
	r := rand.New(rand.NewPCG(5, 6))
	for range 200000 {
		var b strings.Builder
		for range r.IntN(20) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		words = append(words, b.String())
	}
	words = append(words, "", strings.Repeat("a", 17), "APPROX", "NÚM", "núm", "Núm", "approx")
	for _, w := range words {
		if got, want := isNeverFinal(w), neverFinal[strings.ToLower(w)]; got != want {
			t.Fatalf("isNeverFinal(%q) = %v, want %v", w, got, want)
		}
		if got, want := trimOpening(w), strings.TrimLeft(w, openingMarks); got != want {
			t.Fatalf("trimOpening(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestAppendTypeCommas holds appendType, which drops commas only when
// IndexByte finds one, to its definition (lower case, a final number
// replaced, commas dropped unless one byte is left) written with
// strings and the regular expression of the library, on random tokens of
// letters, digits, commas, periods and hyphens.
func TestAppendTypeCommas(t *testing.T) {
	number := regexp.MustCompile(`-?[\.,]?\d[\d,\.-]*\.?$`)
	ref := func(tok string) string {
		typ := number.ReplaceAllString(strings.ToLower(tok), "##number##")
		if len(typ) == 1 {
			return typ
		}
		return strings.ReplaceAll(typ, ",", "")
	}
	pieces := []string{"a", "B", ",", ".", "-", "1", "9", "ü", "É", "'"}
	r := rand.New(rand.NewPCG(7, 8))
	for range 100000 {
		tok := randomToken(r, pieces, 10)
		if got, want := string(appendType([]byte("x"), tok)[1:]), ref(tok); got != want {
			t.Fatalf("appendType(%q) = %q, want %q", tok, got, want)
		}
	}
}
