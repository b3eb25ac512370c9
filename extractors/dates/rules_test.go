package dates

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRules resolves the nearest thing to what news writes, one rule of
// each language at a time, against a publication date.
func TestRules(t *testing.T) {
	tests := []struct {
		name, text, expr string // expr: the span Find must give, first of the text
		pub              Anchor
		future           bool
		want             string // "" when it must not resolve
		method           string
	}{
		// A stated year is never lost to the month before it.
		{"de im Dezember 2022", "Der Gipfel findet im Dezember 2022 in Brüssel statt.", "im Dezember 2022", Anchor{2022, 11, 29, ""}, false, "2022-12", MethodExplicit},
		{"de Anfang Mai 2019", "Die Gespräche begannen Anfang Mai 2019 in Genf.", "Anfang Mai 2019", Anchor{2024, 3, 14, ""}, false, "2019-05", MethodExplicit},
		{"es en agosto de 2022", "El ministro visitó Lima en agosto de 2022.", "en agosto de 2022", Anchor{2023, 1, 26, ""}, false, "2022-08", MethodExplicit},
		{"es a comienzos de septiembre", "Defensa paralizó la venta a comienzos de septiembre.", "comienzos de septiembre", Anchor{2018, 9, 13, ""}, false, "2018-09", MethodExplicitNoYear},
		{"en in March 2018", "The envoys first met in March 2018 in Oslo.", "in March 2018", Anchor{2024, 3, 14, ""}, false, "2018-03", MethodExplicit},
		// A month without a year: past by default, ahead when the sentence speaks of the future.
		{"en upcoming June", "The upcoming summit in June will be held in Madrid.", "in June", Anchor{2024, 4, 10, ""}, true, "2024-06", MethodExplicitNoYear},
		{"en past June", "The two leaders met in June in Madrid.", "in June", Anchor{2024, 4, 10, ""}, false, "2023-06", MethodExplicitNoYear},
		{"de future Februar", "Die Kommission wird im Februar entscheiden.", "im Februar", Anchor{2024, 11, 20, ""}, true, "2025-02", MethodExplicitNoYear},
		{"de für Anfang Dezember", "Sie sagte ihre für Anfang Dezember geplante Reise ab.", "Anfang Dezember", Anchor{2018, 11, 10, ""}, false, "2018-12", MethodExplicitNoYear},
		{"es próximo 28 de mayo", "El Gobierno aprobará el próximo 28 de mayo el decreto.", "28 de mayo", Anchor{2024, 5, 22, ""}, false, "2024-05-28", MethodExplicitNoYear},
		{"es para el miércoles", "Pidió una sesión, prevista para el miércoles en Quito.", "el miércoles", Anchor{2024, 7, 30, ""}, false, "2024-07-31", MethodRelativeWeekday},
		{"es pasado 2 de mayo", "El Gobierno había revelado el pasado 2 de mayo que los móviles fueron infectados.", "2 de mayo", Anchor{2024, 5, 22, ""}, true, "2024-05-02", MethodExplicitNoYear},
		// A year named relative to the publication's.
		{"de März vergangenen Jahres", "Im März vergangenen Jahres unterzeichneten beide Seiten ein Protokoll.", "Im März vergangenen Jahres", Anchor{2024, 1, 10, ""}, false, "2023-03", MethodRelativeMonth},
		{"de Mai des Vorjahres", "Die Verhandlungen ruhen seit Mai des Vorjahres.", "seit Mai des Vorjahres", Anchor{2024, 1, 10, ""}, false, "2023-05", MethodRelativeMonth},
		{"es marzo del año pasado", "En marzo del año pasado el canciller viajó a Pekín.", "En marzo del año pasado", Anchor{2024, 1, 10, ""}, false, "2023-03", MethodRelativeMonth},
		{"es diciembre de este año", "La cumbre se celebrará en diciembre de este año.", "en diciembre de este año", Anchor{2024, 1, 10, ""}, false, "2024-12", MethodRelativeMonth},
		{"en March last year", "The ministers met in March last year in Vienna.", "in March last year", Anchor{2024, 1, 10, ""}, false, "2023-03", MethodRelativeMonth},
		// Ranges date by their first day.
		{"de vom 14. bis 16. Oktober", "Die Konferenz tagte vom 14. bis 16. Oktober in Wien.", "14. bis 16. Oktober", Anchor{2024, 11, 2, ""}, false, "2024-10-14", MethodExplicitNoYear},
		{"de zwischen dem 3. und 5. März", "Zwischen dem 3. und 5. März 2023 reiste er durch Asien.", "3. und 5. März 2023", Anchor{2024, 1, 2, ""}, false, "2023-03-03", MethodExplicit},
		{"es el 3 y 4 de junio", "Los cancilleres se reunirán el 3 y 4 de junio en Lima.", "3 y 4 de junio", Anchor{2024, 5, 20, ""}, true, "2024-06-03", MethodExplicitNoYear},
		{"es del 30 de septiembre al 2 de octubre", "La visita se extendió del 30 de septiembre al 2 de octubre de 2024.", "30 de septiembre al 2 de octubre de 2024", Anchor{2024, 11, 2, ""}, false, "2024-09-30", MethodExplicit},
		{"en from 14 to 16 October", "Delegates met from 14 to 16 October in Geneva.", "14 to 16 October", Anchor{2024, 11, 2, ""}, false, "2024-10-14", MethodExplicitNoYear},
		{"en October 14-16, 2023", "The talks ran October 14-16, 2023, in Doha.", "October 14-16, 2023", Anchor{2024, 11, 2, ""}, false, "2023-10-14", MethodExplicit},
		{"de Jahreswechsel", "Die Waffenruhe galt vom 28. Dezember bis 3. Januar 2024.", "28. Dezember bis 3. Januar 2024", Anchor{2024, 1, 20, ""}, false, "2023-12-28", MethodExplicit},
		// Weekdays with a time of day, holidays, tomorrow.
		{"de Sonntagabend", "Die Sprecherin erklärte am Sonntagabend, man habe sich geeinigt.", "am Sonntagabend", Anchor{2025, 1, 27, ""}, false, "2025-01-26", MethodRelativeWeekday},
		{"de Karfreitag", "Der Beamte war am Karfreitag festgenommen worden.", "am Karfreitag", Anchor{2024, 4, 3, ""}, false, "2024-03-29", MethodExplicitNoYear},
		{"es Viernes Santo", "El detenido fue trasladado el Viernes Santo a Madrid.", "el Viernes Santo", Anchor{2023, 4, 12, ""}, false, "2023-04-07", MethodExplicitNoYear},
		{"en Christmas Eve", "The envoy arrived on Christmas Eve in Kyiv.", "on Christmas Eve", Anchor{2024, 1, 5, ""}, false, "2023-12-24", MethodExplicitNoYear},
		{"de morgen", "Der Minister reist morgen nach Paris.", "morgen", Anchor{2024, 3, 14, ""}, true, "2024-03-15", MethodRelativeDay},
		{"es mañana", "El canciller viajará mañana a Quito.", "mañana", Anchor{2024, 3, 14, ""}, true, "2024-03-15", MethodRelativeDay},
		{"es esta mañana", "El canciller llegó esta mañana a Quito.", "esta mañana", Anchor{2024, 3, 14, ""}, false, "2024-03-14", MethodRelativeDay},
		{"es anoche", "El ministerio emitió un comunicado anoche.", "anoche", Anchor{2024, 3, 14, ""}, false, "2024-03-13", MethodRelativeDay},
		// A weekday with its calendar date is one date, and the weekday
		// chooses the year of a date without one.
		{"de am Samstag, 24. Februar", "Am Samstag, 24. Februar, reiste die Außenministerin nach Kiew.", "Am Samstag, 24. Februar", Anchor{2024, 2, 26, ""}, false, "2024-02-24", MethodExplicitNoYear},
		{"de Donnerstag, den 7. März", "Die Minister trafen sich am Donnerstag, den 7. März, in Berlin.", "am Donnerstag, den 7. März", Anchor{2024, 3, 10, ""}, false, "2024-03-07", MethodExplicitNoYear},
		{"es el lunes 3 de junio", "El presidente viajará el lunes 3 de junio a Bruselas.", "el lunes 3 de junio", Anchor{2024, 5, 28, ""}, true, "2024-06-03", MethodExplicitNoYear},
		{"en on Sunday, May 1 ahead", "The party announced its candidates for the conference on Sunday, May 1.", "on Sunday, May 1", Anchor{2022, 4, 21, ""}, false, "2022-05-01", MethodExplicitNoYear},
		{"en Friday, January 10 next year", "The envoys meet on Friday, January 10, in Geneva.", "on Friday, January 10", Anchor{2024, 12, 20, ""}, false, "2025-01-10", MethodExplicitNoYear},
		{"en Friday, March 3, 2023", "The talks ended on Friday, March 3, 2023, in Doha.", "on Friday, March 3, 2023", Anchor{2024, 1, 2, ""}, false, "2023-03-03", MethodExplicit},
		{"de weekday that does not fit", "Die Gespräche endeten am Montag, 24. Februar, ohne Ergebnis.", "am Montag, 24. Februar", Anchor{2024, 2, 27, ""}, false, "2024-02-24", MethodExplicitNoYear},
		// Two days, not one date with its weekday.
		{"de Montag und 3. Mai", "Er reiste am Montag und am 3. Mai nach Paris.", "am Montag", Anchor{2024, 5, 8, ""}, false, "2024-05-06", MethodRelativeWeekday},
		// Dates told from the one spoken of last (the anchor given is that date).
		{"de tags darauf", "Die Ministerin wies die Vorwürfe tags darauf zurück.", "tags darauf", Anchor{2024, 4, 8, ""}, false, "2024-04-09", MethodRelativeContext},
		{"de am selben Tag", "Auch Prag meldete am selben Tag Angriffe.", "am selben Tag", Anchor{2024, 5, 3, ""}, false, "2024-05-03", MethodRelativeContext},
		{"de im selben Monat", "Berlin beantragte noch im selben Monat eine Sitzung.", "im selben Monat", Anchor{2020, 12, 0, ""}, false, "2020-12", MethodRelativeContext},
		{"de zwei Tage später", "Zwei Tage später traf der Gesandte in Kairo ein.", "Zwei Tage später", Anchor{2024, 2, 28, ""}, false, "2024-03-01", MethodRelativeContext},
		{"de damals", "Das Vorgehen belaste die Beziehungen, sagte die Kanzlerin damals.", "damals", Anchor{2020, 5, 0, ""}, false, "2020-05", MethodRelativeContext},
		{"es al día siguiente", "El embajador fue convocado al día siguiente.", "al día siguiente", Anchor{2024, 4, 30, ""}, false, "2024-05-01", MethodRelativeContext},
		{"es entonces", "Oktay defendió entonces que Suecia había avanzado.", "entonces", Anchor{2023, 12, 26, ""}, false, "2023-12-26", MethodRelativeContext},
		{"es tres días después", "Tres días después, Quito expulsó al encargado de negocios.", "Tres días después", Anchor{2024, 1, 30, ""}, false, "2024-02-02", MethodRelativeContext},
		{"en the next day", "The ambassador was summoned the next day.", "the next day", Anchor{2024, 2, 29, ""}, false, "2024-03-01", MethodRelativeContext},
		{"en a week later", "A week later the two sides signed the deal.", "A week later", Anchor{2024, 2, 26, ""}, false, "2024-03-04", MethodRelativeContext},
		{"es junio de ese año", "Nijjar fue tiroteado en junio de ese año en Surrey.", "en junio de ese año", Anchor{2023, 9, 18, ""}, false, "2023-06", MethodRelativeContext},
		{"de Mai desselben Jahres", "Im Mai desselben Jahres trat er zurück.", "Im Mai desselben Jahres", Anchor{2019, 2, 0, ""}, false, "2019-05", MethodRelativeContext},
		{"en later that month", "Later that month, Ottawa expelled six diplomats.", "Later that month", Anchor{2023, 9, 18, ""}, false, "2023-09", MethodRelativeContext},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			exprs := Find(tc.text)
			require.NotEmpty(t, exprs)
			e := exprs[0]
			assert.Equal(t, tc.expr, tc.text[e.Start:e.End])
			v, ok := e.Resolve(tc.pub, tc.future)
			if tc.want == "" {
				assert.False(t, ok)
				return
			}
			require.True(t, ok)
			assert.Equal(t, tc.want, v.String())
			assert.Equal(t, tc.method, v.Method)
		})
	}
}

// TestNotDates holds words that look like the dates above but are none.
func TestNotDates(t *testing.T) {
	for _, text := range []string{
		"Er trifft sich jeden Morgen mit Beratern.",
		"Der Minister sprach heute Morgen in Kiew.", // heute only
		"El entonces ministro firmó el acuerdo.",
		"Desde entonces no hubo contactos.",
		"Trabajó toda la mañana en el informe.",
		"Der Antrag wurde mit 15 zu 1 Stimmen abgelehnt.",
		"Los diputados votaron 287 a favor y 55 en contra.",
		"Sie sprachen über Weihnachten und Ostereier.", // a season and a compound
		"Die Angreifer nutzten eine damals unbekannte Lücke.",
		"Argel llamó a consultas a su embajador un día después de conocerse la carta.",
		"Two days after the vote the envoy left.",
	} {
		var found []string
		for _, e := range Find(text) {
			if e.Method != MethodRelativeDay || text[e.Start:e.End] != "heute" {
				found = append(found, text[e.Start:e.End])
			}
		}
		assert.Empty(t, found, text)
	}
}

// TestBound marks limits, which date no event: "bis zum", "antes del", "until".
func TestBound(t *testing.T) {
	for _, tc := range []struct {
		text  string
		bound bool
	}{
		{"Die Diplomaten müssen das Land bis zum 19. Oktober verlassen.", true},
		{"Ordenó la salida de cinco diplomáticos antes del 19 de octubre.", true},
		{"The envoys must leave by Friday.", true},
		{"Die Gespräche dauern bis Ende Februar.", true},
		{"Die Diplomaten verließen das Land am 19. Oktober.", false},
		{"Die Konferenz tagte vom 14. bis 16. Oktober in Wien.", false},
	} {
		exprs := Find(tc.text)
		require.Len(t, exprs, 1, tc.text)
		assert.Equal(t, tc.bound, exprs[0].Bound, tc.text)
	}
}

func TestEaster(t *testing.T) {
	for y, want := range map[int]string{2018: "2018-04-01", 2019: "2019-04-21", 2024: "2024-03-31", 2025: "2025-04-20", 2038: "2038-04-25"} {
		assert.Equal(t, want, easter(y).Format("2006-01-02"))
	}
}

// TestReach holds each rule's reach to what it claims: Find over the
// seeds finds what it finds when every rule looks 80 bytes around each cue.
func TestReach(t *testing.T) {
	paths, err := filepath.Glob("../../testdata/seeds/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	var texts []string
	for _, path := range paths {
		raw, err := os.ReadFile(path)
		require.NoError(t, err)
		for line := range strings.Lines(string(raw)) {
			texts = append(texts, line)
		}
	}
	texts = append(texts, reachTexts...)
	want := make([][]Expr, len(texts))
	saved := make([][2]int, len(rules))
	for i := range rules {
		saved[i], rules[i].reach = rules[i].reach, [2]int{80, 80}
	}
	for k, text := range texts {
		want[k] = Find(text)
	}
	for i := range rules {
		rules[i].reach = saved[i]
	}
	for k, text := range texts {
		assert.Equal(t, want[k], Find(text), text)
	}
}

// reachTexts are the longest forms of each rule.
var reachTexts = []string{
	"Es geschah a principios de septiembre del año pasado y im September des vergangenen Jahres.",
	"Sie trafen sich am darauffolgenden Tag, am Tag darauf, tags zuvor, al día siguiente, ese mismo mes.",
	"Sieben Monaten später; cuatro semanas más tarde; seven months ago; hace cuatro semanas; vor sieben Monaten.",
	"Am vergangenen Donnerstagnachmittag, el domingo de Resurrección, el miércoles próximo, at the beginning of September 2024.",
	"Del 30 de septiembre al 2 de octubre de 2024, September 30 to October 2, 2024, vom 28. Dezember bis 3. Januar 2024.",
	"La semana que viene, el mes que viene, in der nächsten Woche, a finales de diciembre del 2023.",
}
