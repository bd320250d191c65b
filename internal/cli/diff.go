package cli

import (
	"github.com/spf13/cobra"

	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/plan"
	"github.com/konform/konform/internal/planrun"
)

func (a *app) diffCmd() *cobra.Command {
	var format, lang string
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
			old, err := a.planOf(args[0])
			if err != nil {
				return err
			}
			cur, err := a.planOf(args[1])
			if err != nil {
				return err
			}
			l := cur.Lang
			if lang != "" {
				if l, err = a.lang(lang); err != nil {
					return err
				}
			}
			d := assess.Compute(old, cur)
			if !d.SameOrganisation() {
				planrun.Warn(a.io.Err, "%s is of %q, %s of %q: are these the same organisation?", args[0], old.Assessment.Organisation, args[1], cur.Assessment.Organisation)
			}
			switch format {
			case "md":
				_, err = a.io.Out.Write(plan.DiffMarkdown(d, l))
			case "json":
				_, err = a.io.Out.Write(plan.DiffJSON(d, l))
			default:
				return inputErr("--format must be md or json, not %q", format)
			}
			return err
		},
	}
	cmd.Flags().StringVar(&format, "format", "md", "output format: md or json")
	cmd.Flags().StringVar(&lang, "lang", "", "language: de or en (default: the newer answers file's)")
	return cmd
}

// planOf is the plan of an answers file, or a JSON plan read back.
func (a *app) planOf(path string) (*assess.Plan, error) {
	cat, err := a.catalog()
	if err != nil {
		return nil, err
	}
	if path != "-" {
		if data, err := planrun.ReadLimited(path); err == nil && plan.IsJSONPlan(data) {
			p, err := plan.ReadJSON(cat, path, data)
			if err != nil {
				return nil, inputErr("%v", err)
			}
			return p, nil
		}
	}
	return a.assessFile(path)
}
