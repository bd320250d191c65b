package tui

import (
	"fmt"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/testkit"
)

// driver runs the model synchronously: every message goes through Update,
// and the commands it returns are run and their messages fed back. The
// cursor's blink messages are dropped, so no timer is ever started and
// every command returns at once; the deadline only guards against a hang.
type driver struct {
	t    testing.TB
	m    *Model
	quit bool
	// size is the terminal's, as last sent; 80×24 from the start.
	size tea.WindowSizeMsg
}

func catalogue(t testing.TB) *catalog.Catalog { return testkit.Catalog(t) }

// newDriver starts a wizard for the full check (the language screen leads
// straight to the assessment); newAskingDriver asks for the kind of check.
func newDriver(t testing.TB, opt Options) *driver {
	t.Helper()
	if opt.Check == "" {
		opt.Check = answers.CheckFull
	}
	return newAskingDriver(t, opt)
}

func newAskingDriver(t testing.TB, opt Options) *driver {
	t.Helper()
	if opt.Catalog == nil {
		opt.Catalog = catalogue(t)
	}
	if opt.Lang == "" {
		opt.Lang = catalog.DE
	}
	if opt.Now == nil {
		opt.Now = func() time.Time { return time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC) }
	}
	if opt.WorkDir == "" {
		opt.WorkDir = t.TempDir()
	}
	if opt.HomeDir == "" {
		opt.HomeDir = "/home/anna"
	}
	d := &driver{t: t, m: New(opt), size: tea.WindowSizeMsg{Width: 80, Height: 24}}
	d.run(d.m.Init())
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	d.send(tea.BackgroundColorMsg{})
	return d
}

func (d *driver) send(msg tea.Msg) {
	d.t.Helper()
	queue := []tea.Msg{msg}
	for n := 0; len(queue) > 0; n++ {
		if n > 500 {
			d.t.Fatal("too many messages: a loop?")
		}
		msg, queue = queue[0], queue[1:]
		if _, ok := msg.(tea.QuitMsg); ok {
			d.quit = true
			continue
		}
		// tea.RequestWindowSize: the runtime answers with the size, as a
		// terminal does – a model that asks again on every answer loops.
		if reflect.TypeOf(msg) == windowSizeRequest {
			msg = d.size
		}
		if size, ok := msg.(tea.WindowSizeMsg); ok {
			d.size = size
		}
		_, cmd := d.m.Update(msg)
		queue = append(queue, d.collect(cmd)...)
	}
}

var windowSizeRequest = reflect.TypeOf(tea.RequestWindowSize())

func (d *driver) run(cmd tea.Cmd) {
	for _, msg := range d.collect(cmd) {
		d.send(msg)
	}
}

func (d *driver) collect(cmd tea.Cmd) []tea.Msg {
	if cmd == nil || isTimer(cmd) {
		return nil
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-ch:
	case <-time.After(2 * time.Second):
		d.t.Fatalf("a command (%s) did not return within two seconds", funcName(cmd))
	}
	if msg == nil || reflect.TypeOf(msg).PkgPath() == "charm.land/bubbles/v2/cursor" {
		return nil
	}
	// Batches and sequences are slices of commands.
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		var out []tea.Msg
		for i := 0; i < v.Len(); i++ {
			out = append(out, d.collect(v.Index(i).Interface().(tea.Cmd))...)
		}
		return out
	}
	return []tea.Msg{msg}
}

func funcName(cmd tea.Cmd) string {
	return runtime.FuncForPC(reflect.ValueOf(cmd).Pointer()).Name()
}

// isTimer recognises the commands that only sleep and tick: tea.Tick and
// the cursor's blink. Running them would only make the tests slow.
func isTimer(cmd tea.Cmd) bool {
	name := funcName(cmd)
	return strings.Contains(name, "bubbletea/v2.Tick") || strings.Contains(name, "bubbles/v2/cursor.")
}

// press sends keys by name: "enter", "down", "shift+tab", "space", "ctrl+c",
// or a single character.
func (d *driver) press(keys ...string) {
	d.t.Helper()
	for _, k := range keys {
		d.send(keyMsg(k))
	}
}

// typeText sends each rune as a key press.
func (d *driver) typeText(s string) {
	d.t.Helper()
	for _, r := range s {
		d.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "ctrl+o":
		return tea.KeyPressMsg{Code: 'o', Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// screen is the view without colours or trailing spaces.
func (d *driver) screen() string {
	lines := strings.Split(ansi.Strip(d.m.Render()), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

func (d *driver) golden(name string) {
	d.t.Helper()
	testkit.Golden(d.t, filepath.Join("testdata", name+".golden"), []byte(d.screen()+"\n"))
}

// at reports the current step's question id, or its kind.
func (d *driver) at() string {
	m := d.m
	if kind := m.screen.kind(); kind != scrStep {
		return map[screen]string{scrWelcome: "welcome", scrStart: "start", scrPreview: "preview", scrSave: "save",
			scrConfirmOverwrite: "confirm", scrDone: "done", scrCompare: "compare", scrActions: "actions", scrActionEdit: "action"}[kind]
	}
	st := m.all[m.cur]
	switch st.kind {
	case stepAssessment:
		return "assessment"
	case stepTools:
		return "tools"
	case stepOther:
		return "other"
	case stepFacts:
		return "facts:" + st.tool
	case stepReview:
		return "review"
	}
	if st.tool != "" {
		return st.tool + ":" + st.q.ID
	}
	return st.q.ID
}

// ticked is what the tool list or a multiple-choice question has ticked.
func (d *driver) ticked() []string {
	switch p := d.m.screen.(type) {
	case *toolsPage:
		return p.ticked
	case *questionPage:
		return p.ticked
	}
	return nil
}

// choice is what a single-choice question has chosen, or the text typed.
func (d *driver) choice() string {
	if p, ok := d.m.screen.(*questionPage); ok {
		return p.choice
	}
	return ""
}

// review is the review screen shown.
func (d *driver) review() *reviewPage {
	d.t.Helper()
	p, ok := d.m.screen.(*reviewPage)
	if !ok {
		d.t.Fatalf("at %s, not the review", d.at())
	}
	return p
}

// viewport is the scrolling part of the screen shown: the fact sheet, the
// comparison or the plan.
func (d *driver) viewport() *viewport.Model {
	d.t.Helper()
	switch p := d.m.screen.(type) {
	case *factSheetPage:
		return &p.sheet
	case *comparePage:
		return &p.table
	case *previewPage:
		return &p.plan
	}
	d.t.Fatalf("at %s: no viewport", d.at())
	return nil
}

func (d *driver) expectAt(want string) {
	d.t.Helper()
	if got := d.at(); got != want {
		d.t.Fatalf("at %s, want %s\n%s", got, want, d.screen())
	}
}

// choose moves to the option with the given id and confirms.
func (d *driver) choose(id string) {
	d.t.Helper()
	st := d.m.all[d.m.cur]
	ids := st.q.OptionIDs()
	idx := -1
	for i, x := range ids {
		if x == id {
			idx = i
		}
	}
	if idx < 0 {
		d.t.Fatalf("%s has no option %s", st.q.ID, id)
	}
	// Selects open on the current value; start from the top.
	d.press("g")
	for range idx {
		d.press("down")
	}
	d.press("enter")
}

func ansiStripped(s string) string { return ansi.Strip(s) }

// typeName is a value's type as %T writes it.
func typeName(v any) string { return fmt.Sprintf("%T", v) }
