package normalize

import (
	"os"
	"strings"
	"testing"
)

// FuzzNormalize checks the properties every later stage relies on: valid
// UTF-8 out, idempotence, spans in range, on rune boundaries and monotone,
// and Chars equal to counting runes.
func FuzzNormalize(f *testing.F) {
	for _, path := range seedFiles(f) {
		b, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{
		"", "a", "\r\n", " \n \n ", "demMiguel Díaz-Canel", "GemeinschaftsstandardsDiskussion",
		"CiberCuba BelTA McCain YouTube iPhone eBay", "Cyber\u00adsicherheit", "Cafe\u0301",
		"e\u00ad\u0301", "\u212b\u2000\u2001", "„Zitat“ «cita» ‚x‘ – — −", "a\xffb\xfe\xfdc\xc3",
		"\ufeff\u200b\u200d\u2060x", "🇨🇺🇨🇳 👨\u200d👩\u200d👧", "https://t.co/fooBar @HandleX #TagY x.yZz",
		"a" + strings.Repeat("\u0301\u0323", 40), "\u1100\u1161\u11a8", "\t\v\f\u0085\u2028\u2029",
		"aaBbCcDd aBc", "\u01c5ab\u01c4Cd", "ﬁ\u00a0\u202f\u2009",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, orig []byte) {
		checkProperties(t, orig, Normalize(orig))
	})
}
