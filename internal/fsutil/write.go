// Package fsutil reads and writes files so that nothing is ever half
// written, silently overwritten or read without bounds.
package fsutil

import (
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/konform/konform/internal/msg"
)

// ErrExists is returned when the target exists and overwriting was not asked for.
var ErrExists = errors.New("file exists")

// WriteFile writes data to path atomically: readers see the old file or the
// new one, never a part. Without overwrite an existing file is left alone
// and ErrExists returned; the check and the write are one step (a hard
// link), so no other writer can slip in between. Only a regular file is
// ever replaced, and it keeps its mode; a new file gets perm less the
// umask (0o666 for a document, 0o600 for a private one).
func WriteFile(path string, data []byte, perm fs.FileMode, overwrite bool) error {
	if err := WriteFileNoDirSync(path, data, perm, overwrite); err != nil {
		return err
	}
	SyncDir(filepath.Dir(path))
	return nil
}

// SyncDir makes the entries of a folder durable, so that a file renamed
// into it survives a crash. Errors are ignored: not every file system
// can sync a folder.
func SyncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// WriteFileNoDirSync is WriteFile without syncing the folder, for writing
// many files into one folder: call SyncDir once after the last.
func WriteFileNoDirSync(path string, data []byte, perm fs.FileMode, overwrite bool) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	keep := fs.FileMode(0)
	if fi, err := os.Lstat(path); err == nil {
		switch {
		case !overwrite:
			return ErrExists
		case !fi.Mode().IsRegular():
			return msg.Errorf("%s is not a regular file (%s); konform only replaces regular files", path, kindOf(fi.Mode()))
		}
		keep = fi.Mode().Perm()
	}
	// Stale temporary files of the folder go on the first write into it:
	// once per folder and process, so a batch of N files reads the folder
	// once, not N times.
	if _, done := cleaned.LoadOrStore(filepath.Clean(dir), true); !done {
		CleanTemps(dir, "")
	}
	tmp, err := createTemp(dir, base, perm)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return msg.Errorf("folder %s does not exist", filepath.Clean(dir))
		}
		return err
	}
	defer func() {
		if err != nil {
			_ = os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		_ = tmp.Close()
		return err
	}
	if keep != 0 {
		if err = tmp.Chmod(keep); err != nil {
			_ = tmp.Close()
			return err
		}
	}
	if err = tmp.Sync(); err != nil {
		_ = tmp.Close()
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if overwrite {
		return os.Rename(tmp.Name(), path)
	}
	if err = os.Link(tmp.Name(), path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return ErrExists
		}
		return err
	}
	_ = os.Remove(tmp.Name())
	return nil
}

// cleaned holds the folders whose stale temporary files this process has
// removed.
var cleaned sync.Map

// A temporary file is named after its target and the process writing it:
// .NAME.tmp-PID-RANDOM. A process killed mid-write leaves it behind; the
// next write to the same folder removes it once that process is gone.
func tempPrefix(base string) string { return "." + base + ".tmp-" }

// createTemp creates a new temporary file for base in dir with perm, so
// that the umask applies to it as to any new file.
func createTemp(dir, base string, perm fs.FileMode) (*os.File, error) {
	for {
		name := filepath.Join(dir, tempPrefix(base)+strconv.Itoa(os.Getpid())+"-"+strconv.FormatUint(rand.Uint64()%1e9, 10))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
}

// CleanTemps removes the temporary files that writers of base in dir (or
// of any file, for base "") left behind when they were killed.
func CleanTemps(dir, base string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	prefix := "."
	if base != "" {
		prefix = tempPrefix(base)
	}
	for _, e := range entries {
		name := e.Name()
		i := strings.LastIndex(name, ".tmp-")
		if !strings.HasPrefix(name, prefix) || i < 0 {
			continue
		}
		pid, _, ok := strings.Cut(name[i+len(".tmp-"):], "-")
		if n, err := strconv.Atoi(pid); ok && err == nil && n != os.Getpid() && !alive(n) {
			_ = os.Remove(filepath.Join(dir, name))
		}
	}
}

func kindOf(m fs.FileMode) string {
	switch {
	case m&fs.ModeDir != 0:
		return "a folder"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a plain file"
}

// Reason is err without the path an *fs.PathError repeats, for messages
// that name the path themselves.
func Reason(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
