package report_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/report"
	"github.com/konform/konform/internal/testkit"
)

// The craft business six months on: the report in both formats, and what
// a consultant reads in it.
func TestDiffOfTwoWorkshops(t *testing.T) {
	cat := loadCatalog(t)
	old := testkit.Assess(t, cat, "../../examples/craft-whatsapp.yaml")
	cur := testkit.Assess(t, cat, "../../examples/craft-whatsapp-2027-05.yaml")
	d := assess.Compute(old, cur)
	testkit.Golden(t, "testdata/diff-craft.md", report.DiffMarkdown(d, catalog.DE))
	testkit.Golden(t, "testdata/diff-craft.json", report.DiffJSON(d, catalog.DE))
	lintPlans(t, map[string][]byte{"diff-de.md": report.DiffMarkdown(d, catalog.DE), "diff-en.md": report.DiffMarkdown(d, catalog.EN)})

	how := map[string]string{}
	for _, r := range d.Resolved {
		how[r.Old.ID] = r.ResolvedHow()
	}
	for id, want := range map[string]string{
		"sick-notes/whatsapp":   answers.StatusDone,          // recorded done, and the answer changed
		"address-book/whatsapp": "",                          // the answer changed
		"imprint/whatsapp":      answers.StatusNotApplicable, // recorded with a reason
	} {
		if got, ok := how[id]; !ok || got != want {
			t.Errorf("%s: resolved %v as %q, want %q", id, ok, got, want)
		}
	}
	added := map[string]bool{}
	for _, a := range d.Added {
		added[a.ID] = true
	}
	if !added["consent/whatsapp-business-app"] || added["stop-use/whatsapp"] {
		t.Errorf("new actions: %v", added)
	}
	changed := false
	for _, c := range d.Status {
		if c.New.ID == "stop-use/whatsapp" && c.Old.Status == answers.StatusOpen && c.New.Status == answers.StatusInProgress {
			changed = true
		}
	}
	if !changed {
		t.Error("stop-use/whatsapp went from open to in progress; the report does not say so")
	}
	if len(d.Answers) == 0 || d.Empty() || !d.SameOrganisation() {
		t.Errorf("answers changed: %d, empty %v, same organisation %v", len(d.Answers), d.Empty(), d.SameOrganisation())
	}
}

// The same answers twice: an empty report.
func TestDiffOfTheSameFileIsEmpty(t *testing.T) {
	cat := loadCatalog(t)
	for _, path := range testkit.Examples(t) {
		p := testkit.Assess(t, cat, path)
		d := assess.Compute(p, testkit.Assess(t, cat, path))
		if !d.Empty() {
			t.Errorf("%s against itself: %d resolved, %d added, %d answers", path, len(d.Resolved), len(d.Added), len(d.Answers))
		}
		var got struct{ Empty bool }
		if err := json.Unmarshal(report.DiffJSON(d, catalog.EN), &got); err != nil || !got.Empty {
			t.Errorf("%s: JSON empty = %v (%v)", path, got.Empty, err)
		}
	}
}

// Two JSON plans give the same report as their answers files, but for the
// answers, which a JSON plan does not hold.
func TestDiffOfTwoJSONPlans(t *testing.T) {
	cat := loadCatalog(t)
	old := testkit.Assess(t, cat, "../../examples/craft-whatsapp.yaml")
	cur := testkit.Assess(t, cat, "../../examples/craft-whatsapp-2027-05.yaml")
	fromAnswers := assess.Compute(old, cur)
	read := func(p *assess.Plan) *assess.Plan {
		data := report.JSON(p, p.Lang)
		if !report.IsJSONPlan(data) {
			t.Fatal("a JSON plan is not recognised")
		}
		q, err := report.ReadJSON(cat, "plan.json", data)
		if err != nil {
			t.Fatal(err)
		}
		return q
	}
	fromJSON := assess.Compute(read(old), read(cur))
	ids := func(d *assess.Diff) (out []string) {
		for _, r := range d.Resolved {
			out = append(out, "resolved "+r.Old.ID)
		}
		for _, a := range d.Added {
			out = append(out, "added "+a.ID)
		}
		for _, c := range d.Priority {
			out = append(out, "priority "+c.New.ID+" "+string(c.New.Priority))
		}
		for _, c := range d.Status {
			out = append(out, "status "+c.New.ID+" "+c.New.Status+" "+c.New.Owner)
		}
		for _, l := range d.Lights {
			out = append(out, "light "+l.Key+" "+string(l.Old)+" "+string(l.New))
		}
		return out
	}
	if got, want := ids(fromJSON), ids(fromAnswers); !slices.Equal(got, want) {
		t.Errorf("from JSON plans:\n%v\nfrom answers files:\n%v", got, want)
	}
	if fromJSON.AnswersCompared || len(fromJSON.Answers) != 0 || !fromAnswers.AnswersCompared {
		t.Error("answers compared where they cannot be, or not where they can")
	}
	if !strings.Contains(string(report.DiffMarkdown(fromJSON, catalog.DE)), "Nicht verglichen: ein Plan im JSON-Format") {
		t.Error("the report does not say that answers were not compared")
	}
}
