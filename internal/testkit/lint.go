package testkit

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Markdownlint runs markdownlint-cli2 with konform's configuration on the
// files (name → content). It is installed by `make test` (and so by CI);
// without it the test is skipped with the reason, unless
// KONFORM_REQUIRE_MARKDOWNLINT is set, as CI does.
func Markdownlint(t testing.TB, plans map[string][]byte) {
	t.Helper()
	bin, err := filepath.Abs(filepath.Join(Root(), ".tools/node_modules/.bin/markdownlint-cli2"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(bin); err != nil {
		if p, lerr := exec.LookPath("markdownlint-cli2"); lerr == nil {
			bin = p
		} else if os.Getenv("KONFORM_REQUIRE_MARKDOWNLINT") != "" {
			t.Fatal("markdownlint-cli2 is not installed; run make tools")
		} else {
			t.Skip("markdownlint-cli2 is not installed (make test installs it into .tools/)")
		}
	}
	dir := t.TempDir()
	cfg, err := os.ReadFile(filepath.Join(Root(), ".markdownlint-cli2.jsonc"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".markdownlint-cli2.jsonc"), cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	var names []string
	for name, data := range plans {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	cmd := exec.Command(bin, names...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("markdownlint-cli2 rejects the Markdown:\n%s", out)
	}
}
