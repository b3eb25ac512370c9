package normalize

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/unicode/norm"
)

// spanCheck asks: the normalised substring norm (its first occurrence) maps
// back to the original substring orig.
type spanCheck struct {
	norm, orig string
}

func TestNormalize(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    string
		invalid []int
		spans   []spanCheck
	}{
		// NFC
		{name: "nfc/decomposed e acute", in: "Cafe\u0301 au lait", want: "Café au lait",
			spans: []spanCheck{{"Café", "Cafe\u0301"}, {"é", "e\u0301"}, {"au", "au"}}},
		{name: "nfc/already composed", in: "Díaz-Canel", want: "Díaz-Canel",
			spans: []spanCheck{{"Díaz", "Díaz"}}},
		{name: "nfc/singleton angstrom", in: "5 \u212b", want: "5 \u00c5",
			spans: []spanCheck{{"\u00c5", "\u212b"}}},
		{name: "nfc/across removed soft hyphen", in: "Jose\u00ad\u0301 X", want: "José X",
			spans: []spanCheck{{"José", "Jose\u00ad\u0301"}}},
		{name: "nfc/mark reordering", in: "a\u0323\u0302b", want: "\u1ead" + "b"},

		// typographic unification
		{name: "quotes/german", in: "„Hallo“ sagte er", want: `"Hallo" sagte er`,
			spans: []spanCheck{{"Hallo", "Hallo"}, {`"Hallo"`, "„Hallo“"}}},
		{name: "quotes/guillemets and primes", in: "«Sí» ‹no› 5″ 3′", want: `"Sí" 'no' 5" 3'`},
		{name: "quotes/single and apostrophes", in: "‚ja‘ ’s `x´ Rock’n’Roll", want: "'ja' 's 'x' Rock'n'Roll",
			spans: []spanCheck{{"Rock'n'Roll", "Rock’n’Roll"}}},
		{name: "dashes/all kinds", in: "2020–2023 — gut − schlecht ‒ x ― y ‐ z", want: "2020-2023 - gut - schlecht - x - y - z",
			spans: []spanCheck{{"2020-2023", "2020–2023"}}},
		{name: "spaces/nbsp narrow thin ideographic", in: "10\u00a0km\u202fh\u2009x\u3000y\u2000z", want: "10 km h x y z",
			spans: []spanCheck{{"km", "km"}, {"10 km", "10\u00a0km"}}},
		{name: "ellipsis stays", in: "und…", want: "und…"},

		// removal
		{name: "soft hyphen inside word", in: "die Cyber\u00adsicherheit.", want: "die Cybersicherheit.",
			spans: []spanCheck{{"Cybersicherheit", "Cyber\u00adsicherheit"}, {"Cyber", "Cyber"}, {"sicherheit", "sicherheit"}}},
		{name: "zero width and bom", in: "\ufeffBOM a\u200bb c\u200cd e\u200df g\u2060h \u200eLRM",
			want: "BOM ab cd ef gh LRM", spans: []spanCheck{{"BOM", "BOM"}, {"ab", "a\u200bb"}, {"LRM", "LRM"}}},
		{name: "controls", in: "a\x00b\x07c\x7fd\u0085e\u009ff", want: "abcd\nef",
			spans: []spanCheck{{"abcd", "a\x00b\x07c\x7fd"}}},
		{name: "crlf", in: "Zeile 1\r\nZeile 2\r\n\r\nAbsatz\r\n", want: "Zeile 1\nZeile 2\n\nAbsatz",
			spans: []spanCheck{{"Zeile 2", "Zeile 2"}, {"\n\n", "\r\n\r\n"}, {"Absatz", "Absatz"}}},
		{name: "lone cr vt ff", in: "a\rb\vc\fd", want: "a\nb\nc\nd"},
		{name: "line and paragraph separators", in: "a\u2028b\u2029c", want: "a\nb\n\nc"},

		// whitespace folding
		{name: "ws/horizontal run", in: "a \t  b", want: "a b", spans: []spanCheck{{" ", " \t  "}}},
		{name: "ws/leading trailing and indentation", in: "  \n  Titel  \n    Text   hier  \n\n\n\n   Ende \t\n",
			want: "Titel\nText hier\n\nEnde", spans: []spanCheck{{"Titel", "Titel"}, {"Text hier", "Text   hier"}, {"Ende", "Ende"}}},
		{name: "ws/single newline kept", in: "a\nb", want: "a\nb"},
		{name: "ws/blank line with spaces", in: "a\n \t \nb", want: "a\n\nb"},
		{name: "ws/removed chars inside run", in: "a \u200b \u00ad\nb", want: "a\nb"},

		// non-ASCII offsets
		{name: "non-ascii/umlaut and flag", in: "Grüße  aus  Köln 🇨🇺 Kuba", want: "Grüße aus Köln 🇨🇺 Kuba",
			spans: []spanCheck{{"Köln", "Köln"}, {"🇨🇺", "🇨🇺"}, {"Kuba", "Kuba"}, {"aus Köln", "aus  Köln"}}},

		// glued words
		{name: "glue/lowercase then name", in: "nach demMiguel Díaz-Canel Besuch", want: "nach dem Miguel Díaz-Canel Besuch",
			spans: []spanCheck{{"dem", "dem"}, {"Miguel", "Miguel"}, {"dem Miguel", "demMiguel"}, {" Miguel", "Miguel"}}},
		{name: "glue/long compound", in: "GemeinschaftsstandardsDiskussion", want: "Gemeinschaftsstandards Diskussion",
			spans: []spanCheck{{"Diskussion", "Diskussion"}, {"Gemeinschaftsstandards", "Gemeinschaftsstandards"}}},
		{name: "glue/non-ascii", in: "überÄrger und großÖl", want: "über Ärger und groß Öl"},
		{name: "glue/after soft hyphen", in: "dem\u00adMiguel", want: "dem Miguel",
			spans: []spanCheck{{"Miguel", "Miguel"}, {"dem Miguel", "dem\u00adMiguel"}}},
		{name: "glue/trailing period", in: "demMiguel.", want: "dem Miguel."},
		{name: "glue/mixed case names intact", in: "CiberCuba BelTA McCain YouTube iPhone eBay macOS JunFoto ThyssenKrupp",
			want: "CiberCuba BelTA McCain YouTube iPhone eBay macOS JunFoto ThyssenKrupp"},
		{name: "glue/upper then upper", in: "dieEU", want: "dieEU"},
		{name: "glue/url", in: "https://example.com/fooBar x", want: "https://example.com/fooBar x"},
		{name: "glue/url ahead in token", in: "t.co/Mi3GKtyn71pic.twitter.com/exQI8Lh72G analCaribe",
			want: "t.co/Mi3GKtyn71pic.twitter.com/exQI8Lh72G anal Caribe"},
		{name: "glue/protected later in token", in: "fooBar.com fooBar/x", want: "fooBar.com fooBar/x"},
		{name: "glue/email handle hashtag", in: "maxMuster@example.org @CanalCaribeCuba #CubaLibre #kubaLibre",
			want: "maxMuster@example.org @CanalCaribeCuba #CubaLibre #kubaLibre"},

		// invalid UTF-8
		{name: "invalid/bytes", in: "a\xffb\xfe\xfdc", want: "a\ufffdb\ufffd\ufffdc", invalid: []int{1, 3},
			spans: []spanCheck{{"b", "b"}, {"\ufffd\ufffd", "\xfe\xfd"}}},
		{name: "invalid/truncated sequence", in: "Kö\xc3", want: "Kö\ufffd", invalid: []int{3}},
		{name: "empty", in: "", want: ""},
		{name: "only removable", in: " \u200b\r\n\t", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			orig := []byte(tt.in)
			got := Normalize(orig)
			assert.Equal(t, tt.want, got.Norm)
			assert.Equal(t, tt.invalid, got.Invalid)
			for _, sc := range tt.spans {
				ns := strings.Index(got.Norm, sc.norm)
				require.GreaterOrEqual(t, ns, 0, "%q not in %q", sc.norm, got.Norm)
				from, to := got.Span(ns, ns+len(sc.norm))
				assert.Equal(t, sc.orig, string(orig[from:to]), "span of %q", sc.norm)
			}
			checkProperties(t, orig, got)
		})
	}
}

func TestSpanInsertedSpace(t *testing.T) {
	orig := []byte("demMiguel")
	got := Normalize(orig)
	require.Equal(t, "dem Miguel", got.Norm)
	tests := []struct {
		name           string
		ns, ne, os, oe int
	}{
		{name: "inserted space alone is empty at its position", ns: 3, ne: 4, os: 3, oe: 3},
		{name: "word after inserted space starts on the letter", ns: 4, ne: 10, os: 3, oe: 9},
		{name: "word before inserted space", ns: 0, ne: 3, os: 0, oe: 3},
		{name: "whole", ns: 0, ne: 10, os: 0, oe: 9},
		{name: "empty", ns: 5, ne: 5, os: 4, oe: 4},
		{name: "clamped", ns: -3, ne: 99, os: 0, oe: 9},
		{name: "reversed is empty", ns: 6, ne: 2, os: 5, oe: 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from, to := got.Span(tt.ns, tt.ne)
			assert.Equal(t, [2]int{tt.os, tt.oe}, [2]int{from, to})
		})
	}
}

func TestChars(t *testing.T) {
	tests := []struct {
		name string
		in   string
	}{
		{name: "ascii", in: "Kuba und China"},
		{name: "umlaut two bytes", in: "Grüße aus Köln"},
		{name: "flag eight bytes", in: "🇨🇺 Kuba 🇨🇳 China"},
		{name: "invalid bytes count one each", in: "a\xff\xfeb\xc3"},
		{name: "crlf across checkpoints", in: strings.Repeat("ab\r\nü", 700)},
		{name: "long multi-byte", in: strings.Repeat("Verhältnis 🇨🇺 ", 500)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			orig := []byte(tt.in)
			got := Normalize(orig)
			for b := 0; b <= len(orig); b++ {
				if b < len(orig) && !utf8.RuneStart(orig[b]) && utf8.Valid(orig) {
					continue
				}
				require.Equal(t, utf8.RuneCount(orig[:b]), got.Chars(b), "byte %d", b)
			}
			assert.Equal(t, 0, got.Chars(-5))
			assert.Equal(t, utf8.RuneCount(orig), got.Chars(len(orig)+5))
			// CharsFrom, kept for its callers, is Chars whatever the hint.
			for b := 0; b <= len(orig); b += 3 {
				require.Equal(t, got.Chars(b), got.CharsFrom(b, b/2, got.Chars(b/2)), "byte %d", b)
			}
		})
	}
}

func TestIdempotentAndString(t *testing.T) {
	in := "  „Die  Cyber\u00adsicherheit“ – demMiguel\r\n\r\n\r\nCafe\u0301 "
	once := String(in)
	assert.Equal(t, "\"Die Cybersicherheit\" - dem Miguel\n\nCafé", once)
	assert.Equal(t, once, String(once))
}

// TestSeedWordsRoundTrip: every word of every seed maps back to an original
// slice that normalises to the word again.
func TestSeedWordsRoundTrip(t *testing.T) {
	for _, path := range seedFiles(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			orig, err := os.ReadFile(path)
			require.NoError(t, err)
			got := Normalize(orig)
			words := 0
			for ns, ne := range wordRanges(got.Norm) {
				from, to := got.Span(ns, ne)
				word := got.Norm[ns:ne]
				require.Equal(t, word, String(string(orig[from:to])), "word %q at %d", word, ns)
				words++
			}
			assert.Greater(t, words, 100)
			checkProperties(t, orig, got)
		})
	}
}

// wordRanges yields the byte ranges of the maximal letter/digit runs of s.
func wordRanges(s string) func(func(int, int) bool) {
	return func(yield func(int, int) bool) {
		start := -1
		for i, r := range s {
			inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
			switch {
			case inWord && start < 0:
				start = i
			case !inWord && start >= 0:
				if !yield(start, i) {
					return
				}
				start = -1
			}
		}
		if start >= 0 {
			yield(start, len(s))
		}
	}
}

func seedFiles(tb testing.TB) []string {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", "*.txt"))
	require.NoError(tb, err)
	require.NotEmpty(tb, paths)
	return paths
}

// checkProperties asserts what must hold for every input: valid UTF-8 out,
// idempotence, spans in range, on rune boundaries and monotone, Chars equal
// to counting runes.
func checkProperties(t *testing.T, orig []byte, got *Text) {
	t.Helper()
	require.True(t, utf8.ValidString(got.Norm), "Norm is not valid UTF-8: %q", got.Norm)
	require.True(t, norm.NFC.IsNormalString(got.Norm), "Norm is not NFC: %+q", got.Norm)
	again := Normalize([]byte(got.Norm))
	require.Equal(t, got.Norm, again.Norm, "not idempotent for %q", orig)
	require.Empty(t, again.Invalid)

	valid := utf8.Valid(orig)
	onBoundary := func(b int) bool {
		return b == len(orig) || utf8.RuneStart(orig[b])
	}
	var bounds []int
	for i := range got.Norm {
		bounds = append(bounds, i)
	}
	bounds = append(bounds, len(got.Norm))
	// Plain ifs in the loops: testify's boxing per call would slow fuzzing.
	prevS, prevE := 0, 0
	for k, ns := range bounds {
		ne := bounds[min(k+1, len(bounds)-1)]
		os, oe := got.Span(ns, ne)
		if !(0 <= os && os <= oe && oe <= len(orig)) {
			t.Fatalf("Span(%d,%d)=(%d,%d) out of range %d", ns, ne, os, oe, len(orig))
		}
		if os < prevS || oe < prevE {
			t.Fatalf("Span(%d,%d)=(%d,%d) not monotone after (%d,%d)", ns, ne, os, oe, prevS, prevE)
		}
		prevS, prevE = os, oe
		if valid && !(onBoundary(os) && onBoundary(oe)) {
			t.Fatalf("Span(%d,%d)=(%d,%d) not on rune boundaries", ns, ne, os, oe)
		}
		if wos, woe := got.Span(ns, len(got.Norm)); wos != os || woe < oe || woe > len(orig) {
			t.Fatalf("Span(%d,%d)=(%d,%d) inconsistent with Span(%d,%d)=(%d,%d)", ns, ne, os, oe, ns, len(got.Norm), wos, woe)
		}
	}
	slow := normalize(orig, true)
	require.Equal(t, slow.Norm, got.Norm, "fast path differs from the per-rune path")
	require.Equal(t, slow.edits, got.edits, "fast path map differs from the per-rune path")

	runes := 0
	for b := 0; b < len(orig); {
		if c := got.Chars(b); c != runes {
			t.Fatalf("Chars(%d) = %d, want %d", b, c, runes)
		}
		_, size := utf8.DecodeRune(orig[b:])
		b += size
		runes++
	}
	require.Equal(t, runes, got.Chars(len(orig)))
}
