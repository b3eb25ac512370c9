package events

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/extractors/dates"
	"github.com/gazex/gazex/gazetteer"
)

// The fast paths of this package must answer as the slow ones they stand
// for: these tests hold each to its reference on the seeds and on cases
// made to hit their edges.

// fastTexts are the seeds and a few texts with quotes, cut runes and
// apostrophes.
func fastTexts(t *testing.T) []string {
	t.Helper()
	paths, err := filepath.Glob("../../testdata/seeds/*.txt")
	require.NoError(t, err)
	texts := []string{
		"„Die Regierung hat versagt“, sagte er. «Maduro miente», dijo un vocero.",
		"He said \"no\" to O'Brien’s plan “today” — la ministra «no».",
		"Außenminister\u00a0Müller traf Botschafterin Anna Test in Kiew.",
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		texts = append(texts, string(b))
	}
	return texts
}

// TestLastTokens: the document's last tokens of a part are the part's own.
func TestLastTokens(t *testing.T) {
	for _, text := range fastTexts(t) {
		in := Input{Text: text, Tokens: gazetteer.Tokens(text)}
		for to := 0; to <= len(text); to += 7 {
			for _, from := range []int{to - 120, to - 33, to - 5, to - 1} {
				from = max(0, from)
				for _, n := range []int{1, 3, maxIntroWords} {
					got, base := lastTokens(in, from, to, n)
					want := gazetteer.Tokens(text[from:to])
					want = want[max(0, len(want)-n):]
					require.Len(t, got, len(want), "%q", text[from:to])
					for k := range want {
						assert.Equal(t, want[k].Fold, got[k].Fold)
						assert.Equal(t, from+want[k].Start, base+got[k].Start)
						assert.Equal(t, from+want[k].End, base+got[k].End)
					}
				}
			}
		}
	}
}

// TestQuoted holds quoted, which reads a sentence's marks once, to the
// reading of the text before each offset it replaces.
func TestQuoted(t *testing.T) {
	slow := func(text string, s Sentence, at int) bool {
		if at < s.Start || at > s.End {
			return false
		}
		sent := text[s.Start:s.End]
		in := strings.Count(sent, `"`)%2 == 1
		if i := strings.IndexAny(sent, "„“”«»"); i >= 0 {
			r, _ := utf8.DecodeRuneInString(sent[i:])
			in = in || r == '»' || r == '”' || r == '“' && s.Lang == "de"
		}
		for _, r := range text[s.Start:at] {
			switch r {
			case '„', '«':
				in = true
			case '»', '”':
				in = false
			case '“':
				in = s.Lang != "de"
			case '"':
				in = !in
			}
		}
		return in
	}
	for _, text := range fastTexts(t) {
		for i := 0; i < len(text); i += 5 {
			for _, j := range []int{i + 1, i + 40, i + 200} {
				for _, lang := range []string{"de", "es"} {
					s := Sentence{Start: i, End: min(j, len(text)), Lang: lang}
					q := sentQuotes{text: text, s: s}
					for at := max(0, i-1); at <= min(s.End+1, len(text)); at++ {
						require.Equal(t, slow(text, s, at), q.quoted(at), "%q at %d", text[s.Start:s.End], at)
					}
				}
			}
		}
	}
}

// TestCompiledPatterns holds the compiled pattern words to wordMatch on
// every pattern word of the lexicons and the words of the seeds.
func TestCompiledPatterns(t *testing.T) {
	x, err := New(nil)
	require.NoError(t, err)
	var words []string
	for _, text := range fastTexts(t) {
		for _, tok := range gazetteer.Tokens(text) {
			words = append(words, tok.Fold)
		}
	}
	for _, l := range x.lex {
		for _, e := range l.all.entries {
			for pi, seq := range e.patterns {
				for j, p := range seq {
					c := e.compiled[pi][j]
					if p == "..." || strings.HasPrefix(p, "!") {
						continue
					}
					p = strings.TrimSuffix(p, "$")
					p = strings.TrimSuffix(p, umlautMark)
					for _, w := range words {
						require.Equal(t, wordMatch(p, w), c.match(w), "%q %q", p, w)
					}
				}
			}
		}
	}
}

// TestHasUmlaut holds hasUmlaut to strings.ContainsAny.
func TestHasUmlaut(t *testing.T) {
	for _, text := range fastTexts(t) {
		for _, tok := range gazetteer.Tokens(text) {
			w := text[tok.Start:tok.End]
			assert.Equal(t, strings.ContainsAny(w, umlauts), hasUmlaut(w), w)
		}
	}
	for _, w := range []string{"", "\xc3", "a\xc3", "\xc3\xa4", "ß\xc3", "Ésta", "Straße", "größer", "ÿ"} {
		assert.Equal(t, strings.ContainsAny(w, umlauts), hasUmlaut(w), w)
	}
}

// TestDedupWays: both ways of dedup give what the plain scan gives, on
// short and long lists alike (TestDedupIndexMatchesScan tests dedup).
func TestDedupWays(t *testing.T) {
	all, err := gazetteer.Default()
	require.NoError(t, err)
	x, err := New(all)
	require.NoError(t, err)
	ins, _ := seedInputs(t, true)
	var evs []Event
	for _, in := range ins {
		evs = append(evs, x.Extract(in)...)
	}
	for n := 0; n <= 3*len(evs); n += 1 + n/4 {
		var list []Event
		for i := range n {
			ev := evs[i%len(evs)]
			ev.lead = i%3 == 0
			list = append(list, ev)
		}
		want := dedupScan(slices.Clone(list))
		for _, got := range [][]Event{dedupScanned(slices.Clone(list)), dedupIndexed(slices.Clone(list))} {
			require.Equal(t, len(want), len(got), "%d events", n)
			for i := range want {
				assert.Equal(t, want[i].String(), got[i].String())
				assert.Equal(t, want[i].Rules, got[i].Rules)
				assert.Equal(t, want[i].Participants, got[i].Participants)
			}
		}
	}
}

// TestWordSearches holds the binary searches over a sentence's words to
// the scans they replace.
func TestWordSearches(t *testing.T) {
	x, err := New(nil)
	require.NoError(t, err)
	for _, text := range fastTexts(t) {
		ws := x.words(text, Sentence{Start: 0, End: min(len(text), 600)})
		for at := -1; at <= min(len(text), 600)+1; at++ {
			assert.Equal(t, slices.IndexFunc(ws, func(w word) bool { return w.start >= at }), wordFrom(ws, at))
			want := 0
			if len(ws) > 0 {
				want = ws[len(ws)-1].clause
			}
			for _, w := range ws {
				if w.end > at {
					want = w.clause
					break
				}
			}
			assert.Equal(t, want, clauseAt(ws, at))
			for _, b := range []int{at - 30, at, at + 1, at + 17} {
				n := 0
				lo, hi := min(at, b), max(at, b)
				for _, w := range ws {
					if w.start >= lo && w.start < hi {
						n++
					}
				}
				if b < at {
					n = -n
				}
				assert.Equal(t, n, wordsBetween(ws, at, b))
			}
		}
	}
	assert.Equal(t, -1, wordFrom(nil, 0))
	assert.Equal(t, 0, clauseAt(nil, 0))
}

// linkRunesSplit is linkRunes without its test for links before
// splitting: every field is looked at.
func linkRunesSplit(s string) int {
	n := 0
	for i := 0; i < len(s); {
		j := strings.IndexAny(s[i:], " \n")
		if j < 0 {
			j = len(s) - i
		}
		if f := s[i : i+j]; strings.Contains(f, "://") || strings.Contains(f, "pic.twitter.com/") {
			n += utf8.RuneCountInString(f)
		}
		i += j + 1
	}
	return n
}

// TestTweetLength holds linkRunes to splitting every text, and
// tweetAnchor's test of a short stretch by its bytes to counting its
// runes and links.
func TestTweetLength(t *testing.T) {
	texts := append(fastTexts(t),
		"firmaron hoy https://t.co/abc pic.twitter.com/xyz — Canal Caribe (@CanalCaribeCuba) April 3, 2023",
		"a://b c:// ://", "pic.twitter.com/", "x pic.twitter.com/a\nhttps://ü.de/ö")
	for _, text := range texts {
		for i := 0; i < len(text); i += 3 {
			for _, j := range []int{i, i + 1, i + 30, i + 279, i + 281, i + 600, len(text)} {
				s := text[i:min(j, len(text))]
				require.Equal(t, linkRunesSplit(s), linkRunes(s), "%q", s)
			}
		}
	}
	anchor := dates.Anchor{Year: 2024, Month: 3, Day: 14}
	tweet := dates.Anchor{Year: 2023, Month: 4, Day: 3}
	slow := func(text string, s Sentence, footers []dates.Footer) dates.Anchor {
		for _, f := range footers {
			if f.Start < s.Start {
				continue
			}
			between := text[s.Start:f.Start]
			if len(between) > 4*maxTweetRunes+maxTweetLinks || strings.Contains(between, "\n") {
				return anchor
			}
			if utf8.RuneCountInString(between)-linkRunesSplit(between) <= maxTweetRunes {
				return f.Date
			}
			return anchor
		}
		return anchor
	}
	for _, text := range texts {
		for _, at := range []int{len(text) / 3, len(text) / 2, len(text) - 1} {
			if at <= 0 {
				continue
			}
			footers := []dates.Footer{{Start: at, End: len(text), Date: tweet}}
			for i := 0; i <= at; i += 1 + i/50 {
				s := Sentence{Start: i, End: at}
				require.Equal(t, slow(text, s, footers), tweetAnchor(text, s, footers, anchor), "%q", text[i:at])
			}
		}
	}
	long := strings.Repeat("ñ", 200) + strings.Repeat("a", 100) // 300 runes in 500 bytes; 260 runes in 280 bytes from rune 40 on
	footers := []dates.Footer{{Start: len(long), End: len(long), Date: tweet}}
	for i := 0; i <= len(long); i += 2 {
		s := Sentence{Start: i, End: len(long)}
		require.Equal(t, slow(long, s, footers), tweetAnchor(long, s, footers, anchor), "from %d", i)
	}
}

// TestDatelineShortcut holds dateline, which gives up on a mention far
// into its line without finding the line's start, to reading the line
// from its start, at every token of the texts and of made datelines.
func TestDatelineShortcut(t *testing.T) {
	slow := func(text string, m Mention) bool {
		return datelineAt(text, strings.LastIndexByte(text[:m.Start], '\n')+1, m)
	}
	texts := append(fastTexts(t),
		"MOSKAU, 26. Mai (BelTA) - Putin traf\nBANGKOK: x\nWIEN (dpa) – y\nRabat/Berlin (AFP) – z",
		strings.Repeat("x", 70)+"\nMOSKAU/"+strings.Repeat("KIEW/", 14)+"BERLIN, 26. Mai",
		"Lead\nMOSKAU/"+strings.Repeat("KIEW/", 11)+"BERLIN (AFP) – Putin traf")
	for _, text := range texts {
		toks := gazetteer.Tokens(text)
		for i, a := range toks {
			for _, b := range toks[i:min(len(toks), i+4)] {
				m := Mention{Start: a.Start, End: b.End}
				require.Equal(t, slow(text, m), dateline(text, Sentence{}, m), "%q", text[m.Start:m.End])
			}
		}
	}
}
