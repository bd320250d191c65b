package draft

import (
	"fmt"
	"strings"

	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/report"
)

// notice writes a privacy-notice section (Art. 13 GDPR) for each tool used
// with people outside the organisation, and a first-contact message for
// messengers that can send one.
func (w *writer) notice() {
	var tools, replaced []*assess.Tool
	for _, t := range w.p.Tools {
		switch {
		case !t.Outward:
		case t.Lead != nil:
			replaced = append(replaced, t)
		default:
			tools = append(tools, t)
		}
	}
	if len(replaced) > 0 {
		these := w.tx("diese Werkzeuge", "these tools")
		if len(replaced) == 1 {
			these = w.tx("dieses Werkzeug", "this tool")
		}
		w.notes = append(w.notes, w.tx(
			"Nicht aufgenommen: ", "Left out: ")+w.names(replaced)+fmt.Sprintf(w.tx(
			" – der Aktionsplan sieht vor, %s für die Kommunikation nach außen zu ersetzen (siehe „Erste Schritte“). Ergänzen Sie hier den Nachfolger, sobald er feststeht.",
			" – the action plan replaces %s for communication with outsiders (see \"First steps\"). Add the successor here once it is chosen."), these))
	}
	if len(tools) == 0 && len(replaced) > 0 {
		// Nothing of the tools stays outward: the notice waits for the
		// successor, and says so as a gap, not as a verdict.
		w.para(w.tx("Abschnitte für die Datenschutzerklärung Ihrer Website: ", "Sections for the privacy policy on your website: ") +
			w.gapText("die Abschnitte für das Werkzeug schreiben, das die ersetzten Werkzeuge ablöst", "write the sections for the tool that replaces the ones replaced"))
		return
	}
	if len(tools) == 0 {
		w.para(w.tx(
			"Laut den Antworten wird keines der Werkzeuge mit Personen außerhalb der Organisation genutzt. Datenschutzhinweise für Externe sind dafür nicht nötig; Beschäftigte informieren Sie mit einer eigenen Information nach Art. 13 DSGVO.",
			"According to the answers, none of the tools is used with people outside the organisation. A privacy notice for outsiders is not needed for them; inform employees with a notice of its own under Art. 13 GDPR."))
		return
	}
	w.para(w.tx(
		"Abschnitte zum Einfügen in die Datenschutzerklärung Ihrer Website, einer je Werkzeug. Die Datenschutzerklärung steht unter: ",
		"Sections to paste into the privacy policy on your website, one per tool. The privacy policy is at: ") + w.text("website"))
	w.heading(2, w.tx("Verantwortlicher und Kontakt", "Controller and contact"))
	w.line("- **%s** %s", w.tx("Verantwortlich:", "Controller:"), w.text("controller"))
	w.line("- **%s** %s", w.tx("Ansprechperson für Datenschutz:", "Contact for data protection:"), w.text("privacy_contact"))
	if !has(w.ctx("dpo"), "no") {
		w.line("- **%s** %s", w.tx("Datenschutzbeauftragte(r):", "Data protection officer:"), w.dpo())
	}
	w.line("")
	for _, t := range tools {
		w.heading(2, w.tx("Kommunikation über ", "Communication through ")+w.name(t))
		w.para(w.tx("Wenn Sie mit uns über ", "When you communicate with us through ") + w.name(t) +
			w.tx(" kommunizieren, verarbeiten wir Ihren Namen und Ihre Kennung (Telefonnummer oder Konto), die Inhalte Ihrer Nachrichten oder Gespräche und Verbindungsdaten. Anbieter des Dienstes ist ",
				", we process your name and identifier (phone number or account), the content of your messages or calls and connection data. The service is provided by ") +
			w.vendor(t) + ".")
		w.line("- **%s** %s", w.tx("Zwecke und Rechtsgrundlagen:", "Purposes and legal bases:"), w.bases(t, true))
		w.line("- **%s** %s", w.tx("Empfänger:", "Recipients:"), w.recipients(t, true))
		w.line("- **%s** %s", w.tx("Übermittlung in Drittländer:", "Transfers to third countries:"), w.transfer(t, true))
		w.line("- **%s** %s", w.tx("Speicherdauer:", "Storage period:"), w.erasure(t))
		w.line("- **%s** %s", w.tx("Ihre Rechte:", "Your rights:"), w.tx(
			"Auskunft (Art. 15 DSGVO), Berichtigung (Art. 16), Löschung (Art. 17), Einschränkung der Verarbeitung (Art. 18), Datenübertragbarkeit (Art. 20), Widerspruch (Art. 21), Widerruf einer Einwilligung mit Wirkung für die Zukunft (Art. 7 Abs. 3) und Beschwerde bei einer Datenschutz-Aufsichtsbehörde (Art. 77).",
			"access (Art. 15 GDPR), rectification (Art. 16), erasure (Art. 17), restriction of processing (Art. 18), data portability (Art. 20), objection (Art. 21), withdrawal of consent for the future (Art. 7(3)) and a complaint to a data protection authority (Art. 77)."))
		w.line("- **%s** %s", w.tx("Andere Wege:", "Other ways:"), w.tx(
			"Sie müssen "+w.name(t)+" nicht nutzen. Sie erreichen uns auch per Telefon, E-Mail oder Post; die Kontaktdaten stehen oben.",
			"You do not have to use "+w.name(t)+". You can reach us by phone, e-mail or post as well; the contact details are above."))
		w.line("")
		if t.Kind == catalog.KindMessenger && w.factIs(t, "business_profile", "yes") {
			w.para("**" + w.tx("Erstkontakt-Nachricht", "First-contact message") + "** " + w.tx(
				"(als Begrüßungs- oder erste Antwort im Unternehmensprofil):",
				"(as the greeting or first reply of the business profile):"))
			w.para("> " + w.tx(
				"Danke für Ihre Nachricht! Wir nutzen "+w.name(t)+" für Terminabsprachen und kurze Fragen. Bitte schicken Sie uns hierüber keine Gesundheitsdaten oder andere vertrauliche Unterlagen. Wie wir mit Ihren Daten umgehen: ",
				"Thank you for your message! We use "+w.name(t)+" for appointments and short questions. Please do not send us health data or other confidential documents this way. How we handle your data: ") +
				w.text("website") + w.tx(". Lieber anders? Rufen Sie uns an oder schreiben Sie eine E-Mail.", ". Prefer another way? Call us or write an e-mail."))
		}
	}
}

// bases says, per processing activity of the tool, the legal basis that
// carries it – the plan's activities. The notice (public) names only the
// uses with people outside.
func (w *writer) bases(t *assess.Tool, public bool) string {
	if len(t.Activities) == 0 {
		return w.gap(w.q("used_for"))
	}
	var out []string
	for _, a := range t.Activities {
		if public && !a.Use.Outward {
			continue // internal uses are not for this notice
		}
		line := a.Use.Label.In(w.l) + ": " + a.Basis.In(w.l)
		if sp := a.Special.In(w.l); sp != "" {
			line += "; " + sp
		}
		line = report.Escape(line)
		if !public && t.Lead != nil && (t.ReplaceAll() || a.Use.Outward) {
			line += fmt.Sprintf(w.tx(" – laut Aktionsplan einzustellen ab %s (%s)", " – to end from %s according to the action plan (%s)"), w.date(t.Lead.Due), t.Lead.ID)
		}
		out = append(out, line)
	}
	if has(w.tool(t, "marketing_here"), "yes") {
		out = append(out, w.tx("Werbung und Newsletter: Ihre Einwilligung (Art. 6 Abs. 1 lit. a DSGVO, § 7 UWG), jederzeit widerruflich", "advertising and newsletters: your consent (Art. 6(1)(a) GDPR, § 7 UWG), withdrawable at any time"))
	}
	if len(out) == 0 {
		return w.tx("nur interne Nutzung", "internal use only")
	}
	return strings.Join(out, "; ")
}
