package draft_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/draft"
	"github.com/konform/konform/internal/testkit"
)

// One truth: the plan and its drafts never contradict each other. The
// checks run over every example and over generated combinations of
// sectors, tools, uses, contracts and kinds of check; each would fail if a
// later rule or draft broke one of them.
func TestPlanAndDraftsAreOneTruth(t *testing.T) {
	cat := testkit.Catalog(t)
	plans := map[string]*assess.Plan{}
	for _, path := range testkit.Examples(t) {
		plans[path] = assess.Assess(cat, testkit.Answers(t, cat, path))
	}
	for name, yaml := range combinations() {
		f, err := answers.Parse(name, []byte(yaml), cat)
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, yaml)
		}
		plans[name] = assess.Assess(cat, f)
	}
	if len(plans) < 300 {
		t.Fatalf("only %d plans: the combinations are not generated", len(plans))
	}
	for name, p := range plans {
		for _, l := range []catalog.Lang{catalog.DE, catalog.EN} {
			checkOneTruth(t, name+" ("+string(l)+")", p, l)
		}
	}
}

// combinations are answers files across sectors, tools, uses, contracts
// and both kinds of check.
func combinations() map[string]string {
	out := map[string]string{}
	sectors := []string{"health", "legal_tax", "business", "association"}
	tools := []string{"whatsapp", "whatsapp-business-app", "signal", "threema-work", "zoom", "microsoft-teams", "jitsi-selfhosted"}
	uses := []string{"[internal]", "[customer_contact, appointments]", "[internal, consultations]"}
	for _, sector := range sectors {
		secrecy := map[bool]string{true: "yes", false: "no"}[sector == "health" || sector == "legal_tax"]
		for _, tool := range tools {
			for _, use := range uses {
				for _, dpa := range []string{"signed", "not_signed"} {
					for _, check := range []string{"quick", "full"} {
						name := fmt.Sprintf("%s-%s-%s-%s-%s", sector, tool, use, dpa, check)
						out[name] = fmt.Sprintf(`format: konform/answers/v1
lang: de
assessment: {organisation: Test, date: 2026-11-22, check: %s}
context:
  sector: %s
  secrecy_203: "%s"
  partners: both
  partner_groups: [businesses]
  works_council: "yes"
  video_consultation: "yes"
tools:
  - tool: %s
    answers:
      used_for: %s
      special_categories: "no"
      dpa_signed: %s
`, check, sector, secrecy, tool, use, dpa)
					}
				}
			}
		}
	}
	return out
}

// internalWords are what a published text must never say: the plan's
// verdicts, catalogue dates and remarks meant for the consultant.
var internalWords = []string{
	"siehe Aktionsplan", "see the action plan", "Aktionsplan", "action plan",
	"nicht zulässig", "not lawful", "unzulässig", "unlawful",
	"ohne Auftragsverarbeitungsvertrag", "without a data processing agreement",
	"Stand 20", "as of 20", "to_verify", "zu prüfen", "to verify",
}

// clientFacingRules are the rules that only make sense for a tool used
// with people outside the organisation.
var clientFacingRules = []string{
	"privacy_notice_external", "no_first_contact_info", "no_first_contact_info_by_hand",
	"no_contact_consent", "children_contacted", "no_imprint", "no_imprint_merchant",
	"patients_not_via_whatsapp", "secrecy_provider_signs_none", "secrecy_not_bound",
	"marketing_without_consent", "marketing_consent_unknown", "marketing_with_consent",
}

func checkOneTruth(t *testing.T, name string, p *assess.Plan, l catalog.Lang) {
	t.Helper()
	body := func(k draft.Kind) string {
		// The quote at the top is for whoever edits the draft: it may
		// name the plan. The text below is what others read.
		var lines []string
		for _, line := range strings.Split(string(draft.Make(p, k, l).Markdown), "\n") {
			if !strings.HasPrefix(line, ">") {
				lines = append(lines, line)
			}
		}
		return strings.Join(lines, "\n")
	}
	notice, policy, records := body(draft.Notice), body(draft.Policy), body(draft.Records)
	allowed := section(policy, "## 1.", "## 2.")
	allowedTable := tableOf(allowed)

	for _, tool := range p.Tools {
		tn := tool.Name.In(l)
		if tool.Lead != nil {
			// A replaced tool: no notice section, no first-contact message,
			// no permission in the policy (at most its uses inside).
			if tool.ReplaceAll() {
				for _, head := range []string{"### Zusammenarbeit über " + tn, "### Working together through " + tn} {
					if strings.Contains(notice, head+"\n") {
						t.Errorf("%s: the plan stops %s, yet the notice tells staff about it", name, tn)
					}
				}
			}
			for _, head := range []string{"## Kommunikation über " + tn, "## Communication through " + tn} {
				if strings.Contains(notice, head+"\n") {
					t.Errorf("%s: the plan replaces %s, yet the notice has a section for it", name, tn)
				}
			}
			for _, row := range allowedTable {
				if !strings.HasPrefix(row, "| "+tn+" |") {
					continue
				}
				if tool.ReplaceAll() || !strings.Contains(row, map[catalog.Lang]string{catalog.DE: "nicht mit", catalog.EN: "not with"}[l]) {
					t.Errorf("%s: the plan replaces %s, yet the policy allows it: %s", name, tn, row)
				}
			}
			if !strings.Contains(allowed, "- "+tn+": ") {
				t.Errorf("%s: the plan replaces %s, yet the policy does not say from when it is not allowed", name, tn)
			}
		}
		if !tool.Outward {
			for _, a := range p.Actions {
				if a.Tool != tool {
					continue
				}
				for _, r := range a.Rules {
					if slices.Contains(clientFacingRules, r) {
						t.Errorf("%s: %s is used inside only, yet gets the client-facing action %s (%s)", name, tn, a.ID, r)
					}
				}
			}
			if tool.Verdict == assess.Replace && tool.Lead.Topic.ID == "switch-provider" {
				t.Errorf("%s: %s is used inside only, yet the plan replaces it for clients (%s)", name, tn, tool.Lead.Rules)
			}
		}
		// The record's transfer says what the plan's transfer actions say.
		row := tableRow(records, tn, map[catalog.Lang]string{catalog.DE: "| Übermittlung in Drittländer und Garantien |", catalog.EN: "| Transfers to third countries and safeguards |"}[l])
		none := strings.Contains(row, map[catalog.Lang]string{catalog.DE: "| keine –", catalog.EN: "| none –"}[l])
		for _, a := range p.Actions {
			if a.Tool == tool && a.Topic.ID == "third-country-transfer" && none {
				t.Errorf("%s: the plan has %s, yet the record says no transfer: %s", name, a.ID, row)
			}
		}
		if tool.Transfer.DPF != nil && tool.Transfer.DPF.Fact.Value == "certified" && strings.Contains(records, "nicht zulässig") {
			t.Errorf("%s: the record calls a transfer of the DPF-certified %s not permitted", name, tn)
		}
	}
	for _, text := range []string{notice, policy} {
		for _, w := range internalWords {
			if strings.Contains(text, w) {
				t.Errorf("%s: a published draft says %q:\n%s", name, w, text)
			}
		}
	}
	for _, a := range p.FirstSteps {
		if a.Conditional || a.Document {
			t.Errorf("%s: first step %s is conditional or documentation only", name, a.ID)
		}
	}
	for _, a := range p.Actions {
		if a.Conditional && !a.Due.IsZero() && !a.DueSet {
			t.Errorf("%s: %s rests on questions not asked, yet is due %s", name, a.ID, a.Due)
		}
		if a.Conditional && !p.Assessment.Quick() {
			t.Errorf("%s: %s is conditional in a full check", name, a.ID)
		}
	}
	// Where the threshold check requires an impact assessment, the plan
	// asks for one (unless the answers say it is done or found unneeded).
	if r := draft.ThresholdCheck(p, string(l)); r.Result == draft.Met {
		done := false
		for _, a := range p.Context {
			if a.Question.ID == "dpia_done" && (slices.Contains(a.Values, "done") || slices.Contains(a.Values, "checked_not_needed")) {
				done = true
			}
		}
		if !done && !slices.ContainsFunc(p.Actions, func(a *assess.Action) bool { return a.Topic.ID == "dpia" }) {
			t.Errorf("%s: the threshold check requires a DPIA, the plan does not ask for one", name)
		}
	}
	// The threshold check counts what the plan counts.
	sensitive := false
	for _, tool := range p.Tools {
		for _, a := range tool.Answers {
			if (a.Question.ID == "sick_notes" || a.Question.ID == "special_categories") && slices.Contains(a.Values, "yes") {
				sensitive = true
			}
		}
	}
	if sensitive {
		for _, c := range draft.ThresholdCheck(p, string(l)).Criteria {
			if c.ID == "wp248-4" && c.Judged != draft.Met {
				t.Errorf("%s: sensitive data in a tool, yet the threshold check judges criterion 4 %s", name, c.Judged)
			}
		}
	}
}

// section is the text from the heading that starts with from to the one
// that starts with to.
func section(s, from, to string) string {
	i := strings.Index(s, "\n"+from)
	if i < 0 {
		return ""
	}
	s = s[i:]
	if j := strings.Index(s[1:], "\n"+to); j >= 0 {
		s = s[:j+1]
	}
	return s
}

// tableOf are the table rows of s.
func tableOf(s string) []string {
	var rows []string
	for _, line := range strings.Split(s, "\n") {
		if strings.HasPrefix(line, "| ") {
			rows = append(rows, line)
		}
	}
	return rows
}

// tableRow is the row that starts with field in the record's entry for the
// tool named name.
func tableRow(records, name, field string) string {
	for _, entry := range strings.Split(records, "\n## ") {
		if !strings.Contains(strings.SplitN(entry, "\n", 2)[0], name) {
			continue
		}
		for _, line := range strings.Split(entry, "\n") {
			if strings.HasPrefix(line, field) {
				return line
			}
		}
	}
	return ""
}
