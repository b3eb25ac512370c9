package prose

import (
	"math"
	"regexp"
	"strings"

	"github.com/mingrammer/commonregex"
)

// Upstream's tag.go (Copyright 2013 Matthew Honnibal, MIT; see LICENSE).
var none = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
var keep = regexp.MustCompile(`^\-[A-Z]{3}\-$`)

// tagger is upstream's averaged perceptron (perceptronTagger), with the
// weights in one table: a feature's index (feats) gives its range in
// cls/w, one entry per class upstream's weights[feature] holds.
type tagger struct {
	classes []string          // upstream's classes, then any other class its weights name
	tagMap  map[string]string // upstream's tagMap
	feats   table             // the features' names
	start   []int32           // feature f's entries are [start[f], start[f+1])
	cls     []uint8
	w       []float64
}

// tag sets s.tags for s.toks, as upstream's perceptronTagger.tag.
func (t *tagger) tag(s *scratch) {
	n := len(s.toks)
	// The context: upstream's normalize of each token, between
	// "-START-", "-START2-" and "-END-", "-END2-".
	s.ctx = s.ctx[:0]
	s.ctx = append(s.ctx, "-START-", "-START2-")
	for i, w := range s.toks {
		s.ctx = append(s.ctx, s.normalize(i, w))
	}
	s.ctx = append(s.ctx, "-END-", "-END2-")

	s.tags = s.tags[:0]
	p1, p2 := "-START-", "-START2-"
	for i := 0; i < n; i++ {
		word := s.toks[i]
		var tag string
		var found bool
		// The pre-tests before the expressions are exact: LinkRegex needs
		// a '.' and EmailRegex an '@'; none matches "0" or what starts
		// with '*'; keep only five bytes from '-' to '-'.
		if word == "-" {
			tag = "-"
		} else if _, ok := emoticons[word]; ok {
			tag = "SYM"
		} else if (strings.IndexByte(word, '.') >= 0 && commonregex.LinkRegex.MatchString(word)) ||
			(strings.IndexByte(word, '@') >= 0 && commonregex.EmailRegex.MatchString(word)) ||
			strings.HasPrefix(word, "@") {
			tag = "NN"
		} else if (word == "0" || word[0] == '*') && none.MatchString(word) {
			tag = "-NONE-"
		} else if len(word) == 5 && word[0] == '-' && word[4] == '-' && keep.MatchString(word) {
			tag = word
		} else if tag, found = t.tagMap[word]; !found {
			tag = t.predict(s, i, word, p1, p2)
		}
		s.tags = append(s.tags, tag)
		p2 = p1
		p1 = tag
	}
}

// normalize is upstream's normalize of token i, word: the lowered form
// lives in s.arena, so that it costs no allocation (s.lower).
func (s *scratch) normalize(i int, word string) string {
	if word == "" {
		return word
	}
	if strings.IndexByte(word, '-') >= 0 && word[0] != '-' {
		return "!HYPHEN"
	} else if len(word) == 4 && atoiOK(word) {
		return "!YEAR"
	} else if '0' <= word[0] && word[0] <= '9' {
		// upstream: strconv.Atoi(string(word[0])) succeeds; string(byte)
		// is the rune of that value, a digit only for '0'-'9'.
		return "!DIGITS"
	}
	return s.lower(i)
}

// atoiOK reports whether strconv.Atoi(s) succeeds for a string of four
// bytes (without the error it allocates when it fails): an optional sign,
// then only decimal digits, at least one.
func atoiOK(s string) bool {
	if s[0] == '+' || s[0] == '-' {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// predict is upstream's featurize and averagedPerceptron.predict: the
// same fourteen features, built in s.key instead of joined, and summed per
// class in featurize's order (upstream sums in map order, so its sums
// vary in the last bits from call to call). Upstream picks, among the
// classes with a weight, one with the highest score, the first it meets in
// map order; this picks the first in t.classes.
func (t *tagger) predict(s *scratch, i int, w, p1, p2 string) string {
	s.gen++
	if s.gen == 0 { // wrapped: forget every stamp
		clear(s.stamp)
		s.gen = 1
	}
	ctx := s.ctx
	i += 2 // upstream: min(len(ctx)-2, i+2), and len(ctx) is len(tokens)+4
	suffix := func(x string) string { return x[len(x)-min(len(x), 3):] }

	t.score(s, "bias")
	t.score(s, "i suffix ", suffix(w))
	t.score(s, "i pref1 ", byteRune[w[0]]) // upstream: string(w[0]), the rune of that value
	t.score(s, "i-1 tag ", p1)
	t.score(s, "i-2 tag ", p2)
	t.score(s, "i tag+i-2 tag ", p1, " ", p2)
	t.score(s, "i word ", ctx[i])
	t.score(s, "i-1 tag+i word ", p1, " ", ctx[i])
	t.score(s, "i-1 word ", ctx[i-1])
	t.score(s, "i-1 suffix ", suffix(ctx[i-1]))
	t.score(s, "i-2 word ", ctx[i-2])
	t.score(s, "i+1 word ", ctx[i+1])
	t.score(s, "i+1 suffix ", suffix(ctx[i+1]))
	t.score(s, "i+2 word ", ctx[i+2])

	class, best := "", math.Inf(-1)
	for c, name := range t.classes {
		if s.stamp[c] == s.gen && s.score[c] > best {
			class, best = name, s.score[c]
		}
	}
	return class
}

// score adds the weights of the feature named by the concatenation of
// parts to the classes' scores (the name is built in s.key: a look-up with
// a table makes no string).
func (t *tagger) score(s *scratch, parts ...string) {
	k := s.key[:0]
	for _, p := range parts {
		k = append(k, p...)
	}
	s.key = k
	id := find(&t.feats, k)
	if id < 0 {
		return
	}
	for j := t.start[id]; j < t.start[id+1]; j++ {
		c := t.cls[j]
		if s.stamp[c] != s.gen {
			s.stamp[c] = s.gen
			s.score[c] = 0
		}
		s.score[c] += t.w[j]
	}
}

// byteRune[b] is string(b) for a byte b: the UTF-8 of rune b.
var byteRune = func() (t [256]string) {
	for b := range t {
		t[b] = string(rune(b))
	}
	return t
}()
