package plan_test

import (
	"encoding/json"
	"testing"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/plan"
)

// The craft business six months on: the report in both formats, and what
// a consultant reads in it.
func TestDiffOfTwoWorkshops(t *testing.T) {
	cat := loadCatalog(t)
	old := assessFile(t, cat, "../../examples/craft-whatsapp.yaml")
	cur := assessFile(t, cat, "../../examples/craft-whatsapp-2027-05.yaml")
	d := assess.Compute(old, cur)
	checkGolden(t, "testdata/diff-craft.md", plan.DiffMarkdown(d, catalog.DE))
	checkGolden(t, "testdata/diff-craft.json", plan.DiffJSON(d, catalog.DE))
	lintPlans(t, map[string][]byte{"diff-de.md": plan.DiffMarkdown(d, catalog.DE), "diff-en.md": plan.DiffMarkdown(d, catalog.EN)})

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
	for _, path := range examples(t) {
		p := assessFile(t, cat, path)
		d := assess.Compute(p, assessFile(t, cat, path))
		if !d.Empty() {
			t.Errorf("%s against itself: %d resolved, %d added, %d answers", path, len(d.Resolved), len(d.Added), len(d.Answers))
		}
		var got struct{ Empty bool }
		if err := json.Unmarshal(plan.DiffJSON(d, catalog.EN), &got); err != nil || !got.Empty {
			t.Errorf("%s: JSON empty = %v (%v)", path, got.Empty, err)
		}
	}
}
