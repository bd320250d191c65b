package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
)

// sessionPage asks where to keep the session from now on (ctrl+s), for
// when it cannot be saved where it is, or should be kept elsewhere.
type sessionPage struct {
	from   page // where ctrl+s was pressed
	form   *huh.Form
	path   string // as typed, ~ for the home folder
	failed string // why keeping it there failed
	keys   struct{ save, back, stay, quit key.Binding }
}

func newSessionSave(r *Model, from page, path, failed string) *sessionPage {
	p := &sessionPage{from: from, path: path, failed: failed}
	p.form = r.prepare(newThemedForm(newInput().Title(r.t("ui.session.path")).Value(&p.path).CharLimit(4096)))
	e := helpEntries(r.lang, "ui.session.help")
	p.keys.save, p.keys.back, p.keys.quit = bind(e[0], "enter"), bind(e[1], "esc"), quitEntry(e[2])
	p.keys.stay = hidden("shift+tab") // does nothing here, as it always has
	return p
}

func (p *sessionPage) kind() screen  { return scrSaveSession }
func (p *sessionPage) init() tea.Cmd { return formInit(p.form) }

func (p *sessionPage) bindings(*Model) []key.Binding {
	return []key.Binding{p.keys.save, p.keys.back, p.keys.stay, p.keys.quit}
}

func (p *sessionPage) update(_ *Model, msg tea.Msg) (tea.Cmd, tea.Msg) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, p.keys.back):
			return nil, back{}
		case key.Matches(k, p.keys.stay):
			return p.init(), nil
		}
	}
	var cmd tea.Cmd
	if p.form, cmd = formUpdate(p.form, msg); !completed(p.form) {
		return cmd, nil
	}
	p.form = nil
	return cmd, saveSession{p.path}
}

func (p *sessionPage) view(r *Model) string {
	body := wrap(r.t("ui.session.intro"), r.width-2) + "\n\n" + formView(p.form) + r.wholePath(p.path)
	if p.failed != "" {
		body += "\n" + warn.Render(wrap(r.t("ui.save.error")+": "+p.failed, r.width-2))
	}
	return body
}
