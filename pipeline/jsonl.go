package pipeline

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// jsonlLine is what readJSONL takes from one line of --format jsonl input.
type jsonlLine struct {
	id, url   string
	text      []byte // nil when the line has no "text" (or "text": null)
	published []byte // the raw JSON value; may share the line's bytes
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
	*out = jsonlLine{}
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
			var ok bool
			if val, i, ok = unquote(line, i); !ok {
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
func unquote(b []byte, i int) (s []byte, end int, ok bool) {
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
	out = append(out, b[i:j]...)
	for j < len(b) {
		c := b[j]
		// The run of plain bytes up to the next quote, backslash or
		// control character: in one append when it is valid UTF-8 (and so
		// decodes to itself), else rune by rune, each invalid byte as
		// U+FFFD.
		if !jsonStop[c] {
			k := stopAt(b, j+1)
			if utf8.Valid(b[j:k]) {
				out = append(out, b[j:k]...)
				j = k
				continue
			}
			for j < k {
				r, size := utf8.DecodeRune(b[j:k])
				if r == utf8.RuneError && size == 1 {
					out = utf8.AppendRune(out, utf8.RuneError)
				} else {
					out = append(out, b[j:j+size]...)
				}
				j += size
			}
			continue
		}
		switch {
		case c == '"':
			return out, j + 1, true
		case c < 0x20:
			return nil, 0, false
		case c == '\\':
			if j+1 == len(b) {
				return nil, 0, false
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
								continue
							}
						}
					}
					r = utf8.RuneError
				}
				out = utf8.AppendRune(out, r)
				continue
			default:
				return nil, 0, false
			}
			j += 2
		}
	}
	return nil, 0, false
}

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

// stopAt returns the index of the first quote, backslash or control
// character in b from i on, len(b) if there is none: eight bytes at a
// time (the bytes of a line are most of the input read), then one by one.
// Per byte, bit 7 ends up set in x-0x20, x^'"'-1 or x^'\\'-1 and clear
// in x exactly when the byte is one of those; a borrow between bytes only
// starts at such a byte and runs to higher ones, after the first.
func stopAt(b []byte, i int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		if m := ((x - 0x20*ones) | (x ^ '"'*ones - ones) | (x ^ '\\'*ones - ones)) &^ x & highs; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for i < len(b) && !jsonStop[b[i]] {
		i++
	}
	return i
}

// jsonStop marks the bytes that end a run of a JSON string's bytes that
// decode to themselves: the quote, the backslash, control characters.
var jsonStop = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	t['"'], t['\\'] = true, true
	return t
}()

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
