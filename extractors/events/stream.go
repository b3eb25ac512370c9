package events

import "slices"

// A long document is read a sentence at a time: the words and lexicon hits
// of one sentence live in the arenas until the next, so that the memory
// of Extract does not grow with the document (a word is 56 bytes: a whole
// 8 MB document's would be 70 MB). The topics counted over the whole
// document come from a pass of their own before.

// sentenceWords returns the words of s and their lexicon hits, in the
// arenas of bufs: valid until the next call unless keep, which appends to
// the arenas instead of reusing them. *tok is the first token not before
// s, moved past it.
func (x *Extractor) sentenceWords(in Input, s Sentence, tok *int, bufs *arenaBufs, keep bool) ([]word, view) {
	if !keep {
		bufs.words, bufs.hits, bufs.masks = bufs.words[:0], bufs.hits[:0], bufs.masks[:0]
	}
	var adj [2]int
	ws, next, ok := x.tokenWords(in.Text, in.Tokens, *tok, s, &bufs.words, &adj)
	*tok = next
	if !ok {
		ws = x.words(in.Text, s)
	}
	v := find(x.lexOf(s.Lang).all, in.Text, ws, &bufs.hits, &bufs.masks, &bufs.refs)
	if ok {
		v.adjFrom, v.adjTo, v.adjKnown = adj[0], adj[1], true
	}
	return ws, v
}

// keepWordsUpTo is the most tokens a document has whose words are kept
// between the passes (a variable for the test of both ways).
var keepWordsUpTo = maxPooledWords

// sentenceWords of a short document are kept from the pass that counts
// its topics for the pass that reads it (read twice, they would cost a
// few percent of a news article's time); a long document's are read again.
type keptWords struct {
	wss   [][]word
	views []view
}

// docTopics counts the topic words of the whole document, what a sentence
// without a topic word of its own falls back on; for a short document it
// returns the sentences' words and hits too, else nil.
func (x *Extractor) docTopics(in Input, bufs *arenaBufs) (*topicCounts, *keptWords) {
	topics := new(topicCounts)
	var kept *keptWords
	if len(in.Tokens) <= keepWordsUpTo {
		// The lists are the arenas' too: not two allocations a document.
		n := len(in.Sentences)
		kept = &bufs.kept
		kept.wss, kept.views = slices.Grow(kept.wss[:0], n)[:n], slices.Grow(kept.views[:0], n)[:n]
		if cap(bufs.words) < len(in.Tokens) {
			bufs.words = make([]word, 0, len(in.Tokens))
		}
		bufs.words, bufs.hits, bufs.masks = bufs.words[:0], bufs.hits[:0], bufs.masks[:0]
	}
	tok := 0
	for i, s := range in.Sentences {
		ws, v := x.sentenceWords(in, s, &tok, bufs, kept != nil)
		if v.has&(1<<kindTopic) != 0 {
			for _, h := range v.hits {
				if k := h.e.topic; k >= 0 && h.e.kind == kindTopic {
					topics[k]++ // a topic not in topicOrder is never asked for
				}
			}
		}
		if kept != nil {
			kept.wss[i], kept.views[i] = ws, v
		}
	}
	return topics, kept
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
