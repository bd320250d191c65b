package tui

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/draft"
	"github.com/konform/konform/internal/report"
	"github.com/konform/konform/internal/testkit"
)

// The end-to-end tests run the real binary: in tmux at 80×24 like a person
// would, and with a pipe in accessible mode. tmux is installed by .ci/run;
// without it the tmux test is skipped, unless KONFORM_REQUIRE_TMUX is set.

type tmux struct {
	t      *testing.T
	socket string
}

func newTmux(t *testing.T) *tmux {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("KONFORM_REQUIRE_TMUX") != "" {
			t.Fatal("tmux is not installed")
		}
		t.Skip("tmux is not installed (.ci/run installs it)")
	}
	// One server per test, kept alive by a session of its own: a test
	// kills and restarts the wizard's session, and a server that exits
	// with its last session races the next new-session ("server exited
	// unexpectedly").
	x := &tmux{t: t, socket: fmt.Sprintf("konform-test-%d-%s", os.Getpid(), t.Name())}
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", x.socket, "kill-server").Run() })
	x.run("new-session", "-d", "-s", "keep", "sleep 3600")
	return x
}

func (x *tmux) run(args ...string) string {
	x.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", x.socket}, args...)...).CombinedOutput()
	if err != nil {
		x.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (x *tmux) start(dir, command string) {
	x.run("new-session", "-d", "-s", "k", "-x", "80", "-y", "24", "-c", dir, command+"; echo EXIT=$?; sleep 30")
}

func (x *tmux) screen() string { return x.run("capture-pane", "-p", "-t", "k") }

func (x *tmux) keys(keys ...string) {
	for _, k := range keys {
		x.run("send-keys", "-t", "k", k)
		time.Sleep(60 * time.Millisecond)
	}
}

func (x *tmux) text(s string) {
	x.run("send-keys", "-t", "k", "-l", s)
	time.Sleep(100 * time.Millisecond)
}

// waitFor polls the screen until re matches.
func (x *tmux) waitFor(re string) string {
	x.t.Helper()
	rx := regexp.MustCompile(re)
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		s := x.screen()
		if rx.MatchString(s) {
			return s
		}
		// What the shell prints after the wizard ends starts where the
		// wizard left the cursor and may wrap at the pane's edge
		// ("EXIT=1" and "37"): wrapped lines joined, it reads whole.
		if j := x.run("capture-pane", "-p", "-J", "-t", "k"); rx.MatchString(j) {
			return j
		}
		time.Sleep(50 * time.Millisecond)
	}
	x.t.Fatalf("timed out waiting for %q; screen:\n%s", re, x.screen())
	return ""
}

var stepRx = regexp.MustCompile(`Schritt (\d+) von (?:mind\. |etwa )?(\d+)`)

// stepOn returns the step number on the screen.
func stepOn(screen string) (int, int) {
	m := stepRx.FindStringSubmatch(screen)
	if m == nil {
		return 0, 0
	}
	var n, total int
	fmt.Sscan(m[1], &n)
	fmt.Sscan(m[2], &total)
	return n, total
}

// answerUntil answers every question with its first option (ticking the
// first option of multiple choices), chooses tools at the tool step, and
// stops when stop matches the screen.
func (x *tmux) answerUntil(stop string, tools []int) string {
	x.t.Helper()
	stopRx := regexp.MustCompile(stop)
	for n := 0; n < 200; n++ {
		s := x.screen()
		if stopRx.MatchString(s) {
			return s
		}
		cur, _ := stepOn(s)
		switch {
		case strings.Contains(s, "Welche Werkzeuge nutzen Sie?"):
			pos := 0
			for _, want := range tools {
				for ; pos < want; pos++ {
					x.keys("Down")
				}
				x.keys("Space")
			}
			x.keys("Enter")
		case strings.Contains(s, "• "): // a multiple choice
			if !strings.Contains(s, "✓") {
				x.keys("Space")
			}
			x.keys("Enter")
		default:
			x.keys("Enter")
		}
		// Wait until the step changes.
		deadline := time.Now().Add(5 * time.Second)
		for time.Now().Before(deadline) {
			s2 := x.screen()
			if n2, _ := stepOn(s2); n2 != cur || stopRx.MatchString(s2) {
				break
			}
			time.Sleep(30 * time.Millisecond)
		}
	}
	x.t.Fatalf("did not reach %q:\n%s", stop, x.screen())
	return ""
}

// wizardSetup is a fresh home with a work folder, the environment that
// keeps the wizard in it (German, 256 colours) and the program.
func wizardSetup(t *testing.T) (work, env, bin string) {
	t.Helper()
	bin = testkit.Build(t)
	home := t.TempDir()
	work = filepath.Join(home, "work")
	if err := os.MkdirAll(work, 0o755); err != nil {
		t.Fatal(err)
	}
	env = fmt.Sprintf("env HOME=%s XDG_STATE_HOME=%s/state LANG=de_DE.UTF-8 TERM=xterm-256color ", home, home)
	return work, env, bin
}

func TestEndToEndInTmux(t *testing.T) {
	x := newTmux(t)
	work, env, bin := wizardSetup(t)

	// 1. A whole walk, saved with the answers.
	x.start(work, env+bin)
	x.waitFor("Sprache / Language")
	x.keys("Enter")
	x.waitFor("Vollständige Prüfung")
	x.keys("Down", "Enter")
	x.waitFor("Organisation")
	x.text("Malerbetrieb Sommer GmbH")
	x.keys("Enter", "Enter", "Enter", "Enter")
	x.waitFor("In welchem Bereich")
	x.answerUntil("Überblick", []int{0, 11}) // WhatsApp, Zoom
	x.keys("p")
	x.waitFor("Datenschutz-Aktionsplan")
	x.keys("s")
	x.waitFor("Datei für den Plan")
	x.keys("Enter", "Space", "Down", "Space", "Enter")
	x.waitFor("Fertig")
	x.keys("Enter")
	x.waitFor("EXIT=0")
	first := filepath.Join(work, "konform-plan-malerbetrieb-sommer-gmbh-"+time.Now().Format("2006-01-02"))
	checkSaved(t, first)
	x.run("kill-session", "-t", "k")

	// 2. The same walk, killed half-way, resumed from the welcome screen.
	x.start(work, env+bin)
	x.waitFor("Sprache / Language")
	x.keys("Enter")
	x.waitFor("Vollständige Prüfung")
	x.keys("Down", "Enter")
	x.waitFor("Organisation")
	x.text("Malerbetrieb Sommer GmbH")
	x.keys("Enter", "Enter", "Enter", "Enter")
	x.waitFor("In welchem Bereich")
	s := x.answerUntil(`WhatsApp \(private App\) › Verschlüsselung`, []int{0, 11})
	before, _ := stepOn(s)
	// kill -9 the wizard: the child of the pane's shell.
	panePID := strings.TrimSpace(x.run("display-message", "-p", "-t", "k", "#{pane_pid}"))
	child, err := exec.Command("pgrep", "-P", panePID).Output()
	if err != nil {
		t.Fatalf("no wizard process under the pane: %v", err)
	}
	if err := exec.Command("kill", "-9", strings.Fields(string(child))[0]).Run(); err != nil {
		t.Fatalf("kill: %v", err)
	}
	x.waitFor("EXIT=137")
	x.run("kill-session", "-t", "k")

	x.start(work, env+bin)
	x.waitFor("Sprache / Language")
	x.keys("Enter")
	x.waitFor("fortsetzen Malerbetrieb Sommer GmbH")
	x.keys("Down", "Down", "Enter") // the newest session, after quick and full
	s = x.waitFor("Schritt")
	if n, _ := stepOn(s); n < before-1 {
		t.Errorf("resumed at step %d, was at %d before the kill", n, before)
	}
	x.answerUntil("Überblick", nil)
	x.keys("p")
	x.waitFor("Datenschutz-Aktionsplan")
	x.keys("s")
	x.waitFor("Datei für den Plan")
	x.keys("Enter", "Space", "Down", "Space", "Enter")
	x.waitFor("gibt es schon")
	x.keys("n")
	x.waitFor("Datei für den Plan")
	for range 120 {
		x.run("send-keys", "-t", "k", "BSpace")
	}
	x.text("~/work/zweiter-plan.md")
	x.keys("Enter", "Enter")
	x.waitFor("Fertig")
	x.keys("Enter")
	x.waitFor("EXIT=0")
	second := filepath.Join(work, "zweiter-plan")
	checkSaved(t, second)
	a, _ := os.ReadFile(first + ".md")
	b, _ := os.ReadFile(second + ".md")
	if !bytes.Equal(a, b) {
		t.Error("the resumed walk gives a different plan than the uninterrupted one")
	}
}

// A quick check: chosen on the start screen, a third of the screens of the
// full walk, the plan says so; resumed as "complete into a full check", it
// asks only what the quick check left out.
func TestEndToEndQuickCheck(t *testing.T) {
	x := newTmux(t)
	work, env, bin := wizardSetup(t)
	x.start(work, env+bin)
	x.waitFor("Sprache / Language")
	x.keys("Enter")
	x.waitFor("Schnellcheck")
	x.keys("Enter")
	x.waitFor("Organisation")
	x.text("Zahnarztpraxis Lind")
	x.keys("Enter", "Enter", "Enter", "Enter")
	x.waitFor("In welchem Bereich")
	x.answerUntil("Wofür wird das Werkzeug genutzt", []int{0, 11}) // WhatsApp, Zoom
	// ↓ moves through a multiple choice (a form that was rebuilt for every
	// size report lost its cursor, and kept a core busy).
	x.keys("Down", "Space", "Down", "Down", "Space")
	x.waitFor(`✓ Kontakt mit Kunden[^\n]*\n[^\n]*\n[^\n]*✓ Terminabsprachen`)
	s := x.answerUntil("Überblick", nil)
	_, quickTotal := stepOn(s)
	if quickTotal == 0 || quickTotal > 40 {
		t.Errorf("the quick check has %d steps", quickTotal)
	}
	if !strings.Contains(s, "Schnellcheck") {
		t.Errorf("the review does not say it is a quick check:\n%s", s)
	}
	x.keys("p")
	x.waitFor("Datenschutz-Aktionsplan")
	x.keys("s")
	x.waitFor("Datei für den Plan")
	x.keys("Enter", "Down", "Space", "Enter") // the answers; the drafts are ticked already
	x.waitFor("Fertig")
	x.keys("Enter")
	x.waitFor("EXIT=0")
	base := filepath.Join(work, "konform-plan-zahnarztpraxis-lind-"+time.Now().Format("2006-01-02"))
	plan, err := os.ReadFile(base + ".md")
	if err != nil {
		t.Fatal(err)
	}
	// The drafts: one folder beside the plan, one file per kind, each what
	// konform draft makes of the saved answers.
	cat := catalogue(t)
	g, err := answers.Parse("saved", must(os.ReadFile(base+".answers.yaml")), cat)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range draft.Kinds {
		got, err := os.ReadFile(filepath.Join(base+"-entwuerfe", k.Stem(catalog.DE)+".md"))
		if err != nil {
			t.Errorf("draft %s: %v", k, err)
			continue
		}
		if !bytes.Equal(got, draft.Make(assess.Assess(cat, g), k, catalog.DE).Markdown) {
			t.Errorf("the saved %s draft is not the draft of the saved answers", k)
		}
	}
	if !strings.Contains(string(plan), "**Art der Prüfung:** Schnellcheck") {
		t.Error("the plan does not say it was a quick check")
	}
	x.run("kill-session", "-t", "k")

	x.start(work, env+bin)
	x.waitFor("Sprache / Language")
	x.keys("Enter")
	x.waitFor("zur vollständigen Prüfung ergänzen")
	x.keys("Down", "Down", "Down", "Enter") // quick, full, resume, complete
	s = x.waitFor("Schritt")
	n, total := stepOn(s)
	if total <= quickTotal {
		t.Errorf("completing the quick check has %d steps, the quick check had %d", total, quickTotal)
	}
	if n <= 2 {
		t.Errorf("completing starts at step %d, not at the first question left out", n)
	}
}

// SIGTERM and SIGHUP save the session and end the wizard.
func TestEndToEndSignalsSave(t *testing.T) {
	x := newTmux(t)
	bin := testkit.Build(t)
	for _, sig := range []string{"TERM", "HUP"} {
		home := t.TempDir()
		env := fmt.Sprintf("env HOME=%s XDG_STATE_HOME=%s/state LANG=de_DE.UTF-8 TERM=xterm-256color ", home, home)
		x.start(home, env+bin+" 2>"+home+"/err.txt")
		x.waitFor("Sprache / Language")
		x.keys("Enter")
		x.waitFor("Vollständige Prüfung")
		x.keys("Down", "Enter")
		x.waitFor("Organisation")
		x.text("Signal GmbH")
		x.keys("Enter", "Enter", "Enter", "Enter")
		x.waitFor("In welchem Bereich")
		x.keys("Home", "Down", "Enter")
		x.waitFor("Schweigepflicht")
		panePID := strings.TrimSpace(x.run("display-message", "-p", "-t", "k", "#{pane_pid}"))
		child, err := exec.Command("pgrep", "-P", panePID).Output()
		if err != nil {
			t.Fatalf("no wizard process: %v", err)
		}
		if err := exec.Command("kill", "-"+sig, strings.Fields(string(child))[0]).Run(); err != nil {
			t.Fatal(err)
		}
		x.waitFor("EXIT=130")
		x.run("kill-session", "-t", "k")
		files, _ := filepath.Glob(filepath.Join(home, "state", "konform", "*.yaml"))
		if len(files) != 1 {
			t.Fatalf("SIG%s: session files %v", sig, files)
		}
		data, _ := os.ReadFile(files[0])
		if !strings.Contains(string(data), "sector: counselling") {
			t.Errorf("SIG%s: the answer is not saved:\n%s", sig, data)
		}
		errText, _ := os.ReadFile(filepath.Join(home, "err.txt"))
		if !strings.Contains(string(errText), "Sitzung gesichert in") {
			t.Errorf("SIG%s: stderr %q", sig, errText)
		}
	}
}

// checkSaved checks a saved plan against konform plan on its saved answers.
func checkSaved(t *testing.T, base string) {
	t.Helper()
	cat := catalogue(t)
	data, err := os.ReadFile(base + ".answers.yaml")
	if err != nil {
		t.Fatal(err)
	}
	f, err := answers.Parse("saved", data, cat)
	if err != nil {
		t.Fatal(err)
	}
	md, err := os.ReadFile(base + ".md")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(md, report.Markdown(assess.Assess(cat, f), f.Lang)) {
		t.Errorf("%s.md is not the plan of its answers", base)
	}
}

func TestEndToEndAccessibleFromAPipe(t *testing.T) {
	bin := testkit.Build(t)
	cat := catalogue(t)
	f := example(t, cat, "medical-zoom-whatsapp.yaml")
	home := t.TempDir()
	input := scriptFor(t, cat, f, "~/plan.md")
	cmd := exec.Command(bin, "--accessible", "--lang", "de")
	cmd.Env = append(os.Environ(), "HOME="+home, "XDG_STATE_HOME="+home+"/state")
	cmd.Dir = home
	cmd.Stdin = strings.NewReader(input)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("%v\n%s\n%s", err, errOut.String(), out.String())
	}
	if bytes.ContainsRune(out.Bytes(), 0x1b) {
		t.Error("ANSI escapes in accessible mode")
	}
	checkSaved(t, filepath.Join(home, "plan"))
	if !strings.Contains(errOut.String(), "Sitzung gesichert in") {
		t.Errorf("stderr: %s", errOut.String())
	}
}
