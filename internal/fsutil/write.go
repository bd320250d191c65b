// Package fsutil writes files so that nothing is ever half written or
// silently overwritten.
package fsutil

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrExists is returned when the target exists and overwriting was not asked for.
var ErrExists = errors.New("file exists")

// WriteFile writes data to path atomically: readers see the old file or the
// new one, never a part. Without overwrite an existing file is left alone
// and ErrExists returned; the check and the write are one step (a hard
// link), so no other writer can slip in between.
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
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("folder %s does not exist", dir)
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
	if err = tmp.Chmod(perm); err != nil {
		_ = tmp.Close()
		return err
	}
	if err = tmp.Sync(); err != nil {
		_ = tmp.Close()
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if overwrite {
		if err = os.Rename(tmp.Name(), path); err != nil {
			return err
		}
	} else {
		if err = os.Link(tmp.Name(), path); err != nil {
			if errors.Is(err, fs.ErrExist) {
				return ErrExists
			}
			return err
		}
		_ = os.Remove(tmp.Name())
	}
	return nil
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
