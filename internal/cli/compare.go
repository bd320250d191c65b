package cli

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/report"
)

// compareOptions are the flags and arguments of `konform compare`.
type compareOptions struct {
	*app
	Tools   []string
	Format  string // table, md or json
	Lang    string
	Answers string // the context, if any
	Date    string // YYYY-MM-DD, if given
}

func newCompareCmd(a *app, runF func(*compareOptions) error) *cobra.Command {
	o := &compareOptions{app: a}
	cmd := &cobra.Command{
		Use:   "compare ID ID [ID...]",
		Short: "Compare tools side by side: facts, and the actions each would need",
		Long: `Shows the catalogue's facts of two or more tools side by side, each with
its date, and counts the actions each tool would need in your context,
by priority. With --answers the organisation answers of that file are the
context (a practice bound to professional secrecy needs more than a
craft business); without, every organisation question counts as unclear.`,
		Example: `  konform compare zoom jitsi-hosted webex
  konform compare whatsapp-business-app threema-work signal --answers praxis.yaml --format md`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) < 2 {
				return inputErr("compare needs at least two tools side by side, e.g. konform compare whatsapp signal (konform tools lists them)")
			}
			return nil
		},
		ValidArgsFunction: a.completeTools(false),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Tools = args
			if runF != nil {
				return runF(o)
			}
			return runCompare(o)
		},
	}
	f := cmd.Flags()
	enumFlag(cmd, &o.Format, "format", "table", []string{"table", "md", "json"}, "output format: table, md or json")
	langFlag(cmd, &o.Lang, "language: de or en (default: the answers file's, else from LC_ALL, LC_MESSAGES, LANG)")
	f.StringVar(&o.Answers, "answers", "", "take the organisation's answers from this answers file as the context")
	f.StringVar(&o.Date, "date", "", "compare as of this date, YYYY-MM-DD (default: the answers file's date, else today)")
	return cmd
}

func runCompare(o *compareOptions) error {
	cat, err := o.catalog()
	if err != nil {
		return err
	}
	var ctx *answers.File
	if o.Answers != "" {
		if ctx, err = o.loadAnswers(cat, o.Answers); err != nil {
			return err
		}
	}
	l := o.lang(o.Lang)
	if o.Lang == "" && ctx != nil {
		l = ctx.Lang
	}
	day := catalog.Date{Time: time.Now().UTC().Truncate(24 * time.Hour)}
	switch {
	case o.Date != "":
		if day, err = catalog.ParseDate(o.Date); err != nil {
			return inputErr("--date: %v", err)
		}
	case ctx != nil:
		day = ctx.Assessment.Date
	}
	c, err := assess.Compare(cat, o.Tools, ctx, l, day)
	if err != nil {
		return inputErr("%v", err)
	}
	var out []byte
	switch o.Format {
	case "md":
		out = report.CompareMarkdown(c, l)
	case "json":
		out = report.CompareJSON(c, l)
	default: // table: fitted to the terminal; piped, nothing is cut
		out = report.CompareText(c, l, isTerminal(o.io.Out))
	}
	_, err = o.io.Out.Write(out)
	return err
}

// completeTools completes the ids of the catalogue's tools, the custom
// entry only when withCustom.
func (a *app) completeTools(withCustom bool) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
		cat, err := a.catalog()
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var ids []string
		for _, t := range cat.Tools {
			if withCustom || !t.Custom {
				ids = append(ids, t.ID)
			}
		}
		return ids, cobra.ShellCompDirectiveNoFileComp
	}
}
