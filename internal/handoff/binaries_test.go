package handoff_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// build builds a program into dir as make build does: konform without
// the YAML library.
func build(t *testing.T, dir, name string) {
	t.Helper()
	args := []string{"build", "-o", filepath.Join(dir, name)}
	if name == "konform" {
		args = append(args, "-tags", "konform_noyaml")
	}
	if out, err := exec.Command("go", append(args, "../../cmd/"+name)...).CombinedOutput(); err != nil {
		t.Fatalf("build %s: %v\n%s", name, err, out)
	}
}

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
		build(t, dir, name)
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
// it sets up what only plans need. Go sets packages up in the order of
// their import paths as far as their imports allow, so some of konform's
// packages come before the hand-off; they must cost (next to) nothing.
func TestHandOffComesFirst(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the fake konform-full is a shell script")
	}
	dir := t.TempDir()
	konform := filepath.Join(dir, "konform")
	build(t, dir, "konform")
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
		for _, pkg := range []string{"go.yaml.in/yaml", "github.com/konform/konform/internal/plan ", "github.com/konform/konform/internal/planrun"} {
			if strings.Contains(errOut, "init "+pkg) {
				t.Errorf("%v: %s was set up before the hand-off:\n%s", c.args, pkg, errOut)
			}
		}
		// "init PKG @T ms, C ms clock, B bytes, A allocs"
		for _, line := range strings.Split(errOut, "\n") {
			f := strings.Fields(line)
			if len(f) >= 9 && f[0] == "init" && strings.HasPrefix(f[1], "github.com/konform/") {
				if b, err := strconv.Atoi(f[7]); err != nil || b > 1024 {
					t.Errorf("%v: %s allocates %s bytes before the hand-off (at most 1 KiB):\n%s", c.args, f[1], f[7], errOut)
				}
			}
		}
		// (The hand-off itself never finishes its init: the other program
		// replaces the process. That os was set up shows the trace works.)
		if !strings.Contains(errOut, "init os ") {
			t.Errorf("no init trace; GODEBUG=inittrace=1 did not work:\n%s", errOut)
		}
	}
}

// konform reads answers files without the YAML library. What it does not
// read itself – unusual YAML, broken YAML, standard input, catalogue
// files, folders – konform-full reads, with the same result as if it had
// been asked directly.
func TestWithoutYAML(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"konform", "konform-full"} {
		build(t, dir, name)
	}
	konform, full := filepath.Join(dir, "konform"), filepath.Join(dir, "konform-full")
	example := "../../examples/craft-whatsapp.yaml"
	data, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}

	// A plan of an example: no YAML library is set up.
	t.Setenv("GODEBUG", "inittrace=1")
	out, trace, code := run(t, konform, "plan", "--answers", example)
	want, _ := os.ReadFile("../../examples/craft-whatsapp.md")
	if code != 0 || out != string(want) {
		t.Fatalf("konform plan: exit %d; the plan differs from examples/craft-whatsapp.md\n%s", code, trace)
	}
	if strings.Contains(trace, "init go.yaml.in") || !strings.Contains(trace, "init github.com/konform/konform/internal/planrun") {
		t.Errorf("konform plan set up the YAML library (or the trace is missing):\n%s", trace)
	}
	t.Setenv("GODEBUG", "")

	same := func(what string, args ...string) {
		t.Helper()
		got, gotErr, gotCode := run(t, konform, args...)
		exp, expErr, expCode := run(t, full, args...)
		if gotCode != expCode || got != exp || gotErr != expErr {
			t.Errorf("%s: konform gives exit %d, %q / %q; konform-full gives exit %d, %q / %q", what, gotCode, got[:min(len(got), 200)], gotErr, expCode, exp[:min(len(exp), 200)], expErr)
		}
	}
	// A folded scalar: the organisation's name over two lines.
	folded := filepath.Join(t.TempDir(), "folded.yaml")
	text := strings.Replace(string(data), "organisation: Malerbetrieb Sommer GmbH", "organisation: >-\n    Malerbetrieb\n    Sommer GmbH", 1)
	if err := os.WriteFile(folded, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, _, code := run(t, konform, "plan", "--answers", folded); code != 0 || out != string(want) {
		t.Errorf("a folded scalar: exit %d, the plan differs from the example's", code)
	}
	same("a folded scalar", "plan", "--answers", folded, "--format", "json")
	// Anchors: konform-full explains, with line and column.
	anchored := filepath.Join(t.TempDir(), "anchored.yaml")
	text = strings.Replace(string(data), "organisation: Malerbetrieb Sommer GmbH", "organisation: &org Malerbetrieb Sommer GmbH", 1)
	if err := os.WriteFile(anchored, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	same("anchors", "plan", "--answers", anchored)
	if _, errOut, code := run(t, konform, "plan", "--answers", anchored); code != 2 || !strings.Contains(errOut, "anchored.yaml:7:17: anchors and aliases") {
		t.Errorf("anchors: exit %d, %q", code, errOut)
	}
	// Broken YAML, a catalogue file, a folder.
	broken := filepath.Join(t.TempDir(), "broken.yaml")
	if err := os.WriteFile(broken, []byte("format: konform/answers/v1\nlang: [de\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	same("broken YAML", "plan", "--answers", broken)
	same("a catalogue file", "plan", "--answers", example, "--catalog", "../../examples/catalog/praxis-overlay.yaml")
	outDir := t.TempDir()
	if _, _, code := run(t, konform, "plan", "--answers", "../../examples", "--out-dir", outDir, "--force"); code != 2 {
		t.Errorf("a folder with plans in it (not answers files): exit %d, want 2", code)
	}
	if got, err := os.ReadFile(filepath.Join(outDir, "craft-whatsapp.md")); err != nil || string(got) != string(want) {
		t.Errorf("a folder: craft-whatsapp.md differs from the example's plan (%v)", err)
	}

	// Standard input goes to konform-full, which reads it once.
	cmd := exec.Command(konform, "plan", "--answers", "-")
	cmd.Stdin = strings.NewReader(text)
	if b, err := cmd.Output(); err == nil {
		t.Errorf("an anchored file on standard input: no error, %q", b)
	}
	cmd = exec.Command(konform, "plan", "--answers", "-")
	cmd.Stdin = strings.NewReader(string(data))
	if b, err := cmd.Output(); err != nil || string(b) != string(want) {
		t.Errorf("standard input: %v; the plan differs from the example's", err)
	}
}
