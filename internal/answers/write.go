package answers

import (
	"bytes"
	"encoding/json"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v4"

	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/msg"
)

// Marshal writes the file as YAML in a stable order: the catalogue's order
// of questions and facts, so two saves of the same answers are identical
// and a diff between two workshops shows only what changed.
func Marshal(f *File, cat *catalog.Catalog) ([]byte, error) {
	return MarshalLike(f, cat, nil)
}

// MarshalLike writes the file in the form of the answers file orig that
// the user gave: a .json answers file stays JSON, and the comments of a
// YAML file stay at their keys. nil orig is Marshal.
func MarshalLike(f *File, cat *catalog.Catalog, orig *Original) ([]byte, error) {
	doc := document(f, cat)
	var out []byte
	var err error
	switch {
	case orig != nil && orig.JSON:
		out, err = toJSON(doc.Content[0])
	default:
		if orig != nil && orig.doc != nil {
			keepComments(orig.doc, doc)
		}
		out, err = yaml.Dump(doc, yaml.WithIndent(2), yaml.WithLineWidth(-1))
	}
	// What konform writes, konform reads: never a file above MaxSize.
	if err == nil && len(out) > MaxSize {
		return nil, msg.Errorf("the answers come to %d bytes, more than the %d konform reads; shorten the longest notes", len(out), MaxSize)
	}
	return out, err
}

// Original is the form of an answers file as the user wrote it: JSON or
// YAML, and the YAML's comments.
type Original struct {
	JSON bool
	doc  *yaml.Node
}

// OriginalOf reads the form of the answers file data at path.
func OriginalOf(path string, data []byte) *Original {
	o := &Original{JSON: strings.EqualFold(filepath.Ext(path), ".json")}
	if !o.JSON {
		var doc yaml.Node
		if yaml.Unmarshal(data, &doc) == nil && doc.Kind == yaml.DocumentNode {
			o.doc = &doc
		}
	}
	return o
}

// document is the answers as a YAML document in a stable order.
func document(f *File, cat *catalog.Catalog) *yaml.Node {
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
	if !f.Assessment.Review.IsZero() {
		add(a, "review", &yaml.Node{Kind: yaml.ScalarNode, Value: f.Assessment.Review.String()})
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
	return &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}}
}

// keepComments carries the comments of the user's file over to the keys
// and items that are still there, in the new document.
func keepComments(from, to *yaml.Node) {
	to.HeadComment, to.LineComment, to.FootComment = from.HeadComment, from.LineComment, from.FootComment
	switch {
	case from.Kind == yaml.DocumentNode && to.Kind == yaml.DocumentNode && len(from.Content) > 0 && len(to.Content) > 0:
		keepComments(from.Content[0], to.Content[0])
	case from.Kind == yaml.MappingNode && to.Kind == yaml.MappingNode:
		for i := 0; i+1 < len(from.Content); i += 2 {
			for j := 0; j+1 < len(to.Content); j += 2 {
				if from.Content[i].Value == to.Content[j].Value {
					keepComments(from.Content[i], to.Content[j])
					keepComments(from.Content[i+1], to.Content[j+1])
				}
			}
		}
	case from.Kind == yaml.SequenceNode && to.Kind == yaml.SequenceNode:
		// Tools are items of a list: matched by their tool id and name.
		for _, a := range from.Content {
			for _, b := range to.Content {
				if a.Kind == yaml.MappingNode && b.Kind == yaml.MappingNode && sameItem(a, b) {
					keepComments(a, b)
				}
			}
		}
	}
}

// sameItem reports whether two tools of the list are the same tool.
func sameItem(a, b *yaml.Node) bool {
	val := func(m *yaml.Node, key string) string {
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == key {
				return m.Content[i+1].Value
			}
		}
		return ""
	}
	return val(a, "tool") == val(b, "tool") && val(a, "name") == val(b, "name")
}

// toJSON writes the document's root as JSON: mappings as objects in their
// order, lists as arrays, every value a string (as the answers file's
// JSON form has it).
func toJSON(n *yaml.Node) ([]byte, error) {
	var b bytes.Buffer
	var write func(n *yaml.Node, indent string) error
	write = func(n *yaml.Node, indent string) error {
		switch n.Kind {
		case yaml.MappingNode:
			if len(n.Content) == 0 {
				b.WriteString("{}")
				return nil
			}
			b.WriteString("{\n")
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, _ := json.Marshal(n.Content[i].Value)
				b.WriteString(indent + "  ")
				b.Write(k)
				b.WriteString(": ")
				if err := write(n.Content[i+1], indent+"  "); err != nil {
					return err
				}
				if i+2 < len(n.Content) {
					b.WriteByte(',')
				}
				b.WriteByte('\n')
			}
			b.WriteString(indent + "}")
		case yaml.SequenceNode:
			b.WriteByte('[')
			for i, c := range n.Content {
				if i > 0 {
					b.WriteString(", ")
				}
				if err := write(c, indent); err != nil {
					return err
				}
			}
			b.WriteByte(']')
		case yaml.ScalarNode:
			v, err := json.Marshal(n.Value)
			if err != nil {
				return err
			}
			b.Write(v)
		default:
			return msg.Errorf("cannot write a %v as JSON", n.Kind)
		}
		return nil
	}
	err := write(n, "")
	b.WriteByte('\n')
	return b.Bytes(), err
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
