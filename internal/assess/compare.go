package assess

import (
	"fmt"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/catalog"
)

// Comparison is tools side by side in one context: each tool assessed on
// its own, with the organisation's answers of the context (or none) and
// no answers about the tool itself, so that the catalogue's facts decide
// and what is unknown counts as the less favourable case.
type Comparison struct {
	Plan
	FromFile bool // the context comes from an answers file
}

// Compare assesses the tools with the given ids in the context of ctx
// (nil: every organisation question unknown) on date.
func Compare(cat *catalog.Catalog, ids []string, ctx *answers.File, lang catalog.Lang, date catalog.Date) (*Comparison, error) {
	if len(ids) < 2 {
		return nil, fmt.Errorf("give at least two tools to compare (see konform tools)")
	}
	seen := map[string]bool{}
	for _, id := range ids {
		t := cat.Tool(id)
		switch {
		case t == nil:
			return nil, fmt.Errorf("%q is not a tool in the catalogue%s (see konform tools)", id, suggest(cat, id))
		case t.Custom:
			return nil, fmt.Errorf("%q has no facts to compare; compare tools from the catalogue", id)
		case seen[id]:
			return nil, fmt.Errorf("%s is given twice", id)
		}
		seen[id] = true
	}
	base := answers.File{Lang: lang, Assessment: answers.Assessment{Date: date}}
	if ctx != nil {
		base.Context = ctx.Context
		base.Assessment.Organisation = ctx.Assessment.Organisation
	}
	c := &Comparison{Plan: Plan{Catalog: cat, Lang: lang, Assessment: base.Assessment}, FromFile: ctx != nil}
	for _, id := range ids {
		f := base
		f.Tools = []*answers.Tool{{ID: id, Kind: cat.Tool(id).Kind}}
		p := Assess(cat, &f)
		c.Tools = append(c.Tools, p.Tools[0])
		c.Context = p.Context
	}
	return c, nil
}

// suggest is "; did you mean …?" for a tool id close to one in the
// catalogue, or "".
func suggest(cat *catalog.Catalog, id string) string {
	ids := make([]string, len(cat.Tools))
	for i, t := range cat.Tools {
		ids[i] = t.ID
	}
	if s := answers.Suggest(id, ids); s != "" {
		return fmt.Sprintf("; did you mean %s?", s)
	}
	return ""
}
