package gazetteer

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Außenministerium", "aussenministerium"},
		{"Díaz-Canel", "diaz-canel"},
		{"Nikolái Pátrushev", "nikolai patrushev"},
		{"ÁLVARO LÓPEZ", "alvaro lopez"},
		{"Wałęsa", "walesa"},
		{"Zürich", "zurich"},
		{"Путин", "путин"},
	} {
		assert.Equal(t, tc.want, Fold(tc.in), tc.in)
	}
}

func TestKeyUnifiesVariants(t *testing.T) {
	same := [][]string{
		{"Peskov", "Peskow", "Peskows", "Peskov's"},
		{"Lavrov", "Lawrow", "Lawrows"},
		{"Patrushev", "Patruschew", "Patrushevs", "Pátrushev"},
		{"Dmitry", "Dmitri", "Dmitrij"},
		{"russisch", "russische", "russischen", "russisches", "russischer"},
		{"Sicherheitsrat", "Sicherheitsrates", "Sicherheitsrats"},
		{"Außenministerium", "Außenministeriums"},
		{"China", "Chinas"},
	}
	for _, group := range same {
		want := Key(Fold(group[0]))
		for _, w := range group[1:] {
			assert.Equal(t, want, Key(Fold(w)), "%s ~ %s", group[0], w)
		}
	}
	// Short words keep their endings: "Xis" is not "Xi", "Chin" not "China".
	assert.NotEqual(t, Key("xi"), Key("xis"))
	assert.NotEqual(t, Key("china"), Key("chin"))
}

func TestTokens(t *testing.T) {
	toks := Tokens("Der russische\nAußenminister „Lawrow“ sagte: GUS-Staaten, O'Brien's EE.UU.")
	var got []string
	for _, tk := range toks {
		got = append(got, tk.Fold)
	}
	assert.Equal(t, []string{"der", "russische", "aussenminister", "„", "lawrow", "“", "sagte", ":",
		"gus", "-", "staaten", ",", "o'brien's", "ee", ".", "uu", "."}, got)
	require.True(t, toks[2].LineBreak)
	assert.False(t, toks[1].LineBreak)
	assert.Equal(t, ShapeCap, toks[0].Shape)
	assert.Equal(t, ShapeOther, toks[1].Shape)
	assert.Equal(t, ShapeUpper, toks[8].Shape)
	// Offsets are bytes of the input: "Außenminister" holds a two-byte ß.
	assert.Equal(t, "Außenminister", "Der russische\nAußenminister „Lawrow“ sagte: GUS-Staaten, O'Brien's EE.UU."[toks[2].Start:toks[2].End])
}

func testEntities() []*Entity {
	return []*Entity{
		{ID: "country/RUS", Type: TypeCountry, Name: "Russia", Country: "RUS",
			Names:      map[string][]string{"de": {"Russland"}, "en": {"Russia"}},
			Adjectives: map[string][]string{"de": {"russisch"}, "en": {"Russian"}}},
		{ID: "person/dmitry-peskov", Type: TypePerson, Name: "Dmitry Peskov", Country: "RUS",
			Names: map[string][]string{"de": {"Dmitri Peskow", "Peskow"}, "en": {"Dmitry Peskov", "Peskov"}}},
		{ID: "person/xi-jinping", Type: TypePerson, Name: "Xi Jinping", Country: "CHN",
			Names: map[string][]string{"en": {"Xi Jinping", "Xi"}}},
		{ID: "org/xinhua", Type: TypeOrganization, Name: "Xinhua", Country: "CHN", Names: map[string][]string{"en": {"Xinhua"}}},
		{ID: "org/efe", Type: TypeOrganization, Name: "EFE", Country: "ESP", Names: map[string][]string{"es": {"EFE"}}},
		{ID: "org/ru-mfa", Type: TypeOrganization, Name: "Ministry of Foreign Affairs of Russia", Country: "RUS",
			Short: map[string][]string{"de": {"Außenministerium"}}},
	}
}

func TestFindLeftmostLongest(t *testing.T) {
	ix := Compile(testEntities())
	text := "Xinhua: Xi Jinping traf Xi, laut EFE und efe."
	toks := Tokens(text)
	var got []string
	for _, m := range ix.Find(toks) {
		got = append(got, text[toks[m.Start].Start:toks[m.End-1].End])
	}
	// "Xi" does not hide "Xinhua"; the lowercase "efe" is not the acronym.
	assert.Equal(t, []string{"Xinhua", "Xi Jinping", "Xi", "EFE"}, got)
}

func TestFindNeverCrossesLines(t *testing.T) {
	ix := Compile(testEntities())
	toks := Tokens("Dmitri\nPeskow")
	for _, m := range ix.Find(toks) {
		assert.Equal(t, m.Start+1, m.End, "a match spans one line only")
	}
}

func TestLookup(t *testing.T) {
	ix := Compile(testEntities())
	hits := ix.Lookup("Peskows")
	require.Len(t, hits, 2, "Peskow (de) and Peskov (en)")
	for _, h := range hits {
		assert.Equal(t, "person/dmitry-peskov", h.Entity.ID)
		assert.Equal(t, KindShort, h.Kind, "a bare surname needs a fuller mention")
	}
}

func TestFindCase(t *testing.T) {
	ix := Compile([]*Entity{
		{ID: "org/de-bsw", Type: TypeOrganization, Name: "BSW", Country: "DEU", Names: map[string][]string{"de": {"BSW"}}},
		{ID: "org/es-podemos", Type: TypeOrganization, Name: "Podemos", Country: "ESP", Names: map[string][]string{"es": {"Podemos"}}},
		{ID: "org/de-linke", Type: TypeOrganization, Name: "Die Linke", Country: "DEU", Short: map[string][]string{"de": {"Linke"}}},
		{ID: "org/es-mfa", Type: TypeOrganization, Name: "Ministry of Foreign Affairs of Spain", Country: "ESP",
			Short: map[string][]string{"es": {"Cancillería"}}},
	})
	text := "BSW, nicht BSV; podemos ver que Podemos gana; links die Linken; la cancillería"
	toks := Tokens(text)
	var got []string
	for _, m := range ix.Find(toks) {
		got = append(got, text[toks[m.Start].Start:toks[m.End-1].End])
	}
	// An acronym matches only its own letters (the keys of "BSW" and "BSV"
	// meet); a one-word name and a German one-word form need a capital, a
	// Spanish short form does not.
	assert.Equal(t, []string{"BSW", "Podemos", "Linken", "cancillería"}, got)
}

// TestSameFold checks sameFold against comparing the foldings.
func TestSameFold(t *testing.T) {
	words := []string{"", "Putin", "putin", "PUTIN", "Außenministerium", "aussenministerium", "Díaz-Canel",
		"diaz-canel", "Diaz Canel", "Ærø", "aero", "Łódź", "lodz", "Οδυσσέας", "οδυσσεας", "Путин", "путин",
		"北京", "Ａｂｃ", "ａｂｃ", "e\u0301", "e", "\u00a0x", "x", "ǅ", "ǆ", "İstanbul", "istanbul", "ﬁ", "fi"}
	for _, a := range words {
		for _, b := range words {
			if got, want := sameFold(a, b), Fold(a) == Fold(b); got != want {
				t.Errorf("sameFold(%q, %q) = %v, Fold says %v (%q, %q)", a, b, got, want, Fold(a), Fold(b))
			}
		}
	}
}

func FuzzSameFold(f *testing.F) {
	f.Add("Außen", "aussen")
	f.Add("Díaz", "diaz")
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, want := sameFold(a, b), Fold(a) == Fold(b); got != want {
			t.Errorf("sameFold(%q, %q) = %v, Fold says %v", a, b, got, want)
		}
		if !sameFold(a, Fold(a)) {
			t.Errorf("sameFold(%q, its folding %q) = false", a, Fold(a))
		}
	})
}
