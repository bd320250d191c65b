package cli

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/konform/konform/internal/msg"
)

// enumFlag defines the flag name on cmd, which takes one of values (or
// def, which may be "" for "not given"), and completes them in the shell.
// A value outside them is a usage error that lists them.
func enumFlag(cmd *cobra.Command, p *string, name, def string, values []string, usage string) {
	*p = def
	cmd.Flags().Var(&enumValue{p: p, values: values}, name, usage)
	_ = cmd.RegisterFlagCompletionFunc(name, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
}

// langFlag is --lang: de or en, "" when not given.
func langFlag(cmd *cobra.Command, p *string, usage string) {
	enumFlag(cmd, p, "lang", "", []string{"de", "en"}, usage)
}

type enumValue struct {
	p      *string
	values []string
}

func (e *enumValue) String() string { return *e.p }
func (e *enumValue) Type() string   { return "string" }

func (e *enumValue) Set(s string) error {
	if !slices.Contains(e.values, s) {
		return msg.Errorf("must be one of %s", strings.Join(e.values, ", "))
	}
	*e.p = s
	return nil
}
