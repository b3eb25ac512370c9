package events

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/extractors/dates"
	"github.com/gazex/gazex/extractors/normalize"
	"github.com/gazex/gazex/extractors/sentences"
	"github.com/gazex/gazex/extractors/tagger"
	"github.com/gazex/gazex/gazetteer"
)

// seedInputs prepares the seeds as the pipeline hands them to Extract
// (normalised, split, tagged), with the tokens when withTokens is set.
func seedInputs(b testing.TB, withTokens bool) ([]Input, int64) {
	b.Helper()
	all, err := gazetteer.Default()
	require.NoError(b, err)
	tg := tagger.New(gazetteer.Compile(all))
	paths, err := filepath.Glob("../../testdata/seeds/*.txt")
	require.NoError(b, err)
	require.NotEmpty(b, paths)
	var ins []Input
	var size int64
	for _, path := range paths {
		raw, err := os.ReadFile(path)
		require.NoError(b, err)
		size += int64(len(raw))
		text := normalize.Normalize(raw).Norm
		toks := gazetteer.Tokens(text)
		in := Input{Text: text, Anchor: dates.Anchor{Year: 2024, Month: 3, Day: 14}}
		if withTokens {
			in.Tokens = toks
		}
		for _, s := range sentences.Split(text, "de") {
			in.Sentences = append(in.Sentences, Sentence{Start: s.Start, End: s.End, Lang: "de"})
		}
		for _, f := range tg.TagTokens(toks) {
			for _, m := range f.Mentions {
				in.Mentions = append(in.Mentions, Mention{Start: m.Start, End: m.End, Entity: f.Entity})
			}
		}
		sortByStart(in.Mentions)
		ins = append(ins, in)
	}
	return ins, size
}

// BenchmarkExtract runs the extractor over the seeds, once tokenising
// each sentence itself and once on the tokens the tag stage made.
func BenchmarkExtract(b *testing.B) {
	all, err := gazetteer.Default()
	require.NoError(b, err)
	x, err := New(all)
	require.NoError(b, err)
	for _, bc := range []struct {
		name   string
		tokens bool
	}{{"own-words", false}, {"tokens", true}} {
		b.Run(bc.name, func(b *testing.B) {
			ins, size := seedInputs(b, bc.tokens)
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for _, in := range ins {
					x.Extract(in)
				}
			}
		})
	}
}

// BenchmarkLexicon is the lexicon pass alone (tokenWords and find on
// every sentence of the seeds), what docTopics runs per document.
func BenchmarkLexicon(b *testing.B) {
	all, err := gazetteer.Default()
	require.NoError(b, err)
	x, err := New(all)
	require.NoError(b, err)
	ins, size := seedInputs(b, true)
	b.SetBytes(size)
	bufs := new(arenaBufs)
	for b.Loop() {
		for _, in := range ins {
			tok := 0
			for _, s := range in.Sentences {
				x.sentenceWords(in, s, &tok, bufs, false)
			}
		}
	}
}
