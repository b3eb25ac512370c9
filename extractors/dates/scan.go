package dates

// Hand-written matchers for the rules that cost most as regular
// expressions. Each one is its rule's regular expression written out: it
// returns, for a text s, exactly what rule.re.FindStringSubmatchIndex(s)
// returns (the leftmost match, its submatches by Perl's leftmost-first
// preference), into loc instead of a new slice. Go's regexp runs its
// backtracker here, whose cost grows with the program times the text at
// every call; these walk the bytes once. TestMatchers and FuzzMatchers
// hold each to its expression on real sentences and on random text, so a
// change to either fails there; rule.re stays the definition.
//
// What the expressions mean, as the matchers read it:
//   - \b is an ASCII word boundary: [0-9A-Za-z_] on one side only, the
//     ends of s counting as non-word (s is a window of the text, and the
//     regular expression sees only it);
//   - \s is [\t\n\f\r ], \d is [0-9], \pL and \p{Lu} are the Unicode
//     categories, runes are decoded as utf8.DecodeRuneInString does;
//   - (?i) matches a rune of the literal's simple case-fold orbit ("ſ"
//     for "s", the Kelvin sign for "k");
//   - a literal word followed by \s+ matches exactly when the run of
//     letters there is that word (case-folded): the fold of a letter is a
//     letter, and \s is none.

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// wordBytes are the word characters of \b.
var wordBytes = func() (t [256]bool) {
	for b := range t {
		t[b] = b == '_' || '0' <= b && b <= '9' || 'a' <= b|0x20 && b|0x20 <= 'z'
	}
	return t
}()

// boundary reports whether \b holds at i of s.
func boundary(s string, i int) bool {
	return (i > 0 && wordBytes[s[i-1]]) != (i < len(s) && wordBytes[s[i]])
}

func isSpaceByte(b byte) bool {
	return b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f'
}

// spacesAt returns the end of the run of \s at i (i if there is none).
func spacesAt(s string, i int) int {
	for i < len(s) && isSpaceByte(s[i]) {
		i++
	}
	return i
}

func isDigitByte(b byte) bool { return '0' <= b && b <= '9' }

// digitsAt returns the end of the run of digits at i.
func digitsAt(s string, i int) int {
	for i < len(s) && isDigitByte(s[i]) {
		i++
	}
	return i
}

// lettersAt returns the end of the run of \pL at i (i if there is none).
func lettersAt(s string, i int) int {
	for i < len(s) {
		if b := s[i]; b < utf8.RuneSelf {
			if 'a' <= b|0x20 && b|0x20 <= 'z' {
				i++
				continue
			}
			return i
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			return i
		}
		i += n
	}
	return i
}

// upperAt returns the end of a rune of \p{Lu} at i, or -1.
func upperAt(s string, i int) int {
	if i >= len(s) {
		return -1
	}
	if b := s[i]; b < utf8.RuneSelf {
		if 'A' <= b && b <= 'Z' {
			return i + 1
		}
		return -1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if !unicode.Is(unicode.Lu, r) {
		return -1
	}
	return i + n
}

// foldRune reports whether rune c of a text matches rune r of a (?i)
// literal.
func foldRune(c, r rune) bool {
	if c == r {
		return true
	}
	if c < utf8.RuneSelf && r < utf8.RuneSelf {
		return c|0x20 == r|0x20 && 'a' <= r|0x20 && r|0x20 <= 'z'
	}
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f == c {
			return true
		}
	}
	return false
}

// foldAt returns the end of (?i)lit at i of s, where a space of lit
// stands for \s+; -1 if it does not match.
func foldAt(s string, i int, lit string) int {
	for k := 0; k < len(lit); {
		if i >= len(s) {
			return -1
		}
		if b, l := s[i], lit[k]; b < utf8.RuneSelf && l < utf8.RuneSelf {
			switch {
			case l == ' ':
				j := spacesAt(s, i)
				if j == i {
					return -1
				}
				i = j
			case b != l && !(b|0x20 == l|0x20 && 'a' <= l|0x20 && l|0x20 <= 'z'):
				return -1
			default:
				i++
			}
			k++
			continue
		}
		if b := s[i]; b < utf8.RuneSelf && lit[k] >= utf8.RuneSelf && b|0x20 != 'k' && b|0x20 != 's' {
			return -1 // only k and s share a fold orbit with runes beyond ASCII
		}
		c, n := utf8.DecodeRuneInString(s[i:])
		r, m := utf8.DecodeRuneInString(lit[k:])
		if !foldRune(c, r) {
			return -1
		}
		i += n
		k += m
	}
	return i
}

func cut(s string, sep byte) (before, after string, found bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == sep {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

// foldWord reports whether word, a run of letters, is (?i)lit.
func foldWord(word, lit string) bool {
	return foldAt(word, 0, lit) == len(word)
}

// wordIn returns the index of the first of alts that word, a run of
// letters, is under (?i); -1 if none.
func wordIn(word string, alts []string) int {
	for k, a := range alts {
		if foldWord(word, a) {
			return k
		}
	}
	return -1
}

// litIn returns the index of the first of alts, (?i) literals whose
// spaces stand for \s+, that matches at i of s with \b after it, and its
// end; -1, -1 if none.
func litIn(s string, i int, alts []string) (int, int) {
	for k, a := range alts {
		if j := foldAt(s, i, a); j >= 0 && boundary(s, j) {
			return k, j
		}
	}
	return -1, -1
}

// mayStart reports whether a match of a rule may start at i of s: \b
// holds there and a letter (letter) or a digit (digit) begins there.
func mayStart(s string, i int, letter, digit bool) bool {
	if !boundary(s, i) {
		return false
	}
	b := s[i]
	switch {
	case isDigitByte(b):
		return digit
	case b < utf8.RuneSelf:
		return letter && 'a' <= b|0x20 && b|0x20 <= 'z'
	}
	return letter && lettersAt(s, i) > i
}

// setLoc fills loc with -1 and returns it cut to n pairs.
func setLoc(loc []int, n int) []int {
	loc = loc[:2*n]
	for k := range loc {
		loc[k] = -1
	}
	return loc
}

// yearAt matches (?:,?\s+(?:PRE)?(\d{4})\b)? at i: the end of the match
// and the start of the year; i, -1 if it does not match. pre are the
// alternatives of PRE (each followed by \s+), fold whether they match
// under (?i).
func yearAt(s string, i int, pre []string, fold bool) (end, year int) {
	return yearAfter(s, i, pre, fold, true)
}

// yearAfter is yearAt, without the comma unless comma.
func yearAfter(s string, i int, pre []string, fold, comma bool) (end, year int) {
	j := i
	if comma && j < len(s) && s[j] == ',' {
		j++
	}
	k := spacesAt(s, j)
	if k == j {
		return i, -1
	}
	for _, p := range pre {
		var e int
		if fold {
			e = foldAt(s, k, p)
		} else if len(s)-k >= len(p) && s[k:k+len(p)] == p {
			e = k + len(p)
		} else {
			e = -1
		}
		if e < 0 {
			continue
		}
		if f := spacesAt(s, e); f > e && year4(s, f) {
			return f + 4, f
		}
	}
	if year4(s, k) {
		return k + 4, k
	}
	return i, -1
}

// year4 reports whether \d{4}\b matches at i.
func year4(s string, i int) bool {
	return i+4 <= len(s) && isDigitByte(s[i]) && isDigitByte(s[i+1]) && isDigitByte(s[i+2]) && isDigitByte(s[i+3]) && boundary(s, i+4)
}

// dayDigits matches \d{1,2}(?:st|nd|rd|th)?\b at i (with the suffix when
// it can): the end of the digits and of the match; -1, -1 if none.
func dayDigits(s string, i int) (int, int) {
	d := digitsAt(s, i)
	if d == i || d-i > 2 {
		return -1, -1
	}
	if t := ordinalAt(s, d); t > d && boundary(s, t) {
		return d, t
	}
	if boundary(s, d) {
		return d, d
	}
	return -1, -1
}

// ordinalAt returns the end of st|nd|rd|th at i, or i.
func ordinalAt(s string, i int) int {
	if i+2 <= len(s) {
		switch s[i : i+2] {
		case "st", "nd", "rd", "th":
			return i + 2
		}
	}
	return i
}

var deDel = []string{"de", "del"}

// matchISO is `\b(\d{4})-(\d{2})(?:-(\d{2}))?\b`.
func matchISO(s string, loc []int) []int {
	for i := 0; i+7 <= len(s); i++ {
		if !isDigitByte(s[i]) || !boundary(s, i) || digitsAt(s, i) != i+4 || s[i+4] != '-' ||
			!isDigitByte(s[i+5]) || !isDigitByte(s[i+6]) {
			continue
		}
		loc = setLoc(loc, 4)
		loc[2], loc[3], loc[4], loc[5] = i, i+4, i+5, i+7
		if i+10 <= len(s) && s[i+7] == '-' && isDigitByte(s[i+8]) && isDigitByte(s[i+9]) && boundary(s, i+10) {
			loc[0], loc[1], loc[6], loc[7] = i, i+10, i+8, i+10
			return loc
		}
		if boundary(s, i+7) {
			loc[0], loc[1] = i, i+7
			return loc
		}
	}
	return nil
}

// matchYear is `\b((?:19|20)\d{2})\b`.
func matchYear(s string, loc []int) []int {
	for i := 0; i+4 <= len(s); i++ {
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && isDigitByte(s[i+2]) && isDigitByte(s[i+3]) &&
			boundary(s, i) && boundary(s, i+4) {
			loc = setLoc(loc, 2)
			loc[0], loc[1], loc[2], loc[3] = i, i+4, i, i+4
			return loc
		}
	}
	return nil
}

// matchDayMonth is `\b(\d{1,2})\.?\s+(?:de\s+)?(\pL+)\.?(?:,?\s+(?:de\s+|del\s+)?(\d{4})\b)?`.
func matchDayMonth(s string, loc []int) []int {
	for i := 0; i < len(s); i++ {
		if !isDigitByte(s[i]) || !boundary(s, i) {
			continue
		}
		d := digitsAt(s, i)
		if d-i > 2 {
			continue
		}
		j := d
		if j < len(s) && s[j] == '.' {
			j++
		}
		p := spacesAt(s, j)
		if p == j {
			continue
		}
		w := p
		if len(s)-p >= 2 && s[p:p+2] == "de" {
			if q := spacesAt(s, p+2); q > p+2 && lettersAt(s, q) > q {
				w = q
			}
		}
		e := lettersAt(s, w)
		if e == w {
			continue
		}
		if e < len(s) && s[e] == '.' {
			e++
		}
		loc = setLoc(loc, 4)
		loc[0], loc[2], loc[3], loc[4], loc[5] = i, i, d, w, lettersAt(s, w)
		end, year := yearAt(s, e, deDel, false)
		loc[1] = end
		if year >= 0 {
			loc[6], loc[7] = year, year+4
		}
		return loc
	}
	return nil
}

// monthDay matches \b(\p{Lu}\pL*)\.?\s+ at i: the end of the name and of
// the match; -1, -1 if it does not match.
func monthDay(s string, i int) (int, int) {
	if !boundary(s, i) {
		return -1, -1
	}
	return monthName(s, i)
}

// monthName matches (\p{Lu}\pL*)\.?\s+ at i, as monthDay without \b.
func monthName(s string, i int) (int, int) {
	u := upperAt(s, i)
	if u < 0 {
		return -1, -1
	}
	e := lettersAt(s, u)
	j := e
	if j < len(s) && s[j] == '.' {
		j++
	}
	p := spacesAt(s, j)
	if p == j {
		return -1, -1
	}
	return e, p
}

// matchMonthDay is `\b(\p{Lu}\pL*)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?`.
func matchMonthDay(s string, loc []int) []int {
	for i := 0; i < len(s); i++ {
		e, p := monthDay(s, i)
		if p < 0 {
			continue
		}
		d, t := dayDigits(s, p)
		if d < 0 {
			continue
		}
		loc = setLoc(loc, 4)
		loc[0], loc[2], loc[3], loc[4], loc[5] = i, i, e, p, d
		end, year := yearAt(s, t, nil, false)
		loc[1] = end
		if year >= 0 {
			loc[6], loc[7] = year, year+4
		}
		return loc
	}
	return nil
}

// matchMonthRange is `\b(\p{Lu}\pL*)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:\s*[-–]\s*|\s+(?:to|and|through|until|till)\s+)(?:(\p{Lu}\pL*)\.?\s+)?(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?`.
func matchMonthRange(s string, loc []int) []int {
	for i := 0; i < len(s); i++ {
		e, p := monthDay(s, i)
		if p < 0 {
			continue
		}
		d := digitsAt(s, p)
		if d == p || d-p > 2 {
			continue
		}
		// The ordinal if the separator follows it, else none (a
		// separator cannot start with its letters).
		q := -1
		for _, t := range [2]int{ordinalAt(s, d), d} {
			if q = separatorAt(s, t); q >= 0 {
				break
			}
		}
		if q < 0 {
			continue
		}
		m0, m1 := -1, -1
		r := q
		if me, mp := monthName(s, q); mp >= 0 && dayStart(s, mp) {
			m0, m1, r = q, me, mp
		}
		d2, t2 := dayDigits(s, r)
		if d2 < 0 {
			continue
		}
		loc = setLoc(loc, 6)
		loc[0], loc[2], loc[3], loc[4], loc[5] = i, i, e, p, d
		loc[6], loc[7], loc[8], loc[9] = m0, m1, r, d2
		end, year := yearAt(s, t2, nil, false)
		loc[1] = end
		if year >= 0 {
			loc[10], loc[11] = year, year+4
		}
		return loc
	}
	return nil
}

// dayStart reports whether \d{1,2}(?:st|nd|rd|th)?\b matches at i.
func dayStart(s string, i int) bool {
	d, _ := dayDigits(s, i)
	return d >= 0
}

// separatorAt matches (?:\s*[-–]\s*|\s+(?:to|and|through|until|till)\s+)
// at i: its end, or -1.
func separatorAt(s string, i int) int {
	j := spacesAt(s, i)
	switch {
	case j < len(s) && s[j] == '-':
		return spacesAt(s, j+1)
	case len(s)-j >= 3 && s[j:j+3] == "–":
		return spacesAt(s, j+3)
	case j == i:
		return -1
	}
	e := lettersAt(s, j)
	if e == j || e == len(s) || !isSpaceByte(s[e]) {
		return -1
	}
	switch s[j:e] {
	case "to", "and", "through", "until", "till":
		return spacesAt(s, e)
	}
	return -1
}

// matchMonthYear is `\b(\pL+)\s+(?:de\s+|del\s+)?(\d{4})\b`.
func matchMonthYear(s string, loc []int) []int {
	for i := 0; i < len(s); i++ {
		if !mayStart(s, i, true, false) {
			continue
		}
		e := lettersAt(s, i)
		p := spacesAt(s, e)
		if p == e {
			i = e - 1 // no match starts inside the word: \b or a letter fails
			continue
		}
		_, year := yearAt(s, e, deDel, false)
		if year < 0 || s[e] == ',' {
			i = e - 1
			continue
		}
		loc = setLoc(loc, 3)
		loc[0], loc[1], loc[2], loc[3], loc[4], loc[5] = i, year+4, i, e, year, year+4
		return loc
	}
	return nil
}

// shiftWords are the words of pastRe and nextRe, in their order.
var shiftWords = newFoldSet(split(pastRe + "|" + nextRe))

// countList are the words of countRe, in its order.
var countList = newFoldSet(split(countRe)[1:]) // after \d{1,2}

func split(alts string) []string {
	var out []string
	for {
		a, rest, more := cut(alts, '|')
		out = append(out, a)
		if !more {
			return out
		}
		alts = rest
	}
}

var (
	weekdayPre  = newFoldSet([]string{"am", "el", "on", "this", "este"})
	weekdayPost = []string{"pasado", "próximo", "proximo"}
)

// foldSet is a set of words under (?i). A run of ASCII letters matches a
// word exactly when its lower case is that word (no other rune folds to
// an ASCII letter's orbit within ASCII), so those are looked up; other
// runs, rare, are compared with each word.
type foldSet struct {
	words []string
	lower map[string]bool
	// lens holds, for the first byte of each word, the byte lengths of
	// the words that start with it, as bits: most runs are rejected
	// without hashing.
	lens [256]uint32
}

func newFoldSet(words []string) *foldSet {
	f := &foldSet{words: words, lower: setOf(words)}
	for _, w := range words {
		if len(w) >= 32 {
			panic("dates: a word of a foldSet too long for lens: " + w)
		}
		f.lens[w[0]] |= 1 << len(w)
	}
	return f
}

// has reports whether word, a run of letters, is one of f's under (?i).
func (f *foldSet) has(word string) bool {
	var buf [16]byte
	if len(word) > len(buf) {
		return wordIn(word, f.words) >= 0
	}
	if b := word[0]; b < utf8.RuneSelf && f.lens[b|0x20]&(1<<len(word)) == 0 {
		// No word starts with this letter and is this long; for a run
		// starting with another rune, the length may differ from the
		// word's (the Kelvin sign is three bytes).
		for i := 1; i < len(word); i++ {
			if word[i] >= utf8.RuneSelf {
				return wordIn(word, f.words) >= 0
			}
		}
		return false
	}
	for i := 0; i < len(word); i++ {
		b := word[i]
		if b >= utf8.RuneSelf {
			return wordIn(word, f.words) >= 0
		}
		buf[i] = b | 0x20
	}
	return f.lower[string(buf[:len(word)])]
}

// wordSpaceIn returns the end of the word of set that is the run of
// letters at i and is followed by \s; -1 if there is none.
func wordSpaceIn(s string, i int, set *foldSet) int {
	return wordSpaceAt(s, i, lettersAt(s, i), set)
}

// wordSpaceAt is wordSpaceIn for the run of letters from i to e, whose
// end the caller knows.
func wordSpaceAt(s string, i, e int, set *foldSet) int {
	if e == i || e == len(s) || !isSpaceByte(s[e]) || !set.has(s[i:e]) {
		return -1
	}
	return e
}

// matchWeekday is `(?i)\b(?:(?:am|el|on|this|este)\s+)?(?:(PAST|NEXT)\s+)?(\pL+)(?:\s+(pasado|próximo|proximo)\b)?`:
// every word matches, make picks the weekdays.
func matchWeekday(s string, loc []int) []int {
	for i := 0; i < len(s); i++ {
		if !mayStart(s, i, true, false) {
			continue
		}
		// Each word's run of letters is read once (p, pe; w, we): most
		// words are neither of weekdayPre nor of shiftWords, and the one
		// at i is the weekday's.
		p, pe := i, lettersAt(s, i)
		if e := wordSpaceAt(s, i, pe, weekdayPre); e >= 0 {
			if q := spacesAt(s, e); lettersAt(s, q) > q {
				p, pe = q, lettersAt(s, q)
			}
		}
		loc = setLoc(loc, 4)
		w, we := p, pe
		if e := wordSpaceAt(s, p, pe, shiftWords); e >= 0 {
			if q := spacesAt(s, e); lettersAt(s, q) > q {
				loc[2], loc[3], w, we = p, e, q, lettersAt(s, q)
			}
		}
		loc[0], loc[1], loc[4], loc[5] = i, we, w, we
		if q := spacesAt(s, we); q > we {
			if k, j := litIn(s, q, weekdayPost); k >= 0 {
				loc[1], loc[6], loc[7] = j, q, j
			}
		}
		return loc
	}
	return nil
}

// monthPrefixes are the alternatives of prefixRe in its order, a space for \s+.
var monthPrefixes = []string{"ende", "anfang", "mitte", "im", "seit", "finales de", "principios de", "mediados de", "comienzos de",
	"inicios de", "fines de", "en", "durante", "late", "early", "mid", "in", "during",
	"the end of", "the beginning of", "the start of", "the middle of", "end of", "beginning of", "start of", "middle of"}

// monthPrefixWords are the distinct first words of monthPrefixes ("mid"
// of "mid-" among them), and monthPrefixesOf, by the index of a first
// word, the indices of the alternatives of monthPrefixes it starts, in
// their order. allMonthPrefixes are all indices, in order.
var monthPrefixWords, monthPrefixesOf, allMonthPrefixes = func() (words []string, of [][]int, all []int) {
	for k, a := range monthPrefixes {
		w, _, _ := cut(a, ' ')
		id := slices.Index(words, w)
		if id < 0 {
			id = len(words)
			words, of = append(words, w), append(of, nil)
		}
		of[id] = append(of[id], k)
		all = append(all, k)
	}
	return words, of, all
}()

// monthPrefixFirstID is, for each alternative of monthPrefixes, the index
// of its first word in monthPrefixWords.
var monthPrefixFirstID = func() []int {
	out := make([]int, len(monthPrefixes))
	for id, ks := range monthPrefixesOf {
		for _, k := range ks {
			out[k] = id
		}
	}
	return out
}()

// monthPrefixSlot is a perfect hash of monthPrefixWords (by
// monthPrefixHash of a word's first byte, last byte and length) to their
// index plus one: monthPrefixStart looks a word up by its bytes, not by a
// map look-up of a string (a word of every window of a month rule comes
// there). It panics at start if two words share a slot.
var monthPrefixSlot = func() (t [64]int8) {
	for id, w := range monthPrefixWords {
		h := monthPrefixHash(w[0], w[len(w)-1], len(w))
		if t[h] != 0 {
			panic("dates: monthPrefixHash puts " + w + " and " + monthPrefixWords[t[h]-1] + " in one slot")
		}
		t[h] = int8(id + 1)
	}
	return t
}()

func monthPrefixHash(first, last byte, n int) int { return (int(first) + 2*int(last) + 30*n) & 63 }

// monthPrefixStart reports whether the run of letters at i may start a
// prefix of matchMonthAlone: every alternative is whole words (followed
// by \s or "-"), so the run must be its first word. A run of ASCII
// letters is looked up in lower case, and id is its index in
// monthPrefixWords; one with ſ or the Kelvin sign, rare, goes on to every
// alternative (id is -1).
// TestMonthPrefixStart holds it to a map of the first words.
func monthPrefixStart(s string, i int) (id int, ok bool) {
	var buf [12]byte
	n := 0
	for j := i; j < len(s); j++ {
		b := s[j]
		if b >= utf8.RuneSelf {
			// Of the runes beyond ASCII only ſ and the Kelvin sign fold to
			// ASCII letters (s, k): with another in its run of letters, a
			// word is no first word of a prefix, which is letters followed
			// by \s or "-" (words like "über", "él" went on to try all).
			if r, _ := utf8.DecodeRuneInString(s[j:]); r != 'ſ' && r != '\u212A' {
				return 0, false
			}
			return -1, true
		}
		if !('a' <= b|0x20 && b|0x20 <= 'z') {
			break
		}
		if n == len(buf) {
			return 0, false // longer than any prefix word
		}
		buf[n] = b | 0x20
		n++
	}
	if n == 0 {
		return 0, false
	}
	id = int(monthPrefixSlot[monthPrefixHash(buf[0], buf[n-1], n)]) - 1
	if id < 0 || monthPrefixWords[id] != string(buf[:n]) {
		return 0, false
	}
	return id, true
}

// matchMonthAlone is `(?i)\b(?:(?:PREFIX)\s+|mid-)(\pL+)(?:\s+(?:de\s+|del\s+)?(\d{4})\b)?`.
func matchMonthAlone(s string, loc []int) []int {
	for i := 0; i < len(s); i++ {
		if !mayStart(s, i, true, false) {
			continue
		}
		id, ok := monthPrefixStart(s, i)
		if !ok {
			continue
		}
		w := -1
		ks := allMonthPrefixes
		if id >= 0 {
			ks = monthPrefixesOf[id] // the alternatives that start with the word
		}
		for _, k := range ks {
			if j := foldAt(s, i, monthPrefixes[k]); j >= 0 {
				if q := spacesAt(s, j); q > j && lettersAt(s, q) > q {
					w = q
					break
				}
			}
		}
		if w < 0 {
			if j := foldAt(s, i, "mid"); j >= 0 && j < len(s) && s[j] == '-' && lettersAt(s, j+1) > j+1 {
				w = j + 1
			}
		}
		if w < 0 {
			continue
		}
		we := lettersAt(s, w)
		loc = setLoc(loc, 3)
		loc[0], loc[2], loc[3] = i, w, we
		end, year := yearAfter(s, we, deDel, true, false)
		loc[1] = end
		if year >= 0 {
			loc[4], loc[5] = year, year+4
		}
		return loc
	}
	return nil
}

// countAt matches (COUNT)\s of countRe at i: the end of the count, or -1.
func countAt(s string, i int) int {
	if i < len(s) && isDigitByte(s[i]) {
		d := digitsAt(s, i)
		if d-i > 2 || d == len(s) || !isSpaceByte(s[d]) {
			return -1
		}
		return d
	}
	return wordSpaceIn(s, i, countList)
}

var (
	agoUnitsDe = []string{"tag", "tagen", "woche", "wochen", "monat", "monaten"}
	agoUnitsEs = []string{"día", "dia", "días", "dias", "semana", "semanas", "mes", "meses"}
	agoUnitsEn = newFoldSet([]string{"day", "days", "week", "weeks", "month", "months"})
	agoHeads   = [2]*foldSet{newFoldSet([]string{"vor"}), newFoldSet([]string{"hace"})}
)

// matchAgo is `(?i)\b(?:vor\s+(COUNT)\s+(tag|…)|hace\s+(COUNT)\s+(día|…)|(COUNT)\s+(day|…)\s+ago)\b`.
func matchAgo(s string, loc []int) []int {
	for i := 0; i < len(s); i++ {
		if !mayStart(s, i, true, true) {
			continue
		}
		for k, head := range agoHeads {
			e := wordSpaceIn(s, i, head)
			if e < 0 {
				continue
			}
			c := spacesAt(s, e)
			ce := countAt(s, c)
			if ce < 0 {
				continue
			}
			u := spacesAt(s, ce)
			if _, ue := litIn(s, u, [2][]string{agoUnitsDe, agoUnitsEs}[k]); ue >= 0 {
				loc = setLoc(loc, 7)
				loc[0], loc[1], loc[2+4*k], loc[3+4*k], loc[4+4*k], loc[5+4*k] = i, ue, c, ce, u, ue
				return loc
			}
		}
		ce := countAt(s, i)
		if ce < 0 {
			continue
		}
		u := spacesAt(s, ce)
		ue := wordSpaceIn(s, u, agoUnitsEn)
		if ue < 0 {
			continue
		}
		a := spacesAt(s, ue)
		if j := foldAt(s, a, "ago"); j >= 0 && boundary(s, j) {
			loc = setLoc(loc, 7)
			loc[0], loc[1], loc[10], loc[11], loc[12], loc[13] = i, j, i, ce, u, ue
			return loc
		}
	}
	return nil
}

var (
	laterUnits = newFoldSet([]string{"tag", "tage", "tagn", "tagen", "woche", "wochen", "monat", "monate", "monatn", "monaten",
		"día", "días", "dia", "dias", "semana", "semanas", "mes", "mese", "mess", "meses", "day", "days", "week", "weeks", "month", "months"})
	laterWords = []string{"später", "danach", "darauf", "zuvor", "vorher", "davor", "después", "despues", "más tarde", "antes", "later", "earlier"}
)

// matchLater is `(?i)\b(COUNT)\s+(tage?n?|…)\s+(später|…)\b`.
func matchLater(s string, loc []int) []int {
	for i := 0; i < len(s); i++ {
		if !mayStart(s, i, true, true) {
			continue
		}
		ce := countAt(s, i)
		if ce < 0 {
			continue
		}
		u := spacesAt(s, ce)
		ue := wordSpaceIn(s, u, laterUnits)
		if ue < 0 {
			continue
		}
		w := spacesAt(s, ue)
		if _, we := litIn(s, w, laterWords); we >= 0 {
			loc = setLoc(loc, 4)
			loc[0], loc[1], loc[2], loc[3], loc[4], loc[5], loc[6], loc[7] = i, we, i, ce, u, ue, w, we
			return loc
		}
	}
	return nil
}

// fastRules are the hand-written matchers of rules, by index; nil where
// the rule's regular expression runs (rarely: its cues are rare).
// TestMatchers checks each against its rule's expression.
var fastRules = func() []func(s string, loc []int) []int {
	f := make([]func(string, []int) []int, len(rules))
	f[0], f[1], f[2], f[3], f[4] = matchISO, matchDayMonth, matchMonthDay, matchMonthRange, matchMonthYear
	f[5], f[6], f[7] = matchRelYear, matchRelMonth, matchMonthShift
	f[8], f[9], f[10], f[11], f[12], f[13], f[14] = matchMonthWord, matchWeeks, matchHoliday, matchWeekday, matchAgo, matchDayWord, matchContext
	f[15], f[16], f[17] = matchLater, matchMonthAlone, matchYear
	return f
}()

// elem is one step of a seq: one of words (under (?i), a space standing
// for \s+), captured as submatch group (0: not captured).
type elem struct {
	words []string
	group int
	glued bool // follows the step before without \s+
}

// seq is one alternative of an expression of words: its elems, joined by
// \s+, the whole between \b and \b.
type seq []elem

// seqMatcher returns the matcher of `(?i)\b(?:ALT|ALT…)\b` with
// alternatives alts, tried in order (an optional step is two
// alternatives, the one with it first), and groups submatches.
func seqMatcher(groups int, alts ...seq) func(s string, loc []int) []int {
	// firsts are the lower-case ASCII letters the alternatives may start
	// with: an ASCII letter folds to no other ASCII letter, so a match
	// starting with one starts with one of these. highFirsts are the
	// runes beyond ASCII a match may start with: those of the fold orbits
	// of the alternatives' first runes ("ſ" of s, "Ü" of ü); a match
	// starts with one of them where foldAt compares its first rune, and
	// another ("é", "Ä") is not tried (each alternative was, before).
	var firsts [256]bool
	var highFirsts []rune
	for _, a := range alts {
		for _, w := range a[0].words {
			firsts[w[0]] = true
			r, _ := utf8.DecodeRuneInString(w)
			for f := r; ; {
				if f >= utf8.RuneSelf && !slices.Contains(highFirsts, f) {
					highFirsts = append(highFirsts, f)
				}
				if f = unicode.SimpleFold(f); f == r {
					break
				}
			}
		}
	}
	return func(s string, loc []int) []int {
		for i := 0; i < len(s); i++ {
			if b := s[i]; b < utf8.RuneSelf {
				if !firsts[b|0x20] {
					continue
				}
			} else if c, _ := utf8.DecodeRuneInString(s[i:]); !slices.Contains(highFirsts, c) {
				continue
			}
			if !mayStart(s, i, true, false) {
				continue
			}
			for _, a := range alts {
				loc = setLoc(loc, groups+1)
				if end := a.match(s, i, loc); end >= 0 {
					loc[0], loc[1] = i, end
					return loc
				}
			}
		}
		return nil
	}
}

// match matches q at i, with \b after it: the end, or -1. It records the
// submatches of the way it takes in loc.
func (q seq) match(s string, i int, loc []int) int {
	if len(q) == 0 {
		if boundary(s, i) {
			return i
		}
		return -1
	}
	e := q[0]
	for _, w := range e.words {
		j := foldAt(s, i, w)
		if j < 0 {
			continue
		}
		next := j
		if len(q) > 1 && !q[1].glued {
			if next = spacesAt(s, j); next == j {
				continue
			}
		}
		if end := q[1:].match(s, next, loc); end >= 0 {
			if e.group > 0 {
				loc[2*e.group], loc[2*e.group+1] = i, j
			}
			return end
		}
	}
	return -1
}

func words(ws ...string) []string { return ws }

var (
	dayOrMonth   = words("day", "month")
	matchContext = seqMatcher(14,
		seq{{words("tags"), 0, false}, {words("darauf", "danach", "zuvor", "davor"), 1, false}},
		seq{{words("am"), 0, false}, {words("tag danach", "tag darauf", "tag zuvor", "folgenden tag", "nächsten tag", "darauffolgenden tag",
			"selben tag", "gleichen tag", "vortag", "abend", "nachmittag", "vormittag", "morgen"), 2, false}},
		seq{{words("im", "am"), 0, false}, {words("selben", "gleichen"), 0, false}, {words("monat"), 3, false}},
		seq{{words("al", "el"), 0, false}, {words("día"), 0, false}, {words("siguiente", "anterior"), 4, false}},
		seq{{words("el", "ese", "aquel"), 0, false}, {words("mismo"), 5, false}, {words("día", "mes"), 6, false}},
		seq{{words("la"), 0, false}, {words("víspera"), 7, false}},
		seq{{words("on"), 0, false}, {words("the"), 0, false}, {words("next", "following", "previous", "same"), 8, false}, {dayOrMonth, 9, false}},
		seq{{words("the"), 0, false}, {words("next", "following", "previous", "same"), 8, false}, {dayOrMonth, 9, false}},
		seq{{words("later", "earlier"), 0, false}, {words("that"), 10, false}, {dayOrMonth, 11, false}},
		seq{{words("that"), 0, false}, {words("same"), 12, false}, {dayOrMonth, 13, false}},
		seq{{words("damals", "daraufhin", "entonces"), 14, false}},
	)
	matchDayWord = seqMatcher(1, seq{{words("heute", "today", "hoy", "gestern", "yesterday", "ayer", "vorgestern", "anteayer", "übermorgen",
		"tomorrow", "anoche", "tonight", "pasado mañana", "esta mañana", "mañana", "morgen"), 1, false}})
	shiftThis  = append(split(pastRe+"|"+nextRe), "diese", "dieser", "this")
	matchWeeks = seqMatcher(3,
		seq{{shiftThis, 1, false}, {words("woche", "week"), 0, false}},
		seq{{words("la", "esta"), 0, false}, {words("semana"), 0, false}, {words("pasada", "próxima", "proxima", "que viene"), 2, false}},
		seq{{words("semana"), 0, false}, {words("pasada", "próxima", "proxima", "que viene"), 2, false}},
		seq{{words("esta"), 3, false}, {words("semana"), 0, false}},
	)
	matchMonthWord = seqMatcher(2,
		seq{{split(pastRe + "|" + nextRe), 1, false}, {words("monat", "month"), 0, false}},
		seq{{words("el"), 0, false}, {words("mes"), 0, false}, {words("pasado", "próximo", "proximo", "que viene"), 2, false}},
		seq{{words("mes"), 0, false}, {words("pasado", "próximo", "proximo", "que viene"), 2, false}},
	)
	holidayNames = words("gründonnerstag", "jueves santo", "viernes santo", "maundy thursday", "karfreitag", "good friday",
		"ostersonntag", "ostermontag", "ostern", "domingo de pascua", "domingo de resurrección", "domingo de resurreccion",
		"lunes de pascua", "easter sunday", "easter monday", "easter", "pfingstsonntag", "pfingstmontag", "pfingsten",
		"heiligabend", "nochebuena", "christmas eve", "christmas day", "christmas", "navidad", "silvester", "nochevieja", "neujahrstag", "neujahr")
	matchHoliday = seqMatcher(1,
		seq{{words("am", "an", "el", "on", "zu", "a"), 0, false}, {holidayNames, 1, false}},
		seq{{holidayNames, 1, false}},
	)
)

// relYearTails are the alternatives after the month of the rule of a
// month of a year named relative to the anchor's, in its order.
var relYearTails = func() []seq {
	g2 := words("vergangenen", "letzten", "vorigen", "laufenden", "dieses", "kommenden", "nächsten")
	jahres := elem{words("jahres", "jahrs"), 0, false}
	return []seq{
		{{words("des"), 0, false}, {g2, 2, false}, jahres},
		{{g2, 2, false}, jahres},
		{{words("des"), 0, false}, {words("vorjahr"), 3, false}, {words("es", "s"), 0, true}},
		{{words("del"), 0, false}, {words("año"), 0, false}, {words("pasado", "anterior", "próximo", "proximo", "que viene"), 4, false}},
		{{words("del"), 0, false}, {words("este", "presente"), 5, false}, {words("año"), 0, false}},
		{{words("de"), 0, false}, {words("año"), 0, false}, {words("pasado", "anterior", "próximo", "proximo", "que viene"), 4, false}},
		{{words("de"), 0, false}, {words("este", "presente"), 5, false}, {words("año"), 0, false}},
		{{words("last", "this", "next"), 6, false}, {words("year"), 0, false}},
		{{words("de ese mismo año", "de ese año", "de aquel mismo año", "de aquel año", "del mismo año",
			"desselben jahres", "desselben jahrs", "des gleichen jahres", "des gleichen jahrs", "jenes jahres", "jenes jahrs",
			"of that year", "that year", "of the same year"), 7, false}},
	}
}()

// matchRelYear is `(?i)\b(?:(?:PREFIX)\s+)?(\pL+)\s+(?:TAILS)\b` of the
// rule of a month of a year named relative to the anchor's.
func matchRelYear(s string, loc []int) []int {
	for i := 0; i < len(s); i++ {
		if !mayStart(s, i, true, false) {
			continue
		}
		id, ok := monthPrefixStart(s, i)
		// With a prefix, in prefixRe's order, then without (k == len).
		for k := 0; k <= len(monthPrefixes); k++ {
			w := i
			if k < len(monthPrefixes) {
				if !ok || id >= 0 && monthPrefixFirstID[k] != id {
					continue
				}
				j := foldAt(s, i, monthPrefixes[k])
				if j < 0 {
					continue
				}
				if w = spacesAt(s, j); w == j {
					continue
				}
			}
			we := lettersAt(s, w)
			if we == w {
				continue
			}
			t := spacesAt(s, we)
			if t == we {
				continue
			}
			for _, tail := range relYearTails {
				loc = setLoc(loc, 8)
				if end := tail.match(s, t, loc); end >= 0 {
					loc[0], loc[1], loc[2], loc[3] = i, end, w, we
					return loc
				}
			}
		}
	}
	return nil
}

// matchRelMonth is `(?i)\b(PAST|NEXT)\s+(\pL+)`.
func matchRelMonth(s string, loc []int) []int {
	for i := 0; i < len(s); i++ {
		if !mayStart(s, i, true, false) {
			continue
		}
		e := wordSpaceIn(s, i, shiftWords)
		if e < 0 {
			continue
		}
		q := spacesAt(s, e)
		if we := lettersAt(s, q); we > q {
			loc = setLoc(loc, 3)
			loc[0], loc[1], loc[2], loc[3], loc[4], loc[5] = i, we, i, e, q, we
			return loc
		}
	}
	return nil
}

// matchMonthShift is `(?i)\b(\pL+)\s+(pasado|próximo|proximo)\b`.
func matchMonthShift(s string, loc []int) []int {
	for i := 0; i < len(s); i++ {
		if !mayStart(s, i, true, false) {
			continue
		}
		e := lettersAt(s, i)
		q := spacesAt(s, e)
		if q > e {
			if _, j := litIn(s, q, weekdayPost); j >= 0 {
				loc = setLoc(loc, 3)
				loc[0], loc[1], loc[2], loc[3], loc[4], loc[5] = i, j, i, e, q, j
				return loc
			}
		}
		i = e - 1 // a match starting inside the word would end it as this one: no match
	}
	return nil
}
