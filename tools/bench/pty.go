package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
)

// term is a program in a pseudo-terminal of 80×24 that answers terminal
// queries as a real terminal does, so no query time-out is measured.
type term struct {
	cmd    *exec.Cmd
	f      *os.File
	mu     sync.Mutex
	out    bytes.Buffer
	chunks chan time.Time // when output arrived
	done   chan struct{}
}

var (
	queryDA1     = "\x1b[c"
	queryBG      = regexp.MustCompile(`\x1b\]11;\?(\x07|\x1b\\)`)
	queryFG      = regexp.MustCompile(`\x1b\]10;\?(\x07|\x1b\\)`)
	queryMode    = regexp.MustCompile(`\x1b\[\?(\d+)\$p`)
	queryCursor  = "\x1b[6n"
	queryKitty   = "\x1b[?u"
	queryVersion = "\x1b[>0q"
)

func startTerm(env []string, name string, args ...string) (*term, time.Time, error) {
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Env = append(cmd.Env, "TERM=xterm-256color", "COLORTERM=truecolor")
	start := time.Now()
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: 80})
	if err != nil {
		return nil, start, err
	}
	t := &term{cmd: cmd, f: f, chunks: make(chan time.Time, 4096), done: make(chan struct{})}
	go t.read()
	return t, start, nil
}

func (t *term) read() {
	defer close(t.done)
	buf := make([]byte, 64*1024)
	for {
		n, err := t.f.Read(buf)
		if n > 0 {
			now := time.Now()
			chunk := string(buf[:n])
			t.answer(chunk)
			t.mu.Lock()
			t.out.WriteString(chunk)
			t.mu.Unlock()
			select {
			case t.chunks <- now:
			default:
			}
		}
		if err != nil {
			return
		}
	}
}

// answer replies to the queries in a chunk of output.
func (t *term) answer(chunk string) {
	var reply strings.Builder
	if strings.Contains(chunk, queryDA1) {
		reply.WriteString("\x1b[?62;22c")
	}
	if queryBG.MatchString(chunk) {
		reply.WriteString("\x1b]11;rgb:1e1e/1e1e/1e1e\x1b\\")
	}
	if queryFG.MatchString(chunk) {
		reply.WriteString("\x1b]10;rgb:dddd/dddd/dddd\x1b\\")
	}
	for _, m := range queryMode.FindAllStringSubmatch(chunk, -1) {
		reply.WriteString(fmt.Sprintf("\x1b[?%s;2$y", m[1]))
	}
	if strings.Contains(chunk, queryCursor) {
		reply.WriteString("\x1b[1;1R")
	}
	if strings.Contains(chunk, queryKitty) {
		reply.WriteString("\x1b[?0u")
	}
	if strings.Contains(chunk, queryVersion) {
		reply.WriteString("\x1bP>|bench-term 1.0\x1b\\")
	}
	if reply.Len() > 0 {
		_, _ = t.f.WriteString(reply.String())
	}
}

func (t *term) text() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return ansi.Strip(t.out.String())
}

// waitFor waits until the output shows s and returns when.
func (t *term) waitFor(s string, timeout time.Duration) (time.Time, error) {
	deadline := time.After(timeout)
	for {
		if strings.Contains(t.text(), s) {
			return time.Now(), nil
		}
		select {
		case <-t.chunks:
		case <-time.After(2 * time.Millisecond):
		case <-deadline:
			return time.Time{}, fmt.Errorf("no %q on screen after %v", s, timeout)
		case <-t.done:
			if strings.Contains(t.text(), s) {
				return time.Now(), nil
			}
			return time.Time{}, fmt.Errorf("the program ended without showing %q:\n%s", s, t.text())
		}
	}
}

// settle waits until no output has come for quiet.
func (t *term) settle(quiet time.Duration) {
	for {
		select {
		case <-t.chunks:
		case <-time.After(quiet):
			return
		}
	}
}

// press sends keys and returns the time until the next output: one frame.
func (t *term) press(keys string) (time.Duration, error) {
	for {
		select {
		case <-t.chunks: // drain what came before
			continue
		default:
		}
		break
	}
	sent := time.Now()
	if _, err := t.f.WriteString(keys); err != nil {
		return 0, err
	}
	select {
	case at := <-t.chunks:
		return at.Sub(sent), nil
	case <-time.After(2 * time.Second):
		return 0, fmt.Errorf("no frame after a key press")
	}
}

// stop ends the program and returns its peak RSS in bytes.
func (t *term) stop(keys string) {
	if keys != "" {
		_, _ = t.f.WriteString(keys)
	}
	select {
	case <-t.done:
	case <-time.After(3 * time.Second):
		_ = t.cmd.Process.Kill()
	}
	_ = t.cmd.Wait()
	t.f.Close()
}

// settled is what one key press brought until the screen was quiet.
type settled struct {
	done   time.Duration // from the key to the last output before the quiet
	bytes  int           // written to the terminal
	clears int           // full-screen clears (ESC[2J) among them
}

// pressSettled sends keys and waits until no output has come for quiet:
// the whole change the key makes, a second flush one tick later included.
func (t *term) pressSettled(keys string, quiet time.Duration) (settled, error) {
	t.settle(quiet)
	t.mu.Lock()
	from := t.out.Len()
	t.mu.Unlock()
	sent := time.Now()
	if _, err := t.f.WriteString(keys); err != nil {
		return settled{}, err
	}
	var last time.Time
	select {
	case last = <-t.chunks:
	case <-time.After(2 * time.Second):
		return settled{}, fmt.Errorf("no frame after a key press")
	}
	for {
		select {
		case at := <-t.chunks:
			last = at
			continue
		case <-time.After(quiet):
		}
		break
	}
	t.mu.Lock()
	out := t.out.String()[from:]
	t.mu.Unlock()
	return settled{done: last.Sub(sent), bytes: len(out), clears: strings.Count(out, "\x1b[2J")}, nil
}
