package tui

import (
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/konform/konform/internal/mdterm"
)

// donePage lists the files saved; any of its keys quits.
type donePage struct {
	saved []string // with ~ for the home folder
	keys  struct{ quit key.Binding }
}

func newDone(r *Model, saved []string) *donePage {
	p := &donePage{saved: saved}
	p.keys.quit = bind(r.t("ui.done.help"), "enter", "q", "esc")
	return p
}

func (p *donePage) kind() screen                  { return scrDone }
func (p *donePage) init() tea.Cmd                 { return nil }
func (p *donePage) bindings(*Model) []key.Binding { return []key.Binding{p.keys.quit} }

func (p *donePage) update(_ *Model, msg tea.Msg) (tea.Cmd, tea.Msg) {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, p.keys.quit) {
		return tea.Quit, nil
	}
	return nil, nil
}

// view names the folder once, then the files by name – each name whole on
// its line where the window allows; the drafts under their folder.
func (p *donePage) view(r *Model) string {
	lines := []string{bold.Render(r.t("ui.done"))}
	if len(p.saved) > 0 {
		sep := string(filepath.Separator)
		home := filepath.Dir(p.saved[0])
		lines = append(lines, mdterm.WrapIndent(home+sep, r.width-2, "  ", "    ")...)
		folder := ""
		for _, f := range p.saved {
			dir := filepath.Dir(f)
			if dir == home {
				lines = append(lines, mdterm.WrapIndent(filepath.Base(f), r.width-2, "    ", "      ")...)
				continue
			}
			if dir != folder {
				folder = dir
				name := dir + sep
				if filepath.Dir(dir) == home {
					name = filepath.Base(dir) + sep
				}
				lines = append(lines, mdterm.WrapIndent(name, r.width-2, "    ", "      ")...)
			}
			lines = append(lines, mdterm.WrapIndent(filepath.Base(f), r.width-2, "      ", "        ")...)
		}
	}
	return strings.Join(lines, "\n")
}
