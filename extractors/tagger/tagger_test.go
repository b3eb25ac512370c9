package tagger

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
)

func entities() []*gazetteer.Entity {
	return []*gazetteer.Entity{
		{ID: "country/RUS", Type: gazetteer.TypeCountry, Name: "Russia", Country: "RUS",
			Names:      map[string][]string{"de": {"Russland"}, "es": {"Rusia"}, "en": {"Russia"}},
			Adjectives: map[string][]string{"de": {"russisch"}, "es": {"ruso", "rusa"}, "en": {"Russian"}}},
		{ID: "country/UKR", Type: gazetteer.TypeCountry, Name: "Ukraine", Country: "UKR",
			Names: map[string][]string{"de": {"Ukraine"}, "es": {"Ucrania"}, "en": {"Ukraine"}}},
		{ID: "org/ua-mfa", Type: gazetteer.TypeOrganization, Name: "Ministry of Foreign Affairs of Ukraine", Country: "UKR",
			Short: map[string][]string{"de": {"Außenministerium"}}},
		{ID: "org/es-podemos", Type: gazetteer.TypeOrganization, Name: "Podemos", Country: "ESP",
			Names: map[string][]string{"es": {"Podemos"}}},
		{ID: "country/CHN", Type: gazetteer.TypeCountry, Name: "China", Country: "CHN",
			Names:      map[string][]string{"de": {"China"}, "es": {"China"}, "en": {"China"}},
			Adjectives: map[string][]string{"de": {"chinesisch"}, "es": {"chino", "china"}, "en": {"Chinese"}}},
		{ID: "person/dmitry-peskov", Type: gazetteer.TypePerson, Name: "Dmitry Peskov", Country: "RUS",
			Names: map[string][]string{"de": {"Dmitri Peskow", "Peskow"}, "en": {"Dmitry Peskov", "Peskov"}}},
		{ID: "person/vladimir-putin", Type: gazetteer.TypePerson, Name: "Vladimir Putin", Country: "RUS",
			Names:  map[string][]string{"de": {"Wladimir Putin", "Putin"}, "en": {"Vladimir Putin", "Putin"}},
			Unique: []string{"Putin"}},
		{ID: "person/wang-yi", Type: gazetteer.TypePerson, Name: "Wang Yi", Country: "CHN",
			Names: map[string][]string{"en": {"Wang Yi", "Wang"}}},
		{ID: "person/wang-weidong", Type: gazetteer.TypePerson, Name: "Wang Weidong", Country: "CHN",
			Names: map[string][]string{"en": {"Wang Weidong", "Wang"}}},
		{ID: "org/ru-mfa", Type: gazetteer.TypeOrganization, Name: "Ministry of Foreign Affairs of Russia", Country: "RUS",
			Names: map[string][]string{"en": {"Russian Foreign Ministry"}},
			Short: map[string][]string{"de": {"Außenministerium"}, "es": {"Ministerio de Asuntos Exteriores", "Cancillería"}}},
		{ID: "org/cn-mfa", Type: gazetteer.TypeOrganization, Name: "Ministry of Foreign Affairs of China", Country: "CHN",
			Short: map[string][]string{"de": {"Außenministerium"}, "es": {"Ministerio de Asuntos Exteriores", "Cancillería"}}},
		{ID: "org/cpc", Type: gazetteer.TypeOrganization, Name: "Communist Party of China", Country: "CHN",
			Short: map[string][]string{"de": {"Kommunistische Partei"}}},
		{ID: "org/far", Type: gazetteer.TypeOrganization, Name: "Revolutionary Armed Forces", Country: "CUB",
			Names: map[string][]string{"es": {"FAR", "Fuerzas Armadas Revolucionarias"}}},
	}
}

type got struct{ id, text, match string }

func tag(t *testing.T, text string) []got {
	t.Helper()
	var out []got
	for _, f := range New(gazetteer.Compile(entities())).Tag(text) {
		for _, m := range f.Mentions {
			require.True(t, m.Start < m.End && m.End <= len(text))
			out = append(out, got{f.Entity.ID, text[m.Start:m.End], m.Match})
		}
	}
	return out
}

func TestTag(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		want []got
	}{
		{"surname needs a fuller mention", "Peskow sagte nichts.", nil},
		{"surname after the full name, in any order", "Peskow widersprach. Das sagte Kreml-Sprecher Dmitri Peskow.", []got{
			{"person/dmitry-peskov", "Peskow", MatchCoref},
			{"person/dmitry-peskov", "Dmitri Peskow", MatchAlias},
		}},
		{"unique surname stands alone, inflected", "Putins Sprecher lobte Putin.", []got{
			{"person/vladimir-putin", "Putins", MatchInflected},
			{"person/vladimir-putin", "Putin", MatchAlias},
		}},
		{"misspelt first name", "sagte Kreml-Sprecher Dimtri Peskow.", []got{
			{"person/dmitry-peskov", "Dimtri Peskow", MatchFuzzy},
		}},
		{"misspelt first name before a unique surname", "sagte Wladimri Putin.", []got{
			{"person/vladimir-putin", "Wladimri Putin", MatchFuzzy},
		}},
		{"nationality adjective qualifies a short form", "Darüber berichtet das russische Außenministerium. Das Außenministerium fügte hinzu.", []got{
			{"org/ru-mfa", "russische Außenministerium", MatchAlias},
			{"org/ru-mfa", "Außenministerium", MatchCoref},
		}},
		{"genitive country qualifies", "ein Spitzenbeamter der Kommunistischen Partei Chinas", []got{
			{"org/cpc", "Kommunistischen Partei Chinas", MatchInflected},
		}},
		{"Spanish: de + country", "según el Ministerio de Asuntos Exteriores de Rusia", []got{
			{"org/ru-mfa", "Ministerio de Asuntos Exteriores de Rusia", MatchAlias},
		}},
		{"Spanish adjective after the noun is not enough alone", "la Cancillería china informó", []got{
			{"org/cn-mfa", "Cancillería china", MatchAlias},
		}},
		{"German genitive article + country qualifies", "Das Außenministerium der Ukraine protestierte.", []got{
			{"org/ua-mfa", "Außenministerium der Ukraine", MatchAlias},
		}},
		{"a one-word name is capitalised", "Dijo que podemos ganar. Podemos votó en contra.", []got{
			{"org/es-podemos", "Podemos", MatchExact},
		}},
		{"unqualified generic body is dropped", "Das Außenministerium schwieg.", nil},
		{"ambiguous surname with two candidates seen stays unresolved",
			"Wang Yi und Wang Weidong trafen sich; Wang sagte.", []got{
				{"person/wang-yi", "Wang Yi", MatchExact},
				{"person/wang-weidong", "Wang Weidong", MatchExact},
			}},
		{"acronyms are case-sensitive", "Minister der FAR; far away", []got{
			{"org/far", "FAR", MatchAlias},
		}},
		{"country names are capitalised", "Russland und China; la mujer china", []got{
			{"country/RUS", "Russland", MatchAlias},
			{"country/CHN", "China", MatchExact},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tag(t, tc.text))
		})
	}
}

func TestEditDistance(t *testing.T) {
	assert.Equal(t, 1, editDistance("dimtri", "dmitri"))
	assert.Equal(t, 1, editDistance("dmitri", "dmitrij"))
	assert.Equal(t, 2, editDistance("abc", "cab"))
	assert.Equal(t, 0, editDistance("über", "über"))
}

// TestOneEdit holds oneEdit, the fuzzy test's fast path, to editDistance:
// every pair of short words over a small alphabet (with a two-byte letter),
// and random longer ones.
func TestOneEdit(t *testing.T) {
	alphabet := []string{"a", "b", "ü", "c"}
	var words []string
	var grow func(w string, n int)
	grow = func(w string, n int) {
		words = append(words, w)
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			grow(w+c, n-1)
		}
	}
	grow("", 4)
	ones := 0
	for _, a := range words {
		for _, b := range words {
			want := editDistance(a, b) == 1
			require.Equal(t, want, oneEdit(a, b), "%q %q", a, b)
			if want {
				ones++
			}
		}
	}
	require.Positive(t, ones)
	rng := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		var s strings.Builder
		for range 30 + rng.IntN(8) {
			s.WriteString(alphabet[rng.IntN(2)])
		}
		return s.String()
	}
	for range 2000 {
		a := word()
		b := []rune(a)
		switch k := rng.IntN(len(b) - 1); rng.IntN(4) {
		case 0:
			b[k], b[k+1] = b[k+1], b[k]
		case 1:
			b = append(b[:k], b[k+1:]...)
		case 2:
			b[k] = 'ü'
		}
		require.Equal(t, editDistance(a, string(b)) == 1, oneEdit(a, string(b)), "%q %q", a, string(b))
	}
}

// TestFindings holds findings, a slice searched from the start and a map
// past maxLinear entities, with the mentions in one list that finish
// hands out, to a map of mentions by entity appended one by one.
func TestFindings(t *testing.T) {
	var ents []*gazetteer.Entity
	for i := range 3 * maxLinear {
		ents = append(ents, &gazetteer.Entity{ID: string(rune('a' + i))})
	}
	rng := rand.New(rand.NewPCG(3, 4))
	var f findings
	want := map[*gazetteer.Entity][]Mention{}
	for i := range 1000 {
		e := ents[rng.IntN(len(ents))]
		m := Mention{Start: i, End: i + 1}
		f.add(e, m)
		want[e] = append(want[e], m)
		if i%50 != 0 && i < 990 {
			continue
		}
		g := f // finish spends the counts
		g.n = slices.Clone(f.n)
		out := g.finish()
		for _, e := range ents {
			if i := f.index(e); i >= 0 {
				require.Same(t, e, out[i].Entity)
				require.Equal(t, want[e], out[i].Mentions)
				require.Equal(t, len(out[i].Mentions), cap(out[i].Mentions)) // an append cannot reach the next
			} else {
				require.Empty(t, want[e])
			}
		}
		require.Len(t, out, len(f.out))
	}
	require.Len(t, f.out, len(want))
	require.NotNil(t, f.at)
}

// TestEntityFilter holds entityFilter to what pass 2 needs of it: "maybe"
// for every entity added (else a coreference would be lost), and "no" for
// most others (else it saves nothing).
func TestEntityFilter(t *testing.T) {
	ents := make([]gazetteer.Entity, 2000)
	rng := rand.New(rand.NewPCG(5, 6))
	for round := range 50 {
		var f entityFilter
		added := map[*gazetteer.Entity]bool{}
		for range 1 + round%40 {
			e := &ents[rng.IntN(len(ents))]
			f.add(e)
			added[e] = true
		}
		no := 0
		for i := range ents {
			e := &ents[i]
			if added[e] {
				require.True(t, f.mayHave(e))
			} else if !f.mayHave(e) {
				no++
			}
		}
		// Nine in ten: pass 2 searches the findings for the others.
		require.Greater(t, no, (len(ents)-len(added))*9/10, "round %d: %d added", round, len(added))
	}
}

// TestOnlyFound holds onlyFound, pass 2's question of a shared short
// form, to the loop it replaced: the distinct entities of the entries
// that the findings hold, one of them the answer, none or several nil.
// Both sides of maxLinear (the slice and the map), repeated entities and
// entries of entities not found.
func TestOnlyFound(t *testing.T) {
	ents := make([]gazetteer.Entity, 300)
	rng := rand.New(rand.NewPCG(7, 8))
	ones := 0
	for round := range 400 {
		var f findings
		for range round % (2 * maxLinear) {
			f.add(&ents[rng.IntN(len(ents))], Mention{})
		}
		entries := make([]*gazetteer.Entry, rng.IntN(250))
		for i := range entries {
			// Few entities in some rounds: repeats of one found entity.
			entries[i] = &gazetteer.Entry{Entity: &ents[rng.IntN(1+round%40)]}
		}
		var seen []*gazetteer.Entity
		for _, en := range entries {
			if f.index(en.Entity) >= 0 && !slices.Contains(seen, en.Entity) {
				seen = append(seen, en.Entity)
			}
		}
		var want *gazetteer.Entity
		if len(seen) == 1 {
			want = seen[0]
		}
		require.Same(t, want, f.onlyFound(entries), "round %d", round)
		if want != nil {
			ones++
		}
	}
	require.Greater(t, ones, 40) // the answer that adds a mention is tried often
}
