package events

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/extractors/dates"
)

// TestTimelineTweetAnchor holds the timeline's tweetAnchor, which counts
// the runes before a footer from its count for the sentence before, to
// tweetAnchor, which counts them anew, over the sentences of a text in
// order, in steps of every size, from any byte (one that continues a
// rune too).
func TestTimelineTweetAnchor(t *testing.T) {
	anchor := dates.Anchor{Year: 2024, Month: 3, Day: 14}
	tweet := dates.Anchor{Year: 2023, Month: 4, Day: 3}
	texts := append(fastTexts(t),
		"firmaron hoy https://t.co/abc pic.twitter.com/xyz — Canal Caribe (@CanalCaribeCuba) April 3, 2023",
		strings.Repeat("ñ", 200)+strings.Repeat("a", 100)+" pic.twitter.com/"+strings.Repeat("ü", 30)+" x",
		strings.Repeat("ab ñ ", 150)+"\n"+strings.Repeat("ü x ", 100))
	for _, text := range texts {
		var footers []dates.Footer
		for _, at := range []int{len(text) / 3, len(text) / 2, len(text) - 1} {
			if at > 0 && (len(footers) == 0 || footers[len(footers)-1].Start < at) {
				footers = append(footers, dates.Footer{Start: at, End: at + 1, Date: tweet})
			}
		}
		for _, step := range []int{1, 3, 17, 64, 301} {
			tl := &timeline{anchor: anchor, footers: footers}
			for i := 0; i < len(text); i += step {
				s := Sentence{Start: i, End: min(len(text), i+step)}
				require.Equal(t, tweetAnchor(text, s, footers, anchor), tl.tweetAnchor(text, s), "%q from %d, step %d", text, i, step)
			}
		}
	}
}

// TestRuneCount holds runeCount to utf8.RuneCountInString on real texts
// and on invalid UTF-8, from every offset.
func TestRuneCount(t *testing.T) {
	texts := append(fastTexts(t), "abc\xe2\x80defghij\xffklmnopq\xc3", "ñññññññññ aaaaaaaa\xe2\x80\x94bbbbbbbbb", "\x80\x80\x80\x80\x80\x80\x80\x80\x80")
	for _, text := range texts {
		for i := 0; i < len(text) && i < 200; i++ {
			require.Equal(t, utf8.RuneCountInString(text[i:]), runeCount(text[i:]), "%q", text[i:])
		}
	}
}

// TestClauseFuture holds clauseFuture, which reads only the run of words
// of the clause it finds in the sentence, to reading each word of the
// clause alone.
func TestClauseFuture(t *testing.T) {
	// Each word of the clause alone, wherever it stands in ws.
	ref := func(text string, ws []word, c, at int) bool {
		for _, w := range ws {
			if w.clause == c && clauseFuture(text, []word{w}, nil, c, at) {
				return true
			}
		}
		return false
	}
	text := "viajará; er werde am Freitag die geplante Reise antreten, sagte er; viajará el lunes y firmarán, the upcoming summit shall be held"
	var ws []word
	clause := 0
	for i := 0; i < len(text); {
		j := i
		for j < len(text) && text[j] != ' ' && text[j] != ',' && text[j] != ';' {
			j++
		}
		if j > i {
			ws = append(ws, word{start: i, end: j, fold: strings.ToLower(text[i:j]), clause: clause})
		}
		if j < len(text) && text[j] != ' ' {
			clause++
		}
		i = j + 1
	}
	for c := -1; c <= clause+1; c++ {
		for _, w := range ws {
			for _, at := range []int{w.start, w.end} {
				require.Equal(t, ref(text, ws, c, at), clauseFuture(text, ws, nil, c, at), "clause %d at %d", c, at)
			}
		}
	}
}
