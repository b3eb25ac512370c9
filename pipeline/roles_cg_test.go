package pipeline

import (
	"encoding/json"
	"os"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/extractors/langid"
	"github.com/gazex/gazex/gazetteer"
)

// TestRolesPass measures the role patterns alone on a JSONL corpus, for
// an instruction count under valgrind: GAZEX_ROLES_JSONL names the corpus,
// and rolesPass (the function to give callgrind's --toggle-collect) runs
// rolePatterns over its documents once, after an unmeasured pass that
// loads prose's English model. GAZEX_ROLES_OUT, when set, receives the
// roles results as JSON lines, to compare two builds quickly.
func TestRolesPass(t *testing.T) {
	path := os.Getenv("GAZEX_ROLES_JSONL")
	if path == "" {
		t.Skip("GAZEX_ROLES_JSONL not set")
	}
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	entities, err := gazetteer.Default()
	require.NoError(t, err)
	p, err := New(Config{Entities: entities, Workers: 1})
	require.NoError(t, err)
	var ws []*work
	for d := range ReadDocuments("cg", path, f, InputOptions{Format: FormatJSONL}) {
		w := &work{doc: d}
		for _, st := range p.stages() {
			if st.name == "tag" {
				break
			}
			st.fn(w)
		}
		if w.err != nil || w.lang == langid.Und {
			continue
		}
		p.tagEntities(w)
		ws = append(ws, w)
	}
	rolesWarm(p, ws) // prose's model, pools: not measured
	n, _ := strconv.Atoi(os.Getenv("GAZEX_ROLES_N"))
	for range max(n, 1) {
		rolesPass(p, ws)
	}
	if out := os.Getenv("GAZEX_ROLES_OUT"); out != "" {
		o, err := os.Create(out)
		require.NoError(t, err)
		defer o.Close()
		enc := json.NewEncoder(o)
		for _, w := range ws {
			require.NoError(t, enc.Encode(w.roles))
		}
	}
}

//go:noinline
func rolesPass(p *Pipeline, ws []*work) {
	for _, w := range ws {
		p.rolePatterns(w)
	}
}

//go:noinline
func rolesWarm(p *Pipeline, ws []*work) {
	for _, w := range ws {
		p.rolePatterns(w)
	}
}
