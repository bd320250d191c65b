package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/i18n"
	"github.com/konform/konform/internal/mdterm"
	"github.com/konform/konform/internal/msg"
	"github.com/konform/konform/internal/portfolio"
)

// Portfolio is konform portfolio in a terminal: the clients as a table –
// sorted, filtered – and a client's plan in a preview. It has two screens:
// the table, and the plan of the client under the cursor.
type Portfolio struct {
	view    portfolio.View
	plan    func(path string) (string, error) // a client's plan as Markdown
	rows    []*portfolio.Client               // the clients shown, in order
	cur     int
	top     int // first row on screen
	sortBy  int // index into sorts
	filter  string
	typing  bool // the filter line has the keys
	open    bool // the plan screen is shown
	preview viewport.Model
	width   int
	height  int
	dark    bool
	keys    portfolioKeys
	help    help.Model
}

// The orders the table can be sorted in: by urgency (as the report), by
// name, by the day of review, by overdue actions.
var sorts = []string{"urgency", "name", "review", "overdue"}

type portfolioKeys struct {
	Up, Down, Open, Sort, Filter, Back, Quit key.Binding
}

func newPortfolioKeys(l catalog.Lang) portfolioKeys {
	t := func(k string) string { return i18n.T(l, k) }
	return portfolioKeys{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", t("pft.move"))),
		Down:   key.NewBinding(key.WithKeys("down", "j")),
		Open:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", t("pft.open"))),
		Sort:   key.NewBinding(key.WithKeys("s"), key.WithHelp("s", t("pft.sort"))),
		Filter: key.NewBinding(key.WithKeys("/"), key.WithHelp("/", t("pft.filter"))),
		Back:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", t("pft.back"))),
		Quit:   key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", t("pft.quit"))),
	}
}

// ShortHelp is the table's footer; the plan's names its own keys.
func (k portfolioKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Open, k.Sort, k.Filter, k.Quit}
}

// FullHelp is not shown.
func (k portfolioKeys) FullHelp() [][]key.Binding { return nil }

// NewPortfolio shows the clients of v; plan renders a client's plan.
func NewPortfolio(v portfolio.View, plan func(path string) (string, error)) *Portfolio {
	m := &Portfolio{view: v, plan: plan, keys: newPortfolioKeys(v.Lang), help: help.New(), width: 80, height: 24, dark: true}
	m.preview = viewport.New()
	m.apply()
	return m
}

func (m *Portfolio) t(k string) string { return i18n.T(m.view.Lang, k) }

// Init asks for the background colour.
func (m *Portfolio) Init() tea.Cmd { return tea.RequestBackgroundColor }

// Update handles keys and the window's size.
func (m *Portfolio) Update(message tea.Msg) (tea.Model, tea.Cmd) {
	switch message := message.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = message.Width, message.Height
		m.preview.SetWidth(m.width)
		m.preview.SetHeight(max(1, m.height-2))
		m.scroll()
	case tea.BackgroundColorMsg:
		m.dark = message.IsDark()
	case tea.KeyPressMsg:
		return m.key(message)
	}
	return m, nil
}

func (m *Portfolio) key(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if k.String() == "ctrl+c" {
		return m, tea.Quit
	}
	switch {
	case m.open:
		switch {
		case key.Matches(k, m.keys.Back), k.String() == "q":
			m.open = false
			m.preview.SetYOffset(0) // leaving a screen resets its view
			return m, nil
		}
		var cmd tea.Cmd
		m.preview, cmd = m.preview.Update(k)
		return m, cmd
	case m.typing:
		switch k.String() {
		case "enter":
			m.typing = false
		case "esc":
			m.typing, m.filter = false, ""
		case "backspace":
			if r := []rune(m.filter); len(r) > 0 {
				m.filter = string(r[:len(r)-1])
			}
		default:
			if t := k.Text; t != "" {
				m.filter += t
			}
		}
		m.apply()
		return m, nil
	}
	switch {
	case key.Matches(k, m.keys.Quit):
		return m, tea.Quit
	case key.Matches(k, m.keys.Up):
		m.cur = max(0, m.cur-1)
	case key.Matches(k, m.keys.Down):
		m.cur = min(len(m.rows)-1, m.cur+1)
	case k.String() == "pgdown":
		m.cur = min(len(m.rows)-1, m.cur+m.page())
	case k.String() == "pgup":
		m.cur = max(0, m.cur-m.page())
	case k.String() == "home":
		m.cur = 0
	case k.String() == "end":
		m.cur = len(m.rows) - 1
	case key.Matches(k, m.keys.Sort):
		m.sortBy = (m.sortBy + 1) % len(sorts)
		m.apply()
	case key.Matches(k, m.keys.Filter):
		m.typing = true
	case key.Matches(k, m.keys.Back):
		m.filter = ""
		m.apply()
	case key.Matches(k, m.keys.Open):
		if len(m.rows) > 0 {
			m.openPlan(m.rows[m.cur])
		}
	}
	m.scroll()
	return m, nil
}

// openPlan shows the client's plan – or, for a file that cannot be read,
// its errors.
func (m *Portfolio) openPlan(c *portfolio.Client) {
	var md string
	if c.Err != nil {
		md = "# " + c.Path + "\n\n" + m.t("pf.unreadable.one") + ":\n\n"
		for _, l := range strings.Split(msg.Localize(c.Err, string(m.view.Lang)), "\n") {
			md += "- " + l + "\n"
		}
	} else {
		var err error
		if md, err = m.plan(c.Path); err != nil {
			md = "# " + c.Path + "\n\n" + msg.Localize(err, string(m.view.Lang)) + "\n"
		}
		// With a changed catalogue the plan is the one under it; what it
		// changes comes first.
		md = m.view.ClientChanges(c) + md
	}
	m.preview.SetContent(mdterm.Render(md, max(20, m.width-2), m.dark))
	m.preview.SetYOffset(0)
	m.open = true
}

// apply sorts and filters the clients.
func (m *Portfolio) apply() {
	var keep string
	if m.cur < len(m.rows) {
		keep = m.rows[m.cur].Path
	}
	m.rows = m.rows[:0]
	f := strings.ToLower(m.filter)
	for _, c := range m.view.Clients {
		if f == "" || strings.Contains(strings.ToLower(c.Organisation+" "+c.Path), f) {
			m.rows = append(m.rows, c)
		}
	}
	switch sorts[m.sortBy] {
	case "urgency":
		portfolio.Sort(m.rows)
	case "name":
		slices.SortStableFunc(m.rows, func(a, b *portfolio.Client) int {
			return strings.Compare(strings.ToLower(a.Organisation+a.Path), strings.ToLower(b.Organisation+b.Path))
		})
	case "review":
		slices.SortStableFunc(m.rows, func(a, b *portfolio.Client) int { return a.ReviewBy.Compare(b.ReviewBy.Time) })
	case "overdue":
		slices.SortStableFunc(m.rows, func(a, b *portfolio.Client) int { return len(b.Overdue) - len(a.Overdue) })
	}
	m.cur = max(0, slices.IndexFunc(m.rows, func(c *portfolio.Client) bool { return c.Path == keep }))
	m.scroll()
}

// page is how many rows the table shows: the screen less the title, the
// summary, the column heads, the notes under the table and the footer.
func (m *Portfolio) page() int { return max(1, m.height-7-len(m.notes())) }

// notes are the lines between the summary and the table: the changed
// catalogue the view asks about, and the clients whose plan changed since
// it was handed over.
func (m *Portfolio) notes() []string {
	var out []string
	if m.view.WhatIf != "" {
		affected, readable := 0, 0
		for _, c := range m.view.Clients {
			if c.Err == nil {
				readable++
				if c.WhatIf != nil && !c.WhatIf.Empty() {
					affected++
				}
			}
		}
		out = append(out, m.view.WhatIfHeader(), fmt.Sprintf(m.t("pf.affected"), affected, readable)+" · "+m.t("pft.whatif.enter"))
	}
	var changed []string
	for _, c := range m.view.Clients {
		if c.Err == nil && c.SincePlan != nil && !c.SincePlan.Empty() {
			changed = append(changed, c.Organisation)
		}
	}
	if len(changed) > 0 {
		out = append(out, m.t("pft.since")+": "+strings.Join(changed, ", "))
	}
	return out
}

func (m *Portfolio) scroll() {
	if m.cur < m.top {
		m.top = m.cur
	}
	if m.cur >= m.top+m.page() {
		m.top = m.cur - m.page() + 1
	}
}

// View draws the current screen.
func (m *Portfolio) View() tea.View {
	v := tea.NewView(m.Render())
	v.AltScreen = true
	return v
}

// Render is the screen as text.
func (m *Portfolio) Render() string {
	st := mdterm.NewStyles(m.dark)
	if m.width > 0 && (m.width < MinWidth || m.height < MinHeight) {
		return wrap(fmt.Sprintf(m.t("ui.small"), MinWidth, MinHeight), max(10, m.width-1))
	}
	if m.open {
		foot := m.help.ShortHelpView([]key.Binding{key.NewBinding(key.WithKeys("up"), key.WithHelp("↑/↓ pgup/pgdn", m.t("pft.scroll"))), m.keys.Back})
		return m.preview.View() + "\n" + fmt.Sprintf("%3.f%%  ", m.preview.ScrollPercent()*100) + foot
	}
	var b strings.Builder
	overdue, review := 0, 0
	for _, c := range m.view.Clients {
		if len(c.Overdue) > 0 {
			overdue++
		}
		if c.ReviewDue {
			review++
		}
	}
	b.WriteString(st.H2.Render(ansi.Truncate(m.t("pf.title"), m.width, "…")) + "\n")
	b.WriteString(ansi.Truncate(fmt.Sprintf(m.t("pft.summary"), m.view.Today, m.view.ClientCount(), overdue, review), m.width, "…") + "\n")
	for _, n := range m.notes() {
		b.WriteString(ansi.Truncate(n, m.width, "…") + "\n")
	}
	cols := []string{m.t("pf.client"), m.t("pft.check"), m.t("pft.light"), m.t("pft.crithigh"), m.t("pft.overdue"), m.t("pft.soon"), m.t("pft.review")}
	widths := []int{0, 11, 8, 5, 6, 5, 13}
	// Narrow terminals drop the columns that matter least: first the
	// actions due soon, then the date of the check. With a changed
	// catalogue its column comes before them and stays longest.
	drop := map[int]bool{5: m.width < 78, 1: m.width < 66}
	whatIf := m.view.WhatIf != ""
	if whatIf {
		cols = append(cols, m.t("pft.whatif"))
		widths = append(widths, 11)
		drop = map[int]bool{5: m.width < 90, 1: m.width < 78}
	}
	fixed := 0
	for i, w := range widths[1:] {
		if !drop[i+1] {
			fixed += w + 1
		}
	}
	widths[0] = max(12, m.width-fixed-2)
	cell := func(s string, w int) string {
		s = ansi.Truncate(s, w, "…")
		return s + strings.Repeat(" ", max(0, w-ansi.StringWidth(s)))
	}
	line := func(cells []string) string {
		var parts []string
		for i, c := range cells {
			if drop[i] {
				continue
			}
			parts = append(parts, cell(c, widths[i]))
		}
		return ansi.Truncate("  "+strings.Join(parts, " "), m.width, "")
	}
	b.WriteString(st.Bold.Render(line(cols)) + "\n")
	shown, quick := 0, false
	for i := m.top; i < len(m.rows) && shown < m.page(); i, shown = i+1, shown+1 {
		c := m.rows[i]
		var cells []string
		if c.Err != nil {
			row := ansi.Truncate("  "+cell(c.Path, widths[0])+" "+m.t("pft.unreadable"), m.width, "…")
			if i == m.cur {
				row = cursorRow.Render("›" + row[1:])
			}
			b.WriteString(row + "\n")
			continue
		} else {
			check, name := c.Date.String(), m.view.Label(c)
			if c.Quick {
				// the mark goes with the date, or with the name where the
				// date's column is dropped
				if drop[1] {
					name += "*"
				} else {
					check += "*"
				}
				quick = true
			}
			rev := c.ReviewBy.String()
			if c.ReviewDue {
				rev += " ⚠"
			}
			cells = []string{name, check, m.t("light." + string(c.Light)), fmt.Sprintf("%d/%d", c.Critical, c.High), fmt.Sprint(len(c.Overdue)), fmt.Sprint(len(c.DueSoon)), rev}
			if whatIf {
				cells = append(cells, whatIfCell(c.WhatIf))
			}
		}
		row := line(cells)
		if i == m.cur {
			row = cursorRow.Render("›" + row[1:])
		}
		b.WriteString(row + "\n")
	}
	switch {
	case len(m.view.Clients) == 0:
		b.WriteString(ansi.Truncate("  "+m.t("pf.empty"), m.width, "…") + "\n")
		shown++
	case len(m.rows) == 0:
		b.WriteString("  " + m.t("pft.none") + "\n")
		shown++
	}
	for ; shown < m.page(); shown++ {
		b.WriteString("\n")
	}
	switch {
	case quick:
		b.WriteString(ansi.Truncate(m.t("pft.quick"), m.width, "…") + "\n")
	case len(m.view.Clients) > 0:
		b.WriteString(ansi.Truncate(m.t("pft.crithigh.note"), m.width, "…") + "\n")
	default:
		b.WriteString("\n")
	}
	switch {
	case m.typing:
		b.WriteString(ansi.Truncate(m.t("pft.filter")+": "+m.filter+"█  (enter, esc)", m.width, "…"))
	case m.filter != "":
		b.WriteString(ansi.Truncate(fmt.Sprintf("%s: %q – %d/%d · esc %s", m.t("pft.filter"), m.filter, len(m.rows), len(m.view.Clients), m.t("pft.clear")), m.width, "…"))
	}
	m.keys.Sort.SetHelp("s", fmt.Sprintf(m.t("pft.sort"), m.t("pft.sort."+sorts[m.sortBy])))
	b.WriteString("\n" + ansi.Truncate(m.help.ShortHelpView(m.keys.ShortHelp()), m.width, "…"))
	return b.String()
}

// cursorRow marks the row under the cursor, on a dark background as on a
// light one.
var cursorRow = lipgloss.NewStyle().Reverse(true).Bold(true)

// whatIfCell is what the changed catalogue changes for a client, in a
// table cell: "+1 −0 ~2", or "–" for nothing.
func whatIfCell(w *portfolio.Change) string {
	if w == nil || w.Empty() {
		return "–"
	}
	return fmt.Sprintf("+%d −%d ~%d", len(w.Added), len(w.Resolved), len(w.Reprioritised)+len(w.Changed)+len(w.Reopened)+len(w.Lights))
}
