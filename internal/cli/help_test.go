package cli

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Every command and flag a user can see has its German help.
func TestEveryCommandAndFlagHasGermanHelp(t *testing.T) {
	root := newRootCmd(&app{})
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		path := c.CommandPath()
		if helpDE[path] == "" {
			t.Errorf("%s: no German short text", path)
		}
		if c.Long != "" && helpDE[path+" (long)"] == "" {
			t.Errorf("%s: no German long text", path)
		}
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if f.Hidden || f.Name == "help" || f.Name == "version" {
				return
			}
			if helpDE[path+" --"+f.Name] == "" {
				t.Errorf("%s --%s: no German text", path, f.Name)
			}
		})
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() || sub.Name() == "help" {
				walk(sub)
			}
		}
	}
	root.InitDefaultHelpFlag()
	walk(root)
}

func helpOf(t *testing.T, env map[string]string, args ...string) string {
	t.Helper()
	var out, errb strings.Builder
	code := Main(args, IO{In: strings.NewReader(""), Out: &out, Err: &errb, Getenv: func(k string) string { return env[k] }})
	if code != 0 {
		t.Fatalf("%q: exit %d, stderr %q", args, code, errb.String())
	}
	return out.String()
}

// Help follows the language and is wrapped at word boundaries to 80
// columns without padding when it is not shown in a terminal.
func TestHelpLanguageAndWidth(t *testing.T) {
	de := map[string]string{"LANG": "de_DE.UTF-8"}
	en := map[string]string{"LANG": "en_GB.UTF-8"}
	for _, tc := range []struct {
		env        map[string]string
		args       []string
		want, dont string
	}{
		{de, []string{"--help"}, "Aufruf:", "Usage:"},
		{en, []string{"--help"}, "Usage:", "Aufruf:"},
		{de, []string{"plan", "--help"}, "Antwortdatei (YAML oder JSON", "answers file (YAML"},
		{de, []string{"plan", "--help", "--lang", "en"}, "answers file (YAML", "Antwortdatei"},
		{en, []string{"help", "diff"}, "Compares two answers files", "Vergleicht"},
		{de, []string{"help", "diff"}, "Vergleicht zwei Antwortdateien", "Compares"},
		{de, []string{"completion", "bash", "--help"}, "Für jede neue Sitzung einmal", "To load completions"},
	} {
		got := helpOf(t, tc.env, tc.args...)
		if !strings.Contains(got, tc.want) || strings.Contains(got, tc.dont) {
			t.Errorf("%v %q: want %q and not %q:\n%s", tc.env, tc.args, tc.want, tc.dont, got)
		}
		for i, l := range strings.Split(got, "\n") {
			if w := ansi.StringWidth(l); w > 80 && !strings.HasPrefix(l, "    ") {
				t.Errorf("%q line %d is %d wide: %q", tc.args, i+1, w, l)
			}
			if strings.TrimRight(l, " ") != l {
				t.Errorf("%q line %d ends in spaces: %q", tc.args, i+1, l)
			}
		}
	}
	// Words stay whole: every word of the German plan text is in the help.
	got := helpOf(t, de, "plan", "--help")
	for _, word := range strings.Fields(helpDE["konform plan (long)"]) {
		if !strings.Contains(got, word) {
			t.Errorf("word %q is broken or missing in:\n%s", word, got)
		}
	}
}
