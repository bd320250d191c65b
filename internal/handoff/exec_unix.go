//go:build unix

package handoff

import (
	"os"
	"syscall"
)

// run replaces konform with the program at path: the terminal, the
// signals and the exit code are then konform-full's own.
func run(path string, args []string) int {
	err := syscall.Exec(path, append([]string{"konform"}, args...), os.Environ())
	// Exec returns only when it failed.
	PrintError(os.Stderr, err)
	return 1
}
