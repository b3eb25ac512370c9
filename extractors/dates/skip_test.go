package dates

import (
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSkip holds the shortcuts of Find to what they shortcut: skipping to
// where a rule's match may start finds what searching every byte finds,
// and cues reads the words as before its ASCII fast path.
func TestSkip(t *testing.T) {
	tests := []struct{ name, text string }{
		{"de", "Am vergangenen Montag, dem 24. Februar 2024, trafen sich die Minister; Ende März folgt ein Gipfel."},
		{"es", "El pasado martes 3 de abril de 2023 los cancilleres firmaron hoy; hace dos semanas se reunieron."},
		{"en", "Last week, on Friday, March 3, 2024, officials met; two weeks ago, in December 2019, they spoke."},
		{"glued", "x12. Mai 2022 ÄMontag Ü24. Februar vor3 Tagen KMärz ſeit Ende Februar"},
		{"invalid utf-8", "am \xffMontag \xc3 24.\xa4 März 2024"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, find(tc.text, false, false), find(tc.text, true, false))
			c, spans := cues(tc.text, nil)
			rc, rspans := cuesRef(tc.text)
			assert.Equal(t, rc, c)
			assert.Equal(t, rspans, spans)
		})
	}
	assert.LessOrEqual(t, maxCueLen, 24, "cues keeps words in 24 bytes")
}

func FuzzSkip(f *testing.F) {
	f.Add("Am vergangenen Montag, dem 24. Februar 2024, trafen sich die Minister.")
	f.Add("El pasado martes 3 de abril de 2023 firmaron; hace dos semanas.")
	f.Fuzz(func(t *testing.T, text string) {
		if !assert.Equal(t, find(text, false, false), find(text, true, false)) {
			return
		}
		c, spans := cues(text, nil)
		rc, rspans := cuesRef(text)
		assert.Equal(t, rc, c)
		assert.Equal(t, rspans, spans)
	})
}

// cuesRef is cues as it was before its ASCII fast path.
func cuesRef(text string) (cue, []cueSpan) {
	var c cue
	var spans []cueSpan
	var buf [24]byte
	n, long, ws := 0, false, 0
	digits, ds := 0, 0
	flush := func(at int) {
		if n > 0 && !long {
			if k := cueWords[string(buf[:n])]; k != 0 {
				c |= k
				spans = append(spans, cueSpan{ws, at, k})
			}
		}
		n, long = 0, false
		if digits > 0 {
			c |= cueDigit
			if digits == 4 {
				c |= cueYear
				spans = append(spans, cueSpan{ds, at, cueYear})
			}
		}
		digits = 0
	}
	for i, r := range text {
		switch {
		case r >= '0' && r <= '9':
			if n > 0 {
				flush(i)
			}
			if digits == 0 {
				ds = i
			}
			digits++
		case unicode.IsLetter(r):
			if digits > 0 {
				flush(i)
			}
			if n == 0 {
				ws = i
			}
			r = unicode.ToLower(r)
			if n+utf8.RuneLen(r) > len(buf) {
				long = true
				continue
			}
			n += utf8.EncodeRune(buf[n:], r)
		default:
			flush(i)
		}
	}
	flush(len(text))
	return c, spans
}

// TestLetterEnd holds letterEnd, eight bytes at a time, to a table test
// a byte, from every offset of real texts and of every byte value.
func TestLetterEnd(t *testing.T) {
	var all []byte
	for b := range 256 {
		all = append(all, "ab"...)
		all = append(all, byte(b))
	}
	texts := append(diffTexts(t), string(all), "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", "@[`{Zz", "x")
	for _, text := range texts {
		for i := 0; i <= len(text); i++ {
			want := i
			for want < len(text) && byteClass[text[want]] == classLetter {
				want++
			}
			require.Equal(t, want, letterEnd(text, i), "%q from %d", text, i)
		}
		c, spans := cues(text, nil)
		rc, rspans := cuesRef(text)
		require.Equal(t, rc, c, "%q", text)
		require.Equal(t, rspans, spans, "%q", text)
	}
}
