// Package launch is konform's front door. konform comes as two programs
// in one folder: konform, which makes plans, and konform-full, which holds
// the wizard and every other command. A plan is what scripts and batch
// runs ask for again and again, and a program that links the terminal
// libraries spends longer starting than making the plan; so konform makes
// plans itself and hands everything else, unchanged, to konform-full.
//
// konform handles a command line itself only when it is `konform plan`
// with flags it fully understands; anything else (help, a typo, another
// command) goes to konform-full, which gives the usual answer.
package launch

import (
	"cmp"
	"fmt"
	"os"

	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/handoff"
	"github.com/konform/konform/internal/planrun"
)

// Main runs konform with args (without the program name). full runs a
// command line konform does not handle itself and returns its exit code.
func Main(args []string, stdio planrun.IO, cat func() (*catalog.Catalog, error), full func(args []string) int) int {
	p, ok := handoff.ParsePlan(args)
	if !ok {
		return full(args)
	}
	o := planrun.Options(p)
	c, err := cat()
	if err != nil {
		err = &planrun.Error{Code: planrun.ExitInternal, Err: fmt.Errorf("the built-in catalogue is broken: %w", err)}
	} else {
		if path := cmp.Or(o.Catalog, os.Getenv("KONFORM_CATALOG")); path != "" {
			if c, err = catalog.LoadOverlay(c, path); err != nil {
				err = &planrun.Error{Code: planrun.ExitInput, Err: err}
			}
		}
		if err == nil {
			err = planrun.Run(c, o, stdio)
		}
	}
	if err != nil {
		handoff.PrintError(stdio.Err, err)
	}
	return planrun.Code(err)
}
