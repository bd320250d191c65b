package draft

import (
	"slices"
	"strings"

	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/report"
)

// policyRow is a tool the policy allows.
type policyRow struct{ Tool, For, Account string }

// goneRow is a tool the policy no longer allows.
type goneRow struct {
	Tool, From, Clients string
	All                 bool
	// Until is what still holds while the tool is wound down: the duties
	// that follow the people and name the tool (findings patients keep
	// sending until the account is deleted).
	Until []string
	// AI: not the tool but its AI features are stopped now, until a works
	// agreement covers them.
	AI bool
	// Paused: stopped until the management approves it again, not
	// replaced – no successor, no channel meanwhile.
	Paused bool
}

// policy writes the internal usage policy for staff. It follows the plan:
// a tool the plan stops is not allowed from the day the policy applies or
// the plan says; one it replaces for the people outside stays only for
// what is left inside; what the plan asks for is the rule; what the
// answers do not need (recording rules when nothing is recorded) is left
// out.
func (w *writer) policy() {
	clients := report.Escape(w.p.Words()["clients"].In(w.l))
	v := struct {
		Organisation, From, WorksCouncil, AllowedGap string
		InstructionDate, AllowedUses, AllowedAccount string
		Association, Recorded, GoneNow, AIHeld       bool
		AILocked                                     bool // AI features the plan locks and releases only under rules
		Council                                      bool // a works council: a release needs its consent (§ 87(1) no. 6 BetrVG)
		SecrecyBound                                 bool // § 203 StGB: the acknowledgement names it
		ChildSick, SickNotes                         bool
		SickTo                                       string // to whom staff report sick (a gap), where they do through a tool
		Allowed                                      []policyRow
		Gone                                         []goneRow
		Sensitive                                    []string
		SensitiveGap, Secrecy, Taboo, RecordGap      string
		RecordPlace                                  string
		SensitiveCheck                               string // the plan asks to check "no sensitive data" (tax, law)
		Interim                                      string
		Profession                                   string
		Rules, Keep                                  []string
		RuleGroups                                   []ruleGroup
		Erasure, Contact                             string
	}{Organisation: report.Escape(w.p.Assessment.Organisation), Association: has(w.ctx("sector"), "association"),
		SecrecyBound: has(w.ctx("secrecy_203"), "yes"), Council: has(w.ctx("works_council"), "yes")}
	v.From = w.gapSay("from.gap")
	switch c := w.ctx("works_council"); {
	case has(c, "yes") && has(w.ctx("works_agreement"), "agreement", "agreement_ai"):
		// A works agreement exists: the policy adds to it.
		v.WorksCouncil = w.say("council.agreement", slices.ContainsFunc(w.p.Tools, func(t *assess.Tool) bool { return !t.Gone() && w.p.AIHeld(t) }))
	case has(c, "yes"):
		// Handed to the staff: a statement with the day to enter, not an
		// instruction to the management.
		v.WorksCouncil = w.say("council.yes", w.gapSay("council.date"))
	case len(c) == 0 && w.shown(nil, "works_council"):
		v.WorksCouncil = w.gap(w.q("works_council"))
	}
	var gone, paused []*assess.Tool
	for _, t := range w.p.Tools {
		purposes := w.usesOf(t)
		if t.Lead != nil {
			if t.Lead.Pause {
				paused = append(paused, t)
			} else {
				gone = append(gone, t)
			}
			// Due at once: the ban is an instruction now – it does not
			// wait for the policy (nor for the works council's consent to
			// it), and it is not dated before the policy is handed out.
			from := w.date(t.Lead.Due)
			if !t.Lead.Due.After(w.p.Assessment.Date.Time) {
				from = w.say("from.now")
				v.GoneNow = true
			}
			v.Gone = append(v.Gone, goneRow{Tool: w.name(t), From: from, Clients: clients, All: t.Gone(), Until: w.windDown(t), Paused: t.Lead.Pause})
			inside := w.insideUses(t)
			if t.ReplaceAll() || len(inside) == 0 {
				continue
			}
			purposes = w.say("inside.only", map[string]string{"Uses": strings.Join(w.usePhrases(inside), "; "), "Clients": clients, "Sector": strings.Join(w.ctx("sector"), "")})
		}
		account := w.accountDevice(t)
		// A processor without the agreement the plan asks for at once is
		// allowed only once it is signed (one due later is not a ban).
		if slices.ContainsFunc(w.p.Actions, func(a *assess.Action) bool {
			return a.Tool == t && a.Topic.ID == "dpa-contract" && a.Open() && a.Priority == catalog.Critical
		}) {
			account += "; " + w.say("dpa.first")
		}
		v.Allowed = append(v.Allowed, policyRow{w.name(t), purposes, account})
	}
	switch {
	case len(v.Allowed) > 0:
	case len(gone) == 1:
		// The one successor, in the words record and notice use for it,
		// for the purposes it takes over and on the accounts the rules
		// below ask for.
		v.AllowedGap = w.successorName(gone[0])
		v.AllowedUses = w.usesOf(gone[0])
		v.AllowedAccount = w.say("successor.account." + string(gone[0].Kind))
	default:
		v.AllowedGap = w.gapSay("allowed.gap")
	}
	// AI features the plan locks are stopped at once, as the management's
	// instruction – not from the day the policy (and the works council's
	// consent to it) takes effect.
	for _, t := range w.p.Tools {
		if !t.Gone() && w.p.AIHeld(t) {
			v.Gone = append(v.Gone, goneRow{Tool: w.name(t), From: w.say("from.now"), AI: true})
			v.GoneNow = true
		}
	}
	if len(gone) > 0 {
		// Which the policy bans outright and which it keeps for the team:
		// said per tool, as section 1 has it.
		var all, inside []*assess.Tool
		for _, t := range gone {
			if t.Gone() {
				all = append(all, t)
			} else {
				inside = append(inside, t)
			}
		}
		w.notes = append(w.notes, w.say("left.out", map[string]any{"Names": w.names(gone), "All": w.names(all), "Inside": w.names(inside)}))
	}
	if len(paused) > 0 {
		w.notes = append(w.notes, w.say("left.out.paused", map[string]any{"Names": w.names(paused), "One": len(paused) == 1}))
	}
	for _, t := range w.p.Tools {
		if t.Lead == nil && has(w.tool(t, "special_categories"), "yes") && !slices.ContainsFunc(w.p.Actions, func(a *assess.Action) bool {
			return a.Tool == t && a.Topic.ID == "special-categories" && a.Open()
		}) {
			v.Sensitive = append(v.Sensitive, w.name(t))
		}
	}
	if len(v.Sensitive) == 0 {
		v.SensitiveGap = w.gapText(w.say("sensitive.gap", strings.Join(w.ctx("sector"), "")))
	}
	// A tax or law firm answered "no sensitive data" for a tool it advises
	// through: the plan asks to check the answer, and until then the
	// policy does not pretend a consultation can keep them out.
	var checked []*assess.Tool
	for _, a := range w.p.Actions {
		if a.Tool != nil && a.Open() && slices.Contains(a.Rules, "legal_tax_special_categories_no") && !slices.Contains(checked, a.Tool) {
			checked = append(checked, a.Tool)
		}
	}
	if len(checked) > 0 {
		v.SensitiveCheck = w.say("sensitive.check", map[string]string{"Tools": w.names(checked), "Gap": w.gapSay("sensitive.check.gap"), "Profession": strings.Join(w.ctx("profession"), "")})
	}
	// A tool stopped now leaves its people without a channel until the
	// successor is chosen: the policy names the one to use meanwhile.
	if v.GoneNow {
		// The day of the instruction: the record's gap, in its words.
		v.InstructionDate = w.gapSay("instruction.date")
		// The plan's channel meanwhile, where its actions name one for
		// every tool stopped now; else a gap with the sector's example.
		var ways []string
		stoppedNow := 0
		for _, t := range gone {
			if t.Lead.Due.After(w.p.Assessment.Date.Time) {
				continue
			}
			stoppedNow++
			if x := report.Escape(t.Lead.Interim.In(w.l)); x == "" {
				ways = nil
				break
			} else if !slices.Contains(ways, x) {
				ways = append(ways, x)
			}
		}
		switch {
		case stoppedNow == 0:
			// Only paused tools or AI features stop now: their people keep
			// the other tools, no channel meanwhile to name.
		case len(ways) > 0:
			v.Interim = strings.Join(ways, "; ")
		default:
			v.Interim = w.gapText(w.say("interim.gap", map[string]string{"Clients": clients, "Sector": strings.Join(w.ctx("sector"), "")}))
		}
	}
	switch {
	case has(w.ctx("secrecy_203"), "yes") && has(w.ctx("sector"), "legal_tax"):
		v.Secrecy, v.Profession = "tax", w.profession()
	case has(w.ctx("secrecy_203"), "yes"):
		v.Secrecy = "other"
	}
	if has(w.ctx("taboo_topics"), "yes") {
		v.Taboo = w.say("taboo.set", w.gapSay("taboo.set.gap"))
	} else {
		// Not set, or open whether they are: a list to fill, not a yes
		// or no in a text the staff read.
		v.Taboo = w.say("taboo.decide", w.gapSay("taboo.decide.gap"))
	}
	for _, t := range w.p.Tools {
		for _, s := range w.settings(t) {
			v.Rules = append(v.Rules, w.name(t)+": "+s)
		}
	}
	// What the plan asks for becomes the rule: the target, not today's
	// state. Actions that only matter while a replaced tool is kept are
	// not rules; duties that follow the people are.
	var seen []string
	for _, a := range w.p.Actions {
		text := a.Policy.In(w.l)
		if a.HoldsAI() {
			continue // among what is stopped at once (above)
		}
		if a.Tool != nil && a.Tool.Gone() {
			// Only a duty that follows the people stays, and one that
			// names the tool belongs to winding it down (see windDown).
			text = a.PeoplePolicy.In(w.l)
			if strings.Contains(text, a.Tool.Name.In(w.l)) {
				continue
			}
		}
		if !a.Open() || text == "" || slices.Contains(seen, text) {
			continue
		}
		// "No health data through it" where section 2 keeps them out of
		// every tool already: said once.
		if len(v.Sensitive) == 0 && slices.Equal(a.Rules, []string{"special_categories_unprotected"}) {
			continue
		}
		seen = append(seen, text)
		// A recording rule of a tool whose AI features the plan locks:
		// transcripts by AI stay locked whatever the participants agree.
		if a.Tool != nil && a.Topic.ID == "recording-rules" && w.p.AIHeld(a.Tool) {
			text = w.say("rule.ai.held", text)
		}
		if a.Tool == nil || a.Tool.Gone() || strings.Contains(text, a.Tool.Name.In(w.l)) {
			v.Rules = append(v.Rules, report.Escape(text))
		} else {
			v.Rules = append(v.Rules, w.name(a.Tool)+": "+report.Escape(text))
		}
	}
	// A server of one's own: who administers it is the client's to name.
	for _, t := range w.p.Tools {
		if w.factIs(t, "avv", "not_needed") && !t.Gone() {
			v.Rules = append(v.Rules, w.name(t)+": "+w.say("admin.named", w.gapSay("admin.gap")))
		}
	}
	// The tool that replaces one the plan ends starts with the rules the
	// old one lacked (a practice's successor is its own kind of service:
	// practice software, the TI-Messenger).
	if !has(w.ctx("sector"), "health", "counselling") {
		for _, t := range w.p.Tools {
			if t.Lead == nil || t.Lead.Pause || !t.Gone() {
				continue
			}
			if k := string(t.Kind); k == string(catalog.KindMessenger) || k == string(catalog.KindVideo) {
				v.Rules = append(v.Rules, w.say("successor.rules."+k, w.name(t)))
			}
		}
	}
	if len(v.Rules) == 0 {
		v.Rules = []string{w.gapSay("rules.gap")}
	}
	v.RuleGroups = w.groupRules(v.Rules)
	// Where the plan locks the AI features of every tool that has them,
	// recordings are the only thing the recording rules allow.
	ai, held := 0, 0
	var places []string
	for _, t := range w.p.Tools {
		if (t.Kind == catalog.KindNotetaker || t.Kind == catalog.KindVideo && !has(w.tool(t, "recording"), "never")) && !t.Gone() {
			v.Recorded = true
			if t.Kind == catalog.KindVideo {
				// Where recordings lie is what the notice tells the
				// participants: with the provider, or on the own server.
				places = append(places, w.say("recording.place.tool", map[string]any{"Tool": w.name(t), "Own": w.factIs(t, "avv", "not_needed")}))
			}
		}
		if (t.Kind == catalog.KindNotetaker || has(w.tool(t, "ai_features"), "on", "with_rules")) && !t.Gone() {
			ai++
			if w.p.AIHeld(t) {
				held++
			}
		}
	}
	v.AIHeld = held > 0 && held == ai
	v.AILocked = slices.ContainsFunc(w.p.Actions, func(a *assess.Action) bool {
		return a.Open() && slices.Contains(a.Rules, "ai_without_rules")
	})
	if v.Recorded {
		// Where recordings lie is what the notice tells the participants:
		// with the tool's provider (or on the own server), never on a
		// private device.
		v.RecordPlace, v.RecordGap = w.say("recording.place.rule", strings.Join(places, "; ")), w.gapSay("recording.deletion")
	}
	// What the law keeps goes into the file – from a tool the plan stops
	// too, before its chats are deleted; the answers' current state is
	// not a rule.
	var keep []string
	for _, t := range w.p.Tools {
		for _, a := range t.Activities {
			if r := report.Escape(a.Retention.In(w.l)); r != "" && !slices.Contains(keep, r) {
				keep = append(keep, r)
			}
		}
	}
	switch {
	case len(keep) > 0:
		v.Keep = append(v.Keep, w.say("keep.law", strings.Join(keep, "; ")))
	case has(w.ctx("archiving"), "not_needed"):
		v.Keep = append(v.Keep, w.say("keep.none", strings.Join(w.ctx("sector"), "")))
	case w.shown(nil, "archiving") && len(w.ctx("archiving")) == 0:
		v.Keep = append(v.Keep, w.gap(w.q("archiving")))
	}
	for _, t := range w.p.Tools {
		if has(w.tool(t, "handover"), "yes") && !t.Gone() {
			v.Keep = append(v.Keep, w.say("keep.handover", w.name(t)))
		}
	}
	// Each tool's period is the record's gap, in the same words.
	var periods []string
	for _, t := range w.p.Tools {
		if !t.Gone() && has(w.tool(t, "auto_delete"), "yes", "no") {
			periods = append(periods, w.say("erasure.tool", map[string]string{"Tool": w.name(t), "Gap": w.gapText(w.say("period.gap", w.name(t)))}))
		}
	}
	switch d := w.ctx("deletion_periods"); {
	case len(periods) > 0:
		v.Erasure = w.say("erasure.yes", strings.Join(periods, "; "))
	case has(d, "yes"):
		// The periods exist; the policy says which one the tools keep.
		v.Erasure = w.say("erasure.yes", w.gapSay("erasure.chats.gap"))
	case has(d, "no"):
		v.Erasure = w.gapSay("erasure.set") // the same words as record and notice
	default:
		v.Erasure = w.gapSay("erasure.set")
	}
	// Staff report sick through the tools, or nobody knows yet – not
	// a club whose answers say no sick notes come in (volunteers have no
	// sick pay to claim).
	v.SickNotes = !v.Association
	for _, t := range w.p.Tools {
		if has(w.tool(t, "sick_notes"), "yes", catalog.Unknown) {
			v.SickNotes = true
		}
		// Where sick reports come in through a tool, the staff need to
		// know to whom they go.
		if has(w.tool(t, "sick_notes"), "yes") && v.SickTo == "" {
			v.SickTo = w.gapSay("sick.to.gap")
		}
	}
	// Parents who report a child sick to a club or school tend to say
	// why: the policy asks for the absence only.
	v.ChildSick = has(w.ctx("partner_groups"), "children") && len(v.Allowed) > 0
	v.Contact = w.text("privacy_contact")
	w.exec("doc", v)
}

// windDown are the rules that hold for a tool the plan stops until its
// account is gone: the duties that follow the people and name the tool.
func (w *writer) windDown(t *assess.Tool) []string {
	if !t.Gone() {
		return nil
	}
	var out []string
	for _, a := range w.p.Actions {
		text := a.PeoplePolicy.In(w.l)
		if a.Tool == t && a.Open() && text != "" && strings.Contains(text, t.Name.In(w.l)) && !slices.Contains(out, text) {
			out = append(out, report.Escape(text))
		}
	}
	return out
}

// usesOf says what the tool is used for, in the sector's words (the
// record's purposes), or a gap.
func (w *writer) usesOf(t *assess.Tool) string {
	v := w.tool(t, "used_for")
	if len(v) == 0 {
		return w.gap(w.q("used_for"))
	}
	return strings.Join(w.usePhrases(teamAsMeetings(t, v)), "; ")
}

// teamAsMeetings drops the team's coordination where the record counts it
// as the video tool's meetings – unless the tool has a team chat of its
// own (Teams).
func teamAsMeetings(t *assess.Tool, uses []string) []string {
	if t.Kind == catalog.KindVideo && !t.TeamChat() && slices.Contains(uses, "meetings") {
		return slices.DeleteFunc(slices.Clone(uses), func(id string) bool { return id == "internal" })
	}
	return uses
}

// usePhrases name uses as the record's purposes do ("Kontakt mit
// Mitgliedern" for a club), falling back to the question's labels.
func (w *writer) usePhrases(ids []string) []string {
	var out []string
	for _, id := range ids {
		s := w.say("purpose."+id, map[string]any{
			"Clients": report.Escape(w.p.Words()["clients"].In(w.l)), "Sector": strings.Join(w.ctx("sector"), ""), "SickNotes": false})
		if s == "" {
			s = strings.Join(w.labels("used_for", []string{id}), "")
		}
		out = append(out, s)
	}
	return out
}

// insideUses are the tool's uses that stay inside the organisation.
func (w *writer) insideUses(t *assess.Tool) []string {
	var out []string
	q := w.q("used_for")
	for _, v := range w.tool(t, "used_for") {
		if o, ok := q.Option(v); ok && !o.Outward && v != catalog.Unknown {
			out = append(out, v)
		}
	}
	return teamAsMeetings(t, out)
}

// date is a day as the plan writes it.
func (w *writer) date(d catalog.Date) string {
	// One format in a plan and its drafts, in either language: YYYY-MM-DD,
	// which DIN 5008 allows in German documents too.
	return d.String()
}

// accountDevice says on which accounts and devices the tool is allowed:
// the target the plan sets, where today's answer is not it.
func (w *writer) accountDevice(t *assess.Tool) string {
	var out []string
	switch v := w.tool(t, "account"); {
	case has(v, "private", "mixed"):
		out = append(out, w.say("account.organisation", strings.Join(w.ctx("sector"), "")))
	case len(v) > 0:
		out = append(out, strings.Join(w.labels("account", v), ", "))
	default:
		out = append(out, w.gap(w.q("account")))
	}
	if v := w.tool(t, "devices"); has(v, "private") {
		out = append(out, w.say("device.separated", strings.Join(w.ctx("sector"), "")))
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
	add := func(cond bool, name string, data ...any) {
		if cond {
			out = append(out, w.say("set."+name, data...))
		}
	}
	add(has(w.tool(t, "recording"), "never"), "no_recording")
	add(has(w.tool(t, "screen_sharing"), "host_only"), "screen")
	add(has(w.tool(t, "backups"), "off"), "backups_off")
	add(has(w.tool(t, "backups"), "encrypted"), "backups_encrypted")
	add(has(w.tool(t, "app_lock"), "yes"), "app_lock")
	add(has(w.tool(t, "address_book"), "blocked", "business_only"), "address_book")
	add(has(w.tool(t, "e2e_use"), "always"), "e2e")
	add(has(w.tool(t, "auto_delete"), "yes"), "auto_delete")
	// An assistant built in for good cannot be switched off: the plan's
	// rule for it (ai_built_in) is the policy's line.
	add(has(w.tool(t, "ai_features"), "off") && !w.factIs(t, "ai", "not_removable"), "ai_off")
	if mp := w.tool(t, "meeting_protection"); has(mp, "password_and_lobby", "password", "lobby") {
		add(true, "meetings", strings.Join(w.labels("meeting_protection", mp), ", "))
	}
	return out
}

// ruleGroup is one tool's rules in the policy's section 3 (Tool empty:
// rules for all tools, each a point of its own).
type ruleGroup struct {
	Tool  string
	Items []string
}

// groupRules puts each tool's rules under its name, in the order the
// tools first appear: "Name: rule" loses its prefix, a rule that names a
// tool the organisation keeps in its text goes with that tool.
func (w *writer) groupRules(rules []string) []ruleGroup {
	var groups []ruleGroup
	at := map[string]int{}
	for _, r := range rules {
		tool, item := "", r
		for _, t := range w.p.Tools {
			name := w.name(t)
			if rest, ok := strings.CutPrefix(r, name+": "); ok {
				tool, item = name, rest
				break
			}
			// A rule about a tool's successor is not the old tool's.
			if tool == "" && !t.Gone() && strings.Contains(r, name) {
				tool = name
			}
		}
		if tool == "" {
			groups = append(groups, ruleGroup{Items: []string{item}})
			continue
		}
		if i, ok := at[tool]; ok {
			groups[i].Items = append(groups[i].Items, item)
			continue
		}
		at[tool] = len(groups)
		groups = append(groups, ruleGroup{Tool: tool, Items: []string{item}})
	}
	return groups
}
