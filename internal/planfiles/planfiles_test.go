package planfiles_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/konform/konform/internal/planfiles"
)

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		return "<none>"
	}
	return string(b)
}

// New writes nothing while any file of the set exists, and names them all;
// Replace replaces; KeepDrafts keeps the drafts that exist and writes the
// rest.
func TestModes(t *testing.T) {
	dir := t.TempDir()
	plan, draft, fresh := filepath.Join(dir, "plan.md"), filepath.Join(dir, "entwuerfe", "notice.md"), filepath.Join(dir, "plan.json")
	files := []planfiles.File{
		{Path: plan, Data: planfiles.Bytes([]byte("new plan"))},
		{Path: fresh, Data: planfiles.Bytes([]byte("new json"))},
		{Path: draft, Data: planfiles.Bytes([]byte("new draft")), Draft: true},
	}
	if saved, existing, err := planfiles.Write(files, planfiles.Options{}); err != nil || len(existing) > 0 || len(saved) != 3 {
		t.Fatalf("into an empty folder: saved %v, existing %v, %v", saved, existing, err)
	}
	_ = os.WriteFile(draft, []byte("edited by hand"), 0o644)
	_ = os.Remove(fresh)
	saved, existing, err := planfiles.Write(files, planfiles.Options{Mode: planfiles.New})
	if err != nil || len(saved) != 0 || !slices.Equal(existing, []string{plan, draft}) || read(t, fresh) != "<none>" {
		t.Errorf("New over existing files: saved %v, existing %v, %v; the JSON: %s", saved, existing, err, read(t, fresh))
	}
	files[0].Data = planfiles.Bytes([]byte("newer plan"))
	if _, _, err := planfiles.Write(files, planfiles.Options{Mode: planfiles.KeepDrafts}); err != nil {
		t.Fatal(err)
	}
	if read(t, plan) != "newer plan" || read(t, draft) != "edited by hand" || read(t, fresh) != "new json" {
		t.Errorf("KeepDrafts: plan %q, draft %q, json %q", read(t, plan), read(t, draft), read(t, fresh))
	}
	if _, _, err := planfiles.Write(files, planfiles.Options{Mode: planfiles.Replace}); err != nil || read(t, draft) != "new draft" {
		t.Errorf("Replace: the draft is %q (%v)", read(t, draft), err)
	}
}

// A set is written whole or not at all where asked: a file whose content
// cannot be made takes the ones written before it back, and the error
// names it.
func TestAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	first, second := filepath.Join(dir, "a.md"), filepath.Join(dir, "b.md")
	broken := errors.New("template broken")
	files := []planfiles.File{
		{Path: first, Data: planfiles.Bytes([]byte("a"))},
		{Path: second, Data: func() ([]byte, error) { return nil, broken }},
	}
	saved, _, err := planfiles.Write(files, planfiles.Options{AllOrNothing: true, NoDirSync: true})
	var werr *planfiles.Error
	if !errors.As(err, &werr) || werr.Path != second || !errors.Is(err, broken) {
		t.Errorf("the error %v does not name %s and its reason", err, second)
	}
	if len(saved) != 0 || read(t, first) != "<none>" {
		t.Errorf("saved %v; the first file is %q, want it taken back", saved, read(t, first))
	}
	// Without AllOrNothing (the wizard), what was saved stays and is said.
	saved, _, _ = planfiles.Write(files, planfiles.Options{})
	if !slices.Equal(saved, []string{first}) || read(t, first) != "a" {
		t.Errorf("saved %v, the first file %q", saved, read(t, first))
	}
}
