package report

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/i18n"
)

// JSONFormat identifies the JSON plan format.
const JSONFormat = "konform/plan/v1"

// The JSON plan (konform/plan/v1); field order is the output order.
type jsonPlan struct {
	Format       string         `json:"format"`
	Lang         catalog.Lang   `json:"lang"`
	Organisation string         `json:"organisation"`
	Assessor     string         `json:"assessor"`
	Date         string         `json:"date"`
	Participants []string       `json:"participants"`
	Check        string         `json:"check"`
	Tools        []jsonTool     `json:"tools"`
	Overall      jsonOverall    `json:"organisation_wide"`
	Actions      []jsonAction   `json:"actions"`
	Open         []jsonOpen     `json:"open_questions"`
	Sources      []jsonSource   `json:"sources"`
	Disclaimer   string         `json:"disclaimer"`
	Counts       map[string]int `json:"counts"`
	FirstSteps   []string       `json:"first_steps"`
}

type jsonTool struct {
	Key     string         `json:"key"`
	Tool    string         `json:"tool"`
	Name    string         `json:"name"`
	Kind    catalog.Kind   `json:"kind"`
	Light   assess.Light   `json:"light"`
	Verdict assess.Verdict `json:"verdict,omitempty"`
	Counts  map[string]int `json:"counts"`
	// Outward: the tool's own use faces people outside the organisation.
	Outward bool `json:"outward"`
	// Replace is "all" (stop using it) or "clients" (replace it for the
	// people outside) where the verdict is replace; ReplaceFrom the day.
	Replace     string        `json:"replace,omitempty"`
	ReplaceFrom *string       `json:"replace_from,omitempty"`
	Transfer    *jsonTransfer `json:"transfer,omitempty"`
	// Activities are the tool's processing activities: one per use.
	Activities []jsonActivity `json:"activities"`
	// Alternatives are the catalogue ids of the tools proposed instead.
	Alternatives []string `json:"alternatives"`
}

type jsonActivity struct {
	Use       string   `json:"use"`
	Purpose   string   `json:"purpose"`
	Subjects  []string `json:"subjects"`
	Basis     string   `json:"basis"`
	Special   string   `json:"basis_special,omitempty"`
	Retention string   `json:"retention,omitempty"`
}

// jsonTransfer is the plan's verdict on a tool's third-country transfer.
type jsonTransfer struct {
	Need        assess.TransferNeed `json:"need"`
	Where       []string            `json:"where,omitempty"`
	Safeguard   string              `json:"safeguard,omitempty"`
	FromCatalog bool                `json:"safeguard_from_catalog,omitempty"`
	DPF         *jsonFact           `json:"dpf,omitempty"`
}

type jsonFact struct {
	Value   string   `json:"value"`
	AsOf    string   `json:"as_of"`
	Sources []string `json:"sources"`
}

type jsonOverall struct {
	Light  assess.Light   `json:"light"`
	Counts map[string]int `json:"counts"`
}

type jsonAction struct {
	ID       string        `json:"id"`
	Topic    string        `json:"topic"`
	Priority string        `json:"priority"`
	Tool     *string       `json:"tool"`
	Due      *string       `json:"due"`
	Title    string        `json:"title"`
	Why      string        `json:"why"`
	Triggers []jsonTrigger `json:"triggers"`
	Also     []jsonPart    `json:"also"`
	Legal    []jsonLegal   `json:"legal"`
	Sources  []string      `json:"sources"`
	Rules    []string      `json:"rules"`
	Status   string        `json:"status"`
	Owner    *string       `json:"owner"`
	Reason   *string       `json:"reason"`
	DueSet   bool          `json:"due_agreed"`
	// SupersededBy is the id of the action that says to stop using or
	// replace the tool, when this one only matters if the tool is kept.
	SupersededBy *string `json:"superseded_by"`
	// Conditional: a quick check did not ask the questions it rests on
	// (Unasked); it is not a duty yet and has no due date.
	Conditional bool     `json:"conditional,omitempty"`
	Unasked     []string `json:"unasked,omitempty"`
	// Policy is the line the usage policy draft takes from the action.
	Policy string `json:"policy,omitempty"`
}

type jsonPart struct {
	Conditional bool          `json:"conditional,omitempty"`
	Priority    string        `json:"priority"`
	Title       string        `json:"title"`
	Why         string        `json:"why"`
	Triggers    []jsonTrigger `json:"triggers"`
	Rule        string        `json:"rule"`
}

func triggers(trs []catalog.Trigger) []jsonTrigger {
	out := []jsonTrigger{}
	for _, tr := range trs {
		jt := jsonTrigger{Tool: strPtr(tr.ToolKey), Fact: tr.Fact, Values: tr.Values}
		if tr.Question != nil {
			jt.Question = tr.Question.ID
		}
		out = append(out, jt)
	}
	return out
}

type jsonTrigger struct {
	Tool     *string  `json:"tool"`
	Question string   `json:"question,omitempty"`
	Fact     string   `json:"fact,omitempty"`
	Values   []string `json:"values"`
}

type jsonLegal struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

type jsonOpen struct {
	Tool       *string `json:"tool"`
	Question   string  `json:"question"`
	Title      string  `json:"title"`
	Answered   bool    `json:"answered"`
	Assumption string  `json:"assumption"`
	Note       string  `json:"note"`
}

type jsonSource struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	By    string `json:"by"`
	Date  string `json:"date"`
	URL   string `json:"url,omitempty"`
	Read  string `json:"read,omitempty"`
}

func counts(m map[catalog.Priority]int) map[string]int {
	out := map[string]int{}
	for _, p := range catalog.Priorities {
		out[string(p)] = m[p]
	}
	return out
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// check names the kind of assessment as the JSON plan writes it.
func check(a answers.Assessment) string {
	if a.Quick() {
		return answers.CheckQuick
	}
	return answers.CheckFull
}

// JSON renders the plan as konform/plan/v1 in language l.
func JSON(p *assess.Plan, l catalog.Lang) []byte {
	a := p.Assessment
	out := jsonPlan{
		Format: JSONFormat, Lang: l, Organisation: a.Organisation, Assessor: a.Assessor,
		Date: a.Date.String(), Participants: a.Participants, Check: check(a),
		Overall:    jsonOverall{Light: p.OrgLight(), Counts: counts(p.OrgCounts)},
		Tools:      []jsonTool{},
		Actions:    []jsonAction{},
		Open:       []jsonOpen{},
		Sources:    []jsonSource{},
		Disclaimer: i18n.T(l, "plan.disclaimer"),
		FirstSteps: []string{},
	}
	for _, a := range p.FirstSteps {
		out.FirstSteps = append(out.FirstSteps, a.ID)
	}
	if out.Participants == nil {
		out.Participants = []string{}
	}
	total := map[catalog.Priority]int{}
	for _, t := range p.Tools {
		jt := jsonTool{Key: t.Key, Tool: t.Catalog.ID, Name: t.Name.In(l), Kind: t.Kind, Light: t.Light, Verdict: t.Verdict, Counts: counts(t.Counts), Outward: t.Outward}
		if t.Lead != nil {
			jt.Replace = "clients"
			if t.ReplaceAll() {
				jt.Replace = "all"
			}
			jt.ReplaceFrom = strPtr(t.Lead.Due.String())
		}
		if tr := t.Transfer; tr.Need != "" {
			jt.Transfer = &jsonTransfer{Need: tr.Need, Where: tr.Where, Safeguard: tr.Safeguard, FromCatalog: tr.FromCatalog}
			if tr.DPF != nil {
				jt.Transfer.DPF = &jsonFact{Value: tr.DPF.Fact.Value, AsOf: tr.DPF.Fact.AsOf.String(), Sources: tr.DPF.Fact.Source}
			}
		}
		jt.Activities = []jsonActivity{}
		jt.Alternatives = []string{}
		for _, at := range t.Alternatives {
			jt.Alternatives = append(jt.Alternatives, at.ID)
		}
		for _, a := range t.Activities {
			jt.Activities = append(jt.Activities, jsonActivity{Use: a.Use.ID, Purpose: a.Use.Label.In(l), Subjects: a.Subjects,
				Basis: a.Basis.In(l), Special: a.Special.In(l), Retention: a.Retention.In(l)})
		}
		out.Tools = append(out.Tools, jt)
	}
	for _, x := range p.Actions {
		if x.Open() {
			total[x.Priority]++
		}
		ja := jsonAction{ID: x.ID, Topic: x.Topic.ID, Priority: string(x.Priority), Title: x.Title.In(l), Why: x.Why.In(l),
			Triggers: triggers(x.Triggers), Also: []jsonPart{}, Legal: []jsonLegal{}, Sources: sourceIDs(x.Sources), Rules: x.Rules,
			Status: x.Status, Owner: strPtr(x.Owner), Reason: strPtr(x.Reason), DueSet: x.DueSet,
			Conditional: x.Conditional, Policy: x.Policy.In(l)}
		for _, q := range x.Unasked {
			ja.Unasked = append(ja.Unasked, q.ID)
		}
		for _, pt := range x.Also {
			ja.Also = append(ja.Also, jsonPart{Conditional: pt.Conditional, Priority: string(pt.Priority), Title: pt.Title.In(l), Why: pt.Why.In(l), Triggers: triggers(pt.Triggers), Rule: pt.Rule})
		}
		if x.Tool != nil {
			ja.Tool = &x.Tool.Key
		}
		if x.SupersededBy != nil {
			ja.SupersededBy = &x.SupersededBy.ID
		}
		if !x.Due.IsZero() {
			ja.Due = strPtr(x.Due.String())
		}
		for _, lr := range x.Legal {
			ja.Legal = append(ja.Legal, jsonLegal{ID: lr.ID, Label: lr.Label.In(l)})
		}
		out.Actions = append(out.Actions, ja)
	}
	out.Counts = counts(total)
	for _, o := range p.Open {
		jo := jsonOpen{Question: o.Answer.Question.ID, Title: o.Answer.Question.Title.In(l),
			Answered: o.Answer.Origin != assess.Missing, Assumption: o.Answer.Question.Assume.In(l), Note: o.Answer.Note}
		if o.Tool != nil {
			jo.Tool = &o.Tool.Key
		}
		out.Open = append(out.Open, jo)
	}
	for _, s := range p.Sources() {
		out.Sources = append(out.Sources, jsonSource{ID: s.ID, Title: s.Title, By: s.Publisher(l), Date: s.Date, URL: s.URL, Read: s.Read})
	}
	return EncodeJSON(out)
}

// EncodeJSON writes konform's JSON: indented, with <, > and & as they are.
// It takes plain data (strings, numbers, slices, maps), which cannot fail
// to encode.
func EncodeJSON(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		panic(fmt.Sprintf("konform: encoding JSON: %v", err))
	}
	return b.Bytes()
}
