package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/konform/konform/internal/catalog"
)

// atTools is a wizard on its longest step: the list of all tools.
func atTools(tb testing.TB) *driver {
	d := start(tb, fixed(tb))
	for d.at() != "tools" {
		st := d.m.all[d.m.cur]
		if st.q != nil && len(d.ticked()) == 0 && st.q.Type == "multi" {
			d.press("space")
		}
		d.press("enter")
	}
	return d
}

func BenchmarkView(b *testing.B) {
	d := start(b, fixed(b))
	d.answerAll("whatsapp", "zoom")
	b.Run("review", func(b *testing.B) {
		for b.Loop() {
			_ = d.m.View()
		}
	})
	d.press("p")
	b.Run("preview", func(b *testing.B) {
		for b.Loop() {
			_ = d.m.View()
		}
	})
}

// One key press on the longest step, with the frame it produces.
func BenchmarkKeyPress(b *testing.B) {
	d := atTools(b)
	down := tea.KeyPressMsg{Code: tea.KeyDown}
	for b.Loop() {
		d.m.Update(down)
		_ = d.m.View()
	}
}

// BenchmarkNewWelcome is the work before the first frame: the model and
// the welcome screen, built and drawn.
func BenchmarkNewWelcome(b *testing.B) {
	opt := fixed(b)
	opt.Catalog, opt.Lang = catalogue(b), "de"
	b.ReportAllocs()
	for b.Loop() {
		m := New(opt)
		_ = m.View()
	}
}

// BenchmarkKeyPressManyTools is a key press on the tool list of a
// catalogue file with 2,090 tools of its own (a consultancy's complete
// list): the list must stay as quick as with the shipped catalogue.
func BenchmarkKeyPressManyTools(b *testing.B) {
	base := catalogue(b)
	var y strings.Builder
	y.WriteString("format: konform/catalog/v1\nsources: [{id: s, title: T, by: B, date: 2026}]\ntools:\n")
	f := "{value: to_verify, as_of: 2026-11-20, source: [s]}"
	for i := range 2090 {
		fmt.Fprintf(&y, "  - {id: bench-%04d, name: {de: Werkzeug %04d, en: Tool %04d}, kind: messenger, vendor: V, about: {de: x, en: x}, facts: {seat: %s, hosting: %s, e2e: %s, avv: %s, business_use: %s, open_source: %s}}\n", i, i, i, f, f, f, f, f, f)
	}
	data := []byte(y.String())
	path := filepath.Join(b.TempDir(), "many.yaml")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.Fatal(err)
	}
	cat, err := catalog.LoadOverlay(base, path)
	if err != nil {
		b.Fatal(err)
	}
	opt := fixed(b)
	opt.Catalog = cat
	d := start(b, opt)
	for d.at() != "tools" {
		st := d.m.all[d.m.cur]
		if st.q != nil && len(d.ticked()) == 0 && st.q.Type == "multi" {
			d.press("space")
		}
		d.press("enter")
	}
	down := tea.KeyPressMsg{Code: tea.KeyDown}
	for b.Loop() {
		d.m.Update(down)
		_ = d.m.View()
	}
}

// BenchmarkEnterNextQuestion is enter on a tool's question with the next
// question drawn: the work the wizard does between the key and the frame
// (the answer saved, the steps recomputed, the next form built).
func BenchmarkEnterNextQuestion(b *testing.B) {
	var d *driver
	fresh := func() {
		d = atTools(b)
		d.press("space", "enter")
		for strings.HasPrefix(d.at(), "facts") || d.at() == "tools" {
			d.press("enter")
		}
	}
	fresh()
	for b.Loop() {
		if d.at() == "review" || d.m.screen.kind() != scrStep {
			b.StopTimer()
			fresh()
			b.StartTimer()
		}
		if st := d.m.all[d.m.cur]; st.q != nil && st.q.Type == "multi" && len(d.ticked()) == 0 {
			d.press("space")
		}
		d.press("enter")
		_ = d.m.View()
	}
}
