package cli

import (
	"io"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

func testApp() *app {
	return &app{io: IO{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard, Getenv: func(string) string { return "" }}}
}

// execute runs cmd with args as cobra would and returns the error.
func execute(cmd *cobra.Command, args ...string) error {
	cmd.SetArgs(args)
	cmd.SetOut(io.Discard)
	cmd.SetErr(io.Discard)
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	return cmd.Execute()
}

// A command line reaches the run function as the user meant it, in every
// spelling cobra accepts.
func TestPlanFlagsReachTheOptions(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want planOptions
	}{
		{[]string{"--answers", "a.yaml"}, planOptions{Answers: "a.yaml", Format: "md"}},
		{[]string{"--answers=a.yaml", "--format=json", "--lang", "en", "-oplan.json", "--force"},
			planOptions{Answers: "a.yaml", Format: "json", Lang: "en", Out: "plan.json", Force: true}},
		{[]string{"--answers", "clients/", "--out-dir", "plans/", "--format", "csv"}, planOptions{Answers: "clients/", OutDir: "plans/", Format: "csv"}},
		{[]string{"--answers", "-", "--format", "html", "-o", "p.html"}, planOptions{Answers: "-", Format: "html", Out: "p.html"}},
	} {
		var got *planOptions
		if err := execute(newPlanCmd(testApp(), func(o *planOptions) error { got = o; return nil }), tc.args...); err != nil {
			t.Fatalf("%q: %v", tc.args, err)
		}
		got.app = nil
		if *got != tc.want {
			t.Errorf("%q: options %+v, want %+v", tc.args, *got, tc.want)
		}
	}
}

// An enum flag takes only its values, says which they are, and is a usage
// error (exit code 2); the run function is never reached.
func TestEnumFlagsRefuseOtherValues(t *testing.T) {
	a := testApp()
	never := func(string) { t.Error("the command ran with a bad flag") }
	for _, tc := range []struct {
		cmd  *cobra.Command
		args []string
		want string
	}{
		{newPlanCmd(a, func(*planOptions) error { never("plan"); return nil }), []string{"--answers", "a", "--format", "pdf"}, `invalid argument "pdf" for "--format" flag: must be one of csv, html, json, md, txt`},
		{newPlanCmd(a, func(*planOptions) error { never("plan"); return nil }), []string{"--answers", "a", "--lang", "fr"}, `invalid argument "fr" for "--lang" flag: must be one of de, en`},
		{newCompareCmd(a, func(*compareOptions) error { never("compare"); return nil }), []string{"zoom", "webex", "--format", "csv"}, `must be one of table, md, json`},
		{newDiffCmd(a, func(*diffOptions) error { never("diff"); return nil }), []string{"a", "b", "--format", "html"}, `must be one of md, json`},
		{newToolsCmd(a, func(*toolsOptions) error { never("tools"); return nil }), []string{"--kind", "fax"}, `must be one of messenger, video`},
		{newQuestionsCmd(a, func(*questionsOptions) error { never("questions"); return nil }), []string{"--format", "txt"}, `must be one of md, json`},
	} {
		err := execute(tc.cmd, tc.args...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s %q: error %v, want %q", tc.cmd.Name(), tc.args, err, tc.want)
			continue
		}
		if code := exitCode(err); code != ExitInput {
			t.Errorf("%s %q: exit code %d, want %d", tc.cmd.Name(), tc.args, code, ExitInput)
		}
	}
}

func TestArgumentsReachTheOptions(t *testing.T) {
	var c *compareOptions
	if err := execute(newCompareCmd(testApp(), func(o *compareOptions) error { c = o; return nil }), "zoom", "webex", "--answers", "x.yaml", "--date", "2026-12-01"); err != nil {
		t.Fatal(err)
	}
	if strings.Join(c.Tools, " ") != "zoom webex" || c.Answers != "x.yaml" || c.Date != "2026-12-01" || c.Format != "table" {
		t.Errorf("compare options %+v", *c)
	}
	var d *diffOptions
	if err := execute(newDiffCmd(testApp(), func(o *diffOptions) error { d = o; return nil }), "old.yaml", "new.json", "--format", "json"); err != nil {
		t.Fatal(err)
	}
	if d.Old != "old.yaml" || d.New != "new.json" || d.Format != "json" {
		t.Errorf("diff options %+v", *d)
	}
}
