//go:build !unix

package handoff

import (
	"errors"
	"os"
	"os/exec"
	"os/signal"
)

// run starts the program at path with konform's streams and waits for it.
// Ctrl+C reaches both programs; konform leaves it to konform-full.
func run(path string, args []string) int {
	cmd := exec.Command(path, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	signal.Ignore(os.Interrupt)
	err := cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	if err != nil {
		PrintError(os.Stderr, err)
		return 1
	}
	return 0
}
