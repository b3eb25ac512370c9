package roles

import (
	"bufio"
	"embed"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/gazex/gazex/gazetteer"
)

// The role lexicons are data, one file per language (the format is
// described at the top of data/de.txt), so that a curator extends them
// without touching code.
//
//go:embed data/*.txt
var dataFS embed.FS

// Languages are the languages that have a role lexicon.
var Languages = []string{"de", "es", "en"}

// form is one lexicon entry: its folded tokens and its sector.
type form struct {
	folds  []string
	sector string
}

// lexicon is one language's role lexicon, compiled.
type lexicon struct {
	lang       string
	roles      map[string][]form // by first folded token, longest first
	suffixes   []form            // German compound heads, longest first
	suffixIx   *suffixIndex      // over suffixes
	bodies     map[string][]form
	bodyHeads  []form         // one-word bodies, longest first
	bodyIx     *suffixIndex   // over bodyHeads
	bodyExact  map[string]int // folded one-word body → its first index in bodyHeads
	newsAgency map[string][]form
	heads      prefixFilter              // the first two bytes of every key of roles, bodies and newsAgency
	roleHeads  prefixFilter              // the same of roles alone
	newsHeads  prefixFilter              // and of newsAgency alone
	starts     tailFilter                // the ends of every word that can begin a role or agency (see mayStart)
	words      [numKinds]map[string]bool // kind → folded forms (single-token kinds)
	wordHeads  [numKinds]pairFilter      // kind → the first two bytes of its forms, for is
	wordPrints [numKinds]wordPrints      // kind → its forms' keyPrints, for is
	nonState   []string                  // folded nonstate words, for German compounds
	nonStateF  []form                    // the same as forms, for nonStateIx
	nonStateIx *suffixIndex              // over nonStateF
	nonStateIn *substrings               // over nonState
	missions   map[string]string         // folded embassy and consulate words → sector
	missionF   []form                    // the same as forms with their sectors, for missionIx
	missionIx  *suffixIndex              // over missionF
	nounSuffix []string
	nounByLast [256][]string // nounSuffix by last byte, for nounLike
	inflect    bool          // nouns match with German inflectional endings
}

// wordKind is a single-token kind, looked up by folded form. An array
// index, not the data file's string: is runs for most words near a role.
type wordKind uint8

// single-token kinds, looked up by folded form.
const (
	kindModifier wordKind = iota
	kindConnector
	kindArticle
	kindCredit
	kindTitle
	kindNonName
	kindPremod
	kindLocPrep
	kindNonState
	kindGeneric
	kindBodyAdj
	kindChief
	kindStateRole
	kindFunction
	numKinds
)

// wordKinds are the kinds of data/*.txt that list single words, by name.
var wordKinds = map[string]wordKind{
	"modifier": kindModifier, "connector": kindConnector, "article": kindArticle,
	"credit": kindCredit, "title": kindTitle, "nonname": kindNonName, "locprep": kindLocPrep,
	"nonstate": kindNonState, "generic": kindGeneric, "bodyadj": kindBodyAdj, "chief": kindChief,
	"staterole": kindStateRole, "function": kindFunction,
}

// sectorNonState marks a role outside the state ("Rechtsanwalt", "CEO"):
// it ends the search for a name like any role, but introduces no official.
const sectorNonState = "NON"

func loadLexicon(lang string) (*lexicon, error) {
	name := "data/" + lang + ".txt"
	data, err := dataFS.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("roles: %w", err)
	}
	lx := &lexicon{
		lang:       lang,
		roles:      map[string][]form{},
		bodies:     map[string][]form{},
		newsAgency: map[string][]form{},
		inflect:    lang == "de",
	}
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Fields(text)
		if len(fields) < 3 {
			return nil, fmt.Errorf("roles: %s:%d: want KIND SECTOR FORM", name, line)
		}
		kind, sector, surface := fields[0], fields[1], strings.Join(fields[2:], " ")
		if sector == "-" {
			sector = ""
		}
		f := form{sector: sector}
		for _, t := range gazetteer.Tokens(surface) {
			f.folds = append(f.folds, t.Fold)
		}
		switch kind {
		case "role":
			lx.roles[f.folds[0]] = append(lx.roles[f.folds[0]], f)
		case "suffix":
			lx.suffixes = append(lx.suffixes, form{folds: []string{gazetteer.Fold(surface)}, sector: sector})
		case "body":
			lx.bodies[f.folds[0]] = append(lx.bodies[f.folds[0]], f)
			lx.addWord(kindNonName, f.folds[len(f.folds)-1])
		case "newsagency":
			lx.newsAgency[f.folds[0]] = append(lx.newsAgency[f.folds[0]], f)
		case "premod":
			for _, w := range f.folds {
				lx.addWord(kindPremod, w)
			}
		case "mission":
			if lx.missions == nil {
				lx.missions = map[string]string{}
			}
			lx.missions[f.folds[0]] = sector
			lx.addWord(kindNonName, f.folds[0])
		case "nounsuffix":
			lx.nounSuffix = append(lx.nounSuffix, gazetteer.Fold(surface))
		default:
			wk, ok := wordKinds[kind]
			if !ok {
				return nil, fmt.Errorf("roles: %s:%d: unknown kind %q", name, line, kind)
			}
			if len(f.folds) != 1 {
				// Multi-word non-names ("La Habana") guard each word.
				for _, w := range f.folds {
					lx.addWord(wk, w)
				}
				continue
			}
			lx.addWord(wk, f.folds[0])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("roles: %s: %w", name, err)
	}
	for w := range lx.words[kindNonState] {
		lx.nonState = append(lx.nonState, w)
	}
	slices.Sort(lx.nonState)
	for _, w := range lx.nonState {
		lx.nonStateF = append(lx.nonStateF, form{folds: []string{w}})
	}
	lx.nonStateIx = newSuffixIndex(lx.nonStateF)
	lx.nonStateIn = newSubstrings(lx.nonState)
	for w, sec := range lx.missions {
		lx.missionF = append(lx.missionF, form{folds: []string{w}, sector: sec})
	}
	slices.SortFunc(lx.missionF, func(a, b form) int { return strings.Compare(a.folds[0], b.folds[0]) })
	lx.missionIx = newSuffixIndex(lx.missionF)
	longestFirst := func(a, b form) int { return len(b.folds) - len(a.folds) }
	for _, m := range []map[string][]form{lx.roles, lx.bodies, lx.newsAgency} {
		for k := range m {
			slices.SortStableFunc(m[k], longestFirst)
			lx.heads.add(k)
		}
	}
	// One filter per map that match looks into: the few news agencies'
	// rule out nearly every word at once.
	for k := range lx.roles {
		lx.roleHeads.add(k)
	}
	for k := range lx.newsAgency {
		lx.newsHeads.add(k)
	}
	slices.SortStableFunc(lx.suffixes, func(a, b form) int { return len(b.folds[0]) - len(a.folds[0]) })
	for _, fs := range lx.bodies {
		for _, f := range fs {
			if len(f.folds) == 1 {
				lx.bodyHeads = append(lx.bodyHeads, f)
			}
		}
	}
	slices.SortStableFunc(lx.bodyHeads, func(a, b form) int {
		if d := len(b.folds[0]) - len(a.folds[0]); d != 0 {
			return d
		}
		return strings.Compare(a.folds[0], b.folds[0])
	})
	lx.suffixIx = newSuffixIndex(lx.suffixes)
	lx.bodyIx = newSuffixIndex(lx.bodyHeads)
	lx.bodyExact = map[string]int{}
	for k, f := range lx.bodyHeads {
		if _, ok := lx.bodyExact[f.folds[0]]; !ok {
			lx.bodyExact[f.folds[0]] = k
		}
	}
	for _, sfx := range lx.nounSuffix {
		if sfx != "" {
			c := sfx[len(sfx)-1]
			lx.nounByLast[c] = append(lx.nounByLast[c], sfx)
		}
	}
	for k := range lx.roles {
		lx.addStart(k)
	}
	for k := range lx.newsAgency {
		lx.addStart(k)
	}
	for _, list := range [][]form{lx.missionF, lx.bodyHeads, lx.suffixes} {
		for _, f := range list {
			lx.addStart(f.folds[0])
		}
	}
	lx.starts.prune()
	return lx, nil
}

// tailFilter holds the last four bytes of the words that can begin a
// role, an agency or a mission (the keys of roles and newsAgency, the
// mission words, body heads and role suffixes), hashed into a bit array,
// and the shorter words whole. A word that ends in none of them, with or
// without up to two bytes of an inflectional ending, starts nothing:
// candidates skips it with a few hashes instead of a dozen lookups.
//
// The bits only say that a word may end another: one in eleven German
// words hit a bit that a word with other last four bytes set
// ("Kooperation", "Länder"), and then cost agencyAt and roleAt a
// thousand instructions for nothing. So the words of four bytes or more
// are also kept bucketed by the bit's word (long), and a bit that is set
// is confirmed by comparing the few words of its bucket: mayEnd is exact.
//
// Where the language inflects, the words are added with every German
// ending (see mayStart): some 13,000 in German, so the bits are 2^18
// and the buckets 4096, to keep both sparse.
//
// A bit of the last four bytes is set by every compound of a head that
// ends like a common word ("Direktion", "Kooperation"), so the words of
// eight bytes or more set the bit of their last eight bytes instead
// (tailBit8): "Abteilungen" no longer hits "Forderungen". And the short
// words, all of three bytes in the lexicons, are looked up by their three
// bytes (short3), not only by their last ("Amt" against every word in
// "-heit").
type tailFilter struct {
	bits      [1 << tailBits / 64]uint64
	long      [1 << tailBits / 64][]tailWord // the words of four bytes or more, by their bit / 64
	short     []string                       // words shorter than four bytes
	shortEnds [4]uint64                      // the last bytes of the short words, a bit each: most words end in none of them
	short3    [1 << 12 / 64]uint64           // the short words of three bytes by short3Bit
	shortLess bool                           // a short word has fewer than three bytes: short3 cannot rule out
}

// tailWord is a word of a tailFilter with its tailBit: a bucket holds
// the words of 64 bits, and only those of v's own bit can end v.
type tailWord struct {
	bit  uint32
	word string
}

// tailBits is the number of bits of tailBit.
const tailBits = 18

// tailBit hashes the last four bytes of w, which has at least four.
func tailBit(w string) uint32 {
	return last4(w) * 0x9E3779B1 >> (32 - tailBits)
}

// tailBit8 hashes the last eight bytes of w, which has at least eight.
func tailBit8(w string) uint32 {
	w = w[len(w)-8:]
	x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
	return uint32(x * 0x9E3779B97F4A7C15 >> (64 - tailBits))
}

// short3Bit hashes the last three bytes of w, which has at least three.
func short3Bit(w string) uint32 {
	w = w[len(w)-3:]
	return (uint32(w[0]) | uint32(w[1])<<8 | uint32(w[2])<<16) * 0x9E3779B1 >> 20
}

// wordBit is the bit of a word of four bytes or more: of its last eight
// bytes when it has eight, else of its last four.
func wordBit(w string) uint32 {
	if len(w) >= 8 {
		return tailBit8(w)
	}
	return tailBit(w)
}

// last4 returns the last four bytes of w (at least four) as a
// little-endian number: one load (the slice first, then one bounds check).
func last4(w string) uint32 {
	w = w[len(w)-4:]
	return uint32(w[0]) | uint32(w[1])<<8 | uint32(w[2])<<16 | uint32(w[3])<<24
}

func (tf *tailFilter) add(w string) {
	if len(w) < 4 {
		if !slices.Contains(tf.short, w) {
			tf.short = append(tf.short, w)
		}
		if w == "" {
			tf.shortEnds = [4]uint64{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)} // ends every word
		} else {
			c := w[len(w)-1]
			tf.shortEnds[c/64] |= 1 << (c % 64)
		}
		if len(w) == 3 {
			h := short3Bit(w)
			tf.short3[h/64] |= 1 << (h % 64)
		} else {
			tf.shortLess = true
		}
		return
	}
	h := wordBit(w)
	tf.bits[h/64] |= 1 << (h % 64)
	if tw := (tailWord{h, w}); !slices.Contains(tf.long[h/64], tw) {
		tf.long[h/64] = append(tf.long[h/64], tw)
	}
}

// prune drops each word that another word ends ("aussenminister" ends
// in "minister"): whatever it ends, the other ends too, so mayEnd answers
// as before, and a bucket no longer holds every compound of a head that
// shares its last four bytes (TestPruneKeepsMayEnd).
func (tf *tailFilter) prune() {
	words := map[string]bool{}
	for _, b := range tf.long {
		for _, w := range b {
			words[w.word] = true
		}
	}
	for _, w := range tf.short {
		words[w] = true
	}
	var keep []string
	for w := range words {
		redundant := false
		for k := 1; k <= len(w) && !redundant; k++ {
			redundant = words[w[k:]]
		}
		if !redundant {
			keep = append(keep, w)
		}
	}
	slices.Sort(keep) // buckets in the same order at every start
	*tf = tailFilter{}
	for _, w := range keep {
		tf.add(w)
	}
}

// mayEnd reports whether one of the words ends v. Most words asked end
// in no word: then one bit of their last four bytes and one of their last
// byte say so, inline; the rest is mayEndScan.
func (tf *tailFilter) mayEnd(v string) bool {
	n := len(v)
	if n >= 4 && tf.endsLong(v, tailBit(v)) {
		return true
	}
	if n >= 8 && tf.endsLong(v, tailBit8(v)) {
		return true
	}
	if n == 0 {
		return slices.Contains(tf.short, "")
	}
	if c := v[n-1]; tf.shortEnds[c/64]&(1<<(c%64)) == 0 {
		return false // no short word ends in v's last byte
	}
	if n >= 3 && !tf.shortLess {
		if h := short3Bit(v); tf.short3[h/64]&(1<<(h%64)) == 0 {
			return false // nor in its last three
		}
	}
	for _, w := range tf.short {
		if strings.HasSuffix(v, w) {
			return true
		}
	}
	return false
}

// endsLong reports whether a word of four bytes or more with bit h ends v.
func (tf *tailFilter) endsLong(v string, h uint32) bool {
	if tf.bits[h/64]&(1<<(h%64)) == 0 {
		return false
	}
	for _, w := range tf.long[h/64] {
		if w.bit == h && strings.HasSuffix(v, w.word) {
			return true
		}
	}
	return false
}

// addStart adds a word that can begin a role, an agency or a mission to
// lx.starts: where the language inflects, also with each German ending.
func (lx *lexicon) addStart(w string) {
	lx.starts.add(w)
	if lx.inflect {
		for _, e := range germanEndings {
			lx.starts.add(w + e)
		}
	}
}

// mayStart reports whether the folded word may begin a role, an agency
// or a mission: whether a word of lx.starts ends it, where the language
// inflects with a German ending or without (addStart added both): every
// ending that uninflect, mission and bodyAt strip is one of
// germanEndings. False means that agencyAt and roleAt fail at it
// (TestMayStartRulesOutOnlyMisses). One lookup of the word, instead of
// one of it and of it without one and two bytes: candidates asks it of
// most words.
func (lx *lexicon) mayStart(fold string) bool {
	return lx.starts.mayEnd(fold)
}

// prefixFilter is the set of the first two bytes of some words, a bit
// array: match asks it before hashing a token and its uninflected bases,
// which share those two bytes, into the lexicon's maps.
type prefixFilter struct {
	bits  [1 << 16 / 64]uint64
	short bool // a word shorter than two bytes was added: everything may match
}

func (pf *prefixFilter) add(w string) {
	if len(w) < 2 {
		pf.short = true
		return
	}
	k := uint(w[0])<<8 | uint(w[1])
	pf.bits[k/64] |= 1 << (k % 64)
}

// may reports whether a word that starts like w may have been added.
func (pf *prefixFilter) may(w string) bool {
	if pf.short {
		return true
	}
	if len(w) < 2 {
		return false
	}
	k := uint(w[0])<<8 | uint(w[1])
	return pf.bits[k/64]&(1<<(k%64)) != 0
}

// pairFilter is a smaller prefixFilter, for the many word sets of a
// lexicon: the first two bytes of each word hashed into 4096 bits, and the
// one-byte words whole. A word it rules out starts like no word added;
// one it lets pass may still be none.
type pairFilter struct {
	bits  [1 << 12 / 64]uint64
	short [256 / 64]uint64 // one-byte words
	empty bool             // the empty word was added
}

func pairBit(a, b byte) uint32 { return (uint32(a)<<8 | uint32(b)) * 0x9E3779B1 >> 20 }

func (pf *pairFilter) add(w string) {
	switch len(w) {
	case 0:
		pf.empty = true
	case 1:
		pf.short[w[0]/64] |= 1 << (w[0] % 64)
	default:
		h := pairBit(w[0], w[1])
		pf.bits[h/64] |= 1 << (h % 64)
	}
}

// may reports whether w may have been added.
func (pf *pairFilter) may(w string) bool {
	switch len(w) {
	case 0:
		return pf.empty
	case 1:
		return pf.short[w[0]/64]&(1<<(w[0]%64)) != 0
	}
	h := pairBit(w[0], w[1])
	return pf.bits[h/64]&(1<<(h%64)) != 0
}

// suffixIndex finds the first of a list of words that ends another word
// without scanning the whole list: the words are bucketed by their last
// tailLen bytes (hashed to an array index), so that a lookup checks only
// the few words that end alike; German role nouns nearly all end in "er"
// or "in", which two bytes did not tell apart.
type suffixIndex struct {
	buckets [1024][]int // tailHash of the last tailLen bytes → indexes into the list, ascending
	short   []int       // indexes of words shorter than tailLen bytes, ascending
	// shortByLast holds the short words' indexes by their last byte,
	// ascending: only those can end a word with that last byte (first
	// asked short of every word before; TestSuffixIndexFirst).
	shortByLast [256][]int
	empty       int // the index of the first empty word, -1 when there is none
}

// tailLen is the number of final bytes a suffixIndex buckets by.
const tailLen = 4

func tailHash(w string) int {
	return int(last4(w)*0x9E3779B1>>22) & 1023
}

func newSuffixIndex(list []form) *suffixIndex {
	ix := &suffixIndex{empty: -1}
	for k, f := range list {
		w := f.folds[0]
		if len(w) < tailLen {
			ix.short = append(ix.short, k)
			if w == "" {
				if ix.empty < 0 {
					ix.empty = k
				}
			} else {
				ix.shortByLast[w[len(w)-1]] = append(ix.shortByLast[w[len(w)-1]], k)
			}
			continue
		}
		h := tailHash(w)
		ix.buckets[h] = append(ix.buckets[h], k)
	}
	return ix
}

// first returns the smallest index k below limit such that list[k] is a
// byte suffix of v, or -1.
func (ix *suffixIndex) first(list []form, v string, limit int) int {
	found := -1
	if len(v) >= tailLen {
		for _, k := range ix.buckets[tailHash(v)] {
			if k >= limit {
				break
			}
			if strings.HasSuffix(v, list[k].folds[0]) {
				found, limit = k, k
				break
			}
		}
	}
	if ix.empty >= 0 && ix.empty < limit {
		found, limit = ix.empty, ix.empty // ends every word
	}
	if v == "" {
		return found
	}
	for _, k := range ix.shortByLast[v[len(v)-1]] {
		if k >= limit {
			break
		}
		if strings.HasSuffix(v, list[k].folds[0]) {
			return k
		}
	}
	return found
}

func (lx *lexicon) addWord(kind wordKind, fold string) {
	if lx.words[kind] == nil {
		lx.words[kind] = map[string]bool{}
	}
	lx.words[kind][fold] = true
	lx.wordHeads[kind].add(fold)
	lx.wordPrints[kind].add(fold)
}

// wordPrints is a set of words as one bit of each word's keyPrint (4096
// bits: a kind has at most some hundred words). is asks it of a word, and
// of each base uninflect gives, before hashing them into the kind's map:
// of the words that start like a form of the kind (wordHeads), most are
// none (TestWordFiltersMatchLookups holds is to the map lookups).
type wordPrints [1 << 12 / 64]uint64

func wordPrintBit(w string) uint32 { return keyPrint(w) * 0x9E3779B1 >> 20 }

func (wp *wordPrints) add(w string) {
	h := wordPrintBit(w)
	wp[h/64] |= 1 << (h % 64)
}

// may reports whether w may have been added.
func (wp *wordPrints) may(w string) bool {
	h := wordPrintBit(w)
	return wp[h/64]&(1<<(h%64)) != 0
}

// is reports whether the folded token is a word of the kind, allowing a
// German inflectional ending.
func (lx *lexicon) is(kind wordKind, fold string) bool {
	// Every base uninflect gives starts with fold's first two bytes: a
	// word that starts like no form of the kind is none, without hashing
	// it and its bases into the map (most words asked are not).
	if !lx.wordHeads[kind].may(fold) {
		return false
	}
	set, prints := lx.words[kind], &lx.wordPrints[kind]
	if prints.may(fold) && set[fold] {
		return true
	}
	if !lx.inflect {
		return false
	}
	bs := uninflect(fold)
	for _, base := range bs.all() {
		if prints.may(base) && set[base] {
			return true
		}
	}
	return false
}

// germanEndings are the inflectional endings a German noun or adjective
// may add to its lexicon form.
var germanEndings = []string{"en", "n", "es", "s", "e", "er", "em"}

// bases holds a word without each ending it may carry; it lives on the
// stack, as this runs for every capitalised word.
type bases struct {
	n    int
	list [2]string // uninflect strips at most two endings ("-en" and "-n")
}

func (b *bases) all() []string { return b.list[:b.n] }

// uninflect returns fold without each ending it may carry, in the order
// of germanEndings, that leave more than two bytes.
func uninflect(fold string) bases {
	// The endings that end in fold's last byte, in that order ("en"
	// before "n", "es" before "s"), without comparing all seven: this
	// runs for every capitalised German word, some several times
	// (TestUninflect holds it to the loop over germanEndings).
	var b bases
	n := len(fold)
	if n < 4 {
		return b // every ending would leave two bytes or fewer
	}
	two := n > 4 && fold[n-2] == 'e' // a two-byte ending "e?" may go
	switch fold[n-1] {
	case 'n', 's':
		if two {
			b.list[0], b.n = fold[:n-2], 1
		}
		b.list[b.n] = fold[:n-1]
		b.n++
	case 'e':
		b.list[0], b.n = fold[:n-1], 1
	case 'r', 'm':
		if two {
			b.list[0], b.n = fold[:n-2], 1
		}
	}
	return b
}

// sameWord reports whether the folded token spells the folded lexicon
// word, with an inflectional ending where the language has them.
func (lx *lexicon) sameWord(tok, word string) bool {
	if tok == word {
		return true
	}
	if !lx.inflect {
		return false
	}
	bs := uninflect(tok)
	for _, base := range bs.all() {
		if base == word {
			return true
		}
	}
	return false
}

// match returns the longest entry of m that toks spell from i on (the
// last word possibly inflected), and the index after it.
func (lx *lexicon) match(m map[string][]form, toks []gazetteer.Token, i int) (form, int, bool) {
	return lx.matchIn(m, &lx.heads, toks, i)
}

// matchIn is match with heads a prefixFilter of m's keys: the hot paths
// pass the filter of m alone (roleHeads, newsHeads), which rules out more.
func (lx *lexicon) matchIn(m map[string][]form, heads *prefixFilter, toks []gazetteer.Token, i int) (form, int, bool) {
	if !heads.may(toks[i].Fold) {
		return form{}, 0, false
	}
	cands := m[toks[i].Fold]
	if lx.inflect && len(cands) == 0 {
		bs := uninflect(toks[i].Fold)
		for _, base := range bs.all() {
			if cs := m[base]; len(cs) > 0 {
				cands = cs
				break
			}
		}
	}
	for _, f := range cands {
		end := i + len(f.folds)
		if end > len(toks) {
			continue
		}
		ok := true
		for k, w := range f.folds {
			t := toks[i+k]
			if k > 0 && t.LineBreak {
				ok = false
				break
			}
			if t.Fold != w && !(k == len(f.folds)-1 && lx.sameWord(t.Fold, w)) {
				ok = false
				break
			}
		}
		if ok {
			return f, end, true
		}
	}
	return form{}, 0, false
}

// suffixRole reports whether a German word is a compound whose head is a
// role noun ("Kommunikationsministerin", "Spitzenbeamten"), and its sector.
func (lx *lexicon) suffixRole(fold string) (string, bool) {
	// The first suffix in lexicon order that ends fold or one of its
	// uninflected bases: the smallest index over all of them.
	best := lx.suffixIx.first(lx.suffixes, fold, len(lx.suffixes))
	if best < 0 {
		best = len(lx.suffixes)
	}
	bs := uninflect(fold)
	for _, v := range bs.all() {
		if k := lx.suffixIx.first(lx.suffixes, v, best); k >= 0 {
			best = k
		}
	}
	if best < len(lx.suffixes) {
		return lx.suffixes[best].sector, true
	}
	return "", false
}

// nonStateWord reports whether a folded word names a body outside the
// state: a nonstate word, or in German a compound with one as its head
// ("Fußballverbands") or, when compound is set (the word is a role noun:
// "Konzernchef", "Betriebsratsvorsitzende"), anywhere in it.
func (lx *lexicon) nonStateWord(fold string, compound bool) bool {
	if lx.wordHeads[kindNonState].may(fold) && lx.wordPrints[kindNonState].may(fold) && lx.words[kindNonState][fold] {
		return true
	}
	if !lx.inflect {
		return false
	}
	if lx.nonStateIx.first(lx.nonStateF, fold, len(lx.nonStateF)) >= 0 {
		return true
	}
	bs := uninflect(fold)
	for _, f := range bs.all() {
		if lx.nonStateIx.first(lx.nonStateF, f, len(lx.nonStateF)) >= 0 {
			return true
		}
	}
	if compound {
		return lx.nonStateIn.in(fold)
	}
	return false
}

// substrings finds whether any of a set of words occurs in a text: the
// words are bucketed by their first two bytes, and only the words of the
// pairs the text holds are compared, instead of a strings.Contains per
// word (57 of them in German, for every role noun).
type substrings struct {
	byPair map[uint16][]string
	pairs  prefixFilter // the first two bytes of every word
	short  []string     // words shorter than two bytes, compared whole
}

func newSubstrings(words []string) *substrings {
	ss := &substrings{byPair: map[uint16][]string{}}
	for _, w := range words {
		if len(w) < 2 {
			ss.short = append(ss.short, w)
			continue
		}
		ss.pairs.add(w)
		k := uint16(w[0])<<8 | uint16(w[1])
		ss.byPair[k] = append(ss.byPair[k], w)
	}
	return ss
}

// in reports whether some word occurs in s.
func (ss *substrings) in(s string) bool {
	for _, w := range ss.short {
		if strings.Contains(s, w) {
			return true
		}
	}
	// pairs.may of s[i:], inline: official asks this of every role noun,
	// a byte at a time (newSubstrings adds no word shorter than two
	// bytes to pairs, so its short flag is never set).
	for i := 0; i+1 < len(s); i++ {
		if k := uint(s[i])<<8 | uint(s[i+1]); ss.pairs.bits[k/64]&(1<<(k%64)) == 0 {
			continue
		}
		for _, w := range ss.byPair[uint16(s[i])<<8|uint16(s[i+1])] {
			if strings.HasPrefix(s[i:], w) {
				return true
			}
		}
	}
	return false
}

// mission returns the sector of an embassy or consulate word, also as the
// head of a German compound ("US-Botschaft", "Generalkonsulats").
func (lx *lexicon) mission(fold string) (string, bool) {
	if sec, ok := lx.missions[fold]; ok {
		return sec, true
	}
	if !lx.inflect {
		return "", false
	}
	for _, v := range [3]string{fold, strings.TrimSuffix(fold, "s"), strings.TrimSuffix(fold, "es")} {
		if k := lx.missionIx.first(lx.missionF, v, len(lx.missionF)); k >= 0 {
			return lx.missionF[k].sector, true
		}
	}
	return "", false
}

// nounLike reports whether a capitalised German word looks like a common
// noun or adjective by its ending, and so is no part of a name.
//
// nameTok asks it of every capitalised word near a role: the suffixes are
// bucketed by their last byte (nounByLast), so that a word is compared
// only with the few that end like it, not with all 47 (TestNounLike holds
// it to the loop over nounSuffix, nounLikeSlow).
func (lx *lexicon) nounLike(fold string) bool {
	if len(fold) < 6 || utf8.RuneCountInString(fold) < 6 {
		return false // (a rune has at least one byte)
	}
	if lx.hasNounSuffix(fold, 0) {
		return true
	}
	// "Wohlfahrtsamts": a noun in the genitive.
	if base, ok := strings.CutSuffix(fold, "s"); ok && lx.hasNounSuffix(base, 3) {
		return true
	}
	return false
}

// hasNounSuffix reports whether a noun suffix of at least min bytes ends s.
func (lx *lexicon) hasNounSuffix(s string, min int) bool {
	if s == "" {
		return false
	}
	for _, sfx := range lx.nounByLast[s[len(s)-1]] {
		if len(sfx) >= min && strings.HasSuffix(s, sfx) {
			return true
		}
	}
	return false
}

// loadFamilyFirst reads the family names that come first.
func loadFamilyFirst() (map[string]bool, error) {
	data, err := dataFS.ReadFile("data/family_first.txt")
	if err != nil {
		return nil, fmt.Errorf("roles: %w", err)
	}
	out := map[string]bool{}
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out[gazetteer.Fold(line)] = true
	}
	return out, nil
}
