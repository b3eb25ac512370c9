package gazexbeam

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

// Sentences in the style of the news gazex reads, written for these tests;
// the corpus mixes them with paragraphs of the seed texts.
var ownSentences = []string{
	"Der russische Außenminister Sergej Lawrow ist am Montag in %s mit seinem chinesischen Amtskollegen Wang Yi zusammengetroffen.",
	"Kreml-Sprecher Dmitri Peskow sagte am Dienstag, die Gespräche in %s seien konstruktiv gewesen.",
	"El canciller ruso, Serguéi Lavrov, se reunió este martes en %s con su homólogo chino, Wang Yi.",
	"Ambas partes acordaron ampliar la cooperación en materia de seguridad informática, informó Prensa Latina.",
	"Russian Foreign Minister Sergei Lavrov met his Chinese counterpart Wang Yi in %s on Tuesday.",
	"Kremlin spokesman Dmitry Peskov told reporters in %s that President Vladimir Putin had been briefed.",
}

var cities = []string{"Moskau", "Peking", "Havanna", "Berlin", "Madrid", "Washington"}

// seedParagraphs returns the paragraphs of the seed texts.
func seedParagraphs(tb testing.TB) []string {
	tb.Helper()
	files, err := filepath.Glob("../../testdata/seeds/*.txt")
	if err != nil || len(files) == 0 {
		tb.Fatalf("no seed texts: %v", err)
	}
	var paras []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		for _, p := range strings.Split(string(data), "\n\n") {
			if p = strings.TrimSpace(p); len(p) > 40 {
				paras = append(paras, p)
			}
		}
	}
	return paras
}

// corpus writes generated documents.
type corpus struct {
	tb    testing.TB
	dir   string
	r     *rand.Rand
	paras []string
	files int
	docs  int // documents the folder holds (a failed file counts as one)
	bad   int // of which, documents that must fail
}

// article mixes one to three seed paragraphs with sentences of our own.
func (c *corpus) article() string {
	var b strings.Builder
	for range 1 + c.r.IntN(3) {
		if c.r.IntN(3) == 0 {
			s := ownSentences[c.r.IntN(len(ownSentences))]
			if strings.Contains(s, "%s") {
				s = fmt.Sprintf(s, cities[c.r.IntN(len(cities))])
			}
			b.WriteString(s)
		} else {
			p := c.paras[c.r.IntN(len(c.paras))]
			if len(p) > 900 { // keep documents small: cut at a sentence end
				if i := strings.Index(p[600:], ". "); i >= 0 {
					p = p[:600+i+1]
				}
			}
			b.WriteString(p)
		}
		b.WriteString("\n\n")
	}
	return strings.TrimSpace(b.String()) + "\n"
}

func (c *corpus) write(rel string, data []byte, gz bool) {
	c.tb.Helper()
	if gz {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write(data)
		zw.Close()
		data, rel = buf.Bytes(), rel+".gz"
	}
	p := filepath.Join(c.dir, fmt.Sprintf("d%03d", c.files/250), rel)
	c.files++
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		c.tb.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		c.tb.Fatal(err)
	}
}

func page(title, body string, day int) string {
	var paras strings.Builder
	for _, p := range strings.Split(body, "\n\n") {
		fmt.Fprintf(&paras, "<p>%s</p>\n", strings.TrimSpace(p))
	}
	return fmt.Sprintf(`<!DOCTYPE html><html><head><title>%s</title>
<meta property="article:published_time" content="2023-04-%02dT10:00:00Z">
</head><body><nav><a href="/">Start</a> | <a href="/politik">Politik</a></nav>
<article><h1>%s</h1>
%s</article><footer>Impressum</footer></body></html>
`, title, day, title, paras.String())
}

// writeCorpus fills dir with n documents: plain text (some gzipped),
// HTML pages, JSONL files of four documents (ids renamed, some without id
// so that FILE:LINE names them, one bad line now and then), and files that
// must be reported as failed: empty, binary, broken gzip.
func writeCorpus(tb testing.TB, dir string, n int, seed uint64) *corpus {
	tb.Helper()
	c := &corpus{tb: tb, dir: dir, r: rand.New(rand.NewPCG(seed, 11)), paras: seedParagraphs(tb)}
	for c.docs < n {
		i := c.docs
		switch k := c.files % 40; {
		case k < 24:
			c.write(fmt.Sprintf("t%06d.txt", i), []byte(c.article()), k == 5)
			c.docs++
		case k < 26:
			title := fmt.Sprintf("Meldung %d aus %s", i, cities[i%len(cities)])
			c.write(fmt.Sprintf("h%06d.html", i), []byte(page(title, c.article(), 1+i%28)), false)
			c.docs++
		case k < 39:
			var buf bytes.Buffer
			for j := 0; j < 4 && c.docs < n; j++ {
				doc := map[string]string{"text": c.article(), "published": fmt.Sprintf("2023-04-%02d", 1+c.docs%28)}
				if c.docs%7 != 0 {
					doc["id"] = fmt.Sprintf("wire/%d/%06d", 2023, c.docs)
				}
				line, _ := json.Marshal(doc)
				if c.docs%97 == 0 {
					line, c.bad = []byte(`{"id": "broken`), c.bad+1
				}
				buf.Write(line)
				buf.WriteByte('\n')
				c.docs++
			}
			c.write(fmt.Sprintf("j%06d.jsonl", i), buf.Bytes(), i%80 == 30)
		default:
			switch (c.files / 40) % 3 {
			case 0:
				c.write(fmt.Sprintf("e%06d.txt", i), nil, false)
			case 1:
				c.write(fmt.Sprintf("b%06d.txt", i), []byte("PK\x03\x04\x00\x00binary\x00data"), false)
			default:
				c.write(fmt.Sprintf("z%06d.txt.gz", i), []byte{0x1f, 0x8b, 0x08, 0, 1, 2, 3}, false)
			}
			c.docs++
			c.bad++
		}
	}
	return c
}
