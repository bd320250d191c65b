package session

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/catalog"
)

// resumed opens the user's answers file at path in a keeper, as run
// --resume does, and returns the answers read from it.
func resumed(t *testing.T, path string) (*Keeper, *answers.File, *catalog.Catalog) {
	t.Helper()
	_, cat := testFile(t, "x")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := answers.Parse(path, data, cat)
	if err != nil {
		t.Fatal(err)
	}
	k := NewKeeper(t.TempDir(), time.Now)
	if err := k.Open(path); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(k.Close)
	return k, f, cat
}

const yamlWithComments = `# Workshop at the practice, 20.11.2026
format: konform/answers/v1
lang: de
assessment:
  organisation: Praxis Lind # as on the letterhead
  date: 2026-11-22
context:
  # asked the practice manager
  sector: health
tools:
  # the front desk's phone
  - tool: whatsapp-business-app
    answers:
      used_for: [appointments] # only reminders
`

// A resumed YAML file keeps the comments the user wrote, at their keys.
func TestResumeKeepsComments(t *testing.T) {
	path := filepath.Join(t.TempDir(), "praxis.yaml")
	if err := os.WriteFile(path, []byte(yamlWithComments), 0o644); err != nil {
		t.Fatal(err)
	}
	k, f, cat := resumed(t, path)
	f.Context["secrecy_203"] = answers.Value{Items: []string{"yes"}}
	if err := k.Save(f, cat); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	for _, c := range []string{"# Workshop at the practice, 20.11.2026", "# as on the letterhead", "# asked the practice manager", "# the front desk's phone", "# only reminders", `secrecy_203: "yes"`} {
		if !strings.Contains(string(got), c) {
			t.Errorf("the saved file lost %q:\n%s", c, got)
		}
	}
}

// A resumed JSON file stays JSON, and reads back as the same answers.
func TestResumeKeepsJSON(t *testing.T) {
	path := filepath.Join(t.TempDir(), "praxis.json")
	json := `{"format": "konform/answers/v1", "lang": "de", "assessment": {"organisation": "Praxis Lind", "date": "2026-11-22"}, "context": {"sector": "health"}, "tools": [{"tool": "zoom", "answers": {"used_for": ["meetings"]}}]}`
	if err := os.WriteFile(path, []byte(json), 0o644); err != nil {
		t.Fatal(err)
	}
	k, f, cat := resumed(t, path)
	if err := k.Save(f, cat); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(got), "{") {
		t.Fatalf("a JSON answers file was rewritten as YAML:\n%s", got)
	}
	g, err := answers.Parse(path, got, cat)
	if err != nil {
		t.Fatalf("the JSON konform wrote does not read back: %v\n%s", err, got)
	}
	if g.Assessment.Organisation != "Praxis Lind" || g.Tools[0].Answers["used_for"].Items[0] != "meetings" {
		t.Errorf("answers changed: %+v", g)
	}
}

// A read-only answers file is never rewritten: the answers continue in a
// session file of their own, and the keeper says from which file.
func TestResumeOfAReadOnlyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "praxis.yaml")
	if err := os.WriteFile(path, []byte(yamlWithComments), 0o444); err != nil {
		t.Fatal(err)
	}
	k, f, cat := resumed(t, path)
	if err := k.Save(f, cat); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != yamlWithComments {
		t.Error("the read-only file was rewritten")
	}
	if k.Path() == path || k.Path() == "" || k.From() != path {
		t.Errorf("continued in %q from %q", k.Path(), k.From())
	}
}

// A change made to the file outside konform while it is open is never
// overwritten: the save fails, saying so, and the change stays.
func TestHandEditWhileOpenIsKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), "praxis.yaml")
	if err := os.WriteFile(path, []byte(yamlWithComments), 0o644); err != nil {
		t.Fatal(err)
	}
	k, f, cat := resumed(t, path)
	if err := k.Save(f, cat); err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(yamlWithComments, "Praxis Lind", "Praxis Dr. Lind", 1)
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	err := k.Save(f, cat)
	var ce *ChangedError
	if !errors.As(err, &ce) || k.Saved() {
		t.Fatalf("save over a hand edit: %v (saved %v)", err, k.Saved())
	}
	if got, _ := os.ReadFile(path); string(got) != edited {
		t.Error("the hand edit was overwritten")
	}
}

// Keeping one's own answers over a change made outside konform is a
// choice: after Overwrite the next save replaces the file.
func TestOverwriteAfterAChange(t *testing.T) {
	path := filepath.Join(t.TempDir(), "praxis.yaml")
	if err := os.WriteFile(path, []byte(yamlWithComments), 0o644); err != nil {
		t.Fatal(err)
	}
	k, f, cat := resumed(t, path)
	if err := os.WriteFile(path, []byte(strings.Replace(yamlWithComments, "Praxis Lind", "Praxis Dr. Lind", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := k.Save(f, cat); err == nil {
		t.Fatal("saved over the change without being asked")
	}
	k.Overwrite()
	if err := k.Save(f, cat); err != nil || !k.Saved() {
		t.Fatalf("after Overwrite: %v", err)
	}
	if got, _ := os.ReadFile(path); strings.Contains(string(got), "Dr. Lind") {
		t.Error("the wizard's answers were not written")
	}
}
