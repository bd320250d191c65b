package answers

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/konform/konform/internal/fsutil"
)

// ReadFile reads the file at path, at most MaxSize bytes and one more, so
// that Parse can tell that it is too big. Its errors name the path.
func ReadFile(path string) ([]byte, error) {
	fh, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: no such file", path)
		}
		return nil, fmt.Errorf("%s: cannot read: %v", path, fsutil.Reason(err))
	}
	defer fh.Close()
	var b bytes.Buffer
	if fi, err := fh.Stat(); err == nil {
		if fi.IsDir() {
			return nil, fmt.Errorf("%s: is a folder; give an answers file", path)
		}
		b.Grow(int(min(fi.Size(), MaxSize)) + bytes.MinRead)
	}
	if _, err := b.ReadFrom(io.LimitReader(fh, MaxSize+1)); err != nil {
		return nil, fmt.Errorf("%s: cannot read: %v", path, fsutil.Reason(err))
	}
	return b.Bytes(), nil
}
