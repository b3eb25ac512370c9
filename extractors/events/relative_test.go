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
	ents := map[string]*gazetteer.Entity{
		"Francia": fra, "Frankreich": fra, "France": fra, "Kuba": cub, "Russland": rus,
		"Vladimir Putin": putinP, "Wladimir Putin": putinP, "Rosa Ejemplo": rosa,
	}
	tests := []actorCase{
		{"es: cuyo", "es", "Francia, cuyo presidente Vladimir Putin había criticado el acuerdo, rechazó el anuncio.", TypeDeny, []string{fra.ID}},
		{"es: cuyo, the subject before unknown", "es", "El partido opositor, cuyo líder Rosa Ejemplo encabezó las protestas, rechazó el acuerdo.", TypeDeny, nil},
		{"de: dessen", "de", "Frankreich, dessen Präsident Wladimir Putin das Abkommen kritisiert hatte, wies den Vorschlag zurück.", TypeDeny, []string{fra.ID}},
		{"de: das after a noun, the clause ending in its verb", "de", "Kuba, das Rosa Ejemplo seit Jahren vertritt, wies die Vorwürfe zurück.", TypeDeny, []string{cub.ID}},
		{"en: whose", "en", "France, whose president Vladimir Putin had praised the deal, rejected the proposal.", TypeDeny, []string{fra.ID}},
		{"the relative clause's own verb keeps its subject", "de", "Außenministerin Rosa Ejemplo, die am Montag Russland besuchte, sagte, die Lage sei ernst.", TypeVisit, []string{rosa.ID}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.check(t, ents) })
	}
}

// actorCase is a sentence and the actors of its one event of a type (nil:
// it has no event of that type).
type actorCase struct {
	name, lang, text, typ string
	actors                []string
}

func (tc actorCase) check(t *testing.T, ents map[string]*gazetteer.Entity) {
	t.Helper()
	evs := run(t, tc.lang, thursday, ents, tc.text)
	got := filter(evs, tc.typ)
	if tc.actors == nil {
		assert.Empty(t, got, "%v", evs)
		return
	}
	require.Len(t, got, 1, "%v", evs)
	assert.ElementsMatch(t, tc.actors, actors(got[0]))
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
