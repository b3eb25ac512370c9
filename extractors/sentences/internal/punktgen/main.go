// Command punktgen writes the compact Punkt models of package sentences
// (data/LANG.punkt) from the JSON models of gopkg.in/neurosnap/sentences.v1
// (data/LANG.json): run it with go generate in extractors/sentences.
//
// A compact model is one entry a line, sorted, "KINDkey<TAB>value", KIND
// being A (abbreviation types), C (collocations), S (sentence starters) or
// O (orthographic contexts); only entries with a value other than zero are
// written, because the tokenizer reads zero as absent. The English model is
// the one english.NewSentenceTokenizer builds, with its added abbreviations.
package main

import (
	"cmp"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"

	punkt "gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/english"
)

func main() {
	log.SetFlags(0)
	for _, m := range []struct {
		name    string
		english bool
	}{{"german", false}, {"spanish", false}, {"english", true}} {
		b, err := os.ReadFile(filepath.Join("data", m.name+".json"))
		if err != nil {
			log.Fatal(err)
		}
		st, err := punkt.LoadTraining(b)
		if err != nil {
			log.Fatal(err)
		}
		if m.english {
			tok, err := english.NewSentenceTokenizer(st)
			if err != nil {
				log.Fatal(err)
			}
			st = tok.Storage
		}
		type entry struct {
			kind, key string
			value     int
		}
		var entries []entry
		for kind, set := range map[string]punkt.SetString{"A": st.AbbrevTypes, "C": st.Collocations, "S": st.SentStarters, "O": st.OrthoContext} {
			for k, v := range set {
				if v == 0 {
					continue
				}
				if strings.ContainsAny(k, "\t\n") {
					log.Fatalf("%s: key %q holds a tab or a line break", m.name, k)
				}
				entries = append(entries, entry{kind, k, v})
			}
		}
		// By kind, then key: the order the tokenizer searches in.
		slices.SortFunc(entries, func(a, b entry) int {
			return cmp.Or(strings.Compare(a.kind, b.kind), strings.Compare(a.key, b.key))
		})
		var lines []string
		for _, e := range entries {
			lines = append(lines, fmt.Sprintf("%s%s\t%d", e.kind, e.key, e.value))
		}
		out := filepath.Join("data", m.name+".punkt")
		if err := os.WriteFile(out, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}
