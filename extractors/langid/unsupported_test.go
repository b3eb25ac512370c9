package langid

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gazex/gazex/extractors/sentences"
)

// Texts in languages gazex does not read, written for these tests: a
// headline-sized line and a news-like paragraph each.
var unsupportedTexts = []struct {
	lang, short, long string
}{
	{
		lang:  "fr",
		short: "Le gouvernement annonce une nouvelle réforme des retraites",
		long: "Le gouvernement a présenté mardi un projet de loi sur les retraites qui prévoit de repousser l'âge légal de départ. " +
			"Selon le ministre du Travail, cette réforme est nécessaire pour garantir l'équilibre du système dans les prochaines années. " +
			"Les syndicats ont aussitôt appelé à une journée de grève dans toute la France, et plusieurs partis de l'opposition dénoncent un texte injuste. " +
			"La première ministre doit recevoir les partenaires sociaux à Matignon avant la fin de la semaine.",
	},
	{
		lang:  "it",
		short: "Il governo approva la nuova legge di bilancio",
		long: "Il consiglio dei ministri ha approvato ieri sera la legge di bilancio per il prossimo anno. " +
			"Secondo il ministro dell'Economia, la manovra contiene misure per le famiglie e per le imprese che hanno sofferto durante la crisi. " +
			"I sindacati chiedono però più risorse per la sanità e per la scuola, mentre l'opposizione parla di una manovra senza coraggio. " +
			"Il testo passerà ora all'esame del Parlamento, che dovrà approvarlo entro la fine di dicembre.",
	},
	{
		lang:  "pt",
		short: "Governo anuncia novas medidas para a economia",
		long: "O governo anunciou nesta terça-feira um pacote de medidas para estimular a economia do país. " +
			"De acordo com o ministro da Fazenda, as novas regras devem entrar em vigor no próximo mês e beneficiar as pequenas empresas. " +
			"Os economistas ouvidos pela reportagem afirmam que o impacto será limitado, porque a inflação continua alta. " +
			"A oposição criticou a falta de diálogo com o Congresso e promete apresentar uma proposta alternativa.",
	},
	{
		lang:  "pl",
		short: "Rząd przyjął nowy projekt ustawy o podatkach",
		long: "Rada Ministrów przyjęła we wtorek projekt ustawy, który zmienia zasady rozliczania podatku dochodowego. " +
			"Według ministra finansów nowe przepisy mają wejść w życie od początku przyszłego roku i obniżyć obciążenia dla rodzin. " +
			"Opozycja zapowiada, że nie poprze projektu, ponieważ jej zdaniem budżet państwa straci miliardy złotych. " +
			"Ustawą zajmie się teraz Sejm, a głosowanie ma się odbyć jeszcze w tym miesiącu.",
	},
	{
		lang:  "ca",
		short: "El Parlament ha aprovat avui els pressupostos amb els vots dels dos grups que donen suport al govern.",
		long: "El govern ha aprovat aquest dimarts el projecte de pressupostos per a l'any vinent, que ara haurà de passar pel Parlament. " +
			"Segons la consellera d'Economia, els comptes inclouen més diners per a la sanitat i per a l'educació que mai. " +
			"Els partits de l'oposició han criticat que no s'hagin negociat amb ells i demanen més inversió als municipis. " +
			"La votació definitiva està prevista per al mes de març, després de les esmenes dels grups.",
	},
	{
		lang:  "nl",
		short: "Kabinet presenteert nieuwe plannen voor de woningmarkt",
		long: "Het kabinet heeft dinsdag nieuwe plannen gepresenteerd om de woningnood in het land aan te pakken. " +
			"Volgens de minister moeten er de komende jaren honderdduizenden woningen bij komen, vooral voor starters en ouderen. " +
			"De oppositie vindt dat de plannen te laat komen en dat er te weinig geld voor wordt uitgetrokken. " +
			"De Tweede Kamer debatteert volgende week over het voorstel, waarna een stemming volgt.",
	},
}

func TestUnsupportedLanguagesAreUnd(t *testing.T) {
	d := detector(t)
	for _, tc := range unsupportedTexts {
		for _, text := range []string{tc.short, tc.long, strings.Repeat(tc.long+"\n\n", 4)} {
			lang, conf := d.Document(text)
			assert.Equal(t, Und, lang, "%s: %.40q…", tc.lang, text)
			assert.True(t, conf > 0 && conf <= 1, "%s: confidence %v", tc.lang, conf)
		}
	}
}

func TestHeadlinesStaySupported(t *testing.T) {
	d := detector(t)
	for _, tc := range []struct{ lang, text string }{
		{"de", "Scholz trifft Macron in Paris"},
		{"de", "Bundesregierung beschließt neues Heizungsgesetz"},
		{"de", "Kanzler reist nach Peking"},
		{"de", "Streit um Schuldenbremse eskaliert"},
		{"de", "Außenministerin kritisiert Moskau scharf"},
		{"de", "Bahnstreik legt Fernverkehr lahm"},
		{"de", "Merz will Wehrpflicht zurück"},
		{"de", "Grüne verlieren in Umfrage"},
		{"es", "Sánchez se reúne con Macron en París"},
		{"es", "El Gobierno aprueba la reforma laboral"},
		{"es", "Cuba y China firman acuerdo de cooperación"},
		{"es", "Petro acusa a Washington de injerencia"},
		{"es", "Huelga general paraliza Argentina"},
		{"es", "Milei anuncia recortes en la educación"},
		{"es", "Bolivia rompe relaciones con Israel"},
		{"en", "Biden meets Xi in San Francisco"},
		{"en", "Senate passes defense bill"},
	} {
		lang, _ := d.Document(tc.text)
		assert.Equal(t, tc.lang, lang, tc.text)
	}
}

func TestMixedDocuments(t *testing.T) {
	d := detector(t)
	tests := []struct {
		name, text, lang string
		segs             []wantSeg
	}{
		{
			name: "German report with an embedded Spanish tweet",
			text: "Die Außenministerin hat am Freitag in Lima mit ihrem peruanischen Amtskollegen über den Handel gesprochen. " +
				"Beide Seiten wollen die Zusammenarbeit beim Klimaschutz ausbauen. Der Minister schrieb danach auf X: " +
				"Hoy recibimos a la ministra alemana y firmamos un memorando para proteger los bosques de la Amazonía. " +
				"Die Ministerin reist am Sonntag weiter nach Chile.",
			lang: "de",
			segs: []wantSeg{{"es", "Hoy recibimos a la ministra alemana y firmamos un memorando para proteger los bosques de la Amazonía."}},
		},
		{
			name: "Spanish report with a French quote",
			text: "El presidente francés visitó este lunes Madrid para hablar de la crisis energética con el jefe del Gobierno. " +
				"En la rueda de prensa dijo en su idioma: « Nous devons agir ensemble pour que les prix baissent avant l'hiver. » " +
				"Los dos mandatarios firmaron después un acuerdo sobre las interconexiones eléctricas entre ambos países.",
			lang: "es",
		},
		{
			name: "German report with a French quote",
			text: "Der französische Präsident hat am Montag Berlin besucht und mit dem Kanzler über die Energiepreise gesprochen. " +
				"Auf der Pressekonferenz sagte er: « Nous devons agir ensemble pour que les prix de l'énergie baissent avant l'hiver. » " +
				"Die beiden Politiker unterzeichneten danach eine Erklärung über den Ausbau der Stromnetze zwischen beiden Ländern.",
			lang: "de",
		},
		{
			name: "German report with Italian and Portuguese sentences",
			text: "Die Regierungschefs trafen sich am Dienstag in Brüssel, um über die Migration zu sprechen. " +
				"Die italienische Ministerpräsidentin sagte: Abbiamo bisogno di una risposta europea e non di soluzioni nazionali. " +
				"Der portugiesische Premier ergänzte: Precisamos de mais solidariedade entre os países do sul e do norte. " +
				"Eine Einigung gab es am Ende nicht, die Gespräche sollen im März fortgesetzt werden.",
			lang: "de",
		},
		{
			name: "Spanish place and building names in a German report",
			text: "Außenminister Rubio ließ die Visavergabe in der Botschaft in Bogotá aussetzen. " +
				"Aus der Casa de Nariño hieß es am Abend, die Flugzeuge stünden bereit. " +
				"Der Präsident sprach später vor Anhängern in Medellín über den Streit.",
			lang: "de",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lang, _ := d.Document(tc.text)
			assert.Equal(t, tc.lang, lang)
			var got []wantSeg
			for _, s := range d.Segments(tc.text, sentences.Split(tc.text, lang), lang) {
				got = append(got, wantSeg{s.Lang, tc.text[s.Start:s.End]})
			}
			assert.Equal(t, tc.segs, got)
		})
	}
}

// A German results list with few German function words and Spanish
// surnames: the surnames' "de", "la", "del" outnumber them, but whatlanggo
// recognises German on most of the text.
func TestFewFunctionWordsFollowWhatlanggo(t *testing.T) {
	d := detector(t)
	var b strings.Builder
	b.WriteString("Ergebnisse der Kreismeisterschaften im Hallensport\n\n")
	rows := []string{
		"Weitsprung Schülerinnen: Laura de la Fuente (TSV Unterkochen) 4,81 m; Sofia del Río (LG Ostalb) 4,65 m",
		"Hochsprung Schüler: Pablo de los Santos (SV Wasseralfingen) 1,52 m; Mario de la Vega (TSG Hofherrnweiler) 1,48 m",
		"Kugelstoßen Jugend: Lucía del Valle (LG Ostalb) 11,20 m; Marta de la Torre (TSV Unterkochen) 10,95 m",
		"Staffel Mädchen: TSV Unterkochen 54,12 s; LG Ostalb 55,03 s; Vereinsgemeinschaft Aalen 56,40 s",
		"Sprint Männer: Diego de la Cruz (TSG Hofherrnweiler) 11,42 s; Jonas Weber (SV Wasseralfingen) 11,57 s",
		"Hürdenlauf Frauen: Ana de las Heras (LG Ostalb) 14,88 s; Lena Fischer (TSV Unterkochen) 15,02 s",
	}
	for range 3 {
		for _, r := range rows {
			b.WriteString(r + "\n")
		}
	}
	lang, _ := d.Document(b.String())
	assert.Equal(t, "de", lang)
}

// Pages that mix a configured language with another go by what most of
// the page is written in.
func TestMixedPages(t *testing.T) {
	d := detector(t)
	german := "Die Bundesregierung hat am Mittwoch einen Entwurf für das neue Rentengesetz beschlossen. " +
		"Der Arbeitsminister sagte in Berlin, die Reform sichere das Rentenniveau bis zum Ende des Jahrzehnts. " +
		"Die Opposition kritisierte, dass die jüngeren Beschäftigten die Kosten tragen müssten. " +
		"Der Bundestag soll noch vor der Sommerpause über das Gesetz abstimmen, die Länder haben im Bundesrat ein Mitspracherecht.\n\n"
	french := unsupportedTexts[0].long + "\n\n"
	italian := unsupportedTexts[1].long + "\n\n"
	for _, tc := range []struct{ name, text, lang string }{
		{"German page quoting a French paragraph", german + german + french + german + german, "de"},
		{"German page with a French and an Italian paragraph", german + french + german + italian + german, "de"},
		{"French page with a German paragraph", french + french + german + french + french, Und},
		{"Italian page with a German teaser", german[:200] + "\n\n" + italian + italian + italian + italian, Und},
		{"French page with an English title", "Pension reform: the government's plan\n\n" + french + french, Und},
	} {
		lang, _ := d.Document(tc.text)
		assert.Equal(t, tc.lang, lang, tc.name)
	}
}

// A configured subset of de, es, en makes the others unsupported too.
func TestFewerLanguages(t *testing.T) {
	german := "Die Bundesregierung hat am Mittwoch einen Entwurf für das neue Rentengesetz beschlossen. " +
		"Der Arbeitsminister sagte in Berlin, die Reform sichere das Rentenniveau bis zum Ende des Jahrzehnts."
	spanish := "El Gobierno aprobó este martes el proyecto de ley de presupuestos para el año que viene. " +
		"La ministra de Hacienda dijo que las cuentas incluyen más dinero para la sanidad y la educación."
	english := "The government approved the budget bill on Tuesday after a long debate in parliament. " +
		"The finance minister said that the plan would cut the deficit within three years."
	for _, tc := range []struct {
		langs      []string
		text, want string
	}{
		{[]string{"de"}, german, "de"},
		{[]string{"de"}, spanish, Und},
		{[]string{"de"}, english, Und},
		{[]string{"de", "es"}, spanish, "es"},
		{[]string{"de", "es"}, english, Und},
		{[]string{"es", "en"}, german, Und},
	} {
		d, err := New(tc.langs)
		assert.NoError(t, err)
		lang, _ := d.Document(tc.text)
		assert.Equal(t, tc.want, lang, "%v: %.30q", tc.langs, tc.text)
	}
}
