package tui

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/x/term"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/i18n"
	"github.com/konform/konform/internal/msg"
	"github.com/konform/konform/internal/safe"
	"github.com/konform/konform/internal/session"
)

// ErrInputEnded is returned when the input ends before the assessment does;
// the answers so far are saved in the session.
var ErrInputEnded = errors.New("input ended")

// InputError is a line of piped input that answers nothing: the walk stops
// there instead of reading the next answers one question off.
type InputError struct {
	Line     int
	Value    string
	Question string
	Hint     string
}

func (e *InputError) Error() string { return e.In("en") }

// In says the error in German ("de") or English; the question and the hint
// are already in the walk's language.
func (e *InputError) In(l string) string {
	return msg.Errorf("line %d: %q does not answer %q (%s); nothing after it was read", e.Line, catalog.Clip(e.Value), e.Question, e.Hint).(*msg.Msg).In(l)
}

// ErrLocked says that the session to continue is open in another konform
// and the user did not want a copy.
var ErrLocked = errors.New("the session is open in another konform")

// Accessible runs the walk as plain sequential prompts for screen readers:
// no colours, no cursor movement, one answer per line, so an assessment can
// also be piped in. It follows the same steps as the wizard.
type Accessible struct {
	piped  bool // the input is not a terminal: echo what is read, stop at a bad line
	line   int  // lines read so far
	opt    Options
	in     *bufio.Scanner
	out    io.Writer
	st     *state
	lang   catalog.Lang
	keeper *session.Keeper
	warned bool // the user has been told that saving fails
	// mu is held while the walk changes the answers – not while it waits
	// for a line – so a signal can save them whole (Interrupt).
	mu   sync.Mutex
	held bool
}

// Interrupt saves the answers as they stand, for a signal that ends the
// program: it waits until the walk waits for input. The walk does not
// go on afterwards.
func (a *Accessible) Interrupt() {
	a.mu.Lock()
	a.held = false // never handed back
	a.save()
}

// NewAccessible prepares an accessible walk.
func NewAccessible(opt Options, in io.Reader, out io.Writer) *Accessible {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64*1024), answers.MaxText*4)
	a := &Accessible{opt: opt, in: sc, out: out, lang: opt.Lang, piped: !isTerminal(in)}
	today := catalog.Date{Time: opt.Now().UTC().Truncate(24 * time.Hour)}
	a.st = newState(opt.Lang, today)
	if opt.SessionDir != "" || opt.ResumePath != "" {
		a.keeper = session.NewKeeper(opt.SessionDir, opt.Now)
	}
	if opt.Resume != nil {
		a.st = fromFile(opt.Resume)
		if opt.LangSet && opt.Lang != "" {
			a.st.lang = opt.Lang // asked for on the command line
		}
		a.lang = a.st.lang
	}
	if opt.Check != "" {
		a.st.setCheck(opt.Check)
	}
	return a
}

// Lang is the walk's language: the one chosen, or the resumed file's.
func (a *Accessible) Lang() catalog.Lang { return a.lang }

// Session is the session file's keeper; nil when no session is kept.
func (a *Accessible) Session() *session.Keeper { return a.keeper }

// SessionPath is where the answers are saved, "" before the first save.
func (a *Accessible) SessionPath() string { return a.keeper.Path() }

func (a *Accessible) t(key string) string { return i18n.T(a.lang, key) }

func (a *Accessible) say(format string, args ...any) {
	fmt.Fprintf(a.out, format+"\n", args...)
}

// ask prints a prompt and reads one line; false at the end of the input.
func (a *Accessible) ask(prompt string) (string, bool) {
	fmt.Fprintf(a.out, "%s: ", prompt)
	if a.held {
		a.mu.Unlock()
		defer a.mu.Lock()
	}
	if !a.in.Scan() {
		fmt.Fprintln(a.out)
		return "", false
	}
	a.line++
	line := strings.TrimSpace(a.in.Text())
	if a.piped {
		// The transcript shows what was read, as if typed.
		fmt.Fprint(a.out, safe.Line(line))
	}
	fmt.Fprintln(a.out)
	return line, true
}

// save writes the session. A failure is said once, and again when it is
// over; the plan and the answers file can still be saved at the end.
func (a *Accessible) save() {
	if a.keeper == nil || a.st.org == "" {
		return
	}
	var changed *session.ChangedError
	switch err := a.keeper.Save(a.st.file(), a.opt.Catalog); {
	case errors.As(err, &changed) && !a.warned:
		// The wizard's keys for this do not exist here: say what this
		// walk offers.
		a.say(a.t("acc.changed"), safe.Line(changed.Path), safe.Line(changed.Path))
		a.warned = true
	case err != nil && !a.warned:
		a.say(a.t("acc.notsaved"), safe.Line(msg.Localize(err, string(a.lang))))
		a.warned = true
	case err == nil && a.warned:
		a.say(a.t("acc.savedagain"), safe.Line(a.keeper.Path()))
		a.warned = false
	}
}

// Run walks through the assessment and saves the plan. It returns the
// paths written.
func (a *Accessible) Run() ([]string, error) {
	a.mu.Lock()
	a.held = true
	defer func() {
		a.held = false
		a.mu.Unlock()
	}()
	cat := a.opt.Catalog
	if a.keeper != nil && a.opt.ResumePath != "" {
		if err := a.keeper.Open(a.opt.ResumePath); err != nil {
			a.say("%s", lockedText(a.lang, a.opt.ResumePath, err))
			if line, ok := a.ask(a.t("acc.copy")); !ok || !yes(line) {
				return nil, ErrLocked
			}
			a.say("%s", a.t("ui.locked.copy"))
		}
	}
	a.say("%s", a.t("ui.welcome.title"))
	a.say("%s", a.t("ui.welcome.text"))
	a.say("%s", a.t("acc.intro"))
	a.say("")
	if a.opt.AskStart && a.opt.Resume == nil && a.opt.ResumePath == "" && (a.opt.Check == "" || len(a.opt.Sessions) > 0) {
		if !a.start() {
			return nil, ErrInputEnded
		}
	}
	all, _ := steps(cat, a.st)
	i := firstOpen(a.st, all)
	for {
		all, p := steps(cat, a.st)
		if i >= len(all)-1 {
			break
		}
		st := all[i]
		var ok, back bool
		switch st.kind {
		case stepAssessment:
			var err error
			ok, err = a.assessment()
			if err != nil {
				a.save()
				return nil, err
			}
		case stepTools:
			ok = a.tools()
		case stepOther:
			ok = a.other(st)
		case stepFacts:
			a.facts(st, p)
			ok = true
		case stepQuestion:
			n, total := 0, 0
			for j, x := range all {
				if x.kind == stepQuestion {
					total++
					if j <= i {
						n++
					}
				}
			}
			var err error
			ok, back, err = a.question(st, n, total, p)
			if err != nil {
				a.save()
				return nil, err
			}
		}
		if !ok {
			a.save()
			a.say("%s", a.t("acc.eof"))
			return nil, ErrInputEnded
		}
		a.save()
		if back {
			i = max(0, i-1)
			continue
		}
		completing := a.st.completing
		next, _ := steps(cat, a.st)
		if completing && !a.st.completing {
			a.save() // the completion asked everything: a full check now
		}
		i = indexAfter(next, st, i)
	}
	return a.finish()
}

// start asks how to begin, as the wizard's start screen does: a quick or
// a full check, or one of the saved sessions – resumed, or a quick check
// completed into a full one.
func (a *Accessible) start() bool {
	type choice struct {
		label, check string
		resume       *session.Info
		complete     bool
	}
	var cs []choice
	if a.opt.Check != answers.CheckFull {
		cs = append(cs, choice{label: a.t("ui.start.quick"), check: answers.CheckQuick})
	}
	if a.opt.Check != answers.CheckQuick {
		cs = append(cs, choice{label: a.t("ui.start.full"), check: answers.CheckFull})
	}
	for i, s := range a.opt.Sessions {
		if s.Err != nil {
			continue
		}
		as := s.File.Assessment
		kind := a.t("ui.check.full")
		if as.Quick() {
			kind = a.t("ui.check.quickshort")
		}
		cs = append(cs, choice{label: fmt.Sprintf("%s %s (%s, %s, %s)", a.t("ui.start.resume"), safe.Line(as.Organisation), as.Date, kind, progressText(a.opt.Catalog, s.File)), resume: &a.opt.Sessions[i]})
		if as.Quick() {
			cs = append(cs, choice{label: fmt.Sprintf("%s: %s (%s)", safe.Line(as.Organisation), a.t("ui.start.complete"), as.Date), resume: &a.opt.Sessions[i], complete: true})
		}
	}
	a.say("%s", a.t("ui.start"))
	for i, c := range cs {
		a.say("%d) %s", i+1, c.label)
	}
	for {
		v, ok := a.ask("[1]")
		if !ok {
			return false
		}
		n := 1
		if strings.TrimSpace(v) != "" {
			var err error
			if n, err = strconv.Atoi(strings.TrimSpace(v)); err != nil || n < 1 || n > len(cs) {
				a.say(a.t("acc.invalid"), len(cs))
				continue
			}
		}
		c := cs[n-1]
		if c.resume == nil {
			a.st.setCheck(c.check)
			return true
		}
		if a.keeper != nil {
			if err := a.keeper.Open(c.resume.Path); err != nil {
				a.say("%s", lockedText(a.lang, c.resume.Path, err))
				continue
			}
		}
		a.st, a.lang, a.opt.ResumePath = fromFile(c.resume.File), c.resume.File.Lang, c.resume.Path
		if c.complete {
			a.st.setCheck(answers.CheckFull)
		}
		return true
	}
}

// indexAfter finds the step after done in the new walk.
func indexAfter(all []step, done step, at int) int {
	for j, s := range all {
		if s.same(done) {
			return j + 1
		}
	}
	return at + 1
}

func (a *Accessible) assessment() (bool, error) {
	for a.st.org == "" {
		v, ok := a.ask(a.t("ui.org"))
		if !ok {
			return false, nil
		}
		if v == "" {
			a.say("%s", a.t("ui.org.required"))
		}
		a.st.org = v
	}
	v, ok := a.ask(a.t("ui.assessor"))
	if !ok {
		return false, nil
	}
	a.st.assessor = v
	v, ok = a.ask(a.t("ui.participants"))
	if !ok {
		return false, nil
	}
	a.st.participants = splitList(v)
	for {
		// An empty line keeps the date in brackets (today, or the session's).
		v, ok = a.ask(fmt.Sprintf("%s [%s]", a.t("ui.date"), a.st.date))
		if !ok {
			return false, nil
		}
		if v == "" {
			return true, nil
		}
		if d, good := assessmentDate(v); good {
			a.st.date = d
			return true, nil
		}
		if a.piped {
			return false, &InputError{Line: a.line, Value: v, Question: a.t("ui.date"), Hint: a.t("ui.date.bad")}
		}
		a.say("%s", a.t("ui.date.bad"))
	}
}

func (a *Accessible) tools() bool {
	cat := a.opt.Catalog
	a.say("%s", a.t("ui.tools"))
	for i, t := range cat.Tools {
		a.say("%d) %s (%s)", i+1, t.Name.In(a.lang), i18n.T(a.lang, "kind."+string(t.Kind)))
	}
	// The tools chosen before (a resumed or completed check) are the
	// suggestion: an empty line keeps them.
	var known []string
	for _, t := range a.st.tools {
		if i := slices.IndexFunc(cat.Tools, func(c *catalog.Tool) bool { return c.ID == t.ID }); i >= 0 && !slices.Contains(known, strconv.Itoa(i+1)) {
			known = append(known, strconv.Itoa(i+1))
		}
	}
	prompt := a.t("acc.toolsprompt")
	if len(known) > 0 {
		prompt += " [" + strings.Join(known, ",") + "]"
	}
	for {
		v, ok := a.ask(prompt)
		if !ok {
			return false
		}
		if strings.TrimSpace(v) == "" && len(known) > 0 {
			return true // the tools as they are, custom ones included
		}
		var ids []string
		bad := false
		for _, part := range splitList(v) {
			n, err := strconv.Atoi(part)
			switch {
			case err == nil && n >= 1 && n <= len(cat.Tools):
				ids = append(ids, cat.Tools[n-1].ID)
			case cat.Tool(part) != nil:
				ids = append(ids, part)
			default:
				bad = true
			}
		}
		if bad || len(ids) == 0 {
			a.say(a.t("acc.invalid"), len(cat.Tools))
			continue
		}
		a.st.setTools(cat, ids)
		return true
	}
}

func (a *Accessible) other(st step) bool {
	t := a.st.tool(st.tool)
	for t.Name == "" {
		v, ok := a.ask(a.t("ui.other.name"))
		if !ok {
			return false
		}
		t.Name = v
	}
	for {
		var opts []string
		for i, k := range catalog.Kinds {
			opts = append(opts, fmt.Sprintf("%d) %s", i+1, i18n.T(a.lang, "kind."+string(k))))
		}
		a.say("%s: %s", a.t("ui.other.kind"), strings.Join(opts, " "))
		v, ok := a.ask(a.t("acc.choose"))
		if !ok {
			return false
		}
		k := catalog.Kind(v)
		if n, err := strconv.Atoi(v); err == nil && n >= 1 && n <= len(catalog.Kinds) {
			k = catalog.Kinds[n-1]
		}
		if !k.Valid() {
			a.say(a.t("acc.invalid"), len(catalog.Kinds))
			continue
		}
		t.Kind = k
		break
	}
	// The facts the user knows; 0 or an empty line leaves a fact out.
	for _, d := range a.opt.Catalog.FactsShown("custom") {
		id := d.ID
		a.say("%s", d.Title.In(a.lang))
		a.say("0) %s", a.t("ui.other.notknown"))
		for j, o := range d.Values {
			a.say("%d) %s", j+1, o.Label.In(a.lang))
		}
		for {
			v, ok := a.ask(a.t("acc.choose"))
			if !ok {
				return false
			}
			n, err := strconv.Atoi(v)
			if v == "" || err == nil && n == 0 {
				delete(t.Facts, id)
				break
			}
			if err == nil && n >= 1 && n <= len(d.Values) {
				t.Facts[id] = answers.Value{Items: []string{d.Values[n-1].ID}}
				break
			}
			a.say(a.t("acc.invalid"), len(d.Values))
		}
	}
	return true
}

// facts reads out what the catalogue knows about the tool.
func (a *Accessible) facts(st step, p *assess.Plan) {
	for _, t := range p.Tools {
		if t.Key != st.tool {
			continue
		}
		a.say("%s – %s:", a.t("acc.facts"), t.Name.In(a.lang))
		for _, f := range t.Facts {
			stale := ""
			if f.Stale {
				stale = ", " + a.t("plan.stale")
			}
			a.say("- %s: %s (%s %s%s)", f.Def.Title.In(a.lang), factValue(f, a.lang), a.t("plan.asof"), f.Fact.AsOf, stale)
		}
		a.say("%s", a.t("ui.facts.intro"))
		a.say("")
	}
}

// question asks one question; back is true when the user asked to go back.
func (a *Accessible) question(st step, i, total int, p *assess.Plan) (ok, back bool, err error) {
	q := st.q
	vals, notes := a.st.scope(st.tool)
	owner := a.t("org.name")
	if t := a.st.tool(st.tool); t != nil {
		owner = t.Name
		if owner == "" {
			owner = a.opt.Catalog.Tool(t.ID).Name.In(a.lang)
		}
	}
	a.say("%s – %s › %s", fmt.Sprintf(a.t("acc.question"), i, total), owner, a.opt.Catalog.Area(q.Area).Title.In(a.lang))
	a.say("%s", q.Title.In(a.lang))
	line, detail := shownFact(a.lang, p, st.tool, q)
	if line != "" {
		a.say("%s", line)
	}
	for j, o := range q.Options {
		a.say("%d) %s", j+1, o.Label.In(a.lang))
	}
	cur := vals[q.ID].Items
	prompt := a.t("acc.choose")
	if q.Type == catalog.MultiChoice {
		prompt = a.t("acc.multi")
	}
	// An empty line takes the answer given before, else the catalogue's
	// suggestion, else (single choice) "unknown" – shown in brackets.
	if len(cur) == 0 && q.Type != catalog.MultiChoice && q.Type != catalog.FreeText {
		if v := suggestion(p, st.tool, q); v != "" {
			cur = []string{v}
		} else if _, ok := q.Option(catalog.Unknown); ok {
			cur = []string{catalog.Unknown}
		}
	}
	if len(cur) > 0 && q.Type != catalog.FreeText {
		prompt += " [" + strings.Join(a.numbers(q, cur), ",") + "]"
	}
	for {
		v, more := a.ask(prompt)
		if !more {
			return false, false, nil
		}
		switch {
		case v == "?":
			a.say("%s: %s", a.t("ui.why"), q.Help.In(a.lang))
			if detail != "" {
				a.say("%s", detail)
			}
			continue
		case v == "<":
			return true, true, nil
		case strings.HasPrefix(v, "!"):
			if n := strings.TrimSpace(v[1:]); n != "" {
				notes[q.ID] = n
			} else {
				delete(notes, q.ID)
			}
			// On disk before it is said to be saved.
			a.save()
			if a.keeper == nil || a.keeper.Err() == nil {
				a.say("%s", a.t("acc.notesaved"))
			}
			continue
		case v == "" && len(cur) > 0:
			vals[q.ID] = answers.Value{Items: cur}
			return true, false, nil
		}
		if q.Type == catalog.FreeText {
			if v != "" {
				vals[q.ID] = answers.Value{Items: []string{v}}
			}
			return true, false, nil
		}
		var chosen []string
		good := true
		for _, part := range splitList(v) {
			n, err := strconv.Atoi(part)
			switch {
			case err == nil && n >= 1 && n <= len(q.Options):
				chosen = append(chosen, q.Options[n-1].ID)
			case func() bool { _, ok := q.Option(part); return ok }():
				chosen = append(chosen, part)
			default:
				good = false
			}
		}
		if !good || len(chosen) == 0 || q.Type != catalog.MultiChoice && len(chosen) > 1 {
			if a.piped {
				hint := a.t("acc.invalid.hint")
				if q.Type == catalog.MultiChoice {
					hint = a.t("acc.invalid.hint.multi")
				}
				return false, false, &InputError{Line: a.line, Value: v, Question: q.Title.In(a.lang), Hint: fmt.Sprintf(hint, len(q.Options))}
			}
			a.say(a.t("acc.invalid"), len(q.Options))
			continue
		}
		vals[q.ID] = answers.Value{Items: chosen}
		return true, false, nil
	}
}

func (a *Accessible) numbers(q *catalog.Question, ids []string) []string {
	var out []string
	for _, id := range ids {
		for j, o := range q.Options {
			if o.ID == id {
				out = append(out, strconv.Itoa(j+1))
			}
		}
	}
	return out
}

// finish shows the result and saves the plan.
func (a *Accessible) finish() ([]string, error) {
	cat := a.opt.Catalog
	_, p := steps(cat, a.st)
	a.say("%s:", a.t("acc.summary"))
	for _, t := range p.Tools {
		a.say("- %s: %s", t.Name.In(a.lang), i18n.T(a.lang, "light."+string(t.Light)))
	}
	a.say("- %s: %s", a.t("plan.orgrow"), i18n.T(a.lang, "light."+string(p.OrgLight())))
	m := &Model{opt: a.opt, st: a.st}
	path, ok := a.ask(fmt.Sprintf("%s [%s]", a.t("ui.save.path"), m.defaultPlanPath()))
	if !ok {
		return nil, ErrInputEnded
	}
	if path == "" {
		path = m.defaultPlanPath()
	}
	path = m.expand(path)
	var extras []string
	if v, ok := a.ask(a.t("acc.extras")); !ok {
		return nil, ErrInputEnded
	} else if yes(v) {
		extras = []string{"json", "answers", "drafts"}
	}
	mode := writeNew
	for {
		saved, existing, err := writePlanFiles(cat, a.st, p, a.lang, path, extras, mode)
		switch {
		case len(existing) > 0:
			a.say("%s", a.t("ui.save.exists"))
			for _, e := range existing {
				a.say("  - %s", safe.Line(e))
			}
			drafts := draftsAmong(existing, path)
			question := a.t("acc.overwrite")
			if drafts {
				question = a.t("acc.overwrite.keep")
			}
			v, ok := a.ask(question)
			if !ok {
				return nil, ErrInputEnded
			}
			if k := strings.ToLower(strings.TrimSpace(v)); drafts && (k == "e" || k == "k") {
				mode = keepDrafts
				continue
			}
			if !yes(v) {
				np, ok := a.ask(a.t("ui.save.path"))
				if !ok {
					return nil, ErrInputEnded
				}
				path = m.expand(np)
				continue
			}
			mode = replaceAll
		case err != nil:
			a.say("%s: %v", a.t("ui.save.error"), err)
			np, ok := a.ask(a.t("ui.save.path"))
			if !ok {
				return nil, ErrInputEnded
			}
			path = m.expand(np)
		default:
			a.say("%s", a.t("ui.done"))
			for _, s := range saved {
				a.say("  %s", s)
			}
			return saved, nil
		}
	}
}

func yes(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "j", "ja", "y", "yes":
		return true
	}
	return false
}

func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}
