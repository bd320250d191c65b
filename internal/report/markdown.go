package report

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/i18n"
)

// Markdown renders the plan as GitHub-flavoured Markdown in language l.
func Markdown(p *assess.Plan, l catalog.Lang) []byte {
	r := newMDRenderer(p, l)
	// Room for the whole plan at once: an action takes about a kilobyte,
	// a tool's facts and answers about four.
	r.b.Grow(16<<10 + len(p.Actions)<<10 + len(p.Tools)<<12)
	r.render()
	return r.b.Bytes()
}

// WriteMarkdown writes the plan as Markdown to w as it goes, a few
// kilobytes at a time: `konform plan` to standard output needs no room
// for the whole plan.
func WriteMarkdown(w io.Writer, p *assess.Plan, l catalog.Lang) error {
	r := newMDRenderer(p, l)
	r.w = w
	r.b.Grow(2 * flushAt)
	r.render()
	r.flush()
	return r.err
}

func newMDRenderer(p *assess.Plan, l catalog.Lang) *mdRenderer {
	r := &mdRenderer{p: p, l: l, srcNo: map[string]int{}, linked: map[string]bool{}}
	for i, s := range p.Sources() {
		r.srcNo[s.ID] = i + 1
	}
	return r
}

func (r *mdRenderer) render() {
	r.header()
	r.summary()
	r.firstSteps()
	r.actions()
	r.open()
	r.factSheets()
	r.appendix()
	r.glossary()
	r.sources()
	r.para("---")
	r.para("")
	r.para(r.t("plan.disclaimer"))
}

type mdRenderer struct {
	p     *assess.Plan
	l     catalog.Lang
	b     bytes.Buffer
	w     io.Writer // where b goes when it is full, or nil
	err   error     // the first error writing to w
	srcNo map[string]int
	// linked are the glossary terms linked so far, terms them in order;
	// nil in what has no glossary (comparison, progress report).
	linked map[string]bool
	terms  []*catalog.Term
}

// flushAt is how full b gets before it goes to w.
const flushAt = 4 << 10

// flush writes what b holds to w.
func (r *mdRenderer) flush() {
	if r.w == nil || r.b.Len() == 0 {
		return
	}
	if r.err == nil {
		_, r.err = r.w.Write(r.b.Bytes())
	}
	r.b.Reset()
}

func (r *mdRenderer) t(key string) string { return i18n.T(r.l, key) }

// quote puts text in the language's quotation marks.
func (r *mdRenderer) quote(s string) string { return r.t("quote.open") + s + r.t("quote.close") }

func (r *mdRenderer) line(format string, args ...any) {
	fmt.Fprintf(&r.b, format, args...)
	r.b.WriteByte('\n')
	if r.b.Len() >= flushAt {
		r.flush()
	}
}

// row writes a table row; an empty cell stays a single space wide so the
// table keeps one pipe style.
func (r *mdRenderer) row(cells ...string) {
	r.b.WriteByte('|')
	for _, c := range cells {
		if c == "" {
			r.b.WriteString(" |")
			continue
		}
		r.b.WriteString(" " + c + " |")
	}
	r.b.WriteByte('\n')
}

// para writes a line of text as it is.
func (r *mdRenderer) para(s string) {
	r.b.WriteString(s)
	r.b.WriteByte('\n')
	if r.b.Len() >= flushAt {
		r.flush()
	}
}

func (r *mdRenderer) heading(level int, text string) {
	r.line("%s %s", strings.Repeat("#", level), text)
	r.para("")
}

func (r *mdRenderer) text(t catalog.Text) string { return r.gloss(Escape(t.In(r.l))) }

// gloss links the first use in the plan of each glossary term to its
// entry (see glossary).
func (r *mdRenderer) gloss(s string) string {
	if r.linked == nil { // not a plan: no glossary to link to
		return s
	}
	for _, g := range r.p.Catalog.Glossary {
		if r.linked[g.ID] {
			continue
		}
		at, form := -1, ""
		for _, f := range g.Forms.In(r.l) {
			if i := wordIndex(s, f); i >= 0 && (at < 0 || i < at) {
				at, form = i, f
			}
		}
		if at < 0 {
			continue
		}
		r.linked[g.ID] = true
		r.terms = append(r.terms, g)
		s = s[:at] + "[" + form + "](#" + r.t("plan.glossary.anchor") + ")" + s[at+len(form):]
	}
	return s
}

// wordIndex is where word stands in s as a whole word, or -1.
func wordIndex(s, word string) int {
	for from := 0; from < len(s); {
		i := strings.Index(s[from:], word)
		if i < 0 {
			return -1
		}
		i += from
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+len(word):])
		if !isWordRune(before) && !isWordRune(after) {
			return i
		}
		from = i + len(word)
	}
	return -1
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' }

// glossary explains the terms the plan links to, in the order they first
// appear.
func (r *mdRenderer) glossary() {
	if len(r.terms) == 0 {
		return
	}
	r.heading(2, r.t("plan.glossary"))
	for _, g := range r.terms {
		r.line("- **%s:** %s", Escape(g.Term.In(r.l)), Escape(g.Explain.In(r.l)))
	}
	r.para("")
}

func (r *mdRenderer) header() {
	a := r.p.Assessment
	r.heading(1, r.t("plan.title"))
	r.line("- **%s:** %s", r.t("plan.org"), Escape(a.Organisation))
	r.line("- **%s:** %s", r.t("plan.date"), a.Date)
	if a.Quick() {
		r.line("- **%s:** %s", r.t("plan.check"), r.t("plan.check.quick"))
	} else {
		r.line("- **%s:** %s", r.t("plan.check"), r.t("plan.check.full"))
	}
	if a.Assessor != "" {
		r.line("- **%s:** %s", r.t("plan.assessor"), Escape(a.Assessor))
	}
	if len(a.Participants) > 0 {
		ps := make([]string, len(a.Participants))
		for i, x := range a.Participants {
			ps[i] = Escape(x)
		}
		r.line("- **%s:** %s", r.t("plan.participants"), strings.Join(ps, ", "))
	}
	names := make([]string, len(r.p.Tools))
	for i, t := range r.p.Tools {
		names[i] = r.text(t.Name)
	}
	r.line("- **%s:** %s", r.t("plan.tools"), strings.Join(names, ", "))
	r.para("")
}

func (r *mdRenderer) summary() {
	r.heading(2, r.t("plan.summary"))
	head := []string{r.t("plan.tool"), r.t("plan.light"), r.t("plan.verdict")}
	for _, pr := range catalog.Priorities {
		head = append(head, r.t("prio."+string(pr)))
	}
	r.row(head...)
	r.para("| --- | --- | --- | ---: | ---: | ---: | ---: |")
	total := map[catalog.Priority]int{}
	row := func(name string, light assess.Light, verdict string, counts map[catalog.Priority]int) {
		cells := []string{name, r.t("light." + string(light)), verdict}
		for _, pr := range catalog.Priorities {
			cells = append(cells, fmt.Sprint(counts[pr]))
			total[pr] += counts[pr]
		}
		r.row(cells...)
	}
	for _, t := range r.p.Tools {
		row(Escape(t.Name.In(r.l)), t.Light, r.t("verdict."+string(t.Verdict)), t.Counts)
	}
	row(r.t("plan.orgrow"), r.p.OrgLight(), "–", r.p.OrgCounts)
	cells := []string{"**" + r.t("plan.total") + "**", "", ""}
	for _, pr := range catalog.Priorities {
		cells = append(cells, fmt.Sprintf("**%d**", total[pr]))
	}
	r.row(cells...)
	r.para("")
	r.para(r.t("plan.lightlegend"))
	r.para("")
	r.progress()
}

// firstSteps names the few actions to start with, one line each.
func (r *mdRenderer) firstSteps() {
	if len(r.p.FirstSteps) == 0 {
		return
	}
	r.heading(2, r.t("plan.firststeps"))
	r.para(r.t("plan.firststeps.intro"))
	r.para("")
	for i, a := range r.p.FirstSteps {
		r.line("%d. **%s** — %s · %s: %s", i+1, r.text(a.Title), r.toolName(a.Tool), r.t("plan.due"), r.due(a))
	}
	r.para("")
}

func (r *mdRenderer) due(a *assess.Action) string {
	switch {
	case a.DueSet:
		return fmt.Sprintf("%s %s (%s)", r.t("plan.due.by"), a.Due, r.t("plan.due.agreed"))
	case a.Due.IsZero():
		return r.t("plan.due.low")
	case a.Priority == catalog.Critical:
		return fmt.Sprintf("%s (%s)", r.t("plan.due.now"), a.Due)
	}
	return fmt.Sprintf("%s %s", r.t("plan.due.by"), a.Due)
}

func (r *mdRenderer) toolName(t *assess.Tool) string {
	if t == nil {
		return r.t("org.name")
	}
	return r.text(t.Name)
}

func (r *mdRenderer) actions() {
	r.heading(2, r.t("plan.actions"))
	r.para(r.t("plan.actionsintro"))
	r.para("")
	var notApplicable, conditional []*assess.Action
	for _, pr := range catalog.Priorities {
		r.heading(3, r.t("priority."+string(pr)))
		n := 0
		for _, a := range r.p.Actions {
			switch {
			case a.Priority != pr, a.SupersededBy != nil:
				continue
			case a.Conditional && a.Pending():
				conditional = append(conditional, a)
				continue
			case a.Status == answers.StatusNotApplicable:
				notApplicable = append(notApplicable, a)
				continue
			}
			n++
			r.action(a)
		}
		if n == 0 {
			r.para(r.t("plan.noactions"))
			r.para("")
		}
	}
	if len(conditional) > 0 {
		r.heading(3, r.t("plan.conditional"))
		r.para(r.t("plan.conditional.intro"))
		r.para("")
		for _, a := range conditional {
			r.line("- **%s** %s — %s %s", r.t("plan.conditional.if"), r.text(a.Title), r.toolName(a.Tool), idComment(a.ID))
			qs := make([]string, len(a.Unasked))
			for i, q := range a.Unasked {
				qs[i] = r.quote(r.text(q.Title))
			}
			r.line("  - %s: %s", r.t("plan.conditional.on"), strings.Join(qs, "; "))
			r.line("  - %s: %s", r.t("plan.why"), r.text(a.Why))
			r.para("")
		}
	}
	if len(notApplicable) > 0 {
		r.heading(3, r.t("plan.notapplicable"))
		r.para(r.t("plan.notapplicable.intro"))
		r.para("")
		for _, a := range notApplicable {
			r.line("- **%s** — %s · %s %s", r.text(a.Title), r.toolName(a.Tool), r.t("prio."+string(a.Priority)), idComment(a.ID))
			r.line("  - %s: %s", r.t("plan.reason"), Escape(a.Reason))
			if a.Owner != "" {
				r.line("  - %s: %s", r.t("plan.owner"), Escape(a.Owner))
			}
			r.para("")
		}
	}
}

// progress counts the actions by status, once the answers file records any.
func (r *mdRenderer) progress() {
	counts := map[string]int{answers.StatusDone: r.p.DoneElsewhere}
	recorded := r.p.DoneElsewhere > 0
	for _, a := range r.p.Actions {
		counts[a.Status]++
		recorded = recorded || a.Status != answers.StatusOpen || a.Owner != "" || a.DueSet
	}
	if !recorded {
		return
	}
	var parts []string
	for _, st := range []string{answers.StatusDone, answers.StatusInProgress, answers.StatusNotApplicable, answers.StatusOpen} {
		parts = append(parts, fmt.Sprintf("%d %s", counts[st], r.t("status."+st)))
	}
	r.para(fmt.Sprintf("%s: %s.", r.t("plan.progress"), strings.Join(parts, ", ")))
	r.para("")
}

func (r *mdRenderer) action(a *assess.Action) {
	box := "[ ]"
	if a.Status == answers.StatusDone {
		box = "[x]"
	}
	head := fmt.Sprintf("- %s **%s** — %s · %s: %s", box, r.text(a.Title), r.toolName(a.Tool), r.t("plan.due"), r.due(a))
	if a.Owner != "" {
		head += fmt.Sprintf(" · %s: %s", r.t("plan.owner"), Escape(a.Owner))
	}
	if a.Status == answers.StatusInProgress || a.Status == answers.StatusDone {
		head += " · " + r.t("status."+a.Status)
	}
	r.para(head + " " + idComment(a.ID))
	r.line("  - %s: %s", r.t("plan.why"), r.text(a.Why))
	if len(a.Triggers) > 0 {
		r.line("  - %s: %s", r.t("plan.because"), r.triggers(a.Triggers))
	}
	for _, pt := range a.Also {
		also := r.t("plan.also")
		if pt.Conditional && !a.Conditional {
			also = r.t("plan.also.conditional")
		}
		line := fmt.Sprintf("  - %s: **%s** – %s", also, r.text(pt.Title), r.text(pt.Why))
		if len(pt.Triggers) > 0 {
			line += fmt.Sprintf(" (%s: %s)", r.t("plan.because"), r.triggers(pt.Triggers))
		}
		r.para(line)
	}
	switch {
	case a.Tool != nil && a.Tool.Lead == a && a.Tool.KeepUnlawful && a.Tool.ReplaceAll():
		r.line("  - %s", fmt.Sprintf(r.t("plan.keepunlawful.all"), r.toolName(a.Tool)))
	case a.Tool != nil && a.Tool.Lead == a && a.Tool.KeepUnlawful:
		r.line("  - %s", fmt.Sprintf(r.t("plan.keepunlawful"), Escape(r.p.Words()["clients"].In(r.l)), r.toolName(a.Tool)))
	case len(a.IfKept) > 0:
		key := "plan.ifkept"
		if a.Pause {
			key = "plan.ifkept.pause"
		}
		r.line("  - %s", fmt.Sprintf(r.t(key), r.toolName(a.Tool)))
		for _, k := range a.IfKept {
			r.line("    - %s (%s) %s", r.text(k.Title), r.t("prio."+string(k.Priority)), idComment(k.ID))
		}
	}
	legal := make([]string, len(a.Legal))
	for i, l := range a.Legal {
		legal[i] = fmt.Sprintf("%s – %s", r.text(l.Label), r.text(l.Title))
	}
	r.line("  - %s: %s", r.t("plan.legal"), strings.Join(legal, "; "))
	r.line("  - %s: %s", r.t("plan.sources"), r.sourceRefs(sourceIDs(a.Sources)))
	r.para("")
}

// idComment carries an action's id where whoever records the work in the
// answers file (actions: <id>) finds it – in the Markdown source – while
// the plan as read, on GitHub, in the preview and as HTML, stays free of
// it. Ids are topic/tool-key: letters, digits and hyphens, never "--".
func idComment(id string) string { return "<!-- " + id + " -->" }

func sourceIDs(ss []*catalog.Source) []string {
	ids := make([]string, len(ss))
	for i, s := range ss {
		ids[i] = s.ID
	}
	return ids
}

func (r *mdRenderer) sourceRefs(ids []string) string {
	nums := make([]int, 0, len(ids))
	for _, id := range ids {
		if n, ok := r.srcNo[id]; ok && !slices.Contains(nums, n) {
			nums = append(nums, n)
		}
	}
	slices.Sort(nums)
	refs := make([]string, len(nums))
	for i, n := range nums {
		refs[i] = fmt.Sprintf("Q%d", n)
	}
	return strings.Join(refs, ", ")
}

func (r *mdRenderer) triggers(trs []catalog.Trigger) string {
	parts := make([]string, len(trs))
	for i, tr := range trs {
		parts[i] = r.trigger(tr)
	}
	return strings.Join(parts, "; ")
}

// trigger says in words which answer or fact made a rule fire.
func (r *mdRenderer) trigger(tr catalog.Trigger) string {
	prefix := ""
	t := r.toolByKey(tr.ToolKey)
	if tr.Question != nil {
		if t != nil && tr.Question.Scope == catalog.ScopeTool {
			prefix = r.text(t.Name) + ": "
		}
		return fmt.Sprintf("%s%s → %s", prefix, r.quote(r.text(tr.Question.Title)), r.answerText(tr.Question, tr.Values, r.origin(t, tr.Question), true))
	}
	d := r.p.Catalog.FactDef(tr.Fact)
	var asOf string
	if t != nil {
		prefix = r.text(t.Name) + ": "
		for _, f := range t.Facts {
			if f.Def == d {
				asOf = fmt.Sprintf(" (%s %s)", r.t("plan.asof"), f.Fact.AsOf)
			}
		}
	}
	return fmt.Sprintf("%s%s %s: %s%s", prefix, r.t("plan.factof"), r.quote(r.text(d.Title)), r.factValues(d, tr.Values), asOf)
}

func (r *mdRenderer) toolByKey(key string) *assess.Tool {
	for _, t := range r.p.Tools {
		if t.Key == key {
			return t
		}
	}
	return nil
}

func (r *mdRenderer) origin(t *assess.Tool, q *catalog.Question) assess.Origin {
	list := r.p.Context
	if t != nil && q.Scope == catalog.ScopeTool {
		list = t.Answers
	}
	for _, a := range list {
		if a.Question == q {
			return a.Origin
		}
	}
	return assess.Given
}

// answerText says an answer in words; withOrigin adds where a value not
// given by the user came from.
func (r *mdRenderer) answerText(q *catalog.Question, vals []string, origin assess.Origin, withOrigin bool) string {
	if origin == assess.Missing {
		if withOrigin {
			return r.t("plan.notanswered")
		}
		return "–"
	}
	if q.Type == catalog.FreeText {
		return Escape(strings.Join(vals, ""))
	}
	labels := make([]string, len(vals))
	for i, v := range vals {
		o, _ := q.Option(v)
		labels[i] = r.text(o.Label)
	}
	s := strings.Join(labels, "; ")
	if origin == assess.FromFact && withOrigin {
		s += " (" + r.t("origin.fact") + ")"
	}
	return s
}

func (r *mdRenderer) factValues(d *catalog.FactDef, vals []string) string {
	labels := make([]string, len(vals))
	for i, v := range vals {
		o, _ := d.Value(v)
		labels[i] = r.text(o.Label)
	}
	return strings.Join(labels, ", ")
}

func (r *mdRenderer) areaTitle(q *catalog.Question) string {
	return r.text(r.p.Catalog.Area(q.Area).Title)
}

func (r *mdRenderer) open() {
	r.heading(2, r.t("plan.open"))
	if len(r.p.Open) == 0 {
		r.para(r.t("plan.noopen"))
		r.para("")
		return
	}
	r.para(r.t("plan.openintro"))
	r.para("")
	for _, o := range r.p.Open {
		q := o.Answer.Question
		r.line("- [ ] **%s › %s:** %s — %s", r.toolName(o.Tool), r.areaTitle(q), r.text(q.Title), r.answerText(q, o.Answer.Values, o.Answer.Origin, true))
		if q.Assume != (catalog.Text{}) {
			r.line("  - %s: %s", r.t("plan.assume"), r.text(q.Assume))
		}
		if o.Answer.Note != "" {
			r.line("  - %s: %s", r.t("plan.note"), Escape(o.Answer.Note))
		}
	}
	r.para("")
}

func (r *mdRenderer) factSheets() {
	r.heading(2, r.t("plan.facts"))
	for _, t := range r.p.Tools {
		r.factSheet(t, 3)
	}
}

// FactSheet renders one tool's facts, for `konform tools show`.
func FactSheet(cat *catalog.Catalog, t *assess.Tool, l catalog.Lang) []byte {
	p := &assess.Plan{Catalog: cat, Tools: []*assess.Tool{t}}
	r := &mdRenderer{p: p, l: l, srcNo: map[string]int{}}
	for i, s := range p.Sources() {
		r.srcNo[s.ID] = i + 1
	}
	r.factSheet(t, 1)
	r.sourcesAt(2)
	return append(bytes.TrimRight(r.b.Bytes(), "\n"), '\n')
}

func (r *mdRenderer) factSheet(t *assess.Tool, level int) {
	title := r.text(t.Name)
	if level > 1 {
		title = fmt.Sprintf("%s: %s", r.t("plan.factsheet"), title)
	}
	r.heading(level, title)
	ct := t.Catalog
	if ct.Vendor != "" {
		r.line("- **%s:** %s", r.t("plan.vendor"), Escape(ct.Vendor))
	}
	r.line("- **%s:** %s", r.t("plan.kind"), r.t("kind."+string(t.Kind)))
	if ct.Overlay {
		r.line("- **%s:** %s", r.t("plan.origin"), r.t("plan.overlay.tool"))
	}
	r.para("")
	if !ct.Custom {
		r.para(r.text(ct.About))
		r.para("")
	}
	if len(t.Facts) == 0 {
		r.para(r.t("plan.nofacts"))
		r.para("")
	} else {
		r.row(r.t("plan.fact"), r.t("plan.value"), r.t("plan.asof"), r.t("plan.source"))
		r.para("| --- | --- | --- | --- |")
		stale := false
		for _, f := range t.Facts {
			if !f.Def.Shows("sheet") {
				continue
			}
			val := r.factValues(f.Def, f.Fact.All())
			if d := f.Fact.Detail.In(r.l); d != "" {
				val += " (" + Escape(d) + ")"
			}
			asOf := f.Fact.AsOf.String()
			if f.Stale {
				asOf += " ⚠"
				stale = true
			}
			src := r.sourceRefs(f.Fact.Source)
			if f.ByUser {
				src = r.t("plan.byuser")
			}
			if f.Fact.Overlay {
				src += " · " + r.t("plan.overlay.fact")
			}
			r.row(Escape(f.Def.Title.In(r.l)), val, asOf, src)
		}
		r.para("")
		if stale {
			legend := r.t("plan.stalelegend")
			if !r.p.Assessment.Date.IsZero() { // in a plan: only what its actions rest on
				legend = r.t("plan.stalelegend.plan")
			}
			r.para(legend)
			r.para("")
		}
	}
	if len(t.Issues) > 0 {
		r.line("%s:", r.t("plan.issues"))
		r.para("")
		for _, is := range t.Issues {
			stale := ""
			if is.Stale {
				stale = " ⚠"
			}
			r.line("- %s (%s %s%s; %s)", r.text(is.Issue.Text), r.t("plan.asof"), is.Issue.AsOf, stale, r.sourceRefs(is.Issue.Source))
		}
		r.para("")
	}
	if len(t.Alternatives) > 0 {
		alts := make([]string, len(t.Alternatives))
		for i, at := range t.Alternatives {
			alts[i] = r.text(at.Name)
		}
		r.line("%s: %s.", r.t("plan.alternatives"), strings.Join(alts, ", "))
		r.para("")
	}
}

func (r *mdRenderer) appendix() {
	r.heading(2, r.t("plan.appendix"))
	r.answerTable(r.t("org.name"), r.p.Context)
	for _, t := range r.p.Tools {
		r.answerTable(r.text(t.Name), t.Answers)
	}
}

func (r *mdRenderer) answerTable(name string, as []assess.Answer) {
	r.heading(3, fmt.Sprintf("%s: %s", r.t("plan.answers"), name))
	r.row(r.t("plan.area"), r.t("plan.question"), r.t("plan.answer"), r.t("plan.origin"), r.t("plan.note"))
	r.line("| --- | --- | --- | --- | --- |")
	for _, a := range as {
		q := a.Question
		r.row(Escape(r.p.Catalog.Area(q.Area).Title.In(r.l)), Escape(q.Title.In(r.l)),
			r.answerText(q, a.Values, a.Origin, false), r.t("origin."+string(a.Origin)), Escape(a.Note))
	}
	r.para("")
}

func (r *mdRenderer) sources() { r.sourcesAt(2) }

func (r *mdRenderer) sourcesAt(level int) {
	r.heading(level, r.t("plan.sources"))
	for i, s := range r.p.Sources() {
		title := Escape(s.Title)
		if !strings.ContainsAny(title[len(title)-1:], ".?!") {
			title += "."
		}
		line := fmt.Sprintf("- **Q%d:** %s %s, %s.", i+1, title, Escape(s.Publisher(r.l)), r.sourceDate(s.Date))
		if s.URL != "" {
			line += fmt.Sprintf(" <%s>", s.URL)
			if s.Read != "" {
				line += fmt.Sprintf(" (%s %s)", r.t("plan.source.read"), s.Read)
			}
		}
		if n := s.Note.In(r.l); n != "" {
			line += " " + Escape(n)
		}
		r.line("%s", line)
	}
	r.para("")
}

// sourceDate is a source's date as the reader's language says it: a
// list that changes all the time is "ongoing", a page without a date
// "undated"; every other date is printed as the catalogue has it.
func (r *mdRenderer) sourceDate(d string) string {
	switch d {
	case catalog.SourceOngoing, catalog.SourceUndated:
		return r.t("source.date." + d)
	}
	return d
}

// Escape makes text safe to place inline in Markdown: control characters
// and line breaks become spaces, and characters with a meaning in
// Markdown or HTML are backslash-escaped, so text from an answers file
// cannot open a heading, a table cell, a link or HTML.
func Escape(s string) string {
	if !needsEscape(s) {
		return strings.TrimSpace(s)
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i, r := range s {
		switch {
		case r == '&':
			// Only where it could start an entity (&amp; &#38;): a lone &
			// stays readable in every viewer.
			if i+1 < len(s) && (s[i+1] == '#' || s[i+1] >= 'a' && s[i+1] <= 'z' || s[i+1] >= 'A' && s[i+1] <= 'Z') {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || r == 0x2028 || r == 0x2029:
			b.WriteByte(' ')
		case r < 0x80 && markdownSpecial[r], autolinkAt(s, i):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

// autolinkAt reports whether the byte at i would let a viewer turn text into
// a link (GFM autolink literals): the colon of "://" and the dot of "www.".
// Escape breaks them, so an address typed into an answer stays text – and
// markdownlint has no bare URL to complain about. An e-mail address is
// broken by escaping its @ (markdownSpecial).
func autolinkAt(s string, i int) bool {
	switch s[i] {
	case ':':
		return strings.HasPrefix(s[i:], "://")
	case '.':
		return i >= 3 && strings.EqualFold(s[i-3:i], "www")
	}
	return false
}

// markdownSpecial are the ASCII characters Escape puts a backslash before.
var markdownSpecial = func() (t [0x80]bool) {
	for _, c := range "\\`*_[]<>#|~!{}@" {
		t[c] = true
	}
	return t
}()

// needsEscape reports whether Escape would change more than the spaces
// around s. Most text has nothing to escape, and plans escape a lot of text.
func needsEscape(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x20 || c == 0x7f || c == '&' || c < 0x80 && markdownSpecial[c], autolinkAt(s, i):
			return true
		case c == 0xC2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] < 0xa0: // C1 controls
			return true
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9): // U+2028, U+2029
			return true
		}
	}
	return !utf8.ValidString(s)
}
