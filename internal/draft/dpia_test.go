package draft_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/draft"
	"github.com/konform/konform/internal/testkit"
)

// The threshold check reasons like a DPO: employees working through the
// tools are vulnerable data subjects; AI features the plan locks and a
// note-taker it suspends are not today's processing – the check weighs
// them in a row of their own, as they would run once released: a
// note-taker joining every meeting is systematic monitoring (and behaviour
// of employees on the German list), so the assessment is required before
// release; the result stands per processing activity, and the sign-off
// takes the assessor and date from the answers, with a review date.
func TestThresholdCheckOfAnEngineeringOffice(t *testing.T) {
	cat := testkit.Catalog(t)
	p := testkit.Assess(t, cat, testkit.Example("engineering-ai.yaml"))
	r := draft.ThresholdCheck(p, "de")
	if r.Result != draft.NotMet {
		t.Errorf("without the AI features the plan holds back: result %s, want not met", r.Result)
	}
	judged := map[string]draft.Judgement{}
	for _, c := range r.Criteria {
		judged[c.ID] = c.Judged
	}
	for id, want := range map[string]draft.Judgement{"wp248-3": draft.NotMet, "wp248-7": draft.Met, "wp248-8": draft.NotMet, "dsk-6": draft.NotMet, "wp248-6": draft.NotMet} {
		if judged[id] != want {
			t.Errorf("%s: %s, want %s", id, judged[id], want)
		}
	}
	if r.Release == nil || r.Release.Result != draft.Met || !slices.Equal(r.Release.Met, []string{"3", "7", "8", "DSK-Liste"}) ||
		!strings.Contains(r.Release.Tools, "Fireflies.ai") || !strings.Contains(r.Release.Tools, "Microsoft Teams") {
		t.Errorf("the AI features held back: %+v, want required before release (3, 7, 8, DSK-Liste)", r.Release)
	}
	if len(r.Activities) == 0 || r.Activities[0].ID != "VT-01" {
		t.Fatalf("no result per processing activity: %+v", r.Activities)
	}
	md := string(draft.Make(p, draft.DPIACheck, catalog.DE).Markdown)
	for _, want := range []string{"| VT-01: ", "**Vorbereitet von:** Jonas Kehl", "**am:** 2026-11-30", "spätestens am 2027-11-30", "Art. 35 Abs. 2 DSGVO"} {
		if !strings.Contains(md, want) {
			t.Errorf("the threshold check lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "Benannt: benannt") || strings.Contains(md, "Erwägungsgrund 91") {
		t.Errorf("wording from elsewhere in an engineering office's check:\n%s", md)
	}
}

// An individual physician whose only criteria are the patients'
// sensitive data weighs recital 91 sentence 4, and says so; a practice of 2
// to 19 people may be a group practice, which the answers do not tell – the
// check asks instead of assuming. The per-activity table gives the same
// reason as the result.
func TestThresholdCheckRecital91(t *testing.T) {
	for staff, want := range map[string][]string{
		"solo":  {"Erwägungsgrund 91 Satz 4", "Patientinnen und Patienten", "nicht erforderlich", "nicht erforderlich (Erwägungsgrund 91 Satz 4)"},
		"small": {"Erwägungsgrund 91 Satz 4", "Gemeinschaftspraxis", "zu klären: festhalten, ob eine einzelne Berufsträgerin", "**zu klären:** erforderlich, außer bei einer einzelnen Berufsträgerin oder einem einzelnen Berufsträger (Erwägungsgrund 91 Satz 4)"},
	} {
		p := plan(t, base+`context: {sector: health, partners: external, partner_groups: [patients], monitoring: "no", staff: `+staff+`}
tools: [{tool: threema-work, answers: {used_for: [consultations], special_categories: "yes", address_book: blocked}}]
`)
		md := string(draft.Make(p, draft.DPIACheck, catalog.DE).Markdown)
		for _, w := range want {
			if !strings.Contains(md, w) {
				t.Errorf("%s: the weighing under recital 91 lacks %q:\n%s", staff, w, md)
			}
		}
		if staff == "small" && strings.Contains(md, "nicht erforderlich") {
			t.Errorf("a practice that may be a group practice is told no DPIA is needed:\n%s", md)
		}
	}
}

// Without a DPO, a required impact assessment means one must be designated
// first – the sign-off never says their advice is "not applicable".
func TestThresholdCheckAdviceWithoutADPO(t *testing.T) {
	p := plan(t, base+`context: {monitoring: "yes", dpo: "no"}
tools: [{tool: threema-work}]
`)
	md := string(draft.Make(p, draft.DPIACheck, catalog.DE).Markdown)
	if strings.Contains(md, "entfällt") || !strings.Contains(md, "erst eine Datenschutzbeauftragte oder einen Datenschutzbeauftragten benennen") {
		t.Errorf("the advice of a DPO yet to be designated:\n%s", md)
	}
	p = plan(t, base+`context: {monitoring: "no", dpo: "no", partners: external, partner_groups: [businesses], staff: small}
tools: [{tool: threema-work, answers: {used_for: [customer_contact], special_categories: "no", own_purposes: excluded, ai_features: "off", address_book: blocked}}]
`)
	if md := string(draft.Make(p, draft.DPIACheck, catalog.DE).Markdown); !strings.Contains(md, "entfällt") {
		t.Errorf("no DPIA and no DPO: the advice is not applicable:\n%s", md)
	}
}

// A processing activity whose tools the plan replaces: the check is for
// the successor.
func TestThresholdCheckActivityOfAReplacedTool(t *testing.T) {
	p := plan(t, base+`context: {sector: health, partners: external, partner_groups: [patients], monitoring: "no", staff: small}
tools: [{tool: whatsapp, answers: {used_for: [consultations], special_categories: "yes"}}]
`)
	r := draft.ThresholdCheck(p, "de")
	if len(r.Activities) == 0 || r.Activities[0].Replaced != "WhatsApp (private App)" {
		t.Fatalf("activities %+v: want WhatsApp named as replaced", r.Activities)
	}
}

// With a DPO designated, the check asks for their advice instead of
// saying one must be designated.
func TestThresholdCheckWithADPO(t *testing.T) {
	for dpo, want := range map[string]string{"yes": "Rat wird eingeholt (Art. 35 Abs. 2 DSGVO", "no": "außerdem eine Datenschutzbeauftragte oder einen"} {
		p := plan(t, base+`context: {sector: legal_tax, secrecy_203: "yes", staff: medium, dpo: "`+dpo+`"}
tools:
  - tool: zoom
    answers: {used_for: [meetings, consultations], ai_features: "on"}
`)
		md := string(draft.Make(p, draft.DPIACheck, catalog.DE).Markdown)
		other := map[string]string{"yes": "außerdem eine Datenschutzbeauftragte oder einen", "no": "Rat wird eingeholt"}[dpo]
		if !strings.Contains(md, want) || strings.Contains(md, other) {
			t.Errorf("dpo %s: want %q, not %q:\n%s", dpo, want, other, md)
		}
	}
}

// The criteria count per processing activity: a practice whose team meets
// in Zoom (employees) and whose consultations leave Zoom for a certified
// service (the plan keeps patients' data out of Zoom) has no activity with
// both – the record lists no health data for the team's meetings, and the
// organisation's result is its activities', not a sum across them.
func TestThresholdCheckCountsPerActivity(t *testing.T) {
	p := plan(t, base+`context: {sector: health, practice_type: physician, secrecy_203: "yes", partners: both, partner_groups: [patients], monitoring: "no", staff: small}
tools:
  - tool: zoom
    answers: {used_for: [internal, consultations], special_categories: "yes", kbv_certified: "no", ai_features: "off"}
`)
	if !p.SecretsBarred(p.Tools[0]) {
		t.Fatal("the plan no longer keeps patients' data out of Zoom; pick another case")
	}
	r := draft.ThresholdCheck(p, "de")
	var internal *draft.ActivityResult
	for i, a := range r.Activities {
		if strings.Contains(a.Purpose, "interne") {
			internal = &r.Activities[i]
		}
	}
	if internal == nil || slices.Contains(internal.Met, "4") {
		t.Errorf("the team's meetings count health data the plan keeps out: %+v", r.Activities)
	}
	for _, a := range r.Activities {
		if a.Result == draft.Met {
			return
		}
	}
	if r.Result == draft.Met {
		t.Errorf("no activity requires a DPIA, yet the organisation's result is 'required': %+v", r.Activities)
	}
	md := string(draft.Make(p, draft.Records, catalog.DE).Markdown)
	team := md[strings.Index(md, "interne Abstimmung"):]
	team = team[:strings.Index(team, "\n## ")]
	if strings.Contains(team, "besondere Kategorien") || !strings.Contains(team, "nur noch ohne Gesundheitsdaten") {
		t.Errorf("the record of the team's meetings:\n%s", team)
	}
}

// A built-in AI that cannot be removed and that nobody uses – its measure
// done – is named so, not denied.
func TestThresholdCheckNamesABuiltInAINobodyUses(t *testing.T) {
	p := plan(t, base+"context: {sector: business}\ntools:\n  - tool: whatsapp-business-app\n    answers: {used_for: [customer_contact], ai_features: \"off\"}\nactions:\n  privacy-settings/whatsapp-business-app:\n    status: done\n")
	md := string(draft.Make(p, draft.DPIACheck, catalog.DE).Markdown)
	if !strings.Contains(md, "| nein | Die eingebaute KI von WhatsApp Business App wird nicht genutzt. |") {
		t.Errorf("criterion 8 does not name the unused built-in AI:\n%s", md)
	}
}
