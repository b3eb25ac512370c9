package pipeline

import (
	"bytes"
	"fmt"
	nurl "net/url"
	"strings"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
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
	defer func() {
		if r := recover(); r != nil {
			page, err = htmlPage{}, fmt.Errorf("%w: HTML extraction failed: %v", ErrDocument, r)
		}
	}()
	res, err := trafilatura.Extract(bytes.NewReader(raw), trafilatura.Options{
		// Without fallback extractors, and with the date taken from the
		// page's metadata and markup (htmldate's fast mode): the
		// extensive modes cost more than the rest of the pipeline.
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Fast,
	})
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
