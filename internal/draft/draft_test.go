package draft_test

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/draft"
	"github.com/konform/konform/internal/testkit"
)

// Every example gives all five drafts in both languages; their Markdown is
// golden (make golden), made twice the same, and the gap count at the top
// is the number of marks below it.
func TestDraftsOfTheExamples(t *testing.T) {
	cat := testkit.Catalog(t)
	for _, path := range testkit.Examples(t) {
		name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		p := assess.Assess(cat, testkit.Answers(t, cat, path))
		for _, l := range []catalog.Lang{catalog.DE, catalog.EN} {
			for _, k := range draft.Kinds {
				d := draft.Make(p, k, l)
				testkit.Golden(t, filepath.Join("testdata", name+"-"+string(k)+"-"+string(l)+".md"), d.Markdown)
				if again := draft.Make(p, k, l); !bytes.Equal(again.Markdown, d.Markdown) {
					t.Errorf("%s %s %s: not the same twice", name, k, l)
				}
				// A gap counts once, however many fields it leaves open.
				mark := regexp.MustCompile(map[catalog.Lang]string{catalog.DE: `\*\*zu klären: (.+?)\*\*`, catalog.EN: `\*\*to clarify: (.+?)\*\*`}[l])
				distinct := map[string]bool{}
				for _, m := range mark.FindAllStringSubmatch(string(d.Markdown), -1) {
					distinct[m[1]] = true
				}
				marks := len(distinct)
				if k == draft.DPIACheck {
					marks += strings.Count(string(d.Markdown), map[catalog.Lang]string{catalog.DE: "| **zu klären** |", catalog.EN: "| **to clarify** |"}[l])
					marks += strings.Count(string(d.Markdown), map[catalog.Lang]string{catalog.DE: "**Zu klären:**", catalog.EN: "**To clarify:**"}[l])
				}
				if marks != len(d.Gaps) {
					t.Errorf("%s %s %s: %d marks, %d gaps", name, k, l, marks, len(d.Gaps))
				}
				head := fmt.Sprintf(map[catalog.Lang]string{catalog.DE: "Offene Stellen: **%d**", catalog.EN: "Open fields: **%d**"}[l], len(d.Gaps))
				if len(d.Gaps) > 0 && !strings.Contains(string(d.Markdown), head) {
					t.Errorf("%s %s %s: the top does not say %q", name, k, l, head)
				}
			}
		}
	}
}

func plan(t *testing.T, yaml string) *assess.Plan { t.Helper(); return testkit.Plan(t, yaml) }

const base = `format: konform/answers/v1
lang: de
assessment: {organisation: "Praxis <Lind>", date: 2026-11-22}
`

// An answered field is in the draft where it belongs; the same field
// unanswered is a gap that names its question.
func TestAnsweredFieldsAndGaps(t *testing.T) {
	answered := plan(t, base+`context:
  dpo: "yes"
  controller: "Zahnarztpraxis Dr. Lind, Hauptstraße 1, 12345 Musterstadt"
  privacy_contact: "Eva Lind, datenschutz@praxis-lind.example"
  dpo_contact: "Externer DSB Herr Aydin, dsb@example.org"
  website: "https://praxis-lind.example/datenschutz"
  partners: both
  partner_groups: [patients]
  deletion_periods: "yes"
tools:
  - tool: whatsapp-business-app
    answers: {used_for: [appointments], special_categories: "no", dpa_signed: signed, transfer_basis: dpf}
`)
	open := plan(t, base+`tools: [{tool: whatsapp-business-app}]
`)
	cat := testkit.Catalog(t)
	for _, tc := range []struct {
		kind     draft.Kind
		question string
		value    string
	}{
		{draft.Records, "controller", "Zahnarztpraxis Dr. Lind, Hauptstraße 1, 12345 Musterstadt"},
		{draft.Records, "privacy_contact", `datenschutz\@praxis-lind.example`},
		{draft.Records, "dpo_contact", `dsb\@example.org`},
		{draft.Records, "used_for", "Terminabsprachen"},
		{draft.Records, "partner_groups", "Patientinnen, Klienten oder Mandanten"},
		{draft.Records, "transfer_basis", "Durchführungsbeschluss (EU) 2023/1795"},
		{draft.Records, "deletion_periods", "festgelegten Löschfristen"},
		{draft.Notice, "website", `<https://praxis-lind.example/datenschutz>`},
		{draft.Notice, "controller", "Hauptstraße 1"},
		{draft.Policy, "privacy_contact", "Eva Lind"},
	} {
		t.Run(string(tc.kind)+"/"+tc.question, func(t *testing.T) {
			got := string(draft.Make(answered, tc.kind, catalog.DE).Markdown)
			if !strings.Contains(got, tc.value) {
				t.Errorf("the answer %q is not in the draft:\n%s", tc.value, got)
			}
			d := draft.Make(open, tc.kind, catalog.DE)
			title := cat.Question(tc.question).Title.In(catalog.DE)
			// Not asked before the question above them is answered: that
			// one is the gap.
			switch tc.question {
			case "dpo_contact":
				title = cat.Question("dpo").Title.In(catalog.DE)
			case "partner_groups":
				title = cat.Question("partners").Title.In(catalog.DE)
			case "deletion_periods":
				// Whether there are periods is not what the draft needs:
				// the period itself, set and entered.
				title = "Löschfrist festlegen und hier eintragen"
			case "transfer_basis":
				// The catalogue names the provider's DPF certification:
				// what the record needs is the day its list entry was
				// checked, not the question again.
				title = "Datum der Prüfung der DPF-Liste eintragen"
			}
			if !strings.Contains(string(d.Markdown), "**zu klären: "+title+"**") {
				t.Errorf("unanswered, %s is not marked with its question %q:\n%s", tc.question, title, d.Markdown)
			}
		})
	}
	// Text from the answers file is escaped as in plans.
	if got := string(draft.Make(answered, draft.Records, catalog.DE).Markdown); !strings.Contains(got, `Praxis \<Lind\>`) {
		t.Errorf("the organisation's name is not escaped:\n%s", got)
	}
}

// The policy leaves out what the answers exclude: no recording rules when
// nothing is recorded; no works council paragraph without one.
func TestPolicyOmitsWhatTheAnswersExclude(t *testing.T) {
	never := plan(t, base+`context: {works_council: "no"}
tools: [{tool: zoom, answers: {recording: never}}]
`)
	got := string(draft.Make(never, draft.Policy, catalog.DE).Markdown)
	for _, no := range []string{"Aufzeichnungen und Transkripte", "Betriebsrat"} {
		if strings.Contains(got, no) {
			t.Errorf("the policy has %q though the answers exclude it:\n%s", no, got)
		}
	}
	sometimes := plan(t, base+`context: {works_council: "yes", video_consultation: "no"}
tools: [{tool: zoom, answers: {recording: sometimes}}]
`)
	got = string(draft.Make(sometimes, draft.Policy, catalog.DE).Markdown)
	for _, yes := range []string{"## 4. Aufzeichnungen und Transkripte", "§ 201 StGB", "der Betriebsrat hat dieser Richtlinie deshalb am **zu klären: Datum der Zustimmung des Betriebsrats eintragen – erst dann die Richtlinie bekannt geben** zugestimmt (§ 87 Abs. 1 Nr. 6 BetrVG)"} {
		if !strings.Contains(got, yes) {
			t.Errorf("the policy lacks %q:\n%s", yes, got)
		}
	}
}

// Each criterion of the threshold check is judged from the answers that
// carry it; two or more criteria, or an Art. 35(3) case, require a DPIA.
func TestThresholdCheckCriteria(t *testing.T) {
	judged := func(r draft.DPIAResult, id string) draft.Judgement {
		for _, c := range r.Criteria {
			if c.ID == id {
				return c.Judged
			}
		}
		t.Fatalf("no criterion %s", id)
		return ""
	}
	for _, tc := range []struct {
		name      string
		yaml      string
		criterion string
		want      draft.Judgement
	}{
		{"monitoring → evaluation", `context: {monitoring: "yes"}
tools: [{tool: threema-work}]`, "wp248-1", draft.Met},
		{"no monitoring", `context: {monitoring: "no"}
tools: [{tool: threema-work}]`, "wp248-3", draft.NotMet},
		{"monitoring unknown", `tools: [{tool: threema-work}]`, "wp248-3", draft.ToClarify},
		{"monitoring → Art. 35(3)(a)", `context: {monitoring: "yes"}
tools: [{tool: threema-work}]`, "art35-3a", draft.Met},
		{"health data → sensitive", `tools: [{tool: threema-work, answers: {special_categories: "yes"}}]`, "wp248-4", draft.Met},
		{"professional secrecy → sensitive", `context: {secrecy_203: "yes"}
tools: [{tool: threema-work, answers: {special_categories: "no"}}]`, "wp248-4", draft.Met},
		{"health data in a small practice → not large scale", `context: {staff: small}
tools: [{tool: threema-work, answers: {special_categories: "yes"}}]`, "art35-3b", draft.NotMet},
		{"health data in a large organisation → Art. 35(3)(b)", `context: {staff: large}
tools: [{tool: threema-work, answers: {special_categories: "yes"}}]`, "art35-3b", draft.Met},
		{"patients of a practice → vulnerable", `context: {sector: health, partners: external, partner_groups: [patients]}
tools: [{tool: threema-work, answers: {used_for: [appointments]}}]`, "wp248-7", draft.Met},
		{"a tax firm's clients → not vulnerable", `context: {sector: legal_tax, partners: external, partner_groups: [patients]}
tools: [{tool: threema-work, answers: {used_for: [customer_contact]}}]`, "wp248-7", draft.NotMet},
		{"employees' sick notes → vulnerable", `context: {sector: business, partners: internal}
tools: [{tool: threema-work, answers: {used_for: [staff_matters], sick_notes: "yes"}}]`, "wp248-7", draft.Met},
		{"businesses only → not vulnerable", `context: {partners: external, partner_groups: [businesses]}
tools: [{tool: threema-work, answers: {used_for: [customer_contact]}}]`, "wp248-7", draft.NotMet},
		{"AI summaries → innovative", `tools: [{tool: zoom, answers: {ai_features: "on"}}]`, "wp248-8", draft.Met},
		{"AI off", `tools: [{tool: zoom, answers: {ai_features: "off"}}]`, "wp248-8", draft.NotMet},
		{"a provider's own purposes are Art. 28(10), not combining", `tools: [{tool: whatsapp, answers: {own_purposes: reserved, address_book: blocked}}]`, "wp248-6", draft.NotMet},
		{"whole address book → combining", `tools: [{tool: threema-work, answers: {address_book: full, own_purposes: excluded}}]`, "wp248-6", draft.Met},
		{"250 or more staff → large scale", `context: {staff: large}
tools: [{tool: threema-work}]`, "wp248-5", draft.Met},
		{"automated decisions never", `tools: [{tool: threema-work}]`, "wp248-2", draft.NotMet},
		{"public areas never", `tools: [{tool: threema-work}]`, "art35-3c", draft.NotMet},
		{"other ways always open", `tools: [{tool: threema-work}]`, "wp248-9", draft.NotMet},
		{"the authority's list is compared by hand", `context: {monitoring: "no"}
tools: [{tool: threema-work}]`, "dsk-rest", draft.ToClarify},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := draft.ThresholdCheck(plan(t, base+tc.yaml+"\n"), "de")
			if got := judged(r, tc.criterion); got != tc.want {
				t.Errorf("%s: %s, want %s", tc.criterion, got, tc.want)
			}
		})
	}
	for _, tc := range []struct {
		name string
		yaml string
		want draft.Judgement
	}{
		{"sensitive data of patients of an individual physician: recital 91 sentence 4", `context: {sector: health, partners: external, partner_groups: [patients], monitoring: "no", staff: solo}
tools: [{tool: threema-work, answers: {used_for: [consultations], special_categories: "yes", own_purposes: excluded, ai_features: "off", address_book: blocked}}]`, draft.NotMet},
		{"sensitive data of patients in a practice of 2 to 19: one physician or a group practice, to clarify", `context: {sector: health, partners: external, partner_groups: [patients], monitoring: "no", staff: small}
tools: [{tool: threema-work, answers: {used_for: [consultations], special_categories: "yes", own_purposes: excluded, ai_features: "off", address_book: blocked}}]`, draft.ToClarify},
		{"sensitive data of patients in a larger institution: two criteria", `context: {sector: health, partners: external, partner_groups: [patients], monitoring: "no", staff: medium}
tools: [{tool: threema-work, answers: {used_for: [consultations], special_categories: "yes", own_purposes: excluded, ai_features: "off", address_book: blocked}}]`, draft.Met},
		// The plan keeps letters and findings out of the team's chats
		// (KIM and the TI-Messenger): the team's activity counts its
		// employees, and its sick notes are open.
		{"a single practice whose team chats through the tool: employees count, patient data kept out", `context: {sector: health, partners: both, partner_groups: [patients], monitoring: "no", staff: small}
tools: [{tool: threema-work, answers: {used_for: [consultations, internal], special_categories: "yes", own_purposes: excluded, ai_features: "off", address_book: blocked}}]`, draft.ToClarify},
		{"one criterion only", `context: {partners: external, partner_groups: [businesses], monitoring: "no", staff: small}
tools: [{tool: threema-work, answers: {used_for: [customer_contact], special_categories: "yes", own_purposes: excluded, ai_features: "off", address_book: blocked}}]`, draft.NotMet},
		{"one met, one open", `context: {partners: external, partner_groups: [businesses], monitoring: "no", staff: small}
tools: [{tool: threema-work, answers: {special_categories: "yes", address_book: blocked}}]`, draft.ToClarify},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := draft.ThresholdCheck(plan(t, base+tc.yaml+"\n"), "de").Result; got != tc.want {
				t.Errorf("result %s, want %s", got, tc.want)
			}
		})
	}
	// Required: the DPO duty regardless of headcount.
	got := string(draft.Make(plan(t, base+`context: {monitoring: "yes", dpo: "no"}
tools: [{tool: threema-work}]
`), draft.DPIACheck, catalog.DE).Markdown)
	if !strings.Contains(got, "§ 38 Abs. 1 Satz 2 BDSG") || !strings.Contains(got, "Datenschutzbeauftragte(r): nicht benannt") {
		t.Errorf("a required DPIA does not name the DPO duty:\n%s", got)
	}
}

// markdownlint-cli2 accepts every draft of every example, in both
// languages.
func TestDraftsPassMarkdownlint(t *testing.T) {
	cat := testkit.Catalog(t)
	files := map[string][]byte{}
	for _, path := range testkit.Examples(t) {
		name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		p := assess.Assess(cat, testkit.Answers(t, cat, path))
		for _, l := range []catalog.Lang{catalog.DE, catalog.EN} {
			for _, k := range draft.Kinds {
				files[name+"-"+string(k)+"-"+string(l)+".md"] = draft.Make(p, k, l).Markdown
			}
		}
	}
	testkit.Markdownlint(t, files)
}

// A tool the plan stops at once is banned at once: the ban is an
// instruction that waits neither for the policy nor for the works
// council's consent to it.
func TestPolicyBansAtOnceWhatThePlanStopsAtOnce(t *testing.T) {
	p := testkit.Assess(t, testkit.Catalog(t), testkit.Example("tax-teams-signal.yaml"))
	for l, want := range map[catalog.Lang][]string{
		catalog.DE: {"Signal: ab sofort nicht mehr dienstlich nutzen.", "gilt als Weisung der Leitung (§ 106 GewO) seit dem **zu klären: Datum der Weisung eintragen**"},
		catalog.EN: {"Signal: not to be used for work from now on.", "has applied as the management's instruction (Weisung, § 106 GewO) since **to clarify: enter the date of the instruction**"},
	} {
		md := string(draft.Make(p, draft.Policy, l).Markdown)
		for _, w := range want {
			if !strings.Contains(md, w) {
				t.Errorf("%s: the policy lacks %q:\n%s", l, w, md)
			}
		}
	}
}
