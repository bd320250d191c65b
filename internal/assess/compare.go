package assess

import (
	"errors"
	"fmt"
	"slices"

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
	// Views are what the comparison says of each tool, as Tools.
	Views []View
	// Fits are the tools that fit best: none rules them out, and they need
	// the least; empty when every tool is ruled out.
	Fits []*Tool
}

// View is one tool in a comparison. It separates what the tool needs
// because of what is known – its facts and the organisation's answers –
// from what only the unknown answers about the tool call for, which is the
// same for every tool and says nothing about it.
type View struct {
	Needs    map[catalog.Priority]int // open actions the facts or the context call for
	Clarify  int                      // open actions only unknown answers about the tool call for
	RuledOut []*Action                // critical actions that say to stop using or to replace it
}

// Compare assesses the tools with the given ids in the context of ctx
// (nil: every organisation question unknown) on date.
func Compare(cat *catalog.Catalog, ids []string, ctx *answers.File, lang catalog.Lang, date catalog.Date) (*Comparison, error) {
	if len(ids) < 2 {
		return nil, fmt.Errorf("give at least two tools to compare (see konform tools)")
	}
	seen := map[string]bool{}
	var errs []error
	var resolved []string
	for _, name := range ids {
		t := cat.FindTool(name)
		switch {
		case t == nil:
			errs = append(errs, fmt.Errorf("%q is not a tool in the catalogue%s (see konform tools)", name, suggest(cat, name)))
			continue
		case t.Custom:
			errs = append(errs, fmt.Errorf("%q has no facts to compare; compare tools from the catalogue", name))
			continue
		case seen[t.ID]:
			errs = append(errs, fmt.Errorf("%s is given twice", t.ID))
			continue
		}
		seen[t.ID] = true
		resolved = append(resolved, t.ID)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	ids = resolved
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
		c.Views = append(c.Views, view(p))
		c.Context = p.Context
	}
	c.Fits = fits(c)
	return c, nil
}

// view sorts a one-tool plan's open actions into what the known facts and
// answers call for and what only unknown answers about the tool do.
func view(p *Plan) View {
	v := View{Needs: map[catalog.Priority]int{}}
	for _, a := range p.Actions {
		if a.Tool == nil || !a.Open() {
			continue
		}
		if a.Priority == catalog.Critical && (a.Topic.ID == "stop-use" || a.Topic.ID == "switch-provider") {
			v.RuledOut = append(v.RuledOut, a)
		}
		if known(a.Tool, a.Triggers) || slices.ContainsFunc(a.Also, func(pt Part) bool { return known(a.Tool, pt.Triggers) }) {
			v.Needs[a.Priority]++
		} else {
			v.Clarify++
		}
	}
	return v
}

// known reports whether a trigger rests on what is known: a fact of the
// tool, an answer of the organisation, or a question the catalogue's
// facts answered.
func known(t *Tool, trs []catalog.Trigger) bool {
	for _, tr := range trs {
		switch {
		case tr.Fact != "":
			return true
		case tr.Question == nil:
		case tr.Question.Scope == catalog.ScopeContext:
			return true
		default:
			for _, a := range t.Answers {
				if a.Question == tr.Question && a.Origin == FromFact {
					return true
				}
			}
		}
	}
	return false
}

// fits are the tools nothing rules out that need the least, by priority –
// compared within a kind: a video tool never fits a messenger's need.
func fits(c *Comparison) []*Tool {
	less := func(a, b map[catalog.Priority]int) int {
		for _, pr := range catalog.Priorities {
			if d := a[pr] - b[pr]; d != 0 {
				return d
			}
		}
		return 0
	}
	var out []*Tool
	for _, kind := range []catalog.Kind{catalog.KindMessenger, catalog.KindVideo, catalog.KindNotetaker} {
		var best []*Tool
		var bestNeeds map[catalog.Priority]int
		for i, t := range c.Tools {
			v := c.Views[i]
			if t.Kind != kind || len(v.RuledOut) > 0 {
				continue
			}
			d := -1
			if best != nil {
				d = less(v.Needs, bestNeeds)
			}
			switch {
			case d < 0:
				best, bestNeeds = []*Tool{t}, v.Needs
			case d == 0:
				best = append(best, t)
			}
		}
		out = append(out, best...)
	}
	return out
}

// suggest is "; did you mean …?" for a tool id close to one in the
// catalogue (or to an alias), or "".
func suggest(cat *catalog.Catalog, id string) string {
	var ids []string
	for _, t := range cat.Tools {
		ids = append(ids, t.ID)
		ids = append(ids, t.Aliases...)
	}
	if s := answers.Suggest(id, ids); s != "" {
		return fmt.Sprintf("; did you mean %s?", s)
	}
	return ""
}
