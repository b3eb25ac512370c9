package gazetteer

import (
	"encoding/json"
	"slices"
)

// appendCanonical appends the JSON encoding of c to dst, byte for byte
// what a json.Encoder (HTML escaping on) writes for it, newline included:
// the version hash must not change with how it is computed. Written out,
// it takes a tenth of the time reflection takes, which at a million names
// is a second of start-up.
func appendCanonical(dst []byte, c *canonical) []byte {
	dst = append(dst, `{"ID":`...)
	dst = appendJSONString(dst, c.ID)
	dst = append(dst, `,"Type":`...)
	dst = appendJSONString(dst, c.Type)
	dst = append(dst, `,"Name":`...)
	dst = appendJSONString(dst, c.Name)
	dst = append(dst, `,"Country":`...)
	dst = appendJSONString(dst, c.Country)
	dst = append(dst, `,"Sector":`...)
	dst = appendJSONString(dst, c.Sector)
	dst = append(dst, `,"Names":`...)
	dst = appendJSONForms(dst, c.Names)
	dst = append(dst, `,"Short":`...)
	dst = appendJSONForms(dst, c.Short)
	dst = append(dst, `,"Adjectives":`...)
	dst = appendJSONForms(dst, c.Adjectives)
	dst = append(dst, `,"Unique":`...)
	dst = appendJSONStrings(dst, c.Unique)
	dst = append(dst, `,"Positions":`...)
	if c.Positions == nil {
		dst = append(dst, "null"...)
	} else {
		dst = append(dst, '[')
		for i, p := range c.Positions {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = append(dst, `{"Title":`...)
			dst = appendJSONString(dst, p.Title)
			dst = append(dst, `,"Org":`...)
			dst = appendJSONString(dst, p.Org)
			dst = append(dst, `,"Sector":`...)
			dst = appendJSONString(dst, p.Sector)
			dst = append(dst, `,"From":`...)
			dst = appendJSONString(dst, p.From)
			dst = append(dst, `,"To":`...)
			dst = appendJSONString(dst, p.To)
			dst = append(dst, '}')
		}
		dst = append(dst, ']')
	}
	dst = append(dst, `,"Note":`...)
	dst = appendJSONString(dst, c.Note)
	return append(dst, "}\n"...)
}

// appendJSONForms appends a map of forms by language, its keys sorted as
// encoding/json sorts them (bytewise).
func appendJSONForms(dst []byte, m map[string][]string) []byte {
	if m == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, '{')
	var buf [4]string
	keys := buf[:0]
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for i, k := range keys {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendJSONString(dst, k)
		dst = append(dst, ':')
		dst = appendJSONStrings(dst, m[k])
	}
	return append(dst, '}')
}

func appendJSONStrings(dst []byte, list []string) []byte {
	if list == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, '[')
	for i, s := range list {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendJSONString(dst, s)
	}
	return append(dst, ']')
}

// appendJSONString appends s quoted. Printable ASCII other than the
// characters encoding/json escapes is copied; any other string goes
// through encoding/json itself, whose escaping it must match.
func appendJSONString(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c >= 0x7f, c == '"', c == '\\', c == '<', c == '>', c == '&':
			b, _ := json.Marshal(s) // a string always encodes
			return append(dst, b...)
		}
	}
	dst = append(dst, '"')
	dst = append(dst, s...)
	return append(dst, '"')
}
