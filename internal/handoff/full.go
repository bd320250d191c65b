package handoff

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
)

// Full hands the command line to konform-full; see Hand.
func Full(args []string) int { return Hand(FullName, args) }

// Hand finds the program name beside the running konform (or, failing
// that, on the PATH) and hands it the command line. It returns only if
// that fails, with exit code 1 and a message that says what to do.
func Hand(name string, args []string) int {
	path, err := find(name)
	if err != nil {
		PrintError(os.Stderr, err)
		return 1
	}
	return run(path, args)
}

// needs says what konform needs a program for, in a message.
var needs = map[string]string{
	FullName: "everything except plans",
	HTMLName: "plans in HTML",
}

func find(name string) (string, error) {
	file := name
	if runtime.GOOS == "windows" {
		file += ".exe"
	}
	self, err := os.Executable()
	if err == nil {
		if real, err := filepath.EvalSymlinks(self); err == nil {
			self = real
		}
		path := filepath.Join(filepath.Dir(self), file)
		if fi, err := os.Stat(path); err == nil && !fi.IsDir() {
			return path, nil
		}
	}
	if path, err := exec.LookPath(file); err == nil {
		return path, nil
	}
	where := "the folder konform is in"
	if self != "" {
		where = filepath.Dir(self)
	}
	return "", fmt.Errorf("%s is missing: konform needs it for %s, in the same folder (%s)\n"+
		"build all three programs with `make build`, or install them with `go install github.com/konform/konform/cmd/...@latest`", name, needs[name], where)
}
