package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/i18n"
	"github.com/konform/konform/internal/plan"
)

func (a *app) questionsCmd() *cobra.Command {
	var format, lang string
	cmd := &cobra.Command{
		Use:   "questions",
		Short: "The blank questionnaire, for paper or as JSON",
		Example: `  konform questions --lang de > fragebogen.md
  konform questions --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cat, l, err := a.catalogIn(lang)
			if err != nil {
				return err
			}
			switch format {
			case "md":
				_, err = a.io.Out.Write(plan.Questionnaire(cat, l))
			case "json":
				_, err = a.io.Out.Write(plan.QuestionnaireJSON(cat))
			default:
				return inputErr("--format must be md or json, not %q", format)
			}
			return err
		},
	}
	cmd.Flags().StringVar(&format, "format", "md", "output format: md or json")
	cmd.Flags().StringVar(&lang, "lang", "", "language: de or en (default: from LC_ALL, LC_MESSAGES, LANG)")
	return cmd
}

// catalogIn loads the catalogue and resolves the --lang flag.
func (a *app) catalogIn(langFlag string) (*catalog.Catalog, catalog.Lang, error) {
	cat, err := a.catalog()
	if err != nil {
		return nil, "", err
	}
	l, err := a.lang(langFlag)
	return cat, l, err
}

func (a *app) toolsCmd() *cobra.Command {
	var kind, format, lang string
	cmd := &cobra.Command{
		Use:   "tools",
		Short: "The tools in the catalogue, with dated facts",
		Example: `  konform tools
  konform tools --kind video --format md
  konform tools show whatsapp`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cat, l, err := a.catalogIn(lang)
			if err != nil {
				return err
			}
			if kind != "" && kind != string(catalog.KindMessenger) && kind != string(catalog.KindVideo) {
				return inputErr("--kind must be messenger or video, not %q", kind)
			}
			var tools []*catalog.Tool
			for _, t := range cat.Tools {
				if kind == "" || string(t.Kind) == kind {
					tools = append(tools, t)
				}
			}
			switch format {
			case "table":
				return a.toolsTable(cat, tools, l)
			case "md":
				return a.toolsMarkdown(cat, tools, l)
			case "json":
				return a.toolsJSON(cat, tools)
			}
			return inputErr("--format must be table, md or json, not %q", format)
		},
	}
	cmd.Flags().StringVar(&kind, "kind", "", "only messenger or video tools")
	cmd.Flags().StringVar(&format, "format", "table", "output format: table, md or json")
	cmd.Flags().StringVar(&lang, "lang", "", "language: de or en (default: from LC_ALL, LC_MESSAGES, LANG)")
	cmd.AddCommand(a.toolShowCmd())
	return cmd
}

// factCell is a fact's value labels, or "–".
func factCell(cat *catalog.Catalog, t *catalog.Tool, id string, l catalog.Lang) string {
	return factLabels(cat, t, id, l, false)
}

func factLabels(cat *catalog.Catalog, t *catalog.Tool, id string, l catalog.Lang, short bool) string {
	f, ok := t.Facts()[id]
	if !ok {
		return "–"
	}
	d := cat.FactDef(id)
	var labels []string
	for _, v := range f.All() {
		o, _ := d.Value(v)
		label := o.Label.In(l)
		if short && o.Short.In(l) != "" {
			label = o.Short.In(l)
		}
		labels = append(labels, label)
	}
	return strings.Join(labels, ", ")
}

var tableFacts = []string{"seat", "hosting", "e2e", "avv", "berlin_2020"}

func (a *app) toolsTable(cat *catalog.Catalog, tools []*catalog.Tool, l catalog.Lang) error {
	w := tabwriter.NewWriter(a.io.Out, 0, 0, 2, ' ', 0)
	for i, kind := range []catalog.Kind{catalog.KindMessenger, catalog.KindVideo} {
		head := []string{strings.ToUpper(i18n.T(l, "kind."+string(kind)))}
		for _, id := range tableFacts {
			head = append(head, strings.ToUpper(shortFact(id, l)))
		}
		rows := 0
		for _, t := range tools {
			if t.Kind != kind || t.Custom {
				continue
			}
			if rows == 0 {
				if i > 0 {
					fmt.Fprintln(w)
				}
				fmt.Fprintln(w, strings.Join(head, "\t"))
			}
			rows++
			row := []string{t.ID}
			for _, id := range tableFacts {
				row = append(row, factLabels(cat, t, id, l, true))
			}
			fmt.Fprintln(w, strings.Join(row, "\t"))
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintln(a.io.Out, "\n"+i18n.T(l, "tools.other")+"\n"+i18n.T(l, "tools.more"))
	return err
}

func shortFact(id string, l catalog.Lang) string {
	return i18n.T(l, "fact.short."+id)
}

func (a *app) toolsMarkdown(cat *catalog.Catalog, tools []*catalog.Tool, l catalog.Lang) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", i18n.T(l, "tools.title"))
	head := []string{"ID", i18n.T(l, "plan.tool"), i18n.T(l, "plan.kind")}
	for _, id := range tableFacts {
		head = append(head, cat.FactDef(id).Title.In(l))
	}
	fmt.Fprintf(&b, "| %s |\n|%s\n", strings.Join(head, " | "), strings.Repeat(" --- |", len(head)))
	for _, t := range tools {
		row := []string{"`" + t.ID + "`", plan.Escape(t.Name.In(l)), i18n.T(l, "kind."+string(t.Kind))}
		for _, id := range tableFacts {
			cell := plan.Escape(factCell(cat, t, id, l))
			if f, ok := t.Facts()[id]; ok {
				cell += fmt.Sprintf(" (%s)", f.AsOf)
			}
			row = append(row, cell)
		}
		fmt.Fprintf(&b, "| %s |\n", strings.Join(row, " | "))
	}
	_, err := fmt.Fprint(a.io.Out, b.String())
	return err
}

type jsonToolFact struct {
	Values []string     `json:"values"`
	Detail catalog.Text `json:"detail"`
	AsOf   string       `json:"as_of"`
	Source []string     `json:"source"`
}

func (a *app) toolsJSON(cat *catalog.Catalog, tools []*catalog.Tool) error {
	type jt struct {
		ID           string                  `json:"id"`
		Name         catalog.Text            `json:"name"`
		Kind         catalog.Kind            `json:"kind"`
		Vendor       string                  `json:"vendor"`
		Custom       bool                    `json:"custom"`
		Facts        map[string]jsonToolFact `json:"facts"`
		Alternatives []string                `json:"alternatives"`
	}
	out := []jt{}
	for _, t := range tools {
		x := jt{ID: t.ID, Name: t.Name, Kind: t.Kind, Vendor: t.Vendor, Custom: t.Custom, Facts: map[string]jsonToolFact{}, Alternatives: t.Alternatives}
		if x.Alternatives == nil {
			x.Alternatives = []string{}
		}
		for id, f := range t.Facts() {
			x.Facts[id] = jsonToolFact{Values: f.All(), Detail: f.Detail, AsOf: f.AsOf.String(), Source: f.Source}
		}
		out = append(out, x)
	}
	_, err := a.io.Out.Write(plan.EncodeJSON(out))
	return err
}

func (a *app) toolShowCmd() *cobra.Command {
	var lang string
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Show one tool's fact sheet with dates and sources",
		Args:  cobra.ExactArgs(1),
		ValidArgsFunction: func(cmd *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			cat, err := a.catalog()
			if err != nil || len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var ids []string
			for _, t := range cat.Tools {
				ids = append(ids, t.ID)
			}
			return ids, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			cat, l, err := a.catalogIn(lang)
			if err != nil {
				return err
			}
			ct := cat.Tool(args[0])
			if ct == nil {
				return inputErr("unknown tool %q; `konform tools` lists them", args[0])
			}
			today := catalog.Date{Time: time.Now().UTC().Truncate(24 * time.Hour)}
			_, err = a.io.Out.Write(plan.FactSheet(cat, assess.CatalogTool(cat, ct, today), l))
			return err
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "", "language: de or en (default: from LC_ALL, LC_MESSAGES, LANG)")
	return cmd
}
