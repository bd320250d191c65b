package session

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/konform/konform/internal/msg"
)

// Lock says that a konform has a session open. It is an advisory lock on
// a file beside the session (.NAME.lock) that the system lets go of when
// the process ends, however it ends: a crash leaves nothing stuck.
type Lock struct {
	f *os.File
}

// LockedError says that another konform has the session open.
type LockedError struct {
	Path string
	PID  int // 0 when unknown
}

func (e *LockedError) Error() string {
	who := "another konform"
	if e.PID > 0 {
		who = fmt.Sprintf("another konform (process %d)", e.PID)
	}
	return fmt.Sprintf("%s is open in %s; continue it there, or open a copy", e.Path, who)
}

func lockPath(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".lock")
}

// Acquire locks the session at path (which need not exist yet).
//
// The lock file is konform's own: it is created exclusively, never opened
// through a link, and an existing one is only reused when it is a small
// regular file of the user's with no other name – a link planted at its
// name never lets konform write into another file. Nothing is truncated:
// the process id is written over the file's start at a fixed width.
func Acquire(path string) (*Lock, error) {
	lp := lockPath(path)
	for {
		f, err := openLock(lp)
		if err != nil {
			return nil, err
		}
		ok, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, err
		}
		if !ok {
			b := make([]byte, pidWidth)
			n, _ := f.ReadAt(b, 0)
			f.Close()
			pid, _ := strconv.Atoi(strings.TrimSpace(string(b[:n])))
			return nil, &LockedError{Path: path, PID: pid}
		}
		// The file may have been removed by its last holder between our
		// open and our lock: then lock the new one.
		if same(f, lp) {
			_, _ = f.WriteAt([]byte(fmt.Sprintf("%-*d\n", pidWidth-1, os.Getpid())), 0)
			return &Lock{f: f}, nil
		}
		f.Close()
	}
}

// pidWidth is the width the process id is written at: the whole of what a
// reader looks at, so no residue of a longer id remains in it.
const pidWidth = 32

// maxLockSize is the most a lock file konform wrote can hold.
const maxLockSize = 64

// openLock creates the lock file at lp, or opens the one a konform left –
// never through a link, never another file.
func openLock(lp string) (*os.File, error) {
	f, err := os.OpenFile(lp, os.O_RDWR|os.O_CREATE|os.O_EXCL|noFollow, 0o600)
	if err == nil || !errors.Is(err, fs.ErrExist) {
		return f, err
	}
	f, err = os.OpenFile(lp, os.O_RDWR|noFollow, 0)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			// removed by its holder in between: create it
			return os.OpenFile(lp, os.O_RDWR|os.O_CREATE|os.O_EXCL|noFollow, 0o600)
		}
		return nil, notALock(lp)
	}
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() || st.Size() > maxLockSize || !ownedAlone(st) {
		f.Close()
		return nil, notALock(lp)
	}
	return f, nil
}

func notALock(lp string) error {
	return msg.Errorf("%s is not a lock file of konform (a link, or a file with another purpose); konform does not write to it – remove it if it is not needed, or continue the session in another folder", lp)
}

func same(f *os.File, path string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Stat(path)
	return err == nil && os.SameFile(a, b)
}

// Release lets go of the lock and removes its file.
func (l *Lock) Release() {
	if l == nil || l.f == nil {
		return
	}
	_ = os.Remove(l.f.Name())
	_ = l.f.Close() // closing lets go of the lock
	l.f = nil
}

// IsLocked reports whether err says that a session is open elsewhere.
func IsLocked(err error) bool {
	var le *LockedError
	return errors.As(err, &le)
}
