package report_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/report"
	"github.com/konform/konform/internal/testkit"
)

func loadCatalog(t testing.TB) *catalog.Catalog { return testkit.Catalog(t) }

// The examples' plans are checked in: a change to the catalogue or the
// renderers shows up as a reviewable diff.
func TestExamplePlansMatchGoldenFiles(t *testing.T) {
	cat := loadCatalog(t)
	for _, path := range testkit.Examples(t) {
		p := testkit.Assess(t, cat, path)
		base := strings.TrimSuffix(path, ".yaml")
		testkit.Golden(t, base+".md", report.Markdown(p, p.Lang))
		testkit.Golden(t, base+".json", report.JSON(p, p.Lang))
	}
}

// konform plan writes Markdown to standard output as it goes: the same
// plan, in pieces, and a failing writer is reported.
func TestWriteMarkdownStreamsTheSamePlan(t *testing.T) {
	cat := loadCatalog(t)
	for _, path := range testkit.Examples(t) {
		p := testkit.Assess(t, cat, path)
		for _, l := range catalog.Langs {
			var w pieces
			if err := report.WriteMarkdown(&w, p, l); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(w.Bytes(), report.Markdown(p, l)) {
				t.Errorf("%s (%s): the streamed plan differs", path, l)
			}
			if w.writes < 3 || w.largest > 8<<10 {
				t.Errorf("%s (%s): %d writes, the largest %d bytes; want pieces of a few kilobytes", path, l, w.writes, w.largest)
			}
		}
		if err := report.WriteMarkdown(failing{}, p, p.Lang); err == nil {
			t.Errorf("%s: no error from a writer that fails", path)
		}
	}
}

type pieces struct {
	bytes.Buffer
	writes, largest int
}

func (w *pieces) Write(b []byte) (int, error) {
	w.writes++
	w.largest = max(w.largest, len(b))
	return w.Buffer.Write(b)
}

type failing struct{}

func (failing) Write([]byte) (int, error) { return 0, os.ErrClosed }

func TestNoInterfaceStringIsMissing(t *testing.T) {
	cat := loadCatalog(t)
	for _, path := range testkit.Examples(t) {
		p := testkit.Assess(t, cat, path)
		for _, l := range catalog.Langs {
			for name, out := range map[string][]byte{"md": report.Markdown(p, l), "questions": report.Questionnaire(cat, l, false), "quick questions": report.Questionnaire(cat, l, true)} {
				if i := bytes.Index(out, []byte("!plan.")); i >= 0 || bytes.Contains(out, []byte("!q.")) {
					t.Errorf("%s %s (%s): a missing interface string", path, name, l)
				}
			}
		}
	}
}

func TestPlansAreDeterministic(t *testing.T) {
	cat := loadCatalog(t)
	for _, path := range testkit.Examples(t) {
		for _, l := range catalog.Langs {
			a, b := testkit.Assess(t, cat, path), testkit.Assess(t, cat, path)
			if !bytes.Equal(report.Markdown(a, l), report.Markdown(b, l)) || !bytes.Equal(report.JSON(a, l), report.JSON(b, l)) {
				t.Errorf("%s (%s): two runs give different plans", path, l)
			}
		}
	}
}

func TestJSONPlanShape(t *testing.T) {
	cat := loadCatalog(t)
	p := testkit.Assess(t, cat, "../../examples/craft-whatsapp.yaml")
	var out struct {
		Format  string `json:"format"`
		Tools   []struct{ Key, Light string }
		Actions []struct {
			ID, Topic, Priority, Title, Why string
			Tool                            *string
			Due                             *string
			Legal                           []struct{ ID, Label string }
		}
		OpenQuestions []struct{ Question string } `json:"open_questions"`
	}
	if err := json.Unmarshal(report.JSON(p, catalog.EN), &out); err != nil {
		t.Fatal(err)
	}
	if out.Format != "konform/plan/v1" || len(out.Tools) != 1 || out.Tools[0].Light != "red" {
		t.Fatalf("header: %+v", out)
	}
	topics := map[string]bool{}
	for _, id := range catalog.TopicIDs {
		topics[id] = true
	}
	for _, a := range out.Actions {
		if !topics[a.Topic] || a.Title == "" || a.Why == "" || len(a.Legal) == 0 {
			t.Errorf("incomplete action %+v", a)
		}
		if (a.Priority == "low") != (a.Due == nil) {
			t.Errorf("%s: priority %s with due %v", a.ID, a.Priority, a.Due)
		}
		if !strings.HasPrefix(a.ID, a.Topic+"/") {
			t.Errorf("id %s does not start with its topic", a.ID)
		}
	}
	if len(out.OpenQuestions) == 0 {
		t.Error("the craft example has unknown answers but no open questions")
	}
}

func TestEscapeKeepsUserTextInline(t *testing.T) {
	for in, want := range map[string]string{
		"# Heading":                       `\# Heading`,
		"a | b":                           `a \| b`,
		"<script>alert(1)</script>":       `\<script\>alert(1)\</script\>`,
		"line\nbreak\r\tand\x1b[31mred":   `line break  and \[31mred`,
		"[link](http://x)":                `\[link\](http\://x)`,
		"Weber & Kollegen":                "Weber & Kollegen",
		"&amp; &#38;":                     `\&amp; \&\#38;`,
		"**bold** _it_ `code` ~strike~ !": `\*\*bold\*\* \_it\_ \` + "`" + `code\` + "`" + ` \~strike\~ \!`,
	} {
		if got := report.Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
	}
}

// escapeReference is Escape as first written, rune by rune: the fast
// path must give the same text.
func escapeReference(s string) string {
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case r == '&':
			if i+1 < len(rs) && (rs[i+1] == '#' || rs[i+1] >= 'a' && rs[i+1] <= 'z' || rs[i+1] >= 'A' && rs[i+1] <= 'Z') {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || r == 0x2028 || r == 0x2029:
			b.WriteByte(' ')
		case strings.ContainsRune("\\`*_[]<>#|~!{}@", r),
			r == ':' && strings.HasPrefix(string(rs[i:]), "://"),
			r == '.' && i >= 3 && strings.EqualFold(string(rs[i-3:i]), "www"):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

func FuzzEscape(f *testing.F) {
	for _, s := range []string{"", "plain text", "Weber & Kollegen", "&amp;", "a\u2028b", "\xc2\x85", "\xff\xfe", "ü*ß", " \t x ", "a@b.example", "https://x.example", "www.x.example"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := report.Escape(s), escapeReference(s); got != want {
			t.Errorf("Escape(%q) = %q, want %q", s, got, want)
		}
	})
}

// Text from the answers file cannot break the document: a hostile
// organisation name, note and tool name stay inside their line.
func TestHostileAnswerTextCannotBreakThePlan(t *testing.T) {
	cat := loadCatalog(t)
	data := []byte("format: konform/answers/v1\n" +
		"assessment: {organisation: \"# Evil\\n## Injected | cell <b>x</b>\", date: 2026-11-22, participants: [\"- [x] done\"]}\n" +
		"tools:\n  - tool: other\n    name: \"Tool | with\\n# heading\"\n    kind: video\n" +
		"    notes: {recording: \"| a | b |\\n\\n# Not a heading\"}\n    answers: {recording: often}\n")
	f, err := answers.Parse("evil.yaml", data, cat)
	if err != nil {
		t.Fatal(err)
	}
	md := string(report.Markdown(assess.Assess(cat, f), catalog.DE))
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "#") && (strings.Contains(line, "Evil") || strings.Contains(line, "Injected") || strings.Contains(line, "Not a heading")) {
			t.Errorf("user text became a heading: %q", line)
		}
		if strings.Contains(line, "<b>") {
			t.Errorf("raw HTML in the plan: %q", line)
		}
	}
	lintPlans(t, map[string][]byte{"evil.md": []byte(md)})
}

// markdownlint-cli2 accepts every plan. It is installed by `make test`
// (and so by CI); without it the test is skipped with the reason, unless
// KONFORM_REQUIRE_MARKDOWNLINT is set, as CI does.
func TestPlansPassMarkdownlint(t *testing.T) {
	cat := loadCatalog(t)
	plans := map[string][]byte{}
	for _, path := range testkit.Examples(t) {
		p := testkit.Assess(t, cat, path)
		name := strings.TrimSuffix(filepath.Base(path), ".yaml")
		for _, l := range catalog.Langs {
			plans[name+"-"+string(l)+".md"] = report.Markdown(p, l)
		}
	}
	for _, l := range catalog.Langs {
		plans["questionnaire-"+string(l)+".md"] = report.Questionnaire(cat, l, false)
		plans["questionnaire-quick-"+string(l)+".md"] = report.Questionnaire(cat, l, true)
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	plans["README.md"] = readme
	lintPlans(t, plans)
}

func lintPlans(t *testing.T, plans map[string][]byte) {
	t.Helper()
	testkit.Markdownlint(t, plans)
}

// Plans name sources by title, publisher and date: never by the file a
// source article is kept in.
func TestNoPlanNamesASeedFile(t *testing.T) {
	cat := loadCatalog(t)
	var files []string
	for _, s := range cat.Sources {
		if s.File != "" {
			files = append(files, s.File, strings.TrimSuffix(s.File, ".txt"))
		}
	}
	if len(files) == 0 {
		t.Fatal("the catalogue names no seed files; the test needs some")
	}
	for _, path := range testkit.Examples(t) {
		p := testkit.Assess(t, cat, path)
		for _, l := range []catalog.Lang{catalog.DE, catalog.EN} {
			for _, out := range [][]byte{report.Markdown(p, l), report.JSON(p, l), report.CSV(p, l), report.HTML(p, l)} {
				for _, f := range files {
					if bytes.Contains(out, []byte(f)) {
						t.Errorf("%s (%s) names %s", path, l, f)
					}
				}
			}
		}
	}
}

// Each term of the glossary is linked where the plan first uses it, once,
// and explained in the glossary; a plan without the term does not list it.
func TestGlossaryLinksFirstUse(t *testing.T) {
	cat := loadCatalog(t)
	for _, path := range testkit.Examples(t) {
		p := testkit.Assess(t, cat, path)
		for _, l := range []catalog.Lang{catalog.DE, catalog.EN} {
			md := string(report.Markdown(p, l))
			anchor := map[catalog.Lang]string{catalog.DE: "(#begriffe)", catalog.EN: "(#glossary)"}[l]
			heading := map[catalog.Lang]string{catalog.DE: "\n## Begriffe\n", catalog.EN: "\n## Glossary\n"}[l]
			i := strings.Index(md, heading)
			links := strings.Count(md, anchor)
			if links == 0 || i < 0 {
				t.Errorf("%s (%s): %d glossary links, glossary at %d", path, l, links, i)
				continue
			}
			body, glossary := md[:i], md[i:]
			for _, g := range cat.Glossary {
				linked := 0
				for _, f := range g.Forms.In(l) {
					linked += strings.Count(body, "["+f+"]"+anchor)
				}
				listed := strings.Contains(glossary, "**"+g.Term.In(l)+":**")
				if linked > 1 || listed != (linked == 1) {
					t.Errorf("%s (%s): %s linked %d times, listed %v", path, l, g.ID, linked, listed)
				}
			}
		}
	}
}

// A note-taker taken off the calendar until it is approved lists what the
// approval needs – not "only if you keep using it", which reads as a
// second verdict next to the stop.
func TestPausedToolListsTheConditionsForItsApproval(t *testing.T) {
	cat := loadCatalog(t)
	p := testkit.Assess(t, cat, filepath.Join(testkit.Root(), "examples", "engineering-ai.yaml"))
	for l, want := range map[catalog.Lang][2]string{
		catalog.DE: {"Bedingungen für eine Freigabe von Fireflies.ai:", "Nur falls Sie Fireflies.ai trotzdem"},
		catalog.EN: {"Conditions for approving Fireflies.ai again:", "Only if you keep using Fireflies.ai"},
	} {
		md := string(report.Markdown(p, l))
		if !strings.Contains(md, want[0]) || strings.Contains(md, want[1]) {
			t.Errorf("%s: the paused note-taker's list is not headed by the conditions for its approval", l)
		}
	}
}
