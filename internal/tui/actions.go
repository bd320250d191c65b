package tui

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/mdterm"
)

// The plan's actions as a list, from the preview: choose one and record
// its status, owner, agreed due date and, for one that does not apply,
// the reason. The records go into the answers file (actions:) and the
// plan shows them.

func (m *Model) openActions() {
	m.refresh()
	m.screen = scrActions
	m.form = nil
	m.actCur = min(m.actCur, max(0, len(m.plan.Actions)-1))
}

// actionMark is a sign for an action's status.
func actionMark(a *assess.Action) string {
	switch a.Status {
	case answers.StatusDone:
		return "☑"
	case answers.StatusInProgress:
		return "◐"
	case answers.StatusNotApplicable:
		return "–"
	}
	return "☐"
}

func (m *Model) actionsView() string {
	acts := m.plan.Actions
	if len(acts) == 0 {
		return m.t("plan.noactions")
	}
	// Each action: its mark, status, owner and tool, then its title – all
	// of it, wrapped; the list scrolls by lines around the chosen one.
	type line struct {
		text string
		item int
	}
	var lines []line
	for i, a := range acts {
		who := m.t("org.name")
		if a.Tool != nil {
			who = a.Tool.Name.In(m.lang)
		}
		status := m.t("status." + a.Status)
		if a.Owner != "" {
			status += " · " + a.Owner
		}
		text := fmt.Sprintf("%s %s — %s: %s", actionMark(a), status, who, a.Title.In(m.lang))
		for j, l := range mdterm.WrapLines(text, max(10, m.width-4)) {
			mark, pad := "  ", "  "
			if j > 0 {
				pad = "    "
				mark = "    "
			}
			if i == m.actCur {
				if j == 0 {
					mark = "› "
				}
				lines = append(lines, line{head.Render(mark + l), i})
			} else {
				lines = append(lines, line{pad + l, i})
			}
		}
	}
	at := slices.IndexFunc(lines, func(l line) bool { return l.item == m.actCur })
	room := max(3, m.high-7)
	first := max(0, min(at-room/3, len(lines)-room))
	var b strings.Builder
	for _, l := range lines[first:min(len(lines), first+room)] {
		b.WriteString(l.text + "\n")
	}
	return b.String()
}

func (m *Model) actionsKey(k string) (tea.Model, tea.Cmd) {
	n := len(m.plan.Actions)
	switch k {
	case "up", "k":
		m.actCur = max(0, m.actCur-1)
	case "down", "j":
		m.actCur = min(n-1, m.actCur+1)
	case "home", "g":
		m.actCur = 0
	case "end", "G":
		m.actCur = n - 1
	case "enter":
		if m.actCur < n {
			m.editAction(m.plan.Actions[m.actCur])
			return m, m.form.Init()
		}
	case "esc", "shift+tab", "p":
		m.openPreview()
	}
	return m, nil
}

// editAction opens the form for one action's record.
func (m *Model) editAction(a *assess.Action) {
	m.screen = scrActionEdit
	m.editing = a.ID
	m.val = a.Status
	m.inputs = [4]string{a.Owner, "", a.Reason}
	if a.DueSet {
		m.inputs[1] = a.Due.String()
	}
	opts := make([]huh.Option[string], len(answers.Statuses))
	for i, st := range answers.Statuses {
		opts[i] = huh.NewOption(m.t("status."+st), st)
	}
	m.newForm("action",
		newSelect().Title(a.Title.In(m.lang)).Description(m.t("ui.action.status")).Options(opts...).Value(&m.val),
		newInput().Title(m.t("ui.action.owner")).Value(&m.inputs[0]).CharLimit(200),
		newInput().Title(m.t("ui.action.due")).Placeholder(m.t("ui.action.dateformat")).Value(&m.inputs[1]).Validate(func(s string) error {
			if s = strings.TrimSpace(s); s != "" {
				if _, err := parseUserDate(s); err != nil {
					return errors.New(m.t("ui.action.baddate"))
				}
			}
			return nil
		}),
		newInput().Title(m.t("ui.action.reason")).Value(&m.inputs[2]).CharLimit(answers.MaxText).Validate(func(s string) error {
			if m.val == answers.StatusNotApplicable && strings.TrimSpace(s) == "" {
				return errors.New(m.t("ui.action.needreason"))
			}
			return nil
		}))
}

// saveAction stores the record the form collected and returns to the list.
func (m *Model) saveAction() {
	st := answers.ActionState{Status: m.val, Owner: strings.TrimSpace(m.inputs[0]), Reason: strings.TrimSpace(m.inputs[2])}
	if st.Status == answers.StatusOpen {
		st.Status = ""
	}
	if d, err := parseUserDate(strings.TrimSpace(m.inputs[1])); err == nil {
		st.Due = d
	}
	if m.st.actions == nil {
		m.st.actions = map[string]answers.ActionState{}
	}
	if st == (answers.ActionState{}) {
		delete(m.st.actions, m.editing)
	} else {
		m.st.actions[m.editing] = st
	}
	m.autosave()
	m.openActions()
}

// parseUserDate reads a date as people type it: 2027-01-31 or, as German
// users write it, 31.01.2027 (also 31.1.2027).
// assessmentDate reads the date of the assessment as typed: the due dates
// count from it, and answers files take years from answers.MinYear to
// answers.MaxYear.
func assessmentDate(s string) (catalog.Date, bool) {
	d, err := parseUserDate(strings.TrimSpace(s))
	if err != nil || d.Year() < answers.MinYear || d.Year() > answers.MaxYear {
		return catalog.Date{}, false
	}
	return d, true
}

func parseUserDate(s string) (catalog.Date, error) {
	if d, err := catalog.ParseDate(s); err == nil {
		return d, nil
	}
	t, err := time.Parse("2.1.2006", s)
	if err != nil {
		return catalog.Date{}, err
	}
	return catalog.Date{Time: t}, nil
}
