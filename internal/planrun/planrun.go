// Package planrun is `konform plan`: an answers file (or a folder of them)
// in, a plan out. It has no command-line library in it, so that konform
// can make a plan without loading the wizard (see internal/launch).
package planrun

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/fsutil"
	"github.com/konform/konform/internal/handoff"
	"github.com/konform/konform/internal/plan"
)

// Exit codes, as documented in the README.
const (
	ExitOK       = 0
	ExitInternal = 1
	ExitInput    = 2
	ExitAborted  = 130
)

// Error carries the exit code a failure maps to.
type Error struct {
	Code int
	Err  error
}

func (e *Error) Error() string { return e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// InputErr is a failure caused by the input: exit code 2.
func InputErr(format string, args ...any) error {
	return &Error{Code: ExitInput, Err: fmt.Errorf(format, args...)}
}

// Code is the exit code for err: 0 for nil, the code an *Error carries,
// otherwise 1.
func Code(err error) int {
	var e *Error
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &e):
		return e.Code
	}
	return ExitInternal
}

// IO are the streams a run uses.
type IO struct {
	In       io.Reader
	Out, Err io.Writer
}

// Options are the flags of `konform plan`.
type Options struct {
	Answers string // file, folder or "-" for standard input
	Format  string // md, json or csv
	Lang    string // de, en or "" for the answers file's language
	Out     string // -o: the plan file; "" for standard output
	OutDir  string // with a folder of answers: where the plans go
	Force   bool   // replace existing files
	Catalog string // --catalog: the user's catalogue file (see cmd/konform, internal/cli)
}

// Run makes the plan (or, for a folder, the plans) the options ask for.
func Run(cat *catalog.Catalog, o Options, stdio IO) error {
	if !slices.Contains(handoff.PlanFormats, o.Format) {
		return InputErr("--format must be one of %s, not %q", strings.Join(handoff.PlanFormats, ", "), o.Format)
	}
	if !Makes(o.Format) {
		return &Error{Code: ExitInternal, Err: fmt.Errorf("%s plans are made by %s, which this program does not hand them to", o.Format, handoff.Maker(o.Format))}
	}
	var lang catalog.Lang
	if o.Lang != "" {
		l, err := catalog.ParseLang(o.Lang)
		if err != nil {
			return InputErr("--lang: %v", err)
		}
		lang = l
	}
	if o.OutDir != "" || isDir(o.Answers) {
		return runBatch(cat, o, lang, stdio)
	}
	if o.Out != "" && !o.Force {
		if _, err := os.Lstat(o.Out); err == nil {
			return InputErr("%s exists; choose another file or add --force to replace it", o.Out)
		}
	}
	p, err := AssessFile(cat, o.Answers, stdio)
	if err != nil {
		return err
	}
	if lang == "" {
		lang = p.Lang
	}
	if o.Out == "" && o.Format == "md" {
		return plan.WriteMarkdown(stdio.Out, p, lang)
	}
	return emit(formats[o.Format](p, lang), o.Out, o.Force, stdio)
}

// formats are the plan's output formats by name; a batch names each plan
// file with the format's name as its extension.
var formats = map[string]func(*assess.Plan, catalog.Lang) []byte{
	"md":   plan.Markdown,
	"json": plan.JSON,
	"csv":  plan.CSV,
}

// RegisterFormat adds an output format. konform-html adds html, which
// needs a Markdown library the other programs do without; they hand a
// plan in HTML to konform-html (see internal/handoff).
func RegisterFormat(name string, render func(*assess.Plan, catalog.Lang) []byte) {
	formats[name] = render
}

// Makes reports whether this program makes plans in format itself.
func Makes(format string) bool {
	_, ok := formats[format]
	return ok
}

// Load reads and parses an answers file ("-" is standard input).
func Load(cat *catalog.Catalog, path string, stdin io.Reader) (*answers.File, error) {
	var data []byte
	var err error
	name := path
	if path == "-" {
		name = "<stdin>"
		data, err = io.ReadAll(io.LimitReader(stdin, answers.MaxSize+1))
	} else {
		data, err = ReadLimited(path)
	}
	if err != nil {
		return nil, err
	}
	f, err := answers.Parse(name, data, cat)
	if err != nil {
		return nil, &Error{Code: ExitInput, Err: err}
	}
	return f, nil
}

// AssessFile loads an answers file and assesses it; warnings go to
// standard error.
func AssessFile(cat *catalog.Catalog, path string, stdio IO) (*assess.Plan, error) {
	f, err := Load(cat, path, stdio.In)
	if err != nil {
		return nil, err
	}
	p := assess.Assess(cat, f)
	name := path
	if path == "-" {
		name = "<stdin>"
	}
	for _, w := range p.Warnings {
		Warn(stdio.Err, "%s:%d:%d: %s", name, w.Pos.Line, w.Pos.Col, w.Msg)
	}
	return p, nil
}

// Warn prints a warning to w.
func Warn(w io.Writer, format string, args ...any) {
	fmt.Fprintf(w, "konform: warning: "+format+"\n", args...)
}

// ReadLimited reads a file of at most answers.MaxSize (and one byte more,
// so that the parser can tell that it is too big).
func ReadLimited(path string) ([]byte, error) {
	fh, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, InputErr("%s: no such file", path)
		}
		return nil, InputErr("%s: cannot read: %v", path, UnwrapPath(err))
	}
	defer fh.Close()
	var b bytes.Buffer
	if fi, err := fh.Stat(); err == nil {
		if fi.IsDir() {
			return nil, InputErr("%s: is a folder; give an answers file", path)
		}
		// Room for the file at once (and for the end of file to be seen).
		b.Grow(int(min(fi.Size(), answers.MaxSize)) + bytes.MinRead)
	}
	if _, err := b.ReadFrom(io.LimitReader(fh, answers.MaxSize+1)); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// UnwrapPath drops the path from an error that repeats it.
func UnwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// emit writes to standard output, or atomically to a file.
func emit(data []byte, path string, force bool, stdio IO) error {
	if path == "" {
		_, err := stdio.Out.Write(data)
		return err
	}
	err := fsutil.WriteFile(path, data, 0o644, force)
	switch {
	case errors.Is(err, fsutil.ErrExists):
		return InputErr("%s exists; choose another file or add --force to replace it", path)
	case err != nil:
		return InputErr("cannot write %s: %v", path, UnwrapPath(err))
	}
	fmt.Fprintf(stdio.Err, "konform: wrote %s\n", path)
	return nil
}

func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}
