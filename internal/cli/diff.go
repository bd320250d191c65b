package cli

import (
	"github.com/spf13/cobra"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/fsutil"
	"github.com/konform/konform/internal/report"
)

// diffOptions are the flags and arguments of `konform diff`.
type diffOptions struct {
	*app
	Old, New string
	Format   string // md or json
	Lang     string
}

func newDiffCmd(a *app, runF func(*diffOptions) error) *cobra.Command {
	o := &diffOptions{app: a}
	cmd := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: "Progress between two assessments: resolved, new, changed",
		Long: `Compares two answers files of the same organisation, say from two
workshops six months apart: actions resolved (done, not applicable, or no
longer called for by the answers), actions new, actions whose priority or
progress changed, the traffic lights then and now, and the answers that
changed. The Markdown report can be handed over after the second workshop.
Two JSON plans (konform plan --format json) can be compared as well, all
but the answers, which a JSON plan does not hold.
Identical files give an empty report; two different organisations are
compared with a warning.`,
		Example: `  konform diff workshop-2026-11.yaml workshop-2027-05.yaml > fortschritt.md
  konform diff old.yaml new.yaml --format json`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Old, o.New = args[0], args[1]
			if runF != nil {
				return runF(o)
			}
			return runDiff(o)
		},
	}
	enumFlag(cmd, &o.Format, "format", "md", []string{"md", "json"}, "output format: md or json")
	langFlag(cmd, &o.Lang, "language: de or en (default: the newer answers file's)")
	return cmd
}

func runDiff(o *diffOptions) error {
	cat, err := o.catalog()
	if err != nil {
		return err
	}
	old, err := o.planOf(cat, o.Old)
	if err != nil {
		return err
	}
	cur, err := o.planOf(cat, o.New)
	if err != nil {
		return err
	}
	l := cur.Lang
	if o.Lang != "" {
		l = catalog.Lang(o.Lang)
	}
	d := assess.Compute(old, cur)
	if !d.SameOrganisation() {
		o.warn("%s is of %q, %s of %q: are these the same organisation?", o.Old, old.Assessment.Organisation, o.New, cur.Assessment.Organisation)
	}
	render := map[string]func(*assess.Diff, catalog.Lang) []byte{"md": report.DiffMarkdown, "json": report.DiffJSON}[o.Format]
	_, err = o.io.Out.Write(render(d, l))
	return err
}

// planOf is the plan of an answers file, or a JSON plan read back (which
// may be larger than an answers file).
func (a *app) planOf(cat *catalog.Catalog, path string) (*assess.Plan, error) {
	if path == "-" {
		return a.assessFile(cat, path)
	}
	data, err := fsutil.ReadFile(path, report.MaxJSONPlanSize)
	if err != nil {
		return nil, asInput(err)
	}
	if report.IsJSONPlan(data) {
		p, err := report.ReadJSON(cat, path, data)
		return p, asInput(err)
	}
	f, err := answers.Parse(path, data, cat)
	if err != nil {
		return nil, asInput(err)
	}
	return a.assess(cat, path, f), nil
}
