package tagger

import (
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
)

var defaultIndex = sync.OnceValues(func() (*gazetteer.Index, error) {
	all, err := gazetteer.Default()
	if err != nil {
		return nil, err
	}
	return gazetteer.Compile(all), nil
})

// TestInLongerName holds the rule that an organisation's name inside a
// longer proper name is not that organisation, on the default gazetteer:
// whether a match of the entity survives the filter (short forms
// included, which are tagged only later, by country or coreference).
func TestInLongerName(t *testing.T) {
	ix, err := defaultIndex()
	require.NoError(t, err)
	tests := []struct {
		name, text, id string
		want           bool
	}{
		// English: modifiers stand before the head.
		{"en/a party of another country", "Voters in Barbados handed the Democratic Labour Party a second heavy defeat in January 2022.", "org/gb-labour", false},
		{"en/a longer party name", "In June 2022 the Progressive Conservative Party won a second majority in Ontario.", "org/gb-conservatives", false},
		{"en/a breakaway party", "In 1996 Arthur Scargill founded the Socialist Labour Party after a row over Clause IV.", "org/gb-labour", false},
		{"en/a people's party", "In 2015 the People's Democratic Party lost the presidency for the first time.", "org/us-democrats", false},
		{"en/another country's party", "Jacinda Ardern led the New Zealand Labour Party to a landslide in October 2020.", "org/gb-labour", false},
		{"en/another country's party, possessive", "Last year Israel's Labour Party chose Merav Michaeli as its leader again.", "org/gb-labour", false},
		{"en/another country's chancellery", "The award was funded by the Austrian Federal Chancellery in 2017.", "org/de-chancellery", false},
		{"en/nationality names the same party", "Kyiv welcomed British Labour Party leader Keir Starmer in February 2023.", "org/gb-labour", true},
		{"en/the same parliament", "In January 2023 the German Bundestag debated sending tanks to Ukraine.", "org/de-bundestag", true},
		{"en/the same command", "Officials at US Cyber Command confirmed the operation on Friday.", "org/us-cyber-command", true},
		{"en/country's possessive", "In July 2023 Spain's Partido Popular won the most seats but no majority.", "org/es-pp", true},
		{"en/a title after the agency", "On Tuesday FBI Director Christopher Wray testified before Congress.", "org/us-fbi", true},
		{"en/a party adjective before another body", "Several Democratic White House hopefuls campaigned in Iowa in January 2020.", "org/us-white-house", true},
		{"en/a possessive of a person", "In May 2015 Ed Miliband's Labour Party lost 26 seats.", "org/gb-labour", true},
		{"en/title-case headline", "Starmer Says Labour Party Will Keep Backing Ukraine", "org/gb-labour", true},
		{"en/sentence start", "Historic Labour Party victory ends fourteen years of Tory rule.", "org/gb-labour", true},
		{"en/a word after the party", "The Conservative Party Central Office denied the report on Sunday.", "org/gb-conservatives", true},
		// German: compounds join, but adjectives of a name are words of their own.
		{"de/a state's office", "Der Bayerische Verfassungsschutz beobachtet die Gruppe seit 2021.", "org/de-bfv", false},
		{"de/a new party", "Im Unterhaus in Ottawa stimmte die Neue Demokratische Partei am Dienstag dagegen.", "org/kr-dpk", false},
		{"de/another country's party", "Die irische Labour-Partei verlor bei der Wahl im Februar 2020 Sitze.", "org/gb-labour", false},
		{"de/the whole name", "Im Februar 2025 scheiterte die Freie Demokratische Partei an der Fünfprozenthürde.", "org/de-fdp", true},
		{"de/nationality names the same party", "Die britische Labour-Partei gewann die Wahl im Juli 2024.", "org/gb-labour", true},
		{"de/a noun in apposition", "Das meldete am Montag die staatliche Nachrichtenagentur Xinhua.", "org/cn-xinhua", true},
		{"de/a noun in apposition, militia", "Am 7. Oktober 2023 griff die Terrormiliz Hamas Israel an.", "org/ps-hamas", true},
		// Spanish: adjectives follow the head.
		{"es/a party of Europe", "El Partido Popular Europeo reeligió a Manfred Weber en Bucarest en marzo de 2024.", "org/es-pp", false},
		{"es/a party of Puerto Rico", "La dirigente denunció que dentro del Partido Popular Democrático se intentó silenciarla.", "org/es-pp", false},
		{"es/another communist party", "En Buenos Aires, el Partido Comunista Revolucionario convocó una marcha el jueves.", "org/cn-cpc", false},
		{"es/a person after the party", "El presidente del Partido Popular Alberto Núñez Feijóo votó en Madrid.", "org/es-pp", true},
		{"es/a sentence after the party", "Ganó el Partido Popular. Europeo de corazón, Feijóo celebró en Génova.", "org/es-pp", true},
		{"es/the whole name", "El Partido Comunista Chino abrió su congreso en octubre de 2022.", "org/cn-cpc", true},
		{"es/a nationality after the party", "El Partido Comunista cubano celebró su congreso en abril de 2021.", "org/cu-pcc", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := gazetteer.Tokens(tt.text)
			kept := false
			ms, _ := filter(toks, ix.AppendMatches(ix.KeyFilter(), nil, toks), nil)
			for _, m := range ms {
				kept = kept || slices.ContainsFunc(m.Entries, func(en *gazetteer.Entry) bool { return en.Entity.ID == tt.id })
			}
			assert.Equal(t, tt.want, kept)
		})
	}
}

// TestTagLongerName: the page's sentence, tagged whole.
func TestTagLongerName(t *testing.T) {
	ix, err := defaultIndex()
	require.NoError(t, err)
	text := "The Democratic Labour Party (DLP) named its two candidates for president on Thursday, while the British Labour Party met in Liverpool."
	var got []int
	for _, f := range New(ix).Tag(text) {
		if f.Entity.ID == "org/gb-labour" {
			for _, m := range f.Mentions {
				got = append(got, m.Start)
			}
		}
	}
	assert.Equal(t, []int{strings.Index(text, "British ") + len("British ")}, got)
}

func TestAdjectiveShaped(t *testing.T) {
	tests := []struct {
		word string
		want bool
	}{
		{"Democratic", true}, {"Progressive", true}, {"National", true}, {"Socialist", true},
		{"Christian", true}, {"Republican", true}, {"Revolutionary", true}, {"Scottish", true},
		{"United", true}, {"Freie", true}, {"Demokratische", true}, {"Christlich", true},
		{"Nationalen", true}, {"Bayerische", true}, {"Neue", true},
		// Nouns in apposition and words of a headline.
		{"Nachrichtenagentur", false}, {"Terrormiliz", false}, {"Agentur", false}, {"Gruppe", false},
		{"Behörde", false}, {"Says", false}, {"Backed", false}, {"Gran", false}, {"Monday", false},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			assert.Equal(t, tt.want, adjectiveShaped(gazetteer.Fold(tt.word)))
		})
	}
}
