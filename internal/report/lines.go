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
// changed) instead of YAML.
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
	return b.Bytes()
}
