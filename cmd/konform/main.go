// Command konform is a GDPR check for messengers and video conferencing:
// a wizard that asks, and commands that make the action plan.
package main

import (
	"os"

	"github.com/konform/konform/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr}))
}
