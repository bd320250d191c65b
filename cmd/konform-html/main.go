// Command konform-html makes plans as HTML pages: konform hands it
// `konform plan --format html`. It is konform's plan maker with goldmark,
// a program of its own so that neither plans in the other formats nor the
// wizard wait for goldmark to start (see internal/launch). Install it
// beside konform.
package main

import (
	"fmt"
	"os"

	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/handoff"
	"github.com/konform/konform/internal/launch"
	"github.com/konform/konform/internal/planhtml"
	"github.com/konform/konform/internal/planrun"
	"github.com/konform/konform/questions"
)

func main() {
	if !catalog.HasYAML {
		// It would hand a file it cannot read to konform-full, which hands
		// HTML back: only konform itself is built without YAML.
		fmt.Fprintln(os.Stderr, "konform-html: built with -tags konform_noyaml; build it without (make build)")
		os.Exit(3)
	}
	planrun.RegisterFormat("html", planhtml.Plan)
	os.Exit(launch.Main(os.Args[1:], planrun.IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr}, questions.Catalog, handoff.Hand))
}
