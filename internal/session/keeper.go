package session

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/fsutil"
	"github.com/konform/konform/internal/msg"
)

// Keeper keeps one wizard's session file: it creates it under a name no
// other session has, holds its lock while the wizard runs, and saves the
// answers after every step. It never claims a save that failed: Err is
// the last save's error until a save succeeds.
type Keeper struct {
	dir   string
	now   func() time.Time
	path  string
	lock  *Lock
	err   error
	saved bool
	// A file the user gave (run --resume FILE) keeps its form: orig is
	// JSON or YAML with comments; seen is the file as konform last read
	// or wrote it, so a change made outside konform is never overwritten.
	orig *answers.Original
	seen fs.FileInfo
	// from is the read-only file the answers continue from, in a session
	// file of their own.
	from string
}

// NewKeeper keeps sessions in dir.
func NewKeeper(dir string, now func() time.Time) *Keeper {
	return &Keeper{dir: dir, now: now}
}

// Open takes over the session at path, to continue it: it fails with a
// *LockedError when another konform has it open.
func (k *Keeper) Open(path string) error {
	if k.lock != nil && filepath.Clean(path) == filepath.Clean(k.path) {
		return nil // the session this konform keeps already: go on with it
	}
	l, err := Acquire(path)
	if err != nil {
		return err
	}
	k.Close()
	k.path, k.lock, k.saved, k.err, k.orig, k.seen, k.from = path, l, true, nil, nil, nil, ""
	if fi, err := os.Stat(path); err == nil {
		if data, err := answers.ReadFile(path); err == nil {
			k.orig, k.seen = answers.OriginalOf(path, data), fi
		}
		if fi.Mode().Perm()&0o200 == 0 {
			// Read-only: the user's file stays as it is; the answers
			// continue in a session file of their own.
			l.Release()
			k.path, k.lock, k.from, k.orig, k.seen = "", nil, path, nil, nil
		}
	}
	return nil
}

// From is the read-only answers file the session continues from in a
// file of its own ("" when it continues in the file itself).
func (k *Keeper) From() string {
	if k == nil {
		return ""
	}
	return k.from
}

// Overwrite lets the next save replace the file although it was changed
// outside konform: the user chose to keep the wizard's answers.
func (k *Keeper) Overwrite() {
	if k != nil {
		k.seen = nil
	}
}

// Reload reads the session file again after it was changed outside
// konform, to go on with the change: the answers given since the last save
// are given up for it. A file that cannot be read is the error (located),
// and nothing changes.
func (k *Keeper) Reload(cat *catalog.Catalog) (*answers.File, error) {
	data, err := answers.ReadFile(k.path)
	if err != nil {
		return nil, err
	}
	f, err := answers.ParseSession(k.path, data, cat)
	if err != nil {
		return nil, err
	}
	fi, err := os.Stat(k.path)
	if err != nil {
		return nil, err
	}
	k.orig, k.seen, k.err, k.saved = answers.OriginalOf(k.path, data), fi, nil, true
	return f, nil
}

// ChangedError says that the session file was changed outside konform
// since konform last read or wrote it: konform does not overwrite it.
type ChangedError struct{ Path string }

func (e *ChangedError) Error() string { return msg.Localize(e, "en") }

// In says the error in language l (msg.Localize).
func (e *ChangedError) In(l string) string {
	return msg.Localize(msg.Errorf("%s was changed outside konform since konform read it; konform does not overwrite it – ctrl+l takes the change (the answers since the last save are given up), ctrl+w writes the answers over it, ctrl+s saves them in another place", e.Path), l)
}

// Save writes the answers to the session file, creating it on the first
// save. It returns the error and keeps it for Err.
func (k *Keeper) Save(f *answers.File, cat *catalog.Catalog) error {
	data, err := answers.MarshalLike(f, cat, k.orig)
	if err == nil {
		switch {
		case k.path == "":
			err = k.create(k.dir, data)
		case k.changed():
			err = &ChangedError{Path: k.path}
		default:
			if err = fsutil.WriteFile(k.path, data, 0o600, true); err == nil && k.orig != nil {
				k.seen, _ = os.Stat(k.path)
			}
		}
	}
	k.err = err
	k.saved = err == nil
	return err
}

// changed reports whether the user's file is no longer the one konform
// last read or wrote: another modification time, size or file.
func (k *Keeper) changed() bool {
	if k.seen == nil {
		return false
	}
	fi, err := os.Stat(k.path)
	return err != nil || !os.SameFile(fi, k.seen) || !fi.ModTime().Equal(k.seen.ModTime()) || fi.Size() != k.seen.Size()
}

// SaveAs saves the answers to a new file at path, which the user chose
// after a save failed, and keeps the session there from now on. An
// existing file is not replaced.
func (k *Keeper) SaveAs(path string, f *answers.File, cat *catalog.Catalog) error {
	data, err := answers.Marshal(f, cat)
	if err != nil {
		return err
	}
	l, err := Acquire(path)
	if errors.Is(err, fs.ErrNotExist) {
		return msg.Errorf("folder %s does not exist", filepath.Dir(path))
	}
	if err != nil {
		return err
	}
	if err := fsutil.WriteFile(path, data, 0o600, false); err != nil {
		l.Release()
		if errors.Is(err, fsutil.ErrExists) {
			return msg.Errorf("%s exists; choose another name", path)
		}
		return err
	}
	k.Close()
	k.path, k.lock, k.err, k.saved = path, l, nil, true
	return nil
}

// create makes a new session file in dir, named after the time and never
// over an existing one: two wizards started in the same second get two
// files.
func (k *Keeper) create(dir string, data []byte) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	stamp := "session-" + k.now().Format("20060102-150405")
	for n := 1; n < 1000; n++ {
		name := stamp + ".yaml"
		if n > 1 {
			name = fmt.Sprintf("%s-%d.yaml", stamp, n)
		}
		path := filepath.Join(dir, name)
		l, err := Acquire(path)
		var le *LockedError
		if errors.As(err, &le) {
			continue
		}
		if err != nil {
			return err
		}
		err = fsutil.WriteFile(path, data, 0o600, false)
		if errors.Is(err, fsutil.ErrExists) {
			l.Release()
			continue
		}
		if err != nil {
			l.Release()
			return err
		}
		k.path, k.lock = path, l
		return nil
	}
	return msg.Errorf("no free name for a new session in %s", dir)
}

// Path is the session file, "" before the first save. A nil Keeper (a
// wizard that keeps no session) has none.
func (k *Keeper) Path() string {
	if k == nil {
		return ""
	}
	return k.path
}

// Err is the last save's error; nil once a save succeeded.
func (k *Keeper) Err() error {
	if k == nil {
		return nil
	}
	return k.err
}

// Saved reports whether the answers as last saved are in the file: a save
// succeeded and none failed after it.
func (k *Keeper) Saved() bool { return k != nil && k.saved }

// Close lets go of the session for other konform windows.
func (k *Keeper) Close() {
	if k != nil && k.lock != nil {
		k.lock.Release()
		k.lock = nil
	}
}
