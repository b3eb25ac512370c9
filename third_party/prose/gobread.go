package prose

import (
	"errors"
	"math"
	"math/bits"
)

// A gob stream of one value of a known type, read without encoding/gob:
// decoding upstream's two big maps with gob built a map per tagger feature
// (75,447 of them) and a map of 149,576 keys only to be indexed again. The
// wire format (encoding/gob's documentation): messages of a byte count and
// a type id; negative ids define types (skipped: the caller knows the
// type); the value, not being a struct, follows its id as field 0 (a zero
// delta byte). TestGobRead holds this reader to encoding/gob.
type gobReader struct {
	b   string // the stream as one string: the strings read are its substrings
	off int
	err error
}

var errGob = errors.New("prose: unexpected gob data")

// value moves to the start of the first value of the stream.
func (r *gobReader) value() {
	for r.err == nil && r.off < len(r.b) {
		n := int(r.uint())
		end := r.off + n
		if r.err != nil || end > len(r.b) || n < 0 {
			r.fail()
			return
		}
		if id := r.int(); id > 0 {
			if r.uint() != 0 { // the singleton's field delta
				r.fail()
			}
			return
		}
		r.off = end // a type definition
	}
	r.fail()
}

func (r *gobReader) fail() {
	if r.err == nil {
		r.err = errGob
	}
	r.off = len(r.b)
}

func (r *gobReader) uint() uint64 {
	if r.off >= len(r.b) {
		r.fail()
		return 0
	}
	c := r.b[r.off]
	r.off++
	if c < 0x80 {
		return uint64(c)
	}
	n := -int(int8(c))
	if n > 8 || r.off+n > len(r.b) {
		r.fail()
		return 0
	}
	var x uint64
	for i := 0; i < n; i++ {
		x = x<<8 | uint64(r.b[r.off+i])
	}
	r.off += n
	return x
}

func (r *gobReader) int() int64 {
	u := r.uint()
	if u&1 != 0 {
		return ^int64(u >> 1)
	}
	return int64(u >> 1)
}

func (r *gobReader) float() float64 {
	return math.Float64frombits(bits.ReverseBytes64(r.uint()))
}

func (r *gobReader) string() string {
	n := r.uint()
	if n > uint64(len(r.b)-r.off) {
		r.fail()
		return ""
	}
	s := r.b[r.off : r.off+int(n)]
	r.off += int(n)
	return s
}

// count reads a map's or slice's length, which must fit in what is left.
func (r *gobReader) count() int {
	n := r.uint()
	if n > uint64(len(r.b)-r.off) {
		r.fail()
		return 0
	}
	return int(n)
}
