package events

import (
	"bufio"
	"embed"
	"fmt"
	"slices"
	"strings"

	"github.com/gazex/gazex/gazetteer"
)

//go:embed data/*.tsv
var dataFS embed.FS

// kind is a lexicon entry's kind, the first column of a data file; a
// small integer, so that a sentence's hits are told apart by a bit test
// rather than by comparing strings.
type kind uint8

// Lexicon entry kinds; kindNames has their names in the data files.
const (
	kindTrigger kind = iota
	kindNegation
	kindFuture
	kindHypothetical
	kindSource
	kindSourceAfter
	kindReport
	kindLocation
	kindSpeech
	kindNeedsObject  // a trigger that counts only with an object cue in its clause ("zu verstärken" + "Zusammenarbeit")
	kindObject       // the nouns those triggers need
	kindSides        // "die Parteien", "ambas partes": the two countries spoken of before
	kindRole         // a role noun standing for a person named before (value: title prefixes, "|"-separated)
	kindComplement   // "dass", "que", "that": reported content follows
	kindObjectMarker // "dem", "al", "to": the name after it is not the subject
	kindArticle      // articles between a preposition and a place ("in die Ukraine")
	kindTopic        // topics.tsv: a topic's words
	kindTeaser       // "Mehr zum Thema", "Lea más": links to other articles, no source of events
	kindCommitment   // a promise or agreement whose negation in reported speech is a denial
	kindCue          // a named cue a trigger_needs_object "TYPE@name" needs in its clause ("traf" + "mit")
	kindBody         // a state body or office noun: a nationality adjective on it makes the country act ("die russische Botschaft")
	kindPreposition  // a country right after it is an object, not the subject ("für Südkorea")
	kindPronoun      // a subject pronoun: the sentence continues the subject of the one before ("er", "ambos")
	kindOffice       // a state office: a person in it is an official ("Verteidigungsminister", "diputada")
	kindAttack       // an attack: a statement reporting one accuses
	kindPassive      // a passive auxiliary ("wurde", "fue", "was"): the subject of a participle trigger receives
	kindAgent        // the preposition of a passive's agent ("von", "por", "by"): the name after it acts
	// Kinds of reported speech (speech.go).
	kindCharge      // a word of blame: a statement saying it accuses ("Aggression", "injerencia", "hostile")
	kindRejection   // a word rejecting a claim: a statement saying it denies ("haltlos", "rechazo", "baseless")
	kindInvolvement // a part in something: a statement that negates it denies ("beteiligt", "involucrado", "involved")
	kindEvaluation  // a verb that judges its object ("nannte", "calificó", "called"): the object is not an act the speaker does
	kindReply       // a verb of replying: a negative reply is a rejection ("respondió que no …")
	kindRelative    // a relative pronoun that is the subject of its clause ("der", "quien", "who")
	kindAuxiliary   // a German auxiliary of the perfect ("hatte", "habe"): a participle's objects follow it
	kindUnknown     // a kind no rule reads
	numKinds
)

// kindNames are the names of the kinds in the data files.
var kindNames = [numKinds]string{
	kindTrigger:      "trigger",
	kindNegation:     "negation",
	kindFuture:       "future",
	kindHypothetical: "hypothetical",
	kindSource:       "source",
	kindSourceAfter:  "source_after",
	kindReport:       "report",
	kindLocation:     "location",
	kindSpeech:       "speech",
	kindNeedsObject:  "trigger_needs_object",
	kindObject:       "object",
	kindSides:        "sides",
	kindRole:         "role",
	kindComplement:   "complement",
	kindObjectMarker: "object_marker",
	kindArticle:      "article",
	kindTopic:        "topic",
	kindTeaser:       "teaser",
	kindCommitment:   "commitment",
	kindCue:          "cue",
	kindBody:         "body",
	kindPreposition:  "preposition",
	kindPronoun:      "pronoun",
	kindOffice:       "office",
	kindAttack:       "attack",
	kindPassive:      "passive",
	kindAgent:        "agent",
	kindCharge:       "charge",
	kindRejection:    "rejection",
	kindInvolvement:  "involvement",
	kindEvaluation:   "evaluation",
	kindReply:        "reply",
	kindRelative:     "relative",
	kindAuxiliary:    "auxiliary",
}

func (k kind) String() string { return kindNames[k] }

// kindOf returns the kind a data file names; kindUnknown for a name no
// rule reads (its entries match, but nothing asks for them).
func kindOf(name string) kind {
	for k, n := range kindNames {
		if n == name && kind(k) != kindUnknown {
			return kind(k)
		}
	}
	return kindUnknown
}

// entry is one lexicon line: a named set of word patterns.
type entry struct {
	kind        kind
	name, value string
	cue         string // for trigger_needs_object "TYPE@cue": the cue entries it needs; "" for the object entries
	rule        string // provenance name: "de.trigger.unterzeichnen"
	patterns    [][]string
	compiled    [][]pword // patterns, compiled for matchAt
	gapped      []bool    // per pattern: it has a "..." gap
}

// lexicon is one language's entries, also indexed by kind (built once:
// sentences must not re-filter whole lexicons).
type lexicon struct {
	lang    string
	entries []*entry
	all     *index
	byKind  [numKinds]*index
}

// of returns the index of one kind's entries; an empty one for a kind the
// lexicon lacks.
func (l *lexicon) of(k kind) *index {
	if ix := l.byKind[k]; ix != nil {
		return ix
	}
	return emptyIndex
}

var emptyIndex = newIndex(nil)

// index finds the patterns a word may start, so that a sentence is not
// compared with every pattern of a lexicon: patterns are filed under
// their first word when it is exact, under its first three bytes when it
// is a prefix ("unterzeichn*"), under its last three when a suffix
// ("*abkommen"); the few others are tried on every word.
type index struct {
	entries  []*entry
	exact    map[string][]ref
	prefix   map[uint32][]ref // by key3 of the first keyLen bytes
	suffix   map[uint32][]ref // by key3 of the last keyLen bytes
	rest     []ref
	restCore []string // per rest ref, what its first word must contain ("cyber" of "*cyber*")
	restByte []byte   // per rest ref, a byte of its core rare in words: a word without it cannot contain the core
	// first holds the first two bytes of every key of exact, prefix and
	// suffix (each set of its own): most words are in none, and a bit
	// test costs far less than a map lookup. Nil but for indexes find uses.
	first *[3]bytePairs
	// The maps again, as the open-addressing tables find looks words up
	// in: one short hash and a compare, where a Go map costs several
	// times that (find looks up every word of every sentence).
	exactT           strTable
	prefixT, suffixT u32Table
}

// strTable is a read-only open-addressing hash table from strings to refs.
type strTable struct {
	keys []string
	vals [][]ref // nil: an empty slot (a key has at least one ref)
	mask uint32
}

func newStrTable(m map[string][]ref) strTable {
	size := 16
	for size < 4*len(m) {
		size *= 2
	}
	t := strTable{keys: make([]string, size), vals: make([][]ref, size), mask: uint32(size - 1)}
	for k, v := range m {
		i := hashString(k) & t.mask
		for t.vals[i] != nil {
			i = (i + 1) & t.mask
		}
		t.keys[i], t.vals[i] = k, v
	}
	return t
}

func (t *strTable) get(s string) []ref {
	for i := hashString(s) & t.mask; t.vals[i] != nil; i = (i + 1) & t.mask {
		if t.keys[i] == s {
			return t.vals[i]
		}
	}
	return nil
}

// hashString is FNV-1a: words are short.
func hashString(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// u32Table is a read-only open-addressing hash table from key3 keys to refs.
type u32Table struct {
	keys  []uint32
	vals  [][]ref // nil: an empty slot
	shift uint32
}

func newU32Table(m map[uint32][]ref) u32Table {
	bits := uint32(4)
	for 1<<bits < 4*len(m) {
		bits++
	}
	t := u32Table{keys: make([]uint32, 1<<bits), vals: make([][]ref, 1<<bits), shift: 32 - bits}
	mask := uint32(1)<<bits - 1
	for k, v := range m {
		i := (k * 0x9E3779B1) >> t.shift
		for t.vals[i] != nil {
			i = (i + 1) & mask
		}
		t.keys[i], t.vals[i] = k, v
	}
	return t
}

func (t *u32Table) get(k uint32) []ref {
	mask := uint32(len(t.keys) - 1)
	for i := (k * 0x9E3779B1) >> t.shift; t.vals[i] != nil; i = (i + 1) & mask {
		if t.keys[i] == k {
			return t.vals[i]
		}
	}
	return nil
}

// bytePairs is a set of the first two bytes of strings.
type bytePairs [1 << 16 / 64]uint64

func pairOf(s string) uint16 {
	switch len(s) {
	case 0:
		return 0
	case 1:
		return uint16(s[0]) << 8
	}
	return uint16(s[0])<<8 | uint16(s[1])
}

func (b *bytePairs) add(s string) { p := pairOf(s); b[p/64] |= 1 << (p % 64) }

func (b *bytePairs) has(s string) bool { p := pairOf(s); return b[p/64]&(1<<(p%64)) != 0 }

// withFilter fills ix.first; it returns ix.
func (ix *index) withFilter() *index {
	ix.first = new([3]bytePairs)
	for k := range ix.exact {
		ix.first[0].add(k)
	}
	for k := range ix.prefix {
		ix.first[1].add(string([]byte{byte(k >> 16), byte(k >> 8)}))
	}
	for k := range ix.suffix {
		ix.first[2].add(string([]byte{byte(k >> 16), byte(k >> 8)}))
	}
	ix.exactT, ix.prefixT, ix.suffixT = newStrTable(ix.exact), newU32Table(ix.prefix), newU32Table(ix.suffix)
	return ix
}

// ref is one pattern of an index's entry.
type ref struct {
	entry, pat int // positions in index.entries and in the entry's patterns
	// sure: the pattern is one exact word without "$" or "^", filed under
	// it in exact: a word found there matches it, without matchAt.
	sure bool
}

const keyLen = 3

// key3 packs the first three bytes of s (len(s) >= 3) into an integer:
// a map keyed by it hashes faster than one keyed by a three-byte string.
func key3(s string) uint32 {
	return uint32(s[0])<<16 | uint32(s[1])<<8 | uint32(s[2])
}

func newIndex(entries []*entry) *index {
	ix := &index{entries: entries, exact: map[string][]ref{}, prefix: map[uint32][]ref{}, suffix: map[uint32][]ref{}}
	for ei, e := range entries {
		for pi, seq := range e.patterns {
			r, p := ref{entry: ei, pat: pi}, strings.TrimSuffix(strings.TrimSuffix(seq[0], "$"), umlautMark)
			pre, suf := strings.HasPrefix(p, "*"), strings.HasSuffix(p, "*")
			core := strings.Trim(p, "*")
			switch {
			case !pre && !suf:
				c := e.compiled[pi]
				r.sure = len(c) == 1 && c[0].op == opExact && !c[0].final && !c[0].umlaut && c[0].text == p
				ix.exact[p] = append(ix.exact[p], r)
			case !pre && suf && len(core) >= keyLen:
				ix.prefix[key3(core)] = append(ix.prefix[key3(core)], r)
			case pre && !suf && len(core) >= keyLen:
				k := key3(core[len(core)-keyLen:])
				ix.suffix[k] = append(ix.suffix[k], r)
			default:
				ix.rest = append(ix.rest, r)
				ix.restCore = append(ix.restCore, core)
				ix.restByte = append(ix.restByte, rareByte(core))
			}
		}
	}
	return ix
}

// rareByte returns the byte of s (not empty) rarest in German, Spanish
// and English words, by a rough ranking of letters; 0 for "".
func rareByte(s string) byte {
	const common = "enirstaoldhcugmbpfkwzvyjxq" // most frequent first
	best, rank := byte(0), -1
	for i := 0; i < len(s); i++ {
		r := strings.IndexByte(common, s[i])
		if r < 0 {
			r = len(common) // a digit or a byte of a multi-byte rune: rare
		}
		if r > rank {
			best, rank = s[i], r
		}
	}
	return best
}

// parseLexicon reads a data file; prefix names the rules ("de", "topic").
func parseLexicon(name, prefix string, topics bool) (*lexicon, error) {
	data, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		return nil, err
	}
	l := &lexicon{lang: prefix}
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		var e entry
		var pats string
		if topics {
			if len(cols) != 2 {
				return nil, fmt.Errorf("events: %s:%d: want 2 tab-separated columns", name, n)
			}
			e = entry{kind: kindTopic, name: cols[0], value: cols[0]}
			e.rule = prefix + "." + kindNames[kindTopic] + "." + e.name
			pats = cols[1]
		} else {
			if len(cols) < 3 {
				return nil, fmt.Errorf("events: %s:%d: want 4 tab-separated columns", name, n)
			}
			e = entry{kind: kindOf(cols[0]), name: cols[1], value: cols[2]}
			e.rule = prefix + "." + cols[0] + "." + e.name
			if e.kind == kindNeedsObject {
				e.value, e.cue, _ = strings.Cut(e.value, "@")
			}
			if len(cols) > 3 {
				pats = cols[3]
			}
			if (e.kind == kindTrigger || e.kind == kindNeedsObject) && !knownType(e.value) {
				return nil, fmt.Errorf("events: %s:%d: unknown event type %q", name, n, e.value)
			}
		}
		for _, p := range strings.Fields(pats) {
			var seq []string
			for _, w := range strings.Split(p, "_") {
				switch {
				case w == "...":
					seq = append(seq, w)
				case strings.HasPrefix(w, "!") && len(seq) > 0:
					seq = append(seq, "!"+foldPattern(w[1:]))
				case strings.HasSuffix(w, "$"):
					seq = append(seq, foldPattern(strings.TrimSuffix(w, "$"))+"$")
				default:
					seq = append(seq, foldPattern(w))
				}
			}
			e.patterns = append(e.patterns, seq)
			e.compiled = append(e.compiled, compile(seq))
			e.gapped = append(e.gapped, slices.Contains(seq, "..."))
		}
		if len(e.patterns) > 0 {
			l.entries = append(l.entries, &e)
		}
	}
	var kinds [numKinds][]*entry
	for _, e := range l.entries {
		kinds[e.kind] = append(kinds[e.kind], e)
	}
	l.all = newIndex(l.entries)
	for k, es := range kinds {
		if es != nil {
			l.byKind[k] = newIndex(es)
		}
	}
	return l, sc.Err()
}

// foldPattern folds a pattern word as text words are folded, keeping its
// wildcards.
// A pattern word spelt with an umlaut ("könnte") matches only words spelt
// with one: folding makes "könnte" and "konnte", "wären" and "waren" the
// same, and only the first of each pair is hypothetical. Such a pattern
// word is folded with umlautMark after it.
func foldPattern(w string) string {
	pre, suf := strings.HasPrefix(w, "*"), strings.HasSuffix(w, "*") && w != "*"
	core := gazetteer.Fold(strings.Trim(w, "*"))
	if pre {
		core = "*" + core
	}
	if suf {
		core += "*"
	}
	if strings.ContainsAny(w, umlauts) {
		core += umlautMark
	}
	return core
}

const (
	umlauts    = "äöüÄÖÜáéíóúÁÉÍÓÚ" // a pattern spelt with one matches only words spelt with one
	umlautMark = "^"
)

// wordMatch reports whether one folded word matches one pattern word.
func wordMatch(p, w string) bool {
	switch {
	case p == "*":
		return true
	case len(p) > 1 && p[0] == '*' && p[len(p)-1] == '*':
		return len(w) > len(p)-2 && strings.Contains(w, p[1:len(p)-1])
	case p[0] == '*':
		return len(w) > len(p)-1 && strings.HasSuffix(w, p[1:])
	case p[len(p)-1] == '*':
		return strings.HasPrefix(w, p[:len(p)-1])
	}
	return p == w
}

// maxGap is how many words a "..." gap of a pattern may span.
const maxGap = 10

// conjunction are the coordinating conjunctions that may follow a word
// ending its clause ("bestellte den Botschafter ein und sagte …").
var conjunction = map[string]bool{"und": true, "oder": true, "aber": true, "sowie": true, "y": true, "e": true, "pero": true, "and": true, "but": true}

// pword is a pattern word compiled once, at New: what matchAt would
// otherwise work out from its string ("$", "^", the wildcards) for every
// word of every sentence it is tried on. match answers as [wordMatch] on
// the pattern word without its "$" and "^".
type pword struct {
	op     pop
	text   string // exact: the word; prefix, suffix, contains: without the "*"; not, raw: the pattern word for wordMatch
	final  bool   // "$": the word must end its clause
	umlaut bool   // "^": only a word spelt with an umlaut
}

type pop uint8

const (
	opExact    pop = iota
	opAny          // "*"
	opContains     // "*x*"
	opSuffix       // "*x"
	opPrefix       // "x*"
	opGap          // "...": up to maxGap words of the clause
	opNot          // "!x": the next word of the clause, if any, is not x
	opRaw          // an empty pattern word: wordMatch decides, as before compiling
)

// compile compiles a pattern sequence for matchAt.
func compile(seq []string) []pword {
	out := make([]pword, len(seq))
	for j, p := range seq {
		if p == "..." {
			out[j] = pword{op: opGap}
			continue
		}
		if not, ok := strings.CutPrefix(p, "!"); ok {
			out[j] = pword{op: opNot, text: not}
			continue
		}
		w := &out[j]
		p, w.final = strings.CutSuffix(p, "$")
		p, w.umlaut = strings.CutSuffix(p, umlautMark)
		switch {
		case p == "":
			w.op, w.text = opRaw, p
		case p == "*":
			w.op = opAny
		case len(p) > 1 && p[0] == '*' && p[len(p)-1] == '*':
			w.op, w.text = opContains, p[1:len(p)-1]
		case p[0] == '*':
			w.op, w.text = opSuffix, p[1:]
		case p[len(p)-1] == '*':
			w.op, w.text = opPrefix, p[:len(p)-1]
		default:
			w.op, w.text = opExact, p
		}
	}
	return out
}

// match reports whether a folded word matches w (its "$" and "^" aside).
func (w *pword) match(fold string) bool {
	switch w.op {
	case opExact:
		return fold == w.text
	case opAny:
		return true
	case opContains:
		return len(fold) > len(w.text) && strings.Contains(fold, w.text)
	case opSuffix:
		return len(fold) > len(w.text) && strings.HasSuffix(fold, w.text)
	case opPrefix:
		return strings.HasPrefix(fold, w.text)
	}
	return wordMatch(w.text, fold)
}

// matchAt reports whether the compiled pattern sequence matches the words
// from i, and how many words it spans. A "..." element skips up to maxGap
// words of the same clause, and a word ending in "$" must end its clause:
// together they match German separable verbs ("nahmen … Beziehungen auf",
// "wies … zurück").
func matchAt(seq []pword, words []word, i int) (int, bool) {
	k := i
	for j := range seq {
		p := &seq[j]
		switch p.op {
		case opGap:
			rest := seq[j+1:]
			for g := 0; g <= maxGap && k+g < len(words); g++ {
				// A clause based above the pattern's is a parenthesis it
				// spans, or one after it, where the clause never returns.
				if b := words[k+g].phrase; b != words[i].phrase {
					if b < words[i].phrase {
						break
					}
					continue
				}
				if n, ok := matchAt(rest, words, k+g); ok {
					return k + g + n - i, true
				}
			}
			return 0, false
		case opNot:
			// "!x": the next word of the clause, if any, is not x; it is
			// not part of the match ("entschied_!sich").
			if k < len(words) && words[k].clause == words[i].clause && wordMatch(p.text, words[k].fold) {
				return 0, false
			}
			continue
		}
		if k >= len(words) {
			return 0, false
		}
		if p.final && k+1 < len(words) && words[k+1].clause == words[k].clause && !conjunction[words[k+1].fold] {
			return 0, false
		}
		if p.umlaut && !words[k].umlaut {
			return 0, false
		}
		if !p.match(words[k].fold) {
			return 0, false
		}
		k++
	}
	return k - i, true
}

// view is what a sentence's words matched in its language's lexicon:
// every entry of every kind, found in one pass. has and one answer find
// and at by a bit test: most kinds match no word of a sentence, and at is
// asked of many words.
type view struct {
	hits []hit
	has  uint64   // bit k: a hit of kind k
	one  []uint64 // per word of the sentence: bit k, a one-word hit of kind k there
}

// find returns the hits of one kind, in text order.
func (v *view) find(k kind) []hit {
	if v.has&(1<<k) == 0 {
		return nil
	}
	var out []hit
	for _, h := range v.hits {
		if h.e.kind == k {
			out = append(out, h)
		}
	}
	return out
}

// at reports whether a one-word entry of kind k matched word i.
func (v *view) at(k kind, i int) bool {
	return uint(i) < uint(len(v.one)) && v.one[i]&(1<<k) != 0
}
