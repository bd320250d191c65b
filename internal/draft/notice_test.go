package draft_test

import (
	"strings"
	"testing"

	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/draft"
)

// The notice carries every item of Art. 13(1)–(2) GDPR: per tool the
// purposes with their bases, recipients, transfers, storage and whether
// providing data is required; once the rights, with the withdrawal of
// consent only where something rests on consent, and the line on
// automated decisions. Providers are named with a link to their notice.
func TestNoticeHasEveryItemOfArticle13(t *testing.T) {
	p := plan(t, base+`context: {sector: legal_tax, secrecy_203: "yes", partners: both, partner_groups: [patients], deletion_periods: "yes"}
tools:
  - tool: zoom
    answers: {used_for: [consultations], recording: never, ai_features: "off", dpa_signed: signed, hosting: eu_eea, non_eu_subprocessors: "no", confidentiality_bound: "yes"}
`)
	md := string(draft.Make(p, draft.Notice, catalog.DE).Markdown)
	for _, want := range []string{
		"## Videokonferenzen über Zoom", "Bild und Ton", "IP-Adresse",
		"Mandatsbearbeitung und Beratungsgespräche: Art. 6 Abs. 1 lit. b DSGVO (Mandatsvertrag)",
		"als Auftragsverarbeiter", "(https://www.zoom.com/en/trust/privacy/privacy-statement/)",
		"**Übermittlung in Drittländer:** keine", "**Speicherdauer:**", "§ 66 Abs. 1 StBerG",
		"**Pflicht zur Bereitstellung:**", "## Ihre Rechte", "Art. 77 DSGVO", "Art. 22 DSGVO",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the notice lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "Widerruf") || strings.Contains(md, "widerrufen") {
		t.Errorf("nothing rests on consent, yet the notice speaks of withdrawing it:\n%s", md)
	}
	if n := strings.Count(md, "## Ihre Rechte"); n != 1 {
		t.Errorf("the rights stand %d times, want once", n)
	}
	// Recording with AI features on: a section on it, on consent, and the
	// right to withdraw it.
	rec := plan(t, base+`context: {sector: business, partners: both, partner_groups: [businesses]}
tools:
  - tool: zoom
    answers: {used_for: [customer_contact], recording: often, ai_features: "on"}
`)
	md = string(draft.Make(rec, draft.Notice, catalog.DE).Markdown)
	for _, want := range []string{"**Aufzeichnung, Transkript und KI-Zusammenfassung:**", "Art. 6 Abs. 1 lit. a DSGVO", "mit Wirkung für die Zukunft widerrufen"} {
		if !strings.Contains(md, want) {
			t.Errorf("a tool that records: the notice lacks %q:\n%s", want, md)
		}
	}
}

// People inside are told too: an association's members and volunteers who
// meet through a self-run Jitsi get a section (not "not needed"), and a
// server the association runs itself has no provider.
func TestNoticeForMembersAndVolunteers(t *testing.T) {
	p := plan(t, base+`context: {sector: association, partners: internal}
tools:
  - tool: jitsi-selfhosted
    answers: {used_for: [meetings], operating_model: self_hosted, server_site: own_premises}
`)
	md := string(draft.Make(p, draft.Notice, catalog.DE).Markdown)
	for _, want := range []string{"## Information für Beschäftigte, Ehrenamtliche und Mitglieder", "### Zusammenarbeit über Jitsi", "Den Dienst betreiben wir selbst", "Mitgliedschaft nach der Satzung"} {
		if !strings.Contains(md, want) {
			t.Errorf("the association's notice lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "Anbieter des Dienstes ist") {
		t.Errorf("a self-run server has no provider of the service:\n%s", md)
	}
}

// A note-taker is no channel people communicate through: the notice says
// what it records, and only with everyone's agreement.
func TestNoticeDescribesANoteTaker(t *testing.T) {
	p := plan(t, base+`context: {sector: business, partners: both, partner_groups: [businesses]}
tools:
  - tool: otter
    answers: {used_for: [meetings, customer_contact], account: organisation, bot_joins: chosen, recording_consent: "yes"}
`)
	md := string(draft.Make(p, draft.Notice, catalog.DE).Markdown)
	if !strings.Contains(md, "## Mitschrift von Besprechungen mit Otter.ai") || !strings.Contains(md, "alle Teilnehmenden zustimmen") {
		t.Errorf("the note-taker's section:\n%s", md)
	}
	if strings.Contains(md, "über Otter.ai kommunizieren") {
		t.Errorf("nobody communicates through a note-taker:\n%s", md)
	}
}

// The first-contact message names the organisation and the real purposes,
// and where messages advertise, how to stop them.
func TestFirstContactMessage(t *testing.T) {
	p := plan(t, base+`context: {sector: business, partners: both, partner_groups: [consumers], b2c_marketing: "yes"}
tools:
  - tool: whatsapp-business-app
    answers: {used_for: [orders, appointments], marketing_here: "yes", marketing_consent: "yes"}
`)
	md := string(draft.Make(p, draft.Notice, catalog.DE).Markdown)
	for _, want := range []string{"Danke für Ihre Nachricht! Wir nutzen WhatsApp für Angebote, Aufträge und Rechnungen sowie Terminabsprachen und Terminerinnerungen.", "„STOPP“", "– Praxis \\<Lind\\>"} {
		if !strings.Contains(md, want) {
			t.Errorf("the first-contact message lacks %q:\n%s", want, md)
		}
	}
}

// Where the plan replaces every tool used with customers, the notice
// still tells them everything Art. 13 asks: the successor's section with
// the purposes that stay (its name and provider as gaps), the rights, the
// complaint, Art. 22 – and a first-contact message for the new messenger.
// It never names the tool that goes.
func TestNoticeWhenEveryOutwardToolIsReplaced(t *testing.T) {
	p := plan(t, base+`context: {sector: business, partners: both, partner_groups: [consumers]}
tools:
  - tool: whatsapp
    answers: {used_for: [orders, appointments], address_book: full}
`)
	if p.Tools[0].Lead == nil {
		t.Fatal("the plan no longer replaces private WhatsApp for customers; pick another replaced tool")
	}
	md := string(draft.Make(p, draft.Notice, catalog.DE).Markdown)
	for _, want := range []string{"## Kommunikation per Messenger", "zu klären: Name des neuen Messengers", "Angebote, Aufträge und Rechnungen: Art. 6 Abs. 1 lit. b", "## Ihre Rechte", "Art. 77 DSGVO", "Art. 22 DSGVO", "## Vorlage: Erstkontakt-Nachricht (nicht für die Website)", "**Für den neuen Messenger**"} {
		if !strings.Contains(md, want) {
			t.Errorf("the notice lacks %q:\n%s", want, md)
		}
	}
	var body []string
	for _, line := range strings.Split(md, "\n") {
		if !strings.HasPrefix(line, ">") || strings.HasPrefix(line, "> Danke") {
			body = append(body, line)
		}
	}
	if strings.Contains(strings.Join(body, "\n"), "WhatsApp") {
		t.Errorf("the published text names the tool the plan replaces:\n%s", md)
	}
}

// A copy of the safeguards is offered for the guarantees of Art. 46 GDPR
// (standard contractual clauses), not for the DPF's adequacy decision nor
// for a tool whose data stay in the EU.
func TestNoticeOffersACopyOfArticle46Safeguards(t *testing.T) {
	for answers, want := range map[string]bool{
		`{used_for: [consultations], transfer_basis: dpf, non_eu_subprocessors: "no"}`: false,
		`{used_for: [consultations], transfer_basis: scc}`:                             true,
	} {
		p := plan(t, base+"tools:\n  - tool: zoom\n    answers: "+answers+"\n")
		md := string(draft.Make(p, draft.Notice, catalog.DE).Markdown)
		if got := strings.Contains(md, "Kopie der Garantien"); got != want {
			t.Errorf("%s: copy offered %v, want %v", answers, got, want)
		}
	}
}

// The staff notice names a works agreement as the basis for recordings
// only where one exists; elsewhere the voluntary consent, with what makes
// it voluntary (taking part without camera and microphone).
func TestStaffNoticeNamesAnAgreementOnlyWhereThereIsOne(t *testing.T) {
	for ctx, want := range map[string]string{
		`{works_council: "yes", works_agreement: agreement}`:    "Rechtsgrundlage ist Art. 6 Abs. 1 lit. f DSGVO (berechtigtes Interesse, Ergebnisse von Besprechungen festzuhalten); Umfang, Zugriff und Löschung regelt die Betriebsvereinbarung **zu klären: Titel, Datum und den Abschnitt zu Aufzeichnungen eintragen",
		`{works_council: "yes", works_agreement: agreement_ai}`: "Rechtsgrundlage ist Art. 6 Abs. 1 lit. f DSGVO (berechtigtes Interesse, Ergebnisse von Besprechungen festzuhalten); Umfang, Zugriff und Löschung regelt die Betriebsvereinbarung **zu klären: Titel, Datum und den Abschnitt zu Aufzeichnungen eintragen",
		`{works_council: "yes", works_agreement: informed}`:     "Rechtsgrundlage ist Ihre freiwillige Einwilligung (Art. 6 Abs. 1 lit. a DSGVO, § 26 Abs. 2 BDSG) – stimmt jemand nicht zu, wird nicht aufgezeichnet",
		`{works_council: "no"}`:                                 "Rechtsgrundlage ist Ihre freiwillige Einwilligung (Art. 6 Abs. 1 lit. a DSGVO, § 26 Abs. 2 BDSG) – stimmt jemand nicht zu, wird nicht aufgezeichnet",
	} {
		p := plan(t, base+"context: "+ctx+"\ntools:\n  - tool: zoom\n    answers: {used_for: [meetings], recording: sometimes}\n")
		md := string(draft.Make(p, draft.Notice, catalog.DE).Markdown)
		if !strings.Contains(md, want) {
			t.Errorf("%s: the staff notice lacks %q", ctx, want)
		}
	}
}

// A club that messages children says, in the notice and the record, that
// under 16 it does so only with the parents' recorded agreement – as the
// plan asks; the basis stays what the messages are for (membership) – and
// the notice then names the right to withdraw.
func TestChildrenMessagedNeedTheirParentsConsent(t *testing.T) {
	p := plan(t, base+`context: {sector: association, partners: both, partner_groups: [volunteers, children]}
tools:
  - tool: threema-work
    answers: {used_for: [customer_contact, internal]}
`)
	for _, k := range []draft.Kind{draft.Notice, draft.Records} {
		md := string(draft.Make(p, k, catalog.DE).Markdown)
		// Art. 8 GDPR is consent to online services offered to children –
		// not the basis of a club's messages: the membership is.
		if !strings.Contains(md, "bei Minderjährigen die Mitgliedschaft, die ihre Eltern als gesetzliche Vertreter begründet haben; Kinder und Jugendliche unter 16 Jahren werden nur angeschrieben, wenn das Einverständnis der Eltern festgehalten ist") || strings.Contains(md, "Art. 8 DSGVO") ||
			k == draft.Notice && !strings.Contains(md, "- **Kinder und Jugendliche:** Rechtsgrundlage ist bei Minderjährigen die Mitgliedschaft") {
			t.Errorf("%s: no parental consent for children:\n%s", k, md)
		}
		if k == draft.Notice && !strings.Contains(md, "Art. 7 Abs. 3 DSGVO") {
			t.Errorf("the notice does not name the right to withdraw consent:\n%s", md)
		}
	}
}

// A policy that stops a tool at once names the channel meanwhile, keeps
// the duty to delete sick-note photos already sent (it follows the
// people, not the tool) and gives examples from the organisation's own
// sector.
func TestPolicyWhenATaskIsStoppedNow(t *testing.T) {
	p := plan(t, base+`context: {sector: business, partners: both, partner_groups: [consumers], staff: small}
tools:
  - tool: whatsapp
    answers: {used_for: [orders, staff_matters], sick_notes: "yes"}
`)
	if p.Tools[0].Lead == nil {
		t.Fatal("the plan no longer stops private WhatsApp; pick another case")
	}
	md := string(draft.Make(p, draft.Policy, catalog.DE).Markdown)
	for _, want := range []string{"Bis das neue Werkzeug eingeführt ist: Telefon und E-Mail des Betriebs für Kundinnen und Kunden", "schon verschickte Fotos löschen Absender und Empfänger"} {
		if !strings.Contains(md, want) {
			t.Errorf("the policy lacks %q:\n%s", want, md)
		}
	}
	for _, foreign := range []string{"Patienten", "Mandanten"} {
		if strings.Contains(md, foreign) {
			t.Errorf("a craft business's policy speaks of %s:\n%s", foreign, md)
		}
	}
}
