package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/i18n"
	"github.com/konform/konform/internal/msg"
	"github.com/konform/konform/internal/safe"
	"github.com/konform/konform/internal/session"
	"github.com/konform/konform/internal/tui"
)

// wizardOptions are the flags of the wizard (konform, konform run).
type wizardOptions struct {
	*app
	Resume     string
	Lang       string
	Accessible bool
	Check      string
}

func newRunCmd(a *app, runF func(*wizardOptions) error) *cobra.Command {
	o := &wizardOptions{app: a}
	cmd := &cobra.Command{
		Use:   "run",
		Short: "Start the interactive wizard (the default)",
		Long: `Starts the wizard that walks you through the checklist and saves the plan.
Every answer is saved at once to a session file in your state directory
($XDG_STATE_HOME/konform), so nothing is lost; --resume continues one.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(o)
			}
			return runWizard(o)
		},
	}
	wizardFlags(cmd, o)
	return cmd
}

func wizardFlags(cmd *cobra.Command, o *wizardOptions) {
	f := cmd.Flags()
	f.StringVar(&o.Resume, "resume", "", "continue the session in this answers file")
	langFlag(cmd, &o.Lang, "language: de or en (default: from LC_ALL, LC_MESSAGES, LANG)")
	f.BoolVar(&o.Accessible, "accessible", false, "plain sequential prompts for screen readers (also ACCESSIBLE=1 or TERM=dumb)")
	enumFlag(cmd, &o.Check, "check", "", []string{answers.CheckQuick, answers.CheckFull},
		"quick: only the questions that can bring about a critical action (about 10 minutes); full: every question; with --resume, full completes a quick check (default: asked at the start, full in accessible mode)")
}

func isTerminal(f any) bool {
	if o, ok := f.(*output); ok {
		f = o.w
	}
	file, ok := f.(*os.File)
	return ok && term.IsTerminal(file.Fd())
}

// rawOut is standard output as the program got it: Bubble Tea asks the
// terminal behind it for its size and modes.
func (a *app) rawOut() io.Writer {
	if o, ok := a.io.Out.(*output); ok {
		return o.w
	}
	return a.io.Out
}

func runWizard(o *wizardOptions) error {
	cat, err := o.catalog()
	if err != nil {
		return err
	}
	lang := o.lang(o.Lang)
	accessible := o.Accessible || o.io.Getenv("ACCESSIBLE") != "" || o.io.Getenv("TERM") == "dumb"
	dir, err := session.Dir(o.io.Getenv)
	if err != nil {
		return inputErr("%v", err)
	}
	var resume *answers.File
	if o.Resume != "" {
		f, err := session.Load(o.Resume, cat)
		if err != nil {
			return inputErr("cannot resume: %w", err)
		}
		resume = f
	}
	if accessible {
		return runAccessible(o, cat, lang, dir, resume)
	}
	if !isTerminal(o.io.In) || !isTerminal(o.io.Out) {
		return inputErr("%s", i18n.T(lang, "cli.needsterminal"))
	}
	sessions, _ := session.List(dir, cat, 5)
	wd, _ := os.Getwd()
	home, _ := os.UserHomeDir()
	m := tui.New(tui.Options{Catalog: cat, Lang: lang, LangSet: o.Lang != "", SessionDir: dir, Sessions: sessions,
		Resume: resume, ResumePath: o.Resume, WorkDir: wd, HomeDir: home, Now: time.Now, Check: o.Check})
	// konform handles the signals itself, so that it saves before it ends.
	p := tea.NewProgram(m, tea.WithInput(o.io.In), tea.WithOutput(o.rawOut()), tea.WithoutSignalHandler(), tea.WithFPS(120))
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGINT)
	defer signal.Stop(sigs)
	go func() {
		if _, ok := <-sigs; ok {
			p.Send(tui.SaveAndQuitMsg{})
		}
	}()
	_, err = p.Run()
	if err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		m.SaveNow()
	}
	defer m.Session().Close()
	if reported := o.reportSession(m.Session(), "konform run --resume", m.Lang()); err == nil && m.ExitCode != 0 {
		return &Error{Code: m.ExitCode, Err: errors.New(i18n.T(m.Lang(), "cli.aborted") + reported)}
	}
	if errors.Is(err, tea.ErrProgramKilled) {
		return nil
	}
	return err
}

// reportSession says where the answers are, or that they are not saved:
// never "saved" unless the file was written. It returns what to add to
// "aborted".
func (o *wizardOptions) reportSession(s *session.Keeper, resume string, lang catalog.Lang) string {
	switch {
	case s.Saved():
		path := safe.Line(s.Path())
		if from := s.From(); from != "" {
			fmt.Fprintf(o.io.Err, "konform: %s\n", fmt.Sprintf(i18n.T(lang, "cli.session.readonly"), safe.Line(from)))
		}
		fmt.Fprintf(o.io.Err, "konform: %s\n", fmt.Sprintf(i18n.T(lang, "cli.session.saved"), path, resume+" "+shellQuote(path)))
		return i18n.T(lang, "cli.answers.saved")
	case s.Err() != nil:
		fmt.Fprintf(o.io.Err, "konform: %s\n", fmt.Sprintf(i18n.T(lang, "cli.session.notsaved"), safe.Line(msg.Localize(s.Err(), string(lang)))))
		return i18n.T(lang, "cli.answers.notsaved")
	}
	return ""
}

// runAccessible runs the plain, line-by-line walk; its output never
// carries ANSI escapes.
func runAccessible(o *wizardOptions, cat *catalog.Catalog, lang catalog.Lang, dir string, resume *answers.File) error {
	wd, _ := os.Getwd()
	home, _ := os.UserHomeDir()
	out := &colorprofile.Writer{Forward: o.io.Out, Profile: colorprofile.NoTTY}
	// At a terminal the walk offers what the wizard's start screen offers;
	// piped, its lines start with the organisation.
	var sessions []session.Info
	ask := isTerminal(o.io.In)
	if ask && resume == nil {
		sessions, _ = session.List(dir, cat, 5)
	}
	acc := tui.NewAccessible(tui.Options{Catalog: cat, Lang: lang, LangSet: o.Lang != "", SessionDir: dir, Sessions: sessions, Resume: resume, ResumePath: o.Resume,
		WorkDir: wd, HomeDir: home, Now: time.Now, Check: o.Check, AskStart: ask}, o.io.In, out)
	// A signal (ctrl+c, a closed terminal, kill) ends the walk as quitting
	// the full-screen wizard does: the answers saved, and said where.
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGINT)
	defer signal.Stop(sigs)
	go func() {
		if _, ok := <-sigs; ok {
			acc.Interrupt()
			fmt.Fprintln(out)
			reported := o.reportSession(acc.Session(), "konform --accessible --resume", lang)
			fmt.Fprintf(o.io.Err, "konform: %s\n", i18n.T(lang, "cli.aborted")+reported)
			acc.Session().Close()
			os.Exit(ExitAborted)
		}
	}()
	_, err := acc.Run()
	defer acc.Session().Close()
	// Everything said at the end is said in the walk's language (a resumed
	// file's, perhaps), as the walk itself was.
	lang = acc.Lang()
	o.errLang = lang
	reported := o.reportSession(acc.Session(), "konform --accessible --resume", lang)
	var ie *tui.InputError
	switch {
	case errors.As(err, &ie):
		return inputErr("%v%s", ie, reported)
	case errors.Is(err, tui.ErrInputEnded):
		return inputErr("%s%s", i18n.T(lang, "cli.inputended"), reported)
	case errors.Is(err, tui.ErrLocked):
		return inputErr(i18n.T(lang, "cli.locked"), o.Resume)
	}
	return err
}

// shellQuote makes path one word for a shell: a path with spaces or other
// special characters goes in single quotes, so the command shown can be
// pasted as it is.
func shellQuote(path string) string {
	if path != "" && strings.IndexFunc(path, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("/._-+:@%=,~", r) || r > 0x7f)
	}) < 0 {
		return path
	}
	return "'" + strings.ReplaceAll(path, "'", `'\''`) + "'"
}
