package session

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/questions"
)

func testFile(t *testing.T, org string) (*answers.File, *catalog.Catalog) {
	t.Helper()
	cat, err := questions.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	date, _ := catalog.ParseDate("2026-11-22")
	return &answers.File{Lang: catalog.DE, Assessment: answers.Assessment{Organisation: org, Date: date},
		Context: map[string]answers.Value{}, Notes: map[string]string{}}, cat
}

// Two wizards started in the same second keep two files: names never
// collide and a session file is never created over another.
func TestSessionsStartedTogetherKeepTheirOwnFiles(t *testing.T) {
	dir := t.TempDir()
	now := func() time.Time { return time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC) }
	a, b := NewKeeper(dir, now), NewKeeper(dir, now)
	defer a.Close()
	defer b.Close()
	fa, cat := testFile(t, "Praxis A")
	fb, _ := testFile(t, "Kanzlei B")
	if err := a.Save(fa, cat); err != nil {
		t.Fatal(err)
	}
	if err := b.Save(fb, cat); err != nil {
		t.Fatal(err)
	}
	if a.Path() == b.Path() {
		t.Fatalf("both sessions in %s", a.Path())
	}
	for path, org := range map[string]string{a.Path(): "Praxis A", b.Path(): "Kanzlei B"} {
		data, _ := os.ReadFile(path)
		if !strings.Contains(string(data), org) {
			t.Errorf("%s does not hold %s:\n%s", path, org, data)
		}
	}
	if filepath.Base(b.Path()) != "session-20261122-090000-2.yaml" {
		t.Errorf("second session named %s", filepath.Base(b.Path()))
	}
}

// A failed save is never taken for a saved one: Err stays until a save
// succeeds; SaveAs keeps the session in another place from then on.
func TestFailedSaveStaysUntilASaveSucceeds(t *testing.T) {
	home := t.TempDir()
	blocker := filepath.Join(home, "state")
	if err := os.WriteFile(blocker, []byte("a file where a folder should be"), 0o600); err != nil {
		t.Fatal(err)
	}
	k := NewKeeper(filepath.Join(blocker, "konform"), time.Now)
	defer k.Close()
	f, cat := testFile(t, "Praxis")
	if err := k.Save(f, cat); err == nil || k.Saved() || k.Err() == nil || k.Path() != "" {
		t.Fatalf("save into an impossible folder: err %v, saved %v, path %q", err, k.Saved(), k.Path())
	}
	elsewhere := filepath.Join(home, "praxis.yaml")
	if err := k.SaveAs(elsewhere, f, cat); err != nil {
		t.Fatal(err)
	}
	if !k.Saved() || k.Err() != nil || k.Path() != elsewhere {
		t.Fatalf("after SaveAs: saved %v, err %v, path %q", k.Saved(), k.Err(), k.Path())
	}
	if err := k.SaveAs(elsewhere, f, cat); err == nil {
		t.Error("SaveAs replaced an existing file")
	}
	if err := k.Save(f, cat); err != nil || !k.Saved() {
		t.Fatalf("later saves go to the new place: %v", err)
	}
}

// A session open in one konform is refused to a second, which is told by
// whom; when the first ends – or crashes – the lock is gone.
func TestOpenSessionIsLocked(t *testing.T) {
	dir := t.TempDir()
	f, cat := testFile(t, "Praxis")
	first := NewKeeper(dir, time.Now)
	if err := first.Save(f, cat); err != nil {
		t.Fatal(err)
	}
	second := NewKeeper(dir, time.Now)
	err := second.Open(first.Path())
	var le *LockedError
	if !errors.As(err, &le) || le.PID != os.Getpid() {
		t.Fatalf("second open: %v", err)
	}
	// The keeper that holds it may open it again: a user who goes back to
	// the welcome screen and continues the session they are in.
	if err := first.Open(first.Path()); err != nil {
		t.Fatalf("the holder opening its own session again: %v", err)
	}
	first.Close()
	if err := second.Open(first.Path()); err != nil {
		t.Fatalf("after the first closed: %v", err)
	}
	second.Close()

	// Another process holds it and is killed: nothing stays stuck.
	cmd := exec.Command(os.Args[0], "-test.run=^TestLockHelper$")
	cmd.Env = append(os.Environ(), "KONFORM_LOCK_HELPER="+first.Path())
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(out).ReadString('\n')
	if strings.TrimSpace(line) != "locked" {
		t.Fatalf("helper said %q", line)
	}
	if err := second.Open(first.Path()); !errors.As(err, &le) || le.PID != cmd.Process.Pid {
		t.Fatalf("while another process holds it: %v", err)
	}
	_ = cmd.Process.Kill()
	_ = cmd.Wait()
	if err := second.Open(first.Path()); err != nil {
		t.Fatalf("after the holder was killed: %v", err)
	}
	second.Close()
}

// TestLockHelper holds a session's lock for TestOpenSessionIsLocked.
func TestLockHelper(t *testing.T) {
	path := os.Getenv("KONFORM_LOCK_HELPER")
	if path == "" {
		t.Skip("only run by TestOpenSessionIsLocked, as a process of its own")
	}
	if _, err := Acquire(path); err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	fmt.Println("locked")
	time.Sleep(time.Minute)
}

// A named pipe named like a session is listed as unreadable at once; the
// welcome screen never waits on it.
func TestListDoesNotWaitOnAPipe(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "session-20261122-090000.yaml"), 0o600); err != nil {
		t.Skipf("no named pipes: %v", err)
	}
	_, cat := testFile(t, "x")
	done := make(chan []Info, 1)
	go func() { infos, _ := List(dir, cat, 5); done <- infos }()
	select {
	case infos := <-done:
		if len(infos) != 1 || infos[0].Err == nil || !strings.Contains(infos[0].Err.Error(), "is a named pipe") {
			t.Fatalf("infos %+v", infos)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("List waits on a named pipe")
	}
}
