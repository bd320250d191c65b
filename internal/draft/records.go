package draft

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/report"
)

// records writes the record of processing activities (Art. 30(1) GDPR):
// the controller once, then one entry per processing activity – a purpose
// and the tools it runs through – in the records template's words.
func (w *writer) records() {
	v := struct {
		Controller, Contact, DPO, Date string
		Entries                        []entry
	}{w.text("controller"), w.text("privacy_contact"), w.recordDPO(), w.date(w.p.Assessment.Date), w.entries()}
	w.exec("doc", v)
}

// entry is one processing activity of the record.
type entry struct {
	ID, Purpose, Function                                              string
	Tools, Bases, Subjects, Categories, Recipients, Transfers, Erasure []string
	// Successors are the tools that take the activity over from the ones
	// the plan replaces for it: gaps until chosen.
	Successors []string
	TOMs       []tomGroup
	Notes      []string
}

// tomGroup is the measures of one area of Art. 32(1) GDPR.
type tomGroup struct {
	Area  string // confidentiality, integrity, availability, restore, review
	Items []string
}

// use is one processing activity of one tool.
type use struct {
	t *assess.Tool
	a *assess.Activity // nil while the tool's use is unknown
}

// entries are the record's entries, one per processing activity.
func (w *writer) entries() []entry {
	groups := w.activities()
	out := make([]entry, 0, len(groups))
	for i, g := range groups {
		out = append(out, w.entry(fmt.Sprintf("VT-%02d", i+1), g))
	}
	return out
}

// activities are the processing activities: one per purpose, with every
// tool it runs through, in the order the tools and their uses come; a
// tool whose use is unknown is one of its own. The record numbers them
// VT-01, VT-02, …; the threshold check judges each.
func (w *writer) activities() [][]use {
	var keys []string
	byKey := map[string][]use{}
	for _, t := range w.p.Tools {
		if len(t.Activities) == 0 {
			k := "?" + t.Key
			keys = append(keys, k)
			byKey[k] = []use{{t: t}}
			continue
		}
		for i := range t.Activities {
			k := t.Activities[i].Use.ID
			if _, ok := byKey[k]; !ok {
				keys = append(keys, k)
			}
			byKey[k] = append(byKey[k], use{t, &t.Activities[i]})
		}
	}
	out := make([][]use, 0, len(keys))
	for _, k := range keys {
		out = append(out, byKey[k])
	}
	return out
}

// childrenMessaged: children are among the people a messenger writes to
// for this purpose – under 16 only with their parents' consent.
func (w *writer) childrenMessaged(t *assess.Tool, a assess.Activity) bool {
	return t.Kind == catalog.KindMessenger && a.Use.Outward && slices.Contains(a.Subjects, "children")
}

// replacedUse: the plan replaces the tool for this use.
func (w *writer) replacedUse(u use) bool {
	return u.t.Lead != nil && (u.t.ReplaceAll() || u.a != nil && u.a.Use.Outward)
}

// secretsOut: the tool stays for this use, and the plan keeps health data
// and professional secrets out of it.
func (w *writer) secretsOut(u use) bool {
	if u.a == nil || w.replacedUse(u) || u.t.Lead == nil {
		return false
	}
	if w.barred == nil {
		w.barred = map[*assess.Tool]bool{}
		for _, t := range w.p.Tools {
			w.barred[t] = w.p.SecretsBarred(t)
		}
	}
	return w.barred[u.t]
}

func (w *writer) entry(id string, uses []use) entry {
	e := entry{ID: id, Function: w.gapText(w.say("function.gap", strings.Join(w.ctx("sector"), "")))}
	many := slices.ContainsFunc(uses, func(u use) bool { return u.t != uses[0].t })
	// of prefixes a line with the tool's name where the entry has several.
	of := func(t *assess.Tool, s string) string {
		if many && s != "" {
			return w.name(t) + ": " + s
		}
		return s
	}
	add := func(list []string, s string) []string {
		if s == "" || slices.Contains(list, s) {
			return list
		}
		return append(list, s)
	}
	sick := slices.ContainsFunc(uses, func(u use) bool { return has(w.tool(u.t, "sick_notes"), "yes") })
	for _, u := range uses {
		e.Tools = append(e.Tools, w.name(u.t))
		if u.a == nil {
			e.Purpose = w.say("purpose.unknown", w.name(u.t))
			e.Bases = add(e.Bases, w.gap(w.q("used_for")))
			e.Subjects = add(e.Subjects, w.subjectGap())
			continue
		}
		if e.Purpose == "" {
			words := w.p.Words()
			e.Purpose = w.say("purpose."+u.a.Use.ID, map[string]any{
				"Clients": report.Escape(words["clients"].In(w.l)), "Sector": strings.Join(w.ctx("sector"), ""), "SickNotes": sick})
			if e.Purpose == "" {
				e.Purpose = report.Escape(u.a.Use.Label.In(w.l))
			}
		}
		e.Bases = add(e.Bases, report.Escape(u.a.Basis.In(w.l)))
		if w.businessContacts(*u.a) {
			e.Bases = add(e.Bases, w.say("basis.businesses"))
		}
		if u.a.Use.Outward && slices.Contains(u.a.Subjects, "staff") {
			// Staff seen beside the people outside: on their contract,
			// as their section of the notice says.
			e.Bases = add(e.Bases, w.say("basis.staff.beside", report.Escape(w.p.Words()["team"].In(w.l))))
		}
		if w.childrenMessaged(u.t, *u.a) {
			e.Bases = add(e.Bases, w.childrenBasis())
		}
		if has(w.tool(u.t, "recording"), "sometimes", "often") && !w.replacedUse(u) {
			// Recordings rest on their own basis, as the notice says:
			// consent outside; inside the works agreement, where there is
			// one, else the staff's voluntary consent.
			// Staff seen beside the people outside keep their basis.
			agreement := has(w.ctx("works_council"), "yes") && has(w.ctx("works_agreement"), "agreement", "agreement_ai")
			staff := slices.Contains(u.a.Subjects, "staff")
			switch {
			case u.a.Use.Outward && staff && !agreement:
				e.Bases = add(e.Bases, w.say("basis.recording.mixed"))
			case u.a.Use.Outward && !staff:
				e.Bases = add(e.Bases, w.say("basis.recording.consent"))
			case agreement:
				// Which agreement, and its part on recordings: the same gap
				// as the staff's notice.
				e.Bases = add(e.Bases, w.say("basis.recording.agreement", w.gapSay("agreement.gap")))
			default:
				e.Bases = add(e.Bases, w.say("basis.recording.staff"))
			}
		}
		// A physician's video consultations: the patients' explicit
		// consent to the video service (Annex 31b BMV-Ä), as the notice
		// says.
		if u.a.Use.ID == "consultations" && u.t.Kind == catalog.KindVideo && has(w.ctx("sector"), "health") && !has(w.ctx("practice_type"), "dentist", "other") {
			e.Bases = add(e.Bases, w.say("basis.consultation.consent"))
		}
		// A practice's appointments go on partly as reminders by text
		// message or e-mail: those rest on the patients' express consent.
		if u.a.Use.ID == "appointments" && u.t.Kind == catalog.KindMessenger && w.replacedUse(u) && has(w.ctx("sector"), "health", "counselling") {
			e.Bases = add(e.Bases, w.say("basis.reminders"))
		}
		switch sp := u.a.Special.In(w.l); {
		case sp == "":
		case w.replacedUse(u):
			// The activity goes on with the successor: the basis for
			// health data holds there, not in the tool the plan replaces.
			e.Bases = add(e.Bases, report.Escape(sp)+" "+w.say("special.successor", map[string]any{"Tool": w.name(u.t), "Messenger": u.t.Kind == catalog.KindMessenger, "Staff": u.a.Use.ID == "staff_matters"}))
		case w.secretsOut(u):
		default:
			e.Bases = add(e.Bases, report.Escape(sp))
		}
		if w.secretsOut(u) {
			e.Notes = add(e.Notes, w.name(u.t)+": "+w.say("note.barred", w.actionTitle(u.t.Lead)))
		}
		for _, s := range u.a.Subjects {
			e.Subjects = add(e.Subjects, w.subject(s))
		}
		if has(w.tool(u.t, "address_book"), "full") {
			// The app uploads every number in the phone: those people
			// are data subjects too, whatever the purpose.
			e.Subjects = add(e.Subjects, w.say("subject.addressbook"))
		}
		if r := u.a.Retention.In(w.l); r != "" {
			e.Erasure = add(e.Erasure, w.say("erasure.law", report.Escape(r)))
		}
		if w.replacedUse(u) {
			// The instruction is the plan's; the day it was given is the
			// client's to record – until it is done.
			switch {
			case u.t.Lead.Pause:
				e.Notes = add(e.Notes, w.name(u.t)+": "+w.say("note.paused", map[string]string{"Date": w.gapSay("instruction.date"), "Title": w.actionTitle(u.t.Lead)}))
			case u.t.Lead.Status == answers.StatusDone:
				e.Notes = add(e.Notes, w.name(u.t)+": "+w.say("note.replaced.done", map[string]string{"Title": w.actionTitle(u.t.Lead)}))
			default:
				e.Notes = add(e.Notes, w.name(u.t)+": "+w.say("note.replaced", map[string]string{"Date": w.gapSay("instruction.date"), "Title": w.actionTitle(u.t.Lead)}))
			}
			// The activity goes on through the successor: the entry names
			// it, its provider and its transfers, as gaps until chosen.
			if !u.t.Lead.Pause { // suspended until approved: no successor
				e.Successors = add(e.Successors, w.successorName(u.t))
			}
		}
	}
	periodSet := false // a tool's own period (automatic or to set) is a gap already
	for _, u := range uses {
		for _, c := range w.categories(u, sick) {
			e.Categories = add(e.Categories, c)
		}
		for _, r := range w.recordRecipients(u.t) {
			e.Recipients = add(e.Recipients, of(u.t, r))
		}
		for _, tr := range w.recordTransfers(u.t) {
			e.Transfers = add(e.Transfers, tr)
		}
		switch ad := w.tool(u.t, "auto_delete"); {
		case has(ad, "yes"):
			// The period the tool is set to is the client's to enter
			// (Art. 30(1)(f) GDPR) – one gap per tool.
			e.Erasure = add(e.Erasure, w.say("erasure.auto", map[string]string{"Tool": w.name(u.t), "Kind": string(u.t.Kind), "Period": w.gapText(w.say("period.gap", w.name(u.t)))}))
			periodSet = true
		case has(ad, "no") && !w.replacedUse(u):
			// What lies in the tool (recordings, chats) stays until
			// someone deletes it: the period is the client's to set.
			e.Erasure = add(e.Erasure, w.say("erasure.manual", map[string]string{"Tool": w.name(u.t), "Kind": string(u.t.Kind), "Gap": w.gapText(w.say("period.gap", w.name(u.t)))}))
			periodSet = true
		}
		if has(w.tool(u.t, "recording"), "sometimes", "often") && !w.replacedUse(u) {
			// One period for recordings, as notice and policy have it.
			e.Erasure = add(e.Erasure, w.say("erasure.recordings", map[string]string{"Tool": w.name(u.t), "Gap": w.gapSay("recording.deletion")}))
		}
		if w.factIs(u.t, "avv", "not_needed") {
			// A server of one's own keeps logs of who connected.
			e.Erasure = add(e.Erasure, w.say("erasure.logs", map[string]string{"Tool": w.name(u.t), "Gap": w.gapText(w.say("logs.gap", w.name(u.t)))}))
		}
		// What the plan has deleted for good (findings once in the
		// record, photos of sick notes) – also while a tool is wound down.
		for _, a := range w.p.Actions {
			if a.Tool != u.t || !a.Pending() || a.Conditional {
				continue
			}
			for _, x := range a.Erasures {
				if u.a != nil && slices.Contains(x.For, u.a.Use.ID) {
					e.Erasure = add(e.Erasure, report.Escape(x.Text.In(w.l)))
				}
			}
		}
	}
	if len(e.Successors) > 0 {
		e.Recipients = add(e.Recipients, w.say("rcpt.successor", w.gapSay("successor.recipients")))
		e.Transfers = add(e.Transfers, w.say("transfer.successor", w.gapSay("successor.transfers")))
	}
	switch v := w.ctx("deletion_periods"); {
	case has(v, "yes"):
		e.Erasure = append(e.Erasure, w.say("erasure.periods"))
	case periodSet:
		// The tool's period is the one gap: no second "set a period"
		// beside it (whether the organisation has periods or not yet).
	default:
		e.Erasure = append(e.Erasure, w.gapSay("erasure.set"))
	}
	for _, area := range []string{"confidentiality", "integrity", "availability", "restore", "review"} {
		var items []string
		for _, u := range uses {
			for _, m := range w.measures(u.t)[area] {
				items = add(items, of(u.t, m))
			}
		}
		if area == "review" {
			items = w.orgMeasures(items)
		}
		if len(items) > 0 {
			e.TOMs = append(e.TOMs, tomGroup{Area: area, Items: items})
		}
	}
	if len(e.TOMs) == 0 {
		e.TOMs = []tomGroup{{Area: "confidentiality", Items: []string{w.gapSay("tom.none")}}}
	}
	for _, u := range uses {
		for i := range u.t.Answers {
			if a := &u.t.Answers[i]; a.Note != "" && slices.Contains(processingAreas, a.Question.Area) && w.noteFits(u, a) {
				e.Notes = add(e.Notes, of(u.t, report.Escape(a.Note)))
			}
		}
	}
	return e
}

// noteFits reports whether a tool's note belongs to this use's entry: a
// note on sick notes to the personnel matters, one on sensitive data to
// what faces the people outside, any other to the tool's first entry –
// each once, never repeated in every entry of the tool.
func (w *writer) noteFits(u use, a *assess.Answer) bool {
	if w.quoted[a] {
		return false
	}
	fits := true
	if u.a != nil && len(u.t.Activities) > 1 {
		switch a.Question.ID {
		case "sick_notes":
			fits = u.a.Use.ID == "staff_matters" || !slices.ContainsFunc(u.t.Activities, func(x assess.Activity) bool { return x.Use.ID == "staff_matters" })
		case "special_categories":
			fits = u.a.Use.Outward || !slices.ContainsFunc(u.t.Activities, func(x assess.Activity) bool { return x.Use.Outward })
		}
	}
	if fits {
		if w.quoted == nil {
			w.quoted = map[*assess.Answer]bool{}
		}
		w.quoted[a] = true
	}
	return fits
}

// processingAreas are the areas whose notes describe the processing
// itself; the record quotes them.
var processingAreas = []string{"data", "storage", "separation", "privacy_settings"}

// subject says one group of data subjects.
func (w *writer) subject(id string) string {
	switch id {
	case "staff":
		if has(w.ctx("sector"), "association") {
			return w.say("subject.staff.association")
		}
		return w.say("subject.staff")
	case catalog.Unknown:
		return w.subjectGap()
	case "children":
		// Parents consent for them and write for them.
		return w.say("subject.children")
	case "patients":
		// The sector names them: a practice's patients, a firm's clients.
		if c := w.p.Words()["clients"].In(w.l); c != "" && len(w.ctx("sector")) > 0 {
			return report.Escape(c)
		}
	}
	label := strings.Join(w.labels("partner_groups", []string{id}), "")
	if w.l == catalog.EN && label != "" {
		// A list of groups in running English: "clients; business
		// customers and suppliers" (German nouns keep their capitals).
		r := []rune(label)
		r[0] = unicode.ToLower(r[0])
		label = string(r)
	}
	return label
}

func (w *writer) subjectGap() string {
	if len(w.ctx("partners")) > 0 {
		return w.gap(w.q("partner_groups"))
	}
	return w.gap(w.q("partners"))
}

// categories are the kinds of data one use of a tool brings: by the
// tool's kind, with recordings, AI transcripts, sensitive data and sick
// notes where the answers show them.
func (w *writer) categories(u use, sick bool) []string {
	t := u.t
	out := []string{w.say("cat." + string(t.Kind))}
	// Recordings are answered per tool; a use the plan moves off the tool
	// does not bring them (a practice's video consultations are never
	// recorded – they go to a certified service).
	if rec := w.tool(t, "recording"); has(rec, "sometimes", "often") && !w.replacedUse(u) {
		out = append(out, w.say("cat.recordings", strings.Join(w.labels("recording", rec), ", ")))
	}
	if ai := w.tool(t, "ai_features"); has(ai, "on", "with_rules") {
		// In use at the assessment, locked by the plan: the record keeps
		// the day of the lock (the same gap as in the threshold check).
		held, from := w.p.AIHeld(t), ""
		if held {
			from = w.gapSay("ai.lock.date")
		}
		out = append(out, w.say("cat.ai", map[string]any{"Tool": w.name(t), "Held": held, "From": from}))
	}
	switch v := w.tool(t, "special_categories"); {
	case w.secretsOut(u):
		// The plan keeps them out of what the tool keeps doing.
	case has(v, "yes") || u.a != nil && u.a.Special.DE != "" && u.a.Use.ID != "staff_matters":
		out = append(out, w.say("cat.special"))
	case has(v, "no") || !w.shown(t, "special_categories"):
	case w.sensitiveBarred(u):
		// Open whether they went through it so far; from now on the
		// plan and the policy keep them out – the record says both.
		out = append(out, w.say("cat.special.barred", w.gap(w.q("special_categories"))))
	default:
		out = append(out, w.gap(w.q("special_categories")))
	}
	if sick && u.a != nil && u.a.Use.ID == "staff_matters" {
		out = append(out, w.say("cat.sicknotes"))
	}
	if has(w.tool(t, "address_book"), "full") {
		out = append(out, w.say("cat.addressbook", w.name(t)))
	}
	return out
}

// recordRecipients names who receives the tool's data, and in which role.
func (w *writer) recordRecipients(t *assess.Tool) []string {
	name := w.name(t)
	if w.factIs(t, "avv", "not_needed") {
		switch {
		case has(w.tool(t, "server_site"), "own_premises"):
			return []string{w.say("rcpt.own_premises", name)}
		case has(w.tool(t, "server_site"), "rented"):
			return []string{w.say("rcpt.host", name)}
		case has(w.tool(t, "operating_model"), "provider_hosted"):
			return []string{w.say("rcpt.it", name)}
		}
		return []string{w.gap(w.q("server_site"))}
	}
	var out []string
	switch v := w.tool(t, "dpa_signed"); {
	case t.Lead != nil && t.Lead.Pause && has(w.tool(t, "account"), "private", "mixed"):
		// Run through employees' private accounts and suspended: never the
		// organisation's processor; what holds is the way out.
		// The day of the instruction is the client's – the same gap as in
		// the note on it.
		out = append(out, w.say("rcpt.private.paused", map[string]string{"Vendor": w.vendor(t), "Date": w.gapSay("instruction.date")}))
	case w.consumerApp(t):
		// An app for private people offers no processing agreement: its
		// provider is a controller of its own for the account and
		// connection data – a fact, not a gap; the plan says what to do.
		out = append(out, w.say("rcpt.consumer", w.vendor(t)))
	case has(v, "signed"):
		out = append(out, w.say("rcpt.processor", w.vendor(t)))
	case has(v, "not_signed", "not_offered"):
		ref := w.say("action", w.actionRef(t, "dpa-contract"))
		if w.actionRef(t, "dpa-contract") == "" {
			ref = ""
		}
		key := "rcpt.noavv"
		if has(v, "not_offered") {
			key = "rcpt.noavv.offered" // none to sign: not a contract to chase
		}
		out = append(out, w.vendor(t)+" – "+w.gapText(w.say(key, ref)))
	default:
		out = append(out, w.vendor(t)+" – "+w.gap(w.q("dpa_signed")))
	}
	// A provider that uses data for its own purposes is a controller of
	// its own for them (Art. 28(10)) – said once for an app for private
	// people (above); where nobody knows yet, it is to clarify.
	own := w.tool(t, "own_purposes")
	switch {
	case w.consumerApp(t) || has(own, "excluded"):
	case has(own, "reserved") || w.factIs(t, "own_purposes", "reserved"):
		out = append(out, w.say("rcpt.own", w.vendor(t)))
	case has(own, catalog.Unknown) || len(own) == 0 && w.factIs(t, "own_purposes", "to_verify"):
		// The plan assumes own purposes until it is clarified: so does
		// the record, with the question to answer.
		out = append(out, w.say("rcpt.own.open", map[string]string{"Vendor": w.vendor(t), "Gap": w.gapText(w.say("own.open.gap", w.name(t)))}))
	}
	if has(w.tool(t, "non_eu_subprocessors"), "yes") {
		out = append(out, w.say("rcpt.subprocessors"))
	}
	return out
}

// consumerApp: an app for private people whose provider offers no data
// processing agreement (and none is signed).
func (w *writer) consumerApp(t *assess.Tool) bool {
	return w.factIs(t, "edition", "consumer") && !has(w.tool(t, "dpa_signed"), "signed") &&
		(w.factIs(t, "avv", "not_offered") || has(w.tool(t, "dpa_signed"), "not_offered"))
}

// recordTransfers say where the tool's data go outside the EU/EEA and on
// which safeguard – the plan's verdict (assess.Transfer). Sub-processors
// in other third countries are named apart: the DPF covers only certified
// recipients in the USA.
func (w *writer) recordTransfers(t *assess.Tool) []string {
	name := w.name(t)
	where, sub, others, instead := w.destinations(t)
	if instead != "" {
		return []string{name + ": " + instead}
	}
	var out []string
	if len(where) == 0 && sub && t.Transfer.Safeguard == "dpf" {
		// Only the provider's group and sub-processors are abroad: those
		// in the USA on the DPF, as the notice says; the rest below.
		where = []string{w.say("where.sub.usa")}
	}
	if len(where) > 0 {
		out = append(out, w.say("transfer.where", map[string]string{"Tool": name, "Where": strings.Join(where, ", "), "Basis": w.basis(t)}))
	}
	if others {
		out = append(out, name+": "+w.gapSay("transfer.others.gap"))
	}
	if sub {
		out = append(out, w.say("transfer.sub", name))
	}
	return out
}

// basis is the safeguard of the tool's transfer, for the record.
func (w *writer) basis(t *assess.Tool) string {
	tr := t.Transfer
	switch {
	case tr.Safeguard == "dpf" && !tr.FromCatalog:
		return w.say("safeguard.dpf") + w.say("transfer.dpf.checked", w.gapSay("transfer.dpf.date"))
	case tr.Safeguard == "dpf":
		// The catalogue's entry, dated; the answer on the basis is the
		// one gap, given once the client has checked the list.
		asOf := ""
		if f, ok := fact(t, "dpf"); ok {
			asOf = f.Fact.AsOf.String()
		}
		return w.say("safeguard.dpf") + w.say("transfer.dpf.catalogue", map[string]string{"AsOf": asOf, "Gap": w.gapSay("transfer.dpf.date")})
	case tr.Safeguard == "scc":
		return w.say("safeguard.scc") + w.say("transfer.scc.tia")
	case tr.Safeguard == "bcr":
		return w.say("safeguard.bcr")
	case tr.Via != nil:
		// The tool's default configuration sends data abroad (a self-run
		// server's STUN service): whether this server does is checked.
		return w.say("transfer.default", w.gapSay("transfer.default.gap"))
	case t.Lead != nil && t.Lead.Pause && has(w.tool(t, "account"), "private", "mixed") && tr.Safeguard != "dpf" && tr.Safeguard != "scc" && tr.Safeguard != "bcr":
		// Run through private accounts, suspended: no safeguard of the
		// organisation's – what the record keeps is the day it stopped.
		return w.say("transfer.paused", w.gapSay("instruction.date"))
	case tr.Safeguard == "none" && t.Gone():
		// The plan ends the tool's use, and the transfer with it: what
		// the record keeps is the day it ended.
		return w.say("transfer.ended", w.gapSay("instruction.date"))
	case tr.Safeguard == "none":
		ref := ""
		if id := w.actionRef(t, "third-country-transfer"); id != "" {
			ref = w.say("action", id)
		}
		s := w.say("transfer.none.named", ref)
		return w.gapText(s)
	}
	return w.gap(w.q("transfer_basis"))
}

// measures are the tool's technical and organisational measures the
// answers show, by area of Art. 32(1) GDPR.
func (w *writer) measures(t *assess.Tool) map[string][]string {
	m := map[string][]string{}
	add := func(area string, cond bool, name string, data ...any) {
		if cond {
			m[area] = append(m[area], w.say("tom."+name, data...))
		}
	}
	e2e := w.tool(t, "e2e_use")
	add("confidentiality", has(e2e, "always") || len(e2e) == 0 && w.factIs(t, "e2e", "default"), "e2e")
	add("confidentiality", has(w.tool(t, "app_lock"), "yes"), "app_lock")
	add("confidentiality", has(w.tool(t, "mdm"), "yes"), "mdm")
	add("confidentiality", has(w.tool(t, "devices"), "business"), "devices_business")
	add("confidentiality", has(w.tool(t, "devices"), "private_separated"), "devices_separated")
	add("confidentiality", has(w.tool(t, "account"), "organisation"), "accounts")
	add("confidentiality", has(w.tool(t, "backups"), "off"), "backups_off")
	add("confidentiality", has(w.tool(t, "backups"), "encrypted"), "backups_encrypted")
	add("confidentiality", has(w.tool(t, "address_book"), "blocked", "business_only"), "address_book")
	add("confidentiality", has(w.tool(t, "tracking_off"), "yes"), "tracking")
	add("confidentiality", has(w.tool(t, "ai_features"), "off") && !w.factIs(t, "ai", "not_removable"), "ai_off")
	add("confidentiality", has(w.tool(t, "ai_features"), "off") && w.factIs(t, "ai", "not_removable"), "ai_unused")
	add("confidentiality", has(w.tool(t, "screen_sharing"), "host_only"), "screen")
	if mp := w.tool(t, "meeting_protection"); has(mp, "password_and_lobby", "password", "lobby") {
		add("confidentiality", true, "meetings", strings.Join(w.labels("meeting_protection", mp), ", "))
	}
	add("integrity", has(w.tool(t, "transport_encryption"), "yes"), "transport")
	add("integrity", has(w.tool(t, "app_updates"), "automatic"), "updates")
	add("integrity", has(w.tool(t, "admin_settings"), "yes"), "admin")
	add("restore", has(w.tool(t, "handover"), "yes"), "handover")
	add("confidentiality", has(w.tool(t, "auto_delete"), "yes"), "auto_delete") // less kept, less exposed
	switch {
	case w.factIs(t, "avv", "not_needed"):
		m["integrity"] = append(m["integrity"], w.gapSay("tom.server"))
		m["review"] = append(m["review"], w.gapSay("tom.server.review"))
	case w.consumerApp(t):
		add("availability", true, "provider.consumer")
	case !has(w.tool(t, "dpa_signed"), "signed"):
		// No DPA yet: its annex on measures is not there to copy from.
		m["availability"] = append(m["availability"], w.gapText(w.say("tom.provider.nodpa", w.name(t))))
	default:
		m["availability"] = append(m["availability"], w.gapText(w.say("tom.provider", w.name(t))))
	}
	return m
}

// orgMeasures adds the organisation's own measures to the review area.
func (w *writer) orgMeasures(items []string) []string {
	if has(w.ctx("usage_policy"), "written") {
		items = append(items, w.say("tom.policy"))
	}
	if has(w.ctx("training"), "yes") {
		items = append(items, w.say("tom.training"))
	}
	if has(w.ctx("breach_procedure"), "yes") {
		items = append(items, w.say("tom.breach"))
	}
	// This assessment is itself the review Art. 32(1)(d) asks for: its
	// day, and the next one a year on, as the threshold check says.
	return append(items, w.say("tom.review", map[string]string{"Date": w.date(w.p.Assessment.Date),
		"Next": w.date(catalog.Date{Time: w.p.Assessment.Date.AddDate(1, 0, 0)})}))
}

// dpoRole finds the data protection officer among the people of the
// assessment: "Lena Brandt (DSB)", "Externer DSB Herr Aydin".
var dpoRole = regexp.MustCompile(`(?i)\bDSB\b|datenschutzbeauftragte|data protection officer|\bDPO\b`)

// dpoNamed is the assessor or participant the answers name as the DPO,
// as written there ("" when none is).
func (w *writer) dpoNamed() string {
	for _, s := range append([]string{w.p.Assessment.Assessor}, w.p.Assessment.Participants...) {
		if dpoRole.MatchString(s) {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

// recordDPO is the record's DPO line: where none is designated, when
// the law would ask for one (§ 38(1) BDSG) – a club's volunteers count.
func (w *writer) recordDPO() string {
	if has(w.ctx("dpo"), "no") {
		return w.say("dpo.none.record", strings.Join(w.ctx("sector"), ""))
	}
	return w.dpo()
}

func (w *writer) dpo() string {
	switch v := w.ctx("dpo"); {
	case has(v, "yes"):
		if c := w.ctx("dpo_contact"); len(c) == 1 && strings.TrimSpace(c[0]) != "" {
			return report.Escape(c[0])
		}
		if name := w.dpoNamed(); name != "" {
			// The name is known: only the way to reach them is open.
			return w.say("dpo.designated.named", map[string]any{"Name": report.Escape(name), "Gap": w.gapSay("dpo.email.gap")})
		}
		return w.say("dpo.designated", w.gap(w.q("dpo_contact")))
	case has(v, "no"):
		return w.say("dpo.none")
	}
	return w.gap(w.q("dpo"))
}

// actionRef is the title of the plan's action on the topic for the tool –
// or of the one that replaces the tool, where the plan lists it under
// that; "" where the plan has none.
func (w *writer) actionRef(t *assess.Tool, topic string) string {
	for _, a := range w.p.Actions {
		if a.ID != topic+"/"+t.Key {
			continue
		}
		if a.SupersededBy != nil {
			a = a.SupersededBy
		}
		return w.actionTitle(a)
	}
	return ""
}

// actionTitle names an action of the plan as its reader finds it: by its
// title, not by the reference only konform uses.
func (w *writer) actionTitle(a *assess.Action) string { return report.Escape(a.Title.In(w.l)) }

// destinations are where the tool's data go outside the EU/EEA – the
// plan's verdict (assess.Transfer) in words – and whether the provider's
// sub-processors abroad are among them; for no transfer, or one still
// unknown, the line to say instead.
//
// The DPF covers certified recipients in the USA only: where the DPF is
// the safeguard and data also go to other third countries (support from
// elsewhere), where says "USA" and others reports the rest, which needs a
// safeguard of its own.
func (w *writer) destinations(t *assess.Tool) (where []string, sub, others bool, instead string) {
	tr := t.Transfer
	switch tr.Need {
	case assess.NoTransfer:
		return nil, false, false, w.say("transfer.none")
	case assess.TransferUnknown:
		// Not a yes/no question but what the record and the notice need:
		// the country and the safeguard, or none – per tool.
		return nil, false, false, w.gapText(w.say("transfer.open.gap", w.name(t)))
	}
	sub = has(w.tool(t, "non_eu_subprocessors"), "yes")
	for _, v := range tr.Where {
		switch v {
		case "subprocessors":
			sub = true
		case catalog.Unknown:
		case "mixed", "other":
			if tr.Safeguard == "dpf" {
				others = true
				if u := w.say("where.usa"); !slices.Contains(where, u) {
					where = append(where, u)
				}
				continue
			}
			where = append(where, w.say("where."+v))
		default:
			if s := w.say("where." + v); s != "" {
				where = append(where, s)
			} else {
				where = append(where, w.labels("hosting", []string{v})...)
			}
		}
	}
	return where, sub, others, ""
}
