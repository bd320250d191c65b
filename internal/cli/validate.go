package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/spf13/cobra"

	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/msg"
	"github.com/konform/konform/internal/portfolio"
	"github.com/konform/konform/internal/report"
	"github.com/konform/konform/internal/safe"
)

// validateOptions are the arguments of `konform validate`.
type validateOptions struct {
	*app
	Answers []string
}

func newValidateCmd(a *app, runF func(*validateOptions) error) *cobra.Command {
	o := &validateOptions{app: a}
	return &cobra.Command{
		Use:   "validate FILE|DIR...",
		Short: "Check answers files, report every problem",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Answers = args
			if runF != nil {
				return runF(o)
			}
			return runValidate(o)
		},
	}
}

// runValidate checks every file named, and every answers file in a folder
// named; one file's problems do not stop the others.
func runValidate(o *validateOptions) error {
	cat, err := o.catalog()
	if err != nil {
		return err
	}
	if len(o.Answers) == 1 {
		if fi, err := os.Stat(o.Answers[0]); err != nil || !fi.IsDir() {
			return validateOne(o, cat, o.Answers[0])
		}
	}
	var files []string
	for _, arg := range o.Answers {
		if fi, err := os.Stat(arg); err == nil && fi.IsDir() {
			// A folder as portfolio reads it: subfolders too, hidden
			// files left out.
			fs, err := portfolio.Files(arg)
			if err != nil {
				return asInput(err)
			}
			for _, f := range fs {
				if data, err := os.ReadFile(f); err == nil && report.IsKonformOutput(data) {
					continue // a kept plan or a report, no answers
				}
				files = append(files, f)
			}
			continue
		}
		files = append(files, arg)
	}
	// A file named twice (by itself and in its folder) is checked once.
	seen := map[string]bool{}
	files = slices.DeleteFunc(files, func(f string) bool {
		k := filepath.Clean(f)
		if seen[k] {
			return true
		}
		seen[k] = true
		return false
	})
	failed := 0
	for _, f := range files {
		if err := validateOne(o, cat, f); err != nil {
			failed++
			printErr(o.io.Err, err, o.lang(""))
		}
	}
	if failed > 0 {
		return inputErr("%d of %d answers files have problems", failed, len(files))
	}
	return nil
}

func validateOne(o *validateOptions, cat *catalog.Catalog, path string) error {
	p, err := o.assessFile(cat, path)
	if err != nil {
		return err
	}
	answered := len(p.Context)
	for _, t := range p.Tools {
		answered += len(t.Answers)
	}
	line := msg.Errorf("%s: ok – tools: %d, questions that apply: %d, open: %d", safe.Line(path), len(p.Tools), answered, len(p.Open))
	_, err = fmt.Fprintln(o.io.Out, msg.Localize(line, string(o.lang(""))))
	return err
}
