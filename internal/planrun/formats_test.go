package planrun

import (
	"slices"
	"testing"

	"github.com/konform/konform/internal/handoff"
)

// konform makes plans in exactly the formats this package knows by itself;
// HTML it hands to konform-html, which adds the renderer.
func TestLeanFormats(t *testing.T) {
	for _, f := range handoff.PlanFormats {
		lean := slices.Contains(handoff.LeanFormats, f)
		if Makes(f) != lean {
			t.Errorf("format %s: planrun makes it itself: %v; konform makes it itself: %v", f, Makes(f), lean)
		}
		if lean != (handoff.Maker(f) == "") {
			t.Errorf("format %s: konform hands it to %q", f, handoff.Maker(f))
		}
	}
	if got := handoff.Route([]string{"plan", "--answers", "a.yaml", "--format", "html"}); got != handoff.HTMLName {
		t.Errorf("an HTML plan goes to %q, want %s", got, handoff.HTMLName)
	}
	if got := handoff.Route([]string{"plan", "--answers", "a.yaml", "--format", "pdf"}); got != handoff.FullName {
		t.Errorf("a plan in an unknown format goes to %q, want %s to explain", got, handoff.FullName)
	}
}
