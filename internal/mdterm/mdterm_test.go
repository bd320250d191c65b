package mdterm

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// words splits text into words at spaces and hyphens, so that a word
// wrapped at its hyphen still counts as the same words.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\n' || r == '-' || r == '\t' })
}

type mdWord struct {
	w        string
	optional bool // a column name: a narrow preview shows it as a label
}

var mdLink = regexp.MustCompile(`\[([^\[\]]+)\]\([^)]*\)`)

// mdWords is the visible text of konform's Markdown as words: markup,
// list markers and table pipes removed, escapes undone.
// comment is an HTML comment: the action ids a plan carries for whoever
// edits the answers file, which a Markdown viewer does not show.
var comment = regexp.MustCompile(`<!--.*?-->`)

func mdWords(md string) []mdWord {
	var out []mdWord
	lines := strings.Split(md, "\n")
	for i, l := range lines {
		t := strings.TrimSpace(comment.ReplaceAllString(l, ""))
		optional := false
		if strings.HasPrefix(t, "|") {
			if strings.HasPrefix(t, "| ---") {
				continue
			}
			optional = i+1 < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i+1]), "| ---")
			t = strings.Join(cells(t), " ")
		}
		if t == "---" {
			continue
		}
		t = strings.TrimLeft(t, "#")
		for _, p := range []string{"- [ ] ", "- [x] ", "- "} {
			t = strings.TrimPrefix(t, p)
		}
		t = strings.NewReplacer("**", "", "`", "").Replace(t)
		t = mdLink.ReplaceAllString(t, "$1") // a link reads as its text
		var b strings.Builder
		for j := 0; j < len(t); j++ {
			if t[j] == '\\' && j+1 < len(t) {
				j++
			}
			b.WriteByte(t[j])
		}
		for _, w := range words(b.String()) {
			out = append(out, mdWord{w, optional})
		}
	}
	return out
}

// decoration is a word of the preview that is only drawing: a bullet, a
// check box or a table border.
func decoration(w string) bool {
	return strings.Trim(w, "•◦☐☑│─┼") == ""
}

// The preview leaves nothing of the plan out, at any width: every word of
// the saved Markdown is on screen, in the same order.
func TestPreviewShowsTheWholePlan(t *testing.T) {
	files, _ := filepath.Glob("../../examples/*.md")
	if len(files) == 0 {
		t.Fatal("no example plans")
	}
	for _, f := range files {
		md, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		want := mdWords(string(md))
		for _, width := range []int{56, 76, 116} {
			for _, dark := range []bool{true, false} {
				out := RenderStyled(string(md), width, NewStyles(dark))
				got := words(ansi.Strip(out))
				// The preview adds bullets, borders and column names, but
				// never more than a few words at a time.
				const maxExtra = 8
				j, extra := 0, 0
				part := "" // a link longer than the line, broken over lines
				for _, w := range got {
					for j < len(want) && want[j].optional && w != want[j].w && !decoration(w) {
						j++
					}
					if j < len(want) && strings.HasPrefix(want[j].w, "<http") && strings.HasPrefix(want[j].w, part+w) && part+w != want[j].w {
						part += w
						continue
					}
					w, part = part+w, ""
					switch {
					case j < len(want) && w == want[j].w:
						j, extra = j+1, 0
					case decoration(w):
					case extra < maxExtra:
						extra++
					default:
						t.Fatalf("%s at width %d: the preview lacks %q (word %d of %d) before %q", filepath.Base(f), width, want[j].w, j, len(want), w)
					}
				}
				for j < len(want) && want[j].optional {
					j++
				}
				if j < len(want) {
					t.Fatalf("%s at width %d: the preview lacks %q (word %d of %d)", filepath.Base(f), width, want[j].w, j, len(want))
				}
				for n, line := range strings.Split(out, "\n") {
					if w := ansi.StringWidth(line); w > width {
						t.Fatalf("%s at width %d: line %d is %d wide: %q", filepath.Base(f), width, n+1, w, ansi.Strip(line))
					}
				}
			}
		}
	}
}

func TestPreviewHidesTheActionIDs(t *testing.T) {
	md, err := os.ReadFile("../../examples/engineering-ai.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), "<!-- stop-use/fireflies -->") {
		t.Fatal("the plan no longer carries its action ids as comments")
	}
	out := ansi.Strip(RenderStyled(string(md), 76, NewStyles(true)))
	if strings.Contains(out, "<!--") || strings.Contains(out, "stop-use/fireflies") {
		t.Error("the preview shows the action ids the plan keeps for its source")
	}
	if !strings.Contains(out, "Fireflies.ai sofort vom Kalender trennen") {
		t.Error("the line that carried the id is gone from the preview")
	}
}

func TestPreviewMarkup(t *testing.T) {
	plain := Styles{}
	for in, want := range map[string]string{
		`Firma \*Sommer\* \& Söhne \| \_x\_`:  "Firma *Sommer* & Söhne | _x_",
		"**fett** und `code-id` und *kursiv*": "fett und code-id und kursiv",
		"ein ` allein":                        "ein ` allein",
	} {
		if got := unbreak(ansi.Strip(inline(in, plain))); got != want {
			t.Errorf("inline(%q) = %q, want %q", in, got, want)
		}
	}
	out := ansi.Strip(RenderStyled("- [ ] offen\n- [x] erledigt\n  - Warum: weil\n\n| a | b |\n| --- | ---: |\n| x | 1 |\n", 40, NewStyles(true)))
	for _, want := range []string{"☐ offen", "☑ erledigt", "  ◦ Warum: weil", " a │ b", " x │ 1"} {
		if !strings.Contains(out, want) {
			t.Errorf("the preview lacks %q:\n%s", want, out)
		}
	}
}

// ansi.Wrap leaves a line one cell too wide where a hyphen meets the edge.
func TestWrapLinesKeepsTheWidthAtAHyphen(t *testing.T) {
	s := "Zoom › Datenschutz-Einstellungen: Sind Aufmerksamkeits- und Aktivitätstracking, Telemetrie"
	for _, w := range []int{20, 40, 54, 55, 56} {
		for _, l := range WrapLines(s, w) {
			if got := ansi.StringWidth(l); got > w {
				t.Errorf("width %d: line %q is %d wide", w, l, got)
			}
		}
	}
}

// The first steps read in the preview as in the saved file: one numbered
// step per line, ids and dates never split, links shown as their text.
func TestPreviewFirstSteps(t *testing.T) {
	md := "## Erste Schritte\n\n1. **Für die Kommunikation mit Mandantinnen und Mandanten Signal ersetzen** — Signal · fällig: sofort (2026-11-22) · `switch-provider/signal`\n2. **[Datenschutz-Folgenabschätzung](#begriffe) für die KI-Funktionen** — Organisation · fällig: bis 2026-12-22 · `dpia/organisation`\n"
	for _, width := range []int{40, 58, 78} {
		out := ansi.Strip(RenderStyled(md, width, NewStyles(true)))
		lines := strings.Split(out, "\n")
		starts := 0
		for _, l := range lines {
			if strings.HasPrefix(l, "1. ") || strings.HasPrefix(l, "2. ") {
				starts++
			}
			for _, cut := range []string{"switch-", "provider/", "2026-", "dpia/", "(#begriffe)", "[Datenschutz"} {
				if strings.HasSuffix(strings.TrimSpace(l), cut) || strings.Contains(l, "](") {
					t.Errorf("width %d: %q cut or raw: %q", width, cut, l)
				}
			}
			if strings.Contains(l, noBreakHyphen) {
				t.Errorf("width %d: a non-breaking hyphen is left: %q", width, l)
			}
		}
		if starts != 2 {
			t.Errorf("width %d: %d numbered steps start a line, want 2:\n%s", width, starts, out)
		}
		if !strings.Contains(strings.Join(strings.Fields(out), " "), "Datenschutz-Folgenabschätzung für die KI-Funktionen") {
			t.Errorf("width %d: the link's text is not shown:\n%s", width, out)
		}
	}
}

// A norm is not split from its number at the end of a line.
func TestWrapKeepsANormWithItsNumber(t *testing.T) {
	s := "ohne Zustimmung des Betriebsrats dürfen sie nicht laufen (§ 87 Abs. 1 Nr. 6 BetrVG), nach Art. 9 DSGVO"
	for w := 20; w <= 80; w++ {
		for _, l := range WrapLines(s, w) {
			if strings.HasSuffix(l, "§") || strings.HasSuffix(l, "Art.") {
				t.Errorf("width %d: %q ends with a norm without its number", w, l)
			}
			if strings.Contains(l, "\u00a0") {
				t.Errorf("width %d: a no-break space is left in %q", w, l)
			}
		}
	}
}

// A date is never split at its hyphens: "Stand 2025-\n05-21" reads as two
// numbers.
func TestWrapKeepsADateWhole(t *testing.T) {
	s := "Bei WhatsApp Business App: fest eingebaut, nicht zu entfernen (recherchiert, Stand 2025-05-21; mehr mit ?)"
	for w := 12; w <= 80; w++ {
		joined := strings.Join(WrapLines(s, w), "\n")
		if !strings.Contains(joined, "2025-05-21") || strings.Contains(joined, noBreakHyphen) {
			t.Errorf("width %d: the date is split or keeps a no-break hyphen:\n%s", w, joined)
		}
	}
}
