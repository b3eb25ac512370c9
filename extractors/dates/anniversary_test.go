package dates

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAnniversary(t *testing.T) {
	tests := []struct {
		name, text string
		want       Anchor // zero: none
	}{
		{"de pacific war end", "Der Präsident reiste zur Parade zum 75. Jahrestag des Endes des Zweiten Weltkriegs in Asien nach Peking.",
			Anchor{Year: 2020, Month: 9, Method: MethodAnniversary}},
		{"de victory day", "Die Gäste nahmen an den Feiern zum 79. Jahrestag des Sieges im Großen Vaterländischen Krieg teil.",
			Anchor{Year: 2024, Month: 5, Method: MethodAnniversary}},
		{"es nato", "Los ministros se reunieron en Washington en el 75 aniversario de la fundación de la OTAN.",
			Anchor{Year: 2024, Month: 4, Method: MethodAnniversary}},
		{"es ordinal sign", "El acto coincidió con el 65.º aniversario del triunfo de la Revolución cubana.",
			Anchor{Year: 2024, Month: 1, Method: MethodAnniversary}},
		{"en invasion", "On the second day of talks, marking the 3rd anniversary of Russia's full-scale invasion of Ukraine, the envoys met.",
			Anchor{Year: 2025, Month: 2, Method: MethodAnniversary}},
		{"en two that agree", "The 80th anniversary of the founding of the United Nations. Also the 80th anniversary of the creation of the UN.",
			Anchor{Year: 2025, Month: 10, Method: MethodAnniversary}},
		{"two that disagree", "Zum 35. Jahrestag des Mauerfalls und zum 35. Jahrestag der deutschen Wiedervereinigung sprach der Kanzler.",
			Anchor{}},
		{"unknown event", "Zum 65. Jahrestag der Aufnahme diplomatischer Beziehungen empfing der Minister seinen Amtskollegen.",
			Anchor{}},
		{"war end without region", "Zum 80. Jahrestag des Endes des Zweiten Weltkriegs legten die Botschafter Kränze nieder.",
			Anchor{}},
		{"no count", "Am Jahrestag des Mauerfalls sprach der Kanzler.", Anchor{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := Anniversary(tc.text)
			assert.Equal(t, !tc.want.IsZero(), ok)
			assert.Equal(t, tc.want, got)
			if ok {
				v, _ := got.Value()
				assert.Equal(t, MethodAnniversary, v.Method)
				assert.Equal(t, Month, v.Granularity)
			}
		})
	}
}

// The prefilter lets every text through that the expression matches, in
// any case, and stops texts without the words.
func TestMayCountAnniversary(t *testing.T) {
	for _, text := range []string{
		"zum 75. JAHRESTAG DES Kriegsendes", "el 75 Aniversario de la", "the 80TH ANNIVERSARY OF the",
		"zum 80. jahrestages der Gründung", "el 65.º aniversario del triunfo", "zum 80. Jahreſtag des Kriegsendes",
	} {
		assert.True(t, anniversaryRe.MatchString(text), text)
		assert.True(t, mayCountAnniversary(text), text)
	}
	for _, text := range []string{"", "Der Kanzler sprach.", "Jahr", "vor 80 Jahren des", "Jahres Tag", "an der Universität", "la universidad", "ANNIVE"} {
		assert.False(t, mayCountAnniversary(text), text)
	}
}

// TestMayCountAnniversaryFast holds mayCountAnniversary, which skips to
// the bytes that may start a word by IndexByte, to comparing the words at
// every offset.
func TestMayCountAnniversaryFast(t *testing.T) {
	at := func(s, lower string) bool {
		for i := 0; i+len(lower) <= len(s); i++ {
			j := 0
			for j < len(lower) && s[i+j]|0x20 == lower[j] {
				j++
			}
			if j == len(lower) {
				return true
			}
		}
		return false
	}
	slow := func(s string) bool {
		return at(strings.ReplaceAll(s, "ſ", "s"), "jahrestag") || at(s, "aniver") || at(s, "nniver")
	}
	texts := diffTexts(t)
	for _, w := range []string{"Jahrestag", "JAHRESTAG", "jahreſtag", "Jahres tag", "Jahre", "aniversario", "ANIVERSARIO", "anniversary", "Anniver", "niver", "aniv", "Vjahrestag", "jjahrestag", "jahrejahrestag", "jahresjahrestag", "v", "V", "vv", "AnIvEr", "\x0eniver", "anive\x12"} {
		for _, pre := range []string{"", "x", "V ", "J", "jahre "} {
			texts = append(texts, pre+w, pre+w+" V", w[:len(w)/2])
		}
	}
	for _, s := range texts {
		require.Equal(t, slow(s), mayCountAnniversary(s), "%q", s)
	}
}
