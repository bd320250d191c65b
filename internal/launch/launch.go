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
//
// `make build` builds konform without the YAML library (-tags
// konform_noyaml): setting it up costs a plan about as much as the rest
// of its work. konform reads answers files in the YAML they are written
// in (see answers.decodeLite) and hands konform-full, unchanged, a plan
// whose answers file needs more (unusual or broken YAML), one with a
// catalogue file (--catalog), one from standard input and one for a
// folder, before it writes anything.
package launch

import (
	"cmp"
	"errors"
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
	overlay := cmp.Or(o.Catalog, os.Getenv("KONFORM_CATALOG"))
	if !catalog.HasYAML && (overlay != "" || o.Answers == "-" || o.OutDir != "" || isDir(o.Answers)) {
		// Built without the YAML library: catalogue files, and answers
		// that might need it where they cannot be read twice (standard
		// input) or where some plans would already be written (a
		// folder), go to konform-full.
		return hand(handoff.FullName, args)
	}
	c, err := cat()
	if err != nil {
		err = &planrun.Error{Code: planrun.ExitInternal, Err: fmt.Errorf("the built-in catalogue is broken: %w", err)}
	} else {
		if overlay != "" {
			if c, err = catalog.LoadOverlay(c, overlay); err != nil {
				err = &planrun.Error{Code: planrun.ExitInput, Err: err}
			}
		}
		if err == nil {
			err = planrun.Run(c, o, stdio)
		}
	}
	if errors.Is(err, catalog.ErrNeedsYAML) {
		// An answers file in YAML beyond what konform reads by itself:
		// nothing has been written yet.
		return hand(handoff.FullName, args)
	}
	if err != nil {
		handoff.PrintError(stdio.Err, err)
	}
	return planrun.Code(err)
}

func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}
