package events

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
)

// The sentences below are written for these tests; the persons are the
// invented officials of lang_test.go or real office holders.

// What a statement says types it: a charge accuses, a rejection or a
// denied part in something denies.
func TestSpeechType(t *testing.T) {
	rosaOnly := map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa}
	peskovOnly := map[string]*gazetteer.Entity{"Dmitry Peskov": peskov}
	t.Run("a statement charging someone accuses", func(t *testing.T) {
		evs := run(t, "de", thursday, rosaOnly, "Außenministerin Rosa Ejemplo sprach am Montag von einer Aggression gegen ihr Land.")
		require.Equal(t, []string{TypeAccuse}, types(evs))
		assert.Equal(t, []string{rosa.ID}, actors(evs[0]))
		assert.Contains(t, evs[0].Rules, "de.charge.vorwurf")
		evs = run(t, "es", thursday, rosaOnly, "La canciller Rosa Ejemplo afirmó que las sanciones son una injerencia en los asuntos internos.")
		assert.Equal(t, []string{TypeAccuse}, types(evs))
		evs = run(t, "en", thursday, peskovOnly, "Dmitry Peskov said the new tariffs were an act of aggression.")
		assert.Equal(t, []string{TypeAccuse}, types(evs))
	})
	t.Run("a statement without a charge stays a statement", func(t *testing.T) {
		evs := run(t, "de", thursday, rosaOnly, "Außenministerin Rosa Ejemplo sprach am Montag von einem schwierigen Jahr.")
		assert.Equal(t, []string{TypeStatement}, types(evs))
		evs = run(t, "es", thursday, rosaOnly, "La canciller Rosa Ejemplo calificó el resultado de histórico.")
		assert.Equal(t, []string{TypeStatement}, types(evs))
	})
	t.Run("a speaker in an apposition before a verb and a preposition speaks", func(t *testing.T) {
		evs := run(t, "de", thursday, rosaOnly, "Die Außenministerin, Rosa Ejemplo, sprach von einer Kampagne gegen ihr Land.")
		require.Equal(t, []string{TypeAccuse}, types(evs))
		assert.Equal(t, []string{rosa.ID}, actors(evs[0]))
	})
	t.Run("the gap of a verb with a particle is content", func(t *testing.T) {
		evs := run(t, "de", thursday, rosaOnly, "Rosa Ejemplo hatte im Mai von Belegen für eine Verwicklung des Geheimdienstes gesprochen.")
		require.Equal(t, []string{TypeAccuse}, types(evs))
		assert.Equal(t, []string{rosa.ID}, actors(evs[0]))
	})
	t.Run("a rejection denies", func(t *testing.T) {
		evs := run(t, "de", thursday, peskovOnly, "Kremlsprecher Dmitry Peskov nannte die Berichte haltlos.")
		assert.Equal(t, []string{TypeDeny}, types(evs))
		evs = run(t, "es", thursday, rosaOnly, "La canciller Rosa Ejemplo expresó su rechazo a la medida.")
		assert.Equal(t, []string{TypeDeny}, types(evs))
		evs = run(t, "en", thursday, peskovOnly, "Dmitry Peskov said the reports were baseless.")
		assert.Equal(t, []string{TypeDeny}, types(evs))
	})
	t.Run("a denied part in something denies, a stated one does not", func(t *testing.T) {
		evs := run(t, "es", thursday, rosaOnly, "La canciller Rosa Ejemplo aseguró que su país no estuvo involucrado en el incidente.")
		assert.Equal(t, []string{TypeDeny}, types(evs))
		evs = run(t, "en", thursday, peskovOnly, "Dmitry Peskov said Moscow was not involved.")
		assert.Equal(t, []string{TypeDeny}, types(evs))
		evs = run(t, "es", thursday, rosaOnly, "La canciller Rosa Ejemplo aseguró que el ministerio es responsable de la economía.")
		assert.Equal(t, []string{TypeStatement}, types(evs))
	})
}

// A verb that judges an act names the act; it does not do it.
func TestEvaluation(t *testing.T) {
	ents := map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa}
	evs := run(t, "es", thursday, ents, "La canciller Rosa Ejemplo calificó la expulsión de injustificada.")
	require.Equal(t, []string{TypeAccuse}, types(evs))
	assert.Equal(t, []string{rosa.ID}, actors(evs[0]))
	evs = run(t, "de", thursday, map[string]*gazetteer.Entity{"Dmitry Peskov": peskov}, "Kremlsprecher Dmitry Peskov nannte die Ausweisung überfällig.")
	assert.Equal(t, []string{TypeStatement}, types(evs))
	// An announcing verb does the act it announces.
	evs = run(t, "es", thursday, ents, "La canciller Rosa Ejemplo anunció la expulsión de dos diplomáticos.")
	assert.Equal(t, []string{TypeOther}, types(evs))
}

// Each speaker of a sentence says his own thing; the one spoken to or of
// receives.
func TestSpeakers(t *testing.T) {
	ents := map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa, "Dmitry Peskov": peskov, "Vladimir Putin": putinP}
	t.Run("two speakers are two events", func(t *testing.T) {
		evs := run(t, "es", thursday, ents, "La canciller Rosa Ejemplo, acusó a Dmitry Peskov de mentir, mientras que Vladimir Putin reclamó una investigación.")
		require.Equal(t, []string{TypeAccuse, TypeStatement}, types(evs))
		assert.Equal(t, []string{rosa.ID}, actors(evs[0]))
		assert.Equal(t, []string{peskov.ID}, recipients(evs[0]))
		assert.Equal(t, []string{putinP.ID}, actors(evs[1]))
		assert.NotContains(t, recipients(evs[1]), rosa.ID)
	})
	t.Run("two statements of one speaker are one", func(t *testing.T) {
		evs := run(t, "de", thursday, ents, "Dmitry Peskov sagte am Montag, man prüfe die Vorschläge, und betonte, die Arbeit gehe weiter.")
		assert.Equal(t, []string{TypeStatement}, types(evs))
	})
	t.Run("a coordinated verb or a pronoun continues the speaker", func(t *testing.T) {
		evs := run(t, "de", thursday, ents, "Rosa Ejemplo bekräftigte ihre Unterstützung für Vladimir Putin und unterstrich, was sie als „enge Freundschaft“ bezeichnete.")
		require.Equal(t, []string{TypeStatement}, types(evs))
		assert.Equal(t, []string{rosa.ID}, actors(evs[0]))
		assert.Equal(t, []string{putinP.ID}, recipients(evs[0]))
		evs = run(t, "es", thursday, ents, "Rosa Ejemplo calificó a Vladimir Putin de aliado y dijo que la relación es sólida.")
		require.Equal(t, []string{TypeStatement}, types(evs))
		assert.Equal(t, []string{rosa.ID}, actors(evs[0]))
	})
	t.Run("a speaker who accuses makes no statement besides", func(t *testing.T) {
		evs := run(t, "es", thursday, ents, "Rosa Ejemplo criticó el cambio de criterio y pidió una investigación.")
		assert.Equal(t, []string{TypeAccuse}, types(evs))
	})
}

// New verbs of saying: German verbs with particles, Spanish demands and
// replies, English demands.
func TestSpeechVerbs(t *testing.T) {
	rus := country(t, "RUS")
	ents := map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa, "Russland": rus, "Moskau": rus}
	evs := run(t, "de", thursday, ents, "Rosa Ejemplo forderte Russland auf, die Vorfälle aufzuklären.")
	require.Equal(t, []string{TypeStatement}, types(evs))
	assert.Equal(t, []string{rosa.ID}, actors(evs[0]))
	assert.Equal(t, []string{rus.ID}, recipients(evs[0]))
	evs = run(t, "es", thursday, ents, "La canciller Rosa Ejemplo exigió una investigación transparente.")
	assert.Equal(t, []string{TypeStatement}, types(evs))
	evs = run(t, "es", thursday, ents, "La canciller Rosa Ejemplo insistió en que no ve motivo para cambiar de postura.")
	assert.Equal(t, []string{TypeStatement}, types(evs))
	evs = run(t, "en", thursday, map[string]*gazetteer.Entity{"Dmitry Peskov": peskov}, "Dmitry Peskov urged calm on Monday.")
	assert.Equal(t, []string{TypeStatement}, types(evs))
	t.Run("a gap spans a quotation", func(t *testing.T) {
		evs := run(t, "de", thursday, ents, "Moskau wies das als „durchschaubares Manöver“ zurück.")
		require.Equal(t, []string{TypeDeny}, types(evs))
		assert.Equal(t, []string{rus.ID}, actors(evs[0]))
	})
	t.Run("a gap spans no comma", func(t *testing.T) {
		evs := run(t, "de", thursday, ents, "Moskau wies den Diplomaten an, den Bericht zurück zu schicken.")
		assert.NotContains(t, types(evs), TypeDeny)
	})
}

// A negative reply rejects; a reply without a negation states.
func TestReply(t *testing.T) {
	ents := map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa}
	evs := run(t, "es", thursday, ents, "La canciller Rosa Ejemplo respondió que no ve motivo para negociar ahora.")
	assert.Equal(t, []string{TypeDeny}, types(evs))
	evs = run(t, "es", thursday, ents, "La canciller Rosa Ejemplo respondió que la propuesta llega tarde.")
	assert.Equal(t, []string{TypeStatement}, types(evs))
	evs = run(t, "de", thursday, ents, "Rosa Ejemplo antwortete, sie sehe keinen Anlass für neue Gespräche.")
	assert.Equal(t, []string{TypeDeny}, types(evs))
}

// A name inside a quotation before its verb of saying is what was said,
// not who said it.
func TestQuoteBeforeVerb(t *testing.T) {
	rus := country(t, "RUS")
	ents := map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa, "Rusia": rus}
	evs := run(t, "es", thursday, ents, "“Rusia tiene que explicar lo ocurrido”, respondieron a la prensa.")
	assert.Empty(t, evs)
	evs = run(t, "es", thursday, ents, "“Rusia tiene que explicar lo ocurrido”, dijo la canciller Rosa Ejemplo.")
	require.Equal(t, []string{TypeStatement}, types(evs))
	assert.Equal(t, []string{rosa.ID}, actors(evs[0]))
}

// The subject of a verb of saying is not the object in its clause.
func TestSpeechObjects(t *testing.T) {
	deu, nic := country(t, "DEU"), country(t, "NIC")
	ents := map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa, "Vladimir Putin": putinP, "Nicaragua": nic, "Deutschland": deu}
	t.Run("a relative clause on a speaker", func(t *testing.T) {
		evs := run(t, "de", thursday, ents, "Außenministerin Rosa Ejemplo, der Vladimir Putin zuvor Wortbruch vorgeworfen hatte, schwieg am Montag.")
		require.Equal(t, []string{TypeAccuse}, types(evs))
		assert.Equal(t, []string{rosa.ID}, actors(evs[0]))
		assert.Equal(t, []string{putinP.ID}, recipients(evs[0]))
		evs = run(t, "es", thursday, ents, "Lo dijo Rosa Ejemplo, quien acusó a Vladimir Putin de mentir.")
		require.Contains(t, types(evs), TypeAccuse)
		assert.Equal(t, []string{rosa.ID}, actors(pick(t, evs, TypeAccuse)))
	})
	t.Run("an article opening reported speech is no relative pronoun", func(t *testing.T) {
		evs := run(t, "de", thursday, ents, "Am Abend hieß es, der Präsident Vladimir Putin habe die Vorwürfe zurückgewiesen.")
		require.Equal(t, []string{TypeDeny}, types(evs))
		assert.Equal(t, []string{putinP.ID}, actors(evs[0]))
	})
	t.Run("a German participle's objects follow its auxiliary", func(t *testing.T) {
		evs := run(t, "de", thursday, ents, "Nicaragua hatte im März Deutschland vorgeworfen, Beihilfe zu leisten.")
		require.Equal(t, []string{TypeAccuse}, types(evs))
		assert.Equal(t, []string{nic.ID}, actors(evs[0]))
		assert.Equal(t, []string{deu.ID}, recipients(evs[0]))
		// The subject right after the auxiliary.
		evs = run(t, "de", thursday, ents, "Im März hatte Nicaragua Deutschland vorgeworfen, Beihilfe zu leisten.")
		require.Equal(t, []string{TypeAccuse}, types(evs))
		assert.Equal(t, []string{nic.ID}, actors(evs[0]))
		// A subordinate clause: the first is the subject.
		evs = run(t, "de", thursday, ents, "Das kam, nachdem Nicaragua Deutschland für die Lage verantwortlich gemacht hatte.")
		require.Equal(t, []string{TypeAccuse}, types(evs))
		assert.Equal(t, []string{nic.ID}, actors(evs[0]))
		// An unnamed subject: the one after the auxiliary is the object.
		evs = run(t, "de", thursday, ents, "Die Regierung hat Nicaragua offiziell für den Angriff verantwortlich gemacht.")
		assert.Empty(t, evs)
	})
	t.Run("a complementizer after the verb opens what was said", func(t *testing.T) {
		evs := run(t, "es", thursday, ents, "Nicaragua, en un comunicado, exigió que el presidente Vladimir Putin dé explicaciones.")
		require.Equal(t, []string{TypeStatement}, types(evs))
		assert.Equal(t, []string{nic.ID}, actors(evs[0]))
	})
}

// What stands before a verb of saying is its content only in its own
// clause or as a quote right before it.
func TestContentBeforeVerb(t *testing.T) {
	ents := map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa}
	evs := run(t, "es", thursday, ents, "Tras conocerse el caso de corrupción, la canciller Rosa Ejemplo anunció una reforma.")
	assert.Equal(t, []string{TypeStatement}, types(evs))
	evs = run(t, "es", thursday, ents, "“Es una agresión”, dijo Rosa Ejemplo.")
	assert.Equal(t, []string{TypeAccuse}, types(evs))
	evs = run(t, "en", thursday, map[string]*gazetteer.Entity{"Dmitry Peskov": peskov}, "“This is an act of aggression,” Dmitry Peskov said.")
	assert.Equal(t, []string{TypeAccuse}, types(evs))
}

// An English or Spanish relative pronoun on a noun that names no one makes
// that noun the speaker, no name before it; on a name, the name speaks.
// The sentences are written for this test.
func TestRelativeOnNoName(t *testing.T) {
	ents := map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa, "Wladimir Putin": putinP, "Vladimir Putin": putinP}
	tests := []struct {
		name, lang, text string
		speaker          *gazetteer.Entity // the speaker of the sentence's statement or accusation, nil for none
	}{
		{"en no name", "en", "Rosa Ejemplo was put on the defensive by a group of lawmakers who said the rules were unclear.", nil},
		{"en accusers", "en", "Vladimir Putin apologised to the two envoys who accused him of lying.", nil},
		{"en a name", "en", "Rosa Ejemplo, who said on Tuesday the rules were clear, left early.", rosa},
		{"es no name", "es", "Rosa Ejemplo fue criticada por los diputados, quienes dijeron que las reglas eran confusas.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var speakers []*gazetteer.Entity
			for _, ev := range run(t, tc.lang, thursday, ents, tc.text) {
				if !isSpeech(ev.Type) {
					continue
				}
				for _, p := range ev.Participants {
					if p.Role == RoleActor {
						speakers = append(speakers, p.Entity)
					}
				}
			}
			if tc.speaker == nil {
				assert.Empty(t, speakers)
			} else {
				assert.Equal(t, []*gazetteer.Entity{tc.speaker}, speakers)
			}
		})
	}
}

// What a speaker in a relative clause said ends with the clause: the main
// verb after it is the antecedent's own act, and both are events. The
// sentences are written for this test.
func TestContentOfARelativeClause(t *testing.T) {
	moscow := entity(t, "place/moscow")
	ents := map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa, "Moscú": moscow, "Moscow": moscow}
	for _, tc := range []struct{ lang, text string }{
		{"es", "Rosa Ejemplo, quien dijo el martes que las reglas eran claras, viajó el jueves a Moscú."},
		{"en", "Rosa Ejemplo, who said on Tuesday that the rules were clear, travelled to Moscow on Thursday."},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			evs := run(t, tc.lang, thursday, ents, tc.text)
			require.Len(t, filter(evs, TypeStatement), 1, "%+v", evs)
			assert.Len(t, filter(evs, TypeVisit), 1, "%+v", evs)
			// Where the speaker went is no side of what she said.
			assert.Equal(t, []string{rosa.ID}, ids(filter(evs, TypeStatement)[0].Participants))
		})
	}
}

// ids are the entity ids of ps, in order.
func ids(ps []Participant) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Entity.ID)
	}
	return out
}
