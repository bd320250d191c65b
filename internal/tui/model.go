package tui

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/fsutil"
	"github.com/konform/konform/internal/i18n"
	"github.com/konform/konform/internal/msg"
	"github.com/konform/konform/internal/safe"
	"github.com/konform/konform/internal/session"
)

// Minimum terminal size; below it the wizard asks for a larger window.
const (
	MinWidth  = 60
	MinHeight = 18
)

// screen is the kind of page shown: the header and the tests tell them apart
// by it; every step of the walk is scrStep.
type screen int

const (
	scrWelcome screen = iota
	scrStart
	scrStep
	scrPreview
	scrCompare    // the chosen tools side by side, from the tool choice
	scrActions    // the plan's actions, to record their progress
	scrActionEdit // one action's status, owner, due date, reason
	scrSave
	scrConfirmOverwrite
	scrDone
	scrSaveSession // the session to another place, after a save failed (ctrl+s)
	scrLocked      // the session chosen is open in another konform
)

// Options configure a wizard.
type Options struct {
	Catalog    *catalog.Catalog
	Lang       catalog.Lang
	SessionDir string
	Sessions   []session.Info // recent sessions for the welcome screen
	Resume     *answers.File  // continue this session
	ResumePath string
	Now        func() time.Time
	WorkDir    string // where plans are saved by default
	// HomeDir expands ~ in save paths.
	HomeDir string
	// Check is the kind of check from the command line: answers.CheckQuick
	// or answers.CheckFull, "" to ask on the start screen. A resumed quick
	// check with CheckFull is completed into a full one.
	Check string
	// LangSet: Lang was asked for on the command line – a resumed session
	// goes on in it instead of its own language.
	LangSet bool
	// AskStart: the accessible walk asks how to start – quick or full, or
	// a saved session to resume – as the full-screen wizard does. Off for
	// piped input, whose lines start with the organisation.
	AskStart bool
}

// Model is the wizard's root model: the only writer of the answers and the
// session. It holds the state, the steps, the plan, the session keeper, the
// window size and the screen shown; each screen owns its view and tells
// the root what the user did with a message (see messages.go).
type Model struct {
	opt   Options
	cat   *catalog.Catalog
	st    *state
	lang  catalog.Lang
	width int
	high  int
	dark  bool

	screen      page
	all         []step
	plan        *assess.Plan
	cur         int
	toReview    bool        // return to the review after answering
	review      *reviewPage // the review a change began on: shown again, cursor and all
	toolsBefore []string    // keys of the tools chosen when a jump from the review began
	// bar is the progress shown; it only moves forward while the user
	// does (see goTo). typical is the steps two typical tools take.
	bar     float64
	typical int

	keeper *session.Keeper
	// target is where the plan is saved and with which files, kept from
	// one visit of the save screen to the next.
	target save
	keys   globalKeys

	quitAsk  bool
	ExitCode int
}

// page is one screen of the wizard. It reads the root, never writes it:
// update returns what the user did as a message for the root (or nil).
type page interface {
	kind() screen
	init() tea.Cmd // the start of the screen's form, nil without one
	update(r *Model, msg tea.Msg) (tea.Cmd, tea.Msg)
	view(r *Model) string
	bindings(r *Model) []key.Binding
}

// resizer is a screen that measures itself again for a new window size.
type resizer interface{ resize(r *Model) tea.Cmd }

// modal is a screen that takes every key but ctrl+c for now (a note being
// written), before the root's own keys.
type modal interface{ modal() bool }

// keysInText is a screen whose text lists its keys: it has no footer.
type keysInText interface{ keysInText() }

// noticer is a screen that shows a message from the root.
type noticer interface{ notice(string) }

// New makes a wizard.
func New(opt Options) *Model {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	// The drafts are ticked on the save screen: most plans ask for them.
	m := &Model{opt: opt, cat: opt.Catalog, lang: opt.Lang, width: 80, high: 24, dark: true,
		target: save{extras: []string{"drafts"}}, keys: newGlobalKeys()}
	if opt.SessionDir != "" || opt.ResumePath != "" {
		m.keeper = session.NewKeeper(opt.SessionDir, opt.Now)
	}
	today := catalog.Date{Time: opt.Now().UTC().Truncate(24 * time.Hour)}
	m.st = newState(m.lang, today)
	if opt.Resume != nil {
		m.resume(opt.Resume, opt.ResumePath)
		return m
	}
	m.screen = newWelcome(m)
	return m
}

func (m *Model) t(key string) string { return i18n.T(m.lang, key) }

// show makes p the screen and starts its form.
func (m *Model) show(p page) tea.Cmd {
	m.screen = p
	return p.init()
}

// resume continues the session f read from path; when another konform has
// it open, it asks whether to continue in a copy.
func (m *Model) resume(f *answers.File, path string) {
	if m.keeper != nil && path != "" {
		if err := m.keeper.Open(path); err != nil {
			m.lang = f.Lang
			m.screen = newLocked(m.lang, f, lockedText(m.lang, path, err))
			return
		}
	}
	m.continueWith(f)
}

// lockedText says that the session at path could not be opened, in lang.
func lockedText(lang catalog.Lang, path string, err error) string {
	var le *session.LockedError
	switch {
	case errors.Is(err, fs.ErrPermission):
		// Not another window: the folder takes no lock file.
		return safe.Line(fmt.Sprintf(i18n.T(lang, "ui.locked.perm"), path))
	case !errors.As(err, &le):
		return safe.Line(fmt.Sprintf("%s: %s", path, msg.Localize(err, string(lang))))
	}
	who := ""
	if le.PID > 0 {
		who = fmt.Sprintf(i18n.T(lang, "ui.locked.pid"), le.PID)
	}
	return safe.Line(fmt.Sprintf(i18n.T(lang, "ui.locked"), path, who))
}

// continueWith walks on from the answers of f.
func (m *Model) continueWith(f *answers.File) {
	m.st = fromFile(f)
	if m.opt.Check != "" {
		m.st.setCheck(m.opt.Check)
	}
	// A language asked for on the command line goes on in it; otherwise
	// the session's own.
	if m.opt.LangSet && m.opt.Lang != "" {
		m.st.lang = m.opt.Lang
	}
	m.lang = m.st.lang
	m.refresh()
	m.goTo(firstOpen(m.st, m.all))
}

// completeCheck turns a quick check into a full one and goes to the first
// question it has not asked yet.
func (m *Model) completeCheck() {
	if m.screen.kind() == scrLocked {
		m.opt.Check = answers.CheckFull // applied when the copy goes on
		return
	}
	m.st.setCheck(answers.CheckFull)
	m.typical = 0
	m.refresh()
	m.autosave()
	m.goTo(firstOpen(m.st, m.all))
}

// Init asks the terminal for its background colour, which picks the palette.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, m.screen.init())
}

// progress is how far the walk is at the current step: the steps done of
// the steps there will be. Before the tools are chosen, their questions are
// estimated from a typical messenger and video tool in this context – two
// tools, as the welcome screen's time estimate says.
func (m *Model) progress() float64 {
	return float64(m.cur+1) / float64(m.expected())
}

// expected is the number of steps the walk will have, estimated while no
// tool is chosen.
func (m *Model) expected() int {
	if len(m.st.tools) > 0 {
		return len(m.all)
	}
	if m.typical == 0 {
		// The organisation's answers so far, with two typical tools.
		trial := newState(m.st.lang, m.st.date)
		trial.org, trial.ctx, trial.quick = m.st.org, m.st.ctx, m.st.quick
		trial.setTools(m.cat, []string{"whatsapp-business-app", "zoom"})
		with, _ := steps(m.cat, trial)
		m.typical = max(1, len(with)-len(m.all))
	}
	return len(m.all) + m.typical
}

// refresh recomputes the walk from the answers.
func (m *Model) refresh() {
	completing := m.st.completing
	m.all, m.plan = steps(m.cat, m.st)
	if completing && !m.st.completing {
		m.autosave() // the completion asked everything: a full check now
	}
	if len(m.st.tools) == 0 {
		m.typical = 0 // the organisation's answers change the estimate
	}
}

// goTo shows step i of the walk.
func (m *Model) goTo(i int) {
	forward := i >= m.cur
	m.cur = max(0, min(i, len(m.all)-1))
	if f := m.progress(); forward {
		m.bar = max(m.bar, f)
	} else {
		m.bar = f
	}
	m.screen = m.stepPage()
}

// stepPage is the screen of the current step.
func (m *Model) stepPage() page {
	st := m.all[m.cur]
	switch st.kind {
	case stepAssessment:
		return newAssessment(m)
	case stepTools:
		return newTools(m)
	case stepOther:
		return newCustomTool(m, st)
	case stepFacts:
		return newFactSheet(m, st)
	case stepReview:
		if p := m.review; p != nil {
			m.review = nil
			return p
		}
		return newReview(m)
	}
	return newQuestion(m, st)
}

// step is the current step of the walk.
func (m *Model) step() step { return m.all[m.cur] }

// advance moves past the step just completed; the walk may have changed.
func (m *Model) advance(done step, at int) {
	completing := m.st.completing
	m.refresh()
	idx := at
	for i, s := range m.all {
		if s.same(done) {
			idx = i
			break
		}
	}
	// Back to the review after a change made from it – unless the change
	// added a tool, whose questions come next.
	added := ""
	for _, t := range m.st.tools {
		if added == "" && !slices.Contains(m.toolsBefore, t.Key()) {
			added = t.Key()
		}
	}
	if m.toReview && (done.kind != stepTools || added == "") {
		m.toReview = false
		m.goTo(len(m.all) - 1)
		return
	}
	if m.toReview && done.kind == stepTools {
		// A tool added from the review: on to its first step.
		m.toReview, m.review = false, nil
		if i := slices.IndexFunc(m.all, func(s step) bool { return s.tool == added }); i >= 0 {
			m.goTo(i)
			return
		}
	}
	m.toReview = false
	if completing {
		// Completing a quick check asks only what is still open: the
		// answered questions and the fact sheets seen are not shown again.
		m.goTo(nextOpen(m.st, m.all, idx+1))
		return
	}
	m.goTo(idx + 1)
}

// back goes to the previous step, across tools.
func (m *Model) back() {
	switch m.screen.kind() {
	case scrStart:
		m.screen = newWelcome(m)
	case scrPreview:
		m.goTo(len(m.all) - 1)
	case scrSave, scrConfirmOverwrite:
		m.openPreview()
	case scrStep:
		if m.toReview {
			// A change begun from the review: back there, unchanged.
			m.toReview = false
			m.goTo(len(m.all) - 1)
			return
		}
		if m.cur == 0 {
			m.screen = newWelcome(m)
			return
		}
		m.goTo(m.cur - 1)
	}
}

// autosave writes the session after every completed step. A failure stays
// on screen until a save succeeds (see fit).
func (m *Model) autosave() {
	if m.keeper == nil || m.st.org == "" {
		return
	}
	_ = m.keeper.Save(m.st.file(), m.cat)
}

// SaveNow saves the session, for signals and quitting.
func (m *Model) SaveNow() { m.autosave() }

// Session is the session file's keeper; nil when no session is kept.
func (m *Model) Session() *session.Keeper { return m.keeper }

// SessionPath is where the session is saved, "" before the first save.
func (m *Model) SessionPath() string { return m.keeper.Path() }

// unsaved reports whether there are answers that are not in a file.
func (m *Model) unsaved() bool { return m.keeper != nil && m.st.org != "" && !m.keeper.Saved() }

// Close lets go of the session for other konform windows.
func (m *Model) Close() { m.keeper.Close() }

// Update handles a message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		// huh asks for the size whenever a form starts: the same size again
		// changes nothing (a question rebuilt for it would start a form that
		// asks again, for ever, and lose the cursor).
		var cmd tea.Cmd
		if msg.Width != m.width || msg.Height != m.high {
			m.width, m.high = msg.Width, msg.Height
			if r, ok := m.screen.(resizer); ok {
				cmd = r.resize(m)
			}
		}
		return m, tea.Batch(cmd, m.pass(msg))
	case formSize:
		// A form asked for the size. Every form is prepared with the size
		// known (see prepare): nothing to tell it – asking the terminal
		// would clear the whole screen. Before the first size, the
		// terminal is asked once.
		if m.width == 0 {
			return m, tea.RequestWindowSize
		}
		return m, nil
	case tea.BackgroundColorMsg:
		m.dark = msg.IsDark()
		return m, m.pass(msg)
	case SaveAndQuitMsg:
		m.autosave()
		m.ExitCode = 130
		return m, tea.Quit
	case tea.KeyPressMsg:
		return m, m.key(msg)
	}
	// huh finishes a form on its own messages, after the key press; the
	// screens' messages may also come as commands.
	if cmd, ok := m.apply(msg); ok {
		return m, cmd
	}
	return m, m.pass(msg)
}

// pass gives msg to the screen and acts on what the screen reports.
func (m *Model) pass(msg tea.Msg) tea.Cmd {
	cmd, done := m.screen.update(m, msg)
	if done == nil {
		return cmd
	}
	next, _ := m.apply(done)
	return tea.Batch(cmd, next)
}

// SaveAndQuitMsg asks the wizard to save and stop (SIGTERM, SIGHUP).
type SaveAndQuitMsg struct{}

func (m *Model) tooSmall() bool { return m.width < MinWidth || m.high < MinHeight }

// key handles the root's keys – quitting, the session's keys, the review
// while completing a check – and gives the rest to the screen.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	if m.quitAsk {
		switch {
		case key.Matches(msg, k.yes):
			m.autosave()
			m.ExitCode = 130
			return tea.Quit
		case key.Matches(msg, k.no):
			m.quitAsk = false
		}
		return nil
	}
	if key.Matches(msg, k.quit) {
		if m.screen.kind() == scrDone {
			return tea.Quit
		}
		m.quitAsk = true
		return nil
	}
	if m.tooSmall() {
		return nil
	}
	if p, ok := m.screen.(modal); ok && p.modal() {
		return m.pass(msg)
	}
	if key.Matches(msg, k.review) && m.screen.kind() == scrStep && m.st.completing {
		// Completing a quick check: the review (and saving) is one key
		// away; what stays open is listed there and in the plan.
		m.goTo(len(m.all) - 1)
		return m.screen.init()
	}
	var changed *session.ChangedError
	if key.Matches(msg, k.overwrite) && errors.As(m.keeper.Err(), &changed) {
		// The file was changed outside konform: the user keeps the
		// wizard's answers and writes them over the change.
		m.keeper.Overwrite()
		m.autosave()
		return nil
	}
	if key.Matches(msg, k.reload) && errors.As(m.keeper.Err(), &changed) {
		// The file was changed outside konform: the user takes the
		// change and goes on from it, at the first question it leaves
		// open.
		f, err := m.keeper.Reload(m.cat)
		if err != nil {
			if n, ok := m.screen.(noticer); ok {
				n.notice(m.errText(err))
			}
			return nil
		}
		m.continueWith(f)
		return m.screen.init()
	}
	if key.Matches(msg, k.saveAs) && m.keeper != nil && m.st.org != "" && m.screen.kind() != scrSaveSession && m.screen.kind() != scrLocked {
		return m.show(newSessionSave(m, m.screen, m.defaultSessionPath(), ""))
	}
	return m.pass(msg)
}

// apply stores what a screen reports and picks the next screen; ok is
// false for a message that is not a screen's.
func (m *Model) apply(msg tea.Msg) (cmd tea.Cmd, ok bool) {
	switch msg := msg.(type) {
	case langChosen:
		m.lang = msg.lang
		m.st.lang = m.lang
		if len(m.opt.Sessions) == 0 && m.opt.Check != "" {
			m.st.setCheck(m.opt.Check)
			m.refresh()
			m.goTo(0)
			break
		}
		m.screen = newStart(m, "")
	case checkChosen:
		m.st.setCheck(msg.check)
		m.typical = 0
		m.refresh()
		m.goTo(0)
	case resumeChosen:
		for _, s := range m.opt.Sessions {
			if s.Path == msg.path && s.File != nil {
				m.resume(s.File, s.Path)
				if msg.complete {
					m.completeCheck()
				}
				break
			}
		}
	case assessed:
		m.st.org, m.st.assessor, m.st.participants = msg.org, msg.assessor, msg.participants
		if !msg.date.IsZero() {
			m.st.date = msg.date
		}
		m.stepDone()
	case toolsChosen:
		m.st.setTools(m.cat, msg.ids)
		m.stepDone()
	case toolsKept:
		if !m.toReview {
			m.st.setTools(m.cat, msg.ids)
			m.refresh()
			m.autosave()
		}
		m.back()
	case customTool:
		t := m.st.tool(msg.tool)
		t.Name, t.Kind = msg.name, msg.kind
		for id, v := range msg.facts {
			if v == "" {
				delete(t.Facts, id)
			} else {
				t.Facts[id] = answers.Value{Items: []string{v}}
			}
		}
		m.stepDone()
	case factsSeen:
		m.advance(m.step(), m.cur)
	case answered:
		vals, _ := m.st.scope(msg.tool)
		if len(msg.value) == 0 {
			delete(vals, msg.q.ID)
		} else {
			vals[msg.q.ID] = answers.Value{Items: msg.value}
		}
		m.stepDone()
	case noted:
		_, notes := m.st.scope(msg.tool)
		if msg.note == "" {
			delete(notes, msg.q.ID)
		} else {
			notes[msg.q.ID] = msg.note
		}
		m.autosave()
		return nil, true // the question stays
	case back:
		switch p := m.screen.(type) {
		case *comparePage:
			m.screen = p.from // the tool list as it was
			return nil, true
		case *actionsPage:
			m.openPreview()
		case *sessionPage:
			m.leaveSessionSave(p.from)
		case *lockedPage:
			m.screen = newWelcome(m)
		case *overwritePage:
			m.openSave("") // another name
		default:
			m.back()
		}
	case openCompare:
		c, err := assess.Compare(m.cat, msg.ids, m.st.file(), m.lang, m.st.date)
		if err != nil {
			m.screen.(noticer).notice(m.errText(err))
			return nil, true
		}
		m.screen = newCompare(m, c, m.screen)
		return nil, true
	case changeAnswer:
		for i, s := range m.all {
			if s.same(msg.step) {
				m.toReview = true
				m.review, _ = m.screen.(*reviewPage)
				m.toolsBefore = nil
				for _, t := range m.st.tools {
					m.toolsBefore = append(m.toolsBefore, t.Key())
				}
				m.goTo(i)
				break
			}
		}
	case completeCheck:
		m.completeCheck()
	case openPreview:
		m.openPreview()
	case openActions:
		m.refresh()
		m.screen = newActions(m)
	case openSave:
		m.openSave("")
	case actionRecorded:
		if m.st.actions == nil {
			m.st.actions = map[string]answers.ActionState{}
		}
		if msg.state == (answers.ActionState{}) {
			delete(m.st.actions, msg.id)
		} else {
			m.st.actions[msg.id] = msg.state
		}
		m.autosave()
		m.refresh()
		return nil, true // the list shows the record
	case save:
		m.target = msg
		m.writeFiles(writeNew)
	case overwrite:
		m.writeFiles(msg.mode)
	case saveSession:
		from := m.screen.(*sessionPage).from
		if err := m.keeper.SaveAs(m.expand(msg.path), m.st.file(), m.cat); err != nil {
			m.screen = newSessionSave(m, from, msg.path, m.errText(fsutil.Reason(err)))
			break
		}
		m.leaveSessionSave(from)
	case openCopy:
		// A copy: the answers go to a new session file on the next save.
		f := m.screen.(*lockedPage).file
		m.continueWith(f)
		if p, ok := m.screen.(noticer); ok {
			p.notice(m.t("ui.locked.copy"))
		}
	default:
		return nil, false
	}
	return m.screen.init(), true
}

// stepDone saves the answers of the step just completed and moves on.
func (m *Model) stepDone() {
	m.autosave()
	m.advance(m.step(), m.cur)
}

func (m *Model) formWidth() int { return max(20, min(m.width-4, 96)) }
