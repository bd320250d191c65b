package cli

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/plan"
	"github.com/konform/konform/internal/planrun"
)

func (a *app) compareCmd() *cobra.Command {
	var format, lang, answersPath, date string
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
		Args: cobra.MinimumNArgs(2),
		ValidArgsFunction: func(cmd *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			cat, err := a.catalog()
			if err != nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var ids []string
			for _, t := range cat.Tools {
				if !t.Custom {
					ids = append(ids, t.ID)
				}
			}
			return ids, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			cat, err := a.catalog()
			if err != nil {
				return err
			}
			var ctx *answers.File
			if answersPath != "" {
				if ctx, err = planrun.Load(cat, answersPath, a.io.In); err != nil {
					return err
				}
			}
			l, err := a.lang(lang)
			if err != nil {
				return err
			}
			if lang == "" && ctx != nil {
				l = ctx.Lang
			}
			day := catalog.Date{Time: time.Now().UTC().Truncate(24 * time.Hour)}
			switch {
			case date != "":
				if day, err = catalog.ParseDate(date); err != nil {
					return inputErr("--date: %v", err)
				}
			case ctx != nil:
				day = ctx.Assessment.Date
			}
			c, err := assess.Compare(cat, args, ctx, l, day)
			if err != nil {
				return inputErr("%v", err)
			}
			switch format {
			case "table":
				_, err = a.io.Out.Write(plan.CompareText(c, l))
			case "md":
				_, err = a.io.Out.Write(plan.CompareMarkdown(c, l))
			case "json":
				_, err = a.io.Out.Write(plan.CompareJSON(c, l))
			default:
				return inputErr("--format must be table, md or json, not %q", format)
			}
			return err
		},
	}
	f := cmd.Flags()
	f.StringVar(&format, "format", "table", "output format: table, md or json")
	f.StringVar(&lang, "lang", "", "language: de or en (default: the answers file's, else from LC_ALL, LC_MESSAGES, LANG)")
	f.StringVar(&answersPath, "answers", "", "take the organisation's answers from this answers file as the context")
	f.StringVar(&date, "date", "", "compare as of this date, YYYY-MM-DD (default: the answers file's date, else today)")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"table", "md", "json"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}
