package draft

import (
	"fmt"
	"strings"

	"github.com/konform/konform/internal/assess"
)

// Judgement is what the answers say about one criterion of the threshold
// check.
type Judgement string

// The judgements of a criterion, and the check's results.
const (
	Met       Judgement = "met"
	NotMet    Judgement = "not_met"
	ToClarify Judgement = "to_clarify"
)

// Criterion is one line of the threshold check.
type Criterion struct {
	ID     string // art35-3a … wp248-9
	Title  string
	Judged Judgement
	Reason string
}

// DPIAResult is the threshold check's result: required, not required or to
// clarify, with the criteria it rests on.
type DPIAResult struct {
	Criteria []Criterion
	Result   Judgement // Met: a DPIA is required
}

// ThresholdCheck judges the criteria of Art. 35(1) and (3) GDPR and the
// European authorities' criteria (WP 248 rev.01, endorsed by the EDPB)
// from the answers: an Art. 35(3) case, or two or more criteria, mean a
// DPIA is required; where unknown answers could reach that, it is to
// clarify.
func ThresholdCheck(p *assess.Plan, l string) DPIAResult {
	w := &writer{p: p, l: langOf(l)}
	anyTool := func(id string, values ...string) (met, unknown bool) {
		for _, t := range p.Tools {
			v := w.tool(t, id)
			if has(v, values...) {
				met = true
			}
			if len(v) == 0 && w.shown(t, id) {
				unknown = true
			}
		}
		return
	}
	judge := func(met, unknown bool) Judgement {
		switch {
		case met:
			return Met
		case unknown:
			return ToClarify
		}
		return NotMet
	}
	ctx := func(id string, values ...string) (met, unknown bool) {
		v := w.ctx(id)
		return has(v, values...), len(v) == 0
	}

	var cs []Criterion
	add := func(id, de, en string, j Judgement, why string) {
		cs = append(cs, Criterion{ID: id, Title: w.tx(de, en), Judged: j, Reason: why})
	}
	monitoring, monUnknown := ctx("monitoring", "yes")
	special, specialUnknown := anyTool("special_categories", "yes")
	secrecy, _ := ctx("secrecy_203", "yes")
	large, largeUnknown := ctx("staff", "large")
	ai, aiUnknown := anyTool("ai_features", "on", "with_rules")
	// Matching means the controller's own: uploading the whole address
	// book. A provider's own purposes are an Art. 28(10) matter.
	combined, combinedUnknown := anyTool("address_book", "full")
	// Vulnerable: children; patients and clients in health care and
	// counselling (the "patients" group means a tax firm's clients too);
	// employees where the tools carry their personnel matters.
	care, _ := ctx("sector", "health", "counselling")
	children, _ := ctx("partner_groups", "children")
	patients, _ := ctx("partner_groups", "patients")
	staffData, staffUnknown := anyTool("used_for", "staff_matters")
	if sick, _ := anyTool("sick_notes", "yes"); sick {
		staffData = true
	}
	if monitoring {
		staffData = true
	}
	vulnerable := children || care && (patients || len(w.ctx("partner_groups")) == 0) || staffData
	_, vulnUnknown := ctx("partner_groups")
	vulnUnknown = vulnUnknown && has(w.ctx("partners"), "external", "both") || staffUnknown

	why := func(j Judgement, yes, no, open string) string {
		switch j {
		case Met:
			return yes
		case ToClarify:
			return open
		}
		return no
	}
	j := judge(monitoring, monUnknown)
	add("art35-3a", "Art. 35 Abs. 3 lit. a: systematische und umfassende Bewertung persönlicher Aspekte mit Rechtswirkung", "Art. 35(3)(a): systematic and extensive evaluation of personal aspects with legal effects", j,
		why(j, w.tx("Chat- oder Nutzungsdaten werden ausgewertet, um Beschäftigte zu kontrollieren.", "chat or usage data are evaluated to monitor employees."),
			w.tx("Es wird nichts ausgewertet, um Personen zu bewerten.", "nothing is evaluated to assess people."),
			w.tx("Offen, ob Chat- oder Nutzungsdaten ausgewertet werden.", "open whether chat or usage data are evaluated.")))
	jb := NotMet
	switch {
	case special && large:
		jb = Met
	case special && largeUnknown, specialUnknown && (large || largeUnknown):
		jb = ToClarify
	}
	add("art35-3b", "Art. 35 Abs. 3 lit. b: umfangreiche Verarbeitung besonderer Kategorien (Art. 9)", "Art. 35(3)(b): large-scale processing of special categories (Art. 9)", jb,
		why(jb, w.tx("Besondere Kategorien in einer großen Organisation.", "special categories in a large organisation."),
			w.tx("Keine besonderen Kategorien in großem Umfang; eine einzelne Praxis oder Kanzlei verarbeitet nicht „umfangreich“ (Erwägungsgrund 91).", "no special categories on a large scale; a single practice or firm does not process \"on a large scale\" (recital 91)."),
			w.tx("Offen, ob besondere Kategorien in großem Umfang verarbeitet werden.", "open whether special categories are processed on a large scale.")))
	add("art35-3c", "Art. 35 Abs. 3 lit. c: systematische Überwachung öffentlich zugänglicher Bereiche", "Art. 35(3)(c): systematic monitoring of publicly accessible areas", NotMet,
		w.tx("Messenger und Videokonferenzen überwachen keine öffentlichen Bereiche.", "messengers and video conferencing do not monitor public areas."))

	j = judge(monitoring, monUnknown)
	add("wp248-1", "Bewerten oder Einstufen (Scoring)", "Evaluation or scoring", j, why(j, w.tx("Beschäftigte werden anhand der Daten kontrolliert.", "employees are monitored with the data."), w.tx("Keine Bewertung von Personen.", "no evaluation of people."), w.tx("Offen, ob ausgewertet wird.", "open whether data are evaluated.")))
	add("wp248-2", "Automatisierte Entscheidung mit Rechtswirkung", "Automated decision with legal effects", NotMet, w.tx("Die Werkzeuge entscheiden nicht über Personen.", "the tools make no decisions about people."))
	add("wp248-3", "Systematische Überwachung", "Systematic monitoring", j, why(j, w.tx("Anwesenheit oder Nutzung werden überwacht.", "presence or use is monitored."), w.tx("Keine Überwachung.", "no monitoring."), w.tx("Offen, ob überwacht wird.", "open whether there is monitoring.")))
	// What the plan counts: sick notes in a messenger are health data,
	// and in a practice every contact with a patient is.
	sickNotes, sickUnknown := anyTool("sick_notes", "yes")
	health, _ := ctx("sector", "health", "counselling")
	jd := judge(special || secrecy || sickNotes || health, specialUnknown || sickUnknown)
	var whatS []string
	whatS = w.when(whatS, special || health, "Gesundheitsdaten oder andere besondere Kategorien", "health data or other special categories")
	whatS = w.when(whatS, sickNotes, "Krankmeldungen", "sick notes")
	whatS = w.when(whatS, secrecy, "Berufsgeheimnisse (§ 203 StGB)", "professional secrets (§ 203 StGB)")
	add("wp248-4", "Vertrauliche oder höchstpersönliche Daten", "Sensitive or highly personal data", jd, why(jd, w.tx("Über die Werkzeuge gehen: ", "through the tools go: ")+strings.Join(whatS, ", ")+".", w.tx("Keine besonders vertraulichen Daten.", "no especially sensitive data."), w.tx("Offen, ob sensible Daten ausgetauscht werden.", "open whether sensitive data are exchanged.")))
	jl := judge(large, largeUnknown)
	add("wp248-5", "Verarbeitung in großem Umfang", "Large-scale processing", jl, why(jl, w.tx("250 oder mehr Beschäftigte.", "250 or more staff."), w.tx("Kleine oder mittlere Organisation.", "a small or medium organisation."), w.tx("Offen, wie groß die Organisation ist.", "open how large the organisation is.")))
	jc := judge(combined, combinedUnknown)
	add("wp248-6", "Abgleichen oder Zusammenführen von Datensätzen", "Matching or combining datasets", jc, why(jc, w.tx("Das ganze Adressbuch des Telefons wird mit dem Dienst abgeglichen.", "the phone's whole address book is matched with the service."), w.tx("Kein Abgleich von Datensätzen durch die Organisation; eigene Zwecke eines Anbieters sind eine Frage von Art. 28 Abs. 10 DSGVO, nicht dieses Kriteriums.", "no matching of datasets by the organisation; a provider's own purposes are a matter of Art. 28(10) GDPR, not of this criterion."), w.tx("Offen, ob die App das ganze Adressbuch abgleicht.", "open whether the app matches the whole address book.")))
	jv := judge(vulnerable, vulnUnknown)
	var whoV []string
	whoV = w.when(whoV, care && (patients || len(w.ctx("partner_groups")) == 0), "Patientinnen und Patienten", "patients")
	whoV = w.when(whoV, children, "Kinder", "children")
	whoV = w.when(whoV, staffData, "Beschäftigte mit ihren Personalangelegenheiten", "employees with their personnel matters")
	add("wp248-7", "Daten schutzbedürftiger Personen (Patienten, Kinder, Beschäftigte in Abhängigkeit)", "Data of vulnerable people (patients, children, dependent employees)", jv, why(jv, w.tx("Betroffen sind: ", "concerned: ")+strings.Join(whoV, ", ")+".", w.tx("Keine besonders schutzbedürftigen Gruppen genannt.", "no especially vulnerable groups named."), w.tx("Offen, mit wem kommuniziert wird.", "open whom the tools are used with.")))
	ja := judge(ai, aiUnknown)
	add("wp248-8", "Innovative Technologie (etwa KI-Transkription und -Zusammenfassung)", "Innovative technology (such as AI transcripts and summaries)", ja, why(ja, w.tx("KI-Funktionen sind aktiv.", "AI features are on."), w.tx("Keine KI-Funktionen.", "no AI features."), w.tx("Offen, ob KI-Funktionen aktiv sind.", "open whether AI features are on.")))
	add("wp248-9", "Betroffene werden an der Ausübung eines Rechts oder der Nutzung eines Dienstes gehindert", "People are kept from exercising a right or using a service", NotMet, w.tx("Wer die Werkzeuge nicht nutzen will, erreicht die Organisation auf anderen Wegen.", "whoever does not want to use the tools reaches the organisation in other ways."))
	// The authorities' list (Art. 35(4)) differs by Land and konform does
	// not hold it: always to compare by hand, outside the count.
	add("list-35-4", "Liste der Aufsichtsbehörde: Verarbeitungen, die stets eine Folgenabschätzung brauchen (Art. 35 Abs. 4 DSGVO)", "The supervisory authority's list of processing that always needs an impact assessment (Art. 35(4) GDPR)", ToClarify,
		w.tx("Mit der Liste der zuständigen Aufsichtsbehörde abgleichen; konform führt diese Listen nicht.", "compare with the list of the competent authority; konform does not hold these lists."))

	met, open := 0, 0
	art35 := false
	for _, c := range cs {
		switch {
		case c.Judged == Met && strings.HasPrefix(c.ID, "art35"):
			art35 = true
		case c.Judged == Met:
			met++
		case c.Judged == ToClarify && strings.HasPrefix(c.ID, "wp248"):
			open++
		}
	}
	res := NotMet
	switch {
	case art35 || met >= 2:
		res = Met
	case met+open >= 2:
		res = ToClarify
	}
	return DPIAResult{Criteria: cs, Result: res}
}

func (w *writer) dpiaCheck() {
	r := ThresholdCheck(w.p, string(w.l))
	result := map[Judgement][2]string{
		Met:       {"**Eine Datenschutz-Folgenabschätzung ist erforderlich.**", "**A data protection impact assessment is required.**"},
		NotMet:    {"**Eine Datenschutz-Folgenabschätzung ist nicht erforderlich**, sofern die Liste der Aufsichtsbehörde (letzte Zeile) keinen Eintrag nennt, der zutrifft. Diese Schwellwertanalyse dokumentiert, warum (Rechenschaftspflicht, Art. 5 Abs. 2 DSGVO); wiederholen Sie sie, wenn sich die Nutzung ändert.", "**A data protection impact assessment is not required**, provided the authority's list (last line) names nothing that applies. This threshold check documents why (accountability, Art. 5(2) GDPR); repeat it when the use changes."},
		ToClarify: {"**Zu klären:** Mit den offenen Antworten könnten zwei oder mehr Kriterien erfüllt sein. Klären Sie die markierten Punkte; bis dahin gehen Sie von einer erforderlichen Folgenabschätzung aus.", "**To clarify:** with the open answers, two or more criteria could be met. Clarify the marked points; until then assume an impact assessment is required."},
	}[r.Result]
	w.heading(2, w.tx("Ergebnis", "Result"))
	w.para(w.tx(result[0], result[1]))
	if r.Result == ToClarify {
		w.addGap(Gap{Text: w.tx("Ergebnis der Schwellwertanalyse", "result of the threshold check")})
	}
	if r.Result == Met || r.Result == ToClarify {
		w.para(w.tx(
			"Ist eine Folgenabschätzung erforderlich, muss die Organisation außerdem eine Datenschutzbeauftragte oder einen Datenschutzbeauftragten benennen – unabhängig von der Zahl der Beschäftigten (§ 38 Abs. 1 Satz 2 BDSG). Benannt: ",
			"Where an impact assessment is required, the organisation must also designate a data protection officer – whatever its number of staff (§ 38(1) sentence 2 BDSG). Designated: ") + w.dpo())
		switch v := w.ctx("dpia_done"); {
		case has(v, "done"):
			w.para(w.tx("Laut den Antworten ist die Folgenabschätzung gemacht; prüfen Sie, ob sie diese Werkzeuge abdeckt.", "According to the answers the impact assessment has been done; check that it covers these tools."))
		case has(v, "no", "checked_not_needed"):
			w.para(w.tx("Laut den Antworten ist noch keine Folgenabschätzung gemacht: ", "According to the answers no impact assessment has been done yet: ") + w.gapText("durchführen oder begründen, warum sie nicht nötig ist", "carry it out, or give the reasons why it is not needed"))
		default:
			w.para(w.tx("Durchgeführt: ", "Carried out: ") + w.gap(w.q("dpia_done")))
		}
	}
	w.heading(2, w.tx("Kriterien", "Criteria"))
	w.para(w.tx(
		"Art. 35 Abs. 1 DSGVO verlangt eine Folgenabschätzung bei voraussichtlich hohem Risiko; Abs. 3 nennt Fälle, in denen sie stets nötig ist. Die europäischen Aufsichtsbehörden (Leitlinien WP 248 rev.01, vom EDSA bestätigt) nennen neun Kriterien: Sind zwei oder mehr erfüllt, ist in der Regel eine Folgenabschätzung nötig. Dazu kommt die Liste der Aufsichtsbehörde (Art. 35 Abs. 4 DSGVO).",
		"Art. 35(1) GDPR requires an impact assessment where a high risk is likely; paragraph 3 names cases where it is always needed. The European authorities (guidelines WP 248 rev.01, endorsed by the EDPB) name nine criteria: where two or more are met, an impact assessment is usually needed. Then there is the supervisory authority's list (Art. 35(4) GDPR)."))
	w.line("| %s | %s | %s |", w.tx("Kriterium", "Criterion"), w.tx("Erfüllt?", "Met?"), w.tx("Begründung aus den Antworten", "Reason from the answers"))
	w.line("| --- | --- | --- |")
	for _, c := range r.Criteria {
		judged := map[Judgement][2]string{Met: {"ja", "yes"}, NotMet: {"nein", "no"}, ToClarify: {"zu klären", "to clarify"}}[c.Judged]
		j := w.tx(judged[0], judged[1])
		if c.Judged == ToClarify {
			w.addGap(Gap{Text: c.Title})
			j = "**" + j + "**"
		}
		w.line("| %s | %s | %s |", c.Title, j, c.Reason)
	}
	w.line("")
	w.para(fmt.Sprintf(w.tx("Geprüft von: %s – am: %s", "Checked by: %s – on: %s"),
		w.gapText("Name", "name"), w.gapText("Datum", "date")))
}
