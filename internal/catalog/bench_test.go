package catalog_test

import (
	"testing"

	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/questions"
)

func BenchmarkLoadCatalogue(b *testing.B) {
	for b.Loop() {
		if _, err := catalog.Load(questions.FS); err != nil {
			b.Fatal(err)
		}
	}
}
