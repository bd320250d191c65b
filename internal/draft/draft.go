// Package draft writes first drafts of the documents a plan asks for –
// the record of processing activities, privacy-notice sections, a usage
// policy for staff, a documented DPIA threshold check and a checklist for
// the providers' processing agreements – from the answers and the
// catalogue, and nothing else. Every field the answers leave open is
// marked "zu klären: …" / "to clarify: …" with the question to answer, and
// the marks are counted at the top.
package draft

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"text/template"

	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/report"
)

// Kind is a kind of draft.
type Kind string

// The kinds of draft.
const (
	Records   Kind = "records"
	Notice    Kind = "notice"
	Policy    Kind = "policy"
	DPIACheck Kind = "dpia-check"
	DPACheck  Kind = "dpa-check"
)

// Kinds are all kinds, in the order they are written.
var Kinds = []Kind{Records, Notice, Policy, DPIACheck, DPACheck}

// KindNames are the kinds' names, for flags.
func KindNames() []string {
	names := make([]string, len(Kinds))
	for i, k := range Kinds {
		names[i] = string(k)
	}
	return names
}

// Title is the draft's heading.
func (k Kind) Title(l catalog.Lang) string {
	t := map[Kind][2]string{
		Records:   {"Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO)", "Record of processing activities (Art. 30 GDPR)"},
		Notice:    {"Datenschutzhinweise für Messenger und Videokonferenzen (Art. 13 DSGVO)", "Privacy notice for messengers and video conferencing (Art. 13 GDPR)"},
		Policy:    {"Richtlinie zur Nutzung von Messengern und Videokonferenzen", "Policy on the use of messengers and video conferencing"},
		DPIACheck: {"Schwellwertanalyse: Ist eine Datenschutz-Folgenabschätzung nötig? (Art. 35 DSGVO)", "Threshold check: is a data protection impact assessment needed? (Art. 35 GDPR)"},
		DPACheck:  {"Prüfliste für die Auftragsverarbeitungsverträge (Art. 28 DSGVO)", "Checklist for the data processing agreements (Art. 28 GDPR)"},
	}[k]
	if l == catalog.EN {
		return t[1]
	}
	return t[0]
}

// Stem is the draft's part of a file name.
func (k Kind) Stem(l catalog.Lang) string {
	t := map[Kind][2]string{
		Records:   {"verarbeitungsverzeichnis", "records-of-processing"},
		Notice:    {"datenschutzhinweise", "privacy-notice"},
		Policy:    {"nutzungsrichtlinie", "usage-policy"},
		DPIACheck: {"dsfa-schwellwertanalyse", "dpia-threshold-check"},
		DPACheck:  {"avv-pruefliste", "dpa-checklist"},
	}[k]
	if l == catalog.EN {
		return t[1]
	}
	return t[0]
}

// Draft is one written draft.
type Draft struct {
	Kind     Kind
	Markdown []byte
	// Gaps are the questions the draft leaves to clarify, in order; one
	// question may leave several gaps.
	Gaps []Gap
}

// Gap is one field the answers leave open.
type Gap struct {
	Question string // the question's id; "" where no question answers it
	Text     string // what the mark says
}

// Write writes the draft of kind k from the plan p in language l, in the
// wording the plan's catalogue asks for (TemplatesFor).
func Write(p *assess.Plan, k Kind, l catalog.Lang) (*Draft, error) {
	ts, err := TemplatesFor(p.Catalog)
	if err != nil {
		return nil, err
	}
	return ts.Make(p, k, l)
}

// Make is Write for konform's own wording, which is tested: an error there
// is a bug.
func Make(p *assess.Plan, k Kind, l catalog.Lang) *Draft {
	d, err := Write(p, k, l)
	if err != nil {
		panic(err)
	}
	return d
}

// Make writes the draft of kind k from the plan p in language l, in the
// templates' wording.
func (ts *Templates) Make(p *assess.Plan, k Kind, l catalog.Lang) (*Draft, error) {
	w := &writer{p: p, l: l}
	set := ts.set(k, l)
	if set == nil {
		set = ts.sets["common."+string(l)]
	}
	w.bind(set)
	switch k {
	case Records:
		w.records()
	case Notice:
		w.notice()
	case Policy:
		w.policy()
	case DPIACheck:
		w.dpiaCheck()
	case DPACheck:
		w.dpaCheck()
	}
	var out bytes.Buffer
	fmt.Fprintf(&out, "# %s\n\n", k.Title(l))
	head := struct {
		Date, AsOf, Organisation string
		Gaps                     int
		Notes                    []string
	}{w.date(p.Assessment.Date), w.date(asOf(p)), strings.TrimSuffix(report.Escape(p.Assessment.Organisation), "."), len(w.gaps), w.notes}
	if err := w.tpl.ExecuteTemplate(&out, "head", head); err != nil {
		return nil, err
	}
	out.WriteString("\n")
	out.WriteString(strings.TrimRight(w.b.String(), "\n") + "\n")
	if w.err != nil {
		return nil, w.err
	}
	return &Draft{Kind: k, Markdown: out.Bytes(), Gaps: w.gaps}, nil
}

// HTML renders the draft as one HTML page, as plans are rendered; every
// gap stands out as a marked box.
func (d *Draft) HTML(p *assess.Plan, l catalog.Lang) []byte {
	out, err := report.Document(d.Markdown, d.Kind.Title(l)+" – "+p.Assessment.Organisation, l)
	if err != nil {
		panic(err) // goldmark writes to memory: it does not fail
	}
	for _, mark := range []string{"zu klären:", "to clarify:", "zu klären<", "to clarify<", "Zu klären:", "To clarify:"} {
		out = bytes.ReplaceAll(out, []byte("<strong>"+mark), []byte(`<strong class="gap">`+mark))
	}
	return out
}

// writer collects a draft's body and its gaps.
type writer struct {
	p    *assess.Plan
	l    catalog.Lang
	b    strings.Builder
	gaps []Gap
	// notes are lines for whoever edits the draft, in its header: what it
	// leaves out and why. They go before the draft is handed out.
	notes []string
	tpl   *template.Template // the kind's templates, bound to this writer
	err   error              // the first error of a template
	// barred: the tools the plan keeps health data and secrets out of
	// (assess.Plan.SecretsBarred), found once.
	barred map[*assess.Tool]bool
	// quoted: the answers whose notes the record has quoted, so that a
	// tool's note stands once, with the activity it describes.
	quoted map[*assess.Answer]bool
}

// names lists the tools' names.
func (w *writer) names(ts []*assess.Tool) string {
	names := make([]string, len(ts))
	for i, t := range ts {
		names[i] = w.name(t)
	}
	return w.and(names)
}

// and lists items in prose: "a, b and c".
func (w *writer) and(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return w.say("list.and", items)
}

// gap marks a field that the question q would fill. A question counts
// once, however many fields it leaves open.
func (w *writer) gap(q *catalog.Question) string {
	text := q.Title.In(w.l)
	w.addGap(Gap{Question: q.ID, Text: text})
	return w.say("gap", report.Escape(text))
}

// gapText marks a field no question fills; one text counts once.
func (w *writer) gapText(text string) string {
	w.addGap(Gap{Text: text})
	return w.say("gap", text)
}

// gapSay marks a field no question fills, in the words of phrase name.
func (w *writer) gapSay(name string) string { return w.gapText(w.say(name)) }

// businessContacts reports whether a use faces businesses' contact
// persons, who are not party to the contract: their basis is Art. 6(1)(f).
func (w *writer) businessContacts(a assess.Activity) bool {
	return slices.Contains(a.Subjects, "businesses") // also meetings they take part in
}

// childrenBasis is the basis of messages to minors: the relationship their
// parents entered into for them (a club's membership, a treatment or
// school contract), and contact under 16 only with the parents' recorded
// agreement.
func (w *writer) childrenBasis() string {
	return w.say("basis.children", w.childrenData())
}

// childrenData is what the phrases on minors need: the sector and its
// contract's name.
func (w *writer) childrenData() map[string]string {
	return map[string]string{"Sector": strings.Join(w.ctx("sector"), ""), "Contract": report.Escape(w.p.Words()["contract"].In(w.l))}
}

// successorName is the gap that names the tool to replace t: the sector
// may say what it is (a practice: the practice software's reminders or the
// TI-Messenger; a certified video service), else the kind's gap.
func (w *writer) successorName(t *assess.Tool) string {
	name := "successor.name." + string(t.Kind)
	if sector := strings.Join(w.ctx("sector"), ""); sector != "" && w.tpl != nil && w.tpl.Lookup(name+"."+sector) != nil {
		name += "." + sector
	}
	return w.gapSay(name)
}

func (w *writer) addGap(g Gap) {
	if !slices.ContainsFunc(w.gaps, func(x Gap) bool {
		return g.Question != "" && x.Question == g.Question || g.Question == "" && x.Question == "" && x.Text == g.Text
	}) {
		w.gaps = append(w.gaps, g)
	}
}

// ctx is the organisation's answer to question id: its values, or nil
// where it is unanswered, unknown or not asked.
func (w *writer) ctx(id string) []string { return known(w.p.Context, id) }

// profession is which professions work in a law or tax firm, as the
// wording of their own laws needs it: "tax", "law", or "both" (also while
// it is unknown – both laws then apply).
func (w *writer) profession() string {
	switch p := w.ctx("profession"); {
	case has(p, "tax"):
		return "tax"
	case has(p, "law"):
		return "law"
	}
	return "both"
}

// tool is a tool's answer to question id, as ctx.
func (w *writer) tool(t *assess.Tool, id string) []string { return known(t.Answers, id) }

func known(list []assess.Answer, id string) []string {
	for _, a := range list {
		if a.Question.ID == id {
			if a.Origin == assess.Missing || a.IsUnknown() || len(a.Values) == 0 {
				return nil
			}
			return a.Values
		}
	}
	return nil
}

// shown reports whether question id is asked for the tool (or, with t nil,
// the organisation) given the other answers.
func (w *writer) shown(t *assess.Tool, id string) bool {
	list := w.p.Context
	if t != nil {
		list = t.Answers
	}
	return slices.ContainsFunc(list, func(a assess.Answer) bool { return a.Question.ID == id })
}

func (w *writer) q(id string) *catalog.Question { return w.p.Catalog.Question(id) }

// labels says answer values as their options' labels.
func (w *writer) labels(id string, values []string) []string {
	q := w.q(id)
	out := make([]string, 0, len(values))
	for _, v := range values {
		if o, ok := q.Option(v); ok {
			out = append(out, o.Label.In(w.l))
		}
	}
	return out
}

// text is the free-text answer to a context question, escaped, or a gap.
func (w *writer) text(id string) string {
	if v := w.ctx(id); len(v) == 1 && strings.TrimSpace(v[0]) != "" {
		return report.Escape(v[0])
	}
	return w.gap(w.q(id))
}

// link is answer id as a Markdown autolink where it is a web address
// ("<https://…>": readable as source, a link when rendered), else as text.
func (w *writer) link(id string) string {
	if v := w.ctx(id); len(v) == 1 {
		u := strings.TrimSpace(v[0])
		if (strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://")) && !strings.ContainsAny(u, " <>\t\n") {
			return "<" + u + ">"
		}
	}
	return w.text(id)
}

// fact is a tool's catalogue fact.
func fact(t *assess.Tool, id string) (assess.FactLine, bool) {
	for _, f := range t.Facts {
		if f.Def.ID == id {
			return f, true
		}
	}
	return assess.FactLine{}, false
}

// factText says a fact with its detail and date: "USA (Stand 2024-06-30)".
func (w *writer) factText(t *assess.Tool, id string) string {
	f, ok := fact(t, id)
	if !ok {
		return ""
	}
	var vals []string
	for _, v := range f.Fact.All() {
		if x, ok := f.Def.Value(v); ok {
			vals = append(vals, x.Label.In(w.l))
		}
	}
	s := strings.Join(vals, ", ")
	if d := f.Fact.Detail.In(w.l); d != "" {
		s += " (" + d + ")"
	}
	return report.Escape(s) + " – " + w.say("asof", f.Fact.AsOf.String())
}

func (w *writer) factIs(t *assess.Tool, id string, values ...string) bool {
	f, ok := fact(t, id)
	return ok && slices.ContainsFunc(f.Fact.All(), func(v string) bool { return slices.Contains(values, v) })
}

func has(values []string, want ...string) bool {
	return slices.ContainsFunc(values, func(v string) bool { return slices.Contains(want, v) })
}

// vendor is the tool's provider as the catalogue names it.
func (w *writer) vendor(t *assess.Tool) string {
	if t.Catalog != nil && t.Catalog.Vendor != "" {
		return report.Escape(t.Catalog.Vendor)
	}
	return w.gapSay("vendor.gap")
}

func (w *writer) name(t *assess.Tool) string { return report.Escape(t.Name.In(w.l)) }

// public is the tool's name in a text the client publishes: the
// catalogue's public name, unless another tool of the assessment goes by
// it too (the consumer app and the API both "WhatsApp") – then the full
// name tells them apart.
func (w *writer) public(t *assess.Tool) string {
	if t.Catalog == nil || t.Catalog.PublicName == (catalog.Text{}) {
		return w.name(t)
	}
	pub := t.Catalog.PublicName.In(w.l)
	for _, o := range w.p.Tools {
		if o != t && (o.Name.In(w.l) == pub || o.Catalog != nil && o.Catalog.PublicName.In(w.l) == pub) {
			return w.name(t)
		}
	}
	return report.Escape(pub)
}

// asOf is the date a draft stands at: its answers' or, where later, the
// newest provider fact it rests on – a draft never cites a fact dated
// after its own date.
func asOf(p *assess.Plan) catalog.Date {
	d := p.Assessment.Date
	for _, t := range p.Tools {
		if t.Catalog == nil {
			continue
		}
		for _, f := range t.Catalog.Facts {
			if f.AsOf.After(d.Time) {
				d = f.AsOf
			}
		}
		for _, i := range t.Catalog.Issues {
			if i.AsOf.After(d.Time) {
				d = i.AsOf
			}
		}
	}
	return d
}
