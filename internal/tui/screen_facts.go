package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/konform/konform/internal/assess"
)

// factSheetPage shows what the catalogue knows of a tool, to confirm; a
// long sheet scrolls, nothing in it is cut.
type factSheetPage struct {
	step  step
	sheet viewport.Model
	shown string // the sheet in the viewport
	keys  struct{ next, back key.Binding }
}

func newFactSheet(r *Model, st step) *factSheetPage {
	p := &factSheetPage{step: st}
	p.keys.next = bind(r.t("ui.facts.go"), "enter")
	p.keys.back = bind("shift+tab "+r.t("ui.back"), "shift+tab", "esc")
	return p
}

func (p *factSheetPage) kind() screen  { return scrStep }
func (p *factSheetPage) init() tea.Cmd { return nil }

func (p *factSheetPage) bindings(*Model) []key.Binding {
	return []key.Binding{p.keys.next, p.keys.back}
}

func (p *factSheetPage) update(_ *Model, msg tea.Msg) (tea.Cmd, tea.Msg) {
	k, ok := msg.(tea.KeyPressMsg)
	switch {
	case !ok:
		return nil, nil
	case key.Matches(k, p.keys.next):
		return nil, factsSeen{}
	case key.Matches(k, p.keys.back):
		return nil, back{}
	}
	var cmd tea.Cmd
	p.sheet, cmd = p.sheet.Update(msg) // the viewport's keys scroll
	return cmd, nil
}

func (p *factSheetPage) view(r *Model) string {
	p.sheet.SetWidth(r.width)
	p.sheet.SetHeight(max(3, r.high-7))
	if c := factSheet(r, p.step); c != p.shown {
		p.shown = c
		p.sheet.SetContent(c)
		p.sheet.GotoTop()
	}
	body := p.sheet.View()
	if !p.sheet.AtBottom() {
		body += "\n" + dim.Render(r.t("ui.more.facts"))
	}
	return body
}

// factSheet is the tool's facts as the catalogue and the user give them.
func factSheet(r *Model, st step) string {
	var facts []assess.FactLine
	for _, pt := range r.plan.Tools {
		if pt.Key != st.tool {
			continue
		}
		for _, f := range pt.Facts {
			if f.Def.Shows("sheet") {
				facts = append(facts, f)
			}
		}
	}
	var b strings.Builder
	// A quick check does not ask again what the facts answer: the sheet
	// is where the user sees them.
	intro := r.t("ui.facts.intro")
	switch t := r.st.tool(st.tool); {
	case t != nil && r.cat.Tool(t.ID).Custom:
		intro = r.t("ui.facts.user")
	case r.st.quick && !r.st.completing:
		intro = r.t("ui.facts.intro.quick")
	}
	b.WriteString(wrap(intro, r.width-2) + "\n\n")
	if len(facts) == 0 {
		b.WriteString(r.t("ui.facts.none"))
		return b.String()
	}
	// Names and values wrap; nothing is cut ("… nicht" must stay).
	w, word := 0, 0
	for _, f := range facts {
		w = max(w, lipgloss.Width(f.Def.Title.In(r.lang)))
		for _, x := range strings.Fields(f.Def.Title.In(r.lang)) {
			word = max(word, lipgloss.Width(x))
		}
	}
	// A long word ("Auftragsverarbeitungsvertrag") is not broken where the
	// window leaves the values room for theirs (about 25 cells).
	w = max(10, min(max(min(w, r.width/4), word), r.width-42))
	valW := max(25, r.width-w-17) // name, two spaces, date, space, warning, two spaces
	anyStale := false
	for _, f := range facts {
		stale := "  "
		if f.Stale {
			stale = "⚠ "
			anyStale = true
		}
		name := lipgloss.NewStyle().Width(w).Render(f.Def.Title.In(r.lang))
		value := lipgloss.NewStyle().Width(valW).Render(strings.Join(factLabels(f, r.lang), ", "))
		b.WriteString(lipgloss.JoinHorizontal(lipgloss.Top, name, "  ", dim.Render(f.Fact.AsOf.String()), " ", stale, "  ", value) + "\n")
		// The detail, as the plan gives it in brackets, on lines of its
		// own: a long word never breaks in a narrow column.
		if d := f.Fact.Detail.In(r.lang); d != "" {
			for _, line := range strings.Split(wrap(d, r.width-6), "\n") {
				b.WriteString("    " + dim.Render(line) + "\n")
			}
		}
	}
	if anyStale {
		b.WriteString("\n" + dim.Render(wrap(r.t("plan.stalelegend.plan"), r.width-2)))
	}
	return b.String()
}
