package cli

import (
	"fmt"

	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/i18n"
	"github.com/konform/konform/internal/plan"
	"github.com/konform/konform/internal/planhtml"
	"github.com/konform/konform/internal/planrun"
)

// konform-full makes plans in HTML too: the same Markdown, as one
// self-contained, print-friendly page.
func init() {
	planrun.RegisterFormat("html", func(p *assess.Plan, l catalog.Lang) []byte {
		title := fmt.Sprintf("%s – %s", i18n.T(l, "plan.title"), p.Assessment.Organisation)
		out, err := planhtml.Document(plan.Markdown(p, l), title, l)
		if err != nil {
			panic(err) // goldmark writes to memory: it does not fail
		}
		return out
	})
}
