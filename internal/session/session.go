// Package session keeps the wizard's work safe: every answer is saved
// atomically to an answers file in the user's state directory, and recent
// sessions can be listed and resumed. A session file that cannot be read
// is reported and never overwritten.
package session

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/fsutil"
	"github.com/konform/konform/internal/msg"
)

// Dir is konform's folder in the state directory: $XDG_STATE_HOME/konform,
// or ~/.local/state/konform. A relative XDG_STATE_HOME is ignored, as the
// XDG Base Directory specification says.
func Dir(getenv func(string) string) (string, error) {
	base := getenv("XDG_STATE_HOME")
	if !filepath.IsAbs(base) {
		base = ""
	}
	if base == "" {
		home := getenv("HOME")
		if home == "" {
			h, err := os.UserHomeDir()
			if err != nil {
				return "", msg.Errorf("no state directory: set XDG_STATE_HOME or HOME")
			}
			home = h
		}
		base = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(base, "konform"), nil
}

// NewPath names a new session file in dir.
func NewPath(dir string, now time.Time) string {
	return filepath.Join(dir, "session-"+now.Format("20060102-150405")+".yaml")
}

// Save writes the session atomically, readable only by its owner.
func Save(path string, f *answers.File, cat *catalog.Catalog) error {
	data, err := answers.Marshal(f, cat)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	return fsutil.WriteFile(path, data, 0o600, true)
}

// Load reads a session file.
func Load(path string, cat *catalog.Catalog) (*answers.File, error) {
	data, err := answers.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return answers.ParseSession(path, data, cat)
}

// Info describes a session for the welcome screen.
type Info struct {
	Path     string
	Modified time.Time
	File     *answers.File // nil when Err is set
	Err      error
}

// List returns the sessions in dir, newest first, at most max.
func List(dir string, cat *catalog.Catalog, max int) ([]Info, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	// Only the newest max files are read: a consultant's folder may hold
	// hundreds of sessions, and the welcome screen shows a few.
	var infos []Info
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".yaml") {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue
		}
		infos = append(infos, Info{Path: filepath.Join(dir, e.Name()), Modified: fi.ModTime()})
	}
	sort.SliceStable(infos, func(i, j int) bool { return infos[i].Modified.After(infos[j].Modified) })
	if len(infos) > max {
		infos = infos[:max]
	}
	for i := range infos {
		infos[i].File, infos[i].Err = Load(infos[i].Path, cat)
	}
	return infos, nil
}
