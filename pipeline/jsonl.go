package pipeline

import (
	"bytes"
	"encoding/binary"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// jsonlLine is what readJSONL takes from one line of --format jsonl input.
type jsonlLine struct {
	id, url   string
	text      []byte // nil when the line has no "text" (or "text": null)
	published []byte // the raw JSON value; may share the line's bytes
	// esc lists the offsets in text of the characters a JSON string
	// escapes (unquote's esc); decodeLine keeps its room from line to line.
	esc []int32
}

// decodeLine decodes one JSONL line as json.Unmarshal into jsonlDoc does,
// in one pass and without reflection, for the lines a JSONL corpus is made
// of: one flat object whose values are strings (or null, true, false),
// with plain ASCII keys. Whatever else a line holds — a number, a nested
// value, a key with an escape or spelt in another case than jsonlDoc's,
// anything that is not valid JSON — makes it return false, and the caller
// leaves the line to encoding/json, whose errors and whose handling of odd
// input then stay the only ones. Strings decode byte for byte as
// encoding/json decodes them: an invalid UTF-8 byte and a lone surrogate
// in a \u escape become U+FFFD.
func decodeLine(line []byte, out *jsonlLine) bool {
	*out = jsonlLine{esc: out.esc[:0]}
	i := skipSpace(line, 0)
	if i == len(line) || line[i] != '{' {
		return false
	}
	i = skipSpace(line, i+1)
	if i < len(line) && line[i] == '}' {
		return skipSpace(line, i+1) == len(line)
	}
	for {
		if i == len(line) || line[i] != '"' {
			return false
		}
		k := i + 1
		for k < len(line) && line[k] != '"' {
			if c := line[k]; c == '\\' || c < 0x20 || c >= utf8.RuneSelf {
				return false // keys as encoding/json alone matches them
			}
			k++
		}
		if k == len(line) {
			return false
		}
		key := string(line[i+1 : k]) // no allocation: compared, not kept
		i = skipSpace(line, k+1)
		if i == len(line) || line[i] != ':' {
			return false
		}
		i = skipSpace(line, i+1)
		if i == len(line) {
			return false
		}
		start := i
		var val []byte
		isNull := false
		switch c := line[i]; {
		case c == '"':
			var esc *[]int32
			if key == "text" {
				out.esc = out.esc[:0] // of the last "text", as its value
				esc = &out.esc
			}
			var ok bool
			if val, i, ok = unquote(line, i, esc); !ok {
				return false
			}
		case bytes.HasPrefix(line[i:], []byte("null")):
			i += 4
			isNull = true
		case bytes.HasPrefix(line[i:], []byte("true")):
			i += 4
		case bytes.HasPrefix(line[i:], []byte("false")):
			i += 5
		default:
			return false // a number, an object, an array, or no JSON
		}
		isString := line[start] == '"'
		switch key {
		case "id", "url", "lang":
			if !isString && !isNull {
				return false // encoding/json's type error
			}
			if isString {
				switch key {
				case "id":
					out.id = string(val)
				case "url":
					out.url = string(val)
				}
			}
		case "text":
			switch {
			case isNull:
				out.text = nil
			case isString:
				if val == nil {
					val = []byte{}
				}
				out.text = val
			default:
				return false
			}
		case "published":
			out.published = line[start:i]
		default:
			for _, known := range [...]string{"id", "url", "lang", "text", "published"} {
				if strings.EqualFold(key, known) {
					return false // encoding/json matches keys without case
				}
			}
		}
		i = skipSpace(line, i)
		if i == len(line) {
			return false
		}
		switch line[i] {
		case ',':
			i = skipSpace(line, i+1)
		case '}':
			return skipSpace(line, i+1) == len(line)
		default:
			return false
		}
	}
}

// skipSpace returns the index of the first byte from i on that is not
// JSON white space.
func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// unquote decodes the JSON string that starts with the quote at b[i] into
// a new slice and returns it and the index after its closing quote; ok is
// false if it is not a valid JSON string. It decodes as encoding/json
// does.
//
// When esc is not nil, unquote appends to it the offset in s of every
// character that a JSON string of s escapes (appendEscaped's: the quote,
// the backslash, control characters, U+2028 and U+2029; s is valid UTF-8,
// so no invalid byte): those that came escaped (but "\/", "\u00e4" and the
// like, which need no escape) and raw U+2028 and U+2029. The Encoder then
// writes the JSON of the document's text without searching it for them
// (escapedText).
func unquote(b []byte, i int, esc *[]int32) (s []byte, end int, ok bool) {
	if esc != nil && len(b) > maxEscOffset {
		return nil, 0, false // no int32 offsets: encoding/json decodes it
	}
	i++
	// The common case: ASCII without escapes up to the closing quote.
	j := plainBytes(b, i)
	if j == len(b) {
		return nil, 0, false
	}
	if b[j] == '"' {
		return bytes.Clone(b[i:j]), j + 1, true
	}
	// The closing quote, for the capacity: the first quote after j that
	// an even number of backslashes precede (bytes.IndexByte is many
	// times faster than a loop over the bytes).
	k := j
	for {
		q := bytes.IndexByte(b[k:], '"')
		if q < 0 {
			k = len(b)
			break
		}
		k += q
		n := 0
		for p := k - 1; p >= j && b[p] == '\\'; p-- {
			n++
		}
		if n%2 == 0 {
			break
		}
		k++
	}
	out := make([]byte, 0, k-i)
	// One pass from j: runs of bytes that decode to themselves are
	// found eight ASCII bytes at a time (plainBytes) and a valid rune at
	// a time, and copied in one append when an escape, an invalid byte or
	// the closing quote ends them. (A loop that found the run's end first
	// and then asked utf8.Valid of it read each byte twice.)
	run := i // the run not yet copied is b[run:j]
	for j < len(b) {
		j = plainBytes(b, j)
		if j == len(b) {
			break
		}
		c := b[j]
		if c >= utf8.RuneSelf {
			if c >= 0xC2 && c <= 0xDF && j+1 < len(b) && b[j+1]&0xC0 == 0x80 {
				j += 2 // a valid two-byte rune ("ä", "ñ"), the most frequent
				continue
			}
			r, size := utf8.DecodeRune(b[j:])
			if r != utf8.RuneError || size > 1 {
				if (r == '\u2028' || r == '\u2029') && esc != nil {
					*esc = append(*esc, int32(len(out)+j-run))
				}
				j += size
				continue
			}
			out = append(out, b[run:j]...)
			out = utf8.AppendRune(out, utf8.RuneError) // an invalid byte
			j++
			run = j
			continue
		}
		out = append(out, b[run:j]...)
		switch {
		case c == '"':
			return out, j + 1, true
		case c < 0x20:
			return nil, 0, false
		case c == '\\':
			if j+1 == len(b) {
				return nil, 0, false
			}
			if esc != nil && b[j+1] != '/' && b[j+1] != 'u' {
				*esc = append(*esc, int32(len(out)))
			}
			switch b[j+1] {
			case '"', '\\', '/':
				out = append(out, b[j+1])
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'u':
				r := hex4(b, j+2)
				if r < 0 {
					return nil, 0, false
				}
				j += 6
				if utf16.IsSurrogate(r) {
					// A pair decodes to one rune; a lone surrogate (or
					// one whose next escape is not its pair) to U+FFFD,
					// and the next escape is read on its own.
					if j+1 < len(b) && b[j] == '\\' && b[j+1] == 'u' {
						if r2 := hex4(b, j+2); r2 >= 0 {
							if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
								out = utf8.AppendRune(out, dec)
								j += 6
								run = j
								continue
							}
						}
					}
					r = utf8.RuneError
				}
				if esc != nil && (r < 0x20 || r == '"' || r == '\\' || r == '\u2028' || r == '\u2029') {
					*esc = append(*esc, int32(len(out)))
				}
				out = utf8.AppendRune(out, r)
				run = j
				continue
			default:
				return nil, 0, false
			}
			j += 2
			run = j
		}
	}
	return nil, 0, false
}

// maxEscOffset bounds the lines whose text unquote lists escapes of.
const maxEscOffset = 1<<31 - 1

// plainBytes returns the end of the run of ASCII bytes from b[i] on that
// a JSON string holds as they are (appendjson.go's plainRun, on bytes):
// eight at a time, then one by one.
func plainBytes(b []byte, i int) int {
	for ; i+8 <= len(b); i += 8 {
		if n := jsonSpecial(binary.LittleEndian.Uint64(b[i:])); n < 8 {
			return i + n
		}
	}
	for i < len(b) && jsonPlain[b[i]] {
		i++
	}
	return i
}

// hex4 is the value of the four hex digits at b[i:], or -1.
func hex4(b []byte, i int) rune {
	if i+4 > len(b) {
		return -1
	}
	var r rune
	for _, c := range b[i : i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r<<4 | rune(c)
	}
	return r
}
