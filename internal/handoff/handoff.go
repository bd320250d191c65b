// Package handoff decides which of konform's programs runs a command line
// and hands it over: konform makes plans in Markdown, JSON and CSV itself,
// konform-html makes HTML plans, konform-full does everything else (see
// internal/launch). It uses only the standard library, so that konform
// can hand off before the YAML library and the catalogue are set up
// (internal/handoff/early).
package handoff

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// The programs konform hands command lines to, in the same folder.
const (
	FullName = "konform-full" // the wizard and every command but plan
	HTMLName = "konform-html" // plans as HTML pages
)

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
// line without --answers or with a format no program makes, so that
// konform-full can explain.
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
	if _, known := makers[o.Format]; !known {
		return o, false
	}
	return o, answers
}

// makers are the plan formats and the program that makes each: "" is
// konform itself. HTML needs a Markdown library (goldmark) whose start-up
// neither plans nor the wizard should wait for.
var makers = map[string]string{"csv": "", "json": "", "md": "", "html": HTMLName}

// LeanFormats are the plan formats konform makes itself.
var LeanFormats = []string{"csv", "json", "md"}

// PlanFormats are all plan formats, sorted.
var PlanFormats = []string{"csv", "html", "json", "md"}

// Maker is the program that makes plans in format: "" for konform itself
// (and for a format that does not exist).
func Maker(format string) string { return makers[format] }

// Route is the program for a command line: "" when konform makes the plan
// itself.
func Route(args []string) string {
	p, ok := ParsePlan(args)
	if !ok {
		return FullName
	}
	return Maker(p.Format)
}

// Args is the command line that asks another program for the plan o, in
// the spelling ParsePlan reads.
func (o Plan) Args() []string {
	args := []string{"plan", "--answers", o.Answers, "--format", o.Format}
	for _, f := range []struct{ name, value string }{
		{"--lang", o.Lang}, {"--output", o.Out}, {"--out-dir", o.OutDir}, {"--catalog", o.Catalog},
	} {
		if f.value != "" {
			args = append(args, f.name, f.value)
		}
	}
	if o.Force {
		args = append(args, "--force")
	}
	return args
}
