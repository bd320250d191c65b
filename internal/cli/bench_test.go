package cli_test

import (
	"io"
	"strings"
	"testing"

	"github.com/konform/konform/internal/cli"
	"github.com/konform/konform/internal/testkit"
)

// BenchmarkPlan is `konform plan` on the largest example, in process:
// the command line, reading, assessing and rendering.
func BenchmarkPlan(b *testing.B) {
	args := []string{"plan", "--answers", testkit.Example("medical-zoom-whatsapp.yaml")}
	b.ReportAllocs()
	for b.Loop() {
		if code := cli.Main(args, cli.IO{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard}); code != 0 {
			b.Fatalf("exit code %d", code)
		}
	}
}
