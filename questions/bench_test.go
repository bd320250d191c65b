package questions

import (
	"testing"

	"github.com/konform/konform/internal/catalog"
)

// BenchmarkCompiledCatalogue is what konform does before it can use the
// catalogue: make it and build the indexes.
func BenchmarkCompiledCatalogue(b *testing.B) {
	for b.Loop() {
		if _, err := catalog.Compiled(compiled()); err != nil {
			b.Fatal(err)
		}
	}
}
