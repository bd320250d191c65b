package draft

import (
	"slices"
	"strconv"
	"strings"

	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/report"
)

// records writes one entry of the record of processing activities per
// tool (Art. 30(1) GDPR).
func (w *writer) records() {
	w.para(w.tx(
		"Ein Eintrag je Werkzeug. Die Felder folgen Art. 30 Abs. 1 DSGVO; Fakten über den Anbieter stammen aus dem Katalog von konform, mit dem Datum ihres Stands.",
		"One entry per tool. The fields follow Art. 30(1) GDPR; facts about the provider come from konform's catalogue, with the date they were true."))
	for i, t := range w.p.Tools {
		w.heading(2, w.tx("Verarbeitung ", "Processing ")+strconv.Itoa(i+1)+": "+w.tx("Kommunikation über ", "Communication through ")+w.name(t))
		w.line("| %s | %s |", w.tx("Angabe", "Field"), w.tx("Eintrag", "Entry"))
		w.line("| --- | --- |")
		w.row(w.tx("Verantwortlicher", "Controller"), w.text("controller"))
		w.row(w.tx("Ansprechperson Datenschutz", "Data protection contact"), w.text("privacy_contact"))
		w.row(w.tx("Datenschutzbeauftragte(r)", "Data protection officer"), w.dpo())
		w.row(w.tx("Zwecke und Rechtsgrundlagen", "Purposes and legal bases"), w.bases(t, false))
		w.row(w.tx("Kategorien betroffener Personen", "Categories of data subjects"), w.subjects(t))
		w.row(w.tx("Kategorien personenbezogener Daten", "Categories of personal data"), w.dataCategories(t))
		w.row(w.tx("Empfänger", "Recipients"), w.recipients(t, false))
		w.row(w.tx("Übermittlung in Drittländer und Garantien", "Transfers to third countries and safeguards"), w.transfer(t, false))
		w.row(w.tx("Löschfristen", "Time limits for erasure"), w.erasure(t))
		w.row(w.tx("Technische und organisatorische Maßnahmen", "Technical and organisational measures"), w.measures(t))
		w.line("")
	}
}

func (w *writer) dpo() string {
	switch v := w.ctx("dpo"); {
	case has(v, "yes"):
		if c := w.ctx("dpo_contact"); len(c) == 1 && strings.TrimSpace(c[0]) != "" {
			return report.Escape(c[0])
		}
		return w.tx("benannt – Kontakt: ", "designated – contact: ") + w.gap(w.q("dpo_contact"))
	case has(v, "no"):
		return w.tx("nicht benannt", "none designated")
	}
	return w.gap(w.q("dpo"))
}

func (w *writer) purposes(t *assess.Tool) string {
	v := w.tool(t, "used_for")
	if len(v) == 0 {
		return w.gap(w.q("used_for"))
	}
	return strings.Join(w.labels("used_for", v), "; ")
}

// subjects are the people the tool's processing activities concern.
func (w *writer) subjects(t *assess.Tool) string {
	var ids []string
	for _, a := range t.Activities {
		for _, s := range a.Subjects {
			if !slices.Contains(ids, s) {
				ids = append(ids, s)
			}
		}
	}
	if len(t.Activities) == 0 { // the use is unknown: whom it concerns too
		ids = []string{catalog.Unknown}
	}
	var out []string
	for _, id := range ids {
		switch id {
		case "staff":
			out = append(out, w.tx("Beschäftigte", "employees"))
			if has(w.ctx("sector"), "association") {
				out[len(out)-1] = w.tx("Beschäftigte und Ehrenamtliche", "staff and volunteers")
			}
		case catalog.Unknown:
			if len(w.ctx("partners")) > 0 {
				out = append(out, w.gap(w.q("partner_groups")))
			} else {
				out = append(out, w.gap(w.q("partners")))
			}
		default:
			out = append(out, w.labels("partner_groups", []string{id})...)
		}
	}
	return strings.Join(out, "; ")
}

func (w *writer) dataCategories(t *assess.Tool) string {
	out := []string{w.tx(
		"Namen und Kennungen (Telefonnummer, Konto), Inhalte der Nachrichten und Gespräche, Dateien, Verbindungs- und Nutzungsdaten",
		"names and identifiers (phone number, account), content of messages and calls, files, connection and usage data")}
	switch v := w.tool(t, "special_categories"); {
	case has(v, "yes"):
		out = append(out, w.tx("**besondere Kategorien (Art. 9 DSGVO), etwa Gesundheitsdaten**", "**special categories (Art. 9 GDPR), such as health data**"))
	case has(v, "no"):
	default:
		out = append(out, w.gap(w.q("special_categories")))
	}
	if has(w.tool(t, "sick_notes"), "yes") {
		out = append(out, w.tx("**Krankmeldungen (Gesundheitsdaten)**", "**sick notes (health data)**"))
	}
	if has(w.tool(t, "address_book"), "full") {
		out = append(out, w.tx("das Adressbuch des Telefons, auch von Personen ohne Bezug zur Organisation", "the phone's address book, including people unrelated to the organisation"))
	}
	return strings.Join(out, "; ")
}

// recipients names who receives the tool's data. In the record (internal)
// an open point is a gap that names the plan's action; in the notice
// (published) it is a gap without any verdict.
func (w *writer) recipients(t *assess.Tool, public bool) string {
	if w.factIs(t, "avv", "not_needed") {
		switch v := w.tool(t, "server_site"); {
		case has(v, "own_premises"):
			return w.tx("keine – die Organisation betreibt den Dienst selbst auf eigener Hardware", "none – the organisation runs the service itself on its own hardware")
		case has(v, "rented"):
			return w.tx("der Hoster des Servers als Auftragsverarbeiter", "the server's hosting provider as processor")
		case has(w.tool(t, "operating_model"), "provider_hosted"):
			return w.tx("der IT-Dienstleister, der den Dienst betreibt, als Auftragsverarbeiter", "the IT service provider who runs the service, as processor")
		}
		return w.gap(w.q("server_site"))
	}
	var out []string
	switch v := w.tool(t, "dpa_signed"); {
	case has(v, "signed"):
		out = append(out, w.vendor(t)+w.tx(" als Auftragsverarbeiter", " as processor"))
	case public:
		out = append(out, w.vendor(t)+w.tx(" als Anbieter des Dienstes", " as the provider of the service"))
	case has(v, "not_signed", "not_offered"):
		out = append(out, w.vendor(t)+" – "+w.gapText("Auftragsverarbeitungsvertrag fehlt"+w.actionRef(t, "dpa-contract", catalog.DE), "no data processing agreement"+w.actionRef(t, "dpa-contract", catalog.EN)))
	default:
		out = append(out, w.vendor(t)+" – "+w.gap(w.q("dpa_signed")))
	}
	if has(w.tool(t, "non_eu_subprocessors"), "yes") { // unknown: the transfer's gap asks
		out = append(out, w.tx("Unterauftragnehmer des Anbieters, auch außerhalb der EU", "the provider's sub-processors, also outside the EU"))
	}
	return strings.Join(out, "; ")
}

// transfer says where the tool's data go outside the EU/EEA and on which
// safeguard – the plan's verdict (assess.Transfer), in words. The record
// names open points as gaps with the catalogue's dated fact; the notice
// (public) says only what holds, and leaves a gap for the rest.
func (w *writer) transfer(t *assess.Tool, public bool) string {
	tr := t.Transfer
	where := func() string {
		var names []string
		for _, v := range tr.Where {
			switch v {
			case "subprocessors":
				names = append(names, w.tx("Drittländer, in denen Unterauftragnehmer des Anbieters sitzen", "third countries where the provider's sub-processors are"))
			case catalog.Unknown:
			default:
				names = append(names, w.labels("hosting", []string{v})...)
			}
		}
		return strings.Join(names, ", ")
	}
	switch tr.Need {
	case assess.NoTransfer:
		return w.tx("keine – verarbeitet wird in der EU/im EWR oder in einem Land mit Angemessenheitsbeschluss", "none – processing takes place in the EU/EEA or in a country with an adequacy decision")
	case assess.TransferUnknown:
		if len(tr.Where) == 1 && tr.Where[0] == "subprocessors" {
			return w.gap(w.q("non_eu_subprocessors"))
		}
		return w.gap(w.q("hosting"))
	}
	dpf := w.tx("Angemessenheitsbeschluss zum EU-US Data Privacy Framework (Durchführungsbeschluss (EU) 2023/1795, Art. 45 DSGVO)", "adequacy decision on the EU-US Data Privacy Framework (Implementing Decision (EU) 2023/1795, Art. 45 GDPR)")
	var basis string
	switch {
	case tr.Safeguard == "dpf" && !tr.FromCatalog:
		basis = dpf + w.tx("; der Anbieter ist zertifiziert", "; the provider is certified")
		if !public {
			basis += w.tx(" – Listeneintrag geprüft am ", " – list entry checked on ") + w.gapText("Datum der Prüfung der DPF-Liste eintragen", "enter the date the DPF list was checked")
		}
	case tr.Safeguard == "dpf" && public:
		basis = dpf + "; " + w.gap(w.q("transfer_basis"))
	case tr.Safeguard == "dpf":
		basis = dpf + w.tx(", sofern der Eintrag des Anbieters in der DPF-Liste aktiv ist – laut Katalog ist er zertifiziert (", ", provided the provider's entry in the DPF list is active – according to the catalogue it is certified (") + w.factText(t, "dpf") + "); " +
			w.gap(w.q("transfer_basis"))
	case tr.Safeguard == "scc":
		basis = w.tx("Standardvertragsklauseln der EU-Kommission (Durchführungsbeschluss (EU) 2021/914, Art. 46 Abs. 2 lit. c DSGVO)", "the European Commission's standard contractual clauses (Implementing Decision (EU) 2021/914, Art. 46(2)(c) GDPR)")
		if !public {
			basis += w.tx(" mit dokumentierter Bewertung der Rechtslage im Zielland", " with a documented assessment of the law in the destination country")
		}
	case tr.Safeguard == "bcr":
		basis = w.tx("verbindliche interne Datenschutzvorschriften (Art. 47 DSGVO)", "binding corporate rules (Art. 47 GDPR)")
	case tr.Via != nil && public:
		basis = w.gapText("die Übermittlung abstellen, bevor Sie diese Hinweise veröffentlichen", "stop the transfer before you publish this notice")
	case tr.Via != nil:
		basis = w.gapText("keine Garantie – die Übermittlung endet mit Maßnahme "+tr.Via.ID+" im Aktionsplan", "no safeguard – the transfer ends with action "+tr.Via.ID+" in the action plan")
	case tr.Safeguard == "none" && !public:
		basis = w.gapText("keine Garantie genannt"+w.actionRef(t, "third-country-transfer", catalog.DE), "no safeguard named"+w.actionRef(t, "third-country-transfer", catalog.EN))
	default:
		basis = w.gap(w.q("transfer_basis"))
	}
	return where() + " – " + basis
}

// erasure says how long the tool's data are kept: what the law keeps for
// each activity (in the file, not in the tool), then the organisation's
// own periods.
func (w *writer) erasure(t *assess.Tool) string {
	var out []string
	for _, a := range t.Activities {
		if r := a.Retention.In(w.l); r != "" && !slices.Contains(out, report.Escape(r)) {
			out = append(out, report.Escape(r))
		}
	}
	if len(out) > 0 {
		out = []string{w.tx("Aufbewahrungspflichten (in der Akte, nicht im Werkzeug): ", "retention duties (in the file, not in the tool): ") + strings.Join(out, "; ")}
	}
	if has(w.tool(t, "auto_delete"), "yes") {
		out = append(out, w.tx("Nachrichten werden im Werkzeug automatisch gelöscht", "messages are deleted automatically in the tool"))
	}
	switch v := w.ctx("deletion_periods"); {
	case has(v, "yes"):
		out = append(out, w.tx("im Übrigen nach den festgelegten Löschfristen der Organisation, sobald die Daten für den Zweck nicht mehr nötig sind", "otherwise according to the organisation's set time limits, once the data are no longer needed for the purpose"))
	case has(v, "no"):
		out = append(out, w.gapText("Löschfrist festlegen und hier eintragen", "set a time limit for erasure and enter it here"))
	default:
		out = append(out, w.gap(w.q("deletion_periods")))
	}
	return strings.Join(out, "; ")
}

// measures lists the technical and organisational measures the answers show.
func (w *writer) measures(t *assess.Tool) string {
	var out []string
	add := func(cond bool, de, en string) { out = w.when(out, cond, de, en) }
	e2e := w.tool(t, "e2e_use")
	add(has(e2e, "always") || len(e2e) == 0 && w.factIs(t, "e2e", "default"), "Ende-zu-Ende-Verschlüsselung", "end-to-end encryption")
	add(has(w.tool(t, "app_lock"), "yes"), "App-Sperre (PIN oder Biometrie)", "app lock (PIN or biometrics)")
	add(has(w.tool(t, "mdm"), "yes"), "zentrale Geräteverwaltung (MDM)", "mobile device management (MDM)")
	add(has(w.tool(t, "devices"), "business"), "nur dienstliche Geräte", "business devices only")
	add(has(w.tool(t, "devices"), "private_separated"), "private Geräte nur mit getrenntem Arbeitsprofil", "private devices only with a separate work profile")
	add(has(w.tool(t, "account"), "organisation"), "Konten der Organisation, keine Privatkonten", "the organisation's accounts, no private ones")
	add(has(w.tool(t, "backups"), "off"), "keine Cloud-Backups der Chats", "no cloud backups of chats")
	add(has(w.tool(t, "backups"), "encrypted"), "Cloud-Backups nur Ende-zu-Ende-verschlüsselt", "cloud backups end-to-end encrypted only")
	add(has(w.tool(t, "address_book"), "blocked", "business_only"), "kein Hochladen des ganzen Adressbuchs", "no upload of the whole address book")
	add(has(w.tool(t, "admin_settings"), "yes"), "Datenschutz-Einstellungen zentral festgelegt", "privacy settings set centrally")
	add(has(w.tool(t, "tracking_off"), "yes"), "Tracking und Telemetrie ausgeschaltet, soweit möglich", "tracking and telemetry switched off where possible")
	add(has(w.tool(t, "ai_features"), "off"), "KI-Funktionen ausgeschaltet", "AI features switched off")
	add(has(w.tool(t, "screen_sharing"), "host_only"), "Bildschirmfreigabe nur für Gastgeber", "screen sharing for hosts only")
	if mp := w.tool(t, "meeting_protection"); has(mp, "password_and_lobby", "password", "lobby") {
		out = append(out, w.tx("Meetings geschützt: ", "meetings protected: ")+strings.Join(w.labels("meeting_protection", mp), ", "))
	}
	add(has(w.tool(t, "app_updates"), "automatic"), "automatische Updates", "automatic updates")
	if len(out) == 0 {
		return w.gapText("die technischen und organisatorischen Maßnahmen eintragen – die Antworten nennen keine", "enter the technical and organisational measures – the answers name none")
	}
	return strings.Join(out, "; ")
}

// actionRef names, for an internal draft, the plan's action on the topic
// for the tool: the action itself, or the one that replaces the tool where
// the plan lists it under that; nothing where the plan has none.
func (w *writer) actionRef(t *assess.Tool, topic string, l catalog.Lang) string {
	for _, a := range w.p.Actions {
		if a.ID != topic+"/"+t.Key {
			continue
		}
		if a.SupersededBy != nil {
			a = a.SupersededBy
		}
		if l == catalog.EN {
			return "; action " + a.ID + " in the action plan"
		}
		return "; Maßnahme " + a.ID + " im Aktionsplan"
	}
	return ""
}
