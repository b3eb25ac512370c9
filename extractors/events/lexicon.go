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
	single      []oneWord // its one-word patterns as wordMatch reads them, for modality
	topic       int       // a topic entry's place in topicOrder; -1 for any other
	titles      []string  // a role entry's value split at "|" (roleNouns), once, not per hit
	anterior    bool      // a derived Spanish subjunctive: counts only after "después de que" (subjunctive.go)
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
	entries []*entry
	exact   map[string][]ref
	prefix  map[uint32][]ref // by key3 of the first keyLen bytes
	suffix  map[uint32][]ref // by key3 of the last keyLen bytes
	rest    []ref
	// short are the refs of suffix patterns shorter than keyLen ("*ra"),
	// shortCore their suffixes ("ra"): only a word ending so may match.
	short     []ref
	shortCore []string
	restCore  []string // per rest ref, what its first word must contain ("cyber" of "*cyber*")
	restByte  []byte   // per rest ref, a byte of its core rare in words: a word without it cannot contain the core
	restMin   int      // the length of the shortest core
	// restAny holds the restBytes, unless a core is empty: a word with
	// none of them contains no core.
	restAny *[256]bool
	// first holds hashes of the keys of exact, prefix and suffix (each
	// set of its own): most words are in none, and a bit test costs far
	// less than a map lookup. Nil but for indexes find uses.
	first *firstSets
	// whole holds, for each key of exact (the lexicon's words: "der",
	// "und", "sagte"), every ref a word spelt so may start, from exact,
	// prefix, suffix and rest alike, in order, those whose first pattern
	// word does not match it left out: one look-up, no sorting and no test
	// of first words for the words of a text that the lexicon knows.
	// Filled by withFilter, for the indexes find uses.
	whole map[string][]ref
	// wholeTab, preTab and sufTab are whole, prefix and suffix as tables
	// find reads (table.go); restPair the bytes of restAny when it holds
	// at most two (restPairOK), tested eight bytes at a time. Filled by
	// withFilter.
	wholeTab       wordTable
	preTab, sufTab key3Table
	restPair       [2]byte
	restPairOK     bool
	// restLen is, per byte of restPair, the length of the shortest
	// core it is the restByte of (fillRestLen).
	restLen [2]int
}

// wordSet and key3Set are sets of 16-bit hashes (of words, of key3s): a
// key whose hash is not in one is not among the keys hashed into it (one
// that is may not be either).
//
// A hash is folded to 14 or 13 bits, about 32 bits per key of the
// largest index (537 words, 76 key3s; the adjectives' 231): an index's
// three sets take 4 KB, where a bit for each of the 65,536 hashes took
// 8 KB a set, which, a bit test per word at a random place in each (and
// one in the adjectives'), missed the first-level cache on most words
// (cachegrind: the most D1 misses of the events stage). A key that does
// not fold apart costs a table look-up that fails, no wrong answer.
type (
	wordSet [1 << 14 / 64]uint64
	key3Set [1 << 13 / 64]uint64
)

// fold14 and fold13 are the top bits of a multiplicative hash of h.
func fold14(h uint16) uint32 { return (uint32(h) * 0x9E3779B1) >> (32 - 14) }
func fold13(h uint16) uint32 { return (uint32(h) * 0x9E3779B1) >> (32 - 13) }

func (b *wordSet) add(h uint16)      { i := fold14(h); b[i/64] |= 1 << (i % 64) }
func (b *wordSet) has(h uint16) bool { i := fold14(h); return b[i/64]&(1<<(i%64)) != 0 }
func (b *key3Set) add(h uint16)      { i := fold13(h); b[i/64] |= 1 << (i % 64) }
func (b *key3Set) has(h uint16) bool { i := fold13(h); return b[i/64]&(1<<(i%64)) != 0 }

// firstSets are an index's filters: the hashes of the keys of exact,
// prefix and suffix.
type firstSets struct {
	exact          wordSet
	prefix, suffix key3Set
}

// wordHash hashes a word by its first, middle and last byte and its
// length: cheap, and it tells the lexicon's words from most others far
// better than their first two bytes do.
func wordHash(s string) uint16 {
	if s == "" {
		return 0
	}
	n := len(s)
	return uint16((uint32(s[0])<<8 | uint32(s[n-1])) ^ uint32(n)<<11 ^ uint32(s[n/2])<<4)
}

// key3Hash hashes a key3.
func key3Hash(k uint32) uint16 { return uint16((k * 0x9E3779B1) >> 16) }

// withFilter fills ix.first and ix.whole; it returns ix.
func (ix *index) withFilter() *index {
	ix.whole = make(map[string][]ref, len(ix.exact))
	for w := range ix.exact {
		rs := ix.candidates(w, nil)
		if len(rs) > 1 {
			sortRefs(rs)
		}
		kept := rs[:0]
		for _, r := range rs {
			if !r.tested && r.first.op < opGap && !r.first.match(w) {
				continue
			}
			r.tested = true
			// A one-word pattern whose word matches, without "$" or "^",
			// is matched: matchAt would say so.
			r.sure = r.sure || r.first.op < opGap && !r.first.final && !r.first.umlaut && len(ix.entries[r.entry].compiled[r.pat]) == 1
			kept = append(kept, r)
		}
		ix.whole[w] = slices.Clip(kept)
	}
	ix.first = new(firstSets)
	for k := range ix.exact {
		ix.first.exact.add(wordHash(k))
	}
	for k := range ix.prefix {
		ix.first.prefix.add(key3Hash(k))
	}
	for k := range ix.suffix {
		ix.first.suffix.add(key3Hash(k))
	}
	ix.wholeTab = newWordTable(ix.whole)
	ix.preTab, ix.sufTab = newKey3Table(ix.prefix), newKey3Table(ix.suffix)
	if ix.restAny != nil {
		var bs []byte
		for b, in := range ix.restAny {
			if in {
				bs = append(bs, byte(b))
			}
		}
		if len(bs) == 1 {
			bs = append(bs, bs[0])
		}
		if len(bs) == 2 {
			ix.restPair, ix.restPairOK = [2]byte{bs[0], bs[1]}, true
			ix.fillRestLen()
		}
	}
	return ix
}

// ref is one pattern of an index's entry.
type ref struct {
	entry, pat int32 // positions in index.entries and in the entry's patterns
	// sure: a word the ref is found for matches the pattern, without
	// matchAt: it is one word without "$" or "^", filed under it in exact
	// (or in a list of whole, whose word it matches).
	sure bool
	// tested: the pattern's first word matches any word the ref is found
	// for (one filed under it in exact, or in whole), as first would say.
	tested bool
	// second: the pattern's first two words are each one word (op <
	// opGap), so matchAt fails unless the second matches the word after
	// the first: find tests that before the call (most multi-word
	// patterns a word starts fail on the next word).
	second bool
	// probe, at probeAt (from the start, or, negative, from the end of
	// the word): a byte a word must have there to match first, a prefix
	// or suffix of four bytes or more, past the three a prefix or suffix
	// list is filed by: find rejects most words such a list is read for
	// with one byte compare instead of a call of match. probeAt 0: none.
	probe   byte
	probeAt int8
	// secLen, secByte: the length and first byte of the second pattern
	// word when it is exact (secLen 0: not), which the next word must
	// have for the pattern to match (see second).
	secLen, secByte byte
	first           pword // the pattern's first word, compiled: find tests it without reading the entry
}

// setProbes fills r's probe, probeAt, secLen and secByte from the
// compiled pattern c.
func (r *ref) setProbes(c []pword) {
	switch f := c[0]; {
	case f.op == opPrefix && len(f.text) > keyLen:
		r.probe, r.probeAt = f.text[keyLen], keyLen
	case f.op == opSuffix && len(f.text) > keyLen:
		r.probe, r.probeAt = f.text[len(f.text)-keyLen-1], -keyLen-1
	}
	if r.second && c[1].op == opExact && len(c[1].text) > 0 && len(c[1].text) < 256 {
		r.secLen, r.secByte = byte(len(c[1].text)), c[1].text[0]
	}
}

// mayMatchFirst reports whether fold may match r.first by its probe:
// false only when it cannot.
func (r *ref) mayMatchFirst(fold string) bool {
	switch {
	case r.probeAt > 0:
		return len(fold) > int(r.probeAt) && fold[r.probeAt] == r.probe
	case r.probeAt < 0:
		i := len(fold) + int(r.probeAt)
		return i >= 0 && fold[i] == r.probe
	}
	return true
}

// mayMatchSecond reports whether the word after may match the pattern's
// second word by its length and first byte: false only when it cannot.
func (r *ref) mayMatchSecond(next string) bool {
	return r.secLen == 0 || len(next) == int(r.secLen) && next[0] == r.secByte
}

// candidates appends to rs the refs of ix whose first pattern word may
// match the folded word w: those of exact under w, of prefix and suffix
// under its first and last keyLen bytes, and of rest whose core w
// contains; each list in order, not sorted together.
func (ix *index) candidates(w string, rs []ref) []ref {
	rs = append(rs, ix.exact[w]...)
	if len(w) >= keyLen {
		rs = append(rs, ix.prefix[key3(w)]...)
		rs = append(rs, ix.suffix[key3(w[len(w)-keyLen:])]...)
	}
	return ix.restOf(w, ix.shortOf(w, rs))
}

// shortOf appends to rs the refs of ix.short whose suffix w ends with.
func (ix *index) shortOf(w string, rs []ref) []ref {
	for k, c := range ix.shortCore {
		if strings.HasSuffix(w, c) {
			rs = append(rs, ix.short[k])
		}
	}
	return rs
}

// endsShort reports whether w ends with a suffix of ix.short.
func (ix *index) endsShort(w string) bool {
	for _, c := range ix.shortCore {
		if strings.HasSuffix(w, c) {
			return true
		}
	}
	return false
}

// restOf appends to rs the refs of ix.rest whose core w contains.
func (ix *index) restOf(w string, rs []ref) []ref {
	if len(ix.rest) > 0 && len(w) >= ix.restMin && (ix.restAny == nil || hasAnyByte(w, ix.restAny)) {
		rs = ix.restCores(w, rs)
	}
	return rs
}

// mayContainRest is the test of restOf on restAny: false when w holds
// none of its bytes, so contains no core of ix.rest.
func (ix *index) mayContainRest(w string) bool {
	switch {
	case ix.restAny == nil:
		return true
	case ix.restPairOK:
		return hasEither(w, ix.restPair[0], ix.restPair[1])
	}
	return hasAnyByte(w, ix.restAny)
}

// restCores appends to rs the refs of ix.rest whose core w contains,
// restOf without its filter.
func (ix *index) restCores(w string, rs []ref) []ref {
	for k, r := range ix.rest {
		// A pattern "*core*" or "*co" (core shorter than keyLen) matches only words containing core.
		if core := ix.restCore[k]; len(w) >= len(core) && (core == "" || strings.IndexByte(w, ix.restByte[k]) >= 0) && strings.Contains(w, core) {
			rs = append(rs, r)
		}
	}
	return rs
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
			r, p := ref{entry: int32(ei), pat: int32(pi), first: e.compiled[pi][0]}, strings.TrimSuffix(strings.TrimSuffix(seq[0], "$"), umlautMark)
			r.second = len(e.compiled[pi]) >= 2 && e.compiled[pi][0].op < opGap && e.compiled[pi][1].op < opGap
			r.setProbes(e.compiled[pi])
			pre, suf := strings.HasPrefix(p, "*"), strings.HasSuffix(p, "*")
			core := strings.Trim(p, "*")
			switch {
			case !pre && !suf:
				c := e.compiled[pi]
				r.sure = len(c) == 1 && c[0].op == opExact && !c[0].final && !c[0].umlaut && c[0].text == p
				// p is c[0]'s word ("$" and "^" cut as compile cuts them):
				// a word filed under it is that word.
				r.tested = c[0].op == opExact && c[0].text == p
				ix.exact[p] = append(ix.exact[p], r)
			case !pre && suf && len(core) >= keyLen:
				ix.prefix[key3(core)] = append(ix.prefix[key3(core)], r)
			case pre && !suf && len(core) >= keyLen:
				k := key3(core[len(core)-keyLen:])
				ix.suffix[k] = append(ix.suffix[k], r)
			case pre && !suf && core != "":
				ix.short = append(ix.short, r)
				ix.shortCore = append(ix.shortCore, core)
			default:
				ix.rest = append(ix.rest, r)
				ix.restCore = append(ix.restCore, core)
				ix.restByte = append(ix.restByte, rareByte(core))
				if len(ix.rest) == 1 || len(core) < ix.restMin {
					ix.restMin = len(core)
				}
				if len(ix.rest) == 1 {
					ix.restAny = new([256]bool)
				}
				if ix.restAny != nil {
					ix.restAny[ix.restByte[len(ix.restByte)-1]] = true
				}
				if core == "" {
					ix.restAny = nil // matches every word
				}
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
			if len(seq) == 1 {
				e.single = append(e.single, oneWord{rawPword(seq[0]), strings.HasPrefix(seq[0], "*") && !strings.HasSuffix(seq[0], "*")})
			}
		}
		e.topic = -1
		if e.kind == kindTopic {
			e.topic = slices.Index(topicOrder[:], e.value)
		}
		if e.kind == kindRole {
			e.titles = strings.Split(e.value, "|")
		}
		if len(e.patterns) > 0 {
			l.entries = append(l.entries, &e)
		}
	}
	if prefix == "es" && !topics {
		l.entries = append(l.entries, subjunctiveEntries(l.entries)...)
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

// isConjunction is conjunction[w], without hashing w: matchAt asks it of
// the word after every word a "$" pattern word matches.
func isConjunction(w string) bool {
	switch w {
	case "und", "oder", "aber", "sowie", "y", "e", "pero", "and", "but":
		return true
	}
	return false
}

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

// oneWord is a one-word pattern as modality reads it: its word as
// [wordMatch] does ("$" and "^" not cut), and whether it is a suffix cue
// ("*rá": it marks the word it ends).
type oneWord struct {
	w      pword
	suffix bool
}

// rawPword is the pattern word p as wordMatch reads it, "$" and "^"
// part of its text: its match is wordMatch(p, ·), without working out
// the wildcards per call.
func rawPword(p string) pword {
	switch {
	case p == "":
		return pword{op: opRaw, text: p} // wordMatch decides
	case p == "*":
		return pword{op: opAny}
	case len(p) > 1 && p[0] == '*' && p[len(p)-1] == '*':
		return pword{op: opContains, text: p[1 : len(p)-1]}
	case p[0] == '*':
		return pword{op: opSuffix, text: p[1:]}
	case p[len(p)-1] == '*':
		return pword{op: opPrefix, text: p[:len(p)-1]}
	}
	return pword{op: opExact, text: p}
}

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
//
// text is the document's: a pattern word spelt with an umlaut ("^") is
// tested against the word's own spelling there, only for a word it
// matches (most words meet no such pattern: none is worked out for each).
func matchAt(seq []pword, words []word, i int, text string) (int, bool) {
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
				if n, ok := matchAt(rest, words, k+g, text); ok {
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
		if p.final && k+1 < len(words) && words[k+1].clause == words[k].clause && !isConjunction(words[k+1].fold) {
			return 0, false
		}
		if !p.match(words[k].fold) {
			return 0, false
		}
		if p.umlaut && !hasUmlaut(text[words[k].start:words[k].end]) {
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
	memo *kindMemo
	// adjFrom, adjTo bound the words that are a nationality adjective or
	// stand before a hyphen ("russisch-belarussischen"), which
	// participants reads for countries: no other word names one. Set
	// (adjKnown) by find; a view without them reads every word.
	adjFrom, adjTo int
	adjKnown       bool
}

// kindMemo keeps what find returned for a sentence, which asks for the
// same kinds again and again (per trigger, per candidate). The lists live
// in buf, reused for the next sentence: no list find returns outlives the
// sentence it was asked for.
type kindMemo struct {
	done  uint64 // bit k: lists[k] is the sentence's
	lists [numKinds][]hit
	buf   []hit
}

// reset empties the memo for the next sentence.
func (m *kindMemo) reset() {
	m.done = 0
	clear(m.buf) // no entries kept alive
	m.buf = m.buf[:0]
}

// slowPaths, set by tests, makes the fast paths take their slow
// definitions: the results must be the same.
var slowPaths bool

// find returns the hits of one kind, in text order. The result must not
// be modified (it may be the memo's; appending copies it).
func (v *view) find(k kind) []hit {
	if v.has&(1<<k) == 0 {
		return nil // most kinds a sentence is asked for: answered inline, without a call
	}
	return v.list(k)
}

// list is find for a kind the sentence has.
func (v *view) list(k kind) []hit {
	if m := v.memo; m != nil {
		if m.done&(1<<k) == 0 {
			start := len(m.buf)
			hits := v.hits
			for j := range hits { // by index: not a copy of each hit
				if hits[j].kind == k {
					m.buf = append(m.buf, hits[j])
				}
			}
			m.lists[k] = m.buf[start:len(m.buf):len(m.buf)] // appending to it copies
			m.done |= 1 << k
		}
		return m.lists[k]
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
