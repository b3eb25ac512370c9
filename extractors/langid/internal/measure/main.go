// Command measure scores document-language candidates on extracted page
// texts against hand-checked labels (de, es, en, other), and reports
// accuracy per class and the cost per page (wall clock and CPU, after a
// warm-up that loads every model).
//
//	P=$(go env GOMODCACHE)/github.com/markusmobius/go-trafilatura@v1.12.2/test-files/comparison
//	gazex extract --emit documents --include-text --skip-bad $P > pages.jsonl
//	go run ./extractors/langid/internal/measure -pages pages.jsonl \
//	    -labels extractors/langid/testdata/trafilatura-labels.tsv -cand gazex
//
// Candidates: gazex (the Detector), whatlang (whatlanggo, 84 languages, on
// the first 4096 bytes; whatlang-1024 on 1024), lingua-low-eu (lingua's
// low-accuracy mode over 20 European languages), lingua-low-latin (all its
// Latin-script languages), lingua-low (all 75). Labels: lines
// "ID<TAB>LABEL". It is a measurement tool, not part of gazex.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/pemistahl/lingua-go"

	"github.com/gazex/gazex/extractors/langid"
	"github.com/gazex/gazex/third_party/whatlanggo"
)

func main() {
	texts := flag.String("texts", "", "folder of ID.txt files")
	pages := flag.String("pages", "", "JSON Lines of gazex extract --emit documents --include-text (instead of -texts)")
	labels := flag.String("labels", "", "file of ID<TAB>LABEL lines")
	cand := flag.String("cand", "gazex", "candidate: gazex, whatlang, lingua-low, lingua-low-latin")
	list := flag.Bool("list", false, "print ID, label and answer of every page")
	flag.Parse()
	ids, gold := readLabels(*labels)
	byID := map[string]string{}
	if *pages != "" {
		byID = readPages(*pages)
	}
	docs := make([]string, len(ids))
	for i, id := range ids {
		if *pages != "" {
			t, ok := byID[id]
			if !ok {
				fmt.Fprintf(os.Stderr, "%s: not in %s\n", id, *pages)
				os.Exit(1)
			}
			docs[i] = t
			continue
		}
		b, err := os.ReadFile(filepath.Join(*texts, id+".txt"))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		docs[i] = string(b)
	}
	var ms0 runtime.MemStats
	runtime.ReadMemStats(&ms0)
	t0 := time.Now()
	decide := build(*cand)
	setup := time.Since(t0)
	// first call separately: lazy model loading shows up here
	t1 := time.Now()
	first := decide(docs[0])
	firstCall := time.Since(t1)
	answers := make([]string, len(docs))
	answers[0] = first
	decide("Qxz") // a text without evidence: loads lingua's models (on first use)
	decide("Warm up every model once before timing, los modelos, die Modelle.")
	decide("El govern ha aprovat aquest dimarts el projecte de pressupostos per a l'any vinent, que ara haurà de passar pel Parlament.")
	cpu0 := cpuTime()
	t2 := time.Now()
	for i := 1; i < len(docs); i++ {
		answers[i] = decide(docs[i])
	}
	rest := time.Since(t2)
	cpu := cpuTime() - cpu0
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	classes := []string{"de", "es", "en", "other"}
	right, total := map[string]int{}, map[string]int{}
	confusion := map[[2]string]int{}
	for i := range ids {
		total[gold[i]]++
		if answers[i] == gold[i] {
			right[gold[i]]++
		} else {
			confusion[[2]string{gold[i], answers[i]}]++
		}
		if *list {
			fmt.Printf("%s\t%s\t%s\n", ids[i], gold[i], answers[i])
		}
	}
	all, allRight := 0, 0
	fmt.Printf("candidate %s\n", *cand)
	for _, c := range classes {
		fmt.Printf("  %-5s %3d/%3d %5.1f%%\n", c, right[c], total[c], pct(right[c], total[c]))
		all += total[c]
		allRight += right[c]
	}
	fmt.Printf("  all   %3d/%3d %5.1f%%\n", allRight, all, pct(allRight, all))
	for k, n := range confusion {
		fmt.Printf("  gold %s -> %s: %d\n", k[0], k[1], n)
	}
	fmt.Printf("  setup %v, first call %v, then %.3f ms/page (CPU %.3f ms/page) over %d pages, heap %d MB (sys %d MB)\n",
		setup.Round(time.Millisecond), firstCall.Round(time.Millisecond),
		float64(rest.Microseconds())/1000/float64(len(docs)-1),
		float64(cpu.Microseconds())/1000/float64(len(docs)-1), len(docs)-1,
		(ms.HeapAlloc-ms0.HeapAlloc)>>20, ms.Sys>>20)
}

// cpuTime is the process's user and system CPU time so far: on a shared
// machine it varies less than the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

func class(code string) string {
	switch code {
	case "de", "es", "en":
		return code
	}
	return "other"
}

func build(cand string) func(string) string {
	switch cand {
	case "gazex":
		d, err := langid.New(nil)
		if err != nil {
			panic(err)
		}
		return func(t string) string { l, _ := d.Document(t); return class(l) }
	case "whatlang":
		return func(t string) string {
			return class(whatlanggo.Detect(prefix(t, 4096)).Lang.Iso6391())
		}
	case "whatlang-512", "whatlang-1024", "whatlang-2048":
		n := map[string]int{"whatlang-512": 512, "whatlang-1024": 1024, "whatlang-2048": 2048}[cand]
		return func(t string) string {
			return class(whatlanggo.Detect(prefix(t, n)).Lang.Iso6391())
		}
	case "whatlang-reliable":
		return func(t string) string {
			info := whatlanggo.Detect(prefix(t, 4096))
			if !info.IsReliable() {
				return "unreliable"
			}
			return class(info.Lang.Iso6391())
		}
	case "lingua-low", "lingua-low-latin", "lingua-low-eu":
		b := lingua.NewLanguageDetectorBuilder()
		var bb lingua.LanguageDetectorBuilder
		switch cand {
		case "lingua-low":
			bb = b.FromAllLanguages()
		case "lingua-low-latin":
			bb = b.FromAllLanguagesWithLatinScript()
		default:
			bb = b.FromLanguages(lingua.German, lingua.Spanish, lingua.English, lingua.French,
				lingua.Italian, lingua.Portuguese, lingua.Polish, lingua.Dutch, lingua.Catalan,
				lingua.Finnish, lingua.Hungarian, lingua.Bokmal, lingua.Nynorsk, lingua.Swedish, lingua.Danish,
				lingua.Czech, lingua.Romanian, lingua.Turkish, lingua.Arabic, lingua.Russian)
		}
		d := bb.WithLowAccuracyMode().Build()
		return func(t string) string {
			l, ok := d.DetectLanguageOf(prefix(t, 4096))
			if !ok {
				return "unknown"
			}
			return class(strings.ToLower(l.IsoCode639_1().String()))
		}
	}
	panic("unknown candidate " + cand)
}

func prefix(text string, n int) string {
	if len(text) <= n {
		return text
	}
	for n > 0 && text[n]&0xC0 == 0x80 {
		n--
	}
	return text[:n]
}

// readPages maps the doc id of every document record in path to its text.
func readPages(path string) map[string]string {
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var rec struct {
			Kind string `json:"kind"`
			Doc  struct {
				ID string `json:"id"`
			} `json:"doc"`
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil || rec.Kind != "document" {
			continue
		}
		out[rec.Doc.ID] = rec.Text
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	return out
}

func readLabels(path string) (ids, gold []string) {
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		id, label, _ := strings.Cut(line, "\t")
		if !slices.Contains([]string{"de", "es", "en", "other"}, label) {
			fmt.Fprintf(os.Stderr, "bad label %q for %s\n", label, id)
			os.Exit(1)
		}
		ids = append(ids, id)
		gold = append(gold, label)
	}
	return ids, gold
}
