// Package handoff decides which of konform's two programs runs a command
// line, and hands it to konform-full (see internal/launch). It uses only
// the standard library, so that konform can hand off before the YAML
// library and the catalogue are set up (internal/handoff/early).
package handoff

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// FullName is the program konform hands all other commands to.
const FullName = "konform-full"

// Plan are the flags of `konform plan`, field for field planrun.Options.
type Plan struct {
	Answers string
	Format  string
	Lang    string
	Out     string
	OutDir  string
	Force   bool
	Catalog string
}

// PrintError prints err as konform-full does.
func PrintError(w io.Writer, err error) {
	for _, line := range strings.Split(err.Error(), "\n") {
		fmt.Fprintf(w, "konform: %s\n", line)
	}
}

// ParsePlan reads `plan` and its flags, spelled as konform-full accepts
// them: --flag value, --flag=value, -o value, -ovalue, -o=value, --force,
// --force=true|false. It declines (ok false) anything else, and a command
// line without --answers, so that konform-full can explain.
func ParsePlan(args []string) (o Plan, ok bool) {
	if len(args) == 0 || args[0] != "plan" {
		return o, false
	}
	o.Format = "md"
	strs := map[string]*string{
		"--answers": &o.Answers, "--format": &o.Format, "--lang": &o.Lang,
		"--output": &o.Out, "-o": &o.Out, "--out-dir": &o.OutDir, "--catalog": &o.Catalog,
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
	// Formats that need more than konform carries (html) go to konform-full.
	if !slices.Contains(LeanFormats, o.Format) {
		return o, false
	}
	return o, answers
}

// LeanFormats are the plan formats konform makes itself.
var LeanFormats = []string{"csv", "json", "md"}
