package cli

import (
	"errors"
	"path/filepath"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/msg"
	"github.com/konform/konform/internal/portfolio"
	"github.com/konform/konform/internal/report"
	"github.com/konform/konform/internal/tui"
	"github.com/konform/konform/questions"
)

// portfolioOptions are the flags and arguments of `konform portfolio`.
type portfolioOptions struct {
	*app
	Dir    string
	Format string // table, md, json or csv
	Lang   string
	Date   string
	Out    string
	Force  bool
}

func newPortfolioCmd(a *app, runF func(*portfolioOptions) error) *cobra.Command {
	o := &portfolioOptions{app: a}
	cmd := &cobra.Command{
		Use:   "portfolio DIR",
		Short: "Every client in one view: lights, overdue actions, reviews due",
		Long: `Reads a folder of answers files, one per client (subfolders too), and
shows every client in one view, most urgent first: the last check and
its kind (a quick check not completed is marked), the traffic light,
open critical and high actions, actions whose agreed due date has
passed or comes within 30 days, and the date the assessment is due for
review (assessment.review in the answers file, else a year after it).
A file that cannot be read is listed with its error; the others are
shown all the same.
With --catalog FILE every client is assessed again under the changed
catalogue, and the view shows for whom what would change: actions new,
no longer needed or of another priority, lights that move, first steps
that change. Hidden files and JSON plans in the folder are left out.`,
		Example: `  konform portfolio mandanten/
  konform portfolio mandanten/ --format md -o uebersicht.md
  konform portfolio mandanten/ --catalog examples/catalog/dpf-falls.yaml`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Dir = args[0]
			if runF != nil {
				return runF(o)
			}
			return runPortfolio(o)
		},
	}
	f := cmd.Flags()
	enumFlag(cmd, &o.Format, "format", "table", []string{"table", "md", "json", "csv"}, "output format: table, md, json or csv")
	langFlag(cmd, &o.Lang, "language: de or en (default: from LC_ALL, LC_MESSAGES, LANG)")
	f.StringVar(&o.Date, "date", "", "look as of this date, YYYY-MM-DD (default: today)")
	f.StringVarP(&o.Out, "output", "o", "", "write to this file instead of standard output")
	f.BoolVar(&o.Force, "force", false, "replace the output file if it exists")
	return cmd
}

func runPortfolio(o *portfolioOptions) error {
	cat, err := o.catalog()
	if err != nil {
		return err
	}
	opts := portfolio.Options{Catalog: cat, Today: catalog.Date{Time: time.Now().UTC().Truncate(24 * time.Hour)}}
	if o.Date != "" {
		if opts.Today, err = catalog.ParseDate(o.Date); err != nil {
			return inputErr("--date: %v", err)
		}
	}
	if o.catalogFile != "" {
		// What if: today's catalogue (with the consultancy's own from
		// KONFORM_CATALOG) against the one given.
		base, err := questions.Catalog()
		if err != nil {
			return &Error{Code: ExitInternal, Err: msg.Errorf("the built-in catalogue is broken: %w", err)}
		}
		if env := o.io.Getenv("KONFORM_CATALOG"); env != "" {
			if base, err = catalog.LoadOverlay(base, env); err != nil {
				var derr *catalog.OverlayError
				if !errors.As(err, &derr) {
					err = msg.Errorf("%w (the catalogue file given with %s)", err, "KONFORM_CATALOG")
				}
				return asInput(err)
			}
		}
		opts.Catalog, opts.WhatIf = base, cat
	}
	clients, err := portfolio.Load(o.Dir, opts)
	if err != nil {
		return asInput(err)
	}
	v := portfolio.View{Clients: clients, Today: opts.Today, Lang: o.lang(o.Lang)}
	if o.catalogFile != "" {
		v.WhatIf = filepath.Base(o.catalogFile)
		for _, src := range opts.WhatIf.Sources {
			if opts.Catalog.Source(src.ID) == nil {
				v.WhatIfSources = append(v.WhatIfSources, src)
			}
		}
	}
	if o.Format == "table" && o.Out == "" && isTerminal(o.io.In) && isTerminal(o.io.Out) {
		// In a terminal: the table to sort and filter, enter opens a plan.
		plan := func(rel string) (string, error) {
			// Warnings would print over the screen: the plan shows what
			// counts.
			// With a changed catalogue: the plan under it.
			cat := opts.Catalog
			if opts.WhatIf != nil {
				cat = opts.WhatIf
			}
			p, _, r := assessOne(cat, filepath.Join(o.Dir, filepath.FromSlash(rel)), string(v.Lang))
			if r.err != nil {
				return "", r.err
			}
			return string(report.Markdown(p, v.Lang)), nil
		}
		_, err := tea.NewProgram(tui.NewPortfolio(v, plan), tea.WithInput(o.io.In), tea.WithOutput(o.rawOut())).Run()
		return err
	}
	render := map[string]func(portfolio.View) []byte{"table": portfolio.Table, "md": portfolio.Markdown, "json": portfolio.JSON, "csv": portfolio.CSV}[o.Format]
	return o.emit(render(v), o.Out, o.Force)
}
