package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/i18n"
)

// toolsPage is the choice of tools: a list to tick, to filter (/) and to
// compare (ctrl+k).
type toolsPage struct {
	list    *toolList
	ticked  []string // the ids of the tools ticked
	touched bool     // a key was pressed: validation hints may show
	message string
	keys    struct {
		tick, filter, clearFilter, compare, next, back, quit key.Binding
	}
}

func newTools(r *Model) *toolsPage {
	p := &toolsPage{ticked: r.st.toolIDs()}
	var items []toolItem
	for _, kind := range catalog.Kinds {
		for _, t := range r.cat.Tools {
			if t.Kind == kind && !t.Custom {
				items = append(items, toolItem{t.ID, fmt.Sprintf("%s · %s", i18n.T(r.lang, "kind."+string(kind)), t.Name.In(r.lang))})
			}
		}
	}
	for _, t := range r.cat.Tools {
		if t.Custom {
			items = append(items, toolItem{t.ID, t.Name.In(r.lang) + " …"})
		}
	}
	p.list = newToolList(r.t("ui.tools"), r.t("ui.tools.help"), items, p.ticked, max(5, r.high-10)-2)
	p.list.none = r.t("ui.tools.nomatch")
	k := &p.keys
	e := helpEntries(r.lang, "ui.keys.tools")
	k.tick, k.filter, k.compare = bind(e[0], "space"), bind(e[1], "/"), bind(e[2], "ctrl+k")
	// esc ends a search (a second esc goes back); the footer says so while
	// there is one.
	k.clearFilter = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", r.t("ui.key.endsearch")))
	k.next, k.back, k.quit = bind(e[3], "enter"), bind(e[4], "shift+tab", "esc"), quitEntry(e[5])
	return p
}

func (p *toolsPage) kind() screen      { return scrStep }
func (p *toolsPage) init() tea.Cmd     { return nil }
func (p *toolsPage) notice(msg string) { p.message = msg }

func (p *toolsPage) bindings(*Model) []key.Binding {
	k := p.keys
	return []key.Binding{k.tick, k.filter, enabled(k.clearFilter, p.list.filtered()), k.compare, k.next, k.back, k.quit}
}

// resize gives the list the window's new height; ticks and cursor stay.
func (p *toolsPage) resize(r *Model) tea.Cmd {
	p.list.height = max(1, max(5, r.high-10)-2)
	return nil
}

func (p *toolsPage) update(r *Model, msg tea.Msg) (tea.Cmd, tea.Msg) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	p.touched = true // validation hints may show from now on
	switch {
	// The filter, as in huh, gum and fzf: esc clears it (a second esc
	// goes back), space ticks while typing it.
	case p.list.filtered() && key.Matches(k, p.keys.clearFilter):
		p.list.clearFilter()
		return nil, nil
	case p.list.typing && !key.Matches(k, p.keys.compare):
		// Typing the filter: letters are the filter's, not keys.
	case key.Matches(k, p.keys.back):
		// The ticks so far are kept for coming forward again.
		return nil, toolsKept{p.ticked}
	case key.Matches(k, p.keys.compare):
		return nil, p.compare(r)
	}
	done := p.list.update(k)
	p.ticked = p.list.tickedIDs()
	if !done {
		return nil, nil
	}
	if len(p.ticked) == 0 {
		p.list.err = r.t("ui.tools.required")
		return nil, nil
	}
	return nil, toolsChosen{p.ticked}
}

// compare asks for the comparison of the catalogue's tools ticked; it
// needs two of them.
func (p *toolsPage) compare(r *Model) tea.Msg {
	var ids []string
	for _, id := range p.ticked {
		if t := r.cat.Tool(id); t != nil && !t.Custom {
			ids = append(ids, id)
		}
	}
	if len(ids) < 2 {
		p.message = r.t("ui.compare.need2")
		return nil
	}
	p.message = ""
	return openCompare{ids}
}

func (p *toolsPage) view(r *Model) string {
	body := p.list.view(r.formWidth(), &theme().Theme(r.dark).Focused)
	// The list scrolls: say that there is more than the screen shows.
	if p.list.below(r.formWidth()) && !p.list.filtered() {
		body += "\n" + dim.Render(indent(wrap("↓ "+fmt.Sprintf(r.t("ui.tools.more"), len(p.list.items)), r.width-4), "  "))
	}
	if p.message != "" {
		body += "\n" + warn.Render(p.message)
	}
	return body
}
