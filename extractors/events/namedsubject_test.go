package events

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
)

// The sentences below are written for these tests about real office
// holders; the other persons in them are invented and unknown to the
// gazetteer.

// TestNamedSubject holds which subject slots hold a name of their own: the
// first sentence of text is asked about its first verb of saying; the rest is the
// text around it, where a name may be used as one.
func TestNamedSubject(t *testing.T) {
	all, err := gazetteer.Default()
	require.NoError(t, err)
	x, err := New(all)
	require.NoError(t, err)
	tests := []struct {
		name, lang, text string
		want             bool
	}{
		{"en name after an opening clause", "en", "Asked about the talks, Scott told reporters she expected no deal.", true},
		{"en first and last name", "en", "Farida Haddad told reporters she expected no deal.", true},
		{"en name after what was said", "en", "\"There will be no deal before May,\" said Haddad.", true},
		{"en name opening the sentence, a name elsewhere", "en", "Haddad told reporters she expected no deal. The talks were led by Farida Haddad.", true},
		{"en word opening the sentence, never a name", "en", "Officials told reporters he expected no deal. Officials from both sides met again.", false},
		{"en pronoun", "en", "On Tuesday she told reporters that no deal was near.", false},
		{"en role noun", "en", "The minister told reporters that no deal was near.", false},
		{"en after an article", "en", "The Reckoning Crew told reporters that no deal was near.", false},
		{"en English puts no name after the verb", "en", "He told Reuters that the delegation would leave.", false},
		{"es nombre al principio, usado como nombre", "es", "García dijo que el acuerdo se firmará en mayo. La delegación la encabezó Ana García.", true},
		{"es palabra al principio", "es", "Luego dijo que el acuerdo se firmará en mayo.", false},
		{"es nombre tras el verbo", "es", "El acuerdo se firmará en mayo, dijo García.", true},
		{"es artículo", "es", "El portavoz dijo que el acuerdo se firmará en mayo.", false},
		{"de Name am Satzanfang, anderswo als Name", "de", "Müller sagte am Dienstag, eine Einigung sei nahe. Die Delegation leitet der Diplomat Bernd Müller.", true},
		{"de Vor- und Nachname nach dem Verb", "de", "Eine Einigung sei nahe, sagte Bernd Müller.", true},
		{"de Name nach dem Verb, anderswo als Name", "de", "Eine Einigung sei nahe, sagte Müller. Die Delegation leitet Bernd Müller.", true},
		{"de Substantiv am Satzanfang", "de", "Experten sagten am Dienstag, eine Einigung sei nahe.", false},
		{"de Substantiv nach dem Verb", "de", "Eine Einigung sei nahe, sagten Diplomaten am Dienstag.", false},
		{"de Substantiv mit Artikel", "de", "Die Kommission sagte am Dienstag, eine Einigung sei nahe.", false},
		{"de Zeitangabe vor dem Verb, Pronomen danach", "de", "Am Dienstag sagte sie, eine Einigung sei nahe.", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			end := len(tc.text)
			if i := strings.Index(tc.text, ". "); i >= 0 {
				end = i + 1
			}
			s := Sentence{Start: 0, End: end, Lang: tc.lang}
			in := Input{Text: tc.text, Sentences: []Sentence{s}}
			tok := 0
			bufs := new(arenaBufs)
			ws, v := x.sentenceWords(in, s, &tok, bufs, false)
			v.memo = &bufs.memo
			trs := x.triggers(ws, &v, nil, nil)
			i := slices.IndexFunc(trs, func(h hit) bool { return h.e.value == TypeStatement })
			require.GreaterOrEqual(t, i, 0, "no verb of saying")
			tr := trs[i]
			opens := invertedSpeech(ws, tr, nil, &v) || afterQuote(tc.text, ws, tr)
			assert.Equal(t, tc.want, namedSubject(tc.text, tc.lang, ws, &v, tr, opens), "trigger %q", tc.text[ws[tr.i].start:ws[tr.i+tr.n-1].end])
		})
	}
}

// A statement whose subject is a name the gazetteer does not know takes
// no actor from the sentence before; a pronoun still continues it.
func TestNamedSubjectBorrowsNothing(t *testing.T) {
	blinken, scholz, sanchez := entity(t, "person/antony-blinken"), entity(t, "person/olaf-scholz"), entity(t, "person/pedro-sanchez")
	ents := map[string]*gazetteer.Entity{"Antony Blinken": blinken, "Olaf Scholz": scholz, "Pedro Sánchez": sanchez}
	// The sentences before: each names one official as its subject.
	const (
		blinkenMet      = "Secretary of State Antony Blinken met Gulf leaders in Riyadh on Monday."
		sanchezVisited  = "El presidente del Gobierno, Pedro Sánchez, visitó el lunes la sede de la OTAN en Bruselas."
		scholzTravelled = "Bundeskanzler Olaf Scholz reiste am Montag zu Gesprächen nach Paris."
	)
	tests := []struct {
		name, lang string
		sentences  []string
		actor      *gazetteer.Entity // nil: no statement
	}{
		{"en name after an opening clause", "en", []string{
			blinkenMet,
			"Asked about the ceasefire talks, Farida Haddad told reporters she expected no breakthrough before May.",
		}, nil},
		{"en name after what was said", "en", []string{
			blinkenMet,
			"\"He will be back in May,\" said Haddad.",
		}, nil},
		{"en pronoun still continues", "en", []string{
			blinkenMet,
			"Asked about the ceasefire talks, he told reporters he expected no breakthrough before May.",
		}, blinken},
		{"es nombre al principio", "es", []string{
			sanchezVisited,
			"García dijo que él volverá en mayo.",
			"La delegación la encabezó la diplomática Ana García.",
		}, nil},
		{"es sujeto omitido", "es", []string{
			sanchezVisited,
			"Luego dijo que volverá en mayo.",
		}, sanchez},
		{"de Name am Satzanfang", "de", []string{
			scholzTravelled,
			"Müller sagte, er rechne mit einer Einigung im Mai.",
			"Der Politikwissenschaftler Bernd Müller begleitet die Delegation seit Jahren.",
		}, nil},
		{"de Name nach dem Verb", "de", []string{
			scholzTravelled,
			"Auf die Frage nach einer Einigung sagte Bernd Müller, er rechne damit im Mai.",
		}, nil},
		{"de Pronomen nach dem Verb", "de", []string{
			scholzTravelled,
			"Am Dienstag sagte er, er rechne mit einer Einigung im Mai.",
		}, scholz},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := filter(run(t, tc.lang, thursday, ents, tc.sentences...), TypeStatement)
			if tc.actor == nil {
				assert.Empty(t, evs)
				return
			}
			require.NotEmpty(t, evs)
			assert.Equal(t, []string{tc.actor.ID}, actors(evs[0]))
		})
	}
}
