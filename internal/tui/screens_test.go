package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/mdterm"
	"github.com/konform/konform/internal/report"
	"github.com/konform/konform/internal/session"
	"github.com/konform/konform/internal/testkit"
)

// fixed gives screens that do not depend on the machine: the session
// lives under a fake home, shown as ~/…
func fixed(t testing.TB) Options {
	home := t.TempDir()
	return Options{SessionDir: filepath.Join(home, ".local", "state", "konform"), HomeDir: home, WorkDir: filepath.Join(home, "work")}
}

// start walks from the welcome screen to the first organisation question.
func start(t testing.TB, opt Options) *driver {
	d := newDriver(t, opt)
	d.press("enter")
	d.expectAt("assessment")
	d.typeText("Malerbetrieb Sommer GmbH")
	d.press("enter", "enter", "enter", "enter")
	d.expectAt("sector")
	return d
}

func TestScreenWelcome(t *testing.T) {
	d := newDriver(t, fixed(t))
	d.golden("welcome")
}

func TestScreenQuestionWithHelp(t *testing.T) {
	d := start(t, fixed(t))
	d.press("?")
	d.golden("question-help")
	if !strings.Contains(d.screen(), "Warum wir fragen") {
		t.Error("help not shown")
	}
	d.press("?")
	if strings.Contains(d.screen(), "Warum wir fragen") {
		t.Error("? does not hide the help again")
	}
}

func TestScreenTooSmall(t *testing.T) {
	d := start(t, fixed(t))
	d.send(tea.WindowSizeMsg{Width: 50, Height: 15})
	d.golden("too-small")
	d.press("enter") // ignored while too small
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	d.expectAt("sector")
}

// answerAll walks to the review, answering with the first option where
// nothing is chosen yet and ticking the first option of multiple choices.
func (d *driver) answerAll(tools ...string) {
	d.t.Helper()
	d.answerUntil("review", tools...)
}

// answerUntil walks as answerAll does until the step stop (as at names it).
func (d *driver) answerUntil(stop string, tools ...string) {
	d.t.Helper()
	for n := 0; d.at() != stop; n++ {
		if n > 300 {
			d.t.Fatalf("stuck at %s", d.at())
		}
		st := d.m.all[d.m.cur]
		switch st.kind {
		case stepTools:
			for _, id := range d.toolOptionOrder() {
				if slices.Contains(tools, id) {
					d.press("space")
				}
				d.press("down")
			}
			d.press("enter")
		case stepQuestion:
			if st.q.Type == catalog.MultiChoice && len(d.ticked()) == 0 {
				d.press("space")
			}
			d.press("enter")
		default:
			d.press("enter")
		}
	}
}

func TestScreensReviewPreviewSave(t *testing.T) {
	opt := fixed(t)
	d := start(t, opt)
	d.answerAll("whatsapp", "zoom")
	d.golden("review")
	d.press("p")
	d.expectAt("preview")
	d.golden("preview")
	d.press("s")
	d.expectAt("save")
	d.golden("save")
	if strings.Contains(d.screen(), "space ankreuzen") {
		t.Errorf("the save screen names space while the path has the focus")
	}
	// The choice of files beside the plan is ticked with space: its footer
	// says so.
	d.press("enter")
	if !strings.Contains(d.screen(), "space ankreuzen") {
		t.Errorf("the choice of files does not name space:\n%s", d.screen())
	}
	d.press("shift+tab")
	d.expectAt("preview")
	d.press("s")
	d.expectAt("save")
	// An existing file is never overwritten without confirmation.
	if err := os.MkdirAll(opt.WorkDir, 0o755); err != nil {
		t.Fatal(err)
	}
	existing := filepath.Join(opt.WorkDir, "konform-plan-malerbetrieb-sommer-gmbh-2026-11-22.md")
	if err := os.WriteFile(existing, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	d.press("enter", "enter")
	d.expectAt("confirm")
	d.golden("save-exists")
	d.press("n")
	d.expectAt("save")
	if b, _ := os.ReadFile(existing); string(b) != "keep me" {
		t.Fatal("the existing file was changed")
	}
	// Another name can be typed right away.
	for range 80 {
		d.press("backspace")
	}
	d.typeText("~/work/other.md")
	d.press("enter", "enter")
	d.expectAt("done")
	if _, err := os.Stat(filepath.Join(opt.WorkDir, "other.md")); err != nil {
		t.Fatalf("the new name was not used: %v", err)
	}
}

func TestConfirmedOverwrite(t *testing.T) {
	opt := fixed(t)
	d := start(t, opt)
	d.answerAll("signal")
	if err := os.MkdirAll(opt.WorkDir, 0o755); err != nil {
		t.Fatal(err)
	}
	existing := filepath.Join(opt.WorkDir, "konform-plan-malerbetrieb-sommer-gmbh-2026-11-22.md")
	if err := os.WriteFile(existing, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	d.press("p", "s", "enter", "enter")
	d.expectAt("confirm")
	d.press("y")
	d.expectAt("done")
	if b, _ := os.ReadFile(existing); !strings.HasPrefix(string(b), "# Datenschutz-Aktionsplan") {
		t.Fatal("confirmed overwrite did not write the plan")
	}
}

func TestSaveErrorIsShownAndAnotherPathCanBeTried(t *testing.T) {
	opt := fixed(t)
	d := start(t, opt)
	d.answerAll("signal")
	d.press("p", "s")
	d.expectAt("save")
	// A folder that does not exist.
	for range 80 {
		d.press("backspace")
	}
	d.typeText(filepath.Join(opt.WorkDir, "no", "such", "plan.md"))
	d.press("enter", "enter")
	d.expectAt("save")
	// In the user's language, with the folder as the user knows it.
	if words := strings.Join(strings.Fields(d.screen()), " "); !strings.Contains(words, "Nicht gespeichert") || !strings.Contains(words, "den Ordner ~/work/no/such gibt es nicht") {
		t.Fatalf("no error shown, or not in German:\n%s", d.screen())
	}
	d.press("backspace")
	if strings.Contains(d.screen(), "Nicht gespeichert") {
		t.Errorf("the old path's error stays while another path is typed:\n%s", d.screen())
	}
	for range 120 {
		d.press("backspace")
	}
	d.typeText("~/plan.md")
	d.press("enter", "enter")
	d.expectAt("done")
	if _, err := os.Stat(filepath.Join(opt.HomeDir, "plan.md")); err != nil {
		t.Fatalf("~ not expanded: %v", err)
	}
}

func TestBackNavigationCrossesTools(t *testing.T) {
	d := start(t, fixed(t))
	d.answerAll("signal", "zoom")
	// Jump to the first question of the second tool via the review.
	for i, st := range d.m.all {
		if st.kind == stepFacts && st.tool == "zoom" {
			d.m.goTo(i + 1)
		}
	}
	d.expectAt("zoom:used_for")
	d.press("shift+tab")
	d.expectAt("facts:zoom")
	d.press("shift+tab")
	last := ""
	for _, st := range d.m.all {
		if st.kind == stepQuestion && st.tool == "signal" {
			last = "signal:" + st.q.ID
		}
	}
	d.expectAt(last)
	d.press("esc")
	if d.at() == last {
		t.Error("esc does not go back")
	}
}

// Changing an earlier answer re-evaluates what is asked; answers to
// questions no longer shown leave the plan but come back with the answer.
func TestHiddenAnswersLeaveThePlanAndComeBack(t *testing.T) {
	d := start(t, fixed(t))
	d.choose("business")
	d.choose("no")    // secrecy_203
	d.choose("small") // staff
	d.choose("no")    // works_council
	d.choose("yes")   // dpo
	d.choose("both")  // partners
	d.expectAt("partner_groups")
	d.chooseMulti([]string{"consumers"})
	d.expectAt("b2c_marketing")
	// Back to partners, now internal only: the partner questions go.
	d.press("shift+tab", "shift+tab")
	d.expectAt("partners")
	d.choose("internal")
	d.expectAt("usage_policy")
	for _, st := range d.m.all {
		if st.q != nil && st.q.ID == "partner_groups" {
			t.Fatal("partner_groups still asked for internal-only communication")
		}
	}
	exported := d.m.st.exportFile(d.m.plan)
	if _, ok := exported.Context["partner_groups"]; ok {
		t.Error("the hidden answer is still in the exported answers")
	}
	// Back to both: the earlier answer is there again.
	d.press("shift+tab")
	d.expectAt("partners")
	d.choose("both")
	d.expectAt("partner_groups")
	if !slices.Equal(d.ticked(), []string{"consumers"}) {
		t.Fatalf("partner_groups not restored: %v", d.ticked())
	}
}

func TestQuitAsksAndKeepsTheSession(t *testing.T) {
	opt := fixed(t)
	d := start(t, opt)
	d.choose("health")
	d.press("ctrl+c")
	if !strings.Contains(d.screen(), "beenden?") {
		t.Fatalf("no question before quitting:\n%s", d.screen())
	}
	d.press("n")
	d.expectAt("practice_type")
	d.press("ctrl+c", "j")
	if !d.quit || d.m.ExitCode != 130 {
		t.Fatalf("quit %v, exit code %d", d.quit, d.m.ExitCode)
	}
	d.m.Close() // as the program does when it ends: the lock goes
	entries, _ := os.ReadDir(opt.SessionDir)
	if len(entries) != 1 {
		t.Fatalf("session files: %v", entries)
	}
	data, _ := os.ReadFile(filepath.Join(opt.SessionDir, entries[0].Name()))
	if !strings.Contains(string(data), "sector: health") {
		t.Fatalf("the answer is not in the session:\n%s", data)
	}
}

// A session that cannot be read is listed with a warning; choosing it says
// why, and the user can start fresh.
func TestUnreadableSessionIsReportedNotUsed(t *testing.T) {
	opt := fixed(t)
	if err := os.MkdirAll(opt.SessionDir, 0o700); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(opt.SessionDir, "session-20261101-100000.yaml")
	if err := os.WriteFile(broken, []byte("format: konform/answers/v7\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	infos, err := session.List(opt.SessionDir, catalogue(t), 5)
	if err != nil || len(infos) != 1 || infos[0].Err == nil {
		t.Fatalf("sessions %+v, %v", infos, err)
	}
	opt.Sessions = infos
	d := newDriver(t, opt)
	d.press("enter")
	d.expectAt("start")
	if !strings.Contains(d.screen(), "⚠ session-20261101-100000.yaml – nicht lesbar") {
		t.Fatalf("the broken session is not listed:\n%s", d.screen())
	}
	d.press("down", "enter")
	d.expectAt("start")
	if !strings.Contains(d.screen(), "stammt von einem neueren konform") {
		t.Fatalf("no reason shown in German:\n%s", d.screen())
	}
	d.press("g", "enter") // the list starts again at the top
	d.expectAt("assessment")
	d.typeText("Neu GmbH")
	d.press("enter", "enter", "enter", "enter")
	if b, _ := os.ReadFile(broken); string(b) != "format: konform/answers/v7\n" {
		t.Fatal("the unreadable session was overwritten")
	}
	if d.m.SessionPath() == broken {
		t.Fatal("the new session writes to the broken file")
	}
}

// From the tool choice, ctrl+k puts the chosen tools side by side in the
// context of the answers so far; esc returns to the choice as it was.
func TestCompareFromTheToolChoice(t *testing.T) {
	d := atTools(t)
	d.press("ctrl+k")
	if d.m.screen.kind() != scrStep || !strings.Contains(d.screen(), "mindestens zwei Werkzeuge") {
		t.Fatalf("with no tool chosen, ctrl+k should ask for two:\n%s", d.screen())
	}
	d.press("space", "down", "down", "down", "space", "ctrl+k") // WhatsApp (private App) and Signal
	if d.m.screen.kind() != scrCompare {
		t.Fatalf("not on the comparison:\n%s", d.screen())
	}
	s := d.screen()
	for _, want := range []string{"Werkzeuge vergleichen", "WhatsApp (private App)", "Signal", "Sitz", "Kritisch", "esc zurück zur Auswahl"} {
		if !strings.Contains(s, want) {
			t.Errorf("the comparison lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "…") {
		t.Errorf("the comparison cuts values; a wide table scrolls instead:\n%s", s)
	}
	d.press("esc")
	if d.at() != "tools" || len(d.ticked()) != 2 {
		t.Fatalf("back at %s with %v chosen; want the tool choice with both", d.at(), d.ticked())
	}
	d.press("enter")
	if d.at() == "tools" {
		t.Error("the tool choice does not go on after the comparison")
	}
}

// The comparison keeps its panes: scrolled sideways, each row keeps its
// fact's name; scrolled down, the tools' names stay on top.
func TestCompareKeepsRowLabelsAndHeader(t *testing.T) {
	d := atTools(t)
	// Four tools: wider than 80 columns.
	d.press("space", "down", "space", "down", "down", "down", "space", "down", "down", "space", "ctrl+k")
	if d.m.screen.kind() != scrCompare {
		t.Fatalf("not on the comparison:\n%s", d.screen())
	}
	d.press("right", "right")
	if d.viewport().XOffset() == 0 {
		t.Fatalf("the table does not scroll sideways:\n%s", d.screen())
	}
	body := d.m.screen.view(d.m)
	if !strings.Contains(body, "\nSitz ") {
		t.Errorf("scrolled sideways, the row labels are gone:\n%s", body)
	}
	first := strings.Split(d.m.screen.view(d.m), "\n")[0]
	d.press("down", "down", "down")
	if d.viewport().YOffset() == 0 {
		t.Fatalf("the comparison does not scroll down:\n%s", d.screen())
	}
	if got := strings.Split(d.m.screen.view(d.m), "\n")[0]; got != first {
		t.Errorf("scrolled down, the header is gone: %q, was %q", got, first)
	}
}

// Leaving the comparison resets its view: scrolled sideways there, the
// next fact sheet still opens at its left edge, with its own content.
func TestCompareLeaksNoScrollIntoTheFactSheet(t *testing.T) {
	d := atTools(t)
	d.press("space", "down", "down", "down", "space", "ctrl+k", "right", "right", "esc", "enter")
	if !strings.HasPrefix(d.at(), "facts") {
		t.Fatalf("at %s, want the first fact sheet", d.at())
	}
	if d.viewport().XOffset() != 0 || !strings.Contains(d.screen(), "WhatsApp") || strings.Contains(d.screen(), "Werkzeuge vergleichen") {
		t.Errorf("the fact sheet opens shifted (x offset %d) or shows the comparison:\n%s", d.viewport().XOffset(), d.screen())
	}
}

// In the plan view, a records an action's progress: it shows in the list
// and the plan at once and goes into the session; an action that does not
// apply needs a reason.
func TestRecordActionProgressInThePlanView(t *testing.T) {
	opt := fixed(t)
	d := start(t, opt)
	d.answerAll("whatsapp")
	d.press("p", "a")
	d.expectAt("actions")
	first := d.m.plan.Actions[0]
	d.press("enter")
	d.expectAt("action")
	d.press("down", "down", "enter") // done
	d.typeText("Tobias Sommer")
	d.press("enter")
	d.typeText("2027-01-15")
	d.press("enter", "enter")
	d.expectAt("actions")
	if a := d.m.plan.Actions[0]; a.ID != first.ID || a.Status != answers.StatusDone || a.Owner != "Tobias Sommer" || !a.DueSet {
		t.Fatalf("recorded %+v", a)
	}
	if !strings.Contains(d.screen(), "☑ erledigt · Tobias Sommer") {
		t.Errorf("the list does not show the action as done:\n%s", d.screen())
	}

	// Not applicable without a reason is refused; with one it is kept.
	d.press("down", "enter", "down", "down", "down", "enter", "enter", "enter", "enter")
	d.expectAt("action")
	if !strings.Contains(d.screen(), "begründen") {
		t.Errorf("no request for a reason:\n%s", d.screen())
	}
	d.typeText("Nur intern genutzt")
	d.press("enter")
	d.expectAt("actions")
	second := d.m.plan.Actions[1]
	if second.Status != answers.StatusNotApplicable || second.Reason != "Nur intern genutzt" {
		t.Errorf("second action: %+v", second)
	}

	d.press("esc")
	d.expectAt("preview")
	if !strings.Contains(ansi.Strip(d.viewport().GetContent()), "verantwortlich: Tobias Sommer") {
		t.Error("the plan preview does not show the owner")
	}
	data, err := os.ReadFile(d.m.SessionPath())
	if err != nil {
		t.Fatal(err)
	}
	f, err := answers.Parse("session.yaml", data, d.m.cat)
	if err != nil {
		t.Fatalf("the session does not parse: %v", err)
	}
	if st := f.Actions[first.ID]; st.Status != answers.StatusDone || st.Owner != "Tobias Sommer" || st.Due.String() != "2027-01-15" {
		t.Errorf("session record of %s: %+v", first.ID, st)
	}
	if st := f.Actions[second.ID]; st.Reason != "Nur intern genutzt" {
		t.Errorf("session record of %s: %+v", second.ID, st)
	}
}

// A save that fails stays on screen until one succeeds, the quit dialog
// says the answers are not saved, and ctrl+s saves them elsewhere.
func TestFailedSaveIsShownUntilSaved(t *testing.T) {
	opt := fixed(t)
	if err := os.WriteFile(filepath.Join(opt.HomeDir, ".local"), []byte("not a folder"), 0o600); err != nil {
		t.Fatal(err)
	}
	d := start(t, opt)
	d.choose("health")
	for range 2 { // on this screen and on the next
		if s := d.screen(); !strings.Contains(s, "Nicht gesichert:") || strings.Contains(s, "Gesichert in") {
			t.Fatalf("the failed save is not shown:\n%s", s)
		}
		if d.m.Session().Saved() || d.m.Session().Err() == nil {
			t.Fatal("the wizard takes the failed save for a saved one")
		}
		d.choose(d.m.all[d.m.cur].q.Options[0].ID)
	}
	d.press("ctrl+c")
	if s := d.screen(); !strings.Contains(s, "NICHT gesichert") {
		t.Fatalf("the quit dialog does not say the answers are not saved:\n%s", s)
	}
	d.press("n", "ctrl+s")
	if s := d.screen(); !strings.Contains(s, "Antworten sichern unter") {
		t.Fatalf("ctrl+s does not offer another place:\n%s", s)
	}
	// The work folder does not exist yet: the reason shows, nothing is lost.
	d.press("enter")
	if s := d.screen(); !strings.Contains(s, "Nicht gespeichert: den Ordner ~/work gibt es nicht") || d.m.Session().Saved() {
		t.Fatalf("a failed save elsewhere is not shown:\n%s", s)
	}
	if err := os.MkdirAll(opt.WorkDir, 0o755); err != nil {
		t.Fatal(err)
	}
	d.press("enter")
	want := filepath.Join(opt.WorkDir, "konform-malerbetrieb-sommer-gmbh-"+d.m.st.date.String()+".yaml")
	if !d.m.Session().Saved() || d.m.SessionPath() != want {
		t.Fatalf("saved %v at %q, want %q; screen:\n%s", d.m.Session().Saved(), d.m.SessionPath(), want, d.screen())
	}
	if s := d.screen(); strings.Contains(s, "Nicht gesichert") || !strings.Contains(s, "Gesichert in ~/work/konform-malerbetrieb") {
		t.Fatalf("after saving elsewhere:\n%s", s)
	}
	d.m.Close()
}

// A session open in another window is not taken over: the wizard says so
// and offers a copy, which is saved as a session of its own.
func TestSessionOpenElsewhereOffersACopy(t *testing.T) {
	opt := fixed(t)
	first := start(t, opt)
	first.choose("health")
	path := first.m.SessionPath()
	f, err := session.Load(path, catalogue(t))
	if err != nil {
		t.Fatal(err)
	}
	opt.Resume, opt.ResumePath = f, path
	second := newDriver(t, opt)
	if s := strings.Join(strings.Fields(second.screen()), " "); !strings.Contains(s, "in einem anderen konform-Fenster geöffnet (Prozess") || !strings.Contains(s, "Kopie") {
		t.Fatalf("no word of the other window:\n%s", s)
	}
	second.press("j")
	second.expectAt("practice_type")
	second.choose(second.m.all[second.m.cur].q.Options[0].ID)
	if second.m.SessionPath() == path || !second.m.Session().Saved() {
		t.Fatalf("the copy is saved in %q (the open session is %q)", second.m.SessionPath(), path)
	}
	first.m.Close()
	second.m.Close()
}

// A hurried enter never makes the plan rosier: an unanswered question
// opens on the catalogue's suggestion, else on "unknown".
func TestDefaultsAreSuggestionOrUnknown(t *testing.T) {
	d := start(t, fixed(t))
	d.press("enter") // sector, on its default
	if got := d.m.st.ctx["sector"]; len(got.Items) != 1 || got.Items[0] != catalog.Unknown {
		t.Fatalf("enter on an unanswered question answered %v, want unknown", got.Items)
	}
	d.answerAll("whatsapp")
	tool := d.m.st.tools[0]
	for id, v := range tool.Answers {
		q := d.m.cat.Question(id)
		if q.Prefill == "" || q.Type == catalog.MultiChoice {
			continue
		}
		for _, f := range d.m.plan.Tools[0].Facts {
			if f.Def.ID == q.Prefill && len(f.Fact.All()) == 1 {
				if _, ok := q.Option(f.Fact.All()[0]); ok && v.Items[0] != f.Fact.All()[0] {
					t.Errorf("%s: enter answered %v, the catalogue suggests %s", id, v.Items, f.Fact.All()[0])
				}
			}
		}
	}
}

// The tool filter works as in huh, gum and fzf: space ticks while typing
// the filter, esc clears it (a second esc goes back), and ticks survive
// filtering, going back and coming forward.
func TestToolFilterEscAndSpace(t *testing.T) {
	d := atTools(t)
	d.press("/")
	d.typeText("zoo")
	d.press("space")
	if !slices.Equal(d.ticked(), []string{"zoom"}) {
		t.Fatalf("space while filtering: ticked %v, want zoom; screen:\n%s", d.ticked(), d.screen())
	}
	if strings.Contains(d.screen(), "WhatsApp") {
		t.Fatalf("the filter is gone after space:\n%s", d.screen())
	}
	d.press("esc")
	if d.at() != "tools" || !strings.Contains(d.screen(), "WhatsApp") {
		t.Fatalf("esc did not clear the filter (at %s):\n%s", d.at(), d.screen())
	}
	if !slices.Equal(d.ticked(), []string{"zoom"}) {
		t.Fatalf("ticks after clearing the filter: %v", d.ticked())
	}
	d.press("esc")
	if d.at() == "tools" {
		t.Fatal("a second esc does not go back")
	}
	// Forward again: the tick is still there.
	d.press("enter")
	if d.at() != "tools" || !slices.Equal(d.ticked(), []string{"zoom"}) {
		t.Fatalf("back at %s with %v; want the tool list with zoom ticked", d.at(), d.ticked())
	}
}

// The progress bar only moves forward while the user does – also when the
// chosen tools add their questions – and the comparison is not a step.
func TestProgressOnlyMovesForward(t *testing.T) {
	d := start(t, fixed(t))
	last := -1.0
	seen := 0
	for n := 0; d.at() != "review"; n++ {
		if n > 300 {
			t.Fatalf("stuck at %s", d.at())
		}
		if d.m.bar < last {
			t.Fatalf("step %d (%s): the bar went back from %.2f to %.2f", d.m.cur+1, d.at(), last, d.m.bar)
		}
		last = d.m.bar
		seen++
		st := d.m.all[d.m.cur]
		switch {
		case st.kind == stepTools:
			d.press("space", "down", "down", "down", "space")
			before := d.screen()
			d.press("ctrl+k")
			if step, _ := stepOn(d.screen()); step == 0 || !strings.Contains(before, fmt.Sprintf("Schritt %d ", step)) {
				t.Errorf("the comparison counts as a step of its own:\n%s", d.screen())
			}
			d.press("esc", "enter")
		case st.q != nil && st.q.Type == catalog.MultiChoice && len(d.ticked()) == 0:
			d.press("space", "enter")
		default:
			d.press("enter")
		}
	}
	if seen < 30 || last < 0.9 {
		t.Fatalf("walked %d steps, the bar ended at %.2f", seen, last)
	}
	d.press("shift+tab", "shift+tab")
	if d.m.bar >= last {
		t.Errorf("going back, the bar stays at %.2f", d.m.bar)
	}
}

// No option is hidden without a sign: at 80×24 every option of every
// question is on screen; at 60×18 the ones below the window are announced.
func TestEveryOptionIsShownOrAnnounced(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 18}} {
		opt := fixed(t)
		d := newDriver(t, opt)
		d.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		d.press("enter")
		d.typeText("Praxis")
		d.press("enter", "enter", "enter", "enter")
		for n := 0; d.at() != "review"; n++ {
			if n > 300 {
				t.Fatalf("stuck at %s", d.at())
			}
			st := d.m.all[d.m.cur]
			if st.kind == stepQuestion && st.q.Type != catalog.FreeText {
				screen := strings.Join(strings.Fields(strings.ReplaceAll(d.screen(), "┃", "")), " ")
				missing := 0
				for _, o := range st.q.Options {
					if !strings.Contains(screen, strings.Join(strings.Fields(o.Label.In(catalog.DE)), " ")) {
						missing++
					}
				}
				switch {
				case size[0] == 80 && missing > 0:
					t.Errorf("80×24, %s: %d options not on screen:\n%s", st.q.ID, missing, d.screen())
				case missing > 0 && !strings.Contains(screen, "weitere Antworten"):
					t.Errorf("%dx%d, %s: %d options hidden without a sign:\n%s", size[0], size[1], st.q.ID, missing, d.screen())
				}
			}
			switch {
			case st.kind == stepTools:
				d.press("space", "down", "space", "enter") // WhatsApp and WhatsApp Business App
			case st.q != nil && st.q.Type == catalog.MultiChoice && len(d.ticked()) == 0:
				d.press("space", "enter")
			default:
				d.press("enter")
			}
		}
	}
}

// Fact sheets cut nothing: at 80×24 and 60×18, scrolled through, every
// word of every fact of every tool is on screen and nothing ends in "…"
// ("erfüllt die Anforderungen … nicht" must keep its "nicht").
func TestFactSheetsCutNothing(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 18}} {
		d := newDriver(t, fixed(t))
		d.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		d.m.st.org = "Test"
		for _, ct := range d.m.cat.Tools {
			if ct.Custom {
				continue
			}
			d.m.st.setTools(d.m.cat, []string{ct.ID})
			d.m.refresh()
			i := slices.IndexFunc(d.m.all, func(s step) bool { return s.kind == stepFacts })
			d.m.goTo(i)
			var seen strings.Builder
			for range 400 {
				seen.WriteString(d.screen() + "\n")
				if d.viewport().AtBottom() {
					break
				}
				d.press("down")
			}
			text := seen.String()
			if strings.Contains(text, "…") {
				t.Errorf("%dx%d %s: something is cut:\n%s", size[0], size[1], ct.ID, text)
			}
			for _, f := range d.m.plan.Tools[0].Facts {
				if !slices.Contains(f.Def.Show, "sheet") {
					continue // not a fact the sheet shows
				}
				value := strings.Join(factLabels(f, catalog.DE), ", ") + " " + f.Fact.Detail.In(catalog.DE)
				for _, word := range strings.FieldsFunc(value, func(r rune) bool { return r == ' ' || r == '-' }) {
					if !strings.Contains(text, word) {
						t.Errorf("%dx%d %s: %q of fact %s is not on screen", size[0], size[1], ct.ID, word, f.Def.ID)
					}
				}
			}
		}
	}
}

// The review shows the assessment and the tool choice too; enter on the
// tool choice goes there, and a tool added there is asked about next –
// without it, the walk comes straight back to the review.
func TestReviewReachesAssessmentAndTools(t *testing.T) {
	d := start(t, fixed(t))
	d.answerAll("whatsapp")
	screen := d.screen()
	for _, want := range []string{"Die Bewertung", "Malerbetrieb Sommer GmbH"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the review lacks %q:\n%s", want, screen)
		}
	}
	items := d.m.reviewItems()
	tools := slices.IndexFunc(items, func(it reviewItem) bool { return it.step.kind == stepTools })
	if tools < 0 || items[tools].answer != "WhatsApp (private App)" {
		t.Fatalf("the review lists no tool choice: %+v", items)
	}
	for range tools {
		d.press("down")
	}
	d.press("enter")
	d.expectAt("tools")
	d.press("enter") // unchanged
	d.expectAt("review")
	d.press("enter") // the cursor is still on the tool choice
	d.expectAt("tools")
	d.press("down", "space", "enter") // add the WhatsApp Business App
	if d.at() == "review" || d.m.all[d.m.cur].tool != "whatsapp-business-app" {
		t.Fatalf("after adding a tool from the review: at %s (%s)", d.at(), d.m.all[d.m.cur].tool)
	}
}

func TestUserDates(t *testing.T) {
	for in, want := range map[string]string{"2027-01-31": "2027-01-31", "31.01.2027": "2027-01-31", "1.2.2027": "2027-02-01"} {
		d, err := parseUserDate(in)
		if err != nil || d.String() != want {
			t.Errorf("%s: %v %v, want %s", in, d, err, want)
		}
	}
	for _, bad := range []string{"31.13.2027", "morgen", "2027/01/31"} {
		if _, err := parseUserDate(bad); err == nil {
			t.Errorf("%s was taken for a date", bad)
		}
	}
}

// The review and the plan's action list cut nothing: at 60×18, paged
// through, no line ends in "…" and every word of every question, answer
// and action title is on screen.
func TestReviewAndActionListCutNothing(t *testing.T) {
	d := start(t, fixed(t))
	d.answerAll("whatsapp")
	d.send(tea.WindowSizeMsg{Width: 60, Height: 18})
	var seen strings.Builder
	for range len(d.m.reviewItems()) + 1 {
		seen.WriteString(d.screen() + "\n")
		d.press("down")
	}
	review := seen.String()
	for _, it := range d.m.reviewItems() {
		for _, w := range strings.FieldsFunc(it.question+" "+it.answer, func(r rune) bool { return r == ' ' || r == '-' }) {
			if !strings.Contains(review, w) {
				t.Errorf("review: %q of %q is not on screen", w, it.question)
			}
		}
	}
	d.press("p", "a")
	d.expectAt("actions")
	seen.Reset()
	for range len(d.m.plan.Actions) + 1 {
		seen.WriteString(d.screen() + "\n")
		d.press("down")
	}
	list := seen.String()
	for _, a := range d.m.plan.Actions {
		for _, w := range strings.FieldsFunc(a.Title.In(catalog.DE), func(r rune) bool { return r == ' ' || r == '-' }) {
			if !strings.Contains(list, w) {
				t.Errorf("actions: %q of %q is not on screen", w, a.Title.In(catalog.DE))
			}
		}
	}
	if strings.Contains(review+list, "…") {
		t.Error("something is cut with …")
	}
}

// A resize measures the question again: built at 80×24 and shown at
// 60×18, where its options wrap to more lines, every option is still on
// screen (or announced); the choice made so far stays.
func TestResizeMeasuresTheQuestionAgain(t *testing.T) {
	d := start(t, fixed(t)) // at "sector": options that wrap at 60 columns
	d.press("up")
	chosen := d.choice()
	d.send(tea.WindowSizeMsg{Width: 60, Height: 18})
	screen := strings.Join(strings.Fields(strings.ReplaceAll(d.screen(), "┃", "")), " ")
	for _, o := range d.m.all[d.m.cur].q.Options {
		label := strings.Join(strings.Fields(o.Label.In(catalog.DE)), " ")
		if !strings.Contains(screen, label) && !strings.Contains(screen, "weitere Antworten") {
			t.Errorf("after the resize %q is neither shown nor announced:\n%s", label, d.screen())
		}
	}
	if d.choice() != chosen {
		t.Errorf("the resize moved the choice from %q to %q", chosen, d.choice())
	}
	d.press("enter")
	if got := d.m.st.ctx["sector"].Items; len(got) != 1 || got[0] != chosen {
		t.Errorf("saved %v, want %s", got, chosen)
	}
}

// A hint that something is missing shows only after the user did
// something: not on arrival at the tool list, but after enter with no
// tool ticked.
func TestValidationHintsWaitForTheUser(t *testing.T) {
	d := atTools(t)
	if strings.Contains(d.screen(), "mindestens ein Werkzeug") {
		t.Errorf("the hint shows before anything was done:\n%s", d.screen())
	}
	d.press("enter")
	if d.at() != "tools" || !strings.Contains(d.screen(), "mindestens ein Werkzeug") {
		t.Errorf("enter with no tool: at %s\n%s", d.at(), d.screen())
	}
}

// Before the tools are chosen, the step count is estimated for two typical
// tools in the organisation's context: choosing those two keeps the total
// where it was, in the quick check and in the full one.
func TestStepEstimateIsTwoTypicalTools(t *testing.T) {
	for _, check := range []string{answers.CheckQuick, answers.CheckFull} {
		opt := fixed(t)
		opt.Check = check
		d := newDriver(t, opt)
		d.press("enter")
		d.typeText("Zahnarztpraxis Lind")
		d.press("enter", "enter", "enter", "enter")
		d.expectAt("sector")
		d.press("home", "enter") // health
		d.expectAt("practice_type")
		d.press("home", "down", "enter") // dental practice
		d.expectAt("secrecy_203")
		d.press("home", "enter") // yes
		d.answerUntil("tools")
		_, before := stepOn(d.screen())
		// The list is longer than the screen: it says so.
		if !strings.Contains(d.screen(), "↓ mehr darunter") {
			t.Errorf("%s: the tool list does not say there is more below:\n%s", check, d.screen())
		}
		if !strings.Contains(d.screen(), "von etwa") {
			t.Errorf("%s: the total before the tools is not marked as an estimate:\n%s", check, d.screen())
		}
		d.press("down", "space") // WhatsApp Business App
		d.press("/")
		d.typeText("zoom")
		d.press("space", "esc", "enter") // Zoom, found by name: the list grows with the catalogue
		_, after := stepOn(d.screen())
		if before == 0 || after != before {
			t.Errorf("%s check: %d steps estimated, %d with WhatsApp Business App and Zoom", check, before, after)
		}
	}
}

// huh asks for the window size whenever a form starts. Answered with the
// same size, nothing is rebuilt: the wizard does not loop (the driver fails
// on a loop) and ↓ moves through a multiple choice, as in the terminal.
func TestMultipleChoiceCursorMoves(t *testing.T) {
	opt := fixed(t)
	opt.Check = answers.CheckQuick
	d := newDriver(t, opt)
	d.press("enter")
	d.typeText("Zahnarztpraxis Lind")
	d.press("enter", "enter", "enter", "enter")
	d.press("home", "enter", "home", "enter") // health, secrecy
	d.answerUntil("tools")
	d.press("down", "space", "enter") // WhatsApp Business App
	d.expectAt("facts:whatsapp-business-app")
	d.press("enter")
	d.expectAt("whatsapp-business-app:used_for")
	d.press("down", "space", "down", "down", "space")
	want := []string{"customer_contact", "appointments"}
	if !slices.Equal(d.ticked(), want) {
		t.Errorf("ticked %v, want %v:\n%s", d.ticked(), want, d.screen())
	}
}

// At 80×24 the header is one line on every step of a walk: where the user
// is and the step count, the app's name dropped where the place is long
// ("WhatsApp Business App › Trennung privat und geschäftlich").
func TestHeaderIsOneLine(t *testing.T) {
	d := start(t, fixed(t))
	for n := 0; d.at() != "review"; n++ {
		if n > 300 {
			t.Fatalf("stuck at %s", d.at())
		}
		lines := strings.Split(d.screen(), "\n")
		if !strings.Contains(lines[0], "Schritt") || !strings.HasPrefix(lines[1], "▌") && !strings.HasPrefix(lines[1], "░") {
			t.Errorf("%s: the header takes more than a line:\n%s\n%s", d.at(), lines[0], lines[1])
		}
		st := d.m.all[d.m.cur]
		switch {
		case st.kind == stepTools:
			d.press("down", "space", "enter") // WhatsApp Business App
		case st.q != nil && st.q.Type == catalog.MultiChoice && len(d.ticked()) == 0:
			d.press("space", "enter")
		default:
			d.press("enter")
		}
	}
}

// A legal reference is never split at the end of a line: "§ 203 Abs. 4
// StGB" keeps "Abs. 4" together, at any width.
func TestLegalReferencesStayTogether(t *testing.T) {
	if got := keepTogether("§ 203 Abs. 4 StGB, Art. 9 DSGVO, § 87 Abs. 1 Nr. 6"); strings.Contains(got, "§ 2") ||
		strings.Contains(got, "Abs. 4") || strings.Contains(got, "Art. 9") || strings.Contains(got, "Nr. 6") {
		t.Errorf("keepTogether left a breakable space: %q", got)
	}
	for _, width := range []int{60, 70, 80} {
		opt := fixed(t)
		opt.Check = answers.CheckQuick
		d := newDriver(t, opt)
		d.send(tea.WindowSizeMsg{Width: width, Height: 24})
		d.press("enter")
		d.typeText("Praxis")
		d.press("enter", "enter", "enter", "enter")
		d.press("home", "enter", "home", "enter") // health, secrecy
		d.answerUntil("whatsapp-business-app:confidentiality_bound", "whatsapp-business-app")
		d.press("?")
		for _, l := range strings.Split(d.screen(), "\n") {
			l = strings.TrimRight(l, " │")
			if strings.HasSuffix(l, "Abs.") || strings.HasSuffix(l, "§") || strings.HasSuffix(l, "Art.") {
				t.Errorf("at %d columns a line ends inside a legal reference: %q", width, l)
			}
		}
	}
}

// The review scrolls by whole items: wherever the cursor is, the first line
// under the header is a group's heading or the first line of an answer –
// never the rest of a long answer without its question.
func TestReviewScrollsByWholeItems(t *testing.T) {
	d := start(t, fixed(t))
	d.answerAll("whatsapp-business-app", "zoom")
	d.expectAt("review")
	items := d.m.reviewItems()
	qW := d.m.width - min(32, d.m.width/3) - 5
	var starts []string
	for _, it := range items {
		starts = append(starts, it.group, mdterm.WrapLines(it.question, qW)[0])
	}
	for i := range items {
		d.review().cur = i
		first := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(strings.Split(d.screen(), "\n")[3]), "›"))
		ok := false
		for _, s := range starts {
			if s != "" && strings.HasPrefix(first, strings.TrimSpace(s)) {
				ok = true
			}
		}
		if !ok {
			t.Fatalf("cursor on item %d: the review starts inside an item: %q\n%s", i, first, d.screen())
		}
	}
}

// The done screen names every file saved, each name whole on its line at
// 80 columns; the drafts under their folder, named once.
func TestDoneScreenNamesEverySavedFile(t *testing.T) {
	for _, width := range []int{60, 80} {
		opt := fixed(t)
		d := start(t, opt)
		d.send(tea.WindowSizeMsg{Width: width, Height: 24})
		d.answerAll("signal")
		if err := os.MkdirAll(opt.WorkDir, 0o755); err != nil {
			t.Fatal(err)
		}
		d.press("p", "s", "enter", "space", "down", "space", "enter") // the drafts are ticked already
		d.expectAt("done")
		screen := d.screen()
		if width < 80 {
			// Too narrow for the longest names: they break after a hyphen.
			screen = regexp.MustCompile(`-\n *`).ReplaceAllString(screen, "-")
		}
		base := "konform-plan-malerbetrieb-sommer-gmbh-2026-11-22"
		for _, name := range []string{base + ".md", base + ".json", base + ".answers.yaml",
			"verarbeitungsverzeichnis.md", "datenschutzhinweise.md", "nutzungsrichtlinie.md", "dsfa-schwellwertanalyse.md", "avv-pruefliste.md"} {
			if !strings.Contains(screen, name) {
				t.Errorf("at %d columns the done screen does not name %s:\n%s", width, name, screen)
			}
		}
		if n := strings.Count(screen, "-entwuerfe"); n != 1 {
			t.Errorf("at %d columns the drafts folder is named %d times:\n%s", width, n, screen)
		}
	}
}

// At the minimum size, "?" shows the whole help of every question: below
// the answers where both fit, else with the question alone.
func TestHelpIsWholeAtTheMinimumSize(t *testing.T) {
	compact := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) || strings.ContainsRune("│╭╮╰╯─┃", r) {
				return -1
			}
			return r
		}, s)
	}
	for _, l := range []catalog.Lang{catalog.DE, catalog.EN} {
		opt := fixed(t)
		opt.Lang = l
		d := newDriver(t, opt)
		d.send(tea.WindowSizeMsg{Width: MinWidth, Height: MinHeight})
		d.press("enter")
		d.typeText("Praxis")
		d.press("enter", "enter", "enter", "enter")
		asked := 0
		for n := 0; d.at() != "review"; n++ {
			if n > 300 {
				t.Fatalf("stuck at %s", d.at())
			}
			st := d.m.all[d.m.cur]
			if st.kind == stepQuestion && st.q.Help.In(l) != "" && st.q.Type != catalog.FreeText {
				asked++
				d.press("?")
				want := st.q.Help.In(l)
				if _, detail := shownFact(l, d.m.plan, st.tool, st.q); detail != "" {
					want += detail
				}
				if !strings.Contains(compact(d.screen()), compact(want)) {
					t.Errorf("%s %s: the help is not whole at %d×%d:\n%s", l, d.at(), MinWidth, MinHeight, d.screen())
				}
				d.press("?")
			}
			switch {
			case st.kind == stepTools:
				d.press("down", "space")
				for range 10 {
					d.press("down")
				}
				d.press("space", "enter") // WhatsApp Business App, Zoom
			case st.q != nil && st.q.Type == catalog.MultiChoice && len(d.ticked()) == 0:
				d.press("space", "enter")
			default:
				d.press("enter")
			}
		}
		if asked < 40 {
			t.Errorf("%s: only %d questions with help walked", l, asked)
		}
	}
}

// The save screen says the whole path the plan goes to – the field shows
// only the end of a long one, and a relative name says nothing of its
// folder.
func TestSaveScreenShowsTheWholePath(t *testing.T) {
	opt := fixed(t)
	d := start(t, opt)
	d.send(tea.WindowSizeMsg{Width: MinWidth, Height: MinHeight})
	d.answerAll("signal")
	d.press("p", "s")
	d.expectAt("save")
	flat := regexp.MustCompile(`-\n *`).ReplaceAllString(d.screen(), "-")
	if !strings.Contains(flat, "Wird gespeichert als:\n  ~/work/konform-plan-malerbetrieb-sommer-gmbh-2026-11-22.md") {
		t.Errorf("the whole path is not shown:\n%s", d.screen())
	}
	for range 80 {
		d.press("backspace")
	}
	d.typeText("plan.md")
	if !strings.Contains(d.screen(), "Wird gespeichert als:\n  ~/work/plan.md") {
		t.Errorf("a relative name does not show its folder:\n%s", d.screen())
	}
}

// Saving again names every file that exists – the drafts too – and lets
// the user keep drafts edited by hand while the plan is replaced.
func TestSavingAgainKeepsHandEditedDrafts(t *testing.T) {
	opt := fixed(t)
	if err := os.MkdirAll(opt.WorkDir, 0o755); err != nil {
		t.Fatal(err)
	}
	d := start(t, opt)
	d.answerAll("signal")
	d.press("p", "s", "enter", "enter")
	d.expectAt("done")
	plan := filepath.Join(opt.WorkDir, "konform-plan-malerbetrieb-sommer-gmbh-2026-11-22.md")
	drafts, _ := filepath.Glob(filepath.Join(opt.WorkDir, "*-entwuerfe", "*.md"))
	if len(drafts) == 0 {
		t.Fatal("the first save wrote no drafts")
	}
	if err := os.WriteFile(drafts[0], []byte("edited by hand"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(plan, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	again := start(t, opt)
	again.answerAll("signal")
	again.press("p", "s", "enter", "enter")
	again.expectAt("confirm")
	screen := strings.Join(strings.Fields(again.screen()), " ")
	for _, want := range []string{filepath.Base(plan), filepath.Base(drafts[0]), "e = meine Entwürfe behalten"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the dialog lacks %q:\n%s", want, again.screen())
		}
	}
	again.press("e")
	again.expectAt("done")
	if b, _ := os.ReadFile(drafts[0]); string(b) != "edited by hand" {
		t.Errorf("the hand-edited draft was replaced: %.60q", b)
	}
	if b, _ := os.ReadFile(plan); !strings.HasPrefix(string(b), "# Datenschutz-Aktionsplan") {
		t.Errorf("the plan was not replaced: %.60q", b)
	}
}

// The quit question is always on screen, however tall the screen behind
// it: a fact sheet and the review at 60×18 give up their last lines.
func TestQuitDialogIsAlwaysVisible(t *testing.T) {
	d := atTools(t)
	d.send(tea.WindowSizeMsg{Width: 60, Height: 18})
	d.press("space", "enter")
	if !strings.HasPrefix(d.at(), "facts") {
		t.Fatalf("at %s, want a fact sheet", d.at())
	}
	d.press("ctrl+c")
	if s := d.screen(); !strings.Contains(s, "beenden?") || len(strings.Split(s, "\n")) > 18 {
		t.Errorf("the quit question is not on the 60×18 screen:\n%s", s)
	}
	d.press("n")
	d.answerAll()
	d.send(tea.WindowSizeMsg{Width: 60, Height: 18})
	d.press("ctrl+c")
	if s := d.screen(); !strings.Contains(s, "beenden?") {
		t.Errorf("the quit question is not on the review at 60×18:\n%s", s)
	}
}

// editedOutside resumes a copy of the dental example in the wizard and
// then changes the file as another program would.
func editedOutside(t *testing.T) (d *driver, path, edited string) {
	t.Helper()
	opt := fixed(t)
	src, err := os.ReadFile(filepath.Join(testkit.Root(), "examples", "dental-quick.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(t.TempDir(), "lind.yaml")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := session.Load(path, catalogue(t))
	if err != nil {
		t.Fatal(err)
	}
	opt.Resume, opt.ResumePath, opt.Check = f, path, answers.CheckFull
	d = newDriver(t, opt)
	edited = strings.Replace(string(src), "Zahnarztpraxis Dr. Lind", "Zahnarztpraxis Lind & Partner", 1)
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	return d, path, edited
}

// A change made to the answers file outside konform is never overwritten
// unasked: the footer says so and offers ctrl+w, which writes the
// wizard's answers over it.
func TestChangeOutsideIsKeptUntilTheUserChooses(t *testing.T) {
	d, path, edited := editedOutside(t)
	d.press("enter")
	if s := strings.Join(strings.Fields(d.screen()), " "); !strings.Contains(s, "außerhalb von konform geändert") || !strings.Contains(s, "ctrl+w") {
		t.Fatalf("the footer does not say the file changed:\n%s", d.screen())
	}
	if got, _ := os.ReadFile(path); string(got) != edited {
		t.Fatal("the change outside konform was overwritten")
	}
	d.press("ctrl+w")
	if !d.m.Session().Saved() {
		t.Fatalf("ctrl+w did not save: %v", d.m.Session().Err())
	}
	if got, _ := os.ReadFile(path); strings.Contains(string(got), "Lind & Partner") {
		t.Error("ctrl+w did not write the wizard's answers")
	}
}

// A question that takes several answers names space in its footer; one
// that takes one does not.
func TestMultiChoiceFooterNamesSpace(t *testing.T) {
	d := start(t, fixed(t))
	if strings.Contains(d.screen(), "space ankreuzen") {
		t.Errorf("a single choice offers space:\n%s", d.screen())
	}
	d.answerUntil("partner_groups")
	if !strings.Contains(strings.Join(strings.Fields(d.screen()), " "), "space ankreuzen · enter weiter") {
		t.Errorf("a multiple choice does not name space:\n%s", d.screen())
	}
}

// A quick check does not ask again what the catalogue's facts answer: its
// fact sheet says so, and where to change them; a full check's sheet
// says the questions that follow are prefilled.
func TestFactSheetIntroSaysWhatTheCheckAsks(t *testing.T) {
	for check, want := range map[string]string{answers.CheckQuick: "fragt sie nicht noch einmal", answers.CheckFull: "korrigieren Sie dort"} {
		opt := fixed(t)
		opt.Check = check
		d := start(t, opt)
		d.m.st.setTools(d.m.cat, []string{"whatsapp"})
		d.m.refresh()
		d.m.goTo(slices.IndexFunc(d.m.all, func(s step) bool { return s.kind == stepFacts }))
		if s := strings.Join(strings.Fields(d.screen()), " "); !strings.Contains(s, want) {
			t.Errorf("%s check: the fact sheet lacks %q:\n%s", check, want, d.screen())
		}
	}
}

// ⚠ on the wizard's fact sheet marks the facts the plan marks: an old fact
// an action rests on, nothing else.
func TestFactSheetWarnsAsThePlanDoes(t *testing.T) {
	d := start(t, fixed(t))
	d.answerAll("whatsapp", "zoom")
	plan := string(report.Markdown(d.m.plan, catalog.DE))
	stale := 0
	for _, pt := range d.m.plan.Tools {
		d.m.goTo(slices.IndexFunc(d.m.all, func(s step) bool { return s.kind == stepFacts && s.tool == pt.Key }))
		var seen strings.Builder
		for range 400 {
			seen.WriteString(d.screen() + "\n")
			if d.viewport().AtBottom() {
				break
			}
			d.press("down")
		}
		sheet := seen.String()
		for _, f := range pt.Facts {
			if !f.Def.Shows("sheet") {
				continue
			}
			row := f.Fact.AsOf.String() + " ⚠"
			if f.Stale != strings.Contains(sheet, row) && strings.Count(sheet, f.Fact.AsOf.String()) == 1 {
				t.Errorf("%s %s: the sheet's ⚠ is %v, the plan's %v", pt.Key, f.Def.ID, !f.Stale, f.Stale)
			}
			if f.Stale {
				stale++
			}
			if f.Stale && !strings.Contains(plan, f.Fact.AsOf.String()+" ⚠") {
				t.Errorf("%s %s: stale, yet the plan shows no ⚠ for it", pt.Key, f.Def.ID)
			}
		}
	}
	if stale == 0 {
		t.Fatal("no stale fact in the walk: the test checks nothing – pick tools with old facts")
	}
}

// ctrl+l takes a change made to the answers file outside konform: the
// wizard goes on from the edited file, and the next save keeps the change.
func TestChangeOutsideIsTakenWithCtrlL(t *testing.T) {
	d, path, _ := editedOutside(t)
	d.press("enter")
	if s := strings.Join(strings.Fields(d.screen()), " "); !strings.Contains(s, "ctrl+l übernimmt die Änderung") {
		t.Fatalf("the footer does not offer to take the change:\n%s", d.screen())
	}
	d.press("ctrl+l")
	if d.m.st.org != "Zahnarztpraxis Lind & Partner" || !d.m.Session().Saved() {
		t.Fatalf("ctrl+l: organisation %q, saved %v (%v)", d.m.st.org, d.m.Session().Saved(), d.m.Session().Err())
	}
	d.press("enter")
	if err := d.m.Session().Err(); err != nil {
		t.Fatalf("the next save after taking the change failed: %v", err)
	}
	if got, _ := os.ReadFile(path); !strings.Contains(string(got), "Lind & Partner") {
		t.Error("the change taken was lost at the next save")
	}
}

// The question about AI features names the tool's own: Meta AI cannot be
// removed from WhatsApp, which "switched off" cannot describe – the
// question says so under its title, with the fact's date, and ? gives the
// detail (the per-chat protection). A tool whose fact has another value
// says that one.
func TestAIQuestionNamesTheToolsOwnFeature(t *testing.T) {
	d := start(t, fixed(t))
	d.answerUntil("whatsapp-business-app:ai_features", "whatsapp-business-app", "zoom")
	scr := d.screen()
	for _, want := range []string{"Bei WhatsApp Business App: fest eingebaut, nicht zu entfernen", "Stand 2025-05-21", "mehr mit ?"} {
		if !strings.Contains(scr, want) {
			t.Errorf("the AI question for WhatsApp Business App misses %q:\n%s", want, scr)
		}
	}
	d.press("?")
	if scr := d.screen(); !strings.Contains(scr, "„Erweiterte Chat-") || !strings.Contains(scr, "Export") {
		t.Errorf("? does not give the fact's detail:\n%s", d.screen())
	}
	d.press("?")
	d.answerUntil("zoom:ai_features")
	if scr := d.screen(); !strings.Contains(scr, "Bei Zoom: vorhanden, von der Administration ein- und auszuschalten") {
		t.Errorf("the AI question for Zoom does not give Zoom's fact:\n%s", scr)
	}
}

// At the minimum size a validation message stays on screen: where the
// session is kept gives way to it (that line stands on every screen).
func TestMessageBeatsTheSessionPathAtMinimumSize(t *testing.T) {
	d := start(t, fixed(t))
	d.answerUntil("whatsapp:used_for", "whatsapp")
	d.send(tea.WindowSizeMsg{Width: 60, Height: 18})
	d.press("enter") // nothing ticked
	screen := d.screen()
	if !strings.Contains(screen, "Bitte mindestens eine Antwort wählen") {
		t.Errorf("the message is cut at 60×18:\n%s", screen)
	}
	if n := len(strings.Split(screen, "\n")); n > 18 {
		t.Errorf("the screen has %d lines at 60×18", n)
	}
	// Where there is room, the path stays.
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	if screen := d.screen(); !strings.Contains(screen, "Gesichert in") || !strings.Contains(screen, "Bitte mindestens eine Antwort wählen") {
		t.Errorf("at 80×24 both the message and the path belong on screen:\n%s", screen)
	}
}
