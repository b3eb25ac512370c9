package report

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/gazex/gazex/pipeline"
)

// maxNodes bounds the graph: beyond it, the entities in the fewest events
// are left out (and the page says how many).
const maxNodes = 60

// maxLabel is the longest node label, in characters; the hover shows the
// whole name.
const maxLabel = 28

// node is an entity that takes part in an interaction.
type node struct {
	ID, Name, Type string
	Label          string // the name, cut to fit beside the circle
	Class          string // the colour of its kind
	X, Y           float64
	LabelX, LabelY float64
	Anchor         string // text-anchor of the label
	degree         int
}

// edge is every event of one type between two entities.
type edge struct {
	From, To string // node ids; From < To unless Directed
	Type     string
	Directed bool
	Events   []string // "doc: event id"
	X1, Y1   float64
	X2, Y2   float64
	Colour   string
	Width    float64
	Title    string
	MarkerID string
}

// graph is the who-with-whom graph of the report.
type graph struct {
	Nodes  []*node
	Edges  []*edge
	Size   float64
	Hidden int          // nodes left out
	Types  []typeColour // the event types drawn, for the legend and arrow heads
}

type typeColour struct{ Type, Colour, ID string }

// typeColours give each event type its colour in the graph; other types
// are grey.
var typeColours = map[string]string{
	"MEET": "#1f77b4", "VISIT": "#17becf", "CONSULT": "#9467bd", "SIGN_AGREEMENT": "#2ca02c",
	"AGREE": "#8fbc3a", "COOPERATE_INTENT": "#bcbd22", "ACCUSE": "#d62728", "DENY": "#ff7f0e",
	"STATEMENT": "#7f7f7f", "OTHER": "#8c564b",
}

func colourOf(typ string) string {
	if c, ok := typeColours[typ]; ok {
		return c
	}
	return "#999999"
}

// pairs are the interactions of one event: actor → recipient when the
// event has recipients; else each pair of actors, but only pairs across
// countries when the actors come from more than one (China and Cuba sign,
// not China and its own minister).
func pairs(ev pipeline.EventRecord) (ps [][2]pipeline.EventParticipant, directed bool) {
	var actors, recipients []pipeline.EventParticipant
	seen := map[string]bool{}
	for _, p := range ev.Participants {
		if p.Entity == "" || seen[p.Role+" "+p.Entity] {
			continue
		}
		seen[p.Role+" "+p.Entity] = true
		if p.Role == "recipient" {
			recipients = append(recipients, p)
		} else {
			actors = append(actors, p)
		}
	}
	if len(recipients) > 0 {
		for _, a := range actors {
			for _, r := range recipients {
				if a.Entity != r.Entity {
					ps = append(ps, [2]pipeline.EventParticipant{a, r})
				}
			}
		}
		return ps, true
	}
	countries := map[string]bool{}
	for _, a := range actors {
		countries[a.Country] = true
	}
	for i, a := range actors {
		for _, b := range actors[i+1:] {
			if a.Entity == b.Entity || (len(countries) > 1 && a.Country == b.Country) {
				continue
			}
			if b.Entity < a.Entity {
				a, b = b, a
			}
			ps = append(ps, [2]pipeline.EventParticipant{a, b})
		}
	}
	return ps, false
}

// buildGraph lays out the interactions of every document on a circle, the
// nodes in the order of their ids: the same records give the same picture.
func buildGraph(docs []*Doc) graph {
	nodes := map[string]*node{}
	edges := map[string]*edge{}
	for _, d := range docs {
		for _, ev := range d.Events {
			ps, directed := pairs(ev)
			for _, p := range ps {
				for _, q := range p {
					n := nodes[q.Entity]
					if n == nil {
						n = &node{ID: q.Entity, Name: q.Name, Type: q.Type, Class: entityKind(q.Type).Class}
						nodes[q.Entity] = n
					}
				}
				key := fmt.Sprintf("%s\x00%s\x00%s\x00%v", p[0].Entity, p[1].Entity, ev.Type, directed)
				e := edges[key]
				if e == nil {
					e = &edge{From: p[0].Entity, To: p[1].Entity, Type: ev.Type, Directed: directed}
					edges[key] = e
					nodes[p[0].Entity].degree++
					nodes[p[1].Entity].degree++
				}
				e.Events = append(e.Events, d.ID+": "+ev.ID+" ("+ev.Trigger.Text+")")
			}
		}
	}
	var g graph
	all := make([]*node, 0, len(nodes))
	for _, n := range nodes {
		all = append(all, n)
	}
	if len(all) > maxNodes {
		sort.Slice(all, func(i, j int) bool {
			if all[i].degree != all[j].degree {
				return all[i].degree > all[j].degree
			}
			return all[i].ID < all[j].ID
		})
		g.Hidden = len(all) - maxNodes
		all = all[:maxNodes]
	}
	sort.Slice(all, func(i, j int) bool { return all[i].ID < all[j].ID })
	shown := map[string]*node{}
	for _, n := range all {
		shown[n.ID] = n
	}
	// The circle grows with the number of nodes; labels stand outside it.
	radius := math.Max(140, float64(len(all))*14)
	margin := 215.0
	g.Size = 2 * (radius + margin)
	c := g.Size / 2
	for i, n := range all {
		a := 2*math.Pi*float64(i)/float64(len(all)) - math.Pi/2
		n.X, n.Y = round1(c+radius*math.Cos(a)), round1(c+radius*math.Sin(a))
		n.LabelX, n.LabelY = round1(c+(radius+14)*math.Cos(a)), round1(c+(radius+14)*math.Sin(a)+4)
		switch {
		case math.Cos(a) > 0.2:
			n.Anchor = "start"
		case math.Cos(a) < -0.2:
			n.Anchor = "end"
		default:
			n.Anchor = "middle"
		}
		n.Label = n.Name
		if r := []rune(n.Name); len(r) > maxLabel {
			n.Label = string(r[:maxLabel-1]) + "…"
		}
		g.Nodes = append(g.Nodes, n)
	}
	keys := make([]string, 0, len(edges))
	for k := range edges {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	types := map[string]bool{}
	for _, k := range keys {
		e := edges[k]
		a, b := shown[e.From], shown[e.To]
		if a == nil || b == nil {
			continue
		}
		e.X1, e.Y1, e.X2, e.Y2 = a.X, a.Y, b.X, b.Y
		if e.Directed { // stop the arrow at the node's rim
			dx, dy := b.X-a.X, b.Y-a.Y
			if l := math.Hypot(dx, dy); l > 0 {
				e.X2, e.Y2 = round1(b.X-dx/l*9), round1(b.Y-dy/l*9)
			}
			e.MarkerID = "arrow-" + strings.ToLower(e.Type)
		}
		e.Colour = colourOf(e.Type)
		e.Width = math.Min(1.5+float64(len(e.Events)-1), 6)
		arrow := " — "
		if e.Directed {
			arrow = " → "
		}
		e.Title = fmt.Sprintf("%s%s%s: %s × %d\n%s", a.Name, arrow, b.Name, e.Type, len(e.Events), strings.Join(e.Events, "\n"))
		g.Edges = append(g.Edges, e)
		types[e.Type] = true
	}
	ts := make([]string, 0, len(types))
	for t := range types {
		ts = append(ts, t)
	}
	sort.Strings(ts)
	for _, t := range ts {
		g.Types = append(g.Types, typeColour{Type: t, Colour: colourOf(t), ID: "arrow-" + strings.ToLower(t)})
	}
	return g
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }
