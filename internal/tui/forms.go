package tui

import (
	"fmt"
	"image/color"
	"reflect"
	"regexp"
	"sync"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/i18n"
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

// formInit starts a form; nil without one.
func formInit(f *huh.Form) tea.Cmd {
	if f == nil {
		return nil
	}
	return calm(f.Init())
}

// formSize is a form's request for the window's size, answered by the
// root from the size it knows (see calm).
type formSize struct{}

// sizeRequest is the command a form starts with to ask the terminal for
// the window's size.
var sizeRequest = reflect.ValueOf(tea.RequestWindowSize).Pointer()

// calm routes a starting form's request for the window's size to the
// root, which knows the size: asked of the terminal, the answer makes
// Bubble Tea's renderer clear the whole screen (ESC[2J) one tick after
// every new question – a flicker on a slow line. huh starts a form with a
// sequence of commands ending in tea.RequestWindowSize; that one is
// replaced, the others (focus, the cursor's blink) are left as they are.
func calm(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() tea.Msg {
		msg := cmd()
		v := reflect.ValueOf(msg)
		if v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeFor[tea.Cmd]() {
			return msg
		}
		out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		reflect.Copy(out, v)
		for i := range v.Len() {
			if c := v.Index(i); !c.IsNil() && c.Pointer() == sizeRequest {
				out.Index(i).Set(reflect.ValueOf(tea.Cmd(func() tea.Msg { return formSize{} })))
			}
		}
		return out.Interface()
	}
}

// formUpdate gives msg to a form, if there is one.
func formUpdate(f *huh.Form, msg tea.Msg) (*huh.Form, tea.Cmd) {
	if f == nil {
		return nil, nil
	}
	g, cmd := f.Update(msg)
	return g.(*huh.Form), cmd
}

// formStep is a form page's update: the back key goes back; any other
// message goes to the form, and done reports that the user finished it
// (the form is then dropped – a completed form cannot be reopened).
func formStep(form **huh.Form, backKey key.Binding, msg tea.Msg) (cmd tea.Cmd, done bool, reply tea.Msg) {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, backKey) {
		return nil, false, back{}
	}
	if *form, cmd = formUpdate(*form, msg); !completed(*form) {
		return cmd, false, nil
	}
	*form = nil
	return cmd, true, nil
}

// completed reports whether the user has finished the form; a screen
// reports it once and lets go of the form.
func completed(f *huh.Form) bool { return f != nil && f.State == huh.StateCompleted }

func formView(f *huh.Form) string {
	if f == nil {
		return ""
	}
	return f.View()
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

// titleWidth is the width of a field's text: the form's less the field's
// left border and padding.
func (m *Model) titleWidth() int { return max(10, m.formWidth()-2) }

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

// shownFact is what the question shows of the tool's fact (shows_fact):
// a line under the title with the fact's value and date ("At WhatsApp
// Business App: built in, cannot be removed (researched, as of …)"), and
// the fact's detail for the "why" help. Both "" where the tool has no such
// fact.
func shownFact(lang catalog.Lang, p *assess.Plan, toolKey string, q *catalog.Question) (line, detail string) {
	if q.ShowsFact == "" || p == nil {
		return "", ""
	}
	for _, t := range p.Tools {
		if t.Key != toolKey {
			continue
		}
		for _, f := range t.Facts {
			if f.Def.ID != q.ShowsFact || len(f.Fact.All()) != 1 {
				continue
			}
			v, ok := f.Def.Value(f.Fact.All()[0])
			if !ok {
				return "", ""
			}
			more := ""
			if d := f.Fact.Detail.In(lang); d != "" {
				detail = fmt.Sprintf(i18n.T(lang, "ui.showsfact.detail"), f.Def.Title.In(lang), t.Name.In(lang), d)
				more = i18n.T(lang, "ui.showsfact.more")
			}
			return fmt.Sprintf(i18n.T(lang, "ui.showsfact"), t.Name.In(lang), v.Label.In(lang), f.Fact.AsOf, more), detail
		}
	}
	return "", ""
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
