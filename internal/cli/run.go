package cli

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/session"
	"github.com/konform/konform/internal/tui"
)

type runOptions struct {
	resume     string
	lang       string
	accessible bool
}

func (a *app) runCmd() *cobra.Command {
	var o runOptions
	cmd := &cobra.Command{
		Use:   "run",
		Short: "Start the interactive wizard (the default)",
		Long: `Starts the wizard that walks you through the checklist and saves the plan.
Every answer is saved at once to a session file in your state directory
($XDG_STATE_HOME/konform), so nothing is lost; --resume continues one.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return a.runWizard(o) },
	}
	a.wizardFlags(cmd, &o)
	return cmd
}

func (a *app) wizardFlags(cmd *cobra.Command, o *runOptions) {
	f := cmd.Flags()
	f.StringVar(&o.resume, "resume", "", "continue the session in this answers file")
	f.StringVar(&o.lang, "lang", "", "language: de or en (default: from LC_ALL, LC_MESSAGES, LANG)")
	f.BoolVar(&o.accessible, "accessible", false, "plain sequential prompts for screen readers (also ACCESSIBLE=1 or TERM=dumb)")
}

func isTerminal(f any) bool {
	file, ok := f.(*os.File)
	return ok && term.IsTerminal(file.Fd())
}

func (a *app) runWizard(o runOptions) error {
	cat, err := a.catalog()
	if err != nil {
		return err
	}
	lang, err := a.lang(o.lang)
	if err != nil {
		return err
	}
	accessible := o.accessible || a.io.Getenv("ACCESSIBLE") != "" || a.io.Getenv("TERM") == "dumb"
	dir, err := session.Dir(a.io.Getenv)
	if err != nil {
		return inputErr("%v", err)
	}
	var resume *answers.File
	if o.resume != "" {
		f, err := session.Load(o.resume, cat)
		if err != nil {
			return &exitError{Code: ExitInput, Err: fmt.Errorf("cannot resume: %w", err)}
		}
		resume = f
	}
	if accessible {
		return a.runAccessible(cat, lang, dir, resume, o.resume)
	}
	if !isTerminal(a.io.In) || !isTerminal(a.io.Out) {
		return inputErr("the wizard needs a terminal; to make a plan without one, run: konform plan --answers FILE (or konform --accessible for plain prompts)")
	}
	tui.Prewarm()
	sessions, _ := session.List(dir, cat, 5)
	wd, _ := os.Getwd()
	home, _ := os.UserHomeDir()
	m := tui.New(tui.Options{Catalog: cat, Lang: lang, SessionDir: dir, Sessions: sessions,
		Resume: resume, ResumePath: o.resume, WorkDir: wd, HomeDir: home, Now: time.Now})
	// konform handles the signals itself, so that it saves before it ends.
	// At 120 frames a second (Bubble Tea's most; the default is 60) a key
	// press or the first screen is drawn within about 8 ms.
	p := tea.NewProgram(m, tea.WithInput(a.io.In), tea.WithOutput(a.io.Out), tea.WithoutSignalHandler(), tea.WithFPS(120))
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGINT)
	defer signal.Stop(sigs)
	go func() {
		if _, ok := <-sigs; ok {
			p.Send(tui.SaveAndQuitMsg{})
		}
	}()
	if _, err := p.Run(); err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		m.SaveNow()
		return err
	}
	if path := m.SessionPath(); path != "" {
		fmt.Fprintf(a.io.Err, "konform: session saved in %s (konform run --resume %s)\n", path, path)
	}
	if m.ExitCode != 0 {
		return &exitError{Code: m.ExitCode, Err: errors.New("aborted; your answers are saved")}
	}
	return nil
}
