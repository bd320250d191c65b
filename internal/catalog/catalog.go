package catalog

import (
	"errors"
	"slices"
	"strings"

	"github.com/konform/konform/internal/msg"
)

// Catalog is the whole questionnaire with its tools and rules.
type Catalog struct {
	Areas     []*Area
	Topics    []*Topic
	Legal     []*LegalRef
	Sources   []*Source
	FactDefs  []*FactDef
	Questions []*Question // context questions first, then tool questions
	Tools     []*Tool
	Rules     []*Rule
	Glossary  []*Term
	// Drafts is the folder of a catalogue file's own wording for the
	// drafts (drafts: in the file): templates there replace konform's
	// files of the same name. Empty: konform's wording.
	Drafts string

	areas     map[string]*Area
	topics    map[string]*Topic
	legal     map[string]*LegalRef
	sources   map[string]*Source
	factDefs  map[string]*FactDef
	questions map[string]*Question
	tools     map[string]*Tool
	quick     map[string]bool // questions of the quick check
}

// yesNoOptions are the options of every yes/no question.
var yesNoOptions = []Option{
	{ID: Yes, Label: Text{DE: "Ja", EN: "Yes"}},
	{ID: No, Label: Text{DE: "Nein", EN: "No"}},
	{ID: Unknown, Label: Text{DE: "Unbekannt – zu klären", EN: "Unknown – to clarify"}},
}

func (c *Catalog) index() error {
	var errs []error
	c.areas = byID(&errs, "area", c.Areas, func(a *Area) string { return a.ID })
	c.topics = byID(&errs, "topic", c.Topics, func(t *Topic) string { return t.ID })
	c.legal = byID(&errs, "legal reference", c.Legal, func(l *LegalRef) string { return l.ID })
	c.sources = byID(&errs, "source", c.Sources, func(s *Source) string { return s.ID })
	c.factDefs = byID(&errs, "fact", c.FactDefs, func(f *FactDef) string { return f.ID })
	c.questions = byID(&errs, "question", c.Questions, func(q *Question) string { return q.ID })
	c.tools = byID(&errs, "tool", c.Tools, func(t *Tool) string { return t.ID })
	c.quick = c.quickSet()
	return errors.Join(errs...)
}

// byID indexes items by their id, reporting ids defined twice.
func byID[T any](errs *[]error, kind string, items []T, id func(T) string) map[string]T {
	m := make(map[string]T, len(items))
	for _, x := range items {
		if _, dup := m[id(x)]; dup {
			*errs = append(*errs, msg.Errorf("%s %q is defined twice", kind, id(x)))
		}
		m[id(x)] = x
	}
	return m
}

// Area returns the area with the id, or nil.
func (c *Catalog) Area(id string) *Area { return c.areas[id] }

// Topic returns the topic with the id, or nil.
func (c *Catalog) Topic(id string) *Topic { return c.topics[id] }

// LegalRef returns the legal reference with the id, or nil.
func (c *Catalog) LegalRef(id string) *LegalRef { return c.legal[id] }

// Source returns the source with the id, or nil.
func (c *Catalog) Source(id string) *Source { return c.sources[id] }

// FactDef returns the fact definition with the id, or nil.
func (c *Catalog) FactDef(id string) *FactDef { return c.factDefs[id] }

// Question returns the question with the id, or nil.
func (c *Catalog) Question(id string) *Question { return c.questions[id] }

// Tool returns the tool with the id, or nil.
func (c *Catalog) Tool(id string) *Tool { return c.tools[id] }

// QuestionsIn returns the questions of a scope in questionnaire order.
func (c *Catalog) QuestionsIn(s Scope) []*Question {
	var qs []*Question
	for _, q := range c.Questions {
		if q.Scope == s {
			qs = append(qs, q)
		}
	}
	return qs
}

// AreasIn returns the areas of a scope in order.
func (c *Catalog) AreasIn(s Scope) []*Area {
	var as []*Area
	for _, a := range c.Areas {
		if a.Scope == s {
			as = append(as, a)
		}
	}
	return as
}

// FindTool returns the tool with the id or alias name (in any case), or
// nil.
func (c *Catalog) FindTool(name string) *Tool {
	if t := c.Tool(name); t != nil {
		return t
	}
	name = strings.ToLower(strings.TrimSpace(name))
	for _, t := range c.Tools {
		if t.ID == name || slices.Contains(t.Aliases, name) {
			return t
		}
	}
	return nil
}

// FactsShown are the facts shown where (see FactDef.Show), in catalogue
// order.
func (c *Catalog) FactsShown(where string) []*FactDef {
	var out []*FactDef
	for _, d := range c.FactDefs {
		if d.Shows(where) {
			out = append(out, d)
		}
	}
	return out
}
