package report_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/report"
	"github.com/konform/konform/internal/testkit"
	"github.com/konform/konform/questions"
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
		"sick-notes/whatsapp":   answers.StatusDone, // recorded done, and the answer changed
		"address-book/whatsapp": "",                 // the answer changed
	} {
		if got, ok := how[id]; !ok || got != want {
			t.Errorf("%s: resolved %v as %q, want %q", id, ok, got, want)
		}
	}
	added := map[string]bool{}
	for _, a := range d.Added {
		added[a.ID] = true
	}
	if !added["privacy-notice/whatsapp-business-app"] || added["stop-use/whatsapp"] {
		t.Errorf("new actions: %v", added)
	}
	// An action of the first workshop recorded as not applicable in the
	// second is resolved that way, with its reason.
	f := testkit.Answers(t, cat, "../../examples/craft-whatsapp-2027-05.yaml")
	f.Actions["retention/whatsapp"] = answers.ActionState{Status: answers.StatusNotApplicable, Reason: "Die private App wird abgelöst."}
	how = map[string]string{}
	for _, r := range assess.Compute(old, assess.Assess(cat, f)).Resolved {
		how[r.Old.ID] = r.ResolvedHow()
	}
	if got, ok := how["retention/whatsapp"]; !ok || got != answers.StatusNotApplicable {
		t.Errorf("retention/whatsapp recorded not applicable: resolved %v as %q", ok, got)
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

// A JSON plan read back is checked field by field: nothing in it reaches
// a report unchecked or unescaped.
func TestJSONPlansAreCheckedWhenReadBack(t *testing.T) {
	cat := loadCatalog(t)
	p := testkit.Assess(t, cat, testkit.Example("craft-whatsapp-2027-05.yaml"))
	good := string(report.JSON(p, p.Lang))
	tool := p.Tools[0].Key
	for name, tc := range map[string]struct{ old, new, want string }{
		"light":    {`"light": "red"`, `"light": "<script>alert(1)</script>"`, `tools[0].light must be red, amber or green, not "<script>alert(1)</script>"`},
		"heading":  {`"light": "red"`, `"light": "\n# Owned"`, `tools[0].light must be red, amber or green, not "\n# Owned"`},
		"status":   {`"status": "in_progress"`, `"status": "\u001b]52;c;ZXZpbA==\u0007"`, `actions[0].status must be one of open, in_progress, done, not_applicable, not "\x1b]52;c;ZXZpbA==\a"`},
		"priority": {`"priority": "critical"`, `"priority": "urgent"`, `actions[0].priority must be one of critical, high, medium, low, not "urgent"`},
		"id":       {`"id": "stop-use/` + tool + `"`, `"id": "stop-use/x` + "`" + `y"`, "actions[0].id must be stop-use/" + tool},
		"counts":   {`"critical": `, `"<b>": 1, "critical": `, `counts has "<b>", which is not a priority`},
		"kind":     {`"kind": "messenger"`, `"kind": "fax"`, `tools[0].kind must be one of messenger, video, notetaker, not "fax"`},
		"lang":     {`"lang": "de"`, `"lang": "fr"`, `lang must be de or en, not "fr"`},
		"date":     {`"date": "2027-05-20"`, `"date": "20.05.2027"`, `date "20.05.2027" is not a date`},
		"type":     {`"light": "red"`, `"light": 7`, `plan.json: not a konform JSON plan: line `},
	} {
		if !strings.Contains(good, tc.old) {
			t.Fatalf("%s: the plan has no %s", name, tc.old)
		}
		bad := strings.Replace(good, tc.old, tc.new, 1)
		_, err := report.ReadJSON(cat, "plan.json", []byte(bad))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v\nwant %q", name, err, tc.want)
		}
	}
	// Text is text: control characters go, Markdown is escaped.
	hostile := strings.Replace(good, `"organisation": "`, `"organisation": "# Owned \u001b[31m<script>`, 1)
	q, err := report.ReadJSON(cat, "plan.json", []byte(hostile))
	if err != nil {
		t.Fatal(err)
	}
	md := string(report.DiffMarkdown(assess.Compute(q, q), catalog.DE))
	if strings.Contains(md, "\x1b") || strings.Contains(md, "<script>") || strings.Contains(md, "\n# Owned") {
		t.Errorf("the report carries the plan's text unescaped:\n%s", md)
	}
}

// konform reads back every JSON plan it writes: with a byte order mark,
// and larger than an answers file may be.
func TestEveryJSONPlanReadsBack(t *testing.T) {
	cat := loadCatalog(t)
	for _, path := range testkit.Examples(t) {
		p := testkit.Assess(t, cat, path)
		for _, l := range []catalog.Lang{catalog.DE, catalog.EN} {
			data := report.JSON(p, l)
			for _, variant := range [][]byte{data, append([]byte("\ufeff"), data...)} {
				if !report.IsJSONPlan(variant) {
					t.Fatalf("%s: not recognised as a JSON plan", path)
				}
				if _, err := report.ReadJSON(cat, path, variant); err != nil {
					t.Fatalf("%s (%s): %v", path, l, err)
				}
			}
		}
	}
	// The most tools an answers file may have, each with long notes.
	var b strings.Builder
	b.WriteString("format: konform/answers/v1\nassessment: {organisation: Gross, date: 2026-11-22}\ntools:\n")
	for i := range answers.MaxTools {
		fmt.Fprintf(&b, "  - tool: other\n    name: Werkzeug %d\n    kind: messenger\n", i)
	}
	f, err := answers.Parse("big.yaml", []byte(b.String()), cat)
	if err != nil {
		t.Fatal(err)
	}
	data := report.JSON(assess.Assess(cat, f), catalog.DE)
	if len(data) <= answers.MaxSize || len(data) > report.MaxJSONPlanSize {
		t.Fatalf("the largest plan has %d bytes; the test wants one over 1 MiB and the reader must take it", len(data))
	}
	if _, err := report.ReadJSON(cat, "big.json", data); err != nil {
		t.Fatal(err)
	}
}

func FuzzReadJSON(f *testing.F) {
	cat, err := questions.Catalog() // the compiled one: each fuzz worker starts at once
	if err != nil {
		f.Fatal(err)
	}
	// Seeds are small: the fuzzer mutates large inputs slowly.
	for _, path := range testkit.Examples(f) {
		p := testkit.Assess(f, cat, path)
		p.Actions, p.Open = p.Actions[:min(3, len(p.Actions))], nil
		f.Add(report.JSON(p, catalog.EN))
	}
	f.Add([]byte(`{"format":"konform/plan/v1","lang":"de","date":"2026-01-01","tools":[{"key":"x","kind":"video","light":"red"}],"actions":[{"id":"stop-use/x","topic":"stop-use","priority":"critical","tool":"x","title":"# t","status":"open"}]}`))
	// The plan read back is the newer one: everything in it is reported.
	old := testkit.Assess(f, cat, testkit.Example("craft-whatsapp.yaml"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := report.ReadJSON(cat, "f.json", data)
		if err != nil {
			return
		}
		md := report.DiffMarkdown(assess.Compute(old, p), p.Lang)
		for _, c := range md {
			if c < 0x20 && c != '\n' {
				t.Fatalf("control character %#x in the report", c)
			}
		}
		if bytes.Contains(md, []byte("!light.")) || bytes.Contains(md, []byte("!status.")) || bytes.Contains(md, []byte("!prio.")) {
			t.Fatalf("an unchecked value reached the report:\n%s", md)
		}
	})
}

// An English plan names who published a source in English where the
// catalogue describes rather than names them; a German plan keeps the
// German; the JSON follows the plan's language.
func TestSourcesNamePublishersInThePlansLanguage(t *testing.T) {
	p := testkit.Assess(t, loadCatalog(t), "../../examples/tax-teams-signal.yaml")
	en, de := string(report.Markdown(p, catalog.EN)), string(report.Markdown(p, catalog.DE))
	for _, want := range []string{"German federal legislature", "article by a law firm", "Court of Justice of the European Union"} {
		if !strings.Contains(en, want) {
			t.Errorf("the English plan lacks %q", want)
		}
	}
	for _, bad := range []string{"Bundesgesetzgeber", "Fachartikel einer Rechtsanwaltskanzlei", "Gerichtshof der Europäischen Union"} {
		if strings.Contains(en, bad) {
			t.Errorf("the English plan says %q", bad)
		}
		if !strings.Contains(de, bad) {
			t.Errorf("the German plan lacks %q", bad)
		}
	}
	if js := string(report.JSON(p, catalog.EN)); !strings.Contains(js, `"by": "German federal legislature"`) && !strings.Contains(js, `"by":"German federal legislature"`) {
		t.Error("the English JSON keeps the German publisher")
	}
}
