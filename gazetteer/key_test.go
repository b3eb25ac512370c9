package gazetteer

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// referenceKey is the plain, allocating statement of [Key] that the
// optimised appendKey must equal.
func referenceKey(f string) string {
	if f == "" {
		return f
	}
	if r, _ := utf8.DecodeRuneInString(f); !unicode.IsLetter(r) {
		return f
	}
	f = strings.TrimSuffix(f, "'s")
	f = strings.TrimSuffix(f, "'")
	f = strings.NewReplacer("tsch", "ch", "sch", "sh", "w", "v").Replace(f)
	for _, suffix := range []string{"ey", "ei", "iy", "ij", "yj", "yi"} {
		if strings.HasSuffix(f, suffix) && len(f) > 3 {
			f = f[:len(f)-len(suffix)] + "i"
			break
		}
	}
	if strings.HasSuffix(f, "y") && len(f) > 3 {
		f = f[:len(f)-1] + "i"
	}
	runes := utf8.RuneCountInString(f)
	for stripped := true; stripped; {
		stripped = false
		for _, suffix := range []string{"es", "en", "er", "em", "e", "s", "n"} {
			if runes-len(suffix) >= 4 && strings.HasSuffix(f, suffix) {
				f, runes, stripped = f[:len(f)-len(suffix)], runes-len(suffix), true
				break
			}
		}
	}
	return f
}

func TestKeyMatchesReference(t *testing.T) {
	text := "Der Sprecher des Kremls, Dmitri Peskow, sagte am Mittwoch, Präsident Wladimir Putins " +
		"Treffen mit dem Sicherheitsrates-Sekretär Nikolai Patruschew werde in Moskau stattfinden. " +
		"El ministro de Exteriores ruso, Serguéi Lavrov, y el canciller cubano Bruno Rodríguez " +
		"firmaron ayer un acuerdo. Russia's Foreign Ministry said on Tuesday that Sergey Ryabkov's " +
		"visit to Havana was not a secret; the deputy minister met Yuriy Borisov's team. " +
		"Deutschen, zwischen, Tschechien, Schwesters, ey, wey, Dmitrij, Ilyj, Kyi, O'Brien's, Chavez'"
	toks := Tokens(text)
	require.NotEmpty(t, toks)
	for _, tok := range toks {
		assert.Equal(t, referenceKey(tok.Fold), tok.Key, "token %q", tok.Fold)
		assert.Equal(t, referenceKey(tok.Fold), Key(tok.Fold), "Key(%q)", tok.Fold)
		assert.Equal(t, Fold(text[tok.Start:tok.End]), tok.Fold, "fold of %q", text[tok.Start:tok.End])
	}
}

func FuzzKeyMatchesReference(f *testing.F) {
	for _, s := range []string{"patruschews", "dmitrij", "sergey", "putin's", "tschechien", "wy", "ñandú", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fold := Fold(s)
		require.Equal(t, referenceKey(fold), Key(fold))
	})
}
