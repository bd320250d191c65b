package draft_test

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/draft"
	"github.com/konform/konform/internal/testkit"
)

// entries splits a record into its entries (level-2 headings "VT-…").
func entries(md string) map[string]string {
	out := map[string]string{}
	for _, part := range strings.Split(md, "\n## ")[1:] {
		head, body, _ := strings.Cut(part, "\n")
		if strings.HasPrefix(head, "VT-") {
			out[head] = body
		}
	}
	return out
}

// The record has one entry per processing activity, not per tool: a
// practice's WhatsApp carries appointment reminders and staff sick notes,
// each with its own purpose and Art. 9 basis; a purpose served by two
// tools is one entry naming both. The controller stands once, on top.
func TestRecordsOnePerProcessingActivity(t *testing.T) {
	p := plan(t, base+`context: {sector: health, partners: both, partner_groups: [patients]}
tools:
  - tool: whatsapp-business-app
    answers: {used_for: [appointments, internal], sick_notes: "yes", special_categories: "no"}
  - tool: threema-work
    answers: {used_for: [appointments]}
  - tool: zoom
    answers: {used_for: [meetings], recording: often}
`)
	md := string(draft.Make(p, draft.Records, catalog.DE).Markdown)
	if n := strings.Count(md, "| Verantwortlicher (Name und Anschrift) |"); n != 1 {
		t.Errorf("the controller stands %d times, want once on top", n)
	}
	es := entries(md)
	var appointments, sick, meetings string
	for head, body := range es {
		switch {
		case strings.Contains(head, "Termin"):
			appointments = body
		case strings.Contains(head, "Personalangelegenheiten"):
			sick = body
		case strings.Contains(head, "Besprechungen"):
			meetings = body
		}
	}
	if len(es) != 4 { // appointments, internal, sick notes, meetings
		t.Errorf("%d entries, want 4:\n%s", len(es), md)
	}
	if !strings.Contains(appointments, "über WhatsApp Business App und Threema Work") {
		t.Errorf("one purpose over two tools is one entry naming both:\n%s", appointments)
	}
	if !strings.Contains(appointments, "Art. 9 Abs. 2 lit. h DSGVO mit § 22 Abs. 1 Nr. 1 lit. b BDSG") || !strings.Contains(appointments, "Patientinnen und Patienten") {
		t.Errorf("appointments in a practice: Art. 9(2)(h) with § 22 BDSG, and the sector's word for the people:\n%s", appointments)
	}
	if !strings.Contains(appointments, "§ 630f") {
		t.Errorf("appointments in a practice: the patient record's retention:\n%s", appointments)
	}
	if !strings.Contains(sick, "Art. 9 Abs. 2 lit. b DSGVO mit § 26 Abs. 3 BDSG") || !strings.Contains(sick, "Krankmeldungen (Gesundheitsdaten)") {
		t.Errorf("sick notes through WhatsApp: an entry of their own, Art. 9(2)(b) with § 26(3) BDSG:\n%s", sick)
	}
	for _, want := range []string{"Bild und Ton", "IP-Adresse", "Aufzeichnungen von Besprechungen (oft)", "Maßnahmen (Art. 32 DSGVO): Verfügbarkeit"} {
		if !strings.Contains(meetings, want) {
			t.Errorf("a video tool's entry lacks %q:\n%s", want, meetings)
		}
	}
	if strings.Contains(sick, "Bild und Ton") {
		t.Errorf("the messenger's entry names a video tool's data:\n%s", sick)
	}
}

// The wording lives in templates: a template that does not parse, or a
// language that misses a phrase the other defines, is an error that names
// the file.
func TestTemplatesAreCheckedAndNamed(t *testing.T) {
	good := func() fstest.MapFS {
		return fstest.MapFS{
			"common.de.md.tmpl":  {Data: []byte(`{{define "head"}}K{{end}}{{define "gap"}}**zu klären: {{.}}**{{end}}`)},
			"common.en.md.tmpl":  {Data: []byte(`{{define "head"}}H{{end}}{{define "gap"}}**to clarify: {{.}}**{{end}}`)},
			"records.de.md.tmpl": {Data: []byte(`{{define "doc"}}Verzeichnis{{end}}{{define "x"}}x{{end}}`)},
			"records.en.md.tmpl": {Data: []byte(`{{define "doc"}}Record{{end}}{{define "x"}}x{{end}}`)},
		}
	}
	if _, err := draft.ParseTemplates(good()); err != nil {
		t.Fatalf("good templates: %v", err)
	}
	broken := good()
	broken["records.en.md.tmpl"] = &fstest.MapFile{Data: []byte("{{define \"doc\"}}\nRecord {{.Entries\n{{end}}")}
	if _, err := draft.ParseTemplates(broken); err == nil || !strings.Contains(err.Error(), "records.en.md.tmpl:3") {
		t.Errorf("a broken template: %v, want an error naming records.en.md.tmpl:3", err)
	}
	missing := good()
	missing["records.en.md.tmpl"] = &fstest.MapFile{Data: []byte(`{{define "doc"}}Record{{end}}`)}
	if _, err := draft.ParseTemplates(missing); err == nil || !strings.Contains(err.Error(), `"x"`) {
		t.Errorf("a phrase only in German: %v, want an error naming it", err)
	}
	if _, err := draft.DefaultTemplates(); err != nil {
		t.Errorf("the shipped templates: %v", err)
	}
}

// In HTML every gap stands out as a marked box, not as bold text like any
// other.
func TestGapsStandOutInHTML(t *testing.T) {
	p := plan(t, base+`tools: [{tool: threema-work}]
`)
	d := draft.Make(p, draft.Records, catalog.DE)
	html := string(d.HTML(p, catalog.DE))
	if n := strings.Count(html, `<strong class="gap">zu klären: `); n == 0 || n != strings.Count(string(d.Markdown), "**zu klären: ") {
		t.Errorf("%d gaps marked in HTML, %d in Markdown", n, strings.Count(string(d.Markdown), "**zu klären: "))
	}
	if !strings.Contains(html, "strong.gap {") {
		t.Error("no style for the gap box")
	}
}

// Every shipped template renders every example in both languages without
// an error (make generate runs this after a change of wording).
func TestTemplatesRenderEveryExample(t *testing.T) {
	cat := testkit.Catalog(t)
	for _, path := range testkit.Examples(t) {
		p := assess.Assess(cat, testkit.Answers(t, cat, path))
		for _, l := range []catalog.Lang{catalog.DE, catalog.EN} {
			for _, k := range draft.Kinds {
				if _, err := draft.Write(p, k, l); err != nil {
					t.Errorf("%s %s %s: %v", path, k, l, err)
				}
			}
		}
	}
}

// A tax firm keeps its client files for the tax advisers' ten years, not
// the lawyers' six: the profession decides; unknown, both are named.
func TestRetentionFollowsTheProfession(t *testing.T) {
	for profession, want := range map[string][]string{
		"tax":     {"§ 66 Abs. 1 StBerG"},
		"law":     {"§ 50 Abs. 1 BRAO"},
		"unknown": {"§ 66 Abs. 1 StBerG", "§ 50 Abs. 1 BRAO"},
	} {
		p := plan(t, base+`context: {sector: legal_tax, profession: `+profession+`, partners: external, partner_groups: [patients]}
tools: [{tool: threema-work, answers: {used_for: [consultations]}}]
`)
		md := string(draft.Make(p, draft.Records, catalog.DE).Markdown)
		for _, law := range []string{"§ 66 Abs. 1 StBerG", "§ 50 Abs. 1 BRAO"} {
			if got, w := strings.Contains(md, law), slices.Contains(want, law); got != w {
				t.Errorf("profession %s: %s named %v, want %v", profession, law, got, w)
			}
		}
	}
}

// A consumer messenger whose provider offers no processing agreement is a
// controller of its own in the record – a fact, not a contract to chase –
// and the record names the plan's actions by their titles, never by
// konform's references.
func TestRecordsNameAConsumerMessengerAsItsOwnController(t *testing.T) {
	p := plan(t, base+`context: {sector: legal_tax, profession: tax, partners: external, partner_groups: [consumers]}
tools: [{tool: signal, answers: {used_for: [customer_contact]}}]
`)
	md := string(draft.Make(p, draft.Records, catalog.DE).Markdown)
	var recipients string
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "| Empfänger |") {
			recipients = line
		}
	}
	// The plan replaces Signal for the clients of a tax firm: what follows
	// "künftig" is the successor's, a gap until it is chosen.
	signal, _, _ := strings.Cut(recipients, "künftig")
	if !strings.Contains(signal, "Signal Messenger, LLC") || !strings.Contains(signal, "eigener Verantwortlicher") || strings.Contains(signal, "zu klären") {
		t.Errorf("the consumer messenger's recipient line: %q", recipients)
	}
	if strings.Contains(md, "/signal") {
		t.Errorf("the record names an action by konform's reference:\n%s", md)
	}
}

// An assistant built in for good (Meta AI in WhatsApp) is never recorded
// as switched off – only as not used.
func TestRecordsNeverSwitchOffABuiltInAssistant(t *testing.T) {
	p := plan(t, base+`context: {sector: business, partners: external, partner_groups: [consumers]}
tools: [{tool: whatsapp-business-app, answers: {used_for: [customer_contact], ai_features: "off"}}]
`)
	md := string(draft.Make(p, draft.Records, catalog.DE).Markdown)
	if strings.Contains(md, "KI-Funktionen ausgeschaltet") || !strings.Contains(md, "lässt sich nicht abschalten") {
		t.Errorf("the record of a built-in assistant:\n%s", md)
	}
}

// A use the plan moves off a tool goes on through its successor: the
// record's entry names it – for a practice the practice software or the
// TI-Messenger – with its provider and transfers as gaps until chosen, and
// counts each gap once however many entries carry it.
func TestRecordsNameTheSuccessorOfAReplacedUse(t *testing.T) {
	p := testkit.Assess(t, testkit.Catalog(t), testkit.Example("medical-zoom-whatsapp.yaml"))
	for _, l := range []catalog.Lang{catalog.DE, catalog.EN} {
		d := draft.Make(p, draft.Records, l)
		md := string(d.Markdown)
		want := map[catalog.Lang][]string{
			catalog.DE: {"Terminabsprachen und Terminerinnerungen – über WhatsApp Business App; künftig über **zu klären: neuer Weg (Praxissoftware per SMS/E-Mail oder TI-Messenger)**",
				"Behandlung und Videosprechstunde – über Zoom; künftig über **zu klären: KBV-zertifizierter Videodienst (Name)**",
				"künftig: **zu klären: Anbieter als Auftragsverarbeiter (nach Abschluss des AVV)**",
				"künftig: **zu klären: keine – oder Drittland und Garantie eintragen**"},
			catalog.EN: {"in future through **to clarify: new channel (practice software by text message/e-mail, or TI-Messenger)**",
				"in future: **to clarify: provider as processor (once the DPA is signed)**"},
		}[l]
		for _, s := range want {
			if !strings.Contains(md, s) {
				t.Errorf("%s: the record misses %q", l, s)
			}
		}
		// Meetings of the team stay on Zoom: no successor there.
		for _, line := range strings.Split(md, "\n") {
			if strings.HasPrefix(line, "| Zweck | Besprechungen") || strings.HasPrefix(line, "| Purpose | Meetings") {
				if strings.Contains(line, "künftig") || strings.Contains(line, "in future") {
					t.Errorf("%s: a use that stays gets a successor: %s", l, line)
				}
			}
		}
		seen := map[string]bool{}
		for _, g := range d.Gaps {
			if seen[g.Text+g.Question] {
				t.Errorf("%s: the gap %q is counted twice", l, g.Text)
			}
			seen[g.Text+g.Question] = true
		}
	}
}
