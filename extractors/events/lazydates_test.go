package events

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/extractors/dates"
	"github.com/gazex/gazex/gazetteer"
)

// lazyPool are sentences to build documents of for TestLazyDatesAgree:
// events with and without dates of their own, dates without events,
// dates told from the one before ("tags darauf"), later dates, years,
// filler that lets a date fade, a teaser and a tweet with its footer.
var lazyPool = []string{
	"Anna Test traf am Dienstag in Madrid Pablo Prueba.",
	"Anna Test sagte nach dem Gespräch, beide Länder wollten enger zusammenarbeiten.",
	"Die Gespräche dauerten am Montag drei Stunden.",
	"Es ging um den Handel.",
	"Auch die Energie war ein Thema.",
	"Pablo Prueba hatte am 8. März in Berlin Klage gegen Deutschland eingereicht.",
	"Anna Test wies die Vorwürfe tags darauf zurück.",
	"Tags darauf reiste die Delegation ab.",
	"Damals war vieles anders.",
	"Pablo Prueba kündigte an, er werde am Freitag nach Berlin reisen.",
	"Am 20. April soll ein weiteres Treffen folgen.",
	"Im Jahr 2019 wurde berichtet, dass Anna Test und Pablo Prueba über ein Abkommen verhandelten.",
	"Anna Test bestellte am Mittwoch Pablo Prueba ein.",
	"Am 14. März 2024 unterzeichnete Pablo Prueba ein Abkommen mit Anna Test.",
	"Am Vortag hatte Anna Test Pablo Prueba kritisiert.",
	"Im selben Monat traf Anna Test erneut Pablo Prueba.",
	"Mehr zum Thema - Anna Test und Pablo Prueba unterzeichnen am 2. März Abkommen",
	"Hoy firmamos un acuerdo con Anna Test. — Pablo Prueba (@pabloprueba) March 13, 2024",
}

// TestLazyDatesAgree: the events of a short document are the same with
// its dates read on demand (datePass) and read in order by the timeline,
// on the seeds and on documents drawn from lazyPool.
func TestLazyDatesAgree(t *testing.T) {
	all, err := gazetteer.Default()
	require.NoError(t, err)
	x, err := New(all)
	require.NoError(t, err)
	ins := poolInputs(t)
	defer func() { lazyDates = true }()
	dated := 0
	for i, in := range ins {
		lazyDates = false
		want := x.Extract(in)
		lazyDates = true
		got := x.Extract(in)
		require.Equal(t, want, got, "document %d: %q", i, in.Text)
		for _, ev := range want {
			if ev.Date != nil && ev.Date.Method == dates.MethodRelativeContext {
				dated++
			}
		}
	}
	assert.Greater(t, dated, 50, "dates carried or told from the sentence before")
}

// TestPartsArenaAgrees: the events are the same with the candidates
// made in the arenas (Input.partsRoom) and each list made on its own.
func TestPartsArenaAgrees(t *testing.T) {
	all, err := gazetteer.Default()
	require.NoError(t, err)
	x, err := New(all)
	require.NoError(t, err)
	defer func() { partsArena = true }()
	for i, in := range poolInputs(t) {
		partsArena = false
		want := x.Extract(in)
		partsArena = true
		got := x.Extract(in)
		require.Equal(t, want, got, "document %d: %q", i, in.Text)
	}
}

// poolInputs are the seeds and 400 documents drawn from lazyPool.
func poolInputs(t *testing.T) []Input {
	ins, _ := seedInputs(t, true)
	r := rand.New(rand.NewPCG(12, 13))
	for range 400 {
		var sents []string
		for range 2 + r.IntN(9) {
			sents = append(sents, lazyPool[r.IntN(len(lazyPool))])
		}
		ins = append(ins, lazyInput(strings.Join(sents, "\n"), sents))
	}
	return ins
}

// lazyInput is the input of text, the sentences sents joined by one
// byte, in German, with Anna Test and Pablo Prueba as mentions, and its
// tokens.
func lazyInput(text string, sents []string) Input {
	in := inputOf(text, "de", thursday, map[string]*gazetteer.Entity{"Anna Test": anna, "Pablo Prueba": pablo}, sents)
	in.Tokens = gazetteer.Tokens(text)
	return in
}

// TestPartsRoom: the lists partsRoom gives do not overlap, whether made
// in one block or several, and one appended to past its room leaves the
// next where it is.
func TestPartsRoom(t *testing.T) {
	var arena []Participant
	in := Input{parts: &arena}
	var lists [][]Participant
	for n := 1; n <= 40; n++ {
		l := in.partsRoom(n)
		require.Empty(t, l)
		require.Equal(t, n, cap(l))
		for k := range n {
			l = append(l, Participant{Start: n, End: k})
		}
		lists = append(lists, l)
	}
	lists[0] = append(lists[0], Participant{Start: -1})
	for n, l := range lists[1:] {
		for k, p := range l {
			require.Equal(t, Participant{Start: n + 2, End: k}, p)
		}
	}
	var none Input // no arena: a list of its own
	require.Equal(t, 3, cap(none.partsRoom(3)))
}

// TestSortParticipants holds sortParticipants to slices.SortStableFunc
// on lists with equal keys, in every order.
func TestSortParticipants(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for n := range 40 {
		ps := make([]Participant, n)
		for i := range ps {
			ps[i] = Participant{Start: r.IntN(5), at: r.IntN(5), End: i}
		}
		for _, byAt := range []bool{false, true} {
			want := slices.Clone(ps)
			slices.SortStableFunc(want, func(a, b Participant) int {
				if byAt {
					return a.at - b.at
				}
				return a.Start - b.Start
			})
			got := slices.Clone(ps)
			sortParticipants(got, byAt)
			require.Equal(t, want, got)
		}
	}
}
