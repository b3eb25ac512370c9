package dates

import (
	"regexp"
	"regexp/syntax"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
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
	pastOnly  = regexp.MustCompile(`^(?:` + pastRe + `)$`)
	nextOnly  = regexp.MustCompile(`^(?:` + nextRe + `)$`)
	monthOnly = regexp.MustCompile(`^(?i:` + monthRe + `)$`)
)

func shiftOf(mod string) int {
	mod = strings.ToLower(mod)
	switch {
	case mod == "":
		return 0
	case pastOnly.MatchString(mod):
		return -1
	case nextOnly.MatchString(mod):
		return 1
	}
	return 0
}

// rule is one pattern with the function that turns its submatches into an
// expression (nil: not a date after all).
type rule struct {
	re   *regexp.Regexp
	make func(m []string) *Expr
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
	cueCount // vor, hace, ago
	cueDay   // heute, ayer, yesterday …
)

// ruleNeeds are the cues a text must hold for each of rules, in their
// order, to possibly match.
var ruleNeeds = []cue{
	cueDigit,            // ISO
	cueDigit | cueMonth, // day month [year]
	cueDigit | cueMonth, // Month day[, year]
	cueDigit | cueMonth, // month year
	cueShift | cueMonth, // im vergangenen Dezember
	cueShift | cueMonth, // diciembre pasado
	cueMonthWord,        // vergangenen Monat, el mes pasado
	cueWeekWord,         // vergangene Woche
	cueWeekday,          // am Montag
	cueCount,            // vor zwei Wochen
	cueDay,              // heute, ayer
	cueMonth,            // Ende Februar
	cueDigit,            // 2023
}

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
	for _, w := range []string{"heute", "today", "hoy", "gestern", "yesterday", "ayer", "vorgestern", "anteayer"} {
		m[w] |= cueDay
	}
	return m
}()

// maxCueLen is the byte length of the longest cue word: a longer word is
// not looked up.
var maxCueLen = func() int {
	n := 0
	for w := range cueWords {
		n = max(n, len(w))
	}
	return n
}()

// cueStarts marks the first two bytes of every cue word: most words of
// a text are no cue words, and cues rejects them without hashing.
var cueStarts = func() *[1 << 16]bool {
	var set [1 << 16]bool
	for w := range cueWords {
		if len(w) >= 2 {
			set[int(w[0])<<8|int(w[1])] = true
		}
	}
	return &set
}()

// cueSpan is a cue word or a run of digits of a text.
type cueSpan struct {
	start, end int
	c          cue
}

// cueYear marks a run of exactly four digits.
const cueYear cue = 1 << 8

// ruleAnchor is, for each of rules, the cue whose spans its matches
// contain: the regular expression runs only on windows around them.
var ruleAnchor = []cue{cueYear, cueMonth, cueMonth, cueMonth, cueMonth, cueMonth, cueMonthWord, cueWeekWord, cueWeekday, cueCount, cueDay, cueMonth, cueYear}

// window is how many bytes around a cue a date expression may reach.
const window = 40

// cues returns the cues text holds and where, in one pass.
func cues(text string) (cue, []cueSpan) {
	var c cue
	var spans []cueSpan
	var buf [24]byte
	n, long, ws := 0, false, 0
	digits, ds := 0, 0
	flush := func(at int) {
		if n > 0 && !long && (n < 2 || cueStarts[int(buf[0])<<8|int(buf[1])]) {
			if k := cueWords[string(buf[:n])]; k != 0 {
				c |= k
				spans = append(spans, cueSpan{ws, at, k})
			}
		}
		n, long = 0, false
		if digits > 0 {
			c |= cueDigit
			if digits == 4 {
				c |= cueYear
				spans = append(spans, cueSpan{ds, at, cueYear})
			}
		}
		digits = 0
	}
	for i, r := range text {
		switch {
		case r >= '0' && r <= '9':
			if n > 0 {
				flush(i)
			}
			if digits == 0 {
				ds = i
			}
			digits++
		case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'):
			// ASCII letters, most of the text, without the Unicode tables.
			if digits > 0 {
				flush(i)
			}
			if n == 0 {
				ws = i
			}
			if n+1 > maxCueLen {
				long = true // no cue word is this long
				continue
			}
			buf[n] = byte(r) | 0x20 // lower case
			n++
		case r >= utf8.RuneSelf && unicode.IsLetter(r):
			if digits > 0 {
				flush(i)
			}
			if n == 0 {
				ws = i
			}
			r = unicode.ToLower(r)
			if n+utf8.RuneLen(r) > maxCueLen {
				long = true
				continue
			}
			n += utf8.EncodeRune(buf[n:], r)
		default:
			flush(i)
		}
	}
	flush(len(text))
	return c, spans
}

// windows returns the stretches of text, from and to word boundaries,
// within window bytes of a span of cue c; merged, in order.
func windows(text string, spans []cueSpan, c cue) [][2]int {
	var out [][2]int
	for _, sp := range spans {
		if sp.c&c == 0 {
			continue
		}
		a, b := max(0, sp.start-window), min(len(text), sp.end+window)
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

func monthOf(s string) int { return months[strings.TrimSuffix(strings.ToLower(s), ".")] }

var rules = []rule{
	// ISO: 2023-04-03, 2023-04 (not inside longer numbers or ranges).
	{regexp.MustCompile(`\b(\d{4})-(\d{2})(?:-(\d{2}))?\b`), func(m []string) *Expr {
		e := &Expr{Method: MethodExplicit, year: atoi(m[1]), month: atoi(m[2]), day: atoi(m[3]), Granularity: Day}
		if m[3] == "" {
			e.Granularity = Month
		}
		return e
	}},
	// Day month [year]: "26. Mai 2022", "26 Mai 2022", "3 de abril de 2023", "24. Februar", "3 April 2023".
	{regexp.MustCompile(`\b(\d{1,2})\.?\s+(?:de\s+)?(` + wordRe + `)\.?(?:,?\s+(?:de\s+|del\s+)?(\d{4})\b)?`), func(m []string) *Expr {
		if monthOf(m[2]) == 0 {
			return nil
		}
		e := &Expr{Method: MethodExplicit, year: atoi(m[3]), month: monthOf(m[2]), day: atoi(m[1]), Granularity: Day}
		if m[3] == "" {
			if !fullMonth(m[2]) {
				return nil
			}
			e.Method = MethodExplicitNoYear
		}
		return e
	}},
	// English month day[, year]: "April 3, 2023", "Sept. 16".
	{regexp.MustCompile(`\b(\p{Lu}\pL*)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?`), func(m []string) *Expr {
		if monthOf(m[1]) == 0 {
			return nil
		}
		e := &Expr{Method: MethodExplicit, year: atoi(m[3]), month: monthOf(m[1]), day: atoi(m[2]), Granularity: Day}
		if m[3] == "" {
			e.Method = MethodExplicitNoYear
		}
		return e
	}},
	// Month year: "Mai 2022", "abril de 2023", "December 2019".
	{regexp.MustCompile(`\b(` + wordRe + `)\s+(?:de\s+|del\s+)?(\d{4})\b`), func(m []string) *Expr {
		if !fullMonth(m[1]) {
			return nil
		}
		return &Expr{Method: MethodExplicit, year: atoi(m[2]), month: monthOf(m[1]), Granularity: Month}
	}},
	// Relative month: "im vergangenen Dezember", "el pasado diciembre", "diciembre pasado", "last December".
	{regexp.MustCompile(`(?i)\b(` + pastRe + `|` + nextRe + `)\s+(` + wordRe + `)`), func(m []string) *Expr {
		if !fullMonth(m[2]) {
			return nil
		}
		return &Expr{Method: MethodRelativeMonth, month: monthOf(m[2]), shift: shiftOf(m[1]), Granularity: Month}
	}},
	{regexp.MustCompile(`(?i)\b(` + wordRe + `)\s+(pasado|próximo|proximo)\b`), func(m []string) *Expr {
		if !fullMonth(m[1]) {
			return nil
		}
		return &Expr{Method: MethodRelativeMonth, month: monthOf(m[1]), shift: shiftOf(m[2]), Granularity: Month}
	}},
	// "vergangenen Monat", "el mes pasado", "last month".
	{regexp.MustCompile(`(?i)\b(?:(` + pastRe + `|` + nextRe + `)\s+(?:monat|month)|(?:el\s+)?mes\s+(pasado|próximo|proximo|que\s+viene))\b`), func(m []string) *Expr {
		s := shiftOf(m[1] + m[2])
		if strings.HasPrefix(strings.ToLower(m[2]), "que") {
			s = 1
		}
		return &Expr{Method: MethodRelativeMonth, shift: s, Granularity: Month}
	}},
	// Weeks: "vergangene Woche", "in der nächsten Woche", "la semana pasada", "last week", "diese Woche".
	{regexp.MustCompile(`(?i)\b(?:(` + pastRe + `|` + nextRe + `|diese|dieser|this)\s+(?:woche|week)|(?:la\s+|esta\s+)?semana\s+(pasada|próxima|proxima|que\s+viene)|(esta)\s+semana)\b`), func(m []string) *Expr {
		s := shiftOf(m[1] + m[2])
		if strings.HasPrefix(strings.ToLower(m[2]), "que") {
			s = 1
		}
		return &Expr{Method: MethodRelativeWeek, shift: s, Granularity: Week}
	}},
	// Weekdays: "am Montag", "am vergangenen Dienstag", "el pasado martes", "el martes pasado", "last Monday", "on Friday".
	{regexp.MustCompile(`(?i)\b(?:(?:am|el|on|this|este)\s+)?(?:(` + pastRe + `|` + nextRe + `)\s+)?(` + wordRe + `)(?:\s+(pasado|próximo|proximo)\b)?`), func(m []string) *Expr {
		wd, ok := weekdays[strings.ToLower(m[2])]
		if !ok {
			return nil
		}
		return &Expr{Method: MethodRelativeWeekday, weekday: wd, shift: shiftOf(m[1] + m[3]), Granularity: Day}
	}},
	// Counted spans back: "vor zwei Wochen", "hace dos semanas", "two weeks ago", "vor 3 Tagen", "hace un mes".
	{regexp.MustCompile(`(?i)\b(?:vor\s+(` + countRe + `)\s+(tag|tagen|woche|wochen|monat|monaten)|hace\s+(` + countRe + `)\s+(día|dia|días|dias|semana|semanas|mes|meses)|(` + countRe + `)\s+(day|days|week|weeks|month|months)\s+ago)\b`), func(m []string) *Expr {
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
	// Day words.
	{regexp.MustCompile(`(?i)\b(heute|today|hoy|gestern|yesterday|ayer|vorgestern|anteayer)\b`), func(m []string) *Expr {
		s := 0
		switch strings.ToLower(m[1]) {
		case "gestern", "yesterday", "ayer":
			s = -1
		case "vorgestern", "anteayer":
			s = -2
		}
		return &Expr{Method: MethodRelativeDay, shift: s, Granularity: Day}
	}},
	// A month alone with its year from the anchor: "Ende Februar", "a finales de febrero", "im Dezember".
	{regexp.MustCompile(`(?i)\b(?:(?:ende|anfang|mitte|im|seit|finales\s+de|principios\s+de|mediados\s+de|en|late|early|mid|in)\s+)(` + wordRe + `)`), func(m []string) *Expr {
		if !fullMonth(m[1]) {
			return nil
		}
		return &Expr{Method: MethodExplicitNoYear, month: monthOf(m[1]), Granularity: Month}
	}},
	// A year alone: "im Jahr 2023", "en 2023", "seit 2018".
	{regexp.MustCompile(`\b((?:19|20)\d{2})\b`), func(m []string) *Expr {
		return &Expr{Method: MethodExplicit, year: atoi(m[1]), Granularity: Year}
	}},
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
	return monthOnly.MatchString(s)
}

// Find returns the date expressions of text, in order and non-overlapping:
// where two overlap, the one that starts first wins, then the longer one.
func Find(text string) []Expr { return find(text, true) }

// anyByte lets every byte start a match: find without skipping, for tests.
var anyByte = func() (set [256]bool) {
	for b := range set {
		set[b] = true
	}
	return set
}()

// find is Find; skip enables skipping to where a rule's match may start.
func find(text string, skip bool) []Expr {
	var all []Expr
	have, spans := cues(text)
	// groups holds a match's submatches; the rules' make functions keep
	// none of them, so one buffer, made at the first match, serves all.
	var groups []string
	for i, r := range rules {
		if have&ruleNeeds[i] != ruleNeeds[i] {
			continue
		}
		starts := ruleStarts[i]
		if !skip {
			starts = &anyByte
		}
		for _, w := range windows(text, spans, ruleAnchor[i]) {
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
				loc := r.re.FindStringSubmatchIndex(text[from:w[1]])
				if loc == nil {
					break
				}
				pos = from
				if groups == nil {
					groups = make([]string, maxGroups)
				}
				m := groups[:len(loc)/2]
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
				if e == nil || !plausible(e) {
					pos = nextWord(text, start, end)
					continue
				}
				e.Start, e.End = start, end
				all = append(all, *e)
				pos = max(end, start+1)
			}
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].Start != all[j].Start {
			return all[i].Start < all[j].Start
		}
		return all[i].End > all[j].End
	})
	out := all[:0]
	end := -1
	for _, e := range all {
		if e.Start >= end {
			out = append(out, e)
			end = e.End
		}
	}
	return out
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
