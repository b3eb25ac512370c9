// Command synth writes a synthetic FollowTheMoney gazetteer, for measuring
// gazex with a million names:
//
//	go run ./gazetteer/internal/synth/cmd/synth -names 1000000 -o /tmp/synth-1m.ftm.json
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/gazex/gazex/gazetteer/internal/synth"
)

func main() {
	names := flag.Int("names", 1_000_000, "number of surface forms (name and alias values)")
	out := flag.String("o", "", "output `file` (default: standard output)")
	flag.Parse()
	w := os.Stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			fmt.Fprintln(os.Stderr, "synth:", err)
			os.Exit(1)
		}
		defer f.Close()
		w = f
	}
	st, err := synth.WriteFtM(w, *names)
	if err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "synth: %d names (%d persons, %d organisations, %d positions, %d occupancies), %.1f MB\n",
		st.Names, st.Persons, st.Orgs, st.Positions, st.Occupancies, float64(st.Bytes)/1e6)
}
