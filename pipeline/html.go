package pipeline

import (
	"bytes"
	"fmt"
	"io"
	"mime"
	nurl "net/url"
	"strings"
	"unicode/utf8"

	trafilatura "github.com/gazex/gazex/third_party/go-trafilatura"
	"github.com/gogs/chardet"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// htmlPage is what gazex keeps of an HTML page: its main text (the title,
// a blank line, then the body, as trafilatura extracts them) and the
// metadata that anchors it.
type htmlPage struct {
	Text      string // the document's original text: spans index into it
	Title     string
	URL       string
	Site      string
	Published string // YYYY-MM-DD, or ""
}

// extractHTML extracts the main text and metadata of an HTML page with
// go-trafilatura. The title is kept as the first paragraph of the text,
// because headlines name officials as often as bodies do. A page with no
// main text is an error (ErrDocument), never an empty document. It does not
// panic: a panic inside the extractor becomes an error.
func extractHTML(raw []byte) (page htmlPage, err error) {
	return extractPage(raw, htmlOptions())
}

// htmlOptions are go-trafilatura's options for a page.
func htmlOptions() trafilatura.Options {
	return trafilatura.Options{
		// Without fallback extractors, and with the date taken from the
		// page's metadata and markup (htmldate's fast mode): the
		// extensive modes cost more than the rest of the pipeline.
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Fast,
		// Without the work whose results are not kept here (the text's
		// language, the author, categories, tags and license, a copy of
		// the tree): a third of the extraction's time on real pages, and
		// the text, title, URL, site and date stay the same. (The option
		// is gazex's: third_party/go-trafilatura/GAZEX.md.)
		Lean: true,
	}
}

// extractPage is extractHTML with the given options.
func extractPage(raw []byte, opts trafilatura.Options) (page htmlPage, err error) {
	defer func() {
		if r := recover(); r != nil {
			page, err = htmlPage{}, fmt.Errorf("%w: HTML extraction failed: %v", ErrDocument, r)
		}
	}()
	src, err := htmlSource(raw)
	var doc *html.Node
	if err == nil {
		doc, err = html.Parse(bytes.NewReader(src))
	}
	if err != nil {
		return htmlPage{}, fmt.Errorf("%w: unreadable HTML page (%v)", ErrDocument, err)
	}
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil {
		return htmlPage{}, fmt.Errorf("%w: no main text in the HTML page (%v)", ErrDocument, err)
	}
	body := blockText(res.ContentNode)
	if body == "" {
		body = strings.TrimSpace(res.ContentText)
	}
	title := strings.TrimSpace(res.Metadata.Title)
	text := body
	if title != "" && !strings.HasPrefix(body, title) {
		text = title + "\n\n" + body
	}
	if strings.TrimSpace(text) == "" {
		return htmlPage{}, fmt.Errorf("%w: no main text in the HTML page", ErrDocument)
	}
	page = htmlPage{Text: text, Title: title, Site: res.Metadata.Sitename}
	if u, perr := nurl.Parse(res.Metadata.URL); perr == nil && (u.Scheme == "http" || u.Scheme == "https") {
		page.URL = res.Metadata.URL
	}
	if d := res.Metadata.Date; !d.IsZero() {
		page.Published = d.Format("2006-01-02")
	}
	return page, nil
}

// softHyphen is U+00AD in UTF-8.
var softHyphen = []byte("\u00AD")

// htmlSource returns the page decoded to UTF-8, in Unicode's NFC and
// without soft hyphens, as go-trafilatura's own parser reads pages (soft
// hyphens split words for the tagger and mean nothing in prose). Most
// pages are UTF-8 and NFC already and have no soft hyphen: they are
// returned as they are, which saves the page a pass through three
// transformers (a tenth of the HTML stage's time); a page without soft
// hyphens needs only NFC. Removing a soft hyphen
// may let the marks after it combine with the letter before it, which
// is why the removal sits between decomposition and composition.
func htmlSource(raw []byte) ([]byte, error) {
	enc, name := htmlEncoding(raw)
	// A page declared UTF-8 that is valid UTF-8 decodes to itself (the
	// decoder only replaces invalid bytes, and keeps a byte order mark).
	if enc != encoding.Nop && !(name == "utf-8" && utf8.Valid(raw)) {
		dec, err := enc.NewDecoder().Bytes(raw)
		if err != nil {
			return transformAll(raw, append([]transform.Transformer{enc.NewDecoder()}, normalizeHTML()...)...)
		}
		raw = dec
	}
	if !bytes.Contains(raw, softHyphen) {
		// Without soft hyphens the chain is NFC(NFD(raw)), which is
		// NFC(raw): one transformer, and none for a page in NFC.
		if norm.NFC.IsNormal(raw) {
			return raw, nil
		}
		return norm.NFC.Bytes(raw), nil
	}
	return transformAll(raw, normalizeHTML()...)
}

// normalizeHTML are the transformers that make text NFC without soft
// hyphens.
func normalizeHTML() []transform.Transformer {
	return []transform.Transformer{norm.NFD, runes.Remove(runes.Predicate(func(r rune) bool { return r == '\u00AD' })), norm.NFC}
}

// transformAll runs raw through the transformers, chained flat (a chain
// inside a chain fails on long runs with "short internal buffer").
func transformAll(raw []byte, ts ...transform.Transformer) ([]byte, error) {
	return io.ReadAll(transform.NewReader(bytes.NewReader(raw), transform.Chain(ts...)))
}

// blockElements end a paragraph of the extracted text.
var blockElements = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "ul": true, "ol": true, "blockquote": true, "pre": true, "tr": true, "table": true,
	"section": true, "article": true, "header": true, "footer": true, "figure": true, "figcaption": true,
	"dd": true, "dt": true, "br": true, "hr": true, "main": true, "body": true,
}

// blockText renders trafilatura's content tree as text: one paragraph per
// line (paragraphs and headings separated as in the page, which the
// sentence splitter relies on), white space inside a paragraph collapsed.
func blockText(n *html.Node) string {
	if n == nil {
		return ""
	}
	var lines []string
	var cur strings.Builder
	flush := func() {
		if line := strings.Join(strings.Fields(cur.String()), " "); line != "" {
			lines = append(lines, line)
		}
		cur.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			if blockElements[n.Data] {
				flush()
				defer flush()
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	flush()
	return strings.Join(lines, "\n")
}

// metaScanLimit bounds the search for a declared charset. The HTML standard
// stops its prescan at 1024 bytes, but real pages put scripts and styles
// first and declare the charset later in the head; browsers look further
// too. The scan also stops at the first <body> element.
const metaScanLimit = 64 << 10

// htmlEncoding tells how to decode a page, in the order of the HTML
// standard: a byte order mark, then a charset declared in a <meta charset>
// or <meta http-equiv="Content-Type" content="…; charset=…"> element, then
// valid UTF-8, then a statistical guess, then Windows-1252. It returns the
// encoding and its name. A declared UTF-16 means UTF-8, as in browsers (a
// page whose meta element can be read as ASCII is not UTF-16).
func htmlEncoding(raw []byte) (encoding.Encoding, string) {
	if e, name, certain := charset.DetermineEncoding(raw, ""); certain {
		return e, name // a byte order mark
	}
	if e, name := declaredCharset(raw); e != nil {
		return e, name
	}
	if utf8.Valid(raw) {
		return encoding.Nop, "utf-8"
	}
	if res, err := chardet.NewHtmlDetector().DetectBest(raw); err == nil {
		if e, name := charset.Lookup(res.Charset); e != nil && !strings.HasPrefix(name, "utf-") {
			return e, name
		}
	}
	return charmap.Windows1252, "windows-1252"
}

// declaredCharset finds the first charset declared by a meta element in the
// head of a page, or returns nil.
func declaredCharset(raw []byte) (encoding.Encoding, string) {
	if len(raw) > metaScanLimit {
		raw = raw[:metaScanLimit]
	}
	z := html.NewTokenizer(bytes.NewReader(raw))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return nil, ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			switch string(name) {
			case "body":
				return nil, ""
			case "meta":
			default:
				continue
			}
			var declared, content string
			pragma := false
			for more {
				var key, val []byte
				key, val, more = z.TagAttr()
				switch string(key) {
				case "charset":
					declared = string(val)
				case "http-equiv":
					pragma = strings.EqualFold(string(val), "content-type")
				case "content":
					content = string(val)
				}
			}
			if declared == "" && pragma {
				if _, params, err := mime.ParseMediaType(content); err == nil {
					declared = params["charset"]
				}
			}
			if declared == "" {
				continue
			}
			e, label := charset.Lookup(strings.TrimSpace(declared))
			if e == nil {
				continue
			}
			if strings.HasPrefix(label, "utf-16") {
				return encoding.Nop, "utf-8"
			}
			return e, label
		}
	}
}
