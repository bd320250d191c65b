// Command konform is a GDPR check for messengers and video conferencing.
// It makes plans itself, hands HTML plans to konform-html and every other
// command, the wizard included, to konform-full; both sit beside it (see
// internal/launch).
package main

import (
	"os"

	"github.com/konform/konform/internal/handoff"
	_ "github.com/konform/konform/internal/handoff/early" // hands off before the rest is set up
	"github.com/konform/konform/internal/launch"
	"github.com/konform/konform/internal/planrun"
	"github.com/konform/konform/questions"
)

func main() {
	os.Exit(launch.Main(os.Args[1:], planrun.IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr}, questions.Catalog, handoff.Hand))
}
