// Package msg holds konform's messages to users that can be said in
// German or English: errors made with Errorf keep their format and
// arguments, and Localize says them in the reader's language. It imports
// nothing of konform, so every package can use it.
package msg

import (
	"fmt"
	"io/fs"
	"strings"
)

// German is the language code that gets German messages; any other gets
// English.
const German = "de"

// Msg is a message that can be said in either language: its English
// format and arguments. The German format is looked up in messagesDE by
// the English one; arguments that are errors are said in the same
// language. Error() is English, for logs and tests.
type Msg struct {
	Format string
	Args   []any
}

// Errorf makes an error whose text follows the reader's language
// (Localize). %w wraps an error argument as fmt.Errorf does.
func Errorf(format string, args ...any) error { return &Msg{Format: format, Args: args} }

func (m *Msg) Error() string { return m.In("en") }

// In says the message in l.
func (m *Msg) In(l string) string {
	f := m.Format
	if l == German {
		if de, ok := messagesDE[f]; ok {
			f = de
		}
	}
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		switch v := a.(type) {
		case error:
			args[i] = Localize(v, l)
		case string:
			args[i] = v
			if l == German {
				if de, ok := wordsDE[v]; ok {
					args[i] = de
				}
			}
		default:
			args[i] = a
		}
	}
	return fmt.Sprintf(strings.ReplaceAll(f, "%w", "%v"), args...)
}

// Unwrap gives the errors among the arguments, as fmt.Errorf's %w does.
func (m *Msg) Unwrap() []error {
	var errs []error
	for _, a := range m.Args {
		if e, ok := a.(error); ok {
			errs = append(errs, e)
		}
	}
	return errs
}

// Localize says err in l: a message of konform in that language, a
// system error (file not found, permission denied …) translated, anything
// else as it is.
func Localize(err error, l string) string {
	if err == nil {
		return ""
	}
	if in, ok := err.(interface{ In(string) string }); ok {
		return in.In(l)
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		// Several errors joined (errors.Join): each on its line.
		var lines []string
		for _, e := range j.Unwrap() {
			lines = append(lines, Localize(e, l))
		}
		return strings.Join(lines, "\n")
	}
	if u, ok := err.(interface{ Unwrap() error }); ok && u.Unwrap() != nil {
		// A wrapper that only passes its error on (cli.Error): say that.
		if inner := u.Unwrap(); inner.Error() == err.Error() {
			return Localize(inner, l)
		}
	}
	if pe, ok := err.(*fs.PathError); ok && l == German {
		// "mkdir /a/b: not a directory": the path and the reason in German;
		// the system call's name means nothing to a reader.
		return pe.Path + ": " + Localize(pe.Err, l)
	}
	s := err.Error()
	if l == German {
		if de, ok := systemDE[s]; ok {
			return de
		}
	}
	return s
}
