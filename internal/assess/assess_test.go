package assess_test

import (
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/testkit"
)

func loadCatalog(t testing.TB) *catalog.Catalog { return testkit.Catalog(t) }

func vals(m map[string]string) map[string]answers.Value {
	out := map[string]answers.Value{}
	for k, v := range m {
		out[k] = answers.Value{Items: []string{v}}
	}
	return out
}

var goodContext = map[string]string{
	"sector": "business", "secrecy_203": "no", "staff": "small", "works_council": "no", "dpo": "yes",
	"partners": "both", "b2c_marketing": "no", "usage_policy": "written", "training": "yes",
	"breach_procedure": "yes", "contact_persons": "yes", "records_exist": "yes", "monitoring": "no",
	"archiving": "archived", "deletion_periods": "yes", "taboo_topics": "yes", "dpia_done": "checked_not_needed",
	"phone_would_do": "rarely", "alternatives_checked": "yes",
}

// Answers for a messenger with every point in order.
var goodMessenger = map[string]string{
	"special_categories": "no", "sick_notes": "no", "address_book": "blocked", "hosting": "adequate",
	"non_eu_subprocessors": "no", "backups": "off", "app_updates": "automatic", "partners_told_updates": "yes",
	"account": "organisation", "devices": "business", "mdm": "yes", "handover": "yes", "app_lock": "yes",
	"admin_settings": "yes", "terms_checked": "yes", "dpa_signed": "signed", "dpa_checked": "yes",
	"own_purposes": "excluded", "in_records": "yes", "privacy_notice": "yes", "first_contact_info": "yes",
	"contact_consent": "yes", "business_profile": "yes", "tracking_off": "yes", "ai_features": "off", "auto_delete": "yes",
}

// Answers for a video tool with every point in order.
var goodVideo = map[string]string{
	"special_categories": "no", "hosting": "eu_eea", "non_eu_subprocessors": "no", "e2e_use": "always",
	"app_updates": "automatic", "client_type": "browser", "account": "organisation",
	"admin_settings": "yes", "terms_checked": "yes", "dpa_signed": "signed", "dpa_checked": "yes",
	"own_purposes": "excluded", "in_records": "yes", "privacy_notice": "yes", "recording": "never",
	"tracking_off": "yes", "ai_features": "off", "meeting_protection": "password_and_lobby",
	"access_separate": "yes", "screen_sharing": "host_only", "auto_delete": "yes",
}

type change struct {
	messenger, video string            // tool ids; defaults threema-work and jitsi-hosted
	context          map[string]string // context answers to set
	msg, vid         map[string]string // tool answers to set
}

func build(c change) *answers.File {
	date, _ := catalog.ParseDate("2026-11-22")
	ctx := maps.Clone(goodContext)
	maps.Copy(ctx, c.context)
	m, v := maps.Clone(goodMessenger), maps.Clone(goodVideo)
	maps.Copy(m, c.msg)
	maps.Copy(v, c.vid)
	mid, vid := "threema-work", "jitsi-hosted"
	if c.messenger != "" {
		mid = c.messenger
	}
	if c.video != "" {
		vid = c.video
	}
	if mid == "threema-work" {
		// The catalogue knows Threema Work's backups are encrypted only and
		// of no AI feature in it: neither question is asked there.
		for _, q := range []string{"backups", "ai_features"} {
			if _, set := c.msg[q]; !set {
				delete(m, q)
			}
		}
	}
	cv := vals(ctx)
	cv["partner_groups"] = answers.Value{Items: []string{"businesses"}}
	mv, vv := vals(m), vals(v)
	if _, ok := c.msg["used_for"]; !ok {
		mv["used_for"] = answers.Value{Items: []string{"internal", "appointments"}}
	}
	if _, ok := c.vid["used_for"]; !ok {
		vv["used_for"] = answers.Value{Items: []string{"meetings"}}
	}
	return &answers.File{
		Lang:       catalog.DE,
		Assessment: answers.Assessment{Organisation: "Test GmbH", Date: date},
		Context:    cv,
		Tools: []*answers.Tool{
			{ID: mid, Kind: catalog.KindMessenger, Answers: mv},
			{ID: vid, Kind: catalog.KindVideo, Answers: vv},
		},
	}
}

func TestAllInOrderGivesNoActionAndNoOpenQuestion(t *testing.T) {
	p := assess.Assess(loadCatalog(t), build(change{}))
	for _, a := range p.Actions {
		t.Errorf("unexpected action %s (%s), rules %v", a.ID, a.Priority, a.Rules)
	}
	for _, o := range p.Open {
		t.Errorf("unexpected open question %s", o.Answer.Question.ID)
	}
	for _, w := range p.Warnings {
		t.Errorf("unexpected warning: %s", w.Msg)
	}
	for _, tl := range p.Tools {
		if tl.Light != assess.Green {
			t.Errorf("%s: light %s, want green", tl.Key, tl.Light)
		}
	}
}

// Every topic fires for some answers, with the expected priority; the
// baseline above shows none fires when everything is in order.
func TestEveryTopicFires(t *testing.T) {
	cat := loadCatalog(t)
	tests := []struct {
		topic  string
		tool   string // tool key of the action, "" for the organisation
		change change
		want   catalog.Priority
	}{
		{"stop-use", "whatsapp", change{messenger: "whatsapp"}, catalog.Critical},
		{"stop-use", "skype", change{video: "skype"}, catalog.Critical},
		{"business-version", "whatsapp", change{messenger: "whatsapp"}, catalog.High},
		{"business-version", "zoom", change{video: "zoom", vid: map[string]string{"plan": "free"}}, catalog.High},
		{"licence-terms", "threema-work", change{msg: map[string]string{"terms_checked": "no"}}, catalog.Medium},
		{"private-business-separation", "threema-work", change{msg: map[string]string{"account": "private"}}, catalog.Critical},
		{"private-business-separation", "threema-work", change{msg: map[string]string{"devices": "private"}}, catalog.High},
		{"address-book", "threema-work", change{msg: map[string]string{"address_book": "full"}}, catalog.Critical},
		{"address-book", "threema-work", change{msg: map[string]string{"address_book": "unknown"}}, catalog.High},
		{"backups", "whatsapp-business-app", change{messenger: "whatsapp-business-app", msg: map[string]string{"backups": "unencrypted"}}, catalog.High},
		{"e2e-encryption", "jitsi-hosted", change{vid: map[string]string{"e2e_use": "never", "special_categories": "yes"}}, catalog.High},
		{"e2e-encryption", "jitsi-hosted", change{vid: map[string]string{"e2e_use": "never"}}, catalog.Low},
		{"e2e-encryption", "slack", change{messenger: "slack", context: map[string]string{"secrecy_203": "yes"}, msg: map[string]string{"plan": "paid", "hosting": "usa", "transfer_basis": "dpf", "transport_encryption": "yes"}}, catalog.High},
		{"e2e-encryption", "slack", change{messenger: "slack", msg: map[string]string{"plan": "paid", "hosting": "usa", "transfer_basis": "dpf", "transport_encryption": "yes"}}, catalog.Low},
		{"app-updates", "threema-work", change{msg: map[string]string{"app_updates": "no"}}, catalog.High},
		{"app-updates", "threema-work", change{msg: map[string]string{"app_updates": "manual"}}, catalog.Medium},
		{"dpa-contract", "threema-work", change{msg: map[string]string{"dpa_signed": "not_signed"}}, catalog.Critical},
		{"dpa-contract", "threema-work", change{msg: map[string]string{"dpa_signed": "unknown"}}, catalog.High},
		{"dpa-contract", "threema-work", change{msg: map[string]string{"dpa_checked": "no"}}, catalog.Medium},
		{"third-country-transfer", "jitsi-hosted", change{vid: map[string]string{"hosting": "usa", "transfer_basis": "none"}}, catalog.Critical},
		{"third-country-transfer", "jitsi-hosted", change{vid: map[string]string{"hosting": "usa", "transfer_basis": "scc"}}, catalog.Medium},
		{"third-country-transfer", "jitsi-hosted", change{vid: map[string]string{"non_eu_subprocessors": "yes", "transfer_basis": "scc"}}, catalog.High},
		{"third-country-transfer", "jitsi-hosted", change{vid: map[string]string{"non_eu_subprocessors": "yes", "transfer_basis": "dpf", "dpa_signed": "signed"}}, catalog.Medium},
		{"no-own-purposes", "threema-work", change{msg: map[string]string{"own_purposes": "reserved"}}, catalog.High},
		{"records-of-processing", "threema-work", change{msg: map[string]string{"in_records": "no"}}, catalog.Medium},
		{"records-of-processing", "", change{context: map[string]string{"records_exist": "no"}}, catalog.High},
		{"privacy-notice", "threema-work", change{msg: map[string]string{"privacy_notice": "no"}}, catalog.High},
		{"privacy-notice", "threema-work", change{context: map[string]string{"partners": "internal"}, msg: map[string]string{"privacy_notice": "no"}}, catalog.Medium},
		{"consent", "threema-work", change{msg: map[string]string{"contact_consent": "no"}}, catalog.High},
		{"recording-rules", "jitsi-hosted", change{vid: map[string]string{"recording": "often", "recording_consent": "no"}}, catalog.Critical},
		{"marketing-consent", "threema-work", change{context: map[string]string{"b2c_marketing": "yes"}, msg: map[string]string{"marketing_here": "yes", "marketing_consent": "no"}, vid: map[string]string{"marketing_here": "no"}}, catalog.Critical},
		{"imprint", "threema-work", change{msg: map[string]string{"business_profile": "no"}}, catalog.Medium},
		{"special-categories", "jitsi-hosted", change{vid: map[string]string{"special_categories": "yes", "hosting": "usa", "transfer_basis": "dpf"}, context: map[string]string{"dpia_done": "done"}}, catalog.Critical},
		{"professional-secrecy", "threema-work", change{context: map[string]string{"secrecy_203": "yes"}, msg: map[string]string{"confidentiality_bound": "no"}, vid: map[string]string{"confidentiality_bound": "yes"}}, catalog.Critical},
		{"switch-provider", "jitsi-hosted", change{context: map[string]string{"sector": "health", "video_consultation": "yes"}, vid: map[string]string{"kbv_certified": "no", "used_for": "consultations"}}, catalog.Critical},
		{"sick-notes", "threema-work", change{msg: map[string]string{"sick_notes": "yes"}}, catalog.Critical},
		{"privacy-settings", "threema-work", change{msg: map[string]string{"tracking_off": "no"}}, catalog.Medium},
		{"privacy-settings", "threema-work", change{msg: map[string]string{"auto_delete": "no"}}, catalog.Medium},
		{"meeting-access", "jitsi-hosted", change{vid: map[string]string{"meeting_protection": "none"}}, catalog.High},
		{"meeting-access", "jitsi-hosted", change{vid: map[string]string{"access_separate": "no"}}, catalog.Low},
		{"screen-sharing", "jitsi-hosted", change{vid: map[string]string{"screen_sharing": "everyone"}}, catalog.Low},
		{"recording-rules", "jitsi-hosted", change{context: map[string]string{"usage_policy": "informal"}, vid: map[string]string{"recording": "sometimes", "recording_consent": "yes"}}, catalog.Medium},
		{"recording-rules", "jitsi-hosted", change{vid: map[string]string{"recording": "sometimes", "recording_consent": "yes"}}, catalog.Low},
		{"usage-policy", "", change{context: map[string]string{"usage_policy": "none"}}, catalog.High},
		{"usage-policy", "", change{context: map[string]string{"training": "no"}}, catalog.Medium},
		{"works-council", "", change{context: map[string]string{"works_council": "yes", "works_agreement": "not_involved"}}, catalog.High},
		{"works-council", "", change{context: map[string]string{"works_council": "yes", "works_agreement": "informed"}}, catalog.High},
		{"retention", "", change{context: map[string]string{"archiving": "no"}}, catalog.High},
		{"retention", "threema-work", change{msg: map[string]string{"handover": "no"}}, catalog.Medium},
		{"breach-procedure", "", change{context: map[string]string{"breach_procedure": "no"}}, catalog.High},
		{"phone-alternative", "", change{context: map[string]string{"phone_would_do": "often"}}, catalog.Low},
		{"dpo-review", "", change{context: map[string]string{"staff": "medium", "dpo": "no"}}, catalog.High},
		{"dpo-review", "threema-work", change{msg: map[string]string{"special_categories": "yes"}, context: map[string]string{"dpia_done": "done"}}, catalog.High},
		{"dpia", "", change{context: map[string]string{"monitoring": "yes", "dpia_done": "no"}}, catalog.High},
	}
	covered := map[string]bool{}
	for _, tc := range tests {
		covered[tc.topic] = true
		t.Run(tc.topic+"/"+string(tc.want), func(t *testing.T) {
			// Changes may hide questions the baseline answers; the warnings
			// for that are tested on their own.
			p := assess.Assess(cat, build(tc.change))
			id := tc.topic + "/" + tc.tool
			if tc.tool == "" {
				id = tc.topic + "/organisation"
			}
			i := slices.IndexFunc(p.Actions, func(a *assess.Action) bool { return a.ID == id })
			if i < 0 {
				var got []string
				for _, a := range p.Actions {
					got = append(got, a.ID)
				}
				t.Fatalf("action %s did not fire; got %v", id, got)
			}
			if a := p.Actions[i]; a.Priority != tc.want {
				t.Errorf("%s: priority %s, want %s (rules %v)", id, a.Priority, tc.want, a.Rules)
			}
		})
	}
	for _, topic := range catalog.TopicIDs {
		if !covered[topic] {
			t.Errorf("topic %s has no test where it fires", topic)
		}
	}
}

func TestDueDatesFollowPriority(t *testing.T) {
	p := assess.Assess(loadCatalog(t), build(change{messenger: "whatsapp", msg: map[string]string{"terms_checked": "no", "auto_delete": "no"}}))
	want := map[catalog.Priority]string{catalog.Critical: "2026-11-22", catalog.High: "2026-12-22", catalog.Medium: "2027-02-20", catalog.Low: ""}
	seen := map[catalog.Priority]bool{}
	for _, a := range p.Actions {
		seen[a.Priority] = true
		if got := a.Due.String(); got != want[a.Priority] {
			t.Errorf("%s (%s): due %q, want %q", a.ID, a.Priority, got, want[a.Priority])
		}
	}
	for _, pr := range catalog.Priorities[:3] {
		if !seen[pr] {
			t.Errorf("no %s action to check", pr)
		}
	}
}

func TestActionsAreOrderedByPriorityThenTool(t *testing.T) {
	p := assess.Assess(loadCatalog(t), build(change{messenger: "whatsapp", video: "zoom", context: map[string]string{"usage_policy": "none"}}))
	for i := 1; i < len(p.Actions); i++ {
		a, b := p.Actions[i-1], p.Actions[i]
		if a.Priority.Rank() > b.Priority.Rank() {
			t.Fatalf("%s (%s) before %s (%s)", a.ID, a.Priority, b.ID, b.Priority)
		}
	}
	if p.Tools[0].Light != assess.Red {
		t.Errorf("whatsapp for business: light %s, want red", p.Tools[0].Light)
	}
	if p.OrgLight() != assess.Amber {
		t.Errorf("organisation without usage policy: light %s, want amber", p.OrgLight())
	}
}

func TestOneActionPerTopicAndTool(t *testing.T) {
	// Private account, private device and private number all ask for separation.
	p := assess.Assess(loadCatalog(t), build(change{messenger: "whatsapp", msg: map[string]string{"account": "private", "devices": "private", "phone_number_used": "private"}}))
	seen := map[string]bool{}
	for _, a := range p.Actions {
		if seen[a.ID] {
			t.Errorf("%s appears twice", a.ID)
		}
		seen[a.ID] = true
		if a.ID == "private-business-separation/whatsapp" {
			if a.Priority != catalog.Critical || len(a.Also) != 2 {
				t.Errorf("separation: priority %s with %d further points, want critical with 2", a.Priority, len(a.Also))
			}
		}
	}
}

func TestUnknownIsConservativeAndOpen(t *testing.T) {
	p := assess.Assess(loadCatalog(t), build(change{msg: map[string]string{"dpa_signed": "unknown"}}))
	if len(p.Open) != 1 || p.Open[0].Answer.Question.ID != "dpa_signed" {
		t.Fatalf("open questions: %+v, want dpa_signed", p.Open)
	}
	if !slices.ContainsFunc(p.Actions, func(a *assess.Action) bool { return a.ID == "dpa-contract/threema-work" }) {
		t.Error("an unknown DPA must still yield an action")
	}
}

func TestMissingAnswerCountsAsUnknown(t *testing.T) {
	f := build(change{})
	delete(f.Tools[0].Answers, "dpa_signed")
	p := assess.Assess(loadCatalog(t), f)
	if len(p.Open) != 1 || p.Open[0].Answer.Origin != assess.Missing {
		t.Fatalf("open: %+v, want one not-answered question", p.Open)
	}
}

func TestHiddenAnswersAreWarnedAndLeftOut(t *testing.T) {
	// dpa_checked is only asked when a DPA is signed.
	f := build(change{msg: map[string]string{"dpa_signed": "not_signed", "dpa_checked": "no"}})
	p := assess.Assess(loadCatalog(t), f)
	if len(p.Warnings) != 1 {
		t.Fatalf("warnings: %+v, want one for dpa_checked", p.Warnings)
	}
	for _, a := range p.Tools[0].Answers {
		if a.Question.ID == "dpa_checked" {
			t.Error("the hidden answer is still in the plan")
		}
	}
	for _, a := range p.Actions {
		if slices.Contains(a.Rules, "dpa_unchecked") {
			t.Error("a hidden answer triggered a rule")
		}
	}
}

func TestFactsPrefillAndAnswersOverride(t *testing.T) {
	cat := loadCatalog(t)
	f := build(change{video: "zoom", vid: map[string]string{"plan": "paid"}})
	delete(f.Tools[1].Answers, "hosting")
	p := assess.Assess(cat, f)
	got := answerOf(p.Tools[1], "hosting")
	if got.Origin != assess.FromFact || got.Values[0] != "mixed" {
		t.Fatalf("zoom hosting: %+v, want mixed from the catalogue", got)
	}
	f = build(change{video: "zoom", vid: map[string]string{"plan": "paid", "hosting": "eu_eea"}})
	p = assess.Assess(cat, f)
	if got := answerOf(p.Tools[1], "hosting"); got.Origin != assess.Given || got.Values[0] != "eu_eea" {
		t.Fatalf("zoom hosting: %+v, want the given eu_eea", got)
	}
}

func answerOf(t *assess.Tool, id string) assess.Answer {
	for _, a := range t.Answers {
		if a.Question.ID == id {
			return a
		}
	}
	return assess.Answer{}
}

func TestStaleFactsAreFlagged(t *testing.T) {
	cat := loadCatalog(t)
	d, _ := catalog.ParseDate("2022-01-01")
	tool := assess.CatalogTool(cat, cat.Tool("zoom"), d)
	for _, f := range tool.Facts {
		wantStale := f.Fact.AsOf.Before(d.AddDate(0, -24, 0))
		if f.Stale != wantStale {
			t.Errorf("%s as of %s judged on %s: stale %v", f.Def.ID, f.Fact.AsOf, d, f.Stale)
		}
	}
}

// Recorded statuses: done and not applicable actions leave the counts and
// the traffic light, an agreed due date replaces the priority's, and a
// record of an open action the plan does not have is a warning.
func TestActionRecords(t *testing.T) {
	cat := loadCatalog(t)
	date, _ := catalog.ParseDate("2026-11-22")
	agreed, _ := catalog.ParseDate("2027-01-31")
	f := &answers.File{Lang: catalog.DE, Assessment: answers.Assessment{Organisation: "Test", Date: date},
		Context: vals(goodContext), Tools: []*answers.Tool{{ID: "whatsapp", Kind: catalog.KindMessenger, Answers: map[string]answers.Value{}}}}
	before := assess.Assess(cat, f)
	var critical []*assess.Action
	for _, a := range before.Actions {
		if a.Priority == catalog.Critical && a.Tool != nil {
			critical = append(critical, a)
		}
	}
	if len(critical) < 2 || before.Tools[0].Light != assess.Red {
		t.Fatalf("the private WhatsApp should have critical actions: %v", before.Tools[0].Counts)
	}
	f.Actions = map[string]answers.ActionState{
		critical[0].ID:                    {Status: answers.StatusDone, Owner: "Anna"},
		critical[1].ID:                    {Status: answers.StatusNotApplicable, Reason: "nur intern"},
		"retention/whatsapp-business-app": {Status: answers.StatusDone}, // gone with its answers: fine
		"imprint/organisation":            {Status: answers.StatusOpen, Pos: answers.Pos{Line: 40, Col: 3}},
	}
	for _, a := range critical[2:] {
		f.Actions[a.ID] = answers.ActionState{Status: answers.StatusInProgress, Due: agreed}
	}
	after := assess.Assess(cat, f)
	open := 0
	for _, a := range after.Actions {
		if a.Tool != nil && a.Priority == catalog.Critical && a.Open() {
			open++
		}
		if (a.ID == critical[0].ID || a.ID == critical[1].ID) && a.Open() {
			t.Errorf("%s is recorded as done or not applicable, yet still to do", a.ID)
		}
	}
	if got := after.Tools[0].Counts[catalog.Critical]; got != open {
		t.Errorf("%d critical actions counted, want the %d still to do", got, open)
	}
	for _, a := range after.Actions {
		switch a.ID {
		case critical[0].ID:
			if a.Status != answers.StatusDone || a.Owner != "Anna" || a.Pending() {
				t.Errorf("done action: %+v", a)
			}
		case critical[1].ID:
			if a.Reason != "nur intern" || a.Pending() {
				t.Errorf("not applicable action: %+v", a)
			}
		}
		for _, c := range critical[2:] {
			if a.ID == c.ID && (!a.DueSet || a.Due != agreed || !a.Pending()) {
				t.Errorf("in progress with an agreed date: %+v", a)
			}
		}
	}
	if len(critical) == 2 && after.Tools[0].Light == assess.Red {
		t.Error("the traffic light still counts actions that are done")
	}
	if after.DoneElsewhere != 1 {
		t.Errorf("DoneElsewhere = %d, want 1", after.DoneElsewhere)
	}
	if len(after.Warnings) != 1 || after.Warnings[0].Pos.Line != 40 {
		t.Errorf("warnings %+v; want one for imprint/organisation at line 40", after.Warnings)
	}
}

// Replace or fix: a critical stop-use leads; what only matters while the
// tool is kept is listed under it, not counted, and the tool's verdict is
// "replace". What matters either way (sick notes) stays on its own. When
// the lead is recorded as not applicable, the tool is kept: the fixes come
// back.
func TestReplaceSupersedesTheFixes(t *testing.T) {
	cat := loadCatalog(t)
	f := build(change{messenger: "whatsapp", msg: map[string]string{"sick_notes": "yes", "address_book": "full", "dpa_signed": "none"}})
	p := assess.Assess(cat, f)
	wa := p.Tools[0]
	lead := actionOf(p, "stop-use/"+wa.Key)
	if lead == nil || wa.Verdict != assess.Replace {
		t.Fatalf("no stop-use lead (verdict %s)", wa.Verdict)
	}
	for _, id := range []string{"address-book/", "dpa-contract/"} {
		a := actionOf(p, id+wa.Key)
		if a == nil || a.SupersededBy != lead || a.Open() || !slices.Contains(lead.IfKept, a) {
			t.Errorf("%s%s is not superseded by the stop-use action", id, wa.Key)
		}
	}
	if a := actionOf(p, "sick-notes/"+wa.Key); a == nil || a.SupersededBy != nil || !a.Open() {
		t.Error("the sick-notes action is superseded; it matters whether the tool is kept or not")
	}
	if a := actionOf(p, "business-version/"+wa.Key); a == nil || a.SupersededBy != nil {
		t.Error("the business-version action (a way to replace) is superseded")
	}
	counted := 0
	for _, a := range p.Actions {
		if a.Tool == wa && a.Open() {
			counted++
		}
	}
	sum := 0
	for _, n := range wa.Counts {
		sum += n
	}
	if sum != counted {
		t.Errorf("counts %v hold %d actions; %d are open", wa.Counts, sum, counted)
	}
	if p.Tools[1].Verdict == assess.Replace {
		t.Error("the other tool is to be replaced too")
	}

	f.Actions = map[string]answers.ActionState{lead.ID: {Status: answers.StatusNotApplicable, Reason: "bleibt"}}
	kept := assess.Assess(cat, f)
	if a := actionOf(kept, "dpa-contract/"+wa.Key); a == nil || a.SupersededBy != nil || !a.Open() {
		t.Error("with the stop recorded as not applicable, the fixes do not come back")
	}
	if kept.Tools[0].Verdict == assess.Replace {
		t.Error("verdict replace although the stop does not apply")
	}
}

// First steps: at most five, all still to do, the most urgent first, and
// within a priority: stop before data before legal before hygiene.
func TestFirstSteps(t *testing.T) {
	cat := loadCatalog(t)
	p := assess.Assess(cat, build(change{messenger: "whatsapp", msg: map[string]string{"sick_notes": "yes"},
		context: map[string]string{"records_exist": "no", "usage_policy": "none"}}))
	if len(p.FirstSteps) == 0 || len(p.FirstSteps) > assess.MaxFirstSteps {
		t.Fatalf("%d first steps", len(p.FirstSteps))
	}
	if p.FirstSteps[0].Topic.ID != "stop-use" {
		t.Errorf("the first step is %s, not stopping the tool", p.FirstSteps[0].ID)
	}
	for i, a := range p.FirstSteps {
		if !a.Open() {
			t.Errorf("first step %s is not to do", a.ID)
		}
		if i == 0 {
			continue
		}
		b := p.FirstSteps[i-1]
		if a.Priority.Rank() < b.Priority.Rank() ||
			a.Priority == b.Priority && slices.Index(catalog.TopicGroups, a.Topic.Group) < slices.Index(catalog.TopicGroups, b.Topic.Group) {
			t.Errorf("first step %s (%s, %s) after %s (%s, %s)", a.ID, a.Priority, a.Topic.Group, b.ID, b.Priority, b.Topic.Group)
		}
	}
	// A plan with nothing to do has no first steps.
	if p := assess.Assess(cat, build(change{})); len(p.FirstSteps) != 0 {
		t.Errorf("first steps in a plan without actions: %v", p.FirstSteps)
	}
}

// ⚠ marks only old facts an action depends on: an old fact no action
// uses is shown with its date, without the warning.
func TestOnlyFactsActionsDependOnAreStale(t *testing.T) {
	cat := loadCatalog(t)
	f := build(change{video: "zoom", vid: map[string]string{"plan": "paid", "hosting": "usa", "transfer_basis": "unknown"}})
	f.Assessment.Date.Time = f.Assessment.Date.AddDate(10, 0, 0) // every fact is old by then
	p := assess.Assess(cat, f)
	zoom := p.Tools[1]
	used := map[string]bool{}
	for _, a := range p.Actions {
		if a.Tool != zoom || !a.Pending() {
			continue
		}
		trs := slices.Clone(a.Triggers)
		for _, pt := range a.Also {
			trs = append(trs, pt.Triggers...)
		}
		for _, tr := range trs {
			used[tr.Fact] = true
			if tr.Question != nil && tr.Question.Prefill != "" && answerOf(zoom, tr.Question.ID).Origin == assess.FromFact {
				used[tr.Question.Prefill] = true
			}
		}
	}
	stale, quiet := 0, 0
	for _, fl := range zoom.Facts {
		if !fl.Old {
			t.Fatalf("%s is not old ten years on", fl.Def.ID)
		}
		if fl.Stale != used[fl.Def.ID] {
			t.Errorf("%s: stale %v, an action depends on it: %v", fl.Def.ID, fl.Stale, used[fl.Def.ID])
		}
		if fl.Stale {
			stale++
		} else {
			quiet++
		}
	}
	if stale == 0 || quiet == 0 {
		t.Errorf("%d facts flagged, %d not: the test needs both", stale, quiet)
	}
}

func actionOf(p *assess.Plan, id string) *assess.Action {
	for _, a := range p.Actions {
		if a.ID == id {
			return a
		}
	}
	return nil
}

// Sector rules: each fires where it should and not where it should not.
func TestSectorRules(t *testing.T) {
	cat := loadCatalog(t)
	has := func(p *assess.Plan, id, rule string) bool {
		a := actionOf(p, id)
		return a != nil && slices.Contains(a.Rules, rule)
	}
	for _, tc := range []struct {
		name     string
		change   change
		id, rule string
		want     bool
	}{
		{"a practice's appointments on WhatsApp Business", change{messenger: "whatsapp-business-app", context: map[string]string{"sector": "health"}},
			"switch-provider/whatsapp-business-app", "patients_not_via_whatsapp", true},
		{"a craft business's appointments on WhatsApp Business", change{messenger: "whatsapp-business-app", context: map[string]string{"sector": "business"}},
			"switch-provider/whatsapp-business-app", "patients_not_via_whatsapp", false},
		{"a practice's internal chat on WhatsApp Business", change{messenger: "whatsapp-business-app", context: map[string]string{"sector": "health"}, msg: map[string]string{"used_for": "internal"}},
			"switch-provider/whatsapp-business-app", "patients_not_via_whatsapp", false},
		{"a practice is not sent to the WhatsApp Business App", change{messenger: "whatsapp", context: map[string]string{"sector": "health"}},
			"business-version/whatsapp", "consumer_app_business_version", false},
		{"a craft business is", change{messenger: "whatsapp"}, "business-version/whatsapp", "consumer_app_business_version", true},
		{"video consultations on a tool not certified", change{context: map[string]string{"sector": "health", "video_consultation": "yes"}, vid: map[string]string{"kbv_certified": "no", "used_for": "consultations"}},
			"switch-provider/jitsi-hosted", "video_consultation_not_certified", true},
		{"team meetings only on that tool", change{context: map[string]string{"sector": "health", "video_consultation": "yes"}, vid: map[string]string{"kbv_certified": "no"}},
			"switch-provider/jitsi-hosted", "video_consultation_not_certified", false},
		{"customers' privacy notice for a tool facing them", change{msg: map[string]string{"privacy_notice": "no"}},
			"privacy-notice/threema-work", "privacy_notice_external", true},
		{"no customers' privacy notice for an internal tool", change{msg: map[string]string{"privacy_notice": "no", "used_for": "internal"}},
			"privacy-notice/threema-work", "privacy_notice_external", false},
		{"employees' notice for an internal tool", change{msg: map[string]string{"privacy_notice": "no", "used_for": "internal"}},
			"privacy-notice/threema-work", "privacy_notice_internal", true},
		{"no imprint asked of the consumer app", change{messenger: "whatsapp"}, "imprint/whatsapp", "no_imprint_merchant", false},
		{"Signal: a DPA is disputed, not critical", change{messenger: "signal", msg: map[string]string{"dpa_signed": "not_offered"}},
			"dpa-contract/signal", "dpa_not_offered_e2e", true},
		{"a provider that signs nothing gets no secrets", change{messenger: "signal", context: map[string]string{"secrecy_203": "yes"}, msg: map[string]string{"dpa_signed": "not_offered"}},
			"switch-provider/signal", "secrecy_provider_signs_none", true},
		{"and is not asked to sign", change{messenger: "signal", context: map[string]string{"secrecy_203": "yes"}, msg: map[string]string{"dpa_signed": "not_offered"}},
			"professional-secrecy/signal", "secrecy_not_bound", false},
		{"archiving in a practice: the patient record", change{context: map[string]string{"sector": "health", "archiving": "no"}}, "retention/organisation", "archiving_missing_health", true},
		{"archiving in a tax firm: the client file", change{context: map[string]string{"sector": "legal_tax", "archiving": "no"}}, "retention/organisation", "archiving_missing_tax", true},
		{"archiving in a craft business: business letters", change{context: map[string]string{"archiving": "no"}}, "retention/organisation", "archiving_missing", true},
		{"Teams, DPA checked and own purposes excluded: document the review", change{video: "microsoft-teams"}, "dpo-review/microsoft-teams", "teams_dsk_2022_checked", true},
		{"Teams, DPA checked and own purposes excluded: no new assessment", change{video: "microsoft-teams"}, "dpo-review/microsoft-teams", "teams_dsk_2022", false},
		{"Teams, DPA not checked: assessment after the DSK finding", change{video: "microsoft-teams", vid: map[string]string{"dpa_checked": "no"}}, "dpo-review/microsoft-teams", "teams_dsk_2022", true},
		{"Teams under professional secrecy: end-to-end encryption and its limits", change{video: "microsoft-teams", context: map[string]string{"secrecy_203": "yes"}},
			"e2e-encryption/microsoft-teams", "teams_sensitive", true},
		{"Teams without secrets or health data: no such action", change{video: "microsoft-teams"}, "e2e-encryption/microsoft-teams", "teams_sensitive", false},
		{"AI on: switch it off by default, announce it", change{video: "zoom", vid: map[string]string{"ai_features": "on"}}, "recording-rules/zoom", "ai_without_rules", true},
		{"AI with a works agreement: extend it, once for the organisation", change{video: "zoom", context: map[string]string{"works_council": "yes", "works_agreement": "agreement"}, vid: map[string]string{"ai_features": "with_rules"}}, "works-council/organisation", "ai_works_council", true},
		{"AI with a works council but no agreement: conclude one", change{video: "zoom", context: map[string]string{"works_council": "yes", "works_agreement": "informed"}, vid: map[string]string{"ai_features": "with_rules"}}, "works-council/organisation", "ai_works_council_no_agreement", true},
		{"AI with a works council but no agreement: nothing to extend", change{video: "zoom", context: map[string]string{"works_council": "yes", "works_agreement": "informed"}, vid: map[string]string{"ai_features": "with_rules"}}, "works-council/organisation", "ai_works_council", false},
		{"AI without a works council: nothing to settle", change{video: "zoom", context: map[string]string{"works_council": "no"}, vid: map[string]string{"ai_features": "with_rules"}}, "works-council/organisation", "ai_works_council_no_agreement", false},
		{"secrecy, provider not bound: end-to-end encryption is due", change{video: "zoom", context: map[string]string{"secrecy_203": "yes"}, vid: map[string]string{"e2e_use": "never", "confidentiality_bound": "no", "special_categories": "no"}},
			"e2e-encryption/zoom", "e2e_not_switched_on", true},
		{"secrecy, provider bound: end-to-end encryption is not due", change{video: "zoom", context: map[string]string{"secrecy_203": "yes"}, vid: map[string]string{"e2e_use": "never", "confidentiality_bound": "yes", "special_categories": "no"}},
			"e2e-encryption/zoom", "e2e_not_switched_on", false},
		{"secrecy, provider bound: end-to-end encryption recommended for delicate matters", change{video: "zoom", context: map[string]string{"secrecy_203": "yes"}, vid: map[string]string{"e2e_use": "never", "confidentiality_bound": "yes", "special_categories": "no"}},
			"e2e-encryption/zoom", "e2e_secrecy_bound", true},
		{"health data, provider bound: end-to-end encryption is still due", change{video: "zoom", context: map[string]string{"secrecy_203": "yes"}, vid: map[string]string{"e2e_use": "never", "confidentiality_bound": "yes", "special_categories": "yes"}},
			"e2e-encryption/zoom", "e2e_not_switched_on", true},
		{"AI in use: AI literacy of staff", change{video: "zoom", vid: map[string]string{"ai_features": "with_rules"}}, "usage-policy/organisation", "ai_literacy", true},
		{"other tools get the general AI action", change{vid: map[string]string{"ai_features": "on"}}, "recording-rules/jitsi-hosted", "ai_without_rules", true},
		{"recordings without central settings: set them centrally, off by default", change{vid: map[string]string{"recording": "often", "admin_settings": "no"}}, "recording-rules/jitsi-hosted", "no_central_settings_recording", true},
		{"recordings without central settings: not a mere hygiene point", change{vid: map[string]string{"recording": "often", "admin_settings": "no"}}, "privacy-settings/jitsi-hosted", "no_central_settings", false},
		{"private accounts under secrecy lead the switch", change{messenger: "signal", context: map[string]string{"secrecy_203": "yes"}, msg: map[string]string{"used_for": "customer_contact", "dpa_signed": "not_offered", "account": "private"}},
			"switch-provider/signal", "secrecy_private_accounts", true},
		{"private accounts under secrecy: the switch says it once", change{messenger: "signal", context: map[string]string{"secrecy_203": "yes"}, msg: map[string]string{"used_for": "customer_contact", "dpa_signed": "not_offered", "account": "private"}},
			"switch-provider/signal", "secrecy_provider_signs_none", false},
		{"a tax firm's bound provider abroad: § 62a(4) StBerG", change{video: "microsoft-teams", context: map[string]string{"sector": "legal_tax", "secrecy_203": "yes"}, vid: map[string]string{"confidentiality_bound": "yes", "hosting": "mixed", "transfer_basis": "dpf"}},
			"third-country-transfer/microsoft-teams", "secrecy_abroad", true},
		{"a practice's provider abroad: no professional law of tax advisers", change{video: "microsoft-teams", context: map[string]string{"sector": "health", "secrecy_203": "yes"}, vid: map[string]string{"confidentiality_bound": "yes", "hosting": "mixed", "transfer_basis": "dpf"}},
			"third-country-transfer/microsoft-teams", "secrecy_abroad", false},
		{"monitoring unknown: find out first", change{context: map[string]string{"monitoring": "unknown", "dpia_done": "no"}}, "dpia/organisation", "monitoring_unknown", true},
		{"monitoring unknown: no DPIA for an evaluation nobody knows of", change{context: map[string]string{"monitoring": "unknown", "dpia_done": "no"}}, "dpia/organisation", "monitoring_dpia", false},
		{"patients send findings: into the record, out of the chat", change{messenger: "whatsapp-business-app", context: map[string]string{"sector": "health"}, msg: map[string]string{"used_for": "appointments", "special_categories": "yes"}},
			"special-categories/whatsapp-business-app", "patients_send_findings", true},
		{"a channel only patients use: no doctor's letters to redirect", change{messenger: "whatsapp-business-app", context: map[string]string{"sector": "health"}, msg: map[string]string{"used_for": "appointments", "special_categories": "yes"}},
			"special-categories/whatsapp-business-app", "health_documents_via_kim", false},
		{"staff write about patients: KIM and the TI-Messenger", change{messenger: "whatsapp-business-app", context: map[string]string{"sector": "health"}, msg: map[string]string{"used_for": "internal", "special_categories": "yes"}},
			"special-categories/whatsapp-business-app", "health_documents_via_kim", true},
		{"a dental practice: Annex 16 BMV-Z", change{context: map[string]string{"sector": "health", "practice_type": "dentist", "video_consultation": "yes"}, vid: map[string]string{"kbv_certified": "no", "used_for": "consultations"}},
			"switch-provider/jitsi-hosted", "video_consultation_not_certified_dental", true},
		{"a dental practice: not the physicians' annex", change{context: map[string]string{"sector": "health", "practice_type": "dentist", "video_consultation": "yes"}, vid: map[string]string{"kbv_certified": "no", "used_for": "consultations"}},
			"switch-provider/jitsi-hosted", "video_consultation_not_certified", false},
		{"self-hosted Jitsi on a rented server: a DPA with the host", change{video: "jitsi-selfhosted", vid: map[string]string{"operating_model": "self_hosted", "server_site": "rented"}}, "dpa-contract/jitsi-selfhosted", "self_run_host_dpa", true},
		{"self-hosted Jitsi on own premises: no DPA", change{video: "jitsi-selfhosted", vid: map[string]string{"operating_model": "self_hosted", "server_site": "own_premises"}}, "dpa-contract/jitsi-selfhosted", "self_run_host_dpa", false},
		{"self-hosted Jitsi: the operator's own duties", change{video: "jitsi-selfhosted", vid: map[string]string{"operating_model": "self_hosted", "server_site": "own_premises"}}, "app-updates/jitsi-selfhosted", "self_run_operator_duties", true},
		{"self-hosted Jitsi: end-to-end encryption is a recommendation, even with health data", change{video: "jitsi-selfhosted", vid: map[string]string{"operating_model": "self_hosted", "server_site": "own_premises", "e2e_use": "never", "special_categories": "yes"}}, "e2e-encryption/jitsi-selfhosted", "e2e_not_switched_on_self_hosted", true},
		{"internal use under secrecy: no client-facing switch", change{messenger: "signal", context: map[string]string{"secrecy_203": "yes"}, msg: map[string]string{"used_for": "internal", "dpa_signed": "not_offered"}}, "switch-provider/signal", "secrecy_provider_signs_none", false},
		{"internal use under secrecy: no client data through it", change{messenger: "signal", context: map[string]string{"secrecy_203": "yes"}, msg: map[string]string{"used_for": "internal", "dpa_signed": "not_offered"}}, "professional-secrecy/signal", "secrecy_provider_signs_none_internal", true},
		{"client contact under secrecy: replace", change{messenger: "signal", context: map[string]string{"secrecy_203": "yes"}, msg: map[string]string{"used_for": "customer_contact", "dpa_signed": "not_offered"}}, "switch-provider/signal", "secrecy_provider_signs_none", true},
		{"self-hosted Jitsi: STUN/TURN and Gravatar", change{video: "jitsi-selfhosted"}, "privacy-settings/jitsi-selfhosted", "jitsi_selfhosted", true},
		{"Jitsi at an EU provider: not asked", change{}, "privacy-settings/jitsi-hosted", "jitsi_selfhosted", false},
		{"advertising with consent: opt-out in every message", change{context: map[string]string{"b2c_marketing": "yes"}, msg: map[string]string{"marketing_here": "yes", "marketing_consent": "yes"}},
			"marketing-consent/threema-work", "marketing_with_consent", true},
		{"advertising without consent: stop, not opt-out hints", change{context: map[string]string{"b2c_marketing": "yes"}, msg: map[string]string{"marketing_here": "yes", "marketing_consent": "no"}},
			"marketing-consent/threema-work", "marketing_with_consent", false},
		{"transfer basis unknown, provider certified: look up the entry", change{messenger: "whatsapp-business-app", msg: map[string]string{"transfer_basis": "unknown", "hosting": "usa"}},
			"third-country-transfer/whatsapp-business-app", "transfer_unknown_dpf", true},
		{"transfer basis unknown, provider not known to be certified: DPF list, else SCC", change{messenger: "slack", msg: map[string]string{"transfer_basis": "unknown", "hosting": "usa"}},
			"third-country-transfer/slack", "transfer_unknown", true},
		{"transfer basis unknown, provider cannot join the DPF: SCC", change{messenger: "signal", msg: map[string]string{"transfer_basis": "unknown", "hosting": "usa"}},
			"third-country-transfer/signal", "transfer_unknown_no_dpf", true},
		{"transfer basis unknown, provider cannot join the DPF: no DPF-list hunt", change{messenger: "signal", msg: map[string]string{"transfer_basis": "unknown", "hosting": "usa"}},
			"third-country-transfer/signal", "transfer_unknown", false},
		{"a small practice with health data needs a DPO check", change{context: map[string]string{"dpo": "no"}, msg: map[string]string{"special_categories": "yes"}},
			"dpo-review/organisation", "dpo_required_dpia", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !slices.ContainsFunc(cat.Rules, func(r *catalog.Rule) bool { return r.ID == tc.rule }) {
				t.Fatalf("no rule %s in the catalogue", tc.rule)
			}
			p := assess.Assess(cat, build(tc.change))
			if got := has(p, tc.id, tc.rule); got != tc.want {
				var ids []string
				for _, a := range p.Actions {
					ids = append(ids, a.ID+" "+strings.Join(a.Rules, ","))
				}
				t.Errorf("%s by %s: %v, want %v; actions:\n%s", tc.id, tc.rule, got, tc.want, strings.Join(ids, "\n"))
			}
		})
	}
}

// Rule texts name the people by the organisation's sector.
func TestSectorWording(t *testing.T) {
	cat := loadCatalog(t)
	for sector, want := range map[string]string{"health": "Patientinnen und Patienten", "legal_tax": "Mandantinnen und Mandanten", "association": "Mitglieder", "business": "Kundinnen und Kunden"} {
		p := assess.Assess(cat, build(change{context: map[string]string{"sector": sector}, msg: map[string]string{"contact_consent": "no"}}))
		a := actionOf(p, "consent/threema-work")
		if a == nil || !strings.Contains(a.Why.DE, "nur "+want+" an") {
			t.Errorf("%s: consent action %v does not name %s", sector, a, want)
		}
		for _, x := range p.Actions {
			if strings.Contains(x.Title.DE+x.Why.DE+x.Title.EN+x.Why.EN, "{") {
				t.Errorf("%s: a placeholder is left in %s", sector, x.ID)
			}
		}
	}
}

// An action the tool cannot carry out is not asked of it: no imprint in the
// profile and no automatic greeting in an app without a business profile –
// there the notice is sent by hand.
func TestNoActionAToolCannotCarryOut(t *testing.T) {
	cat := loadCatalog(t)
	missing := map[string]string{"business_profile": "no", "first_contact_info": "no"}
	ctx := map[string]string{"partners": "both", "sector": "business"}
	rulesOf := func(p *assess.Plan, id string) []string {
		if a := actionOf(p, id); a != nil {
			return a.Rules
		}
		return nil
	}
	private := assess.Assess(cat, build(change{messenger: "whatsapp", context: ctx, msg: missing}))
	if r := rulesOf(private, "imprint/whatsapp"); r != nil {
		t.Errorf("the private app, which has no business profile, is asked for an imprint in it: %v", r)
	}
	if r := rulesOf(private, "privacy-notice/whatsapp"); !slices.Contains(r, "no_first_contact_info_by_hand") || slices.Contains(r, "no_first_contact_info") {
		t.Errorf("the private app: privacy notice at first contact by rules %v, want by hand", r)
	}
	business := assess.Assess(cat, build(change{messenger: "whatsapp-business-app", context: ctx, msg: missing}))
	if r := rulesOf(business, "imprint/whatsapp-business-app"); !slices.Contains(r, "no_imprint_merchant") {
		t.Errorf("the business app is not asked for the imprint in its profile: %v", r)
	}
	if r := rulesOf(business, "privacy-notice/whatsapp-business-app"); !slices.Contains(r, "no_first_contact_info") || slices.Contains(r, "no_first_contact_info_by_hand") {
		t.Errorf("the business app: privacy notice at first contact by rules %v, want the automatic greeting", r)
	}
}

// Handing over a messenger's chats matters while it is kept: when the plan
// replaces it, the switch says what to keep, and the point goes with it.
func TestHandoverGoesWithTheSwitch(t *testing.T) {
	cat := loadCatalog(t)
	find := func(p *assess.Plan, id string) *assess.Action {
		i := slices.IndexFunc(p.Actions, func(a *assess.Action) bool { return a.ID == id })
		if i < 0 {
			t.Fatalf("no action %s", id)
		}
		return p.Actions[i]
	}
	msg := map[string]string{"used_for": "customer_contact", "dpa_signed": "not_offered", "handover": "no"}
	replaced := assess.Assess(cat, build(change{messenger: "signal", context: map[string]string{"secrecy_203": "yes"}, msg: msg}))
	if a := find(replaced, "retention/signal"); a.Open() || a.SupersededBy != find(replaced, "switch-provider/signal") {
		t.Errorf("replaced Signal: the hand-over point stands on its own (open %v)", a.Open())
	}
	kept := assess.Assess(cat, build(change{messenger: "signal", context: map[string]string{"secrecy_203": "no"}, msg: map[string]string{"handover": "no"}}))
	if a := find(kept, "retention/signal"); !a.Open() {
		t.Error("kept Signal: the hand-over point is not open")
	}
}

// A sentence about the works council or the DPO follows what the answers
// say: it names them where they exist, asks where nobody knows and is left
// out where there is none (a sole trader has no works council).
func TestWorksCouncilAndDPOSentencesFollowTheAnswers(t *testing.T) {
	cat := loadCatalog(t)
	text := func(p *assess.Plan) string {
		var b strings.Builder
		for _, a := range p.Actions {
			b.WriteString(a.Why.DE + "\n" + a.Why.EN + "\n")
			for _, pt := range a.Also {
				b.WriteString(pt.Why.DE + "\n" + pt.Why.EN + "\n")
			}
		}
		return b.String()
	}
	for _, tc := range []struct {
		ctx       map[string]string
		want, not []string
	}{
		{map[string]string{"works_council": "yes", "dpo": "yes"},
			[]string{"Die Regeln gehören deshalb in eine Betriebsvereinbarung.", "Beziehen Sie Ihre Datenschutzbeauftragte", "The rules therefore belong in a works agreement."},
			[]string{"Gibt es einen Betriebsrat", "wo es einen", "where there is"}},
		{map[string]string{"works_council": "no", "dpo": "no"},
			[]string{"als Weisung fest", "müssen Sie eine Datenschutzbeauftragte oder einen Datenschutzbeauftragten benennen"},
			[]string{"Betriebsrat", "works council", "Beziehen Sie Ihre Datenschutzbeauftragte"}},
		{map[string]string{"works_council": "unknown", "dpo": "unknown"},
			[]string{"Gibt es einen Betriebsrat, gehören die Regeln", "Ist eine Datenschutzbeauftragte oder ein Datenschutzbeauftragter benannt"},
			[]string{"wo es einen", "Die Regeln gehören deshalb"}},
		{map[string]string{"staff": "solo", "works_council": "yes"}, // not asked of a sole trader: none
			[]string{"als Weisung fest"},
			[]string{"Betriebsrat", "works council"}},
	} {
		tc.ctx["dpia_done"] = "no"
		f := build(change{context: tc.ctx, vid: map[string]string{"recording": "often", "recording_consent": "unknown", "ai_features": "on"}})
		if tc.ctx["staff"] == "solo" {
			delete(f.Context, "works_council")
		}
		p := assess.Assess(cat, f)
		got := text(p)
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%v: the plan lacks %q", tc.ctx, w)
			}
		}
		for _, w := range tc.not {
			if strings.Contains(got, w) {
				t.Errorf("%v: the plan says %q", tc.ctx, w)
			}
		}
		if strings.Contains(got, "{") || strings.Contains(got, "  ") {
			t.Errorf("%v: a placeholder or a gap is left in the plan", tc.ctx)
		}
	}
}

// An action a researched fact triggers cites where the fact was read: a
// Zoom action cites Zoom's page, not another provider's terms.
func TestActionsCiteTheSourcesOfTheFactsThatTriggerThem(t *testing.T) {
	cat := loadCatalog(t)
	checked := 0
	for _, path := range testkit.Examples(t) {
		p := assess.Assess(cat, testkit.Answers(t, cat, path))
		for _, a := range p.Actions {
			if a.Tool == nil {
				continue
			}
			for _, tr := range a.Triggers {
				if tr.Fact == "" || tr.ToolKey != a.Tool.Key {
					continue
				}
				for _, f := range a.Tool.Facts {
					if f.Def.ID != tr.Fact {
						continue
					}
					for _, id := range f.Fact.Source {
						checked++
						if !slices.ContainsFunc(a.Sources, func(s *catalog.Source) bool { return s.ID == id }) {
							t.Errorf("%s: %s is triggered by the fact %s but does not cite its source %s", filepath.Base(path), a.ID, tr.Fact, id)
						}
					}
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no example has an action a fact triggers")
	}
	p := assess.Assess(cat, testkit.Answers(t, cat, testkit.Example("medical-zoom-whatsapp.yaml")))
	if a := actionOf(p, "third-country-transfer/zoom"); a == nil || !strings.Contains(a.Why.DE+fmt.Sprint(a.Also), "Datenregion") || slices.ContainsFunc(a.Sources, func(s *catalog.Source) bool { return strings.Contains(s.ID, "workspace") }) {
		t.Errorf("Zoom's data region cites Google's terms: %v", a)
	}
}

// A tax firm reads its own professional law, a law firm its own; a firm of
// both or one not yet asked reads both.
func TestProfessionalLawFollowsTheProfession(t *testing.T) {
	cat := loadCatalog(t)
	for prof, want := range map[string][2]string{
		"tax":     {"Steuerberaterinnen und Steuerberater dürfen", "§ 62a Abs. 4 StBerG)"},
		"law":     {"Rechtsanwältinnen und Rechtsanwälte dürfen", "§ 43e Abs. 4 BRAO)"},
		"unknown": {"Steuerberater und Rechtsanwälte dürfen", "§ 62a Abs. 4 StBerG, § 43e Abs. 4 BRAO)"},
	} {
		f := testkit.Answers(t, cat, testkit.Example("tax-teams-signal.yaml"))
		f.Context["profession"] = answers.Value{Items: []string{prof}}
		a := actionOf(assess.Assess(cat, f), "third-country-transfer/microsoft-teams")
		if a == nil {
			t.Fatalf("%s: no third-country action for Teams", prof)
		}
		for _, w := range want {
			if !strings.Contains(a.Why.DE, w) {
				t.Errorf("%s: the action lacks %q: %s", prof, w, a.Why.DE)
			}
		}
	}
}

// A server the organisation runs itself gets the server's updates, not
// "an MDM keeps all devices current".
func TestSelfRunServerGetsServerUpdates(t *testing.T) {
	cat := loadCatalog(t)
	p := assess.Assess(cat, testkit.Answers(t, cat, testkit.Example("association-jitsi.yaml")))
	var text string
	for _, a := range p.Actions {
		if a.Topic.ID == "app-updates" && a.Tool != nil && strings.Contains(a.Tool.Key, "jitsi") {
			text = a.Why.DE + fmt.Sprint(a.Also)
		}
	}
	if !strings.Contains(text, "Sicherheitsupdates für Betriebssystem") || strings.Contains(text, "MDM") {
		t.Errorf("the self-run Jitsi server is told to update devices: %s", text)
	}
}

// A tax firm that answers "no sensitive data" is asked to check it (tax
// files hold Art. 9 data routinely); a craft business is not.
func TestTaxFirmChecksItsNoSensitiveData(t *testing.T) {
	cat := loadCatalog(t)
	p := assess.Assess(cat, testkit.Answers(t, cat, testkit.Example("tax-teams-signal.yaml")))
	if a := actionOf(p, "special-categories/microsoft-teams"); a == nil || !strings.Contains(a.Why.DE, "Kirchensteuermerkmal") || slices.Contains(p.FirstSteps, a) {
		t.Errorf("the tax firm's answer is not questioned, or its check is a first step: %v", a)
	}
	q := assess.Assess(cat, build(change{video: "microsoft-teams", vid: map[string]string{"used_for": "customer_contact"}}))
	for _, a := range q.Actions {
		if strings.Contains(a.Why.DE, "Kirchensteuermerkmal") {
			t.Errorf("a business is asked about tax files: %s", a.ID)
		}
	}
}

// A club's plan speaks of volunteers and club phones, not of employees and
// work phones.
func TestClubPlanSpeaksOfVolunteers(t *testing.T) {
	cat := loadCatalog(t)
	p := assess.Assess(cat, testkit.Answers(t, cat, testkit.Example("association-jitsi.yaml")))
	var all strings.Builder
	for _, a := range p.Actions {
		all.WriteString(a.Title.DE + " " + a.Why.DE + fmt.Sprint(a.Also) + "\n")
	}
	s := all.String()
	if !strings.Contains(s, "Ehrenamtliche, Übungsleitungen und Beschäftigte über die Datenverarbeitung") || strings.Contains(s, "Diensthandy") {
		t.Errorf("the club's plan speaks of employees or work phones:\n%s", s)
	}
}

// A lawyer's walk through Threema Work: with the central settings not yet
// known, the plan asked to switch off cloud backups "in WhatsApp" and to lock
// AI features Threema does not have. What the catalogue knows spares both
// the question and the action.
func TestWhatTheCatalogueKnowsSparesQuestionAndAction(t *testing.T) {
	cat := loadCatalog(t)
	p := assess.Assess(cat, build(change{msg: map[string]string{"admin_settings": "unknown"}}))
	for _, a := range p.Actions {
		if a.ID == "backups/threema-work" || a.ID == "recording-rules/threema-work" {
			t.Errorf("Threema Work: unexpected action %s (rules %v)", a.ID, a.Rules)
		}
	}
	for _, o := range p.Open {
		if q := o.Answer.Question.ID; q == "backups" || q == "ai_features" {
			t.Errorf("Threema Work: %s is asked, though the catalogue answers it", q)
		}
	}
	// Where backups can be unencrypted, a missing answer still counts.
	f := build(change{messenger: "whatsapp-business-app"})
	delete(f.Tools[0].Answers, "backups")
	p = assess.Assess(cat, f)
	if !slices.ContainsFunc(p.Actions, func(a *assess.Action) bool { return a.ID == "backups/whatsapp-business-app" }) {
		t.Error("WhatsApp Business App: no backup action for an unanswered backup question")
	}
}

// A law firm's client file is kept for six years under the BRAO; the plan
// of a firm of lawyers does not send it to the tax advisers' ten years.
func TestClientFileFollowsTheProfession(t *testing.T) {
	cat := loadCatalog(t)
	for _, tc := range []struct {
		profession   string
		want, unwant []string
	}{
		{"law", []string{"brao-50"}, []string{"stberg-66", "ao-147"}},
		{"tax", []string{"stberg-66", "ao-147"}, []string{"brao-50"}},
		{"both", []string{"stberg-66", "brao-50"}, nil},
		{"unknown", []string{"stberg-66", "brao-50"}, nil},
	} {
		f := build(change{context: map[string]string{"sector": "legal_tax", "profession": tc.profession, "archiving": "no"}})
		p := assess.Assess(cat, f)
		i := slices.IndexFunc(p.Actions, func(a *assess.Action) bool { return a.ID == "retention/organisation" })
		if i < 0 {
			t.Fatalf("%s: no retention action", tc.profession)
		}
		var got []string
		for _, l := range p.Actions[i].Legal {
			got = append(got, l.ID)
		}
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s: legal basis %v lacks %s", tc.profession, got, w)
			}
		}
		for _, u := range tc.unwant {
			if slices.Contains(got, u) {
				t.Errorf("%s: legal basis %v names %s", tc.profession, got, u)
			}
		}
		why := p.Actions[i].Why.DE
		if tc.profession == "law" && (strings.Contains(why, "StBerG") || strings.Contains(why, "zehn Jahre")) {
			t.Errorf("law: the reason speaks of tax advisers: %s", why)
		}
		if tc.profession == "tax" && strings.Contains(why, "BRAO") {
			t.Errorf("tax: the reason speaks of lawyers: %s", why)
		}
	}
}
