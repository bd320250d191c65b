package assess

import (
	"slices"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/catalog"
)

// Diff is the progress between two assessments of one organisation: what
// was resolved, what is new, what changed priority or status, the traffic
// lights then and now, and the answers that changed.
type Diff struct {
	Old, New *Plan

	Lights   []LightChange
	Resolved []Resolved
	Added    []*Action
	Priority []Change // the same action, another priority
	Status   []Change // the same action, another status or owner
	Answers  []AnswerChange

	// AnswersCompared is false when a plan came without its answers (a
	// JSON plan): then no answer changes are listed.
	AnswersCompared bool
}

// LightChange is a tool's (or the organisation's) traffic light then and
// now; "" where the tool was not (or no longer is) assessed.
type LightChange struct {
	Key      string // tool key, or "organisation"
	Name     catalog.Text
	Old, New Light
}

// Resolved is an action still to do before that is not any more: done,
// recorded as not applicable, or no longer called for by the answers
// (New is nil then).
type Resolved struct {
	Old, New *Action
	Recorded string // the newer file's recorded status, if any
}

// Change is one action in both plans.
type Change struct {
	Old, New *Action
}

// AnswerChange is an answer that differs, of the organisation or of a tool
// assessed both times; a value list is empty where the question was not
// answered in that plan.
type AnswerChange struct {
	Tool     string       // tool key; "" for the organisation
	ToolName catalog.Text // empty for the organisation
	Question *catalog.Question
	Old, New []string
}

// Empty reports whether nothing changed.
func (d *Diff) Empty() bool {
	return len(d.Resolved) == 0 && len(d.Added) == 0 && len(d.Priority) == 0 && len(d.Status) == 0 && len(d.Answers) == 0 &&
		!slices.ContainsFunc(d.Lights, func(l LightChange) bool { return l.Old != l.New })
}

// SameOrganisation reports whether both plans name the same organisation.
func (d *Diff) SameOrganisation() bool {
	return d.Old.Assessment.Organisation == d.New.Assessment.Organisation
}

// Compute compares two plans of the same catalogue.
func Compute(old, cur *Plan) *Diff {
	d := &Diff{Old: old, New: cur}
	d.lights()
	oldBy, newBy := actionsByID(old), actionsByID(cur)
	for _, a := range old.Actions {
		if !a.Pending() {
			continue
		}
		if b, ok := newBy[a.ID]; !ok || !b.Pending() {
			d.Resolved = append(d.Resolved, Resolved{Old: a, New: b, Recorded: cur.Records[a.ID].Status})
		}
	}
	for _, b := range cur.Actions {
		a, ok := oldBy[b.ID]
		switch {
		case !ok:
			if b.Pending() {
				d.Added = append(d.Added, b)
			}
		case a.Priority != b.Priority && b.Pending():
			d.Priority = append(d.Priority, Change{a, b})
		}
		if !ok || !a.Pending() || !b.Pending() {
			continue
		}
		agreed := (a.DueSet || b.DueSet) && (a.DueSet != b.DueSet || a.Due != b.Due)
		if a.Status != b.Status || a.Owner != b.Owner || agreed {
			d.Status = append(d.Status, Change{a, b})
		}
	}
	if len(old.Context) > 0 && len(cur.Context) > 0 {
		d.AnswersCompared = true
		d.answers()
	}
	return d
}

func actionsByID(p *Plan) map[string]*Action {
	m := make(map[string]*Action, len(p.Actions))
	for _, a := range p.Actions {
		m[a.ID] = a
	}
	return m
}

func (d *Diff) lights() {
	seen := map[string]bool{}
	find := func(p *Plan, key string) *Tool {
		for _, t := range p.Tools {
			if t.Key == key {
				return t
			}
		}
		return nil
	}
	for _, p := range []*Plan{d.Old, d.New} {
		for _, t := range p.Tools {
			if seen[t.Key] {
				continue
			}
			seen[t.Key] = true
			lc := LightChange{Key: t.Key, Name: t.Name}
			if o := find(d.Old, t.Key); o != nil {
				lc.Old = o.Light
			}
			if n := find(d.New, t.Key); n != nil {
				lc.New = n.Light
			}
			d.Lights = append(d.Lights, lc)
		}
	}
	d.Lights = append(d.Lights, LightChange{Key: "organisation", Old: d.Old.OrgLight(), New: d.New.OrgLight()})
}

func (d *Diff) answers() {
	given := func(as []Answer) map[*catalog.Question][]string {
		m := map[*catalog.Question][]string{}
		for _, a := range as {
			if a.Origin != Missing {
				m[a.Question] = a.Values
			}
		}
		return m
	}
	compare := func(key string, name catalog.Text, old, cur []Answer, qs []*catalog.Question) {
		o, n := given(old), given(cur)
		for _, q := range qs {
			if !slices.Equal(o[q], n[q]) {
				d.Answers = append(d.Answers, AnswerChange{Tool: key, ToolName: name, Question: q, Old: o[q], New: n[q]})
			}
		}
	}
	cat := d.New.Catalog
	compare("", catalog.Text{}, d.Old.Context, d.New.Context, cat.QuestionsIn(catalog.ScopeContext))
	for _, lc := range d.Lights {
		if lc.Key == "organisation" {
			continue
		}
		var old, cur []Answer
		for _, t := range d.Old.Tools {
			if t.Key == lc.Key {
				old = t.Answers
			}
		}
		for _, t := range d.New.Tools {
			if t.Key == lc.Key {
				cur = t.Answers
			}
		}
		if lc.Old == "" || lc.New == "" {
			continue // a tool added or dropped: the traffic lights say so
		}
		compare(lc.Key, lc.Name, old, cur, cat.QuestionsIn(catalog.ScopeTool))
	}
}

// ResolvedHow says how a resolved action was resolved: answers.StatusDone,
// answers.StatusNotApplicable, or "" when the answers no longer call for it.
func (r Resolved) ResolvedHow() string {
	if r.New == nil {
		if r.Recorded == answers.StatusDone || r.Recorded == answers.StatusNotApplicable {
			return r.Recorded
		}
		return ""
	}
	if r.New.Status == answers.StatusNotApplicable {
		return answers.StatusNotApplicable
	}
	return answers.StatusDone
}
