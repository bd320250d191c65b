package cli

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/charmbracelet/colorprofile"

	"github.com/konform/konform/internal/answers"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/tui"
)

// runAccessible runs the plain, line-by-line walk; its output never
// carries ANSI escapes.
func (a *app) runAccessible(cat *catalog.Catalog, lang catalog.Lang, dir string, resume *answers.File, resumePath string) error {
	wd, _ := os.Getwd()
	home, _ := os.UserHomeDir()
	out := &colorprofile.Writer{Forward: a.io.Out, Profile: colorprofile.NoTTY}
	acc := tui.NewAccessible(tui.Options{Catalog: cat, Lang: lang, SessionDir: dir, Resume: resume, ResumePath: resumePath,
		WorkDir: wd, HomeDir: home, Now: time.Now}, a.io.In, out)
	_, err := acc.Run()
	if path := acc.SessionPath(); path != "" {
		fmt.Fprintf(a.io.Err, "konform: session saved in %s (konform --accessible --resume %s)\n", path, path)
	}
	if errors.Is(err, tui.ErrInputEnded) {
		return inputErr("the input ended before the assessment was complete; the answers so far are saved")
	}
	return err
}
