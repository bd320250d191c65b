package tui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/i18n"
)

// customToolPage asks the name, kind and known facts of a tool that is not
// in the catalogue.
type customToolPage struct {
	tool  string // the tool's key
	form  *huh.Form
	name  string
	kind_ string
	facts map[string]*string // fact id -> value; "" for not known
	keys  formKeys
}

func newCustomTool(r *Model, st step) *customToolPage {
	t := r.st.tool(st.tool)
	p := &customToolPage{tool: st.tool, name: t.Name, kind_: string(t.Kind), facts: map[string]*string{}, keys: newFormKeys(r)}
	var kinds []huh.Option[string]
	for _, k := range catalog.Kinds {
		kinds = append(kinds, huh.NewOption(i18n.T(r.lang, "kind."+string(k)), string(k)))
	}
	fields := []huh.Field{
		newInput().Title(r.t("ui.other.name")).Value(&p.name).CharLimit(100).Validate(func(s string) error {
			if strings.TrimSpace(s) == "" {
				return errors.New(r.t("ui.other.name"))
			}
			return nil
		}),
		newSelect().Title(r.t("ui.other.kind")).Options(kinds...).Value(&p.kind_).Inline(true)}
	// The facts the user knows; "not known" leaves a fact out.
	for _, d := range r.cat.FactsShown("custom") {
		v := ""
		if f, ok := t.Facts[d.ID]; ok && len(f.Items) == 1 {
			v = f.Items[0]
		}
		p.facts[d.ID] = &v
		opts := []huh.Option[string]{huh.NewOption(r.t("ui.other.notknown"), "")}
		for _, o := range d.Values {
			opts = append(opts, huh.NewOption(o.Label.In(r.lang), o.ID))
		}
		fields = append(fields, newSelect().Title(d.Title.In(r.lang)).Options(opts...).Value(p.facts[d.ID]).Inline(true))
	}
	// The longest form: it scrolls within the room below the header.
	p.form = r.prepare(newThemedForm(fields...)).WithHeight(max(6, r.high-7))
	return p
}

func (p *customToolPage) kind() screen                  { return scrStep }
func (p *customToolPage) init() tea.Cmd                 { return formInit(p.form) }
func (p *customToolPage) bindings(*Model) []key.Binding { return p.keys.list() }
func (p *customToolPage) view(*Model) string            { return formView(p.form) }

func (p *customToolPage) update(_ *Model, msg tea.Msg) (tea.Cmd, tea.Msg) {
	cmd, done, reply := formStep(&p.form, p.keys.back, msg)
	if !done {
		return cmd, reply
	}
	facts := map[string]string{}
	for id, v := range p.facts {
		facts[id] = *v
	}
	return cmd, customTool{tool: p.tool, name: strings.TrimSpace(p.name), kind: catalog.Kind(p.kind_), facts: facts}
}
