package handoff

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
)

// Full finds konform-full beside the running konform (or, failing that,
// on the PATH) and hands it the command line. It returns only if that
// fails, with exit code 1 and a message that says what to do.
func Full(args []string) int {
	path, err := findFull()
	if err != nil {
		PrintError(os.Stderr, err)
		return 1
	}
	return run(path, args)
}

func findFull() (string, error) {
	name := FullName
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	self, err := os.Executable()
	if err == nil {
		if real, err := filepath.EvalSymlinks(self); err == nil {
			self = real
		}
		path := filepath.Join(filepath.Dir(self), name)
		if fi, err := os.Stat(path); err == nil && !fi.IsDir() {
			return path, nil
		}
	}
	if path, err := exec.LookPath(name); err == nil {
		return path, nil
	}
	where := "the folder konform is in"
	if self != "" {
		where = filepath.Dir(self)
	}
	return "", fmt.Errorf("%s is missing: konform needs it for everything except plans, in the same folder (%s)\n"+
		"build both with `make build`, or install both with `go install github.com/konform/konform/cmd/...@latest`", name, where)
}
