package main

import (
	"fmt"

	"github.com/gazex/gazex/gazetteer/internal/gen"
)

// The countries of officials.tsv's world extension (OFFICIALS-README.md,
// "World extension") have no table in offices.go: their titles follow one
// scheme, the English name of the office and of the country, with the
// exceptions below. Their offices name no organisation.

// heads are the head-of-state titles of the monarchies and of states whose
// head of state is not called President.
var heads = map[string]string{
	"AUS": "Monarch", "BEL": "King", "BHR": "King", "BLZ": "Monarch", "CAN": "Monarch",
	"DNK": "Monarch", "JAM": "Monarch", "JOR": "King", "JPN": "Emperor", "KHM": "King",
	"KWT": "Emir", "MAR": "King", "MYS": "King", "NLD": "King", "NOR": "King", "NZL": "Monarch",
	"OMN": "Sultan", "QAT": "Emir", "SAU": "King", "SWE": "King", "THA": "King",
}

// queens are the queens regnant among the heads: "Monarch" becomes "Queen"
// for them and "King" for everyone else.
var queens = map[string]bool{"Elizabeth II": true, "Margrethe II": true}

// govTitles are head-of-government titles other than Prime Minister.
var govTitles = map[string]string{
	"AUT": "Chancellor of Austria", "IRL": "Taoiseach of Ireland", "TWN": "Premier of Taiwan",
}

// interiorTitles name the ministry the TSV's interior_minister stands for
// where it is not an interior ministry (OFFICIALS-README.md, "Office
// mapping").
var interiorTitles = map[string]string{
	"IRL": "Minister for Justice of Ireland", "NOR": "Minister of Justice of Norway",
	"SWE": "Minister for Justice of Sweden",
	"CHE": "Head of the Federal Department of Home Affairs of Switzerland",
	"JPN": "Minister of Internal Affairs and Communications of Japan",
}

var stateTitles = map[string]string{
	"CHE": "President of the Swiss Confederation",
	"ARE": "President of the United Arab Emirates",
}

// worldEras is the one era of an office of a world-extension country.
func worldEras(country, off, name string, names map[string]string) ([]office, error) {
	cn, ok := names[country]
	if !ok {
		return nil, fmt.Errorf("unknown country %q: no country entity in data/", country)
	}
	of := " of " + gen.WithArticle(cn)
	var title string
	switch off {
	case "head_of_state":
		title = stateTitles[country]
		if title == "" {
			h := heads[country]
			switch {
			case h == "":
				h = "President"
			case h == "Monarch" && queens[name]:
				h = "Queen"
			case h == "Monarch":
				h = "King"
			}
			title = h + of
		}
	case "head_of_government":
		if title = govTitles[country]; title == "" {
			title = "Prime Minister" + of
		}
	case "foreign_minister":
		title = "Foreign Minister" + of
	case "defence_minister":
		title = "Defence Minister" + of
	case "interior_minister":
		if title = interiorTitles[country]; title == "" {
			title = "Interior Minister" + of
		}
	default:
		return nil, fmt.Errorf("office %q is not one of the world extension's five", off)
	}
	return []office{{"", title, ""}}, nil
}

// familyNames are family names that several people of the table share
// ("Al Thani" names a dozen Qatari ministers): a surname-alone variant
// equal to one of them is kept as a short form, which counts only after a
// fuller mention, never on its own. One-word variants are short forms
// anyway (gazetteer.Compile).
var familyNames = []string{
	"Al Thani", "Al-Thani", "Al Sabah", "al-Sabah", "Al Nahyan", "Al Khalifa", "Al Saud",
	"Al Said", "Al Maktoum", "bin Zayed",
}
