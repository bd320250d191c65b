//go:build ignore

// gen compiles the catalogue: go generate ./questions.
package main

import (
	"fmt"
	"os"

	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/catalog/gocode"
)

func main() {
	c, err := catalog.Load(os.DirFS("."))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	b, err := gocode.Source(c, "questions", "compiled")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.WriteFile("catalog_gen.go", b, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
