package cli

import (
	"github.com/spf13/cobra"

	"github.com/konform/konform/internal/report"
)

// questionsOptions are the flags of `konform questions`.
type questionsOptions struct {
	*app
	Format string // md or json
	Lang   string
	Quick  bool
}

func newQuestionsCmd(a *app, runF func(*questionsOptions) error) *cobra.Command {
	o := &questionsOptions{app: a}
	cmd := &cobra.Command{
		Use:   "questions",
		Short: "The blank questionnaire, for paper or as JSON",
		Example: `  konform questions --lang de > fragebogen.md
  konform questions --quick --lang en
  konform questions --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(o)
			}
			return runQuestions(o)
		},
	}
	enumFlag(cmd, &o.Format, "format", "md", []string{"md", "json"}, "output format: md or json")
	langFlag(cmd, &o.Lang, "language: de or en (default: from LC_ALL, LC_MESSAGES, LANG)")
	cmd.Flags().BoolVar(&o.Quick, "quick", false, "only the questions of the quick check (those that can bring about a critical action)")
	return cmd
}

func runQuestions(o *questionsOptions) error {
	cat, err := o.catalog()
	if err != nil {
		return err
	}
	out := report.QuestionnaireJSON(cat, o.Quick)
	if o.Format == "md" {
		out = report.Questionnaire(cat, o.lang(o.Lang), o.Quick)
	}
	_, err = o.io.Out.Write(out)
	return err
}
