package report

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/i18n"
	"github.com/konform/konform/internal/safe"
)

// Lines renders the plan as plain lines that read well as a difference:
// the assessment, a light per tool, then one line per action – sorted by
// id, with priority, status, owner and due date – so that git diff on an
// answers file (with konform as its textconv driver) shows actions
// resolved (a line gone), added (a line new) and re-prioritised (a line
// changed) instead of YAML; below them every answer and note given, so
// that the answer behind a change shows too.
func Lines(p *assess.Plan, l catalog.Lang) []byte {
	var b bytes.Buffer
	t := func(key string) string { return i18n.T(l, key) }
	check := t("plan.check.full")
	if p.Assessment.Quick() {
		check = t("pf.check.quick")
	}
	fmt.Fprintf(&b, "%s – %s %s (%s)\n", safe.Line(p.Assessment.Organisation), t("plan.date"), p.Assessment.Date, check)
	for _, tool := range p.Tools {
		fmt.Fprintf(&b, "%s %s: %s\n", t("plan.light"), safe.Line(tool.Name.In(l)), t("light."+string(tool.Light)))
	}
	fmt.Fprintf(&b, "%s %s: %s\n", t("plan.light"), t("plan.orgrow"), t("light."+string(p.OrgLight())))
	actions := slices.Clone(p.Actions)
	slices.SortStableFunc(actions, func(a, b *assess.Action) int { return strings.Compare(a.ID, b.ID) })
	for _, a := range actions {
		if a.Conditional {
			continue
		}
		status := t("status." + a.Status)
		if a.SupersededBy != nil {
			status = t("lines.superseded")
		}
		line := fmt.Sprintf("[%s] %s: %s – %s", t("prio."+string(a.Priority)), a.ID, a.Title.In(l), status)
		if a.Owner != "" {
			line += " · " + a.Owner
		}
		if !a.Due.IsZero() && a.SupersededBy == nil {
			line += " · " + t("csv.due") + " " + a.Due.String()
		}
		b.WriteString(safe.Line(line) + "\n")
	}
	// Then the answers, one per line, so that a commit that changes only
	// an answer or a note – or the answer behind a dropped action – shows
	// what changed.
	a := p.Assessment
	if a.Assessor != "" {
		fmt.Fprintf(&b, "%s: %s\n", t("plan.assessor"), safe.Line(a.Assessor))
	}
	if len(a.Participants) > 0 {
		fmt.Fprintf(&b, "%s: %s\n", t("plan.participants"), safe.Line(strings.Join(a.Participants, ", ")))
	}
	answers := func(scope string, as []assess.Answer) {
		for _, x := range as {
			if x.Origin == assess.Missing {
				continue
			}
			val := strings.Join(x.Values, "")
			if x.Question.Type != catalog.FreeText {
				labels := make([]string, len(x.Values))
				for i, v := range x.Values {
					o, _ := x.Question.Option(v)
					labels[i] = o.Label.In(l)
				}
				val = strings.Join(labels, "; ")
			}
			if x.Origin == assess.FromFact {
				val += " (" + t("origin.fact") + ")"
			}
			fmt.Fprintf(&b, "%s · %s: %s\n", safe.Line(scope), safe.Line(x.Question.Title.In(l)), safe.Line(val))
			if x.Note != "" {
				fmt.Fprintf(&b, "%s · %s · %s: %s\n", safe.Line(scope), safe.Line(x.Question.Title.In(l)), t("plan.note"), safe.Line(x.Note))
			}
		}
	}
	answers(t("org.name"), p.Context)
	for _, tool := range p.Tools {
		answers(tool.Name.In(l), tool.Answers)
	}
	return b.Bytes()
}
