package session

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/questions"
)

func TestDirFollowsXDG(t *testing.T) {
	env := map[string]string{"XDG_STATE_HOME": "/x/state", "HOME": "/home/u"}
	if d, _ := Dir(func(k string) string { return env[k] }); d != "/x/state/konform" {
		t.Errorf("Dir = %s", d)
	}
	env["XDG_STATE_HOME"] = "relative/state" // the spec: relative paths are ignored
	if d, _ := Dir(func(k string) string { return env[k] }); d != "/home/u/.local/state/konform" {
		t.Errorf("Dir with a relative XDG_STATE_HOME = %s", d)
	}
	delete(env, "XDG_STATE_HOME")
	if d, _ := Dir(func(k string) string { return env[k] }); d != "/home/u/.local/state/konform" {
		t.Errorf("Dir = %s", d)
	}
}

func TestSaveListLoad(t *testing.T) {
	cat, err := catalog.Load(questions.FS)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "konform")
	date, _ := catalog.ParseDate("2026-11-22")
	f := &answers.File{Lang: catalog.DE, Assessment: answers.Assessment{Organisation: "Praxis Weber", Date: date},
		Context: map[string]answers.Value{"sector": {Items: []string{"health"}}}}
	path := NewPath(dir, time.Date(2026, 11, 22, 9, 30, 0, 0, time.UTC))
	if err := Save(path, f, cat); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("session file mode %v, err %v; want 0600", fi.Mode().Perm(), err)
	}
	if err := os.WriteFile(filepath.Join(dir, "broken.yaml"), []byte("format: konform/answers/v9\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	infos, err := List(dir, cat, 10)
	if err != nil || len(infos) != 2 {
		t.Fatalf("List: %v, %d sessions", err, len(infos))
	}
	var good, bad int
	for _, in := range infos {
		if in.Err != nil {
			bad++
			if !strings.Contains(in.Err.Error(), "newer konform") {
				t.Errorf("unhelpful error: %v", in.Err)
			}
			continue
		}
		good++
		if in.File.Assessment.Organisation != "Praxis Weber" || in.File.Context["sector"].Items[0] != "health" {
			t.Errorf("loaded %+v", in.File)
		}
	}
	if good != 1 || bad != 1 {
		t.Errorf("good %d, bad %d", good, bad)
	}
}

// The welcome screen offers the newest sessions first, however many there are.
func TestListNewestFirst(t *testing.T) {
	cat, err := catalog.Load(questions.FS)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 30 {
		date, _ := catalog.ParseDate("2026-11-22")
		f := &answers.File{Lang: catalog.DE, Assessment: answers.Assessment{Organisation: fmt.Sprintf("Kunde %02d", i), Date: date}}
		path := filepath.Join(dir, fmt.Sprintf("s%02d.yaml", (i*7)%30)) // names not in time order
		if err := Save(path, f, cat); err != nil {
			t.Fatal(err)
		}
		mod := base.Add(time.Duration(i) * time.Hour)
		if err := os.Chtimes(path, mod, mod); err != nil {
			t.Fatal(err)
		}
	}
	infos, err := List(dir, cat, 5)
	if err != nil || len(infos) != 5 {
		t.Fatalf("List: %v, %d sessions; want 5", err, len(infos))
	}
	for k, in := range infos {
		if want := fmt.Sprintf("Kunde %02d", 29-k); in.Err != nil || in.File.Assessment.Organisation != want {
			t.Errorf("session %d: %v %+v; want %s", k, in.Err, in.File, want)
		}
	}
}
