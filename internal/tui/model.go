package tui

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
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

// screen is what the wizard shows outside the step list.
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
	// AskStart: the accessible walk asks how to start – quick or full, or
	// a saved session to resume – as the full-screen wizard does. Off for
	// piped input, whose lines start with the organisation.
	AskStart bool
}

// Model is the wizard's root model.
type Model struct {
	opt   Options
	cat   *catalog.Catalog
	st    *state
	lang  catalog.Lang
	width int
	high  int
	dark  bool

	screen      screen
	all         []step
	plan        *assess.Plan
	cur         int
	toReview    bool     // return to the review after answering
	toolsBefore []string // keys of the tools chosen when a jump from the review began

	form     *huh.Form
	formFor  string // what the form asks, for completion handling
	toolList *huh.MultiSelect[string]
	hidden   int // options of the current question below the window's room
	// factsShown is the fact sheet in the preview viewport, which scrolls
	// it on the facts step.
	factsShown string
	// bar is the progress shown; it only moves forward while the user
	// does (see goTo). typical is the steps two typical tools take.
	bar      float64
	typical  int
	filtered bool // the tool list has been filtered since it was built
	val      string
	multi    []string
	inputs   [4]string
	touched  bool               // a key was pressed on this step: validation hints may show
	facts    map[string]*string // facts of the custom tool being entered
	showHelp bool
	noting   bool
	noteForm *huh.Form
	noteVal  string

	reviewCur int
	actCur    int    // the chosen action on the actions screen
	editing   string // the id of the action being edited
	preview   viewport.Model
	compared  []string // the comparison's lines, drawn with frozen panes

	keeper     *session.Keeper
	sessionErr string // why saving the session elsewhere failed
	returnTo   screen // where ctrl+s came from
	locked     *answers.File
	lockedErr  string
	saveErr    string
	savePath   string
	existing   []string // the files an overwrite needs confirming for
	saveExtras []string
	saved      []string
	message    string

	quitAsk  bool
	ExitCode int
}

// New makes a wizard.
func New(opt Options) *Model {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	// The drafts are ticked on the save screen: most plans ask for them.
	m := &Model{opt: opt, cat: opt.Catalog, lang: opt.Lang, width: 80, high: 24, dark: true, saveExtras: []string{"drafts"}}
	if opt.SessionDir != "" || opt.ResumePath != "" {
		m.keeper = session.NewKeeper(opt.SessionDir, opt.Now)
	}
	today := catalog.Date{Time: opt.Now().UTC().Truncate(24 * time.Hour)}
	m.st = newState(m.lang, today)
	if opt.Resume != nil {
		m.resume(opt.Resume, opt.ResumePath)
		return m
	}
	m.screen = scrWelcome
	m.buildWelcome()
	return m
}

func (m *Model) t(key string) string { return i18n.T(m.lang, key) }

// resume continues the session f read from path; when another konform has
// it open, it asks whether to continue in a copy.
func (m *Model) resume(f *answers.File, path string) {
	if m.keeper != nil && path != "" {
		if err := m.keeper.Open(path); err != nil {
			m.locked, m.lockedErr = f, lockedText(m.lang, path, err)
			m.lang = f.Lang
			m.screen = scrLocked
			m.form = nil
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
	m.lang = f.Lang
	m.refresh()
	m.screen = scrStep
	m.goTo(firstOpen(m.st, m.all))
}

// completeCheck turns a quick check into a full one and goes to the first
// question it has not asked yet.
func (m *Model) completeCheck() {
	if m.screen == scrLocked {
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
	cmds := []tea.Cmd{tea.RequestBackgroundColor}
	if m.form != nil {
		cmds = append(cmds, m.form.Init())
	}
	return tea.Batch(cmds...)
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
	m.screen = scrStep
	m.showHelp = false
	m.message = ""
	m.buildStepForm()
}

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
		m.toReview = false
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
	switch m.screen {
	case scrStart:
		m.screen = scrWelcome
		m.buildWelcome()
		return
	case scrPreview:
		m.goTo(len(m.all) - 1)
		return
	case scrSave, scrConfirmOverwrite:
		m.openPreview()
		return
	case scrStep:
		if m.toReview {
			// A change begun from the review: back there, unchanged.
			m.toReview = false
			m.goTo(len(m.all) - 1)
			return
		}
		if m.all[m.cur].kind == stepTools {
			// The ticks so far are kept for coming forward again.
			m.st.setTools(m.cat, m.multi)
			m.refresh()
			m.autosave()
		}
		if m.cur == 0 {
			m.screen = scrWelcome
			m.buildWelcome()
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
		if msg.Width == m.width && msg.Height == m.high {
			return m, m.passToForm(msg)
		}
		m.width, m.high = msg.Width, msg.Height
		m.preview.SetWidth(msg.Width)
		m.preview.SetHeight(max(1, msg.Height-6))
		switch m.screen {
		case scrPreview:
			m.renderPreview()
		case scrCompare:
			m.openCompare()
		case scrStep:
			// A question is measured again for the new size (how many
			// options fit, whether "more" shows); what is chosen or typed
			// so far stays.
			if st := m.all[m.cur]; st.kind == stepQuestion && m.form != nil && !m.noting {
				m.buildQuestion(st, true)
				return m, tea.Batch(m.form.Init(), m.passToForm(msg))
			}
		}
		return m, m.passToForm(msg)
	case tea.BackgroundColorMsg:
		m.dark = msg.IsDark()
		return m, m.passToForm(msg)
	case SaveAndQuitMsg:
		m.autosave()
		m.ExitCode = 130
		return m, tea.Quit
	case tea.KeyPressMsg:
		return m.key(msg)
	}
	// huh finishes a form on its own messages, after the key press.
	cmd := m.passToForm(msg)
	if m.noting {
		return m, tea.Batch(cmd, m.checkNote())
	}
	return m, tea.Batch(cmd, m.checkForm())
}

// SaveAndQuitMsg asks the wizard to save and stop (SIGTERM, SIGHUP).
type SaveAndQuitMsg struct{}

func (m *Model) tooSmall() bool { return m.width < MinWidth || m.high < MinHeight }

func (m *Model) key(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := msg.String()
	if m.quitAsk {
		switch k {
		case "y", "j", "Y", "J":
			m.autosave()
			m.ExitCode = 130
			return m, tea.Quit
		case "n", "N", "esc", "ctrl+c":
			m.quitAsk = false
		}
		return m, nil
	}
	if k == "ctrl+c" {
		if m.screen == scrDone {
			return m, tea.Quit
		}
		m.quitAsk = true
		return m, nil
	}
	if m.tooSmall() {
		return m, nil
	}
	if m.noting {
		return m.noteKey(msg)
	}
	if k == "ctrl+r" && m.screen == scrStep && m.st.completing && !m.noting {
		// Completing a quick check: the review (and saving) is one key
		// away; what stays open is listed there and in the plan.
		m.goTo(len(m.all) - 1)
		return m, m.initForm()
	}
	var changed *session.ChangedError
	if k == "ctrl+w" && errors.As(m.keeper.Err(), &changed) {
		// The file was changed outside konform: the user keeps the
		// wizard's answers and writes them over the change.
		m.keeper.Overwrite()
		m.autosave()
		return m, nil
	}
	if k == "ctrl+s" && m.keeper != nil && m.st.org != "" && m.screen != scrSaveSession && m.screen != scrLocked {
		m.buildSaveSession()
		return m, m.form.Init()
	}
	switch m.screen {
	case scrLocked:
		switch k {
		case "y", "j", "Y", "J":
			// A copy: the answers go to a new session file on the next save.
			f := m.locked
			m.locked = nil
			m.continueWith(f)
			m.message = m.t("ui.locked.copy")
			return m, m.initForm()
		case "n", "N", "esc":
			m.locked = nil
			m.screen = scrWelcome
			m.buildWelcome()
			return m, m.initForm()
		}
		return m, nil
	case scrSaveSession:
		if k == "esc" {
			m.leaveSaveSession()
			return m, m.initForm()
		}
	case scrConfirmOverwrite:
		switch k {
		case "y", "j", "Y", "J":
			m.writeFiles(replaceAll)
		case "e", "k", "E", "K":
			if draftsAmong(m.existing, m.savePath) {
				m.writeFiles(keepDrafts)
			}
		case "n", "N", "esc":
			m.buildSave()
			return m, m.form.Init()
		}
		return m, nil
	case scrDone:
		if k == "enter" || k == "q" || k == "esc" {
			return m, tea.Quit
		}
		return m, nil
	case scrActions:
		return m.actionsKey(k)
	case scrActionEdit:
		if k == "esc" {
			m.openActions()
			return m, nil
		}
	case scrCompare:
		switch k {
		case "esc", "shift+tab", "ctrl+k", "q", "enter":
			// Leaving resets the view: the next fact sheet or preview opens
			// at its start, not scrolled sideways as the comparison was.
			m.preview.SetXOffset(0)
			m.preview.SetHorizontalStep(0)
			m.preview.GotoTop()
			m.screen = scrStep
			return m, nil
		}
		var cmd tea.Cmd
		m.preview, cmd = m.preview.Update(msg)
		return m, cmd
	case scrPreview:
		switch k {
		case "s", "enter":
			m.buildSave()
			return m, m.form.Init()
		case "a":
			m.openActions()
			return m, nil
		case "shift+tab", "esc":
			m.back()
			return m, m.initForm()
		}
		var cmd tea.Cmd
		m.preview, cmd = m.preview.Update(msg)
		return m, cmd
	}
	if m.screen == scrStep {
		m.touched = true // validation hints may show from now on
	}
	if m.screen == scrStep && m.all[m.cur].kind == stepTools && m.toolList != nil {
		// The tool list's filter, as in huh, gum and fzf: esc clears it (a
		// second esc goes back), space ticks while typing it.
		switch {
		case k == "/":
			m.filtered = true
		case k == "esc" && m.filtered:
			m.filtered = false
			esc := tea.KeyPressMsg{Code: tea.KeyEscape}
			cmd := m.passToForm(esc)
			if !m.toolList.GetFiltering() {
				cmd = tea.Batch(cmd, m.passToForm(esc)) // a filter kept: clear it
			}
			return m, cmd
		case k == "space" && m.toolList.GetFiltering():
			cmd := m.passToForm(tea.KeyPressMsg{Code: tea.KeyEscape}) // stop typing, keep the filter
			return m, tea.Batch(cmd, m.passToForm(msg))
		}
	}
	if k == "shift+tab" || k == "esc" {
		m.back()
		return m, m.initForm()
	}
	if m.screen == scrStep {
		st := m.all[m.cur]
		switch {
		case st.kind == stepFacts && k == "enter":
			m.factsShown = ""
			m.advance(st, m.cur)
			return m, m.initForm()
		case st.kind == stepFacts:
			var cmd tea.Cmd
			m.preview, cmd = m.preview.Update(msg)
			return m, cmd
		case st.kind == stepReview:
			return m.reviewKey(k)
		case st.kind == stepQuestion && (k == "ctrl+g" || k == "?" && st.q.Type != catalog.FreeText):
			m.showHelp = !m.showHelp
			return m, nil
		case st.kind == stepTools && k == "ctrl+k":
			m.openCompare()
			return m, nil
		case st.kind == stepQuestion && k == "ctrl+o":
			m.openNote()
			return m, m.noteForm.Init()
		}
	}
	cmd := m.passToForm(msg)
	return m, tea.Batch(cmd, m.checkForm())
}

func (m *Model) initForm() tea.Cmd {
	if m.form == nil {
		return nil
	}
	return m.form.Init()
}

func (m *Model) passToForm(msg tea.Msg) tea.Cmd {
	if m.noting && m.noteForm != nil {
		f, cmd := m.noteForm.Update(msg)
		m.noteForm = f.(*huh.Form)
		return cmd
	}
	if m.form == nil {
		return nil
	}
	before := m.val
	f, cmd := m.form.Update(msg)
	m.form = f.(*huh.Form)
	if m.screen == scrSave && m.val != before {
		m.saveErr = "" // a new path: the error of the old one goes
	}
	return cmd
}

// checkForm acts on a completed form.
func (m *Model) checkForm() tea.Cmd {
	if m.form == nil || m.form.State != huh.StateCompleted {
		return nil
	}
	done := m.form
	m.complete()
	if m.form == done {
		m.form = nil // a completed form is handled once
	}
	return m.initForm()
}

func (m *Model) reviewKey(k string) (tea.Model, tea.Cmd) {
	items := m.reviewItems()
	switch k {
	case "up", "k":
		m.reviewCur = max(0, m.reviewCur-1)
	case "down", "j":
		m.reviewCur = min(len(items)-1, m.reviewCur+1)
	case "home", "g":
		m.reviewCur = 0
	case "end", "G":
		m.reviewCur = len(items) - 1
	case "enter":
		if m.reviewCur < len(items) && items[m.reviewCur].complete {
			m.completeCheck()
			return m, m.initForm()
		}
		if m.reviewCur < len(items) {
			it := items[m.reviewCur]
			for i, s := range m.all {
				if s.same(it.step) {
					m.toReview = true
					m.toolsBefore = nil
					for _, t := range m.st.tools {
						m.toolsBefore = append(m.toolsBefore, t.Key())
					}
					m.goTo(i)
					return m, m.initForm()
				}
			}
		}
	case "p", "tab":
		m.openPreview()
	}
	return m, nil
}

func (m *Model) openNote() {
	st := m.all[m.cur]
	_, notes := m.st.scope(st.tool)
	m.noteVal = notes[st.q.ID]
	m.noting = true
	m.noteForm = m.prepare(newThemedForm(newInput().Title(m.t("ui.note.title")).CharLimit(answers.MaxText).Value(&m.noteVal)))
}

func (m *Model) noteKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if msg.String() == "esc" {
		m.noting = false
		return m, nil
	}
	cmd := m.passToForm(msg)
	return m, tea.Batch(cmd, m.checkNote())
}

// checkNote stores a finished note.
func (m *Model) checkNote() tea.Cmd {
	if m.noteForm != nil && m.noteForm.State == huh.StateCompleted {
		st := m.all[m.cur]
		_, notes := m.st.scope(st.tool)
		if v := strings.TrimSpace(m.noteVal); v == "" {
			delete(notes, st.q.ID)
		} else {
			notes[st.q.ID] = v
		}
		m.noting = false
		m.autosave()
	}
	return nil
}

func (m *Model) formWidth() int { return max(20, min(m.width-4, 96)) }
