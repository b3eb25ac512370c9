// This file is part of go-trafilatura, Go package for extracting readable
// content, comments and metadata from a web page. Source available in
// <https://github.com/markusmobius/go-trafilatura>.
//
// Copyright (C) 2021 Markus Mobius
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
// http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.

package trafilatura

import (
	"mime"
	"path/filepath"
	"strings"
	"unicode"
)

// trim removes unnecessary spaces within a text string.
//
// (gazex: the same as strings.Join(strings.Fields(s), " ") in one pass
// without a slice of the fields, and without a copy when s is trimmed
// already or only has white space at its end. It is called on the text of
// whole containers, and the slices were a tenth of the extraction's time.)
func trim(s string) string {
	var b strings.Builder
	changed := false // b holds the result so far; else it is s[:end]
	fields, end := 0, 0
	emit := func(from, to int) {
		if !changed {
			if (fields == 0 && from == 0) || (fields > 0 && from == end+1 && s[end] == ' ') {
				fields, end = fields+1, to
				return
			}
			changed = true
			b.Grow(len(s))
			b.WriteString(s[:end])
		}
		if fields > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s[from:to])
		fields, end = fields+1, to
	}
	start := -1 // where the current field starts, if in one
	for i, r := range s {
		if unicode.IsSpace(r) {
			if start >= 0 {
				emit(start, i)
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		emit(start, len(s))
	}
	if changed {
		return b.String()
	}
	return s[:end]
}

func strWordCount(s string) int {
	return len(strings.Fields(s))
}

func strOr(args ...string) string {
	for i := 0; i < len(args); i++ {
		if args[i] != "" {
			return args[i]
		}
	}
	return ""
}

func strIn(s string, args ...string) bool {
	for i := 0; i < len(args); i++ {
		if args[i] == s {
			return true
		}
	}
	return false
}

func isImageFile(imageSrc string) bool {
	if imageSrc == "" {
		return false
	}

	ext := filepath.Ext(imageSrc)
	mimeType := mime.TypeByExtension(ext)
	return strings.HasPrefix(mimeType, "image")
}

func uniquifyLists(currents ...string) []string {
	var finalTags []string
	tracker := map[string]struct{}{}

	for _, current := range currents {
		separator := ","
		if strings.Count(current, ";") > strings.Count(current, ",") {
			separator = ";"
		}

		for _, entry := range strings.Split(current, separator) {
			entry = trim(entry)
			entry = strings.ReplaceAll(entry, `"`, "")
			entry = strings.ReplaceAll(entry, `'`, "")

			if _, tracked := tracker[entry]; entry != "" && !tracked {
				finalTags = append(finalTags, entry)
				tracker[entry] = struct{}{}
			}
		}
	}

	return finalTags
}
