package langid

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/unicode/norm"

	"github.com/gazex/gazex/extractors/sentences"
)

const (
	seedDir  = "../../testdata/seeds"
	goldFile = "../../testdata/eval/seed_gold.jsonl"
)

// approxNormalise stands in for the normaliser: NFC, quotes and dashes
// unified, white space folded within lines, lines trimmed.
func approxNormalise(s string) string {
	s = norm.NFC.String(s)
	s = strings.NewReplacer("„", `"`, "“", `"`, "”", `"`, "«", `"`, "»", `"`,
		"‘", "'", "’", "'", "‚", "'", "–", "-", "—", "-").Replace(s)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	return strings.Join(lines, "\n")
}

type goldDoc struct {
	File     string `json:"file"`
	Lang     string `json:"lang"`
	Segments []struct {
		Lang string `json:"lang"`
		Text string `json:"text"`
	} `json:"segments_other_lang"`
}

func loadGold(t *testing.T) map[string]goldDoc {
	t.Helper()
	f, err := os.Open(goldFile)
	require.NoError(t, err)
	defer f.Close()
	gold := map[string]goldDoc{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var g goldDoc
		require.NoError(t, json.Unmarshal(sc.Bytes(), &g))
		gold[g.File] = g
	}
	require.NoError(t, sc.Err())
	return gold
}

func loadSeeds(t testing.TB) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	out := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		out[filepath.Base(f)] = approxNormalise(string(b))
	}
	return out
}

// TestSeedsAgainstGold checks the gold segments_other_lang of the seeds: a
// prediction matches a gold segment of the same language whose text it
// overlaps.
func TestSeedsAgainstGold(t *testing.T) {
	gold := loadGold(t)
	d, err := New(nil)
	require.NoError(t, err)
	var tp, fp, fn int
	for name, text := range loadSeeds(t) {
		g, ok := gold[name]
		require.True(t, ok, name)
		lang, conf := d.Document(text)
		assert.Equal(t, g.Lang, lang, name)
		t.Logf("%s: lang %s confidence %.3f", name, lang, conf)
		segs := d.Segments(text, sentences.Split(text, lang), lang)
		matched := make([]bool, len(segs))
		for _, gs := range g.Segments {
			gt := approxNormalise(gs.Text)
			found := false
			for off := 0; ; {
				i := strings.Index(text[off:], gt)
				if i < 0 {
					break
				}
				start, end := off+i, off+i+len(gt)
				for k, s := range segs {
					if s.Lang == gs.Lang && s.Start < end && start < s.End {
						matched[k], found = true, true
					}
				}
				off = end
			}
			if found {
				tp++
			} else {
				fn++
				t.Logf("%s: MISSED %s %q", name, gs.Lang, gs.Text)
			}
		}
		for k, s := range segs {
			t.Logf("%s: segment %s %.2f %q", name, s.Lang, s.Confidence, text[s.Start:s.End])
			if !matched[k] {
				fp++
				t.Logf("%s: FALSE POSITIVE %s %q", name, s.Lang, text[s.Start:s.End])
			}
		}
	}
	p := float64(tp) / float64(max(tp+fp, 1))
	r := float64(tp) / float64(max(tp+fn, 1))
	f1 := 0.0
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	t.Logf("segments: tp=%d fp=%d fn=%d precision=%.3f recall=%.3f F1=%.3f lingua calls=%d", tp, fp, fn, p, r, f1, d.LinguaCalls())
	assert.GreaterOrEqual(t, f1, 0.80)
	assert.Zero(t, fp, "false positives")
}
