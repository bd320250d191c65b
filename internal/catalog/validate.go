package catalog

import (
	"reflect"

	"errors"
	"fmt"
	"github.com/konform/konform/internal/safe"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/konform/konform/internal/msg"
)

// TopicIDs is the fixed list of action topics (domain brief §5). Tools
// downstream rely on these identifiers: never rename one.
var TopicIDs = []string{
	"stop-use", "switch-provider", "business-version", "licence-terms",
	"private-business-separation", "address-book", "backups", "e2e-encryption",
	"app-updates", "dpa-contract", "third-country-transfer", "no-own-purposes",
	"records-of-processing", "privacy-notice", "consent", "marketing-consent",
	"imprint", "special-categories", "professional-secrecy", "sick-notes",
	"privacy-settings", "meeting-access", "screen-sharing", "recording-rules",
	"usage-policy", "works-council", "retention", "breach-procedure",
	"phone-alternative", "dpo-review", "dpia",
}

// Ids are lower-case words of letters and digits, starting with a letter:
// snake_case for areas, facts, options, questions and rules, kebab-case
// for legal references, sources and tools.
var (
	snakeID = idSyntax('_')
	kebabID = idSyntax('-')
)

// validSourceDate accepts a date as precise as the source is (2020,
// 2020-07, 2020-07-03), SourceOngoing, SourceUndated, and "—" for what
// the assessor states in the assessment itself.
func validSourceDate(d string) bool {
	switch d {
	case SourceOngoing, SourceUndated, "—":
		return true
	}
	for _, layout := range []string{"2006", "2006-01", "2006-01-02"} {
		if t, err := time.Parse(layout, d); err == nil && t.Format(layout) == d {
			return true
		}
	}
	return false
}

// idSyntax matches ^[a-z][a-z0-9]*(SEP[a-z0-9]+)*$ (without a regular
// expression, which konform would compile at every start).
type idSyntax byte

func (sep idSyntax) MatchString(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' || s[len(s)-1] == byte(sep) {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == byte(sep) && s[i-1] != byte(sep):
		default:
			return false
		}
	}
	return true
}

type validator struct {
	c    *Catalog
	errs []error
}

func (v *validator) errf(format string, args ...any) {
	v.errs = append(v.errs, msg.Errorf(format, args...))
}

// text demands both languages, or neither where optional.
func (v *validator) text(where string, t Text, optional bool) {
	if optional && t.DE == "" && t.EN == "" {
		return
	}
	if strings.TrimSpace(t.DE) == "" {
		v.errf("%s: German text missing", where)
	}
	if strings.TrimSpace(t.EN) == "" {
		v.errf("%s: English text missing", where)
	}
}

func (v *validator) sources(where string, ids []string) {
	if len(ids) == 0 {
		v.errf("%s: no source", where)
	}
	for _, s := range ids {
		if v.c.Source(s) == nil {
			v.errf("%s: unknown source %q", where, s)
		}
	}
}

// Validate checks the catalogue's consistency; it reports every problem.
func (c *Catalog) Validate() error {
	v := &validator{c: c}
	v.topics()
	names := map[string]string{}
	for _, t := range c.Tools {
		names[t.ID] = t.ID
	}
	for _, t := range c.Tools {
		v.noControls("tool "+t.ID, t)
		for _, a := range t.Aliases {
			if a != strings.ToLower(a) || strings.TrimSpace(a) != a || a == "" {
				v.errf("tool %s: alias %q must be lower case, without spaces around it", t.ID, a)
			}
			if other, dup := names[a]; dup {
				v.errf("tool %s: alias %q is already the name of %s", t.ID, a, other)
			}
			names[a] = t.ID
		}
	}
	for _, g := range c.Glossary {
		where := "glossary " + g.ID
		v.text(where+" term", g.Term, false)
		v.text(where+" explain", g.Explain, false)
		if len(g.Forms.DE) == 0 || len(g.Forms.EN) == 0 {
			v.errf("%s: forms need at least one spelling in each language", where)
		}
	}
	for _, src := range c.Sources {
		where := "source " + src.ID
		if src.URL != "" && (!strings.HasPrefix(src.URL, "https://") && !strings.HasPrefix(src.URL, "http://") || strings.ContainsAny(src.URL, " <>\"\t\n")) {
			v.errf("%s: url must be an http(s) address without spaces or <>", where)
		}
		v.noControls(where, src)
		if src.Read != "" {
			if _, err := ParseDate(src.Read); err != nil {
				v.errf("%s: read: %v", where, err)
			}
		}
	}
	for _, a := range c.Areas {
		where := "area " + a.ID
		if !snakeID.MatchString(a.ID) {
			v.errf("%s: id must be snake_case", where)
		}
		if a.Scope != ScopeContext && a.Scope != ScopeTool {
			v.errf("%s: scope must be context or tool", where)
		}
		if a.AfterTools && a.Scope != ScopeContext {
			v.errf("%s: after_tools is for areas on the organisation (scope context)", where)
		}
		v.text(where+" title", a.Title, false)
		v.text(where+" intro", a.Intro, false)
	}
	for _, l := range c.Legal {
		if !kebabID.MatchString(l.ID) {
			v.errf("legal %s: id must be kebab-case", l.ID)
		}
		v.text("legal "+l.ID+" label", l.Label, false)
		v.text("legal "+l.ID+" title", l.Title, false)
		if l.When != nil {
			cc := condCheck{cat: v.c, where: "legal " + l.ID + " when", before: -1}
			v.errs = append(v.errs, cc.check(l.When, false)...)
		}
	}
	for _, s := range c.Sources {
		if !kebabID.MatchString(s.ID) {
			v.errf("source %s: id must be kebab-case", s.ID)
		}
		if s.Title == "" || s.By == "" || s.Date == "" {
			v.errf("source %s: title, by and date are required", s.ID)
		} else if !validSourceDate(s.Date) {
			v.errf("source %s: date %q must be YYYY, YYYY-MM, YYYY-MM-DD, %s or %s", s.ID, s.Date, SourceOngoing, SourceUndated)
		}
		if s.Date == SourceUndated && (s.URL == "" || s.Read == "") {
			v.errf("source %s: an undated source needs url and read (the day it was read dates what it says)", s.ID)
		}
		v.text("source "+s.ID+" note", s.Note, true)
	}
	for _, f := range c.FactDefs {
		v.factDef(f)
	}
	for _, q := range c.Questions {
		v.question(q)
	}
	for _, a := range c.Areas {
		if !slices.ContainsFunc(c.Questions, func(q *Question) bool { return q.Area == a.ID }) {
			v.errf("area %s: no question", a.ID)
		}
	}
	customs := 0
	for _, t := range c.Tools {
		v.tool(t)
		if t.Custom {
			customs++
		}
	}
	if customs != 1 {
		v.errf("tools: exactly one custom (\"other tool\") entry is needed, found %d", customs)
	}
	for _, r := range c.Rules {
		v.rule(r)
	}
	if len(v.errs) == 0 {
		v.errs = append(v.errs, c.reachability()...)
	}
	return errors.Join(v.errs...)
}

func (v *validator) topics() {
	var ids []string
	for _, t := range v.c.Topics {
		ids = append(ids, t.ID)
		v.text("topic "+t.ID, t.Title, false)
		if !slices.Contains(TopicGroups, t.Group) {
			v.errf("topic %s: group must be one of %s", t.ID, strings.Join(TopicGroups, ", "))
		}
	}
	if !slices.Equal(ids, TopicIDs) {
		v.errf("topics: the list must be exactly %s", strings.Join(TopicIDs, ", "))
	}
}

func (v *validator) factDef(f *FactDef) {
	where := "fact " + f.ID
	if !snakeID.MatchString(f.ID) {
		v.errf("%s: id must be snake_case", where)
	}
	v.text(where+" title", f.Title, false)
	if f.Kind != "" && !f.Kind.Valid() {
		v.errf("%s: kind must be one of %s", where, KindList())
	}
	if len(f.Values) == 0 {
		v.errf("%s: no values", where)
	}
	seen := map[string]bool{}
	for _, o := range f.Values {
		if !snakeID.MatchString(o.ID) || seen[o.ID] {
			v.errf("%s: value %q must be snake_case and unique", where, o.ID)
		}
		seen[o.ID] = true
		v.text(where+" value "+o.ID, o.Label, false)
	}
}

// MaxLegal is the most norms an action names: the ones that carry it.
const MaxLegal = 3

var placeholder = regexp.MustCompile(`\{[a-z_]+\}`)

// placeholders checks that rule texts use only {tool}, {ai}, {e2e}, {tools} (an
// organisation rule: the tools its triggers name) and the words every
// answer to the words question defines.
func (v *validator) placeholders(where string, texts ...Text) {
	known := map[string]bool{"{tool}": true, "{ai}": true, "{e2e}": true, "{tools}": true}
	if q := v.c.Question(WordsQuestion); q != nil && len(q.Options) > 0 {
		for k := range q.Options[0].Words {
			known["{"+k+"}"] = true
		}
	}
	for _, q := range v.c.QuestionsIn(ScopeContext) {
		for _, words := range q.Says {
			for k := range words {
				known["{"+k+"}"] = true
			}
		}
	}
	for _, t := range texts {
		for _, s := range []string{t.DE, t.EN} {
			for _, ph := range placeholder.FindAllString(s, -1) {
				if !known[ph] {
					v.errf("%s: unknown placeholder %s (known: {tool}, {ai}, {e2e}, {tools} and the words of question %s)", where, ph, WordsQuestion)
				}
			}
		}
	}
}

// says checks the words a yes/no or single-choice question about the
// organisation gives rule texts: every answer names the same words, and
// none is a word of the sector's.
func (v *validator) says(where string, q *Question) {
	if q.Type != YesNo && q.Type != SingleChoice || q.Scope != ScopeContext {
		v.errf("%s: only a yes/no or single-choice question about the organisation has says", where)
		return
	}
	var sector map[string]Text
	if sq := v.c.Question(WordsQuestion); sq != nil && len(sq.Options) > 0 {
		sector = sq.Options[0].Words
	}
	first := q.Says[q.Options[0].ID]
	for _, o := range q.Options {
		words, ok := q.Says[o.ID]
		if !ok || len(words) != len(first) {
			v.errf("%s says: %q names the same words as %q", where, o.ID, q.Options[0].ID)
		}
		for k, w := range words {
			if _, ok := first[k]; !ok {
				v.errf("%s says %s: word %s is not among those of %q", where, o.ID, k, q.Options[0].ID)
			}
			if _, ok := sector[k]; ok {
				v.errf("%s says: word %s is already a word of question %s", where, k, WordsQuestion)
			}
			v.text(fmt.Sprintf("%s says %s word %s", where, o.ID, k), w, true) // "" leaves the sentence out
		}
	}
	for ans := range q.Says {
		if _, ok := q.Option(ans); !ok {
			v.errf("%s says: %q is not an answer to the question", where, ans)
		}
	}
}

func (v *validator) question(q *Question) {
	where := "question " + q.ID
	if q.Says != nil {
		v.says(where, q)
	}
	for _, o := range q.Options {
		if q.ID != WordsQuestion && o.Words != nil {
			v.errf("%s option %s: only question %s has words", where, o.ID, WordsQuestion)
		}
		if q.ID == WordsQuestion && (len(o.Words) != len(q.Options[0].Words) || len(o.Words) == 0) {
			v.errf("%s option %s: every option names the same words as the first", where, o.ID)
		}
		for k, w := range o.Words {
			v.text(fmt.Sprintf("%s option %s word %s", where, o.ID, k), w, false)
		}
		v.placeholders(fmt.Sprintf("%s option %s basis", where, o.ID), o.Basis, o.BasisSpecial, o.BasisOutward)
		if q.ID != WordsQuestion && o.Alternatives != nil {
			v.errf("%s option %s: only question %s has alternatives", where, o.ID, WordsQuestion)
		}
		for k, ids := range o.Alternatives {
			for _, id := range ids {
				if t := v.c.Tool(id); t == nil || t.Kind != k || t.Custom {
					v.errf("%s option %s: alternative %q is no %s tool in the catalogue", where, o.ID, id, k)
				}
			}
		}
	}
	if !snakeID.MatchString(q.ID) {
		v.errf("%s: id must be snake_case", where)
	}
	if a := v.c.Area(q.Area); a == nil {
		v.errf("%s: unknown area %q", where, q.Area)
	} else if a.Scope != q.Scope {
		v.errf("%s: area %s belongs to the %s questions", where, q.Area, a.Scope)
	}
	v.text(where+" title", q.Title, false)
	v.text(where+" help", q.Help, false)
	v.text(where+" assume", q.Assume, q.Type == FreeText) // an open answer says what the plan assumes meanwhile
	switch q.Type {
	case SingleChoice, MultiChoice:
		if len(q.Options) < 2 {
			v.errf("%s: a choice needs at least two options", where)
		}
		if _, ok := q.Option(Unknown); !ok {
			v.errf("%s: every factual question offers %q", where, Unknown)
		}
	case YesNo:
		if !slices.EqualFunc(q.Options, yesNoOptions, func(a, b Option) bool {
			return a.ID == b.ID && a.Label == b.Label && a.Short == b.Short && a.Words == nil
		}) {
			v.errf("%s: a yes/no question takes no options of its own", where)
		}
	case FreeText:
		if len(q.Options) > 0 {
			v.errf("%s: a text question takes no options", where)
		}
		if q.Assume != (Text{}) {
			v.errf("%s: a text question has nothing to assume", where)
		}
	default:
		v.errf("%s: type must be single, multi, yesno or text, not %q", where, q.Type)
	}
	seen := map[string]bool{}
	for _, o := range q.Options {
		if !snakeID.MatchString(o.ID) || seen[o.ID] {
			v.errf("%s: option %q must be snake_case and unique", where, o.ID)
		}
		seen[o.ID] = true
		v.text(where+" option "+o.ID, o.Label, false)
		v.text(where+" option "+o.ID+" basis", o.Basis, true)
		v.text(where+" option "+o.ID+" basis_special", o.BasisSpecial, true)
		v.text(where+" option "+o.ID+" basis_outward", o.BasisOutward, true)
		v.text(where+" option "+o.ID+" retention", o.Retention, true)
	}
	if q.ShowIf != nil {
		cc := condCheck{cat: v.c, where: where + " show_if", before: q.Index}
		v.errs = append(v.errs, cc.check(q.ShowIf, q.Scope == ScopeTool)...)
	}
	if q.Prefill != "" {
		d := v.c.FactDef(q.Prefill)
		switch {
		case q.Scope != ScopeTool:
			v.errf("%s: only tool questions can be prefilled from facts", where)
		case d == nil:
			v.errf("%s: prefill names unknown fact %q", where, q.Prefill)
		case d.List != (q.Type == MultiChoice):
			v.errf("%s: prefill fact %q and the question differ in taking one or several values", where, q.Prefill)
		default:
			matches := 0
			for _, o := range d.Values {
				if _, ok := q.Option(o.ID); ok {
					matches++
				}
			}
			if matches == 0 {
				v.errf("%s: no value of fact %q is an option, so it never prefills", where, q.Prefill)
			}
		}
	}
	if q.ShowsFact != "" {
		switch {
		case q.Scope != ScopeTool:
			v.errf("%s: only tool questions can show a tool's fact", where)
		case v.c.FactDef(q.ShowsFact) == nil:
			v.errf("%s: shows_fact names unknown fact %q", where, q.ShowsFact)
		}
	}
}

func (v *validator) tool(t *Tool) {
	where := "tool " + t.ID
	if !kebabID.MatchString(t.ID) {
		v.errf("%s: id must be kebab-case", where)
	}
	v.text(where+" name", t.Name, false)
	v.text(where+" about", t.About, false)
	if !t.Kind.Valid() {
		v.errf("%s: kind must be one of %s", where, KindList())
	}
	if t.PrivacyPolicy != "" {
		if s := v.c.Source(t.PrivacyPolicy); s == nil || !strings.HasPrefix(s.URL, "https://") {
			v.errf("%s: privacy_policy %q is no source with an https address", where, t.PrivacyPolicy)
		}
	}
	if !t.Custom {
		if t.Vendor == "" {
			v.errf("%s: vendor missing", where)
		}
		for _, d := range v.c.FactsShown("required") {
			if _, ok := t.Facts[d.ID]; !ok {
				v.errf("%s: fact %s missing", where, d.ID)
			}
		}
	} else if len(t.Facts) > 0 {
		v.errf("%s: the custom tool has no facts of its own; the user gives them", where)
	}
	for _, id := range sortedKeys(t.Facts) {
		f := t.Facts[id]
		fw := where + " fact " + id
		d := v.c.FactDef(id)
		if d == nil {
			v.errf("%s: unknown fact", fw)
			continue
		}
		if d.Kind != "" && d.Kind != t.Kind {
			v.errf("%s: only for %s tools", fw, d.Kind)
		}
		if d.List && f.Value != "" || !d.List && f.Values != nil {
			v.errf("%s: use %s", fw, map[bool]string{true: "values (a list)", false: "value"}[d.List])
		}
		vals := f.All()
		if len(vals) == 0 && !d.List {
			v.errf("%s: no value", fw)
		}
		for _, val := range vals {
			if _, ok := d.Value(val); !ok {
				v.errf("%s: %q is not a value of this fact", fw, val)
			}
		}
		if f.AsOf.IsZero() {
			v.errf("%s: as_of missing", fw)
		}
		v.sources(fw, f.Source)
		v.text(fw+" detail", f.Detail, true)
	}
	for i, is := range t.Issues {
		iw := fmt.Sprintf("%s issue %d", where, i+1)
		v.text(iw, is.Text, false)
		if is.AsOf.IsZero() {
			v.errf("%s: as_of missing", iw)
		}
		v.sources(iw, is.Source)
	}
	if t.BusinessVersion != "" && v.c.Tool(t.BusinessVersion) == nil {
		v.errf("%s: business_version names unknown tool %q", where, t.BusinessVersion)
	}
	for _, a := range t.Alternatives {
		if v.c.Tool(a) == nil || a == t.ID {
			v.errf("%s: alternative %q is not another tool", where, a)
		}
	}
}

func (v *validator) rule(r *Rule) {
	where := "rule " + r.ID
	if !snakeID.MatchString(r.ID) {
		v.errf("%s: id must be snake_case", where)
	}
	if r.Scope != ScopeOrganisation && r.Scope != ScopeTool {
		v.errf("%s: scope must be organisation or tool", where)
	}
	cc := condCheck{cat: v.c, where: where, before: -1}
	v.errs = append(v.errs, cc.check(&r.When, r.Scope == ScopeTool)...)
	if len(r.Actions) == 0 {
		v.errf("%s: no action", where)
	}
	topics := map[string]bool{}
	for _, a := range r.Actions {
		aw := where + " action " + a.Topic
		if v.c.Topic(a.Topic) == nil {
			v.errf("%s: unknown topic (use one of domain.md §5)", aw)
		}
		if topics[a.Topic] {
			v.errf("%s: a rule emits a topic once", aw)
		}
		topics[a.Topic] = true
		if a.Priority.Rank() == len(Priorities) {
			v.errf("%s: priority must be critical, high, medium or low", aw)
		}
		v.text(aw+" title", a.Title, false)
		v.text(aw+" why", a.Why, false)
		v.text(aw+" policy", a.Policy, true)
		v.text(aw+" erasure", a.Erasure, true)
		v.text(aw+" interim", a.Interim, true)
		v.placeholders(aw, a.Title, a.Why, a.Policy, a.Erasure)
		if (a.Erasure.DE == "") != (len(a.ErasureFor) == 0) {
			v.errf("%s: erasure and erasure_for go together", aw)
		}
		if q := v.c.Question("used_for"); q != nil {
			for _, u := range a.ErasureFor {
				if _, ok := q.Option(u); !ok {
					v.errf("%s: erasure_for: %s is no option of question used_for", aw, u)
				}
			}
		}
		if len(a.Legal) == 0 {
			v.errf("%s: no legal reference", aw)
		}
		if len(a.Legal) > MaxLegal {
			v.errf("%s: %d legal references; name at most the %d that carry the action", aw, len(a.Legal), MaxLegal)
		}
		for _, l := range a.Legal {
			if v.c.LegalRef(l) == nil {
				v.errf("%s: unknown legal reference %q", aw, l)
			}
		}
		v.sources(aw, a.Sources)
		if (a.Secrets || a.BarsSecrets) && r.Scope != ScopeTool {
			v.errf("%s: secrets and bars_secrets concern one tool: only in tool rules", aw)
		}
		if a.Secrets && (a.BarsSecrets || v.c.Topic(a.Topic) != nil && v.c.Topic(a.Topic).Replaces != "") {
			v.errf("%s: an action that readies a tool for secrets cannot bar them or replace the tool", aw)
		}
	}
}

// noControls reports a control character (safe.IsControl) in any text of
// x – a source or a tool, which an overlay can bring: nothing it says may
// reach a terminal, a plan or a draft as an escape.
func (v *validator) noControls(where string, x any) {
	var walk func(r reflect.Value) bool
	walk = func(r reflect.Value) bool {
		switch r.Kind() {
		case reflect.String:
			if c, bad := safe.FindControl(r.String()); bad {
				v.errf("%s: control character %U in %q", where, c, safe.Line(r.String()))
				return false
			}
		case reflect.Pointer, reflect.Interface:
			return r.IsNil() || walk(r.Elem())
		case reflect.Struct:
			for i := range r.NumField() {
				if r.Type().Field(i).IsExported() && !walk(r.Field(i)) {
					return false
				}
			}
		case reflect.Slice, reflect.Array:
			for i := range r.Len() {
				if !walk(r.Index(i)) {
					return false
				}
			}
		case reflect.Map:
			it := r.MapRange()
			for it.Next() {
				if !walk(it.Key()) || !walk(it.Value()) {
					return false
				}
			}
		}
		return true
	}
	walk(reflect.ValueOf(x))
}
