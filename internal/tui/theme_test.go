package tui

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"charm.land/huh/v2"
	"github.com/charmbracelet/x/ansi"
)

// Every option of a select and a multiple choice – under the cursor or
// not, ticked or not – reads at a contrast of at least 4.5:1 (WCAG AA)
// against the background the wizard assumes: a dark terminal (#262626,
// the darker greys dark themes use are darker still) and a light one
// (#ffffff).
func TestOptionsAreReadableOnBothBackgrounds(t *testing.T) {
	labels := []string{"Erste Antwort", "Zweite Antwort", "Dritte Antwort", "Unbekannt zu klaeren"}
	for _, bg := range []struct {
		dark bool
		rgb  [3]float64
	}{{true, [3]float64{0x26, 0x26, 0x26}}, {false, [3]float64{0xff, 0xff, 0xff}}} {
		m := New(Options{Catalog: catalogue(t), Lang: "de"})
		m.dark = bg.dark
		var val string
		multi := []string{"b"}
		sel := newSelect().Title("Eine Frage").Options(huh.NewOption(labels[0], "a"), huh.NewOption(labels[1], "b")).Value(&val)
		ms := newMultiSelect().Title("Mehrere").Options(huh.NewOption(labels[2], "b"), huh.NewOption(labels[3], "c")).Value(&multi)
		for _, f := range []*huh.Form{m.prepare(newThemedForm(sel)), m.prepare(newThemedForm(ms))} {
			view := f.View()
			for _, label := range labels {
				for _, line := range strings.Split(view, "\n") {
					if !strings.Contains(ansi.Strip(line), label) {
						continue
					}
					fg, ok := colourBefore(line, label)
					if !ok {
						t.Errorf("dark %v: no colour for %q in %q", bg.dark, label, line)
						continue
					}
					if r := contrast(fg, bg.rgb); r < 4.5 {
						t.Errorf("dark %v: %q is drawn in %v, contrast %.2f:1 (want at least 4.5)", bg.dark, label, fg, r)
					}
				}
			}
		}
	}
}

var sgr = regexp.MustCompile(`\x1b\[([0-9;]*)m`)

// colourBefore is the foreground colour in force where label starts.
func colourBefore(line, label string) ([3]float64, bool) {
	i := strings.Index(line, label)
	if i < 0 {
		return [3]float64{}, false
	}
	var fg [3]float64
	found := false
	for _, m := range sgr.FindAllStringSubmatchIndex(line[:i], -1) {
		parts := strings.Split(line[m[2]:m[3]], ";")
		for j := 0; j < len(parts); j++ {
			switch {
			case parts[j] == "38" && j+4 < len(parts) && parts[j+1] == "2":
				for k := range 3 {
					v, _ := strconv.Atoi(parts[j+2+k])
					fg[k] = float64(v)
				}
				found, j = true, j+4
			case parts[j] == "38" && j+2 < len(parts) && parts[j+1] == "5":
				n, _ := strconv.Atoi(parts[j+2])
				fg, found, j = xterm256(n), true, j+2
			case parts[j] == "39" || parts[j] == "0" || parts[j] == "":
				found = false
			}
		}
	}
	return fg, found
}

func xterm256(n int) [3]float64 {
	switch {
	case n >= 232:
		v := float64(8 + 10*(n-232))
		return [3]float64{v, v, v}
	case n >= 16:
		n -= 16
		c := func(x int) float64 {
			if x == 0 {
				return 0
			}
			return float64(55 + 40*x)
		}
		return [3]float64{c(n / 36), c(n / 6 % 6), c(n % 6)}
	}
	return [3]float64{128, 128, 128}
}

func contrast(a, b [3]float64) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

func luminance(c [3]float64) float64 {
	lin := func(v float64) float64 {
		v /= 255
		if v <= 0.03928 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c[0]) + 0.7152*lin(c[1]) + 0.0722*lin(c[2])
}
