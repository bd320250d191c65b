package report

import (
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/i18n"
	"github.com/konform/konform/internal/safe"
)

// CompareMarkdown renders a comparison as Markdown in language l.
func CompareMarkdown(c *assess.Comparison, l catalog.Lang) []byte {
	r := &mdRenderer{p: &c.Plan, l: l, srcNo: map[string]int{}}
	for i, s := range c.Sources() {
		r.srcNo[s.ID] = i + 1
	}
	names := make([]string, len(c.Tools))
	for i, t := range c.Tools {
		names[i] = r.text(t.Name)
	}
	r.heading(1, fmt.Sprintf("%s: %s", r.t("compare.title"), strings.Join(names, ", ")))
	r.line("- **%s:** %s", r.t("compare.date"), c.Assessment.Date)
	r.compareContext(c)
	r.para("")

	r.heading(2, r.t("compare.facts"))
	r.row(append([]string{r.t("plan.fact")}, names...)...)
	r.para("|" + strings.Repeat(" --- |", len(names)+1))
	stale := false
	for _, d := range c.Catalog.FactsShown("compare") {
		id := d.ID
		cells := []string{r.text(d.Title)}
		any := false
		for _, t := range c.Tools {
			f, ok := factOf(t, id)
			if !ok {
				cells = append(cells, "–")
				continue
			}
			any = true
			asOf := f.Fact.AsOf.String()
			if f.Old {
				asOf += " ⚠"
				stale = true
			}
			cells = append(cells, fmt.Sprintf("%s (%s %s; %s)", r.factValues(d, f.Fact.All()), r.t("plan.asof"), asOf, r.sourceRefs(f.Fact.Source)))
		}
		if any {
			r.row(cells...)
		}
	}
	issues := []string{r.t("plan.issues")}
	for _, t := range c.Tools {
		issues = append(issues, fmt.Sprint(len(t.Issues)))
	}
	r.row(issues...)
	r.para("")
	if stale {
		r.para(r.t("plan.stalelegend"))
		r.para("")
	}

	r.heading(2, r.t("compare.actions"))
	r.para(r.t("compare.actions.intro"))
	r.para("")
	r.row(append([]string{""}, names...)...)
	r.para("| --- |" + strings.Repeat(" ---: |", len(names)))
	for _, pr := range catalog.Priorities {
		cells := []string{r.t("prio." + string(pr))}
		for _, v := range c.Views {
			cells = append(cells, fmt.Sprint(v.Needs[pr]))
		}
		r.row(cells...)
	}
	clarify := []string{r.t("compare.clarify")}
	verdicts := []string{r.t("plan.verdict")}
	for i, v := range c.Views {
		clarify = append(clarify, fmt.Sprint(v.Clarify))
		verdicts = append(verdicts, r.t("verdict."+string(verdictOf(c, i))))
	}
	r.row(clarify...)
	r.row(verdicts...)
	r.para("")
	for i, v := range c.Views {
		for _, a := range v.RuledOut {
			r.line("- %s: %s", names[i], fmt.Sprintf(r.t("compare.ruledout"), r.text(a.Title)))
		}
	}
	r.para(r.fitsText(c, names))
	r.para("")

	r.heading(2, r.t("plan.issues"))
	for i, t := range c.Tools {
		r.heading(3, names[i])
		if len(t.Issues) == 0 {
			r.para(r.t("compare.noissues"))
			r.para("")
			continue
		}
		for _, is := range t.Issues {
			mark := ""
			if is.Stale {
				mark = " ⚠"
			}
			r.line("- %s (%s %s%s; %s)", r.text(is.Issue.Text), r.t("plan.asof"), is.Issue.AsOf, mark, r.sourceRefs(is.Issue.Source))
		}
		r.para("")
	}
	r.sourcesAt(2)
	r.para("---")
	r.para("")
	r.para(r.t("compare.disclaimer"))
	return r.b.Bytes()
}

// compareContext says which organisation answers the counts assume.
func (r *mdRenderer) compareContext(c *assess.Comparison) {
	if !c.FromFile {
		r.line("- **%s:** %s", r.t("compare.context"), r.t("compare.context.none"))
		return
	}
	org := Escape(c.Assessment.Organisation)
	r.line("- **%s:** %s", r.t("compare.context"), fmt.Sprintf(r.t("compare.context.file"), org))
	for _, a := range c.Context {
		if a.Origin == assess.Missing {
			continue
		}
		r.line("  - %s → %s", r.text(a.Question.Title), r.answerText(a.Question, a.Values, a.Origin, false))
	}
}

// verdictOf is what the comparison advises for tool i: replace when a
// critical action rules it out, fix when it needs something, else keep.
func verdictOf(c *assess.Comparison, i int) assess.Verdict {
	v := c.Views[i]
	switch {
	case len(v.RuledOut) > 0:
		return assess.Replace
	case len(v.Needs) > 0 && (v.Needs[catalog.Critical]+v.Needs[catalog.High]+v.Needs[catalog.Medium]+v.Needs[catalog.Low]) > 0:
		return assess.Fix
	}
	return assess.Keep
}

// fitsText names the tools that fit best, or says that none does.
func (r *mdRenderer) fitsText(c *assess.Comparison, names []string) string {
	if len(c.Fits) == 0 {
		return r.t("compare.fits.none")
	}
	// Tools of more than one kind are compared within their kind.
	kinds := map[catalog.Kind]bool{}
	for _, t := range c.Tools {
		kinds[t.Kind] = true
	}
	var fit []string
	for i, t := range c.Tools {
		if slices.Contains(c.Fits, t) {
			if len(kinds) > 1 {
				fit = append(fit, names[i]+" ("+r.t("kind."+string(t.Kind))+")")
			} else {
				fit = append(fit, names[i])
			}
		}
	}
	return fmt.Sprintf(r.t("compare.fits"), strings.Join(fit, ", "))
}

func factOf(t *assess.Tool, id string) (assess.FactLine, bool) {
	for _, f := range t.Facts {
		if f.Def.ID == id {
			return f, true
		}
	}
	return assess.FactLine{}, false
}

// CompareText renders a comparison for the terminal: the tools as columns
// (by id, as typed), short values cut to fit 80 columns with three tools,
// the year of each fact, then the actions each would need.
//
// With fit false (output that is not a terminal) nothing is cut.
func CompareText(c *assess.Comparison, l catalog.Lang, fit bool) []byte {
	cellWidth := 17
	if !fit {
		cellWidth = 1 << 20
	}
	cut := func(s string) string {
		if r := []rune(s); len(r) > cellWidth {
			return string(r[:cellWidth-1]) + "…"
		}
		return s
	}
	var b strings.Builder
	w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	// Every line has every cell, so that the columns line up throughout.
	row := func(cells ...string) {
		for len(cells) < len(c.Tools)+1 {
			cells = append(cells, "")
		}
		fmt.Fprintln(w, strings.Join(cells, "\t")+"\t")
	}
	head := []string{""}
	for _, t := range c.Tools {
		head = append(head, cut(t.Name.In(l))) // by name, as the plan names tools
	}
	row(head...)
	stale := false
	for _, d := range c.Catalog.FactsShown("compare") {
		id := d.ID
		cells := []string{d.Short.In(l)}
		any := false
		for _, t := range c.Tools {
			f, ok := factOf(t, id)
			if !ok {
				cells = append(cells, "–")
				continue
			}
			any = true
			var labels []string
			for _, v := range f.Fact.All() {
				o, _ := d.Value(v)
				label := o.Label.In(l)
				if s := o.Short.In(l); s != "" {
					label = s
				}
				labels = append(labels, label)
			}
			year := fmt.Sprintf(" (%d)", f.Fact.AsOf.Year())
			if f.Old {
				year += " ⚠"
				stale = true
			}
			// The value is cut, not its date.
			value := []rune(strings.Join(labels, ", "))
			if room := cellWidth - len([]rune(year)); len(value) > room {
				value = append(value[:room-1], '…')
			}
			cells = append(cells, string(value)+year)
		}
		if any {
			row(cells...)
		}
	}
	issues := []string{i18n.T(l, "compare.issues.short")}
	for _, t := range c.Tools {
		issues = append(issues, fmt.Sprint(len(t.Issues)))
	}
	row(issues...)
	row()
	row(i18n.T(l, "compare.actions.short"))
	for _, pr := range catalog.Priorities {
		cells := []string{"  " + i18n.T(l, "prio."+string(pr))}
		for _, v := range c.Views {
			cells = append(cells, fmt.Sprint(v.Needs[pr]))
		}
		row(cells...)
	}
	clarify := []string{"  " + i18n.T(l, "compare.clarify")}
	verdicts := []string{i18n.T(l, "plan.verdict")}
	for i, v := range c.Views {
		clarify = append(clarify, fmt.Sprint(v.Clarify))
		verdicts = append(verdicts, i18n.T(l, "verdict."+string(verdictOf(c, i))))
	}
	row(clarify...)
	row(verdicts...)
	_ = w.Flush()
	var out strings.Builder
	for _, line := range strings.Split(strings.TrimRight(b.String(), "\n"), "\n") {
		out.WriteString(strings.TrimRight(line, " ") + "\n")
	}
	out.WriteString("\n")
	context := i18n.T(l, "compare.context.none")
	if c.FromFile {
		context = fmt.Sprintf(i18n.T(l, "compare.context.file"), c.Assessment.Organisation)
	}
	var notes []string
	ids := make([]string, len(c.Tools))
	for i, t := range c.Tools {
		ids[i] = t.Name.In(l)
	}
	for i, v := range c.Views {
		for _, a := range v.RuledOut {
			notes = append(notes, ids[i]+": "+fmt.Sprintf(i18n.T(l, "compare.ruledout"), a.Title.In(l)))
		}
	}
	fr := &mdRenderer{p: &c.Plan, l: l}
	notes = append(notes, fr.fitsText(c, ids), "")
	notes = append(notes, i18n.T(l, "compare.context")+": "+context)
	if stale {
		notes = append(notes, i18n.T(l, "plan.stalelegend"))
	}
	notes = append(notes, i18n.T(l, "compare.more"))
	for _, n := range notes {
		if !fit {
			out.WriteString(n + "\n")
			continue
		}
		out.WriteString(wrapText(n, 80) + "\n")
	}
	return []byte(safe.Text(out.String())) // names and facts may come from a catalogue file
}

// wrapText breaks s into lines of at most width runes at spaces.
func wrapText(s string, width int) string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		switch {
		case line == "":
			line = word
		case len([]rune(line))+1+len([]rune(word)) > width:
			lines = append(lines, line)
			line = word
		default:
			line += " " + word
		}
	}
	return strings.Join(append(lines, line), "\n")
}

// CompareJSONFormat names the JSON of a comparison.
const CompareJSONFormat = "konform/compare/v1"

type jsonComparison struct {
	Format     string             `json:"format"`
	Lang       catalog.Lang       `json:"lang"`
	Date       string             `json:"date"`
	Context    jsonCompareContext `json:"context"`
	Tools      []jsonCompareTool  `json:"tools"`
	Fits       []string           `json:"fits"`
	Sources    []jsonSource       `json:"sources"`
	Disclaimer string             `json:"disclaimer"`
}

type jsonCompareContext struct {
	FromFile     bool                `json:"from_answers_file"`
	Organisation string              `json:"organisation,omitempty"`
	Answers      []jsonCompareAnswer `json:"answers"`
}

type jsonCompareAnswer struct {
	Question string   `json:"question"`
	Values   []string `json:"values"`
}

type jsonCompareTool struct {
	ID     string             `json:"id"`
	Name   string             `json:"name"`
	Kind   catalog.Kind       `json:"kind"`
	Facts  []jsonCompareFact  `json:"facts"`
	Issues []jsonCompareIssue `json:"issues"`
	Counts map[string]int     `json:"counts"`
	Light  assess.Light       `json:"light"`
	// Needs counts what the facts and the context call for; ToClarify what
	// only unknown answers about the tool do; RuledOut the critical
	// actions that say to stop using or replace the tool.
	Needs     map[string]int     `json:"needs"`
	ToClarify int                `json:"to_clarify"`
	Verdict   assess.Verdict     `json:"verdict"`
	RuledOut  []jsonCompareRuled `json:"ruled_out"`
}

type jsonCompareRuled struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

type jsonCompareFact struct {
	ID      string   `json:"id"`
	Values  []string `json:"values"`
	Labels  []string `json:"labels"`
	AsOf    string   `json:"as_of"`
	Stale   bool     `json:"stale"`
	Sources []string `json:"sources"`
}

type jsonCompareIssue struct {
	Text    string   `json:"text"`
	AsOf    string   `json:"as_of"`
	Stale   bool     `json:"stale"`
	Sources []string `json:"sources"`
}

// CompareJSON renders a comparison as konform/compare/v1 in language l.
func CompareJSON(c *assess.Comparison, l catalog.Lang) []byte {
	out := jsonComparison{Format: CompareJSONFormat, Lang: l, Date: c.Assessment.Date.String(),
		Context:    jsonCompareContext{FromFile: c.FromFile, Organisation: c.Assessment.Organisation, Answers: []jsonCompareAnswer{}},
		Tools:      []jsonCompareTool{},
		Fits:       []string{},
		Sources:    []jsonSource{},
		Disclaimer: i18n.T(l, "compare.disclaimer")}
	for _, a := range c.Context {
		if a.Origin != assess.Missing {
			out.Context.Answers = append(out.Context.Answers, jsonCompareAnswer{Question: a.Question.ID, Values: a.Values})
		}
	}
	for _, t := range c.Fits {
		out.Fits = append(out.Fits, t.Catalog.ID)
	}
	for i, t := range c.Tools {
		v := c.Views[i]
		jt := jsonCompareTool{ID: t.Catalog.ID, Name: t.Name.In(l), Kind: t.Kind, Facts: []jsonCompareFact{}, Issues: []jsonCompareIssue{},
			Counts: counts(t.Counts), Light: t.Light, Needs: counts(v.Needs), ToClarify: v.Clarify, Verdict: verdictOf(c, i), RuledOut: []jsonCompareRuled{}}
		for _, a := range v.RuledOut {
			jt.RuledOut = append(jt.RuledOut, jsonCompareRuled{ID: a.ID, Title: a.Title.In(l)})
		}
		for _, f := range t.Facts {
			labels := []string{}
			for _, v := range f.Fact.All() {
				o, _ := f.Def.Value(v)
				labels = append(labels, o.Label.In(l))
			}
			jt.Facts = append(jt.Facts, jsonCompareFact{ID: f.Def.ID, Values: f.Fact.All(), Labels: labels, AsOf: f.Fact.AsOf.String(), Stale: f.Old, Sources: f.Fact.Source})
		}
		for _, is := range t.Issues {
			jt.Issues = append(jt.Issues, jsonCompareIssue{Text: is.Issue.Text.In(l), AsOf: is.Issue.AsOf.String(), Stale: is.Stale, Sources: is.Issue.Source})
		}
		out.Tools = append(out.Tools, jt)
	}
	for _, s := range c.Sources() {
		out.Sources = append(out.Sources, jsonSource{ID: s.ID, Title: s.Title, By: s.Publisher(l), Date: s.Date, URL: s.URL, Read: s.Read})
	}
	return EncodeJSON(out)
}
