package gazetteer

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestAppendFolds checks that the foldings an entry keeps are those of
// its form's tokens, for every entry of the default index and of one
// compiled afresh: the tagger reads them instead of tokenising the form.
func TestAppendFolds(t *testing.T) {
	defaultOnce.Do(loadDefault)
	require.NoError(t, defaultOnce.err)
	for _, ix := range []*Index{defaultOnce.index, compile(defaultOnce.entities)} {
		for k := range ix.entries {
			e := &ix.entries[k]
			var want []string
			for _, tok := range Tokens(e.Form) {
				want = append(want, tok.Fold)
			}
			require.Equal(t, strings.Join(want, " "), string(e.AppendFolds(nil)), e.Form)
		}
	}
}

// TestKeyFilter checks that the key filter's tables and Bloom filter
// answer as the key map does: every key of the default index, every key
// shortened or lengthened by a byte, and every token of the seed articles
// gets the number the map holds, and FindWith finds what Find does.
func TestKeyFilter(t *testing.T) {
	defaultOnce.Do(loadDefault)
	require.NoError(t, defaultOnce.err)
	ix := defaultOnce.index
	bits := ix.KeyFilter()
	require.NotNil(t, bits)
	for k, n := range ix.keys {
		require.Equal(t, n, ix.keyNumber(bits, k), k)
		for _, v := range []string{k[:len(k)-1], k + "s", k + "\x00", "\x00" + k} {
			require.Equal(t, ix.keys[v], ix.keyNumber(bits, v), "%q", v)
		}
	}
	files, err := filepath.Glob("../testdata/seeds/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	hidden := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		toks := Tokens(string(b))
		require.Equal(t, ix.Find(toks), ix.FindWith(bits, toks))
		for _, tok := range toks {
			require.Equal(t, ix.keys[tok.Key], ix.keyNumber(bits, tok.Key), tok.Key)
			if ix.keyNumber(bits, tok.Key) == 0 {
				hidden++
			}
		}
	}
	require.Positive(t, hidden)
	// Every key of up to three bytes, of the tables' bytes and around them.
	var keys []string
	for _, c := range []byte("\x00'-.`{Aabmyz\x7f\x80\xff") {
		keys = append(keys, string(c))
	}
	for _, a := range []byte("`abdeilmnostyz{") {
		for _, b := range []byte("`abdeilmnostyz{") {
			keys = append(keys, string([]byte{a, b}))
			for _, c := range []byte("`aeilnrsz{") {
				keys = append(keys, string([]byte{a, b, c}))
			}
		}
	}
	for _, k := range keys {
		require.Equal(t, ix.keys[k], ix.keyNumber(bits, k), "%q", k)
	}
}

// TestNextRoot holds nextRoot, keyNumber written out in a loop, to
// keyNumber and the map: over the tokens of every key of the default index
// (a byte shorter and longer too), of the short keys around the tables'
// bytes and of the seed articles, it stops at each token whose key starts
// a name and nowhere else, with or without a filter.
func TestNextRoot(t *testing.T) {
	defaultOnce.Do(loadDefault)
	require.NoError(t, defaultOnce.err)
	ix := defaultOnce.index
	kf := ix.KeyFilter()
	require.NotNil(t, kf)
	var toks []Token
	for k := range ix.keys {
		for _, v := range []string{k, k[:len(k)-1], k + "s", "\x00" + k} {
			toks = append(toks, Token{Key: v})
		}
	}
	for _, a := range []byte("`abdeilmnostyz{\x00.") {
		toks = append(toks, Token{Key: string(a)})
		for _, b := range []byte("`abdeilmnostyz{") {
			toks = append(toks, Token{Key: string([]byte{a, b})})
			for _, c := range []byte("`aeilnrsz{") {
				toks = append(toks, Token{Key: string([]byte{a, b, c})})
			}
		}
	}
	files, err := filepath.Glob("../testdata/seeds/*.txt")
	require.NoError(t, err)
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		toks = append(toks, Tokens(string(b))...)
	}
	stops := 0
	for _, filter := range []*KeyFilter{kf, nil} {
		for i := 0; i <= len(toks); i++ {
			want := i
			for want < len(toks) && ix.root[ix.keys[toks[want].Key]] == 0 {
				want++
			}
			got, k := filter.nextRoot(ix, toks, i)
			require.Equal(t, want, got, "from %d", i)
			if got < len(toks) {
				require.Equal(t, ix.keys[toks[got].Key], k, toks[got].Key)
				require.Equal(t, k, ix.keyNumber(kf, toks[got].Key), toks[got].Key)
				stops++
			}
		}
	}
	require.Positive(t, stops)
}

// FuzzKeyFilter checks the key filter against the key map on any string.
func FuzzKeyFilter(f *testing.F) {
	for _, s := range []string{"", "de", "putin", "peskov", "sicherheitsrat", "au\x00", "12345678", "123456789abcdefgh"} {
		f.Add(s)
	}
	defaultOnce.Do(loadDefault)
	require.NoError(f, defaultOnce.err)
	ix := defaultOnce.index
	kf := ix.KeyFilter()
	f.Fuzz(func(t *testing.T, s string) {
		require.Equal(t, ix.keys[s], ix.keyNumber(kf, s))
	})
}

// TestKeyFilterFull checks the key filter's table at the most keys it is
// made for, where its runs of slots are longest: every key, and every key
// a byte longer or shorter, gets the number the map holds, with keys that
// share the bytes keyHash reads among them; one key more and there is no
// filter.
func TestKeyFilterFull(t *testing.T) {
	name := func(i int) string {
		if i < 300 {
			// Thirty bytes that differ in bytes 8–10 only, which
			// keyHash does not read: one hash for all.
			return fmt.Sprintf("Abcdefgh%03dijklmnopqrstuvwxyz", i)
		}
		return fmt.Sprintf("Name%dx", i*7919)
	}
	var ents []*Entity
	add := func(n int) {
		for range n {
			i := len(ents)
			ents = append(ents, &Entity{ID: fmt.Sprintf("org/o%d", i), Type: TypeOrganization, Name: name(i),
				Names: map[string][]string{"de": {name(i)}}})
		}
	}
	add(maxFilterKeys - 8)
	ix := compile(ents)
	require.LessOrEqual(t, len(ix.keys), maxFilterKeys)
	kf := ix.KeyFilter()
	require.NotNil(t, kf)
	for k, n := range ix.keys {
		require.Equal(t, n, ix.keyNumber(kf, k), k)
		for _, v := range []string{k[:len(k)-1], k + "x", k[1:], "x" + k} {
			require.Equal(t, ix.keys[v], ix.keyNumber(kf, v), "%q", v)
		}
	}
	add(maxFilterKeys - len(ix.keys) + 1)
	ix = compile(ents)
	require.Greater(t, len(ix.keys), maxFilterKeys)
	require.Nil(t, ix.KeyFilter())
}
