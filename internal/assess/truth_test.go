package assess_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/testkit"
)

func parse(t *testing.T, yaml string) *assess.Plan { t.Helper(); return testkit.Plan(t, yaml) }

const joinery = `format: konform/answers/v1
lang: de
assessment: {organisation: Tischlerei Holz, date: 2026-11-22, check: %CHECK%}
context:
  sector: business
  secrecy_203: "no"
  partners: both
  b2c_marketing: "no"
tools:
  - tool: whatsapp-business-app
    answers:
      used_for: [customer_contact, orders]
      special_categories: "no"
      sick_notes: "no"
      address_book: business_only
      account: organisation
      dpa_signed: signed
`

// A quick check does not turn questions it did not ask into duties: an
// action resting on them is conditional – no due date, not counted, never
// a first step; in a full check, the same missing answer is unknown and
// keeps the conservative action.
func TestQuickCheckUnaskedQuestionsAreNoDuties(t *testing.T) {
	quick := parse(t, strings.ReplaceAll(joinery, "%CHECK%", "quick"))
	full := parse(t, strings.ReplaceAll(joinery, "%CHECK%", "full"))
	wc := actionOf(quick, "works-council/organisation")
	if wc == nil || !wc.Conditional || !wc.Due.IsZero() {
		t.Fatalf("quick check: the works-council action should be conditional without due date: %+v", wc)
	}
	var ids []string
	for _, q := range wc.Unasked {
		ids = append(ids, q.ID)
	}
	// The questions that decide whether it is asked come first.
	if !slices.Equal(ids, []string{"staff", "works_council", "works_agreement"}) {
		t.Errorf("unasked questions %v, want staff, works_council, works_agreement", ids)
	}
	for _, a := range quick.FirstSteps {
		if a.Conditional {
			t.Errorf("conditional %s is a first step", a.ID)
		}
	}
	if n := quick.OrgCounts[catalog.High]; n != 0 {
		t.Errorf("quick check counts %d conditional high actions", n)
	}
	if a := actionOf(full, "works-council/organisation"); a == nil || a.Conditional || a.Due.IsZero() {
		t.Errorf("full check: the works-council action should be a duty with a due date: %+v", a)
	}
	// An action resting on an answer given stays a duty in a quick check.
	if a := actionOf(quick, "switch-provider/whatsapp-business-app"); a != nil {
		t.Errorf("no switch expected for a joinery: %+v", a)
	}
}

// First steps: one per topic and tool family; a replaced tool is one step,
// except for a critical duty that outlives it (findings patients sent);
// critical sick-notes actions and the works council's consent are always
// in where they fire.
func TestFirstStepsChosenByWhatMatters(t *testing.T) {
	p := parse(t, `format: konform/answers/v1
lang: de
assessment: {organisation: Praxis, date: 2026-11-22}
context: {sector: health, secrecy_203: "yes", partners: both, staff: medium, works_council: "yes", works_agreement: informed, partner_groups: [patients]}
tools:
  - tool: whatsapp
    answers: {used_for: [customer_contact, staff_matters], sick_notes: "yes", special_categories: "yes"}
  - tool: whatsapp-business-app
    answers: {used_for: [appointments], special_categories: "yes"}
`)
	var ids []string
	for _, a := range p.FirstSteps {
		ids = append(ids, a.ID)
	}
	for _, want := range []string{"sick-notes/whatsapp", "works-council/organisation", "special-categories/whatsapp"} {
		if !slices.Contains(ids, want) {
			t.Errorf("first steps %v lack %s", ids, want)
		}
	}
	topics := map[string]int{}
	for _, a := range p.FirstSteps {
		if a.Tool != nil && a.Tool.Lead != nil && a != a.Tool.Lead && a.Topic.ID != "sick-notes" && !(a.People && a.Priority == catalog.Critical) {
			t.Errorf("%s is a first step though replacing %s is one", a.ID, a.Tool.Key)
		}
		if a.Tool != nil {
			topics[a.Topic.ID]++
		}
	}
	for topic, n := range topics {
		if n > 1 && topic != "sick-notes" {
			t.Errorf("topic %s is %d first steps for one family (WhatsApp)", topic, n)
		}
	}
}

// Under professional secrecy a replaced tool has no "if you keep it"
// path; duties that follow the people stay open.
func TestReplacedToolUnderSecrecy(t *testing.T) {
	p := parse(t, `format: konform/answers/v1
lang: de
assessment: {organisation: Verein, date: 2026-11-22}
context: {sector: health, secrecy_203: "yes", partners: both, partner_groups: [children, patients]}
tools:
  - tool: whatsapp-business-app
    answers: {used_for: [appointments], contact_consent: "no"}
`)
	tool := p.Tools[0]
	if tool.Lead == nil || !tool.KeepUnlawful {
		t.Fatalf("WhatsApp for patients under secrecy: lead %v, keep unlawful %v", tool.Lead, tool.KeepUnlawful)
	}
	if a := actionOf(p, "consent/whatsapp-business-app"); a == nil || a.SupersededBy != nil {
		t.Errorf("parents' consent binds the successor: it must stay open, got %+v", a)
	}
}

// The transfer verdict: a DPF-certified provider without an answer on the
// basis is DPF from the catalogue; EU hosting without sub-processors
// abroad is no transfer.
func TestTransferVerdict(t *testing.T) {
	p := parse(t, `format: konform/answers/v1
lang: de
assessment: {organisation: Büro, date: 2026-11-22}
tools:
  - tool: whatsapp-business-app
  - tool: threema-work
    answers: {hosting: adequate, non_eu_subprocessors: "no"}
`)
	wa, th := p.Tools[0].Transfer, p.Tools[1].Transfer
	if wa.Need != assess.Transfers || wa.Safeguard != "dpf" || !wa.FromCatalog {
		t.Errorf("WhatsApp Business App: %+v, want a transfer on the DPF from the catalogue", wa)
	}
	if th.Need != assess.NoTransfer {
		t.Errorf("Threema Work in Switzerland: %+v, want no transfer", th)
	}
}

// Two rules with the same title are one action: "also" never repeats it.
func TestAlsoNeverRepeatsTheTitle(t *testing.T) {
	p := parse(t, `format: konform/answers/v1
lang: de
assessment: {organisation: Büro, date: 2026-11-22}
tools:
  - tool: zoom
    answers: {recording: often, recording_consent: "no", ai_features: "on"}
`)
	for _, a := range p.Actions {
		for _, pt := range a.Also {
			if pt.Title == a.Title {
				t.Errorf("%s: also repeats its own title %q", a.ID, a.Title.DE)
			}
		}
	}
}

// Law that was wrong once, pinned in the texts.
func TestLegalTextsPinned(t *testing.T) {
	cat := loadCatalog(t)
	rule := func(id string) *catalog.ActionTemplate {
		for _, r := range cat.Rules {
			if r.ID == id {
				return &r.Actions[0]
			}
		}
		t.Fatalf("no rule %s", id)
		return nil
	}
	for _, tc := range []struct {
		rule, want, not string
	}{
		{"archiving_missing_tax", "sechs Jahre (§ 50 Abs. 1 BRAO)", "§ 50 BRAO: 10 Jahre"},
		{"own_purposes_reserved", "für diese Verarbeitung selbst Verantwortlicher (Art. 28 Abs. 10 DSGVO)", "kein Auftragsverarbeiter mehr"},
		{"marketing_with_consent", "§ 7 Abs. 2 Nr. 3 lit. c UWG", "§ 25 TDDDG"},
		{"special_categories_unprotected", "Art. 9 und 32 DSGVO", "gehören nur zu Anbietern in der EU"},
		{"consumer_app_for_business", "Art. 28 Abs. 3 DSGVO", "ohne Rechtsgrundlage"},
	} {
		a := rule(tc.rule)
		if !strings.Contains(a.Why.DE, tc.want) || strings.Contains(a.Why.DE, tc.not) {
			t.Errorf("%s: want %q and not %q in %q", tc.rule, tc.want, tc.not, a.Why.DE)
		}
	}
	if q := cat.Question("confidentiality_bound"); !strings.Contains(q.Title.DE, "in Textform") {
		t.Errorf("confidentiality question: %q, want \"in Textform\"", q.Title.DE)
	}
	if a := rule("marketing_with_consent"); slices.Contains(a.Legal, "tdddg-25") {
		t.Errorf("marketing_with_consent cites § 25 TDDDG for read receipts and click tracking")
	}
}

// A point resting on an unasked question that is folded into a duty stays
// marked as conditional: it is not part of the duty yet.
func TestConditionalPartOfADuty(t *testing.T) {
	cat := loadCatalog(t)
	p := testkit.Assess(t, cat, testkit.Example("dental-quick.yaml"))
	a := actionOf(p, "dpia/organisation")
	if a == nil || a.Conditional {
		t.Fatalf("dpia/organisation should be a duty (health data answered): %+v", a)
	}
	found := false
	for _, pt := range a.Also {
		if pt.Rule == "monitoring_unknown" {
			found = true
			if !pt.Conditional {
				t.Errorf("the monitoring point rests on the unasked monitoring question, yet is not conditional")
			}
		}
	}
	if !found {
		t.Errorf("no monitoring point under %s: %+v", a.ID, a.Also)
	}
}

// A tool replaced for the people outside keeps the fixes of its uses
// inside; only the client-facing ones go with the replacement.
func TestReplacedForClientsKeepsInsideFixes(t *testing.T) {
	cat := loadCatalog(t)
	p := testkit.Assess(t, cat, testkit.Example("medical-zoom-whatsapp.yaml"))
	zoom := p.Tools[0]
	if zoom.Lead == nil || !zoom.KeptInside() {
		t.Fatalf("Zoom should be replaced for patients and kept inside: lead %v", zoom.Lead)
	}
	for _, id := range []string{"recording-rules/zoom", "dpa-contract/zoom"} {
		if a := actionOf(p, id); a == nil || a.SupersededBy != nil {
			t.Errorf("%s: the internal meetings still need it, yet it is superseded or missing", id)
		}
	}
	if a := actionOf(p, "privacy-notice/zoom"); a == nil || a.SupersededBy == nil {
		t.Errorf("privacy-notice/zoom concerns patients: it goes with the replacement")
	}
}

// The AI action names the tool's feature and its switch, from the
// catalogue's dated fact.
func TestAIFeaturesByName(t *testing.T) {
	for tool, name := range map[string]string{"zoom": "AI Companion", "microsoft-teams": "Copilot", "google-meet": "Gemini", "whatsapp": "Meta AI"} {
		topic := "recording-rules/"
		if tool == "whatsapp" {
			topic = "privacy-settings/" // built in: no switch to lock (TestBuiltInAIHasNoSwitch)
		}
		p := parse(t, `format: konform/answers/v1
lang: de
assessment: {organisation: Büro, date: 2026-11-22}
tools:
  - tool: `+tool+`
    answers: {ai_features: "on"}
`)
		a := actionOf(p, topic+tool)
		if a == nil {
			t.Errorf("%s: no %s action", tool, topic)
			continue
		}
		de, en := a.Why.DE, a.Why.EN
		for _, pt := range a.Also {
			de, en = de+" "+pt.Why.DE, en+" "+pt.Why.EN
		}
		if !strings.Contains(de, name) || !strings.Contains(en, name) || strings.Contains(de, "{ai}") {
			t.Errorf("%s: the AI action does not name %s: %q", tool, name, de)
		}
	}
}

// Meta AI in WhatsApp cannot be removed: the plan does not tell the
// business to lock it in an administration it does not have, nor to
// announce it in an invitation; it sets a rule for everyone using the
// account and names the per-chat protection – whatever the answer, unless
// rules are already in place.
func TestBuiltInAIHasNoSwitch(t *testing.T) {
	for _, tool := range []string{"whatsapp", "whatsapp-business-app"} {
		for _, ans := range []string{"on", "unknown", "off", "with_rules"} {
			p := parse(t, `format: konform/answers/v1
lang: de
assessment: {organisation: Büro, date: 2026-11-22}
context: {works_council: "yes", works_agreement: informed}
tools:
  - tool: `+tool+`
    answers: {ai_features: "`+ans+`", admin_settings: unknown}
`)
			for _, a := range p.Actions {
				if a.Tool == nil || a.Tool.Key != tool {
					continue
				}
				for _, r := range []string{"ai_without_rules", "ai_held_for_works_council", "no_central_settings_recording", "recording_in_use"} {
					if slices.Contains(a.Rules, r) {
						t.Errorf("%s, ai_features %s: %s tells to lock a built-in AI: %s", tool, ans, r, a.Title.DE)
					}
				}
			}
			a := actionOf(p, "privacy-settings/"+tool)
			fired := a != nil && slices.Contains(a.Rules, "ai_built_in")
			if fired == (ans == "with_rules") {
				t.Errorf("%s, ai_features %s: the built-in AI action fired %v", tool, ans, fired)
			}
			if fired && (!strings.Contains(a.Why.DE, "Erweiterte Chat-Datenschutz") || !strings.Contains(a.Why.EN, "Advanced Chat Privacy") ||
				!strings.Contains(a.Policy.DE, "nicht in Chats mit Kundinnen und Kunden")) {
				t.Errorf("%s: the action does not name the per-chat protection and the rule: %q / %q", tool, a.Why.DE, a.Policy.DE)
			}
		}
	}
	// A tool whose AI has a switch keeps the lock.
	p := parse(t, `format: konform/answers/v1
lang: de
assessment: {organisation: Büro, date: 2026-11-22}
tools:
  - tool: zoom
    answers: {ai_features: unknown}
`)
	if a := actionOf(p, "recording-rules/zoom"); a == nil || !slices.Contains(a.Rules, "ai_without_rules") {
		t.Errorf("Zoom's AI Companion has an admin switch: the lock action must stay: %+v", a)
	}
}

// Health care: § 393 SGB V asks cloud providers for processing in the EU
// and a C5 attestation; § 630f BGB retention fires whenever treatment runs
// through a tool, whatever the business-letter question says.
func TestHealthSectorRules(t *testing.T) {
	cat := loadCatalog(t)
	p := testkit.Assess(t, cat, testkit.Example("medical-zoom-whatsapp.yaml"))
	// Zoom stays, at most, for meetings without patient data: nothing
	// readies it for them – no § 393 proof, no end-to-end encryption for
	// them, no expert review of it, no secrecy undertaking.
	for _, a := range p.Actions {
		if a.Tool != nil && a.Tool.Key == "zoom" {
			for _, r := range []string{"health_cloud_393", "e2e_not_switched_on", "special_categories_dpo", "secrecy_not_bound"} {
				if slices.Contains(a.Rules, r) {
					t.Errorf("Zoom is kept away from patient data, yet %s readies it for them (%s)", r, a.ID)
				}
			}
		}
	}
	if a := actionOf(p, "switch-provider/zoom"); a == nil || !a.Open() {
		t.Fatalf("Zoom in a practice: the certified video service must lead: %+v", a)
	}
	// The switch itself keeps health data out of Zoom – in the plan and in
	// the usage policy; no second action names safeguards that would make
	// Zoom fit for them.
	if a := actionOf(p, "switch-provider/zoom"); !strings.Contains(a.Policy.DE, "ohne Patientendaten") {
		t.Errorf("Zoom in a practice: the usage policy does not keep patient data out of Zoom: %q", a.Policy.DE)
	}
	if a := actionOf(p, "special-categories/zoom"); a != nil {
		t.Errorf("Zoom in a practice: the safeguards Zoom lacks for health data are moot, yet listed: %+v", a.Title)
	}
	// The certified service that replaces it carries patient data: § 393
	// SGB V applies to it.
	kbv := parse(t, `format: konform/answers/v1
lang: de
assessment: {organisation: Praxis, date: 2026-11-22}
context: {sector: health, secrecy_203: "yes", video_consultation: "yes"}
tools:
  - tool: kbv-video
    answers: {used_for: [consultations], special_categories: "yes", kbv_certified: "yes"}
`)
	if a := actionOf(kbv, "dpa-contract/kbv-video"); a == nil || !slices.Contains(a.Rules, "health_cloud_393") {
		t.Errorf("a certified video service in a practice: no § 393 SGB V action: %+v", a)
	}
	if a := actionOf(p, "retention/organisation"); a == nil || !slices.Contains(a.Rules, "archiving_missing_health") {
		t.Errorf("consultations through Zoom, archiving 'no business letters': the patient-record action must still fire: %+v", a)
	}
	wa := actionOf(p, "switch-provider/whatsapp-business-app")
	if wa == nil || !strings.Contains(wa.Why.DE, "TI-Messenger") {
		t.Errorf("patients away from WhatsApp: the TI-Messenger must be named as a channel: %+v", wa)
	}
}

// An AI note-taker is a tool kind of its own: it records by nature, so the
// plan asks for everyone's agreement, stops automatic joining, involves the
// works council and trains the staff – without asking whether "AI
// features" are on, and without a video tool's meeting questions.
func TestNoteTakerIsAToolKindOfItsOwn(t *testing.T) {
	src := `format: konform/answers/v1
lang: de
assessment: {organisation: Ingenieurbüro, date: 2026-11-22}
context: {sector: business, secrecy_203: "no", partners: both, staff: medium, works_council: "yes", works_agreement: agreement}
tools:
  - tool: other
    name: Notizbot
    kind: notetaker
    facts: {seat: usa, hosting: usa}
    answers: {used_for: [meetings], recording_consent: "no", bot_joins: all_calendar}
`
	p := parse(t, src)
	tool := p.Tools[0]
	if tool.Kind != catalog.KindNotetaker {
		t.Fatalf("kind %q", tool.Kind)
	}
	var rules []string
	for _, a := range p.Actions {
		rules = append(rules, a.Rules...)
	}
	for _, want := range []string{"notetaker_joins_all", "recording_without_consent", "recording_in_use", "ai_works_council", "ai_literacy"} {
		if !slices.Contains(rules, want) {
			t.Errorf("rule %s did not fire for a note-taker; fired: %v", want, rules)
		}
	}
	for _, q := range []string{"ai_features", "meeting_protection", "recording", "sick_notes"} {
		if slices.ContainsFunc(tool.Answers, func(a assess.Answer) bool { return a.Question.ID == q }) {
			t.Errorf("a note-taker is asked %s", q)
		}
	}
	chosen := parse(t, strings.Replace(strings.Replace(src, "bot_joins: all_calendar", "bot_joins: chosen", 1), `recording_consent: "no"`, `recording_consent: "yes"`, 1))
	for _, a := range chosen.Actions {
		if slices.Contains(a.Rules, "notetaker_joins_all") || slices.Contains(a.Rules, "recording_without_consent") {
			t.Errorf("%s fires though the bot joins only chosen meetings with everyone's agreement", a.ID)
		}
	}
}

// Teams (free) is not business Teams: the consumer terms come without a
// DPA, so the plan forbids personal data over it and points to the
// business version.
func TestTeamsFreeIsNotBusinessTeams(t *testing.T) {
	p := parse(t, `format: konform/answers/v1
lang: de
assessment: {organisation: Malerbetrieb, date: 2026-12-04}
context: {sector: business, secrecy_203: "no", partners: both, partner_groups: [consumers]}
tools:
  - tool: microsoft-teams-free
    answers: {used_for: [customer_contact]}
  - tool: microsoft-teams
    answers: {used_for: [meetings], dpa_signed: signed}
`)
	if a := actionOf(p, "dpa-contract/microsoft-teams-free"); a == nil || a.Priority != catalog.Critical {
		t.Errorf("Teams (free) without a DPA should be a critical DPA action: %+v", a)
	}
	if a := actionOf(p, "business-version/microsoft-teams-free"); a == nil {
		t.Error("Teams (free) should point to the business version")
	}
	if a := actionOf(p, "business-version/microsoft-teams"); a != nil && slices.Contains(a.Rules, "teams_free_for_business") {
		t.Errorf("business Teams is told to leave Teams (free): %v", a.Rules)
	}
}

// A practice is offered the channels of the health system – the
// TI-Messenger and certified video services – never another WhatsApp;
// other sectors get each tool's own alternatives.
func TestAlternativesFollowTheSector(t *testing.T) {
	const answers = `format: konform/answers/v1
lang: de
assessment: {organisation: Test, date: 2026-12-04}
context: {sector: %SECTOR%}
tools:
  - tool: whatsapp-business-app
  - tool: zoom
`
	ids := func(p *assess.Plan, key string) []string {
		for _, tool := range p.Tools {
			if tool.Key == key {
				var out []string
				for _, a := range tool.Alternatives {
					out = append(out, a.ID)
				}
				return out
			}
		}
		t.Fatalf("no tool %s", key)
		return nil
	}
	health := parse(t, strings.ReplaceAll(answers, "%SECTOR%", "health"))
	if got := ids(health, "whatsapp-business-app"); !slices.Equal(got, []string{"ti-messenger", "threema-work"}) {
		t.Errorf("a practice's messenger alternatives: %v", got)
	}
	if got := ids(health, "zoom"); !slices.Equal(got, []string{"kbv-video"}) {
		t.Errorf("a practice's video alternatives: %v", got)
	}
	craft := parse(t, strings.ReplaceAll(answers, "%SECTOR%", "business"))
	want := testkit.Catalog(t).Tool("whatsapp-business-app").Alternatives
	if got := ids(craft, "whatsapp-business-app"); !slices.Equal(got, want) {
		t.Errorf("a craft business's alternatives %v, want the tool's own %v", got, want)
	}
}

// A provider the catalogue knows is not in the DPF (GoTo) or cannot be
// (Signal) is not sent to look for an entry in the DPF list.
func TestNoDPFListHuntWhereThereIsNoEntry(t *testing.T) {
	p := parse(t, `format: konform/answers/v1
lang: de
assessment: {organisation: Test, date: 2026-12-04}
context: {sector: business}
tools:
  - tool: gotomeeting
    answers: {used_for: [meetings], transfer_basis: unknown, dpa_signed: signed}
  - tool: slack
    answers: {used_for: [internal], transfer_basis: unknown, dpa_signed: signed}
`)
	a := actionOf(p, "third-country-transfer/gotomeeting")
	if a == nil || !slices.Contains(a.Rules, "transfer_unknown_no_dpf") || slices.Contains(a.Rules, "transfer_unknown") {
		t.Errorf("GoTo: want the SCC action, not the DPF-list hunt: %+v", a)
	}
	if a := actionOf(p, "third-country-transfer/slack"); a == nil || !slices.Contains(a.Rules, "transfer_unknown") {
		t.Errorf("Slack's DPF status is open: the plan should send the client to the DPF list: %+v", a)
	}
}

// Rules merged into one action each keep their line in the usage policy:
// Zoom's AI features and the consent to recordings, merged behind its
// central settings, still give staff a rule.
func TestMergedRulesKeepTheirPolicyLines(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(testkit.Root(), "examples", "engineering-ai.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	p := parse(t, string(src))
	a := actionOf(p, "recording-rules/zoom")
	if a == nil || len(a.Also) == 0 {
		t.Fatalf("expected a merged recording-rules action for Zoom: %+v", a)
	}
	for _, want := range []string{"für alle standardmäßig ausgeschaltet", "KI-Funktionen", "zugestimmt"} {
		if !strings.Contains(a.Policy.DE, want) {
			t.Errorf("the policy line of recording-rules/zoom lacks %q: %q", want, a.Policy.DE)
		}
	}
}

// First steps: the works council is one step however many tools it
// concerns, and it never pushes a critical action out.
func TestFirstStepsKeepCriticalsAndOneWorksCouncilStep(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(testkit.Root(), "examples", "engineering-ai.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	p := parse(t, string(src))
	wc, crit := 0, 0
	for _, a := range p.FirstSteps {
		if a.Topic.ID == "works-council" {
			wc++
		}
	}
	for _, a := range p.Actions {
		if a.Open() && a.Priority == catalog.Critical {
			crit++
			if crit <= assess.MaxFirstSteps && !slices.Contains(p.FirstSteps, a) {
				t.Errorf("critical %s is not a first step", a.ID)
			}
		}
	}
	if crit == 0 || wc != 1 {
		t.Errorf("want criticals and one works-council step; got %d criticals, %d works-council steps", crit, wc)
	}
}

// The Berlin authority's ratings of July 2020 judged contracts that have
// changed since: they are background on the fact sheets and trigger no
// action, for any tool, with health data and under secrecy alike.
func TestBerlin2020IsBackgroundOnly(t *testing.T) {
	cat := loadCatalog(t)
	n := 0
	for _, ct := range cat.Tools {
		if f, ok := ct.Facts["berlin_2020"]; !ok || f.Value != "non_compliant" {
			continue
		}
		n++
		p := parse(t, `format: konform/answers/v1
lang: de
assessment: {organisation: Praxis, date: 2026-11-22}
context: {sector: health, secrecy_203: "yes", alternatives_checked: "no"}
tools:
  - tool: `+ct.ID+`
    answers: {special_categories: "yes"}
`)
		for _, a := range p.Actions {
			trs := slices.Clone(a.Triggers)
			for _, pt := range a.Also {
				trs = append(trs, pt.Triggers...)
			}
			for _, tr := range trs {
				if tr.Fact == "berlin_2020" {
					t.Errorf("%s: %s rests on the Berlin rating of 2020", ct.ID, a.ID)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no tool carries a Berlin rating of non-compliance: the test checks nothing")
	}
}

// A note-taker on private accounts that joins every meeting, or records
// without everyone's agreement, is stopped at once – not fixed in place:
// the business cannot switch it off. On an account of the organisation
// the plan fixes its settings instead.
func TestNoteTakerOutOfControlIsStopped(t *testing.T) {
	plan := func(account, joins, consent string) *assess.Plan {
		return parse(t, `format: konform/answers/v1
lang: de
assessment: {organisation: Büro, date: 2026-11-22}
context: {sector: business, staff: medium, works_council: "no"}
tools:
  - tool: fireflies
    answers: {account: `+account+`, bot_joins: `+joins+`, recording_consent: "`+consent+`"}
`)
	}
	for _, tc := range []struct {
		account, joins, consent string
		stop                    bool
	}{
		{"private", "all_calendar", "yes", true},
		{"mixed", "chosen", "no", true},
		{"private", "chosen", "yes", false},
		{"organisation", "all_calendar", "no", false},
	} {
		p := plan(tc.account, tc.joins, tc.consent)
		a := actionOf(p, "stop-use/fireflies")
		if got := a != nil && a.Open() && p.Tools[0].Verdict == assess.Replace; got != tc.stop {
			t.Errorf("account %s, joins %s, consent %s: stopped %v, want %v", tc.account, tc.joins, tc.consent, got, tc.stop)
		}
		if !tc.stop {
			continue
		}
		for _, id := range []string{"privacy-settings/fireflies", "recording-rules/fireflies", "private-business-separation/fireflies"} {
			if b := actionOf(p, id); b != nil && b.Open() {
				t.Errorf("%s stands on its own next to stopping the tool", id)
			}
		}
	}
}

// A profession's own law is named only where the firm has that
// profession: § 62a StBerG for tax advisers, never for a practice.
func TestProfessionLawOnlyForItsProfession(t *testing.T) {
	plan := func(context string) *assess.Plan {
		return parse(t, `format: konform/answers/v1
lang: de
assessment: {organisation: Büro, date: 2026-11-22}
context: {`+context+`, secrecy_203: "yes"}
tools:
  - tool: zoom
    answers: {used_for: [meetings], confidentiality_bound: "no"}
`)
	}
	cites := func(p *assess.Plan, label string) bool {
		a := actionOf(p, "professional-secrecy/zoom")
		if a == nil {
			t.Fatal("no professional-secrecy action for Zoom")
		}
		return slices.ContainsFunc(a.Legal, func(l *catalog.LegalRef) bool { return l.Label.DE == label })
	}
	for _, tc := range []struct {
		context      string
		stberg, brao bool
	}{
		{`sector: legal_tax, profession: tax`, true, false},
		{`sector: legal_tax, profession: law`, false, true},
		{`sector: legal_tax, profession: unknown`, true, true},
		{`sector: health`, false, false},
	} {
		p := plan(tc.context)
		if got := cites(p, "§ 62a StBerG"); got != tc.stberg {
			t.Errorf("%s: cites § 62a StBerG %v, want %v", tc.context, got, tc.stberg)
		}
		if got := cites(p, "§ 43e BRAO"); got != tc.brao {
			t.Errorf("%s: cites § 43e BRAO %v, want %v", tc.context, got, tc.brao)
		}
	}
}
