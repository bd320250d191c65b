package tui

import (
	"errors"
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/i18n"
)

// toolsPage is the choice of tools: a list to tick, to filter (/) and to
// compare (ctrl+k).
type toolsPage struct {
	form     *huh.Form
	list     *huh.MultiSelect[string]
	ticked   []string // the ids of the tools ticked
	filtered bool     // the list has been filtered since it was built
	touched  bool     // a key was pressed: validation hints may show
	message  string
	keys     struct {
		tick, filter, clearFilter, compare, next, back, quit key.Binding
	}
}

func newTools(r *Model) *toolsPage {
	p := &toolsPage{ticked: r.st.toolIDs()}
	var opts []huh.Option[string]
	for _, kind := range catalog.Kinds {
		for _, t := range r.cat.Tools {
			if t.Kind == kind && !t.Custom {
				opts = append(opts, huh.NewOption(fmt.Sprintf("%s · %s", i18n.T(r.lang, "kind."+string(kind)), t.Name.In(r.lang)), t.ID))
			}
		}
	}
	for _, t := range r.cat.Tools {
		if t.Custom {
			opts = append(opts, huh.NewOption(t.Name.In(r.lang)+" …", t.ID))
		}
	}
	p.list = newMultiSelect()
	p.form = r.prepare(newThemedForm(p.list.Title(r.t("ui.tools")).Description(r.t("ui.tools.help")).
		Options(opts...).Value(&p.ticked).Filterable(true).Height(max(5, r.high-10)).
		Validate(func(ids []string) error {
			if len(ids) == 0 && p.touched {
				return errors.New(r.t("ui.tools.required"))
			}
			return nil
		})))
	k := &p.keys
	e := helpEntries(r.lang, "ui.keys.tools")
	k.tick, k.filter, k.compare = bind(e[0], "space"), bind(e[1], "/"), bind(e[2], "ctrl+k")
	// esc clears a filter (a second esc goes back): part of the filter's entry.
	k.clearFilter = bind(e[1], "esc")
	k.next, k.back, k.quit = bind(e[3], "enter"), bind(e[4], "shift+tab", "esc"), quitEntry(e[5])
	return p
}

func (p *toolsPage) kind() screen      { return scrStep }
func (p *toolsPage) init() tea.Cmd     { return formInit(p.form) }
func (p *toolsPage) notice(msg string) { p.message = msg }

func (p *toolsPage) bindings(*Model) []key.Binding {
	k := p.keys
	return []key.Binding{k.tick, k.filter, enabled(k.clearFilter, p.filtered), k.compare, k.next, k.back, k.quit}
}

func (p *toolsPage) update(r *Model, msg tea.Msg) (tea.Cmd, tea.Msg) {
	if k, ok := msg.(tea.KeyPressMsg); ok && p.form != nil {
		p.touched = true // validation hints may show from now on
		// The filter, as in huh, gum and fzf: esc clears it (a second
		// esc goes back), space ticks while typing it.
		switch {
		case key.Matches(k, p.keys.filter):
			p.filtered = true
		case p.filtered && key.Matches(k, p.keys.clearFilter):
			p.filtered = false
			esc := tea.KeyPressMsg{Code: tea.KeyEscape}
			cmd := p.pass(esc)
			if !p.list.GetFiltering() {
				cmd = tea.Batch(cmd, p.pass(esc)) // a filter kept: clear it
			}
			return cmd, nil
		case key.Matches(k, p.keys.tick) && p.list.GetFiltering():
			cmd := p.pass(tea.KeyPressMsg{Code: tea.KeyEscape}) // stop typing, keep the filter
			return tea.Batch(cmd, p.pass(msg)), nil
		case key.Matches(k, p.keys.back):
			// The ticks so far are kept for coming forward again.
			return nil, toolsKept{p.ticked}
		case key.Matches(k, p.keys.compare):
			return nil, p.compare(r)
		}
	}
	// Enter, space, ↑/↓ and the filter's text are the list's.
	cmd := p.pass(msg)
	if !completed(p.form) {
		return cmd, nil
	}
	p.form = nil
	return cmd, toolsChosen{p.ticked}
}

func (p *toolsPage) pass(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	p.form, cmd = formUpdate(p.form, msg)
	return cmd
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
	body := formView(p.form)
	// The list scrolls: say that there is more than the screen shows.
	if total := len(r.cat.Tools); total > max(5, r.high-10)-2 && !p.filtered {
		body += "\n" + dim.Render("  ↓ "+fmt.Sprintf(r.t("ui.tools.more"), total))
	}
	if p.message != "" {
		body += "\n" + warn.Render(p.message)
	}
	return body
}
