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
		// A self-run server at a host, or run by an IT service provider:
		// the agreement to check is theirs.
		host := w.factIs(t, "avv", "not_needed") && (has(w.tool(t, "server_site"), "rented") || has(w.tool(t, "operating_model"), "provider_hosted"))
		if !offered && !host {
			none = append(none, t)
			continue
		}
		n++
		if host {
			who := w.tx("Hoster des Servers", "the server's hosting provider")
			if has(w.tool(t, "operating_model"), "provider_hosted") {
				who = w.tx("IT-Dienstleister, der den Dienst betreibt", "the IT service provider who runs the service")
			}
			w.heading(2, w.name(t)+" ("+w.tx("Vertragspartner: ", "contract partner: ")+who+")")
		} else {
			w.heading(2, w.name(t)+" ("+w.tx("Anbieter: ", "provider: ")+w.vendor(t)+")")
		}
		if host {
			w.line("- **%s** %s", w.tx("Vertrag geschlossen:", "Agreement concluded:"), w.gapText("Vertrag abschließen und hier vermerken"+w.actionRef(t, "dpa-contract", catalog.DE), "conclude the agreement and note it here"+w.actionRef(t, "dpa-contract", catalog.EN)))
		} else {
			w.line("- **%s** %s", w.tx("Katalog zum Vertrag:", "Catalogue on the agreement:"), w.orGap(w.factText(t, "avv"), "avv"))
			if f := w.factText(t, "dpf"); f != "" {
				w.line("- **%s** %s", w.tx("Katalog zum DPF:", "Catalogue on the DPF:"), f)
			}
			if f := w.factText(t, "hosting"); f != "" {
				w.line("- **%s** %s", w.tx("Katalog zum Verarbeitungsort:", "Catalogue on where data are processed:"), f)
			}
			w.line("- **%s** %s", w.tx("Vertrag geschlossen:", "Agreement concluded:"), w.signed(t))
		}
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
		switch {
		case has(w.ctx("secrecy_203"), "yes") && has(w.ctx("sector"), "legal_tax"):
			items = append(items, [2]string{
				"Verpflichtung zur Verschwiegenheit in Textform (§ 62a Abs. 3 StBerG, § 43e Abs. 3 BRAO): mit Belehrung über die strafrechtlichen Folgen einer Pflichtverletzung, Kenntnisnahme fremder Geheimnisse nur, soweit der Auftrag es erfordert, und ob Unterauftragnehmer eingesetzt werden dürfen – dann ebenso in Textform verpflichtet",
				"a confidentiality undertaking in text form (§ 62a(3) StBerG, § 43e(3) BRAO): with notice of the criminal consequences of a breach, access to secrets only as far as the contract requires, and whether sub-contractors may be used – then bound alike in text form"})
		case has(w.ctx("secrecy_203"), "yes"):
			items = append(items, [2]string{
				"Verpflichtung zur Geheimhaltung für Berufsgeheimnisse (§ 203 Abs. 4 StGB): Kenntnisnahme nur, soweit der Auftrag es erfordert; Unterauftragnehmer ebenso verpflichtet",
				"a confidentiality undertaking for professional secrets (§ 203(4) StGB): access only as far as the contract requires; sub-contractors bound alike"})
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
			case w.factIs(t, "avv", "not_needed") && has(w.tool(t, "server_site"), "own_premises"):
				w.line("- %s: %s", w.name(t), w.tx("auf eigener Hardware in den eigenen Räumen betrieben – kein Vertrag nötig.", "run on own hardware on the organisation's premises – no agreement needed."))
			case w.factIs(t, "avv", "not_needed"):
				w.line("- %s: %s", w.name(t), w.tx("selbst betrieben – ein Vertrag ist nur mit einem Hoster oder IT-Dienstleister nötig: ", "self-hosted – an agreement is needed only with a host or IT service provider: ")+w.gap(w.q("server_site")))
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
