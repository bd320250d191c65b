package fsutil

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"

	"github.com/konform/konform/internal/msg"
)

// TooLargeError says that a file is larger than a reader accepts.
type TooLargeError struct {
	Size, Max int64 // Size is -1 when unknown (standard input)
}

func (e *TooLargeError) Error() string { return e.In("en") }

// In says the error in German ("de") or English.
func (e *TooLargeError) In(l string) string {
	if e.Size < 0 {
		return msg.Errorf("more than %s; the most konform reads is %s", Size(e.Max), Size(e.Max)).(*msg.Msg).In(l)
	}
	return msg.Errorf("the file has %s; the most konform reads is %s", Size(e.Size), Size(e.Max)).(*msg.Msg).In(l)
}

// Size writes a byte count for people: 1,048,576 bytes (1 MiB).
func Size(n int64) string {
	s := groupThousands(n) + " bytes"
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		s += fmt.Sprintf(" (%d MiB)", n>>20)
	case n >= 1<<20:
		s += fmt.Sprintf(" (%.1f MiB)", float64(n)/(1<<20))
	}
	return s
}

func groupThousands(n int64) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// ReadFile reads the regular file at path, at most max bytes. A folder, a
// named pipe, a device or a file larger than max is refused with a
// message that names path; a named pipe is never waited on.
func ReadFile(path string, max int64) ([]byte, error) {
	fh, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, msg.Errorf("%s: no such file", path)
		}
		return nil, msg.Errorf("%s: cannot read: %v", path, Reason(err))
	}
	defer fh.Close()
	fi, err := fh.Stat()
	if err != nil {
		return nil, msg.Errorf("%s: cannot read: %v", path, Reason(err))
	}
	if !fi.Mode().IsRegular() {
		return nil, msg.Errorf("%s: is %s; konform reads regular files only", path, kindOf(fi.Mode()))
	}
	if fi.Size() > max {
		return nil, msg.Errorf("%s: %w", path, &TooLargeError{Size: fi.Size(), Max: max})
	}
	var b bytes.Buffer
	b.Grow(int(fi.Size()) + bytes.MinRead)
	if _, err := b.ReadFrom(io.LimitReader(fh, max+1)); err != nil {
		return nil, msg.Errorf("%s: cannot read: %v", path, Reason(err))
	}
	if int64(b.Len()) > max { // it grew while being read
		return nil, msg.Errorf("%s: %w", path, &TooLargeError{Size: int64(b.Len()), Max: max})
	}
	return b.Bytes(), nil
}

// ReadAll reads r (standard input), at most max bytes.
func ReadAll(r io.Reader, name string, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, msg.Errorf("%s: cannot read: %v", name, err)
	}
	if int64(len(data)) > max {
		return nil, msg.Errorf("%s: %w", name, &TooLargeError{Size: -1, Max: max})
	}
	return data, nil
}
