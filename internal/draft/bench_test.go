package draft_test

import (
	"testing"

	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/draft"
	"github.com/konform/konform/internal/testkit"
)

// BenchmarkDrafts writes the five drafts of the medical practice, the
// example with the most activities.
func BenchmarkDrafts(b *testing.B) {
	cat := testkit.Catalog(b)
	p := assess.Assess(cat, testkit.Answers(b, cat, testkit.Root()+"/examples/medical-zoom-whatsapp.yaml"))
	for b.Loop() {
		for _, k := range draft.Kinds {
			if _, err := draft.Write(p, k, catalog.DE); err != nil {
				b.Fatal(err)
			}
		}
	}
}
