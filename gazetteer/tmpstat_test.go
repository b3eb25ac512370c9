package gazetteer

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
)

func TestTmpStat(t *testing.T) {
	defaultOnce.Do(loadDefault)
	ix := defaultOnce.index
	f, _ := os.Open("/tmp/thru/devcorpus.jsonl")
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	var ntok, nokey, noroot, cands, entries, ents int
	hist := map[int]int{}
	for n := 0; sc.Scan() && n < 2000; n++ {
		var d struct{ Text string }
		json.Unmarshal(sc.Bytes(), &d)
		toks := Tokens(d.Text)
		ntok += len(toks)
		for _, tk := range toks {
			k := ix.keys[tk.Key]
			if k == 0 {
				nokey++
			} else if ix.root[k] == 0 {
				noroot++
			}
		}
		for _, m := range ix.Find(toks) {
			cands++
			entries += len(m.Entries)
			hist[len(m.Entries)]++
			if len(m.Entries) > 100 && hist[len(m.Entries)] < 2 {
				t.Logf("%d %q %q", len(m.Entries), d.Text[toks[m.Start].Start:toks[m.End-1].End], m.Entries[0].Form)
			}
		}
	}
	t.Logf("keys=%d tokens=%d nokey=%d noroot=%d matches=%d entries=%d hist=%v", len(ix.keys), ntok, nokey, noroot, cands, entries, hist)
	_ = ents
}
