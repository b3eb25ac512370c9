package events

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gazex/gazex/gazetteer"
)

// An unnamed spokesperson speaks for the body named after them, wherever
// the phrase stands: the body acts where the spokesperson is the subject,
// and receives where the spokesperson is an object.
func TestSpokespersonBodies(t *testing.T) {
	aa := entity(t, "org/de-auswaertiges-amt")
	kremlin := entity(t, "org/ru-presidential-executive-office")
	state := entity(t, "org/us-state-department")
	rus, pol, irn, isr := country(t, "RUS"), country(t, "POL"), country(t, "IRN"), country(t, "ISR")
	warsaw := entity(t, "place/warsaw")
	tests := []struct {
		name, lang, text string
		ents             map[string]*gazetteer.Entity
		typ              string // "" = no event
		actors           []string
		recipients       []string
	}{
		{"de inverted, the body far after the verb", "de", "Am Dienstag sagte eine Sprecherin des Auswärtigen Amts, Russland trage die Verantwortung für die Toten.",
			map[string]*gazetteer.Entity{"Auswärtigen Amts": aa, "Russland": rus}, TypeStatement, []string{aa.ID}, []string{rus.ID}},
		{"de inverted after what was said", "de", "Die Vorwürfe aus Moskau seien haltlos, erklärte eine Sprecherin des Auswärtigen Amts am Montag.",
			map[string]*gazetteer.Entity{"Auswärtigen Amts": aa, "Moskau": rus}, TypeDeny, []string{aa.ID}, []string{rus.ID}},
		{"de separable verb around the spokesperson", "de", "Am Abend teilte eine Sprecherin des Auswärtigen Amts mit, der Botschafter Russlands sei einbestellt worden.",
			map[string]*gazetteer.Entity{"Auswärtigen Amts": aa, "Russlands": rus}, TypeStatement, []string{aa.ID}, nil},
		{"de spokesperson of a government in its capital", "de", "Die Lage sei ernst, sagte ein Sprecher der Regierung in Warschau am Abend.",
			map[string]*gazetteer.Entity{"Warschau": warsaw}, TypeStatement, []string{pol.ID}, nil},
		{"de Regierungssprecher in the capital", "de", "Ein Regierungssprecher in Warschau warf Russland Sabotage vor.",
			map[string]*gazetteer.Entity{"Warschau": warsaw, "Russland": rus}, TypeAccuse, []string{pol.ID}, []string{rus.ID}},
		{"de Regierungssprecherin in the capital, inverted", "de", "Russland stecke hinter den Anschlägen, sagte eine Regierungssprecherin in Warschau.",
			map[string]*gazetteer.Entity{"Warschau": warsaw, "Russland": rus}, TypeStatement, []string{pol.ID}, []string{rus.ID}},
		{"de Regierungssprecher with a nationality adjective", "de", "Ein polnischer Regierungssprecher warf Russland Sabotage vor.",
			map[string]*gazetteer.Entity{"Russland": rus}, TypeAccuse, []string{pol.ID}, []string{rus.ID}},
		{"de the spokesperson is the object", "de", "Der Kreml kritisierte einen Sprecher des Auswärtigen Amts scharf.",
			map[string]*gazetteer.Entity{"Kreml": kremlin, "Auswärtigen Amts": aa}, TypeAccuse, []string{kremlin.ID}, []string{aa.ID}},
		{"de a spokesperson of a group within a body speaks for the group", "de", "Die Lage sei ernst, sagte ein Sprecher der Opposition im Bundestag.",
			map[string]*gazetteer.Entity{"Bundestag": entity(t, "org/de-bundestag")}, "", nil, nil},
		{"es the government's country after de", "es", "El portavoz del Gobierno de Polonia acusó a Rusia de sabotaje.",
			map[string]*gazetteer.Entity{"Polonia": pol, "Rusia": rus}, TypeAccuse, []string{pol.ID}, []string{rus.ID}},
		{"es inverted after what was said", "es", "Las acusaciones de Polonia son infundadas, afirmó la portavoz del Kremlin en un comunicado.",
			map[string]*gazetteer.Entity{"Kremlin": kremlin, "Polonia": pol}, TypeDeny, []string{kremlin.ID}, []string{pol.ID}},
		{"es the spokesperson is the object", "es", "La oposición criticó a un portavoz del Kremlin por sus declaraciones sobre Polonia.",
			map[string]*gazetteer.Entity{"Kremlin": kremlin, "Polonia": pol}, "", nil, nil},
		{"en a government read from its adjective after for the", "en", "A spokeswoman for the Israeli government rejected the accusations by Iran.",
			map[string]*gazetteer.Entity{"Iran": irn}, TypeDeny, []string{isr.ID}, []string{irn.ID}},
		{"en government spokesman in the capital", "en", "A government spokesman in Warsaw accused Russia of sabotage.",
			map[string]*gazetteer.Entity{"Warsaw": warsaw, "Russia": rus}, TypeAccuse, []string{pol.ID}, []string{rus.ID}},
		{"en the spokesperson is the object", "en", "Lawmakers criticized a spokesman for the State Department over his remarks about Iran.",
			map[string]*gazetteer.Entity{"State Department": state, "Iran": irn}, "", nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := run(t, tc.lang, thursday, tc.ents, tc.text)
			if tc.typ == "" {
				assert.Empty(t, evs)
				return
			}
			ev := pick(t, evs, tc.typ)
			assert.Equal(t, tc.actors, actors(ev))
			if tc.recipients != nil {
				assert.Equal(t, tc.recipients, recipients(ev))
			}
		})
	}

	t.Run("a spokesperson named next to the noun speaks for himself", func(t *testing.T) {
		ents := map[string]*gazetteer.Entity{"Kremls": kremlin, "Polen": pol, "Peskow": peskov}
		ev := pick(t, run(t, "de", thursday, ents, "Polen provoziere, sagte der Sprecher des Kremls, Peskow."), TypeStatement)
		assert.Equal(t, []string{peskov.ID}, actors(ev))
	})
}
