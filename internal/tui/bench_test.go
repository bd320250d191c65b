package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// atTools is a wizard on its longest step: the list of all tools.
func atTools(tb testing.TB) *driver {
	d := start(tb, fixed(tb))
	for d.at() != "tools" {
		st := d.m.all[d.m.cur]
		if st.q != nil && len(d.m.multi) == 0 && st.q.Type == "multi" {
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
