// Package planfiles writes what konform hands over – plans, drafts, the
// answers beside them – in one way for the wizard and the commands: each
// file atomically, never over a file that exists unless asked, and for a
// set of files, nothing before every one of them was checked.
package planfiles

import (
	"errors"
	"os"
	"path/filepath"

	"github.com/konform/konform/internal/fsutil"
)

// Mode says what writing does with files that exist.
type Mode int

const (
	New        Mode = iota // replace nothing: write nothing and name every file that exists
	Replace                // replace every file
	KeepDrafts             // keep the drafts that exist (edited by hand, perhaps), replace the rest
)

// File is one file to write. Data is called only when the file is
// written.
type File struct {
	Path  string
	Data  func() ([]byte, error)
	Draft bool // a draft, in a folder made when it is written; KeepDrafts keeps it
}

// Options are how a set of files is written.
type Options struct {
	Mode Mode
	// NoDirSync leaves the folder's sync to the caller, who writes many
	// sets into one folder and syncs it once (a batch).
	NoDirSync bool
	// AllOrNothing removes the files this call wrote when a later one
	// fails: a set is written whole or not at all (a batch).
	AllOrNothing bool
}

// Error is a file that could not be written (or made).
type Error struct {
	Path string
	Err  error // the reason, without the path
}

func (e *Error) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Write writes the files in order. With New it writes nothing while any of
// them exists and returns them all as existing; a file made by someone
// else while it writes is returned as existing too, with what was saved
// before it. Any other failure is an *Error.
func Write(files []File, o Options) (saved, existing []string, err error) {
	if o.Mode == New {
		for _, f := range files {
			if _, err := os.Lstat(f.Path); err == nil {
				existing = append(existing, f.Path)
			}
		}
		if len(existing) > 0 {
			return nil, existing, nil
		}
	}
	undo := func() {
		if o.AllOrNothing {
			for _, p := range saved {
				_ = os.Remove(p)
			}
			saved = nil
		}
	}
	for _, f := range files {
		if o.Mode == KeepDrafts && f.Draft {
			if _, err := os.Lstat(f.Path); err == nil {
				continue // the user's draft stays as it is
			}
		}
		data, err := f.Data()
		if err != nil {
			undo()
			return saved, nil, &Error{f.Path, err} // its content could not be made
		}
		if f.Draft {
			if err := os.MkdirAll(filepath.Dir(f.Path), 0o755); err != nil {
				undo()
				return saved, nil, &Error{filepath.Dir(f.Path), fsutil.Reason(err)}
			}
		}
		write := fsutil.WriteFile
		if o.NoDirSync {
			write = fsutil.WriteFileNoDirSync
		}
		err = write(f.Path, data, 0o666, o.Mode != New)
		if errors.Is(err, fsutil.ErrExists) {
			undo()
			return saved, []string{f.Path}, nil
		}
		if err != nil {
			undo()
			return saved, nil, &Error{f.Path, fsutil.Reason(err)}
		}
		saved = append(saved, f.Path)
	}
	return saved, nil, nil
}

// Bytes is a File's Data for content made already.
func Bytes(b []byte) func() ([]byte, error) { return func() ([]byte, error) { return b, nil } }
