package tui

import (
	"errors"
	"fmt"
	"image/color"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/fsutil"
	"github.com/konform/konform/internal/i18n"
	"github.com/konform/konform/internal/mdterm"
	"github.com/konform/konform/internal/safe"
)

// charm is the wizard's theme, built once: huh asks for the theme for
// every option it draws, and building it anew each time was most of the
// cost of a key press.
var charm = &cachedTheme{
	dark:  sync.OnceValue(func() *huh.Styles { return konformTheme(true) }),
	light: sync.OnceValue(func() *huh.Styles { return konformTheme(false) }),
}

// konformTheme is huh's Charm theme with readable text: huh v2.0.3 has the
// light and dark colours of normal text the wrong way round (unselected
// options came out nearly invisible), and its greens and greys are too
// faint on a light background. Every option reads at a contrast of at
// least 4.5:1 (WCAG AA) on both backgrounds; a test checks it.
func konformTheme(isDark bool) *huh.Styles {
	t := huh.ThemeCharm(isDark)
	lightDark := lipgloss.LightDark(isDark)
	normal := lightDark(lipgloss.Color("235"), lipgloss.Color("252"))
	green := lightDark(lipgloss.Color("#00704E"), lipgloss.Color("#02BF87"))
	grey := lightDark(lipgloss.Color("241"), lipgloss.Color("248"))
	for _, f := range []*huh.FieldStyles{&t.Focused, &t.Blurred} {
		f.Option = f.Option.Foreground(normal)
		f.UnselectedOption = f.UnselectedOption.Foreground(normal)
		f.SelectedOption = f.SelectedOption.Foreground(green)
		f.SelectedPrefix = f.SelectedPrefix.Foreground(green)
		f.UnselectedPrefix = f.UnselectedPrefix.Foreground(grey)
		f.Description = f.Description.Foreground(grey)
		f.TextInput.Placeholder = f.TextInput.Placeholder.Foreground(grey)
		f.TextInput.Text = f.TextInput.Text.Foreground(normal)
		f.BlurredButton = f.BlurredButton.Foreground(normal)
	}
	t.Group.Description = t.Focused.Description
	return t
}

// cachedTheme builds each variant of the theme once, when first drawn.
type cachedTheme struct{ dark, light func() *huh.Styles }

func (c *cachedTheme) Theme(isDark bool) *huh.Styles {
	if isDark {
		return c.dark()
	}
	return c.light()
}

func theme() huh.Theme { return charm }

func (m *Model) newForm(what string, fields ...huh.Field) {
	m.formFor = what
	m.form = m.prepare(newThemedForm(fields...))
}

// The fields konform uses, in its theme from the start: huh draws a select
// as soon as it gets its options, with its default theme if it has none.
func newSelect() *huh.Select[string] {
	s := huh.NewSelect[string]()
	s.WithTheme(theme())
	return s
}

func newMultiSelect() *huh.MultiSelect[string] {
	s := huh.NewMultiSelect[string]()
	s.WithTheme(theme())
	return s
}

func newInput() *huh.Input {
	s := huh.NewInput()
	s.WithTheme(theme())
	return s
}

// newThemedForm is a one-group form in konform's theme. The fields get the
// theme before they join the group: huh measures a new group with its
// default theme otherwise, which it builds anew for every field (1.8 MB
// and most of the time a new screen takes).
func newThemedForm(fields ...huh.Field) *huh.Form {
	for _, f := range fields {
		f.WithTheme(theme())
	}
	return huh.NewForm(huh.NewGroup(fields...).WithTheme(theme()))
}

// prepare sets a new form up like the ones before it: a form only learns
// the window size and background from messages, and a new one has seen none.
func (m *Model) prepare(f *huh.Form) *huh.Form {
	f = f.WithShowHelp(false).WithWidth(m.formWidth()).WithTheme(theme())
	g, _ := f.Update(tea.WindowSizeMsg{Width: m.width, Height: m.high})
	f = g.(*huh.Form)
	g, _ = f.Update(backgroundMsg(m.dark))
	return g.(*huh.Form)
}

func (m *Model) buildWelcome() {
	m.val = string(m.lang)
	m.newForm("lang", newSelect().Title(i18n.T(m.lang, "ui.lang")).
		Options(huh.NewOption("Deutsch", "de"), huh.NewOption("English", "en")).Value(&m.val))
}

func (m *Model) buildStart() {
	m.screen = scrStart
	var opts []huh.Option[string]
	if m.opt.Check != answers.CheckFull {
		opts = append(opts, huh.NewOption(m.t("ui.start.quick"), answers.CheckQuick))
	}
	if m.opt.Check != answers.CheckQuick {
		opts = append(opts, huh.NewOption(m.t("ui.start.full"), answers.CheckFull))
	}
	for _, s := range m.opt.Sessions {
		if s.Err != nil {
			opts = append(opts, huh.NewOption(fmt.Sprintf("⚠ %s – %s", safe.Line(filepath.Base(s.Path)), m.t("ui.start.broken")), "!"+s.Path))
			continue
		}
		a := s.File.Assessment
		kind := m.t("ui.check.full")
		if a.Quick() {
			kind = m.t("ui.check.quickshort")
		}
		opts = append(opts, huh.NewOption(fmt.Sprintf("%s %s (%s, %s, %s)", m.t("ui.start.resume"), safe.Line(a.Organisation), a.Date, kind, progressText(m.cat, s.File)), s.Path))
		if a.Quick() {
			opts = append(opts, huh.NewOption(fmt.Sprintf("%s: %s (%s)", safe.Line(a.Organisation), m.t("ui.start.complete"), a.Date), "+"+s.Path))
		}
	}
	m.val = opts[0].Value
	m.newForm("start", newSelect().Title(m.t("ui.start")).Options(opts...).Value(&m.val))
}

// progressText says how far a session got: answered of shown questions.
func progressText(cat *catalog.Catalog, f *answers.File) string {
	all, _ := steps(cat, fromFile(f))
	done := firstOpen(fromFile(f), all)
	return fmt.Sprintf("%d %%", done*100/max(1, len(all)-1))
}

func (m *Model) buildStepForm() {
	m.form = nil
	m.touched = false
	if len(m.all) == 0 {
		return
	}
	st := m.all[m.cur]
	switch st.kind {
	case stepAssessment:
		m.inputs = [4]string{m.st.org, m.st.assessor, strings.Join(m.st.participants, ", "), m.st.date.String()}
		m.newForm("assessment",
			newInput().Title(m.t("ui.org")).Value(&m.inputs[0]).CharLimit(200).Validate(func(s string) error {
				if strings.TrimSpace(s) == "" {
					return errors.New(m.t("ui.org.required"))
				}
				return nil
			}),
			newInput().Title(m.t("ui.assessor")).Value(&m.inputs[1]).CharLimit(200),
			newInput().Title(m.t("ui.participants")).Value(&m.inputs[2]).CharLimit(1000),
			newInput().Title(m.t("ui.date")).Description(m.t("ui.date.help")).Value(&m.inputs[3]).Validate(func(s string) error {
				if _, ok := assessmentDate(s); !ok {
					return errors.New(m.t("ui.date.bad"))
				}
				return nil
			}))
	case stepTools:
		m.multi = m.st.toolIDs()
		var opts []huh.Option[string]
		for _, kind := range catalog.Kinds {
			for _, t := range m.cat.Tools {
				if t.Kind == kind && !t.Custom {
					opts = append(opts, huh.NewOption(fmt.Sprintf("%s · %s", i18n.T(m.lang, "kind."+string(kind)), t.Name.In(m.lang)), t.ID))
				}
			}
		}
		for _, t := range m.cat.Tools {
			if t.Custom {
				opts = append(opts, huh.NewOption(t.Name.In(m.lang)+" …", t.ID))
			}
		}
		m.toolList = newMultiSelect()
		m.filtered = false
		m.newForm("tools", m.toolList.Title(m.t("ui.tools")).Description(m.t("ui.tools.help")).
			Options(opts...).Value(&m.multi).Filterable(true).Height(max(5, m.high-10)).
			Validate(func(ids []string) error {
				if len(ids) == 0 && m.touched {
					return errors.New(m.t("ui.tools.required"))
				}
				return nil
			}))
	case stepOther:
		t := m.st.tool(st.tool)
		m.inputs[0] = t.Name
		m.val = string(t.Kind)
		var kinds []huh.Option[string]
		for _, k := range catalog.Kinds {
			kinds = append(kinds, huh.NewOption(i18n.T(m.lang, "kind."+string(k)), string(k)))
		}
		fields := []huh.Field{
			newInput().Title(m.t("ui.other.name")).Value(&m.inputs[0]).CharLimit(100).Validate(func(s string) error {
				if strings.TrimSpace(s) == "" {
					return errors.New(m.t("ui.other.name"))
				}
				return nil
			}),
			newSelect().Title(m.t("ui.other.kind")).Options(kinds...).Value(&m.val).Inline(true)}
		// The facts the user knows; "not known" leaves a fact out.
		m.facts = map[string]*string{}
		for _, d := range m.cat.FactsShown("custom") {
			id := d.ID
			v := ""
			if f, ok := t.Facts[id]; ok && len(f.Items) == 1 {
				v = f.Items[0]
			}
			m.facts[id] = &v
			opts := []huh.Option[string]{huh.NewOption(m.t("ui.other.notknown"), "")}
			for _, o := range d.Values {
				opts = append(opts, huh.NewOption(o.Label.In(m.lang), o.ID))
			}
			fields = append(fields, newSelect().Title(d.Title.In(m.lang)).Options(opts...).Value(m.facts[id]).Inline(true))
		}
		m.newForm("other", fields...)
		// The longest form: it scrolls within the room below the header.
		m.form = m.form.WithHeight(max(6, m.high-7))
	case stepQuestion:
		m.buildQuestion(st, false)
	}
}

// buildQuestion makes the form for one question, with the current answer,
// or the catalogue's suggestion, preselected; with keep, what is chosen or
// typed on screen now (a resize measures the form again).
func (m *Model) buildQuestion(st step, keep bool) {
	q := st.q
	vals, _ := m.st.scope(st.tool)
	cur, has := vals[q.ID]
	// Wrapped here, at spaces only: huh would also break after a full stop,
	// and end a line in "§ 203 Abs.".
	title := strings.Join(mdterm.WrapLines(keepTogether(q.Title.In(m.lang)), m.titleWidth()), "\n")
	desc := ""
	if !has && q.Prefill != "" && st.tool != "" {
		if v := m.prefill(st.tool, q); v != "" {
			cur = answers.Value{Items: []string{v}}
			desc = m.t("ui.prefill")
		}
	}
	var opts []huh.Option[string]
	var labels []string
	for _, o := range q.Options {
		label := keepTogether(o.Label.In(m.lang))
		opts = append(opts, huh.NewOption(label, o.ID))
		labels = append(labels, label)
	}
	switch q.Type {
	case catalog.FreeText:
		if !keep {
			m.val = strings.Join(cur.Items, "")
		}
		m.newForm("question", newInput().Title(title).Description(desc).Value(&m.val).CharLimit(answers.MaxText))
	case catalog.MultiChoice:
		if !keep {
			m.multi = slices.Clone(cur.Items)
		}
		m.newForm("question", newMultiSelect().Title(title).Description(desc).Options(opts...).Value(&m.multi).
			Height(m.questionHeight(title, desc, labels)).Validate(func(v []string) error {
			if len(v) == 0 && m.touched {
				return errors.New(m.t("ui.multi.required"))
			}
			return nil
		}))
	default:
		// Unanswered, the cursor starts on the catalogue's suggestion, else
		// on "unknown": a hurried enter never makes the plan rosier.
		if !keep {
			m.val = catalog.Unknown
			if _, ok := q.Option(catalog.Unknown); !ok {
				m.val = ""
			}
			if len(cur.Items) == 1 {
				m.val = cur.Items[0]
			}
		}
		m.newForm("question", newSelect().Title(title).Description(desc).Options(opts...).Value(&m.val).
			Height(m.questionHeight(title, desc, labels)))
	}
}

// questionHeight is the height of a question's form: its title and
// description as wrapped at the form's width, and every option – unless
// the window is too low, then the options scroll (see moreMarker).
func (m *Model) questionHeight(title, desc string, options []string) int {
	need := m.questionLines(title, desc)
	w := max(10, m.formWidth()-6) // border, padding, cursor and tick
	for _, o := range options {
		need += lipgloss.Height(lipgloss.NewStyle().Width(w).Render(o))
	}
	m.hidden = max(0, need-m.questionRoom())
	return min(need, m.questionRoom())
}

// titleWidth is the width of a field's text: the form's less the field's
// left border and padding.
func (m *Model) titleWidth() int { return max(10, m.formWidth()-2) }

func (m *Model) questionLines(title, desc string) int {
	w := m.titleWidth()
	n := lipgloss.Height(lipgloss.NewStyle().Width(w).Render(title))
	if desc != "" {
		n += lipgloss.Height(lipgloss.NewStyle().Width(w).Render(desc))
	}
	return n
}

// questionRoom is the height a question may take: the window less the
// header, the footer and a line for the "more" marker.
func (m *Model) questionRoom() int { return max(4, m.high-7) }

func (m *Model) prefill(toolKey string, q *catalog.Question) string {
	return suggestion(m.plan, toolKey, q)
}

// suggestion is the answer the catalogue's facts give to q for the tool,
// or "".
func suggestion(p *assess.Plan, toolKey string, q *catalog.Question) string {
	if q.Prefill == "" || p == nil {
		return ""
	}
	for _, t := range p.Tools {
		if t.Key != toolKey {
			continue
		}
		for _, f := range t.Facts {
			if f.Def.ID == q.Prefill && len(f.Fact.All()) == 1 {
				if _, ok := q.Option(f.Fact.All()[0]); ok {
					return f.Fact.All()[0]
				}
			}
		}
	}
	return ""
}

// complete stores what a finished form collected and moves on.
func (m *Model) complete() {
	switch m.formFor {
	case "lang":
		m.lang = catalog.Lang(m.val)
		m.st.lang = m.lang
		if len(m.opt.Sessions) == 0 && m.opt.Check != "" {
			m.st.setCheck(m.opt.Check)
			m.refresh()
			m.goTo(0)
			return
		}
		m.buildStart()
		return
	case "start":
		switch {
		case m.val == answers.CheckQuick || m.val == answers.CheckFull:
			m.st.setCheck(m.val)
			m.typical = 0
			m.refresh()
			m.goTo(0)
		case strings.HasPrefix(m.val, "+"):
			for _, s := range m.opt.Sessions {
				if s.Path == m.val[1:] && s.File != nil {
					m.resume(s.File, s.Path)
					m.completeCheck()
					return
				}
			}
		case strings.HasPrefix(m.val, "!"):
			for _, s := range m.opt.Sessions {
				if s.Path == m.val[1:] {
					m.message = m.errText(s.Err)
				}
			}
			m.buildStart()
		default:
			for _, s := range m.opt.Sessions {
				if s.Path == m.val && s.File != nil {
					m.resume(s.File, s.Path)
					return
				}
			}
		}
		return
	case "action":
		m.saveAction()
		return
	case "save":
		m.savePath = m.val
		m.saveExtras = m.multi
		m.writeFiles(writeNew)
		return
	case "savesession":
		if err := m.keeper.SaveAs(m.expand(m.val), m.st.file(), m.cat); err != nil {
			m.sessionErr = m.errText(fsutil.Reason(err))
			m.buildSaveSession()
			return
		}
		m.leaveSaveSession()
		return
	}
	st := m.all[m.cur]
	switch m.formFor {
	case "assessment":
		m.st.org = strings.TrimSpace(m.inputs[0])
		m.st.assessor = strings.TrimSpace(m.inputs[1])
		m.st.participants = splitList(m.inputs[2])
		if d, ok := assessmentDate(m.inputs[3]); ok {
			m.st.date = d
		}
	case "tools":
		m.st.setTools(m.cat, m.multi)
	case "other":
		t := m.st.tool(st.tool)
		t.Name = strings.TrimSpace(m.inputs[0])
		t.Kind = catalog.Kind(m.val)
		for id, v := range m.facts {
			if *v == "" {
				delete(t.Facts, id)
			} else {
				t.Facts[id] = answers.Value{Items: []string{*v}}
			}
		}
	case "question":
		vals, _ := m.st.scope(st.tool)
		switch st.q.Type {
		case catalog.MultiChoice:
			if len(m.multi) == 0 {
				delete(vals, st.q.ID)
			} else {
				vals[st.q.ID] = answers.Value{Items: slices.Clone(m.multi)}
			}
		case catalog.FreeText:
			if strings.TrimSpace(m.val) == "" {
				delete(vals, st.q.ID)
			} else {
				vals[st.q.ID] = answers.Value{Items: []string{strings.TrimSpace(m.val)}}
			}
		default:
			vals[st.q.ID] = answers.Value{Items: []string{m.val}}
		}
	}
	m.autosave()
	m.advance(st, m.cur)
}

// backgroundMsg stands for the terminal's answer about its background.
func backgroundMsg(dark bool) tea.BackgroundColorMsg {
	if dark {
		return tea.BackgroundColorMsg{Color: color.Black}
	}
	return tea.BackgroundColorMsg{Color: color.White}
}

// citeSpace is the space inside a legal reference: "§ 203", "Abs. 4",
// "Art. 9", "Nr. 6".
var citeSpace = regexp.MustCompile(`(§§?|Art\.|Abs\.|Nr\.|lit\.|Satz|S\.) (\d)`)

// keepTogether joins a legal reference with no-break spaces, so a line
// never ends in "§ 203 Abs." with the "4" on the next.
func keepTogether(s string) string { return citeSpace.ReplaceAllString(s, "$1\u00a0$2") }
