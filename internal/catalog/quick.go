package catalog

import "slices"

// The quick check asks only the questions whose answer can bring about or
// clear a critical action – the ones a rule with a critical action looks
// at – and the questions that decide whether those are shown. Everything
// else stays unknown and is listed as an open question in the plan.
//
// "Critical or high" was the first idea; it takes in two thirds of the
// questions (about 70 screens for two tools), which is not a quick check.

// quickSet computes the quick questions of the catalogue.
func (c *Catalog) quickSet() map[string]bool {
	quick := map[string]bool{}
	var add func(id string)
	add = func(id string) {
		if quick[id] {
			return
		}
		quick[id] = true
		if q := c.questions[id]; q != nil && q.ShowIf != nil {
			q.ShowIf.questions(add)
		}
	}
	for _, r := range c.Rules {
		for _, a := range r.Actions {
			if a.Priority == Critical {
				r.When.questions(add)
				break
			}
		}
	}
	return quick
}

// questions calls f with every question the condition looks at.
func (c *Cond) questions(f func(id string)) {
	if c == nil {
		return
	}
	if c.Q != "" {
		f(c.Q)
	}
	for _, x := range c.All {
		x.questions(f)
	}
	for _, x := range c.Any {
		x.questions(f)
	}
	c.Not.questions(f)
	c.AnyTool.questions(f)
}

// Quick reports whether the quick check asks the question.
func (c *Catalog) Quick(q *Question) bool { return c.quick[q.ID] }

// Questions are the ids of the questions the condition looks at, each once.
func (c *Cond) Questions() []string {
	var ids []string
	c.questions(func(id string) {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	})
	return ids
}
