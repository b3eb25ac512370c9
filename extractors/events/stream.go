package events

// A document is read a sentence at a time: the words and lexicon hits of
// one sentence live in the arenas until the next, so that the memory of
// Extract does not grow with the document (a word is 56 bytes: a whole
// 8 MB document's would be 70 MB). The topics counted over the whole
// document come from a pass of their own before.

// sentenceWords returns the words of s and their lexicon hits, in the
// arenas of bufs: valid until the next call. *tok is the first token not
// before s, moved past it.
func (x *Extractor) sentenceWords(in Input, s Sentence, tok *int, bufs *arenaBufs) ([]word, view) {
	bufs.words, bufs.hits = bufs.words[:0], bufs.hits[:0]
	ws, next, ok := x.tokenWords(in.Text, in.Tokens, *tok, s, &bufs.words)
	*tok = next
	if !ok {
		ws = x.words(in.Text, s)
	}
	return ws, view{hits: find(x.lexOf(s.Lang).all, ws, &bufs.hits)}
}

// docTopics counts the topic words of the whole document, what a sentence
// without a topic word of its own falls back on.
func (x *Extractor) docTopics(in Input, bufs *arenaBufs) map[string]int {
	topics := map[string]int{}
	tok := 0
	for _, s := range in.Sentences {
		_, v := x.sentenceWords(in, s, &tok, bufs)
		for _, h := range v.hits {
			if h.e.kind == kindTopic {
				topics[h.e.value]++
			}
		}
	}
	return topics
}

// maxBack is how many sentences back any rule looks for participants.
const maxBack = max(maxSidesBack, maxImpersonalBack, 1)

// forget drops the participants of the sentence just out of every rule's
// reach, so that a long document's history holds a window of them, not
// all.
func forget(history [][]Participant) {
	if n := len(history) - maxBack - 1; n >= 0 {
		history[n] = nil
	}
}
