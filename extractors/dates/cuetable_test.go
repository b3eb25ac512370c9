package dates

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestCueTable holds cueTab to cueWords: every cue word is found, in
// lower, upper and title case where it is ASCII, and words that are none
// (a cue word with a byte changed, cut or lengthened) are not.
func TestCueTable(t *testing.T) {
	for w, c := range cueWords {
		require.Equal(t, c, cueTab.lower([]byte(w)), w)
		if strings.IndexFunc(w, func(r rune) bool { return r >= 0x80 }) >= 0 {
			continue
		}
		for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
			require.Equal(t, c, asciiCue(v), v)
		}
		for i := range len(w) {
			for _, b := range []byte("aeqzAQ") {
				v := w[:i] + string(b) + w[i+1:]
				require.Equal(t, cueWords[strings.ToLower(v)], asciiCue(v), v)
			}
		}
		for _, v := range []string{w + "x", w[:len(w)-1], "x" + w} {
			if len(v) >= 2 {
				require.Equal(t, cueWords[v], asciiCue(v), v)
				require.Equal(t, cueWords[v], cueTab.lower([]byte(v)), v)
			}
		}
	}
}

// TestMetadata holds Metadata, which looks for the line's start no
// further back than a label may reach, to reading the whole line.
func TestMetadata(t *testing.T) {
	texts := diffTexts(t)
	for _, label := range []string{"date", "Datum", "FECHA", "datum:", "datums:", "fecha_", "ſdate"} {
		for _, pre := range []string{"", " ", "x\n", "\t\n  ", "\v", "x "} {
			for _, post := range []string{"", ":", " :", ": ", " : \t", "::", "\f:\r", " x"} {
				texts = append(texts, pre+label+post+"3 April 2023")
			}
		}
	}
	for _, text := range texts {
		for i := 0; i <= len(text); i++ {
			want := metaLabel(text[strings.LastIndexByte(text[:i], '\n')+1 : i])
			require.Equal(t, want, Metadata(text, Expr{Start: i}), "%q at %d", text, i)
		}
	}
}

// asciiCue is what cues looks a word of ASCII letters up by.
func asciiCue(w string) cue {
	k := cueKey(w[0]|0x20, w[1]|0x20, w[len(w)-1]|0x20, len(w))
	if !cueTab.may(k) {
		return 0
	}
	return cueTab.ascii(w, k)
}

// TestDashSpace holds dashSpace, which goes from dash to dash by
// IndexByte, to trying every byte.
func TestDashSpace(t *testing.T) {
	ref := func(s string, pos int) int {
		for i := pos; i < len(s); i++ {
			n := 0
			switch {
			case s[i] == '-':
				n = 1
			case strings.HasPrefix(s[i:], "—"), strings.HasPrefix(s[i:], "–"):
				n = 3
			default:
				continue
			}
			if i+n < len(s) && strings.IndexByte(reSpace, s[i+n]) >= 0 {
				return i
			}
		}
		return -1
	}
	texts := append(diffTexts(t), "a - b", "a — b", "a – b", "a —b – c-d -\te", "“x” — \xe2\x80 -- - ", "—", "-", "–\n", "\xe2")
	for _, text := range texts {
		for pos := 0; pos <= len(text); pos++ {
			require.Equal(t, ref(text, pos), dashSpace(text, pos), "%q from %d", text, pos)
		}
	}
}
