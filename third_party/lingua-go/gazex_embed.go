// Gazex's compact models as strings (see GAZEX.md): not part of upstream
// lingua-go.

package lingua

import _ "embed" // the models, read in place

// The models as strings, so that a model decodes from the program's
// read-only data instead of from a copy (embed.FS's ReadFile copies: 11 MB
// more to allocate and write at the first detection). The compiler stores a
// file's contents once however many embeddings name it, so these add
// nothing to languageModels (the embed.FS of detector.go) in the binary.
var (
	//go:embed language-models/de/unigrams.bin
	deUnigrams string
	//go:embed language-models/de/bigrams.bin
	deBigrams string
	//go:embed language-models/de/trigrams.bin
	deTrigrams string
	//go:embed language-models/de/quadrigrams.bin
	deQuadrigrams string
	//go:embed language-models/de/fivegrams.bin
	deFivegrams string

	//go:embed language-models/es/unigrams.bin
	esUnigrams string
	//go:embed language-models/es/bigrams.bin
	esBigrams string
	//go:embed language-models/es/trigrams.bin
	esTrigrams string
	//go:embed language-models/es/quadrigrams.bin
	esQuadrigrams string
	//go:embed language-models/es/fivegrams.bin
	esFivegrams string

	//go:embed language-models/en/unigrams.bin
	enUnigrams string
	//go:embed language-models/en/bigrams.bin
	enBigrams string
	//go:embed language-models/en/trigrams.bin
	enTrigrams string
	//go:embed language-models/en/quadrigrams.bin
	enQuadrigrams string
	//go:embed language-models/en/fivegrams.bin
	enFivegrams string
)

// compactModelFiles are the models by language and n-gram length.
var compactModelFiles = map[Language]*[maxNgramLength + 1]string{
	German:  {1: deUnigrams, 2: deBigrams, 3: deTrigrams, 4: deQuadrigrams, 5: deFivegrams},
	Spanish: {1: esUnigrams, 2: esBigrams, 3: esTrigrams, 4: esQuadrigrams, 5: esFivegrams},
	English: {1: enUnigrams, 2: enBigrams, 3: enTrigrams, 4: enQuadrigrams, 5: enFivegrams},
}
