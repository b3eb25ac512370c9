package prose

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"slices"

	upstream "github.com/jdkato/prose/v2"

	_ "embed" // model.bin, read in place
)

//go:generate go run ./internal/prosegen

// model.bin is the tagger's and the extracter's tables (tag.go,
// extract.go, table.go) as loadGob builds them from upstream's gob files,
// written by WriteModel: reading it is a few sequential passes, where
// decoding upstream's gob took ~0.25 s and inflating it ~0.11 s.
// TestModelBin holds it to what loadGob builds from the upstream module
// go.mod names.
//
//go:embed model.bin
var modelBin string

const magic = "gazex prose v2.0.0 tables 1\n"

// Load returns the model: upstream's tags and words (small gob files,
// through upstream.Asset) and the tables of model.bin.
func Load() (*Model, error) {
	m := &Model{}
	if err := m.smallAssets(); err != nil {
		return nil, err
	}
	if err := m.readTables(modelBin); err != nil {
		return nil, err
	}
	return m, nil
}

// smallAssets reads the tagger's tag map and the extracter's word list.
func (m *Model) smallAssets() error {
	var words []string
	if err := decodeAsset("AveragedPerceptron/tags.gob", &m.tagger.tagMap); err != nil {
		return err
	}
	if err := decodeAsset("Maxent/words.gob", &words); err != nil {
		return err
	}
	m.extracter.basic = make(map[string]bool, len(words))
	for _, w := range words {
		m.extracter.basic[w] = true
	}
	return nil
}

func decodeAsset(name string, v any) error {
	b, err := upstream.Asset(path.Join("model", name))
	if err != nil {
		return err
	}
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(v); err != nil {
		return fmt.Errorf("prose: %s: %w", name, err)
	}
	return nil
}

// WriteModel writes model.bin, the tables built from upstream's gob files
// (for go generate; see internal/prosegen).
func WriteModel(w io.Writer) error {
	m, err := loadGob()
	if err != nil {
		return err
	}
	b, err := m.appendTables(nil)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// appendTables appends model.bin's form of m's tables to b: the magic
// line, then, little-endian, the tagger (classes; features; per feature
// the end of its entries; the distinct weights; per entry its class and
// the index of its weight) and the extracter (labels; groups; per group
// the end of its pairs; per pair its label and weight). A string is its
// length (uint32) and bytes, a list its length (uint32) and items.
func (m *Model) appendTables(b []byte) ([]byte, error) {
	t, e := &m.tagger, &m.extracter
	b = append(b, magic...)
	b = appendStrings(b, t.classes)
	b = appendTable(b, &t.feats)
	b = appendU32s(b, t.start[1:])
	distinct := slices.Clone(t.w)
	slices.SortFunc(distinct, func(x, y float64) int {
		return cmpBits(math.Float64bits(x), math.Float64bits(y))
	})
	distinct = slices.CompactFunc(distinct, func(x, y float64) bool { return math.Float64bits(x) == math.Float64bits(y) })
	if len(distinct) > math.MaxUint16+1 {
		return nil, fmt.Errorf("prose: %d distinct tagger weights", len(distinct))
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(len(distinct)))
	for _, w := range distinct {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(w))
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(len(t.cls)))
	b = append(b, t.cls...)
	for _, w := range t.w {
		i, _ := slices.BinarySearchFunc(distinct, w, func(x, y float64) int {
			return cmpBits(math.Float64bits(x), math.Float64bits(y))
		})
		b = binary.LittleEndian.AppendUint16(b, uint16(i))
	}

	b = appendStrings(b, e.labels)
	b = appendTable(b, &e.values)
	b = appendU32s(b, toU32(e.start[1:]))
	b = binary.LittleEndian.AppendUint32(b, uint32(len(e.plab)))
	b = append(b, e.plab...)
	for _, w := range e.pw {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(w))
	}
	return b, nil
}

func cmpBits(x, y uint64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

func toU32(s []int32) []uint32 {
	out := make([]uint32, len(s))
	for i, v := range s {
		out[i] = uint32(v)
	}
	return out
}

func appendStrings(b []byte, ss []string) []byte {
	b = binary.LittleEndian.AppendUint32(b, uint32(len(ss)))
	for _, s := range ss {
		b = binary.LittleEndian.AppendUint32(b, uint32(len(s)))
		b = append(b, s...)
	}
	return b
}

func appendU32s[T int32 | uint32](b []byte, s []T) []byte {
	b = binary.LittleEndian.AppendUint32(b, uint32(len(s)))
	for _, v := range s {
		b = binary.LittleEndian.AppendUint32(b, uint32(v))
	}
	return b
}

func appendTable(b []byte, t *table) []byte {
	b = binary.LittleEndian.AppendUint32(b, uint32(len(t.blob)))
	b = append(b, t.blob...)
	b = appendU32s(b, t.end)
	return appendU32s(b, t.slots)
}

var errModel = errors.New("prose: model.bin is damaged")

// binReader reads model.bin; a read past the end sets err and returns
// zeros.
type binReader struct {
	s   string
	err error
}

func (r *binReader) take(n int) string {
	if n < 0 || n > len(r.s) {
		r.err = errModel
		r.s = ""
		return ""
	}
	s := r.s[:n]
	r.s = r.s[n:]
	return s
}

func (r *binReader) u32() uint32 {
	s := r.take(4)
	if len(s) < 4 {
		return 0
	}
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

func (r *binReader) u64(s string) uint64 {
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// count reads a length of items of size bytes, which must fit in what is
// left.
func (r *binReader) count(size int) int {
	n := int(r.u32())
	if n*size > len(r.s) {
		r.err = errModel
		r.s = ""
		return 0
	}
	return n
}

func (r *binReader) strings() []string {
	out := make([]string, r.count(4))
	for i := range out {
		out[i] = r.take(int(r.u32()))
	}
	return out
}

func (r *binReader) u32s() []uint32 {
	s := r.take(4 * r.count(4))
	out := make([]uint32, len(s)/4)
	for i := range out {
		j := 4 * i
		out[i] = uint32(s[j]) | uint32(s[j+1])<<8 | uint32(s[j+2])<<16 | uint32(s[j+3])<<24
	}
	return out
}

func (r *binReader) int32s() []int32 {
	u := r.u32s()
	out := make([]int32, len(u)+1) // with the start of the first, 0
	for i, v := range u {
		out[i+1] = int32(v)
	}
	return out
}

func (r *binReader) table() table {
	var t table
	t.blob = r.take(int(r.u32()))
	t.end = r.u32s()
	t.slots = r.u32s()
	t.bits = indexBits(len(t.end))
	return t
}

func (r *binReader) float64s(n int) []float64 {
	s := r.take(8 * n)
	out := make([]float64, len(s)/8)
	for i := range out {
		out[i] = math.Float64frombits(r.u64(s[8*i:]))
	}
	return out
}

// readTables reads model.bin's tables into m, and checks that every index
// in them is in range (so that no look-up can fail on them).
func (m *Model) readTables(s string) error {
	t, e := &m.tagger, &m.extracter
	r := &binReader{s: s}
	if r.take(len(magic)) != magic {
		return errModel
	}
	t.classes = r.strings()
	t.feats = r.table()
	t.start = r.int32s()
	distinct := r.float64s(r.count(8))
	n := r.count(3)
	t.cls = []byte(r.take(n))
	idx := r.take(2 * n)
	t.w = make([]float64, len(idx)/2)
	for i := range t.w {
		j := int(idx[2*i]) | int(idx[2*i+1])<<8
		if j >= len(distinct) {
			return errModel
		}
		t.w[i] = distinct[j]
	}

	e.labels = r.strings()
	e.values = r.table()
	e.start = r.int32s()
	n = r.count(9)
	e.plab = []byte(r.take(n))
	e.pw = r.float64s(n)
	if r.err != nil || r.s != "" {
		return errModel
	}
	if len(t.classes) > 256 || len(e.labels) > 256 {
		return errModel
	}
	for _, c := range t.cls {
		if int(c) >= len(t.classes) {
			return errModel
		}
	}
	for _, l := range e.plab {
		if int(l) >= len(e.labels) {
			return errModel
		}
	}
	if !t.feats.valid(len(t.start)-1) || !validStarts(t.start, len(t.cls)) ||
		!e.values.valid(len(e.start)-1) || !validStarts(e.start, len(e.plab)) {
		return errModel
	}
	e.setLabels()
	return nil
}

// validStarts reports whether start rises from 0 to n.
func validStarts(start []int32, n int) bool {
	for i := 1; i < len(start); i++ {
		if start[i] < start[i-1] {
			return false
		}
	}
	return start[0] == 0 && int(start[len(start)-1]) == n
}

// valid reports whether t holds n keys, its ends rise within its blob and
// its slots are a power of two, not all full, pointing at keys.
func (t *table) valid(n int) bool {
	if len(t.end) != n || len(t.slots) == 0 || len(t.slots)&(len(t.slots)-1) != 0 || t.bits > 31 {
		return false
	}
	prev := uint32(0)
	for _, e := range t.end {
		if e < prev {
			return false
		}
		prev = e
	}
	if int(prev) != len(t.blob) {
		return false
	}
	empty := false
	for _, s := range t.slots {
		empty = empty || s == 0
		if i := s & (1<<t.bits - 1); int(i) > n || i == 0 && s != 0 {
			return false
		}
	}
	return empty
}
