package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/catalog"
)

// lockedPage says that the session chosen is open in another konform (or
// cannot be opened) and asks whether to go on in a copy.
type lockedPage struct {
	file   *answers.File
	reason string
	keys   struct{ copy, back, quit key.Binding }
}

func newLocked(lang catalog.Lang, f *answers.File, reason string) *lockedPage {
	p := &lockedPage{file: f, reason: reason}
	e := helpEntries(lang, "ui.locked.help")
	p.keys.copy, p.keys.back, p.keys.quit = bind(e[0], "y", "j", "Y", "J"), bind(e[1], "n", "N", "esc"), quitEntry(e[2])
	return p
}

func (p *lockedPage) kind() screen  { return scrLocked }
func (p *lockedPage) init() tea.Cmd { return nil }

func (p *lockedPage) bindings(*Model) []key.Binding {
	return []key.Binding{p.keys.copy, p.keys.back, p.keys.quit}
}

func (p *lockedPage) update(_ *Model, msg tea.Msg) (tea.Cmd, tea.Msg) {
	k, ok := msg.(tea.KeyPressMsg)
	switch {
	case !ok:
	case key.Matches(k, p.keys.copy):
		return nil, openCopy{}
	case key.Matches(k, p.keys.back):
		return nil, back{}
	}
	return nil, nil
}

func (p *lockedPage) view(r *Model) string {
	return warn.Render(wrap(p.reason, r.width-2)) + "\n\n" + wrap(r.t("ui.locked.ask"), r.width-2)
}
