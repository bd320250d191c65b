package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/konform/konform/internal/mdterm"
	"github.com/konform/konform/internal/report"
)

// previewPage shows the plan as it stands: save it (s), record the
// progress of its actions (a), or go back to the review.
type previewPage struct {
	plan viewport.Model
	keys struct{ scroll, actions, save, back key.Binding }
}

func newPreview(r *Model) *previewPage {
	p := &previewPage{}
	p.resize(r)
	e := helpEntries(r.lang, "ui.preview.help")
	p.keys.scroll, p.keys.actions = bind(e[0], "up", "down"), bind(e[1], "a")
	p.keys.save, p.keys.back = bind(e[2], "s", "enter"), bind(e[3], "shift+tab", "esc")
	return p
}

func (p *previewPage) kind() screen  { return scrPreview }
func (p *previewPage) init() tea.Cmd { return nil }

func (p *previewPage) bindings(*Model) []key.Binding {
	return []key.Binding{p.keys.scroll, p.keys.actions, p.keys.save, p.keys.back}
}

// resize draws the plan for the window.
func (p *previewPage) resize(r *Model) tea.Cmd {
	p.plan.SetWidth(r.width)
	p.plan.SetHeight(max(1, r.high-6))
	md := report.Markdown(r.plan, r.lang)
	out := mdterm.RenderStyled(string(md), r.width-4, mdterm.NewStyles(r.dark))
	p.plan.SetContent("  " + strings.ReplaceAll(out, "\n", "\n  "))
	return nil
}

func (p *previewPage) update(_ *Model, msg tea.Msg) (tea.Cmd, tea.Msg) {
	k, ok := msg.(tea.KeyPressMsg)
	switch {
	case !ok:
		return nil, nil
	case key.Matches(k, p.keys.save):
		return nil, openSave{}
	case key.Matches(k, p.keys.actions):
		return nil, openActions{}
	case key.Matches(k, p.keys.back):
		return nil, back{}
	}
	var cmd tea.Cmd
	p.plan, cmd = p.plan.Update(msg) // ↑/↓ and the viewport's other keys
	return cmd, nil
}

func (p *previewPage) view(*Model) string { return p.plan.View() }
