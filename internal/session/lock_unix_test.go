//go:build unix

package session

import (
	"os"
	"path/filepath"
	"testing"
)

// A link planted at the lock's name never makes konform write into
// another file: a symbolic link and a hard link are refused, the file
// they point to stays as it was, and the link stays where it was planted.
func TestLockNeverWritesThroughALink(t *testing.T) {
	for _, kind := range []string{"symlink", "hardlink"} {
		t.Run(kind, func(t *testing.T) {
			dir := t.TempDir()
			victim := filepath.Join(dir, "important.txt")
			if err := os.WriteFile(victim, []byte("keep me\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			session := filepath.Join(dir, "a.yaml")
			link := lockPath(session)
			var err error
			if kind == "symlink" {
				err = os.Symlink(victim, link)
			} else {
				err = os.Link(victim, link)
			}
			if err != nil {
				t.Fatal(err)
			}
			l, err := Acquire(session)
			if err == nil {
				l.Release()
				t.Fatal("the lock was taken through a planted link")
			}
			if b, _ := os.ReadFile(victim); string(b) != "keep me\n" {
				t.Errorf("the linked file was changed: %q", b)
			}
			if _, err := os.Lstat(link); err != nil {
				t.Errorf("the planted link was removed: %v", err)
			}
		})
	}
}

// A lock file a crashed konform left is reused without truncating it: the
// process id is written over its start, and a reader sees only the id.
func TestStaleLockIsReused(t *testing.T) {
	dir := t.TempDir()
	session := filepath.Join(dir, "a.yaml")
	if err := os.WriteFile(lockPath(session), []byte("4194304999\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	l, err := Acquire(session)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Release()
	b, _ := os.ReadFile(lockPath(session))
	if len(b) != pidWidth {
		t.Errorf("lock file of %d bytes, want %d: %q", len(b), pidWidth, b)
	}
	if _, err := Acquire(session); err == nil || err.(*LockedError).PID != os.Getpid() {
		t.Errorf("a second acquire: %v, want locked by this process", err)
	}
}
