package catalog_test

import (
	"testing"

	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/questions"
)

func load(t *testing.T) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Load(questions.FS)
	if err != nil {
		t.Fatalf("the embedded catalogue does not load:\n%v", err)
	}
	return c
}

func TestEmbeddedCatalogueLoads(t *testing.T) {
	c := load(t)
	t.Logf("%d questions, %d tools, %d rules", len(c.Questions), len(c.Tools), len(c.Rules))
}
