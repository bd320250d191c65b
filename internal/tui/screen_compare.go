package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/report"
)

// comparePage shows the chosen tools side by side, in the context of the
// answers so far; leaving it returns to the tool list as it was.
type comparePage struct {
	from  page // the tool list
	table viewport.Model
	lines []string // the comparison, drawn with frozen panes
	keys  struct{ scroll, leave key.Binding }
}

func newCompare(r *Model, c *assess.Comparison, from page) *comparePage {
	p := &comparePage{from: from, table: viewport.New()}
	p.table.SetHorizontalStep(8) // more than three tools are wider than 80 columns
	// Nothing is cut: a wide table scrolls sideways (←/→).
	p.lines = strings.Split(strings.TrimRight(string(report.CompareText(c, r.lang, false)), "\n"), "\n")
	p.table.SetContent(strings.Join(p.lines, "\n"))
	p.resize(r)
	e := helpEntries(r.lang, "ui.compare.help")
	p.keys.scroll = bind(e[0], "up", "down", "left", "right")
	p.keys.leave = bind(e[1], "esc", "shift+tab", "ctrl+k", "q", "enter")
	return p
}

func (p *comparePage) kind() screen  { return scrCompare }
func (p *comparePage) init() tea.Cmd { return nil }

func (p *comparePage) bindings(*Model) []key.Binding {
	return []key.Binding{p.keys.scroll, p.keys.leave}
}

// resize fits the table to the window, scrolled to its start.
func (p *comparePage) resize(r *Model) tea.Cmd {
	p.table.SetWidth(r.width)
	p.table.SetHeight(max(1, r.high-6))
	p.table.SetXOffset(0)
	p.table.GotoTop()
	return nil
}

func (p *comparePage) update(_ *Model, msg tea.Msg) (tea.Cmd, tea.Msg) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	if key.Matches(k, p.keys.leave) {
		return nil, back{}
	}
	var cmd tea.Cmd
	p.table, cmd = p.table.Update(msg) // ↑/↓ ←/→ and the viewport's other keys
	return cmd, nil
}

// view draws the comparison with frozen panes: the tools' names stay on
// top when it scrolls down, the facts' names on the left when it scrolls
// sideways; the lines below the table scroll as they are.
func (p *comparePage) view(*Model) string {
	lines := p.lines
	if len(lines) == 0 {
		return p.table.View()
	}
	label := len(lines[0]) - len(strings.TrimLeft(lines[0], " "))
	w, x, y := p.table.Width(), p.table.XOffset(), p.table.YOffset()
	cut := func(i int) string {
		line := lines[i]
		// A row of a table pads its label to the column: two spaces
		// before the first value. The lines of prose below scroll whole.
		if label < w && ansi.StringWidth(line) <= label {
			return line // a heading of rows, alone in the label column
		}
		if label >= 2 && label < w && ansi.Cut(line, label-2, label) == "  " {
			return ansi.Cut(line, 0, label) + ansi.Cut(line, label+x, x+w)
		}
		return ansi.Cut(line, x, x+w)
	}
	out := []string{cut(0)}
	for i := max(1, y+1); i < len(lines) && len(out) < p.table.Height(); i++ {
		out = append(out, cut(i))
	}
	return strings.Join(out, "\n")
}
