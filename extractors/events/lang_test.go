package events

import (
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/extractors/dates"
	"github.com/gazex/gazex/gazetteer"
)

// The sentences below are written for these tests in the style of news
// reports; the persons are invented, their offices real kinds of office.
var (
	loadDefault = sync.OnceValues(func() ([]*gazetteer.Entity, error) { return gazetteer.Default() })

	rosa    = &gazetteer.Entity{ID: "person/rosa-ejemplo", Type: gazetteer.TypePerson, Name: "Rosa Ejemplo", Country: "CUB", Positions: []gazetteer.Position{{Title: "Minister of Foreign Affairs of Cuba"}}}
	peskov  = &gazetteer.Entity{ID: "person/dmitry-peskov", Type: gazetteer.TypePerson, Name: "Dmitry Peskov", Country: "RUS", Positions: []gazetteer.Position{{Title: "Press Secretary of the President of Russia"}}}
	putinP  = &gazetteer.Entity{ID: "person/vladimir-putin", Type: gazetteer.TypePerson, Name: "Vladimir Putin", Country: "RUS", Positions: []gazetteer.Position{{Title: "President of Russia"}}}
	xi      = &gazetteer.Entity{ID: "person/xi-jinping", Type: gazetteer.TypePerson, Name: "Xi Jinping", Country: "CHN", Positions: []gazetteer.Position{{Title: "President of China"}}}
	xinhua  = &gazetteer.Entity{ID: "org/xinhua", Type: gazetteer.TypeOrganization, Name: "Xinhua", Country: "CHN", Sector: "JRN"}
	reuters = &gazetteer.Entity{ID: "org/reuters", Type: gazetteer.TypeOrganization, Name: "Reuters", Country: "GBR", Sector: "JRN"}
)

// country returns a country of the default gazetteer.
func country(t *testing.T, iso string) *gazetteer.Entity {
	t.Helper()
	all, err := loadDefault()
	require.NoError(t, err)
	for _, e := range all {
		if e.ID == "country/"+iso {
			return e
		}
	}
	t.Fatalf("no country %s", iso)
	return nil
}

// run extracts the events of sentences joined by spaces; every occurrence
// of a surface form in ents is a mention of its entity.
func run(t *testing.T, lang string, anchor dates.Anchor, ents map[string]*gazetteer.Entity, sentences ...string) []Event {
	t.Helper()
	all, err := loadDefault()
	require.NoError(t, err)
	x, err := New(all)
	require.NoError(t, err)
	return x.Extract(inputOf(strings.Join(sentences, " "), lang, anchor, ents, sentences))
}

// inputOf is the input of text, the sentences joined by one byte each, in
// lang, with every occurrence of a name of ents as a mention.
func inputOf(text, lang string, anchor dates.Anchor, ents map[string]*gazetteer.Entity, sentences []string) Input {
	in := Input{Text: text, Anchor: anchor}
	at := 0
	for _, s := range sentences {
		in.Sentences = append(in.Sentences, Sentence{Start: at, End: at + len(s), Lang: lang})
		at += len(s) + 1
	}
	for form, e := range ents {
		for from := 0; ; {
			i := strings.Index(text[from:], form)
			if i < 0 {
				break
			}
			in.Mentions = append(in.Mentions, Mention{Start: from + i, End: from + i + len(form), Entity: e})
			from += i + len(form)
		}
	}
	sortByStart(in.Mentions)
	return in
}

// pick returns the first event of type typ, failing the test if none.
func pick(t *testing.T, evs []Event, typ string) Event {
	t.Helper()
	for _, ev := range evs {
		if ev.Type == typ {
			return ev
		}
	}
	t.Fatalf("no %s event in %v", typ, evs)
	return Event{}
}

func actors(ev Event) []string {
	var out []string
	for _, p := range ev.Participants {
		if p.Role == RoleActor {
			out = append(out, p.Entity.ID)
		}
	}
	return out
}

func dateOf(ev Event) string {
	if ev.Date == nil {
		return ""
	}
	return ev.Date.String()
}

var thursday = dates.Anchor{Year: 2024, Month: 3, Day: 14} // publication date of the tests: Thursday, 14 March 2024

func TestTriggersAndDates(t *testing.T) {
	ap := map[string]*gazetteer.Entity{"Anna Test": anna, "Pablo Prueba": pablo}
	tests := []struct {
		name, lang, text string
		ents             map[string]*gazetteer.Entity
		typ, date        string // date "" = none
		method           string
		future           bool
		actors           []string
	}{
		{"de perfect", "de", "Die Außenminister Anna Test und Pablo Prueba haben am Montag in Wien ein Abkommen über Cybersicherheit unterzeichnet.",
			ap, TypeSignAgreement, "2024-03-11", dates.MethodRelativeWeekday, false, []string{anna.ID, pablo.ID}},
		{"de preterite", "de", "Anna Test und Pablo Prueba unterzeichneten am Dienstag ein Memorandum über Zusammenarbeit.",
			ap, TypeSignAgreement, "2024-03-12", dates.MethodRelativeWeekday, false, nil},
		{"de separable", "de", "Deutschland und Kuba nahmen im Jahr 1975 diplomatische Beziehungen auf.",
			nil, TypeOther, "", "", false, nil},
		{"de nominal", "de", "Anna Test und Pablo Prueba begannen in Berlin Konsultationen über Zölle.",
			ap, TypeConsult, "2024-03-14", dates.MethodPublication, false, nil},
		{"de vor zwei Wochen", "de", "Vor zwei Wochen hatte Anna Test ihren Amtskollegen Pablo Prueba in Madrid getroffen.",
			ap, TypeMeet, "2024-02-26", dates.MethodRelativeWeek, false, nil},
		{"es preterite", "es", "Los cancilleres Pablo Prueba y Anna Test firmaron ayer un memorando de entendimiento.",
			ap, TypeSignAgreement, "2024-03-13", dates.MethodRelativeDay, false, []string{pablo.ID, anna.ID}},
		{"es future", "es", "Pablo Prueba firmará el próximo martes un acuerdo comercial con Anna Test.",
			ap, TypeSignAgreement, "2024-03-19", dates.MethodRelativeWeekday, true, nil},
		{"es nominal hace dos semanas", "es", "La firma de un memorando entre Pablo Prueba y Anna Test se celebró hace dos semanas.",
			ap, TypeSignAgreement, "2024-02-26", dates.MethodRelativeWeek, false, nil},
		{"es el pasado martes", "es", "Pablo Prueba y Anna Test celebraron consultas sobre ciberseguridad el pasado martes.",
			ap, TypeConsult, "2024-03-12", dates.MethodRelativeWeekday, false, nil},
		{"en past", "en", "Anna Test and Pablo Prueba signed a cybersecurity agreement in Madrid two weeks ago.",
			ap, TypeSignAgreement, "2024-02-26", dates.MethodRelativeWeek, false, []string{anna.ID, pablo.ID}},
		{"en future", "en", "Anna Test will sign a trade deal with Pablo Prueba next week.",
			ap, TypeSignAgreement, "2024-03-18", dates.MethodRelativeWeek, true, nil},
		{"en weekday", "en", "Anna Test met Pablo Prueba on Monday in Brussels.",
			ap, TypeMeet, "2024-03-11", dates.MethodRelativeWeekday, false, nil},
		// What is sought has not happened yet: it is planned.
		{"en seeking", "en", "Anna Test is seeking an agreement with Pablo Prueba on migration.",
			ap, TypeAgree, "", "", true, nil},
		{"de anstreben", "de", "Anna Test strebt eine Einigung mit Pablo Prueba an.",
			ap, TypeAgree, "", "", true, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ents := tc.ents
			if ents == nil {
				ents = map[string]*gazetteer.Entity{"Deutschland": country(t, "DEU"), "Kuba": country(t, "CUB")}
			}
			ev := pick(t, run(t, tc.lang, thursday, ents, tc.text), tc.typ)
			assert.Equal(t, tc.date, dateOf(ev))
			if tc.date != "" {
				assert.Equal(t, tc.method, ev.Date.Method)
			}
			assert.Equal(t, tc.future, ev.Modality.Future)
			assert.False(t, ev.Modality.Negated)
			if tc.actors != nil {
				assert.ElementsMatch(t, tc.actors, actors(ev))
			}
			assert.NotEmpty(t, ev.Rules)
			assert.True(t, strings.HasPrefix(ev.Rules[0], tc.lang+".trigger"), ev.Rules[0])
		})
	}
}

func TestAttribution(t *testing.T) {
	tests := []struct {
		name, lang string
		sentences  []string
		ents       map[string]*gazetteer.Entity
		typ        string
		relation   string
		source     *gazetteer.Entity
	}{
		{"de laut", "de", []string{"Laut Xinhua haben Anna Test und Pablo Prueba gestern ein Abkommen unterzeichnet."},
			map[string]*gazetteer.Entity{"Xinhua": xinhua, "Anna Test": anna, "Pablo Prueba": pablo}, TypeSignAgreement, RelCitedSource, xinhua},
		{"es según", "es", []string{"Según EFE, Pablo Prueba se reunió ayer con Anna Test en Lima."},
			map[string]*gazetteer.Entity{"EFE": efe, "Pablo Prueba": pablo, "Anna Test": anna}, TypeMeet, RelCitedSource, efe},
		{"en citing", "en", []string{"Anna Test met Pablo Prueba in Oslo on Tuesday, the newspaper said, citing Reuters."},
			map[string]*gazetteer.Entity{"Reuters": reuters, "Anna Test": anna, "Pablo Prueba": pablo}, TypeMeet, RelCitedSource, reuters},
		{"de sagte", "de", []string{"„Wir haben über Cybersicherheit gesprochen“, sagte Peskow am Mittwoch."},
			map[string]*gazetteer.Entity{"Peskow": peskov}, TypeStatement, RelSpeaker, peskov},
		{"es afirmó el canciller", "es", []string{
			"La canciller Rosa Ejemplo recibió ayer a Anna Test en La Habana.",
			"Ambos países quieren ampliar la cooperación en salud, afirmó la canciller."},
			map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa, "Anna Test": anna}, TypeStatement, RelSpeaker, rosa},
		{"de dass clause", "de", []string{"Anna Test sagte, dass sie Pablo Prueba am Freitag in Rom getroffen habe."},
			map[string]*gazetteer.Entity{"Anna Test": anna, "Pablo Prueba": pablo}, TypeMeet, RelSpeaker, anna},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := run(t, tc.lang, thursday, tc.ents, tc.sentences...)
			ev := pick(t, evs, tc.typ)
			assert.True(t, slicesContainsAttr(ev.Attribution, tc.relation, tc.source), "attribution %+v", ev.Attribution)
			for _, p := range ev.Participants {
				assert.NotEqual(t, "JRN", p.Entity.Sector, "a news agency reports, it does not take part")
			}
		})
	}
}

func slicesContainsAttr(as []Attribution, rel string, e *gazetteer.Entity) bool {
	for _, a := range as {
		if a.Relation == rel && a.Entity == e {
			return true
		}
	}
	return false
}

func TestModality(t *testing.T) {
	ap := map[string]*gazetteer.Entity{"Anna Test": anna, "Pablo Prueba": pablo}
	tests := []struct {
		name, lang, text      string
		ents                  map[string]*gazetteer.Entity
		typ                   string
		negated, hypothetical bool
		actor                 *gazetteer.Entity
	}{
		{"de könnte", "de", "Anna Test könnte im Herbst ein Abkommen mit Pablo Prueba unterzeichnen.", ap, TypeSignAgreement, false, true, nil},
		{"es podría", "es", "Pablo Prueba podría firmar un acuerdo de cooperación con Anna Test.", ap, TypeSignAgreement, false, true, nil},
		{"de nur angedacht", "de", "Ein Treffen von Anna Test und Pablo Prueba ist bislang nur angedacht.", ap, TypeMeet, false, true, nil},
		{"de keine Versprechungen", "de", "Anna Test und Pablo Prueba haben einander keine Versprechungen gemacht, sagte Peskow.",
			map[string]*gazetteer.Entity{"Anna Test": anna, "Pablo Prueba": pablo, "Peskow": peskov}, TypeDeny, false, false, peskov},
		{"de not a denial", "de", "„Er kann es nicht ändern“, betonte Peskow.", map[string]*gazetteer.Entity{"Peskow": peskov}, TypeStatement, false, false, peskov},
		{"de konnte is past", "de", "Anna Test konnte das Abkommen mit Pablo Prueba erst gestern unterzeichnen.", ap, TypeSignAgreement, false, false, nil},
		{"de waren is past", "de", "Anna Test und Pablo Prueba waren sich über den Zeitplan einig.", ap, TypeAgree, false, false, nil},
		{"es no firmaron", "es", "Pablo Prueba y Anna Test no firmaron ningún acuerdo durante la visita.", ap, TypeSignAgreement, true, false, nil},
		{"en did not sign", "en", "Anna Test and Pablo Prueba did not sign the agreement.", ap, TypeSignAgreement, true, false, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := run(t, tc.lang, thursday, tc.ents, tc.text)
			if tc.negated || tc.hypothetical {
				// A denied or hypothetical event did not happen.
				assert.Empty(t, filter(evs, tc.typ), "%v", evs)
				return
			}
			ev := pick(t, evs, tc.typ)
			assert.Equal(t, tc.negated, ev.Modality.Negated)
			assert.Equal(t, tc.hypothetical, ev.Modality.Hypothetical)
			if tc.actor != nil {
				assert.Equal(t, []string{tc.actor.ID}, actors(ev))
			}
		})
	}
}

func TestDocumentRules(t *testing.T) {
	t.Run("sides are the countries named before", func(t *testing.T) {
		rus, blr := country(t, "RUS"), country(t, "BLR")
		evs := run(t, "de", thursday, map[string]*gazetteer.Entity{"Russlands": rus, "Belarus": blr},
			"Die Außenminister Russlands und Belarus kamen in Moskau zusammen.",
			"Die Parteien einigten sich auf einen gemeinsamen Aktionsplan.")
		assert.ElementsMatch(t, []string{rus.ID, blr.ID}, actors(pick(t, evs, TypeAgree)))
	})
	t.Run("a role noun is the person named before", func(t *testing.T) {
		evs := run(t, "de", thursday, map[string]*gazetteer.Entity{"Putin": putinP, "Xi Jinping": xi},
			"Putin traf sich in Samarkand mit Xi Jinping.",
			"Es war ihr erstes Treffen, seit der russische Führer im Februar Truppen entsandte.")
		assert.Equal(t, []string{putinP.ID}, actors(pick(t, evs, TypeOther)))
	})
	t.Run("agreed cooperation is the agreement", func(t *testing.T) {
		evs := run(t, "de", thursday, map[string]*gazetteer.Entity{"Kuba": country(t, "CUB"), "Belarus": country(t, "BLR")},
			"Die Delegationen von Kuba und Belarus vereinbarten, ihre Zusammenarbeit im Energiesektor zu vertiefen.")
		require.Len(t, evs, 1, "%v", evs)
		assert.Equal(t, TypeAgree, evs[0].Type)
	})
	t.Run("two agreements of the body are two", func(t *testing.T) {
		evs := run(t, "de", thursday, map[string]*gazetteer.Entity{"Anna Test": anna, "Pablo Prueba": pablo},
			"Minister unterzeichnen Fischereiabkommen\n\n", "Die Minister trafen sich in Vigo.", "Sie sprachen über Quoten.\n\n",
			"Anna Test und Pablo Prueba waren sich einig, dass die Kontrollen verstärkt werden.",
			"Außerdem beschlossen Anna Test und Pablo Prueba, im Herbst erneut zu beraten.")
		n := 0
		for _, ev := range evs {
			if ev.Type == TypeAgree {
				n++
			}
		}
		assert.Equal(t, 2, n, "%v", evs)
	})
	t.Run("efforts are no cooperation", func(t *testing.T) {
		evs := run(t, "de", thursday, map[string]*gazetteer.Entity{"Anna Test": anna},
			"Anna Test forderte, die Anstrengungen beim Klimaschutz zu verstärken.")
		assert.Empty(t, filter(evs, TypeCooperateIntent), "%v", evs)
	})
	t.Run("teaser links are no source", func(t *testing.T) {
		evs := run(t, "de", thursday, map[string]*gazetteer.Entity{"Anna Test": anna, "Pablo Prueba": pablo},
			"Mehr zum Thema - Anna Test und Pablo Prueba unterzeichnen Abkommen")
		assert.Empty(t, evs)
	})
	t.Run("a tweet's today is the tweet's day", func(t *testing.T) {
		evs := run(t, "es", thursday, map[string]*gazetteer.Entity{"Anna Test": anna, "Pablo Prueba": pablo},
			"Anna Test y Pablo Prueba firmaron hoy un acuerdo de pesca.",
			"— Radio Ejemplo (@RadioEj) March 12, 2024")
		assert.Equal(t, "2024-03-12", dateOf(pick(t, evs, TypeSignAgreement)))
	})
	t.Run("a metadata date is not the event's", func(t *testing.T) {
		evs := run(t, "de", thursday, map[string]*gazetteer.Entity{"Anna Test": anna, "Pablo Prueba": pablo},
			" date 2024-03 Anna Test und Pablo Prueba unterzeichnen Abkommen\n",
			"Am Montag haben Anna Test und Pablo Prueba in Wien ein Abkommen unterzeichnet.")
		require.Len(t, evs, 1, "headline and body report one signing: %v", evs)
		assert.Equal(t, "2024-03-11", dateOf(evs[0]))
	})
}

// An anchor known only to the month (an anniversary, a "date 2024-03"
// line) dates a past weekday to its month, a future one and a year not at
// all.
func TestMonthAnchor(t *testing.T) {
	march := dates.Anchor{Year: 2024, Month: 3, Method: dates.MethodAnniversary}
	ap := map[string]*gazetteer.Entity{"Anna Test": anna, "Pablo Prueba": pablo}
	tests := []struct {
		name, lang, text, typ, date, method string
	}{
		{"de past weekday", "de", "Anna Test und Pablo Prueba unterzeichneten am Dienstag ein Memorandum über Zusammenarbeit.",
			TypeSignAgreement, "2024-03", dates.MethodAnniversary},
		{"es ayer", "es", "Los cancilleres Pablo Prueba y Anna Test firmaron ayer un memorando de entendimiento.",
			TypeSignAgreement, "2024-03", dates.MethodAnniversary},
		{"es future weekday", "es", "Pablo Prueba firmará el próximo martes un acuerdo comercial con Anna Test.",
			TypeSignAgreement, "", ""},
		{"de earlier year", "de", "Im Jahr 2021 hatten Anna Test und Pablo Prueba in Madrid verhandelt.",
			TypeConsult, "", ""},
		{"en no date", "en", "Anna Test met Pablo Prueba in Brussels.",
			TypeMeet, "2024-03", dates.MethodAnniversary},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ev := pick(t, run(t, tc.lang, march, ap, tc.text), tc.typ)
			assert.Equal(t, tc.date, dateOf(ev))
			if tc.date != "" {
				assert.Equal(t, tc.method, ev.Date.Method)
				assert.Equal(t, dates.Month, ev.Date.Granularity)
			}
		})
	}
}

// A lead dated by the publication date is the body's event when the body
// dates it within a week, and another event when the body dates it to
// another month.
func TestMergeNearDates(t *testing.T) {
	ap := map[string]*gazetteer.Entity{"Anna Test": anna, "Pablo Prueba": pablo}
	evs := run(t, "de", thursday, ap,
		"Anna Test traf sich mit Pablo Prueba in Wien.",
		"Anna Test hatte Pablo Prueba bereits am Montag in Wien getroffen.")
	assert.Len(t, filter(evs, TypeMeet), 1, "%v", evs)

	evs = run(t, "de", thursday, ap,
		"Anna Test traf sich mit Pablo Prueba in Wien.",
		"Im vergangenen Dezember hatte Anna Test Pablo Prueba in Madrid getroffen.")
	meets := filter(evs, TypeMeet)
	require.Len(t, meets, 2, "%v", evs)
	assert.Equal(t, "2024-03-14", dateOf(meets[0]))
	assert.Equal(t, "2023-12", dateOf(meets[1]))
}

func filter(evs []Event, typ string) []Event {
	var out []Event
	for _, ev := range evs {
		if ev.Type == typ {
			out = append(out, ev)
		}
	}
	return out
}
