package catalog

import (
	"slices"
	"strings"

	"go.yaml.in/yaml/v4"

	"github.com/konform/konform/internal/msg"
)

// Cond is a condition on answers, tool facts and the tool itself, written
// as data:
//
//	all: [COND, ...]    every one holds
//	any: [COND, ...]    at least one holds
//	not: COND           does not hold
//	any_tool: COND      (organisation rules) holds for at least one tool
//	q: ID, equals: V    the answer to question ID is V (or, for a multiple
//	                    choice, V is among the choices)
//	q: ID, in: [V, ...] the answer is one of the values (multiple choice:
//	                    at least one choice is)
//	fact: ID, equals|in the tool's fact, as for questions
//	kind: messenger     the tool's kind
//	tool: ID            the tool itself
//
// A question that is not shown has no answer: equals and in are false for it.
type Cond struct {
	All     []*Cond `yaml:"all,omitempty"`
	Any     []*Cond `yaml:"any,omitempty"`
	Not     *Cond   `yaml:"not,omitempty"`
	AnyTool *Cond   `yaml:"any_tool,omitempty"`

	Q      string   `yaml:"q,omitempty"`
	Fact   string   `yaml:"fact,omitempty"`
	Kind   Kind     `yaml:"kind,omitempty"`
	Tool   string   `yaml:"tool,omitempty"`
	Equals string   `yaml:"equals,omitempty"`
	In     []string `yaml:"in,omitempty"`

	Line, Column int `yaml:"-"`
}

// Values returns the values the leaf compares with.
func (c *Cond) Values() []string {
	if c.Equals != "" {
		return []string{c.Equals}
	}
	return c.In
}

// Env is what a condition is evaluated against.
type Env interface {
	// Answer returns the effective answer to a question, false where the
	// question is not shown or has no answer.
	Answer(q *Question) ([]string, bool)
	// Fact returns the tool's fact, false where it has none.
	Fact(id string) ([]string, bool)
	Kind() Kind
	ToolID() string
	// ToolKey names the tool instance in triggers; "" for the organisation.
	ToolKey() string
	// Tools are the tools of the assessment, for any_tool.
	Tools() []Env
}

// Trigger is an answer or fact that made a condition hold.
type Trigger struct {
	Question *Question
	Fact     string
	Values   []string
	ToolKey  string
}

// JoinTriggers joins the triggers on the same question or fact of the
// same tool (two branches of a condition can name one answer), keeping
// the order of first appearance and each value once.
func JoinTriggers(trs []Trigger) []Trigger {
	out := trs[:0:0]
	for _, t := range trs {
		i := slices.IndexFunc(out, func(o Trigger) bool {
			return o.Question == t.Question && o.Fact == t.Fact && o.ToolKey == t.ToolKey
		})
		if i < 0 {
			out = append(out, Trigger{Question: t.Question, Fact: t.Fact, Values: slices.Clone(t.Values), ToolKey: t.ToolKey})
			continue
		}
		for _, v := range t.Values {
			if !slices.Contains(out[i].Values, v) {
				out[i].Values = append(out[i].Values, v)
			}
		}
	}
	return out
}

// Eval evaluates the condition; the triggers are the leaves on questions
// and facts that made it hold.
func (cat *Catalog) Eval(c *Cond, env Env) (bool, []Trigger) {
	switch {
	case c.All != nil:
		var trs []Trigger
		for _, sub := range c.All {
			ok, t := cat.Eval(sub, env)
			if !ok {
				return false, nil
			}
			trs = append(trs, t...)
		}
		return true, trs
	case c.Any != nil:
		var trs []Trigger
		hit := false
		for _, sub := range c.Any {
			if ok, t := cat.Eval(sub, env); ok {
				hit = true
				trs = append(trs, t...)
			}
		}
		return hit, trs
	case c.Not != nil:
		ok, _ := cat.Eval(c.Not, env)
		return !ok, nil
	case c.AnyTool != nil:
		var trs []Trigger
		hit := false
		for _, t := range env.Tools() {
			if ok, tr := cat.Eval(c.AnyTool, t); ok {
				hit = true
				trs = append(trs, tr...)
			}
		}
		return hit, trs
	case c.Q != "":
		q := cat.Question(c.Q)
		vals, ok := env.Answer(q)
		if !ok || !intersects(vals, c.Values()) {
			return false, nil
		}
		key := env.ToolKey()
		if q.Scope == ScopeContext {
			key = ""
		}
		// Name only the chosen options that made the leaf hold.
		var matched []string
		for _, v := range vals {
			if slices.Contains(c.Values(), v) {
				matched = append(matched, v)
			}
		}
		return true, []Trigger{{Question: q, Values: matched, ToolKey: key}}
	case c.Fact != "":
		vals, ok := env.Fact(c.Fact)
		if !ok || !intersects(vals, c.Values()) {
			return false, nil
		}
		return true, []Trigger{{Fact: c.Fact, Values: vals, ToolKey: env.ToolKey()}}
	case c.Kind != "":
		return env.Kind() == c.Kind, nil
	case c.Tool != "":
		return env.ToolID() == c.Tool, nil
	}
	return false, nil
}

func intersects(have, want []string) bool {
	for _, h := range have {
		if slices.Contains(want, h) {
			return true
		}
	}
	return false
}

// condCheck is the static check of a condition at load time.
type condCheck struct {
	cat   *Catalog
	where string
	// before, if set, is the index a referenced question must precede.
	before int
}

func (cc condCheck) errf(c *Cond, format string, args ...any) error {
	return msg.Errorf("%s: line %d: %w", cc.where, c.Line, msg.Errorf(format, args...))
}

func (cc condCheck) check(c *Cond, inTool bool) []error {
	if c == nil {
		return []error{msg.Errorf("%s: empty condition", cc.where)}
	}
	var forms []string
	if c.All != nil {
		forms = append(forms, "all")
	}
	if c.Any != nil {
		forms = append(forms, "any")
	}
	if c.Not != nil {
		forms = append(forms, "not")
	}
	if c.AnyTool != nil {
		forms = append(forms, "any_tool")
	}
	for _, f := range []struct {
		name string
		set  bool
	}{{"q", c.Q != ""}, {"fact", c.Fact != ""}, {"kind", c.Kind != ""}, {"tool", c.Tool != ""}} {
		if f.set {
			forms = append(forms, f.name)
		}
	}
	if len(forms) != 1 {
		return []error{cc.errf(c, "a condition needs exactly one of all, any, not, any_tool, q, fact, kind, tool; found %s", strings.Join(forms, ", "))}
	}
	isLeafWithValue := c.Q != "" || c.Fact != ""
	if !isLeafWithValue && (c.Equals != "" || c.In != nil) {
		return []error{cc.errf(c, "equals and in go with q or fact only")}
	}
	if isLeafWithValue && (c.Equals == "") == (c.In == nil) {
		return []error{cc.errf(c, "%s needs exactly one of equals or in", forms[0])}
	}
	var errs []error
	switch {
	case c.All != nil || c.Any != nil:
		subs := c.All
		if c.Any != nil {
			subs = c.Any
		}
		if len(subs) == 0 {
			errs = append(errs, cc.errf(c, "%s needs at least one condition", forms[0]))
		}
		for _, s := range subs {
			errs = append(errs, cc.check(s, inTool)...)
		}
	case c.Not != nil:
		errs = append(errs, cc.check(c.Not, inTool)...)
	case c.AnyTool != nil:
		if inTool {
			errs = append(errs, cc.errf(c, "any_tool is for organisation rules only"))
		}
		errs = append(errs, cc.check(c.AnyTool, true)...)
	case c.Q != "":
		q := cc.cat.Question(c.Q)
		if q == nil {
			return []error{cc.errf(c, "unknown question %q", c.Q)}
		}
		if q.Scope == ScopeTool && !inTool {
			errs = append(errs, cc.errf(c, "question %q is asked per tool; wrap it in any_tool", c.Q))
		}
		if cc.before >= 0 && q.Index >= cc.before {
			errs = append(errs, cc.errf(c, "question %q is not asked before this one", c.Q))
		}
		if q.Type == FreeText {
			errs = append(errs, cc.errf(c, "question %q takes free text; conditions compare choices only", c.Q))
		}
		for _, v := range c.Values() {
			if _, ok := q.Option(v); !ok {
				errs = append(errs, cc.errf(c, "question %q has no option %q (it has %s)", c.Q, v, strings.Join(q.OptionIDs(), ", ")))
			}
		}
	case c.Fact != "":
		if !inTool {
			errs = append(errs, cc.errf(c, "fact %q belongs to a tool; wrap it in any_tool", c.Fact))
		}
		d := cc.cat.FactDef(c.Fact)
		if d == nil {
			return append(errs, cc.errf(c, "unknown fact %q", c.Fact))
		}
		for _, v := range c.Values() {
			if _, ok := d.Value(v); !ok {
				errs = append(errs, cc.errf(c, "fact %q has no value %q", c.Fact, v))
			}
		}
	case c.Kind != "":
		if !inTool {
			errs = append(errs, cc.errf(c, "kind belongs to a tool; wrap it in any_tool"))
		}
		if !c.Kind.Valid() {
			errs = append(errs, cc.errf(c, "kind must be one of %s, not %q", KindList(), c.Kind))
		}
	case c.Tool != "":
		if !inTool {
			errs = append(errs, cc.errf(c, "tool belongs to a tool; wrap it in any_tool"))
		}
		if cc.cat.Tool(c.Tool) == nil {
			errs = append(errs, cc.errf(c, "unknown tool %q", c.Tool))
		}
	}
	return errs
}

// UnmarshalYAML decodes strictly and remembers where the condition stands.
func (c *Cond) UnmarshalYAML(n *yaml.Node) error {
	type plain Cond
	var p plain
	if n.Kind != yaml.MappingNode {
		return msg.Errorf("line %d: a condition is a mapping (all, any, not, any_tool, q, fact, kind, tool)", n.Line)
	}
	if err := n.Load(&p, yaml.WithKnownFields()); err != nil {
		return err
	}
	*c = Cond(p)
	c.Line, c.Column = n.Line, n.Column
	return nil
}
