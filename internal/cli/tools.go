package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/i18n"
	"github.com/konform/konform/internal/mdterm"
	"github.com/konform/konform/internal/report"
)

// toolsOptions are the flags of `konform tools`.
type toolsOptions struct {
	*app
	Kind   string // messenger, video or "" for both
	Format string // table, md or json
	Lang   string
}

func newToolsCmd(a *app, runF func(*toolsOptions) error) *cobra.Command {
	o := &toolsOptions{app: a}
	cmd := &cobra.Command{
		Use:   "tools",
		Short: "The tools in the catalogue, with dated facts",
		Example: `  konform tools
  konform tools --kind video --format md
  konform tools show whatsapp`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(o)
			}
			return runTools(o)
		},
	}
	var kinds []string
	for _, k := range catalog.Kinds {
		kinds = append(kinds, string(k))
	}
	enumFlag(cmd, &o.Kind, "kind", "", kinds, "only tools of one kind: "+catalog.KindList())
	enumFlag(cmd, &o.Format, "format", "table", []string{"table", "md", "json"}, "output format: table, md or json")
	langFlag(cmd, &o.Lang, "language: de or en (default: from LC_ALL, LC_MESSAGES, LANG)")
	cmd.AddCommand(newToolShowCmd(a, nil))
	return cmd
}

func runTools(o *toolsOptions) error {
	cat, err := o.catalog()
	if err != nil {
		return err
	}
	l := o.lang(o.Lang)
	var tools []*catalog.Tool
	for _, t := range cat.Tools {
		if o.Kind == "" || string(t.Kind) == o.Kind {
			tools = append(tools, t)
		}
	}
	switch o.Format {
	case "md":
		return toolsMarkdown(o.io.Out, cat, tools, l)
	case "json":
		return toolsJSON(o.io.Out, tools)
	}
	return toolsTable(o.io.Out, cat, tools, l)
}

// factCell is a fact's value labels, or "–".
func factCell(cat *catalog.Catalog, t *catalog.Tool, id string, l catalog.Lang) string {
	return factLabels(cat, t, id, l, false)
}

func factLabels(cat *catalog.Catalog, t *catalog.Tool, id string, l catalog.Lang, short bool) string {
	f, ok := t.Facts[id]
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

func toolsTable(w0 io.Writer, cat *catalog.Catalog, tools []*catalog.Tool, l catalog.Lang) error {
	w := tabwriter.NewWriter(w0, 0, 0, 2, ' ', 0)
	for i, kind := range catalog.Kinds {
		head := []string{strings.ToUpper(i18n.T(l, "kind."+string(kind)))}
		for _, d := range cat.FactsShown("table") {
			head = append(head, strings.ToUpper(d.Short.In(l)))
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
			for _, d := range cat.FactsShown("table") {
				row = append(row, factLabels(cat, t, d.ID, l, true))
			}
			fmt.Fprintln(w, strings.Join(row, "\t"))
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w0, "\n"+i18n.T(l, "tools.other")+"\n"+i18n.T(l, "tools.more"))
	return err
}

func toolsMarkdown(w io.Writer, cat *catalog.Catalog, tools []*catalog.Tool, l catalog.Lang) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", i18n.T(l, "tools.title"))
	head := []string{"ID", i18n.T(l, "plan.tool"), i18n.T(l, "plan.kind")}
	for _, d := range cat.FactsShown("table") {
		head = append(head, d.Title.In(l))
	}
	fmt.Fprintf(&b, "| %s |\n|%s\n", strings.Join(head, " | "), strings.Repeat(" --- |", len(head)))
	for _, t := range tools {
		row := []string{"`" + t.ID + "`", report.Escape(t.Name.In(l)), i18n.T(l, "kind."+string(t.Kind))}
		for _, d := range cat.FactsShown("table") {
			id := d.ID
			cell := report.Escape(factCell(cat, t, id, l))
			if f, ok := t.Facts[id]; ok {
				cell += fmt.Sprintf(" (%s)", f.AsOf)
			}
			row = append(row, cell)
		}
		fmt.Fprintf(&b, "| %s |\n", strings.Join(row, " | "))
	}
	_, err := fmt.Fprint(w, b.String())
	return err
}

type jsonToolFact struct {
	Values []string     `json:"values"`
	Detail catalog.Text `json:"detail"`
	AsOf   string       `json:"as_of"`
	Source []string     `json:"source"`
}

func toolsJSON(w io.Writer, tools []*catalog.Tool) error {
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
		for id, f := range t.Facts {
			x.Facts[id] = jsonToolFact{Values: f.All(), Detail: f.Detail, AsOf: f.AsOf.String(), Source: f.Source}
		}
		out = append(out, x)
	}
	_, err := w.Write(report.EncodeJSON(out))
	return err
}

// toolShowOptions are the flags and argument of `konform tools show`.
type toolShowOptions struct {
	*app
	Tool string
	Lang string
}

func newToolShowCmd(a *app, runF func(*toolShowOptions) error) *cobra.Command {
	o := &toolShowOptions{app: a}
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Show one tool's fact sheet with dates and sources",
		Args:  cobra.ExactArgs(1),
		ValidArgsFunction: func(cmd *cobra.Command, args []string, s string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return a.completeTools(true)(cmd, args, s)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Tool = args[0]
			if runF != nil {
				return runF(o)
			}
			return runToolShow(o)
		},
	}
	langFlag(cmd, &o.Lang, "language: de or en (default: from LC_ALL, LC_MESSAGES, LANG)")
	return cmd
}

func runToolShow(o *toolShowOptions) error {
	cat, err := o.catalog()
	if err != nil {
		return err
	}
	// The same names as compare takes: an id, an alias ("teams"), a name.
	ct := cat.FindTool(o.Tool)
	if ct == nil {
		var ids []string
		for _, t := range cat.Tools {
			ids = append(append(ids, t.ID), t.Aliases...)
		}
		if s := answers.Suggest(o.Tool, ids); s != "" {
			return inputErr("unknown tool %q; did you mean %q? (see `konform tools`)", o.Tool, s)
		}
		return inputErr("unknown tool %q; `konform tools` lists them", o.Tool)
	}
	today := catalog.Date{Time: time.Now().UTC().Truncate(24 * time.Hour)}
	md := report.FactSheet(cat, assess.CatalogTool(cat, ct, today), o.lang(o.Lang))
	if f, ok := o.rawOut().(*os.File); ok && isTerminal(f) {
		// In a terminal the fact sheet is drawn, as in the wizard; piped it
		// stays Markdown.
		width := 80
		if w, _, err := term.GetSize(f.Fd()); err == nil && w > 20 {
			width = w
		}
		dark := lipgloss.HasDarkBackground(os.Stdin, f)
		_, err = io.WriteString(o.io.Out, mdterm.Render(string(md), width-2, dark)+"\n")
		return err
	}
	_, err = o.io.Out.Write(md)
	return err
}
