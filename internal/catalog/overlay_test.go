package catalog_test

import (
	"strings"
	"testing"

	"github.com/konform/konform/internal/catalog"
)

func TestOverlayAddsAndCorrects(t *testing.T) {
	base := load(t)
	c, err := catalog.LoadOverlay(base, "../../examples/catalog/praxis-overlay.yaml")
	if err != nil {
		t.Fatal(err)
	}
	zoom := c.Tool("zoom").Facts["hosting"]
	if zoom.Value != "eu_eea" || !zoom.Overlay || zoom.AsOf.String() != "2026-11-20" {
		t.Errorf("zoom hosting: %+v", zoom)
	}
	if c.Tool("zoom").Facts["seat"].Overlay {
		t.Error("a fact the file does not touch is marked as the file's")
	}
	if pc := c.Tool("praxis-chat"); pc == nil || !pc.Overlay || pc.Kind != catalog.KindMessenger {
		t.Errorf("new tool: %+v", pc)
	}
	if c.Source("workshop-weber-2026") == nil {
		t.Error("the file's source is missing")
	}
	// The built-in catalogue stays as it was.
	if base.Tool("zoom").Facts["hosting"].Value == "eu_eea" || base.Tool("praxis-chat") != nil {
		t.Error("the overlay changed the built-in catalogue")
	}
}

// A bad overlay: every problem, each with its line and column.
func TestOverlayErrorsAreLocated(t *testing.T) {
	base := load(t)
	cases := map[string]struct{ file, want string }{
		"format": {"format: konform/catalog/v9\n", "x.yaml:1:1: format must be konform/catalog/v1"},
		"syntax": {"format: konform/catalog/v1\ntools: [\n", "x.yaml:3:1: did not find expected node content"},
		"key":    {"format: konform/catalog/v1\ntool:\n  - id: zoom\n", `x.yaml:2:1: unknown key "tool" here`},
		"date": {"format: konform/catalog/v1\ntools:\n  - id: zoom\n    facts:\n      hosting: {value: eu_eea, as_of: 20.11.2026, source: [seed-001]}\n",
			`x.yaml:5:39: "20.11.2026" is not a date; write YYYY-MM-DD`},
		"rename": {"format: konform/catalog/v1\ntools:\n  - id: zoom\n    name: {de: Zoom, en: Zoom}\n", "x.yaml:3:5: tool zoom is in the catalogue: only its facts can be corrected"},
		"fact": {"format: konform/catalog/v1\ntools:\n  - id: zoom\n    facts:\n      hosting: {value: moon, as_of: 2026-11-20, source: [seed-001]}\n",
			`x.yaml:5:7: tool zoom fact hosting: "moon" is not a value of this fact`},
		"undated": {"format: konform/catalog/v1\ntools:\n  - id: zoom\n    facts:\n      hosting: {value: eu_eea, source: [seed-001]}\n",
			"x.yaml:5:7: tool zoom fact hosting: as_of"},
		"source": {"format: konform/catalog/v1\ntools:\n  - id: zoom\n    facts:\n      hosting: {value: eu_eea, as_of: 2026-11-20, source: [my-notes]}\n",
			"x.yaml:5:7: tool zoom fact hosting:"},
		"incomplete": {"format: konform/catalog/v1\ntools:\n  - id: new-chat\n    name: {de: Neu, en: New}\n    kind: messenger\n",
			"x.yaml:3:5: tool new-chat"},
		"twice": {"format: konform/catalog/v1\nsources:\n  - {id: seed-001, title: x, by: y, date: 2026}\n", "x.yaml:3:5: source seed-001 is in the catalogue already"},
	}
	for name, c := range cases {
		_, err := catalog.ApplyOverlay(base, "x.yaml", []byte(c.file))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v; want %q", name, err, c.want)
		}
	}
	if _, err := catalog.LoadOverlay(base, "missing.yaml"); err == nil || !strings.Contains(err.Error(), "missing.yaml: cannot read the catalogue file") {
		t.Errorf("missing file: %v", err)
	}
}
