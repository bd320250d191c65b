package catalog

import (
	"maps"
	"slices"

	"github.com/konform/konform/internal/msg"
)

// The reachability check: every question can be shown and every rule can
// fire for some answers. Conditions are expanded into disjunctions of
// conjunctions of literals ("cubes"); a cube is satisfiable when each
// question, fact, kind and tool it constrains keeps a possible value.

type literal struct {
	c   *Cond // a leaf or an any_tool
	neg bool
}

const maxCubes = 1 << 12

func cubes(c *Cond, neg bool) [][]literal {
	switch {
	case c.All != nil && !neg, c.Any != nil && neg:
		subs := c.All
		if neg {
			subs = c.Any
		}
		out := [][]literal{nil}
		for _, s := range subs {
			var next [][]literal
			for _, a := range out {
				for _, b := range cubes(s, neg) {
					if len(next) < maxCubes {
						next = append(next, append(slices.Clip(a), b...))
					}
				}
			}
			out = next
		}
		return out
	case c.All != nil, c.Any != nil:
		subs := c.All
		if c.Any != nil {
			subs = c.Any
		}
		var out [][]literal
		for _, s := range subs {
			out = append(out, cubes(s, neg)...)
		}
		return out
	case c.Not != nil:
		return cubes(c.Not, !neg)
	}
	return [][]literal{{{c: c, neg: neg}}}
}

type satChecker struct {
	cat       *Catalog
	showable  map[string]bool
	computing map[string]bool
}

func (s *satChecker) condSat(c *Cond, neg bool) bool {
	for _, cube := range cubes(c, neg) {
		if s.cubeSat(cube) {
			return true
		}
	}
	return false
}

func (s *satChecker) canShow(q *Question) bool {
	if v, ok := s.showable[q.ID]; ok {
		return v
	}
	if s.computing[q.ID] {
		return false
	}
	s.computing[q.ID] = true
	v := q.ShowIf == nil || s.condSat(q.ShowIf, false)
	s.showable[q.ID] = v
	return v
}

// allowed narrows a domain by the positive and negative literals on one
// variable; for multiple values (multi choice, list facts) every positive
// set needs a member outside the negative sets.
func allowed(domain []string, multi bool, lits []literal) bool {
	var banned []string
	for _, l := range lits {
		if l.neg {
			banned = append(banned, l.c.Values()...)
		}
	}
	free := slices.DeleteFunc(slices.Clone(domain), func(v string) bool { return slices.Contains(banned, v) })
	if multi {
		for _, l := range lits {
			if !l.neg && !intersects(free, l.c.Values()) {
				return false
			}
		}
		return true
	}
	for _, l := range lits {
		if !l.neg {
			free = slices.DeleteFunc(free, func(v string) bool { return !slices.Contains(l.c.Values(), v) })
		}
	}
	return len(free) > 0
}

func (s *satChecker) cubeSat(cube []literal) bool {
	byVar := map[string][]literal{}
	for _, l := range cube {
		c := l.c
		switch {
		case c.AnyTool != nil:
			if !s.condSat(c.AnyTool, l.neg) {
				return false
			}
		case c.Q != "":
			byVar["q:"+c.Q] = append(byVar["q:"+c.Q], l)
		case c.Fact != "":
			byVar["fact:"+c.Fact] = append(byVar["fact:"+c.Fact], l)
		default:
			byVar["tool"] = append(byVar["tool"], l)
		}
	}
	for _, key := range slices.Sorted(maps.Keys(byVar)) {
		lits := byVar[key]
		if len(key) > 2 && key[:2] == "q:" {
			q := s.cat.Question(key[2:])
			hasPos := slices.ContainsFunc(lits, func(l literal) bool { return !l.neg })
			if hasPos && !s.canShow(q) {
				return false
			}
			if !allowed(q.OptionIDs(), q.Type == MultiChoice, lits) {
				return false
			}
		}
	}
	// Facts, kind and tool must fit one tool: a catalogue tool, or the
	// custom tool whose facts the user gives.
	for _, t := range s.cat.Tools {
		if s.toolFits(t, byVar) {
			return true
		}
	}
	return false
}

func (s *satChecker) toolFits(t *Tool, byVar map[string][]literal) bool {
	kinds := []Kind{t.Kind}
	if t.Custom {
		kinds = Kinds // the user says which
	}
	return slices.ContainsFunc(kinds, func(k Kind) bool { return s.toolFitsAs(t, k, byVar) })
}

func (s *satChecker) toolFitsAs(t *Tool, kind Kind, byVar map[string][]literal) bool {
	for _, l := range byVar["tool"] {
		ok := t.ID == l.c.Tool
		if l.c.Kind != "" {
			ok = kind == l.c.Kind
		}
		if ok == l.neg {
			return false
		}
	}
	for key, lits := range byVar {
		if len(key) < 5 || key[:5] != "fact:" {
			continue
		}
		d := s.cat.FactDef(key[5:])
		if t.Custom {
			if !allowed(optionIDs(d.Values), d.List, lits) {
				return false
			}
			continue
		}
		f, has := t.Facts[d.ID]
		for _, l := range lits {
			if (has && intersects(f.All(), l.c.Values())) == l.neg {
				return false
			}
		}
	}
	return true
}

func optionIDs(os []Option) []string {
	ids := make([]string, len(os))
	for i, o := range os {
		ids[i] = o.ID
	}
	return ids
}

func (c *Catalog) reachability() []error {
	s := &satChecker{cat: c, showable: map[string]bool{}, computing: map[string]bool{}}
	var errs []error
	for _, q := range c.Questions {
		if !s.canShow(q) {
			errs = append(errs, msg.Errorf("question %s: its show_if can never hold, so it is never asked", q.ID))
		}
	}
	for _, r := range c.Rules {
		if !s.condSat(&r.When, false) {
			errs = append(errs, msg.Errorf("rule %s: its condition can never hold, so it never fires", r.ID))
		}
	}
	return errs
}
