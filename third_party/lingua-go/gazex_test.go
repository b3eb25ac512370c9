// Gazex's tests of its changes (GAZEX.md): the copy against upstream
// lingua-go v1.4.0 itself.

package lingua

import (
	"archive/zip"
	"bytes"
	"cmp"
	"fmt"
	"io"
	"math"
	"math/bits"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	upstream "github.com/pemistahl/lingua-go"
	"github.com/pemistahl/lingua-go/serialization"
	"google.golang.org/protobuf/proto"
)

// foreignLookalikes are texts in languages without compact models that
// look Spanish or German, which the detector for de, es and en must judge as
// upstream does.
var foreignLookalikes = []string{
	"Le président de la République a annoncé mardi une réforme des retraites.",
	"Les ministres se sont réunis à Bruxelles pour discuter de la crise énergétique.",
	"la situation économique reste difficile selon le gouvernement",
	"O presidente do Brasil anunciou novas medidas econômicas nesta terça-feira.",
	"A população não aceita a decisão do governo, disse o ministro.",
	"são paulo está em alerta por causa das chuvas",
	"Il presidente del Consiglio ha incontrato i sindacati a Roma.",
	"La situazione economica è ancora difficile, secondo il ministro.",
	"gli italiani sono preoccupati per la crisi",
	"Prezydent Polski spotkał się z premierem w Warszawie we wtorek.",
	"Rząd ogłosił nowe przepisy dotyczące podatków.",
	"Het kabinet heeft dinsdag nieuwe maatregelen aangekondigd.",
	"De regering wil de belastingen verlagen.",
	"El Govern de la Generalitat ha aprovat el pressupost per a l'any vinent.",
	"Regeringen i Sverige presenterade en ny budget på tisdagen.",
	"Hallituksen mukaan työttömyys on laskenut.",
	"Η κυβέρνηση ανακοίνωσε νέα μέτρα.",
	"Правительство объявило о новых мерах.",
	"政府宣布了新的措施。",
	"政府は新しい措置を発表した。",
	"정부는 새로운 조치를 발표했다.",
	"Αθήνα and Москва are capitals",
	"Straße Straße ß ñandú ¿qué? ¡sí!",
	"ﬁnance ﬂow ｍ ŉ ǆ",
	"a", "ß", "ñ", "the", "der", "el", "", "123 456", "!!!",
	"aは中 bは cß中 dßß中 straße", "ab中文は xyzはひ", "中 は ß", "ßß中中は", "Straße中",
}

// fragments returns test texts from the seeds: their lines, sentences,
// words and runs of 1 to 12 words; every text once.
func fragments(t testing.TB) []string {
	paths, err := filepath.Glob("../../testdata/seeds/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	seen := map[string]bool{}
	var texts []string
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			texts = append(texts, s)
		}
	}
	sentenceEnd := regexp.MustCompile(`[.!?]["”“»]?\s+`)
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		add(string(b))
		for _, line := range strings.Split(string(b), "\n") {
			add(line)
			for _, s := range sentenceEnd.Split(line, -1) {
				add(s)
			}
			words := strings.Fields(line)
			for i := range words {
				add(words[i])
				for _, n := range []int{i%12 + 1, (i*7)%12 + 1} {
					if i+n <= len(words) {
						add(strings.Join(words[i:i+n], " "))
					}
				}
			}
		}
	}
	for _, s := range foreignLookalikes {
		add(s)
	}
	// More texts, one a line, where a developer has them.
	if dir := os.Getenv("LINGUA_EXTRA_TEXTS"); dir != "" {
		extra, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, p := range extra {
			b, _ := os.ReadFile(p)
			for _, line := range strings.Split(string(b), "\n") {
				add(line)
				for _, s := range sentenceEnd.Split(line, -1) {
					add(s)
				}
			}
		}
	}
	return texts
}

// TestSameAsUpstream holds the copy to upstream lingua-go: for every test
// text, the same languages in the same order with values within 1e-9
// (upstream sums in map order, so its own values vary in the last bits),
// and the same answer of DetectLanguageOf.
func TestSameAsUpstream(t *testing.T) {
	texts := fragments(t)
	if len(texts) < 2000 {
		t.Fatalf("only %d texts", len(texts))
	}
	for _, low := range []bool{false, true} {
		for _, langs := range [][]string{{"de", "es", "en"}, {"de", "es"}, {"en", "es"}, {"de", "en"}} {
			var ours []Language
			var theirs []upstream.Language
			for _, l := range langs {
				ours = append(ours, GetLanguageFromIsoCode639_1(GetIsoCode639_1FromValue(l)))
				theirs = append(theirs, upstream.GetLanguageFromIsoCode639_1(upstream.GetIsoCode639_1FromValue(l)))
			}
			ob := NewLanguageDetectorBuilder().FromLanguages(ours...).WithMinimumRelativeDistance(0.25)
			ub := upstream.NewLanguageDetectorBuilder().FromLanguages(theirs...).WithMinimumRelativeDistance(0.25)
			if low {
				ob, ub = ob.WithLowAccuracyMode(), ub.WithLowAccuracyMode()
			}
			o, u := ob.Build(), ub.Build()
			name := fmt.Sprintf("%v low=%v", langs, low)
			for i, text := range texts {
				// All texts for gazex's languages, every tenth for the
				// pairs (in high-accuracy mode only): upstream is slow, and
				// slower still with -race.
				if len(langs) < 3 && (low || i%10 != 0) {
					continue
				}
				ov, uv := o.ComputeLanguageConfidenceValues(text), u.ComputeLanguageConfidenceValues(text)
				if !sameValues(ov, uv) {
					t.Fatalf("%s: %q:\n ours     %v\n upstream %v", name, text, format(ov), formatUpstream(uv))
				}
				ol, ook := o.DetectLanguageOf(text)
				ul, uok := u.DetectLanguageOf(text)
				if ol.String() != ul.String() || ook != uok {
					t.Fatalf("%s: %q: DetectLanguageOf ours %v %v, upstream %v %v", name, text, ol, ook, ul, uok)
				}
			}
		}
	}
	t.Logf("%d texts", len(texts))
}

func sameValues(ov []ConfidenceValue, uv []upstream.ConfidenceValue) bool {
	if len(ov) != len(uv) {
		return false
	}
	for i := range ov {
		if ov[i].Language().String() != uv[i].Language().String() {
			return false
		}
		if math.Abs(ov[i].Value()-uv[i].Value()) > 1e-9 {
			return false
		}
	}
	return true
}

func format(v []ConfidenceValue) string {
	var b strings.Builder
	for _, c := range v {
		fmt.Fprintf(&b, " %v=%.17g", c.Language(), c.Value())
	}
	return b.String()
}

func formatUpstream(v []upstream.ConfidenceValue) string {
	var b strings.Builder
	for _, c := range v {
		fmt.Fprintf(&b, " %v=%.17g", c.Language(), c.Value())
	}
	return b.String()
}

// TestCompactModelsMatchUpstream checks every compact model against
// upstream's protobuf: every n-gram with exactly its probability, and no
// other n-gram.
func TestCompactModelsMatchUpstream(t *testing.T) {
	dir := upstreamDir(t)
	for _, language := range []Language{German, Spanish, English} {
		for n := 1; n <= maxNgramLength; n++ {
			iso := strings.ToLower(language.IsoCode639_1().String())
			b, err := os.ReadFile(filepath.Join(dir, "language-models", iso, getNgramNameByLength(n)+"s.pb.bin.zip"))
			if err != nil {
				t.Fatal(err)
			}
			m := decodeUpstream(t, b)
			cm := loadCompactModel(language, n)
			codes := runeCodes()
			total := 0
			for _, set := range m.NgramSets {
				for _, g := range set.Ngrams {
					var key uint64
					i := 0
					for _, r := range g {
						key |= uint64(codes.code(r)) << (codeBits * i)
						i++
					}
					if p := cm.probability(key); p != set.Probability {
						t.Fatalf("%s %d %q: %v, upstream %v", iso, n, g, p, set.Probability)
					}
					if lp, ok := cm.lookUp(key); !ok || lp != math.Log(set.Probability) {
						t.Fatalf("%s %d %q: log %v", iso, n, g, lp)
					}
					total++
				}
			}
			used := 0
			for _, s := range cm.slots {
				if s != 0 {
					used++
				}
			}
			if used != total || total != int(m.TotalNgrams) {
				t.Fatalf("%s %d: %d slots used, upstream %d n-grams (%d)", iso, n, used, total, m.TotalNgrams)
			}
		}
	}
	for _, language := range []Language{German, Spanish, English} {
		for n := 1; n <= maxNgramLength; n++ {
			// The strings of gazex_embed.go are the files.
			path := fmt.Sprintf("language-models/%s/%ss.bin", strings.ToLower(language.IsoCode639_1().String()), getNgramNameByLength(n))
			b, err := languageModels.ReadFile(path)
			if err != nil || string(b) != compactModelFiles[language][n] {
				t.Fatalf("%s: not the string of %v, %d-grams (%v)", path, language, n, err)
			}
		}
	}
	if n := len(compactModelFiles); n != 3 {
		t.Fatalf("%d languages with compact models", n)
	}
	if loadCompactModel(French, 3) != nil || HasCompactModels(French) {
		t.Fatal("a compact model for French")
	}
}

// TestDecodeMatchesInsertion checks that each model's table, which
// decodeCompactModel reads slot by slot, is the one that inserting its
// n-grams into an empty table makes (as the loader did before the models
// were written in slot order): set by set in ascending order of
// probability, each set's n-grams sorted, with linear probing.
func TestDecodeMatchesInsertion(t *testing.T) {
	for _, language := range []Language{German, Spanish, English} {
		for n := 1; n <= maxNgramLength; n++ {
			m := loadCompactModel(language, n)
			var entries []uint64
			for _, s := range m.slots {
				if s != 0 {
					entries = append(entries, s)
				}
			}
			// By probability index, then by n-gram: the codes in rune
			// order are the key's bytes from the lowest up.
			slices.SortFunc(entries, func(a, b uint64) int {
				if c := cmp.Compare(a>>keyBits, b>>keyBits); c != 0 {
					return c
				}
				return cmp.Compare(bits.ReverseBytes64(a&prefixMask[maxNgramLength]), bits.ReverseBytes64(b&prefixMask[maxNgramLength]))
			})
			total := len(entries)
			size := 1 << bits.Len(uint(total+total/2))
			if size != len(m.slots) {
				t.Fatalf("%v %d: %d slots, insertion makes %d", language, n, len(m.slots), size)
			}
			shift := uint(64 - bits.TrailingZeros(uint(size)))
			want := make([]uint64, size)
			for _, e := range entries {
				key := e & prefixMask[maxNgramLength]
				i := slotOf(key, shift)
				for want[i] != 0 {
					i = (i + 1) & uint64(size-1)
				}
				want[i] = e
			}
			if !slices.Equal(m.slots, want) || m.shift != shift {
				t.Fatalf("%v %d: the decoded table is not the inserted one", language, n)
			}
			for i := range m.logs {
				p := m.probabilityAt(uint64(i))
				if i > 0 && !(m.probabilityAt(uint64(i-1)) < p) || m.logs[i] != math.Log(p) {
					t.Fatalf("%v %d: probability %d: %v (log %v)", language, n, i, p, m.logs[i])
				}
			}
		}
	}
}

// TestSplitTextIntoWords checks the scanner against upstream's regular
// expression.
func TestSplitTextIntoWords(t *testing.T) {
	texts := append(fragments(t), "Ab中文cd 한국어x ひらがなカタカナ 漢字 ㈀㈁ a\xffb \uFFFDc ǅungla ΣΑΣ", "x\u0301y 1a2 _b_")
	for r := rune(0); r < 0x20000; r += 7 {
		texts = append(texts, "a"+string(r)+"b "+string(r)+" "+string(r)+string(r+1)+"c")
	}
	for _, text := range texts {
		got := splitTextIntoWords(text)
		want := letters.FindAllString(strings.ToLower(text), -1)
		if strings.Join(got, "\x00") != strings.Join(want, "\x00") || len(got) != len(want) {
			t.Fatalf("%q: %q, upstream %q", text, got, want)
		}
	}
	// isSingleRuneWord's shortcut: no rune of its scripts below U+1100.
	for _, tab := range []*unicode.RangeTable{unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana} {
		for r := rune(0); r < 0x1100; r++ {
			if unicode.Is(tab, r) {
				t.Fatalf("%U", r)
			}
		}
	}
}

// TestAlphabetRunes checks matchesRune against upstream's regular
// expressions on single characters, and wordAlphabet against its loop.
func TestAlphabetRunes(t *testing.T) {
	for r := rune(0); r < 0x20000; r++ {
		for _, a := range allAlphabets() {
			if a.matchesRune(r) != a.matches(string(r)) {
				t.Fatalf("%v %U", a, r)
			}
		}
	}
	for _, w := range append(fragments(t), "aб", "бa", "aßb", "ßab", "中a", "a中", "бб", "中文", "ab", "ñandú", "αβγ", "") {
		for _, word := range letters.FindAllString(strings.ToLower(w), -1) {
			want, wantOK := alphabet(0), false
			for _, a := range allAlphabets() {
				if a.matches(word) {
					want, wantOK = a, true
					break
				}
			}
			if got, ok := wordAlphabet(word); got != want || ok != wantOK {
				t.Fatalf("%q: %v %v, upstream %v %v", word, got, ok, want, wantOK)
			}
		}
	}
}

func benchTexts(b *testing.B) []string {
	var texts []string
	for _, s := range fragments(b) {
		if len(s) > 1024 {
			s = s[:1024]
		}
		texts = append(texts, s)
	}
	return texts
}

// BenchmarkLoad loads the models of all sizes of de, es and en: the
// compact ones, and upstream's the way its loadLanguageModels does (zip,
// protobuf, map), from the zip files read beforehand.
func BenchmarkLoad(b *testing.B) {
	b.Run("gazex", func(b *testing.B) {
		for range b.N {
			for _, l := range []Language{German, Spanish, English} {
				for n := 1; n <= maxNgramLength; n++ {
					loadCompactModel(l, n)
				}
			}
		}
	})
	b.Run("upstream", func(b *testing.B) {
		dir := upstreamDir(b)
		var zips [][]byte
		for _, iso := range []string{"de", "es", "en"} {
			for n := 1; n <= maxNgramLength; n++ {
				z, err := os.ReadFile(filepath.Join(dir, "language-models", iso, getNgramNameByLength(n)+"s.pb.bin.zip"))
				if err != nil {
					b.Fatal(err)
				}
				zips = append(zips, z)
			}
		}
		b.ResetTimer()
		for range b.N {
			for _, z := range zips {
				m := decodeUpstream(b, z)
				modelMap := make(map[string]float64, m.TotalNgrams)
				for _, ngramSet := range m.NgramSets {
					for _, ngrm := range ngramSet.Ngrams {
						modelMap[ngrm] = ngramSet.Probability
					}
				}
			}
		}
	})
}

func upstreamDir(t testing.TB) string {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/pemistahl/lingua-go").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	return strings.TrimSpace(string(out))
}

// decodeUpstream decodes one of upstream's zipped protobuf models.
func decodeUpstream(t testing.TB, b []byte) *serialization.SerializableLanguageModel {
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := z.File[0].Open()
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pb, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	m := &serialization.SerializableLanguageModel{}
	if err := proto.Unmarshal(pb, m); err != nil {
		t.Fatal(err)
	}
	return m
}

// BenchmarkCompute runs ComputeLanguageConfidenceValues over the test texts
// (cut to 1024 bytes, as gazex does) with models loaded.
func BenchmarkCompute(b *testing.B) {
	texts := benchTexts(b)
	o := NewLanguageDetectorBuilder().FromLanguages(German, Spanish, English).
		WithMinimumRelativeDistance(0.25).WithPreloadedLanguageModels().Build()
	u := upstream.NewLanguageDetectorBuilder().FromLanguages(upstream.German, upstream.Spanish, upstream.English).
		WithMinimumRelativeDistance(0.25).WithPreloadedLanguageModels().Build()
	b.Run("gazex", func(b *testing.B) {
		for range b.N {
			for _, s := range texts {
				o.ComputeLanguageConfidenceValues(s)
			}
		}
	})
	b.Run("upstream", func(b *testing.B) {
		for range b.N {
			for _, s := range texts {
				u.ComputeLanguageConfidenceValues(s)
			}
		}
	})
}

// TestPairsMatchSlots holds the look-up in pairs to the one in slots and
// logs: every n-gram of the paired sizes, their prefixes and random keys.
func TestPairsMatchSlots(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for _, l := range []Language{German, Spanish, English} {
		for n := 1; n <= maxNgramLength; n++ {
			m := loadCompactModel(l, n)
			if (m.pairs != nil) != (n <= pairedNgramLength) {
				t.Fatalf("%v %d-grams: pairs %v", l, n, m.pairs != nil)
			}
			if m.pairs == nil {
				continue
			}
			plain := *m
			plain.pairs = nil
			var keys []uint64
			for _, s := range m.slots {
				if s != 0 {
					key := s & prefixMask[maxNgramLength]
					keys = append(keys, key, key&prefixMask[n-1], key^1<<(8*(n-1)))
				}
			}
			for range 100_000 {
				keys = append(keys, r.Uint64()&prefixMask[n])
			}
			for _, key := range keys {
				v, ok := m.lookUp(key)
				pv, pok := plain.lookUp(key)
				if ok != pok || math.Float64bits(v) != math.Float64bits(pv) {
					t.Fatalf("%v %d-gram %x: pairs %v %v, slots %v %v", l, n, key, v, ok, pv, pok)
				}
			}
		}
	}
}
