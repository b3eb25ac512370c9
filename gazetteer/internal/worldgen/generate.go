package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
	"golang.org/x/text/unicode/norm"

	"github.com/gazex/gazex/gazetteer"
	"github.com/gazex/gazex/gazetteer/internal/gen"
)

// asOf is the date the tables were last checked.
const asOf = "2026-12-02"

var langs = []string{"de", "es", "en"}

var namers = map[string]display.Namer{
	"de": display.German.Regions(), "es": display.Spanish.Regions(), "en": display.English.Regions(),
}

// cldrCodes maps codes CLDR does not know to the region it names them by.
var cldrCodes = map[string]string{"XKX": "XK"}

// bodies makes the national bodies of bodies.txt for every country.
func bodies(src sources, countries []*gazetteer.Entity) ([]*gazetteer.Entity, error) {
	var out []*gazetteer.Entity
	var errs []error
	for _, f := range lines(src.bodies) {
		if len(f) != 6 && len(f) != 7 {
			errs = append(errs, fmt.Errorf("bodies.txt: %s: %d fields, want 6 or 7", f[0], len(f)))
			continue
		}
		short := map[string][]string{"de": splitList(f[3]), "es": splitList(f[4]), "en": splitList(f[5])}
		var only, except []string
		if len(f) == 7 {
			kind, list, _ := strings.Cut(f[6], ":")
			switch kind {
			case "only":
				only = splitList(list)
			case "except":
				except = splitList(list)
			default:
				errs = append(errs, fmt.Errorf("bodies.txt: %s: want only:... or except:..., not %q", f[0], f[6]))
				continue
			}
			for _, c := range append(append([]string(nil), only...), except...) {
				if !gazetteer.ValidCountry(c) {
					errs = append(errs, fmt.Errorf("bodies.txt: %s: %s is no country code", f[0], c))
				}
			}
		}
		for _, c := range countries {
			if c.Country == "VAT" || contains(except, c.Country) || (only != nil && !contains(only, c.Country)) {
				continue
			}
			if clash(short, src.orgShort[c.Country]) {
				continue
			}
			code := c.Country
			if cc, ok := cldrCodes[code]; ok {
				code = cc
			}
			r, err := language.ParseRegion(code)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			id := "org/" + strings.ToLower(r.String()) + "-" + f[0]
			if src.have[id] {
				continue
			}
			out = append(out, &gazetteer.Entity{ID: id, Type: gazetteer.TypeOrganization,
				Name: fmt.Sprintf(f[2], gen.WithArticle(c.Name)), Country: c.Country, Sector: f[1], Short: short})
		}
	}
	return out, errors.Join(errs...)
}

func clash(short map[string][]string, have []string) bool {
	for _, forms := range short {
		for _, f := range forms {
			if contains(have, gazetteer.Fold(f)) {
				return true
			}
		}
	}
	return false
}

func lines(data []byte) [][]string {
	var out [][]string
	for _, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Split(l, "|")
		for i := range f {
			f[i] = strings.TrimSpace(norm.NFC.String(f[i]))
		}
		out = append(out, f)
	}
	return out
}

// cldrNames is CLDR's name of the region in lang, split into the forms a
// text uses: "Myanmar (Burma)" is "Myanmar" and "Burma"; "&" is spelled out.
func cldrNames(code, lang string) ([]string, error) {
	rc := code
	if c, ok := cldrCodes[code]; ok {
		rc = c
	}
	r, err := language.ParseRegion(rc)
	if err != nil {
		return nil, err
	}
	n := namers[lang].Name(r)
	if n == "" {
		return nil, fmt.Errorf("%s: no CLDR name in %s", code, lang)
	}
	and := map[string]string{"de": "und", "es": "y", "en": "and"}[lang]
	n = strings.ReplaceAll(n, "&", and)
	n = strings.ReplaceAll(n, "’", "'")
	if i := strings.Index(n, " ("); i > 0 && strings.HasSuffix(n, ")") {
		return []string{n[:i], n[i+2 : len(n)-1]}, nil
	}
	return []string{n}, nil
}

func addForm(list []string, s string) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return list
	}
	for _, have := range list {
		if have == s {
			return list
		}
	}
	return append(list, s)
}

func splitList(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

func country(f []string) (*gazetteer.Entity, error) {
	if len(f) != 6 {
		return nil, fmt.Errorf("%d fields, want 6", len(f))
	}
	code, name := f[0], f[1]
	if !gazetteer.ValidCountry(code) {
		return nil, fmt.Errorf("%s is no country code", code)
	}
	e := &gazetteer.Entity{ID: "country/" + code, Type: gazetteer.TypeCountry, Name: name, Country: code,
		Names: map[string][]string{}, Adjectives: map[string][]string{}}
	remove := map[string]bool{}
	extra := map[string][]string{}
	for _, part := range strings.Split(f[5], ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if strings.HasPrefix(part, "-") {
			remove[strings.TrimSpace(part[1:])] = true
			continue
		}
		lang, forms, ok := strings.Cut(part, ":")
		if !ok || namers[lang] == nil {
			return nil, fmt.Errorf("%s: extra names %q: want lang:form,form", code, part)
		}
		extra[lang] = append(extra[lang], splitList(forms)...)
	}
	for _, lang := range langs {
		cl, err := cldrNames(code, lang)
		if err != nil {
			return nil, err
		}
		var forms []string
		if lang == "en" {
			forms = addForm(forms, name)
		}
		for _, n := range cl {
			if !remove[n] {
				forms = addForm(forms, n)
			}
		}
		for _, n := range extra[lang] {
			forms = addForm(forms, n)
		}
		e.Names[lang] = forms
	}
	for i, lang := range langs {
		var adjs []string
		for _, a := range splitList(f[2+i]) {
			if !contains(e.Names[lang], a) || lang == "de" {
				adjs = addForm(adjs, a)
			}
		}
		if len(adjs) > 0 {
			e.Adjectives[lang] = adjs
		}
	}
	return e, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func city(f []string) (*gazetteer.Entity, error) {
	if len(f) != 4 {
		return nil, fmt.Errorf("%d fields, want 4", len(f))
	}
	code, name := f[0], f[1]
	if !gazetteer.ValidCountry(code) {
		return nil, fmt.Errorf("%s is no country code", code)
	}
	e := &gazetteer.Entity{ID: "place/" + gazetteer.Slug(name), Type: gazetteer.TypePlace, Name: name, Country: code,
		Names: map[string][]string{}}
	e.Names["en"] = []string{name}
	for i, lang := range []string{"de", "es"} {
		forms := splitList(f[2+i])
		if len(forms) == 0 {
			forms = []string{name}
		}
		e.Names[lang] = forms
	}
	return e, nil
}

func generate(src sources) ([]byte, error) {
	var errs []error
	var ents []*gazetteer.Entity
	seen := map[string]bool{}
	for _, f := range lines(src.countries) {
		e, err := country(f)
		if err != nil {
			errs = append(errs, fmt.Errorf("countries.txt: %s: %w", f[0], err))
			continue
		}
		if src.have[e.ID] || seen[e.ID] {
			errs = append(errs, fmt.Errorf("countries.txt: %s is already defined", e.ID))
			continue
		}
		seen[e.ID] = true
		ents = append(ents, e)
	}
	sort.SliceStable(ents, func(i, j int) bool { return ents[i].ID < ents[j].ID })
	var places []*gazetteer.Entity
	for _, f := range lines(src.cities) {
		e, err := city(f)
		if err != nil {
			errs = append(errs, fmt.Errorf("cities.txt: %s: %w", strings.Join(f, "|"), err))
			continue
		}
		if seen[e.ID] {
			errs = append(errs, fmt.Errorf("cities.txt: %s twice", e.ID))
			continue
		}
		seen[e.ID] = true
		if !src.have[e.ID] {
			places = append(places, e)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	orgs, err := bodies(src, append(append([]*gazetteer.Entity(nil), src.handCountries...), ents...))
	if err != nil {
		return nil, err
	}
	sort.SliceStable(orgs, func(i, j int) bool { return orgs[i].ID < orgs[j].ID })
	sort.SliceStable(places, func(i, j int) bool { return places[i].ID < places[j].ID })
	list := &yaml.Node{Kind: yaml.SequenceNode}
	anchors := map[string]*yaml.Node{} // bodies.txt kind → its short forms' node
	for _, e := range append(append(ents, places...), orgs...) {
		n := entityNode(e)
		if kind := bodyKind(e); kind != "" {
			short := n.Content[len(n.Content)-1]
			if a := anchors[kind]; a != nil {
				n.Content[len(n.Content)-1] = &yaml.Node{Kind: yaml.AliasNode, Value: kind, Alias: a}
			} else {
				short.Anchor = kind
				anchors[kind] = short
			}
		}
		list.Content = append(list.Content, n)
	}
	return gen.YAML([]string{
		"Code generated by \"go run ./internal/worldgen\" from internal/worldgen/countries.txt and cities.txt; DO NOT EDIT.",
		"Countries beyond data/countries.yaml (names from CLDR plus additions, adjectives by hand),",
		"capitals and large cities beyond data/places.yaml.",
	}, asOf, list)
}

// bodyKind is the bodies.txt kind of a generated organisation ("mfa"),
// whose short forms are the same for every country; "" for others.
func bodyKind(e *gazetteer.Entity) string {
	if e.Type != gazetteer.TypeOrganization || len(e.Names) > 0 || len(e.Short) == 0 {
		return ""
	}
	_, kind, _ := strings.Cut(strings.TrimPrefix(e.ID, "org/"), "-")
	return kind
}

func entityNode(e *gazetteer.Entity) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode}
	add := func(k string, v *yaml.Node) { m.Content = append(m.Content, str(k), v) }
	add("id", str(e.ID))
	add("type", str(e.Type))
	add("name", str(e.Name))
	add("country", str(e.Country))
	if e.Sector != "" {
		add("sector", str(e.Sector))
	}
	if len(e.Names) > 0 {
		add("names", byLang(e.Names))
	}
	if len(e.Short) > 0 {
		add("short", byLang(e.Short))
	}
	if len(e.Adjectives) > 0 {
		add("adjectives", byLang(e.Adjectives))
	}
	return m
}

func byLang(m map[string][]string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
	for _, lang := range langs {
		if len(m[lang]) == 0 {
			continue
		}
		l := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, s := range m[lang] {
			l.Content = append(l.Content, str(s))
		}
		n.Content = append(n.Content, str(lang), l)
	}
	return n
}

func str(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }
