package events

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
)

// The acts of a state (OTHER), visits, joint appearances and invitations
// of the lexicon block "Acts of a state": each in a sentence written for
// this test, and each trigger word in an ordinary sense or done by no
// state actor, where it must stay silent. The persons are the invented
// officials of lang_test.go and events_test.go.

var (
	tomSpieler = &gazetteer.Entity{ID: "person/tom-spieler", Type: gazetteer.TypePerson, Name: "Tom Spieler", Country: "DEU"}
	musterwerk = &gazetteer.Entity{ID: "org/test-musterwerke", Type: gazetteer.TypeOrganization, Name: "Musterwerke", Country: "DEU", Sector: "BUS"}
	parlament  = &gazetteer.Entity{ID: "org/test-parlament", Type: gazetteer.TypeOrganization, Name: "Landesparlament", Country: "DEU", Sector: "LEG"}
	gericht    = &gazetteer.Entity{ID: "org/test-gericht", Type: gazetteer.TypeOrganization, Name: "Obersten Gerichtshof", Country: "DEU", Sector: "JUD"}
	congreso   = &gazetteer.Entity{ID: "org/test-congreso", Type: gazetteer.TypeOrganization, Name: "Congreso", Country: "ESP", Sector: "LEG"}
	logrono    = &gazetteer.Entity{ID: "place/test-logrono", Type: gazetteer.TypePlace, Name: "Logroño", Country: "ESP"}
)

func actionEntities(t *testing.T) map[string]*gazetteer.Entity {
	return map[string]*gazetteer.Entity{
		"Anna Test": anna, "Pablo Prueba": pablo, "Rosa Ejemplo": rosa, "Putin": putinP, "Xi Jinping": xi,
		"Tom Spieler": tomSpieler, "Musterwerke": musterwerk, "Landesparlament": parlament,
		"Obersten Gerichtshof": gericht, "Congreso": congreso, "Logroño": logrono,
		"Kuba": country(t, "CUB"), "Cuba": country(t, "CUB"), "Russland": country(t, "RUS"), "Moskau": entity(t, "place/moscow"),
	}
}

func TestActsOfAState(t *testing.T) {
	ents := actionEntities(t)
	for _, tc := range []struct{ name, lang, text, typ, actor string }{
		// German
		{"ordnete an", "de", "Anna Test ordnete am Montag an, die Grenzkontrollen zu verschärfen.", TypeOther, anna.ID},
		{"anordnete", "de", "Bekannt wurde am Abend, dass Anna Test die Untersuchungshaft anordnete.", TypeOther, anna.ID},
		{"ermittelt gegen", "de", "Das Landesparlament ermittelt gegen zwei Abgeordnete.", TypeOther, parlament.ID},
		{"nahm fest", "de", "Kuba nahm am Abend zwei Verdächtige fest.", TypeOther, "country/CUB"},
		{"ernannte", "de", "Anna Test ernannte einen neuen Staatssekretär.", TypeOther, anna.ID},
		{"trat zurück", "de", "Anna Test trat am Freitag von ihrem Amt zurück.", TypeOther, anna.ID},
		{"reichte ein", "de", "Das Landesparlament reichte am Dienstag eine Klage gegen den Bund ein.", TypeOther, parlament.ID},
		{"aussetzen", "de", "Anna Test ließ die Zahlungen an das Hilfswerk aussetzen.", TypeOther, anna.ID},
		{"zurückschicken", "de", "Russland kündigte an, seinen Botschafter nach Berlin zurückzuschicken.", TypeOther, "country/RUS"},
		{"verweigerte", "de", "Anna Test verweigerte dem Flugzeug die Landung.", TypeOther, anna.ID},
		{"entschied the court", "de", "Am Dienstag entschied der Obersten Gerichtshof über die Klage.", TypeOther, gericht.ID},
		{"spähte aus", "de", "Russland spähte jahrelang die Konten der Partei aus.", TypeOther, "country/RUS"},
		{"billigte a treaty", "de", "Das Landesparlament billigte am Mittwoch den Vertrag mit Kuba.", TypeOther, parlament.ID},
		{"stimmte zu, a treaty", "de", "Das Landesparlament stimmte dem Vertrag mit großer Mehrheit zu.", TypeOther, parlament.ID},
		{"drang ein, a network", "de", "Russland drang im Frühjahr in das Computernetz des Bundestags ein.", TypeOther, "country/RUS"},
		{"entzog die Zustimmung", "de", "Anna Test entzog dem Konsulat die Zustimmung zum Betrieb.", TypeOther, anna.ID},
		{"erkannte die Souveränität an", "de", "Putin erkannte die Souveränität der beiden Gebiete an.", TypeOther, putinP.ID},
		{"a parenthesis inside a separable verb", "de", "Russland zieht seine Klage bei der Welthandelsorganisation (WTO) zurück.", TypeOther, "country/RUS"},
		// Spanish
		{"ordenó", "es", "Rosa Ejemplo ordenó el cierre de la frontera.", TypeOther, rosa.ID},
		{"designó", "es", "Rosa Ejemplo designó a un nuevo embajador en Madrid.", TypeOther, rosa.ID},
		{"presentó su renuncia", "es", "Rosa Ejemplo presentó su renuncia al presidente.", TypeOther, rosa.ID},
		{"aprobó a protocol", "es", "El Congreso aprobó este martes el protocolo de adhesión.", TypeOther, congreso.ID},
		{"dio luz verde", "es", "El Congreso dio luz verde al tratado el lunes.", TypeOther, congreso.ID},
		{"solicitó", "es", "Rosa Ejemplo solicitó una sesión extraordinaria del consejo.", TypeOther, rosa.ID},
		{"paralizó", "es", "Rosa Ejemplo paralizó la venta de las fragatas.", TypeOther, rosa.ID},
		{"proclamó", "es", "El Congreso proclamó a Pablo Prueba ganador de la votación.", TypeOther, congreso.ID},
		{"compareció", "es", "Rosa Ejemplo compareció ante la comisión del Congreso.", TypeOther, rosa.ID},
		{"otorgó asilo", "es", "Cuba otorgó asilo a la familia del exministro.", TypeOther, "country/CUB"},
		{"llamaba a consultas", "es", "Rosa Ejemplo anunció que llamaba a consultas a su embajadora.", TypeOther, rosa.ID},
		// English
		{"ordered the", "en", "Putin ordered the closure of the border.", TypeOther, putinP.ID},
		{"appointed as", "en", "Putin appointed his deputy as the new envoy.", TypeOther, putinP.ID},
		{"ratified", "en", "Putin ratified the treaty on Tuesday.", TypeOther, putinP.ID},
		{"filed a lawsuit", "en", "Putin filed a lawsuit against the company.", TypeOther, putinP.ID},
		{"suspended aid", "en", "Putin suspended all military aid to the region.", TypeOther, putinP.ID},
		{"granted asylum", "en", "Putin granted asylum to the former contractor.", TypeOther, putinP.ID},
		{"the court ruled that", "en", "The court ruled that Putin must appear.", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			evs := run(t, tc.lang, thursday, ents, tc.text)
			if tc.typ == "" {
				assert.Empty(t, filter(evs, TypeOther), "%v", evs)
				return
			}
			ev := pick(t, evs, tc.typ)
			assert.Contains(t, actors(ev), tc.actor, "%v", evs)
		})
	}
}

func TestVisitsMeetingsIntentions(t *testing.T) {
	ents := actionEntities(t)
	for _, tc := range []struct{ name, lang, text, typ string }{
		{"eintreffen", "de", "Putin will am Mittwoch in Moskau eintreffen.", TypeVisit},
		{"traf ein", "de", "Anna Test traf am Abend in Moskau ein.", TypeVisit},
		{"zu reisen", "de", "Anna Test kündigte an, nach Moskau zu reisen.", TypeVisit},
		{"llegó a a place", "es", "Rosa Ejemplo llegó el jueves a Logroño en un avión militar.", TypeVisit},
		{"aterrizó", "es", "Rosa Ejemplo aterrizó el jueves en la capital.", TypeVisit},
		{"arrived in", "en", "Putin arrived in Beijing on Monday.", TypeVisit},
		{"gemeinsamer Auftritt", "de", "Bei einem gemeinsamen Auftritt mit Xi Jinping sprach Putin über den Handel.", TypeMeet},
		{"joint press conference", "en", "At a joint press conference with Xi Jinping, Putin spoke of trade.", TypeMeet},
		{"Zusammenarbeit fortsetzen", "de", "Anna Test will die Zusammenarbeit mit Kuba fortsetzen.", TypeCooperateIntent},
		{"schlug ein Treffen vor", "de", "Putin schlug Xi Jinping ein Treffen im Sommer vor.", TypeCooperateIntent},
		{"invitó a visitar", "es", "Rosa Ejemplo invitó a Pablo Prueba a visitar La Habana.", TypeCooperateIntent},
		{"invited to visit", "en", "Putin invited Xi Jinping to visit Moscow.", TypeCooperateIntent},
		{"sich bereit erklärt", "de", "Kuba hat sich bereit erklärt, die Flüchtlinge aufzunehmen.", TypeAgree},
		{"llegaron a un acuerdo", "es", "Rosa Ejemplo y Pablo Prueba llegaron a un acuerdo sobre la pesca.", TypeAgree},
		{"conclusión de las negociaciones", "es", "Cuba y Rusia anunciaron la conclusión de las negociaciones.", TypeAgree},
	} {
		t.Run(tc.name, func(t *testing.T) {
			evs := run(t, tc.lang, thursday, ents, tc.text)
			pick(t, evs, tc.typ)
		})
	}
}

// The same words in their ordinary sense, or done by no state actor.
func TestActsOrdinarySense(t *testing.T) {
	ents := actionEntities(t)
	for _, tc := range []struct{ name, lang, text, not string }{
		{"ordnete papers", "de", "Anna Test ordnete ihre Unterlagen.", TypeOther},
		{"a player withdraws", "de", "Tom Spieler trat nach dem Spiel vom Turnier zurück.", TypeOther},
		{"a company appoints", "es", "Musterwerke nombró a un nuevo director general.", TypeOther},
		{"a company appoints (de)", "de", "Musterwerke ernannte einen neuen Vorstand.", TypeOther},
		{"aprobó an exam", "es", "Tom Spieler aprobó el examen de conducir.", TypeOther},
		{"entschied sich", "de", "Anna Test entschied sich für eine maßvolle Antwort.", TypeOther},
		{"billigte a remark", "de", "Anna Test billigte die Bemerkung ihres Kollegen.", TypeOther},
		{"drang ein, water", "de", "In das Haus von Anna Test drang Wasser ein.", TypeOther},
		{"entzog sich", "de", "Anna Test entzog sich der Befragung.", TypeOther},
		{"Anerkennung, praise", "de", "Anna Test sprach Putin Anerkennung für seine Geduld aus.", TypeOther},
		{"otorgó a prize", "es", "Rosa Ejemplo otorgó el premio a la mejor novela.", TypeOther},
		{"concedió an interview", "es", "Rosa Ejemplo concedió una entrevista a la radio.", TypeOther},
		{"ordered a dish", "en", "Tom Spieler ordered a pizza after the match.", TypeOther},
		{"court ruled out", "en", "The court ruled out a delay, Putin's lawyer said.", TypeOther},
		{"llegó a decir", "es", "Rosa Ejemplo llegó a decir que la medida era injusta.", TypeVisit},
		{"llegó a un acuerdo is no visit", "es", "Rosa Ejemplo llegó a un acuerdo con Cuba.", TypeVisit},
		{"eintreffen of a parcel", "de", "Das Paket von Tom Spieler soll am Mittwoch in Moskau eintreffen.", TypeVisit},
		{"a player lands", "de", "Tom Spieler landete in Moskau auf Platz drei.", TypeVisit},
		{"fortsetzen a walk", "de", "Anna Test will ihren Spaziergang fortsetzen.", TypeCooperateIntent},
		{"compareció before the press", "es", "Rosa Ejemplo compareció en conferencia de prensa tras el partido.", TypeOther},
		{"verweigert a stance", "de", "Russland verweigert nach wie vor eine klare Haltung.", TypeOther},
		{"schlug a date", "de", "Anna Test schlug einen neuen Termin vor.", TypeCooperateIntent},
	} {
		t.Run(tc.name, func(t *testing.T) {
			evs := run(t, tc.lang, thursday, ents, tc.text)
			assert.Empty(t, filter(evs, tc.not), "%v", evs)
		})
	}
}

func TestSanctionsWithAGap(t *testing.T) {
	ents := actionEntities(t)
	evs := run(t, "es", thursday, ents, "Rosa Ejemplo impuso este jueves sanciones económicas a tres empresas.")
	assert.Contains(t, actors(pick(t, evs, TypeOther)), rosa.ID)
	evs = run(t, "en", thursday, ents, "Putin imposed new sanctions on three banks.")
	assert.Contains(t, actors(pick(t, evs, TypeOther)), putinP.ID)
	evs = run(t, "es", thursday, ents, "Rosa Ejemplo compareció a puerta cerrada ante la comisión.")
	assert.Contains(t, actors(pick(t, evs, TypeOther)), rosa.ID)
}

// Two acts the body reports of two actors of one country are two events;
// the lead's summary of an act still merges with the body's report of it.
func TestTwoActsOfOneCountry(t *testing.T) {
	ents := actionEntities(t)
	evs := run(t, "es", thursday, ents,
		"Tensión en la frontera.", "La crisis sigue abierta.\n\n",
		"Rosa Ejemplo ordenó el cierre de la frontera.", "Cuba otorgó asilo a la familia del exministro.")
	assert.Len(t, filter(evs, TypeOther), 2, "%v", evs)
	evs = run(t, "es", thursday, ents,
		"Cuba otorgó asilo a la familia.", "La crisis sigue abierta.\n\n",
		"Rosa Ejemplo otorgó asilo a la familia del exministro.")
	assert.Len(t, filter(evs, TypeOther), 1, "%v", evs)
}

// A trigger that finds no actor does not keep a later one of its type
// from its event: a sentence's event of a type is its first with an actor.
func TestFirstTriggerWithAnActor(t *testing.T) {
	ents := actionEntities(t)
	evs := run(t, "de", thursday, ents, "Der Beamte war schon festgenommen worden, als Anna Test weitere Ermittlungen anordnete.")
	assert.Contains(t, actors(pick(t, evs, TypeOther)), anna.ID)
}

// The noun "Eintreffen" is an arrival of anyone; the verb ending its
// clause is one of the subject.
func TestEintreffenNoun(t *testing.T) {
	ents := actionEntities(t)
	evs := run(t, "de", thursday, ents, "Beim Eintreffen im Saal begrüßte Tom Spieler die Gäste von Anna Test.")
	assert.Empty(t, filter(evs, TypeVisit), "%v", evs)
}

func TestReceptionsAndOffices(t *testing.T) {
	ents := actionEntities(t)
	evs := run(t, "es", thursday, ents, "Rosa Ejemplo recibió al canciller Pablo Prueba en el Palacio de la Revolución.")
	assert.NotEmpty(t, filter(evs, TypeMeet), "%v", evs)
	evs = run(t, "es", thursday, ents, "Rosa Ejemplo recibió a los periodistas en su despacho.")
	assert.Empty(t, filter(evs, TypeMeet), "a press call is no meeting: %v", evs)
	evs = run(t, "es", thursday, ents, "Rosa Ejemplo asumió el cargo el lunes.")
	assert.NotEmpty(t, filter(evs, TypeOther), "%v", evs)
	evs = run(t, "es", thursday, ents, "Rosa Ejemplo arribó el jueves a Logroño.")
	assert.NotEmpty(t, filter(evs, TypeVisit), "%v", evs)
	evs = run(t, "es", thursday, ents, "Rosa Ejemplo arribó a la conclusión de que era un error.")
	assert.Empty(t, filter(evs, TypeVisit), "%v", evs)
	evs = run(t, "de", thursday, ents, "Anna Test hat ihr Amt am Montag angetreten.")
	assert.NotEmpty(t, filter(evs, TypeOther), "%v", evs)
}

// Two acts in one sentence are two events when two actors did them, and
// when one did both with two coordinated verbs (coordinated.go).
func TestTwoActsInASentence(t *testing.T) {
	ents := actionEntities(t)
	evs := run(t, "es", thursday, ents, "Rosa Ejemplo ordenó el cierre de la frontera, y el Congreso ratificó el tratado.")
	others := filter(evs, TypeOther)
	require.Len(t, others, 2, "%v", evs)
	assert.Contains(t, actors(others[0]), rosa.ID)
	assert.Contains(t, actors(others[1]), congreso.ID)
	evs = run(t, "es", thursday, ents, "Rosa Ejemplo ordenó el cierre de la frontera y canceló su viaje a Madrid.")
	others = filter(evs, TypeOther)
	require.Len(t, others, 2, "%v", evs)
	assert.Equal(t, []string{rosa.ID}, actors(others[0]))
	assert.Equal(t, []string{rosa.ID}, actors(others[1]))
}

func TestLeavingOfficeAndTheSameDecision(t *testing.T) {
	ents := actionEntities(t)
	evs := run(t, "es", thursday, ents, "Rosa Ejemplo, que dejó la vicecancillería en marzo, declaró ante el juez.")
	assert.Contains(t, actors(pick(t, evs, TypeOther)), rosa.ID)
	evs = run(t, "es", thursday, ents, "Rosa Ejemplo tomó la misma decisión con su embajador en Madrid.")
	assert.Contains(t, actors(pick(t, evs, TypeOther)), rosa.ID)
}

func TestAGuestVisits(t *testing.T) {
	ents := actionEntities(t)
	evs := run(t, "de", thursday, ents, "Im Sommer war Putin zu Gast bei Anna Test in Berlin.")
	assert.Contains(t, actors(pick(t, evs, TypeVisit)), putinP.ID)
	evs = run(t, "de", thursday, ents, "Tom Spieler war zu Gast bei einer Talkshow.")
	assert.Empty(t, filter(evs, TypeVisit), "%v", evs)
}

// "!x" holds at the end of a sentence too.
func TestNotAtTheEnd(t *testing.T) {
	ents := actionEntities(t)
	evs := run(t, "de", thursday, ents, "Das Landesparlament entschied.")
	assert.Contains(t, actors(pick(t, evs, TypeOther)), parlament.ID)
}
