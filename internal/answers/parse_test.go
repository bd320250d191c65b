package answers_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/msg"
	"github.com/konform/konform/internal/testkit"
)

func loadCatalog(t testing.TB) *catalog.Catalog { return testkit.Catalog(t) }

// Each malformed file in testdata/bad has its expected message in a .err
// file beside it: every problem, with line and column.
func TestMalformedFilesAreRejectedWithLocatedMessages(t *testing.T) {
	cat := loadCatalog(t)
	files, _ := filepath.Glob("testdata/bad/*.yaml")
	jsons, _ := filepath.Glob("testdata/bad/*.json")
	files = append(files, jsons...)
	if len(files) < 15 {
		t.Fatalf("only %d malformed files", len(files))
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			f, err := answers.Parse(path, data, cat)
			if err == nil {
				t.Fatalf("parsed without error: %+v", f)
			}
			var errs *answers.Errors
			if !errors.As(err, &errs) {
				t.Fatalf("error of type %T, want *answers.Errors", err)
			}
			for _, e := range errs.List {
				if e.Pos.Line < 1 || e.Pos.Col < 1 {
					t.Errorf("message without a place: %q", e.Msg)
				}
			}
			testkit.Golden(t, strings.TrimSuffix(path, filepath.Ext(path))+".err", []byte(err.Error()+"\n"))
		})
	}
}

func TestTooLargeFileIsRejected(t *testing.T) {
	data := []byte("format: konform/answers/v1\n# " + strings.Repeat("x", answers.MaxSize) + "\n")
	_, err := answers.Parse("big.yaml", data, loadCatalog(t))
	if err == nil || !strings.Contains(err.Error(), "big.yaml:1:1: the file has") {
		t.Fatalf("got %v, want a size error", err)
	}
}

func TestExamplesParse(t *testing.T) {
	cat := loadCatalog(t)
	files, _ := filepath.Glob("../../examples/*.yaml")
	if len(files) < 4 {
		t.Fatalf("%d examples, want at least 4", len(files))
	}
	for _, path := range files {
		data, _ := os.ReadFile(path)
		if _, err := answers.Parse(path, data, cat); err != nil {
			t.Errorf("%v", err)
		}
	}
}

func TestJSONWithTheSameShapeIsAccepted(t *testing.T) {
	data := []byte(`{
  "format": "konform/answers/v1",
  "lang": "en",
  "assessment": {"organisation": "Test GmbH", "date": "2026-11-22", "participants": ["A", "B"]},
  "context": {"sector": "health", "partners": "both", "partner_groups": ["patients"]},
  "notes": {"sector": "GP practice"},
  "tools": [{"tool": "zoom", "answers": {"recording": "often"}, "notes": {"recording": "training sessions"}},
            {"tool": "other", "name": "Praxis-Chat", "kind": "messenger", "facts": {"seat": "germany", "certifications": ["iso27001"]}}]
}`)
	f, err := answers.Parse("a.json", data, loadCatalog(t))
	if err != nil {
		t.Fatal(err)
	}
	if f.Lang != catalog.EN || f.Assessment.Participants[1] != "B" || f.Context["partner_groups"].Items[0] != "patients" {
		t.Errorf("parsed %+v", f)
	}
	if f.Notes["sector"] != "GP practice" || f.Tools[0].Notes["recording"] != "training sessions" {
		t.Errorf("notes lost: %+v %+v", f.Notes, f.Tools[0].Notes)
	}
	if other := f.Tools[1]; other.Key() != "other-praxis-chat" || other.Kind != catalog.KindMessenger || other.Facts["certifications"].Items[0] != "iso27001" {
		t.Errorf("custom tool: %+v", other)
	}
}

const header = "format: konform/answers/v1\nlang: de\nassessment:\n  organisation: Test\n  date: 2026-11-22\n"

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{"Vereinsplaner-App": "vereinsplaner-app", "Größe & Maß": "groesse-mass", "  A  B ": "a-b",
		"Телеграм Бизнес": "телеграм-бизнес", "微信": "微信", "★★★": "x32000074"} {
		if got := answers.Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
	if answers.Slug("★★★") == answers.Slug("☆☆") {
		t.Error("two names without letters get the same id")
	}
}

// A long organisation name still makes a file name: cut, with a hash that
// keeps two long names apart; a short one is its slug.
func TestFileSlug(t *testing.T) {
	if got := answers.FileSlug("Malerbetrieb Sommer GmbH"); got != "malerbetrieb-sommer-gmbh" {
		t.Errorf("short name: %q", got)
	}
	long := strings.Repeat("Gemeinschaftspraxis für Allgemeinmedizin und Innere Medizin ", 5)
	a, b := answers.FileSlug(long+"Nord"), answers.FileSlug(long+"Süd")
	if len(a) > 60 || len(b) > 60 || a == b || !strings.HasPrefix(a, "gemeinschaftspraxis-fuer-") {
		t.Errorf("long names: %q (%d), %q (%d)", a, len(a), b, len(b))
	}
	if got := answers.FileSlug(strings.Repeat("微信", 40)); len(got) > 60 || !utf8.ValidString(got) {
		t.Errorf("a long name in another script: %q", got)
	}
}

// Two custom tools whose names have no Latin letters are two tools.
func TestCustomToolsInOtherScriptsAreDistinct(t *testing.T) {
	cat := loadCatalog(t)
	f, err := answers.Parse("x.yaml", []byte(header+`tools:
  - tool: other
    name: Телеграм
    kind: messenger
  - tool: other
    name: 微信
    kind: messenger
`), cat)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := f.Tools[0].Key(), f.Tools[1].Key(); a == b {
		t.Errorf("both tools have the key %q", a)
	}
}

// A valid file cannot ask for unbounded work: at most MaxTools tools, the
// entry beyond named by its line.
func TestTooManyTools(t *testing.T) {
	var b strings.Builder
	b.WriteString(header + "tools:\n")
	for i := range answers.MaxTools + 1 {
		fmt.Fprintf(&b, "  - tool: other\n    name: Tool %d\n    kind: video\n", i)
	}
	_, err := answers.Parse("many.yaml", []byte(b.String()), loadCatalog(t))
	want := fmt.Sprintf("many.yaml:%d:5: too many tools: an answers file lists at most %d", 7+3*answers.MaxTools, answers.MaxTools)
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("error %v, want %q", err, want)
	}
}

// A huge unknown key is neither compared with every id nor echoed whole.
func TestLongKeysAreNotEchoed(t *testing.T) {
	key := strings.Repeat("sektor", 100000)
	_, err := answers.Parse("long.yaml", []byte(header+"context:\n  "+key+": health\ntools:\n  - tool: zoom\n"), loadCatalog(t))
	if err == nil {
		t.Fatal("an unknown question was accepted")
	}
	if len(err.Error()) > 300 || !strings.Contains(err.Error(), "unknown question \"sektorsektor") || !strings.Contains(err.Error(), "…") {
		t.Errorf("message of %d bytes: %.300s", len(err.Error()), err.Error())
	}
}

func FuzzParse(f *testing.F) {
	cat := loadCatalog(f)
	seeds, _ := filepath.Glob("testdata/bad/*")
	examples, _ := filepath.Glob("../../examples/*.yaml")
	for _, path := range append(seeds, examples...) {
		if strings.HasSuffix(path, ".err") {
			continue
		}
		data, _ := os.ReadFile(path)
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := answers.Parse("fuzz.yaml", data, cat)
		if err != nil {
			var errs *answers.Errors
			if !errors.As(err, &errs) || len(errs.List) == 0 {
				t.Fatalf("error %v is not a located list", err)
			}
			for _, e := range errs.List {
				if e.Pos.Line < 1 || e.Pos.Col < 1 || e.Msg == "" {
					t.Fatalf("bad message %+v", e)
				}
			}
			return
		}
		if file.Assessment.Organisation == "" || len(file.Tools) == 0 {
			t.Fatalf("accepted a file without organisation or tools: %+v", file)
		}
	})
}

// Writing an answers file and reading it back gives the same answers, and
// writing is stable.
func TestMarshalRoundTrip(t *testing.T) {
	cat := loadCatalog(t)
	files, _ := filepath.Glob("../../examples/*.yaml")
	for _, path := range files {
		data, _ := os.ReadFile(path)
		f, err := answers.Parse(path, data, cat)
		if err != nil {
			t.Fatal(err)
		}
		out, err := answers.Marshal(f, cat)
		if err != nil {
			t.Fatal(err)
		}
		g, err := answers.Parse("written.yaml", out, cat)
		if err != nil {
			t.Fatalf("%s: the written file does not parse: %v\n%s", path, err, out)
		}
		again, _ := answers.Marshal(g, cat)
		if string(again) != string(out) {
			t.Errorf("%s: writing is not stable", path)
		}
		if diff := cmp.Diff(strip(f), strip(g)); diff != "" {
			t.Errorf("%s: answers changed in the round trip (-read +written):\n%s", path, diff)
		}
	}
}

// strip drops positions, which differ between two files by design.
func strip(f *answers.File) *answers.File {
	c := *f
	clean := func(m map[string]answers.Value) map[string]answers.Value {
		out := map[string]answers.Value{}
		for k, v := range m {
			out[k] = answers.Value{Items: v.Items}
		}
		return out
	}
	c.Context = clean(f.Context)
	c.Tools = nil
	for _, t := range f.Tools {
		tc := *t
		tc.Pos = answers.Pos{}
		tc.Answers, tc.Facts = clean(t.Answers), clean(t.Facts)
		c.Tools = append(c.Tools, &tc)
	}
	if f.Actions != nil {
		c.Actions = map[string]answers.ActionState{}
		for id, st := range f.Actions {
			st.Pos = answers.Pos{}
			c.Actions[id] = st
		}
	}
	return &c
}

// Text with control characters (colours, a terminal's clipboard) is
// refused where it stands, in answers and session files alike.
func TestControlCharactersAreRefused(t *testing.T) {
	file := "format: konform/answers/v1\nassessment:\n  organisation: \"Evil \\e]52;c;ZXZpbA==\\a GmbH\"\n  date: 2026-11-22\ntools:\n  - tool: other\n    name: \"\\e[31mRed\"\n    kind: video\n"
	_, err := answers.Parse("evil.yaml", []byte(file), loadCatalog(t))
	want := "evil.yaml:3:17: organisation contains a control character (U+001B); remove it\nevil.yaml:7:11: name contains a control character (U+001B); remove it"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	if _, err := answers.ParseSession("s.yaml", []byte(file), loadCatalog(t)); err == nil {
		t.Error("a session file with control characters was read")
	}
}

// What konform writes, konform reads: every free text at the limit, in
// characters of two bytes each, survives the round trip – and a file that
// would grow beyond what konform reads is refused when written, not when
// read back.
func TestTextAtTheLimitRoundTrips(t *testing.T) {
	cat := loadCatalog(t)
	long := strings.Repeat("ä", answers.MaxText) // 2 bytes each
	data, err := os.ReadFile("../../examples/craft-whatsapp.yaml")
	if err != nil {
		t.Fatal(err)
	}
	f, err := answers.Parse("craft.yaml", data, cat)
	if err != nil {
		t.Fatal(err)
	}
	f.Assessment.Organisation, f.Assessment.Assessor = long, long
	f.Assessment.Participants = []string{long}
	f.Notes = map[string]string{"sector": long, "archiving": long}
	f.Tools[0].Notes = map[string]string{"account": long, "used_for": long}
	f.Actions = map[string]answers.ActionState{"stop-use/whatsapp": {Status: answers.StatusNotApplicable, Owner: long, Reason: long}}
	out, err := answers.Marshal(f, cat)
	if err != nil {
		t.Fatal(err)
	}
	g, err := answers.Parse("written.yaml", out, cat)
	if err != nil {
		t.Fatalf("a file konform wrote cannot be read: %v", err)
	}
	if diff := cmp.Diff(strip(f), strip(g)); diff != "" {
		t.Errorf("texts changed in the round trip:\n%s", diff)
	}
	// One character more is refused where it stands.
	f.Tools[0].Notes["account"] = long + "ä"
	out, _ = answers.Marshal(f, cat)
	if _, err := answers.Parse("written.yaml", out, cat); err == nil || !strings.Contains(err.Error(), "10001 characters") {
		t.Errorf("a note of %d characters: %v", answers.MaxText+1, err)
	}
	// Too much text in all: the write says so, and nothing is half-written.
	for _, q := range cat.QuestionsIn(catalog.ScopeTool) {
		f.Tools[0].Notes[q.ID] = long
	}
	for _, q := range cat.QuestionsIn(catalog.ScopeContext) {
		f.Notes[q.ID] = long
	}
	if _, err := answers.Marshal(f, cat); err == nil || !strings.Contains(err.Error(), "shorten the longest notes") {
		t.Errorf("a file beyond %d bytes was written: %v", answers.MaxSize, err)
	}
}

// A name typed in decomposed form (NFD, as some systems store it) is the
// same name as in composed form: one tool, one organisation.
func TestNamesAreNormalised(t *testing.T) {
	cat := loadCatalog(t)
	file := func(name string) *answers.File {
		f, err := answers.Parse("x.yaml", []byte("format: konform/answers/v1\nassessment: {organisation: "+name+" GmbH, date: 2026-11-22}\ntools:\n  - tool: other\n    name: "+name+"\n    kind: messenger\n"), cat)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	nfc, nfd := file("\u00c4rztechat"), file("A\u0308rztechat")
	if nfc.Tools[0].Key() != nfd.Tools[0].Key() || nfc.Tools[0].Name != nfd.Tools[0].Name || nfc.Assessment.Organisation != nfd.Assessment.Organisation {
		t.Errorf("NFD and NFC differ: %q/%q, %q/%q", nfc.Tools[0].Key(), nfd.Tools[0].Key(), nfc.Assessment.Organisation, nfd.Assessment.Organisation)
	}
}

// A file with more wrong entries than anyone reads lists the first
// MaxErrors and says how many more – not one line for each of half a
// million (which also took the memory of all those messages) – and a list
// longer than the question's options is wrong as a whole, in one message.
func TestErrorsAreCappedAndOverlongListsAreOneError(t *testing.T) {
	cat := loadCatalog(t)
	var b strings.Builder
	b.WriteString("format: konform/answers/v1\nassessment: {organisation: X, date: 2026-11-22}\ntools:\n")
	for i := range answers.MaxErrors + 30 {
		fmt.Fprintf(&b, "  - tool: other\n    name: T%d\n    kind: messenger\n    answers: {account: nein}\n", i)
	}
	// 100 tools at most: the rest of the errors are the tools over it.
	_, err := answers.Parse("many.yaml", []byte(b.String()), cat)
	var errs *answers.Errors
	if !errors.As(err, &errs) {
		t.Fatalf("got %v, want located errors", err)
	}
	if len(errs.List) != answers.MaxErrors || errs.More != 30 {
		t.Errorf("%d errors listed and %d counted, want %d and 30", len(errs.List), errs.More, answers.MaxErrors)
	}
	for _, l := range []string{"en", "de"} {
		out := errs.In(l)
		want := map[string]string{"en": "many.yaml: … and 30 more problems", "de": "many.yaml: … und 30 weitere Probleme"}[l]
		if !strings.Contains(out, want) || strings.Count(out, "\n") != answers.MaxErrors {
			t.Errorf("%s: the last line does not count the rest:\n%s", l, out[max(0, len(out)-300):])
		}
	}

	long := "format: konform/answers/v1\nassessment: {organisation: X, date: 2026-11-22}\ntools:\n  - tool: zoom\n    answers: {used_for: [" +
		strings.Repeat("x, ", 10000) + "x]}\n"
	_, err = answers.Parse("long.yaml", []byte(long), cat)
	if !errors.As(err, &errs) || len(errs.List) != 1 || !strings.Contains(errs.List[0].Msg, `"used_for" has 10001 entries, but only `) {
		t.Errorf("an overlong list: got %v", err)
	}
}

// The YAML parser's own words reach a German reader in German.
func TestSyntaxErrorsSpeakGerman(t *testing.T) {
	_, err := answers.Parse("a.yaml", []byte("format: konform/answers/v1\nlang: de\ntools: [zoom, jitsi\n"), loadCatalog(t))
	if err == nil {
		t.Fatal("parsed")
	}
	de := msg.Localize(err, "de")
	if !strings.Contains(de, "erwartet wurde ein Komma oder ]") || strings.Contains(de, "did not find") {
		t.Errorf("the German message: %s", de)
	}
}
