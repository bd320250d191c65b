// Package cli is konform's command line: it wires the catalogue, the
// answers parser, the engine and the renderers to commands, and maps
// failures to the documented exit codes. Each command is a file with an
// options struct and a run function; its constructor takes a runF that
// tests pass instead of the run function, to see the options a command
// line gives.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/fsutil"
	"github.com/konform/konform/internal/i18n"
	"github.com/konform/konform/internal/safe"
	"github.com/konform/konform/questions"
)

// Exit codes, as documented in the README.
const (
	ExitOK       = 0   // done
	ExitInternal = 1   // a bug or a failure konform did not foresee
	ExitInput    = 2   // bad input: a file, a flag, a command line
	ExitAborted  = 130 // the user stopped the wizard
)

// Version is set at build time with -ldflags "-X ...cli.Version=v1.2.3".
var Version = "dev"

// Error carries the exit code a failure maps to.
type Error struct {
	Code int
	Err  error
}

func (e *Error) Error() string { return e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// inputErr is a failure caused by the input: exit code 2.
func inputErr(format string, args ...any) error {
	return &Error{Code: ExitInput, Err: fmt.Errorf(format, args...)}
}

// asInput gives err the input exit code unless it has one.
func asInput(err error) error {
	var e *Error
	if err == nil || errors.As(err, &e) {
		return err
	}
	return &Error{Code: ExitInput, Err: err}
}

// IO are the streams and environment a command runs with.
type IO struct {
	In     io.Reader
	Out    io.Writer
	Err    io.Writer
	Getenv func(string) string
}

// app is what every command shares: the streams, the environment and the
// catalogue with the user's overlay (--catalog, KONFORM_CATALOG).
type app struct {
	io          IO
	catalogFile string
	cat         *catalog.Catalog
}

func (a *app) catalog() (*catalog.Catalog, error) {
	if a.cat != nil {
		return a.cat, nil
	}
	c, err := questions.Catalog()
	if err != nil {
		return nil, &Error{Code: ExitInternal, Err: fmt.Errorf("the built-in catalogue is broken: %w", err)}
	}
	path, from := a.catalogFile, "--catalog"
	if path == "" {
		path, from = a.io.Getenv("KONFORM_CATALOG"), "KONFORM_CATALOG"
	}
	if path != "" {
		if c, err = catalog.LoadOverlay(c, path); err != nil {
			var derr *catalog.OverlayError
			if !errors.As(err, &derr) {
				err = fmt.Errorf("%w (the catalogue file given with %s)", err, from)
			}
			return nil, asInput(err)
		}
	}
	a.cat = c
	return c, nil
}

// lang resolves a --lang flag, falling back to the environment.
func (a *app) lang(flag string) catalog.Lang {
	if flag == "" {
		return i18n.Detect(a.io.Getenv)
	}
	return catalog.Lang(flag)
}

// warn prints a warning.
func (a *app) warn(format string, args ...any) {
	fmt.Fprintf(a.io.Err, "konform: warning: %s\n", safe.Line(fmt.Sprintf(format, args...)))
}

// Main runs konform with the arguments and returns the exit code. A bug
// that panics ends as an internal error with one line to report, not a
// stack trace.
func Main(args []string, stdio IO) (code int) {
	defer func() {
		if v := recover(); v != nil {
			fmt.Fprintf(stdio.Err, "konform: internal error: %v\nkonform: please report it, with the command line and the files it read\n", v)
			code = ExitInternal
		}
	}()
	if stdio.Getenv == nil {
		stdio.Getenv = os.Getenv
	}
	out := &output{w: stdio.Out}
	stdio.Out = out
	a := &app{io: stdio}
	root := newRootCmd(a)
	root.SetArgs(args)
	root.SetIn(stdio.In)
	root.SetOut(stdio.Out)
	root.SetErr(stdio.Err)
	err := root.ExecuteContext(context.Background())
	if err != nil && (out.err == nil || !errors.Is(err, out.err)) {
		printErr(stdio.Err, err)
	}
	if out.err != nil {
		// The output is lost (a full disk, a closed pipe): say so, whatever
		// the command made of it.
		werr := &Error{Code: ExitInput, Err: fmt.Errorf("cannot write to standard output: %v", fsutil.Reason(out.err))}
		if err == nil || errors.Is(err, out.err) {
			printErr(stdio.Err, werr)
			return werr.Code
		}
	}
	return exitCode(err)
}

// output is standard output that remembers its first write error.
type output struct {
	w   io.Writer
	err error
}

func (o *output) Write(p []byte) (int, error) {
	if o.err != nil {
		return 0, o.err
	}
	n, err := o.w.Write(p)
	if err != nil {
		o.err = err
	}
	return n, err
}

// printErr prints an error, one "konform:" line per line of it. File
// names and values in it may be anyone's: control characters go.
func printErr(w io.Writer, err error) {
	for _, line := range strings.Split(err.Error(), "\n") {
		fmt.Fprintf(w, "konform: %s\n", safe.Line(line))
	}
	if isUsage(err) {
		fmt.Fprintln(w, "konform: run 'konform --help' for usage")
	}
}

// exitCode maps an error to its exit code.
func exitCode(err error) int {
	if err == nil {
		return ExitOK
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	if isUsage(err) {
		return ExitInput
	}
	return ExitInternal
}

// isUsage tells cobra's errors about the command line from the rest.
func isUsage(err error) bool {
	var e *Error
	if errors.As(err, &e) {
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

func newRootCmd(a *app) *cobra.Command {
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
		Version:       Version,
	}
	root.SetHelpFunc(a.help)
	root.SetUsageFunc(func(c *cobra.Command) error { a.help(c, nil); return nil })
	root.SuggestionsMinimumDistance = 2
	root.Args = func(cmd *cobra.Command, args []string) error {
		if len(args) == 0 {
			return nil
		}
		err := fmt.Errorf("unknown command %q for %q", args[0], cmd.CommandPath())
		if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
			err = fmt.Errorf("%w; did you mean %s?", err, strings.Join(s, " or "))
		}
		return err
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		// A mistyped flag: name the closest one the command has.
		name, ok := strings.CutPrefix(err.Error(), "unknown flag: --")
		if !ok {
			return err
		}
		var names []string
		c.Flags().VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
		if s := answers.Suggest(name, names); s != "" {
			return fmt.Errorf("%w; did you mean --%s?", err, s)
		}
		return err
	})
	wizard := &wizardOptions{app: a}
	root.RunE = func(cmd *cobra.Command, _ []string) error { return runWizard(wizard) }
	wizardFlags(root, wizard)
	root.PersistentFlags().StringVar(&a.catalogFile, "catalog", "", "your own catalogue file: adds tools, corrects facts (also KONFORM_CATALOG)")
	root.AddCommand(
		newRunCmd(a, nil),
		newPlanCmd(a, nil),
		newQuestionsCmd(a, nil),
		newToolsCmd(a, nil),
		newCompareCmd(a, nil),
		newDiffCmd(a, nil),
		newValidateCmd(a, nil),
		newVersionCmd(a),
	)
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

func newVersionCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print konform's version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintf(a.io.Out, "konform %s\n", Version)
			return err
		},
	}
}
