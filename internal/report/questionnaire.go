package report

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/i18n"
)

// Questionnaire renders the blank questionnaire as Markdown for a paper
// workshop: every question with its help, its options as check boxes, and
// when it applies; with quick, only the questions of the quick check.
func Questionnaire(cat *catalog.Catalog, l catalog.Lang, quick bool) []byte {
	r := &mdRenderer{l: l}
	asked := func(q *catalog.Question) bool { return !quick || cat.Quick(q) }
	if quick {
		r.heading(1, i18n.T(l, "q.title.quick"))
		r.para(i18n.T(l, "q.intro.quick"))
		r.para("")
	} else {
		r.heading(1, i18n.T(l, "q.title"))
	}
	r.para(i18n.T(l, "q.intro"))
	r.para("")
	n := 0
	for _, scope := range []catalog.Scope{catalog.ScopeContext, catalog.ScopeTool} {
		r.heading(2, i18n.T(l, "q.scope."+string(scope)))
		if scope == catalog.ScopeTool {
			r.para(i18n.T(l, "q.pertool"))
			r.para("")
		}
		for _, a := range cat.AreasIn(scope) {
			if !slices.ContainsFunc(cat.QuestionsIn(scope), func(q *catalog.Question) bool { return q.Area == a.ID && asked(q) }) {
				continue
			}
			r.heading(3, r.text(a.Title))
			r.para(r.text(a.Intro))
			r.para("")
			for _, q := range cat.QuestionsIn(scope) {
				if q.Area != a.ID || !asked(q) {
					continue
				}
				n++
				r.line("**%d. %s** (`%s`)", n, r.text(q.Title), q.ID)
				r.para("")
				r.para(r.text(q.Help))
				r.para("")
				if q.ShowIf != nil {
					r.line("%s: %s", i18n.T(l, "q.onlyif"), condText(cat, q.ShowIf, l))
					r.para("")
				}
				if q.Type == catalog.FreeText {
					r.para("- " + i18n.T(l, "q.freetext") + ": …")
				}
				for _, o := range q.Options {
					r.line("- [ ] %s", r.text(o.Label))
				}
				if q.Type == catalog.MultiChoice {
					r.para("")
					r.para(i18n.T(l, "q.multi"))
				}
				r.para("")
				r.line("%s: …", i18n.T(l, "plan.note"))
				r.para("")
			}
		}
	}
	return append(bytes.TrimRight(r.b.Bytes(), "\n"), '\n')
}

// condText says a condition in words.
func condText(cat *catalog.Catalog, c *catalog.Cond, l catalog.Lang) string {
	join := func(subs []*catalog.Cond, word string) string {
		parts := make([]string, len(subs))
		for i, s := range subs {
			parts[i] = condText(cat, s, l)
		}
		return "(" + strings.Join(parts, " "+i18n.T(l, word)+" ") + ")"
	}
	switch {
	case c.All != nil:
		return join(c.All, "q.and")
	case c.Any != nil:
		return join(c.Any, "q.or")
	case c.Not != nil && (c.Not.Q != "" || c.Not.Fact != ""):
		return strings.Replace(condText(cat, c.Not, l), " = ", " ≠ ", 1)
	case c.Not != nil:
		return i18n.T(l, "q.not") + " " + condText(cat, c.Not, l)
	case c.AnyTool != nil:
		return i18n.T(l, "q.anytool") + " " + condText(cat, c.AnyTool, l)
	case c.Q != "":
		q := cat.Question(c.Q)
		return fmt.Sprintf("%s = %s", quote(l, Escape(q.Title.In(l))), valueLabels(c, q.Option, l))
	case c.Fact != "":
		d := cat.FactDef(c.Fact)
		return fmt.Sprintf("%s %s = %s", i18n.T(l, "plan.factof"), quote(l, Escape(d.Title.In(l))), valueLabels(c, d.Value, l))
	case c.Kind != "":
		return i18n.T(l, "q.kindis") + " " + i18n.T(l, "kind."+string(c.Kind))
	case c.Tool != "":
		return i18n.T(l, "q.toolis") + " " + Escape(cat.Tool(c.Tool).Name.In(l))
	}
	return ""
}

// valueLabels names a leaf's values, "„A“ / „B“".
func valueLabels(c *catalog.Cond, option func(string) (catalog.Option, bool), l catalog.Lang) string {
	labels := make([]string, len(c.Values()))
	for i, v := range c.Values() {
		o, _ := option(v)
		labels[i] = quote(l, Escape(o.Label.In(l)))
	}
	return strings.Join(labels, " / ")
}

func quote(l catalog.Lang, s string) string {
	return i18n.T(l, "quote.open") + s + i18n.T(l, "quote.close")
}

type jsonQuestion struct {
	ID      string           `json:"id"`
	Scope   catalog.Scope    `json:"scope"`
	Area    string           `json:"area"`
	Type    catalog.QType    `json:"type"`
	Title   catalog.Text     `json:"title"`
	Help    catalog.Text     `json:"help"`
	Options []catalog.Option `json:"options"`
	ShowIf  *catalog.Cond    `json:"show_if"`
	Prefill string           `json:"prefill,omitempty"`
	Quick   bool             `json:"quick"`
	Assume  *catalog.Text    `json:"assume,omitempty"`
}

// QuestionnaireJSON lists the questions with ids, types, options and
// conditions, for other programs; "quick" marks the quick check's
// questions, and with quick only those are listed.
func QuestionnaireJSON(cat *catalog.Catalog, quick bool) []byte {
	qs := make([]jsonQuestion, 0, len(cat.Questions))
	for _, q := range cat.Questions {
		if quick && !cat.Quick(q) {
			continue
		}
		jq := jsonQuestion{ID: q.ID, Scope: q.Scope, Area: q.Area, Type: q.Type, Title: q.Title, Help: q.Help,
			Options: q.Options, ShowIf: q.ShowIf, Prefill: q.Prefill, Quick: cat.Quick(q)}
		if jq.Options == nil {
			jq.Options = []catalog.Option{}
		}
		if q.Assume != (catalog.Text{}) {
			a := q.Assume
			jq.Assume = &a
		}
		qs = append(qs, jq)
	}
	return EncodeJSON(struct {
		Format    string         `json:"format"`
		Questions []jsonQuestion `json:"questions"`
	}{"konform/questions/v1", qs})
}
