package sentences

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// punktModel is a Punkt model (the library's Storage) read from its compact
// form: four sorted tables searched by binary search, whose keys point into
// the embedded data. Building maps of its 60,000 German entries took longer
// than splitting a typical document; a lookup happens only at a candidate
// sentence end.
type punktModel struct {
	// english selects the English annotation (curly quotes end sentences,
	// multi-period abbreviations such as "U.S.").
	english bool
	// The library's AbbrevTypes, Collocations, SentStarters and
	// OrthoContext, without their zero entries.
	abbrev, colloc, starters, ortho table
}

// table maps sorted keys to values other than zero.
type table struct {
	keys []string
	vals []int32
	// small holds the entries of a table of up to smallTable entries (the
	// abbreviations, collocations and sentence starters, asked at every
	// period): a map of a hundred entries costs microseconds to build
	// and answers faster than a binary search.
	small map[string]int32
}

// smallTable is the size up to which a table is also a map.
const smallTable = 1024

// get returns the value of key, 0 when it is absent, as the library's maps
// do. The comparisons with string(key) do not allocate.
func (t *table) get(key []byte) int32 {
	if t.small != nil {
		return t.small[string(key)]
	}
	lo, hi := 0, len(t.keys)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if t.keys[m] < string(key) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(t.keys) && t.keys[lo] == string(key) {
		return t.vals[lo]
	}
	return 0
}

// has reports whether key has a value other than zero (SetString.Has).
func (t *table) has(key []byte) bool { return t.get(key) != 0 }

// lazyModel is one embedded compact model, read on first use.
type lazyModel struct {
	data    string
	english bool
	once    sync.Once
	model   *punktModel
}

func (l *lazyModel) get() *punktModel {
	l.once.Do(func() {
		m, err := parseModel(l.data)
		if err != nil {
			return
		}
		m.english = l.english
		l.model = m
	})
	return l.model
}

// parseModel reads a compact model: one entry a line, "KINDkey<TAB>value",
// KIND one of A, C, S, O (the tables in the order of punktModel), sorted by
// kind and key, as internal/punktgen writes it.
func parseModel(data string) (*punktModel, error) {
	m := &punktModel{}
	tables := map[byte]*table{'A': &m.abbrev, 'C': &m.colloc, 'S': &m.starters, 'O': &m.ortho}
	for line := range strings.SplitSeq(strings.TrimSuffix(data, "\n"), "\n") {
		tab := strings.LastIndexByte(line, '\t')
		if tab < 1 {
			return nil, fmt.Errorf("sentences: bad model line %q", line)
		}
		t := tables[line[0]]
		v, err := strconv.Atoi(line[tab+1:])
		if t == nil || err != nil || v == 0 {
			return nil, fmt.Errorf("sentences: bad model line %q", line)
		}
		key := line[1:tab]
		if n := len(t.keys); n > 0 && t.keys[n-1] >= key {
			return nil, fmt.Errorf("sentences: model not sorted at %q", line)
		}
		t.keys = append(t.keys, key)
		t.vals = append(t.vals, int32(v))
	}
	for _, t := range tables {
		if len(t.keys) <= smallTable {
			t.small = make(map[string]int32, len(t.keys))
			for i, k := range t.keys {
				t.small[k] = t.vals[i]
			}
		}
	}
	return m, nil
}
