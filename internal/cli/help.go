package cli

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/i18n"
)

// help prints a command's help in the user's language (--lang if the
// command has it, else LC_ALL, LC_MESSAGES, LANG): plain text, wrapped at
// word boundaries to the terminal's width (at most 100 columns), or to 80
// columns without padding when the output is not a terminal.
func (a *app) help(c *cobra.Command, _ []string) {
	l := a.lang("")
	if f := c.Flags().Lookup("lang"); f != nil && f.Changed {
		l = catalog.Lang(f.Value.String())
	}
	w := 80
	if o, ok := a.io.Out.(*output); ok {
		if file, ok := o.w.(*os.File); ok && term.IsTerminal(file.Fd()) {
			if tw, _, err := term.GetSize(file.Fd()); err == nil && tw > 0 {
				w = min(tw, 100)
			}
		}
	}
	h := helpWriter{w: a.io.Out, width: max(40, w), lang: l}
	h.command(c)
}

type helpWriter struct {
	w     io.Writer
	width int
	lang  catalog.Lang
}

// text is the command's or flag's text in the writer's language; key is
// the command path, with " (long)", " (example)" or " --flag".
func (h helpWriter) text(key, en string) string {
	if h.lang == catalog.DE {
		if de, ok := helpDE[key]; ok {
			return de
		}
	}
	return en
}

func (h helpWriter) t(key string) string { return i18n.T(h.lang, key) }

func (h helpWriter) line(s string) { fmt.Fprintln(h.w, s) }

// para wraps text to the width, keeping its own line breaks, indented by
// two spaces; an indented line is code and stays as it is.
func (h helpWriter) para(text string) {
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) == "" {
			h.line("")
			continue
		}
		if strings.HasPrefix(l, " ") {
			h.line("  " + l)
			continue
		}
		for _, wl := range wrapWords(l, h.width-2) {
			h.line("  " + wl)
		}
	}
}

func (h helpWriter) command(c *cobra.Command) {
	path := c.CommandPath()
	desc := h.text(path, c.Short)
	if c.Long != "" {
		desc = h.text(path+" (long)", c.Long)
	}
	h.line("")
	h.para(desc)
	h.line("")
	h.line(h.t("help.usage"))
	use := c.UseLine()
	use = strings.Replace(use, "[flags]", "["+h.t("help.flagsword")+"]", 1)
	if c.HasAvailableSubCommands() && !c.Runnable() {
		use = path + " " + h.t("help.commandword")
	} else if c.HasAvailableSubCommands() {
		use += "\n  " + path + " " + h.t("help.commandword")
	}
	if h.lang == catalog.DE {
		use = strings.NewReplacer("FILE", "DATEI", "OLD", "ALT", "NEW", "NEU").Replace(use)
	}
	h.line("  " + use)
	if c.Example != "" {
		h.line("")
		h.line(h.t("help.examples"))
		h.line(strings.TrimRight(h.text(path+" (example)", c.Example), "\n"))
	}
	if c.HasAvailableSubCommands() {
		h.line("")
		h.line(h.t("help.commands"))
		var rows [][2]string
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() || sub.Name() == "help" {
				rows = append(rows, [2]string{sub.Name(), h.text(sub.CommandPath(), sub.Short)})
			}
		}
		h.table(rows)
	}
	if fl := h.flags(c.LocalFlags(), path); len(fl) > 0 {
		h.line("")
		h.line(h.t("help.flags"))
		h.table(fl)
	}
	if fl := h.flags(c.InheritedFlags(), c.Root().CommandPath()); len(fl) > 0 {
		h.line("")
		h.line(h.t("help.global"))
		h.table(fl)
	}
	if c.HasAvailableSubCommands() {
		h.line("")
		h.para(fmt.Sprintf(h.t("help.more"), path))
	}
}

// flags lists the visible flags as rows: "-o, --output FILE" and its text
// with the default where there is one.
func (h helpWriter) flags(fs *pflag.FlagSet, path string) [][2]string {
	var rows [][2]string
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		name := "    --" + f.Name
		if f.Shorthand != "" {
			name = "-" + f.Shorthand + ", --" + f.Name
		}
		text := h.text(path+" --"+f.Name, f.Usage)
		switch f.Name {
		case "help":
			text = h.t("help.helpflag")
		case "version":
			text = h.t("help.versionflag")
		}
		switch v := f.Value.(type) {
		case *enumValue:
			name += " " + strings.Join(v.values, "|")
			if f.DefValue != "" {
				text += fmt.Sprintf(" (%s: %s)", h.t("help.default"), f.DefValue)
			}
		default:
			if f.Value.Type() != "bool" {
				name += " " + h.t(cmp.Or(valueNames[f.Name], "help.value"))
			}
		}
		rows = append(rows, [2]string{name, text})
	})
	return rows
}

// valueNames say what a flag takes, where it is more than a value.
var valueNames = map[string]string{
	"answers": "help.file", "catalog": "help.file", "resume": "help.file", "output": "help.file",
	"out-dir": "help.dir", "date": "help.date",
}

// table prints two columns: names padded to the widest (at most 30), the
// texts wrapped beside them; a longer name puts its text on the next line.
func (h helpWriter) table(rows [][2]string) {
	left := 0
	for _, r := range rows {
		if n := ansi.StringWidth(r[0]); n <= 30 {
			left = max(left, n)
		}
	}
	indent := 2 + left + 2
	for _, r := range rows {
		lines := wrapWords(r[1], max(20, h.width-indent))
		first := "  " + r[0]
		if ansi.StringWidth(r[0]) > left {
			h.line(first)
			first = strings.Repeat(" ", indent)
		} else {
			first += strings.Repeat(" ", indent-ansi.StringWidth(first))
		}
		for i, l := range lines {
			if i == 0 {
				h.line(first + l)
			} else {
				h.line(strings.Repeat(" ", indent) + l)
			}
		}
	}
}

// wrapWords wraps s at spaces to lines of at most w cells; a word longer
// than w stands on its own line.
func wrapWords(s string, w int) []string {
	var lines []string
	var cur strings.Builder
	for _, word := range strings.Fields(s) {
		if cur.Len() > 0 && ansi.StringWidth(cur.String())+1+ansi.StringWidth(word) > w {
			lines = append(lines, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(word)
	}
	if cur.Len() > 0 || len(lines) == 0 {
		lines = append(lines, cur.String())
	}
	return slices.Clip(lines)
}
