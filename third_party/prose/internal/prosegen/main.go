// Command prosegen writes third_party/prose's model.bin (go generate in
// third_party/prose): the tagger's and the extracter's tables, built from
// the gob files of the upstream module go.mod names.
package main

import (
	"bytes"
	"log"
	"os"

	"github.com/gazex/gazex/third_party/prose"
)

func main() {
	var b bytes.Buffer
	if err := prose.WriteModel(&b); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("model.bin", b.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
}
