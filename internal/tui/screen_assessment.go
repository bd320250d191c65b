package tui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
)

// assessmentPage asks who assesses which organisation, with whom and when.
type assessmentPage struct {
	form                              *huh.Form
	org, assessor, participants, date string
	keys                              formKeys
}

// formKeys are the keys of a screen that is one form: enter goes on,
// shift+tab (or esc) back.
type formKeys struct{ next, back, quit key.Binding }

func newFormKeys(r *Model) formKeys {
	e := helpEntries(r.lang, "ui.keys.form")
	return formKeys{next: bind(e[0], "enter"), back: bind(e[1], "shift+tab", "esc"), quit: quitEntry(e[2])}
}

func (k formKeys) list() []key.Binding { return []key.Binding{k.next, k.back, k.quit} }

func newAssessment(r *Model) *assessmentPage {
	s := r.st
	p := &assessmentPage{org: s.org, assessor: s.assessor, participants: strings.Join(s.participants, ", "), date: s.date.String(), keys: newFormKeys(r)}
	p.form = r.prepare(newThemedForm(
		newInput().Title(r.t("ui.org")).Value(&p.org).CharLimit(200).Validate(func(s string) error {
			if strings.TrimSpace(s) == "" {
				return errors.New(r.t("ui.org.required"))
			}
			return nil
		}),
		newInput().Title(r.t("ui.assessor")).Value(&p.assessor).CharLimit(200),
		newInput().Title(r.t("ui.participants")).Value(&p.participants).CharLimit(1000),
		newInput().Title(r.t("ui.date")).Description(r.t("ui.date.help")).Value(&p.date).Validate(func(s string) error {
			if _, ok := assessmentDate(s); !ok {
				return errors.New(r.t("ui.date.bad"))
			}
			return nil
		})))
	return p
}

func (p *assessmentPage) kind() screen                  { return scrStep }
func (p *assessmentPage) init() tea.Cmd                 { return formInit(p.form) }
func (p *assessmentPage) bindings(*Model) []key.Binding { return p.keys.list() }
func (p *assessmentPage) view(*Model) string            { return formView(p.form) }

func (p *assessmentPage) update(_ *Model, msg tea.Msg) (tea.Cmd, tea.Msg) {
	cmd, done, reply := formStep(&p.form, p.keys.back, msg)
	if !done {
		return cmd, reply
	}
	a := assessed{org: strings.TrimSpace(p.org), assessor: strings.TrimSpace(p.assessor), participants: splitList(p.participants)}
	a.date, _ = assessmentDate(p.date)
	return cmd, a
}
