package tui

import (
	"errors"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/mdterm"
	"github.com/konform/konform/internal/safe"
)

// questionPage asks one question of the organisation or a tool, with why
// it is asked (?) and a note on the answer (ctrl+o).
type questionPage struct {
	step     step
	form     *huh.Form
	choice   string   // a single choice or the text typed
	ticked   []string // a multiple choice
	hidden   int      // options below the window's room
	touched  bool     // a key was pressed: validation hints may show
	showHelp bool
	note     *huh.Form // the note being written, nil when none
	noteText string
	message  string
	keys     struct {
		tick, next, back, why, note, review, quit key.Binding
		saveNote, cancelNote                      key.Binding
	}
}

func newQuestion(r *Model, st step) *questionPage {
	p := &questionPage{step: st}
	p.build(r, false)
	k := &p.keys
	e := helpEntries(r.lang, "ui.keys.question")
	if r.st.completing {
		e = helpEntries(r.lang, "ui.keys.question.completing")
		k.review = bind(e[4], "ctrl+r") // the root's key
	}
	k.tick = enabled(bind(r.t("ui.keys.space"), "space"), st.q.Type == catalog.MultiChoice) // ticks more than one
	k.next, k.back, k.note, k.quit = bind(e[0], "enter"), bind(e[1], "shift+tab", "esc"), bind(e[3], "ctrl+o"), quitEntry(e[len(e)-1])
	k.why = bind(e[2], "?", "ctrl+g")
	if st.q.Type == catalog.FreeText {
		k.why.SetKeys("ctrl+g") // ? is typed
	}
	e = helpEntries(r.lang, "ui.keys.note")
	k.saveNote, k.cancelNote = bind(e[0], "enter"), bind(e[1], "esc")
	return p
}

func (p *questionPage) kind() screen      { return scrStep }
func (p *questionPage) init() tea.Cmd     { return formInit(p.form) }
func (p *questionPage) modal() bool       { return p.note != nil }
func (p *questionPage) notice(msg string) { p.message = msg }

func (p *questionPage) bindings(*Model) []key.Binding {
	k := p.keys
	if p.note != nil {
		return []key.Binding{k.saveNote, k.cancelNote}
	}
	return []key.Binding{k.tick, k.next, k.back, k.why, k.note, k.review, k.quit}
}

// build makes the form for the question, with the current answer, or the
// catalogue's suggestion, preselected; with keep, what is chosen or typed
// on screen now (a resize measures the form again).
func (p *questionPage) build(r *Model, keep bool) {
	st, q := p.step, p.step.q
	vals, _ := r.st.scope(st.tool)
	cur, has := vals[q.ID]
	// Wrapped here, at spaces only: huh would also break after a full stop,
	// and end a line in "§ 203 Abs.".
	title := strings.Join(mdterm.WrapLines(keepTogether(q.Title.In(r.lang)), r.titleWidth()), "\n")
	desc := ""
	if !has && q.Prefill != "" && st.tool != "" {
		if v := suggestion(r.plan, st.tool, q); v != "" {
			cur = answers.Value{Items: []string{v}}
			desc = r.t("ui.prefill")
		}
	}
	if f, _ := shownFact(r.lang, r.plan, st.tool, q); f != "" {
		f = strings.Join(mdterm.WrapLines(keepTogether(f), r.titleWidth()), "\n")
		desc = strings.TrimPrefix(desc+"\n"+f, "\n")
	}
	var opts []huh.Option[string]
	var labels []string
	for _, o := range q.Options {
		label := keepTogether(o.Label.In(r.lang))
		opts = append(opts, huh.NewOption(label, o.ID))
		labels = append(labels, label)
	}
	var field huh.Field
	switch q.Type {
	case catalog.FreeText:
		if !keep {
			p.choice = strings.Join(cur.Items, "")
		}
		field = newInput().Title(title).Description(desc).Value(&p.choice).CharLimit(answers.MaxText)
	case catalog.MultiChoice:
		if !keep {
			p.ticked = slices.Clone(cur.Items)
		}
		field = newMultiSelect().Title(title).Description(desc).Options(opts...).Value(&p.ticked).
			Height(p.height(r, title, desc, labels)).Validate(func(v []string) error {
			if len(v) == 0 && p.touched {
				return errors.New(r.t("ui.multi.required"))
			}
			return nil
		})
	default:
		// Unanswered, the cursor starts on the catalogue's suggestion, else
		// on "unknown": a hurried enter never makes the plan rosier.
		if !keep {
			p.choice = catalog.Unknown
			if _, ok := q.Option(catalog.Unknown); !ok {
				p.choice = ""
			}
			if len(cur.Items) == 1 {
				p.choice = cur.Items[0]
			}
		}
		field = newSelect().Title(title).Description(desc).Options(opts...).Value(&p.choice).
			Height(p.height(r, title, desc, labels))
	}
	p.form = r.prepare(newThemedForm(field))
}

// height is the height of the question's form: its title and description
// as wrapped at the form's width, and every option – unless the window is
// too low, then the options scroll (see ui.more).
func (p *questionPage) height(r *Model, title, desc string, options []string) int {
	w := r.titleWidth()
	need := lipgloss.Height(lipgloss.NewStyle().Width(w).Render(title))
	if desc != "" {
		need += lipgloss.Height(lipgloss.NewStyle().Width(w).Render(desc))
	}
	w = max(10, r.formWidth()-6) // border, padding, cursor and tick
	for _, o := range options {
		need += lipgloss.Height(lipgloss.NewStyle().Width(w).Render(o))
	}
	// The room: the window less the header, the footer and a line for
	// the "more" marker.
	room := max(4, r.high-7)
	p.hidden = max(0, need-room)
	return min(need, room)
}

// resize measures the question again; what is chosen or typed stays.
func (p *questionPage) resize(r *Model) tea.Cmd {
	if p.form == nil || p.note != nil {
		return nil
	}
	p.build(r, true)
	return formInit(p.form)
}

func (p *questionPage) update(r *Model, msg tea.Msg) (tea.Cmd, tea.Msg) {
	k, isKey := msg.(tea.KeyPressMsg)
	if p.note != nil {
		// The note takes every message until it is saved or cancelled.
		if isKey && key.Matches(k, p.keys.cancelNote) {
			p.note = nil
			return nil, nil
		}
		var cmd tea.Cmd
		if p.note, cmd = formUpdate(p.note, msg); completed(p.note) {
			p.note = nil
			return cmd, noted{tool: p.step.tool, q: p.step.q, note: strings.TrimSpace(p.noteText)}
		}
		return cmd, nil
	}
	if isKey {
		p.touched = true // validation hints may show from now on
		switch {
		case key.Matches(k, p.keys.back):
			return nil, back{}
		case key.Matches(k, p.keys.why):
			p.showHelp = !p.showHelp
			return nil, nil
		case key.Matches(k, p.keys.note):
			_, notes := r.st.scope(p.step.tool)
			p.noteText = notes[p.step.q.ID]
			p.note = r.prepare(newThemedForm(newInput().Title(r.t("ui.note.title")).CharLimit(answers.MaxText).Value(&p.noteText)))
			return formInit(p.note), nil
		}
	}
	// Enter, space and typing are the form's.
	var cmd tea.Cmd
	if p.form, cmd = formUpdate(p.form, msg); !completed(p.form) {
		return cmd, nil
	}
	p.form = nil
	a := answered{tool: p.step.tool, q: p.step.q}
	switch p.step.q.Type {
	case catalog.MultiChoice:
		a.value = slices.Clone(p.ticked)
	case catalog.FreeText:
		if v := strings.TrimSpace(p.choice); v != "" {
			a.value = []string{v}
		}
	default:
		a.value = []string{p.choice}
	}
	return cmd, a
}

func (p *questionPage) view(r *Model) string {
	q := p.step.q
	body := formView(p.form)
	if p.hidden > 0 {
		body += "\n" + dim.Render(r.t("ui.more"))
	}
	if p.note != nil {
		// The note is not part of the question: a box of its own.
		body += "\n" + box.Width(r.formWidth()).Render(p.note.View())
	}
	if p.showHelp {
		why := q.Help.In(r.lang)
		if _, d := shownFact(r.lang, r.plan, p.step.tool, q); d != "" {
			why += "\n\n" + d
		}
		help := box.Width(r.formWidth()).Render(bold.Render(r.t("ui.why")) + "\n" + keepTogether(why))
		room := r.high - lipgloss.Height(r.header()) - 1 - len(r.footer(r.t("ui.keys.question"))) - 1
		if lipgloss.Height(body)+lipgloss.Height(help) > room {
			// Too low for both: the question and why it is asked; ?
			// brings the answers back.
			title := mdterm.WrapLines(keepTogether(q.Title.In(r.lang)), r.titleWidth())
			back := dim.Render(wrap(r.t("ui.why.back"), r.width-2))
			body = bold.Render(strings.Join(title, "\n")) + "\n" + help + "\n" + back
			if lipgloss.Height(body) > room {
				// Still too low (a tool's fact beside the help, at the
				// minimum size): why it is asked alone, without its frame.
				body = bold.Render(r.t("ui.why")) + "\n" + wrap(keepTogether(why), r.width-2) + "\n" + back
			}
		} else {
			body += "\n" + help
		}
	}
	_, notes := r.st.scope(p.step.tool)
	if n := notes[q.ID]; n != "" && p.note == nil {
		body += "\n" + dim.Render(wrap("✎ "+r.t("ui.note")+": "+safe.Line(n), r.width-2))
	}
	if p.message != "" {
		body += "\n" + warn.Render(p.message)
	}
	return body
}
