package report_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/report"
	"github.com/konform/konform/internal/testkit"
)

func compareIn(t *testing.T, cat *catalog.Catalog, ctxFile string, ids ...string) *assess.Comparison {
	t.Helper()
	var ctx *answers.File
	lang := catalog.DE
	date, _ := catalog.ParseDate("2026-11-22")
	if ctxFile != "" {
		p := testkit.Assess(t, cat, ctxFile)
		ctx = &answers.File{Lang: p.Lang, Assessment: p.Assessment, Context: map[string]answers.Value{}}
		for _, a := range p.Context {
			if a.Origin == assess.Given {
				ctx.Context[a.Question.ID] = answers.Value{Items: a.Values}
			}
		}
		lang, date = p.Lang, p.Assessment.Date
	}
	c, err := assess.Compare(cat, ids, ctx, lang, date)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// The comparison in every format, for a video and a messenger choice, in
// no context and in a medical practice's.
func TestCompareGolden(t *testing.T) {
	cat := loadCatalog(t)
	video := compareIn(t, cat, "", "zoom", "jitsi-hosted", "webex")
	messengers := compareIn(t, cat, "../../examples/medical-zoom-whatsapp.yaml", "whatsapp-business-app", "threema-work", "signal")
	testkit.Golden(t, "testdata/compare-video.txt", report.CompareText(video, catalog.DE, true))
	testkit.Golden(t, "testdata/compare-video-en.md", report.CompareMarkdown(video, catalog.EN))
	testkit.Golden(t, "testdata/compare-medical.md", report.CompareMarkdown(messengers, catalog.DE))
	testkit.Golden(t, "testdata/compare-medical.json", report.CompareJSON(messengers, catalog.DE))
	lintPlans(t, map[string][]byte{
		"video-de.md": report.CompareMarkdown(video, catalog.DE), "video-en.md": report.CompareMarkdown(video, catalog.EN),
		"medical-de.md": report.CompareMarkdown(messengers, catalog.DE), "medical-en.md": report.CompareMarkdown(messengers, catalog.EN),
	})
	for _, l := range catalog.Langs {
		for n, line := range strings.Split(string(report.CompareText(video, l, true)), "\n") {
			if w := ansi.StringWidth(line); w > 80 {
				t.Errorf("%s table, line %d is %d columns wide: %q", l, n+1, w, line)
			}
		}
	}
}

// What each tool would need depends on who uses it: the same messengers
// need more, and more urgent, actions in a practice bound to professional
// secrecy than in a craft business.
func TestCompareCountsFollowTheContext(t *testing.T) {
	cat := loadCatalog(t)
	ids := []string{"whatsapp-business-app", "threema-work"}
	medical := compareIn(t, cat, "../../examples/medical-zoom-whatsapp.yaml", ids...)
	craft := compareIn(t, cat, "../../examples/craft-whatsapp.yaml", ids...)
	for i, id := range ids {
		m, c := medical.Tools[i].Counts, craft.Tools[i].Counts
		if m[catalog.Critical] <= c[catalog.Critical] {
			t.Errorf("%s: %d critical actions for the practice, %d for the craft business; want more for the practice", id, m[catalog.Critical], c[catalog.Critical])
		}
	}
	// And the facts decide between tools in the same context: Threema Work
	// (servers in Switzerland, a DPA) needs fewer actions than WhatsApp.
	total := func(t *assess.Tool) int { return t.Counts[catalog.Critical]*100 + t.Counts[catalog.High] }
	if total(medical.Tools[1]) >= total(medical.Tools[0]) {
		t.Errorf("Threema Work needs as much as the WhatsApp Business App in the practice: %v vs %v", medical.Tools[1].Counts, medical.Tools[0].Counts)
	}
}

func TestCompareJSONIsComplete(t *testing.T) {
	cat := loadCatalog(t)
	c := compareIn(t, cat, "../../examples/medical-zoom-whatsapp.yaml", "zoom", "bigbluebutton")
	var got struct {
		Format  string
		Context struct {
			FromFile bool `json:"from_answers_file"`
			Answers  []struct{ Question string }
		}
		Tools []struct {
			ID    string
			Facts []struct {
				ID   string
				AsOf string `json:"as_of"`
			}
			Counts map[string]int
		}
	}
	if err := json.Unmarshal(report.CompareJSON(c, catalog.EN), &got); err != nil {
		t.Fatal(err)
	}
	if got.Format != report.CompareJSONFormat || !got.Context.FromFile || len(got.Context.Answers) == 0 || len(got.Tools) != 2 || got.Tools[1].ID != "bigbluebutton" {
		t.Fatalf("incomplete comparison: %+v", got)
	}
	for _, tool := range got.Tools {
		if len(tool.Facts) < 5 || len(tool.Counts) != 4 {
			t.Errorf("%s: %d facts, counts %v", tool.ID, len(tool.Facts), tool.Counts)
		}
		for _, f := range tool.Facts {
			if f.AsOf == "" {
				t.Errorf("%s: fact %s has no date", tool.ID, f.ID)
			}
		}
	}
}

func TestCompareRefusesWhatCannotBeCompared(t *testing.T) {
	cat := loadCatalog(t)
	date, _ := catalog.ParseDate("2026-11-22")
	for _, c := range []struct {
		ids  []string
		want string
	}{
		{[]string{"zoom"}, "at least two tools"},
		{[]string{"zoom", "zom"}, "did you mean zoom"},
		{[]string{"zoom", "zoom"}, "given twice"},
		{[]string{"zoom", "other"}, "no facts to compare"},
	} {
		_, err := assess.Compare(cat, c.ids, nil, catalog.DE, date)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Compare(%v): %v; want an error with %q", c.ids, err, c.want)
		}
	}
}

// The actions as CSV: a byte order mark, CRLF, quoting where a value needs
// it, one row per action with its id, and read back cell for cell.
func TestCSV(t *testing.T) {
	cat := loadCatalog(t)
	p := testkit.Assess(t, cat, "../../examples/craft-whatsapp-2027-05.yaml")
	out := report.CSV(p, catalog.DE)
	testkit.Golden(t, "testdata/craft-2027-05.csv", out)
	// German spreadsheets take the comma for decimals: a semicolon
	// separates the cells of the German table, a comma those of the English.
	if !bytes.HasPrefix(out, []byte("\ufeffKennung;Priorität;")) || !bytes.Contains(out, []byte("\r\n")) {
		t.Fatalf("no BOM, no semicolon or no CRLF: %q", out[:40])
	}
	if en := report.CSV(p, catalog.EN); !bytes.HasPrefix(en, []byte("\ufeffID,Priority,")) {
		t.Fatalf("the English table: %q", en[:40])
	}
	// A hostile owner: comma, quote, line break.
	p.Actions[0].Owner = "Sommer, \"Tobi\"\nInhaber"
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(report.CSV(p, catalog.EN), []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// One row per action to do or done; not those a replacement supersedes.
	var tasks []*assess.Action
	for _, a := range p.Actions {
		if a.SupersededBy == nil {
			tasks = append(tasks, a)
		}
	}
	if len(tasks) == len(p.Actions) {
		t.Fatal("the example has no superseded actions; the test needs some")
	}
	if len(rows) != len(tasks)+1 || len(rows[0]) != 8 {
		t.Fatalf("%d rows of %d columns; want %d rows of 8", len(rows), len(rows[0]), len(tasks)+1)
	}
	for i, a := range tasks {
		if rows[i+1][0] != a.ID {
			t.Errorf("row %d: id %q, want %q", i+1, rows[i+1][0], a.ID)
		}
	}
	if rows[1][6] != "Sommer, \"Tobi\" Inhaber" || rows[1][7] != "in progress" {
		t.Errorf("first row %q", rows[1])
	}
	// Cells a spreadsheet would run as formulas, and control characters
	// that a terminal would run.
	for owner, want := range map[string]string{
		"=cmd|' /C calc'!A0":             "'=cmd|' /C calc'!A0",
		"=HYPERLINK(\"http://x\",\"y\")": "'=HYPERLINK(\"http://x\",\"y\")",
		"+1":                             "'+1", "-2+3": "'-2+3", "@SUM(A1)": "'@SUM(A1)", "\t=1+1": "' =1+1", "\r=1": "'=1",
		"a\x1b]52;c;ZXZpbA==\x07b": "a]52;c;ZXZpbA==b", "Tobias Sommer": "Tobias Sommer",
	} {
		p.Actions[0].Owner = owner
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(report.CSV(p, catalog.EN), []byte("\ufeff")))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if rows[1][6] != want {
			t.Errorf("owner %q: cell %q, want %q", owner, rows[1][6], want)
		}
	}
}

// Tools of different kinds are compared within their kind: a video tool
// is never the best fit for a messenger's need, and the line says which
// kind each fit is for.
func TestCompareFitsWithinAKind(t *testing.T) {
	cat := loadCatalog(t)
	c := compareIn(t, cat, "../../examples/craft-whatsapp.yaml", "whatsapp-business-app", "threema-work", "zoom", "jitsi-hosted")
	kinds := map[catalog.Kind]int{}
	for _, f := range c.Fits {
		kinds[f.Kind]++
	}
	if kinds[catalog.KindMessenger] == 0 || kinds[catalog.KindVideo] == 0 {
		t.Errorf("fits %v: want the best messenger and the best video tool", c.Fits)
	}
	if md := string(report.CompareMarkdown(c, catalog.DE)); !strings.Contains(md, "(Messenger)") || !strings.Contains(md, "(Videokonferenz)") {
		t.Errorf("the fits do not say their kind:\n%s", md)
	}
}
