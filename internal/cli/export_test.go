package cli

import (
	"io"
	"strings"

	"github.com/konform/konform/internal/planrun"
)

// ParsePlan runs args through konform-full's command line and returns the
// options `plan` would run with, or the command line's error.
func ParsePlan(args []string) (planrun.Options, error) {
	var got planrun.Options
	a := &app{io: IO{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard, Getenv: func(string) string { return "" }}}
	a.planHook = func(o planrun.Options) error { got = o; return nil }
	root := a.rootCmd()
	root.SetArgs(args)
	root.SetIn(a.io.In)
	root.SetOut(io.Discard)
	root.SetErr(io.Discard)
	err := root.Execute()
	return got, err
}
