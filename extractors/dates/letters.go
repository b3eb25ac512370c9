package dates

import "github.com/gazex/gazex/internal/swar"

// letterEnd returns the end of the run of ASCII letters of text from i
// on: where the first byte from i that is not one is, or len(text). It
// reads eight bytes at a time (swar.LetterRun) while eight are left, so that
// cues passes a word of news in a step or two rather than a table test a
// byte. TestLetterEnd holds it to the byte loop.
func letterEnd(text string, i int) int {
	for i+8 <= len(text) {
		k := swar.LetterRun(swar.Load64(text, i))
		i += k
		if k < 8 {
			return i
		}
	}
	for i < len(text) && byteClass[text[i]] == classLetter {
		i++
	}
	return i
}
