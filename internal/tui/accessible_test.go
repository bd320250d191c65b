package tui

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/draft"
	"github.com/konform/konform/internal/report"
	"github.com/konform/konform/internal/session"
	"github.com/konform/konform/internal/testkit"
)

// scriptFor writes the lines a person would type to answer f in accessible
// mode, following the same steps the walk takes.
func scriptFor(t *testing.T, cat *catalog.Catalog, f *answers.File, savePath string) string {
	t.Helper()
	st := newState(f.Lang, f.Assessment.Date)
	lines := []string{f.Assessment.Organisation, f.Assessment.Assessor, strings.Join(f.Assessment.Participants, ", "), f.Assessment.Date.String()}
	st.org = f.Assessment.Organisation
	i := 1
	for n := 0; ; n++ {
		if n > 400 {
			t.Fatal("script does not end")
		}
		all, _ := steps(cat, st)
		if i >= len(all)-1 {
			break
		}
		s := all[i]
		switch s.kind {
		case stepTools:
			var ids []string
			for _, tool := range f.Tools {
				ids = append(ids, tool.ID)
			}
			lines = append(lines, strings.Join(ids, ","))
			st.setTools(cat, ids)
		case stepQuestion:
			src, notes := f.Context, f.Notes
			if s.tool != "" {
				for _, tool := range f.Tools {
					if tool.Key() == s.tool {
						src, notes = tool.Answers, tool.Notes
					}
				}
			}
			if n := notes[s.q.ID]; n != "" {
				lines = append(lines, "!"+n)
			}
			v, ok := src[s.q.ID]
			if !ok { // a catalogue suggestion: the number of the fact's value
				p := assess.Assess(cat, st.file())
				for _, pt := range p.Tools {
					for _, a := range pt.Answers {
						if pt.Key == s.tool && a.Question == s.q {
							v = answers.Value{Items: a.Values}
						}
					}
				}
			}
			var nums []string
			for _, id := range v.Items {
				for j, o := range s.q.Options {
					if o.ID == id {
						nums = append(nums, strconv.Itoa(j+1))
					}
				}
			}
			lines = append(lines, strings.Join(nums, ","))
			vals, _ := st.scope(s.tool)
			vals[s.q.ID] = answers.Value{Items: v.Items}
		}
		next, _ := steps(cat, st)
		i = indexAfter(next, s, i)
	}
	return strings.Join(append(lines, savePath, "j"), "\n") + "\n"
}

func TestAccessibleModeFromAPipe(t *testing.T) {
	cat := catalogue(t)
	f := example(t, cat, "tax-teams-signal.yaml")
	work, state := t.TempDir(), t.TempDir()
	mdPath := filepath.Join(work, "plan.md")
	input := scriptFor(t, cat, f, mdPath)
	var out bytes.Buffer
	acc := NewAccessible(Options{Catalog: cat, Lang: f.Lang, SessionDir: state, WorkDir: work, HomeDir: work,
		Now: func() time.Time { return time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC) }}, strings.NewReader(input), &out)
	saved, err := acc.Run()
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if len(saved) != 3+len(draft.Kinds) {
		t.Fatalf("saved %v", saved)
	}
	// The drafts are in a folder beside the plan, one file per kind, each
	// the draft konform draft makes from the saved answers.
	g, err := answers.Parse("saved", must(os.ReadFile(saved[2])), cat)
	if err != nil {
		t.Fatal(err)
	}
	for i, k := range draft.Kinds {
		if got := must(os.ReadFile(saved[3+i])); !bytes.Equal(got, draft.Make(assess.Assess(cat, g), k, g.Lang).Markdown) {
			t.Errorf("%s is not the %s draft of the saved answers", saved[3+i], k)
		}
	}
	if bytes.ContainsRune(out.Bytes(), 0x1b) {
		t.Error("ANSI escapes in accessible mode")
	}
	for _, want := range []string{"Question 1 of", "1) Yes", "Result:", "Signal: 🔴 red"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q", want)
		}
	}
	md, _ := os.ReadFile(mdPath)
	if !bytes.Equal(md, report.Markdown(assess.Assess(cat, g), g.Lang)) {
		t.Error("the plan differs from konform plan on the saved answers")
	}
	for id, v := range f.Context {
		if !sameChoices(g.Context[id].Items, v.Items) {
			t.Errorf("%s: %v, want %v", id, g.Context[id].Items, v.Items)
		}
	}

	// Saving again over the same files names them all and can keep the
	// drafts edited by hand.
	if err := os.WriteFile(saved[3], []byte("edited by hand"), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	again := NewAccessible(Options{Catalog: cat, Lang: f.Lang, SessionDir: t.TempDir(), WorkDir: work, HomeDir: work,
		Now: func() time.Time { return time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC) }}, strings.NewReader(input+"k\n"), &out)
	if _, err := again.Run(); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "k = keep my drafts") || !strings.Contains(out.String(), filepath.Base(saved[3])) {
		t.Errorf("the question does not name the drafts or offer to keep them:\n%s", out.String())
	}
	if b := must(os.ReadFile(saved[3])); string(b) != "edited by hand" {
		t.Errorf("the hand-edited draft was replaced")
	}
}

func TestAccessibleModeHelpBackAndBadInput(t *testing.T) {
	cat := catalogue(t)
	var out bytes.Buffer
	// org, assessor, participants, date (today); sector: a wrong number,
	// help, then 7 (business); secrecy: go back, change sector to 1
	// (health); then the input ends.
	input := "Praxis\n\n\n\n99\n?\n7\n<\n1\n"
	state := t.TempDir()
	acc := NewAccessible(Options{Catalog: cat, Lang: catalog.DE, SessionDir: state, Now: time.Now}, strings.NewReader(input), &out)
	acc.piped = false // as typed at a terminal: a wrong line is asked again
	_, err := acc.Run()
	if !errors.Is(err, ErrInputEnded) {
		t.Fatalf("err %v, want ErrInputEnded", err)
	}
	s := out.String()
	for _, want := range []string{"Das ist keine der Antworten", "Warum wir fragen: Im Gesundheitswesen", "Die Eingabe endet"} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
	}
	f, err := os.ReadFile(acc.SessionPath())
	if err != nil || !strings.Contains(string(f), "sector: health") {
		t.Fatalf("session %q: %v\n%s", acc.SessionPath(), err, f)
	}
}

// Piped answers are never shifted: every line read is echoed, the
// suggestion of an unanswered question is shown in brackets and taken by
// an empty line, and a line that answers nothing stops the walk with its
// line number and the question – the answers before it are saved.
func TestAccessiblePipedInputIsNeverShifted(t *testing.T) {
	cat := catalogue(t)
	var out bytes.Buffer
	// org, assessor, participants, date (today); sector 1 (health); kind
	// of practice and secrecy: empty lines (the suggestions, unknown);
	// staff: a wrong line.
	input := "Praxis\n\n\n\n1\n\n\nviele\n3\n"
	state := t.TempDir()
	acc := NewAccessible(Options{Catalog: cat, Lang: catalog.DE, SessionDir: state, Now: time.Now}, strings.NewReader(input), &out)
	_, err := acc.Run()
	var ie *InputError
	if !errors.As(err, &ie) || ie.Line != 8 || ie.Value != "viele" || !strings.Contains(ie.Question, "Wie viele Personen") {
		t.Fatalf("err %v, want the bad line 8 at the headcount question", err)
	}
	s := out.String()
	for _, want := range []string{"Ihre Wahl [3]: \n", "Ihre Wahl [8]: 1\n", "[5]: viele\n"} {
		if !strings.Contains(s, want) {
			t.Errorf("transcript lacks %q:\n%s", want, s)
		}
	}
	f, err := os.ReadFile(acc.SessionPath())
	if err != nil || !strings.Contains(string(f), "sector: health") || !strings.Contains(string(f), "secrecy_203: unknown") || strings.Contains(string(f), "staff:") {
		t.Fatalf("session %q: %v\n%s", acc.SessionPath(), err, f)
	}
}

func must(data []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return data
}

// Back at the tool list of a resumed check, the tools chosen before are
// the suggestion: an empty line keeps them, custom tools included.
func TestAccessibleToolsKeepTheKnownOnes(t *testing.T) {
	cat := catalogue(t)
	f := example(t, cat, "dental-quick.yaml")
	var out bytes.Buffer
	acc := NewAccessible(Options{Catalog: cat, Lang: catalog.DE, SessionDir: t.TempDir(), Now: time.Now, Resume: f, Check: answers.CheckFull}, strings.NewReader("\n"), &out)
	before := len(acc.st.tools)
	if !acc.tools() || len(acc.st.tools) != before || before == 0 {
		t.Fatalf("an empty line changed the tools: %d → %d\n%s", before, len(acc.st.tools), out.String())
	}
	if !strings.Contains(out.String(), "durch Komma getrennt [") {
		t.Errorf("the known tools are not offered as the suggestion:\n%s", out.String())
	}
}

// A signal while the walk waits for a line saves the answers given so
// far, whole: Interrupt waits until the walk is between two questions.
func TestAccessibleInterruptSavesTheAnswers(t *testing.T) {
	cat := catalogue(t)
	r, w := io.Pipe()
	var out syncBuffer
	state := t.TempDir()
	acc := NewAccessible(Options{Catalog: cat, Lang: catalog.DE, SessionDir: state, Now: time.Now}, r, &out)
	go func() { _, _ = acc.Run() }()
	// org, assessor, participants, date; sector 2 (counselling)
	if _, err := io.WriteString(w, "Praxis Berg\n\n\n\n2\n"); err != nil {
		t.Fatal(err)
	}
	waitFor := func(s string) {
		t.Helper()
		for deadline := time.Now().Add(5 * time.Second); !strings.Contains(out.String(), s); time.Sleep(10 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("no %q:\n%s", s, out.String())
			}
		}
	}
	waitFor("Schweigepflicht")
	// A note is on disk when it is said to be saved.
	if _, err := io.WriteString(w, "!Schweigepflicht gilt für alle Therapeutinnen\n"); err != nil {
		t.Fatal(err)
	}
	waitFor("Notiz gespeichert.")
	if b, err := os.ReadFile(acc.SessionPath()); err != nil || !strings.Contains(string(b), "Schweigepflicht gilt für alle Therapeutinnen") {
		t.Fatalf("\"Notiz gespeichert.\" was said, but the session holds %q (%v)", b, err)
	}
	acc.Interrupt() // returns: the walk waits for a line
	if b, err := os.ReadFile(acc.SessionPath()); err != nil || !strings.Contains(string(b), "sector: counselling") {
		t.Fatalf("after the interrupt the session holds %q (%v)", b, err)
	}
}

// syncBuffer is a bytes.Buffer safe for one writer and one reader.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// At a terminal the accessible walk starts as the wizard does: quick or
// full, as the welcome promises, or a saved session to resume or complete.
func TestAccessibleStartOffersTheCheckAndSavedSessions(t *testing.T) {
	cat := catalogue(t)
	dir := t.TempDir()
	// Full check: option 2; then the organisation, and the input ends.
	var out bytes.Buffer
	acc := NewAccessible(Options{Catalog: cat, Lang: catalog.DE, SessionDir: dir, Now: time.Now, AskStart: true}, strings.NewReader("2\nPraxis Kern\n"), &out)
	if _, err := acc.Run(); !errors.Is(err, ErrInputEnded) {
		t.Fatalf("run: %v", err)
	}
	if !strings.Contains(out.String(), "1) Schnellcheck") || !strings.Contains(out.String(), "2) Vollständige Prüfung") || acc.st.quick || acc.st.org != "Praxis Kern" {
		t.Errorf("the start did not offer the checks or took the wrong one (quick %v, org %q):\n%s", acc.st.quick, acc.st.org, out.String())
	}
	// A saved quick check: resume it (3) or complete it (4).
	f := example(t, cat, "dental-quick.yaml")
	path := filepath.Join(dir, "session-dental.yaml")
	data, err := answers.Marshal(f, cat)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	for choice, quick := range map[string]bool{"3": true, "4": false} {
		out.Reset()
		acc = NewAccessible(Options{Catalog: cat, Lang: catalog.DE, SessionDir: dir, Now: time.Now, AskStart: true,
			Sessions: []session.Info{{Path: path, File: f}}}, strings.NewReader(choice+"\n"), &out)
		_, _ = acc.Run()
		acc.Session().Close()
		if acc.st.org != f.Assessment.Organisation || acc.st.quick != quick || acc.SessionPath() != path {
			t.Errorf("choice %s: org %q, quick %v, session %s; want %q, quick %v, %s:\n%s", choice, acc.st.org, acc.st.quick, acc.SessionPath(), f.Assessment.Organisation, quick, path, out.String())
		}
	}
}

// A change made to the answers file outside konform during an accessible
// walk is not overwritten, and the walk says what it offers (not the
// full-screen wizard's keys).
func TestAccessibleKeepsAChangeOutside(t *testing.T) {
	cat := catalogue(t)
	src, err := os.ReadFile(filepath.Join(testkit.Root(), "examples", "dental-quick.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "lind.yaml")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	f := example(t, cat, "dental-quick.yaml")
	var out bytes.Buffer
	acc := NewAccessible(Options{Catalog: cat, Lang: catalog.DE, SessionDir: t.TempDir(), Now: time.Now, Resume: f, ResumePath: path}, strings.NewReader(""), &out)
	if err := acc.keeper.Open(path); err != nil {
		t.Fatal(err)
	}
	defer acc.keeper.Close()
	edited := strings.Replace(string(src), "Zahnarztpraxis Dr. Lind", "Zahnarztpraxis Lind & Partner", 1)
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	acc.save()
	if got, _ := os.ReadFile(path); string(got) != edited {
		t.Fatal("the change outside konform was overwritten")
	}
	if s := out.String(); !strings.Contains(s, "außerhalb von konform geändert") || strings.Contains(s, "ctrl+w") || !strings.Contains(s, "konform --accessible --resume") {
		t.Errorf("the accessible walk does not say what it offers:\n%s", s)
	}
}
