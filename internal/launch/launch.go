// Package launch is konform's front door. konform comes as three programs
// in one folder: konform, which makes plans; konform-full, which holds the
// wizard and every other command; and konform-html, which makes plans as
// HTML pages. A plan is what scripts and batch runs ask for again and
// again, and a program that links the terminal libraries spends longer
// starting than making the plan; so konform makes plans itself and hands
// everything else, unchanged, to konform-full. HTML needs goldmark, whose
// start-up (large regular expressions, about 300 page faults) neither a
// plan nor the wizard's first screen should wait for: konform-html.
//
// konform handles a command line itself only when it is `konform plan`
// with flags it fully understands, in a format it makes; anything else
// (help, a typo, another command) goes to konform-full, which gives the
// usual answer.
package launch

import (
	"cmp"
	"fmt"
	"os"

	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/handoff"
	"github.com/konform/konform/internal/planrun"
)

// Main runs konform with args (without the program name). hand runs a
// command line this program does not handle itself in the program name
// (handoff.FullName, handoff.HTMLName) and returns its exit code.
func Main(args []string, stdio planrun.IO, cat func() (*catalog.Catalog, error), hand func(name string, args []string) int) int {
	p, ok := handoff.ParsePlan(args)
	switch {
	case !ok:
		return hand(handoff.FullName, args)
	case !planrun.Makes(p.Format):
		return hand(cmp.Or(handoff.Maker(p.Format), handoff.FullName), args)
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
