package report

import (
	"bufio"
	"html/template"
	"io"
	"strconv"
	"strings"

	"github.com/gazex/gazex/pipeline"
)

// page is the data of the template.
type page struct {
	Docs      []docView
	Kinds     []kind
	Graph     graph
	Events    int
	Entities  int
	Records   int
	Skipped   []string
	BadSpans  int
	NoText    int
	Generator string
}

type docView struct {
	Anchor string
	*Doc
	Pieces   []piece
	Events   []eventView
	Counts   []kindCount
	BadSpans int
}

type kindCount struct {
	Kind  kind
	Count int
}

type eventView struct {
	ID, Type, Plover, Trigger, Sentence string
	Actors, Recipients                  []string
	Date, Place                         string
	Confidence                          string
	Modality                            string
	Colour                              string
}

// WriteHTML writes the report as one HTML page.
func (r *Report) WriteHTML(w io.Writer) error {
	p := page{Kinds: kinds, Records: r.Records, Skipped: r.Skipped, Generator: pipeline.Version}
	ids := map[string]bool{}
	for i, d := range r.Docs {
		v := docView{Anchor: "doc-" + strconv.Itoa(i+1), Doc: d}
		count := map[kind]int{}
		if d.Text != nil {
			ms, bad := d.marks()
			v.Pieces, v.BadSpans = pieces(*d.Text, ms), bad
			p.BadSpans += bad
			for _, m := range ms {
				count[m.kind]++
			}
		} else {
			p.NoText++
		}
		for _, k := range kinds {
			if count[k] > 0 {
				v.Counts = append(v.Counts, kindCount{k, count[k]})
			}
		}
		for _, e := range d.Entities {
			ids[e.ID] = true
		}
		for _, ev := range d.Events {
			v.Events = append(v.Events, viewEvent(ev))
		}
		p.Events += len(d.Events)
		p.Docs = append(p.Docs, v)
	}
	p.Entities = len(ids)
	p.Graph = buildGraph(r.Docs)
	bw := bufio.NewWriter(w)
	if err := pageTemplate.Execute(bw, p); err != nil {
		return err
	}
	return bw.Flush()
}

func viewEvent(ev pipeline.EventRecord) eventView {
	v := eventView{ID: ev.ID, Type: ev.Type, Trigger: ev.Trigger.Text, Sentence: ev.Sentence.Text,
		Confidence: strconv.FormatFloat(ev.Confidence, 'f', -1, 64), Colour: colourOf(ev.Type)}
	if ev.Plover != nil {
		v.Plover = ev.Plover.Type
	}
	for _, p := range ev.Participants {
		name := p.Name
		if p.Position != nil && p.Position.Title != "" {
			name += " (" + p.Position.Title + ")"
		}
		if p.Role == "recipient" {
			v.Recipients = append(v.Recipients, name)
		} else {
			v.Actors = append(v.Actors, name)
		}
	}
	if ev.Date != nil {
		v.Date = ev.Date.Value
	}
	if ev.Place != nil {
		v.Place = ev.Place.Name
	}
	var mod []string
	if ev.Modality.Negated {
		mod = append(mod, "negated")
	}
	if ev.Modality.Future {
		mod = append(mod, "future")
	}
	if ev.Modality.Hypothetical {
		mod = append(mod, "hypothetical")
	}
	v.Modality = strings.Join(mod, ", ")
	return v
}

var pageTemplate = template.Must(template.New("page").Parse(pageHTML))

const pageHTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="{{.Generator}}">
<title>gazex report: {{len .Docs}} documents, {{.Events}} events</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 1100px; padding: 1em 1.5em; color: #222; background: #fff; }
h1 { font-size: 1.6em; margin-bottom: .2em; }
h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ccc; word-break: break-all; }
.meta, .note { color: #555; font-size: .9em; }
.legend span { margin-right: 1em; white-space: nowrap; }
mark { border-radius: 3px; padding: 0 1px; color: inherit; }
mark.official { background: #cfe3ff; box-shadow: inset 0 -2px #1f5fbf; }
mark.agency { background: #d4f2d0; box-shadow: inset 0 -2px #2e8b2e; }
mark.country { background: #ffe2bf; box-shadow: inset 0 -2px #d2750f; }
mark.place { background: #ece0f5; box-shadow: inset 0 -2px #8a5bb0; }
mark.trigger { background: #ffd0d0; box-shadow: inset 0 -2px #c62828; font-weight: 600; }
.swatch { display: inline-block; width: .9em; height: .9em; border-radius: 2px; vertical-align: -1px; }
.text { white-space: pre-wrap; border: 1px solid #e4e4e4; background: #fafafa; padding: .8em 1em; border-radius: 4px; }
table { border-collapse: collapse; width: 100%; margin-top: .8em; font-size: .88em; }
th, td { border: 1px solid #ddd; padding: .3em .5em; vertical-align: top; text-align: left; }
th { background: #f0f0f0; }
td.type { white-space: nowrap; font-weight: 600; }
td.type span { display: inline-block; width: .7em; height: .7em; border-radius: 50%; margin-right: .3em; }
svg { display: block; max-width: 100%; height: auto; border: 1px solid #e4e4e4; border-radius: 4px; background: #fff; }
svg text { font: 12px system-ui, sans-serif; fill: #222; }
circle.official { fill: #1f5fbf; } circle.agency { fill: #2e8b2e; } circle.country { fill: #d2750f; } circle.place { fill: #8a5bb0; }
nav ol { columns: 2; font-size: .9em; }
</style>
</head>
<body>
<h1>gazex report</h1>
<p class="meta">{{len .Docs}} documents · {{.Events}} events · {{.Entities}} distinct entities · {{.Records}} records read{{if .BadSpans}} · {{.BadSpans}} spans that do not match their text were not highlighted{{end}}</p>
{{if .NoText}}<p class="note">{{.NoText}} documents come without their text: make the records with <code>gazex extract --emit all --include-text</code> to see it highlighted.</p>{{end}}
{{if .Skipped}}<details class="note"><summary>{{len .Skipped}} lines were not used</summary><ul>{{range .Skipped}}<li>{{.}}</li>{{end}}</ul></details>{{end}}
<p class="legend">Highlights (hover for id, position and confidence):
{{range .Kinds}}<span><mark class="{{.Class}}">{{.Label}}</mark></span>{{end}}</p>

<section id="graph">
<h2>Who met, signed with or accused whom</h2>
{{with .Graph}}{{if .Nodes}}
<p class="legend">{{range .Types}}<span><span class="swatch" style="background: {{.Colour}}"></span> {{.Type}}</span>{{end}}</p>
<p class="note">Lines join the participants of an event: an arrow goes from actor to recipient, a plain line joins two sides of a symmetric event. A thicker line is more events; hover over it for the documents.{{if .Hidden}} {{.Hidden}} entities in the fewest events are not shown.{{end}}</p>
<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="graph of interactions" width="{{.Size}}" height="{{.Size}}" viewBox="0 0 {{.Size}} {{.Size}}">
<defs>{{range .Types}}<marker id="{{.ID}}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{{.Colour}}"/></marker>{{end}}</defs>
<g class="edges">{{range .Edges}}
<line x1="{{.X1}}" y1="{{.Y1}}" x2="{{.X2}}" y2="{{.Y2}}" stroke="{{.Colour}}" stroke-width="{{.Width}}" stroke-opacity="0.75" data-type="{{.Type}}"{{if .MarkerID}} marker-end="url(#{{.MarkerID}})"{{end}}><title>{{.Title}}</title></line>{{end}}
</g>
<g class="nodes">{{range .Nodes}}
<g class="node" data-id="{{.ID}}"><title>{{.ID}} · {{.Name}}</title><circle class="{{.Class}}" cx="{{.X}}" cy="{{.Y}}" r="7"/><text x="{{.LabelX}}" y="{{.LabelY}}" text-anchor="{{.Anchor}}">{{.Label}}</text></g>{{end}}
</g>
</svg>
{{else}}<p class="note">No event in these records has two participants.</p>{{end}}{{end}}
</section>

<nav><h2>Documents</h2><ol>{{range .Docs}}<li><a href="#{{.Anchor}}">{{.ID}}</a> ({{len .Events}} events)</li>{{end}}</ol></nav>

{{range .Docs}}
<section class="doc" id="{{.Anchor}}">
<h2>{{.ID}}</h2>
<p class="meta">{{if .Lang}}language {{.Lang}}{{end}}{{if .Published}} · published {{.Published}}{{end}}{{if .URL}} · <a href="{{.URL}}" rel="noreferrer">{{.URL}}</a>{{end}}{{range .Counts}} · {{.Count}} {{.Kind.Label}}{{end}}</p>
{{range .Warnings}}<p class="note">warning: {{.}}</p>{{end}}
{{if .Text}}<div class="text">{{template "pieces" .Pieces}}</div>{{else}}<p class="note">(no text in the records)</p>{{end}}
{{if .Events}}<table class="events">
<thead><tr><th>type</th><th>trigger</th><th>actors</th><th>recipients</th><th>date</th><th>place</th><th>confidence</th><th>sentence</th></tr></thead>
<tbody>{{range .Events}}
<tr id="{{.ID}}"><td class="type"><span style="background: {{.Colour}}"></span>{{.Type}}{{if .Plover}}<br><small>{{.Plover}}</small>{{end}}{{if .Modality}}<br><small>{{.Modality}}</small>{{end}}</td><td>{{.Trigger}}</td><td>{{range $i, $a := .Actors}}{{if $i}}; {{end}}{{$a}}{{end}}</td><td>{{range $i, $a := .Recipients}}{{if $i}}; {{end}}{{$a}}{{end}}</td><td>{{.Date}}</td><td>{{.Place}}</td><td>{{.Confidence}}</td><td>{{.Sentence}}</td></tr>{{end}}
</tbody></table>{{else}}<p class="note">No events.</p>{{end}}
</section>
{{end}}
</body>
</html>
{{define "pieces"}}{{range .}}{{if .Class}}<mark class="{{.Class}}" title="{{.Title}}">{{template "pieces" .Children}}</mark>{{else}}{{.Text}}{{end}}{{end}}{{end}}`
