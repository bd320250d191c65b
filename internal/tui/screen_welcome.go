package tui

import (
	"fmt"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/i18n"
	"github.com/konform/konform/internal/safe"
)

// welcomePage asks for the language, the first thing the wizard asks.
type welcomePage struct {
	form *huh.Form
	lang string
	keys struct{ choose, next, quit key.Binding }
}

func newWelcome(r *Model) *welcomePage {
	p := &welcomePage{lang: string(r.lang)}
	p.form = r.prepare(newThemedForm(newSelect().Title(i18n.T(r.lang, "ui.lang")).
		Options(huh.NewOption("Deutsch", "de"), huh.NewOption("English", "en")).Value(&p.lang)))
	e := helpEntries(r.lang, "ui.keys.first") // nothing to go back to
	p.keys.choose, p.keys.next, p.keys.quit = bind(e[0], "up", "down"), bind(e[1], "enter"), quitEntry(e[2])
	return p
}

func (p *welcomePage) kind() screen  { return scrWelcome }
func (p *welcomePage) init() tea.Cmd { return formInit(p.form) }

func (p *welcomePage) bindings(*Model) []key.Binding {
	return []key.Binding{p.keys.choose, p.keys.next, p.keys.quit}
}

func (p *welcomePage) update(_ *Model, msg tea.Msg) (tea.Cmd, tea.Msg) {
	// Every key is the language list's: ↑/↓ and enter.
	var cmd tea.Cmd
	if p.form, cmd = formUpdate(p.form, msg); completed(p.form) {
		p.form = nil
		return cmd, langChosen{catalog.Lang(p.lang)}
	}
	return cmd, nil
}

func (p *welcomePage) view(r *Model) string { return welcomeView(r, p.form, "") }

// welcomeView is the welcome text above a form, and a message below it.
func welcomeView(r *Model, form *huh.Form, message string) string {
	body := head.Render(r.t("ui.welcome.title")) + "\n\n" + wrap(r.t("ui.welcome.text"), r.width-2) + "\n\n" + formView(form)
	if message != "" {
		body += "\n" + warn.Render(message)
	}
	return body
}

// startPage asks how to start: a quick or a full check, or a saved
// session to resume or to complete.
type startPage struct {
	form    *huh.Form
	choice  string
	message string // why the session chosen cannot be opened
	keys    struct{ next, back, quit key.Binding }
}

func newStart(r *Model, message string) *startPage {
	p := &startPage{message: message}
	p.build(r)
	e := helpEntries(r.lang, "ui.keys.form")
	p.keys.next, p.keys.back, p.keys.quit = bind(e[0], "enter"), bind(e[1], "shift+tab", "esc"), quitEntry(e[2])
	return p
}

// build makes the list of ways to start, the first chosen.
func (p *startPage) build(r *Model) {
	var opts []huh.Option[string]
	if r.opt.Check != answers.CheckFull {
		opts = append(opts, huh.NewOption(r.t("ui.start.quick"), answers.CheckQuick))
	}
	if r.opt.Check != answers.CheckQuick {
		opts = append(opts, huh.NewOption(r.t("ui.start.full"), answers.CheckFull))
	}
	for _, s := range r.opt.Sessions {
		if s.Err != nil {
			opts = append(opts, huh.NewOption(fmt.Sprintf("⚠ %s – %s", safe.Line(filepath.Base(s.Path)), r.t("ui.start.broken")), "!"+s.Path))
			continue
		}
		a := s.File.Assessment
		kind := r.t("ui.check.full")
		if a.Quick() {
			kind = r.t("ui.check.quickshort")
		}
		opts = append(opts, huh.NewOption(fmt.Sprintf("%s %s (%s, %s, %s)", r.t("ui.start.resume"), safe.Line(a.Organisation), a.Date, kind, progressText(r.cat, s.File)), s.Path))
		if a.Quick() {
			opts = append(opts, huh.NewOption(fmt.Sprintf("%s: %s (%s)", safe.Line(a.Organisation), r.t("ui.start.complete"), a.Date), "+"+s.Path))
		}
	}
	p.choice = opts[0].Value
	p.form = r.prepare(newThemedForm(newSelect().Title(r.t("ui.start")).Options(opts...).Value(&p.choice)))
}

func (p *startPage) kind() screen  { return scrStart }
func (p *startPage) init() tea.Cmd { return formInit(p.form) }

func (p *startPage) bindings(*Model) []key.Binding {
	return []key.Binding{p.keys.next, p.keys.back, p.keys.quit}
}

func (p *startPage) update(r *Model, msg tea.Msg) (tea.Cmd, tea.Msg) {
	cmd, done, reply := formStep(&p.form, p.keys.back, msg)
	if !done {
		return cmd, reply
	}
	switch c := p.choice; {
	case c == answers.CheckQuick || c == answers.CheckFull:
		return cmd, checkChosen{c}
	case strings.HasPrefix(c, "+"):
		return cmd, resumeChosen{path: c[1:], complete: true}
	case strings.HasPrefix(c, "!"):
		// A session that cannot be read: say why, and ask again.
		for _, s := range r.opt.Sessions {
			if s.Path == c[1:] {
				p.message = r.errText(s.Err)
			}
		}
		p.build(r)
		return tea.Batch(cmd, p.init()), nil
	default:
		return cmd, resumeChosen{path: c}
	}
}

func (p *startPage) view(r *Model) string { return welcomeView(r, p.form, p.message) }

// progressText says how far a session got: answered of shown questions.
func progressText(cat *catalog.Catalog, f *answers.File) string {
	all, _ := steps(cat, fromFile(f))
	done := firstOpen(fromFile(f), all)
	return fmt.Sprintf("%d %%", done*100/max(1, len(all)-1))
}
