package tagger

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
)

func filterEntities() []*gazetteer.Entity {
	return []*gazetteer.Entity{
		{ID: "country/SLB", Type: gazetteer.TypeCountry, Name: "Solomon Islands", Country: "SLB",
			Names: map[string][]string{"de": {"Salomonen"}, "es": {"Islas Salomón", "Salomón"}, "en": {"Solomon Islands"}}},
		{ID: "country/JOR", Type: gazetteer.TypeCountry, Name: "Jordan", Country: "JOR",
			Names: map[string][]string{"de": {"Jordanien"}, "en": {"Jordan"}}},
		{ID: "country/JAM", Type: gazetteer.TypeCountry, Name: "Jamaica", Country: "JAM",
			Names: map[string][]string{"en": {"Jamaica"}}},
		{ID: "country/DEU", Type: gazetteer.TypeCountry, Name: "Germany", Country: "DEU",
			Names: map[string][]string{"de": {"Deutschland"}}},
		{ID: "country/CUB", Type: gazetteer.TypeCountry, Name: "Cuba", Country: "CUB",
			Names: map[string][]string{"de": {"Kuba"}}},
		{ID: "org/g20", Type: gazetteer.TypeOrganization, Name: "G20", Names: map[string][]string{"de": {"G20"}, "en": {"G20"}}},
		{ID: "org/ps-hamas", Type: gazetteer.TypeOrganization, Name: "Hamas", Names: map[string][]string{"de": {"Hamas"}}},
		{ID: "org/ru-sc", Type: gazetteer.TypeOrganization, Name: "Security Council of Russia", Country: "RUS",
			Names: map[string][]string{"de": {"Nationaler Sicherheitsrat"}}},
		{ID: "person/kast", Type: gazetteer.TypePerson, Name: "José Antonio Kast", Country: "CHL",
			Names: map[string][]string{"es": {"José Antonio Kast", "Kast"}}, Unique: []string{"Kast"}},
		{ID: "person/peskov", Type: gazetteer.TypePerson, Name: "Dmitry Peskov", Country: "RUS",
			Names: map[string][]string{"de": {"Peskow"}}, Unique: []string{"Peskow"}},
		{ID: "person/store", Type: gazetteer.TypePerson, Name: "Jonas Gahr Støre", Country: "NOR",
			Names: map[string][]string{"en": {"Jonas Gahr Støre", "Støre"}}, Unique: []string{"Støre"}},
		{ID: "place/rome", Type: gazetteer.TypePlace, Name: "Rome", Country: "ITA",
			Names: map[string][]string{"es": {"Roma"}, "de": {"Rom"}}},
		{ID: "place/dresden", Type: gazetteer.TypePlace, Name: "Dresden", Country: "DEU",
			Names: map[string][]string{"de": {"Dresden"}}},
		{ID: "country/NOR", Type: gazetteer.TypeCountry, Name: "Norway", Country: "NOR",
			Names: map[string][]string{"de": {"Norwegen"}}},
		{ID: "org/de-greens", Type: gazetteer.TypeOrganization, Name: "Greens", Country: "DEU",
			Names: map[string][]string{"de": {"Grüne"}}},
		{ID: "place/vienna", Type: gazetteer.TypePlace, Name: "Vienna", Country: "AUT",
			Names: map[string][]string{"de": {"Wien"}}},
	}
}

func TestFilter(t *testing.T) {
	tg := New(gazetteer.Compile(filterEntities()))
	tests := []struct {
		name, text string
		want       []string // ids found
	}{
		{"es/country as a surname", "Habló la embajadora española, Ana Salomón, en Lima.", nil},
		{"en/country as a first name", "The coach said that Jordan Henderson was fit.", nil},
		{"de/country in apposition to a noun", "Das Nachbarland Jordan schwieg.", []string{"country/JOR"}},
		{"en/a demonym", "Jamaican officials said.", []string{"country/JAM"}},
		{"de/plural country name is not its stem", "Die Sängerin Maria Salomon trat auf.", nil},
		{"es/the country itself", "El primer ministro de Salomón habló.", []string{"country/SLB"}},
		{"de/genitive after a noun is the country", "Der Präsident Kubas reiste ab.", []string{"country/CUB"}},
		{"de/formal state name", "Die Regierung der Republik Deutschland", []string{"country/DEU"}},
		{"de/car model code after a brand", "Der neue BMW G20 kommt im Herbst.", nil},
		{"de/car model code before a model word", "Mit dem G20 Touring fährt man bequem.", nil},
		{"de/the forum", "Die G20 treffen sich in Rom. Beim Gipfel der G20 sprach er.", []string{"org/g20", "place/rome"}},
		{"de/a longer surname", "Herr Kastner sagte nichts.", nil},
		{"de/a surname sharing a stem", "Frau Hamann war dagegen.", nil},
		{"de/a first name sharing a stem", "Sein Freund Roman kam.", nil},
		{"de/genitive of a surname", "Kasts Partei und Peskows Worte.", []string{"person/kast", "person/peskov"}},
		{"de/adjective ending in a body's name", "Ein Treffen des Nationalen Sicherheitsrates.", []string{"org/ru-sc"}},
		{"de/a genitive after a noun", "Ein Gegenbesuch Støres in Oslo.", []string{"person/store"}},
		{"de/a genitive after a first name", "Jonas Gahr Støres Regierung und Støres Partei.", []string{"person/store"}},
		{"de/city adjective of a form in -en", "Der Dresdner Stollen.", []string{"place/dresden"}},
		{"de/people of a country in -en", "Die Norweger siegten.", []string{"country/NOR"}},
		{"de/a city cut short", "Frau Dresd kam.", nil},
		{"de/a party's name cut short", "Das Sofa in Grün passt.", nil},
		{"de/a party's name inflected", "Die Grünen und der Grüne Parteitag.", []string{"org/de-greens"}},
		{"de/city adjective", "Der Wiener Bürgermeister.", []string{"place/vienna"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, f := range tg.Tag(tt.text) {
				got = append(got, f.Entity.ID)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestAppendTranslit holds appendTranslit, which compares patterns only
// at a 't' or an 's', to the plain statement of its rewrites, on every
// string of up to five bytes of the patterns' letters and others.
func TestAppendTranslit(t *testing.T) {
	ref := func(f string) string {
		var dst []byte
		for i := 0; i < len(f); {
			switch {
			case strings.HasPrefix(f[i:], "tsch"):
				dst = append(dst, "ch"...)
				i += 4
			case strings.HasPrefix(f[i:], "sch"):
				dst = append(dst, "sh"...)
				i += 3
			case f[i] == 'w':
				dst = append(dst, 'v')
				i++
			case f[i] == 'j' || f[i] == 'y':
				if len(dst) == 0 || dst[len(dst)-1] != 'i' {
					dst = append(dst, 'i')
				}
				i++
			default:
				dst = append(dst, f[i])
				i++
			}
		}
		return string(dst)
	}
	var all func(s string, n int)
	all = func(s string, n int) {
		require.Equal(t, ref(s), string(appendTranslit(nil, s)), s)
		require.Equal(t, "x"+ref(s), string(appendTranslit([]byte("x"), s)), s)
		if n == 0 {
			return
		}
		for _, c := range "tschwjyia" {
			all(s+string(c), n-1)
		}
	}
	all("", 5)
}
