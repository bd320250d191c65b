package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/fsutil"
	"github.com/konform/konform/internal/plan"
)

type planOptions struct {
	answers string
	format  string
	lang    string
	out     string
	outDir  string
	force   bool
}

func (a *app) planCmd() *cobra.Command {
	var o planOptions
	cmd := &cobra.Command{
		Use:   "plan --answers FILE",
		Short: "Make the action plan from an answers file",
		Long: `Reads an answers file (YAML or JSON, see the README), assesses it and
prints the action plan as Markdown (default) or JSON. With -o the plan is
written to a file; an existing file is only replaced with --force.

With a folder as --answers and --out-dir, every answers file in the folder
gets its plan, named like the file; bad files are reported and skipped.`,
		Example: `  konform plan --answers answers.yaml
  konform plan --answers answers.yaml --format json --lang en -o plan.json
  konform plan --answers clients/ --out-dir plans/ --force`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return a.runPlan(o) },
	}
	f := cmd.Flags()
	f.StringVar(&o.answers, "answers", "", "answers file (YAML or JSON; - for standard input)")
	f.StringVar(&o.format, "format", "md", "output format: md or json")
	f.StringVar(&o.lang, "lang", "", "language of the plan: de or en (default: the answers file's lang)")
	f.StringVarP(&o.out, "output", "o", "", "write the plan to this file instead of standard output")
	f.StringVar(&o.outDir, "out-dir", "", "with a folder of answers files: write one plan per file here")
	f.BoolVar(&o.force, "force", false, "replace the output file if it exists")
	_ = cmd.MarkFlagRequired("answers")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"md", "json"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions([]string{"de", "en"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// load reads and parses an answers file, printing warnings later.
func (a *app) load(path string) (*answers.File, *catalog.Catalog, error) {
	cat, err := a.catalog()
	if err != nil {
		return nil, nil, err
	}
	var data []byte
	name := path
	if path == "-" {
		name = "<stdin>"
		data, err = io.ReadAll(io.LimitReader(a.io.In, answers.MaxSize+1))
	} else {
		data, err = readLimited(path)
	}
	if err != nil {
		return nil, nil, err
	}
	f, err := answers.Parse(name, data, cat)
	if err != nil {
		return nil, nil, &exitError{code: ExitInput, err: err}
	}
	return f, cat, nil
}

func readLimited(path string) ([]byte, error) {
	fh, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, inputErr("%s: no such file", path)
		}
		return nil, inputErr("%s: cannot read: %v", path, unwrapPath(err))
	}
	defer fh.Close()
	if fi, err := fh.Stat(); err == nil && fi.IsDir() {
		return nil, inputErr("%s: is a folder; give an answers file", path)
	}
	return io.ReadAll(io.LimitReader(fh, answers.MaxSize+1))
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (a *app) assessFile(path string) (*assess.Plan, error) {
	f, cat, err := a.load(path)
	if err != nil {
		return nil, err
	}
	p := assess.Assess(cat, f)
	name := path
	if path == "-" {
		name = "<stdin>"
	}
	for _, w := range p.Warnings {
		a.warn("%s:%d:%d: %s", name, w.Pos.Line, w.Pos.Col, w.Msg)
	}
	return p, nil
}

func (a *app) runPlan(o planOptions) error {
	if o.format != "md" && o.format != "json" {
		return inputErr("--format must be md or json, not %q", o.format)
	}
	var lang catalog.Lang
	if o.lang != "" {
		l, err := catalog.ParseLang(o.lang)
		if err != nil {
			return inputErr("--lang: %v", err)
		}
		lang = l
	}
	if o.outDir != "" || isDir(o.answers) {
		return a.runBatch(o, lang)
	}
	if o.out != "" && !o.force {
		if _, err := os.Lstat(o.out); err == nil {
			return inputErr("%s exists; choose another file or add --force to replace it", o.out)
		}
	}
	p, err := a.assessFile(o.answers)
	if err != nil {
		return err
	}
	if lang == "" {
		lang = p.Lang
	}
	var out []byte
	if o.format == "json" {
		out = plan.JSON(p, lang)
	} else {
		out = plan.Markdown(p, lang)
	}
	return a.emit(out, o.out, o.force)
}

// emit writes to stdout, or atomically to a file.
func (a *app) emit(data []byte, path string, force bool) error {
	if path == "" {
		_, err := a.io.Out.Write(data)
		return err
	}
	err := fsutil.WriteFile(path, data, 0o644, force)
	switch {
	case errors.Is(err, fsutil.ErrExists):
		return inputErr("%s exists; choose another file or add --force to replace it", path)
	case err != nil:
		return inputErr("cannot write %s: %v", path, unwrapPath(err))
	}
	fmt.Fprintf(a.io.Err, "konform: wrote %s\n", path)
	return nil
}

func (a *app) validateCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "validate FILE",
		Short: "Check an answers file, report every problem",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			p, err := a.assessFile(args[0])
			if err != nil {
				return err
			}
			answered := len(p.Context)
			for _, t := range p.Tools {
				answered += len(t.Answers)
			}
			fmt.Fprintf(a.io.Out, "%s: ok – tools: %d, questions that apply: %d, open: %d\n", args[0], len(p.Tools), answered, len(p.Open))
			return nil
		},
	}
}
