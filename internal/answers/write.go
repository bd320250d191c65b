package answers

import (
	"maps"
	"slices"

	"go.yaml.in/yaml/v4"

	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/msg"
)

// Marshal writes the file as YAML in a stable order: the catalogue's order
// of questions and facts, so two saves of the same answers are identical
// and a diff between two workshops shows only what changed.
func Marshal(f *File, cat *catalog.Catalog) ([]byte, error) {
	root := mapping()
	add(root, "format", str(Format))
	add(root, "lang", str(string(f.Lang)))

	a := mapping()
	add(a, "organisation", str(f.Assessment.Organisation))
	if f.Assessment.Assessor != "" {
		add(a, "assessor", str(f.Assessment.Assessor))
	}
	add(a, "date", &yaml.Node{Kind: yaml.ScalarNode, Value: f.Assessment.Date.String()})
	if len(f.Assessment.Participants) > 0 {
		ps := sequence()
		for _, p := range f.Assessment.Participants {
			ps.Content = append(ps.Content, str(p))
		}
		add(a, "participants", ps)
	}
	if f.Assessment.Quick() {
		add(a, "check", str(CheckQuick))
	}
	add(root, "assessment", a)

	if ctx := answerMap(cat.QuestionsIn(catalog.ScopeContext), f.Context); len(ctx.Content) > 0 {
		add(root, "context", ctx)
	}
	if notes := noteMap(cat.QuestionsIn(catalog.ScopeContext), f.Notes); len(notes.Content) > 0 {
		add(root, "notes", notes)
	}
	tools := sequence()
	for _, t := range f.Tools {
		tn := mapping()
		add(tn, "tool", str(t.ID))
		if t.Name != "" {
			add(tn, "name", str(t.Name))
			add(tn, "kind", str(string(t.Kind)))
			facts := mapping()
			for _, d := range cat.FactDefs {
				v, ok := t.Facts[d.ID]
				if !ok {
					continue
				}
				if d.List {
					add(facts, d.ID, list(v.Items))
				} else if len(v.Items) == 1 {
					add(facts, d.ID, str(v.Items[0]))
				}
			}
			if len(facts.Content) > 0 {
				add(tn, "facts", facts)
			}
		}
		if ans := answerMap(cat.QuestionsIn(catalog.ScopeTool), t.Answers); len(ans.Content) > 0 {
			add(tn, "answers", ans)
		}
		if notes := noteMap(cat.QuestionsIn(catalog.ScopeTool), t.Notes); len(notes.Content) > 0 {
			add(tn, "notes", notes)
		}
		tools.Content = append(tools.Content, tn)
	}
	add(root, "tools", tools)
	if len(f.Actions) > 0 {
		acts := mapping()
		for _, id := range slices.Sorted(maps.Keys(f.Actions)) {
			st := f.Actions[id]
			m := mapping()
			if st.Status != "" {
				add(m, "status", str(st.Status))
			}
			if st.Owner != "" {
				add(m, "owner", str(st.Owner))
			}
			if !st.Due.IsZero() {
				add(m, "due", &yaml.Node{Kind: yaml.ScalarNode, Value: st.Due.String()})
			}
			if st.Reason != "" {
				add(m, "reason", str(st.Reason))
			}
			if len(m.Content) > 0 {
				add(acts, id, m)
			}
		}
		if len(acts.Content) > 0 {
			add(root, "actions", acts)
		}
	}
	doc := &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}}
	out, err := yaml.Dump(doc, yaml.WithIndent(2), yaml.WithLineWidth(-1))
	// What konform writes, konform reads: never a file above MaxSize.
	if err == nil && len(out) > MaxSize {
		return nil, msg.Errorf("the answers come to %d bytes, more than the %d konform reads; shorten the longest notes", len(out), MaxSize)
	}
	return out, err
}

func answerMap(qs []*catalog.Question, vals map[string]Value) *yaml.Node {
	m := mapping()
	for _, q := range qs {
		v, ok := vals[q.ID]
		if !ok {
			continue
		}
		if q.Type == catalog.MultiChoice {
			add(m, q.ID, list(v.Items))
		} else if len(v.Items) == 1 {
			add(m, q.ID, str(v.Items[0]))
		}
	}
	return m
}

func noteMap(qs []*catalog.Question, notes map[string]string) *yaml.Node {
	m := mapping()
	for _, q := range qs {
		if n, ok := notes[q.ID]; ok && n != "" {
			add(m, q.ID, str(n))
		}
	}
	return m
}

func mapping() *yaml.Node  { return &yaml.Node{Kind: yaml.MappingNode} }
func sequence() *yaml.Node { return &yaml.Node{Kind: yaml.SequenceNode} }

func list(items []string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, it := range items {
		n.Content = append(n.Content, str(it))
	}
	return n
}

// str is a string scalar; values another YAML reader could take for a
// boolean, a number or a date are quoted.
func str(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	switch s {
	case "yes", "no", "on", "off", "true", "false", "y", "n", "null", "~", "":
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

func add(m *yaml.Node, key string, v *yaml.Node) {
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, v)
}
