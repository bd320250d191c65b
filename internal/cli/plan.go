package cli

import (
	"errors"
	"os"

	"github.com/spf13/cobra"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/fsutil"
	"github.com/konform/konform/internal/planfiles"
	"github.com/konform/konform/internal/report"
)

// planOptions are the flags of `konform plan`.
type planOptions struct {
	*app
	Answers string // file, folder or "-" for standard input
	Format  string // a name of report.Formats
	Lang    string // de, en or "" for the answers file's language
	Out     string // -o: the plan file; "" for standard output
	OutDir  string // with a folder of answers: where the plans go
	Force   bool   // replace existing files
}

func newPlanCmd(a *app, runF func(*planOptions) error) *cobra.Command {
	o := &planOptions{app: a}
	cmd := &cobra.Command{
		Use:   "plan --answers FILE",
		Short: "Make the action plan from an answers file",
		Long: `Reads an answers file (YAML or JSON, see the README), assesses it and
prints the action plan as Markdown (default), JSON, CSV or HTML. With -o
the plan is written to a file; an existing file is only replaced with
--force.

With a folder as --answers and --out-dir, every answers file in the folder
gets its plan, named like the file; bad files are reported and skipped.`,
		Example: `  konform plan --answers answers.yaml
  konform plan --answers answers.yaml --format json --lang en -o plan.json
  konform plan --answers answers.yaml --format html -o plan.html
  konform plan --answers clients/ --out-dir plans/ --force`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(o)
			}
			return runPlan(o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Answers, "answers", "", "answers file (YAML or JSON; - for standard input)")
	enumFlag(cmd, &o.Format, "format", "md", report.FormatNames(), "output format: md, json, csv, html or txt (one line per action, for git diff)")
	langFlag(cmd, &o.Lang, "language of the plan: de or en (default: the answers file's lang)")
	f.StringVarP(&o.Out, "output", "o", "", "write the plan to this file instead of standard output (- is standard output)")
	f.StringVar(&o.OutDir, "out-dir", "", "with a folder of answers files: write one plan per file here")
	f.BoolVar(&o.Force, "force", false, "replace the output file if it exists")
	_ = cmd.MarkFlagRequired("answers")
	return cmd
}

func runPlan(o *planOptions) error {
	cat, err := o.catalog()
	if err != nil {
		return err
	}
	if o.OutDir != "" || isDir(o.Answers) {
		return runBatch(o, cat)
	}
	if o.Out == "-" {
		o.Out = ""
	}
	if o.Out != "" {
		if err := checkOutput(o.Out, o.Answers, o.Force); err != nil {
			return err
		}
	}
	p, err := o.assessFile(cat, o.Answers)
	if err != nil {
		return err
	}
	lang := catalog.Lang(o.Lang)
	if lang == "" {
		lang = p.Lang
	}
	if o.Out == "" && o.Format == "md" {
		return report.WriteMarkdown(o.io.Out, p, lang)
	}
	return o.emit(report.Formats[o.Format](p, lang), o.Out, o.Force)
}

// loadAnswers reads and parses an answers file ("-" is standard input).
func (a *app) loadAnswers(cat *catalog.Catalog, path string) (*answers.File, error) {
	var data []byte
	var err error
	name := path
	if path == "-" {
		name = "<stdin>"
		data, err = fsutil.ReadAll(a.io.In, name, answers.MaxSize)
	} else {
		data, err = answers.ReadFile(path)
	}
	if err != nil {
		return nil, asInput(err)
	}
	f, err := answers.Parse(name, data, cat)
	return f, asInput(err)
}

// assessFile loads an answers file and assesses it; its warnings go to
// standard error.
func (a *app) assessFile(cat *catalog.Catalog, path string) (*assess.Plan, error) {
	f, err := a.loadAnswers(cat, path)
	if err != nil {
		return nil, err
	}
	return a.assess(cat, path, f), nil
}

// assess assesses the answers file read from path; its warnings go to
// standard error.
func (a *app) assess(cat *catalog.Catalog, path string, f *answers.File) *assess.Plan {
	p := assess.Assess(cat, f)
	if path == "-" {
		path = "<stdin>"
	}
	for _, w := range p.Warnings {
		a.warn("%s:%d:%d: %v", path, w.Pos.Line, w.Pos.Col, w.Msg)
	}
	return p
}

// emit writes to standard output, or atomically to a file.
func (a *app) emit(data []byte, path string, force bool) error {
	if path == "" {
		_, err := a.io.Out.Write(data)
		return err
	}
	if err := writeFiles([]planfiles.File{{Path: path, Data: planfiles.Bytes(data)}}, force, planfiles.Options{}); err != nil {
		return err
	}
	a.say("wrote %s", path)
	return nil
}

// writeFiles writes a set of files the one way (package planfiles):
// nothing while one of them exists without --force, each atomically; the
// error says which file and why.
func writeFiles(files []planfiles.File, force bool, o planfiles.Options) error {
	if force {
		o.Mode = planfiles.Replace
	}
	_, existing, err := planfiles.Write(files, o)
	var werr *planfiles.Error
	switch {
	case len(existing) > 0:
		return inputErr("%s exists; choose another file or add --force to replace it", existing[0])
	case errors.As(err, new(*Error)):
		return errors.Unwrap(err) // the wording of the drafts
	case errors.As(err, &werr):
		return inputErr("cannot write %s: %v", werr.Path, werr.Err)
	}
	return err
}

// checkOutput refuses, before the plan is made, an output file that is the
// answers file, or one that exists without --force.
func checkOutput(out, answersPath string, force bool) error {
	fo, err := os.Stat(out)
	if err != nil {
		return nil
	}
	if fa, err := os.Stat(answersPath); err == nil && os.SameFile(fa, fo) {
		return inputErr("%s is the answers file; write the plan to another file", out)
	}
	if !force {
		return inputErr("%s exists; choose another file or add --force to replace it", out)
	}
	return nil
}

func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}
