// Package testkit is what konform's tests share: the catalogue as its YAML
// gives it, the examples read and assessed, and golden files with one
// -update flag (go test ./... -update rewrites them all).
package testkit

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/questions"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// Root is the repository's folder.
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Example is the path of an example answers file, by name.
func Example(name string) string { return filepath.Join(Root(), "examples", name) }

// Examples are the example answers files (examples/*.yaml).
func Examples(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(Root(), "examples", "*.yaml"))
	if err != nil || len(files) < 4 {
		t.Fatalf("%d examples, want at least 4 (%v)", len(files), err)
	}
	return files
}

// Catalog loads the catalogue from its YAML files or fails the test.
func Catalog(t testing.TB) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Load(questions.FS)
	if err != nil {
		t.Fatalf("the embedded catalogue does not load: %v", err)
	}
	return c
}

// Answers reads and parses an answers file, named by its base name in
// messages, or fails the test.
func Answers(t testing.TB, cat *catalog.Catalog, path string) *answers.File {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := answers.Parse(filepath.Base(path), data, cat)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// Assess reads, parses and assesses an answers file.
func Assess(t testing.TB, cat *catalog.Catalog, path string) *assess.Plan {
	t.Helper()
	return assess.Assess(cat, Answers(t, cat, path))
}

// Plan parses the answers file given as YAML text and assesses it against
// the catalogue, or fails the test.
func Plan(t testing.TB, yaml string) *assess.Plan {
	t.Helper()
	cat := Catalog(t)
	f, err := answers.Parse("test.yaml", []byte(yaml), cat)
	if err != nil {
		t.Fatal(err)
	}
	return assess.Assess(cat, f)
}

// Golden compares got with the file at path; with -update it writes got
// there first. A difference is shown line by line.
func Golden(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run make golden to create it)", err)
	}
	if !bytes.Equal(got, want) {
		diff := cmp.Diff(strings.Split(string(want), "\n"), strings.Split(string(got), "\n"))
		t.Errorf("%s differs (-want +got); if the change is intended, run make golden and review the diff:\n%s", path, diff)
	}
}

// Build builds konform as `make build` does, into a folder of the test's,
// and returns the program's path.
func Build(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	cmd := exec.Command("make", "--no-print-directory", "-C", Root(), "build", "BIN="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("make build: %v\n%s", err, out)
	}
	return filepath.Join(dir, "konform")
}
