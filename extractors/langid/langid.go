// Package langid finds the language of a news document and the runs in it
// that are in another configured language ("segments").
//
// It is a cascade, because lingua on every sentence would cap the pipeline
// near 0.3 MB/s per core:
//
//   - The document language comes from counts of function words that belong
//     to exactly one configured language, when they are at least three and
//     a share of the text's words that French, Italian, Polish… text does
//     not reach ([coverageGate]). Below it, whatlanggo over all its 84
//     languages decides whether the text is in a configured language at
//     all; if not, the document is [Und] (SPEC section 3), confirmed by a
//     small lingua detector where whatlanggo is weak (short texts, Catalan).
//     Otherwise, with fewer than three function words, whatlanggo
//     (restricted to the configured languages) decides, and lingua only
//     when whatlanggo is not reliable.
//   - Per sentence, the same counts, the spelling of single words and the
//     position of connector phrases pick candidates; lingua (built once per
//     process, from the configured languages only, high-accuracy mode, with
//     a minimum relative distance of 0.25) confirms each candidate or, by
//     answering Unknown, drops it. Text without evidence stays in the
//     document language: bylines, names, URLs and photo credits never become
//     segments. A sentence in a language that is not configured (a French
//     quote that looks Spanish) is no segment, and an und document has none.
//
// Guarantees: segments are in text order, do not overlap, never contain the
// document language, have trimmed, non-empty spans on rune boundaries, and
// adjacent sentences in the same language are merged into one segment.
// Every rule is about language in general (function words, spelling, the
// English "Month D, YYYY" date); none knows a particular text.
//
// Function-word lists exist for de, es and en (data/*.txt); other configured
// languages are still candidates for lingua's document decision but yield no
// segments of their own.
//
// lingua runs in high-accuracy mode, decided by measurement: low-accuracy
// mode calls the English "coincides" Spanish with 0.77 where high accuracy
// answers Unknown; a whole gazex-like process on one seed file starts in
// 0.13-1.2 s with 16-130 MB RSS (the upper end when a single word makes
// lingua decode its n-gram models of all sizes), within 1.5 s and 400 MB.
//
// A [Detector] holds no per-call state and is safe for concurrent use:
// lingua's detector is an immutable value over process-wide sync.Map model
// caches, and whatlanggo only reads package-level tables.
package langid

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/pemistahl/lingua-go"

	"github.com/gazex/gazex/extractors/sentences"
	"github.com/gazex/gazex/third_party/whatlanggo"
)

// DefaultLanguages are the languages gazex considers unless configured
// otherwise.
var DefaultLanguages = []string{"de", "es", "en"}

// minimumRelativeDistance is the gap lingua's best language must keep to the
// second best; below it lingua answers Unknown, which is what it does for
// names and noise lines.
const minimumRelativeDistance = 0.25

// Segment is a run of text in a language other than the document's.
type Segment struct {
	// Lang is the ISO 639-1 code of the run.
	Lang string
	// Confidence is lingua's confidence in Lang for the segment text among
	// the configured languages, in [0,1]; the length-weighted mean for
	// merged sentences; 0.9, set by hand, for the English date form, which
	// lingua cannot judge.
	Confidence float64
	// Start and End are byte offsets into the normalised text, half-open.
	Start, End int
}

// Detector detects document and segment languages. Build it once with
// [New]; it is safe for concurrent use.
type Detector struct {
	langs []string
	lex   *lexicon
	wl    whatlanggo.Options
	// runOptions restrict whatlanggo to the configured languages and
	// runNeighbours, for unsupportedRun.
	runOptions whatlanggo.Options
	// lingua builds lingua's detector on first use (nil with a single
	// language). It does not preload: a text of 120 letters or more needs
	// only the trigram models, loaded by trigrams; a shorter one the models
	// of all five sizes (for de, es and en, from gazex's copy of lingua,
	// ~0.05 s of CPU and ~25 MB; upstream's for other languages take
	// ~0.2 s a language), loaded by allModels; most documents need none.
	// Loading through these two once functions, rather than leaving it to
	// lingua, keeps two workers that ask at the same time from decoding
	// the same models twice.
	lingua              func() linguaDetector
	trigrams, allModels func()
	calls               atomic.Int64
	hasEnDoc            bool // "en" is configured: the English date rule may fire
	de                  int  // the index of "de" in langs, or -1
}

// New returns a Detector for langs, ISO 639-1 codes lingua knows (nil or
// empty means [DefaultLanguages]). It loads nothing: lingua's models (once
// per process, each n-gram size when a text first needs it: for de, es and
// en at most about 0.05 s of CPU and 25 MB) are loaded by the first call
// that needs lingua,
// and a document whose function words decide its language and that has
// no candidate foreign run never needs them. Loading them up front in the
// background, as gazex once did, made every short run pay for them and
// held the memory whether or not a document asked.
func New(langs []string) (*Detector, error) {
	if len(langs) == 0 {
		langs = DefaultLanguages
	}
	d := &Detector{wl: whatlanggo.Options{Whitelist: map[whatlanggo.Lang]bool{}}}
	var ll []lingua.Language
	for _, code := range langs {
		code = strings.ToLower(strings.TrimSpace(code))
		iso := lingua.GetIsoCode639_1FromValue(code)
		if iso == lingua.UnknownIsoCode639_1 {
			return nil, fmt.Errorf("langid: unknown language code %q", code)
		}
		if slices.Contains(d.langs, code) {
			continue
		}
		d.langs = append(d.langs, code)
		ll = append(ll, lingua.GetLanguageFromIsoCode639_1(iso))
		for wl := range whatlanggo.Langs {
			if wl.Iso6391() == code {
				d.wl.Whitelist[wl] = true
			}
		}
		if code == "en" {
			d.hasEnDoc = true
		}
	}
	d.de = slices.Index(d.langs, "de")
	d.lex = newLexicon(d.langs)
	d.runOptions = whatlanggo.Options{Whitelist: maps.Clone(d.wl.Whitelist)}
	for _, l := range runNeighbours {
		d.runOptions.Whitelist[l] = true
	}
	// lingua: gazex's copy for de, es and en, upstream otherwise.
	d.lingua, d.trigrams, d.allModels = newLingua(ll)
	return d, nil
}

// LinguaCalls returns how often this Detector has asked lingua, for
// statistics: the cascade exists to keep this number small.
func (d *Detector) LinguaCalls() int64 { return d.calls.Load() }

// Document returns the language of text and a confidence in [0,1]: one of
// the configured languages, or [Und] for a text in none of them. With
// enough evidence (three or more exclusive function words) the confidence is
// the share of those words that belong to lang, add-one smoothed over the
// configured languages, so 0.95 means 95% of the evidence agrees and 1/n
// means none was found. Otherwise it is whatlanggo's or lingua's own
// confidence in lang. For [Und] it is whatlanggo's mean confidence in the
// other languages it found, lingua's where lingua confirmed the language,
// or, for a text in another script than Latin, the share of its letters in
// other scripts.
func (d *Detector) Document(text string) (lang string, confidence float64) {
	w := d.Words(text)
	lang, confidence = d.DocumentWords(w)
	w.Release()
	return lang, confidence
}

// DocumentWords is [Detector.Document] of the text w was made of: the
// function words counted once serve it and [Detector.SegmentsWords].
func (d *Detector) DocumentWords(w *Words) (lang string, confidence float64) {
	text := w.text
	n := len(d.langs)
	counts := make([]int, n)
	words := w.count(0, len(text), counts)
	best, total := 0, 0
	for i, c := range counts {
		total += c
		if c > counts[best] {
			best = i
		}
	}
	if total >= 3 && float64(counts[best]) >= coverageGate(d.langs[best])*float64(words) {
		if n == 1 {
			return d.langs[0], 1
		}
		return d.langs[best], float64(counts[best]+1) / float64(total+n)
	}
	// Few function words for the length: the text may be in a language
	// gazex does not read.
	conf, und, major := d.unsupported(text, words, d.langs[best])
	if und {
		return Und, conf
	}
	// whatlanggo, sure of a configured language on most windows, is
	// better evidence than a few function words.
	if i := slices.Index(d.langs, major); i >= 0 && total >= 3 && i != best {
		return major, conf
	}
	if total >= 3 {
		return d.langs[best], float64(counts[best]+1) / float64(total+n)
	}
	sample := prefix(text, 4096)
	info := whatlanggo.DetectWithOptions(sample, d.wl)
	if code := info.Lang.Iso6391(); info.IsReliable() && slices.Contains(d.langs, code) {
		return code, info.Confidence
	}
	if code, conf, ok := d.detect(sample); ok {
		return code, conf
	}
	if total > 0 {
		return d.langs[best], float64(counts[best]+1) / float64(total+n)
	}
	return d.langs[0], 1 / float64(n)
}

// Segments returns the runs of text in a configured language other than
// docLang. sents are the sentences of text as [sentences.Split] returns
// them.
func (d *Detector) Segments(text string, sents []sentences.Span, docLang string) []Segment {
	if len(d.langs) < 2 || docLang == Und {
		return nil
	}
	w := d.Words(text)
	segs := d.SegmentsWords(w, sents, docLang)
	w.Release()
	return segs
}

// SegmentsWords is [Detector.Segments] of the text w was made of.
func (d *Detector) SegmentsWords(w *Words, sents []sentences.Span, docLang string) []Segment {
	if len(d.langs) < 2 || docLang == Und {
		return nil
	}
	text := w.text
	doc := slices.Index(d.langs, docLang)
	var segs []Segment
	counts := make([]int, len(d.langs))
	cur := wordCursor{w: w} // the sentences come in text order
	prevWhole := false
	for _, s := range sents {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			continue
		}
		sent := text[s.Start:s.End]
		if seg, ok := d.colonTail(&cur, s.Start, sent, counts, doc); ok {
			seg.Start += s.Start
			seg.End += s.Start
			segs = append(segs, seg)
			prevWhole = false
			continue
		}
		clear(counts)
		words := cur.count(s.Start, s.End, counts)
		if seg, ok := d.wholeSentence(sent, counts, doc, words); ok {
			seg.Start, seg.End = s.Start, s.End
			if n := len(segs); prevWhole && n > 0 && segs[n-1].Lang == seg.Lang {
				segs[n-1] = merge(segs[n-1], seg)
			} else {
				segs = append(segs, seg)
			}
			prevWhole = true
			continue
		}
		prevWhole = false
		found := d.connector(sent, doc)
		found = append(found, d.foreignWords(sent, docLang)...)
		// Words of a sentence in another language are no foreign words
		// of a configured one; a sentence with two function words of the
		// document language is in it.
		if len(found) > 0 && (doc < 0 || counts[doc] < 2) && d.unsupportedRun(sent) {
			found = found[:0]
		}
		if docLang != "en" && d.hasEnDoc {
			found = append(found, englishDates(sent)...)
		}
		slices.SortFunc(found, func(a, b Segment) int { return a.Start - b.Start })
		for _, f := range found {
			f.Start += s.Start
			f.End += s.Start
			if n := len(segs); n > 0 && f.Start < segs[n-1].End {
				continue // keep segments disjoint; the earlier one wins
			}
			segs = append(segs, f)
		}
	}
	return segs
}

// wholeSentence reports a sentence whose exclusive function words are mostly
// of one other language, once lingua agrees.
func (d *Detector) wholeSentence(sent string, counts []int, doc, words int) (Segment, bool) {
	best := -1
	for i, c := range counts {
		if i != doc && (best < 0 || c > counts[best]) {
			best = i
		}
	}
	docCount := 0
	if doc >= 0 {
		docCount = counts[doc]
	}
	if best < 0 || counts[best] < 2 || counts[best] <= docCount {
		return Segment{}, false
	}
	code, conf, ok := d.detect(sent)
	if !ok || code != d.langs[best] {
		return Segment{}, false
	}
	// Few function words of that language for the length, as in a French
	// or Italian sentence that shares "la", "de", "que" with Spanish: it
	// may be in a language that is not configured.
	if float64(counts[best]) < coverageGate(code)*float64(words) && d.unsupportedRun(sent) {
		return Segment{}, false
	}
	return Segment{Lang: code, Confidence: conf}, true
}

// openingQuotes open a quotation after a colon.
const openingQuotes = "«»„“‚‘\"'"

// colonTail reports a whole sentence of another configured language after
// a colon that introduces it ("Er schrieb auf X: Hoy recibimos …"), with
// offsets into sent, which starts at byte at of the text of w's Words:
// the words before the colon are not part of it. counts is scratch space.
func (d *Detector) colonTail(w *wordCursor, at int, sent string, counts []int, doc int) (Segment, bool) {
	i := strings.Index(sent, ": ")
	if i < 0 || doc < 0 {
		return Segment{}, false
	}
	// The words before the colon are in the document language.
	clear(counts)
	w.count(at, at+i, counts)
	for li, c := range counts {
		if li != doc && c >= counts[doc] {
			return Segment{}, false
		}
	}
	start := i + 2
	for start < len(sent) {
		r, size := utf8.DecodeRuneInString(sent[start:])
		if r != ' ' && !strings.ContainsRune(openingQuotes, r) {
			break
		}
		start += size
	}
	tail := sent[start:]
	if tail == "" {
		return Segment{}, false
	}
	clear(counts)
	words := w.count(at+start, at+len(sent), counts)
	seg, ok := d.wholeSentence(tail, counts, doc, words)
	if !ok {
		return Segment{}, false
	}
	seg.Start, seg.End = start, len(sent)
	return seg, true
}

// merge joins two adjacent segments of one language.
func merge(a, b Segment) Segment {
	la, lb := float64(a.End-a.Start), float64(b.End-b.Start)
	a.Confidence = (a.Confidence*la + b.Confidence*lb) / (la + lb)
	a.End = b.End
	return a
}

// detect asks lingua for the language of text; ok is false when lingua
// answers Unknown (the best two languages closer than the minimum relative
// distance).
func (d *Detector) detect(text string) (code string, confidence float64, ok bool) {
	code, confidence, _, ok = d.detectWithDoc(text, "")
	return code, confidence, ok
}

// detectWithDoc is detect that also returns lingua's confidence in docLang.
func (d *Detector) detectWithDoc(text, docLang string) (code string, confidence, docConf float64, ok bool) {
	det := d.lingua()
	if det == nil {
		return "", 0, 0, false
	}
	d.calls.Add(1)
	text = prefix(text, 1024)
	if atLeastLetters(text, linguaTrigramsOnly) {
		d.trigrams()
	} else {
		d.allModels()
	}
	values := det.confidences(text)
	if len(values) < 2 {
		return "", 0, 0, false
	}
	for _, v := range values {
		if v.code == docLang {
			docConf = v.value
		}
	}
	top, second := values[0], values[1]
	if top.value == second.value || top.value-second.value < minimumRelativeDistance {
		return "", 0, docConf, false
	}
	return top.code, top.value, docConf, true
}

// linguaTrigramsOnly is the number of letters from which lingua's
// high-accuracy mode judges a text by its trigrams alone.
const linguaTrigramsOnly = 120

// atLeastLetters reports whether text holds at least n letters. lingua
// counts the letters of the words it keeps, a few of which may be no
// letters to unicode.IsLetter: then it loads the models it misses itself,
// which changes nothing but the time.
func atLeastLetters(text string, n int) bool {
	for _, r := range text {
		if unicode.IsLetter(r) {
			if n--; n == 0 {
				return true
			}
		}
	}
	return false
}

func isoCode(l lingua.Language) string {
	return strings.ToLower(l.IsoCode639_1().String())
}

// prefix returns at most n bytes of text, cut on a rune boundary.
func prefix(text string, n int) string {
	if len(text) <= n {
		return text
	}
	for n > 0 && text[n]&0xC0 == 0x80 {
		n--
	}
	return text[:n]
}
