package catalog_test

import (
	"encoding/json"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/catalog/gocode"
	"github.com/konform/konform/questions"
)

func load(t *testing.T) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Load(questions.FS)
	if err != nil {
		t.Fatalf("the embedded catalogue does not load:\n%v", err)
	}
	return c
}

func TestEmbeddedCatalogueLoads(t *testing.T) {
	c := load(t)
	t.Logf("%d questions, %d tools, %d rules", len(c.Questions), len(c.Tools), len(c.Rules))
}

// patched returns the embedded catalogue with one replacement in one file.
func patched(t *testing.T, file, old, new string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	entries, err := fs.ReadDir(questions.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := fs.ReadFile(questions.FS, e.Name())
		if err != nil {
			t.Fatal(err)
		}
		if e.Name() == file {
			if !strings.Contains(string(b), old) {
				t.Fatalf("%s does not contain %q", file, old)
			}
			b = []byte(strings.Replace(string(b), old, new, 1))
		}
		m[e.Name()] = &fstest.MapFile{Data: b}
	}
	return m
}

func TestValidationCatchesMistakes(t *testing.T) {
	tests := []struct {
		name, file, old, new, want string
	}{
		{"unknown question in show_if", "context.yaml", "show_if: {q: usage_policy, in: [written, informal]}", "show_if: {q: usage_polcy, in: [written, informal]}", `unknown question "usage_polcy"`},
		{"show_if refers to a later question", "context.yaml", "show_if: {not: {q: staff, equals: solo}}", "show_if: {q: dpo, equals: \"yes\"}", `question "dpo" is not asked before this one`},
		{"unknown option in a condition", "context.yaml", "show_if: {q: usage_policy, in: [written, informal]}", "show_if: {q: usage_policy, in: [written, sometimes]}", `has no option "sometimes"`},
		{"unknown topic", "rules.yaml", "topic: sick-notes", "topic: sicknotes", "unknown topic"},
		{"unknown legal reference", "rules.yaml", "legal: [gdpr-9-2b, bdsg-26, efzg-5]", "legal: [gdpr-99, bdsg-26, efzg-5]", `unknown legal reference "gdpr-99"`},
		{"unknown source", "rules.yaml", "sources: [record-ldi-nrw-whatsapp-2025, record-eau-2023, record-cjeu-c-34-21]", "sources: [seed-009, record-eau-2023, record-cjeu-c-34-21]", `unknown source "seed-009"`},
		{"missing English text", "context.yaml", "en: \"What field does your organisation work in?\"", "en: \"\"", "question sector title: English text missing"},
		{"choice without unknown", "context.yaml", "      - {id: large, label: {de: \"250 oder mehr\", en: \"250 or more\"}}\n      - {id: unknown,", "      - {id: large, label: {de: \"250 oder mehr\", en: \"250 or more\"}}\n      - {id: unsure,", `every factual question offers "unknown"`},
		{"fact value not declared", "tools.yaml", "seat: {value: germany, as_of: 2020-06-18", "seat: {value: deutschland, as_of: 2020-06-18", `"deutschland" is not a value of this fact`},
		{"fact without date", "tools.yaml", "open_source: {value: \"no\", as_of: 2020-04-30, source: [seed-000]}", "open_source: {value: \"no\", source: [seed-000]}", "as_of missing"},
		{"duplicate question id", "tool_questions.yaml", "  - id: auto_delete", "  - id: app_lock", `question "app_lock" is defined twice`},
		{"rule that can never fire", "rules.yaml", "when: {q: sick_notes, in: [\"yes\", unknown]}", "when: {all: [{q: sick_notes, equals: \"yes\"}, {q: sick_notes, equals: \"no\"}]}", "rule sick_notes_via_messenger: its condition can never hold"},
		{"question that can never be shown", "tool_questions.yaml", "show_if: {q: dpa_signed, equals: signed}", "show_if: {all: [{kind: video}, {kind: messenger}]}", "question dpa_checked: its show_if can never hold"},
		{"unknown key", "tools.yaml", "    vendor: Cisco\n", "    vendor: Cisco\n    vendr: Cisco\n", "field vendr not found"},
		{"bad condition shape", "rules.yaml", "when: {q: terms_checked, in: [\"no\", unknown]}", "when: {q: terms_checked}", "q needs exactly one of equals or in"},
		{"too many norms", "rules.yaml", "legal: [gdpr-9-2b, bdsg-26, efzg-5]", "legal: [gdpr-9-2b, bdsg-26, efzg-5, gdpr-9]", "4 legal references; name at most the 3"},
		{"unknown placeholder", "rules.yaml", "Only message {clients} who agreed", "Only message {customers} who agreed", "unknown placeholder {customers}"},
		{"source date not a date", "sources.yaml", "    date: \"2020-06-18\"\n    file: 002", "    date: \"18.06.2020\"\n    file: 002", `source seed-002: date "18.06.2020" must be YYYY`},
		{"undated source without the day it was read", "sources.yaml", "    date: undated\n    url: https://www.cisco.com/c/en/us/about/trust-center/gdpr.html\n    read: \"2026-12-01\"\n", "    date: undated\n    url: https://www.cisco.com/c/en/us/about/trust-center/gdpr.html\n", "source record-cisco-dpf: an undated source needs url and read"},
		{"open answer without what the plan assumes", "tool_questions.yaml", "    assume:\n      de: Es wird angenommen, dass nichts automatisch gelöscht wird.\n      en: The plan assumes nothing is deleted automatically.\n", "", "question auto_delete assume: German text missing"},
		{"says for an answer that does not exist", "context.yaml", "      \"no\":\n        dpo_involve:", "      nein:\n        dpo_involve:", `question dpo says: "no" names the same words as "yes"`},
		{"question shows an unknown fact", "tool_questions.yaml", "    shows_fact: ai\n", "    shows_fact: ki\n", `shows_fact names unknown fact "ki"`},
		{"topic list changed", "topics.yaml", "  - {id: dpia,", "  - {id: dsfa,", "topics: the list must be exactly"},
		{"empty area", "tool_questions.yaml", "    area: privacy_settings\n    type: yesno\n    title: {de: \"Sind Telemetrie", "    area: information\n    type: yesno\n    title: {de: \"Sind Telemetrie", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := catalog.Load(patched(t, tc.file, tc.old, tc.new))
			if tc.want == "" {
				// Moving one question out of an area is fine while others remain.
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("the catalogue loaded; want an error with %q", tc.want)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error does not mention %q:\n%v", tc.want, err)
			}
		})
	}
}

func TestEveryQuestionHasBothLanguagesAndEveryToolItsFacts(t *testing.T) {
	c := load(t)
	if n := len(c.Questions); n < 50 || n > 80 {
		t.Errorf("%d questions; the brief asks for 50–80", n)
	}
	if n := len(c.Tools); n < 25 {
		t.Errorf("%d tools; at least 25 are needed", n)
	}
	for _, id := range []string{"whatsapp", "whatsapp-business-app", "whatsapp-business-platform", "signal", "threema",
		"telegram", "wire", "slack", "microsoft-teams", "zoom", "webex", "google-meet", "gotomeeting", "teamviewer",
		"blizz", "jitsi-meet", "jitsi-selfhosted", "bigbluebutton", "whereby", "edudip", "skype", "tixeocloud",
		"sichere-videokonferenz", "threema-work", "element", "nextcloud-talk", "other"} {
		if c.Tool(id) == nil {
			t.Errorf("tool %s is missing", id)
		}
	}
}

// The compiled catalogue konform starts from is the YAML catalogue.
func TestCompiledCatalogueMatchesTheYAML(t *testing.T) {
	c := load(t)
	src, err := gocode.Source(c, "questions", "compiled")
	if err != nil {
		t.Fatal(err)
	}
	gen, err := fs.ReadFile(os.DirFS("../../questions"), "catalog_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if string(src) != string(gen) {
		t.Fatal("questions/catalog_gen.go is out of date: run go generate ./questions (make generate)")
	}
	d, err := questions.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal(c)
	got, _ := json.Marshal(d)
	if string(got) != string(want) {
		t.Fatal("the compiled catalogue differs from the YAML catalogue")
	}
	if d.Question("sector") == nil || d.Tool("zoom").Facts["seat"].AsOf.String() != "2020-06-18" || d.FactDef("seat").Values[0].Short.DE != "DE" {
		t.Fatal("the compiled catalogue is incomplete")
	}
	if err := d.Validate(); err != nil {
		t.Fatalf("the compiled catalogue does not validate: %v", err)
	}
}

// A club, a practice and a firm answer the same questions: a title never
// speaks of "the business" or "your customers" – a club's volunteers would
// read them as not meant for them (the works council's questions name the
// council, which is what they ask about).
func TestQuestionsSpeakToEveryOrganisation(t *testing.T) {
	c := load(t)
	bad := regexp.MustCompile(`\b(Betrieb|Betriebs|Betriebes)\b|Ihre Kunden|geschäftlich genutzt|geschäftliche Chats|\bbusiness chats\b|\byour customers\b`)
	for _, q := range c.Questions {
		for _, s := range []string{q.Title.DE, q.Title.EN} {
			if m := bad.FindString(s); m != "" {
				t.Errorf("question %s says %q: %s", q.ID, m, s)
			}
		}
	}
	for _, a := range c.Areas {
		if m := bad.FindString(a.Title.DE); m != "" {
			t.Errorf("area %s says %q", a.ID, m)
		}
	}
}

// A title with an unquoted " #" loses its rest to YAML's comment: every
// source title closes the brackets it opens.
func TestSourceTitlesAreWhole(t *testing.T) {
	for _, s := range load(t).Sources {
		if strings.Count(s.Title, "(") != strings.Count(s.Title, ")") {
			t.Errorf("source %s: the title %q is cut short", s.ID, s.Title)
		}
	}
}
