package events

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gazex/gazex/gazetteer"
)

// The sentences below are written for these tests.

// A Spanish participle after its noun and that noun's article describes
// the thing, not the act; an agreement noun names the signing.
func TestAttributiveParticiple(t *testing.T) {
	mexico, guatemala, cuba, china := country(t, "MEX"), country(t, "GTM"), country(t, "CUB"), country(t, "CHN")
	ents := map[string]*gazetteer.Entity{"México": mexico, "Guatemala": guatemala, "Cuba": cuba, "China": china}
	tests := []struct {
		name, text, typ string
		want            bool
	}{
		{"el amistoso pactado", "México enfrentará a Guatemala en el amistoso pactado para el 27 de abril.", TypeAgree, false},
		{"la gira acordada", "Los jugadores de México viajan a Guatemala para la gira acordada con la federación.", TypeAgree, false},
		{"el acuerdo firmado", "Cuba y China revisaron el lunes el acuerdo firmado por ambos gobiernos.", TypeSignAgreement, true},
		{"verbo finito", "Cuba y China acordaron el lunes ampliar su comercio.", TypeAgree, true},
		{"participio con auxiliar", "Cuba y China han pactado una rebaja de aranceles.", TypeAgree, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := filter(run(t, "es", thursday, ents, tc.text), tc.typ)
			assert.Equal(t, tc.want, len(evs) > 0, "%+v", evs)
		})
	}
}

// A Spanish participle right after an article is a noun for whom the act
// befell; with an auxiliary it is the act.
func TestNominalParticiple(t *testing.T) {
	cuba := country(t, "CUB")
	ents := map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa, "Cuba": cuba}
	tests := []struct {
		name, text, typ string
		want            bool
	}{
		{"los detenidos", "Rosa Ejemplo visitó el jueves a los detenidos en la cárcel de Cuba.", TypeOther, false},
		{"el acusado", "Rosa Ejemplo habló el jueves con el acusado en la embajada.", TypeAccuse, false},
		{"ha detenido", "Cuba ha detenido el jueves a dos diplomáticos, afirmó Rosa Ejemplo.", TypeOther, true},
		{"acusó", "Rosa Ejemplo acusó el jueves a Cuba de espionaje.", TypeAccuse, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := filter(run(t, "es", thursday, ents, tc.text), tc.typ)
			assert.Equal(t, tc.want, len(evs) > 0, "%+v", evs)
		})
	}
}

// A noun of an event that ends in -ta is no participle: "la visita" names
// the visit; a visit spoken of after a verb of saying is not the speaker's.
// Irregular participles keep their reading as nouns for persons or things
// ("el dicho", "lo dispuesto"). The sentences are written for this test.
func TestIrregularParticiple(t *testing.T) {
	chn := country(t, "CHN")
	ents := map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa, "Pekín": chn}
	tests := []struct {
		name, text, typ string
		want            bool
	}{
		{"la visita", "Rosa Ejemplo realizó la visita a Pekín en marzo.", TypeVisit, true},
		{"las visitas", "Rosa Ejemplo repitió las visitas a Pekín en marzo.", TypeVisit, true},
		{"a visit spoken of", "Rosa Ejemplo calificó la visita de histórica.", TypeVisit, false},
		{"one's own visit", "Rosa Ejemplo anunció su visita a Pekín.", TypeVisit, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := filter(run(t, "es", thursday, ents, tc.text), tc.typ)
			assert.Equal(t, tc.want, len(evs) > 0, "%+v", evs)
		})
	}
	for _, w := range []string{"puesto", "dispuestas", "abierto", "muerta", "vuelto", "resueltos", "roto", "escrita", "suscrito", "dicho", "hechas"} {
		assert.True(t, participle(w), w)
	}
	for _, w := range []string{"visita", "visitas", "consultas", "protesta", "gira", "cita"} {
		assert.False(t, participle(w), w)
	}
}
