package planrun

import (
	"io"
	"testing"

	"github.com/konform/konform/questions"
)

// BenchmarkRun is `konform plan` on the largest example, in process.
func BenchmarkRun(b *testing.B) {
	cat, err := questions.Catalog()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := Run(cat, Options{Answers: "../../examples/medical-zoom-whatsapp.yaml", Format: "md"}, IO{Out: io.Discard, Err: io.Discard}); err != nil {
			b.Fatal(err)
		}
	}
}
