package events

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
)

// A verb after "und"/"y"/"and" without a subject of its own is a second act
// of the first verb's subject; nouns, participles sharing an auxiliary,
// verbs of saying and a conjoined clause with a subject of its own are not.
func TestCoordinatedActs(t *testing.T) {
	rus, cub, deu := country(t, "RUS"), country(t, "CUB"), country(t, "DEU")
	ents := map[string]*gazetteer.Entity{"Russland": rus, "Rusia": rus, "Cuba": cub, "Deutschland": deu, "Germany": deu, "Rosa Ejemplo": rosa, "Vladimir Putin": putinP}
	one, two := []string{TypeOther}, []string{TypeOther, TypeOther}
	tests := []struct {
		name, lang, text string
		types            []string   // the events' types, in order
		actors           [][]string // each event's actors
	}{
		{"de: expelled and recalled", "de", "Russland wies am Montag zwei deutsche Diplomaten aus und rief seinen Botschafter aus Berlin zurück.", two, [][]string{{rus.ID}, {rus.ID}}},
		{"de: an adverb of sequence between", "de", "Außenministerin Rosa Ejemplo bestellte den russischen Geschäftsträger ein und sagte dann ihre Reise nach Moskau ab.", two, [][]string{{rosa.ID}, {rosa.ID}}},
		{"es: expelled and then withdrew", "es", "Cuba expulsó a dos diplomáticos rusos y poco después retiró a su embajador en Moscú.", two, [][]string{{cub.ID}, {cub.ID}}},
		{"es: the second verb's object is no subject", "es", "La canciller Rosa Ejemplo suspendió el acuerdo de visados y convocó al embajador ruso, Vladimir Putin, a la cancillería.", two, [][]string{{rosa.ID}, {rosa.ID}}},
		{"en: summoned and expelled", "en", "Germany summoned the Russian ambassador on Monday and expelled two of his staff.", two, [][]string{{deu.ID}, {deu.ID}}},
		{"de: participles sharing an auxiliary are one act", "de", "Russland hat die beiden Diplomaten festgenommen und ausgewiesen.", one, [][]string{{rus.ID}}},
		{"es: nouns joined by y are one act", "es", "Rusia anunció la expulsión y detención de dos diplomáticos cubanos.", one, [][]string{{rus.ID}}},
		{"es: a participle after y is no verb of its own", "es", "Cuba ha detenido y expulsado a dos diplomáticos rusos.", one, [][]string{{cub.ID}}},
		{"de: verbs of saying joined by und are one statement", "de", "Rosa Ejemplo sagte, die Lage sei ernst, und betonte die Freundschaft beider Länder.", []string{TypeStatement}, [][]string{{rosa.ID}}},
		{"de: a clause with a subject of its own keeps it", "de", "Russland nahm zwei Diplomaten fest, und Deutschland bestellte den russischen Botschafter ein.", two, [][]string{{rus.ID}, {deu.ID}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := run(t, tt.lang, thursday, ents, tt.text)
			require.Equal(t, tt.types, types(evs))
			for i, ev := range evs {
				assert.Equal(t, tt.actors[i], actors(ev), "event %d", i)
			}
		})
	}
}

// A predicate joined by "und"/"y"/"and" before an accusation is an act of
// its own, not what is accused; a noun there is the accusation's object.
func TestPredicateBeforeAccusation(t *testing.T) {
	rus, cub := country(t, "RUS"), country(t, "CUB")
	ents := map[string]*gazetteer.Entity{"Russland": rus, "Rusia": rus, "Russia": rus, "Kuba": cub, "Cuba": cub}
	tests := []struct {
		name, lang, text string
		types            []string
	}{
		{"de: a suit filed and an accusation", "de", "Kuba hatte im März Klage eingereicht und Russland Spionage vorgeworfen.", []string{TypeOther, TypeAccuse}},
		{"es: a complaint filed and an accusation", "es", "Cuba presentó una denuncia y acusó a Rusia de espionaje.", []string{TypeOther, TypeAccuse}},
		{"en: a lawsuit filed and an accusation", "en", "Cuba filed a lawsuit and accused Russia of espionage.", []string{TypeOther, TypeAccuse}},
		{"de: nouns joined before the verb are its object", "de", "Russland hat die Ausweisung und die Sanktionen kritisiert.", []string{TypeAccuse}},
		{"es: nouns joined after the verb are its object", "es", "Rusia criticó la expulsión y las sanciones.", []string{TypeAccuse}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := run(t, tt.lang, thursday, ents, tt.text)
			assert.Equal(t, tt.types, types(evs))
		})
	}
}
