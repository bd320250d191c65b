// Command konform-full is konform with its wizard: konform hands it every
// command except plan (see internal/launch). Install it beside konform.
package main

import (
	"os"

	"github.com/konform/konform/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr}))
}
