package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/konform/konform/internal/cli"
	"github.com/konform/konform/internal/testkit"
)

// A consultancy ships its own wording for the drafts beside its catalogue
// file (drafts: FOLDER): a template there replaces konform's of the same
// name; a template that does not parse stops every command with its file
// and line, and nothing is written.
func TestOwnWordingOfTheDrafts(t *testing.T) {
	dir := t.TempDir()
	shipped, err := os.ReadFile(filepath.Join(testkit.Root(), "questions", "drafts", "policy.de.md.tmpl"))
	if err != nil {
		t.Fatal(err)
	}
	own := strings.Replace(string(shipped), "Ich habe diese Richtlinie gelesen und halte mich daran.", "Andere Dienste bleiben außen vor – so hat es die Kanzlei beschlossen.", 1)
	if own == string(shipped) {
		t.Fatal("the sentence to replace is not in the shipped policy")
	}
	if err := os.MkdirAll(filepath.Join(dir, "wording"), 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, s string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("wording/policy.de.md.tmpl", own)
	write("catalog.yaml", "format: konform/catalog/v1\ndrafts: wording\n")
	answers := filepath.Join(testkit.Root(), "examples", "tax-teams-signal.yaml")
	run := func(args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		code := cli.Main(args, cli.IO{In: strings.NewReader(""), Out: &out, Err: &errb, Getenv: func(string) string { return "" }})
		return code, out.String(), errb.String()
	}
	code, out, errs := run("draft", "--answers", answers, "--kind", "policy", "--lang", "de", "--catalog", filepath.Join(dir, "catalog.yaml"))
	if code != 0 || !strings.Contains(out, "so hat es die Kanzlei beschlossen") {
		t.Fatalf("own wording: exit %d, stderr %s\n%s", code, errs, out)
	}
	if code, out, _ = run("draft", "--answers", answers, "--kind", "records", "--lang", "de", "--catalog", filepath.Join(dir, "catalog.yaml")); code != 0 || !strings.Contains(out, "## VT-01") {
		t.Errorf("a kind without own wording keeps konform's: exit %d\n%s", code, out)
	}
	write("wording/policy.de.md.tmpl", strings.Replace(own, "{{.From}}", "{{.From", 1))
	code, out, errs = run("draft", "--answers", answers, "--kind", "policy", "--lang", "de", "--catalog", filepath.Join(dir, "catalog.yaml"))
	if code != 2 || !strings.Contains(errs, "policy.de.md.tmpl:") || out != "" {
		t.Errorf("a broken template: exit %d, stderr %q, stdout %d bytes", code, errs, len(out))
	}
	write("catalog.yaml", "format: konform/catalog/v1\ndrafts: nowhere\n")
	if code, _, errs = run("tools", "--catalog", filepath.Join(dir, "catalog.yaml")); code != 2 || !strings.Contains(errs, "catalog.yaml:2:") {
		t.Errorf("a missing folder: exit %d, stderr %q", code, errs)
	}
}

// A file name with terminal escapes never reaches the terminal as they
// are: validate's line names the file without them.
func TestValidateSanitisesTheFileName(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join(testkit.Root(), "examples", "craft-whatsapp.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(dir, "a\x1b]52;c;aGk=\x07b\u202e.yaml")
	if err := os.WriteFile(name, src, 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	code := cli.Main([]string{"validate", name}, cli.IO{In: strings.NewReader(""), Out: &out, Err: &errb, Getenv: func(string) string { return "" }})
	if code != 0 || !strings.Contains(out.String(), ": ok") {
		t.Fatalf("exit %d, stderr %q", code, errb.String())
	}
	if s := out.String() + errb.String(); strings.ContainsAny(s, "\x1b\x07\u202e") {
		t.Errorf("a control character reached the output: %q", s)
	}
}
