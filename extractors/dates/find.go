package dates

import (
	"cmp"
	"math/bits"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/gazex/gazex/internal/swar"
)

// months maps lower-case month names and abbreviations of German, Spanish
// and English to their number.
var months = map[string]int{
	"januar": 1, "jänner": 1, "enero": 1, "january": 1, "jan": 1, "ene": 1,
	"februar": 2, "febrero": 2, "february": 2, "feb": 2, "febr": 2,
	"märz": 3, "maerz": 3, "marzo": 3, "march": 3, "mar": 3, "mär": 3,
	"april": 4, "abril": 4, "apr": 4, "abr": 4,
	"mai": 5, "mayo": 5, "may": 5,
	"juni": 6, "junio": 6, "june": 6, "jun": 6,
	"juli": 7, "julio": 7, "july": 7, "jul": 7,
	"august": 8, "agosto": 8, "aug": 8, "ago": 8,
	"september": 9, "septiembre": 9, "setiembre": 9, "sept": 9, "sep": 9, "set": 9,
	"oktober": 10, "octubre": 10, "october": 10, "okt": 10, "oct": 10,
	"november": 11, "noviembre": 11, "nov": 11,
	"dezember": 12, "diciembre": 12, "december": 12, "dez": 12, "dic": 12, "dec": 12,
}

// weekdays maps lower-case weekday names to time.Weekday.
var weekdays = map[string]time.Weekday{
	"sonntag": time.Sunday, "domingo": time.Sunday, "sunday": time.Sunday,
	"montag": time.Monday, "lunes": time.Monday, "monday": time.Monday,
	"dienstag": time.Tuesday, "martes": time.Tuesday, "tuesday": time.Tuesday,
	"mittwoch": time.Wednesday, "miércoles": time.Wednesday, "miercoles": time.Wednesday, "wednesday": time.Wednesday,
	"donnerstag": time.Thursday, "jueves": time.Thursday, "thursday": time.Thursday,
	"freitag": time.Friday, "viernes": time.Friday, "friday": time.Friday,
	"samstag": time.Saturday, "sonnabend": time.Saturday, "sábado": time.Saturday, "sabado": time.Saturday, "saturday": time.Saturday,
}

// wordRe is one word: the month and weekday rules match any word there
// and check it against the tables, which is many times faster than a
// regular expression with every name in it.
const wordRe = `\pL+`

// Full month names only (abbreviations need a day or year next to them).
const monthRe = `januar|jänner|februar|märz|maerz|april|mai|juni|juli|august|september|oktober|november|dezember|` +
	`enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|` +
	`january|february|march|may|june|july|october|december`

// Modifiers that mark an expression as past (-1) or next (+1).
const (
	pastRe = `vergangenen|vergangene|vergangener|letzten|letzte|letzter|vorigen|vorige|voriger|pasado|pasada|last|previous`
	nextRe = `kommenden|kommende|kommender|nächsten|nächste|nächster|próximo|próxima|proximo|proxima|next|coming`
)

var (
	pastWords = setOf(split(pastRe))
	nextWords = setOf(split(nextRe))
	// fullMonths are the words of monthRe, lower case.
	fullMonths = setOf(split(monthRe))
)

func setOf(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// shiftOf is -1 for a word of pastRe, +1 for one of nextRe, in any case;
// else 0.
func shiftOf(mod string) int {
	var buf [24]byte
	low := lowerBytes(buf[:], mod)
	switch {
	case pastWords[string(low)]:
		return -1
	case nextWords[string(low)]:
		return 1
	}
	return 0
}

// lowerBytes is strings.ToLower(s) as bytes, in buf if s is ASCII and
// fits: a map lookup of string(lowerBytes(…)) allocates nothing.
func lowerBytes(buf []byte, s string) []byte {
	if len(s) > len(buf) {
		return []byte(strings.ToLower(s))
	}
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b >= utf8.RuneSelf {
			return []byte(strings.ToLower(s))
		}
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		buf[i] = b
	}
	return buf[:len(s)]
}

// rule is one pattern with the function that turns its submatches into an
// expression (nil: not a date after all). needs are the cues a text must
// hold for the rule to possibly match, anchor the cue whose spans its
// matches contain: the regular expression runs only on windows around them,
// as far as reach says.
type rule struct {
	re     *regexp.Regexp
	needs  cue
	anchor cue
	reach  [2]int // how many bytes before and after an anchor span a match may reach (to word boundaries)
	make   func(m []string) *Expr
}

// cue is a set of kinds of word a date expression needs. Find runs a rule's
// regular expression only on texts holding its cues: most sentences hold
// none, and the regular expressions are the cost of Find.
type cue uint16

const (
	cueDigit cue = 1 << iota
	cueMonth
	cueShift     // vergangenen, pasado, last, next …
	cueMonthWord // Monat, mes, month
	cueWeekWord  // Woche, semana, week
	cueWeekday
	cueCount    // vor, hace, ago
	cueDay      // heute, ayer, yesterday, morgen, mañana …
	cueYear     // a run of exactly four digits
	cueHoliday  // Karfreitag, Navidad, Easter …
	cueContext  // tags (darauf), damals, entonces, next …
	cueLater    // später, después, later …
	cueYearWord // Jahres, año, year
)

// cueWords maps lower-case words to their cues.
var cueWords = func() map[string]cue {
	m := map[string]cue{}
	for w := range months {
		m[w] |= cueMonth
	}
	for w := range weekdays {
		m[w] |= cueWeekday
	}
	for _, w := range strings.Split(pastRe+"|"+nextRe+"|pasado|próximo|proximo", "|") {
		m[w] |= cueShift
	}
	for _, w := range []string{"monat", "month", "mes"} {
		m[w] |= cueMonthWord
	}
	for _, w := range []string{"woche", "week", "semana"} {
		m[w] |= cueWeekWord
	}
	for _, w := range []string{"vor", "hace", "ago"} {
		m[w] |= cueCount
	}
	for _, w := range []string{"heute", "today", "hoy", "gestern", "yesterday", "ayer", "vorgestern", "anteayer",
		"morgen", "übermorgen", "mañana", "tomorrow", "anoche", "tonight"} {
		m[w] |= cueDay
	}
	for w := range weekdayParts {
		m[w] |= cueWeekday
	}
	for w := range holidayWords {
		m[w] |= cueHoliday
	}
	for _, w := range []string{"friday", "thursday"} { // Good Friday, Maundy Thursday
		m[w] |= cueHoliday
	}
	// Not "Tag", "día", "day": too frequent to look around each; the words
	// with them are cues enough ("am folgenden Tag", "al día siguiente",
	// "the same day").
	for _, w := range []string{"tags", "vortag", "folgenden", "darauffolgenden", "darauf", "danach", "zuvor", "selben", "gleichen",
		"damals", "daraufhin", "abend", "nachmittag", "vormittag", "morgen",
		"siguiente", "anterior", "mismo", "víspera", "vispera", "entonces",
		"next", "following", "previous", "same", "later", "earlier"} {
		m[w] |= cueContext
	}
	for _, w := range []string{"später", "danach", "darauf", "zuvor", "vorher", "davor", "después", "despues", "tarde", "antes", "later", "earlier"} {
		m[w] |= cueLater
	}
	for _, w := range []string{"jahres", "jahrs", "vorjahres", "vorjahrs", "año", "year"} {
		m[w] |= cueYearWord
	}
	return m
}()

// weekdayParts maps German compounds of a weekday and a time of day
// ("Sonntagabend", "Dienstagmorgen") to their weekday.
var weekdayParts = func() map[string]time.Weekday {
	m := map[string]time.Weekday{}
	for _, d := range []string{"sonntag", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend"} {
		for _, part := range []string{"morgen", "früh", "vormittag", "mittag", "nachmittag", "abend", "nacht"} {
			m[d+part] = weekdays[d]
		}
	}
	return m
}()

// weekdayPairs are the first two letters of the words of weekdays and
// weekdayParts, lower case, as bits (of the pair's bytes, by 32 each).
var weekdayPairs = func() (t [32 * 32 / 64]uint64) {
	add := func(w string) {
		p := int(w[0]&31)<<5 | int(w[1]&31)
		t[p/64] |= 1 << (p % 64)
	}
	for w := range weekdays {
		add(w)
	}
	for w := range weekdayParts {
		add(w)
	}
	return t
}()

// mayWeekday reports whether word may be a key of weekdays or
// weekdayParts in lower case: false if its first two bytes are ASCII
// letters no key starts with (their lower case is b|0x20), which rules out
// most words before they are lower-cased and looked up in two maps.
// TestMayWeekday holds it to those look-ups.
func mayWeekday(word string) bool {
	if len(word) < 2 || byteClass[word[0]] != classLetter || byteClass[word[1]] != classLetter {
		return true
	}
	p := int(word[0]&31)<<5 | int(word[1]&31)
	return weekdayPairs[p/64]&(1<<(p%64)) != 0
}

// maxCueLen is the byte length of the longest cue word: a longer word is
// not looked up. A constant, for cues' test of every word; init checks it.
const maxCueLen = len("donnerstagnachmittag")

func init() {
	n := 0
	for w := range cueWords {
		n = max(n, len(w))
	}
	if n != maxCueLen {
		panic("dates: maxCueLen is not the length of the longest cue word")
	}
}

// cuePairs holds the first two bytes of every cue word, as a set of
// bits: cueWord skips a word whose first two ASCII letters start no cue
// word without lower-casing the rest of it.
var cuePairs = func() *[1 << 16 / 64]uint64 {
	var pairs [1 << 16 / 64]uint64
	for w := range cueWords {
		p := int(w[0])<<8 | int(w[1])
		pairs[p/64] |= 1 << (p % 64)
	}
	return &pairs
}()

// cuePairLens holds, for the first two letters of each cue word of ASCII
// letters (by their low five bits, the same in either case), the lengths
// it comes in, as bits: skipPlain rules out four words in five with it,
// a load and a shift, before it builds a word's cueKey.
var cuePairLens = func() (t [1 << 10]uint32) {
	for w := range cueWords {
		if byteClass[w[0]] == classLetter && byteClass[w[1]] == classLetter {
			t[int(w[0]&31)<<5|int(w[1]&31)] |= 1 << len(w)
		}
	}
	return t
}()

// cueSpan is a cue word or a run of digits of a text.
type cueSpan struct {
	start, end int
	c          cue
}

// cues returns the cues text holds and where, in one pass, appending
// the spans to spans (a buffer of the caller's). A word of ASCII letters,
// most of a text, is scanned and looked up (cueTab) without lower-casing
// it; a word with other letters takes cueWord. TestSkip and FuzzSkip hold it to cuesRef.
func cues(text string, spans []cueSpan) (cue, []cueSpan) {
	var c cue
	for i := 0; i < len(text); {
		// Over the words that cannot be cues, most of a text, in a loop
		// of its own: see skipPlain.
		var end int
		if i, end = skipPlain(text, i); i == len(text) {
			break
		}
		if end > i {
			// A word of ASCII letters that skipPlain found may be a cue
			// word, and ends with an ASCII byte or the text.
			if k := cueTab.ascii(text[i:end], cueKey(text[i]|0x20, text[i+1]|0x20, text[end-1]|0x20, end-i)); k != 0 {
				c |= k
				spans = append(spans, cueSpan{i, end, k})
			}
			i = end
			continue
		}
		switch byteClass[text[i]] {
		case classDigit:
			j := i + 1
			for j < len(text) && byteClass[text[j]] == classDigit {
				j++
			}
			c |= cueDigit
			if j-i == 4 {
				c |= cueYear
				spans = append(spans, cueSpan{i, j, cueYear})
			}
			i = j
		default: // a rune beyond ASCII, or a word of ASCII letters that goes on, or ends, with one
			var k cue
			start := i
			if k, i = cueWord(text, i); i == start {
				_, size := utf8.DecodeRuneInString(text[i:]) // a rune that is no letter
				i += size
			} else if k != 0 {
				c |= k
				spans = append(spans, cueSpan{start, i, k})
			}
		}
	}
	return c, spans
}

// skipPlain returns where from i on cues must look closer: the first
// byte that is a digit or from 0x80 on, the start of a word of ASCII
// letters that goes on with such a byte or may be a cue word (its first
// slot in cueTab is taken), or len(text); and for a word that may be a
// cue word its end (else 0), which cues does not look for again. What it steps over (ASCII marks
// and spaces, words of ASCII letters that are no cue word) gives cues
// nothing. It is cues' test of most words, apart from cues so that its
// loop makes no call: cues' calls (cueWord, append) make the compiler
// keep its variables on the stack and store them at every turn of its
// loop, which cost more than the test of the word did. TestSkip,
// FuzzSkip and TestCuesRandom hold cues with it to cuesRef.
func skipPlain(text string, i int) (int, int) {
	// While eight bytes are left, a word shorter than eight letters, most
	// words, is read from one load at its start: its length, the byte
	// after it and the letters its test needs are bytes of that register,
	// not loads of their own (each with its bounds check). TestSkipPlain
	// holds it to the loop below alone.
	for i+8 <= len(text) {
		x := swar.Load64(text, i)
		b0 := byte(x)
		if cl := byteClass[b0]; cl != classLetter {
			if cl != classOther {
				return i, 0
			}
			i++
			continue
		}
		n := swar.LetterRun(x)
		if n == 8 { // a long word: its other letters eight at a time
			start := i
			for i += 8; ; { // letterEnd, inline (a call a long word cost more than its loop)
				if i+8 > len(text) {
					for i < len(text) && byteClass[text[i]] == classLetter {
						i++
					}
					break
				}
				k := swar.LetterRun(swar.Load64(text, i))
				if i += k; k < 8 {
					break
				}
			}
			if i < len(text) && text[i] >= utf8.RuneSelf {
				return start, 0
			}
			if n := i - start; n <= maxCueLen && cuePairLens[int(b0&31)<<5|int(byte(x>>8)&31)]&(1<<n) != 0 &&
				cueTab.may(cueKey(b0|0x20, byte(x>>8)|0x20, text[i-1]|0x20, n)) {
				return start, i
			}
			if i < len(text) && text[i] == ' ' {
				i++
			}
			continue
		}
		next := byte(x >> (8 * n)) // the byte after the word
		if next >= utf8.RuneSelf {
			return i, 0 // the word goes on, or ends, with another rune: cueWord's
		}
		// A word of one letter fails the test without n >= 2: no cue word
		// has one letter, and cuePairLens no bit 1.
		if b1 := byte(x >> 8); cuePairLens[int(b0&31)<<5|int(b1&31)]&(1<<n) != 0 &&
			cueTab.may(cueKey(b0|0x20, b1|0x20, byte(x>>(8*(n-1)))|0x20, n)) {
			return i, i + n
		}
		if i += n; next == ' ' {
			i++ // the space after the word, the most common, without going round
		}
	}
	return skipPlainAt(text, i)
}

// skipPlainAt is skipPlain a byte at a time: for the last bytes of a
// text, fewer than eight (and the reference of TestSkipPlain).
func skipPlainAt(text string, i int) (int, int) {
	for i < len(text) {
		if cl := byteClass[text[i]]; cl != classLetter {
			if cl != classOther {
				return i, 0
			}
			i++
			continue
		}
		start := i
		for i < len(text) && byteClass[text[i]] == classLetter {
			i++
		}
		if i < len(text) && text[i] >= utf8.RuneSelf {
			return start, 0 // the word goes on, or ends, with another rune: cueWord's
		}
		if n := i - start; n >= 2 && n <= maxCueLen && cuePairLens[int(text[start]&31)<<5|int(text[start+1]&31)]&(1<<n) != 0 &&
			cueTab.may(cueKey(text[start]|0x20, text[start+1]|0x20, text[i-1]|0x20, n)) {
			return start, i
		}
		if i < len(text) && text[i] == ' ' {
			i++ // the space after the word, the most common, without going round
		}
	}
	return i, 0
}

// Classes of bytes for cues.
const (
	classOther  = iota // ASCII, not a letter or digit
	classLetter        // ASCII letter
	classDigit
	classHigh // from 0x80 on: part of a rune beyond ASCII
)

var byteClass = func() (t [256]uint8) {
	for b := range t {
		switch {
		case b >= utf8.RuneSelf:
			t[b] = classHigh
		case '0' <= b && b <= '9':
			t[b] = classDigit
		case 'a' <= b|0x20 && b|0x20 <= 'z':
			t[b] = classLetter
		}
	}
	return t
}()

// cueWord reads the run of letters at i, of any runes, lower case: its
// cues and its end (i if no letter is there).
func cueWord(text string, i int) (cue, int) {
	if i+2 < len(text) && byteClass[text[i]] == classLetter && byteClass[text[i+1]] == classLetter {
		// The word's first two runes are ASCII letters: no cue word
		// starts with them, or the word is read lower case.
		if p := int(text[i]|0x20)<<8 | int(text[i+1]|0x20); cuePairs[p/64]&(1<<(p%64)) == 0 {
			return 0, lettersAt(text, letterEnd(text, i)) // its ASCII letters eight at a time
		}
	}
	// The word's end, and whether its runes are ASCII letters and Latin-1
	// letters (a lead byte 0xC3) alone, as most words of German and
	// Spanish with other runes are: then its lower case has its length and
	// its cueKey is its bytes' (a letter's lower case is b|0x20 for an
	// ASCII one and for the second byte of a Latin-1 one; of ß it is not,
	// but no cue word holds ß), and the word is lower-cased below only if
	// its first slot in cueTab is taken. TestCueWord holds it to cueWordRef.
	start, latin := i, true
	for {
		if i = letterEnd(text, i); i == len(text) || text[i] < utf8.RuneSelf { // its ASCII letters eight at a time
			break
		}
		if b := text[i]; b == 0xC3 && i+1 < len(text) && text[i+1] >= 0x80 && text[i+1] <= 0xBF {
			if c := text[i+1]; c == 0x97 || c == 0xB7 { // × and ÷
				break
			}
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			break
		}
		latin = false
		i += size
	}
	if n := i - start; latin && (n < 2 || n > maxCueLen || !cueTab.may(cueKey(lowerByte(text[start]), lowerByte(text[start+1]), lowerByte(text[i-1]), n))) {
		return 0, i
	}
	end := i
	i = start
	var buf [24]byte
	n, long := 0, false
	for i < end {
		b := text[i]
		if b < utf8.RuneSelf {
			if !('a' <= b|0x20 && b|0x20 <= 'z') {
				break
			}
			if n < maxCueLen {
				buf[n] = b | 0x20 // lower case
				n++
			} else {
				long = true // no cue word is this long
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			break
		}
		if r = unicode.ToLower(r); n+utf8.RuneLen(r) > maxCueLen {
			long = true
		} else {
			n += utf8.EncodeRune(buf[n:], r)
		}
		i += size
	}
	if n >= 2 && !long {
		return cueTab.lower(buf[:n]), i
	}
	return 0, i
}

// lowerByte is the lower case of a byte of an ASCII letter or the second
// byte of a Latin-1 letter other than ß; a lead byte (from 0xC0 on) as it is.
func lowerByte(b byte) byte {
	if b < 0xC0 {
		return b | 0x20
	}
	return b
}

// windows returns the stretches of text, from and to word boundaries,
// within reach of a span of cue c (bytes before and after it); merged, in
// order, appended to out (a buffer of the caller's).
func windows(text string, spans []cueSpan, c cue, reach [2]int, out [][2]int) [][2]int {
	for _, sp := range spans {
		if sp.c&c == 0 {
			continue
		}
		a, b := max(0, sp.start-reach[0]), min(len(text), sp.end+reach[1])
		for a > 0 && text[a-1] != ' ' && text[a-1] != '\n' {
			a--
		}
		for b < len(text) && text[b] != ' ' && text[b] != '\n' {
			b++
		}
		if k := len(out) - 1; k >= 0 && a <= out[k][1] {
			out[k][1] = max(out[k][1], b)
			continue
		}
		out = append(out, [2]int{a, b})
	}
	return out
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func monthOf(s string) int {
	var buf [24]byte
	low := lowerBytes(buf[:], s)
	if n := len(low); n > 0 && low[n-1] == '.' {
		low = low[:n-1]
	}
	return months[string(low)]
}

// prefixRe are the words that may stand before a month to place it within
// its month ("Ende Februar", "a finales de febrero", "in early May") or
// just introduce it ("im Dezember", "en junio", "in March").
const prefixRe = `ende|anfang|mitte|im|seit|finales\s+de|principios\s+de|mediados\s+de|comienzos\s+de|inicios\s+de|fines\s+de|` +
	`en|durante|late|early|mid|in|during|(?:the\s+)?(?:end|beginning|start|middle)\s+of`

var rules = []rule{
	// ISO: 2023-04-03, 2023-04 (not inside longer numbers or ranges).
	{regexp.MustCompile(`\b(\d{4})-(\d{2})(?:-(\d{2}))?\b`), cueDigit, cueYear, [2]int{0, 8}, func(m []string) *Expr {
		e := &Expr{Method: MethodExplicit, year: atoi(m[1]), month: atoi(m[2]), day: atoi(m[3]), Granularity: Day}
		if m[3] == "" {
			e.Granularity = Month
		}
		return e
	}},
	// Day month [year]: "26. Mai 2022", "26 Mai 2022", "3 de abril de 2023", "24. Februar", "3 April 2023".
	{regexp.MustCompile(`\b(\d{1,2})\.?\s+(?:de\s+)?(` + wordRe + `)\.?(?:,?\s+(?:de\s+|del\s+)?(\d{4})\b)?`), cueDigit | cueMonth, cueMonth, [2]int{12, 16}, func(m []string) *Expr {
		return dayMonth(m[1], m[2], m[3])
	}},
	// English month day[, year]: "April 3, 2023", "Sept. 16".
	{regexp.MustCompile(`\b(\p{Lu}\pL*)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?`), cueDigit | cueMonth, cueMonth, [2]int{0, 16}, func(m []string) *Expr {
		return dayMonth(m[2], m[1], m[3])
	}},
	// English ranges: "October 14-16, 2023", "May 3 to 5", "September 30 to October 2".
	{regexp.MustCompile(`\b(\p{Lu}\pL*)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:\s*[-–]\s*|\s+(?:to|and|through|until|till)\s+)(?:(\p{Lu}\pL*)\.?\s+)?(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?`), cueDigit | cueMonth, cueMonth, [2]int{0, 36}, func(m []string) *Expr {
		last := dayMonth(m[4], cmp.Or(m[3], m[1]), m[5])
		if last == nil {
			return nil
		}
		e := *last
		e.day = atoi(m[2])
		if e.month = monthOf(m[1]); e.month == 0 || (e.month == last.month && e.day >= last.day) {
			return nil
		}
		if e.month > last.month && e.year != 0 {
			e.year--
		}
		return &e
	}},
	// Month year: "Mai 2022", "abril de 2023", "December 2019".
	{regexp.MustCompile(`\b(` + wordRe + `)\s+(?:de\s+|del\s+)?(\d{4})\b`), cueDigit | cueMonth, cueMonth, [2]int{0, 12}, func(m []string) *Expr {
		if !fullMonth(m[1]) {
			return nil
		}
		return &Expr{Method: MethodExplicit, year: atoi(m[2]), month: monthOf(m[1]), Granularity: Month}
	}},
	// A month of a year named relative to the anchor's: "im März vergangenen Jahres", "im Mai des
	// Vorjahres", "en marzo del año pasado", "en mayo de este año", "in March last year".
	{regexp.MustCompile(`(?i)\b(?:(?:` + prefixRe + `)\s+)?(` + wordRe + `)\s+(?:(?:des\s+)?(vergangenen|letzten|vorigen|laufenden|dieses|kommenden|nächsten)\s+jahr(?:e?s)|des\s+(vorjahr)e?s|` +
		`(?:del|de)\s+(?:año\s+(pasado|anterior|próximo|proximo|que\s+viene)|(este|presente)\s+año)|(last|this|next)\s+year|` +
		`(de\s+(?:ese|aquel)\s+(?:mismo\s+)?año|del\s+mismo\s+año|(?:desselben|des\s+gleichen|jenes)\s+jahr(?:e?s)|(?:of\s+)?that\s+year|of\s+the\s+same\s+year))\b`), cueMonth | cueYearWord, cueYearWord, [2]int{48, 12}, func(m []string) *Expr {
		if !fullMonth(m[1]) {
			return nil
		}
		if m[7] != "" { // "en junio de ese año": the year spoken of last
			return &Expr{Method: MethodRelativeContext, month: monthOf(m[1]), unit: 'y', Granularity: Month}
		}
		e := &Expr{Method: MethodRelativeMonth, month: monthOf(m[1]), ofYear: true, Granularity: Month}
		switch w := strings.ToLower(m[2] + m[3] + m[4] + m[5] + m[6]); w {
		case "laufenden", "dieses", "este", "presente", "this":
		case "vorjahr", "anterior":
			e.shift = -1
		default:
			if strings.HasPrefix(w, "que") {
				e.shift = 1
			} else {
				e.shift = shiftOf(w)
			}
		}
		return e
	}},
	// Relative month: "im vergangenen Dezember", "el pasado diciembre", "diciembre pasado", "last December".
	{regexp.MustCompile(`(?i)\b(` + pastRe + `|` + nextRe + `)\s+(` + wordRe + `)`), cueShift | cueMonth, cueMonth, [2]int{16, 2}, func(m []string) *Expr {
		if !fullMonth(m[2]) {
			return nil
		}
		return &Expr{Method: MethodRelativeMonth, month: monthOf(m[2]), shift: shiftOf(m[1]), Granularity: Month}
	}},
	{regexp.MustCompile(`(?i)\b(` + wordRe + `)\s+(pasado|próximo|proximo)\b`), cueShift | cueMonth, cueMonth, [2]int{0, 10}, func(m []string) *Expr {
		if !fullMonth(m[1]) {
			return nil
		}
		return &Expr{Method: MethodRelativeMonth, month: monthOf(m[1]), shift: shiftOf(m[2]), Granularity: Month}
	}},
	// "vergangenen Monat", "el mes pasado", "last month".
	{regexp.MustCompile(`(?i)\b(?:(` + pastRe + `|` + nextRe + `)\s+(?:monat|month)|(?:el\s+)?mes\s+(pasado|próximo|proximo|que\s+viene))\b`), cueMonthWord, cueMonthWord, [2]int{16, 12}, func(m []string) *Expr {
		s := shiftOf(m[1] + m[2])
		if strings.HasPrefix(strings.ToLower(m[2]), "que") {
			s = 1
		}
		return &Expr{Method: MethodRelativeMonth, shift: s, Granularity: Month}
	}},
	// Weeks: "vergangene Woche", "in der nächsten Woche", "la semana pasada", "last week", "diese Woche".
	{regexp.MustCompile(`(?i)\b(?:(` + pastRe + `|` + nextRe + `|diese|dieser|this)\s+(?:woche|week)|(?:la\s+|esta\s+)?semana\s+(pasada|próxima|proxima|que\s+viene)|(esta)\s+semana)\b`), cueWeekWord, cueWeekWord, [2]int{16, 12}, func(m []string) *Expr {
		s := shiftOf(m[1] + m[2])
		if strings.HasPrefix(strings.ToLower(m[2]), "que") {
			s = 1
		}
		return &Expr{Method: MethodRelativeWeek, shift: s, Granularity: Week}
	}},
	// Holidays: "am Karfreitag", "el Viernes Santo", "on Christmas Eve", "an Ostern".
	{regexp.MustCompile(`(?i)\b(?:(?:am|an|el|on|zu|a)\s+)?(` + holidayRe + `)\b`), cueHoliday, cueHoliday, [2]int{16, 10}, func(m []string) *Expr {
		h := holidayOf(m[1])
		if h < 0 {
			return nil
		}
		return &Expr{Method: MethodExplicitNoYear, holiday: h + 1, Granularity: Day}
	}},
	// Weekdays: "am Montag", "am vergangenen Dienstag", "el pasado martes", "el martes pasado", "last Monday",
	// "on Friday", "am Sonntagabend".
	{regexp.MustCompile(`(?i)\b(?:(?:am|el|on|this|este)\s+)?(?:(` + pastRe + `|` + nextRe + `)\s+)?(` + wordRe + `)(?:\s+(pasado|próximo|proximo)\b)?`), cueWeekday, cueWeekday, [2]int{18, 10}, func(m []string) *Expr {
		if !mayWeekday(m[2]) {
			return nil // every word of the window comes here, most of them no weekday
		}
		var buf [24]byte
		w := lowerBytes(buf[:], m[2]) // strings.ToLower without allocating
		wd, ok := weekdays[string(w)]
		if !ok {
			if wd, ok = weekdayParts[string(w)]; !ok {
				return nil
			}
		}
		return &Expr{Method: MethodRelativeWeekday, weekday: wd, shift: shiftOf(m[1] + m[3]), Granularity: Day}
	}},
	// Counted spans back: "vor zwei Wochen", "hace dos semanas", "two weeks ago", "vor 3 Tagen", "hace un mes".
	{regexp.MustCompile(`(?i)\b(?:vor\s+(` + countRe + `)\s+(tag|tagen|woche|wochen|monat|monaten)|hace\s+(` + countRe + `)\s+(día|dia|días|dias|semana|semanas|mes|meses)|(` + countRe + `)\s+(day|days|week|weeks|month|months)\s+ago)\b`), cueCount, cueCount, [2]int{18, 18}, func(m []string) *Expr {
		n, unit := counted(m[1]+m[3]+m[5]), strings.ToLower(m[2]+m[4]+m[6])
		if n <= 0 {
			return nil
		}
		switch {
		case strings.HasPrefix(unit, "t"), strings.HasPrefix(unit, "d"):
			return &Expr{Method: MethodRelativeDay, shift: -n, Granularity: Day}
		case strings.HasPrefix(unit, "w"), strings.HasPrefix(unit, "s"):
			return &Expr{Method: MethodRelativeWeek, shift: -n, Granularity: Week}
		}
		return &Expr{Method: MethodRelativeMonth, shift: -n, Granularity: Month}
	}},
	// Day words: "heute", "ayer", "übermorgen", "esta mañana", "last night".
	{regexp.MustCompile(`(?i)\b(heute|today|hoy|gestern|yesterday|ayer|vorgestern|anteayer|übermorgen|tomorrow|anoche|tonight|` +
		`pasado\s+mañana|esta\s+mañana|mañana|morgen)\b`), cueDay, cueDay, [2]int{8, 0}, func(m []string) *Expr {
		s := 0
		switch w := strings.ToLower(m[1]); {
		case m[1] == "Morgen":
			return nil // the morning, not tomorrow
		case w == "gestern", w == "yesterday", w == "ayer", w == "anoche":
			s = -1
		case w == "vorgestern", w == "anteayer":
			s = -2
		case w == "morgen", w == "mañana", w == "tomorrow":
			s = 1
		case w == "übermorgen", strings.HasPrefix(w, "pasado"):
			s = 2
		}
		return &Expr{Method: MethodRelativeDay, shift: s, Granularity: Day}
	}},
	// Dates told from the one the text spoke of last: "tags darauf", "am selben Tag", "al día
	// siguiente", "the next day", "damals", "entonces", "im selben Monat".
	{regexp.MustCompile(`(?i)\b(?:tags\s+(darauf|danach|zuvor|davor)|am\s+(tag\s+danach|tag\s+darauf|tag\s+zuvor|folgenden\s+tag|nächsten\s+tag|darauffolgenden\s+tag|selben\s+tag|gleichen\s+tag|vortag|abend|nachmittag|vormittag|morgen)|` +
		`(?:im|am)\s+(?:selben|gleichen)\s+(monat)|(?:al|el)\s+día\s+(siguiente|anterior)|(?:el|ese|aquel)\s+(mismo)\s+(día|mes)|la\s+(víspera)|` +
		`(?:on\s+)?the\s+(next|following|previous|same)\s+(day|month)|(?:later|earlier)\s+(that)\s+(day|month)|that\s+(same)\s+(day|month)|` +
		`(damals|daraufhin|entonces))\b`), cueContext, cueContext, [2]int{10, 12}, contextual},
	// ... and counted from it: "zwei Tage später", "tres días después", "a week later".
	{regexp.MustCompile(`(?i)\b(` + countRe + `)\s+(tage?n?|wochen?|monate?n?|días?|dias?|semanas?|mese?s?|days?|weeks?|months?)\s+` +
		`(später|danach|darauf|zuvor|vorher|davor|después|despues|más\s+tarde|antes|later|earlier)\b`), cueLater, cueLater, [2]int{22, 0}, func(m []string) *Expr {
		n := counted(m[1])
		if n <= 0 {
			return nil
		}
		e := &Expr{Method: MethodRelativeContext, unit: 'd', Granularity: Day}
		switch u := strings.ToLower(m[2]); {
		case strings.HasPrefix(u, "w"), strings.HasPrefix(u, "s"):
			n *= 7
		case strings.HasPrefix(u, "m"):
			e.unit, e.Granularity = 'm', Month
		}
		switch strings.ToLower(m[3]) {
		case "zuvor", "vorher", "davor", "antes", "earlier":
			n = -n
		}
		e.shift = n
		return e
	}},
	// A month alone with its year from the anchor: "Ende Februar", "a finales de febrero", "im
	// Dezember"; with its year if one follows: "im Januar 2023", "en agosto de 2022".
	{regexp.MustCompile(`(?i)\b(?:(?:` + prefixRe + `)\s+|mid-)(` + wordRe + `)(?:\s+(?:de\s+|del\s+)?(\d{4})\b)?`), cueMonth, cueMonth, [2]int{18, 12}, func(m []string) *Expr {
		if !fullMonth(m[1]) {
			return nil
		}
		if m[2] != "" {
			return &Expr{Method: MethodExplicit, year: atoi(m[2]), month: monthOf(m[1]), Granularity: Month}
		}
		return &Expr{Method: MethodExplicitNoYear, month: monthOf(m[1]), Granularity: Month}
	}},
	// A year alone: "im Jahr 2023", "en 2023", "seit 2018".
	{regexp.MustCompile(`\b((?:19|20)\d{2})\b`), cueDigit, cueYear, [2]int{0, 0}, func(m []string) *Expr {
		return &Expr{Method: MethodExplicit, year: atoi(m[1]), Granularity: Year}
	}},
}

// dayMonth is the expression of a day, a month name and a year ("" if the
// text gives none); nil if mon is no month.
func dayMonth(day, mon, year string) *Expr {
	if monthOf(mon) == 0 {
		return nil
	}
	e := &Expr{Method: MethodExplicit, year: atoi(year), month: monthOf(mon), day: atoi(day), Granularity: Day}
	if year == "" {
		if !fullMonth(mon) {
			return nil
		}
		e.Method = MethodExplicitNoYear
	}
	return e
}

// rangeHeadRe is the start of a range of days before the day and month
// that end it: "14. bis", "30 de septiembre al", "from 14 to", "3 y el".
var rangeHeadRe = regexp.MustCompile(`(\d{1,2})\.?(?:\s+(?:de\s+)?(` + wordRe + `)\.?)?(?:\s*[-–]\s*|\s+(?:bis(?:\s+(?:zum|einschließlich))?|und|al|a|y|to|and|till|until|through)\s+)(?:(?:dem|den|el|the)\s+)?$`)

// rangeTails are what a match of rangeHeadRe may end with, but for \s:
// an article, a word of its separators or a dash.
var rangeTails = []string{"dem", "den", "el", "the", "bis", "zum", "einschließlich", "und", "al", "a", "y", "to", "and", "till", "until", "through", "-", "–"}

// mayEndRange reports whether rangeHeadRe may match s: its match ends at
// the end of s, so s ends, but for \s, as one of rangeTails does. Most
// day dates have no range before them, and this spares them the regular
// expression.
func mayEndRange(s string) bool {
	t := s
	for len(t) > 0 && isSpaceByte(t[len(t)-1]) {
		t = t[:len(t)-1]
	}
	for _, w := range rangeTails {
		if strings.HasSuffix(t, w) {
			return true
		}
	}
	return false
}

// rangeOf returns the range of days that e, a day and a month, ends ("vom
// 14. bis 16. Oktober", "el 3 y 4 de junio", "del 30 de septiembre al 2 de
// octubre", "from 14 to 16 October"), dated by its first day. It runs after
// the rules, on their rare day dates, rather than as a rule of its own: as
// a rule it would try every number of a text.
func rangeOf(text string, e *Expr) (Expr, bool) {
	if e.Granularity != Day || e.holiday != 0 || e.Start == 0 || text[e.Start] < '0' || text[e.Start] > '9' ||
		(e.Method != MethodExplicit && e.Method != MethodExplicitNoYear) {
		return Expr{}, false
	}
	from := max(0, e.Start-48)
	if !mayEndRange(text[from:e.Start]) {
		return Expr{}, false
	}
	loc := rangeHeadRe.FindStringSubmatchIndex(text[from:e.Start])
	if loc == nil {
		return Expr{}, false
	}
	start := from + loc[0]
	if r, _ := utf8.DecodeLastRuneInString(text[:start]); start > 0 && (unicode.IsDigit(r) || unicode.IsLetter(r)) {
		return Expr{}, false
	}
	first := *e
	first.day = atoi(text[from+loc[2] : from+loc[3]])
	if loc[4] >= 0 {
		if first.month = monthOf(text[from+loc[4] : from+loc[5]]); first.month == 0 {
			return Expr{}, false
		}
	}
	switch {
	case first.month == e.month && first.day >= e.day:
		return Expr{}, false // "3 y 2 de junio" is no range
	case first.month > e.month && first.year != 0:
		first.year-- // across the new year
	}
	if !plausible(&first) {
		return Expr{}, false
	}
	first.Start, first.Bound, first.lean = start, false, 0
	around(&first, text[max(0, start-lookBack):start], text[start:first.End], text[first.End:min(len(text), first.End+lookBack)])
	return first, true
}

// contextual makes the expressions told from the date the text spoke of
// last ([MethodRelativeContext]).
func contextual(m []string) *Expr {
	w := strings.ToLower(m[0])
	e := &Expr{Method: MethodRelativeContext, unit: 'd', Granularity: Day}
	switch {
	case m[14] != "": // damals, daraufhin, entonces: as precise as what it refers to
		e.unit, e.Granularity = 0, ""
		return e
	case strings.Contains(w, "monat"), strings.HasSuffix(w, "mes"), strings.HasSuffix(w, "month"):
		e.unit, e.Granularity = 'm', Month
		if strings.HasPrefix(w, "the next") || strings.HasPrefix(w, "the following") {
			e.shift = 1
		} else if strings.HasPrefix(w, "the previous") {
			e.shift = -1
		}
		return e
	}
	for _, s := range []string{"darauf", "danach", "folgenden", "nächsten", "siguiente", "next", "following"} {
		if strings.Contains(w, s) {
			e.shift = 1
			return e
		}
	}
	for _, s := range []string{"zuvor", "davor", "vortag", "anterior", "víspera", "previous"} {
		if strings.Contains(w, s) {
			e.shift = -1
			return e
		}
	}
	return e // the same day: "am selben Tag", "el mismo día", "am Abend", "later that day"
}

// maxGroups is the most submatches (the whole match included) a rule has.
var maxGroups = func() int {
	n := 0
	for _, r := range rules {
		n = max(n, r.re.NumSubexp()+1)
	}
	return n
}()

// ruleStarts are, for each of rules, the bytes a match may start with.
var ruleStarts = func() []*[256]bool {
	out := make([]*[256]bool, len(rules))
	for i, r := range rules {
		out[i] = firstBytes(r.re.String())
	}
	return out
}()

// firstBytes returns a superset of the bytes a match of expr may start
// with: the ASCII runes it may begin with, and every byte from 0x80 on if
// it may begin with another rune. A byte outside the set cannot start a
// match, and the byte before the first one in it cannot either.
func firstBytes(expr string) *[256]bool {
	var set [256]bool
	re, err := syntax.Parse(expr, syntax.Perl) // the flags regexp.Compile uses
	if err != nil || first(re.Simplify(), &set) {
		for b := range set { // may match the empty string: anywhere
			set[b] = true
		}
	}
	return &set
}

// first adds to set the first bytes of what re matches and reports
// whether re may match the empty string.
func first(re *syntax.Regexp, set *[256]bool) (empty bool) {
	nonASCII := func() {
		for b := utf8.RuneSelf; b < len(set); b++ {
			set[b] = true
		}
	}
	switch re.Op {
	case syntax.OpNoMatch:
		return false
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return true
		}
		r := re.Rune[0]
		if re.Flags&syntax.FoldCase != 0 {
			nonASCII() // (?i)k also matches U+212A, (?i)s U+017F
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				if f < utf8.RuneSelf {
					set[f] = true
				}
			}
		}
		if r < utf8.RuneSelf {
			set[r] = true
		} else {
			nonASCII()
		}
		return false
	case syntax.OpCharClass:
		for k := 0; k+1 < len(re.Rune); k += 2 {
			for r := re.Rune[k]; r <= re.Rune[k+1] && r < utf8.RuneSelf; r++ {
				set[r] = true
			}
			if re.Rune[k+1] >= utf8.RuneSelf {
				nonASCII()
			}
		}
		return false
	case syntax.OpCapture, syntax.OpPlus:
		return first(re.Sub[0], set)
	case syntax.OpStar, syntax.OpQuest:
		first(re.Sub[0], set)
		return true
	case syntax.OpRepeat:
		return first(re.Sub[0], set) || re.Min == 0
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !first(sub, set) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			empty = first(sub, set) || empty
		}
		return empty
	}
	for b := range set { // any character, or an operator unknown here
		set[b] = true
	}
	return false
}

// countRe is a small count in digits or words of the three languages.
const countRe = `\d{1,2}|einem|einer|ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|` +
	`un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|` +
	`a|an|one|two|three|four|five|six|seven|eight|nine|ten`

// countWords maps the count words of countRe to their value.
var countWords = map[string]int{
	"ein": 1, "einem": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
	"un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}

// counted is the value of a count of countRe; 0 if it is none.
func counted(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	return countWords[strings.ToLower(s)]
}

// fullMonth reports whether s is a full month name rather than an
// abbreviation ("Mar" is too often something else without a year).
func fullMonth(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			// (?i) of monthRe: a rune of a name's case-fold orbit.
			for m := range fullMonths {
				if foldWord(s, m) {
					return true
				}
			}
			return false
		}
	}
	var buf [24]byte
	return fullMonths[string(lowerBytes(buf[:], s))]
}

// Find returns the date expressions of text, in order and non-overlapping:
// where two overlap, the one that starts first wins, then the longer one.
func Find(text string) []Expr { return find(text, true, true) }

// Finder is Find for one goroutine that calls it over and over (the
// events timeline, a call a sentence): it keeps its buffers from one call
// to the next, where Find makes them anew.
type Finder struct {
	all   []Expr
	bufs  findBufs
	match matchBufs
}

// Find is [Find]; what it returns is valid until the next call.
func (f *Finder) Find(text string) []Expr {
	f.all = findIn(text, true, true, f.all[:0], &f.bufs, &f.match)
	return f.all
}

// Release drops what f's buffers hold of the last text (its submatches),
// keeping their room: a pooled Finder keeps no document alive.
func (f *Finder) Release() {
	clear(f.match.groups[:cap(f.match.groups)])
}

// findBufs are buffers of find that Find keeps on its stack.
type findBufs struct {
	spans []cueSpan
	win   [][2]int
}

// matchBufs are buffers of find that escape. groups holds a match's
// submatches; the rules' make functions keep none of them, so one buffer,
// made at the first match, serves all. loc, which the matchers fill,
// escapes through their function values: it too is made when a rule
// first runs, not for every text (most sentences hold no cue a rule
// needs).
type matchBufs struct {
	groups []string
	loc    []int
}

// anyByte lets every byte start a match: find without skipping, for tests.
var anyByte = func() (set [256]bool) {
	for b := range set {
		set[b] = true
	}
	return set
}()

// find is Find; skip enables skipping to where a rule's match may start,
// fast the hand-written matchers of fastRules (else the regular
// expressions run, for tests).
func find(text string, skip, fast bool) []Expr {
	var spanBuf [32]cueSpan
	var winBuf [16][2]int
	var match matchBufs
	all := findIn(text, skip, fast, nil, &findBufs{spans: spanBuf[:0], win: winBuf[:0]}, &match)
	return all
}

// rulesByAnchor holds, for each cue (by its bit), the rules anchored on
// it, as bits of a mask: find runs only the rules whose anchor a span of
// the text has (windows would give the others none), without going
// through every rule for every sentence.
var rulesByAnchor = func() (t [16]uint32) {
	if len(rules) > 32 {
		panic("dates: more rules than bits of rulesByAnchor")
	}
	for i, r := range rules {
		if r.anchor&cueDigit != 0 {
			panic("dates: a rule anchored on cueDigit, which cues gives no spans")
		}
		for b := range t {
			if r.anchor&(1<<b) != 0 {
				t[b] |= 1 << i
			}
		}
	}
	return t
}()

// findIn is find with the buffers given (grown there), appending to all;
// it returns the expressions.
func findIn(text string, skip, fast bool, all []Expr, b *findBufs, mb *matchBufs) []Expr {
	var have cue
	have, b.spans = cues(text, b.spans[:0])
	// The cues a span has are those the text has (cues gives a span for
	// each but cueDigit, on which no rule is anchored: rulesByAnchor
	// gives it none).
	var todo uint32
	for c := have; c != 0; c &= c - 1 {
		todo |= rulesByAnchor[bits.TrailingZeros16(uint16(c))]
	}
	for ; todo != 0; todo &= todo - 1 {
		i := bits.TrailingZeros32(todo)
		r := &rules[i]
		if have&r.needs != r.needs {
			continue
		}
		starts := ruleStarts[i]
		if !skip {
			starts = &anyByte
		}
		b.win = windows(text, b.spans, r.anchor, r.reach, b.win[:0])
		for _, w := range b.win {
			// A rejected match ("am Rande", "24 Soldaten") must not hide
			// one that starts inside it ("seit Ende Februar"): search on
			// from its second word.
			for pos := w[0]; pos < w[1]; {
				// Skip to the first byte a match may start with, keeping
				// the byte before it, on which \b at that start depends.
				from := pos
				for from < w[1] && !starts[text[from]] {
					from++
				}
				if from == w[1] {
					break
				}
				from = max(pos, from-1)
				var loc []int
				if f := fastRules[i]; fast && f != nil {
					if mb.loc == nil {
						mb.loc = make([]int, 2*maxGroups)
					}
					loc = f(text[from:w[1]], mb.loc)
				} else {
					loc = r.re.FindStringSubmatchIndex(text[from:w[1]])
				}
				if loc == nil {
					break
				}
				pos = from
				if mb.groups == nil {
					mb.groups = make([]string, maxGroups)
				}
				m := mb.groups[:len(loc)/2]
				for k := range m {
					m[k] = ""
					if loc[2*k] >= 0 {
						m[k] = text[pos+loc[2*k] : pos+loc[2*k+1]]
					}
				}
				start, end := pos+loc[0], pos+loc[1]
				var e *Expr
				if !lowerEnglishMonth(m) {
					e = r.make(m)
				}
				if e == nil || !plausible(e) || !around(e, text[max(0, start-lookBack):start], text[start:end], text[end:min(len(text), end+lookBack)]) {
					pos = nextWord(text, start, end)
					continue
				}
				e.Start, e.End = start, end
				all = append(all, *e)
				pos = max(end, start+1)
			}
		}
	}
	if len(all) == 0 { // most sentences
		return all
	}
	for i := range all {
		if e, ok := rangeOf(text, &all[i]); ok {
			all = append(all, e)
		}
	}
	slices.SortStableFunc(all, func(x, y Expr) int {
		return cmp.Or(cmp.Compare(x.Start, y.Start), cmp.Compare(y.End, x.End))
	})
	out := all[:0]
	end := -1
	for _, e := range all {
		if e.Start >= end {
			out = append(out, e)
			end = e.End
		}
	}
	return withWeekdays(text, out)
}

// withWeekdays joins each weekday that names the day of the calendar date
// right after it ("am Sonntag, 1. Mai", "el domingo 1 de mayo", "on
// Sunday, May 1") to that date: one expression, the date's, over both,
// which keeps the weekday to choose the year of a date without one. Apart,
// the weekday would resolve to the Sunday before the anchor, a day the
// text does not speak of.
func withWeekdays(text string, exprs []Expr) []Expr {
	out := exprs[:0]
	for i := 0; i < len(exprs); i++ {
		e := exprs[i]
		if i+1 < len(exprs) && e.Method == MethodRelativeWeekday && datesWeekday(exprs[i+1]) && weekdayGap(text[e.End:exprs[i+1].Start]) {
			d := exprs[i+1]
			d.Start, d.weekday, d.onWeekday = e.Start, e.weekday, true
			d.Bound = d.Bound || e.Bound
			if d.lean == 0 {
				d.lean = e.lean
			}
			out = append(out, d)
			i++
			continue
		}
		out = append(out, e)
	}
	return out
}

// datesWeekday reports whether a weekday before e may name e's day: e is
// a calendar day, not a holiday.
func datesWeekday(e Expr) bool {
	return e.Granularity == Day && e.holiday == 0 && (e.Method == MethodExplicit || e.Method == MethodExplicitNoYear)
}

// weekdayGap reports whether gap, the text between a weekday and a date,
// joins them into one: spaces, at most one comma, and the article German,
// Spanish and English put there ("Sonntag, den 1. Mai", "domingo, día
// 1", "Sunday the 1st"). A line break parts them.
func weekdayGap(gap string) bool {
	if len(gap) > len(", día ") {
		return false
	}
	commas := 0
	for w := range strings.FieldsSeq(strings.ReplaceAll(gap, ",", " , ")) {
		switch w {
		case ",":
			if commas++; commas > 1 {
				return false
			}
		case "den", "dem", "día", "the":
		default:
			return false
		}
	}
	return !strings.ContainsAny(gap, "\n\r")
}

// nextWord is where the word after the one at start begins, within end;
// end if there is none.
func nextWord(text string, start, end int) int {
	i := start
	for i < end && text[i] != ' ' && text[i] != '\n' {
		i++
	}
	for i < end && (text[i] == ' ' || text[i] == '\n') {
		i++
	}
	if i <= start {
		return start + 1
	}
	return i
}

// lowerEnglishMonth rejects "may"/"march" in lower case: a verb and a noun.
func lowerEnglishMonth(m []string) bool {
	for _, s := range m[1:] {
		if s == "may" || s == "march" || s == "mar" {
			return true
		}
	}
	return false
}

func plausible(e *Expr) bool {
	if e.holiday != 0 {
		return true
	}
	switch e.Method {
	case MethodExplicit:
		switch e.Granularity {
		case Day:
			return valid(e.year, e.month, e.day)
		case Month:
			return valid(e.year, e.month, 1)
		}
		return valid(e.year, 1, 1)
	case MethodExplicitNoYear:
		if e.Granularity == Day {
			return e.month >= 1 && e.day >= 1 && e.day <= 31
		}
		return e.month >= 1
	}
	return true
}

// lookBack is how many bytes before an expression before reads.
const lookBack = 32

// Words right before an expression, lower case, that make it a bound
// rather than when something happens ("bis zum 19. Oktober", "antes del
// lunes", "until May 3"), put it ahead ("für Anfang Dezember", "prevista
// para el miércoles", "scheduled for June", "el próximo 28 de mayo") or
// behind ("el pasado 2 de mayo"); that make "morgen", "mañana" a morning
// rather than tomorrow ("heute morgen", "por la mañana", "jeden Morgen"),
// and "damals", "entonces" no date ("el entonces ministro", "desde
// entonces", "eine damals unbekannte Lücke"). Keys of more than one word
// are the last words joined by a space.
var (
	boundWords = set("bis", "spätestens", "hasta", "until", "till", "by", "before", "after",
		"bis zum", "bis zur", "vor dem", "vor der", "nach dem", "nach der", "antes de", "antes del",
		"después de", "después del", "despues de", "despues del", "ahead of", "más tardar", "later than",
		"hasta el", "spätestens am", "tardar el", "bis am")
	aheadWords   = set("für", "para", "for", "próximo", "próxima", "proximo", "proxima", "kommenden", "nächsten", "next", "coming", "upcoming")
	articleWords = set("den", "die", "das", "el", "la", "the")
	behindWords  = set("pasado", "pasada", "vergangenen", "letzten", "last")
	morningWords = set("heute", "gestern", "am", "jeden", "den", "diesen", "vom", "guten", "la", "por", "cada", "de", "una", "toda", "esta", "pasado")
	notThenWords = set("el", "la", "los", "las", "del", "al", "desde", "hasta", "para",
		"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einen", "einem", "eines")
	// A count of days "before" or "after" something named after it is
	// told from that thing, not from the date spoken of last: "un día
	// después de conocerse la carta".
	thingEsRe = regexp.MustCompile(`^\s+(?:de|del|que)\b`)
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// Flags of a word (or two, joined by a space) before an expression in
// aroundFlags: the sets above it is in.
const (
	flagBound    uint8 = 1 << iota // boundWords
	flagAhead                      // aheadWords
	flagArticle                    // articleWords
	flagBehind                     // behindWords
	flagMorning                    // morningWords
	flagNotThen                    // notThenWords
	flagPairLast                   // the last word of a key of two words of boundWords
)

// aroundFlags holds, for each key of the sets above, the flags of the
// sets it is in: around looks the last word up once, not in each set.
var aroundFlags = func() map[string]uint8 {
	m := map[string]uint8{}
	for _, s := range []struct {
		set  map[string]bool
		flag uint8
	}{{boundWords, flagBound}, {aheadWords, flagAhead}, {articleWords, flagArticle}, {behindWords, flagBehind},
		{morningWords, flagMorning}, {notThenWords, flagNotThen}} {
		for w := range s.set {
			m[w] |= s.flag
			if s.flag == flagBound {
				if k := strings.LastIndexByte(w, ' '); k >= 0 {
					m[w[k+1:]] |= flagPairLast
				}
			}
		}
	}
	return m
}()

// lastWords returns the last two words of prefix in lower case, the last
// one first, appended to buf (a buffer of the caller's: a word of ASCII
// letters is lower-cased there without allocating); a word ends the
// prefix only if no more than spaces follow it. TestAround holds it, with
// around, to the reading with strings.ToLower and a look-up in each set.
func lastWords(prefix string, buf []byte) (last, before []byte) {
	end := len(prefix)
	var words [2][]byte
	for k := range words {
		for end > 0 && (prefix[end-1] == ' ' || prefix[end-1] == '\n' || prefix[end-1] == '\t') {
			end--
		}
		if k == 0 && end == len(prefix) {
			return nil, nil // glued to the word before
		}
		start := end
		for start > 0 {
			if b := prefix[start-1]; b < utf8.RuneSelf { // an ASCII rune is a letter if it is one of ASCII's
				if !('a' <= b|0x20 && b|0x20 <= 'z') {
					break
				}
				start--
				continue
			}
			r, n := utf8.DecodeLastRuneInString(prefix[:start])
			if !unicode.IsLetter(r) {
				break
			}
			start -= n
		}
		if start == end {
			break
		}
		n := len(buf)
		buf = appendLower(buf, prefix[start:end])
		words[k] = buf[n:len(buf):len(buf)]
		end = start
	}
	return words[0], words[1]
}

// appendLower appends strings.ToLower(w) to buf, without it for ASCII.
func appendLower(buf []byte, w string) []byte {
	n := len(buf)
	for i := 0; i < len(w); i++ {
		b := w[i]
		if b >= utf8.RuneSelf {
			return append(buf[:n], strings.ToLower(w)...)
		}
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		buf = append(buf, b)
	}
	return buf
}

// around reads the words before e (prefix, the text up to e's start) into
// e's bound and lean, and reports whether e, whose text is match and which
// suffix follows, is a date at all there.
func around(e *Expr, prefix, match, suffix string) bool {
	var buf [2*lookBack + 16]byte
	last, before := lastWords(prefix, buf[:0])
	fl := aroundFlags[string(last)]
	switch e.Method {
	case MethodRelativeDay:
		if e.shift == 1 && fl&flagMorning != 0 {
			return false
		}
	case MethodRelativeContext:
		if e.Granularity == "" && fl&flagNotThen != 0 {
			return false
		}
		switch match[strings.LastIndexAny(match, " \n\t")+1:] {
		case "después", "despues", "antes":
			if thingEsRe.MatchString(suffix) {
				return false
			}
		}
	}
	if len(last) == 0 {
		return true
	}
	e.Bound = fl&flagBound != 0
	if !e.Bound && fl&flagPairLast != 0 {
		var pair [2*lookBack + 16]byte
		e.Bound = aroundFlags[string(append(append(append(pair[:0], before...), ' '), last...))]&flagBound != 0
	}
	switch {
	case fl&flagAhead != 0 || fl&flagArticle != 0 && aroundFlags[string(before)]&flagAhead != 0:
		e.lean = 1
	case fl&flagBehind != 0:
		e.lean = -1
	}
	return true
}
