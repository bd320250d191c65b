package tui

import (
	"cmp"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"charm.land/bubbles/v2/progress"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/draft"
	"github.com/konform/konform/internal/i18n"
	"github.com/konform/konform/internal/mdterm"
	"github.com/konform/konform/internal/msg"
	"github.com/konform/konform/internal/planfiles"
	"github.com/konform/konform/internal/report"
	"github.com/konform/konform/internal/safe"
)

var (
	accent = mdterm.Accent
	dim    = lipgloss.NewStyle().Faint(true)
	bold   = lipgloss.NewStyle().Bold(true)
	head   = lipgloss.NewStyle().Bold(true).Foreground(accent)
	warn   = lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("#E0A100"))
	box    = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1)
)

// View draws the screen.
func (m *Model) View() tea.View {
	v := tea.NewView(m.Render())
	v.AltScreen = true
	v.WindowTitle = "konform"
	return v
}

// Render is the screen as text, for tests.
func (m *Model) Render() string {
	if m.tooSmall() {
		return wrap(fmt.Sprintf(m.t("ui.small"), MinWidth, MinHeight), max(10, m.width-1))
	}
	var body, keys string
	switch m.screen {
	case scrWelcome, scrStart:
		body = head.Render(m.t("ui.welcome.title")) + "\n\n" + wrap(m.t("ui.welcome.text"), m.width-2) + "\n\n" + m.formView()
		keys = m.t("ui.keys.form")
		if m.screen == scrWelcome {
			keys = m.t("ui.keys.first") // nothing to go back to
		}
		if m.message != "" {
			body += "\n" + warn.Render(m.message)
		}
	case scrStep:
		body, keys = m.stepView()
	case scrPreview:
		body = m.preview.View()
		keys = m.t("ui.preview.help")
	case scrCompare:
		body = m.compareView()
		keys = m.t("ui.compare.help")
	case scrActions:
		body = m.actionsView()
		keys = m.t("ui.actions.help")
	case scrActionEdit:
		body = m.formView()
		keys = m.t("ui.action.help")
	case scrSave:
		body = m.formView()
		body += m.wholePath()
		if m.saveErr != "" {
			body += "\n" + warn.Render(wrap(m.t("ui.save.error")+": "+m.saveErr, m.width-2))
		}
		keys = m.t("ui.keys.form")
	case scrConfirmOverwrite:
		body = m.existingView()
	case scrSaveSession:
		body = wrap(m.t("ui.session.intro"), m.width-2) + "\n\n" + m.formView() + m.wholePath()
		if m.sessionErr != "" {
			body += "\n" + warn.Render(wrap(m.t("ui.save.error")+": "+m.sessionErr, m.width-2))
		}
		keys = m.t("ui.session.help")
	case scrLocked:
		body = warn.Render(wrap(m.lockedErr, m.width-2)) + "\n\n" + wrap(m.t("ui.locked.ask"), m.width-2)
		keys = m.t("ui.locked.help")
	case scrDone:
		// The folder once, then the files by name – each name whole on
		// its line where the window allows; the drafts under their folder.
		lines := []string{bold.Render(m.t("ui.done"))}
		if len(m.saved) > 0 {
			sep := string(filepath.Separator)
			home := filepath.Dir(m.saved[0])
			lines = append(lines, mdterm.WrapIndent(home+sep, m.width-2, "  ", "    ")...)
			folder := ""
			for _, p := range m.saved {
				dir := filepath.Dir(p)
				if dir == home {
					lines = append(lines, mdterm.WrapIndent(filepath.Base(p), m.width-2, "    ", "      ")...)
					continue
				}
				if dir != folder {
					folder = dir
					name := dir + sep
					if filepath.Dir(dir) == home {
						name = filepath.Base(dir) + sep
					}
					lines = append(lines, mdterm.WrapIndent(name, m.width-2, "    ", "      ")...)
				}
				lines = append(lines, mdterm.WrapIndent(filepath.Base(p), m.width-2, "      ", "        ")...)
			}
		}
		body = strings.Join(lines, "\n")
		keys = m.t("ui.done.help")
	}
	out := m.header() + "\n\n" + body
	if m.quitAsk {
		q := m.t("ui.quit")
		switch {
		case m.unsaved():
			q = m.t("ui.quit.unsaved")
		case m.keeper == nil || m.st.org == "":
			q = m.t("ui.quit.nothing")
		}
		// The question is always on screen: a tall screen (a fact sheet,
		// the review) gives up its last lines for it.
		dialog := strings.Split(box.Render(wrap(q, min(m.width-4, 72))), "\n")
		lines := strings.Split(out, "\n")
		if room := m.high - len(m.footer(keys)) - 1 - len(dialog) - 1; len(lines) > room {
			lines = lines[:max(1, room)]
		}
		out = strings.Join(append(append(lines, ""), dialog...), "\n")
	}
	return m.fit(out, keys)
}

// fit places the body in the window with the keys and the session path at
// the bottom.
func (m *Model) fit(body, keys string) string {
	footer := m.footer(keys)
	lines := strings.Split(body, "\n")
	room := m.high - len(footer) - 1
	// Too tall: blank lines go first, from the bottom up, so that what
	// the screen says (a validation message under the last field) stays.
	for i := len(lines) - 1; i > 0 && len(lines) > room; i-- {
		if strings.TrimSpace(ansi.Strip(lines[i])) == "" {
			lines = append(lines[:i], lines[i+1:]...)
		}
	}
	if len(lines) > room {
		lines = lines[:room]
	}
	for len(lines) < room {
		lines = append(lines, "")
	}
	return strings.Join(append(append(lines, ""), footer...), "\n")
}

// wholePath is the path a file will be written to, below the field that
// asks for it – where the field shows only the end of a long path, or the
// name is relative and says nothing of the folder.
func (m *Model) wholePath() string {
	full := m.tildePath(m.expand(m.val))
	if strings.TrimSpace(m.val) == "" || (full == strings.TrimSpace(m.val) && lipgloss.Width(full) <= m.formWidth()-6) {
		return ""
	}
	return "\n" + dim.Render(m.t("ui.save.as")+"\n"+strings.Join(mdterm.WrapIndent(full, m.width-2, "  ", "  "), "\n"))
}

// footer is the keys of the screen and where the session is kept.
func (m *Model) footer(keys string) []string {
	footer := strings.Split(dim.Render(wrap(keys, m.width)), "\n") // every key stays readable
	switch {
	case m.keeper.Err() != nil:
		// Until a save succeeds: the answers are not in a file.
		msg := fmt.Sprintf(m.t("ui.notsaved"), m.errText(m.keeper.Err()))
		footer = append(footer, strings.Split(warn.Render(wrap(msg, m.width)), "\n")...)
	case m.keeper.Saved():
		footer = append(footer, strings.Split(dim.Render(wrap(m.t("ui.saved")+" "+m.tildePath(m.keeper.Path()), m.width)), "\n")...)
	}
	return footer
}

func (m *Model) tildePath(p string) string {
	if m.opt.HomeDir != "" && strings.HasPrefix(p, m.opt.HomeDir+string(filepath.Separator)) {
		p = "~" + p[len(m.opt.HomeDir):]
	}
	return safe.Line(p)
}

// errText is an error in the user's language, on one line, with the home
// folder written as ~.
func (m *Model) errText(err error) string { return m.tildeText(msg.Localize(err, string(m.lang))) }

// tildeText is a message with the home folder written as ~.
func (m *Model) tildeText(s string) string {
	if m.opt.HomeDir != "" {
		s = strings.ReplaceAll(s, m.opt.HomeDir+string(filepath.Separator), "~"+string(filepath.Separator))
	}
	return safe.Line(s)
}

func wrap(s string, w int) string { return lipgloss.NewStyle().Width(max(10, w)).Render(s) }

// header says where the user is and how far along.
func (m *Model) header() string {
	where := "konform"
	if m.screen == scrStep && len(m.all) > 0 {
		st := m.all[m.cur]
		switch st.kind {
		case stepAssessment:
			where += " · " + m.t("ui.assessment")
		case stepTools, stepOther:
			where += " · " + m.t("plan.tools")
		case stepReview:
			where += " · " + m.t("ui.review")
		default:
			owner := m.t("org.name")
			if t := m.st.tool(st.tool); t != nil {
				owner = m.toolName(t)
			}
			where += " · " + owner
			if st.q != nil {
				where += " › " + m.cat.Area(st.q.Area).Title.In(m.lang)
			}
		}
	} else if m.screen == scrPreview {
		where += " · " + m.t("ui.preview")
	} else if m.screen == scrCompare {
		where += " · " + m.t("ui.compare")
	} else if m.screen == scrActions || m.screen == scrActionEdit {
		where += " · " + m.t("ui.actions")
	} else if m.screen == scrSave || m.screen == scrConfirmOverwrite {
		where += " · " + m.t("ui.save")
	}
	n, total, frac := m.cur+1, m.expected(), m.bar
	switch m.screen {
	case scrStep, scrCompare: // the comparison is part of the tool choice, not a step
	default:
		n, frac = total, 1
	}
	count := ""
	if total > 0 && m.screen != scrWelcome && m.screen != scrStart {
		key := "ui.step"
		if len(m.st.tools) == 0 {
			key = "ui.step.about" // the tools' questions are estimated
		}
		count = fmt.Sprintf(m.t(key), n, total)
	}
	// A place too long for the line loses the app's name first; if it is
	// still too long, it wraps: its words tell the user where they are.
	room := max(10, m.width-lipgloss.Width(count)-2)
	if lipgloss.Width(where) > room {
		where = strings.TrimPrefix(where, "konform · ")
	}
	title := lipgloss.NewStyle().Width(room).Render(head.Render(where))
	gap := max(1, m.width-lipgloss.Width(title)-lipgloss.Width(count))
	line := lipgloss.JoinHorizontal(lipgloss.Top, title, strings.Repeat(" ", gap), dim.Render(count))
	if total == 0 || m.screen == scrWelcome || m.screen == scrStart {
		return line
	}
	bar := progress.New(progress.WithWidth(m.width), progress.WithoutPercentage(), progress.WithColors(accent))
	return line + "\n" + bar.ViewAs(frac)
}

// factLabels are a fact's values in words.
func factLabels(f assess.FactLine, l catalog.Lang) []string {
	var labels []string
	for _, v := range f.Fact.All() {
		o, _ := f.Def.Value(v)
		labels = append(labels, o.Label.In(l))
	}
	return labels
}

func (m *Model) toolName(t *answers.Tool) string {
	if t.Name != "" {
		return t.Name
	}
	return m.cat.Tool(t.ID).Name.In(m.lang)
}

func (m *Model) formView() string {
	if m.form == nil {
		return ""
	}
	return m.form.View()
}

func (m *Model) stepView() (string, string) {
	st := m.all[m.cur]
	switch st.kind {
	case stepFacts:
		// A long fact sheet scrolls; nothing in it is cut.
		m.preview.SetWidth(m.width)
		m.preview.SetHeight(max(3, m.high-7))
		if c := m.factsView(st); c != m.factsShown {
			m.factsShown = c
			m.preview.SetContent(c)
			m.preview.GotoTop()
		}
		body := m.preview.View()
		if !m.preview.AtBottom() {
			body += "\n" + dim.Render(m.t("ui.more.facts"))
		}
		return body, m.t("ui.facts.go") + " · shift+tab " + m.t("ui.back")
	case stepReview:
		return m.reviewView(), m.t("ui.review.help")
	case stepQuestion:
		body := m.formView()
		if m.hidden > 0 {
			body += "\n" + dim.Render(m.t("ui.more"))
		}
		if m.noting {
			// The note is not part of the question: a box of its own.
			body += "\n" + box.Width(m.formWidth()).Render(m.noteForm.View())
		}
		if m.showHelp {
			help := box.Width(m.formWidth()).Render(bold.Render(m.t("ui.why")) + "\n" + keepTogether(st.q.Help.In(m.lang)))
			room := m.high - lipgloss.Height(m.header()) - 1 - len(m.footer(m.t("ui.keys.question"))) - 1
			if lipgloss.Height(body)+lipgloss.Height(help) > room {
				// Too low for both: the question and why it is asked; ?
				// brings the answers back.
				title := mdterm.WrapLines(keepTogether(st.q.Title.In(m.lang)), m.titleWidth())
				body = bold.Render(strings.Join(title, "\n")) + "\n" + help + "\n" + dim.Render(wrap(m.t("ui.why.back"), m.width-2))
			} else {
				body += "\n" + help
			}
		}
		_, notes := m.st.scope(st.tool)
		if n := notes[st.q.ID]; n != "" && !m.noting {
			body += "\n" + dim.Render(wrap("✎ "+m.t("ui.note")+": "+safe.Line(n), m.width-2))
		}
		if m.message != "" {
			body += "\n" + warn.Render(m.message)
		}
		if m.noting {
			return body, m.t("ui.keys.note")
		}
		keys := m.t("ui.keys.question")
		if m.st.completing {
			keys = m.t("ui.keys.question.completing")
		}
		if st.q.Type == catalog.MultiChoice {
			keys = m.t("ui.keys.space") + " · " + keys // ticks more than one
		}
		return body, keys
	case stepTools:
		body := m.formView()
		// The list scrolls: say that there is more than the screen shows.
		if total := len(m.cat.Tools); total > max(5, m.high-10)-2 && !m.filtered {
			body += "\n" + dim.Render("  ↓ "+fmt.Sprintf(m.t("ui.tools.more"), total))
		}
		if m.message != "" {
			body += "\n" + warn.Render(m.message)
		}
		return body, m.t("ui.keys.tools")
	}
	return m.formView(), m.t("ui.keys.form")
}

// openCompare shows the chosen tools side by side, in the context of the
// answers so far. The tool list stays as it is, to return to.
func (m *Model) openCompare() {
	var ids []string
	for _, id := range m.multi {
		if t := m.cat.Tool(id); t != nil && !t.Custom {
			ids = append(ids, id)
		}
	}
	if len(ids) < 2 {
		m.screen = scrStep
		m.message = m.t("ui.compare.need2")
		return
	}
	m.message = ""
	c, err := assess.Compare(m.cat, ids, m.st.file(), m.lang, m.st.date)
	if err != nil {
		m.screen = scrStep
		m.message = m.errText(err)
		return
	}
	m.screen = scrCompare
	m.preview.SetWidth(m.width)
	m.preview.SetHeight(max(1, m.high-6))
	m.preview.SetHorizontalStep(8) // more than three tools are wider than 80 columns
	m.preview.SetXOffset(0)
	m.factsShown = "" // the viewport holds the comparison now
	// Nothing is cut: a wide table scrolls sideways (←/→).
	m.compared = strings.Split(strings.TrimRight(string(report.CompareText(c, m.lang, false)), "\n"), "\n")
	m.preview.SetContent(strings.Join(m.compared, "\n"))
	m.preview.GotoTop()
}

// compareView draws the comparison with frozen panes: the tools' names
// stay on top when it scrolls down, the facts' names on the left when it
// scrolls sideways; the lines below the table scroll as they are.
func (m *Model) compareView() string {
	lines := m.compared
	if len(lines) == 0 {
		return m.preview.View()
	}
	label := len(lines[0]) - len(strings.TrimLeft(lines[0], " "))
	w, x, y := m.preview.Width(), m.preview.XOffset(), m.preview.YOffset()
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
	for i := max(1, y+1); i < len(lines) && len(out) < m.preview.Height(); i++ {
		out = append(out, cut(i))
	}
	return strings.Join(out, "\n")
}

func (m *Model) factsView(st step) string {
	var facts []assess.FactLine
	for _, pt := range m.plan.Tools {
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
	intro := m.t("ui.facts.intro")
	if t := m.st.tool(st.tool); t != nil && m.cat.Tool(t.ID).Custom {
		intro = m.t("ui.facts.user")
	}
	b.WriteString(wrap(intro, m.width-2) + "\n\n")
	if len(facts) == 0 {
		b.WriteString(m.t("ui.facts.none"))
		return b.String()
	}
	// Names and values wrap; nothing is cut ("… nicht" must stay).
	w, word := 0, 0
	for _, f := range facts {
		w = max(w, lipgloss.Width(f.Def.Title.In(m.lang)))
		for _, x := range strings.Fields(f.Def.Title.In(m.lang)) {
			word = max(word, lipgloss.Width(x))
		}
	}
	// A long word ("Auftragsverarbeitungsvertrag") is not broken where the
	// window leaves the values room for theirs (about 25 cells).
	w = max(10, min(max(min(w, m.width/4), word), m.width-42))
	valW := max(25, m.width-w-17) // name, two spaces, date, space, warning, two spaces
	anyStale := false
	for _, f := range facts {
		stale := "  "
		if f.Stale {
			stale = "⚠ "
			anyStale = true
		}
		name := lipgloss.NewStyle().Width(w).Render(f.Def.Title.In(m.lang))
		value := lipgloss.NewStyle().Width(valW).Render(strings.Join(factLabels(f, m.lang), ", "))
		b.WriteString(lipgloss.JoinHorizontal(lipgloss.Top, name, "  ", dim.Render(f.Fact.AsOf.String()), " ", stale, "  ", value) + "\n")
	}
	if anyStale {
		b.WriteString("\n" + dim.Render(wrap(m.t("plan.stalelegend.plan"), m.width-2)))
	}
	return b.String()
}

type reviewItem struct {
	step     step
	group    string // tool › area
	question string
	answer   string
	complete bool // enter completes the quick check into a full one
}

// reviewItems lists every shown answer by tool and area.
func (m *Model) reviewItems() []reviewItem {
	var items []reviewItem
	for _, st := range m.all {
		switch st.kind {
		case stepAssessment:
			group := m.t("ui.assessment")
			none := m.t("ui.noanswer")
			items = append(items,
				reviewItem{step: st, group: group, question: m.t("ui.org"), answer: cmp.Or(m.st.org, none)},
				reviewItem{step: st, group: group, question: m.t("ui.assessor"), answer: cmp.Or(m.st.assessor, none)},
				reviewItem{step: st, group: group, question: m.t("ui.participants"), answer: cmp.Or(strings.Join(m.st.participants, ", "), none)},
				reviewItem{step: st, group: group, question: m.t("ui.date"), answer: m.st.date.String()})
			check := reviewItem{step: st, group: group, question: m.t("ui.check"), answer: m.t("ui.check.full")}
			switch {
			case m.st.quick:
				check.answer, check.complete = m.t("ui.check.quick"), true
			case m.st.completing:
				// Still a quick check in the file: the completion goes on
				// from here.
				open := 0
				for i := nextOpen(m.st, m.all, 0); i < len(m.all)-1; i = nextOpen(m.st, m.all, i+1) {
					open++
				}
				check.answer, check.complete = fmt.Sprintf(m.t("ui.check.completing"), open), true
			}
			items = append(items, check)
			continue
		case stepTools:
			var names []string
			for _, t := range m.st.tools {
				names = append(names, m.toolName(t))
			}
			items = append(items, reviewItem{step: st, group: m.t("plan.tools"), question: m.t("ui.tools"),
				answer: cmp.Or(strings.Join(names, ", "), m.t("ui.noanswer"))})
			continue
		case stepQuestion:
		default:
			continue
		}
		vals, notes := m.st.scope(st.tool)
		owner := m.t("org.name")
		if t := m.st.tool(st.tool); t != nil {
			owner = m.toolName(t)
		}
		ans := m.t("ui.noanswer")
		if v, ok := vals[st.q.ID]; ok {
			var labels []string
			for _, id := range v.Items {
				if o, ok := st.q.Option(id); ok {
					labels = append(labels, o.Label.In(m.lang))
				} else {
					labels = append(labels, id)
				}
			}
			ans = strings.Join(labels, "; ")
		}
		if notes[st.q.ID] != "" {
			ans += " ✎"
		}
		items = append(items, reviewItem{step: st, group: owner + " › " + m.cat.Area(st.q.Area).Title.In(m.lang),
			question: st.q.Title.In(m.lang), answer: ans})
	}
	return items
}

func (m *Model) reviewView() string {
	items := m.reviewItems()
	// Lines: a heading where the group changes, then the items.
	type line struct {
		text string
		item int
	}
	var lines []line
	// Nothing is cut: a long question or answer takes more lines.
	ansW := min(32, m.width/3)
	qW := m.width - ansW - 5
	for i, it := range items {
		if i == 0 || items[i-1].group != it.group {
			for _, g := range mdterm.WrapLines(it.group, m.width) {
				lines = append(lines, line{bold.Render(g), -1})
			}
		}
		qs, as := mdterm.WrapLines(it.question, qW), mdterm.WrapLines(it.answer, ansW)
		for j := range max(len(qs), len(as)) {
			q, a := "", ""
			if j < len(qs) {
				q = qs[j]
			}
			if j < len(as) {
				a = as[j]
			}
			q += strings.Repeat(" ", max(0, qW-lipgloss.Width(q)))
			text := "  " + q + "  " + a
			if i == m.reviewCur {
				mark := "  "
				if j == 0 {
					mark = "› "
				}
				text = head.Render(mark + q + "  " + a)
			}
			lines = append(lines, line{strings.TrimRight(text, " "), i})
		}
	}
	at := -1
	for j, l := range lines {
		if l.item == m.reviewCur && at < 0 {
			at = j
		}
	}
	at = max(at, 0)
	room := max(3, m.high-7)
	start := max(0, min(at-room/2, len(lines)-room))
	// The window starts with a whole item, and with its group's heading
	// if that is right above: never with the second line of an answer.
	whole := func(j int) bool {
		cur, prev := lines[j].item, lines[j-1].item
		return cur != prev && (cur == -1 || prev != -1)
	}
	for start > 0 && at-start < room-1 && !whole(start) {
		start--
	}
	// At the foot of the list there may be no room to go back: then the
	// window starts with the next whole item instead.
	for start > 0 && start < at && !whole(start) {
		start++
	}
	var b strings.Builder
	for j := start; j < min(len(lines), start+room); j++ {
		b.WriteString(lines[j].text + "\n")
	}
	return b.String()
}

func (m *Model) openPreview() {
	m.refresh()
	m.screen = scrPreview
	m.form = nil
	m.preview.SetWidth(m.width)
	m.preview.SetHeight(max(1, m.high-6))
	m.renderPreview()
}

func (m *Model) renderPreview() {
	md := report.Markdown(m.plan, m.lang)
	out := mdterm.RenderStyled(string(md), m.width-4, mdterm.NewStyles(m.dark))
	m.preview.SetContent("  " + strings.ReplaceAll(out, "\n", "\n  "))
}

// defaultPlanPath is konform-plan-<organisation>-<date>.md in the working folder.
func (m *Model) defaultPlanPath() string {
	name := fmt.Sprintf("konform-plan-%s-%s.md", answers.FileSlug(m.st.org), m.st.date)
	return filepath.Join(m.opt.WorkDir, name)
}

// buildSaveSession asks where to keep the session instead (ctrl+s): by
// default an answers file in the working folder.
func (m *Model) buildSaveSession() {
	if m.screen != scrSaveSession {
		m.returnTo = m.screen
		m.val = m.tildePath(filepath.Join(m.opt.WorkDir, fmt.Sprintf("konform-%s-%s.yaml", answers.FileSlug(m.st.org), m.st.date)))
	}
	m.screen = scrSaveSession
	m.newForm("savesession", newInput().Title(m.t("ui.session.path")).Value(&m.val).CharLimit(4096))
}

// leaveSaveSession goes back to where ctrl+s was pressed.
func (m *Model) leaveSaveSession() {
	m.sessionErr = ""
	switch m.returnTo {
	case scrPreview:
		m.openPreview()
	case scrSave:
		m.buildSave()
	case scrStep:
		m.goTo(m.cur)
	default:
		m.screen = m.returnTo
		m.form = nil
	}
}

func (m *Model) buildSave() {
	m.screen = scrSave
	if m.savePath == "" {
		m.savePath = m.defaultPlanPath()
	}
	m.val = m.tildePath(m.savePath)
	m.multi = m.saveExtras
	m.newForm("save",
		newInput().Title(m.t("ui.save.path")).Value(&m.val).CharLimit(4096),
		newMultiSelect().Title(m.t("ui.save.extra")).Options(
			huh.NewOption(m.t("ui.save.json"), "json"),
			huh.NewOption(m.t("ui.save.answers"), "answers"),
			huh.NewOption(m.t("ui.save.drafts"), "drafts")).Value(&m.multi).Height(6))
}

func (m *Model) expand(p string) string {
	p = strings.TrimSpace(p)
	if p == "~" || strings.HasPrefix(p, "~/") {
		p = filepath.Join(m.opt.HomeDir, p[1:])
	}
	if !filepath.IsAbs(p) {
		p = filepath.Join(m.opt.WorkDir, p)
	}
	return p
}

// writeFiles saves the plan and the extras; existing files need a
// confirmation, and any error keeps the user on the save screen.
func (m *Model) writeFiles(mode overwriteMode) {
	m.saveErr = ""
	m.savePath = m.expand(m.savePath)
	m.refresh()
	saved, existing, err := writePlanFiles(m.cat, m.st, m.plan, m.lang, m.savePath, m.saveExtras, mode)
	switch {
	case len(existing) > 0:
		m.screen = scrConfirmOverwrite
		m.existing = existing
		m.form = nil
	case err != nil:
		m.saveErr = m.errText(err)
		m.buildSave()
	default:
		m.saved = nil
		for _, p := range saved {
			m.saved = append(m.saved, m.tildePath(p))
		}
		m.screen = scrDone
		m.form = nil
	}
}

// overwriteMode says what saving does with files that exist.
type overwriteMode = planfiles.Mode

const (
	writeNew   = planfiles.New        // replace nothing: name every file that exists
	replaceAll = planfiles.Replace    // replace every file
	keepDrafts = planfiles.KeepDrafts // keep the drafts that exist (edited by hand, perhaps), replace the rest
)

// writePlanFiles writes the Markdown plan and, as asked, the JSON plan, the
// answers and the drafts beside it. With writeNew it writes nothing when
// any of them exists and names them all; files are written atomically.
func writePlanFiles(cat *catalog.Catalog, st *state, p *assess.Plan, lang catalog.Lang, mdPath string, extras []string, mode overwriteMode) (saved, existing []string, err error) {
	base := strings.TrimSuffix(mdPath, filepath.Ext(mdPath))
	files := []planfiles.File{{Path: mdPath, Data: func() ([]byte, error) { return report.Markdown(p, lang), nil }}}
	for _, x := range extras {
		switch x {
		case "json":
			files = append(files, planfiles.File{Path: base + ".json", Data: func() ([]byte, error) { return report.JSON(p, lang), nil }})
		case "answers":
			files = append(files, planfiles.File{Path: base + ".answers.yaml", Data: func() ([]byte, error) { return answers.Marshal(st.exportFile(p), cat) }})
		case "drafts":
			// One folder beside the plan, one file per kind.
			dir := base + "-" + i18n.T(lang, "ui.save.draftsdir")
			for _, k := range draft.Kinds {
				files = append(files, planfiles.File{Path: filepath.Join(dir, k.Stem(lang)+".md"), Draft: true, Data: func() ([]byte, error) {
					d, err := draft.Write(p, k, lang)
					if err != nil {
						return nil, err
					}
					return d.Markdown, nil
				}})
			}
		}
	}
	saved, existing, err = planfiles.Write(files, planfiles.Options{Mode: mode})
	var werr *planfiles.Error
	if errors.As(err, &werr) {
		err = msg.Errorf("%s: %w", werr.Path, werr.Err)
	}
	return saved, existing, err
}

// Plan returns the plan as it stands, for tests.
func (m *Model) Plan() []byte { m.refresh(); return report.Markdown(m.plan, m.lang) }

// Lang is the wizard's language.
func (m *Model) Lang() catalog.Lang { return m.lang }

// draftsAmong reports whether some of the existing files are drafts: the
// files in a folder of their own beside the plan at mdPath.
func draftsAmong(existing []string, mdPath string) bool {
	return slices.ContainsFunc(existing, func(p string) bool { return filepath.Dir(p) != filepath.Dir(mdPath) })
}

// existingView lists the files that exist and what the user may do: replace
// them all, keep the drafts (edited by hand, perhaps) and replace the rest,
// or go back and choose another name.
func (m *Model) existingView() string {
	var b strings.Builder
	b.WriteString(m.t("ui.save.exists") + "\n")
	dir := filepath.Dir(m.savePath)
	for _, p := range m.existing {
		if d := filepath.Dir(p); d != dir { // the drafts' folder, once
			dir = d
			b.WriteString("  " + m.tildePath(d) + string(filepath.Separator) + "\n")
		}
		if dir == filepath.Dir(m.savePath) {
			b.WriteString("  " + m.tildePath(p) + "\n")
		} else {
			b.WriteString("    " + filepath.Base(p) + "\n")
		}
	}
	b.WriteString("\n" + m.t("ui.save.exists.all"))
	if draftsAmong(m.existing, m.savePath) {
		b.WriteString(" · " + m.t("ui.save.exists.keep"))
	}
	b.WriteString(" · " + m.t("ui.save.exists.no"))
	return warn.Render(wrap(b.String(), m.width-2))
}
