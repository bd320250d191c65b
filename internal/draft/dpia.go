package draft

import (
	"fmt"
	"slices"
	"strings"

	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/report"
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
	ID     string // art35-3a … wp248-9, dsk-1, dsk-6, dsk-rest
	Title  string
	Judged Judgement
	Reason string
	// In are the processing activities (VT-01 …) that meet the criterion,
	// where some do and others do not; empty where it holds for all.
	In []string
}

// DPIAResult is the threshold check's result: required, not required or to
// clarify, with the criteria it rests on and the result per processing
// activity.
type DPIAResult struct {
	Criteria   []Criterion
	Result     Judgement // Met: a DPIA is required
	Activities []ActivityResult
	// Release is the AI features the plan holds back (locked for the
	// works council, a note-taker suspended): the check before they run.
	Release *ActivityResult
	// Recital91: a practice or firm whose only criteria are its
	// patients' or clients' sensitive data: "solo" – a single professional,
	// not mandatory (recital 91 sentence 4 GDPR); "small" – 2 to 19 people,
	// where the answers do not tell a single professional's practice from
	// a group practice, so it is to clarify; "weigh" – two criteria that
	// both come only from staff reporting sick, which the controller may
	// weigh and document (WP 248 rev.01, III.B.a).
	Recital91 string
	// BarredOpen are the tools the plan keeps sensitive data out of where
	// the answers leave open whether such data went through them so far:
	// the result holds as long as the plan's rule does.
	BarredOpen []string
}

// ActivityResult is the check's result for one processing activity, as the
// record numbers it.
type ActivityResult struct {
	ID, Purpose, Tools string
	Met, Open          []string // the WP 248 criteria's numbers
	Result             Judgement
	Recital91          string // as DPIAResult.Recital91
	Replaced           string // the tools the plan replaces: the check is for their successor
	// Release marks the row of AI features the plan holds back: checked as
	// they would run once released, not counted in today's result.
	Release bool
	metIDs  []string // the criteria met, by ID
}

// counted are the criteria whose count decides (WP 248: two or more).
func counted(id string) bool { return strings.HasPrefix(id, "wp248") }

// ThresholdCheck judges the criteria of Art. 35(1) and (3) GDPR, the
// European authorities' criteria (WP 248 rev.01, endorsed by the EDPB) and
// what konform can judge of the German authorities' list (Art. 35(4)) from
// the answers: an Art. 35(3) case, a listed case, or two or more criteria
// mean a DPIA is required; where unknown answers could reach that, it is
// to clarify.
func ThresholdCheck(p *assess.Plan, l string) DPIAResult {
	w := &writer{p: p, l: langOf(l)}
	ts, err := DefaultTemplates()
	if err != nil {
		panic(err)
	}
	w.bind(ts.set(DPIACheck, w.l))
	return w.threshold()
}

// criteria are the judged facts the threshold check rests on, for the
// whole organisation or for one processing activity.
type criteria struct {
	monitoring, monUnknown  bool
	notetakerAll            []string // note-takers that join every meeting
	stoppedAll              []string // … of them, suspended by the plan until approved
	special, specialUnknown bool
	sickNotes, sickUnknown  bool
	secrecy, health         bool
	large, largeUnknown     bool
	ai, aiUnknown           []string // tools with AI features on; unknown
	aiHeld                  []string // tools whose AI features the plan keeps locked
	aiStopped               []string // note-takers the plan suspends until approved
	aiLocked                []string // AI features the plan locks and releases only under set rules
	aiBuiltIn               []string // a built-in AI (Meta AI) the policy keeps out of business chats
	aiUnused                []string // a built-in AI nobody uses and no measure is about
	lockDue                 string   // the day the plan's central lock of unknown AI features is due
	successor               bool     // an activity moves to a tool still to choose: its AI is checked then
	barred                  []string // tools the plan keeps sensitive data out of
	barredOpen              []string // of them, those whose answers leave open whether such data went through them
	combined, combinedUnk   bool
	patients, children      bool
	staff                   []string // tools people work together through
	vulnUnknown             bool
	single, solo            bool // a practice or firm of 2–19 people; of one
}

// judge collects the criteria for the uses given (all of them for the
// organisation).
func (w *writer) judge(uses []use) criteria {
	var c criteria
	ctxHas := func(id string, values ...string) (bool, bool) {
		v := w.ctx(id)
		return has(v, values...), len(v) == 0
	}
	c.monitoring, c.monUnknown = ctxHas("monitoring", "yes")
	c.large, c.largeUnknown = ctxHas("staff", "large")
	c.secrecy, _ = ctxHas("secrecy_203", "yes")
	// Secrets count where a use may carry them: not where the plan keeps
	// them out of what a tool keeps doing.
	c.secrecy = c.secrecy && (len(uses) == 0 || slices.ContainsFunc(uses, func(u use) bool { return !w.secretsOut(u) }))
	c.health, _ = ctxHas("sector", "health", "counselling")
	solo, _ := ctxHas("staff", "solo")
	c.single = has(w.ctx("sector"), "health", "counselling", "legal_tax") && has(w.ctx("staff"), "solo", "small")
	c.solo = c.single && solo
	// Children count where the activity reaches them (all activities:
	// where the organisation's partners include them).
	c.children, _ = ctxHas("partner_groups", "children")
	if len(uses) > 0 && c.children {
		c.children = slices.ContainsFunc(uses, func(u use) bool { return u.a != nil && slices.Contains(u.a.Subjects, "children") })
	}
	seen := map[*assess.Tool]bool{}
	for _, u := range uses {
		t := u.t
		if u.a != nil {
			for _, s := range u.a.Subjects {
				switch {
				case s == "patients" && c.health:
					c.patients = true
				// Employees depend on their employer (criterion 7); a
				// club's volunteers and members do not.
				case s == "staff" && !solo && !has(w.ctx("sector"), "association") && !slices.Contains(c.staff, w.name(t)):
					c.staff = append(c.staff, w.name(t))
				case s == catalog.Unknown:
					c.vulnUnknown = true
				}
			}
			if u.a.Special.DE != "" && u.a.Use.ID != "staff_matters" {
				c.special = true
			}
		} else {
			c.vulnUnknown = true
		}
		any := func(id string, values ...string) (bool, bool) {
			v := w.tool(t, id)
			return has(v, values...), len(v) == 0 && w.shown(t, id)
		}
		// Sick notes are the personnel matters' activity.
		if m, unk := any("sick_notes", "yes"); m && (u.a == nil || u.a.Use.ID == "staff_matters") {
			c.sickNotes = true
		} else if unk {
			c.sickUnknown = true
		}
		// What the tool keeps doing without health data and secrets (the
		// plan bars them, or keeps sensitive data out of it as the usage
		// policy says) does not count them.
		if m, unk := any("special_categories", "yes"); w.secretsOut(u) || w.sensitiveBarred(u) {
			if !slices.Contains(c.barred, w.name(t)) {
				c.barred = append(c.barred, w.name(t))
				if unk || has(w.tool(t, "special_categories"), catalog.Unknown) {
					// Whether they went through it so far is open: the
					// criterion is to clarify, as the plan assumes they did.
					c.barredOpen = append(c.barredOpen, w.name(t))
					c.specialUnknown = true
				}
			}
		} else if m {
			c.special = true
		} else if unk {
			c.specialUnknown = true
		}
		// The check of an activity the plan moves to another tool is the
		// successor's: what the old tool does (its address-book upload,
		// its AI features) is not carried over.
		if w.forSuccessor(u) {
			c.successor = true
		}
		if seen[t] || w.forSuccessor(u) {
			continue
		}
		seen[t] = true
		// AI features the plan locks until a works agreement covers them
		// are not in use: the impact assessment is due before they are
		// switched on (the plan's action), not for today's processing.
		if m, unk := any("ai_features", "on", "with_rules"); (m || t.Kind == catalog.KindNotetaker) && w.p.AIHeld(t) {
			c.aiHeld = append(c.aiHeld, w.name(t))
		} else if t.Kind == catalog.KindNotetaker && t.Gone() {
			// Suspended until approved: the assessment is due before it
			// runs again, not for today's processing.
			c.aiStopped = append(c.aiStopped, w.name(t))
		} else if m || t.Kind == catalog.KindNotetaker {
			c.ai = append(c.ai, w.name(t))
		} else if unk && slices.ContainsFunc(w.p.Actions, func(a *assess.Action) bool {
			return a.Tool == t && a.Open() && slices.Contains(a.Rules, "ai_without_rules")
		}) {
			// Unknown whether they run; the plan locks them centrally and
			// releases them only under set rules: checked before release,
			// like those held back – and until the lock, maybe running.
			c.aiLocked = append(c.aiLocked, w.name(t))
			for _, a := range w.p.Actions {
				if a.Tool == t && a.Open() && slices.Contains(a.Rules, "ai_without_rules") && w.date(a.Due) > c.lockDue {
					c.lockDue = w.date(a.Due)
				}
			}
		} else if unk {
			c.aiUnknown = append(c.aiUnknown, w.name(t))
		}
		if w.factIs(t, "ai", "not_removable") && slices.ContainsFunc(w.p.Actions, func(a *assess.Action) bool {
			return a.Tool == t && a.Pending() && slices.Contains(a.Rules, "ai_built_in")
		}) {
			c.aiBuiltIn = append(c.aiBuiltIn, w.name(t))
		} else if w.factIs(t, "ai", "not_removable") {
			c.aiUnused = append(c.aiUnused, w.name(t))
		}
		if m, unk := any("address_book", "full"); m {
			c.combined = true
		} else if unk {
			c.combinedUnk = true
		}
		if has(w.tool(t, "bot_joins"), "all_calendar") {
			if t.Kind == catalog.KindNotetaker && t.Gone() {
				c.stoppedAll = append(c.stoppedAll, w.name(t))
			} else {
				c.notetakerAll = append(c.notetakerAll, w.name(t))
			}
		}
	}
	return c
}

// verdicts judges each criterion from the collected facts.
func (w *writer) verdicts(c criteria, orgWide bool) []Criterion {
	judge := func(met, unknown bool) Judgement {
		switch {
		case met:
			return Met
		case unknown:
			return ToClarify
		}
		return NotMet
	}
	var cs []Criterion
	add := func(id string, j Judgement, data any) {
		reason := map[Judgement]string{Met: ".met", NotMet: ".not", ToClarify: ".open"}[j]
		cs = append(cs, Criterion{ID: id, Title: w.say("crit." + id), Judged: j, Reason: w.say("crit."+id+reason, data)})
	}
	add("art35-3a", judge(c.monitoring, c.monUnknown), nil)
	jb := NotMet
	switch {
	case c.special && c.large:
		jb = Met
	case c.special && c.largeUnknown, c.specialUnknown && (c.large || c.largeUnknown):
		jb = ToClarify
	}
	add("art35-3b", jb, c.solo)
	add("art35-3c", NotMet, nil)
	add("wp248-1", judge(c.monitoring, c.monUnknown), nil)
	add("wp248-2", NotMet, nil)
	var mon string
	switch {
	case c.monitoring:
		mon = w.say("monitor.yes")
	case len(c.notetakerAll) > 0:
		mon = w.say("monitor.notetaker", w.and(c.notetakerAll))
	}
	add("wp248-3", judge(mon != "", c.monUnknown), mon)
	var what []string
	if c.special || c.health && c.patients {
		what = append(what, w.say("what.special"))
	}
	if c.sickNotes {
		what = append(what, w.say("what.sicknotes"))
	}
	if c.secrecy {
		what = append(what, w.say("what.secrecy"))
	}
	add("wp248-4", judge(len(what) > 0, c.specialUnknown || c.sickUnknown), map[string]string{"What": w.and(what), "Barred": w.and(c.barred)})
	add("wp248-5", judge(c.large, c.largeUnknown), c.solo)
	add("wp248-6", judge(c.combined, c.combinedUnk), nil)
	var who []string
	if c.patients {
		who = append(who, w.say("who.patients", report.Escape(w.p.Words()["clients"].In(w.l))))
	}
	if c.children {
		who = append(who, w.say("who.children"))
	}
	if len(c.staff) > 0 {
		who = append(who, w.say("who.staff", w.and(c.staff)))
	}
	add("wp248-7", judge(len(who) > 0, c.vulnUnknown), strings.Join(who, "; "))
	// The day of the lock: one gap, as in the record – computed only
	// where the criterion is not met, the one wording that prints it.
	since := ""
	if len(c.aiHeld) > 0 && len(c.ai) == 0 && len(c.aiUnknown) == 0 {
		since = w.gapSay("ai.lock.date")
	}
	add("wp248-8", judge(len(c.ai) > 0, len(c.aiUnknown) > 0), map[string]string{"On": w.and(c.ai), "Held": w.and(c.aiHeld), "Stopped": w.and(c.aiStopped), "Locked": w.and(c.aiLocked), "BuiltIn": w.and(c.aiBuiltIn), "Unused": w.and(c.aiUnused), "LockDue": c.lockDue, "Since": since, "Successor": successorWord(c.successor)})
	add("wp248-9", NotMet, nil)
	if orgWide {
		add("dsk-1", judge(c.secrecy && c.large, c.secrecy && c.largeUnknown), map[string]bool{"Secrecy": c.secrecy, "Solo": c.solo})
		staffWatched := ""
		switch {
		case c.monitoring:
			staffWatched = w.say("monitor.yes")
		case len(c.notetakerAll) > 0 && !has(w.ctx("staff"), "solo"):
			staffWatched = w.say("monitor.notetaker", w.and(c.notetakerAll))
		}
		add("dsk-6", judge(staffWatched != "", c.monUnknown), staffWatched)
		add("dsk-rest", ToClarify, nil)
	}
	return cs
}

// outcome is the result the criteria give: an Art. 35(3) case or a listed
// one, or two WP 248 criteria, require a DPIA; unknown answers that could
// reach that leave it to clarify. Recital 91 sentence 4: a single
// professional whose only criteria are the patients' or clients'
// sensitive data need not; a practice of 2–19 people may be one or a group
// practice, which the answers do not tell – to clarify.
func outcome(cs []Criterion, c criteria) (Judgement, string) {
	met, open := 0, 0
	must := false
	var metIDs []string
	for _, x := range cs {
		switch {
		case x.Judged == Met && !counted(x.ID):
			must = true
		case x.Judged == Met:
			met++
			metIDs = append(metIDs, x.ID)
		case x.Judged == ToClarify && counted(x.ID):
			open++
		}
	}
	// Two criteria that both come only from staff reporting sick – which
	// the policy limits to that they are unfit and for how long, never a
	// certificate or diagnosis – leave room to weigh: WP 248 rev.01 (III.B.a)
	// lets a controller that finds no likely high risk despite two
	// criteria document why and carry out no DPIA.
	if !must && len(metIDs) == 2 && slices.Contains(metIDs, "wp248-4") && slices.Contains(metIDs, "wp248-7") &&
		c.sickNotes && !c.special && !c.secrecy && !c.patients && !c.children && !c.large && open == 0 {
		return ToClarify, "weigh"
	}
	// Staff seen on video beside the patients do not change whose data
	// Recital 91 is about: the patients'.
	recital := c.single && !must && met >= 2 && (len(c.staff) == 0 || c.patients) && !slices.ContainsFunc(metIDs, func(id string) bool {
		return id != "wp248-4" && id != "wp248-7"
	})
	switch {
	case recital && c.solo:
		return NotMet, "solo"
	case recital:
		return ToClarify, "small"
	case must:
		return Met, ""
	case met >= 2:
		// Two criteria of WP 248 make a DPIA the rule, not a must: a
		// controller that finds no likely high risk documents why.
		return Met, "criteria"
	case met+open >= 2:
		return ToClarify, ""
	}
	return NotMet, ""
}

// sensitiveBarred reports whether the plan keeps sensitive data out of
// what the use's tool keeps doing: an open action on special categories
// for a tool that stays (the usage policy then allows no sensitive data
// through it, as the policy's list of tools for sensitive data does).
func (w *writer) sensitiveBarred(u use) bool {
	return !w.forSuccessor(u) && slices.ContainsFunc(w.p.Actions, func(a *assess.Action) bool {
		return a.Tool == u.t && a.Topic.ID == "special-categories" && a.Open()
	})
}

// forSuccessor reports whether a use's check is for the tool that
// replaces its tool: the plan replaces the tool entirely or for the people
// outside, and this use faces them. A tool paused until it is approved
// is checked as itself: the approval is for it.
func (w *writer) forSuccessor(u use) bool {
	return w.replacedUse(u) && !u.t.Lead.Pause
}

// threshold is the organisation's threshold check with its result per
// processing activity.
func (w *writer) threshold() DPIAResult {
	var all []use
	groups := w.activities()
	for _, g := range groups {
		all = append(all, g...)
	}
	c := w.judge(all)
	r := DPIAResult{Criteria: w.verdicts(c, true), BarredOpen: c.barredOpen}
	r.Result, r.Recital91 = outcome(r.Criteria, c)
	for i, g := range groups {
		ca := w.judge(g)
		cs := w.verdicts(ca, false)
		a := ActivityResult{ID: fmt.Sprintf("VT-%02d", i+1)}
		a.Result, a.Recital91 = outcome(cs, ca)
		var tools, replaced []string
		for _, u := range g {
			tools = append(tools, w.name(u.t))
			if w.forSuccessor(u) && !slices.Contains(replaced, w.name(u.t)) {
				replaced = append(replaced, w.name(u.t))
			}
			if a.Purpose == "" {
				if u.a == nil {
					a.Purpose = w.say("purpose.unknown", w.name(u.t))
				} else {
					a.Purpose = w.purpose(*u.a)
				}
			}
		}
		a.Tools = strings.Join(tools, ", ")
		if len(replaced) > 0 && len(replaced) == len(slices.Compact(slices.Sorted(slices.Values(tools)))) {
			a.Replaced = strings.Join(replaced, ", ")
		}
		a.tally(cs, w.shortCriterion)
		r.Activities = append(r.Activities, a)
		for _, x := range cs {
			if x.Judged != Met {
				continue
			}
			for j := range r.Criteria {
				if r.Criteria[j].ID == x.ID {
					r.Criteria[j].In = append(r.Criteria[j].In, a.ID)
				}
			}
		}
	}
	for j := range r.Criteria {
		if len(r.Activities) < 2 {
			r.Criteria[j].In = nil // one activity: nothing to tell apart
		}
	}
	r.Release = w.release(groups, c)
	if r.Release != nil {
		// The table judges today's use; what the held-back AI would meet
		// once released is said beside it, not left to contradict it.
		for j := range r.Criteria {
			if r.Criteria[j].Judged != Met && r.Criteria[j].ID != "wp248-8" && slices.Contains(r.Release.metIDs, r.Criteria[j].ID) { // 8 says it in its own words
				r.Criteria[j].Reason = strings.TrimSpace(r.Criteria[j].Reason + " " + w.say("crit.release.met"))
			}
		}
	}
	// The criteria count per processing activity (WP 248): employees
	// in the team's meetings and patients' data in the consultations
	// are two activities, not two criteria of one. The organisation's
	// result is its activities' – unless a case of Art. 35(3) or of the
	// authorities' list holds for it as a whole.
	if len(r.Activities) == 0 || slices.ContainsFunc(r.Criteria, func(x Criterion) bool { return !counted(x.ID) && x.Judged == Met }) {
		return r
	}
	r.Result, r.Recital91 = NotMet, ""
	for _, a := range r.Activities {
		switch {
		case a.Result == Met:
			r.Result = Met
		case a.Result == ToClarify && r.Result == NotMet:
			r.Result = ToClarify
		}
	}
	if r.Result == Met {
		// The rule of two criteria, unless an activity must have one.
		r.Recital91 = "criteria"
		if slices.ContainsFunc(r.Activities, func(a ActivityResult) bool { return a.Result == Met && a.Recital91 != "criteria" }) {
			r.Recital91 = ""
		}
	}
	for _, a := range r.Activities {
		switch {
		case r.Result == Met:
		case a.Recital91 == "small" && a.Result == r.Result:
			r.Recital91 = "small"
		case a.Recital91 == "weigh" && a.Result == r.Result && r.Recital91 == "":
			r.Recital91 = "weigh"
		case a.Recital91 == "solo" && r.Recital91 == "":
			r.Recital91 = "solo"
		}
	}
	if r.Result == ToClarify && r.Recital91 == "solo" {
		r.Recital91 = ""
	}
	return r
}

// tally lists the criteria an activity meets and leaves open: WP 248's by
// number, a case of Art. 35(3) or of the authorities' list by its short
// name (short).
func (a *ActivityResult) tally(cs []Criterion, short func(id string) string) {
	for _, x := range cs {
		n, _, _ := strings.Cut(x.Title, " ")
		switch {
		case !counted(x.ID):
			if x.Judged == Met && !slices.Contains(a.Met, short(x.ID)) {
				a.Met = append(a.Met, short(x.ID))
			}
			if x.Judged == Met {
				a.metIDs = append(a.metIDs, x.ID)
			}
		case x.Judged == Met:
			a.Met = append(a.Met, n)
			a.metIDs = append(a.metIDs, x.ID)
		case x.Judged == ToClarify:
			a.Open = append(a.Open, n)
		}
	}
}

// release checks the AI features the plan holds back as they would run
// once released – the impact assessment the plan asks for before that –
// over the uses of their tools; nil where none is held back.
func (w *writer) release(groups [][]use, c criteria) *ActivityResult {
	held := slices.Concat(c.aiHeld, c.aiStopped, c.aiLocked)
	if len(held) == 0 {
		return nil
	}
	var uses []use
	for _, g := range groups {
		for _, u := range g {
			// What the plan moves off the tool is the successor's check.
			if slices.Contains(held, w.name(u.t)) && !w.forSuccessor(u) {
				uses = append(uses, u)
			}
		}
	}
	ca := w.judge(uses)
	ca.ai, ca.aiHeld, ca.aiStopped, ca.aiLocked = held, nil, nil, nil
	ca.notetakerAll, ca.stoppedAll = append(ca.notetakerAll, ca.stoppedAll...), nil
	cs := w.verdicts(ca, true) // the authorities' list too: employees' behaviour
	a := ActivityResult{Purpose: w.say("release.purpose"), Tools: strings.Join(held, ", "), Release: true}
	a.Result, a.Recital91 = outcome(cs, ca)
	a.tally(cs, w.shortCriterion)
	return &a
}

// shortCriterion names a criterion that decides on its own: "Art. 35
// Abs. 3", "DSK-Liste".
func (w *writer) shortCriterion(id string) string {
	kind, _, _ := strings.Cut(id, "-")
	return w.say("crit.short." + kind)
}

func (w *writer) dpiaCheck() {
	r := w.threshold()
	if r.Result == ToClarify {
		w.addGap(Gap{Text: w.say("result.gap")})
	}
	for _, c := range r.Criteria {
		if c.Judged == ToClarify {
			w.addGap(Gap{Text: c.Title})
		}
	}
	v := struct {
		Result                                             Judgement
		Recital91                                          string
		Clients, DPO, Done, Advice, Assessor, Date, Review string
		Sector, Decided                                    string
		CriteriaGap                                        string // two criteria: assess, or record why not
		HasDPO                                             bool
		Weighing                                           string
		Activities                                         []ActivityResult
		Release                                            *ActivityResult
		Criteria                                           []Criterion
		BarredOpen, BarredGap                              string
		Vulnerable                                         bool
		ReleaseDue                                         string // the plan's date for the impact assessment before a release
	}{Result: r.Result, Recital91: r.Recital91, Activities: r.Activities, Criteria: r.Criteria, Release: r.Release}
	if len(r.BarredOpen) > 0 && r.Result == NotMet {
		// Not required as long as the plan's rule holds – whether it held
		// so far, the answers leave open.
		v.BarredOpen = w.and(r.BarredOpen)
		v.BarredGap = w.gap(w.q("special_categories"))
		v.Vulnerable = slices.ContainsFunc(r.Criteria, func(x Criterion) bool { return x.ID == "wp248-7" && x.Judged == Met })
	}
	if r.Result == Met && r.Recital91 == "criteria" {
		v.CriteriaGap = w.gapSay("criteria.gap")
	}
	if r.Release != nil {
		// One date with the plan: its action for the assessment before
		// the release.
		for _, a := range w.p.Actions {
			if a.Pending() && slices.Contains(a.Rules, "ai_staff_dpia") {
				v.ReleaseDue = w.date(a.Due)
			}
		}
	}
	v.Clients = report.Escape(w.p.Words()["clients"].In(w.l))
	v.Sector = strings.Join(w.ctx("sector"), "")
	switch r.Recital91 {
	case "solo":
		v.Weighing = w.gapSay("recital91.gap")
	case "small":
		v.Weighing = w.gapSay("recital91.small.gap")
	case "weigh":
		v.Weighing = w.gapSay("weigh.gap")
	}
	if r.Result != NotMet {
		v.DPO, v.HasDPO = w.dpo(), has(w.ctx("dpo"), "yes")
		switch d := w.ctx("dpia_done"); {
		case has(d, "done"):
			v.Done = w.say("dpia.done")
		case has(d, "no", "checked_not_needed") && (v.CriteriaGap != "" || v.Weighing != ""):
			// The result's gap asks for the same decision: said once.
			v.Done = w.say("dpia.todo.plain")
		case has(d, "no", "checked_not_needed"):
			v.Done = w.say("dpia.todo", w.gapSay("dpia.todo.gap"))
		default:
			v.Done = w.say("dpia.asked", w.gap(w.q("dpia_done")))
		}
	}
	// Without a DPO there is no advice to seek – unless the impact
	// assessment is (or may be) required: then one must be designated
	// (§ 38(1) sentence 2 BDSG), and their advice is sought.
	switch d := w.ctx("dpo"); {
	case has(d, "no") && r.Result == NotMet:
		v.Advice = w.say("advice.none")
	case has(d, "no"):
		// Only a required DPIA makes a DPO mandatory: while that is to
		// clarify, the designation is too.
		v.Advice = w.gapText(w.say("advice.designate", r.Result == ToClarify))
	default:
		v.Advice = w.gapSay("advice.gap")
	}
	if a := strings.TrimSpace(w.p.Assessment.Assessor); a != "" {
		v.Assessor = report.Escape(a)
	} else {
		v.Assessor = w.gapSay("assessor.gap")
	}
	v.Decided = w.gapSay("decided.gap")
	v.Date = w.date(w.p.Assessment.Date)
	v.Review = w.date(catalog.Date{Time: w.p.Assessment.Date.AddDate(1, 0, 0)})
	w.exec("doc", v)
}

// successorWord is a template's flag in a map of strings: "yes" or empty.
func successorWord(b bool) string {
	if b {
		return "yes"
	}
	return ""
}
