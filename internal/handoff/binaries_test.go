package handoff_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// run runs a program and returns its output and exit code.
func run(t *testing.T, bin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

// konform as installed: three programs in one folder. konform makes plans
// itself, HTML plans come from konform-html, everything else from
// konform-full.
func TestHandOff(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"konform", "konform-full", "konform-html"} {
		cmd := exec.Command("go", "build", "-o", filepath.Join(dir, name), "../../cmd/"+name)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("build %s: %v\n%s", name, err, out)
		}
	}
	konform := filepath.Join(dir, "konform")
	want, err := os.ReadFile("../../examples/craft-whatsapp.md")
	if err != nil {
		t.Fatal(err)
	}

	if out, _, code := run(t, konform, "version"); code != 0 || !strings.HasPrefix(out, "konform ") {
		t.Errorf("konform version: exit %d, %q", code, out)
	}
	if _, errOut, code := run(t, konform, "plan"); code != 2 || !strings.Contains(errOut, "answers") {
		t.Errorf("konform plan without --answers: exit %d, %q; want 2 and konform-full's message", code, errOut)
	}

	// HTML: konform hands it to konform-html; konform-full, asked directly
	// (here with a flag before the command, which konform leaves to it),
	// hands it on the same way.
	examples := "../../examples/craft-whatsapp.yaml"
	page, _, code := run(t, konform, "plan", "--answers", examples, "--format", "html")
	if code != 0 || !strings.HasPrefix(page, "<!DOCTYPE html>") || !strings.Contains(page, "Malerbetrieb Sommer") {
		t.Errorf("konform plan --format html: exit %d, %.200q", code, page)
	}
	full := filepath.Join(dir, "konform-full")
	if out, errOut, code := run(t, full, "--catalog", "", "plan", "--answers", examples, "--format=html", "--lang", "de"); code != 0 || out != page {
		t.Errorf("konform-full plan --format html: exit %d, %q; want the page konform makes", code, errOut)
	}

	// Through a link in another folder, as a package manager installs it.
	link := filepath.Join(t.TempDir(), "konform")
	if err := os.Symlink(konform, link); err != nil {
		t.Fatal(err)
	}
	if out, _, code := run(t, link, "tools", "show", "zoom"); code != 0 || !strings.Contains(out, "Zoom") {
		t.Errorf("konform tools show zoom through a link: exit %d, %q", code, out)
	}

	// Without konform-full, plans still work; everything else says what is
	// missing. (No PATH either: konform would look for konform-full there.)
	t.Setenv("PATH", "")
	for _, name := range []string{"konform-full", "konform-html"} {
		if err := os.Remove(filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	out, _, code := run(t, konform, "plan", "--answers", examples)
	if code != 0 || out != string(want) {
		t.Errorf("konform plan alone: exit %d; the plan differs from examples/craft-whatsapp.md", code)
	}
	if _, errOut, code := run(t, konform, "tools"); code != 1 || !strings.Contains(errOut, "konform-full is missing") || !strings.Contains(errOut, dir) {
		t.Errorf("konform tools without konform-full: exit %d, %q", code, errOut)
	}
	if _, errOut, code := run(t, konform, "plan", "--answers", examples, "--format", "html"); code != 1 || !strings.Contains(errOut, "konform-html is missing: konform needs it for plans in HTML") {
		t.Errorf("an HTML plan without konform-html: exit %d, %q", code, errOut)
	}
}

// konform hands the wizard and the other commands to konform-full before
// it sets up what only plans need (the YAML library, the catalogue).
func TestHandOffComesFirst(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the fake konform-full is a shell script")
	}
	dir := t.TempDir()
	konform := filepath.Join(dir, "konform")
	if out, err := exec.Command("go", "build", "-o", konform, "../../cmd/konform").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	for _, name := range []string{"konform-full", "konform-html"} {
		fake := "#!/bin/sh\necho " + name + " \"$@\"\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(fake), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("GODEBUG", "inittrace=1")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"tools", "--kind", "video"}, "konform-full tools --kind video\n"},
		{[]string{"plan", "--answers", "a.yaml", "--format=html"}, "konform-html plan --answers a.yaml --format=html\n"},
	} {
		out, errOut, code := run(t, konform, c.args...)
		if code != 0 || out != c.want {
			t.Fatalf("exit %d, %q; want %q: the command line handed on unchanged", code, out, c.want)
		}
		for _, pkg := range []string{"go.yaml.in/yaml", "github.com/konform/konform/questions", "github.com/konform/konform/internal/planrun"} {
			if strings.Contains(errOut, "init "+pkg) {
				t.Errorf("%v: %s was set up before the hand-off:\n%s", c.args, pkg, errOut)
			}
		}
		// (The hand-off itself never finishes its init: the other program
		// replaces the process. That os was set up shows the trace works.)
		if !strings.Contains(errOut, "init os ") {
			t.Errorf("no init trace; GODEBUG=inittrace=1 did not work:\n%s", errOut)
		}
	}
}
