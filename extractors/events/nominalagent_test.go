package events

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gazex/gazex/gazetteer"
)

// A nominalised act names its actor after "durch", "por parte de", "by";
// the country of the genitive or adjective before receives it. The
// sentences are written for this test about real events.
func TestNominalAgent(t *testing.T) {
	trump := &gazetteer.Entity{ID: "person/donald-trump", Type: gazetteer.TypePerson, Name: "Donald Trump", Country: "USA", Positions: []gazetteer.Position{{Title: "President of the United States"}}}
	est, lva := country(t, "EST"), country(t, "LVA")
	tests := []struct {
		name, lang, text string
		ents             map[string]*gazetteer.Entity
		actor            string   // the actor of the OTHER event, "" for no event of that actor
		recipients       []string // among its recipients
		notActor         string
	}{
		{"durch after a German noun", "de", "Die Ausweisung zweier russischer Diplomaten durch Estland sorgte in Moskau für Empörung.",
			map[string]*gazetteer.Entity{"Estland": est}, est.ID, []string{"country/RUS"}, ""},
		{"durch before a role and a name", "de", "Grund ist die Anerkennung der Souveränität Israels über die Golanhöhen durch den damaligen US-Präsidenten Donald Trump im März 2019.",
			map[string]*gazetteer.Entity{"Donald Trump": trump}, trump.ID, nil, ""},
		{"por parte de", "es", "La expulsión de dos diplomáticos rusos por parte de Estonia provocó protestas en Moscú.",
			map[string]*gazetteer.Entity{"Estonia": est}, est.ID, []string{"country/RUS"}, ""},
		{"by", "en", "The expulsion of two Russian diplomats by Estonia drew protests from Moscow.",
			map[string]*gazetteer.Entity{"Estonia": est}, est.ID, []string{"country/RUS"}, ""},
		{"a name after another preposition is no agent", "de", "Die Festnahme erfolgte durch Hinweise aus Lettland.",
			map[string]*gazetteer.Entity{"Lettland": lva}, "", nil, lva.ID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := run(t, tt.lang, thursday, tt.ents, tt.text)
			if tt.actor != "" {
				ev := pick(t, evs, TypeOther)
				assert.Equal(t, []string{tt.actor}, actors(ev))
				for _, r := range tt.recipients {
					assert.Contains(t, recipients(ev), r)
				}
			}
			for _, ev := range evs {
				if tt.notActor != "" {
					assert.NotContains(t, actors(ev), tt.notActor)
				}
			}
		})
	}
}
