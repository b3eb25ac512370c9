package pipeline_test

import (
	"context"
	"fmt"

	"github.com/gazex/gazex/gazetteer"
	"github.com/gazex/gazex/pipeline"
)

// A German article that quotes a Spanish tweet: the document is German,
// the tweet an "es" segment, and each official carries the position held
// on the publication date.
func ExamplePipeline_Process() {
	entities, err := gazetteer.Default()
	if err != nil {
		panic(err)
	}
	p, err := pipeline.New(pipeline.Config{Entities: entities})
	if err != nil {
		panic(err)
	}
	text := "Der russische Außenminister Sergej Lawrow traf am Montag in Moskau den kubanischen Präsidenten Miguel Díaz-Canel. " +
		"Lawrows Sprecherin sprach von einem Erfolg, und beide Seiten wollen die Zusammenarbeit bei der Informationssicherheit ausbauen. " +
		"Die kubanische Botschaft veröffentlichte dazu auf der Plattform X eine kurze Mitteilung:\n" +
		"El canciller ruso y el presidente cubano firmaron hoy un memorando sobre seguridad de la información en Moscú."
	res, err := p.Process(context.Background(), pipeline.Document{ID: "example", Text: []byte(text), Published: "2023-06-05"})
	if err != nil {
		panic(err)
	}
	doc := res.Document
	fmt.Println("lang:", doc.Lang)
	for _, s := range doc.Segments {
		fmt.Printf("segment %s: %.40q…\n", s.Lang, s.Span.Text)
	}
	for _, e := range doc.Entities {
		if e.Type != gazetteer.TypePerson {
			continue
		}
		fmt.Printf("%s (%s) as of %s: %s\n", e.Name, e.ID, e.Position.AsOf, e.Position.Title)
		for _, m := range e.Mentions {
			fmt.Printf("  %q bytes %v, %s\n", m.Text, m.Byte, m.Match)
		}
	}
	// Output:
	// lang: de
	// segment es: "El canciller ruso y el presidente cubano"…
	// Sergei Lavrov (person/sergei-lavrov) as of 2023-06-05: Foreign Minister of Russia
	//   "Sergej Lawrow" bytes [29 42], alias
	//   "Lawrows" bytes [117 124], inflected
	// Miguel Díaz-Canel (person/miguel-diaz-canel) as of 2023-06-05: President of Cuba
	//   "Miguel Díaz-Canel" bytes [97 115], exact
}

// A Spanish article: the generic "Ministerio de Defensa" is resolved to
// Russia's through "de Rusia" beside it. Without a publication date no
// position is resolved.
func ExamplePipeline_Process_spanish() {
	entities, err := gazetteer.Default()
	if err != nil {
		panic(err)
	}
	p, err := pipeline.New(pipeline.Config{Entities: entities})
	if err != nil {
		panic(err)
	}
	text := "MOSCÚ, 12 jun (EFE).- El Ministerio de Defensa de Rusia anunció maniobras conjuntas con China. " +
		"El ministro Andréi Beloúsov dijo que la cooperación militar es estratégica. Beloúsov no dio detalles."
	res, err := p.Process(context.Background(), pipeline.Document{ID: "ejemplo", Text: []byte(text)})
	if err != nil {
		panic(err)
	}
	fmt.Println("lang:", res.Document.Lang)
	for _, e := range res.Document.Entities {
		var forms []string
		for _, m := range e.Mentions {
			forms = append(forms, m.Text+" ("+m.Match+")")
		}
		fmt.Println(e.ID, forms)
	}
	// Output:
	// lang: es
	// place/moscow [MOSCÚ (alias)]
	// org/es-efe [EFE (exact)]
	// org/ru-mod [Ministerio de Defensa de Rusia (alias)]
	// country/CHN [China (exact)]
	// person/andrei-belousov [Andréi Beloúsov (exact) Beloúsov (alias)]
}
