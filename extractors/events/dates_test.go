package events

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/extractors/dates"
	"github.com/gazex/gazex/gazetteer"
)

// TestTimeline dates events by what their sentence says, and a sentence
// that says nothing by the day the text spoke of last. The sentences are
// written for this test; the publication date is Thursday, 14 March 2024.
func TestTimeline(t *testing.T) {
	ap := map[string]*gazetteer.Entity{"Anna Test": anna, "Pablo Prueba": pablo}
	tests := []struct {
		name, lang string
		sentences  []string
		typ        string
		date       string // "" = none
		method     string
	}{
		{"de the day goes on", "de", []string{
			"Anna Test traf am Dienstag in Madrid Pablo Prueba.",
			"Anna Test sagte nach dem Gespräch, beide Länder wollten enger zusammenarbeiten."},
			TypeStatement, "2024-03-12", dates.MethodRelativeContext},
		{"de the day fades", "de", []string{
			"Anna Test traf am Dienstag in Madrid Pablo Prueba.",
			"Die Gespräche dauerten drei Stunden.", "Es ging um den Handel.", "Auch die Energie war ein Thema.",
			"Anna Test sagte, beide Länder wollten enger zusammenarbeiten."},
			TypeStatement, "2024-03-14", dates.MethodPublication},
		{"de tags darauf", "de", []string{
			"Pablo Prueba hatte am 8. März in Berlin Klage gegen Deutschland eingereicht.",
			"Anna Test wies die Vorwürfe tags darauf zurück."},
			TypeDeny, "2024-03-09", dates.MethodRelativeContext},
		{"es al día siguiente", "es", []string{
			"El ministro Pablo Prueba se reunió el lunes con Anna Test en Madrid.",
			"Al día siguiente, Pablo Prueba firmó un acuerdo con Anna Test."},
			TypeSignAgreement, "2024-03-12", dates.MethodRelativeContext},
		{"en the next day", "en", []string{
			"Anna Test met Pablo Prueba in Madrid on Tuesday.",
			"The next day, Anna Test signed an agreement with Pablo Prueba."},
			TypeSignAgreement, "2024-03-13", dates.MethodRelativeContext},
		{"de a plan speaks of now", "de", []string{
			"Anna Test traf am Dienstag in Madrid Pablo Prueba.",
			"Pablo Prueba kündigte an, er werde am Freitag nach Berlin reisen.",
			"Anna Test sagte, beide Länder wollten enger zusammenarbeiten."},
			TypeStatement, "2024-03-14", dates.MethodPublication},
		{"de the trigger's clause first", "de", []string{
			"Ende Januar hatte Anna Test Pablo Prueba vorgeworfen, an dem Angriff vom 7. Oktober 2023 beteiligt gewesen zu sein."},
			TypeAccuse, "2024-01", dates.MethodExplicitNoYear},
		{"de a bound dates nothing", "de", []string{
			"Anna Test forderte, die Diplomaten müssten das Land bis zum 19. März verlassen."},
			TypeStatement, "2024-03-14", dates.MethodPublication},
		{"de a planned date is not the act's", "de", []string{
			"Anna Test bestellte am Mittwoch Pablo Prueba ein und sagte ihre für Anfang April geplante Reise nach Madrid ab."},
			TypeOther, "2024-03-13", dates.MethodRelativeWeekday},
		{"de a year in another clause", "de", []string{
			"Anna Test verhängte Sanktionen gegen 32 Personen, denen Einmischung in die Wahl 2020 vorgeworfen wird."},
			TypeOther, "2024-03-14", dates.MethodPublication},
		{"de a year before the trigger's clause governs it", "de", []string{
			"Im Jahr 2019 wurde berichtet, dass Anna Test und Pablo Prueba über ein Abkommen verhandelten."},
			TypeConsult, "", ""},
		{"es a future verb in the date's clause", "es", []string{
			"Pablo Prueba anunció que viajará el viernes a Berlín para reunirse con Anna Test."},
			TypeVisit, "2024-03-15", dates.MethodRelativeWeekday},
		{"en upcoming", "en", []string{
			"Anna Test announced that she will visit Pablo Prueba at the upcoming summit in June."},
			TypeVisit, "2024-06", dates.MethodExplicitNoYear},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := run(t, tc.lang, thursday, ap, tc.sentences...)
			ev := pick(t, evs[lastSentence(evs):], tc.typ)
			assert.Equal(t, tc.date, dateOf(ev))
			if ev.Date != nil {
				assert.Equal(t, tc.method, ev.Date.Method)
			}
		})
	}
}

// TestTimelineTweet: a tweet speaks of its own day, and the day the text
// spoke of before it does not go on into it.
func TestTimelineTweet(t *testing.T) {
	ap := map[string]*gazetteer.Entity{"Anna Test": anna, "Pablo Prueba": pablo}
	evs := run(t, "es", thursday, ap,
		"Pablo Prueba había criticado el lunes a Anna Test y escribió en X:",
		"Hoy firmamos un acuerdo con Anna Test. — Pablo Prueba (@pabloprueba) March 13, 2024")
	ev := pick(t, evs, TypeSignAgreement)
	assert.Equal(t, "2024-03-13", dateOf(ev))
}

// lastSentence is the index of the first of evs from the last sentence.
func lastSentence(evs []Event) int {
	k := len(evs)
	for k > 0 && evs[k-1].SentStart == evs[len(evs)-1].SentStart {
		k--
	}
	return k
}

// What a speaker said in quotation marks is not when he said it; a date
// outside the quotation, or a quoted verb's own, still dates. The
// sentences are written for this test (published Thursday, 14 March 2024).
func TestQuotedDateIsNotTheStatements(t *testing.T) {
	ents := map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa, "Wladimir Putin": putinP, "Putin": putinP}
	tests := []struct {
		name, lang, text, want string
	}{
		{"de quoted month", "de", "„Im Januar 2023 war die Lage ernst“, sagte Wladimir Putin.", "2024-03-14"},
		{"de date outside", "de", "„Im Januar 2023 war die Lage ernst“, sagte Wladimir Putin am Dienstag.", "2024-03-12"},
		{"es quoted day", "es", "Rosa Ejemplo afirmó: «El 4 de mayo firmaremos el acuerdo».", "2024-03-14"},
		{"en quoted", "en", "Rosa Ejemplo said: “As of end January 2015 the ratio stood at 13.8 percent.”", "2024-03-14"},
		{"en unquoted", "en", "Rosa Ejemplo said on Tuesday that the ratio stood at 13.8 percent.", "2024-03-12"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := filter(run(t, tc.lang, thursday, ents, tc.text), TypeStatement)
			require.Len(t, evs, 1)
			assert.Equal(t, tc.want, dateOf(evs[0]))
		})
	}
}
