package draft

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/report"
)

// policy writes the internal usage policy for staff, from the answers:
// what it does not need (no recording rules when nothing is recorded) it
// leaves out.
func (w *writer) policy() {
	who := w.tx("Diese Richtlinie gilt für alle Beschäftigten von ", "This policy applies to everyone working for ")
	if has(w.ctx("sector"), "association") {
		who = w.tx("Diese Richtlinie gilt für alle Beschäftigten und Ehrenamtlichen von ", "This policy applies to all staff and volunteers of ")
	}
	w.para(who +
		report.Escape(w.p.Assessment.Organisation) + w.tx(
		", die dienstlich Messenger oder Videokonferenzen nutzen. Sie gilt ab: ",
		" who uses messengers or video conferencing for work. It applies from: ") +
		w.gapText("Datum des Inkrafttretens eintragen", "enter the date it comes into force"))
	switch v := w.ctx("works_council"); {
	case has(v, "yes"):
		w.para("**" + w.tx("Betriebsrat:", "Works council:") + "** " + w.tx(
			"Messenger und Videokonferenzen können Leistung und Verhalten überwachen. Diese Richtlinie braucht deshalb die Zustimmung des Betriebsrats (§ 87 Abs. 1 Nr. 6 BetrVG) und gilt erst danach.",
			"Messengers and video conferencing can monitor performance and behaviour. This policy therefore needs the works council's agreement (§ 87(1) no. 6 BetrVG) and applies only after it."))
	case len(v) == 0 && w.shown(nil, "works_council"):
		w.para("**" + w.tx("Betriebsrat:", "Works council:") + "** " + w.gap(w.q("works_council")))
	}

	// The plan's verdict decides: a tool it stops is not allowed from the
	// day the plan says; a tool it replaces for the people outside stays
	// only for what is left inside.
	var gone []*assess.Tool
	w.heading(2, w.tx("1. Erlaubte Werkzeuge", "1. Tools allowed"))
	w.line("| %s | %s | %s |", w.tx("Werkzeug", "Tool"), w.tx("wofür", "for"), w.tx("Konto und Gerät", "account and device"))
	w.line("| --- | --- | --- |")
	allowed := 0
	for _, t := range w.p.Tools {
		purposes := w.purposes(t)
		if t.Lead != nil {
			gone = append(gone, t)
			inside := w.insideUses(t)
			if t.ReplaceAll() || len(inside) == 0 {
				continue
			}
			purposes = strings.Join(w.labels("used_for", inside), "; ") + w.tx(" – nicht mit ", " – not with ") + report.Escape(w.p.Words()["clients"].In(w.l))
		}
		allowed++
		w.line("| %s | %s | %s |", w.name(t), purposes, w.accountDevice(t))
	}
	if allowed == 0 {
		w.line("| %s | | |", w.gapText("das Werkzeug eintragen, das die ersetzten Werkzeuge ablöst", "enter the tool that replaces the ones replaced"))
	}
	w.line("")
	w.para(w.tx("Andere Messenger oder Videodienste werden dienstlich nicht genutzt.", "No other messengers or video services are used for work."))
	if len(gone) > 0 {
		w.para("**" + w.tx("Nicht mehr erlaubt:", "No longer allowed:") + "**")
		for _, t := range gone {
			// Due at once: the ban holds from the day the policy applies,
			// not from a day before it is signed.
			from := w.date(t.Lead.Due)
			if !t.Lead.Due.After(w.p.Assessment.Date.Time) {
				from = w.tx("Inkrafttreten dieser Richtlinie", "the day this policy applies")
			}
			if t.Gone() {
				w.line("- %s: %s", w.name(t), fmt.Sprintf(w.tx("ab %s nicht mehr dienstlich nutzen.", "not to be used for work from %s."), from))
				continue
			}
			w.line("- %s: %s", w.name(t), fmt.Sprintf(w.tx("ab %s nicht mehr für die Kommunikation mit %s.", "not for communication with %s from %s."), w.order(from, report.Escape(w.p.Words()["clients"].In(w.l)))...))
		}
		w.line("")
		them := w.tx("sie", "them")
		if len(gone) == 1 {
			them = w.tx("das Werkzeug", "it")
		}
		w.notes = append(w.notes, w.tx("Der Aktionsplan ersetzt ", "The action plan replaces ")+w.names(gone)+fmt.Sprintf(w.tx(
			"; die Richtlinie erlaubt %s deshalb nicht mehr oder nur noch für interne Zwecke (siehe „Erste Schritte“). Tragen Sie den Nachfolger unter 1. ein, sobald er feststeht.",
			"; the policy therefore no longer allows %s, or only for internal purposes (see \"First steps\"). Enter the successor under 1. once it is chosen."), them))
	}

	w.heading(2, w.tx("2. Was nie über diese Werkzeuge geht", "2. What never goes through these tools"))
	w.line("- %s", w.tx(
		"Gesundheitsdaten und andere besondere Kategorien personenbezogener Daten (Art. 9 DSGVO) – außer über die Wege, die dafür ausdrücklich freigegeben sind.",
		"Health data and other special categories of personal data (Art. 9 GDPR) – except through the channels expressly approved for them."))
	w.line("- %s", w.tx(
		"Fotos von Arbeitsunfähigkeitsbescheinigungen: Melden Sie nur, dass und wie lange Sie arbeitsunfähig sind (§ 5 EFZG); bei gesetzlich Versicherten ruft die Organisation die Bescheinigung elektronisch bei der Krankenkasse ab (eAU).",
		"Photos of sick notes: report only that you are unfit for work and for how long (§ 5 EFZG); for members of statutory health insurance the organisation retrieves the certificate electronically from the insurer (eAU)."))
	switch {
	case has(w.ctx("secrecy_203"), "yes") && has(w.ctx("sector"), "legal_tax"):
		w.line("- %s", w.tx(
			"Berufsgeheimnisse (§ 203 StGB) nur über Werkzeuge, deren Anbieter in Textform zur Verschwiegenheit verpflichtet ist (§ 62a StBerG, § 43e BRAO).",
			"Professional secrets (§ 203 StGB) only through tools whose provider is bound to confidentiality in text form (§ 62a StBerG, § 43e BRAO)."))
	case has(w.ctx("secrecy_203"), "yes"):
		w.line("- %s", w.tx(
			"Berufsgeheimnisse (§ 203 StGB) nur über Werkzeuge, deren Anbieter zur Verschwiegenheit verpflichtet ist (§ 203 Abs. 4 StGB).",
			"Professional secrets (§ 203 StGB) only through tools whose provider is bound to confidentiality (§ 203(4) StGB)."))
	}
	switch v := w.ctx("taboo_topics"); {
	case has(v, "yes"):
		w.line("- %s %s", w.tx("Die festgelegten Tabu-Themen:", "The topics ruled out:"), w.gapText("die festgelegten Themen hier aufzählen", "list the topics here"))
	case has(v, "no"):
		w.line("- %s %s", w.tx("Weitere Tabu-Themen:", "Further topics ruled out:"), w.gapText("festlegen und hier aufzählen", "decide and list them here"))
	default:
		w.line("- %s", w.gap(w.q("taboo_topics")))
	}
	w.line("")

	w.heading(2, w.tx("3. Einstellungen und Regeln je Werkzeug", "3. Settings and rules per tool"))
	n := 0
	for _, t := range w.p.Tools {
		for _, s := range w.settings(t) {
			w.line("- %s: %s", w.name(t), s)
			n++
		}
	}
	// What the plan asks for becomes the rule: the target, not today's
	// state. Actions that only matter while a replaced tool is kept are
	// not rules; duties that follow the people are.
	var seen []string
	for _, a := range w.p.Actions {
		text := a.Policy.In(w.l)
		if !a.Open() || text == "" || slices.Contains(seen, text) || a.Tool != nil && a.Tool.Gone() && !a.People {
			continue // a tool the plan takes away gets no rules, only what binds its successor
		}
		seen = append(seen, text)
		if a.Tool == nil || a.Tool.Gone() || strings.Contains(text, a.Tool.Name.In(w.l)) {
			w.line("- %s", report.Escape(text))
		} else {
			w.line("- %s: %s", w.name(a.Tool), report.Escape(text))
		}
		n++
	}
	if n == 0 {
		w.line("- %s", w.gapText("die Einstellungen festlegen, die niemand ändern darf", "decide the settings nobody may change"))
	}
	w.line("")

	var recorded []*assess.Tool
	for _, t := range w.p.Tools {
		records := t.Kind == catalog.KindNotetaker || t.Kind == catalog.KindVideo && !has(w.tool(t, "recording"), "never")
		if records && !t.Gone() {
			recorded = append(recorded, t)
		}
	}
	section := 4
	if len(recorded) > 0 {
		w.heading(2, w.tx("4. Aufzeichnungen und Transkripte", "4. Recordings and transcripts"))
		w.para(w.tx(
			"Aufgezeichnet oder transkribiert wird – auch per KI-Zusammenfassung – nur, wenn alle Teilnehmenden vorher zugestimmt haben (§ 201 StGB). Wer aufzeichnet, sagt zu Beginn, wozu, wo die Aufnahme liegt und wann sie gelöscht wird.",
			"Recording or transcribing – AI summaries included – happens only when all participants agreed beforehand (§ 201 StGB). Whoever records says at the start what for, where the recording is kept and when it is deleted.") +
			" " + w.tx("Speicherort und Löschfrist: ", "Storage place and time limit: ") + w.gapText("eintragen", "enter them"))
		section++
	}

	w.heading(2, itoaSection(section)+w.tx(". Löschen und Archivieren", ". Erasure and archiving"))
	// What the law keeps goes into the file; the answers' current state is
	// not a rule.
	var keep []string
	for _, t := range w.p.Tools {
		if t.Gone() {
			continue
		}
		for _, a := range t.Activities {
			if r := report.Escape(a.Retention.In(w.l)); r != "" && !slices.Contains(keep, r) {
				keep = append(keep, r)
			}
		}
	}
	if len(keep) > 0 {
		w.line("- %s %s", w.tx("Was aufzubewahren ist, kommt aus dem Werkzeug in die Akte – nicht nur im Chat lassen:", "What must be kept goes from the tool into the file – never only in the chat:"), strings.Join(keep, "; "))
	} else if has(w.ctx("archiving"), "not_needed") {
		w.line("- %s", w.tx("Über die Werkzeuge gehen keine Geschäftsbriefe, Befunde oder Mandatsunterlagen; wer so etwas erhält, legt es in der Akte ab.", "No business letters, findings or mandate documents go through the tools; whoever receives one files it."))
	} else if w.shown(nil, "archiving") && len(w.ctx("archiving")) == 0 {
		w.line("- %s", w.gap(w.q("archiving")))
	}
	for _, t := range w.p.Tools {
		if v := w.tool(t, "handover"); has(v, "yes") && !t.Gone() {
			w.line("- %s: %s", w.name(t), w.tx("Wer ausscheidet, übergibt die dienstlichen Chats geregelt.", "whoever leaves hands over the business chats in an orderly way."))
		}
	}
	w.line("- %s %s", w.tx("Löschfristen:", "Time limits for erasure:"), w.erasureOrg())
	w.line("")
	section++

	w.heading(2, itoaSection(section)+w.tx(". Wenn etwas schiefgeht", ". When something goes wrong"))
	w.para(w.tx(
		"Handy verloren, Nachricht an die falsche Person, fremder Zugriff auf ein Konto: sofort melden bei ",
		"A lost phone, a message to the wrong person, someone else in an account: report it at once to ") +
		w.text("privacy_contact") + w.tx(
		". Meldepflichtige Datenpannen müssen binnen 72 Stunden, nachdem sie bekannt geworden sind, der Aufsichtsbehörde gemeldet werden (Art. 33 DSGVO) – jede Stunde zählt.",
		". Data breaches that must be notified have to reach the supervisory authority within 72 hours of becoming known (Art. 33 GDPR) – every hour counts."))
	section++

	w.heading(2, itoaSection(section)+w.tx(". Kenntnisnahme", ". Acknowledgement"))
	w.para(w.tx("Ich habe diese Richtlinie gelesen und halte mich daran.", "I have read this policy and will follow it."))
	w.line("| %s | %s | %s |", w.tx("Name", "Name"), w.tx("Datum", "Date"), w.tx("Unterschrift", "Signature"))
	w.line("| --- | --- | --- |")
	w.line("| | | |")
}

func itoaSection(n int) string { return strconv.Itoa(n) }

// insideUses are the tool's uses that stay inside the organisation.
func (w *writer) insideUses(t *assess.Tool) []string {
	var out []string
	q := w.q("used_for")
	for _, v := range w.tool(t, "used_for") {
		if o, ok := q.Option(v); ok && !o.Outward && v != catalog.Unknown {
			out = append(out, v)
		}
	}
	return out
}

// date is a day as the draft's language writes it.
func (w *writer) date(d catalog.Date) string {
	if w.l == catalog.DE {
		return d.Format("02.01.2006")
	}
	return d.String()
}

// order puts a date and a phrase in the order the language's sentence
// takes them: German "ab DATE … mit PHRASE", English "with PHRASE from DATE".
func (w *writer) order(date, phrase string) []any {
	if w.l == catalog.EN {
		return []any{phrase, date}
	}
	return []any{date, phrase}
}

// accountDevice says on which accounts and devices the tool is allowed:
// the target the plan sets, where today's answer is not it.
func (w *writer) accountDevice(t *assess.Tool) string {
	var out []string
	switch v := w.tool(t, "account"); {
	case has(v, "private", "mixed"):
		out = append(out, w.tx("nur Konten der Organisation", "accounts of the organisation only"))
	case len(v) > 0:
		out = append(out, strings.Join(w.labels("account", v), ", "))
	default:
		out = append(out, w.gap(w.q("account")))
	}
	if v := w.tool(t, "devices"); has(v, "private") {
		out = append(out, w.tx("nur Diensthandys oder private Geräte mit getrenntem Arbeitsprofil", "work phones only, or private devices with a separate work profile"))
	} else if len(v) > 0 {
		out = append(out, strings.Join(w.labels("devices", v), ", "))
	} else if w.shown(t, "devices") {
		out = append(out, w.gap(w.q("devices")))
	}
	return strings.Join(out, "; ")
}

// settings are the tool's settings the answers show to keep.
func (w *writer) settings(t *assess.Tool) []string {
	if t.Gone() {
		return nil // not allowed any more
	}
	var out []string
	add := func(cond bool, de, en string) { out = w.when(out, cond, de, en) }
	add(has(w.tool(t, "recording"), "never"), "nichts aufzeichnen oder transkribieren, auch nicht per KI", "do not record or transcribe anything, AI included")
	add(has(w.tool(t, "screen_sharing"), "host_only"), "Bildschirmfreigabe nur für Gastgeber", "screen sharing for hosts only")
	add(has(w.tool(t, "backups"), "off"), "keine Cloud-Backups der Chats einschalten", "do not switch on cloud backups of chats")
	add(has(w.tool(t, "backups"), "encrypted"), "Backups nur Ende-zu-Ende-verschlüsselt", "backups end-to-end encrypted only")
	add(has(w.tool(t, "app_lock"), "yes"), "App-Sperre eingeschaltet lassen", "keep the app lock on")
	add(has(w.tool(t, "address_book"), "blocked", "business_only"), "der App keinen Zugriff auf das ganze Adressbuch geben", "do not give the app access to the whole address book")
	add(has(w.tool(t, "e2e_use"), "always"), "Ende-zu-Ende-Verschlüsselung nicht ausschalten", "do not switch off end-to-end encryption")
	add(has(w.tool(t, "auto_delete"), "yes"), "automatisches Löschen nicht ausschalten", "do not switch off automatic deletion")
	add(has(w.tool(t, "ai_features"), "off"), "KI-Funktionen nicht einschalten", "do not switch on AI features")
	if mp := w.tool(t, "meeting_protection"); has(mp, "password_and_lobby", "password", "lobby") {
		out = append(out, w.tx("Meetings nur mit ", "meetings only with ")+strings.Join(w.labels("meeting_protection", mp), ", "))
	}
	return out
}

func (w *writer) erasureOrg() string {
	switch v := w.ctx("deletion_periods"); {
	case has(v, "yes"):
		return w.tx("wie festgelegt; Chats werden regelmäßig durchgesehen und gelöscht", "as set; chats are reviewed and deleted regularly")
	case has(v, "no"):
		return w.gapText("Löschfristen festlegen und hier eintragen", "set time limits for erasure and enter them here")
	}
	return w.gap(w.q("deletion_periods"))
}
