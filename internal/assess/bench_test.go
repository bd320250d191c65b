package assess_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
)

func BenchmarkAssessExample(b *testing.B) {
	cat := loadCatalog(b)
	files, _ := filepath.Glob("../../examples/*.yaml")
	for _, path := range files {
		data, _ := os.ReadFile(path)
		f, err := answers.Parse(path, data, cat)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(strings.TrimSuffix(filepath.Base(path), ".yaml"), func(b *testing.B) {
			for b.Loop() {
				assess.Assess(cat, f)
			}
		})
	}
}

// manyTools is an assessment of n tools: catalogue tools, then custom
// ones, each with the good answers.
func manyTools(cat *catalog.Catalog, n int) *answers.File {
	f := build(change{})
	f.Tools = nil
	for i := range n {
		t := &answers.Tool{ID: "other", Name: fmt.Sprintf("Tool %d", i), Kind: catalog.KindMessenger, Answers: vals(goodMessenger)}
		if i%2 == 1 {
			t.Kind = catalog.KindVideo
			t.Answers = vals(goodVideo)
		}
		f.Tools = append(f.Tools, t)
	}
	return f
}

// The cost of an assessment per tool: 1, 10 and 100 tools.
func BenchmarkAssessTools(b *testing.B) {
	cat := loadCatalog(b)
	for _, n := range []int{1, 10, 100} {
		f := manyTools(cat, n)
		b.Run(fmt.Sprintf("tools=%d", n), func(b *testing.B) {
			for b.Loop() {
				assess.Assess(cat, f)
			}
		})
	}
}
