package langid

import (
	"math/bits"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gazex/gazex/internal/swar"
)

// chunk is a whitespace-delimited piece of a sentence; word is the chunk
// without surrounding punctuation, at byte offsets [start, end) of the
// sentence.
type chunk struct {
	raw        string
	word       string
	start, end int
}

const edgePunct = "\"'()[]{}«»„“”‘’¿¡,.;:!?"

// chunks returns the first limit chunks of sent (all for limit < 0).
func chunks(sent string, limit int) []chunk {
	return appendChunks(nil, sent, limit)
}

// appendChunks is chunks appending to out, so that callers reuse one
// buffer (or one on the stack) instead of growing a new slice per sentence.
func appendChunks(out []chunk, sent string, limit int) []chunk {
	limit += len(out)
	if limit < len(out) {
		limit = -1
	}
	for i := 0; i < len(sent) && len(out) != limit; {
		for i < len(sent) && (sent[i] == ' ' || sent[i] == '\t' || sent[i] == '\n') {
			i++
		}
		j := i
		for j < len(sent) && sent[j] != ' ' && sent[j] != '\t' && sent[j] != '\n' {
			j++
		}
		if j > i {
			raw := sent[i:j]
			lead, word := trimEdge(raw)
			out = append(out, chunk{raw: raw, word: word, start: i + lead, end: i + lead + len(word)})
		}
		i = j
	}
	return out
}

// trimEdge is strings.Trim(raw, edgePunct) and the number of bytes it cut
// at the start. Trim with a non-ASCII cutset searches the cutset for every
// rune; isEdge is a switch.
func trimEdge(raw string) (lead int, word string) {
	s := raw
	for s != "" {
		r, size := utf8.DecodeRuneInString(s)
		if !isEdge(r) {
			break
		}
		s = s[size:]
	}
	lead = len(raw) - len(s)
	for s != "" {
		r, size := utf8.DecodeLastRuneInString(s)
		if !isEdge(r) {
			break
		}
		s = s[:len(s)-size]
	}
	return lead, s
}

// isEdge reports whether r is one of edgePunct.
func isEdge(r rune) bool {
	switch r {
	case '"', '\'', '(', ')', '[', ']', '{', '}', '«', '»', '„', '“', '”', '‘', '’', '¿', '¡', ',', '.', ';', ':', '!', '?':
		return true
	}
	return false
}

// connector finds a clause-opening connector phrase or a run of two or more
// function words of another language at the start of a sentence in the
// document language ("Sin embargo, die wachsende ..."), confirmed by lingua.
func (d *Detector) connector(sent string, doc int) []Segment {
	// Only a sentence whose first word opens a connector phrase or is an
	// exclusive function word of another language can start a run: most
	// sentences stop here, before eight chunks are cut and compared.
	// TestConnectorPrecheck compares with connectorRun alone.
	if start, l := d.lex.firstChunkStartAndLang(sent); !start && (l < 0 || l == doc) {
		return nil
	}
	return d.connectorRun(sent, doc)
}

// firstChunkStartAndLang is connectorStartAndLang of the word of the first
// chunk of sent (false, -1 for none). Most sentences open with a word of
// ASCII letters and a space: that is the first chunk, which trimEdge
// leaves as it is, and its key is its bytes with bit 5 set, loaded as
// nextWordLang does. TestFirstChunkStartAndLang holds it to appendChunks
// and connectorStartAndLang.
func (lx *lexicon) firstChunkStartAndLang(sent string) (start bool, lang int) {
	if len(sent) > 16 {
		k := 0
		for k < 16 && sent[k] < utf8.RuneSelf && asciiLetter[sent[k]] {
			k++
		}
		if k > 0 && chunkSpace(sent[k]) {
			const bit5 = 0x2020202020202020
			lo, hi := swar.Load64(sent, 0)|bit5, swar.Load64(sent, 8)|bit5
			if k <= 8 {
				lo, hi = lo&(^uint64(0)>>(64-8*k)), 0
			} else {
				hi &= ^uint64(0) >> (128 - 8*k)
			}
			return lx.connectorStarts.get(lo, hi) >= 0, lx.table.get(lo, hi)
		}
	}
	var buf [1]chunk
	first := appendChunks(buf[:0], sent, 1)
	if len(first) == 0 {
		return false, -1
	}
	return lx.connectorStartAndLang(first[0].word)
}

// connectorRun is connector without the test of the first word.
func (d *Detector) connectorRun(sent string, doc int) []Segment {
	// The longest connector phrase has four words; the run may go on,
	// but a clause opener is short.
	var buf [8]chunk
	cs := appendChunks(buf[:0], sent, len(buf))
	if len(cs) < 2 {
		return nil
	}
	for li := range d.langs {
		if li == doc {
			continue
		}
		n := 0 // chunks covered by the run
		for _, words := range d.lex.connectors[li] {
			if len(words) > len(cs)-1 || len(words) <= n || !equalLower(cs[0].word, words[0]) {
				continue
			}
			match := true
			for k, w := range words {
				if !equalLower(cs[k].word, w) || (k < len(words)-1 && cs[k].raw != cs[k].word) {
					match = false
					break
				}
			}
			if match {
				n = len(words)
			}
		}
		// Extend (or start) the run with exclusive function words; only
		// the last chunk of the run may carry punctuation.
		for n < len(cs)-1 && d.lex.lang(cs[n].word) == li && (n == 0 || cs[n-1].raw == cs[n-1].word) {
			n++
		}
		if n < 2 {
			continue
		}
		// The run must end the clause opener: at a comma, or before a
		// lower-case word. "De la Cruz" before a capital is a name.
		last := cs[n-1].raw
		nextRune, _ := utf8.DecodeRuneInString(cs[n].word)
		if !strings.HasSuffix(last, ",") && (last != cs[n-1].word || !unicode.IsLower(nextRune)) {
			continue
		}
		start, end := cs[0].start, cs[n-1].end
		code, conf, ok := d.detect(sent[start:end])
		if ok && code == d.langs[li] {
			return []Segment{{Lang: code, Confidence: conf, Start: start, End: end}}
		}
	}
	return nil
}

// foreignWords finds single words of another language inside a German
// sentence: a lower-case word, or a capitalised one in the position of a
// common noun (after a lower-case word, not followed by a capitalised one, so
// not part of a name), whose spelling German does not use ("c" not before
// "h" or "k", Romance accents), which is no established loanword, and which
// lingua calls foreign with German at most 0.2. Only German has the
// orthography cue: Spanish and English borrow too freely for it.
//
// The words are the whitespace-delimited chunks of the sentence but the
// first ([foreignWord] judges each). Only a chunk whose lower case has the
// spelling can be one, and that spelling shows in the sentence's bytes
// (maybeForeignAt): the scan visits those chunks and their neighbours, not
// every chunk of the sentence. TestForeignWordsMatchAllChunks holds it to
// the loop over all chunks.
func (d *Detector) foreignWords(sent, docLang string) []Segment {
	if docLang != "de" {
		return nil
	}
	doc := max(d.de, 0) // the index of "de", or 0
	var out []Segment
	for p := 0; ; p++ {
		if p = nextMaybeForeign(sent, p); p >= len(sent) {
			break
		}
		// The chunk around p, the one before and the one after.
		start, end := p, p
		for start > 0 && !chunkSpace(sent[start-1]) {
			start--
		}
		for end < len(sent) && !chunkSpace(sent[end]) {
			end++
		}
		p = end // the next chunk, at the earliest
		prevEnd := start
		for prevEnd > 0 && chunkSpace(sent[prevEnd-1]) {
			prevEnd--
		}
		if prevEnd == 0 {
			continue // the first chunk is no candidate
		}
		prevStart := prevEnd
		for prevStart > 0 && !chunkSpace(sent[prevStart-1]) {
			prevStart--
		}
		nextStart := end
		for nextStart < len(sent) && chunkSpace(sent[nextStart]) {
			nextStart++
		}
		var next *chunk
		if nextStart < len(sent) {
			nextEnd := nextStart
			for nextEnd < len(sent) && !chunkSpace(sent[nextEnd]) {
				nextEnd++
			}
			nc := newChunk(sent, nextStart, nextEnd)
			next = &nc
		}
		if seg, ok := d.foreignWord(newChunk(sent, prevStart, prevEnd), newChunk(sent, start, end), next, doc, docLang); ok {
			out = append(out, seg)
		}
	}
	return out
}

// chunkSpace reports the bytes that delimit chunks (appendChunks).
func chunkSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }

// newChunk is the chunk sent[start:end], as appendChunks cuts it.
func newChunk(sent string, start, end int) chunk {
	raw := sent[start:end]
	lead, word := trimEdge(raw)
	return chunk{raw: raw, word: word, start: start + lead, end: start + lead + len(word)}
}

// nextMaybeForeign returns the first index q of sent at or after p where
// maybeForeignAt(sent, q), or len(sent): eight bytes at a time, the bytes
// whose bit 5 set and bit 7 cleared make "c" are "c", "C", 0xC3 and 0xE3,
// which the byte test then tells apart, and the same eight bytes loaded
// one further on mark the bytes before "h" or "k" (bit 5 set lowers a
// capital and makes no "h" or "k" of another byte): German writes "ch" and
// "ck" in most of its words, and umlauts (0xC3 before no accentOrCapital),
// and these are no foreign spelling.
func nextMaybeForeign(sent string, p int) int {
	const (
		low7 = 0x7F7F7F7F7F7F7F7F
		bit5 = 0x2020202020202020
	)
	for ; p+9 <= len(sent); p += 8 {
		m := swar.ZeroBytes((swar.Load64(sent, p)|bit5)&low7 ^ 0x6363636363636363)
		if m == 0 {
			continue
		}
		next := swar.Load64(sent, p+1) | bit5
		m &^= swar.ZeroBytes(next^0x6868686868686868) | swar.ZeroBytes(next^0x6B6B6B6B6B6B6B6B)
		for m != 0 {
			// q+1 < p+9 <= len(sent)
			q := p + bits.TrailingZeros64(m)/8
			if c := sent[q]; c != 0xE3 && (c != 0xC3 || accentOrCapital[sent[q+1]]) {
				return q
			}
			m &= m - 1
		}
	}
	for ; p < len(sent); p++ {
		if maybeForeignAt(sent, p) {
			return p
		}
	}
	return p
}

// maybeForeignAt reports whether the foreign spelling of foreignToGerman
// may start at sent[p] in the lower case of the chunk around it: a "c" or
// "C" not before "h", "H", "k" or "K" (nor at the end of sent), or the first
// byte of an accent of foreignAccents or of its capital. Any "c" of a chunk
// without one of these is followed, within the chunk's trimmed word, by
// "h" or "k" (the edge punctuation trimmed off is neither), and lowering a
// word creates no "c" and no accent but from a capital Latin-1 letter, so
// a chunk without one has no foreign spelling in its lower case.
func maybeForeignAt(sent string, p int) bool {
	switch sent[p] {
	case 'c', 'C':
		return p+1 == len(sent) || sent[p+1]|0x20 != 'h' && sent[p+1]|0x20 != 'k'
	case 0xC3:
		return p+1 < len(sent) && accentOrCapital[sent[p+1]]
	}
	return false
}

// accentOrCapital marks the second UTF-8 byte of each of foreignAccents
// and of the capitals whose lower case is one of them.
var accentOrCapital = func() (set [256]bool) {
	for c := range 256 {
		set[c] = accentSecond[c] || lowerC3(byte(c)) != 0 && accentSecond[lowerC3(byte(c))]
	}
	return set
}()

// foreignWord judges the chunk c, which follows prev and, unless next is
// nil, precedes next, for foreignWords.
func (d *Detector) foreignWord(prev, c chunk, next *chunk, doc int, docLang string) (Segment, bool) {
	w := c.word
	// The spelling test below, on the lower-case word, first: for an
	// ASCII word lowering changes nothing it looks at, and most words
	// of a sentence that has the spelling somewhere do not have it.
	if swar.ASCII(w) && !foreignToGerman(w) {
		return Segment{}, false
	}
	if utf8.RuneCountInString(w) < 4 || !allLetters(w) {
		return Segment{}, false
	}
	first, size := utf8.DecodeRuneInString(w)
	if hasUpper(w[size:]) {
		return Segment{}, false // "CiberCuba", "demMiguel": glued names, not words
	}
	if unicode.IsUpper(first) {
		if prev.raw != prev.word || !allLetters(prev.word) || hasUpper(prev.word) {
			return Segment{}, false
		}
		// After a foreign function word ("Ministerio de
		// Comunicaciones") the word belongs to a foreign name.
		if pl := d.lex.lang(prev.word); pl >= 0 && pl != doc {
			return Segment{}, false
		}
		// Right after a preposition, without an article, a
		// capitalised word is a place name ("in Bogotá", "nach
		// Caracas"): German nouns take their article there.
		if germanPrepositions[lower(prev.word)] {
			return Segment{}, false
		}
		if next != nil {
			nr, _ := utf8.DecodeRuneInString(next.word)
			if unicode.IsUpper(nr) {
				return Segment{}, false
			}
			// Before a foreign function word it opens a
			// foreign name ("Casa de Nariño", "Palacio del
			// Elysée").
			if nl := d.lex.lang(next.word); nl >= 0 && nl != doc && c.raw == c.word {
				return Segment{}, false
			}
		}
	}
	lw := lower(w)
	if !foreignToGerman(lw) || d.lex.lang(lw) >= 0 || d.lex.isLoanword(doc, lw) {
		return Segment{}, false
	}
	code, conf, docConf, ok := d.detectWithDoc(w, docLang)
	if ok && code != docLang && conf >= 0.6 && docConf <= 0.2 {
		return Segment{Lang: code, Confidence: conf, Start: c.start, End: c.end}, true
	}
	return Segment{}, false
}

// germanPrepositions are the German prepositions that stand before a bare
// place name ("in Bogotá", "aus Montréal"); a common noun after them takes
// an article or a contraction ("in der Casa", "im Palacio").
var germanPrepositions = map[string]bool{
	"in": true, "aus": true, "nach": true, "von": true, "bei": true, "über": true,
	"durch": true, "gegen": true, "für": true, "mit": true, "zwischen": true, "vor": true,
	"bis": true, "ab": true, "nahe": true, "um": true, "unweit": true,
}

// foreignToGerman reports spelling that native German words do not have:
// "c" not before "h" or "k", Romance accents. Applied to a whole sentence it
// is a cheap filter.
func foreignToGerman(w string) bool {
	// IndexByte (vectorised) jumps from one "c" or "C" to the next.
	for _, c := range [2]byte{'c', 'C'} {
		for i := 0; i < len(w); i++ {
			k := strings.IndexByte(w[i:], c)
			if k < 0 {
				break
			}
			i += k
			if i+1 == len(w) || w[i+1]|0x20 != 'h' && w[i+1]|0x20 != 'k' {
				return true
			}
		}
	}
	// Every accent is two bytes, 0xC3 and one of accentSecond (0xC3 is
	// never a continuation byte): IndexByte jumps between candidates
	// where ContainsAny would decode and search every rune.
	for i := 0; i < len(w); {
		k := strings.IndexByte(w[i:], 0xC3)
		if k < 0 {
			return false
		}
		i += k + 1
		if i < len(w) && accentSecond[w[i]] {
			return true
		}
	}
	return false
}

// foreignAccents are the Romance accents German does not use.
const foreignAccents = "ñáéíóúàèìòùçâêîôûÁÉÍÓÚÑ"

// accentSecond marks the second UTF-8 byte of each of foreignAccents.
var accentSecond = func() (set [256]bool) {
	for _, r := range foreignAccents {
		set[string(r)[1]] = true
	}
	return set
}()

func allLetters(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

func hasUpper(w string) bool {
	for _, r := range w {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// englishDate is the English "Month D, YYYY" form (a tweet footer, a
// dateline): German writes "3. April 2023", Spanish "3 de abril de 2023".
var englishDate = regexp.MustCompile(`\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.? [0-3]?\d, (?:1[89]|20)\d\d\b`)

// englishDates returns the English-form dates of sent as English segments:
// the matches of englishDate, found by englishDateAt from the ", YYYY" of
// each (TestEnglishDatesMatchRegexp, FuzzEnglishDates): the regular
// expression backtracked on every capital.
func englishDates(sent string) []Segment {
	var out []Segment
	for i := 1; i+6 <= len(sent); i++ {
		k := strings.Index(sent[i:], ", ")
		if k < 0 {
			break
		}
		i += k // sent[i:i+2] is ", "
		if start, ok := englishDateAt(sent, i); ok {
			out = append(out, Segment{Lang: "en", Confidence: 0.9, Start: start, End: i + 6})
		}
	}
	return out
}

// englishDateAt reports whether a match of englishDate has its ", " at
// sent[i:i+2], and where it starts. The expression fixes everything
// around the ", ": four digits of a year after it, then a word boundary;
// before it one or two digits (two when the first is 0-3), a space, an
// optional period and a month name that starts at a word boundary. No
// month name is a suffix of another, so at most one fits.
func englishDateAt(sent string, i int) (start int, ok bool) {
	if i+6 > len(sent) || i+6 < len(sent) && isWordChar(sent[i+6]) {
		return 0, false
	}
	y := sent[i+2 : i+6]
	if !isDigit(y[2]) || !isDigit(y[3]) || !(y[0] == '1' && (y[1] == '8' || y[1] == '9') || y[0] == '2' && y[1] == '0') {
		return 0, false
	}
	if i < 2 || !isDigit(sent[i-1]) {
		return 0, false
	}
	sp := i - 2 // the space before the day
	if sent[sp] != ' ' {
		if sp < 1 || sent[sp] < '0' || sent[sp] > '3' || sent[sp-1] != ' ' {
			return 0, false
		}
		sp--
	}
	end := sp
	if end > 0 && sent[end-1] == '.' {
		end--
	}
	for _, m := range englishMonths {
		start := end - len(m)
		if start >= 0 && sent[start:end] == m && (start == 0 || !isWordChar(sent[start-1])) {
			return start, true
		}
	}
	return 0, false
}

// englishMonths are the month names and abbreviations of englishDate.
var englishMonths = []string{
	"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
	"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
}

// isWordChar reports the bytes of \w, whose edges \b marks.
func isWordChar(c byte) bool {
	return isDigit(c) || 'a' <= c|0x20 && c|0x20 <= 'z' || c == '_'
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
