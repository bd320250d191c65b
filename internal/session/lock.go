package session

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
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
func Acquire(path string) (*Lock, error) {
	lp := lockPath(path)
	for {
		f, err := os.OpenFile(lp, os.O_RDWR|os.O_CREATE, 0o600)
		if err != nil {
			return nil, err
		}
		ok, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, err
		}
		if !ok {
			b := make([]byte, 32)
			n, _ := f.ReadAt(b, 0)
			f.Close()
			pid, _ := strconv.Atoi(strings.TrimSpace(string(b[:n])))
			return nil, &LockedError{Path: path, PID: pid}
		}
		// The file may have been removed by its last holder between our
		// open and our lock: then lock the new one.
		if same(f, lp) {
			_ = f.Truncate(0)
			_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
			return &Lock{f: f}, nil
		}
		f.Close()
	}
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
