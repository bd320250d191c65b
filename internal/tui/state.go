// Package tui is konform's interactive wizard. It only collects answers
// and shows what the engine returns; every decision about which question
// applies and what follows is made by internal/assess.
package tui

import (
	"slices"
	"strings"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
)

// state is everything the user has said so far. Answers to questions that
// are hidden by later changes stay here, so they come back if the user
// changes the answer back; they are left out of the plan.
type state struct {
	lang         catalog.Lang
	org          string
	assessor     string
	participants []string
	date         catalog.Date
	review       catalog.Date // the day of review the file records; zero for the default
	ctx          map[string]answers.Value
	ctxNotes     map[string]string
	tools        []*answers.Tool                // chosen, in order
	stash        map[string]*answers.Tool       // answers of tools chosen earlier, by key
	actions      map[string]answers.ActionState // recorded status, owner, due of actions
	quick        bool                           // a quick check: only the catalogue's quick questions
	completing   bool                           // a quick check being completed: still quick in the file until every question is answered
}

func newState(lang catalog.Lang, date catalog.Date) *state {
	return &state{lang: lang, date: date, ctx: map[string]answers.Value{}, ctxNotes: map[string]string{}, stash: map[string]*answers.Tool{}}
}

func fromFile(f *answers.File) *state {
	s := &state{lang: f.Lang, org: f.Assessment.Organisation, assessor: f.Assessment.Assessor,
		participants: f.Assessment.Participants, date: f.Assessment.Date, review: f.Assessment.Review, ctx: f.Context, ctxNotes: f.Notes,
		tools: f.Tools, stash: map[string]*answers.Tool{}, actions: f.Actions, quick: f.Assessment.Quick()}
	if s.ctx == nil {
		s.ctx = map[string]answers.Value{}
	}
	if s.ctxNotes == nil {
		s.ctxNotes = map[string]string{}
	}
	return s
}

// file is the answers file with every answer given, hidden ones included,
// and the records of actions of the organisation and the chosen tools (the
// records of a tool no longer chosen stay in the state, like its answers,
// and come back with it).
func (s *state) file() *answers.File {
	f := &answers.File{Lang: s.lang, Assessment: answers.Assessment{Organisation: s.org, Assessor: s.assessor,
		Date: s.date, Participants: s.participants, Review: s.review}, Context: s.ctx, Notes: s.ctxNotes, Tools: s.tools}
	if s.quick || s.completing {
		f.Assessment.Check = answers.CheckQuick
	}
	keys := map[string]bool{"organisation": true}
	for _, t := range s.tools {
		keys[t.Key()] = true
	}
	for id, st := range s.actions {
		if _, key, _ := strings.Cut(id, "/"); keys[key] {
			if f.Actions == nil {
				f.Actions = map[string]answers.ActionState{}
			}
			f.Actions[id] = st
		}
	}
	return f
}

// exportFile is the answers file with only the answers the plan uses.
func (s *state) exportFile(p *assess.Plan) *answers.File {
	f := s.file()
	keep := func(list []assess.Answer, given map[string]answers.Value, notes map[string]string) (map[string]answers.Value, map[string]string) {
		vals, ns := map[string]answers.Value{}, map[string]string{}
		for _, a := range list {
			if v, ok := given[a.Question.ID]; ok {
				vals[a.Question.ID] = answers.Value{Items: v.Items}
			}
			if n, ok := notes[a.Question.ID]; ok {
				ns[a.Question.ID] = n
			}
		}
		return vals, ns
	}
	f.Context, f.Notes = keep(p.Context, s.ctx, s.ctxNotes)
	f.Tools = nil
	for i, t := range s.tools {
		c := *t
		c.Answers, c.Notes = keep(p.Tools[i].Answers, t.Answers, t.Notes)
		f.Tools = append(f.Tools, &c)
	}
	return f
}

func (s *state) tool(key string) *answers.Tool {
	for _, t := range s.tools {
		if t.Key() == key {
			return t
		}
	}
	return nil
}

// setTools makes ids the chosen tools, keeping the answers of tools that
// stay and stashing those of tools that go.
func (s *state) setTools(cat *catalog.Catalog, ids []string) {
	var next []*answers.Tool
	for _, id := range ids {
		var t *answers.Tool
		for _, old := range s.tools {
			if old.ID == id {
				t = old
			}
		}
		if t == nil {
			t = s.stash[id]
		}
		if t == nil {
			ct := cat.Tool(id)
			t = &answers.Tool{ID: id, Kind: ct.Kind, Answers: map[string]answers.Value{}, Notes: map[string]string{}}
			if ct.Custom {
				t.Facts = map[string]answers.Value{}
			}
		}
		next = append(next, t)
	}
	for _, old := range s.tools {
		if !slices.Contains(ids, old.ID) {
			s.stash[old.ID] = old
		}
	}
	s.tools = next
}

func (s *state) toolIDs() []string {
	ids := make([]string, len(s.tools))
	for i, t := range s.tools {
		ids[i] = t.ID
	}
	return ids
}

// answers returns the answer map and notes of a scope: the organisation
// for key "", a tool otherwise.
func (s *state) scope(key string) (map[string]answers.Value, map[string]string) {
	if key == "" {
		return s.ctx, s.ctxNotes
	}
	t := s.tool(key)
	if t == nil {
		return map[string]answers.Value{}, map[string]string{}
	}
	return t.Answers, t.Notes
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// stepKind is what a step of the walk asks for.
type stepKind int

const (
	stepAssessment stepKind = iota
	stepQuestion
	stepTools
	stepOther // name, kind and facts of the custom tool
	stepFacts // a tool's catalogue facts, to confirm
	stepReview
)

// step is one screen of the walk.
type step struct {
	kind stepKind
	tool string // tool key; "" for the organisation
	q    *catalog.Question
}

func (a step) same(b step) bool { return a.kind == b.kind && a.tool == b.tool && a.q == b.q }

// steps lays out the walk for the answers given so far: the questions the
// engine shows, in order. A quick check asks only the quick ones, and not
// those the catalogue answers (the tool's fact sheet shows them).
func steps(cat *catalog.Catalog, s *state) ([]step, *assess.Plan) {
	p := assess.Assess(cat, s.file())
	asked := func(a assess.Answer) bool { return !s.quick || cat.Quick(a.Question) && a.Origin != assess.FromFact }
	out := []step{{kind: stepAssessment}}
	// The questions of areas asked after the tools (catalog.Area.AfterTools),
	// answered or optional free text still open, in the catalogue's order.
	var last []step
	after := map[*catalog.Question]bool{}
	for _, a := range p.Context {
		if !asked(a) {
			continue
		}
		if ar := cat.Area(a.Question.Area); ar != nil && ar.AfterTools {
			after[a.Question] = true
			continue
		}
		out = append(out, step{kind: stepQuestion, q: a.Question})
	}
	if !s.quick {
		for _, q := range p.OptionalText {
			after[q] = true
		}
	}
	for _, q := range cat.QuestionsIn(catalog.ScopeContext) {
		if after[q] {
			last = append(last, step{kind: stepQuestion, q: q})
		}
	}
	out = append(out, step{kind: stepTools})
	for i, t := range s.tools {
		key := t.Key()
		if cat.Tool(t.ID).Custom {
			out = append(out, step{kind: stepOther, tool: key})
		}
		out = append(out, step{kind: stepFacts, tool: key})
		for _, a := range p.Tools[i].Answers {
			if asked(a) {
				out = append(out, step{kind: stepQuestion, tool: key, q: a.Question})
			}
		}
	}
	out = append(out, last...)
	out = append(out, step{kind: stepReview})
	// A completion is a full check once it has asked everything.
	if s.completing && firstOpen(s, out) == len(out)-1 {
		s.completing = false
	}
	return out, p
}

// setCheck applies the kind of check asked for (answers.CheckQuick or
// CheckFull). A quick check completed into a full one stays a quick check
// in the file until the completion has asked every question: a user who
// starts it and stops at once still has a quick check.
func (s *state) setCheck(check string) {
	was := s.quick || s.completing
	s.quick = check == answers.CheckQuick
	s.completing = was && !s.quick
}

// nextOpen is the first question from step from on that has no answer
// yet, or the review.
func nextOpen(s *state, all []step, from int) int {
	for i := from; i < len(all); i++ {
		st := all[i]
		if st.kind != stepQuestion {
			continue
		}
		if vals, _ := s.scope(st.tool); len(vals[st.q.ID].Items) == 0 {
			return i // optional free text left empty is asked once, going forward
		}
	}
	return len(all) - 1
}

// firstOpen is the first step still to do: where a resumed session goes on.
func firstOpen(s *state, all []step) int {
	if s.org == "" {
		return 0
	}
	for i, st := range all {
		switch st.kind {
		case stepTools:
			if len(s.tools) == 0 {
				return i
			}
		case stepQuestion:
			if st.q.Type == catalog.FreeText {
				continue // optional: left empty is an answer too
			}
			vals, _ := s.scope(st.tool)
			if _, ok := vals[st.q.ID]; !ok {
				return i
			}
		}
	}
	return len(all) - 1
}
