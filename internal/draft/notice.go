package draft

import (
	"slices"
	"strings"

	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/report"
)

// noticeSection is the part of the notice on one tool (Art. 13 GDPR).
type noticeSection struct {
	Tool, Kind, Vendor, Policy string
	SelfRun                    string // "we run it ourselves …", where no provider runs it
	Purposes, Transfers, Law   []string
	Recipients, Deletion       string
	Recording, AI, AIHeld      bool // recorded; AI transcripts or summaries; AI features locked by the plan
	RecordingDeletion          string
	Staff                      bool   // for the people inside
	Agreement                  bool   // a works agreement exists that can carry recordings
	AgreementGap               string // which agreement, and its part on recordings
	Successor                  bool   // Tool is the gap for a successor's name
	Association                bool   // a club: volunteers and members take part of their own will
	NoRecording                bool   // the answers say nothing is recorded
	Reminders                  string // a practice's reminders by text message or e-mail: the sending service (a gap)
	RemindersPeriod            string // how long the sending service keeps them (a gap)
	RemindersTransfer          string // whether they leave the EU (a gap)
	PrivateDevices             bool   // employees use it on their own phones: voluntary there
	Minors                     string // the basis for minors and the rule under 16, where children are written to
	Consultation               bool   // a practice's video consultations: said so, and the practice as the way instead
	ConsultationConsent        bool   // a physician's practice asks the patients' consent to the video service (Annex 31b BMV-Ä)
	TeamChat                   bool   // the staff use the video tool's team chat too (Teams)
	transfers, consent         bool
}

// firstContact is the greeting a messenger's business profile sends.
type firstContact struct {
	Tool, Organisation, Website string
	Sector                      string // which confidential things to keep out, in the sector's words
	Purposes                    []string
	Advertises                  bool
	Successor                   bool // Tool is the gap for a successor's name
	// DocsWay is where a tax or law firm's clients send documents instead
	// (a gap: the client portal); empty elsewhere.
	DocsWay string
}

// notice writes the privacy notice (Art. 13 GDPR): a section for each
// tool used with people outside the organisation, one for the people
// inside (employees; in an association also volunteers and members), the
// rights once, and a first-contact message for messengers that send one.
// It is published: it says what holds and marks gaps, never a verdict.
func (w *writer) notice() {
	var outside, inside []noticeSection
	var replaced []*assess.Tool
	var successors []noticeSection
	var paused []*assess.Tool
	for _, t := range w.p.Tools {
		switch {
		case t.Lead != nil && t.Lead.Pause:
			// Stopped until approved, not replaced: no successor to
			// describe; its section comes with the approval.
			paused = append(paused, t)
			continue
		case t.Outward && t.Lead != nil:
			replaced = append(replaced, t)
			successors = append(successors, w.successorSection(t))
		case t.Outward:
			outside = append(outside, w.section(t, false))
		}
		switch {
		case t.Inside && !(t.Lead != nil && t.ReplaceAll()):
			inside = append(inside, w.section(t, true))
		case t.Inside && !t.Lead.Pause:
			// Replaced for everyone: the team works through the successor,
			// and the employees are told of it as of any tool.
			inside = append(inside, w.successorStaffSection(t))
		}
	}
	if len(replaced) > 0 {
		var kept []*assess.Tool // replaced for the people outside, kept for the team
		for _, t := range replaced {
			if t.KeptInside() {
				kept = append(kept, t)
			}
		}
		// The section a replaced tool has in the privacy policy stays until
		// the switch is done; where the answers say there is none, there
		// is nothing to keep.
		var listed, maybe []*assess.Tool
		for _, t := range replaced {
			switch pn := w.tool(t, "privacy_notice"); {
			case has(pn, "yes"):
				listed = append(listed, t)
			case !has(pn, "no"):
				maybe = append(maybe, t)
			}
		}
		w.notes = append(w.notes, w.say("leftout", map[string]any{"Names": w.names(replaced), "One": len(replaced) == 1,
			"Kept": w.names(kept), "Clients": report.Escape(w.p.Words()["clients"].In(w.l)),
			"Listed": w.names(listed), "ListedOne": len(listed) == 1, "Maybe": w.names(maybe)}))
	}
	if slices.ContainsFunc(successors, func(s noticeSection) bool { return s.Reminders != "" }) {
		w.notes = append(w.notes, w.say("reminders.note"))
	}
	if len(paused) > 0 {
		w.notes = append(w.notes, w.say("paused", map[string]any{"Names": w.names(paused), "One": len(paused) == 1}))
	}
	// The notice says locked AI features are not in use; the answers say
	// they run today. It is true only once they are locked: publish then.
	var held []*assess.Tool
	for _, t := range w.p.Tools {
		if w.p.AIHeld(t) && (has(w.tool(t, "ai_features"), "on") || has(w.tool(t, "ai_features"), "with_rules")) {
			held = append(held, t)
		}
	}
	if len(held) > 0 {
		w.notes = append(w.notes, w.say("ai.held.publish", map[string]any{"Names": w.names(held)}))
	}
	// The notice says recordings need everyone's agreement; where the
	// answers do not show that rule in force, it holds once it is.
	var recorded []*assess.Tool
	for _, t := range w.p.Tools {
		if !t.Gone() && t.Kind == catalog.KindVideo && has(w.tool(t, "recording"), "sometimes", "often") && !has(w.tool(t, "recording_consent"), "yes") {
			recorded = append(recorded, t)
		}
	}
	if len(recorded) > 0 {
		w.notes = append(w.notes, w.say("recording.publish", map[string]any{"Names": w.names(recorded)}))
	}
	v := struct {
		Website, Controller, Contact, DPO string
		Outside, Inside                   []noticeSection
		Association, Consent, Transfers   bool
		Marketing                         bool
		Messages                          []firstContact
		Invitations                       []invitation
		AutoReplies                       []invitation // the old channel's automatic reply, where the plan keeps one running
	}{Outside: outside, Inside: inside, Association: has(w.ctx("sector"), "association"),
		// The right to object to direct marketing is told where there is
		// some (or it is not known that there is none).
		Marketing: !has(w.ctx("b2c_marketing"), "no")}
	// A replaced tool's people keep their purposes: the section goes to
	// its successor, whose name and provider are gaps. It never says
	// what is replaced – the notice is published.
	outside = append(outside, successors...)
	v.Outside = outside
	if len(outside) > 0 {
		v.Website = w.link("website")
	}
	v.Controller, v.Contact = w.text("controller"), w.text("privacy_contact")
	if !has(w.ctx("dpo"), "no") {
		v.DPO = w.dpo()
	}
	for _, s := range slices.Concat(outside, inside) {
		v.Consent = v.Consent || s.consent
		v.Transfers = v.Transfers || s.transfers
	}
	for i, t := range w.p.Tools {
		replacedHere := t.Outward && t.Lead != nil
		// A first-contact message where the tool has a business profile to
		// send it from, where the plan asks to inform people in the tool,
		// and for the messenger that replaces one.
		asked := slices.ContainsFunc(w.p.Actions, func(a *assess.Action) bool {
			return a.Tool == t && a.Topic.ID == "privacy-notice" && a.Open()
		})
		if !t.Outward || t.Kind != catalog.KindMessenger || !replacedHere && !asked && !w.factIs(t, "business_profile", "yes") {
			continue
		}
		m := firstContact{Tool: w.public(t), Organisation: report.Escape(w.p.Assessment.Organisation),
			Website: v.Website, Advertises: has(w.tool(t, "marketing_here"), "yes"), Sector: strings.Join(w.ctx("sector"), "")}
		if replacedHere {
			m.Tool, m.Successor = successorName(successors, w.p.Tools[:i+1], replaced), true
		}
		if m.Sector == "legal_tax" {
			m.DocsWay = w.gapSay("fc.docs.way")
		}
		for _, a := range t.Activities {
			if a.Use.Outward {
				// Said to the person who wrote: "für Terminabsprachen und
				// Erinnerungen", not the record's "Kontakt mit Patientinnen
				// und Patienten".
				p := w.say("fc."+a.Use.ID, m.Sector)
				if p == "" {
					p = w.purpose(a)
				}
				m.Purposes = append(m.Purposes, p)
			}
		}
		if len(m.Purposes) > 0 {
			v.Messages = append(v.Messages, m)
		}
	}
	// Who is invited to a video meeting learns there where the notice
	// is – the plan asks for it in the invitation.
	for _, s := range outside {
		if s.Kind == string(catalog.KindVideo) {
			v.Invitations = append(v.Invitations, invitation{Tool: s.Tool, Website: v.Website, Recording: s.Recording,
				Consultation: s.Consultation, Successor: s.Successor, Organisation: report.Escape(w.p.Assessment.Organisation)})
		}
	}
	// Where the plan keeps only an automatic reply running in a channel
	// it ends (a practice's WhatsApp), the reply's text: the plan's words
	// and the way to reach the practice instead.
	for _, t := range w.p.Tools {
		if slices.ContainsFunc(w.p.Actions, func(a *assess.Action) bool {
			return a.Tool == t && a.Open() && slices.Contains(a.Rules, "patients_send_findings")
		}) {
			v.AutoReplies = append(v.AutoReplies, invitation{Tool: w.public(t), Organisation: report.Escape(w.p.Assessment.Organisation),
				Website: w.gapSay("autoreply.contact.gap"), Consultation: has(w.ctx("sector"), "health")})
		}
	}
	w.exec("doc", v)
}

// invitation is the notice's line for the invitation to a video meeting.
type invitation struct {
	Tool, Website, Organisation string
	Recording, Consultation     bool
	Successor                   bool // the tool still to choose: its name is a gap
}

// successorName is the gap that names the successor of the last replaced
// tool in tools, as its notice section does.
func successorName(successors []noticeSection, tools []*assess.Tool, replaced []*assess.Tool) string {
	return successors[slices.Index(replaced, tools[len(tools)-1])].Tool
}

// successorSection is the notice's part for the tool that will replace t
// with the people outside: t's purposes and their legal bases hold, the
// successor's name, provider, recipients and transfers are gaps.
func (w *writer) successorSection(t *assess.Tool) noticeSection {
	// A practice's messenger part names the messenger patients write
	// through; its reminders have a paragraph of their own (below).
	practice := t.Kind == catalog.KindMessenger && has(w.ctx("sector"), "health", "counselling")
	name := ""
	if practice {
		name = w.gapSay("successor.name.messenger.health.notice")
	} else {
		name = w.successorName(t)
	}
	s := noticeSection{Tool: name, Kind: string(t.Kind),
		Vendor: w.gapSay("successor.vendor"), Recipients: w.gapSay("successor.recipients"),
		Transfers: []string{w.gapSay("successor.transfers")}, Successor: true}
	s.Purposes, s.Law, s.Minors, s.consent = w.noticePurposes(t, false)
	s.Deletion = w.noticeDeletion(nil)
	s.Consultation = w.videoConsultation(t, false)
	w.consultationConsent(&s)
	// A practice's messenger gives way to its software's reminders or the
	// TI-Messenger: the reminders by text message or e-mail rest on the
	// patients' consent, and get a paragraph of their own.
	if practice {
		s.Reminders = w.gapSay("reminders.vendor")
		// Art. 13(1)(f) and (2)(a) for the reminders too: how long the
		// sending service keeps them, and whether they leave the EU.
		s.RemindersPeriod = w.gapSay("reminders.period")
		s.RemindersTransfer = w.gapText(w.say("transfer.open.gap", w.say("reminders.service.name")))
		s.consent = true
	}
	return s
}

// purpose says an activity's purpose in the sector's words.
func (w *writer) purpose(a assess.Activity) string {
	words := w.p.Words()
	s := w.say("purpose."+a.Use.ID, map[string]any{
		"Clients": report.Escape(words["clients"].In(w.l)), "Sector": strings.Join(w.ctx("sector"), ""), "SickNotes": false})
	if s == "" {
		s = report.Escape(a.Use.Label.In(w.l))
	}
	return s
}

// consultationConsent: a physician's or psychotherapist's practice asks
// the patients' explicit consent to the video service's processing before
// a video consultation (Annex 31b BMV-Ä, § 4) – the notice says so.
func (w *writer) consultationConsent(s *noticeSection) {
	if s.Consultation && has(w.ctx("sector"), "health") && !has(w.ctx("practice_type"), "dentist", "other") {
		s.ConsultationConsent, s.consent = true, true
	}
}

// videoConsultation: for the people outside, a practice's video tool
// serves consultations – a "Videosprechstunde", not a conference.
func (w *writer) videoConsultation(t *assess.Tool, staff bool) bool {
	return !staff && t.Kind == catalog.KindVideo && has(w.ctx("sector"), "health", "counselling") &&
		slices.ContainsFunc(t.Activities, func(a assess.Activity) bool { return a.Use.ID == "consultations" })
}

// section is the notice's part on tool t: for the people outside, or
// (staff) for those inside.
func (w *writer) section(t *assess.Tool, staff bool) noticeSection {
	s := noticeSection{Tool: w.public(t), Kind: string(t.Kind), Vendor: w.vendor(t), Staff: staff,
		Agreement: has(w.ctx("works_council"), "yes") && (has(w.ctx("works_agreement"), "agreement") || has(w.ctx("works_agreement"), "agreement_ai"))}
	if t.Catalog != nil && t.Catalog.PrivacyPolicy != "" {
		if src := w.p.Catalog.Source(t.Catalog.PrivacyPolicy); src != nil {
			s.Policy = src.URL
		}
	}
	switch {
	case w.factIs(t, "avv", "not_needed"):
		// Run by the organisation itself: no provider to name.
		where := ""
		switch {
		case has(w.tool(t, "server_site"), "rented"):
			where = w.say("selfrun.host")
		case has(w.tool(t, "operating_model"), "provider_hosted"):
			where = w.say("selfrun.it")
		}
		s.SelfRun = w.say("selfrun", where)
	case s.Policy == "" && t.Catalog != nil && !t.Catalog.Custom:
		s.Vendor += " – " + w.gapSay("policy.gap")
	}
	s.Purposes, s.Law, s.Minors, s.consent = w.noticePurposes(t, staff)
	s.Consultation = w.videoConsultation(t, staff)
	w.consultationConsent(&s)
	// The team's chat over a video tool that has one (Teams): the staff
	// read about their messages and files, not only about meetings.
	s.TeamChat = staff && t.TeamChat() && slices.ContainsFunc(t.Activities, func(a assess.Activity) bool { return a.Use.ID == "internal" })
	s.Recipients = w.publicRecipient(t)
	s.Transfers, s.transfers = w.publicTransfers(t)
	s.Deletion = w.noticeDeletion(t)
	// AI features the plan keeps locked (until a works agreement covers
	// them) are not in use: the notice says so instead of how they are
	// used.
	ai := t.Kind == catalog.KindNotetaker || has(w.tool(t, "ai_features"), "on", "with_rules")
	s.AIHeld = ai && w.p.AIHeld(t)
	s.AI = ai && !s.AIHeld
	s.Recording = has(w.tool(t, "recording"), "sometimes", "often")
	s.NoRecording = has(w.tool(t, "recording"), "never") && t.Kind == catalog.KindVideo
	s.Association = has(w.ctx("sector"), "association")
	s.PrivateDevices = staff && has(w.tool(t, "devices"), "private", "private_separated")
	if s.Recording || s.AI {
		s.consent = true
		s.RecordingDeletion = w.gapSay("recording.deletion")
		if staff && s.Agreement {
			s.AgreementGap = w.gapSay("agreement.gap")
		}
	}
	return s
}

// successorStaffSection is the employees' part for the tool that will
// replace t: t's purposes inside and their legal bases hold; the
// successor's name, provider, recipients and transfers are gaps; what t's
// answers say of recordings or AI features does not carry over.
func (w *writer) successorStaffSection(t *assess.Tool) noticeSection {
	s := noticeSection{Tool: w.successorName(t), Kind: string(t.Kind), Staff: true, Successor: true,
		Vendor: w.gapSay("successor.vendor"), Recipients: w.gapSay("successor.recipients"),
		Transfers: []string{w.gapSay("successor.transfers")}}
	s.Purposes, s.Law, s.Minors, s.consent = w.noticePurposes(t, true)
	s.Deletion = w.noticeDeletion(nil)
	// The policy lets a messenger run in a work profile on one's own
	// phone: voluntary there.
	s.PrivateDevices = t.Kind == catalog.KindMessenger
	return s
}

// noticePurposes are tool t's purposes with their legal bases, for the
// people outside (or, staff, inside), and the retention law they name.
func (w *writer) noticePurposes(t *assess.Tool, staff bool) (purposes, law []string, minors string, consent bool) {
	// The bases for business contact persons and for minors hold for
	// every purpose alike: said once, after the purposes.
	var businesses, children bool
	for _, a := range t.Activities {
		if a.Use.Outward == staff {
			if staff && slices.Contains(a.Subjects, "staff") && t.Lead == nil { // not a use the plan moves elsewhere
				// Staff seen on video with clients: the record counts
				// them, and so does their section – on their contract.
				purposes = append(purposes, w.say("purpose.basis", map[string]string{"Purpose": w.purpose(a),
					"Basis": w.say("basis.staff.outward", report.Escape(w.p.Words()["team"].In(w.l)))}))
			}
			continue
		}
		basis := a.Basis
		if staff && a.StaffBasis.DE != "" {
			// The staff's section gives their basis, not that of the
			// people outside who join the same meetings.
			basis = a.StaffBasis
		}
		line := report.Escape(basis.In(w.l))
		businesses = businesses || !staff && w.businessContacts(a)
		if w.childrenMessaged(t, a) {
			children, consent = true, true
		}
		if sp := a.Special.In(w.l); sp != "" {
			line += "; " + report.Escape(sp)
		}
		purposes = append(purposes, w.say("purpose.basis", map[string]string{"Purpose": w.purpose(a), "Basis": line}))
		if r := a.Retention.In(w.l); r != "" {
			if l := w.say("storage.law", report.Escape(r)); !slices.Contains(law, l) {
				law = append(law, l)
			}
		}
	}
	if businesses {
		purposes = append(purposes, w.say("basis.businesses"))
	}
	if children {
		// A point of its own, not a tail of the last purpose.
		minors = w.say("minors", w.childrenData())
	}
	if len(t.Activities) == 0 {
		purposes = []string{w.gap(w.q("used_for"))}
	}
	if !staff && has(w.tool(t, "marketing_here"), "yes") {
		purposes = append(purposes, w.say("purpose.marketing"))
		consent = true
	}
	return purposes, law, minors, consent
}

// attach continues a sentence with phrase s: directly where s begins
// with punctuation (", sobald …"), else after a space (" once …").
func attach(s string) string {
	if s == "" || strings.ContainsRune(",;:.", rune(s[0])) {
		return s
	}
	return " " + s
}

// noticeDeletion says when tool t's data are deleted (t nil: a successor
// not yet chosen, of which no setting is known).
func (w *writer) noticeDeletion(t *assess.Tool) string {
	var auto, manual bool
	if t != nil {
		ad := w.tool(t, "auto_delete")
		auto, manual = has(ad, "yes"), has(ad, "no")
	}
	period := func() string { return w.gapText(w.say("period.gap", w.name(t))) } // the record's gap for the tool
	var d string
	switch v := w.ctx("deletion_periods"); {
	case has(v, "yes"):
		d = attach(w.say("deletion.periods"))
		switch {
		case auto:
			// Art. 13(2)(a) asks for the period, which the answers do not hold.
			d += " " + w.say("deletion.auto", map[string]string{"Tool": w.public(t), "Kind": string(t.Kind), "Period": period()})
		case manual:
			d += " " + w.say("deletion.manual", map[string]string{"Tool": w.public(t), "Kind": string(t.Kind), "Period": period()})
		}
	case auto:
		// The tool's own period is the one to give, as the record has it.
		d = attach(w.say("deletion.auto.only", map[string]string{"Tool": w.public(t), "Period": period()}))
	case manual:
		d = attach(w.say("deletion.after", period()))
	case has(v, "no"):
		d = attach(w.say("deletion.after", w.gapSay("erasure.set")))
	default:
		d = attach(w.say("deletion.open", w.gapSay("erasure.set")))
	}
	if t != nil && w.factIs(t, "avv", "not_needed") {
		// A server of one's own logs who connected (IP addresses).
		d += " " + w.say("deletion.logs", w.gapText(w.say("logs.gap", w.name(t))))
	}
	return d
}

// publicRecipient names the provider and its role, as the notice may say
// it: a processor where the agreement is signed, else the provider.
func (w *writer) publicRecipient(t *assess.Tool) string {
	if w.factIs(t, "avv", "not_needed") {
		r := w.recordRecipients(t)
		return strings.Join(r, "; ")
	}
	if has(w.tool(t, "dpa_signed"), "signed") {
		// "Only on our instructions" holds only where the provider's own
		// purposes are excluded; otherwise the notice says what it does
		// on its own account.
		if own := w.tool(t, "own_purposes"); has(own, "reserved") || len(own) == 0 && w.factIs(t, "own_purposes", "reserved") {
			return w.say("rcpt.public.own", w.vendor(t))
		} else if !has(own, "excluded") && !(len(own) == 0 && w.factIs(t, "own_purposes", "excluded")) {
			return w.say("rcpt.public.provider", w.vendor(t)) + " – " + w.gapSay("rcpt.public.own.gap")
		}
		return w.say("rcpt.public", w.vendor(t))
	}
	return w.say("rcpt.public.provider", w.vendor(t))
}

// publicTransfers say where the tool's data go outside the EU/EEA, as the
// notice may say it: only a safeguard that holds; a DPF certification the
// catalogue names but nobody checked stays a gap. It reports whether
// data go to a third country on guarantees of Art. 46 GDPR, of which the
// notice offers a copy.
func (w *writer) publicTransfers(t *assess.Tool) ([]string, bool) {
	tr := t.Transfer
	where, sub, others, instead := w.destinations(t)
	if instead != "" {
		return []string{instead}, false
	}
	var basis string
	switch {
	case tr.Safeguard == "dpf" && !tr.FromCatalog:
		basis = w.say("safeguard.dpf") + w.say("transfer.dpf.certified")
	case tr.Safeguard == "scc":
		basis = w.say("safeguard.scc")
	case tr.Safeguard == "bcr":
		basis = w.say("safeguard.bcr")
	case tr.Via != nil:
		// said below, once the destinations are known
	default:
		basis = w.gap(w.q("transfer_basis"))
	}
	var out []string
	if len(where) == 0 && sub && tr.Safeguard != catalog.Unknown && tr.Safeguard != "none" && !tr.FromCatalog {
		// Only the provider's sub-processors are abroad, on a safeguard
		// the answers name; the DPF covers those in the USA alone.
		where = []string{w.say("where.subprocessors")}
		if sub = tr.Safeguard == "dpf"; sub {
			where = []string{w.say("where.sub.usa")}
		}
	}
	switch {
	case len(where) > 0 && tr.Via != nil:
		// A transfer the plan ends (a server's default STUN service): the
		// published text says none – once it is ended, which the gap asks.
		out = append(out, w.gapText(w.say("transfer.stop.notice", strings.Join(where, ", "))))
	case len(where) > 0:
		out = append(out, strings.Join(where, ", ")+" – "+basis)
	}
	if others {
		out = append(out, w.gapSay("transfer.others.gap.notice"))
	}
	if sub {
		out = append(out, w.gapSay("transfer.sub.gap"))
	}
	// A copy of the safeguards is offered for the guarantees of Art. 46
	// (Art. 13(1)(f)) that exist: not for an adequacy decision such as the
	// DPF, nor for a transfer whose safeguard is still to find (a server's
	// default STUN service, support from elsewhere).
	art46 := tr.Safeguard == "scc" || tr.Safeguard == "bcr"
	return out, len(out) > 0 && tr.Via == nil && (art46 || sub && tr.Safeguard != "none" && tr.Safeguard != catalog.Unknown)
}
