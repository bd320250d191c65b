package catalog_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

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
		"format":    {"format: konform/catalog/v9\n", "x.yaml:1:1: format must be konform/catalog/v1"},
		"syntax":    {"format: konform/catalog/v1\ntools: [\n", "x.yaml:3:1: not valid YAML or JSON: did not find expected node content"},
		"documents": {"format: konform/catalog/v1\n---\nformat: konform/catalog/v1\n", "x.yaml:2:1: the file holds several YAML documents (---); a catalogue file is one document"},
		"utf16":     {"\xff\xfef\x00o\x00", "x.yaml:1:1: the file is UTF-16 text; save it as UTF-8"},
		"duplicate": {"format: konform/catalog/v1\ntools:\n  - id: zoom\n    facts:\n      hosting: {value: eu_eea, as_of: 2026-11-20, source: [seed-001]}\n      hosting: {value: usa, as_of: 2026-11-20, source: [seed-001]}\n",
			`x.yaml:6:7: "hosting" appears twice in this mapping (first at line 5); keep one`},
		"empty": {"\n# nothing\n", "x.yaml:1:1: the file is empty"},
		"key":   {"format: konform/catalog/v1\ntool:\n  - id: zoom\n", `x.yaml:2:1: unknown key "tool" here`},
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
		"url escape": {"format: konform/catalog/v1\nsources:\n  - {id: ws-1, title: x, by: y, date: 2026, url: \"https://a.example/\\e]52;c;aGk=\\a\"}\n",
			"x.yaml:3:5: source ws-1: control character U+001B"},
		"fact escape": {"format: konform/catalog/v1\ntools:\n  - id: zoom\n    facts:\n      hosting: {value: eu_eea, detail: {de: \"a\\u202eb\", en: b}, as_of: 2026-11-20, source: [seed-001]}\n",
			"tool zoom: control character U+202E"},
	}
	for name, c := range cases {
		_, err := catalog.ApplyOverlay(base, "x.yaml", []byte(c.file))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v; want %q", name, err, c.want)
		}
	}
	if _, err := catalog.LoadOverlay(base, "missing.yaml"); err == nil || !strings.Contains(err.Error(), "missing.yaml: no such file") {
		t.Errorf("missing file: %v", err)
	}
}

// A catalogue file is read as answers files are: a regular file of at most
// 1 MiB; a device or a named pipe is refused at once, never waited on.
func TestOverlayReadsAreBounded(t *testing.T) {
	base := load(t)
	dir := t.TempDir()
	fifo := filepath.Join(dir, "catalog.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, []byte("format: konform/catalog/v1\n#"+strings.Repeat("x", 2<<20)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		fifo:        fifo + ": is a named pipe; konform reads regular files only",
		"/dev/zero": "/dev/zero: is a device; konform reads regular files only",
		dir:         dir + ": is a folder; konform reads regular files only",
		big:         big + ": the file has 2,097,181 bytes (2.0 MiB); the most konform reads is 1,048,576 bytes (1 MiB)",
	} {
		done := make(chan error, 1)
		go func() { _, err := catalog.LoadOverlay(base, path); done <- err }()
		select {
		case err := <-done:
			if err == nil || err.Error() != want {
				t.Errorf("%s: %v; want %q", path, err, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: still reading after 5 s", path)
		}
	}
}
