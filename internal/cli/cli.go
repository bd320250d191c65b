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
	"github.com/konform/konform/internal/draft"
	"github.com/konform/konform/internal/fsutil"
	"github.com/konform/konform/internal/i18n"
	"github.com/konform/konform/internal/msg"
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

// In says the error in German ("de") or English.
func (e *Error) In(l string) string { return msg.Localize(e.Err, l) }

// inputErr is a failure caused by the input: exit code 2.
func inputErr(format string, args ...any) error {
	return &Error{Code: ExitInput, Err: msg.Errorf(format, args...)}
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
	errLang     catalog.Lang // the language errors are said in
}

func (a *app) catalog() (*catalog.Catalog, error) {
	if a.cat != nil {
		return a.cat, nil
	}
	c, err := questions.Catalog()
	if err != nil {
		return nil, &Error{Code: ExitInternal, Err: msg.Errorf("the built-in catalogue is broken: %w", err)}
	}
	path, from := a.catalogFile, "--catalog"
	if path == "" {
		path, from = a.io.Getenv("KONFORM_CATALOG"), "KONFORM_CATALOG"
	}
	if path != "" {
		if c, err = catalog.LoadOverlay(c, path); err != nil {
			var derr *catalog.OverlayError
			if !errors.As(err, &derr) {
				err = msg.Errorf("%w (the catalogue file given with %s)", err, from)
			}
			return nil, asInput(err)
		}
	}
	// A consultancy's own wording is checked before anything runs; the
	// shipped wording is checked when konform is built (make generate),
	// and parsed only by the commands that write drafts.
	if c.Drafts != "" {
		if _, err := draft.TemplatesFor(c); err != nil {
			return nil, asInput(msg.Errorf("the wording of the drafts (drafts: in the catalogue file given with %s): %v", from, err))
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

// warn prints a warning, in the language errors are said in.
func (a *app) warn(format string, args ...any) {
	a.say("warning: %v", msg.Errorf(format, args...))
}

// say prints a message to standard error, in the language errors are
// said in.
func (a *app) say(format string, args ...any) {
	l := a.errLang
	if l == "" {
		l = a.lang("")
	}
	fmt.Fprintf(a.io.Err, "konform: %s\n", safe.Line(msg.Localize(msg.Errorf(format, args...), string(l))))
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
	_, err := root.ExecuteContextC(context.Background())
	err = cobraError(err)
	if a.errLang == "" {
		a.errLang = a.lang("")
	}
	if err != nil && (out.err == nil || !errors.Is(err, out.err)) {
		printErr(stdio.Err, err, a.errLang)
	}
	if out.err != nil {
		// The output is lost (a full disk, a closed pipe): say so, whatever
		// the command made of it.
		werr := &Error{Code: ExitInput, Err: msg.Errorf("cannot write to standard output: %v", fsutil.Reason(out.err))}
		if err == nil || errors.Is(err, out.err) {
			printErr(stdio.Err, werr, a.errLang)
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
func printErr(w io.Writer, err error, l catalog.Lang) {
	for _, line := range strings.Split(msg.Localize(err, string(l)), "\n") {
		fmt.Fprintf(w, "konform: %s\n", safe.Line(line))
	}
	if isUsage(err) {
		fmt.Fprintf(w, "konform: %s\n", i18n.T(l, "cli.usagehint"))
	}
}

// cobraError gives the command line's errors of cobra and pflag, which
// are plain English text, a form that can be said in German.
func cobraError(err error) error {
	if err == nil {
		return nil
	}
	if _, ok := err.(*msg.Msg); ok {
		return err
	}
	s := err.Error()
	if rest, ok := strings.CutPrefix(s, "unknown flag: "); ok {
		return msg.Errorf("unknown flag: %s", rest)
	}
	if rest, ok := strings.CutPrefix(s, "unknown shorthand flag: "); ok {
		return msg.Errorf("unknown shorthand flag: %s", rest)
	}
	if rest, ok := strings.CutPrefix(s, "flag needs an argument: "); ok {
		return msg.Errorf("flag needs an argument: %s", rest)
	}
	if rest, ok := strings.CutPrefix(s, "invalid argument "); ok {
		// invalid argument "V" for "--F" flag: REASON
		if head, reason, ok := strings.Cut(rest, " flag: "); ok {
			if v, f, ok := strings.Cut(head, " for "); ok {
				var why error = errors.New(reason)
				if list, ok := strings.CutPrefix(reason, "must be one of "); ok {
					why = msg.Errorf("must be one of %s", list)
					// --kind of konform draft: the kinds, or a file's name
					if kinds, names, ok := strings.Cut(list, ", all – or a draft file's name such as "); ok {
						en, de, _ := strings.Cut(names, " or ")
						why = msg.Errorf("must be one of %s, all – or a draft file's name such as %s or %s", kinds, en, de)
					}
				}
				return msg.Errorf("invalid argument %s for %s flag: %w", v, f, why)
			}
		}
	}
	if rest, ok := strings.CutPrefix(s, "required flag(s) "); ok {
		return msg.Errorf("required flag(s) %s not set", strings.TrimSuffix(rest, " not set"))
	}
	var n, got int
	if _, e := fmt.Sscanf(s, "accepts %d arg(s), received %d", &n, &got); e == nil {
		return msg.Errorf("accepts %d arg(s), received %d", n, got)
	}
	if _, e := fmt.Sscanf(s, "requires at least %d arg(s), only received %d", &n, &got); e == nil {
		return msg.Errorf("requires at least %d arg(s), only received %d", n, got)
	}
	return err
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
	// Errors and warnings follow --lang where the command has it.
	root.PersistentPreRun = func(cmd *cobra.Command, _ []string) {
		a.errLang = a.lang("")
		if f := cmd.Flags().Lookup("lang"); f != nil && f.Changed {
			a.errLang = catalog.Lang(f.Value.String())
		}
	}
	root.SetUsageFunc(func(c *cobra.Command) error { a.help(c, nil); return nil })
	root.SuggestionsMinimumDistance = 2
	root.Args = func(cmd *cobra.Command, args []string) error {
		if len(args) == 0 {
			return nil
		}
		if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
			return msg.Errorf("unknown command %q for %q; did you mean %s?", args[0], cmd.CommandPath(), strings.Join(s, " or "))
		}
		return msg.Errorf("unknown command %q for %q", args[0], cmd.CommandPath())
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		// A mistyped flag: name the closest one the command has.
		name, ok := strings.CutPrefix(err.Error(), "unknown flag: --")
		if !ok {
			return cobraError(err)
		}
		var names []string
		c.Flags().VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
		if s := answers.Suggest(name, names); s != "" {
			return msg.Errorf("unknown flag: --%s; did you mean --%s?", name, s)
		}
		return cobraError(err)
	})
	wizard := &wizardOptions{app: a}
	root.RunE = func(cmd *cobra.Command, _ []string) error { return runWizard(wizard) }
	wizardFlags(root, wizard)
	root.PersistentFlags().StringVar(&a.catalogFile, "catalog", "", "your own catalogue file: adds tools, corrects facts (also KONFORM_CATALOG)")
	root.AddCommand(
		newRunCmd(a, nil),
		newPlanCmd(a, nil),
		newDraftCmd(a, nil),
		newQuestionsCmd(a, nil),
		newToolsCmd(a, nil),
		newCompareCmd(a, nil),
		newDiffCmd(a, nil),
		newPortfolioCmd(a, nil),
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
