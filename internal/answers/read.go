package answers

import "github.com/konform/konform/internal/fsutil"

// ReadFile reads an answers or session file: a regular file of at most
// MaxSize bytes. Its errors name the path.
func ReadFile(path string) ([]byte, error) { return fsutil.ReadFile(path, MaxSize) }
