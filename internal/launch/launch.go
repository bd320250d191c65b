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
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/planrun"
)

// FullName is the program konform hands all other commands to.
const FullName = "konform-full"

// Main runs konform with args (without the program name). full runs a
// command line konform does not handle itself and returns its exit code.
func Main(args []string, stdio planrun.IO, cat func() (*catalog.Catalog, error), full func(args []string) int) int {
	o, ok := ParsePlan(args)
	if !ok {
		return full(args)
	}
	c, err := cat()
	if err != nil {
		err = &planrun.Error{Code: planrun.ExitInternal, Err: fmt.Errorf("the built-in catalogue is broken: %w", err)}
	} else {
		err = planrun.Run(c, o, stdio)
	}
	if err != nil {
		printError(stdio.Err, err)
	}
	return planrun.Code(err)
}

// printError prints err as konform-full does.
func printError(w io.Writer, err error) {
	for _, line := range strings.Split(err.Error(), "\n") {
		fmt.Fprintf(w, "konform: %s\n", line)
	}
}

// ParsePlan reads `plan` and its flags, spelled as konform-full accepts
// them: --flag value, --flag=value, -o value, -ovalue, -o=value, --force,
// --force=true|false. It declines (ok false) anything else, and a command
// line without --answers, so that konform-full can explain.
func ParsePlan(args []string) (o planrun.Options, ok bool) {
	if len(args) == 0 || args[0] != "plan" {
		return o, false
	}
	o.Format = "md"
	strs := map[string]*string{
		"--answers": &o.Answers, "--format": &o.Format, "--lang": &o.Lang,
		"--output": &o.Out, "-o": &o.Out, "--out-dir": &o.OutDir,
	}
	answers := false
	for i := 1; i < len(args); i++ {
		a := args[i]
		name, value, hasValue := strings.Cut(a, "=")
		if strings.HasPrefix(a, "-o") && !strings.HasPrefix(a, "--") && len(a) > 2 && !hasValue {
			name, value, hasValue = "-o", a[2:], true
		}
		if name == "--force" {
			if !hasValue {
				o.Force = true
				continue
			}
			b, err := strconv.ParseBool(value)
			if err != nil {
				return o, false
			}
			o.Force = b
			continue
		}
		p, known := strs[name]
		if !known {
			return o, false
		}
		if !hasValue {
			if i+1 >= len(args) {
				return o, false
			}
			i++
			value = args[i]
		}
		*p = value
		if name == "--answers" {
			answers = true
		}
	}
	return o, answers
}
