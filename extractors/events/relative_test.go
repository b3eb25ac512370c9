package events

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
)

// A name inside a relative clause is no subject of the verb the clause
// interrupts; the clause's own verb keeps it, and German articles after a
// comma open no relative clause.
func TestRelativeClauseActors(t *testing.T) {
	fra, cub, rus := country(t, "FRA"), country(t, "CUB"), country(t, "RUS")
	tests := []struct {
		name, lang, text string
		ents             map[string]*gazetteer.Entity
		typ              string
		actors           []string // nil: no event of typ
	}{
		{
			name: "es: cuyo", lang: "es",
			text: "Francia, cuyo presidente Vladimir Putin había criticado el acuerdo, rechazó el anuncio.",
			ents: map[string]*gazetteer.Entity{"Francia": fra, "Vladimir Putin": putinP},
			typ:  TypeDeny, actors: []string{fra.ID},
		},
		{
			name: "es: cuyo, the subject before unknown", lang: "es",
			text: "El partido opositor, cuyo líder Rosa Ejemplo encabezó las protestas, rechazó el acuerdo.",
			ents: map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa},
			typ:  TypeDeny,
		},
		{
			name: "de: dessen", lang: "de",
			text: "Frankreich, dessen Präsident Wladimir Putin das Abkommen kritisiert hatte, wies den Vorschlag zurück.",
			ents: map[string]*gazetteer.Entity{"Frankreich": fra, "Wladimir Putin": putinP},
			typ:  TypeDeny, actors: []string{fra.ID},
		},
		{
			name: "de: das after a noun, the clause ending in its verb", lang: "de",
			text: "Kuba, das Rosa Ejemplo seit Jahren vertritt, wies die Vorwürfe zurück.",
			ents: map[string]*gazetteer.Entity{"Kuba": cub, "Rosa Ejemplo": rosa},
			typ:  TypeDeny, actors: []string{cub.ID},
		},
		{
			name: "en: whose", lang: "en",
			text: "France, whose president Vladimir Putin had praised the deal, rejected the proposal.",
			ents: map[string]*gazetteer.Entity{"France": fra, "Vladimir Putin": putinP},
			typ:  TypeDeny, actors: []string{fra.ID},
		},
		{
			name: "the relative clause's own verb keeps its subject", lang: "de",
			text: "Außenministerin Rosa Ejemplo, die am Montag Russland besuchte, sagte, die Gespräche seien gut verlaufen.",
			ents: map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa, "Russland": rus},
			typ:  TypeVisit, actors: []string{rosa.ID},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := run(t, tt.lang, thursday, tt.ents, tt.text)
			got := filter(evs, tt.typ)
			if tt.actors == nil {
				assert.Empty(t, got, "%v", evs)
				return
			}
			require.Len(t, got, 1, "%v", evs)
			assert.Equal(t, tt.actors, actors(got[0]))
		})
	}
}

// markRelative tells German relative pronouns from articles by the word
// before the comma and the verb ending the clause.
func TestMarkRelative(t *testing.T) {
	x, err := New(nil)
	require.NoError(t, err)
	tests := []struct {
		name, lang, text, name2 string
		want                    bool
	}{
		{"de relative", "de", "Die Ministerin, die Kuba besuchte, sprach.", "Kuba", true},
		{"de article after a verb", "de", "Sie sagte, die Regierung in Kuba werde handeln.", "Kuba", false},
		{"de apposition", "de", "Xi, der Präsident von Kuba, sprach.", "Kuba", false},
		{"es que", "es", "La ministra, que visitó Cuba, habló.", "Cuba", true},
		{"es no pronoun", "es", "La ministra habló, y Cuba calló.", "Cuba", false},
		{"en which", "en", "The ministry, which Cuba funds, spoke.", "Cuba", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Sentence{Start: 0, End: len(tt.text), Lang: tt.lang}
			ws := x.words(tt.text, s)
			at := strings.Index(tt.text, tt.name2)
			cands := []Participant{{at: at, clause: clauseAt(ws, at)}}
			markRelative(tt.lang, ws, cands)
			assert.Equal(t, tt.want, cands[0].relative)
		})
	}
}
