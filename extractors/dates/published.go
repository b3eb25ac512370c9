package dates

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// headLines is how many lines of a text's start [Published] looks at.
const headLines = 15

var (
	// " date 2023-04" — a metadata line some scrapers put first.
	dateLineRe = regexp.MustCompile(`^\s*(?:date|datum|fecha)[:\s]\s*(\d{4}-\d{2}(?:-\d{2})?)\b`)
	// The label of such a line, up to where its date starts.
	metaLabelRe = regexp.MustCompile(`^\s*(?i:date|datum|fecha)\s*:?\s*$`)
	// A line that is nothing but a date with a clock time: "26 Mai 2022, 18:28", "07:30 07 Dezember 2019".
	clockRe = regexp.MustCompile(`^\d{1,2}:\d{2}$`)
	// An embedded tweet's footer: "— Canal Caribe (@CanalCaribeCuba) April 3, 2023".
	tweetFooterRe = regexp.MustCompile(`[—–-]\s+[^—–\n]{1,80}\(@\w{1,30}\)\s+`)
)

// Published derives a publication date from the head of a text, for
// documents that come without one. It accepts two kinds of evidence, in
// this order: a metadata line "date YYYY-MM[-DD]" among the first lines,
// and a line that holds nothing but a full date with a clock time ("26 Mai
// 2022, 18:28", "07:30 07 Dezember 2019") — the time is what tells an
// article's timestamp from a crawl date or a calendar widget ("Samstag, 29
// Juni 2024"). When the result is known only to the month, the date of an
// embedded tweet's footer in that same month refines it to the day: the
// article cannot be older than the tweet it quotes, and news embeds
// tweets of the day. ok is false when there is no such evidence.
func Published(text string) (Anchor, bool) {
	// The first headLines lines, as strings.SplitN(text, "\n",
	// headLines+1) cut to headLines gives them, without the slice: head
	// holds headLines-1 newlines at most.
	head := text[:headEnd(text)]
	// One pass: a metadata line anywhere in the head wins over a clock
	// line, so the first clock line's date waits for the end of the head.
	var clock Anchor
	clocked := false
	for line := range strings.SplitSeq(head, "\n") {
		if mayDateLine(line) {
			if m := dateLineRe.FindStringSubmatch(line); m != nil {
				if a, err := ParseAnchor(m[1]); err == nil {
					return refine(text, a), true
				}
			}
		}
		if !clocked {
			clock, clocked = clockDateLine(line)
		}
	}
	if clocked {
		return refine(text, clock), true
	}
	return Anchor{}, false
}

// headEnd is where the headLines-th line of text ends (at its newline),
// or len(text) if it has no more lines than that.
func headEnd(text string) int {
	end := -1 // the newline that ends the line before
	for range headLines {
		j := strings.IndexByte(text[end+1:], '\n')
		if j < 0 {
			return len(text)
		}
		end += 1 + j
	}
	return end
}

// mayDateLine reports whether line may match dateLineRe: after the bytes
// \s matches, it must start with the "d" of "date", "datum" or the "f" of
// "fecha" (the expression is case-sensitive). Most lines do not, and
// Published runs the expression only on those that do.
func mayDateLine(line string) bool {
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\t', '\n', '\f', '\r', ' ': // reSpace
		case 'd', 'f':
			return true
		default:
			return false
		}
	}
	return false
}

// Metadata reports whether the date expression e of text is the value of
// a metadata label that opens its line (" date 2023-04 Titel", "Datum:
// 2024-01-12"): a scraper's record of the page date, not a date the
// sentence states, so an event must not take it as its own.
func Metadata(text string, e Expr) bool {
	if e.Start < 0 || e.Start > len(text) {
		return false
	}
	// The line's start, looked for back from e no further than a label
	// may reach: metaLabel allows no more than "datum:", six bytes, and
	// spaces (no rune beyond ASCII folds to a letter of the labels), and
	// a line of prose before a date would be read back to its start.
	// TestMetadata holds it to reading the whole line.
	lineStart, n := e.Start, 0
	for lineStart > 0 && text[lineStart-1] != '\n' {
		if lineStart--; !isSpaceByte(text[lineStart]) { // the bytes of reSpace
			if n++; n > len("datum:") {
				return false
			}
		}
	}
	return metaLabel(text[lineStart:e.Start])
}

// metaLabel is metaLabelRe.MatchString(s) without the regular expression,
// which Metadata would run on the line before every date of a text:
// spaces, the label in any case, spaces, perhaps a colon, spaces. No rune
// outside ASCII folds to a letter of the labels. TestMetaLabel holds it
// to the expression.
func metaLabel(s string) bool {
	s = strings.TrimLeft(s, reSpace)
	s = strings.TrimRight(s, reSpace)
	s = strings.TrimSuffix(s, ":")
	s = strings.TrimRight(s, reSpace)
	return strings.EqualFold(s, "date") || strings.EqualFold(s, "datum") || strings.EqualFold(s, "fecha")
}

// reSpace are the bytes \s matches.
const reSpace = "\t\n\f\r "

// clockDateLine reports the date of a line made of one explicit day date
// and a clock time, in either order, and nothing else but commas.
func clockDateLine(line string) (Anchor, bool) {
	if !hasDigitColonDigit(line) { // (TrimSpace cuts no digit or colon)
		return Anchor{}, false // no clock time, and Find is the costly part
	}
	line = strings.TrimSpace(line)
	exprs := Find(line)
	if len(exprs) != 1 || exprs[0].Method != MethodExplicit || exprs[0].Granularity != Day {
		return Anchor{}, false
	}
	e := exprs[0]
	rest := strings.Trim(line[:e.Start]+" "+line[e.End:], " ,")
	if !clockRe.MatchString(strings.TrimSpace(rest)) {
		return Anchor{}, false
	}
	return Anchor{Year: e.year, Month: e.month, Day: e.day}, true
}

// hasDigitColonDigit reports whether s holds an ASCII digit, a colon and
// an ASCII digit in a row, as every line whose rest matches clockRe does.
func hasDigitColonDigit(s string) bool {
	// From colon to colon by IndexByte (Published asks it of the first
	// lines of every document without a date, often long paragraphs);
	// TestHasDigitColonDigit holds it to the byte loop.
	for i := 1; i+1 < len(s); i++ {
		j := strings.IndexByte(s[i:len(s)-1], ':')
		if j < 0 {
			return false
		}
		if i += j; isDigit(s[i-1]) && isDigit(s[i+1]) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// footerReach is how far around its "(@" a tweet footer may reach, in
// bytes: a dash, a name of up to 80 runes, the handle.
const footerReach = 4*80 + 48

// Footer is an embedded tweet's footer ("— Canal Caribe (@CanalCaribeCuba)
// April 3, 2023"): Start is where its dash is, Date the day it gives.
type Footer struct {
	Start, End int
	Date       Anchor
}

// Footers returns the tweet footers of text that give a full day, in
// order. A tweet's relative dates ("hoy", "today") speak of the tweet's
// day, not of the article's.
func Footers(text string) []Footer {
	var out []Footer
	// The expression runs only on a window before each "(@": run over a
	// whole text it tries every dash.
	for from := 0; ; {
		at := strings.Index(text[from:], "(@")
		if at < 0 {
			break
		}
		at += from
		from = at + 2
		start := max(0, at-footerReach)
		for start > 0 && !utf8.RuneStart(text[start]) {
			start--
		}
		end := min(len(text), at+footerReach)
		for end < len(text) && !utf8.RuneStart(text[end]) {
			end++
		}
		var loc []int
		for _, l := range footerMatches(text[start:end]) {
			if start+l[1] > at && start+l[0] < at {
				loc = []int{start + l[0], start + l[1]}
			}
		}
		if loc == nil || (len(out) > 0 && out[len(out)-1].Start == loc[0]) {
			continue
		}
		tail := text[loc[1]:min(len(text), loc[1]+40)]
		exprs := Find(tail)
		if len(exprs) == 0 || exprs[0].Start != 0 || exprs[0].Method != MethodExplicit || exprs[0].Granularity != Day {
			continue
		}
		e := exprs[0]
		out = append(out, Footer{Start: loc[0], End: loc[1] + e.End, Date: Anchor{Year: e.year, Month: e.month, Day: e.day}})
	}
	return out
}

// footerAt is tweetFooterRe anchored at its start.
var footerAt = regexp.MustCompile(`^(?:` + tweetFooterRe.String() + `)`)

// footerMatches is tweetFooterRe.FindAllStringIndex(s, -1): the expression
// runs, anchored, only where a match may start, at a dash followed by a
// space, rather than from every byte of s (a leftmost match is the
// anchored match at the first start that has one). TestFooterMatches
// holds it to the expression.
func footerMatches(s string) [][2]int {
	var out [][2]int
	for pos := 0; pos < len(s); {
		d := dashSpace(s, pos)
		if d < 0 {
			break
		}
		l := footerAt.FindStringIndex(s[d:])
		if l == nil {
			pos = d + 1
			continue
		}
		out = append(out, [2]int{d, d + l[1]})
		pos = d + l[1]
	}
	return out
}

// dashSpace returns the first offset from pos of s where a dash of
// tweetFooterRe ("—", "–", "-") is followed by a byte \s matches, or -1.
// It goes from one '-' or 0xE2 (the first byte of "—" and "–") to the
// next by IndexByte, not byte by byte. TestDashSpace holds it to the byte
// loop.
func dashSpace(s string, pos int) int {
	hyphen, e2 := pos-1, pos-1 // the next '-' and 0xE2 from i on, once looked for
	for i := pos; i < len(s); i++ {
		if hyphen < i {
			hyphen = indexFrom(s, i, '-')
		}
		if e2 < i {
			e2 = indexFrom(s, i, 0xE2)
		}
		if i = min(hyphen, e2); i == len(s) {
			break
		}
		n := 1
		if s[i] != '-' {
			if !strings.HasPrefix(s[i:], "—") && !strings.HasPrefix(s[i:], "–") {
				continue
			}
			n = 3
		}
		if i+n < len(s) && isSpaceByte(s[i+n]) { // the bytes of reSpace
			return i
		}
	}
	return -1
}

// indexFrom is the offset of the first b in s from i on; len(s) if none.
func indexFrom(s string, i int, b byte) int {
	if j := strings.IndexByte(s[i:], b); j >= 0 {
		return i + j
	}
	return len(s)
}

// refine narrows a month-precision anchor to the day of a tweet footer of
// the same month.
func refine(text string, a Anchor) Anchor {
	if a.Day != 0 || a.Month == 0 {
		return a
	}
	for _, f := range Footers(text) {
		if f.Date.Year == a.Year && f.Date.Month == a.Month {
			a.Day = f.Date.Day
			return a
		}
	}
	return a
}
