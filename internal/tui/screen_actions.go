package tui

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/mdterm"
)

// The plan's actions as a list, from the preview: choose one and record
// its status, owner, agreed due date and, for one that does not apply,
// the reason. The records go into the answers file (actions:) and the
// plan shows them.

// actionsPage is the list of the plan's actions, and the form of the one
// being recorded.
type actionsPage struct {
	cur  int         // the action chosen
	edit *actionForm // the record being edited; nil on the list
	keys struct{ up, down, first, last, record, back key.Binding }
}

// actionForm is one action's record as the user types it.
type actionForm struct {
	id                 string
	form               *huh.Form
	status             string
	owner, due, reason string
	keys               struct{ next, cancel, stay key.Binding }
}

func newActions(r *Model) *actionsPage {
	p := &actionsPage{}
	e := helpEntries(r.lang, "ui.actions.help")
	// Home and end move the choice too: they belong to its entry.
	p.keys.up, p.keys.down = bind(e[0], "up", "k"), bind(e[0], "down", "j")
	p.keys.first, p.keys.last = bind(e[0], "home", "g"), bind(e[0], "end", "G")
	p.keys.record, p.keys.back = bind(e[1], "enter"), bind(e[2], "esc", "shift+tab", "p")
	return p
}

func (p *actionsPage) kind() screen {
	if p.edit != nil {
		return scrActionEdit
	}
	return scrActions
}

func (p *actionsPage) init() tea.Cmd {
	if p.edit != nil {
		return formInit(p.edit.form)
	}
	return nil
}

func (p *actionsPage) bindings(*Model) []key.Binding {
	if e := p.edit; e != nil {
		return []key.Binding{e.keys.next, e.keys.cancel, e.keys.stay}
	}
	k := p.keys
	return []key.Binding{k.up, k.down, k.first, k.last, k.record, k.back}
}

func (p *actionsPage) update(r *Model, msg tea.Msg) (tea.Cmd, tea.Msg) {
	if p.edit != nil {
		return p.editUpdate(msg)
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	acts := r.plan.Actions
	n := len(acts)
	p.cur = min(p.cur, max(0, n-1))
	switch {
	case key.Matches(k, p.keys.up):
		p.cur = max(0, p.cur-1)
	case key.Matches(k, p.keys.down):
		p.cur = min(n-1, p.cur+1)
	case key.Matches(k, p.keys.first):
		p.cur = 0
	case key.Matches(k, p.keys.last):
		p.cur = n - 1
	case key.Matches(k, p.keys.record):
		if p.cur < n {
			p.edit = newActionForm(r, acts[p.cur])
			return formInit(p.edit.form), nil
		}
	case key.Matches(k, p.keys.back):
		return nil, back{}
	}
	return nil, nil
}

// newActionForm opens the form for one action's record.
func newActionForm(r *Model, a *assess.Action) *actionForm {
	f := &actionForm{id: a.ID, status: a.Status, owner: a.Owner, reason: a.Reason}
	if a.DueSet {
		f.due = a.Due.String()
	}
	opts := make([]huh.Option[string], len(answers.Statuses))
	for i, st := range answers.Statuses {
		opts[i] = huh.NewOption(r.t("status."+st), st)
	}
	f.form = r.prepare(newThemedForm(
		newSelect().Title(a.Title.In(r.lang)).Description(r.t("ui.action.status")).Options(opts...).Value(&f.status),
		newInput().Title(r.t("ui.action.owner")).Value(&f.owner).CharLimit(200),
		newInput().Title(r.t("ui.action.due")).Placeholder(r.t("ui.action.dateformat")).Value(&f.due).Validate(func(s string) error {
			if s = strings.TrimSpace(s); s != "" {
				if _, err := parseUserDate(s); err != nil {
					return errors.New(r.t("ui.action.baddate"))
				}
			}
			return nil
		}),
		newInput().Title(r.t("ui.action.reason")).Value(&f.reason).CharLimit(answers.MaxText).Validate(func(s string) error {
			if f.status == answers.StatusNotApplicable && strings.TrimSpace(s) == "" {
				return errors.New(r.t("ui.action.needreason"))
			}
			return nil
		})))
	e := helpEntries(r.lang, "ui.action.help")
	f.keys.next, f.keys.cancel = bind(e[0], "enter"), bind(e[1], "esc")
	f.keys.stay = hidden("shift+tab") // does nothing here, as it always has
	return f
}

// editUpdate is the form's: esc returns to the list, a completed form
// reports the record.
func (p *actionsPage) editUpdate(msg tea.Msg) (tea.Cmd, tea.Msg) {
	e := p.edit
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, e.keys.cancel):
			p.edit = nil
			return nil, nil
		case key.Matches(k, e.keys.stay):
			return formInit(e.form), nil
		}
	}
	var cmd tea.Cmd
	if e.form, cmd = formUpdate(e.form, msg); !completed(e.form) {
		return cmd, nil
	}
	p.edit = nil
	st := answers.ActionState{Status: e.status, Owner: strings.TrimSpace(e.owner), Reason: strings.TrimSpace(e.reason)}
	if st.Status == answers.StatusOpen {
		st.Status = ""
	}
	if d, err := parseUserDate(strings.TrimSpace(e.due)); err == nil {
		st.Due = d
	}
	return cmd, actionRecorded{id: e.id, state: st}
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

func (p *actionsPage) view(r *Model) string {
	if p.edit != nil {
		return formView(p.edit.form)
	}
	acts := r.plan.Actions
	if len(acts) == 0 {
		return r.t("plan.noactions")
	}
	p.cur = min(p.cur, len(acts)-1)
	// Each action: its mark, status, owner and tool, then its title – all
	// of it, wrapped; the list scrolls by lines around the chosen one.
	type line struct {
		text string
		item int
	}
	var lines []line
	for i, a := range acts {
		who := r.t("org.name")
		if a.Tool != nil {
			who = a.Tool.Name.In(r.lang)
		}
		status := r.t("status." + a.Status)
		if a.Owner != "" {
			status += " · " + a.Owner
		}
		text := fmt.Sprintf("%s %s — %s: %s", actionMark(a), status, who, a.Title.In(r.lang))
		for j, l := range mdterm.WrapLines(text, max(10, r.width-4)) {
			mark, pad := "  ", "  "
			if j > 0 {
				pad = "    "
				mark = "    "
			}
			if i == p.cur {
				if j == 0 {
					mark = "› "
				}
				lines = append(lines, line{head.Render(mark + l), i})
			} else {
				lines = append(lines, line{pad + l, i})
			}
		}
	}
	at := slices.IndexFunc(lines, func(l line) bool { return l.item == p.cur })
	room := max(3, r.high-7)
	first := max(0, min(at-room/3, len(lines)-room))
	var b strings.Builder
	for _, l := range lines[first:min(len(lines), first+room)] {
		b.WriteString(l.text + "\n")
	}
	return b.String()
}
