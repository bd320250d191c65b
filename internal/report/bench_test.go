package report_test

import (
	"testing"

	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/report"
	"github.com/konform/konform/internal/testkit"
)

func BenchmarkRender(b *testing.B) {
	cat := loadCatalog(b)
	p := testkit.Assess(b, cat, "../../examples/medical-zoom-whatsapp.yaml")
	b.Run("markdown", func(b *testing.B) {
		for b.Loop() {
			report.Markdown(p, p.Lang)
		}
	})
	b.Run("json", func(b *testing.B) {
		for b.Loop() {
			report.JSON(p, p.Lang)
		}
	})
}

func BenchmarkHTML(b *testing.B) {
	cat := loadCatalog(b)
	p := testkit.Assess(b, cat, testkit.Example("medical-zoom-whatsapp.yaml"))
	b.ReportAllocs()
	for b.Loop() {
		report.HTML(p, catalog.DE)
	}
}
