// Package catalogtest gives tests the embedded catalogue.
package catalogtest

import (
	"testing"

	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/questions"
)

// Load loads the embedded catalogue or fails the test.
func Load(t testing.TB) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Load(questions.FS)
	if err != nil {
		t.Fatalf("the embedded catalogue does not load: %v", err)
	}
	return c
}
