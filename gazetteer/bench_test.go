package gazetteer_test

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/gazex/gazex/extractors/tagger"
	"github.com/gazex/gazex/gazetteer"
	"github.com/gazex/gazex/gazetteer/internal/synth"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The benchmarks measure the gazetteer at the scale of a real PEP and
// sanctions data set: a synthetic FollowTheMoney file of a million names
// (see internal/synth). Building one takes seconds and a gigabyte or so,
// so they are skipped under -short:
//
//	go test ./gazetteer -run '^$' -bench . -benchtime 3x -p 1

const bigNames = 1_000_000

var big struct {
	sync.Once
	ftm []byte
	st  synth.Stats
	err error
}

func bigFtM(b *testing.B) []byte {
	if testing.Short() {
		b.Skip("a million-name gazetteer: skipped under -short")
	}
	big.Do(func() {
		var buf bytes.Buffer
		big.st, big.err = synth.WriteFtM(&buf, bigNames)
		big.ftm = buf.Bytes()
	})
	if big.err != nil {
		b.Fatal(big.err)
	}
	return big.ftm
}

// BenchmarkBuild1M measures the parts of building a million-name
// gazetteer: reading the FtM file into entities, merging them over the
// default gazetteer (which checks ids and hashes the version), compiling
// the index, and the three in a row, as `gazex --gazetteer FILE` starts
// (where the index is built beside the checks: see compileAhead):
//
//	go test ./gazetteer -run '^$' -bench Build1M -benchtime 3x -p 1
func BenchmarkBuild1M(b *testing.B) {
	data := bigFtM(b)
	b.Run("load", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := gazetteer.ParseFtM("synth.ftm.json", data); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(big.st.Names), "names")
	})
	ents, err := gazetteer.ParseFtM("synth.ftm.json", data)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("version", func(b *testing.B) {
		// Checking and hashing alone: without the index that OverDefault
		// otherwise starts building beside them.
		*gazetteer.NoCompileAhead = true
		defer func() { *gazetteer.NoCompileAhead = false }()
		for b.Loop() {
			if _, _, err := gazetteer.OverDefault(ents, false); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("compile", func(b *testing.B) {
		var ix *gazetteer.Index
		for b.Loop() {
			ix = gazetteer.Compile(ents)
		}
		b.ReportMetric(float64(ix.Len()), "forms")
	})
	ents = nil
	runtime.GC()
	b.Run("start-up", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			ents, err := gazetteer.ReadFtM("synth.ftm.json", bytes.NewReader(data))
			if err != nil {
				b.Fatal(err)
			}
			all, _, err := gazetteer.OverDefault(ents, false)
			if err != nil {
				b.Fatal(err)
			}
			gazetteer.Compile(all)
		}
	})
}

// BenchmarkTag measures tagging the seed texts with the default gazetteer
// and with the default plus a million synthetic names.
func BenchmarkTag(b *testing.B) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "seeds", "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no seed texts: %v", err)
	}
	var texts []string
	var size int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		size += int64(len(data))
	}
	def, err := gazetteer.Default()
	if err != nil {
		b.Fatal(err)
	}
	toks := make([][]gazetteer.Token, len(texts))
	for i, t := range texts {
		toks[i] = gazetteer.Tokens(t)
	}
	// tag runs the whole tagger; find only the index, on tokens made
	// beforehand: the part that a bigger gazetteer can slow down.
	run := func(b *testing.B, ents []*gazetteer.Entity) {
		ix := gazetteer.Compile(ents)
		tg := tagger.New(ix)
		// Collect the building's garbage now, not during the timed loops.
		runtime.GC()
		b.Run("tag", func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				for _, t := range texts {
					tg.Tag(t)
				}
			}
			b.ReportMetric(float64(b.N*len(texts))/b.Elapsed().Seconds(), "docs/s")
		})
		b.Run("find", func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				for _, t := range toks {
					ix.Find(t)
				}
			}
		})
	}
	b.Run("default", func(b *testing.B) { run(b, def) })
	b.Run("default+1M", func(b *testing.B) {
		ents, err := gazetteer.ParseFtM("synth.ftm.json", bigFtM(b))
		if err != nil {
			b.Fatal(err)
		}
		run(b, gazetteer.Merge(def, ents))
	})
}

// TestCompileSynthetic checks the flat index on a synthetic gazetteer of
// twenty thousand names: every name finds its entity, alone and inside a
// sentence, and an empty gazetteer finds nothing.
func TestCompileSynthetic(t *testing.T) {
	var buf bytes.Buffer
	st, err := synth.WriteFtM(&buf, 20_000)
	require.NoError(t, err)
	ents, err := gazetteer.ParseFtM("synth.ftm.json", buf.Bytes())
	require.NoError(t, err)
	require.Len(t, ents, st.Persons+st.Orgs)
	ix := gazetteer.Compile(ents)
	for _, e := range ents {
		for _, name := range e.Names[""] {
			hits := ix.Lookup(name)
			require.NotEmpty(t, hits, name)
			ids := make([]string, 0, len(hits))
			for _, h := range hits {
				ids = append(ids, h.Entity.ID)
			}
			assert.Contains(t, ids, e.ID, name)
		}
	}
	name := ents[0].Names[""][0]
	text := "Nach Angaben der Agentur traf " + name + " am Dienstag in Minsk ein."
	toks := gazetteer.Tokens(text)
	var got []string
	for _, m := range ix.Find(toks) {
		got = append(got, text[toks[m.Start].Start:toks[m.End-1].End])
	}
	assert.Equal(t, []string{name}, got)

	empty := gazetteer.Compile(nil)
	assert.Zero(t, empty.Len())
	assert.Empty(t, empty.Find(toks))
	assert.Empty(t, empty.Lookup(name))
}
