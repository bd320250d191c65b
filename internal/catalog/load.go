package catalog

import (
	"bytes"
	"errors"
	"io/fs"

	"go.yaml.in/yaml/v4"

	"github.com/konform/konform/internal/msg"
)

// The files of a catalogue, in the order they are read.
var files = []string{
	"areas.yaml", "topics.yaml", "legal.yaml", "sources.yaml", "facts.yaml",
	"context.yaml", "tool_questions.yaml", "tools.yaml", "rules.yaml", "glossary.yaml",
}

// Load reads and validates the catalogue in fsys.
func Load(fsys fs.FS) (*Catalog, error) {
	var raw struct {
		areas   struct{ Areas []*Area }
		topics  struct{ Topics []*Topic }
		legal   struct{ Legal []*LegalRef }
		sources struct{ Sources []*Source }
		facts   struct{ Facts []*FactDef }
		context struct{ Questions []*Question }
		toolQs  struct{ Questions []*Question }
		tools   struct{ Tools []*Tool }
		rules   struct{ Rules []*Rule }
		terms   struct{ Glossary []*Term }
	}
	targets := []any{&raw.areas, &raw.topics, &raw.legal, &raw.sources, &raw.facts,
		&raw.context, &raw.toolQs, &raw.tools, &raw.rules, &raw.terms}
	var errs []error
	for i, name := range files {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		dec := yaml.NewDecoder(bytes.NewReader(b))
		dec.KnownFields(true)
		if err := dec.Decode(targets[i]); err != nil {
			errs = append(errs, msg.Errorf("%s: %w", name, err))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	c := &Catalog{
		Areas: raw.areas.Areas, Topics: raw.topics.Topics, Legal: raw.legal.Legal,
		Sources: raw.sources.Sources, FactDefs: raw.facts.Facts, Tools: raw.tools.Tools,
		Rules: raw.rules.Rules, Glossary: raw.terms.Glossary,
	}
	for _, q := range raw.context.Questions {
		q.Scope = ScopeContext
	}
	for _, q := range raw.toolQs.Questions {
		q.Scope = ScopeTool
	}
	c.Questions = append(raw.context.Questions, raw.toolQs.Questions...)
	for i, q := range c.Questions {
		q.Index = i
		if q.Type == YesNo && q.Options == nil {
			q.Options = yesNoOptions
		}
	}
	if err := c.index(); err != nil {
		return nil, err
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return c, nil
}
