package planrun

import (
	"slices"
	"testing"

	"github.com/konform/konform/internal/handoff"
)

// konform makes plans in exactly the formats this package knows by itself;
// any other (html, added by konform-full) it hands on.
func TestLeanFormats(t *testing.T) {
	if got := FormatNames(); !slices.Equal(got, handoff.LeanFormats) {
		t.Errorf("planrun knows %v, konform makes %v itself", got, handoff.LeanFormats)
	}
	if _, ok := handoff.ParsePlan([]string{"plan", "--answers", "a.yaml", "--format", "html"}); ok {
		t.Error("konform would make an HTML plan itself, without the HTML renderer")
	}
}
