package pipeline

import (
	"slices"

	"github.com/gazex/gazex/gazetteer"
)

// tokensFor returns a pooled slice with room for the tokens of text. A long
// document's tokens grown by append cost four times their size in copies,
// with the old and the new array alive at once at the last copy; sized by
// a guess per byte they may waste a fifth (56 bytes a token).
func tokensFor(text string) []gazetteer.Token {
	if len(text) < shortText {
		// A news article: room for a token per two bytes (more than
		// text has but for runs of punctuation) costs less than a count.
		return slices.Grow(getTokens(), len(text)/2+16)
	}
	return slices.Grow(getTokens(), estimateTokens(text))
}

// shortText is the size below which tokensFor does not count: the slices
// come from a pool and keep their room, and the waste is a few KB.
const shortText = 32 << 10

// estimateTokens counts, in one pass over the bytes, about as many tokens
// as [gazetteer.AppendTokens] makes, rather more than fewer: every run of
// letters and digits (any byte of a multi-byte rune counts as a letter) is
// one, and every ASCII punctuation mark, every rune in U+0080–U+00BF
// ("«", "°") and in U+2000–U+2FFF ("„", "–", "€") one each. An apostrophe
// inside a word counts three where the tokeniser makes one; symbols
// elsewhere in Unicode are missed, for which a margin is added.
func estimateTokens(text string) int {
	n, inWord := 0, false
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			inWord = false
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c >= 0xC3 && c != 0xE2:
			if !inWord {
				n++
				inWord = true
			}
		case c < 0x80 || c == 0xC2 || c == 0xE2:
			n++ // punctuation: a token of its own
			inWord = false
		default: // a continuation byte: part of what its rune began
		}
	}
	return n + n/32 + 16
}
