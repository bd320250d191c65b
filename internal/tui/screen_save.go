package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
)

// savePage asks where to save the plan and which files to write beside it.
type savePage struct {
	form   *huh.Form
	path   string   // as typed, ~ for the home folder
	extras []string // "json", "answers", "drafts"
	failed string   // why the last save failed, until the path changes
	keys   formKeys
	tick   key.Binding // space, while the choice of files has the focus
}

func newSave(r *Model, target save, failed string) *savePage {
	p := &savePage{path: r.tildePath(target.path), extras: target.extras, failed: failed, keys: newFormKeys(r), tick: bind(r.t("ui.keys.space"), "space")}
	p.form = r.prepare(newThemedForm(
		newInput().Title(r.t("ui.save.path")).Value(&p.path).CharLimit(4096),
		newMultiSelect().Title(r.t("ui.save.extra")).Options(
			huh.NewOption(r.t("ui.save.json"), "json"),
			huh.NewOption(r.t("ui.save.answers"), "answers"),
			huh.NewOption(r.t("ui.save.drafts"), "drafts")).Value(&p.extras).Height(6)))
	return p
}

func (p *savePage) kind() screen  { return scrSave }
func (p *savePage) init() tea.Cmd { return formInit(p.form) }
func (p *savePage) bindings(*Model) []key.Binding {
	tick := p.tick
	_, multi := p.focused().(*huh.MultiSelect[string])
	tick.SetEnabled(multi)
	return append([]key.Binding{tick}, p.keys.list()...)
}

// focused is the form's field with the focus, nil without a form.
func (p *savePage) focused() huh.Field {
	if p.form == nil {
		return nil
	}
	return p.form.GetFocusedField()
}

func (p *savePage) update(_ *Model, msg tea.Msg) (tea.Cmd, tea.Msg) {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, p.keys.back) {
		return nil, back{}
	}
	before := p.path
	var cmd tea.Cmd
	p.form, cmd = formUpdate(p.form, msg)
	if p.path != before {
		p.failed = "" // a new path: the error of the old one goes
	}
	if !completed(p.form) {
		return cmd, nil
	}
	p.form = nil
	return cmd, save{path: p.path, extras: p.extras}
}

func (p *savePage) view(r *Model) string {
	body := formView(p.form) + r.wholePath(p.path)
	if p.failed != "" {
		body += "\n" + warn.Render(wrap(r.t("ui.save.error")+": "+p.failed, r.width-2))
	}
	return body
}
