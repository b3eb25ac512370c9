package events

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
)

// A statement that reports an attack accuses, unless it speaks of attacks
// as a kind or of the attack a reply answers, and names no doer. The
// sentences are written for this test.
func TestStatementOfAttack(t *testing.T) {
	rus, chn, usa := country(t, "RUS"), country(t, "CHN"), country(t, "USA")
	ents := map[string]*gazetteer.Entity{
		"Rosa Ejemplo": rosa, "Wladimir Putin": putinP, "Putin": putinP,
		"russische": rus, "Rusia": rus, "Russia": rus, "chinesische": chn, "China": chn, "Estados Unidos": usa,
	}
	tests := []struct {
		name, lang, text, want string
	}{
		{"de verb, doer", "de", "Rosa Ejemplo sagte, russische Hacker hätten das Ministerium angegriffen.", TypeAccuse},
		{"de verb, no doer", "de", "Rosa Ejemplo sagte, Unbekannte hätten die Server des Ministeriums angegriffen.", TypeAccuse},
		{"de noun, doer", "de", "Rosa Ejemplo warnte vor der Gefahr durch chinesische Cyberattacken.", TypeAccuse},
		{"de singular noun", "de", "Rosa Ejemplo sprach von einem gezielten Angriff auf das Stromnetz.", TypeAccuse},
		{"de plural kind", "de", "Wladimir Putin sagte, das bereite den Boden für Angriffe auf Journalisten.", TypeStatement},
		{"es plural kind, target", "es", "Rusia anunció que desplegará misiles capaces de efectuar ataques nucleares contra Estados Unidos.", TypeStatement},
		{"es plural, article, doer", "es", "Rosa Ejemplo dijo que los ataques de Rusia contra la red eléctrica continúan.", TypeAccuse},
		{"es reply", "es", "Rosa Ejemplo respondió el jueves a un nuevo ataque de un diputado opositor.", TypeStatement},
		{"en plural kind", "en", "Rosa Ejemplo said nuclear attacks against China would be madness.", TypeStatement},
		{"en plural, article", "en", "Rosa Ejemplo said the attacks on the power grid had to stop.", TypeAccuse},
		{"en verb", "en", "Rosa Ejemplo said hackers attacked the servers of the ministry.", TypeAccuse},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := run(t, tc.lang, thursday, ents, tc.text)
			speech := append(filter(evs, TypeStatement), filter(evs, TypeAccuse)...)
			require.Len(t, speech, 1, "%+v", evs)
			assert.Equal(t, tc.want, speech[0].Type, "%+v", speech[0])
			assert.Empty(t, filter(evs, TypeOther), "the attack is what was said")
		})
	}
}
