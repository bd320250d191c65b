package tui

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"charm.land/bubbles/v2/progress"
	tea "charm.land/bubbletea/v2"
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
	body := m.screen.view(m)
	keys := ""
	if _, ok := m.screen.(keysInText); !ok {
		keys = footerHelp(m.screen.bindings(m))
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
	// Still too tall (a small window): where the session is kept gives
	// way next – it stands on every screen – never a warning that it is
	// not kept.
	if len(lines) > room && m.keeper != nil && m.keeper.Err() == nil {
		if short := m.keysFooter(keys); len(short) < len(footer) {
			footer = short
			room = m.high - len(footer) - 1
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
func (m *Model) wholePath(typed string) string {
	full := m.tildePath(m.expand(typed))
	if strings.TrimSpace(typed) == "" || (full == strings.TrimSpace(typed) && lipgloss.Width(full) <= m.formWidth()-6) {
		return ""
	}
	return "\n" + dim.Render(m.t("ui.save.as")+"\n"+strings.Join(mdterm.WrapIndent(full, m.width-2, "  ", "  "), "\n"))
}

// wrapEntries wraps a footer between its entries (" · "), so that a key
// stays on the line of what it does ("ctrl+c quit", not "ctrl+c" and
// "quit" on two lines); an entry wider than the screen wraps as text.
func wrapEntries(keys string, width int) string {
	var lines []string
	cur := ""
	for _, e := range strings.Split(keys, " · ") {
		switch {
		case cur == "":
			cur = e
		case lipgloss.Width(cur+" · "+e) <= width:
			cur += " · " + e
		default:
			lines = append(lines, cur)
			cur = e
		}
	}
	lines = append(lines, cur)
	for i, l := range lines {
		if lipgloss.Width(l) > width {
			lines[i] = wrap(l, width)
		}
	}
	return strings.Join(lines, "\n")
}

// keysFooter is the keys of the screen, every key readable.
func (m *Model) keysFooter(keys string) []string {
	return strings.Split(dim.Render(wrapEntries(keys, m.width)), "\n")
}

// footer is the keys of the screen and where the session is kept.
func (m *Model) footer(keys string) []string {
	footer := m.keysFooter(keys)
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
	kind := m.screen.kind()
	if kind == scrStep && len(m.all) > 0 {
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
	} else if kind == scrPreview {
		where += " · " + m.t("ui.preview")
	} else if kind == scrCompare {
		where += " · " + m.t("ui.compare")
	} else if kind == scrActions || kind == scrActionEdit {
		where += " · " + m.t("ui.actions")
	} else if kind == scrSave || kind == scrConfirmOverwrite {
		where += " · " + m.t("ui.save")
	}
	n, total, frac := m.cur+1, m.expected(), m.bar
	switch kind {
	case scrStep, scrCompare: // the comparison is part of the tool choice, not a step
	default:
		n, frac = total, 1
	}
	count := ""
	if total > 0 && kind != scrWelcome && kind != scrStart {
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
	if total == 0 || kind == scrWelcome || kind == scrStart {
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

// factValue is a fact's value as the plan writes it: its labels, and the
// catalogue's detail in brackets ("EU/EWR (WhatsApp Ireland Limited)").
func factValue(f assess.FactLine, l catalog.Lang) string {
	v := strings.Join(factLabels(f, l), ", ")
	if d := f.Fact.Detail.In(l); d != "" {
		v += " (" + d + ")"
	}
	return v
}

func (m *Model) toolName(t *answers.Tool) string {
	if t.Name != "" {
		return t.Name
	}
	return m.cat.Tool(t.ID).Name.In(m.lang)
}

func (m *Model) openPreview() {
	m.refresh()
	m.screen = newPreview(m)
}

// defaultPlanPath is konform-plan-<organisation>-<date>.md in the working folder.
func (m *Model) defaultPlanPath() string {
	name := fmt.Sprintf("konform-plan-%s-%s.md", answers.FileSlug(m.st.org), m.st.date)
	return filepath.Join(m.opt.WorkDir, name)
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
	m.target.path = m.expand(m.target.path)
	m.refresh()
	saved, existing, err := writePlanFiles(m.cat, m.st, m.plan, m.lang, m.target.path, m.target.extras, mode)
	switch {
	case len(existing) > 0:
		m.screen = newOverwrite(m, existing, m.target.path)
	case err != nil:
		m.openSave(m.errText(err))
	default:
		var shown []string
		for _, p := range saved {
			shown = append(shown, m.tildePath(p))
		}
		m.screen = newDone(m, shown)
	}
}

// openSave asks where to save the plan, with why the last try failed.
func (m *Model) openSave(failed string) {
	if m.target.path == "" {
		m.target.path = m.defaultPlanPath()
	}
	m.screen = newSave(m, m.target, failed)
}

// defaultSessionPath is where ctrl+s offers to keep the session: an
// answers file in the working folder.
func (m *Model) defaultSessionPath() string {
	return m.tildePath(filepath.Join(m.opt.WorkDir, fmt.Sprintf("konform-%s-%s.yaml", answers.FileSlug(m.st.org), m.st.date)))
}

// leaveSessionSave goes back to where ctrl+s was pressed.
func (m *Model) leaveSessionSave(from page) {
	switch p := from.(type) {
	case *previewPage:
		m.openPreview()
	case *savePage:
		m.openSave(p.failed)
	default:
		if from.kind() == scrStep {
			m.goTo(m.cur)
			return
		}
		m.screen = from
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
