package events

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gazex/gazex/gazetteer"
)

// lexCase is a sentence and what the lexicon must make of it: an event of
// typ whose actors include actor, or, with typ "", no event of notTyp.
type lexCase struct {
	name, lang, text string
	typ, actor       string
	notTyp           string
}

// checkLexCases runs the cases with the entities ents.
func checkLexCases(t *testing.T, ents map[string]*gazetteer.Entity, tests []lexCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := run(t, tc.lang, thursday, ents, tc.text)
			if tc.typ != "" {
				assert.Contains(t, actors(pick(t, evs, tc.typ)), tc.actor)
			}
			if tc.notTyp != "" {
				assert.NotContains(t, types(evs), tc.notTyp, "%+v", evs)
			}
		})
	}
}

// Spanish verbs of saying that stress, concede or urge report a statement.
// The sentences are written for this test.
func TestSpanishSaying(t *testing.T) {
	chl, per := country(t, "CHL"), country(t, "PER")
	ents := map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa, "Chile": chl, "Perú": per}
	checkLexCases(t, ents, []lexCase{
		{"remarcó after a quote", "es", `"La frontera seguirá abierta", remarcó Rosa Ejemplo en rueda de prensa.`, TypeStatement, rosa.ID, ""},
		{"recalcó que", "es", "Rosa Ejemplo recalcó que Chile no aceptará presiones externas.", TypeStatement, rosa.ID, ""},
		{"puntualizó", "es", "Chile puntualizó que la medida es temporal.", TypeStatement, "country/CHL", ""},
		{"admitió que", "es", "La ministra Rosa Ejemplo admitió que hubo errores en la coordinación.", TypeStatement, rosa.ID, ""},
		{"aseveró", "es", "Rosa Ejemplo aseveró el martes que el acuerdo comercial sigue vigente.", TypeStatement, rosa.ID, ""},
		{"plural subrayaron", "es", "Chile y Perú subrayaron la importancia del diálogo regional.", TypeStatement, "country/PER", ""},
		{"instó a", "es", "Rosa Ejemplo instó a Perú a respetar los tratados vigentes.", TypeStatement, rosa.ID, ""},
		{"animó a", "es", "Rosa Ejemplo animó a Chile a retomar las negociaciones.", TypeStatement, rosa.ID, ""},
		{"celebraron is no saying", "es", "Chile y Perú celebraron el martes una reunión técnica en Lima.", "", "", TypeStatement},
		{"pidió is no trigger", "es", "Rosa Ejemplo pidió más tiempo.", "", "", TypeStatement},
	})
}

// German verbs of saying that reply, explain, concede or call on someone
// report a statement; verbs that add to a statement told before do not
// start one. The sentences are written for this test.
func TestGermanSaying(t *testing.T) {
	pol, ltu := country(t, "POL"), country(t, "LTU")
	ents := map[string]*gazetteer.Entity{"Wladimir Putin": putinP, "Putin": putinP, "Polen": pol, "Litauen": ltu}
	checkLexCases(t, ents, []lexCase{
		{"entgegnete", "de", "Putin entgegnete, Russland habe keine Truppen an der Grenze.", TypeStatement, putinP.ID, ""},
		{"erwiderte after a quote", "de", "„Das ist eine Lüge“, erwiderte Wladimir Putin am Abend.", TypeStatement, putinP.ID, ""},
		{"äußerte sich", "de", "Polen äußerte sich am Mittwoch besorgt über die Manöver.", TypeStatement, "country/POL", ""},
		{"räumte ein", "de", "Litauen räumte am Montag Fehler bei der Grenzsicherung ein.", TypeStatement, "country/LTU", ""},
		{"stellte klar", "de", "Polen stellte klar, dass es keine Soldaten entsenden werde.", TypeStatement, "country/POL", ""},
		{"rief auf", "de", "Putin rief die Ukraine zu Verhandlungen auf.", TypeStatement, putinP.ID, ""},
		{"fügte hinzu continues", "de", "„Wir werden das prüfen“, fügte Litauen hinzu.", "", "", TypeStatement},
		{"ruft ein Bild auf", "de", "Die Karikatur ruft in Polen alte Bilder auf.", "", "", TypeStatement},
	})
}

// Promising and speaking out for something report a statement. The
// sentences are written for this test.
func TestPromising(t *testing.T) {
	ukr, pol, chl := country(t, "UKR"), country(t, "POL"), country(t, "CHL")
	ents := map[string]*gazetteer.Entity{"Wladimir Putin": putinP, "Rosa Ejemplo": rosa, "Ukraine": ukr, "Polen": pol, "Chile": chl}
	checkLexCases(t, ents, []lexCase{
		{"sicherte zu", "de", "Polen sicherte der Ukraine weitere Unterstützung zu.", TypeStatement, "country/POL", ""},
		{"sprach sich aus", "de", "Wladimir Putin sprach sich für neue Verhandlungen aus.", TypeStatement, putinP.ID, ""},
		{"verlangte in a relative clause", "de", "Polen gab ihm, was er verlangte.", "", "", TypeStatement},
		{"prometió", "es", "Rosa Ejemplo prometió más ayuda a Chile.", TypeStatement, rosa.ID, ""},
		{"garantizó", "es", "Chile garantizó el suministro de cobre.", TypeStatement, "country/CHL", ""},
	})
}

// Verbs of praising, regretting, alerting, detailing and pressing report a
// statement. The sentences are written for this test.
func TestPraiseRegret(t *testing.T) {
	pol, chl := country(t, "POL"), country(t, "CHL")
	ents := map[string]*gazetteer.Entity{"Wladimir Putin": putinP, "Rosa Ejemplo": rosa, "Polen": pol, "Chile": chl}
	checkLexCases(t, ents, []lexCase{
		{"würdigte", "de", "Wladimir Putin würdigte die Rolle der Armee.", TypeStatement, putinP.ID, ""},
		{"bedauerte", "de", "Polen bedauerte die Entscheidung aus Moskau.", TypeStatement, "country/POL", ""},
		{"drängte auf", "de", "Polen drängte auf schnellere Lieferungen.", TypeStatement, "country/POL", ""},
		{"elogió", "es", "Rosa Ejemplo elogió la labor de los diplomáticos.", TypeStatement, rosa.ID, ""},
		{"detalló", "es", "Chile detalló su plan de seguridad.", TypeStatement, "country/CHL", ""},
		{"reconoció without que", "es", "Chile reconoció la independencia de Kosovo.", "", "", TypeStatement},
	})
}

// A Spanish verb of saying right after "se" has another sense or no
// speaker. The sentences are written for this test.
func TestReflexiveSaying(t *testing.T) {
	chl, per := country(t, "CHL"), country(t, "PER")
	ents := map[string]*gazetteer.Entity{"Chile": chl, "Perú": per, "Rosa Ejemplo": rosa}
	checkLexCases(t, ents, []lexCase{
		{"se celebró", "es", "La cumbre entre Chile y Perú se celebró en Lima.", "", "", TypeStatement},
		{"se negó a", "es", "Rosa Ejemplo se negó a firmar el acta.", "", "", TypeDeny},
		{"delitos que se acusan", "es", "Rosa Ejemplo pidió penas altas por los delitos que se acusan.", "", "", TypeAccuse},
		{"se lo explicó", "es", "Así se lo explicó Rosa Ejemplo a la prensa.", TypeStatement, rosa.ID, ""},
		{"negó", "es", "Rosa Ejemplo negó las acusaciones de Perú.", TypeDeny, rosa.ID, ""},
	})
}
