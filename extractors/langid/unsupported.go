package langid

import (
	"os"
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
	wideOnce sync.Once
	wideDet  lingua.LanguageDetector
)

func (d *Detector) wide() lingua.LanguageDetector {
	wideOnce.Do(func() {
		ll := slices.Clone(wideSet)
		for _, code := range []string{"de", "es", "en"} {
			ll = append(ll, lingua.GetLanguageFromIsoCode639_1(lingua.GetIsoCode639_1FromValue(code)))
		}
		b := lingua.NewLanguageDetectorBuilder()
		if os.Getenv("LANGID_WIDE") == "latin" {
			wideDet = b.FromAllLanguagesWithLatinScript().WithLowAccuracyMode().Build()
			return
		}
		wideDet = b.FromLanguages(ll...).WithLowAccuracyMode().WithMinimumRelativeDistance(wideDistance).Build()
	})
	return wideDet
}

// unsupported reports whether text is written in a language that is not
// configured, and a confidence.
func (d *Detector) unsupported(text string, words int) (confidence float64, ok bool, major string) {
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
		return 0, false, major
	}
	if 2*latin < letters {
		return 1 - float64(latin)/float64(letters), true, ""
	}
	var windows []string
	if len(text) <= 3*windowBytes {
		windows = []string{text}
	} else {
		for _, at := range []int{0, len(text) / 2, len(text) * 3 / 4} {
			windows = append(windows, window(text, at, windowBytes))
		}
	}
	other, supported, sure := 0, 0, 0
	votes := map[string]int{}
	sum := 0.0
	whatOther, spanish := false, false
	for _, w := range windows {
		if 2*supported > len(windows) {
			break // most windows are in a configured language: not und
		}
		info := whatlanggo.Detect(w)
		// Lang -1: no script, or two languages tied (whatlanggo then
		// picks one in map order, which would not be deterministic).
		if info.Lang < 0 || info.Confidence == 0 {
			continue
		}
		// The text is mostly in Latin script (tested above): a Greek or
		// Chinese passage in it is a quote or a translation, not what
		// the page is written in.
		if info.Script != unicode.Latin {
			continue
		}
		code := info.Lang.Iso6391()
		if code == "es" {
			spanish = true
		}
		if slices.Contains(d.langs, code) {
			supported++
			if info.IsReliable() {
				votes[code]++
			}
			continue
		}
		other++
		sum += info.Confidence
		if info.IsReliable() {
			sure++
		}
	}
	if other > supported && 2*sure >= len(windows) {
		return sum / float64(other), true, ""
	}
	whatOther = other > supported
	majorConf := 0.0
	for code, n := range votes {
		if 2*n > len(windows) {
			major, majorConf = code, float64(n)/float64(len(windows))
		}
	}
	// whatlanggo does not know Catalan (nor Galician): it calls them
	// Spanish. And on a short text it is rarely reliable. lingua, over
	// the wide set, checks these two cases; alone it is not trusted on a
	// headline ("Senate passes defense bill" is Catalan to it), so it
	// must agree that the language is not configured with whatlanggo, or
	// correct whatlanggo's Spanish, on a text of at least minWideWords.
	if !spanish && len(text) > shortBytes || !spanish && !whatOther || words < minWideWords {
		return majorConf, false, major
	}
	sample := text
	if len(windows) > 1 {
		sample = windows[1]
	}
	sample = prefix(sample, shortBytes)
	lang, ok := d.wide().DetectLanguageOf(sample)
	if !ok || slices.Contains(d.langs, isoCode(lang)) {
		return majorConf, false, major
	}
	return 0.5, true, ""
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
