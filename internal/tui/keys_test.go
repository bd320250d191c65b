package tui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
)

// hiddenKeys are the keys a screen handles that its footer has never
// shown (the footers must not change). Any other binding without help
// fails TestFootersListEveryKey.
var hiddenKeys = map[string][]string{
	"*tui.reviewPage":  {"shift+tab esc"}, // back, as on every step
	"*tui.actionsPage": {"shift+tab"},     // the record's form: does nothing
	"*tui.sessionPage": {"shift+tab"},     // does nothing
}

// screenFactories build every screen from a wizard at the review, with
// two tools and a custom one chosen.
func screenFactories(t *testing.T) (*Model, map[string]func() page) {
	d := start(t, fixed(t))
	d.answerAll("whatsapp-business-app", "zoom")
	m := d.m
	// A tool that is not in the catalogue, for its screen.
	m.st.setTools(m.cat, []string{"whatsapp-business-app", "zoom", "other"})
	m.refresh()
	stepOf := func(kind stepKind, withQ bool) step {
		i := slices.IndexFunc(m.all, func(s step) bool { return s.kind == kind && (s.q != nil) == withQ })
		if i < 0 {
			t.Fatalf("no step of kind %d", kind)
		}
		return m.all[i]
	}
	question := func(typ catalog.QType) step {
		i := slices.IndexFunc(m.all, func(s step) bool { return s.kind == stepQuestion && s.q.Type == typ })
		if i < 0 {
			t.Fatalf("no question of type %s", typ)
		}
		return m.all[i]
	}
	c, err := assess.Compare(m.cat, []string{"whatsapp-business-app", "zoom"}, m.st.file(), m.lang, m.st.date)
	if err != nil {
		t.Fatal(err)
	}
	f := m.st.file()
	return m, map[string]func() page{
		"welcome":    func() page { return newWelcome(m) },
		"start":      func() page { return newStart(m, "") },
		"assessment": func() page { return newAssessment(m) },
		"tools":      func() page { return newTools(m) },
		"customtool": func() page { return newCustomTool(m, stepOf(stepOther, false)) },
		"facts":      func() page { return newFactSheet(m, stepOf(stepFacts, false)) },
		"single":     func() page { return newQuestion(m, question(catalog.SingleChoice)) },
		"multi":      func() page { return newQuestion(m, question(catalog.MultiChoice)) },
		"text":       func() page { return newQuestion(m, question(catalog.FreeText)) },
		"review":     func() page { return newReview(m) },
		"preview":    func() page { return newPreview(m) },
		"compare":    func() page { return newCompare(m, c, newTools(m)) },
		"actions":    func() page { return newActions(m) },
		"action": func() page {
			p := newActions(m)
			p.edit = newActionForm(m, m.plan.Actions[0])
			return p
		},
		"save": func() page { return newSave(m, save{path: "/tmp/plan.md"}, "") },
		"overwrite": func() page {
			return newOverwrite(m, []string{"/tmp/plan.md", "/tmp/plan-Entwürfe/a.md"}, "/tmp/plan.md")
		},
		"session": func() page { return newSessionSave(m, newReview(m), "~/konform.yaml", "") },
		"done":    func() page { return newDone(m, []string{"~/plan.md"}) },
		"locked":  func() page { return newLocked(m.lang, f, "locked") },
	}
}

var spaces = regexp.MustCompile(`\s+`)

// Every key a screen handles is in its footer (or, where it asks a
// question, in its text) – but for the few the footer has never shown.
func TestFootersListEveryKey(t *testing.T) {
	m, screens := screenFactories(t)
	for name, build := range screens {
		p := build()
		m.screen = p
		shown := spaces.ReplaceAllString(ansiStripped(m.Render()), " ")
		for _, b := range p.bindings(m) {
			if !b.Enabled() {
				continue
			}
			h := b.Help()
			if h.Key == "" {
				if !slices.Contains(hiddenKeys[typeName(p)], strings.Join(b.Keys(), " ")) {
					t.Errorf("%s: the keys %v are handled but have no help", name, b.Keys())
				}
				continue
			}
			if entry := spaces.ReplaceAllString(h.Key+" "+h.Desc, " "); !strings.Contains(shown, entry) {
				t.Errorf("%s: %q (%v) is not on the screen:\n%s", name, entry, b.Keys(), shown)
			}
		}
	}
}

// probeKeys are keys a user may press anywhere.
var probeKeys = func() []tea.KeyPressMsg {
	var keys []tea.KeyPressMsg
	for _, k := range []string{"enter", "esc", "tab", "shift+tab", "space", "up", "down", "right", "backspace", "?", "/"} {
		keys = append(keys, keyMsg(k))
	}
	for _, c := range []rune{tea.KeyLeft, tea.KeyHome, tea.KeyEnd, tea.KeyPgUp, tea.KeyPgDown, tea.KeyDelete} {
		keys = append(keys, tea.KeyPressMsg{Code: c})
	}
	for r := 'a'; r <= 'z'; r++ {
		keys = append(keys, tea.KeyPressMsg{Code: r, Text: string(r)}, tea.KeyPressMsg{Code: r, Mod: tea.ModCtrl})
		u := r - 'a' + 'A'
		keys = append(keys, tea.KeyPressMsg{Code: u, Text: string(u)})
	}
	return keys
}()

// A key that matches none of a screen's bindings tells the root nothing:
// screens act on keys only through the bindings their footers show.
func TestScreensActOnlyOnTheirBindings(t *testing.T) {
	m, screens := screenFactories(t)
	for name, build := range screens {
		for _, k := range probeKeys {
			p := build()
			m.screen = p
			bindings := p.bindings(m)
			if _, done := p.update(m, k); done != nil && !key.Matches(k, bindings...) {
				t.Errorf("%s: %q reports %T, but is none of its keys", name, k.String(), done)
			}
		}
	}
}

// Screens match keys through their bindings only, never by a key's name:
// no screen reads a key press's String, Code or Text.
func TestScreensMatchKeysByBinding(t *testing.T) {
	files, err := filepath.Glob("screen_*.go")
	if err != nil || len(files) == 0 {
		t.Fatal("no screens", err)
	}
	for _, file := range files {
		f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		keyVars := map[string]bool{}
		ast.Inspect(f, func(n ast.Node) bool {
			// k, ok := msg.(tea.KeyPressMsg)
			if as, ok := n.(*ast.AssignStmt); ok && len(as.Rhs) == 1 {
				if ta, ok := as.Rhs[0].(*ast.TypeAssertExpr); ok && isKeyPress(ta.Type) {
					if id, ok := as.Lhs[0].(*ast.Ident); ok {
						keyVars[id.Name] = true
					}
				}
			}
			return true
		})
		ast.Inspect(f, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if id, ok := sel.X.(*ast.Ident); ok && keyVars[id.Name] && slices.Contains([]string{"String", "Code", "Text", "Mod", "Keystroke"}, sel.Sel.Name) {
					t.Errorf("%s: reads %s.%s; match the key with key.Matches and a binding", file, id.Name, sel.Sel.Name)
				}
			}
			return true
		})
	}
}

func isKeyPress(e ast.Expr) bool {
	sel, ok := e.(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "KeyPressMsg"
}

// A footer too wide for the screen breaks between entries: a key stays on
// the line of what it does (the tool list's footer at 80 columns broke
// "ctrl+c" from "quit").
func TestFooterBreaksBetweenEntries(t *testing.T) {
	keys := "space choose · / filter · ctrl+k compare · enter next · shift+tab back · ctrl+c quit"
	got := wrapEntries(keys, 80)
	lines := strings.Split(got, "\n")
	if len(lines) != 2 || lines[1] != "ctrl+c quit" {
		t.Errorf("the footer at 80 columns:\n%s", got)
	}
	for _, l := range lines {
		if len([]rune(l)) > 80 {
			t.Errorf("a line is wider than the screen: %q", l)
		}
	}
	if got := wrapEntries(keys, 200); got != keys {
		t.Errorf("a footer that fits is changed: %q", got)
	}
}
