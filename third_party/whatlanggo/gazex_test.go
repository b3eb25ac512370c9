package whatlanggo

import (
	"encoding/json"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	up "github.com/abadojack/whatlanggo"
)

// gazexOptions are Options as gazex's langid builds them: its configured
// languages (Detector.wl) and those with its run neighbours
// (Detector.runOptions), and some more to reach every branch.
func gazexOptions() []Options {
	wl := map[Lang]bool{Deu: true, Spa: true, Eng: true}
	run := map[Lang]bool{Deu: true, Spa: true, Eng: true}
	for _, l := range []Lang{Fra, Ita, Por, Ron, Nld, Afr, Dan, Swe, Nob, Pol, Ces, Hun, Fin, Tur} {
		run[l] = true
	}
	return []Options{
		{},
		{Whitelist: wl},
		{Whitelist: run},
		{Whitelist: map[Lang]bool{Eng: true}},
		{Whitelist: map[Lang]bool{Eng: false, Fra: false}}, // presence counts
		{Whitelist: map[Lang]bool{Rus: true, Ukr: true, -3: true, 200: true}},
		{Whitelist: map[Lang]bool{Jpn: true}},
		{Blacklist: map[Lang]bool{Eng: true, Deu: true, Spa: true, Rus: true, 1000: true}},
		{Whitelist: map[Lang]bool{Deu: true}, Blacklist: map[Lang]bool{Deu: true}},
	}
}

func upOptions(o Options) up.Options {
	conv := func(m map[Lang]bool) map[up.Lang]bool {
		if m == nil {
			return nil
		}
		c := map[up.Lang]bool{}
		for l, v := range m {
			c[up.Lang(l)] = v
		}
		return c
	}
	return up.Options{Whitelist: conv(o.Whitelist), Blacklist: conv(o.Blacklist)}
}

// upJapan is upstream's own _HiraganaKatakana table.
var upJapan = up.DetectScript("コンニチハ")

// checkSame holds DetectWithOptions to upstream's on text: the same Lang,
// Script, Confidence (bits) and IsReliable. Where upstream returns one of
// two languages tied at the least distance (with confidence 0; which one
// depends on its map order) this copy must return the tied one first in
// Lang order.
func checkSame(t *testing.T, text string, o Options, uo up.Options) bool {
	t.Helper()
	got := DetectWithOptions(text, o)
	want := up.DetectWithOptions(text, uo)
	script := got.Script == want.Script
	if got.Script == _HiraganaKatakana {
		script = want.Script == upJapan
	}
	lang := int(got.Lang) == int(want.Lang)
	if !lang && script && got.Confidence == 0 && want.Confidence == 0 && got.Lang >= 0 && want.Lang >= 0 {
		lang = tiedFirst(text, o, got.Lang, Lang(want.Lang))
		ties++
	}
	if !script || !lang || math.Float64bits(got.Confidence) != math.Float64bits(want.Confidence) ||
		got.IsReliable() != want.IsReliable() {
		t.Errorf("DetectWithOptions(%q, %v) = %v %v %v, upstream %v %v %v", text, o,
			got.Lang, Scripts[got.Script], got.Confidence, want.Lang, up.Scripts[want.Script], want.Confidence)
		return false
	}
	return true
}

// ties counts the texts where upstream chose another of tied languages.
var ties int

// tiedFirst reports whether, by upstream's distances (refDistances), got
// and other share the least distance among the allowed languages and got
// is the first such in Lang order.
func tiedFirst(text string, o Options, got, other Lang) bool {
	d := refDistances(text, o)
	least := math.MaxInt
	for _, v := range d {
		least = min(least, v)
	}
	dg, okg := d[got]
	do, oko := d[other]
	if !okg || !oko || dg != least || do != least {
		return false
	}
	for l, v := range d {
		if v == least && l < got {
			return false
		}
	}
	return true
}

// refDistances are upstream's distances of the allowed languages of the
// text's script (its calculateDistance on getTrigramsWithPositions).
func refDistances(text string, o Options) map[Lang]int {
	var list langProfileList
	switch DetectScript(text) {
	case unicode.Latin:
		list = latinLangs
	case unicode.Cyrillic:
		list = cyrillicLangs
	case unicode.Arabic:
		list = arabicLangs
	case unicode.Devanagari:
		list = devanagariLangs
	case unicode.Hebrew:
		list = hebrewLangs
	case unicode.Ethiopic:
		list = ethiopicLangs
	}
	tgs := refTrigramsWithPositions(text)
	d := map[Lang]int{}
	f := newLangFilter(o)
	for l, p := range list {
		if !f.allows(l) {
			continue
		}
		total := 0
		for i, tg := range p {
			if n, ok := tgs[tg]; ok {
				total += abs(n - i)
			} else {
				total += maxTrigramDistance
			}
		}
		d[l] = total
	}
	return d
}

// refTrigramsWithPositions is upstream's getTrigramsWithPositions and count.
func refTrigramsWithPositions(text string) map[string]int {
	counts := map[string]int{}
	var txt []rune
	for _, r := range text {
		txt = append(txt, unicode.ToLower(toTrigramChar(r)))
	}
	txt = append(txt, ' ')
	r1, r2 := ' ', txt[0]
	for i := 1; i < len(txt); i++ {
		r3 := txt[i]
		if !(r2 == ' ' && (r1 == ' ' || r3 == ' ')) {
			counts[string([]rune{r1, r2, r3})]++
		}
		r1, r2 = r2, r3
	}
	type tc struct {
		s string
		n int
	}
	var l []tc
	for s, n := range counts {
		l = append(l, tc{s, n})
	}
	sort.Slice(l, func(i, j int) bool {
		if l[i].n != l[j].n {
			return l[i].n > l[j].n
		}
		return l[i].s > l[j].s
	})
	pos := map[string]int{}
	for i, x := range l {
		pos[x.s] = i
	}
	return pos
}

// corpus returns the texts the equivalence tests cut up: this package's
// testdata (upstream's examples in 84 languages and gazex's sample of
// mixed and broken text), gazex's seed and hold-out texts, and, when the
// module cache has them, a sample of go-trafilatura's test pages (real web
// pages in many languages; their HTML with the tags removed).
func corpus(t *testing.T) map[string]string {
	texts := map[string]string{}
	b, err := os.ReadFile("testdata/examples.json")
	if err != nil {
		t.Fatal(err)
	}
	var ex map[string]string
	if err := json.Unmarshal(b, &ex); err != nil {
		t.Fatal(err)
	}
	for k, v := range ex {
		texts["examples/"+k] = v
	}
	for _, pat := range []string{"testdata/*.txt", "../../testdata/seeds/*.txt", "../../testdata/eval/holdout/texts/*"} {
		files, _ := filepath.Glob(pat)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts[f] = string(b)
		}
	}
	if len(texts) < 90 {
		t.Fatalf("only %d texts", len(texts))
	}
	return texts
}

var tags = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<[^>]*>`)

// trafilaturaPages returns every step-th of go-trafilatura's comparison
// pages as text, or skips.
func trafilaturaPages(t *testing.T, step int) map[string]string {
	cache := os.Getenv("GOMODCACHE")
	if cache == "" {
		cache = filepath.Join(os.Getenv("HOME"), "go", "pkg", "mod")
		if gp := os.Getenv("GOPATH"); gp != "" {
			cache = filepath.Join(filepath.SplitList(gp)[0], "pkg", "mod")
		}
	}
	files, _ := filepath.Glob(filepath.Join(cache, "github.com/markusmobius/go-trafilatura@*/test-files/comparison/*.html"))
	if len(files) == 0 {
		t.Skip("go-trafilatura's test pages are not in the module cache")
	}
	sort.Strings(files)
	pages := map[string]string{}
	for i := 0; i < len(files); i += step {
		b, err := os.ReadFile(files[i])
		if err != nil {
			t.Fatal(err)
		}
		pages[filepath.Base(files[i])] = tags.ReplaceAllString(string(b), " ")
	}
	return pages
}

// pieces cuts text into every 600-byte window starting every step bytes
// (at any byte, so windows start and end inside UTF-8 sequences) and n
// random substrings of 0-300 bytes.
func pieces(text string, step, n int, rng *rand.Rand) []string {
	var out []string
	for at := 0; at < len(text); at += step {
		out = append(out, text[at:min(len(text), at+600)])
	}
	for range n {
		if len(text) == 0 {
			break
		}
		i := rng.Intn(len(text))
		j := min(len(text), i+rng.Intn(300))
		out = append(out, text[i:j])
	}
	return out
}

func TestDetectMatchesUpstream(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	opts := gazexOptions()
	n := 0
	for name, text := range corpus(t) {
		for _, p := range pieces(text, 97, 60, rng) {
			o := opts[n%len(opts)]
			if !checkSame(t, p, Options{}, up.Options{}) || !checkSame(t, p, o, upOptions(o)) {
				t.Fatalf("in %s", name)
			}
			n++
		}
	}
	t.Logf("%d texts, %d ties upstream broke otherwise", n, ties)
}

func TestDetectMatchesUpstreamOnPages(t *testing.T) {
	step := 7
	if testing.Short() {
		step = 40
	}
	rng := rand.New(rand.NewSource(2))
	opts := gazexOptions()
	n := 0
	for name, text := range trafilaturaPages(t, step) {
		for _, p := range pieces(text, 599, 20, rng) {
			o := opts[n%len(opts)]
			if !checkSame(t, p, Options{}, up.Options{}) || !checkSame(t, p, o, upOptions(o)) {
				t.Fatalf("in %s", name)
			}
			n++
		}
	}
	t.Logf("%d texts", n)
}

func TestDetectEdgeCases(t *testing.T) {
	texts := []string{
		"", " ", "\n\t", "1234567890", "3.14 + 2,72 = 5,86 %", "!?.,;:()[]{}«»—–…", "€$£¥©®™",
		"\x00\x01\x02", "a", "A", "ab", "é", "ß", "İ", "Ǆ", "ǅ", "\xff", "\xe2\x82", "a\xffb", "\xc3",
		"ﾀﾅｶ ﾀﾛｳ", "今日は", "我爱你", "漢字とかな", "カタカナ漢字漢字漢字", "𛀁𛀂", "\U0001aff0\U0001b000",
		"Москва and London", "Αθήνα und Berlin, Αθήνα", "abc где", "abc גד", "ab ابت", "x 世界 y",
		"Senate passes defense bill", "la de que el en", "The the the the", "aaaa aaaa aaaa",
		"Ünïcödé ÀÉÎÕÜ àéîõü", strings.Repeat("xyz ", 200), strings.Repeat("ж", 301),
		"Der Bundestag hat am Donnerstag beschlossen, dass die Regierung mehr Geld ausgeben darf.",
		"El Gobierno aprobó ayer el presupuesto para el próximo año en el Congreso.",
		"Le gouvernement a présenté mercredi son projet de loi de finances pour l'année prochaine.",
		"Rząd przyjął we wtorek projekt ustawy budżetowej na przyszły rok.",
	}
	for _, o := range gazexOptions() {
		for _, text := range texts {
			checkSame(t, text, o, upOptions(o))
		}
	}
	for _, text := range texts {
		if got, want := DetectScript(text), up.DetectScript(text); got != want && (got != _HiraganaKatakana || want != upJapan) {
			t.Errorf("DetectScript(%q) = %v, upstream %v", text, Scripts[got], up.Scripts[want])
		}
	}
}

// TestScriptsDisjoint checks what classify relies on: no rune is in two
// of the scripts DetectScript counts, and the tables hold what the slow
// functions give.
func TestScriptsDisjoint(t *testing.T) {
	lowOnce.Do(fillLow)
	for r := rune(0); r <= unicode.MaxRune; r++ {
		n := 0
		for _, tbl := range scriptTables {
			if unicode.Is(tbl, r) {
				n++
			}
		}
		if n > 1 {
			t.Fatalf("%U is in %d scripts", r, n)
		}
		slow := classifySlow(r)
		for _, hint := range []int8{classNone, scriptLatin, scriptJapan} {
			if got := classify(r, hint); got != slow {
				t.Fatalf("classify(%U, %d) = %d, want %d", r, hint, got, slow)
			}
		}
		if got, want := trigramChar(r), unicode.ToLower(toTrigramChar(r)); got != want {
			t.Fatalf("trigramChar(%U) = %U, want %U", r, got, want)
		}
	}
}

// TestTrigramPositions holds countTrigrams to upstream's
// getTrigramsWithPositions (as refTrigramsWithPositions).
func TestTrigramPositions(t *testing.T) {
	lowOnce.Do(fillLow)
	rng := rand.New(rand.NewSource(3))
	s := new(scratch)
	n := 0
	for _, text := range corpus(t) {
		for _, p := range pieces(text, 997, 10, rng) {
			if p == "" {
				continue
			}
			want := refTrigramsWithPositions(p)
			s.countTrigrams(p)
			if len(s.tgs) != len(want) {
				t.Fatalf("%q: %d trigrams, want %d", p, len(s.tgs), len(want))
			}
			for i, tg := range s.tgs {
				str := string([]rune{rune(tg.key >> 42), rune(tg.key >> 21 & (1<<21 - 1)), rune(tg.key & (1<<21 - 1))})
				if want[str] != i || !utf8.ValidString(str) {
					t.Fatalf("%q: trigram %q at %d, want %d", p, str, i, want[str])
				}
			}
			n++
		}
	}
	t.Logf("%d texts", n)
}

// TestNames holds the names, now arrays, to upstream's maps.
func TestNames(t *testing.T) {
	for l := Lang(-5); l < 200; l++ {
		u := up.Lang(l)
		if l.Iso6391() != u.Iso6391() || l.Iso6393() != u.Iso6393() || l.String() != u.String() ||
			int(CodeToLang(l.Iso6393())) != int(up.CodeToLang(u.Iso6393())) {
			t.Errorf("names of %d: %q %q %q, upstream %q %q %q", l, l.Iso6391(), l.Iso6393(), l.String(), u.Iso6391(), u.Iso6393(), u.String())
		}
	}
	if len(Langs) != len(up.Langs) {
		t.Errorf("%d languages, upstream %d", len(Langs), len(up.Langs))
	}
}
