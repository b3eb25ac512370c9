package prose

import (
	"math"
	"strconv"
	"strings"

	"github.com/gazex/gazex/internal/swar"
)

// Upstream's featureOrder: the names of the maxent classifier's features,
// in the order upstream's encode adds their weights.
var featureOrder = [...]string{
	"bias", "en-wordlist", "nextpos", "nextword", "pos", "pos+prevtag",
	"prefix3", "prevpos", "prevtag", "prevword", "shape", "shape+prevtag",
	"suffix3", "word", "word+nextpos", "word.lower", "wordlen"}

const (
	fBias = iota
	fWordlist
	fNextpos
	fNextword
	fPos
	fPosPrevtag
	fPrefix3
	fPrevpos
	fPrevtag
	fPrevword
	fShape
	fShapePrevtag
	fSuffix3
	fWord
	fWordNextpos
	fWordLower
	fWordlen
	nFeatures
)

// extracter is upstream's entityExtracter (binaryMaxentClassifier) with
// its mapping indexed once: upstream joins "fname-fval-label" per feature
// per label per token and looks it up in mapping; here values[f][fval]
// gives the range of (label, weight) pairs in plab/pw that upstream's
// look-ups of f, fval and every label would find. values holds the pairs
// (f, fval) as string(rune(f))+fval: group g is values' key g.
type extracter struct {
	labels []string
	end    []string // per label: strings.Replace(label, "B", "I", 1), chunk's end
	simple []string // per label: simplePOS(label), the history the next token sees
	kind   []string // per label: strings.Split(label, "-")[1], "" if it has no "-"
	values table
	start  []int32 // group g's pairs are [start[g], start[g+1])
	plab   []uint8
	pw     []float64
	basic  map[string]bool // upstream's enWordList (model/Maxent/words.gob)
}

// Shapes, as upstream's shape returns them; prevShape is "None" before the
// second token.
var shapes = [...]string{"number", "punct", "downcase", "upcase", "mixedcase", "other", "None"}

// The indices of shapes.
const (
	shapeNumber = iota
	shapePunct
	shapeDowncase
	shapeUpcase
	shapeMixedcase
	shapeOther
	shapeNone
)

// shape is upstream's shape(word), as an index into shapes, without
// compiling `\W+$` and `\w+$` per call. On a Go string those match when the
// last rune is a non-word / word rune; every \w rune is ASCII
// [0-9A-Za-z_], so "the last rune is a word rune" is "the last byte is one"
// (the last byte of a multi-byte or invalid sequence is >= 0x80). An empty
// word matches neither: "other".
func shape(word string) int {
	if isNumeric(word) {
		return shapeNumber
	}
	if word == "" {
		return shapeOther
	}
	if !isWordByte(word[len(word)-1]) {
		return shapePunct
	}
	if swar.ASCII(word) {
		lower, title := true, true
		for i := 0; i < len(word); i++ {
			c := word[i]
			if 'A' <= c && c <= 'Z' {
				lower = false
			}
			// strings.Title upper-cases a letter after a separator (for
			// ASCII: anything but a letter, a digit or '_') or at the start.
			if 'a' <= c && c <= 'z' && (i == 0 || !isWordByte(word[i-1])) {
				title = false
			}
		}
		switch {
		case lower:
			return shapeDowncase
		case title:
			return shapeUpcase
		}
		return shapeMixedcase
	}
	if strings.ToLower(word) == word {
		return shapeDowncase
	} else if strings.Title(word) == word { //nolint:staticcheck // upstream's test
		return shapeUpcase
	}
	return shapeMixedcase
}

func isWordByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}

// isNumeric is upstream's: strconv.ParseFloat(s, 64) succeeds. ParseFloat
// can only succeed on a string that starts with a digit, a sign or '.', or
// that is "inf", "infinity" or "nan" in any case; others are not asked
// (ParseFloat allocates its error).
func isNumeric(s string) bool {
	if s == "" {
		return false
	}
	switch c := s[0]; {
	case '0' <= c && c <= '9', c == '+', c == '-', c == '.':
	case (c|0x20 == 'i' || c|0x20 == 'n') && (len(s) == 3 || len(s) == 8):
	default:
		return false
	}
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

// classify sets s.labels for the tagged tokens, as upstream's
// entityExtracter.classify: per token the same seventeen feature values
// (upstream's extract), each label's score the sum of its weights in
// featureOrder, as upstream's encode adds them. Upstream's max picks, on
// an exact tie, whichever of the best labels map order gives first; this
// picks the first in the labels slice. A label of -1 is upstream's "" (no
// score above -Inf).
func (e *extracter) classify(s *scratch) {
	n := len(s.toks)
	s.lowerAll()
	s.shapes = s.shapes[:0]
	for _, w := range s.toks {
		s.shapes = append(s.shapes, uint8(shape(w)))
	}
	s.labels = s.labels[:0]
	nl := len(e.labels)
	for i := 0; i < n; i++ {
		s.lscore = append(s.lscore[:0], make([]float64, nl)...)
		word, tag, lo := s.toks[i], s.tags[i], s.lo[i]
		prevtag, prevShape := "None", shapeNone
		if i > 0 {
			prevtag = e.history(s.labels[i-1])
		}
		if i > 1 {
			prevShape = int(s.shapes[i-1])
		}
		e.add(s, fBias, "True")
		if e.basic[word] {
			e.add(s, fWordlist, "True")
		} else {
			e.add(s, fWordlist, "False")
		}
		if i == n-1 {
			e.add(s, fNextpos, "None")
			e.add(s, fNextword, "None")
		} else {
			s.key = appendLower(s.key[:0], s.tags[i+1])
			e.addKey(s, fNextpos)
			e.add(s, fNextword, s.lo[i+1])
		}
		e.add(s, fPos, tag)
		s.key = append(append(append(s.key[:0], tag...), '+'), prevtag...)
		e.addKey(s, fPosPrevtag)
		s.key = appendLower(s.key[:0], word[:min(len(word), 3)])
		e.addKey(s, fPrefix3)
		if i == 0 {
			e.add(s, fPrevpos, "None")
			e.add(s, fPrevtag, "None")
			e.add(s, fPrevword, "None")
		} else {
			e.add(s, fPrevpos, s.tags[i-1])
			e.add(s, fPrevtag, prevtag)
			e.add(s, fPrevword, s.lo[i-1])
		}
		e.add(s, fShape, shapes[s.shapes[i]])
		s.key = append(append(append(s.key[:0], shapes[prevShape]...), '+'), prevtag...)
		e.addKey(s, fShapePrevtag)
		s.key = appendLower(s.key[:0], word[len(word)-min(len(word), 3):])
		e.addKey(s, fSuffix3)
		e.add(s, fWord, word)
		s.key = append(append(s.key[:0], lo...), '+')
		if i == n-1 {
			s.key = append(s.key, "None"...)
		} else {
			s.key = appendLower(s.key, s.tags[i+1])
		}
		e.addKey(s, fWordNextpos)
		e.add(s, fWordLower, lo)
		s.key = strconv.AppendInt(s.key[:0], int64(len(word)), 10)
		e.addKey(s, fWordlen)

		score := s.lscore
		label, best := -1, math.Inf(-1)
		for l := 0; l < nl; l++ {
			if score[l] > best {
				label, best = l, score[l]
			}
		}
		s.labels = append(s.labels, int16(label))
	}
}

// add adds the weights of feature f with value v to the labels' scores.
func (e *extracter) add(s *scratch, f int, v string) {
	if g := findPair(&e.values, byte(f), v); g >= 0 {
		e.sum(s, g)
	}
}

// addKey is add with the value in s.key.
func (e *extracter) addKey(s *scratch, f int) {
	if g := findPair(&e.values, byte(f), s.key); g >= 0 {
		e.sum(s, g)
	}
}

func (e *extracter) sum(s *scratch, g int32) {
	score := s.lscore
	for j := e.start[g]; j < e.start[g+1]; j++ {
		score[e.plab[j]] += e.pw[j]
	}
}

func (e *extracter) history(label int16) string {
	if label < 0 {
		return "" // simplePOS("")
	}
	return e.simple[label]
}

func (e *extracter) label(l int16) string {
	if l < 0 {
		return ""
	}
	return e.labels[l]
}

func (e *extracter) endOf(l int16) string {
	if l < 0 {
		return ""
	}
	return e.end[l]
}

// persons appends the texts of the PERSON entities of the labelled tokens
// to out, as upstream's chunk finds them and coalesce joins them. ok is
// false where upstream panics (an entity whose first label has no "-").
func (e *extracter) persons(s *scratch, out []string) (_ []string, ok bool) {
	end := ""
	parts := s.parts[:0]
	defer func() { s.parts = parts }()
	for i := range s.toks {
		label := e.label(s.labels[i])
		idx := len(parts)
		if (label != "O" && label != end) ||
			(idx > 0 && s.tags[i] == s.tags[parts[idx-1]]) ||
			(idx > 0 && s.tags[i] == "CD" && e.label(s.labels[parts[idx-1]]) != "O") {
			end = e.endOf(s.labels[i])
			parts = append(parts, int32(i))
		} else if (label == "O" && end != "") || label == end {
			// We've found the end of an entity.
			if label != "O" {
				parts = append(parts, int32(i))
			}
			kind, known := e.entity(s, parts)
			if !known {
				return out, false
			}
			if kind == "PERSON" {
				var b strings.Builder
				for j, p := range parts {
					if j > 0 {
						b.WriteByte(' ')
					}
					b.WriteString(s.toks[p])
				}
				out = append(out, b.String())
			}
			end = ""
			parts = parts[:0]
		}
	}
	return out, true
}

// entity is upstream's parseEntities of the parts' labels.
func (e *extracter) entity(s *scratch, parts []int32) (string, bool) {
	if len(parts) == 0 {
		return "", false // upstream indexes ents[0]
	}
	if len(parts) == 2 && (e.label(s.labels[parts[0]]) == "B-PERSON" || e.label(s.labels[parts[1]]) == "B-PERSON") {
		// PERSON takes precedence because it's hard to identify.
		return "PERSON", true
	}
	l := s.labels[parts[0]]
	if l < 0 || !strings.Contains(e.labels[l], "-") {
		return "", false
	}
	return e.kind[l], true
}

// appendLower appends strings.ToLower(s) to b.
func appendLower(b []byte, s string) []byte {
	if !swar.ASCII(s) {
		return append(b, strings.ToLower(s)...)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}
