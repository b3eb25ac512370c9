package whatlanggo

import "unicode"

// Scripts is the set of Unicode script tables.
var Scripts = map[*unicode.RangeTable]string{
	unicode.Arabic:     "Arabic",
	unicode.Bengali:    "Bengali",
	unicode.Cyrillic:   "Cyrillic",
	unicode.Ethiopic:   "Ethiopic",
	unicode.Devanagari: "Devanagari",
	unicode.Han:        "Han",
	unicode.Georgian:   "Georgian",
	unicode.Greek:      "Greek",
	unicode.Gujarati:   "Gujarati",
	unicode.Gurmukhi:   "Gurmukhi",
	unicode.Hangul:     "Hangul",
	unicode.Hebrew:     "Hebrew",
	unicode.Hiragana:   "Hiragana",
	unicode.Kannada:    "Kannada",
	unicode.Katakana:   "Katakana",
	unicode.Khmer:      "Khmer",
	unicode.Latin:      "Latin",
	unicode.Malayalam:  "Malayalam",
	unicode.Myanmar:    "Myanmar",
	unicode.Oriya:      "Oriya",
	unicode.Sinhala:    "Sinhala",
	unicode.Tamil:      "Tamil",
	unicode.Telugu:     "Telugu",
	unicode.Thai:       "Thai",
}

var isCyrillic = func(r rune) bool {
	return unicode.Is(unicode.Cyrillic, r)
}

var isLatin = func(r rune) bool {
	return unicode.Is(unicode.Latin, r)
}

var isArabic = func(r rune) bool {
	return unicode.Is(unicode.Arabic, r)
}

var isDevanagari = func(r rune) bool {
	return unicode.Is(unicode.Devanagari, r)
}

var isEthiopic = func(r rune) bool {
	return unicode.Is(unicode.Ethiopic, r)
}

var isHebrew = func(r rune) bool {
	return unicode.Is(unicode.Hebrew, r)
}

var isHan = func(r rune) bool {
	return unicode.Is(unicode.Han, r)
}

var isBengali = func(r rune) bool {
	return unicode.Is(unicode.Bengali, r)
}

var isHiraganaKatakana = func(r rune) bool {
	return unicode.Is(_HiraganaKatakana, r)
}

var isHangul = func(r rune) bool {
	return unicode.Is(unicode.Hangul, r)
}

var isGreek = func(r rune) bool {
	return unicode.Is(unicode.Greek, r)
}

var isKannada = func(r rune) bool {
	return unicode.Is(unicode.Kannada, r)
}

var isTamil = func(r rune) bool {
	return unicode.Is(unicode.Tamil, r)
}

var isThai = func(r rune) bool {
	return unicode.Is(unicode.Thai, r)
}

var isGujarati = func(r rune) bool {
	return unicode.Is(unicode.Gujarati, r)
}

var isGurmukhi = func(r rune) bool {
	return unicode.Is(unicode.Gurmukhi, r)
}

var isTelugu = func(r rune) bool {
	return unicode.Is(unicode.Telugu, r)
}

var isMalayalam = func(r rune) bool {
	return unicode.Is(unicode.Malayalam, r)
}

var isOriya = func(r rune) bool {
	return unicode.Is(unicode.Oriya, r)
}

var isMyanmar = func(r rune) bool {
	return unicode.Is(unicode.Myanmar, r)
}

var isSinhala = func(r rune) bool {
	return unicode.Is(unicode.Sinhala, r)
}

var isKhmer = func(r rune) bool {
	return unicode.Is(unicode.Khmer, r)
}

var isGeorgian = func(r rune) bool {
	return unicode.Is(unicode.Georgian, r)
}
