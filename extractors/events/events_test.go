package events

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/extractors/dates"
	"github.com/gazex/gazex/gazetteer"
)

// extract runs the extractor on one sentence whose named entities are
// given by surface form.
func extract(t *testing.T, lang, text string, anchor dates.Anchor, ents map[string]*gazetteer.Entity) []Event {
	t.Helper()
	all, err := gazetteer.Default()
	require.NoError(t, err)
	x, err := New(all)
	require.NoError(t, err)
	in := Input{Text: text, Sentences: []Sentence{{0, len(text), lang}}, Anchor: anchor}
	for form, e := range ents {
		i := strings.Index(text, form)
		require.GreaterOrEqual(t, i, 0, form)
		in.Mentions = append(in.Mentions, Mention{Start: i, End: i + len(form), Entity: e})
	}
	sortByStart(in.Mentions)
	return x.Extract(in)
}

func sortByStart(ms []Mention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].Start < ms[j-1].Start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

var (
	anna  = &gazetteer.Entity{ID: "person/anna-test", Type: gazetteer.TypePerson, Name: "Anna Test", Country: "DEU", Positions: []gazetteer.Position{{Title: "Federal Minister for Economic Affairs of Germany"}}}
	pablo = &gazetteer.Entity{ID: "person/pablo-prueba", Type: gazetteer.TypePerson, Name: "Pablo Prueba", Country: "ESP", Positions: []gazetteer.Position{{Title: "Minister of Industry of Spain"}}}
	efe   = &gazetteer.Entity{ID: "org/es-efe", Type: gazetteer.TypeOrganization, Name: "EFE", Country: "ESP", Sector: "JRN"}
	putin = &gazetteer.Entity{ID: "person/vladimir-putin", Type: gazetteer.TypePerson, Name: "Vladimir Putin", Country: "RUS", Positions: []gazetteer.Position{{Title: "President of Russia"}}}
	trump = &gazetteer.Entity{ID: "person/donald-trump", Type: gazetteer.TypePerson, Name: "Donald Trump", Country: "USA", Positions: []gazetteer.Position{{Title: "President of the United States"}}}
)

func TestEvents(t *testing.T) {
	pub := dates.Anchor{Year: 2024, Month: 3, Day: 14}
	tests := []struct {
		name, lang, text string
		ents             map[string]*gazetteer.Entity
		typ, date        string
		negated, future  bool
		source           string
	}{
		{"de signed", "de", "Am Dienstag haben Anna Test und Pablo Prueba in Madrid ein Abkommen unterzeichnet.",
			map[string]*gazetteer.Entity{"Anna Test": anna, "Pablo Prueba": pablo}, "SIGN_AGREEMENT", "2024-03-12", false, false, ""},
		{"de nominal", "de", "Anna Test und Pablo Prueba begannen Konsultationen über Zölle.",
			map[string]*gazetteer.Entity{"Anna Test": anna, "Pablo Prueba": pablo}, "CONSULT", "2024-03-14", false, false, ""},
		{"es future", "es", "Pablo Prueba firmará un memorando con Anna Test.",
			map[string]*gazetteer.Entity{"Pablo Prueba": pablo, "Anna Test": anna}, "SIGN_AGREEMENT", "", false, true, ""},
		{"es source", "es", "Según EFE, Pablo Prueba se reunió ayer con Anna Test.",
			map[string]*gazetteer.Entity{"EFE": efe, "Pablo Prueba": pablo, "Anna Test": anna}, "MEET", "2024-03-13", false, false, "EFE"},
		{"en statement", "en", "Anna Test said the talks went well, citing EFE.",
			map[string]*gazetteer.Entity{"Anna Test": anna, "EFE": efe}, "STATEMENT", "2024-03-14", false, false, "EFE"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := extract(t, tc.lang, tc.text, pub, tc.ents)
			var ev *Event
			for i := range evs {
				if evs[i].Type == tc.typ {
					ev = &evs[i]
				}
			}
			require.NotNil(t, ev, "events: %v", evs)
			assert.Equal(t, tc.negated, ev.Modality.Negated)
			assert.Equal(t, tc.future, ev.Modality.Future)
			if tc.date == "" {
				assert.Nil(t, ev.Date)
			} else {
				require.NotNil(t, ev.Date)
				assert.Equal(t, tc.date, ev.Date.String())
			}
			if tc.source != "" {
				require.NotEmpty(t, ev.Attribution)
				assert.Equal(t, tc.source, ev.Attribution[0].Entity.Name)
			}
			assert.NotEmpty(t, ev.Rules)
		})
	}
}

func TestNoPlainAgreement(t *testing.T) {
	evs := extract(t, "de", "Putin und Trump haben keine Gruppe für Cybersicherheit gebildet.", dates.Anchor{},
		map[string]*gazetteer.Entity{"Putin": putin, "Trump": trump})
	for _, ev := range evs {
		if ev.Type == TypeAgree || ev.Type == TypeSignAgreement {
			assert.True(t, ev.Modality.Negated, ev.String())
		}
	}
}
