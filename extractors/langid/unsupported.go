package langid

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/pemistahl/lingua-go"

	"github.com/gazex/gazex/third_party/whatlanggo"
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

// minConfirmWords is the least number of words on which a confirming
// detector ([Detector.confirms]) may call a text unsupported.
const minConfirmWords = 6

// confirmDistance is the minimum relative distance of the confirming
// detectors: closer than that, lingua answers Unknown and the text keeps a
// configured language.
const confirmDistance = 0.1

// confirmers holds, per language that is not configured, lingua's
// low-accuracy detector over that language and the configured ones, built
// on first use: only the trigram model of a language some text was
// suspected of loads (about 10 MB and 50 ms each), never at start-up.
var confirmers sync.Map // lingua.Language -> func() lingua.LanguageDetector

// confirms reports whether lingua, choosing between code (a language that
// is not configured) and the configured languages, picks code for text. It
// is false for a language lingua does not know.
func (d *Detector) confirms(code, text string) bool {
	_, ok := d.confirm(code, text)
	return ok
}

// confirm is confirms that also returns lingua's confidence in code among
// those languages.
func (d *Detector) confirm(code, text string) (confidence float64, ok bool) {
	iso := lingua.GetIsoCode639_1FromValue(code)
	if iso == lingua.UnknownIsoCode639_1 || slices.Contains(d.langs, code) {
		return 0, false
	}
	lang := lingua.GetLanguageFromIsoCode639_1(iso)
	ll := []lingua.Language{lang}
	for _, c := range d.langs {
		ll = append(ll, lingua.GetLanguageFromIsoCode639_1(lingua.GetIsoCode639_1FromValue(c)))
	}
	key := fmt.Sprint(ll)
	build, _ := confirmers.LoadOrStore(key, sync.OnceValue(func() lingua.LanguageDetector {
		return lingua.NewLanguageDetectorBuilder().FromLanguages(ll...).
			WithLowAccuracyMode().WithMinimumRelativeDistance(confirmDistance).Build()
	}))
	det := build.(func() lingua.LanguageDetector)()
	if got, ok := det.DetectLanguageOf(text); !ok || got != lang {
		return 0, false
	}
	return det.ComputeLanguageConfidence(text, lang), true
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
//   - whatlanggo has no Catalan: lingua, choosing between Catalan and the
//     configured languages, checks what whatlanggo calls Spanish.
//   - On a short text whatlanggo is rarely reliable: lingua, choosing
//     between whatlanggo's guess and the configured languages, must pick
//     the guess, on at least minConfirmWords words. Neither alone is trusted
//     on a headline: to whatlanggo "Senate passes defense bill" is French,
//     to lingua over many languages it is Catalan.
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
	guess := "" // whatlanggo's last language that is not configured
	for i, w := range windows {
		if 2*supported > len(windows) || 2*sure > len(windows) {
			break // most windows agree: the rest cannot change the answer
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
			guess = code
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
	if words >= minConfirmWords {
		if spanish {
			if conf, ok := d.confirm("ca", sample); ok {
				return conf, true, ""
			}
		} else if other > supported && len(text) <= shortBytes {
			if conf, ok := d.confirm(guess, sample); ok {
				return conf, true, ""
			}
		}
	}
	return confidence, false, major
}

// runNeighbours are the languages besides the configured ones that
// unsupportedRun asks whatlanggo about.
var runNeighbours = []whatlanggo.Lang{
	whatlanggo.Fra, whatlanggo.Ita, whatlanggo.Por, whatlanggo.Ron, whatlanggo.Nld,
	whatlanggo.Afr, whatlanggo.Dan, whatlanggo.Swe, whatlanggo.Nob, whatlanggo.Pol,
	whatlanggo.Ces, whatlanggo.Hun, whatlanggo.Fin, whatlanggo.Tur,
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
// are no foreign words of a configured language. whatlanggo, over the
// configured languages and runNeighbours, must call it unsupported and
// lingua confirm it ([Detector.confirms]); it is asked only for sentences
// that another rule has already found foreign, which are few.
//
// The neighbours are the languages whose sentences look German, Spanish or
// English to the function-word rules; whatlanggo over all its 84 languages
// costs four times as much.
func (d *Detector) unsupportedRun(text string) bool {
	info := whatlanggo.DetectWithOptions(text, d.runOptions)
	if info.Lang < 0 || info.Confidence == 0 {
		return false
	}
	return d.confirms(info.Lang.Iso6391(), text)
}
