package questions

import (
	"testing"

	"github.com/konform/konform/internal/catalog"
)

// BenchmarkCompiledCatalogue is what konform does with the compiled
// catalogue before it can use it: build the indexes.
func BenchmarkCompiledCatalogue(b *testing.B) {
	for b.Loop() {
		if _, err := catalog.Compiled(compiled); err != nil {
			b.Fatal(err)
		}
	}
}
