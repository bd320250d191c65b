package draft

import (
	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
)

// langOf reads a language code.
func langOf(l string) catalog.Lang {
	if l == string(catalog.EN) {
		return catalog.EN
	}
	return catalog.DE
}

// dpaCheck writes, for each tool whose provider offers a processing
// agreement, the points of Art. 28(3) GDPR to check in it, with what the
// catalogue knows about the provider.
func (w *writer) dpaCheck() {
	w.para(w.tx(
		"Haken Sie ab, was der Vertrag des Anbieters regelt, und notieren Sie die Fundstelle. Was fehlt, verhandeln Sie nach oder wählen einen anderen Anbieter.",
		"Tick what the provider's agreement covers and note where. What is missing, negotiate – or choose another provider."))
	var none []*assess.Tool
	n := 0
	for _, t := range w.p.Tools {
		offered := w.factIs(t, "avv", "offered", "on_request") || has(w.tool(t, "dpa_signed"), "signed")
		if !offered {
			none = append(none, t)
			continue
		}
		n++
		w.heading(2, w.name(t)+" ("+w.tx("Anbieter: ", "provider: ")+w.vendor(t)+")")
		w.line("- **%s** %s", w.tx("Katalog zum Vertrag:", "Catalogue on the agreement:"), w.orGap(w.factText(t, "avv"), "avv"))
		if f := w.factText(t, "dpf"); f != "" {
			w.line("- **%s** %s", w.tx("Katalog zum DPF:", "Catalogue on the DPF:"), f)
		}
		if f := w.factText(t, "hosting"); f != "" {
			w.line("- **%s** %s", w.tx("Katalog zum Verarbeitungsort:", "Catalogue on where data are processed:"), f)
		}
		w.line("- **%s** %s", w.tx("Vertrag geschlossen:", "Agreement concluded:"), w.signed(t))
		w.line("")
		items := [][2]string{
			{"Gegenstand, Dauer, Art und Zweck der Verarbeitung, Art der Daten und Kategorien betroffener Personen (Art. 28 Abs. 3 Satz 1)", "subject matter, duration, nature and purpose, type of data and categories of data subjects (Art. 28(3), first sentence)"},
			{"a) nur auf dokumentierte Weisung – auch bei Übermittlungen in Drittländer", "(a) only on documented instructions – also for transfers to third countries"},
			{"b) Vertraulichkeit der Personen, die die Daten verarbeiten", "(b) confidentiality of the people who process the data"},
			{"c) Sicherheit der Verarbeitung (Art. 32) – technische und organisatorische Maßnahmen als Anlage", "(c) security of processing (Art. 32) – technical and organisational measures annexed"},
			{"d) Unterauftragsverarbeiter nur mit Genehmigung; Liste der Unterauftragnehmer und Information über Änderungen mit Widerspruchsrecht (Art. 28 Abs. 2 und 4)", "(d) sub-processors only with authorisation; a list of them and notice of changes with a right to object (Art. 28(2) and (4))"},
			{"e) Unterstützung bei Anfragen Betroffener (Art. 12 bis 23)", "(e) assistance with data subjects' requests (Art. 12 to 23)"},
			{"f) Unterstützung bei Sicherheit, Datenpannen und Folgenabschätzung (Art. 32 bis 36) – mit einer Frist für die Meldung von Pannen", "(f) assistance with security, breaches and impact assessments (Art. 32 to 36) – with a deadline for reporting breaches"},
			{"g) Löschung oder Rückgabe aller Daten nach Ende der Leistung", "(g) erasure or return of all data at the end of the service"},
			{"h) Nachweise, Überprüfungen und Inspektionen (Audit) – auch durch beauftragte Prüfer", "(h) information, audits and inspections – also by appointed auditors"},
			{"Drittlandübermittlung: Eintrag in der DPF-Liste oder Standardvertragsklauseln 2021/914 mit Bewertung der Rechtslage im Zielland", "third-country transfers: an entry in the DPF list or the 2021/914 standard contractual clauses with an assessment of the law in the destination country"},
			{"keine Nutzung der Daten für eigene Zwecke des Anbieters (Werbung, Profile, Produktverbesserung)", "no use of the data for the provider's own purposes (advertising, profiles, product improvement)"},
		}
		if has(w.ctx("secrecy_203"), "yes") {
			items = append(items, [2]string{
				"Verpflichtung zur Verschwiegenheit für Berufsgeheimnisse (§ 203 Abs. 4 StGB; für Steuerberater § 62a StBerG, für Rechtsanwälte § 43e BRAO)",
				"a confidentiality undertaking for professional secrets (§ 203(4) StGB; for tax advisers § 62a StBerG, for lawyers § 43e BRAO)"})
		}
		for _, it := range items {
			w.line("- [ ] %s", w.tx(it[0], it[1]))
		}
		w.line("")
	}
	if n == 0 {
		w.para(w.tx("Für keines der Werkzeuge bietet der Anbieter laut Katalog und Antworten einen Auftragsverarbeitungsvertrag an.", "According to the catalogue and the answers, no provider of these tools offers a data processing agreement."))
	}
	if len(none) > 0 {
		w.heading(2, w.tx("Ohne Vertrag des Anbieters", "Without an agreement from the provider"))
		for _, t := range none {
			switch {
			case w.factIs(t, "avv", "not_needed"):
				w.line("- %s: %s", w.name(t), w.tx("selbst betrieben – ein Vertrag ist nur mit einem Hoster oder IT-Dienstleister nötig.", "self-hosted – an agreement is needed only with a host or IT service provider."))
			case w.factIs(t, "avv", "not_offered") || has(w.tool(t, "dpa_signed"), "not_offered"):
				w.line("- %s: %s", w.name(t), w.tx("der Anbieter bietet keinen Auftragsverarbeitungsvertrag an (siehe Aktionsplan).", "the provider offers no data processing agreement (see the action plan)."))
			default:
				w.line("- %s: %s", w.name(t), w.gap(w.q("dpa_signed")))
			}
		}
		w.line("")
	}
}

func (w *writer) signed(t *assess.Tool) string {
	switch v := w.tool(t, "dpa_signed"); {
	case has(v, "signed"):
		return w.tx("ja", "yes")
	case has(v, "not_signed"):
		return w.tx("nein – abschließen (siehe Aktionsplan)", "no – conclude it (see the action plan)")
	case has(v, "not_offered"):
		return w.tx("vom Anbieter nicht angeboten", "not offered by the provider")
	}
	return w.gap(w.q("dpa_signed"))
}

// orGap is s, or a gap for the question where s is empty.
func (w *writer) orGap(s, question string) string {
	if s != "" {
		return s
	}
	if q := w.q(question); q != nil {
		return w.gap(q)
	}
	return w.gapText("ergänzen", "add")
}
