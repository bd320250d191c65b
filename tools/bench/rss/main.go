// Command rss runs a command and writes its peak resident set size, in
// bytes, to the file RSS_OUT names. make bench measures memory through it:
// a child started straight from the bench inherits the bench's own peak
// (the kernel counts the memory a process had before exec), this small
// parent adds at most its own.
package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"syscall"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: RSS_OUT=FILE rss COMMAND [ARGS...]")
		os.Exit(2)
	}
	cmd := exec.Command(os.Args[1], os.Args[2:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err := cmd.Run()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		fmt.Fprintln(os.Stderr, "rss:", err)
		os.Exit(1)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		_ = os.WriteFile(os.Getenv("RSS_OUT"), []byte(fmt.Sprint(ru.Maxrss*1024)), 0o644)
	}
	os.Exit(cmd.ProcessState.ExitCode())
}
