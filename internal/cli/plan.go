package cli

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/handoff"
	"github.com/konform/konform/internal/planrun"
)

func (a *app) planCmd() *cobra.Command {
	var o planrun.Options
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
		RunE: func(cmd *cobra.Command, _ []string) error {
			o.Catalog = a.catalogFile // applied by a.catalog()
			if a.planHook != nil {
				return a.planHook(o)
			}
			return a.runPlan(o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Answers, "answers", "", "answers file (YAML or JSON; - for standard input)")
	f.StringVar(&o.Format, "format", "md", "output format: md, json, csv or html")
	f.StringVar(&o.Lang, "lang", "", "language of the plan: de or en (default: the answers file's lang)")
	f.StringVarP(&o.Out, "output", "o", "", "write the plan to this file instead of standard output")
	f.StringVar(&o.OutDir, "out-dir", "", "with a folder of answers files: write one plan per file here")
	f.BoolVar(&o.Force, "force", false, "replace the output file if it exists")
	_ = cmd.MarkFlagRequired("answers")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(handoff.PlanFormats, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions([]string{"de", "en"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// assessFile loads and assesses an answers file, printing its warnings.
func (a *app) assessFile(path string) (*assess.Plan, error) {
	cat, err := a.catalog()
	if err != nil {
		return nil, err
	}
	return planrun.AssessFile(cat, path, a.stdio())
}

func (a *app) stdio() planrun.IO { return planrun.IO{In: a.io.In, Out: a.io.Out, Err: a.io.Err} }

func (a *app) runPlan(o planrun.Options) error {
	if name := handoff.Maker(o.Format); name != "" && !planrun.Makes(o.Format) {
		// HTML is konform-html's (see internal/launch): the process is
		// handed over, as konform does; on Unix Hand does not return.
		os.Exit(handoff.Hand(name, handoff.Plan(o).Args()))
	}
	cat, err := a.catalog()
	if err != nil {
		return err
	}
	return planrun.Run(cat, o, a.stdio())
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
