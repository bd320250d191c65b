package cli_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/konform/konform/internal/cli"
	"github.com/konform/konform/internal/testkit"
)

// "konform" in the scripts is cmd/konform's main: the whole program, in
// this test binary.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"konform": func() {
			os.Exit(cli.Main(os.Args[1:], cli.IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr}))
		},
	})
}

// The scripts in testdata/script run the real command line end to end.
// "exits N konform ..." runs a command and checks its exact exit code.
func TestScripts(t *testing.T) {
	examples := filepath.Join(testkit.Root(), "examples")
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("EXAMPLES", examples)
			env.Setenv("LANG", "en_US.UTF-8") // scripts that expect German set LANG themselves
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"mkfifo": func(ts *testscript.TestScript, neg bool, args []string) {
				for _, a := range args {
					ts.Check(syscall.Mkfifo(ts.MkAbs(a), 0o600))
				}
			},
			"exits": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) < 2 {
					ts.Fatalf("usage: exits CODE COMMAND [ARGS...]")
				}
				want, err := strconv.Atoi(args[0])
				if err != nil {
					ts.Fatalf("exits: %v", err)
				}
				got := 0
				if err := ts.Exec(args[1], args[2:]...); err != nil {
					var ee *exec.ExitError
					if !errors.As(err, &ee) {
						ts.Fatalf("exits: %v", err)
					}
					got = ee.ExitCode()
				}
				if got != want {
					ts.Fatalf("%s exited with %d, want %d", args[1], got, want)
				}
			},
		},
	})
}

// Output that cannot be written (a full disk) is an error with the output
// exit code, never a success and never "internal error".
func TestWriteErrorsAreReported(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("no /dev/full here: %v", err)
	}
	defer full.Close()
	for _, args := range [][]string{
		{"validate", testkit.Example("craft-whatsapp.yaml")},
		{"plan", "--answers", testkit.Example("craft-whatsapp.yaml")},
		{"plan", "--answers", testkit.Example("craft-whatsapp.yaml"), "--format", "csv"},
		{"tools"},
		{"--help"},
	} {
		var stderr strings.Builder
		code := cli.Main(args, cli.IO{In: strings.NewReader(""), Out: full, Err: &stderr, Getenv: func(k string) string { return map[string]string{"LANG": "en_US.UTF-8"}[k] }})
		if code != cli.ExitInput || stderr.String() != "konform: cannot write to standard output: no space left on device\n" {
			t.Errorf("%q: exit %d, stderr %q", args, code, stderr.String())
		}
	}
}
