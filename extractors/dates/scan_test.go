package dates

import (
	"bufio"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// diffTexts are real sentences for the differential tests: the lines of
// the seeds and held-out texts, and, if GAZEX_DATES_SENTENCES names a
// file of Go-quoted sentences, one a line (as Find got them on a corpus),
// those too.
func diffTexts(t testing.TB) []string {
	var texts []string
	for _, glob := range []string{"../../testdata/seeds/*.txt", "../../testdata/eval/holdout/texts/*"} {
		paths, err := filepath.Glob(glob)
		require.NoError(t, err)
		require.NotEmpty(t, paths, glob)
		for _, p := range paths {
			raw, err := os.ReadFile(p)
			require.NoError(t, err)
			for line := range strings.Lines(string(raw)) {
				texts = append(texts, line)
			}
		}
	}
	if p := os.Getenv("GAZEX_DATES_SENTENCES"); p != "" {
		f, err := os.Open(p)
		require.NoError(t, err)
		defer f.Close()
		seen := map[string]bool{}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			s, err := strconv.Unquote(sc.Text())
			require.NoError(t, err)
			if !seen[s] {
				seen[s] = true
				texts = append(texts, s)
			}
		}
		require.NoError(t, sc.Err())
	}
	return texts
}

// checkMatchers holds every hand-written matcher to its rule's regular
// expression on s.
func checkMatchers(t testing.TB, s string) {
	var buf [30]int
	for i, f := range fastRules {
		if f == nil {
			continue
		}
		want := rules[i].re.FindStringSubmatchIndex(s)
		got := f(s, buf[:])
		if len(want) == 0 && len(got) == 0 {
			continue
		}
		if !slices.Equal(want, got) {
			t.Fatalf("rule %d (%s) on %q: got %v, want %v", i, rules[i].re, s, got, want)
		}
	}
}

// synth makes a random text of the words, numbers and separators the
// rules read, in odd cases, glued and spaced, with runes whose case folds
// are not ASCII and bytes that are not UTF-8.
func synth(r *rand.Rand) string {
	words := []string{
		"Mai", "mai", "März", "MÄRZ", "maerz", "May", "may", "March", "Sept", "Sept.", "sep", "October", "Oktober", "abril", "Abril", "diciembre",
		"Montag", "montag", "Sonntagabend", "lunes", "Martes", "miércoles", "Friday", "friday", "MONDAY",
		"am", "Am", "el", "El", "on", "this", "este", "vergangenen", "vergangene", "vergangener", "letzten", "last", "Last", "next", "próximo", "proximo", "Próximo", "pasado", "PASADO", "coming",
		"de", "De", "del", "DEL", "dex", "de.", "ende", "Ende", "end", "en", "En", "ENDE", "Anfang", "mitte", "im", "Im", "seit", "ſeit", "finales", "fines", "principios", "in", "In", "during", "late", "early", "mid", "Mid", "mid-", "mid-May", "middle", "the", "The", "of", "beginning", "start",
		"vor", "Vor", "hace", "Hace", "ago", "AGO", "agos", "a", "A", "an", "un", "una", "ein", "einem", "zwei", "Zwei", "dos", "tres", "two", "Two", "ten",
		"tag", "Tag", "tage", "tagen", "Tagen", "tagn", "woche", "wochen", "Wochen", "monat", "monate", "monaten", "día", "días", "dia", "Días", "semana", "semanas", "mes", "mese", "mess", "meses", "day", "days", "week", "weeks", "month", "months", "Months",
		"später", "SPÄTER", "danach", "darauf", "zuvor", "después", "despues", "más", "tarde", "antes", "later", "earlier",
		"to", "and", "through", "until", "till", "To", "bis", "und", "y", "al",
		"1", "3", "12", "31", "123", "2023", "1999", "2101", "20233", "2023-04", "2023-04-03", "2023-4-03", "2023-04-031", "3rd", "1st", "2nd", "4th", "3rdx", "14-16", "14–16",
		"tags", "Tags", "darauf", "danach", "Tag", "tag", "selben", "gleichen", "Monat", "al", "día", "DÍA", "siguiente", "anterior", "ese", "aquel", "mismo",
		"la", "La", "víspera", "following", "previous", "same", "that", "That", "damals", "Damals", "entonces", "heute", "morgen", "Morgen", "mañana",
		"MAÑANA", "esta", "Esta", "Woche", "semana", "pasada", "que", "viene", "diese", "Karfreitag", "Viernes", "Santo", "Easter", "Sunday", "monday",
		"christmas", "Eve", "Neujahr", "neujahrstag", "domingo", "pascua", "resurrección", "zu", "Ostern", "übermorgen", "pasado mañana",
		"Übermorgen", "ÜBERMORGEN", "ſemana", "ſeptember",
		"Ärger", "Überraschung", "K", "k", "ſ", "ß", "Ñ", "x", "_", "\xff", "\xc3", "é",
	}
	if r.IntN(3) == 0 {
		return synthPhrase(r)
	}
	seps := []string{" ", " ", " ", "  ", "\n", "\t", "\r", "\f", "\v", ".", ". ", ", ", ",", "-", "–", " – ", " - ", "", "/", "(", ")", "\u00a0"}
	var b strings.Builder
	for n := 1 + r.IntN(9); n > 0; n-- {
		b.WriteString(words[r.IntN(len(words))])
		b.WriteString(seps[r.IntN(len(seps))])
	}
	return b.String()
}

// synthN is how many random texts TestMatchers checks; GAZEX_DATES_SYNTH
// sets more.
var synthN = func() int {
	if n, err := strconv.Atoi(os.Getenv("GAZEX_DATES_SYNTH")); err == nil {
		return n
	}
	return 30000
}()

// TestMatchers holds the hand-written matchers to the regular expressions
// they stand for, on every suffix of real sentences, windows of them and
// random texts.
func TestMatchers(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, text := range diffTexts(t) {
		for k := range len(text) {
			if text[k] == ' ' || k == 0 || r.IntN(8) == 0 { // windows start at spaces; and some anywhere
				checkMatchers(t, text[k:])
				checkMatchers(t, text[k:k+r.IntN(len(text)-k+1)])
			}
		}
	}
	for range synthN {
		s := synth(r)
		checkMatchers(t, s)
		if len(s) > 0 {
			checkMatchers(t, s[r.IntN(len(s)):])
		}
	}
}

// TestFindFast holds Find, with its matchers, to the rules' regular
// expressions alone, on real sentences and random texts.
func TestFindFast(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	texts := diffTexts(t)
	for range synthN / 3 {
		texts = append(texts, synth(r))
	}
	for _, text := range texts {
		if got, want := find(text, true, true), find(text, true, false); !slices.Equal(got, want) {
			t.Fatalf("on %q:\ngot  %+v\nwant %+v", text, got, want)
		}
	}
}

func FuzzMatchers(f *testing.F) {
	f.Add("Am vergangenen Montag, dem 24. Februar 2024, trafen sich die Minister; Ende März folgt ein Gipfel.")
	f.Add("El pasado martes 3 de abril de 2023 firmaron; hace dos semanas, tres días después.")
	f.Add("Last week, on Friday, March 3rd, 2024 and October 14-16, 2023; two weeks ago, mid-May 2023-04-03.")
	f.Fuzz(func(t *testing.T, text string) {
		checkMatchers(t, text)
		if got, want := find(text, true, true), find(text, true, false); !slices.Equal(got, want) {
			t.Fatalf("on %q:\ngot  %+v\nwant %+v", text, got, want)
		}
	})
}

// The regular expressions fullMonth and shiftOf were, and monthOf as it was.
var (
	pastOnlyRef  = regexp.MustCompile(`^(?:` + pastRe + `)$`)
	nextOnlyRef  = regexp.MustCompile(`^(?:` + nextRe + `)$`)
	monthOnlyRef = regexp.MustCompile(`^(?i:` + monthRe + `)$`)
)

func shiftOfRef(mod string) int {
	mod = strings.ToLower(mod)
	switch {
	case pastOnlyRef.MatchString(mod):
		return -1
	case nextOnlyRef.MatchString(mod):
		return 1
	}
	return 0
}

func monthOfRef(s string) int { return months[strings.TrimSuffix(strings.ToLower(s), ".")] }

// TestWordTables holds fullMonth, shiftOf and monthOf to the regular
// expressions and lower-casing they replace, on the words of real
// sentences and random texts, their runs of letters, and odd cases.
func TestWordTables(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	texts := diffTexts(t)
	for range synthN {
		texts = append(texts, synth(r))
	}
	words := []string{"MÄRZ", "märz", "MärZ", "ſeptember", "SEPTEMBER", "deKember", "Maerz", "maerz.", "Mai.", "LAST", "Laſt", "próximo", "PRÓXIMO", "Próxima", "", "."}
	for m := range fullMonths {
		words = append(words, m, strings.ToUpper(m), strings.ToUpper(m[:1])+m[1:])
	}
	for _, text := range texts {
		words = append(words, strings.Fields(text)...)
		for i := 0; i < len(text); {
			e := lettersAt(text, i)
			if e > i {
				words = append(words, text[i:e])
				i = e
				continue
			}
			i++
		}
	}
	for _, w := range words {
		require.Equal(t, monthOnlyRef.MatchString(w), fullMonth(w), "fullMonth(%q)", w)
		require.Equal(t, shiftOfRef(w), shiftOf(w), "shiftOf(%q)", w)
		require.Equal(t, monthOfRef(w), monthOf(w), "monthOf(%q)", w)
	}
}

// TestMayEndRange holds mayEndRange to rangeHeadRe: where the regular
// expression matches, it says it may.
func TestMayEndRange(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	texts := append(diffTexts(t), "vom 14. bis ", "del 30 de septiembre al ", "14–", "3 und dem ", "from 14 to the ", "14 -\t", "14. bis einschließlich ")
	for range synthN {
		texts = append(texts, synth(r))
	}
	for _, text := range texts {
		for k := range len(text) + 1 {
			s := text[max(0, k-48):k]
			if rangeHeadRe.MatchString(s) {
				require.True(t, mayEndRange(s), "%q", s)
			}
		}
	}
}

// synthPhrase makes a phrase of the shape the rules of months and years
// named relative to the anchor read: a prefix, a word, a tail, in odd
// cases and spacing, cut or glued at random.
func synthPhrase(r *rand.Rand) string {
	heads := append([]string{"", "", "x", "Im", "im", "in", "the end of", "Ende", "a finales de", "mid-", "el pasado", "vor", "la"}, monthPrefixes...)
	mids := []string{"Mai", "März", "marzo", "June", "may", "Montag", "im", "diciembre", "Dezember", "de", "mes", "Woche", "semana", "zwei", "3"}
	var tails []string
	for _, q := range relYearTails {
		t := ""
		for k, e := range q {
			if k > 0 && !e.glued {
				t += " "
			}
			t += e.words[r.IntN(len(e.words))]
		}
		tails = append(tails, t)
	}
	tails = append(tails, "pasado", "próximo", "PASADO", "Jahres", "jahr", "des Jahre", "del año", "year", "Tage später", "semanas", "ago", "")
	spaces := []string{" ", " ", "  ", "\n", "\t", "", "-", ". "}
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	t := pick(heads) + pick(spaces) + pick(mids) + pick(spaces) + pick(tails) + pick([]string{"", "", ".", "s", "x", " 2023", "ä", ","})
	switch r.IntN(4) {
	case 0:
		t = strings.ToUpper(t)
	case 1:
		t = strings.ReplaceAll(t, "s", "ſ")
	}
	if r.IntN(4) == 0 && len(t) > 0 {
		t = t[r.IntN(len(t)):]
	}
	return t
}

// TestMetaLabel holds metaLabel to metaLabelRe on the prefixes of real
// lines and on labels with every kind of space, case and colon around.
func TestMetaLabel(t *testing.T) {
	var in []string
	for _, text := range diffTexts(t) {
		for i := 0; i <= len(text) && i < 80; i++ {
			in = append(in, text[:i])
		}
	}
	for _, label := range []string{"date", "Datum", "FECHA", "dAtE", "dat", "datums", "fecha_", "dateDatum", "ſdate", "Date\u212a"} {
		for _, pre := range []string{"", " ", "\t\n", "\v", "x "} {
			for _, post := range []string{"", ":", " :", ": ", " : \t", "::", ": :", "\f:\r", "\v", ":\u00a0", " x"} {
				in = append(in, pre+label+post)
			}
		}
	}
	for _, s := range in {
		require.Equal(t, metaLabelRe.MatchString(s), metaLabel(s), "%q", s)
	}
}

// TestFooterMatches holds footerMatches to tweetFooterRe.FindAllStringIndex
// on the windows Footers reads and on made footers.
func TestFooterMatches(t *testing.T) {
	texts := diffTexts(t)
	for _, f := range []string{"— Canal Caribe (@CanalCaribeCuba) April 3, 2023", "– X (@a) ", "- Y - Z (@b_1)\t\n", "-- — A (@x) (@y) ", "—\tB (@" + strings.Repeat("w", 31) + ") ", "- " + strings.Repeat("ñ", 81) + "(@c) ", "-\n(@d) ", "- a\n- b (@e) - c (@f) "} {
		texts = append(texts, f, "pic.twitter.com/x "+f+" Weiter", f+f)
	}
	for _, text := range texts {
		for at := strings.Index(text, "(@"); at >= 0; {
			for _, reach := range []int{10, 60, 368} {
				s := text[max(0, at-reach):min(len(text), at+reach)]
				var want [][2]int
				for _, l := range tweetFooterRe.FindAllStringIndex(s, -1) {
					want = append(want, [2]int{l[0], l[1]})
				}
				require.Equal(t, want, footerMatches(s), "%q", s)
			}
			next := strings.Index(text[at+2:], "(@")
			if next < 0 {
				break
			}
			at += 2 + next
		}
		require.Equal(t, len(tweetFooterRe.FindAllStringIndex(text, -1)), len(footerMatches(text)), "%q", text)
	}
}
