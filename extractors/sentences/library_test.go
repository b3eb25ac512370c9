package sentences

import (
	_ "embed"
	"strconv"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
	punkt "gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/english"
)

// The library and its JSON models, which the port and the compact models
// are tested against.

var (
	//go:embed data/german.json
	germanJSON []byte
	//go:embed data/spanish.json
	spanishJSON []byte
	//go:embed data/english.json
	englishJSON []byte
)

// libraryModel is one lazily decoded library tokenizer.
type libraryModel struct {
	once    sync.Once
	data    []byte
	english bool
	tok     *punkt.DefaultSentenceTokenizer
}

var libraryModels = map[string]*libraryModel{
	"de": {data: germanJSON},
	"es": {data: spanishJSON},
	"en": {data: englishJSON, english: true},
}

// tokenizer returns the library's Punkt tokenizer for lang, the English one
// for a language without a model of its own, as Split once used.
func tokenizer(lang string) *punkt.DefaultSentenceTokenizer {
	m, ok := libraryModels[lang]
	if !ok {
		m = libraryModels["en"]
	}
	m.once.Do(func() {
		storage, err := punkt.LoadTraining(m.data)
		if err != nil {
			panic(err)
		}
		if m.english {
			m.tok, err = english.NewSentenceTokenizer(storage)
			if err != nil {
				panic(err)
			}
			return
		}
		m.tok = punkt.NewSentenceTokenizer(storage)
	})
	return m.tok
}

// punktLine is punktLineModel with the model of lang; tok, the library's
// tokenizer of lang, only says whether there is one.
func punktLine(spans []Span, tok *punkt.DefaultSentenceTokenizer, text string, start, end int, lang string) []Span {
	if tok == nil {
		return appendTrimmed(spans, text, start, end)
	}
	return punktLineModel(spans, modelFor(lang), text, start, end, lang)
}

// keepBreak is keepBreakAfter with the library's next token (nil at the end
// of the line).
func keepBreak(prev string, next *punkt.Token, lang string) bool {
	if next == nil {
		return keepBreakAfter(prev, "", false, lang)
	}
	return keepBreakAfter(prev, next.Tok, true, lang)
}

// TestCompactModelsMatchJSON checks data/*.punkt against the library's
// decoding of data/*.json: every entry with a value other than zero, and
// no other (go generate rewrites them).
func TestCompactModelsMatchJSON(t *testing.T) {
	for _, lang := range []string{"de", "es", "en"} {
		st := tokenizer(lang).Storage
		m := modelFor(lang)
		require.NotNil(t, m, lang)
		require.Equal(t, lang == "en", m.english)
		for _, c := range []struct {
			name string
			set  punkt.SetString
			tab  *table
		}{{"abbrev", st.AbbrevTypes, &m.abbrev}, {"colloc", st.Collocations, &m.colloc}, {"starters", st.SentStarters, &m.starters}, {"ortho", st.OrthoContext, &m.ortho}} {
			n := 0
			for k, v := range c.set {
				require.Equal(t, int32(v), c.tab.get([]byte(k)), "%s %s %q", lang, c.name, k)
				if v != 0 {
					n++
				}
			}
			require.Len(t, c.tab.keys, n, "%s %s", lang, c.name)
			for _, k := range []string{"", "zzzzzz", "\x00", strconv.Itoa(len(c.tab.keys))} {
				require.Equal(t, int32(c.set[k]), c.tab.get([]byte(k)), "%s %s %q", lang, c.name, k)
			}
		}
	}
}
