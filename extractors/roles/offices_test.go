package roles

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/extractors/tagger"
	"github.com/gazex/gazex/gazetteer"
)

// The sentences below are written for these tests; the names are made up.

func TestOfficesOfIssue11(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name, lang, text        string
		person, country, sector string
	}{
		{"de/ambassador in a city", "de", "Der ukrainische Botschafter in Berlin, Pawlo Beispielenko, kritisierte die Regierung.", "Pawlo Beispielenko", "UKR", "GOV"},
		{"de/ambassador in an article country", "de", "Der kolumbianische Botschafter in den Niederlanden, Juan Ejemplo Gómez, sprach zuerst.", "Juan Ejemplo Gómez", "COL", "GOV"},
		{"de/chargé d'affaires", "de", "Der russische Geschäftsträger Iwan Musterow wurde einbestellt.", "Iwan Musterow", "RUS", "GOV"},
		{"de/permanent representative at a body", "de", "Der russische Ständige Vertreter bei der Organisation, Oleg Probow, widersprach.", "Oleg Probow", "RUS", "GOV"},
		{"de/prosecutor general is JUD, not MIL", "de", "Gegen ihn hatte Generalbundesanwalt Karl Beispiel Anfang Mai einen Haftbefehl erwirkt.", "Karl Beispiel", "", "JUD"},
		{"de/chancellor compound", "de", "Bundeskanzler Franz Muster (ÖVP) drängt auf eine Reform.", "Franz Muster", "", "GOV"},
		{"de/committee chair", "de", "Der Vorsitzende des Auswärtigen Ausschusses im Bundestag, Norbert Beispiel, nannte das überfällig.", "Norbert Beispiel", "", "GOV"},
		{"de/particle glued to the surname", "de", "Er traf seinen saudischen Amtskollegen Adel al-Beispiel in New York.", "Adel al-Beispiel", "SAU", "GOV"},
		{"de/surname ending like a noun", "de", "Justizminister Merrick Garland sagte am Montag, die Regierung werde handeln.", "Merrick Garland", "", "GOV"},
		{"de/head of a national institute", "de", "Der Präsident des Robert Koch-Instituts, Lothar Beispiel, warnte erneut.", "Lothar Beispiel", "DEU", "GOV"},
		{"de/head of a regulator", "de", "Der Präsident der Bundesnetzagentur Klaus Beispiel kündigte Prüfungen an.", "Klaus Beispiel", "", "GOV"},
		{"de/the nearer role names the person", "de", "Die Direktorin des Kabinetts von Präsident Andry Beispiel traf einen Minister.", "Andry Beispiel", "", "GOV"},
		{"es/ambassador of a country in a city", "es", "Convocó a la embajadora de Chile en Lima, María Ejemplo, para consultas.", "María Ejemplo", "CHL", "GOV"},
		{"es/high commissioner", "es", "Nueva Delhi retira a su alto comisionado en Ottawa, Ravi Kumar Ejemplo, y a otros funcionarios.", "Ravi Kumar Ejemplo", "", "GOV"},
		{"es/chargé d'affaires", "es", "Ordenó la salida del encargado de negocios canadiense, Stewart Ejemplo, y de otros diplomáticos.", "Stewart Ejemplo", "CAN", "GOV"},
		{"es/prosecutor general is JUD", "es", "La fiscal general de la Nación, Patricia Ejemplo, presentó una denuncia.", "Patricia Ejemplo", "", "JUD"},
		{"es/judge of a court", "es", "Por su parte, el juez de la Audiencia Nacional Santiago Ejemplo ha citado al acusado.", "Santiago Ejemplo", "", "JUD"},
		{"es/director general with an acronym", "es", "El director general del Organismo Internacional de Energía Atómica (OIEA), Rafael Ejemplo, entregó el informe.", "Rafael Ejemplo", "", "GOV"},
		{"es/deputy minister with a long title", "es", "El subsecretario del Tesoro para Terrorismo e Inteligencia Financiera, Brian Ejemplo, afirmó lo contrario.", "Brian Ejemplo", "", "GOV"},
		{"es/party leader is PTY", "es", "España acogió, por razones humanitarias, al líder del Frente Ejemplar, Brahim Ejemplo, enfermo de covid.", "Brahim Ejemplo", "", "PTY"},
		{"es/president-elect", "es", "El presidente electo Juan Ejemplar prometió reformas.", "Juan Ejemplar", "", "GOV"},
		{"de/chief of a ministry named before", "de", "Das Finanzministerium, dessen designierter Chef Scott Beispiel noch wartet, schwieg.", "Scott Beispiel", "", "GOV"},
		{"de/acronym of a state organisation", "de", "OPCW-Generaldirektor Fernando Beispiel nannte den Bericht eindeutig.", "Fernando Beispiel", "", "GOV"},
		{"es/head of a national institute", "es", "El director del Instituto Nacional de Migración, Francisco Ejemplo, renunció.", "Francisco Ejemplo", "", "GOV"},
		{"de/head of a federal institute", "de", "Die Präsidentin des Bundesinstituts für Arzneimittel, Karin Beispiel, warnte.", "Karin Beispiel", "", "GOV"},
		{"en/attorney general is JUD", "en", "Attorney General John Example announced the charges on Monday.", "John Example", "", "JUD"},
		{"en/chargé d'affaires", "en", "The Canadian chargé d'affaires Stewart Example left the country.", "Stewart Example", "CAN", "GOV"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := f.extract(tt.text, tt.lang)
			var got []Entity
			for _, e := range res.Discovered {
				if e.Type == gazetteer.TypePerson {
					got = append(got, e)
				}
			}
			require.Len(t, got, 1, "%+v", res.Discovered)
			assert.Equal(t, tt.person, got[0].Name)
			assert.Equal(t, tt.country, got[0].Country)
			assert.Equal(t, tt.sector, got[0].Sector)
		})
	}
}

// TestNothingInvented: names that are no person's, and roles outside the
// state, give no official.
func TestNothingInvented(t *testing.T) {
	f := newFixture(t)
	tests := []struct{ name, lang, text string }{
		{"de/company after a role", "de", "Der Chef des Konzerns General Electric kündigte Stellen ab."},
		{"de/common noun after a role", "de", "Der Vorsitzende Amtsrichter verkündete das Urteil."},
		{"de/office and place", "de", "Der Leiter des Wohlfahrtsamts Köln äußerte sich nicht."},
		{"de/company chief", "de", "Konzernchef Hans Beispiel kündigte den Umbau an."},
		{"de/football federation", "de", "Der Präsident des Fußballverbands, Bernd Beispiel, trat zurück."},
		{"de/works council", "de", "Betriebsratschefin Daniela Beispiel kritisierte den Vorstand."},
		{"de/fire brigade association", "de", "Der Präsident des Landesfeuerwehrverbandes Hans Beispiel lobte die Helfer."},
		{"de/lawyer", "de", "Sein Rechtsanwalt Peter Beispiel legte Berufung ein."},
		{"de/tournament director", "de", "Turnierdirektor Edwin Beispiel zeigte sich zufrieden."},
		{"es/club president", "es", "El presidente del club, Joan Ejemplo, anunció el fichaje."},
		{"es/airline", "es", "El vicepresidente de la aerolínea, Carlos Ejemplo, pidió disculpas."},
		{"es/body mistaken for a role", "es", "La Administración General de Aduanas de China anunció la prohibición."},
		{"de/company acronym glued to the role", "de", "VW-Chef Herbert Beispiel verteidigte die Strategie."},
		{"de/federation acronym glued to the role", "de", "DFV-Präsident Karl-Heinz Beispiel lobte die Feuerwehren."},
		{"de/a chief without a state body", "de", "Matthias Beispiel, Chef des Ladens, öffnete um acht."},
		{"de/article before the complement's noun", "de", "Der Leiter des Kindergartens von St. Martin lud ein."},
		{"de/article is no particle", "de", "Die Leiterin der Ambulanz der Frauenheilkunde sprach."},
		{"de/unknown acronym as the complement", "de", "Die Präsidentin der DLRG, Ute Beispiel, warnte vor dem Baden."},
		{"es/unknown acronym as the complement", "es", "El presidente de la AIRD, Celso Ejemplo, pidió reformas."},
		{"de/prize winner is no office", "de", "Der Nobelpreisträger William Beispiel sprach in Oslo."},
		{"de/lobbyist is no office", "de", "Der Interessenvertreter Hans Beispiel kritisierte das Gesetz."},
		{"en/company CEO", "en", "CEO John Example said the company would grow."},
		{"en/tennis tournament", "en", "The tournament director John Example thanked the fans."},
		{"en/think-tank director", "en", "\"It will not last,\" said Peter Example, director of the Harlow Institute for Policy Studies."},
		{"de/community association president", "de", "Ali Beispiel, Präsident der Alevitischen Gemeinde Norddeutschland, kritisierte das Urteil."},
		{"de/research institute director", "de", "Der Direktor des Instituts für Weltwirtschaft, Moritz Beispiel, erwartet eine Rezession."},
		{"es/association president", "es", "La presidenta de la Asociación de Víctimas, Rosa Ejemplo, pidió justicia."},
		{"es/private institute director", "es", "El director del Instituto Elcano de Estudios, Pedro Ejemplo, lo dijo."},
		{"en/one word is no name", "en", "The General Electric board met on Monday."},
		{"en/a title after an article", "en", "In the speech, first reported by the Harlow Times, the former mayor argued that crime was falling."},
		{"en/a headline in Title Case", "en", "Police Arrest Island Premier On Fraud Charges After Long Inquiry"},
		{"en/a title's words are no name", "en", "She is Executive Vice President and Chief Brand Officer of the Harlow Rovers."},
		{"es/a body's name runs over capitalised adjectives", "es", "Invitarán al presidente de la Comisión Ejecutiva Portuaria Autónoma (CEPA) a explicar el caso."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := f.extract(tt.text, tt.lang)
			for _, e := range res.Discovered {
				assert.NotEqual(t, gazetteer.TypePerson, e.Type, "%+v", e)
			}
		})
	}
}

func TestAgencyPatternsOfIssue11(t *testing.T) {
	f := newFixture(t)
	tests := []struct{ name, lang, text, agency, country, sector string }{
		{"de/embassy by adjective", "de", "Die russische Botschaft wies das zurück.", "russische Botschaft", "RUS", "GOV"},
		{"de/embassy by genitive and city", "de", "Die Botschaft Nicaraguas in Berlin äußerte sich nicht.", "Botschaft Nicaraguas in Berlin", "NIC", "GOV"},
		{"de/embassy glued to its country", "de", "Die US-Botschaft in Moskau warnte Reisende.", "US-Botschaft in Moskau", "USA", "GOV"},
		{"de/consulate general", "de", "Das russische Generalkonsulat in Krakau wurde geschlossen.", "russische Generalkonsulat in Krakau", "RUS", "GOV"},
		{"de/ministry with a country genitive", "de", "Das Außenministerium der Ukraine protestierte.", "Außenministerium der Ukraine", "UKR", "GOV"},
		{"de/office of a country's official", "de", "Das Büro des ukrainischen Präsidenten schwieg dazu.", "Büro des ukrainischen Präsidenten", "UKR", "GOV"},
		{"de/department of a body", "de", "Die Rechtsabteilung des Auswärtigen Amts prüft den Fall.", "Rechtsabteilung des Auswärtigen Amts", "", "GOV"},
		{"de/capitalised adjective in the name", "de", "Dazu rief die Interamerikanische Kommission für Menschenrechte auf.", "Interamerikanische Kommission für Menschenrechte", "", "GOV"},
		{"de/committee", "de", "Der Auswärtige Ausschuss tagte am Montag.", "Auswärtige Ausschuss", "", "LEG"},
		{"de/court with a country", "de", "Der Oberste Gerichtshof Südkoreas entschied.", "Oberste Gerichtshof Südkoreas", "KOR", "JUD"},
		{"de/ministry glued to its country", "de", "Das US-Finanzministerium verhängte Sanktionen.", "US-Finanzministerium", "USA", "GOV"},
		{"de/ministry with a listed complement", "de", "Gefördert vom Bundesministerium für Familie, Senioren, Frauen und Jugend, Berlin.", "Bundesministerium für Familie, Senioren, Frauen und Jugend", "", "GOV"},
		{"es/embassy of a country in a country", "es", "La embajada de Venezuela en Colombia cerró sus puertas.", "embajada de Venezuela en Colombia", "VEN", "GOV"},
		{"es/consulate by adjective", "es", "El consulado uruguayo en Dubái emitió el pasaporte.", "consulado uruguayo en Dubái", "URY", "GOV"},
		{"es/prosecutor's office", "es", "La Fiscalía General de la Nación abrió una investigación.", "Fiscalía General de la Nación", "", "JUD"},
		{"es/national police", "es", "La Policía Nacional detuvo a dos personas.", "Policía Nacional", "", "COP"},
		{"es/army by adjective", "es", "El Ejército israelí atacó de nuevo.", "Ejército israelí", "ISR", "MIL"},
		{"es/chamber", "es", "La Cámara de Representantes aprobó la ley.", "Cámara de Representantes", "", "LEG"},
		{"es/committee", "es", "La Comisión de Exteriores debatió el tema.", "Comisión de Exteriores", "", "GOV"},
		{"es/congress of a country", "es", "El Congreso de Perú votó la moción.", "Congreso de Perú", "PER", "LEG"},
		{"de/ministry by its handle", "de", "Das Ministerium (@MFA_China) widersprach am Montag.", "@MFA_China", "CHN", "GOV"},
		{"es/ministry by its handle", "es", "Lo dijo el portavoz (@MEAIndia) en Nueva Delhi.", "@MEAIndia", "IND", "GOV"},
		{"en/embassy", "en", "The Chinese embassy in London declined to comment.", "Chinese embassy in London", "CHN", "GOV"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := f.extract(tt.text, tt.lang)
			var got []Entity
			for _, e := range res.Discovered {
				if e.Type == gazetteer.TypeOrganization {
					got = append(got, e)
				}
			}
			require.Len(t, got, 1, "%+v", res.Discovered)
			assert.Equal(t, tt.agency, got[0].Name)
			assert.Equal(t, tt.country, got[0].Country)
			assert.Equal(t, tt.sector, got[0].Sector)
			m := got[0].Mentions[0]
			assert.Equal(t, tt.agency, tt.text[m.Start:m.End])
		})
	}
}

// TestAgencyNameEnds: a German body's name ends where the sentence's
// object begins.
func TestAgencyNameEnds(t *testing.T) {
	f := newFixture(t)
	for text, want := range map[string]string{
		"Am Ende gab das Landesarbeitsgericht den Forderungen der Klägerin statt.":      "",
		"Dafür stellt das Bundesamt für Naturschutz Fördermittel bereit.":               "Bundesamt für Naturschutz",
		"So finanziert das Bundesministerium für Bildung und Forschung die Grundlagen.": "Bundesministerium für Bildung und Forschung",
		// A participle after the complement's noun is the sentence's.
		"Sie leitet ein vom Bundesamt für Strahlenschutz gefördertes Projekt.": "Bundesamt für Strahlenschutz",
		// A nationality adjective opens the complement's noun.
		"Der Präsident des Zentralkomitees der deutschen Katholiken mahnte Reformen an.": "Zentralkomitee der deutschen Katholiken",
		"Der Sekretär des Wohlfahrtsausschusses der Französischen Republik schwieg.":     "Wohlfahrtsausschuss der Französischen Republik",
	} {
		res := f.extract(text, "de")
		var got []string
		for _, e := range res.Discovered {
			got = append(got, e.Name)
		}
		if want == "" {
			assert.Empty(t, got, text)
			continue
		}
		assert.Equal(t, []string{want}, got, text)
	}
}

func TestNotAgencies(t *testing.T) {
	f := newFixture(t)
	tests := []struct{ name, lang, text string }{
		{"de/plural authorities", "de", "Die russischen Behörden schwiegen."},
		{"de/a service described by nationality", "de", "Ein deutscher Nachrichtendienst soll gewarnt haben."},
		{"de/bare ministry of a country", "de", "Ein Ministerium der Ukraine schwieg."},
		{"es/embassy without a country", "es", "La embajada cerró sus puertas."},
		{"en/embassy without a country", "en", "The embassy declined to comment."},
		{"en/a handle that is no ministry's", "en", "Follow us at @MFAfans and @MEA_Events for news."},
		{"de/an advertising agency", "de", "Die Kampagne entwarf die Agentur Highlightz aus Köln."},
		{"de/commission of a broadcaster", "de", "Die Juristische Kommission von BFK tagte gestern."},
		{"de/office of a foundation", "de", "Das Büro der Müller-Beispiel-Stiftung in Lima lud ein."},
		{"de/office of professors", "de", "Die Büros von Dozenten und Dozentinnen wurden durchsucht."},
		{"en/university department", "en", "She teaches at the Department of Linguistics in Leeds."},
		{"es/office of a university", "es", "La Oficina de Relaciones Internacionales de la Universidad abrió."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := f.extract(tt.text, tt.lang)
			assert.Empty(t, res.Discovered)
		})
	}
}

// TestPlaceAsFirstName: a first name the tagger took for a city.
func TestPlaceAsFirstName(t *testing.T) {
	ents := testGazetteer(t)
	places, err := gazetteer.Parse("places.yaml", []byte(`
- {id: place/santiago, type: place, name: Santiago, country: CHL, names: {es: [Santiago], de: [Santiago]}}
- {id: org/es-audiencia, type: organization, name: Audiencia Nacional, country: ESP, sector: JUD, names: {es: [Audiencia Nacional]}}
`))
	require.NoError(t, err)
	ents = append(ents, places...)
	x, err := New(ents)
	require.NoError(t, err)
	tg := tagger.New(gazetteer.Compile(ents))
	for text, want := range map[string]string{
		"El juez de la Audiencia Nacional Santiago Ejemplo ha citado al acusado.": "Santiago Ejemplo",
		"El embajador en Santiago, Pedro Ejemplo, regresó.":                       "Pedro Ejemplo",
		"El ministro viajó a Santiago el lunes.":                                  "",
		"El alcalde de Santiago Claudio Ejemplo inauguró la obra.":                "Claudio Ejemplo",
	} {
		res := x.Extract(Input{Text: text, Lang: "es", Found: tg.Tag(text)})
		var got []string
		for _, e := range res.Discovered {
			got = append(got, e.Name)
		}
		if want == "" {
			assert.Empty(t, got, text)
			continue
		}
		assert.Equal(t, []string{want}, got, text)
	}
}

// A German body's name is its nominative after the definite article,
// whatever case its first mention has, so that every document gives it
// one id; the mention stays as the text writes it. The sentences are
// written for this test.
func TestNominativeNames(t *testing.T) {
	f := newFixture(t)
	for _, tc := range []struct{ text, name, mention string }{
		{"Ein Sprecher des Bundesamtes für Strahlenschutz sagte, man prüfe alles.", "Bundesamt für Strahlenschutz", "Bundesamtes für Strahlenschutz"},
		{"Das Bundesamt für Strahlenschutz warnte am Montag.", "Bundesamt für Strahlenschutz", "Bundesamt für Strahlenschutz"},
		{"Nach Angaben der Europäischen Arzneimittelbehörde ist das Mittel sicher.", "Europäische Arzneimittelbehörde", "Europäischen Arzneimittelbehörde"},
		{"Ein Sprecher des Olympischen Komitees sagte dazu nichts.", "Olympische Komitee", "Olympischen Komitees"},
		{"Die Leiterin des Bundesministeriums für Arbeit und Soziales widersprach.", "Bundesministerium für Arbeit und Soziales", "Bundesministeriums für Arbeit und Soziales"},
		{"Die Mitarbeiter des Gesundheitsamtes des Kreises Heinsberg prüfen den Fall.", "Gesundheitsamt des Kreises Heinsberg", "Gesundheitsamtes des Kreises Heinsberg"},
	} {
		var got []string
		for _, e := range f.extract(tc.text, "de").Discovered {
			if e.Type == gazetteer.TypeOrganization {
				m := e.Mentions[0]
				got = append(got, e.Name+" | "+tc.text[m.Start:m.End])
			}
		}
		assert.Equal(t, []string{tc.name + " | " + tc.mention}, got, tc.text)
	}
}
