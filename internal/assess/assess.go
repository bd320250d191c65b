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

	// Outward reports whether the tool's own use brings it into contact
	// with people outside the organisation (a use marked outward in the
	// catalogue, or a use still unknown): only then do its clients read a
	// notice about it or get asked for consent.
	Outward bool
	// Lead is the action that says to stop using or replace the tool, when
	// the plan says so (Verdict Replace); its due date is the day the tool
	// goes.
	Lead *Action
	// KeepUnlawful reports that keeping a replaced tool for the people it
	// is replaced for is not lawful (professional secrecy or health data):
	// the plan offers no "if you keep it anyway", only what to do until the
	// switch.
	KeepUnlawful bool
	// Inside reports whether the tool has a use inside the organisation
	// (a known use not marked outward).
	Inside bool
	// Transfer is whether and how the tool's data leave the EU/EEA.
	Transfer Transfer
	// Activities are the processing activities the tool serves: one per
	// use. Empty while the use is unknown.
	Activities []Activity
	// Alternatives are the catalogue tools the plan proposes instead.
	Alternatives []*catalog.Tool
}

// Activity is one processing activity: a tool used for one purpose, with
// whom it concerns, its legal basis and how long the law keeps its data.
// The record of processing and the notice render it.
type Activity struct {
	Use catalog.Option // the used_for option
	// Subjects are "staff" and the partner groups' option ids, or unknown.
	Subjects []string
	Basis    catalog.Text
	// StaffBasis is the basis for the staff alone, where Basis covers
	// people outside too (meetings with clients); empty otherwise.
	StaffBasis catalog.Text
	// Special is the Art. 9 basis where the tool carries sensitive data
	// (or sick notes, for personnel matters); empty otherwise.
	Special catalog.Text
	// Retention is the legal duty to keep what the use brings (the use's
	// own, or the sector's files); empty where none applies.
	Retention catalog.Text
}

// TeamChat reports whether the tool has a team chat of its own beside its
// meetings (catalog.Tool.Chat): its team coordination is then an
// activity of its own, not its meetings.
func (t *Tool) TeamChat() bool { return t.Catalog != nil && t.Catalog.Chat }

// Gone reports whether the plan takes the tool away entirely: it stops it,
// or replaces it for the people outside and it has no use inside.
func (t *Tool) Gone() bool { return t.Lead != nil && (t.ReplaceAll() || !t.Inside) }

// KeptInside reports whether the plan replaces the tool for the people
// outside while it stays for its uses inside.
func (t *Tool) KeptInside() bool { return t.Lead != nil && !t.Gone() }

// ReplaceAll reports whether the tool goes entirely (stop using it), not
// only for the people the plan replaces it for (switch provider).
func (t *Tool) ReplaceAll() bool { return t.Lead != nil && t.Lead.Topic.Replaces == "all" }

// TransferNeed says whether data go to a third country.
type TransferNeed string

// Whether data go to a third country.
const (
	NoTransfer      TransferNeed = "no"
	Transfers       TransferNeed = "yes"
	TransferUnknown TransferNeed = "unknown"
)

// Transfer is the plan's verdict on a tool's transfers to third
// countries: where the data go and on which safeguard. The record of
// processing, the notice and the JSON plan render it; the rules on
// third-country transfers judge the same answers.
type Transfer struct {
	Need TransferNeed
	// Where are the hosting answer's values (usa, mixed, other, unknown),
	// and "subprocessors" where a provider in the EU passes data on.
	Where []string
	// Safeguard is the transfer_basis answer (dpf, scc, bcr, none), or dpf
	// where only the catalogue says the provider is certified
	// (FromCatalog), or unknown.
	Safeguard   string
	FromCatalog bool
	// DPF is the catalogue's fact on the provider's DPF certification, if
	// it has one.
	DPF *FactLine
	// Via is the open action that stops a transfer the answers do not
	// show (Where then names the country); nil otherwise.
	Via *Action
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
	// People: a duty that follows the people, not the tool; it stays when
	// the tool is replaced. Document: a task of documentation, never a
	// first step.
	People, Document bool
	transfer         string // catalog.ActionTemplate.Transfer
	// secrets, barsSecrets, ifKept: see catalog.ActionTemplate (any
	// merged rule; ifKept only while every merged rule says so).
	secrets, barsSecrets, ifKept bool
	holdsAI                      bool // catalog.ActionTemplate.HoldsAI
	// Pause: the action stops the tool until it is approved; what it
	// supersedes are the conditions for the approval.
	Pause bool
	// Policy is what the usage policy asks of staff while the action is
	// open (the target, not the current state); empty where it asks
	// nothing. PeoplePolicy are the lines of it from rules whose duty
	// follows the people: they stay while a replaced tool is wound down.
	Policy, PeoplePolicy catalog.Text
	// Interim is the channel meanwhile, where the action stops its tool
	// at once (catalog.ActionTemplate.Interim; the leading rule's).
	Interim catalog.Text
	// Erasures are the deletions the action sets for good, with the uses
	// whose record entries list them (catalog.ActionTemplate.Erasure).
	Erasures []Erasure
	// Conditional: in a quick check, the action rests on questions the
	// check did not ask (their answers count as unknown). It is not a duty
	// yet: it has no due date, is not counted and is never a first step.
	Conditional bool
	// Unasked are the questions not asked that it rests on.
	Unasked []*catalog.Question

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
func (a *Action) Open() bool { return a.Pending() && a.SupersededBy == nil && !a.Conditional }

// Pending reports whether the action still needs doing: it is neither done
// nor recorded as not applicable. Counts and traffic lights are of pending
// actions.
func (a *Action) Pending() bool {
	return a.Status != answers.StatusDone && a.Status != answers.StatusNotApplicable
}

// SecretsBarred reports whether the plan keeps health data and
// professional secrets out of tool t (an action still to do that bars
// them, catalog.ActionTemplate.BarsSecrets): what the tool keeps doing, it
// does without them.
func (p *Plan) SecretsBarred(t *Tool) bool {
	return slices.ContainsFunc(p.Actions, func(a *Action) bool {
		return a.Tool == t && a.barsSecrets && a.Pending() && !a.Conditional
	})
}

// HoldsAI reports whether the action keeps AI features locked while it
// is open (catalog.ActionTemplate.HoldsAI).
func (a *Action) HoldsAI() bool { return a.holdsAI }

// AIHeld reports whether the plan keeps tool t's AI features locked (an
// action still to do that holds them, catalog.ActionTemplate.HoldsAI, for
// this tool or for the organisation's tools it names).
func (p *Plan) AIHeld(t *Tool) bool {
	return slices.ContainsFunc(p.Actions, func(a *Action) bool {
		return a.holdsAI && a.Pending() && !a.Conditional && (a.Tool == t ||
			a.Tool == nil && slices.ContainsFunc(a.Triggers, func(tr catalog.Trigger) bool { return tr.ToolKey == t.Key }))
	})
}

// Part is a further point folded into an action on the same topic.
type Part struct {
	// Conditional: in a quick check, the point rests on questions not
	// asked (see Action.Conditional).
	Conditional bool
	Priority    catalog.Priority
	Title       catalog.Text
	Why         catalog.Text
	Triggers    []catalog.Trigger
	Rule        string
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

	// OptionalText are the organisation's free-text questions shown but
	// not answered (the details for the drafts): no open question of the
	// plan, but the wizard asks them.
	OptionalText []*catalog.Question

	words map[string]catalog.Text // Words, once per plan
	org   *scope                  // the organisation's answers, for norms limited to some (catalog.LegalRef.When)
}

// MaxFirstSteps is how many actions a plan's first steps name at most.
const MaxFirstSteps = 5

// Assess evaluates the answers against the catalogue.
func Assess(cat *catalog.Catalog, f *answers.File) *Plan {
	p := assess(cat, f, nil)
	if barred := p.barred(); len(barred) > 0 {
		// A tool the plan keeps secrets out of gets no action that would
		// ready it for them: assess again without those.
		p = assess(cat, f, barred)
	}
	return p
}

// barred are the keys of the tools with an action still to do that keeps
// secrets out of them (catalog.ActionTemplate.BarsSecrets) and with an
// action that would ready them for secrets.
func (p *Plan) barred() map[string]bool {
	bars, readies := map[*Tool]bool{}, map[*Tool]bool{}
	for _, a := range p.Actions {
		if a.Tool == nil {
			continue
		}
		if a.barsSecrets && a.Pending() && !a.Conditional {
			bars[a.Tool] = true
		}
		if a.secrets {
			readies[a.Tool] = true
		}
	}
	out := map[string]bool{}
	for t := range bars {
		if readies[t] {
			out[t.Key] = true
		}
	}
	return out
}

// assess evaluates the answers, leaving out the actions that ready the
// barred tools for secrets.
func assess(cat *catalog.Catalog, f *answers.File, barred map[string]bool) *Plan {
	p := &Plan{Catalog: cat, Lang: f.Lang, Assessment: f.Assessment, OrgCounts: map[catalog.Priority]int{}}
	org := &scope{plan: p, values: map[string][]string{}}
	p.org = org
	p.Context = org.answer(cat.QuestionsIn(catalog.ScopeContext), f.Context, f.Notes, nil)

	var scopes []*scope
	for _, ft := range f.Tools {
		t := newTool(cat, ft, f.Assessment.Date)
		s := &scope{plan: p, values: make(map[string][]string, 48), org: org, tool: t, facts: factValues(t)}
		t.Answers = s.answer(cat.QuestionsIn(catalog.ScopeTool), ft.Answers, ft.Notes, ft)
		t.Alternatives = p.alternatives(t)
		p.Tools = append(p.Tools, t)
		scopes = append(scopes, s)
	}
	org.tools = scopes

	merged := map[string]*Action{}
	var order []*Action
	quick := f.Assessment.Quick()
	emit := func(r *catalog.Rule, env *scope) {
		ok, triggers := cat.Eval(&r.When, env)
		if !ok {
			return
		}
		triggers = catalog.JoinTriggers(triggers)
		var unasked []*catalog.Question
		if quick {
			if ok, _ := cat.Eval(&r.When, definite{env}); !ok {
				unasked = env.unasked(triggers)
			}
		}
		for i := range r.Actions {
			tpl := &r.Actions[i]
			if tpl.Secrets && env.tool != nil && barred[env.tool.Key] {
				continue
			}
			a := p.newAction(r, tpl, env.tool, triggers)
			a.Conditional, a.Unasked = len(unasked) > 0, unasked
			if a.Conditional {
				a.Due = catalog.Date{}
			}
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
	for _, t := range p.Tools {
		t.Outward, t.Inside = outward(t), inside(t)
		t.Transfer = transfer(t)
		t.Activities = p.activities(t)
	}
	p.supersede()
	p.actionTransfers()
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
		if a.Tool != nil && lead[a.Tool] == nil && a.Priority == catalog.Critical && a.Pending() && !a.Conditional &&
			a.Topic.Replaces != "" {
			lead[a.Tool] = a
			a.Tool.Verdict = Replace
			a.Tool.Lead = a
			a.Tool.KeepUnlawful = p.keepUnlawful(a.Tool)
		}
	}
	for _, a := range p.Actions {
		// A duty that follows the people binds the successor too: it stays.
		// A tool replaced only for the people outside keeps the fixes its
		// uses inside need.
		l := lead[a.Tool]
		if l != nil && a != l && (a.Topic.IfKept || a.ifKept) && !a.People && a.Pending() && (a.Tool.Gone() || a.Topic.Outward) {
			a.SupersededBy = l
			l.IfKept = append(l.IfKept, a)
		}
	}
}

// keepUnlawful reports whether keeping a replaced tool for the people it
// is replaced for cannot be lawful: under professional secrecy, in health
// care and counselling, or with sensitive data in the tool.
func (p *Plan) keepUnlawful(t *Tool) bool {
	return answerIs(p.Context, "secrecy_203", "yes") || answerIs(p.Context, "sector", "health", "counselling") ||
		answerIs(t.Answers, "special_categories", "yes")
}

// answerIs reports whether the answer to question id in list is one of
// values (for a multiple choice: has one of them).
func answerIs(list []Answer, id string, values ...string) bool {
	for _, a := range list {
		if a.Question.ID == id {
			return slices.ContainsFunc(a.Values, func(v string) bool { return slices.Contains(values, v) })
		}
	}
	return false
}

// answerOf is the effective answer to question id in list, nil where it is
// not shown.
func answerOf(list []Answer, id string) []string {
	for _, a := range list {
		if a.Question.ID == id {
			return a.Values
		}
	}
	return nil
}

// inside reports whether the tool has a known use inside the organisation.
func inside(t *Tool) bool {
	for _, a := range t.Answers {
		if a.Question.ID != "used_for" {
			continue
		}
		for _, v := range a.Values {
			if o, ok := a.Question.Option(v); ok && !o.Outward && v != catalog.Unknown {
				return true
			}
		}
	}
	return false
}

// actionTransfers adds to a tool's transfer what an open action says goes
// abroad while it is open (a self-run server's default STUN service).
func (p *Plan) actionTransfers() {
	for _, a := range p.Actions {
		t := a.Tool
		if t == nil || a.transfer == "" || !a.Open() || t.Transfer.Need == Transfers {
			continue
		}
		t.Transfer = Transfer{Need: Transfers, Where: []string{a.transfer}, Safeguard: "none", DPF: t.Transfer.DPF, Via: a}
	}
}

// outward reports whether the tool's own use faces people outside the
// organisation: a use the catalogue marks outward, or one still unknown.
func outward(t *Tool) bool {
	for _, a := range t.Answers {
		if a.Question.ID != "used_for" {
			continue
		}
		for _, v := range a.Values {
			if o, ok := a.Question.Option(v); ok && (o.Outward || v == catalog.Unknown) {
				return true
			}
		}
		return false
	}
	return true // the use is not asked: assume the worse
}

// activities are the tool's uses as processing activities.
func (p *Plan) activities(t *Tool) []Activity {
	var sector catalog.Option
	for _, a := range p.Context {
		if a.Question.ID == "sector" && len(a.Values) == 1 {
			sector, _ = a.Question.Option(a.Values[0])
		}
	}
	special := answerIs(t.Answers, "special_categories", "yes")
	// In health care and counselling, contact with a patient or client
	// is itself health data: the very fact that someone is a patient.
	care := answerIs(p.Context, "sector", "health", "counselling")
	var out []Activity
	for _, a := range t.Answers {
		if a.Question.ID != "used_for" {
			continue
		}
		for _, v := range a.Values {
			o, ok := a.Question.Option(v)
			if !ok || v == catalog.Unknown {
				continue
			}
			// The team's coordination over a video tool is its meetings:
			// one activity, not two near the same – in the record, the
			// notice and the threshold check alike. A tool with a team
			// chat of its own (Teams) keeps the chat as its own activity.
			if v == "internal" && t.Kind == catalog.KindVideo && !t.TeamChat() && slices.Contains(a.Values, "meetings") {
				continue
			}
			act := Activity{Use: o, Basis: p.fillWords(o.Basis), Retention: o.Retention}
			if special || care && o.File || v == "staff_matters" && answerIs(t.Answers, "sick_notes", "yes") {
				act.Special = p.fillWords(o.BasisSpecial)
			}
			if act.Retention.DE == "" && o.File {
				act.Retention = p.fileRetention(sector)
			}
			// Meetings of a tool also used for contact with people outside
			// have them among the participants (a workshop with clients);
			// consultations and webinars with them are activities of their
			// own, and the meetings beside them the team's.
			outwardToo := v == "meetings" && slices.ContainsFunc(a.Values, func(x string) bool {
				ox, ok := a.Question.Option(x)
				return ok && ox.Outward && x != "consultations" && x != "webinars"
			}) && !slices.Contains(a.Values, "consultations")
			switch groups := answerOf(p.Context, "partner_groups"); {
			case outwardToo && len(groups) > 0:
				act.Subjects = append([]string{"staff"}, groups...)
				if o.BasisOutward.DE != "" {
					act.StaffBasis, act.Basis = act.Basis, p.fillWords(o.BasisOutward)
				}
			case !o.Outward:
				act.Subjects = []string{"staff"}
			case len(groups) > 0:
				act.Subjects = slices.Clone(groups)
			default:
				act.Subjects = []string{catalog.Unknown}
			}
			// On video, the staff who take part are seen and heard too.
			if o.Outward && t.Kind == catalog.KindVideo && !slices.Contains(act.Subjects, "staff") {
				act.Subjects = append(act.Subjects, "staff")
			}
			out = append(out, act)
		}
	}
	// Sick notes sent through the tool are personnel matters, whatever
	// else it is used for: an activity of their own.
	if answerIs(t.Answers, "sick_notes", "yes") && !slices.ContainsFunc(out, func(a Activity) bool { return a.Use.ID == "staff_matters" }) {
		if q := p.Catalog.Question("used_for"); q != nil {
			if o, ok := q.Option("staff_matters"); ok {
				out = append(out, Activity{Use: o, Subjects: []string{"staff"}, Basis: p.fillWords(o.Basis), Special: p.fillWords(o.BasisSpecial), Retention: o.Retention})
			}
		}
	}
	return out
}

// fileRetention is how long the client's file is kept: the profession's
// period where the answers name one profession, else the sector's.
func (p *Plan) fileRetention(sector catalog.Option) catalog.Text {
	for _, a := range p.Context {
		if a.Question.ID == "profession" && len(a.Values) == 1 {
			if o, ok := a.Question.Option(a.Values[0]); ok && o.Retention.DE != "" {
				return o.Retention
			}
		}
	}
	return sector.Retention
}

// transfer judges, from the tool's answers and the catalogue's DPF fact,
// whether its data leave the EU/EEA and on which safeguard.
func transfer(t *Tool) Transfer {
	var tr Transfer
	for i := range t.Facts {
		if t.Facts[i].Def.ID == "dpf" {
			tr.DPF = &t.Facts[i]
		}
	}
	hosting := answerOf(t.Answers, "hosting")
	switch {
	case len(hosting) == 0 || slices.Contains(hosting, catalog.Unknown):
		tr.Need, tr.Where = TransferUnknown, []string{catalog.Unknown}
	case slices.ContainsFunc(hosting, func(v string) bool { return v != "eu_eea" && v != "adequate" }):
		tr.Need, tr.Where = Transfers, slices.Clone(hosting)
	default:
		switch sub := answerOf(t.Answers, "non_eu_subprocessors"); {
		case slices.Contains(sub, "yes"):
			tr.Need, tr.Where = Transfers, []string{"subprocessors"}
		case slices.Contains(sub, catalog.Unknown):
			tr.Need, tr.Where = TransferUnknown, []string{"subprocessors"}
		default:
			tr.Need = NoTransfer
			return tr
		}
	}
	tr.Safeguard = catalog.Unknown
	if b := answerOf(t.Answers, "transfer_basis"); len(b) == 1 && b[0] != catalog.Unknown {
		tr.Safeguard = b[0]
	} else if tr.DPF != nil && tr.DPF.Fact.Value == "certified" {
		tr.Safeguard, tr.FromCatalog = "dpf", true
	}
	return tr
}

// firstSteps are the actions to start with: those still to do, the most
// urgent first; within a priority, stopping or replacing a tool before
// protecting data at risk, before what the law requires, before good
// practice (Topic.Group). A topic comes once per tool family; a tool
// being replaced is one step (its lead) – except sick notes, which are
// data at risk whatever happens to the tool; documentation tasks are
// never first steps. Critical sick-notes actions and the works council's
// consent are always among them where they fire.
func (p *Plan) firstSteps() []*Action {
	var open []*Action
	for _, a := range p.Actions {
		if a.Open() && !a.Document {
			open = append(open, a)
		}
	}
	slices.SortStableFunc(open, func(a, b *Action) int {
		if d := a.Priority.Rank() - b.Priority.Rank(); d != 0 {
			return d
		}
		return slices.Index(catalog.TopicGroups, a.Topic.Group) - slices.Index(catalog.TopicGroups, b.Topic.Group)
	})
	must := func(a *Action) bool {
		return a.Topic.ID == "sick-notes" && a.Priority == catalog.Critical || a.Topic.ID == "works-council"
	}
	var steps []*Action
	seen := map[string]bool{}
	for _, a := range open {
		if a.Tool != nil && a.Tool.Lead != nil && a != a.Tool.Lead && a.Topic.ID != "sick-notes" && !(a.People && a.Priority == catalog.Critical) {
			continue // replacing the tool is the step – but not a critical duty that outlives it
		}
		key := a.Topic.ID + "/" + family(a.Tool)
		if seen[key] {
			continue
		}
		seen[key] = true
		steps = append(steps, a)
	}
	if len(steps) <= MaxFirstSteps {
		return steps
	}
	chosen := slices.Clone(steps[:MaxFirstSteps])
	for _, a := range steps[MaxFirstSteps:] {
		// The works council is one step, however many tools it concerns.
		if !must(a) || slices.ContainsFunc(chosen, func(c *Action) bool { return c.Topic == a.Topic }) {
			continue
		}
		// Give it the place of the last step that is neither a must nor
		// critical.
		for i := len(chosen) - 1; i >= 0; i-- {
			if !must(chosen[i]) && chosen[i].Priority != catalog.Critical {
				chosen = slices.Delete(chosen, i, i+1)
				chosen = append(chosen, a)
				break
			}
		}
	}
	slices.SortStableFunc(chosen, func(a, b *Action) int { return slices.Index(steps, a) - slices.Index(steps, b) })
	return chosen
}

// family names the product a tool belongs to, for the first steps; "" for
// the organisation.
func family(t *Tool) string {
	switch {
	case t == nil:
		return ""
	case t.Catalog != nil && t.Catalog.Family != "":
		return t.Catalog.Family
	}
	return t.Key
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
	plan    *Plan
	values  map[string][]string // effective answers of shown questions
	missing map[string]bool     // shown questions the answers leave out
	facts   map[string][]string
	org     *scope   // for a tool: the organisation's scope
	tool    *Tool    // nil for the organisation
	tools   []*scope // for the organisation: every tool
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

// owner is the scope that answers q: the organisation's for its questions.
func (s *scope) owner(q *catalog.Question) *scope {
	if q.Scope == catalog.ScopeContext && s.org != nil {
		return s.org
	}
	return s
}

// unasked are the questions among the triggers that the answers leave
// out, each after the questions left out that decide whether it is asked
// ("is there a works council" before "how was it involved").
func (s *scope) unasked(trs []catalog.Trigger) []*catalog.Question {
	var out []*catalog.Question
	var add func(q *catalog.Question)
	add = func(q *catalog.Question) {
		if !s.owner(q).missing[q.ID] || slices.Contains(out, q) {
			return
		}
		if q.ShowIf != nil {
			for _, id := range q.ShowIf.Questions() {
				if up := s.plan.Catalog.Question(id); up != nil {
					add(up)
				}
			}
		}
		out = append(out, q)
	}
	for _, tr := range trs {
		if tr.Question != nil {
			add(tr.Question)
		}
	}
	return out
}

// definite is a scope without the answers that were never given: a rule
// that holds in the scope but not here rests on questions not asked.
type definite struct{ s *scope }

func (d definite) Answer(q *catalog.Question) ([]string, bool) {
	if d.s.owner(q).missing[q.ID] {
		return nil, false
	}
	return d.s.Answer(q)
}

func (d definite) Fact(id string) ([]string, bool) { return d.s.Fact(id) }
func (d definite) Kind() catalog.Kind              { return d.s.Kind() }
func (d definite) ToolID() string                  { return d.s.ToolID() }
func (d definite) ToolKey() string                 { return d.s.ToolKey() }

func (d definite) Tools() []catalog.Env {
	envs := make([]catalog.Env, len(d.s.tools))
	for i, t := range d.s.tools {
		envs[i] = definite{t}
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
			// Optional free text: no open question, but the wizard asks it.
			if s.tool == nil {
				s.plan.OptionalText = append(s.plan.OptionalText, q)
			}
			continue
		default:
			a.Values, a.Origin = unknownValues, Missing
			if s.missing == nil {
				s.missing = map[string]bool{}
			}
			s.missing[q.ID] = true
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
	if p.words == nil {
		p.words = p.Words()
	}
	words := p.words
	subst := func(x catalog.Text) catalog.Text {
		one := func(s, tool string, l catalog.Lang) string {
			if strings.Contains(s, "{e2e}") {
				// What end-to-end encryption costs in this tool, as its
				// fact says: "Teams: only with Teams Premium, …".
				e2e := ""
				if d := factDetail(t, "e2e", l); d != "" {
					e2e = tool + ": " + strings.TrimSuffix(d, ".") + "."
				}
				s = strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(s, "{e2e}", e2e), "  ", " "))
			}
			if strings.Contains(s, "{ai}") {
				// The tool's AI features as its catalogue fact describes
				// them (name, switch, default): a sentence, or nothing.
				s = strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(s, "{ai}", aiText(t, l)), "  ", " "))
			}
			if strings.Contains(s, "{tools}") {
				s = strings.ReplaceAll(s, "{tools}", p.triggerTools(triggers, l))
			}
			return fill(s, tool, words, l)
		}
		return catalog.Text{DE: one(x.DE, name.DE, catalog.DE), EN: one(x.EN, name.EN, catalog.EN)}
	}
	a.Title = subst(tpl.Title)
	a.Why = subst(tpl.Why)
	a.People, a.Document, a.transfer, a.Pause = tpl.People, tpl.Document, tpl.Transfer, tpl.Pause
	a.secrets, a.barsSecrets, a.ifKept, a.holdsAI = tpl.Secrets, tpl.BarsSecrets, tpl.IfKept, tpl.HoldsAI
	if tpl.Interim.DE != "" {
		a.Interim = subst(tpl.Interim)
	}
	if tpl.Erasure.DE != "" {
		a.Erasures = []Erasure{{Text: subst(tpl.Erasure), For: tpl.ErasureFor}}
	}
	if tpl.Policy.DE != "" {
		a.Policy = subst(tpl.Policy)
		if tpl.People {
			a.PeoplePolicy = a.Policy
		}
	}
	a.Triggers = triggers
	for _, id := range tpl.Legal {
		l := cat.LegalRef(id)
		if l.When != nil && p.org != nil {
			if ok, _ := cat.Eval(l.When, p.org); !ok {
				continue // another profession's law
			}
		}
		a.Legal = append(a.Legal, l)
	}
	for _, s := range tpl.Sources {
		a.Sources = append(a.Sources, cat.Source(s))
	}
	// A researched fact that triggers the action – itself or as the
	// prefilled answer to a question – is cited with the source it was
	// read in: the rule's sources are general, the fact's are the tool's.
	// A fact the text quotes ({ai}, {e2e}) is cited with its source too.
	fromText := factSources(t, triggers)
	for _, fact := range []string{"ai", "e2e"} {
		if t != nil && strings.Contains(tpl.Why.DE, "{"+fact+"}") {
			for _, f := range t.Facts {
				if f.Def.ID == fact {
					fromText = append(fromText, f.Fact.Source...)
				}
			}
		}
	}
	for _, id := range fromText {
		if s := cat.Source(id); s != nil && !slices.Contains(a.Sources, s) {
			a.Sources = append(a.Sources, s)
		}
	}
	if d := tpl.Priority.DueDays(); d >= 0 {
		a.Due = catalog.Date{Time: p.Assessment.Date.AddDate(0, 0, d)}
	}
	return a
}

// triggerTools names the tools the triggers concern, in plan order ("Zoom
// und Microsoft Teams"), or the tools in general where none does.
func (p *Plan) triggerTools(triggers []catalog.Trigger, l catalog.Lang) string {
	var names []string
	for _, t := range p.Tools {
		if slices.ContainsFunc(triggers, func(tr catalog.Trigger) bool { return tr.ToolKey == t.Key }) {
			names = append(names, t.Name.In(l))
		}
	}
	and := map[catalog.Lang]string{catalog.DE: " und ", catalog.EN: " and "}[l]
	switch len(names) {
	case 0:
		return map[catalog.Lang]string{catalog.DE: "die Werkzeuge", catalog.EN: "the tools"}[l]
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + and + names[len(names)-1]
}

// aiText is the detail of the tool's ai fact in language l, or "".
func aiText(t *Tool, l catalog.Lang) string { return factDetail(t, "ai", l) }

// factDetail is the detail of tool t's fact id in language l, or "".
func factDetail(t *Tool, id string, l catalog.Lang) string {
	if t == nil {
		return ""
	}
	for _, f := range t.Facts {
		if f.Def.ID == id {
			return f.Fact.Detail.In(l)
		}
	}
	return ""
}

// Words are the texts for the placeholders of rule texts ({clients},
// {client}) that the organisation's answer to the sector question gives.
// Besides the sector's, the yes/no questions about the organisation give
// words of their own (says): a sentence on the works council fits whether
// there is one, none, or nobody knows.
func (p *Plan) Words() map[string]catalog.Text {
	words := maps.Clone(p.sector().Words)
	if words == nil {
		words = map[string]catalog.Text{}
	}
	for _, q := range p.Catalog.QuestionsIn(catalog.ScopeContext) {
		if q.Says == nil {
			continue
		}
		ans := catalog.Unknown // a choice not asked: as if unknown
		if q.Type == catalog.YesNo {
			ans = catalog.No // a question not asked: there is none (no works council for a sole trader)
		}
		if v := answerOf(p.Context, q.ID); len(v) == 1 {
			ans = v[0]
		}
		maps.Copy(words, q.Says[ans])
	}
	return words
}

// sector is the option the organisation chose for the sector question
// (unknown while it did not).
func (p *Plan) sector() catalog.Option {
	for _, a := range p.Context {
		if a.Question.ID == catalog.WordsQuestion && len(a.Values) == 1 {
			if o, ok := a.Question.Option(a.Values[0]); ok {
				return o
			}
		}
	}
	if q := p.Catalog.Question(catalog.WordsQuestion); q != nil {
		if o, ok := q.Option(catalog.Unknown); ok {
			return o
		}
	}
	return catalog.Option{}
}

// alternatives are the tools the plan offers instead of t: those the
// sector names for its kind (a practice gets certified video services and
// the TI-Messenger, not general tools), else the tool's own.
func (p *Plan) alternatives(t *Tool) []*catalog.Tool {
	ids := p.sector().Alternatives[t.Kind]
	if ids == nil && t.Catalog != nil {
		ids = t.Catalog.Alternatives
	}
	var out []*catalog.Tool
	for _, id := range ids {
		if ct := p.Catalog.Tool(id); ct != nil && (t.Catalog == nil || ct.ID != t.Catalog.ID) {
			out = append(out, ct)
		}
	}
	return out
}

// factSources are the sources of the facts of t that triggers name, or
// that answered a question they name.
func factSources(t *Tool, triggers []catalog.Trigger) []string {
	if t == nil {
		return nil
	}
	var out []string
	for _, tr := range triggers {
		if tr.ToolKey != t.Key {
			continue
		}
		fact := tr.Fact
		if fact == "" && tr.Question != nil && tr.Question.Prefill != "" {
			if i := slices.IndexFunc(t.Answers, func(a Answer) bool { return a.Question == tr.Question }); i >= 0 && t.Answers[i].Origin == FromFact {
				fact = tr.Question.Prefill
			}
		}
		for _, f := range t.Facts {
			if fact != "" && f.Def.ID == fact {
				out = append(out, f.Fact.Source...)
			}
		}
	}
	return out
}

// fillWords puts the organisation's words ({contract}) into a catalogue
// text that names no tool.
func (p *Plan) fillWords(x catalog.Text) catalog.Text {
	w := p.Words()
	return catalog.Text{DE: fill(x.DE, "", w, catalog.DE), EN: fill(x.EN, "", w, catalog.EN)}
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
			if v == "" { // a sentence that does not apply: no gap where it was
				s = strings.TrimSpace(strings.TrimRight(s[:i], " ") + " " + strings.TrimLeft(s[i+len(ph):], " "))
				continue
			}
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

// Erasure is a deletion an action sets, for the record of the uses For.
type Erasure struct {
	Text catalog.Text
	For  []string
}

// joinPolicy joins two lines of the usage policy, the leading one first.
func joinPolicy(a, b catalog.Text, bLeads bool) catalog.Text {
	switch {
	case b.DE == "" || a == b:
		return a
	case a.DE == "":
		return b
	case bLeads:
		a, b = b, a
	}
	// A line two rules share ("record only with everyone's agreement")
	// is said once.
	join := func(x, y string) string {
		parts := strings.Split(x, "; ")
		for _, p := range strings.Split(y, "; ") {
			if !slices.Contains(parts, p) {
				parts = append(parts, p)
			}
		}
		return strings.Join(parts, "; ")
	}
	return catalog.Text{DE: join(a.DE, b.DE), EN: join(a.EN, b.EN)}
}

// merge folds another action on the same topic and tool into this one:
// the more urgent one leads, the reasons and references are combined.
func (a *Action) merge(b *Action) {
	part := func(x *Action) Part {
		return Part{Conditional: x.Conditional, Priority: x.Priority, Title: x.Title, Why: x.Why, Triggers: x.Triggers, Rule: x.Rules[0]}
	}
	aPart := part(a) // before a changes below
	bLeads := b.Priority.Rank() < a.Priority.Rank()
	if a.Conditional != b.Conditional { // a duty leads what may not be one
		bLeads = a.Conditional
	}
	a.People = a.People || b.People
	a.secrets, a.barsSecrets = a.secrets || b.secrets, a.barsSecrets || b.barsSecrets
	a.holdsAI = a.holdsAI || b.holdsAI
	if a.Interim.DE == "" || bLeads && b.Interim.DE != "" {
		a.Interim = b.Interim
	}
	for _, e := range b.Erasures {
		if !slices.ContainsFunc(a.Erasures, func(x Erasure) bool { return x.Text == e.Text }) {
			a.Erasures = append(a.Erasures, e)
		}
	}
	a.ifKept = a.ifKept && b.ifKept
	if a.transfer == "" {
		a.transfer = b.transfer
	}
	a.Document = a.Document && b.Document
	// Every rule merged into the action keeps its line in the usage
	// policy (the leading one first) – except one that may not apply,
	// next to a duty.
	if !b.Conditional || a.Conditional {
		a.Policy = joinPolicy(a.Policy, b.Policy, bLeads)
		a.PeoplePolicy = joinPolicy(a.PeoplePolicy, b.PeoplePolicy, bLeads)
	}
	if a.Conditional = a.Conditional && b.Conditional; a.Conditional {
		for _, q := range b.Unasked {
			if !slices.Contains(a.Unasked, q) {
				a.Unasked = append(a.Unasked, q)
			}
		}
	} else {
		a.Unasked = nil
	}
	switch {
	case a.Title == b.Title: // the same point from another rule: one action
		lead, other := a, b
		if bLeads {
			a.Priority, a.Due, a.Why = b.Priority, b.Due, b.Why
			lead, other = b, a
		}
		a.Triggers = mergeTriggers(lead.Triggers, other.Triggers)
		a.Rules = append(slices.Clone(lead.Rules), other.Rules...)
	case bLeads:
		lead := aPart
		a.Priority, a.Title, a.Due, a.Why, a.Triggers = b.Priority, b.Title, b.Due, b.Why, b.Triggers
		a.Also = append([]Part{lead}, a.Also...)
		a.Rules = append(slices.Clone(b.Rules), a.Rules...)
	default:
		// after the parts at least as urgent
		i := len(a.Also)
		for i > 0 && a.Also[i-1].Priority.Rank() > b.Priority.Rank() {
			i--
		}
		a.Also = slices.Insert(a.Also, i, part(b))
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

// mergeTriggers are the triggers of both, each once.
func mergeTriggers(a, b []catalog.Trigger) []catalog.Trigger {
	out := slices.Clone(a)
	for _, t := range b {
		if !slices.ContainsFunc(out, func(x catalog.Trigger) bool {
			return x.Question == t.Question && x.Fact == t.Fact && x.ToolKey == t.ToolKey && slices.Equal(x.Values, t.Values)
		}) {
			out = append(out, t)
		}
	}
	return out
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
