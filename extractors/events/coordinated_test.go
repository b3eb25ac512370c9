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
	tests := []struct {
		name, lang, text string
		ents             map[string]*gazetteer.Entity
		want             []string // the events' types
		actors           [][]string
	}{
		{
			name: "de: expelled and recalled", lang: "de",
			text: "Russland wies am Montag zwei deutsche Diplomaten aus und rief seinen Botschafter aus Berlin zurück.",
			ents: map[string]*gazetteer.Entity{"Russland": rus},
			want: []string{TypeOther, TypeOther}, actors: [][]string{{rus.ID}, {rus.ID}},
		},
		{
			name: "de: an adverb of sequence between", lang: "de",
			text: "Außenministerin Rosa Ejemplo bestellte den russischen Geschäftsträger ein und sagte dann ihre Reise nach Moskau ab.",
			ents: map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa},
			want: []string{TypeOther, TypeOther}, actors: [][]string{{rosa.ID}, {rosa.ID}},
		},
		{
			name: "es: expelled and then withdrew", lang: "es",
			text: "Cuba expulsó a dos diplomáticos rusos y poco después retiró a su embajador en Moscú.",
			ents: map[string]*gazetteer.Entity{"Cuba": cub},
			want: []string{TypeOther, TypeOther}, actors: [][]string{{cub.ID}, {cub.ID}},
		},
		{
			name: "es: the second verb's object is no subject", lang: "es",
			text: "La canciller Rosa Ejemplo suspendió el acuerdo de visados y convocó al embajador ruso, Vladimir Putin, a la cancillería.",
			ents: map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa, "Vladimir Putin": putinP},
			want: []string{TypeOther, TypeOther}, actors: [][]string{{rosa.ID}, {rosa.ID}},
		},
		{
			name: "en: summoned and expelled", lang: "en",
			text: "Germany summoned the Russian ambassador on Monday and expelled two of his staff.",
			ents: map[string]*gazetteer.Entity{"Germany": deu},
			want: []string{TypeOther, TypeOther}, actors: [][]string{{deu.ID}, {deu.ID}},
		},
		{
			name: "de: participles sharing an auxiliary are one act", lang: "de",
			text: "Russland hat die beiden Diplomaten festgenommen und ausgewiesen.",
			ents: map[string]*gazetteer.Entity{"Russland": rus},
			want: []string{TypeOther}, actors: [][]string{{rus.ID}},
		},
		{
			name: "es: nouns joined by y are one act", lang: "es",
			text: "Rusia anunció la expulsión y detención de dos diplomáticos cubanos.",
			ents: map[string]*gazetteer.Entity{"Rusia": rus},
			want: []string{TypeOther}, actors: [][]string{{rus.ID}},
		},
		{
			name: "es: a participle after y is no verb of its own", lang: "es",
			text: "Cuba ha detenido y expulsado a dos diplomáticos rusos.",
			ents: map[string]*gazetteer.Entity{"Cuba": cub},
			want: []string{TypeOther}, actors: [][]string{{cub.ID}},
		},
		{
			name: "de: verbs of saying joined by und are one statement", lang: "de",
			text: "Rosa Ejemplo sagte, die Lage sei ernst, und betonte die Freundschaft beider Länder.",
			ents: map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa},
			want: []string{TypeStatement}, actors: [][]string{{rosa.ID}},
		},
		{
			name: "de: a clause with a subject of its own keeps it", lang: "de",
			text: "Russland nahm zwei Diplomaten fest, und Deutschland bestellte den russischen Botschafter ein.",
			ents: map[string]*gazetteer.Entity{"Russland": rus, "Deutschland": deu},
			want: []string{TypeOther, TypeOther}, actors: [][]string{{rus.ID}, {deu.ID}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := run(t, tt.lang, thursday, tt.ents, tt.text)
			require.Equal(t, tt.want, types(evs))
			for i, ev := range evs {
				assert.Equal(t, tt.actors[i], actors(ev), "event %d", i)
			}
		})
	}
}
