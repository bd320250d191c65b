package plan_test

import (
	"testing"

	"github.com/konform/konform/internal/plan"
)

func BenchmarkRender(b *testing.B) {
	cat := loadCatalog(b)
	p := assessFile(b, cat, "../../examples/medical-zoom-whatsapp.yaml")
	b.Run("markdown", func(b *testing.B) {
		for b.Loop() {
			plan.Markdown(p, p.Lang)
		}
	})
	b.Run("json", func(b *testing.B) {
		for b.Loop() {
			plan.JSON(p, p.Lang)
		}
	})
}
