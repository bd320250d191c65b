// Package assess turns a catalogue and an answers file into a plan: which
// questions apply, what each answer is (given, taken from a catalogue fact,
// or assumed), which actions follow, and what is still open. It is pure and
// deterministic; every text stays in both languages for the renderers.
package assess

import (
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/msg"
)

// StaleMonths is the age after which a fact is flagged as possibly outdated.
const StaleMonths = 24

// Light is a tool's traffic light.
type Light string

// The traffic lights.
const (
	Red   Light = "red"
	Amber Light = "amber"
	Green Light = "green"
)

// Origin says where an answer came from.
type Origin string

// The origins of an answer.
const (
	Given    Origin = "given"   // in the answers file
	FromFact Origin = "fact"    // prefilled from a catalogue fact
	Missing  Origin = "missing" // not answered: treated as unknown
)

// Answer is the effective answer to a shown question.
type Answer struct {
	Question *catalog.Question
	Values   []string
	Origin   Origin
	Note     string
}

// IsUnknown reports whether the answer leaves something to clarify.
func (a Answer) IsUnknown() bool { return slices.Contains(a.Values, catalog.Unknown) }

// FactLine is one fact of a tool as the plan shows it.
type FactLine struct {
	Def  *catalog.FactDef
	Fact catalog.Fact
	Old  bool // older than StaleMonths at the assessment date
	// Stale is an old fact that an action of the plan depends on: the one
	// worth checking before acting. Outside a plan, every old fact.
	Stale  bool
	ByUser bool // given in the answers file (custom tool)
}

// IssueLine is a known issue of a tool.
type IssueLine struct {
	Issue catalog.Issue
	Stale bool
}

// Verdict is what the plan advises for a tool as a whole.
type Verdict string

// The verdicts.
const (
	Replace Verdict = "replace" // stop using it or switch: a critical action says so
	Fix     Verdict = "fix"     // keep it, with the actions the plan lists
	Keep    Verdict = "keep"    // nothing left to do
)

// Tool is one assessed tool.
type Tool struct {
	Key     string
	Catalog *catalog.Tool
	Name    catalog.Text
	Kind    catalog.Kind
	Facts   []FactLine
	Issues  []IssueLine
	Answers []Answer
	Light   Light
	Verdict Verdict
	Counts  map[catalog.Priority]int
}

// Action is one entry of the plan. A topic appears once per tool: where
// several rules ask for the same topic, the most urgent leads and the
// others follow as Also.
type Action struct {
	ID       string // topic/tool-key, or topic/organisation
	Topic    *catalog.Topic
	Priority catalog.Priority
	Tool     *Tool // nil for the organisation
	Title    catalog.Text
	Why      catalog.Text
	Triggers []catalog.Trigger
	Also     []Part
	Legal    []*catalog.LegalRef
	Sources  []*catalog.Source
	Due      catalog.Date // zero for "recommended"
	Rules    []string

	// What the organisation recorded about it in the answers file.
	Status string // answers.StatusOpen, …InProgress, …Done or …NotApplicable
	Owner  string
	Reason string // why it does not apply
	DueSet bool   // Due was set in the answers file, not by the priority

	// SupersededBy is the action that says to stop using or replace the
	// tool, when this one only matters if the tool is kept; IfKept are the
	// actions it supersedes.
	SupersededBy *Action
	IfKept       []*Action
}

// Open reports whether the action is one to do now: pending and not
// superseded by replacing its tool.
func (a *Action) Open() bool { return a.Pending() && a.SupersededBy == nil }

// Pending reports whether the action still needs doing: it is neither done
// nor recorded as not applicable. Counts and traffic lights are of pending
// actions.
func (a *Action) Pending() bool {
	return a.Status != answers.StatusDone && a.Status != answers.StatusNotApplicable
}

// Part is a further point folded into an action on the same topic.
type Part struct {
	Priority catalog.Priority
	Title    catalog.Text
	Why      catalog.Text
	Triggers []catalog.Trigger
	Rule     string
}

// OpenQuestion is an answer still to clarify.
type OpenQuestion struct {
	Tool   *Tool // nil for the organisation
	Answer Answer
}

// Warning is something in the answers file the plan leaves out.
type Warning struct {
	Pos answers.Pos
	Msg error // says itself in German or English (msg.Localize)
}

// Plan is the result of an assessment.
type Plan struct {
	Catalog    *catalog.Catalog
	Lang       catalog.Lang
	Assessment answers.Assessment
	Context    []Answer
	Tools      []*Tool
	Actions    []*Action
	Open       []OpenQuestion
	Warnings   []Warning
	OrgCounts  map[catalog.Priority]int

	// Records are the answers file's records of actions, by id.
	Records map[string]answers.ActionState

	// DoneElsewhere counts actions the answers file records as done that
	// the plan no longer has: the answers changed with the work.
	DoneElsewhere int

	// FirstSteps are the few actions to start with, in order.
	FirstSteps []*Action
}

// MaxFirstSteps is how many actions a plan's first steps name at most.
const MaxFirstSteps = 5

// Assess evaluates the answers against the catalogue.
func Assess(cat *catalog.Catalog, f *answers.File) *Plan {
	p := &Plan{Catalog: cat, Lang: f.Lang, Assessment: f.Assessment, OrgCounts: map[catalog.Priority]int{}}
	org := &scope{plan: p, values: map[string][]string{}}
	p.Context = org.answer(cat.QuestionsIn(catalog.ScopeContext), f.Context, f.Notes, nil)

	var scopes []*scope
	for _, ft := range f.Tools {
		t := newTool(cat, ft, f.Assessment.Date)
		s := &scope{plan: p, values: make(map[string][]string, 48), org: org, tool: t, facts: factValues(t)}
		t.Answers = s.answer(cat.QuestionsIn(catalog.ScopeTool), ft.Answers, ft.Notes, ft)
		p.Tools = append(p.Tools, t)
		scopes = append(scopes, s)
	}
	org.tools = scopes

	merged := map[string]*Action{}
	var order []*Action
	emit := func(r *catalog.Rule, env *scope) {
		ok, triggers := cat.Eval(&r.When, env)
		if !ok {
			return
		}
		for i := range r.Actions {
			tpl := &r.Actions[i]
			a := p.newAction(r, tpl, env.tool, triggers)
			if prev, dup := merged[a.ID]; dup {
				prev.merge(a)
				continue
			}
			merged[a.ID] = a
			order = append(order, a)
		}
	}
	for _, s := range scopes {
		for _, r := range cat.Rules {
			if r.Scope == catalog.ScopeTool {
				emit(r, s)
			}
		}
	}
	for _, r := range cat.Rules {
		if r.Scope == catalog.ScopeOrganisation {
			emit(r, org)
		}
	}
	p.Actions = order
	p.sortActions()
	p.applyStates(f.Actions)
	p.supersede()
	for _, a := range p.Actions {
		if !a.Open() {
			continue
		}
		if a.Tool == nil {
			p.OrgCounts[a.Priority]++
		} else {
			a.Tool.Counts[a.Priority]++
		}
	}
	for _, t := range p.Tools {
		t.Light = lightFor(t.Counts)
		if t.Verdict != Replace {
			t.Verdict = Keep
			if len(t.Counts) > 0 { // counts only what is still to do
				t.Verdict = Fix
			}
		}
	}
	p.markStale()
	p.FirstSteps = p.firstSteps()
	for _, a := range p.Context {
		if a.IsUnknown() {
			p.Open = append(p.Open, OpenQuestion{Answer: a})
		}
	}
	for _, t := range p.Tools {
		for _, a := range t.Answers {
			if a.IsUnknown() {
				p.Open = append(p.Open, OpenQuestion{Tool: t, Answer: a})
			}
		}
	}
	return p
}

// applyStates puts what the answers file records about actions (status,
// owner, due date, reason) on the plan's actions. An action recorded as
// done or not applicable may well have left the plan, because the answers
// changed with it; one still to do that the plan does not have is a
// warning: the answers no longer call for it, or the id is wrong.
func (p *Plan) applyStates(states map[string]answers.ActionState) {
	p.Records = states
	byID := make(map[string]*Action, len(p.Actions))
	for _, a := range p.Actions {
		a.Status = answers.StatusOpen
		byID[a.ID] = a
	}
	ids := slices.SortedFunc(maps.Keys(states), func(a, b string) int { return states[a].Pos.Line - states[b].Pos.Line })
	for _, id := range ids {
		st := states[id]
		a, ok := byID[id]
		if !ok {
			if st.Status == answers.StatusDone {
				p.DoneElsewhere++
			}
			if st.Status != answers.StatusDone && st.Status != answers.StatusNotApplicable {
				p.Warnings = append(p.Warnings, Warning{Pos: st.Pos,
					Msg: msg.Errorf("action %s is not in this plan: the answers no longer call for it, or the id is wrong", id)})
			}
			continue
		}
		if st.Status != "" {
			a.Status = st.Status
		}
		a.Owner, a.Reason = st.Owner, st.Reason
		if !st.Due.IsZero() {
			a.Due, a.DueSet = st.Due, true
		}
	}
}

// supersede decides "replace or fix" for each tool: when a critical action
// still to do says to stop using the tool or to switch, the tool's actions
// that only matter while it is kept (Topic.IfKept) are listed under it
// instead of standing on their own, and are not counted.
func (p *Plan) supersede() {
	lead := map[*Tool]*Action{}
	for _, a := range p.Actions { // sorted: critical first, stop-use before switch-provider
		if a.Tool != nil && lead[a.Tool] == nil && a.Priority == catalog.Critical && a.Pending() &&
			(a.Topic.ID == "stop-use" || a.Topic.ID == "switch-provider") {
			lead[a.Tool] = a
			a.Tool.Verdict = Replace
		}
	}
	for _, a := range p.Actions {
		if l := lead[a.Tool]; l != nil && a != l && a.Topic.IfKept && a.Pending() {
			a.SupersededBy = l
			l.IfKept = append(l.IfKept, a)
		}
	}
}

// firstSteps are the actions to start with: those still to do, the most
// urgent first; within a priority, stopping or replacing a tool before
// protecting data at risk, before what the law requires, before good
// practice (Topic.Group).
func (p *Plan) firstSteps() []*Action {
	var open []*Action
	for _, a := range p.Actions {
		if a.Open() {
			open = append(open, a)
		}
	}
	slices.SortStableFunc(open, func(a, b *Action) int {
		if d := a.Priority.Rank() - b.Priority.Rank(); d != 0 {
			return d
		}
		return slices.Index(catalog.TopicGroups, a.Topic.Group) - slices.Index(catalog.TopicGroups, b.Topic.Group)
	})
	return open[:min(len(open), MaxFirstSteps)]
}

// markStale flags the old facts that an action of the plan depends on: a
// fact in an action's triggers, or one that answered a question in them.
func (p *Plan) markStale() {
	used := map[*Tool]map[string]bool{}
	mark := func(t *Tool, trs []catalog.Trigger) {
		if t == nil {
			return
		}
		if used[t] == nil {
			used[t] = map[string]bool{}
		}
		for _, tr := range trs {
			if tr.Fact != "" {
				used[t][tr.Fact] = true
			}
			if tr.Question != nil && tr.Question.Prefill != "" {
				for _, a := range t.Answers {
					if a.Question == tr.Question && a.Origin == FromFact {
						used[t][tr.Question.Prefill] = true
					}
				}
			}
		}
	}
	for _, a := range p.Actions {
		if !a.Pending() {
			continue
		}
		mark(a.Tool, a.Triggers)
		for _, part := range a.Also {
			mark(a.Tool, part.Triggers)
		}
	}
	for _, t := range p.Tools {
		for i := range t.Facts {
			f := &t.Facts[i]
			f.Stale = f.Old && used[t][f.Def.ID]
		}
	}
}

// OrgLight is the traffic light of the organisation-wide actions.
func (p *Plan) OrgLight() Light { return lightFor(p.OrgCounts) }

func lightFor(counts map[catalog.Priority]int) Light {
	switch {
	case counts[catalog.Critical] > 0:
		return Red
	case counts[catalog.High] > 0:
		return Amber
	}
	return Green
}

func newTool(cat *catalog.Catalog, ft *answers.Tool, date catalog.Date) *Tool {
	ct := cat.Tool(ft.ID)
	t := &Tool{Key: ft.Key(), Catalog: ct, Name: ct.Name, Kind: ft.Kind, Counts: map[catalog.Priority]int{}}
	stale := func(d catalog.Date) bool {
		return !date.IsZero() && d.Before(date.AddDate(0, -StaleMonths, 0))
	}
	if ct.Custom {
		t.Name = catalog.Text{DE: ft.Name, EN: ft.Name}
		for _, d := range cat.FactDefs {
			v, ok := ft.Facts[d.ID]
			if !ok {
				continue
			}
			f := catalog.Fact{AsOf: date, Source: []string{"record-user"}}
			if d.List {
				f.Values = v.Items
			} else {
				f.Value = v.Items[0]
			}
			t.Facts = append(t.Facts, FactLine{Def: d, Fact: f, ByUser: true})
		}
	} else {
		for _, d := range cat.FactDefs {
			if f, ok := ct.Facts[d.ID]; ok {
				t.Facts = append(t.Facts, FactLine{Def: d, Fact: f, Old: stale(f.AsOf), Stale: stale(f.AsOf)})
			}
		}
		for _, is := range ct.Issues {
			t.Issues = append(t.Issues, IssueLine{Issue: is, Stale: stale(is.AsOf)})
		}
	}
	return t
}

func factValues(t *Tool) map[string][]string {
	m := map[string][]string{}
	for _, f := range t.Facts {
		m[f.Def.ID] = f.Fact.All()
	}
	return m
}

// scope evaluates the questions of the organisation or of one tool; it is
// the environment conditions are evaluated in.
type scope struct {
	plan   *Plan
	values map[string][]string // effective answers of shown questions
	facts  map[string][]string
	org    *scope   // for a tool: the organisation's scope
	tool   *Tool    // nil for the organisation
	tools  []*scope // for the organisation: every tool
}

func (s *scope) Answer(q *catalog.Question) ([]string, bool) {
	if q.Scope == catalog.ScopeContext && s.org != nil {
		return s.org.Answer(q)
	}
	v, ok := s.values[q.ID]
	return v, ok
}

func (s *scope) Fact(id string) ([]string, bool) {
	v, ok := s.facts[id]
	return v, ok && len(v) > 0
}

func (s *scope) Kind() catalog.Kind {
	if s.tool == nil {
		return ""
	}
	return s.tool.Kind
}

func (s *scope) ToolID() string {
	if s.tool == nil {
		return ""
	}
	return s.tool.Catalog.ID
}

func (s *scope) ToolKey() string {
	if s.tool == nil {
		return ""
	}
	return s.tool.Key
}

func (s *scope) Tools() []catalog.Env {
	envs := make([]catalog.Env, len(s.tools))
	for i, t := range s.tools {
		envs[i] = t
	}
	return envs
}

// answer walks the questions in order, deciding which are shown and what
// their effective answers are. Answers to questions not shown are reported
// as warnings and left out.
func (s *scope) answer(qs []*catalog.Question, given map[string]answers.Value, notes map[string]string, ft *answers.Tool) []Answer {
	out := make([]Answer, 0, len(qs))
	for _, q := range qs {
		v, has := given[q.ID]
		if q.ShowIf != nil {
			if ok, _ := s.plan.Catalog.Eval(q.ShowIf, s); !ok {
				if has {
					s.plan.warnHidden(q, v.Pos, ft)
				}
				continue
			}
		}
		a := Answer{Question: q, Note: notes[q.ID]}
		switch {
		case has:
			a.Values, a.Origin = v.Items, Given
		case q.Prefill != "" && s.prefill(q) != "":
			a.Values, a.Origin = []string{s.prefill(q)}, FromFact
		case q.Type == catalog.FreeText:
			continue
		default:
			a.Values, a.Origin = unknownValues, Missing
		}
		s.values[q.ID] = a.Values
		out = append(out, a)
	}
	return out
}

// unknownValues is the answer of every question not answered; shared, so
// never change it.
var unknownValues = []string{catalog.Unknown}

func (s *scope) prefill(q *catalog.Question) string {
	vals := s.facts[q.Prefill]
	if len(vals) == 1 {
		if _, ok := q.Option(vals[0]); ok {
			return vals[0]
		}
	}
	return ""
}

func (p *Plan) warnHidden(q *catalog.Question, pos answers.Pos, ft *answers.Tool) {
	if ft == nil {
		p.Warnings = append(p.Warnings, Warning{Pos: pos, Msg: msg.Errorf(
			"the answer to %q is left out of the plan: for the organisation the question is not asked, given the other answers", q.ID)})
		return
	}
	p.Warnings = append(p.Warnings, Warning{Pos: pos, Msg: msg.Errorf(
		"the answer to %q is left out of the plan: for %s the question is not asked, given the other answers", q.ID, ft.Key())})
}

func (p *Plan) newAction(r *catalog.Rule, tpl *catalog.ActionTemplate, t *Tool, triggers []catalog.Trigger) *Action {
	cat := p.Catalog
	a := &Action{Topic: cat.Topic(tpl.Topic), Priority: tpl.Priority, Tool: t, Rules: []string{r.ID}}
	key := "organisation"
	name := catalog.Text{DE: "die Organisation", EN: "the organisation"}
	if t != nil {
		key, name = t.Key, t.Name
	}
	a.ID = tpl.Topic + "/" + key
	words := p.words()
	subst := func(x catalog.Text) catalog.Text {
		return catalog.Text{DE: fill(x.DE, name.DE, words, catalog.DE), EN: fill(x.EN, name.EN, words, catalog.EN)}
	}
	a.Title = subst(tpl.Title)
	a.Why = subst(tpl.Why)
	a.Triggers = triggers
	for _, l := range tpl.Legal {
		a.Legal = append(a.Legal, cat.LegalRef(l))
	}
	for _, s := range tpl.Sources {
		a.Sources = append(a.Sources, cat.Source(s))
	}
	if d := tpl.Priority.DueDays(); d >= 0 {
		a.Due = catalog.Date{Time: p.Assessment.Date.AddDate(0, 0, d)}
	}
	return a
}

// words are the texts for the placeholders of rule texts ({clients},
// {client}) that the organisation's answer to the sector question gives.
func (p *Plan) words() map[string]catalog.Text {
	for _, a := range p.Context {
		if a.Question.ID == catalog.WordsQuestion && len(a.Values) == 1 {
			if o, ok := a.Question.Option(a.Values[0]); ok {
				return o.Words
			}
		}
	}
	if q := p.Catalog.Question(catalog.WordsQuestion); q != nil {
		if o, ok := q.Option(catalog.Unknown); ok {
			return o.Words
		}
	}
	return nil
}

// fill puts the tool's name and the organisation's words into a rule's
// text; a word that starts a sentence starts with a capital letter.
func fill(s, tool string, words map[string]catalog.Text, l catalog.Lang) string {
	s = strings.ReplaceAll(s, "{tool}", tool)
	for k, w := range words {
		ph := "{" + k + "}"
		for {
			i := strings.Index(s, ph)
			if i < 0 {
				break
			}
			v := w.In(l)
			if start := strings.TrimRight(s[:i], " "); start == "" || strings.HasSuffix(start, ".") || strings.HasSuffix(start, ":") {
				v = capitalise(v)
			}
			s = s[:i] + v + s[i+len(ph):]
		}
	}
	return s
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// merge folds another action on the same topic and tool into this one:
// the more urgent one leads, the reasons and references are combined.
func (a *Action) merge(b *Action) {
	part := func(x *Action) Part {
		return Part{Priority: x.Priority, Title: x.Title, Why: x.Why, Triggers: x.Triggers, Rule: x.Rules[0]}
	}
	bLeads := b.Priority.Rank() < a.Priority.Rank()
	if bLeads {
		lead := part(a)
		a.Priority, a.Title, a.Due, a.Why, a.Triggers = b.Priority, b.Title, b.Due, b.Why, b.Triggers
		a.Also = append([]Part{lead}, a.Also...)
		a.Rules = append(slices.Clone(b.Rules), a.Rules...)
	} else {
		a.Also = append(a.Also, part(b))
		a.Rules = append(a.Rules, b.Rules...)
	}
	// The norms that carry the leading point come first; a plan names at
	// most catalog.MaxLegal.
	first, then := a.Legal, b.Legal
	if bLeads {
		first, then = b.Legal, a.Legal
	}
	legal := slices.Clone(first)
	for _, l := range then {
		if len(legal) < catalog.MaxLegal && !slices.Contains(legal, l) {
			legal = append(legal, l)
		}
	}
	a.Legal = legal
	for _, s := range b.Sources {
		if !slices.Contains(a.Sources, s) {
			a.Sources = append(a.Sources, s)
		}
	}
}

func (p *Plan) sortActions() {
	pos := make(map[*Tool]int, len(p.Tools))
	for i, t := range p.Tools {
		pos[t] = i
	}
	topicPos := make(map[string]int, len(catalog.TopicIDs))
	for i, id := range catalog.TopicIDs {
		topicPos[id] = i
	}
	toolIndex := func(a *Action) int {
		if a.Tool == nil {
			return len(p.Tools)
		}
		return pos[a.Tool]
	}
	slices.SortStableFunc(p.Actions, func(a, b *Action) int {
		if d := a.Priority.Rank() - b.Priority.Rank(); d != 0 {
			return d
		}
		if d := toolIndex(a) - toolIndex(b); d != 0 {
			return d
		}
		return topicPos[a.Topic.ID] - topicPos[b.Topic.ID]
	})
}

// Sources lists every source the plan cites, in catalogue order.
func (p *Plan) Sources() []*catalog.Source {
	used := map[string]bool{}
	for _, a := range p.Actions {
		for _, s := range a.Sources {
			used[s.ID] = true
		}
	}
	for _, t := range p.Tools {
		for _, f := range t.Facts {
			for _, s := range f.Fact.Source {
				used[s] = true
			}
		}
		for _, is := range t.Issues {
			for _, s := range is.Issue.Source {
				used[s] = true
			}
		}
	}
	var out []*catalog.Source
	for _, s := range p.Catalog.Sources {
		if used[s.ID] {
			out = append(out, s)
		}
	}
	return out
}

// CatalogTool returns a catalogue tool with its facts as a plan shows them,
// with staleness judged at date.
func CatalogTool(cat *catalog.Catalog, ct *catalog.Tool, date catalog.Date) *Tool {
	return newTool(cat, &answers.Tool{ID: ct.ID, Kind: ct.Kind}, date)
}
