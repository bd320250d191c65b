package tui

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	tea "charm.land/bubbletea/v2"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/report"
	"github.com/konform/konform/internal/session"
	"github.com/konform/konform/internal/testkit"
)

// sameChoices compares answers regardless of the order of choices.
func sameChoices(a, b []string) bool {
	return slices.Equal(slices.Sorted(slices.Values(a)), slices.Sorted(slices.Values(b)))
}

func example(t *testing.T, cat *catalog.Catalog, name string) *answers.File {
	t.Helper()
	return testkit.Answers(t, cat, testkit.Example(name))
}

// chooseMulti ticks the given options of a multiple choice and confirms.
func (d *driver) chooseMulti(ids []string) {
	d.t.Helper()
	st := d.m.all[d.m.cur]
	for i, id := range st.q.OptionIDs() {
		if slices.Contains(ids, id) != slices.Contains(d.ticked(), id) {
			d.press("space")
		}
		if i < len(st.q.Options)-1 {
			d.press("down")
		}
	}
	d.press("enter")
}

// walk answers every step from f until the review.
func (d *driver) walk(f *answers.File) {
	d.t.Helper()
	for n := 0; d.at() != "review"; n++ {
		if n > 300 {
			d.t.Fatalf("no end to the walk; at %s", d.at())
		}
		st := d.m.all[d.m.cur]
		switch st.kind {
		case stepAssessment:
			d.typeText(f.Assessment.Organisation)
			d.press("enter")
			d.typeText(f.Assessment.Assessor)
			d.press("enter")
			d.typeText(strings.Join(f.Assessment.Participants, ", "))
			d.press("enter")
			d.press("ctrl+u") // the date field opens on today
			d.typeText(f.Assessment.Date.Format("02.01.2006"))
			d.press("enter")
		case stepTools:
			var want []string
			for _, t := range f.Tools {
				want = append(want, t.ID)
			}
			for i, opt := range d.toolOptionOrder() {
				_ = i
				if slices.Contains(want, opt) {
					d.press("space")
				}
				d.press("down")
			}
			d.press("enter")
		case stepFacts:
			d.press("enter")
		case stepOther:
			var other *answers.Tool
			for _, tool := range f.Tools {
				if tool.Name != "" {
					other = tool
				}
			}
			d.typeText(other.Name)
			d.press("enter")
			if other.Kind == catalog.KindVideo {
				d.press("right")
			}
			d.press("enter")
			for _, fd := range d.m.cat.FactsShown("custom") {
				id := fd.ID
				n := 0
				if v, ok := other.Facts[id]; ok {
					def := d.m.cat.FactDef(id)
					n = slices.IndexFunc(def.Values, func(o catalog.Option) bool { return o.ID == v.Items[0] }) + 1
				}
				for range n {
					d.press("right")
				}
				d.press("enter")
			}
		case stepQuestion:
			vals, notes := f.Context, f.Notes
			if st.tool != "" {
				for _, t := range f.Tools {
					if t.Key() == st.tool {
						vals, notes = t.Answers, t.Notes
					}
				}
			}
			if n := notes[st.q.ID]; n != "" {
				d.press("ctrl+o")
				d.typeText(n)
				d.press("enter")
			}
			v, ok := vals[st.q.ID]
			switch {
			case !ok:
				d.press("enter") // take the catalogue's suggestion
			case st.q.Type == catalog.MultiChoice:
				d.chooseMulti(v.Items)
			default:
				d.choose(v.Items[0])
			}
		default:
			d.t.Fatalf("unexpected step %s", d.at())
		}
	}
}

func (d *driver) toolOptionOrder() []string {
	var ids []string
	for _, kind := range catalog.Kinds {
		for _, t := range d.m.cat.Tools {
			if t.Kind == kind && !t.Custom {
				ids = append(ids, t.ID)
			}
		}
	}
	for _, t := range d.m.cat.Tools {
		if t.Custom {
			ids = append(ids, t.ID)
		}
	}
	return ids
}

// A whole assessment of two tools, typed in by key presses, gives the plan
// `konform plan` makes from the answers file the wizard saves – byte for byte.
func TestFullWalkSavesThePlanKonformPlanMakes(t *testing.T) {
	for _, name := range []string{"medical-zoom-whatsapp.yaml", "tax-teams-signal.yaml", "association-jitsi.yaml"} {
		t.Run(name, func(t *testing.T) {
			cat := catalogue(t)
			f := example(t, cat, name)
			work, state := t.TempDir(), t.TempDir()
			d := newDriver(t, Options{Catalog: cat, Lang: catalog.DE, WorkDir: work, SessionDir: state})
			if f.Lang == catalog.EN {
				d.press("down")
			}
			d.press("enter") // language
			d.walk(f)
			d.press("p")
			d.expectAt("preview")
			if !strings.Contains(d.screen(), f.Assessment.Organisation) {
				t.Errorf("the preview does not show the plan:\n%s", d.screen())
			}
			d.press("s")
			d.expectAt("save")
			d.press("enter", "space", "down", "space", "enter")
			d.expectAt("done")

			base := filepath.Join(work, "konform-plan-"+answers.Slug(f.Assessment.Organisation)+"-2026-11-22")
			saved, err := os.ReadFile(base + ".answers.yaml")
			if err != nil {
				t.Fatal(err)
			}
			g, err := answers.Parse("saved.yaml", saved, cat)
			if err != nil {
				t.Fatalf("the saved answers do not parse: %v", err)
			}
			p := assess.Assess(cat, g)
			if len(p.Warnings) > 0 {
				t.Errorf("saved answers give warnings: %+v", p.Warnings)
			}
			md, _ := os.ReadFile(base + ".md")
			if !bytes.Equal(md, report.Markdown(p, g.Lang)) {
				t.Error("the saved plan differs from konform plan on the saved answers")
			}
			js, _ := os.ReadFile(base + ".json")
			if !bytes.Equal(js, report.JSON(p, g.Lang)) {
				t.Error("the saved JSON plan differs from konform plan --format json")
			}
			// Every answer of the example came through.
			for id, v := range f.Context {
				if !sameChoices(g.Context[id].Items, v.Items) {
					t.Errorf("context %s: saved %v, want %v", id, g.Context[id].Items, v.Items)
				}
			}
			for _, tool := range f.Tools {
				i := slices.IndexFunc(g.Tools, func(x *answers.Tool) bool { return x.ID == tool.ID })
				if i >= 0 && tool.Name != "" {
					if g.Tools[i].Name != tool.Name || g.Tools[i].Kind != tool.Kind {
						t.Errorf("custom tool saved as %q (%s)", g.Tools[i].Name, g.Tools[i].Kind)
					}
					for id, v := range tool.Facts {
						if !slices.Equal(g.Tools[i].Facts[id].Items, v.Items) {
							t.Errorf("custom fact %s: saved %v, want %v", id, g.Tools[i].Facts[id].Items, v.Items)
						}
					}
				}
				if i < 0 {
					t.Errorf("tool %s was not saved", tool.ID)
					continue
				}
				for id, v := range tool.Answers {
					if !sameChoices(g.Tools[i].Answers[id].Items, v.Items) {
						t.Errorf("%s %s: saved %v, want %v", tool.ID, id, g.Tools[i].Answers[id].Items, v.Items)
					}
				}
				for id, n := range tool.Notes {
					if g.Tools[i].Notes[id] != n {
						t.Errorf("%s note %s: saved %q, want %q", tool.ID, id, g.Tools[i].Notes[id], n)
					}
				}
			}
			if g.Assessment.Organisation != f.Assessment.Organisation || !slices.Equal(g.Assessment.Participants, f.Assessment.Participants) {
				t.Errorf("assessment: %+v", g.Assessment)
			}
			// The session was saved along the way, readable only by the user.
			infos, _ := session.List(state, cat, 5)
			if len(infos) != 1 || infos[0].Err != nil {
				t.Fatalf("sessions: %+v", infos)
			}
			if fi, _ := os.Stat(infos[0].Path); fi.Mode().Perm() != 0o600 {
				t.Errorf("session mode %v", fi.Mode().Perm())
			}
		})
	}
}

var _ tea.Msg

// What a consultant recorded about the actions (status, owner, due date,
// reason) survives a session in the wizard: resumed, it is saved again as
// it was; a tool deselected takes its records along and brings them back.
func TestActionRecordsSurviveTheWizard(t *testing.T) {
	cat := catalogue(t)
	f := example(t, cat, "craft-whatsapp-2027-05.yaml")
	if len(f.Actions) < 5 {
		t.Fatalf("the example records %d actions", len(f.Actions))
	}
	path := filepath.Join(t.TempDir(), "session.yaml")
	d := newDriver(t, Options{Catalog: cat, Resume: f, ResumePath: path, SessionDir: filepath.Dir(path)})
	d.m.SaveNow()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	g, err := answers.Parse("session.yaml", data, cat)
	if err != nil {
		t.Fatalf("the session does not parse: %v", err)
	}
	strip := func(m map[string]answers.ActionState) map[string]answers.ActionState {
		out := map[string]answers.ActionState{}
		for id, st := range m {
			st.Pos = answers.Pos{}
			out[id] = st
		}
		return out
	}
	if diff := cmp.Diff(strip(f.Actions), strip(g.Actions)); diff != "" {
		t.Errorf("action records changed in the wizard (-example +saved):\n%s", diff)
	}
	// So does the day of review the consultant agreed.
	if f.Assessment.Review.IsZero() || !g.Assessment.Review.Equal(f.Assessment.Review.Time) {
		t.Errorf("the review date %s came back as %s", f.Assessment.Review, g.Assessment.Review)
	}

	s := fromFile(f)
	business := s.tools[1]
	s.tools = s.tools[:1]
	if _, ok := s.file().Actions["dpa-contract/whatsapp-business-app"]; ok {
		t.Error("a record of a tool no longer chosen is saved: the file would not load")
	}
	s.tools = append(s.tools, business)
	if st := s.file().Actions["dpa-contract/whatsapp-business-app"]; st.Status != answers.StatusDone {
		t.Errorf("the record did not come back with its tool: %+v", st)
	}
}

// A quick check asks only the catalogue's quick questions, never one the
// catalogue answers, and far fewer than the full walk; completing it asks
// the rest.
func TestQuickCheckSteps(t *testing.T) {
	cat := catalogue(t)
	f := testkit.Answers(t, cat, testkit.Example("dental-quick.yaml"))
	s := fromFile(f)
	if !s.quick {
		t.Fatal("dental-quick.yaml is not read as a quick check")
	}
	quick, p := steps(cat, s)
	for _, st := range quick {
		if st.kind != stepQuestion {
			continue
		}
		if !cat.Quick(st.q) {
			t.Errorf("the quick check asks %s", st.q.ID)
		}
		vals, _ := s.scope(st.tool)
		if _, given := vals[st.q.ID]; !given {
			for i, tl := range s.tools {
				for _, a := range p.Tools[i].Answers {
					if tl.Key() == st.tool && a.Question == st.q && a.Origin == assess.FromFact {
						t.Errorf("the quick check asks %s of %s, which the catalogue answers", st.q.ID, st.tool)
					}
				}
			}
		}
	}
	if i := firstOpen(s, quick); quick[i].kind != stepReview {
		t.Errorf("the quick check of the example is not complete: step %d open", i)
	}
	s.quick = false
	full, _ := steps(cat, s)
	if 2*len(quick) > len(full) {
		t.Errorf("quick check %d steps, full %d", len(quick), len(full))
	}
	if i := firstOpen(s, full); full[i].kind != stepQuestion || cat.Quick(full[i].q) {
		t.Errorf("completing the quick check starts at step %d, not at a question it left out", i)
	}
}

// The assessment's date can be set, as 20.05.2027 or 2027-05-20; due
// dates count from it. A date that is none is refused where it is typed.
func TestAssessmentDateCanBeSet(t *testing.T) {
	d := newDriver(t, fixed(t))
	d.press("enter")
	d.expectAt("assessment")
	d.typeText("Malerbetrieb Sommer GmbH")
	d.press("enter", "enter", "enter", "ctrl+u")
	d.typeText("31.02.2027")
	d.press("enter")
	d.expectAt("assessment")
	if !strings.Contains(d.screen(), "Bitte ein Datum") {
		t.Errorf("no hint for a date that is none:\n%s", d.screen())
	}
	d.press("ctrl+u")
	d.typeText("20.05.2027")
	d.press("enter")
	d.expectAt("sector")
	if got := d.m.st.date.String(); got != "2027-05-20" {
		t.Errorf("date %s, want 2027-05-20", got)
	}
	if got := d.m.st.file().Assessment.Date.String(); got != "2027-05-20" {
		t.Errorf("the session has the date %s", got)
	}
}

// The details only the drafts need (name and address, contacts, website)
// are asked at the end of a full check, after the tools – not before the
// tool list, where nobody yet knows what they are for.
func TestDraftDetailsComeAfterTheTools(t *testing.T) {
	cat := catalogue(t)
	s := fromFile(testkit.Answers(t, cat, testkit.Example("engineering-ai.yaml")))
	all, _ := steps(cat, s)
	lastTool, controller := -1, -1
	for i, st := range all {
		switch {
		case st.kind == stepQuestion && st.tool != "":
			lastTool = i
		case st.kind == stepQuestion && st.q.ID == "controller":
			controller = i
		}
	}
	if controller < 0 || controller < lastTool || all[len(all)-1].kind != stepReview {
		t.Errorf("the drafts' details at step %d, the last tool question at %d (of %d)", controller, lastTool, len(all))
	}
}

// A new full check asks the drafts' details too, though nothing answers
// them yet; a quick check does not.
func TestDraftDetailsAreAsked(t *testing.T) {
	cat := catalogue(t)
	f := testkit.Answers(t, cat, testkit.Example("dental-quick.yaml"))
	s := fromFile(f)
	s.quick = false
	delete(s.ctx, "controller")
	all, _ := steps(cat, s)
	found := false
	for _, st := range all {
		found = found || st.kind == stepQuestion && st.q.ID == "controller"
	}
	if !found {
		t.Error("a full check without the organisation's address never asks for it")
	}
	s.quick = true
	quick, _ := steps(cat, s)
	for _, st := range quick {
		if st.kind == stepQuestion && st.q.ID == "controller" {
			t.Error("a quick check asks the drafts' details")
		}
	}
}

// An optional detail left empty does not hold a resumed session at it: a
// complete check resumes at the review.
func TestOptionalDetailsDoNotHoldAResume(t *testing.T) {
	cat := catalogue(t)
	s := fromFile(testkit.Answers(t, cat, testkit.Example("engineering-ai.yaml")))
	delete(s.ctx, "website")
	all, _ := steps(cat, s)
	for _, st := range all { // everything else answered, if only "unknown"
		if st.kind == stepQuestion && st.q.Type != catalog.FreeText {
			if vals, _ := s.scope(st.tool); vals != nil {
				if _, ok := vals[st.q.ID]; !ok {
					vals[st.q.ID] = answers.Value{Items: []string{catalog.Unknown}}
				}
			}
		}
	}
	all, _ = steps(cat, s)
	if i := firstOpen(s, all); all[i].kind != stepReview {
		t.Errorf("a complete check resumes at step %d (%v), not at the review", i, all[i].q)
	}
}

// Esc on an answer opened from the review goes back to the review, not to
// the step before it (or, from the first step, to the welcome screen).
func TestEscFromAReviewEditReturnsToTheReview(t *testing.T) {
	d := start(t, fixed(t))
	d.answerAll("signal")
	d.expectAt("review")
	d.review().cur = 0 // the organisation's name: the first step
	d.press("enter")
	d.expectAt("assessment")
	d.press("esc")
	d.expectAt("review")
	d.review().cur = 7 // a question further on
	d.press("enter")
	if d.at() == "review" {
		t.Fatal("enter on the review opened nothing")
	}
	d.press("esc")
	d.expectAt("review")
}

// Completing a quick check makes it a full one only when the completion
// has asked everything: started and stopped at once, or half-way, the file
// still says quick – the plan never claims a full check with questions
// the user was never shown.
func TestCompletionIsFullOnlyOnceEverythingIsAsked(t *testing.T) {
	cat := catalogue(t)
	s := fromFile(testkit.Answers(t, cat, testkit.Example("dental-quick.yaml")))
	s.setCheck(answers.CheckFull)
	all, _ := steps(cat, s)
	if s.file().Assessment.Check != answers.CheckQuick {
		t.Fatal("a completion just started is saved as a full check")
	}
	for n := 0; ; n++ {
		i := firstOpen(s, all)
		if all[i].kind == stepReview {
			break
		}
		st := all[i]
		if st.kind != stepQuestion {
			t.Fatalf("open step %d is not a question", i)
		}
		vals, _ := s.scope(st.tool)
		vals[st.q.ID] = answers.Value{Items: []string{st.q.Options[len(st.q.Options)-1].ID}}
		all, _ = steps(cat, s)
		if n == 0 && s.file().Assessment.Check != answers.CheckQuick {
			t.Fatal("a completion with one question answered is saved as a full check")
		}
	}
	if got := s.file().Assessment.Check; got != "" {
		t.Errorf("every question answered, yet the check is %q", got)
	}
}

// A folder that takes no lock file is not "open in another window": the
// message says what is wrong.
func TestLockedTextSaysWhy(t *testing.T) {
	perm := &fs.PathError{Op: "open", Path: "/praxis/.a.yaml.lock", Err: fs.ErrPermission}
	got := lockedText(catalog.DE, "/praxis/a.yaml", perm)
	if !strings.Contains(got, "darf konform nicht schreiben") || strings.Contains(got, "anderen konform-Fenster") {
		t.Errorf("a folder without write access: %q", got)
	}
	locked := lockedText(catalog.DE, "/praxis/a.yaml", &session.LockedError{Path: "/praxis/a.yaml", PID: 42})
	if !strings.Contains(locked, "anderen konform-Fenster geöffnet (Prozess 42)") {
		t.Errorf("another window: %q", locked)
	}
}

// Completing a quick check in the wizard shows only the questions still
// open: after each answer the next unanswered one, never an answered
// question again, and the review at the end.
func TestCompletionAsksOnlyWhatIsOpen(t *testing.T) {
	d := completing(t)
	for n := 0; d.at() != "review"; n++ {
		if n > 200 {
			t.Fatalf("stuck at %s", d.at())
		}
		st := d.m.all[d.m.cur]
		if st.kind != stepQuestion {
			t.Fatalf("the completion shows %s, which is no open question", d.at())
		}
		if vals, _ := d.m.st.scope(st.tool); len(vals[st.q.ID].Items) > 0 {
			t.Fatalf("the completion shows %s again, answered already", d.at())
		}
		if st.q.Type == catalog.MultiChoice && len(d.ticked()) == 0 {
			d.press("space")
		}
		d.press("enter")
	}
}

// While a quick check is being completed, the review is one key away
// (ctrl+r), and the footer says so.
func TestCompletionReviewIsOneKeyAway(t *testing.T) {
	d := completing(t)
	if d.at() == "review" || !strings.Contains(strings.Join(strings.Fields(d.screen()), " "), "ctrl+r zur Übersicht") {
		t.Fatalf("the completion's first question does not offer the review:\n%s", d.screen())
	}
	d.press("ctrl+r")
	d.expectAt("review")
	if d.m.st.file().Assessment.Check != answers.CheckQuick {
		t.Error("leaving a completion early claims a full check")
	}
	if s := strings.Join(strings.Fields(d.screen()), " "); !strings.Contains(s, "Schnellcheck, wird vervollständigt – noch") || strings.Contains(s, "vollständige Prüfung") {
		t.Errorf("the review claims a full check while questions are open:\n%s", d.screen())
	}
}

// completing is the wizard on the dental practice's quick check, resumed
// to be completed into a full one.
func completing(t *testing.T) *driver {
	t.Helper()
	opt := fixed(t)
	opt.Resume = testkit.Answers(t, catalogue(t), testkit.Example("dental-quick.yaml"))
	opt.Check = answers.CheckFull
	return newDriver(t, opt)
}

// A new question asks the root for the window's size, never the
// terminal: the terminal's answer makes Bubble Tea clear the whole screen
// (ESC[2J) one tick after every question – a flicker on a slow line.
func TestQuestionsDoNotAskTheTerminalForTheSize(t *testing.T) {
	d := atTools(t)
	d.press("space", "enter")
	for strings.HasPrefix(d.at(), "facts") || d.at() == "tools" {
		d.press("enter")
	}
	if d.m.screen.kind() != scrStep {
		t.Fatalf("not on a question: %s", d.at())
	}
	asked := false
	for _, msg := range d.collect(d.m.screen.init()) {
		if reflect.TypeOf(msg) == windowSizeRequest {
			t.Errorf("the question's form asks the terminal for the size")
		}
		if _, ok := msg.(formSize); ok {
			asked = true
		}
	}
	if !asked {
		t.Errorf("the question's form does not ask the root for the size")
	}
	// The root answers from the size it knows.
	_, cmd := d.m.Update(formSize{})
	for _, msg := range d.collect(cmd) {
		if reflect.TypeOf(msg) == windowSizeRequest {
			t.Errorf("the root passes the form's request on to the terminal")
		}
	}
}

// A session resumed with a language asked for on the command line goes
// on in that language (and is saved in it); without one, in its own.
func TestResumeInTheLanguageAskedFor(t *testing.T) {
	f := &answers.File{Lang: "de", Assessment: answers.Assessment{Organisation: "Praxis", Date: catalog.Date{Time: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)}}}
	for _, c := range []struct {
		set  bool
		want catalog.Lang
	}{{true, "en"}, {false, "de"}} {
		opt := fixed(t)
		opt.Catalog, opt.Lang, opt.LangSet, opt.Resume = catalogue(t), "en", c.set, f
		opt.Now = func() time.Time { return time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC) }
		m := New(opt)
		if m.Lang() != c.want || m.st.file().Lang != c.want {
			t.Errorf("--lang given %v: the walk is in %s, the file in %s; want %s", c.set, m.Lang(), m.st.file().Lang, c.want)
		}
	}
}
