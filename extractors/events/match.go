package events

// Matching: the words of a sentence, the lexicon entries they match, the
// triggers among them and the negation, future and hypothetical cues of
// their clause.

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gazex/gazex/gazetteer"
)

// word is a word token of a sentence (punctuation marks are clause
// boundaries and are kept apart).
type word struct {
	start, end int               // offsets into the document text
	fold       string            // gazetteer.Fold
	adj        *gazetteer.Entity // the country of the nationality adjective the word is, looked up once
	clause     int               // index of the clause the word is in
	phrase     int               // the clause it continues, counting no quotation marks and resuming after a parenthesis: a "..." gap spans both ("wies das als „Manöver“ zurück")
	cap        bool
}

// words splits a sentence as [gazetteer.Tokens] does, without its cost:
// a word's key (what nationality adjectives are looked up by) is computed,
// and looked up, only for words that may be one, by their first bytes.
func (x *Extractor) words(text string, s Sentence) []word {
	out := make([]word, 0, (s.End-s.Start)/6)
	var cl clauses
	for i := s.Start; i < s.End; {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		start := i
		if !isWordRune(r) {
			i += size
			cl.punct(text[start:i])
			continue
		}
		i += size
		for i < s.End {
			r, size = utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				i += size
				continue
			}
			// An apostrophe binds letters on both sides ("O'Brien").
			if r == '\'' && i+1 < s.End {
				next, nsize := utf8.DecodeRuneInString(text[i+1:])
				if unicode.IsLetter(next) {
					i += size + nsize
					continue
				}
			}
			break
		}
		first, _ := utf8.DecodeRuneInString(text[start:])
		w := word{start: start, end: i, fold: gazetteer.Fold(text[start:i]), clause: cl.cur, phrase: cl.phrase, cap: unicode.IsUpper(first)}
		w.adj = x.adjEmpty
		if len(w.fold) >= adjPrefix && x.adjPrefix[key3(w.fold)] {
			w.adj = x.adjOf[adjLang(s.Lang)][gazetteer.Key(w.fold)]
		}
		out = append(out, w)
	}
	return out
}

// tokenWords is [Extractor.words] read from the document's tokens, from
// toks[from] on; it returns where the next sentence's search may start.
// The words are appended to *arena, one allocation for all the sentences
// of a document rather than one each. ok is false (and words must
// tokenise) when there are no tokens or one straddles a sentence
// boundary, where the two tokenisations could differ.
//
// *adj, if adj is not nil, gets the bounds of the words a country may be
// read from (see view.adjFrom).
func (x *Extractor) tokenWords(text string, toks []gazetteer.Token, from int, s Sentence, arena *[]word, adj *[2]int) (out []word, next int, ok bool) {
	if len(toks) == 0 {
		return nil, from, false
	}
	// Sentences are ordered but may overlap or skip: step back if needed.
	for from > 0 && toks[from-1].End > s.Start {
		from--
	}
	for from < len(toks) && toks[from].Start < s.Start {
		if toks[from].End > s.Start {
			return nil, from, false // a token straddles the start
		}
		from++
	}
	// The sentence's tokens: those starting before its end, the last of
	// which alone may straddle it. The arena grows once for them all, so
	// that the loop over them calls nothing for most tokens (a call in it
	// had the compiler spill and reload a dozen registers per token).
	ts := toks[from:]
	// n is the first token not starting before the sentence's end, by
	// binary search (tokens start in order) in a window doubled from 32
	// until it holds it: a sentence's twenty-odd tokens in a few steps,
	// not a compare and a load of each.
	n, hi := 0, min(32, len(ts))
	for hi < len(ts) && ts[hi-1].Start < s.End {
		n, hi = hi, min(2*hi, len(ts))
	}
	for n < hi {
		m := int(uint(n+hi) >> 1)
		if ts[m].Start < s.End {
			n = m + 1
		} else {
			hi = m
		}
	}
	if n > 0 && ts[n-1].End > s.End {
		return nil, from, false // a token straddles the end
	}
	ts = ts[:n]
	out = slices.Grow(*arena, n)
	first := len(out)
	var cl clauses
	adjFrom, adjTo := -1, -1 // in the arena
	adjEmpty := x.adjEmpty
	adjWords := &x.adjWords[adjLang(s.Lang)] // the sentence's language's
	for k := range ts {
		// The token by pointer, not a copy of each.
		t := &ts[k]
		if c := text[t.Start]; c < utf8.RuneSelf && !asciiWordByte[c] || c >= utf8.RuneSelf && !startsWord(text[t.Start:]) { // a punctuation token: one rune
			cl.punct(text[t.Start:t.End])
			continue
		}
		// The word is written in its place in the arena, field by field:
		// append would build it aside and copy it.
		out = out[:len(out)+1]
		w := &out[len(out)-1]
		w.start, w.end, w.fold, w.clause, w.phrase, w.cap = t.Start, t.End, t.Fold, cl.cur, cl.phrase, t.Shape != gazetteer.ShapeOther
		w.adj = adjEmpty
		if len(t.Fold) >= adjPrefix {
			if k3 := key3(t.Fold); x.adjHash.has(key3Hash(k3)) && x.hasAdjPrefix(k3) {
				w.adj = adjWords.get(t.Key)
			}
		}
		if w.adj != nil || t.End < len(text) && text[t.End] == '-' {
			if adjFrom < 0 {
				adjFrom = len(out) - 1
			}
			adjTo = len(out)
		}
	}
	*arena = out
	if adj != nil {
		adj[0], adj[1] = max(adjFrom-first, 0), max(adjTo-first, 0)
	}
	return out[first:len(out):len(out)], from + n, true
}

// asciiWordByte marks the ASCII bytes asciiWord accepts.
var asciiWordByte = func() (set [utf8.RuneSelf]bool) {
	for c := range set {
		set[c] = asciiWord(byte(c))
	}
	return set
}()

// hasUmlaut reports whether s contains a rune of umlauts. They are all
// 0xC3 and a second byte in umlautSecond; 0xC3 only ever leads a rune.
func hasUmlaut(s string) bool {
	for i := 0; i+1 < len(s); i++ { // words are short: no call to IndexByte
		if s[i] == 0xC3 && umlautSecond[s[i+1]] {
			return true
		}
	}
	return false
}

// hasAnyByte reports whether s contains a byte of set.
func hasAnyByte(s string, set *[256]bool) bool {
	for i := 0; i < len(s); i++ {
		if set[s[i]] {
			return true
		}
	}
	return false
}

// asciiWord reports whether an ASCII byte is a word rune (isWordRune).
func asciiWord(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// startsWord reports whether s (not empty) starts with a rune isWordRune
// accepts, deciding an ASCII byte without decoding.
func startsWord(s string) bool {
	if c := s[0]; c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}

// umlautSecond marks the second bytes of the runes of umlauts.
var umlautSecond = func() (set [256]bool) {
	for _, r := range umlauts {
		var b [4]byte
		if utf8.EncodeRune(b[:], r) != 2 || b[0] != 0xC3 {
			panic("events: umlauts must be two-byte runes led by 0xC3")
		}
		set[b[1]] = true
	}
	return set
}()

// clauses numbers the clauses of a sentence as its punctuation marks
// bound them. A parenthesis is a clause of its own; the words after it
// have a clause of their own too but continue (phrase) the clause it
// interrupts, so that a separable verb spans it: "zieht seine Beschwerde
// bei der Welthandelsorganisation (WTO) zurück".
type clauses struct {
	cur, phrase int
	open        []int // the phrases open parentheses interrupt
}

func (c *clauses) punct(p string) {
	switch p {
	case "„", "“", "”", "\"", "«", "»":
		c.cur++
	case ",", ";", ":", "–", "—", "?", "!":
		c.cur++
		c.phrase = c.cur
	case "(":
		c.open = append(c.open, c.phrase)
		c.cur++
		c.phrase = c.cur
	case ")":
		c.cur++
		c.phrase = c.cur
		if n := len(c.open); n > 0 {
			c.phrase = c.open[n-1]
			c.open = c.open[:n-1]
		}
	}
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// adjPrefix is how many leading bytes of a folded word decide whether it
// may be a nationality adjective.
const adjPrefix = 3

// hit is one lexicon entry matched at words[i:i+n].
type hit struct {
	e    *entry
	i, n int
	gap  bool // the pattern has a gap ("wies_..._zurück$"): the words between are not part of it
	kind kind // e.kind, kept with the hit: a sentence's hits are scanned by kind without reading each entry
}

// atOnly are the kinds the rules read only by view.at, whether a word is
// one (an article, a preposition, a state body …): find marks their
// one-word hits in the view's masks and leaves them out of its list of
// hits, where they were more than half the hits (dev documents), each
// appended, and passed over by every list of a kind and every rule that
// reads the list. view.find answers nil for them. TestAtOnly holds the
// rules to reading them by view.at alone. Agents are not among them:
// nominalAgent reads which agent entry matched ("durch", "por parte de"),
// and they are few words.
const atOnly uint64 = 1<<kindArticle | 1<<kindPreposition | 1<<kindLocation | 1<<kindBody | 1<<kindOffice |
	1<<kindAuxiliary | 1<<kindPassive | 1<<kindEvaluation | 1<<kindReply | 1<<kindRelative

// find returns the view of the words ws: the entries of ix they match.
// The hits are appended to *arena and the per-word kinds to *masks (one
// allocation for a document's sentences); the slices have no room to grow
// into the next sentence's.
func find(ix *index, text string, ws []word, arena *[]hit, masks *[]uint64, scratch *[]ref) view {
	out := *arena
	first := len(out)
	ms := *masks
	at := len(ms)
	ms = slices.Grow(ms, len(ws))[:at+len(ws)]
	one := ms[at : at+len(ws) : at+len(ws)]
	clear(one)
	var has uint64
	for i := range ws {
		fold := ws[i].fold
		rs := ix.refsOf(fold, scratch)
		last := int32(-1)
		for k := range rs {
			r := &rs[k]
			if r.entry == last {
				continue
			}
			if r.sure {
				e := ix.entries[r.entry]
				if atOnly&(1<<e.kind) != 0 {
					one[i] |= 1 << e.kind
					has |= 1 << e.kind
				} else {
					out = append(out, hit{e, i, 1, false, e.kind})
				}
				last = r.entry
				continue
			}
			// A first pattern word that does not match fails matchAt at once: tested here, without the call.
			// mayMatchFirst and mayMatchSecond are necessary
			// conditions of the match calls after them, tested inline:
			// most refs of a prefix or suffix list fail on the byte past
			// the three they are filed by, most second words on their
			// length.
			if !r.tested && r.first.op < opGap && (!r.mayMatchFirst(fold) || !r.first.match(fold)) {
				continue
			}
			if r.second && (i+1 >= len(ws) || !r.mayMatchSecond(ws[i+1].fold)) {
				continue
			}
			e := ix.entries[r.entry]
			c := e.compiled[r.pat]
			// matchAt would fail on the second word: no call (see ref.second).
			if r.second && !c[1].match(ws[i+1].fold) {
				continue
			}
			if n, ok := matchAt(c, ws, i, text); ok {
				if atOnly&(1<<e.kind) == 0 {
					out = append(out, hit{e, i, n, e.gapped[r.pat], e.kind})
				} else if has |= 1 << e.kind; n == 1 {
					one[i] |= 1 << e.kind
				}
				last = r.entry
			}
		}
	}
	*arena = out
	if len(out) == first && has == 0 {
		*masks = ms[:at] // no room taken
		return view{}
	}
	v := view{hits: out[first:len(out):len(out)], one: one, has: has}
	for j := range v.hits {
		h := &v.hits[j]
		v.has |= 1 << h.kind
		if h.n == 1 {
			v.one[h.i] |= 1 << h.kind
		}
	}
	*masks = ms
	return v
}

// refsOf returns the refs of ix the folded word fold may start, entries
// in lexicon order, each with its patterns in order: for a word of the
// lexicon its list of whole, worked out at New; for any other, the lists
// of prefix and suffix under its first and last keyLen bytes, and the
// short and rest refs it ends with or contains, merged in order. The
// result may live in *scratch until the next call. ix.first spares most
// words the look-ups (find runs on the filtered index of New).
func (ix *index) refsOf(fold string, scratch *[]ref) []ref {
	h := wordHash(fold)
	if ix.first.exact.has(h) {
		if rs, ok := ix.wholeTab.get(fold, h); ok {
			return rs
		}
	}
	// Not a word of the lexicon: it may still start a prefix, suffix or
	// rest pattern. A list alone is read where it is (each is in order);
	// lists together are merged.
	var pre, suf []ref
	if len(fold) >= keyLen {
		if k := key3(fold); ix.first.prefix.has(key3Hash(k)) {
			pre, _ = ix.preTab.get(k, key3Hash(k))
		}
		if k := key3(fold[len(fold)-keyLen:]); ix.first.suffix.has(key3Hash(k)) {
			suf, _ = ix.sufTab.get(k, key3Hash(k))
		}
	}
	// mayContainRest, its two-byte case (every index find reads) tested
	// here: a call the less per word.
	// restLen: a word holds a core only if it is as long, and the long
	// core's byte ('f' of "informationssicherheit") is common in short
	// words ("für", "auf"), which restCores then tried in vain.
	rest := len(ix.rest) > 0 && len(fold) >= ix.restMin && (ix.restPairOK && (len(fold) >= ix.restLen[0] && strings.IndexByte(fold, ix.restPair[0]) >= 0 || len(fold) >= ix.restLen[1] && strings.IndexByte(fold, ix.restPair[1]) >= 0) || !ix.restPairOK && ix.mayContainRest(fold))
	short := len(ix.short) > 0 && ix.endsShort(fold)
	if !rest && !short {
		switch {
		case len(suf) == 0:
			return pre
		case len(pre) == 0:
			return suf
		}
	}
	rs := mergeRefs((*scratch)[:0], pre, suf)
	n := len(rs)
	if short {
		rs = ix.shortOf(fold, rs)
	}
	if rest {
		rs = ix.restCores(fold, rs)
	}
	*scratch = rs[:0] // its room, for the next word's
	if len(rs) > n {
		sortRefs(rs) // short and rest refs among the merged ones
	}
	return rs
}

// A view's masks hold a bit per kind.
var _ [64 - numKinds]struct{}

// sortRefs orders refs by entry, then pattern: an insertion sort, as a
// word starts few patterns.
func sortRefs(rs []ref) {
	for i := 1; i < len(rs); i++ {
		for j := i; j > 0 && less(rs[j], rs[j-1]); j-- {
			rs[j], rs[j-1] = rs[j-1], rs[j]
		}
	}
}

func less(a, b ref) bool {
	return a.entry < b.entry || (a.entry == b.entry && a.pat < b.pat)
}

// triggers are the trigger hits of a sentence: plain triggers, and those
// that need an object cue in their clause ("zu verstärken" counts with
// "Zusammenarbeit", not with "Anstrengungen").
//
// The cue "person" is also met by a person named in the trigger's clause
// besides the subject ("hatte Anna Test ihren Amtskollegen Pablo Prueba
// getroffen"): persons holds the word indexes of the sentence's persons.
// The cue "place" is met by a place or a country named after the trigger
// in its clause ("llegó el jueves a Logroño", not "llegó a un acuerdo"),
// among the sentence's mentions ms. The cue "auxiliary" is met by an
// auxiliary of the perfect in its clause ("hatte … gebeten"): the words
// are the lexicon's auxiliaries, not cues of their own, which every "hat"
// would make a hit of.
func (x *Extractor) triggers(ws []word, lex *view, persons []int, ms []Mention) []hit {
	out := lex.find(kindTrigger)
	objs := lex.find(kindObject)
	cues := lex.find(kindCue)
	for _, h := range lex.find(kindNeedsObject) {
		need := func(o hit) bool { return ws[o.i].clause == ws[h.i].clause && o.i != h.i }
		inClause := 0
		for _, p := range lex.find(kindPronoun) {
			if ws[p.i].clause == ws[h.i].clause {
				inClause++ // "dass sie Pablo Prueba getroffen habe"
			}
		}
		for _, k := range persons {
			if ws[k].clause == ws[h.i].clause {
				inClause++
			}
		}
		if h.e.cue == "place" {
			if slices.ContainsFunc(placesIn(ms, ws), func(k int) bool { return k > h.i && ws[k].clause == ws[h.i].clause }) {
				out = append(out, h)
			}
			continue
		}
		if h.e.cue == "" && slices.ContainsFunc(objs, need) ||
			h.e.cue == "auxiliary" && auxiliaryIn(ws, lex, h.i) ||
			h.e.cue != "" && slices.ContainsFunc(cues, func(o hit) bool { return o.e.name == h.e.cue && need(o) }) ||
			h.e.cue == "person" && inClause >= 2 {
			out = append(out, h)
		}
	}
	slices.SortStableFunc(out, func(a, b hit) int { return a.i - b.i })
	// A trigger inside a longer one is part of it: "zu Konsultationen
	// zurückgerufen" is a recall, not consultations.
	kept := out[:0:0]
	for _, h := range out {
		inside := slices.ContainsFunc(out, func(o hit) bool {
			// A gapped pattern owns its first word ("sagte … ab" is no
			// saying) but not the words of its gap.
			return o.n > h.n && o.i <= h.i && h.i+h.n <= o.i+o.n && o.e != h.e && (!o.gap || o.i == h.i)
		})
		if !inside {
			kept = append(kept, h)
		}
	}
	return kept
}

// auxiliaryIn reports whether the clause of word i holds another word
// that is an auxiliary of the perfect (one-word entries, read by at: an
// atOnly kind).
func auxiliaryIn(ws []word, lex *view, i int) bool {
	for k := range ws {
		if k != i && ws[k].clause == ws[i].clause && lex.at(kindAuxiliary, k) {
			return true
		}
	}
	return false
}

// modality reads the negation, future and hypothetical cues of the
// trigger's clause; a cue pattern "*x" tests the trigger word's ending
// ("firmará").
//
// A cue after a complementizer that follows the trigger belongs to the
// reported content, not to the verb of saying ("aseguró que … no está en
// riesgo", "niega que haya existido ninguna amenaza"): comps are the
// sentence's complementizers. So is any cue after an English verb of
// saying, which often drops "that" ("said the ministers would meet").
func modality(lang string, ws []word, tr hit, negs, futs, hyps, comps []hit) (Modality, []string) {
	var m Modality
	var rules []string
	clause := ws[tr.i].clause
	// A capitalised German trigger inside the sentence is a noun: only
	// "kein" right before it negates it ("keine Einigung"), while a
	// future or hypothetical predicate may follow it ("Ein Treffen ist
	// nur angedacht").
	nominal := tr.i > 0 && ws[tr.i].cap && lang == "de"
	// An English verb of saying has its content after it, often without
	// "that": a cue there is the content's.
	reported := lang == "en" && !ws[tr.i].cap && (tr.e.value == TypeStatement || tr.e.value == TypeAccuse || tr.e.value == TypeDeny)
	test := func(hs []hit, flag *bool, neg bool) {
		for _, h := range hs {
			// A suffix cue ("*rá": "firmará") marks the trigger word itself;
			// a word cue ("podría") marks another word of the clause.
			suffixCue, wordCue := false, false
			fold := ws[h.i].fold
			for j := range h.e.single { // the one-word patterns, as wordMatch reads them
				c := &h.e.single[j]
				if !c.w.match(fold) {
					continue
				}
				if c.suffix {
					suffixCue = true
				} else {
					wordCue = true
				}
			}
			if wordCue {
				suffixCue = false
			}
			if suffixCue && h.i != tr.i {
				continue
			}
			if !suffixCue && h.i == tr.i {
				continue
			}
			if slices.ContainsFunc(comps, func(c hit) bool { return c.i > tr.i && c.i < h.i }) {
				continue
			}
			if reported && h.i > tr.i {
				continue // "said the talks would resume": English drops "that", not the content
			}
			if ws[h.i].clause == clause && (!nominal || !neg || (h.i < tr.i && tr.i-h.i <= 2)) {
				*flag = true
				rules = append(rules, h.e.rule)
				return
			}
		}
	}
	test(negs, &m.Negated, true)
	test(futs, &m.Future, false)
	test(hyps, &m.Hypothetical, false)
	m.Negated = m.Negated || lacking(lang, ws, tr) // "die mangelnde Bereitschaft der EU"
	return m, rules
}

// negatedCommitment reports a negated commitment ("keine … Versprechungen",
// "ningún acuerdo") in another clause than the reporting verb's: the
// reported content is a denial. A mere negation ("Er kann es nicht
// beeinflussen") is not.
func negatedCommitment(ws []word, tr hit, negs, commits []hit) bool {
	for _, h := range negs {
		if ws[h.i].clause == ws[tr.i].clause {
			continue
		}
		for _, c := range commits {
			if c.i > h.i && c.i-h.i <= 3 && ws[c.i].clause == ws[h.i].clause {
				return true
			}
		}
	}
	return false
}

// wordFrom returns the index of the first word starting at or after
// offset at, or -1: slices.IndexFunc(ws, start >= at), by binary search,
// as a sentence's words are in order.
func wordFrom(ws []word, at int) int {
	lo, hi := 0, len(ws)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if ws[m].start < at {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == len(ws) {
		return -1
	}
	return lo
}

// clauseAt is the clause of the word at or after offset at (ending after
// it: found by binary search, as words end in order).
func clauseAt(ws []word, at int) int {
	lo, hi := 0, len(ws)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if ws[m].end <= at {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(ws) {
		return ws[lo].clause
	}
	if len(ws) == 0 {
		return 0
	}
	return ws[len(ws)-1].clause
}

// wordsBetween counts the words starting in [a, b).
func wordsBetween(ws []word, a, b int) int {
	if b < a {
		return -wordsBetween(ws, b, a)
	}
	from, to := wordFrom(ws, a), wordFrom(ws, b)
	if from < 0 {
		return 0
	}
	if to < 0 {
		to = len(ws)
	}
	return to - from
}

func abs(n int) int { return max(n, -n) }

// placesIn returns the word indexes of the places and countries the
// sentence names.
func placesIn(ms []Mention, ws []word) []int {
	var out []int
	for _, m := range ms {
		if m.Entity.Type != gazetteer.TypePlace && m.Entity.Type != gazetteer.TypeCountry {
			continue
		}
		if k := wordFrom(ws, m.Start); k >= 0 {
			out = append(out, k)
		}
	}
	return out
}
