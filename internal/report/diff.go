package report

import (
	"fmt"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
)

// DiffMarkdown renders the progress between two assessments as a report a
// consultant can hand over after the second workshop.
func DiffMarkdown(d *assess.Diff, l catalog.Lang) []byte {
	r := &mdRenderer{p: d.New, l: l, srcNo: map[string]int{}}
	oldA, newA := d.Old.Assessment, d.New.Assessment
	r.heading(1, fmt.Sprintf("%s: %s", r.t("diff.title"), Escape(newA.Organisation)))
	r.line("- **%s:** %s → %s", r.t("diff.dates"), oldA.Date, newA.Date)
	if !d.SameOrganisation() {
		r.line("- **%s:** %s", r.t("diff.warning"), fmt.Sprintf(r.t("diff.otherorg"), Escape(oldA.Organisation), Escape(newA.Organisation)))
	}
	r.para("")
	if d.Empty() {
		r.para(r.t("diff.nochange"))
		r.para("")
		return r.b.Bytes()
	}

	r.heading(2, r.t("diff.lights"))
	r.row(r.t("plan.tool"), oldA.Date.String(), newA.Date.String())
	r.para("| --- | --- | --- |")
	light := func(x assess.Light) string {
		if x == "" {
			return "–"
		}
		return r.t("light." + string(x))
	}
	for _, lc := range d.Lights {
		name := r.t("plan.orgrow")
		if lc.Key != "organisation" {
			name = r.text(lc.Name)
		}
		r.row(name, light(lc.Old), light(lc.New))
	}
	r.para("")

	list := func(title string, n int, each func(i int)) {
		r.heading(2, fmt.Sprintf("%s (%d)", r.t(title), n))
		if n == 0 {
			r.para(r.t("diff.none"))
			r.para("")
			return
		}
		for i := range n {
			each(i)
		}
		r.para("")
	}
	head := func(a *assess.Action) string {
		return fmt.Sprintf("**%s** — %s · %s", r.text(a.Title), r.toolName(a.Tool), r.t("prio."+string(a.Priority)))
	}
	list("diff.resolved", len(d.Resolved), func(i int) {
		x := d.Resolved[i]
		how := r.t("diff.how.answers")
		switch x.ResolvedHow() {
		case answers.StatusDone:
			how = r.t("status.done")
		case answers.StatusNotApplicable:
			how = r.t("status.not_applicable")
			if x.New != nil {
				how += ": " + Escape(x.New.Reason)
			}
		}
		r.line("- [x] %s · %s · `%s`", head(x.Old), how, x.Old.ID)
	})
	list("diff.added", len(d.Added), func(i int) {
		a := d.Added[i]
		r.line("- [ ] %s · %s: %s · `%s`", head(a), r.t("plan.due"), r.due(a), a.ID)
	})
	list("diff.priority", len(d.Priority), func(i int) {
		c := d.Priority[i]
		r.line("- %s — %s: %s → %s · `%s`", r.text(c.New.Title), r.toolName(c.New.Tool),
			r.t("prio."+string(c.Old.Priority)), r.t("prio."+string(c.New.Priority)), c.New.ID)
	})
	list("diff.status", len(d.Status), func(i int) {
		c := d.Status[i]
		r.line("- %s — %s: %s → %s · `%s`", r.text(c.New.Title), r.toolName(c.New.Tool), r.statusText(c.Old), r.statusText(c.New), c.New.ID)
	})
	if !d.AnswersCompared {
		r.heading(2, r.t("diff.answers"))
		r.para(r.t("diff.noanswers"))
		r.para("")
	} else {
		list("diff.answers", len(d.Answers), func(i int) {
			c := d.Answers[i]
			where := r.t("org.name")
			if c.Tool != "" {
				where = r.text(c.ToolName)
			}
			r.line("- %s: %s %s → %s", where, r.quote(r.text(c.Question.Title)), r.answerValues(c.Question, c.Old), r.answerValues(c.Question, c.New))
		})
	}
	r.para("---")
	r.para("")
	r.para(r.t("diff.disclaimer"))
	return r.b.Bytes()
}

// statusText is an action's status, owner and agreed date in words.
func (r *mdRenderer) statusText(a *assess.Action) string {
	s := r.t("status." + a.Status)
	if a.Owner != "" {
		s += fmt.Sprintf(" (%s: %s)", r.t("plan.owner"), Escape(a.Owner))
	}
	if a.DueSet {
		s += fmt.Sprintf(" (%s %s)", r.t("plan.due.by"), a.Due)
	}
	return s
}

// answerValues is an answer in words, or "–" where there was none.
func (r *mdRenderer) answerValues(q *catalog.Question, vals []string) string {
	if len(vals) == 0 {
		return "–"
	}
	return r.answerText(q, vals, assess.Given, false)
}

// DiffJSONFormat names the JSON of a progress report.
const DiffJSONFormat = "konform/diff/v1"

type jsonDiff struct {
	Format           string          `json:"format"`
	Lang             catalog.Lang    `json:"lang"`
	Organisation     string          `json:"organisation"`
	OldOrganisation  string          `json:"old_organisation"`
	SameOrganisation bool            `json:"same_organisation"`
	OldDate          string          `json:"old_date"`
	NewDate          string          `json:"new_date"`
	Empty            bool            `json:"empty"`
	Lights           []jsonDiffLight `json:"lights"`
	Resolved         []jsonDiffItem  `json:"resolved"`
	Added            []jsonDiffItem  `json:"added"`
	Priority         []jsonDiffItem  `json:"priority_changed"`
	Status           []jsonDiffItem  `json:"status_changed"`
	Answers          []jsonDiffAns   `json:"answers_changed"`
	AnswersCompared  bool            `json:"answers_compared"`
}

type jsonDiffLight struct {
	Key string `json:"key"`
	Old string `json:"old"`
	New string `json:"new"`
}

type jsonDiffItem struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	OldPriority string `json:"old_priority,omitempty"`
	NewPriority string `json:"new_priority,omitempty"`
	OldStatus   string `json:"old_status,omitempty"`
	NewStatus   string `json:"new_status,omitempty"`
	How         string `json:"how,omitempty"` // resolved: done, not_applicable or answers
}

type jsonDiffAns struct {
	Tool     *string  `json:"tool"`
	Question string   `json:"question"`
	Old      []string `json:"old"`
	New      []string `json:"new"`
}

// DiffJSON renders the progress report as konform/diff/v1.
func DiffJSON(d *assess.Diff, l catalog.Lang) []byte {
	out := jsonDiff{Format: DiffJSONFormat, Lang: l, Organisation: d.New.Assessment.Organisation, OldOrganisation: d.Old.Assessment.Organisation,
		SameOrganisation: d.SameOrganisation(), OldDate: d.Old.Assessment.Date.String(), NewDate: d.New.Assessment.Date.String(), Empty: d.Empty(), AnswersCompared: d.AnswersCompared,
		Lights: []jsonDiffLight{}, Resolved: []jsonDiffItem{}, Added: []jsonDiffItem{}, Priority: []jsonDiffItem{}, Status: []jsonDiffItem{}, Answers: []jsonDiffAns{}}
	for _, lc := range d.Lights {
		out.Lights = append(out.Lights, jsonDiffLight{Key: lc.Key, Old: string(lc.Old), New: string(lc.New)})
	}
	for _, x := range d.Resolved {
		how := x.ResolvedHow()
		if how == "" {
			how = "answers"
		}
		out.Resolved = append(out.Resolved, jsonDiffItem{ID: x.Old.ID, Title: x.Old.Title.In(l), OldPriority: string(x.Old.Priority), How: how})
	}
	for _, a := range d.Added {
		out.Added = append(out.Added, jsonDiffItem{ID: a.ID, Title: a.Title.In(l), NewPriority: string(a.Priority)})
	}
	for _, c := range d.Priority {
		out.Priority = append(out.Priority, jsonDiffItem{ID: c.New.ID, Title: c.New.Title.In(l), OldPriority: string(c.Old.Priority), NewPriority: string(c.New.Priority)})
	}
	for _, c := range d.Status {
		out.Status = append(out.Status, jsonDiffItem{ID: c.New.ID, Title: c.New.Title.In(l), OldStatus: c.Old.Status, NewStatus: c.New.Status})
	}
	for _, c := range d.Answers {
		ja := jsonDiffAns{Question: c.Question.ID, Old: c.Old, New: c.New}
		if c.Tool != "" {
			ja.Tool = &c.Tool
		}
		if ja.Old == nil {
			ja.Old = []string{}
		}
		if ja.New == nil {
			ja.New = []string{}
		}
		out.Answers = append(out.Answers, ja)
	}
	return EncodeJSON(out)
}
