package fsutil

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestWriteFileNeverOverwritesWithoutBeingAsked(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.md")
	if err := WriteFile(path, []byte("first"), 0o644, false); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("second"), 0o644, false); !errors.Is(err, ErrExists) {
		t.Fatalf("second write without overwrite: got %v, want ErrExists", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "first" {
		t.Fatalf("file changed to %q", b)
	}
	if err := WriteFile(path, []byte("third"), 0o644, true); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "third" {
		t.Fatalf("overwrite: got %q", b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("temporary files left behind: %v", entries)
	}
}

// A new file gets its mode less the umask; a replaced file keeps its own.
func TestWriteFileModes(t *testing.T) {
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.md")
	if err := WriteFile(path, []byte("x"), 0o666, false); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("new file under umask 077: mode %v, want 0600", fi.Mode().Perm())
	}
	syscall.Umask(0o022)
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("y"), 0o666, true); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o640 {
		t.Errorf("replaced file: mode %v, want its own 0640", fi.Mode().Perm())
	}
	other := filepath.Join(dir, "other.md")
	if err := WriteFile(other, []byte("x"), 0o666, false); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(other); fi.Mode().Perm() != 0o644 {
		t.Errorf("new file under umask 022: mode %v, want 0644", fi.Mode().Perm())
	}
}

// Only regular files are replaced: not a device, a named pipe, a folder
// or a link.
func TestWriteFileReplacesOnlyRegularFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no named pipes: %v", err)
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(filepath.Join(dir, "target"), link); err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{fifo: "a named pipe", dir: "a folder", link: "a symbolic link"}
	// A device of the test's own (as root): a broken check must not
	// replace the machine's /dev/null.
	if dev := filepath.Join(dir, "null"); syscall.Mknod(dev, syscall.S_IFCHR|0o666, 1<<8|3) == nil {
		cases[dev] = "a device"
	}
	for path, kind := range cases {
		err := WriteFile(path, []byte("x"), 0o666, true)
		if err == nil || !strings.Contains(err.Error(), "is not a regular file ("+kind+")") {
			t.Errorf("%s: %v", path, err)
		}
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Error("the named pipe was replaced")
	}
}

// A writer killed mid-write leaves its temporary file; the next write to
// the folder removes it – whatever file it was for – and leaves those of
// running writers alone.
func TestStaleTemporaryFilesAreRemoved(t *testing.T) {
	dir := t.TempDir()
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Skip(err)
	}
	stale := filepath.Join(dir, tempPrefix("plan.md")+strconv.Itoa(dead.Process.Pid)+"-1")
	live := filepath.Join(dir, tempPrefix("plan.md")+strconv.Itoa(os.Getppid())+"-2")
	other := filepath.Join(dir, tempPrefix("other.json")+strconv.Itoa(dead.Process.Pid)+"-3") // another file's, same folder
	for _, p := range []string{stale, live, other} {
		if err := os.WriteFile(p, []byte("half"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := WriteFile(filepath.Join(dir, "plan.md"), []byte("x"), 0o666, false); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{stale, other} {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("the dead writer's temporary file %s is still there", filepath.Base(p))
		}
	}
	if _, err := os.Stat(live); err != nil {
		t.Error("a running process's temporary file was removed")
	}
}

func TestWriteFileMissingFolder(t *testing.T) {
	err := WriteFile(filepath.Join(t.TempDir(), "nope", "plan.md"), []byte("x"), 0o644, false)
	if err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Fatalf("got %v, want a 'does not exist' error", err)
	}
}

// Reading is bounded: regular files only, never waiting on a pipe, and
// the real size in the message.
func TestReadFileIsBounded(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "session.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no named pipes: %v", err)
	}
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, make([]byte, 3<<20), 0o600); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		fifo:        ": is a named pipe; konform reads regular files only",
		"/dev/zero": ": is a device; konform reads regular files only",
		big:         ": the file has 3,145,728 bytes (3 MiB); the most konform reads is 1,048,576 bytes (1 MiB)",
	} {
		done := make(chan error, 1)
		go func() { _, err := ReadFile(path, 1<<20); done <- err }()
		select {
		case err := <-done:
			if err == nil || err.Error() != path+want {
				t.Errorf("%v; want %q", err, path+want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: still reading after 5 s", path)
		}
	}
	if _, err := ReadAll(strings.NewReader(strings.Repeat("x", 11)), "<stdin>", 10); err == nil || err.Error() != "<stdin>: more than 10 bytes; the most konform reads is 10 bytes" {
		t.Errorf("standard input: %v", err)
	}
}
