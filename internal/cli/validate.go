package cli

import (
	"fmt"
	"github.com/konform/konform/internal/safe"

	"github.com/spf13/cobra"
)

// validateOptions are the arguments of `konform validate`.
type validateOptions struct {
	*app
	Answers string
}

func newValidateCmd(a *app, runF func(*validateOptions) error) *cobra.Command {
	o := &validateOptions{app: a}
	return &cobra.Command{
		Use:   "validate FILE",
		Short: "Check an answers file, report every problem",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Answers = args[0]
			if runF != nil {
				return runF(o)
			}
			return runValidate(o)
		},
	}
}

func runValidate(o *validateOptions) error {
	cat, err := o.catalog()
	if err != nil {
		return err
	}
	p, err := o.assessFile(cat, o.Answers)
	if err != nil {
		return err
	}
	answered := len(p.Context)
	for _, t := range p.Tools {
		answered += len(t.Answers)
	}
	_, err = fmt.Fprintf(o.io.Out, "%s: ok – tools: %d, questions that apply: %d, open: %d\n", safe.Line(o.Answers), len(p.Tools), answered, len(p.Open))
	return err
}
