package events

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// readMarksBytes is readMarks without passing eight bytes at a time: a
// test of every byte.
func (q *sentQuotes) readMarksBytes() {
	sent := q.text[q.s.Start:q.s.End]
	q.marks = q.buf[:0]
	straight := 0
	var first rune
	for i := 0; i < len(sent); i++ {
		var r rune
		n := 0
		switch c := sent[i]; {
		case c == '"':
			r, n = '"', 1
			straight++
		case c == 0xC2 && i+1 < len(sent) && (sent[i+1] == 0xAB || sent[i+1] == 0xBB):
			r, n = utf8.DecodeRuneInString(sent[i:])
		case c == 0xE2 && i+2 < len(sent) && sent[i+1] == 0x80 && sent[i+2] >= 0x9C && sent[i+2] <= 0x9E:
			r, n = utf8.DecodeRuneInString(sent[i:])
		default:
			continue
		}
		if r != '"' && first == 0 {
			first = r
		}
		q.marks = append(q.marks, quoteMark{end: q.s.Start + i + n, r: r})
		i += n - 1
	}
	q.open = straight%2 == 1 || first == '»' || first == '”' || first == '“' && q.s.Lang == "de"
}

// TestReadMarksFast holds readMarks, which passes eight bytes at a time
// that start no mark, to testing every byte, on the seeds and on made
// sentences with every mark at every offset of an eight-byte word.
func TestReadMarksFast(t *testing.T) {
	texts := fastTexts(t)
	for _, m := range []string{"\"", "„", "“", "”", "«", "»", "\xc2", "\xe2\x80", "\xe2\x80\x9b", "\xe2\x80\x9f", "\xc2\xa0", "–", "\x22\xc2\xab"} {
		for pad := range 17 {
			p := strings.Repeat("x", pad)
			texts = append(texts, p+m+"abcdefgh"+m+p, m+p+m, p+m)
		}
	}
	for _, text := range texts {
		for start := 0; start < len(text); start += 1 + start/40 {
			for _, end := range []int{start, start + 1, start + 7, start + 9, start + 17, start + 200, len(text)} {
				end = min(end, len(text))
				for _, lang := range []string{"de", "es"} {
					s := Sentence{Start: start, End: end, Lang: lang}
					fast, slow := sentQuotes{text: text, s: s}, sentQuotes{text: text, s: s}
					fast.readMarks()
					slow.readMarksBytes()
					require.Equal(t, slow.marks, fast.marks, "%q", text[start:end])
					require.Equal(t, slow.open, fast.open, "%q", text[start:end])
				}
			}
		}
	}
}
