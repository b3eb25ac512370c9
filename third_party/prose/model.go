// Package prose is the part of github.com/jdkato/prose/v2 (v2.0.0) that
// gazex uses, English named-entity recognition on one sentence, made
// cheaper with the same results: see GAZEX.md. The model data are
// upstream's, read through its exported Asset.
package prose

import (
	"fmt"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/gazex/gazex/internal/swar"
	upstream "github.com/jdkato/prose/v2"
)

// A Model is prose's default English model (upstream's tagger and entity
// extracter). It is read-only after Load: one Model serves every goroutine.
type Model struct {
	tagger    tagger
	extracter extracter
	pool      sync.Pool // *scratch
}

// scratch is the memory of one call, reused.
type scratch struct {
	toks   []string // the tokens, as upstream's tokenizer makes them
	obj    []int32  // per token: the first token that is the same upstream Token
	shared bool     // some token is the same Token as an earlier one
	chunks map[string]int32
	seq    []string // the tags as the tagger gives them, before sharing
	last   []int32
	tags   []string // their part-of-speech tags
	labels []int16  // their IOB labels: indices into the extracter's labels
	lo     []string // strings.ToLower of each token
	ctx    []string // the tagger's context
	shapes []uint8
	parts  []int32
	arena  []byte
	spans  []int32
	key    []byte
	score  []float64 // tagger: per class
	stamp  []uint32  // tagger: score[c] is this word's if stamp[c] == gen
	gen    uint32
	lscore []float64 // extracter: per label
}

// Persons returns the texts of the PERSON entities upstream's
// prose.NewDocument(sentence, prose.UsingModel(m), prose.WithSegmentation(false))
// finds in sentence: the tokens of each joined by single spaces. It
// panics where upstream would (an entity labelled without "-"; upstream's
// labels all have one, bar "O").
func (m *Model) Persons(sentence string) []string {
	s := m.get()
	defer m.pool.Put(s)
	m.annotate(s, sentence)
	out, ok := m.extracter.persons(s, nil)
	if !ok {
		panic("prose: entity label without '-'")
	}
	return out
}

func (m *Model) get() *scratch {
	if s, ok := m.pool.Get().(*scratch); ok {
		return s
	}
	n := len(m.tagger.classes)
	return &scratch{score: make([]float64, n), stamp: make([]uint32, n)}
}

// annotate tokenises, tags and labels sentence into s.
func (m *Model) annotate(s *scratch, sentence string) {
	s.tokenize(sentence)
	s.lo = s.lo[:0]
	m.tagger.tag(s)
	if s.shared {
		// The tag each shared Token holds when the extracter runs: the
		// one set on its last occurrence.
		s.last = append(s.last[:0], make([]int32, len(s.toks))...)
		for i, o := range s.obj {
			s.last[o] = int32(i)
		}
		s.seq = append(s.seq[:0], s.tags...)
		for i, o := range s.obj {
			s.tags[i] = s.seq[s.last[o]]
		}
	}
	m.extracter.classify(s)
	if s.shared {
		// Likewise the label chunk reads.
		for i, o := range s.obj {
			s.labels[i] = s.labels[s.last[o]]
		}
	}
}

// lowerAll sets s.lo[i] to strings.ToLower(s.toks[i]) with at most one
// allocation per call: an ASCII token with capitals is lowered into
// s.arena, and the arena becomes one string.
func (s *scratch) lowerAll() {
	if len(s.lo) == len(s.toks) {
		return // done by the tagger
	}
	s.lo = s.lo[:0]
	s.arena = s.arena[:0]
	s.spans = s.spans[:0]
	for _, w := range s.toks {
		switch {
		case !swar.ASCII(w):
			s.lo = append(s.lo, strings.ToLower(w))
			s.spans = append(s.spans, -1)
		case hasUpper(w):
			s.lo = append(s.lo, "")
			s.spans = append(s.spans, int32(len(s.arena)))
			s.arena = appendLower(s.arena, w)
		default:
			s.lo = append(s.lo, w)
			s.spans = append(s.spans, -1)
		}
	}
	if len(s.arena) == 0 {
		return
	}
	all := string(s.arena)
	for i, a := range s.spans {
		if a >= 0 {
			s.lo[i] = all[a : int(a)+len(s.toks[i])]
		}
	}
}

// lower returns strings.ToLower(s.toks[i]).
func (s *scratch) lower(i int) string {
	s.lowerAll()
	return s.lo[i]
}

func hasUpper(w string) bool {
	for i := 0; i < len(w); i++ {
		if 'A' <= w[i] && w[i] <= 'Z' {
			return true
		}
	}
	return false
}

// loadGob builds the model from upstream's gob files (through
// upstream.Asset), as WriteModel writes it to model.bin.
func loadGob() (*Model, error) {
	var classes, labels []string
	m := &Model{}
	if err := m.smallAssets(); err != nil {
		return nil, err
	}
	if err := decodeAsset("AveragedPerceptron/classes.gob", &classes); err != nil {
		return nil, err
	}
	if err := decodeAsset("Maxent/labels.gob", &labels); err != nil {
		return nil, err
	}
	asset := func(name string) (string, error) {
		b, err := upstream.Asset(path.Join("model", name))
		return string(b), err
	}
	weights, err := asset("AveragedPerceptron/weights.gob")
	if err != nil {
		return nil, err
	}
	if err := m.tagger.init(classes, weights); err != nil {
		return nil, err
	}
	mapping, err := asset("Maxent/mapping.gob")
	if err != nil {
		return nil, err
	}
	maxent, err := asset("Maxent/weights.gob")
	if err != nil {
		return nil, err
	}
	if err := m.extracter.init(labels, mapping, maxent); err != nil {
		return nil, err
	}
	return m, nil
}

// init indexes the gob of upstream's weights, a
// map[string]map[string]float64 (feature -> class -> weight). The
// features' names are substrings of weights.
func (t *tagger) init(classes []string, weights string) error {
	t.classes = slices.Clone(classes)
	index := map[string]uint8{}
	for i, c := range classes {
		index[c] = uint8(i)
	}
	r := &gobReader{b: weights}
	r.value()
	n := r.count()
	keys := make([]string, 0, n)
	t.start = make([]int32, 0, n+1)
	for range n {
		keys = append(keys, r.string())
		t.start = append(t.start, int32(len(t.cls)))
		for range r.count() {
			name := r.string()
			c, ok := index[name]
			if !ok { // not in upstream's data: a class of its own, last
				if len(t.classes) == 256 {
					return fmt.Errorf("prose: too many classes")
				}
				c = uint8(len(t.classes))
				index[name] = c
				t.classes = append(t.classes, name)
			}
			t.cls = append(t.cls, c)
			t.w = append(t.w, r.float())
		}
	}
	t.start = append(t.start, int32(len(t.cls)))
	if r.err != nil {
		return fmt.Errorf("prose: AveragedPerceptron/weights.gob: %v", r.err)
	}
	t.feats = newTable(keys)
	return nil
}

// init indexes the gob of upstream's mapping (a map[string]int,
// "fname-fval-label" -> feature id) and weights (a []float64).
func (e *extracter) init(labels []string, mapping, weights string) error {
	if len(labels) > 256 {
		return fmt.Errorf("prose: %d labels", len(labels))
	}
	e.labels = labels
	e.setLabels()

	r := &gobReader{b: weights}
	r.value()
	w := make([]float64, r.count())
	for i := range w {
		w[i] = r.float()
	}
	if r.err != nil {
		return fmt.Errorf("prose: Maxent/weights.gob: %v", r.err)
	}

	// Every consistent parse of each key "fname-fval-label": upstream's
	// look-up of (fname, fval, label) finds mapping[key] exactly when
	// joining them gives key. Labels and values may hold "-" (and
	// "en-wordlist" does), so a key may parse more than one way; each parse
	// is a look-up upstream could make. The pairs are gathered per group
	// (fname, fval), then laid out group by group.
	type pair struct {
		group int32
		label uint8
		w     float64
	}
	var pairs []pair
	var prefix [nFeatures]string
	for f, name := range featureOrder {
		prefix[f] = name + "-"
	}
	groups := map[string]int32{} // string(rune(f))+fval -> group
	var keys []string
	r = &gobReader{b: mapping}
	r.value()
	n := r.count()
	pairs = make([]pair, 0, n)
	for range n {
		key := r.string()
		fid := r.int()
		for f := range featureOrder {
			if !strings.HasPrefix(key, prefix[f]) {
				continue
			}
			rest := key[len(prefix[f]):]
			for l, label := range labels {
				if len(rest) <= len(label) || rest[len(rest)-len(label)-1] != '-' || rest[len(rest)-len(label):] != label {
					continue
				}
				if fid < 0 || fid >= int64(len(w)) {
					// upstream would index its weights out of range
					return fmt.Errorf("prose: feature %q has no weight", key)
				}
				v := rest[:len(rest)-len(label)-1]
				k := string(rune(f)) + v
				g, ok := groups[k]
				if !ok {
					g = int32(len(keys))
					groups[k] = g
					keys = append(keys, k)
				}
				pairs = append(pairs, pair{g, uint8(l), w[fid]})
			}
		}
	}
	if r.err != nil {
		return fmt.Errorf("prose: Maxent/mapping.gob: %v", r.err)
	}
	// A counting sort of the pairs by group.
	e.values = newTable(keys)
	e.start = make([]int32, len(keys)+1)
	for _, p := range pairs {
		e.start[p.group+1]++
	}
	for g := 1; g <= len(keys); g++ {
		e.start[g] += e.start[g-1]
	}
	e.plab = make([]uint8, len(pairs))
	e.pw = make([]float64, len(pairs))
	next := slices.Clone(e.start[:len(keys)])
	for _, p := range pairs {
		j := next[p.group]
		next[p.group]++
		e.plab[j], e.pw[j] = p.label, p.w
	}
	return nil
}

// setLabels derives from each label what classify and chunk use.
func (e *extracter) setLabels() {
	e.end, e.simple, e.kind = nil, nil, nil
	for _, l := range e.labels {
		e.end = append(e.end, strings.Replace(l, "B", "I", 1))
		simple := strings.Split(l, "-")[0]
		if strings.HasPrefix(l, "V") {
			simple = "v"
		}
		e.simple = append(e.simple, simple)
		kind := ""
		if parts := strings.Split(l, "-"); len(parts) > 1 {
			kind = parts[1]
		}
		e.kind = append(e.kind, kind)
	}
}
