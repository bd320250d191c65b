package fsutil

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteFileNeverOverwritesWithoutBeingAsked(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.md")
	if err := WriteFile(path, []byte("first"), 0o644, false); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("second"), 0o644, false); !errors.Is(err, ErrExists) {
		t.Fatalf("second write without overwrite: got %v, want ErrExists", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "first" {
		t.Fatalf("file changed to %q", b)
	}
	if err := WriteFile(path, []byte("third"), 0o600, true); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "third" {
		t.Fatalf("overwrite: got %q", b)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v, want 0600", fi.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("temporary files left behind: %v", entries)
	}
}

func TestWriteFileMissingFolder(t *testing.T) {
	err := WriteFile(filepath.Join(t.TempDir(), "nope", "plan.md"), []byte("x"), 0o644, false)
	if err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Fatalf("got %v, want a 'does not exist' error", err)
	}
}
