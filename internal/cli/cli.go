// Package cli is konform's command line: it wires the catalogue, the
// answers parser, the engine and the renderers to commands, and maps
// failures to the documented exit codes.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"charm.land/fang/v2"
	"github.com/spf13/cobra"

	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/i18n"
	"github.com/konform/konform/internal/planrun"
	"github.com/konform/konform/questions"
)

// Exit codes, as documented in the README.
const (
	ExitOK       = planrun.ExitOK
	ExitInternal = planrun.ExitInternal
	ExitInput    = planrun.ExitInput
	ExitAborted  = planrun.ExitAborted
)

// Version is set at build time with -ldflags "-X ...cli.Version=v1.2.3".
var Version = "dev"

// exitError carries the exit code a failure maps to.
type exitError = planrun.Error

func inputErr(format string, args ...any) error { return planrun.InputErr(format, args...) }

// IO are the streams and environment a command runs with.
type IO struct {
	In     io.Reader
	Out    io.Writer
	Err    io.Writer
	Getenv func(string) string
}

type app struct {
	io  IO
	cat *catalog.Catalog

	planHook    func(planrun.Options) error // tests: see the options plan runs with
	catalogFile string                      // --catalog
}

func (a *app) catalog() (*catalog.Catalog, error) {
	if a.cat == nil {
		c, err := questions.Catalog()
		if err != nil {
			return nil, &exitError{Code: ExitInternal, Err: fmt.Errorf("the built-in catalogue is broken: %w", err)}
		}
		path := a.catalogFile
		if path == "" {
			path = a.io.Getenv("KONFORM_CATALOG")
		}
		if path != "" {
			if c, err = catalog.LoadOverlay(c, path); err != nil {
				return nil, &exitError{Code: ExitInput, Err: err}
			}
		}
		a.cat = c
	}
	return a.cat, nil
}

// langFlag resolves --lang, falling back to the environment.
func (a *app) lang(flag string) (catalog.Lang, error) {
	if flag == "" {
		return i18n.Detect(a.io.Getenv), nil
	}
	l, err := catalog.ParseLang(flag)
	if err != nil {
		return "", inputErr("--lang: %v", err)
	}
	return l, nil
}

// Main runs konform with the arguments and returns the exit code.
func Main(args []string, stdio IO) int {
	if stdio.Getenv == nil {
		stdio.Getenv = os.Getenv
	}
	a := &app{io: stdio}
	if len(args) == 0 {
		// The wizard with its defaults, as the root command would start it,
		// without building the whole command line first: it is the most
		// common start, and the first screen should come at once.
		return a.exit(a.runWizard(runOptions{}))
	}
	root := a.rootCmd()
	root.SetArgs(args)
	root.SetIn(stdio.In)
	root.SetOut(stdio.Out)
	root.SetErr(stdio.Err)
	err := fang.Execute(context.Background(), root,
		fang.WithVersion(Version),
		fang.WithErrorHandler(func(w io.Writer, _ fang.Styles, err error) { printErr(w, err) }))
	return a.exitCode(err)
}

// printErr prints an error, one "konform:" line per line of it.
func printErr(w io.Writer, err error) {
	for _, line := range strings.Split(err.Error(), "\n") {
		fmt.Fprintf(w, "konform: %s\n", line)
	}
	if isUsage(err) {
		fmt.Fprintln(w, "konform: run 'konform --help' for usage")
	}
}

// exit prints err as the command line does and returns its exit code.
func (a *app) exit(err error) int {
	if err != nil {
		printErr(a.io.Err, err)
	}
	return a.exitCode(err)
}

// exitCode maps an error to its exit code.
func (a *app) exitCode(err error) int {
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.Code
	}
	if isUsage(err) {
		return ExitInput
	}
	return ExitInternal
}

func isUsage(err error) bool {
	var ee *exitError
	if errors.As(err, &ee) {
		return false
	}
	s := err.Error()
	for _, p := range []string{"unknown flag", "unknown shorthand flag", "unknown command", "invalid argument",
		"flag needs an argument", "required flag", "accepts ", "requires ", "if any flags in the group"} {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "konform",
		Short: "GDPR check for messengers and video conferencing",
		Long: `konform walks you through the GDPR (DSGVO) checklist for messengers and
video-conferencing tools and gives you a prioritised action plan in
Markdown: what to do, by when, why, and on which legal basis.

It works fully offline and sends nothing anywhere.`,
		Example: `  # Make a plan from an answers file
  konform plan --answers examples/craft-whatsapp.yaml -o plan.md

  # Print the blank questionnaire for a paper workshop
  konform questions --lang de > fragebogen.md

  # Show what konform knows about a tool
  konform tools show zoom`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.NoArgs,
	}
	var wiz runOptions
	root.RunE = func(cmd *cobra.Command, _ []string) error { return a.runWizard(wiz) }
	a.wizardFlags(root, &wiz)
	root.PersistentFlags().StringVar(&a.catalogFile, "catalog", "", "your own catalogue file: adds tools, corrects facts (also KONFORM_CATALOG)")
	root.AddCommand(a.runCmd(), a.planCmd(), a.questionsCmd(), a.toolsCmd(), a.compareCmd(), a.diffCmd(), a.validateCmd(), a.versionCmd())
	// Short help texts fit an 80-column terminal, cobra's own included.
	root.InitDefaultCompletionCmd("completion")
	root.InitDefaultHelpCmd()
	for _, c := range root.Commands() {
		switch c.Name() {
		case "completion":
			c.Short = "Shell completion: bash, zsh, fish, …"
		case "help":
			c.Short = "Help for any command"
		}
	}
	return root
}

func (a *app) versionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print konform's version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fmt.Fprintf(a.io.Out, "konform %s\n", Version)
			return nil
		},
	}
}
