package langid

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
	"github.com/pemistahl/lingua-go"
)

// Und is the document language of a text written in none of the
// configured languages (SPEC section 3): nothing is mined from it.
const Und = "und"

// coverageGate is the share of a text's words that must be exclusive
// function words of its best configured language for the counts alone to
// decide; below it, the text may be in a language gazex does not read.
// Measured on go-trafilatura's 938 test pages (labels checked by hand):
// French, Portuguese, Italian and Catalan text looks Spanish ("la", "de",
// "que", "a" are Spanish function words too) with at most 0.22 of its words,
// while nine Spanish pages of ten reach 0.35; languages that look German or
// English share far fewer of their words (Dutch and Polish pages stay under
// 0.10), and English has the fewest exclusive function words of the three
// (median 0.30, German 0.37). Languages without a measured gate get
// Spanish's.
func coverageGate(lang string) float64 {
	switch lang {
	case "de":
		return 0.22
	case "en":
		return 0.18
	}
	return 0.30
}

// windowBytes is the size of one sample whatlanggo judges.
const windowBytes = 600

// shortBytes is the length up to which lingua checks a text that whatlanggo
// did not find unsupported.
const shortBytes = 400

// minWideWords is the least number of words on which lingua's wide
// detector may call a text unsupported.
const minWideWords = 6

// wideSet are the languages, besides the configured ones, that the wide
// detector knows.
var wideSet = []lingua.Language{
	lingua.French, lingua.Italian, lingua.Portuguese, lingua.Catalan, lingua.Romanian,
	lingua.Dutch, lingua.Afrikaans, lingua.Swedish, lingua.Danish, lingua.Bokmal, lingua.Nynorsk,
	lingua.Icelandic, lingua.Finnish, lingua.Estonian, lingua.Hungarian, lingua.Polish, lingua.Czech,
	lingua.Slovak, lingua.Slovene, lingua.Croatian, lingua.Bosnian, lingua.Albanian, lingua.Latvian,
	lingua.Lithuanian, lingua.Turkish, lingua.Azerbaijani, lingua.Indonesian, lingua.Malay,
	lingua.Tagalog, lingua.Vietnamese, lingua.Basque, lingua.Welsh, lingua.Irish,
	lingua.Swahili,
}

var wideDistance = 0.1

var (
	wideOnce, romanceOnce sync.Once
	wideDet, romanceDet   lingua.LanguageDetector
)

// wide returns lingua's low-accuracy detector over wideSet and the
// configured languages, built on first use: its models load only when a
// text needs them, never at start-up.
func (d *Detector) wide() lingua.LanguageDetector {
	wideOnce.Do(func() {
		ll := slices.Clone(wideSet)
		for _, code := range []string{"de", "es", "en"} {
			ll = append(ll, lingua.GetLanguageFromIsoCode639_1(lingua.GetIsoCode639_1FromValue(code)))
		}
		wideDet = lingua.NewLanguageDetectorBuilder().FromLanguages(ll...).
			WithLowAccuracyMode().WithMinimumRelativeDistance(wideDistance).Build()
	})
	return wideDet
}

// romance returns lingua's low-accuracy detector over Spanish and the
// Romance languages whatlanggo confuses with it (it has no Catalan), built
// on first use; with six languages it costs a sixth of wide.
func (d *Detector) romance() lingua.LanguageDetector {
	romanceOnce.Do(func() {
		romanceDet = lingua.NewLanguageDetectorBuilder().FromLanguages(
			lingua.Spanish, lingua.Catalan, lingua.Portuguese, lingua.Italian, lingua.French, lingua.Romanian).
			WithLowAccuracyMode().WithMinimumRelativeDistance(wideDistance).Build()
	})
	return romanceDet
}

// unsupported reports whether text, which has few function words of the
// configured languages for its length, is written in a language that is not
// configured (und), with a confidence. Otherwise major is the configured
// language whatlanggo is sure of on most of the text, if any, with its share
// of the windows as confidence.
//
//   - A text mostly in another script than Latin is und.
//   - whatlanggo (84 languages) judges up to three windows of windowBytes:
//     the middle of the text first, then its start and three quarters, so
//     that a page that mixes a configured language with another goes by
//     what most of it is. A middle window surely in best, the language of
//     most function words, ends the check (the common case: one call). und
//     needs most windows reliably in other languages.
//   - whatlanggo has no Catalan: lingua, over Spanish and its Romance
//     neighbours, checks what whatlanggo calls Spanish.
//   - On a short text whatlanggo is rarely reliable; lingua's wide set
//     checks it, but alone it is not trusted on a headline ("Senate passes
//     defense bill" is Catalan to it): it must agree with whatlanggo that
//     the language is not configured, on at least minWideWords words.
func (d *Detector) unsupported(text string, words int, best string) (confidence float64, und bool, major string) {
	latin, letters := 0, 0
	for _, r := range prefix(text, 4096) {
		if unicode.IsLetter(r) {
			letters++
			if r < utf8.RuneSelf || unicode.Is(unicode.Latin, r) {
				latin++
			}
		}
	}
	if letters == 0 {
		return 0, false, ""
	}
	if 2*latin < letters {
		return 1 - float64(latin)/float64(letters), true, ""
	}
	var windows []string
	if len(text) <= 3*windowBytes {
		windows = []string{text}
	} else {
		for _, at := range []int{len(text) / 2, 0, len(text) * 3 / 4} {
			windows = append(windows, window(text, at, windowBytes))
		}
	}
	other, supported, sure := 0, 0, 0
	votes := map[string]int{}
	sum := 0.0
	spanish := false
	for i, w := range windows {
		if 2*supported > len(windows) {
			break // most windows are in a configured language: not und
		}
		info := whatlanggo.Detect(w)
		// Lang -1: no script, or two languages tied (whatlanggo then
		// picks one in map order, which would not be deterministic).
		// A window in another script than Latin (the text is mostly
		// Latin) is a quote or a translation, not what the page is
		// written in.
		if info.Lang < 0 || info.Confidence == 0 || info.Script != unicode.Latin {
			continue
		}
		code := info.Lang.Iso6391()
		spanish = spanish || code == "es"
		if !slices.Contains(d.langs, code) {
			other++
			sum += info.Confidence
			if info.IsReliable() {
				sure++
			}
			continue
		}
		supported++
		if info.IsReliable() {
			votes[code]++
			if i == 0 && code == best && code != "es" {
				break // the middle agrees with the function words
			}
		}
	}
	if other > supported && 2*sure >= len(windows) {
		return sum / float64(other), true, ""
	}
	for code, n := range votes {
		if 2*n > len(windows) {
			major, confidence = code, float64(n)/float64(max(supported+other, 1))
		}
	}
	sample := prefix(windows[0], shortBytes)
	switch {
	case spanish && words >= minWideWords:
		lang, ok := d.romance().DetectLanguageOf(sample)
		if ok && !slices.Contains(d.langs, isoCode(lang)) {
			return 0.5, true, ""
		}
	case other > supported && len(text) <= shortBytes && words >= minWideWords:
		lang, ok := d.wide().DetectLanguageOf(sample)
		if ok && !slices.Contains(d.langs, isoCode(lang)) {
			return 0.5, true, ""
		}
	}
	return confidence, false, major
}

// window returns about n bytes of text from byte at, moved to rune
// boundaries and, where one is near, to the start of a word.
func window(text string, at, n int) string {
	for at > 0 && at < len(text) && text[at]&0xC0 == 0x80 {
		at++
	}
	if at > 0 {
		if k := strings.IndexAny(text[at:min(len(text), at+32)], " \n"); k >= 0 {
			at += k + 1
		}
	}
	return prefix(text[at:], n)
}

// unsupportedRun reports a run of text (a sentence) in a language that is
// not configured: a French or Portuguese quote is no segment, and its words
// are no foreign words of a configured language. whatlanggo must call it
// unsupported and lingua's wide detector agree; it is asked only for
// sentences that another rule has already found foreign, which are few.
func (d *Detector) unsupportedRun(text string) bool {
	info := whatlanggo.Detect(text)
	if info.Lang < 0 || info.Confidence == 0 || slices.Contains(d.langs, info.Lang.Iso6391()) {
		return false
	}
	lang, ok := d.wide().DetectLanguageOf(text)
	return ok && !slices.Contains(d.langs, isoCode(lang))
}
