package batch_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Sentences in the style of the news gazex reads, written for these tests.
var (
	deSentences = []string{
		"Der russische Außenminister Sergej Lawrow ist am Montag in %s mit seinem chinesischen Amtskollegen Wang Yi zusammengetroffen.",
		"Beide Seiten vereinbarten, die Zusammenarbeit im Bereich der Informationssicherheit auszubauen, wie das Ministerium mitteilte.",
		"Kreml-Sprecher Dmitri Peskow sagte am Dienstag, Präsident Wladimir Putin sei über die Gespräche unterrichtet worden.",
		"Nach Angaben der Nachrichtenagentur Sputnik soll ein weiteres Treffen im Herbst in %s stattfinden.",
	}
	esSentences = []string{
		"El canciller ruso, Serguéi Lavrov, se reunió este martes en %s con su homólogo chino, Wang Yi.",
		"Ambas partes acordaron ampliar la cooperación en materia de seguridad informática, informó Prensa Latina.",
		"El portavoz del Kremlin, Dmitri Peskov, afirmó que las conversaciones fueron constructivas.",
	}
	enSentences = []string{
		"Russian Foreign Minister Sergei Lavrov met his Chinese counterpart Wang Yi in %s on Tuesday.",
		"The two sides agreed to expand cooperation on information security, the ministry said in a statement.",
		"Kremlin spokesman Dmitry Peskov told reporters that President Vladimir Putin had been briefed.",
	}
	cities = []string{"Moskau", "Peking", "Havanna", "Berlin", "Madrid", "Washington"}
)

// article writes a short news text of a few sentences.
func article(r *rand.Rand) string {
	sets := [][]string{deSentences, esSentences, enSentences}
	set := sets[r.IntN(len(sets))]
	var b strings.Builder
	for range 3 + r.IntN(4) {
		s := set[r.IntN(len(set))]
		if strings.Contains(s, "%s") {
			s = fmt.Sprintf(s, cities[r.IntN(len(cities))])
		}
		b.WriteString(s)
		b.WriteString(" ")
		if r.IntN(3) == 0 {
			b.WriteString("\n\n")
		}
	}
	return strings.TrimSpace(b.String()) + "\n"
}

func page(title, body string, day int) string {
	var paras strings.Builder
	for _, p := range strings.Split(body, "\n\n") {
		fmt.Fprintf(&paras, "<p>%s</p>\n", strings.TrimSpace(p))
	}
	return fmt.Sprintf(`<!DOCTYPE html><html><head><title>%s</title>
<meta property="og:site_name" content="Beispiel-Zeitung">
<meta property="article:published_time" content="2023-04-%02dT10:00:00Z">
</head><body><nav><a href="/">Start</a> | <a href="/politik">Politik</a></nav>
<article><h1>%s</h1>
%s</article><footer>Impressum · Datenschutz</footer></body></html>
`, title, day, title, paras.String())
}

// writeCorpus fills dir with n generated documents in mixed formats —
// .txt, .html, .jsonl (several documents a file), and .gz of each — in
// sub-folders of at most 200 files, and returns the document ids that a
// batch run must produce exactly once.
func writeCorpus(tb testing.TB, dir string, n int, seed uint64) map[string]bool {
	tb.Helper()
	r := rand.New(rand.NewPCG(seed, 7))
	want := map[string]bool{}
	files := 0
	write := func(rel string, data []byte, gz bool) {
		if gz {
			var buf bytes.Buffer
			zw := gzip.NewWriter(&buf)
			zw.Write(data)
			zw.Close()
			data, rel = buf.Bytes(), rel+".gz"
		}
		sub := fmt.Sprintf("d%03d", files/200)
		files++
		p := filepath.Join(dir, sub, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			tb.Fatal(err)
		}
		want[filepath.Join(sub, rel)] = true
	}
	for i := 0; i < n; {
		switch k := i % 10; {
		case k < 4:
			write(fmt.Sprintf("t%06d.txt", i), []byte(article(r)), k == 3)
			i++
		case k < 7:
			write(fmt.Sprintf("h%06d.html", i), []byte(page(fmt.Sprintf("Meldung %d: Gespräche in %s", i, cities[i%len(cities)]), article(r), 1+i%28)), false)
			i++
		default:
			var buf bytes.Buffer
			first := i
			for j := 0; j < 3 && i < n; j++ {
				id := fmt.Sprintf("gen-%06d", i)
				line, _ := json.Marshal(map[string]string{"id": id, "text": article(r), "published": "2023-04-03"})
				buf.Write(line)
				buf.WriteByte('\n')
				want[id] = true
				i++
			}
			name := fmt.Sprintf("j%06d.jsonl", first)
			gz := first%20 == 7
			write(name, buf.Bytes(), gz)
			delete(want, filepath.Join(fmt.Sprintf("d%03d", (files-1)/200), name+map[bool]string{true: ".gz"}[gz]))
		}
	}
	return want
}
