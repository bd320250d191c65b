package tui

import (
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// overwritePage lists the files a save would replace and asks what to do:
// replace them all, keep the drafts (edited by hand, perhaps) and replace
// the rest, or go back and choose another name. Its keys are in its text,
// not in a footer.
type overwritePage struct {
	existing []string
	mdPath   string // the plan's file
	keys     struct{ all, keep, no key.Binding }
}

func newOverwrite(r *Model, existing []string, mdPath string) *overwritePage {
	p := &overwritePage{existing: existing, mdPath: mdPath}
	p.keys.all = bind(r.t("ui.save.exists.all"), "y", "j", "Y", "J")
	p.keys.keep = enabled(bind(r.t("ui.save.exists.keep"), "e", "k", "E", "K"), draftsAmong(existing, mdPath))
	p.keys.no = bind(r.t("ui.save.exists.no"), "n", "N", "esc")
	return p
}

func (p *overwritePage) kind() screen  { return scrConfirmOverwrite }
func (p *overwritePage) init() tea.Cmd { return nil }

func (p *overwritePage) bindings(*Model) []key.Binding {
	return []key.Binding{p.keys.all, p.keys.keep, p.keys.no}
}

// keysInText: the question lists the keys; there is no footer.
func (p *overwritePage) keysInText() {}

func (p *overwritePage) update(_ *Model, msg tea.Msg) (tea.Cmd, tea.Msg) {
	k, ok := msg.(tea.KeyPressMsg)
	switch {
	case !ok:
	case key.Matches(k, p.keys.all):
		return nil, overwrite{replaceAll}
	case key.Matches(k, p.keys.keep):
		return nil, overwrite{keepDrafts}
	case key.Matches(k, p.keys.no):
		return nil, back{}
	}
	return nil, nil
}

func (p *overwritePage) view(r *Model) string {
	var b strings.Builder
	b.WriteString(r.t("ui.save.exists") + "\n")
	dir := filepath.Dir(p.mdPath)
	for _, f := range p.existing {
		if d := filepath.Dir(f); d != dir { // the drafts' folder, once
			dir = d
			b.WriteString("  " + r.tildePath(d) + string(filepath.Separator) + "\n")
		}
		if dir == filepath.Dir(p.mdPath) {
			b.WriteString("  " + r.tildePath(f) + "\n")
		} else {
			b.WriteString("    " + filepath.Base(f) + "\n")
		}
	}
	b.WriteString("\n" + footerHelp(p.bindings(r)))
	return warn.Render(wrap(b.String(), r.width-2))
}
