// Package mdterm draws konform's Markdown for a terminal: the wizard's
// preview, the fact sheets of konform tools show and the plans the
// portfolio opens.
package mdterm

import (
	"regexp"
	"strings"

	"charm.land/lipgloss/v2"
	"charm.land/lipgloss/v2/table"
	"github.com/charmbracelet/x/ansi"
)

// The preview shows the plan as it will be saved, drawn for the terminal.
// konform writes that Markdown itself (internal/report), so the preview
// reads the small part of Markdown the plan uses: headings, paragraphs,
// bullet and task lists (nested by two spaces), pipe tables, rules, bold,
// italics, code spans and backslash escapes. Anything else is shown as
// written. A table too wide for the screen is shown row by row.

// Styles are the styles of the terminal Markdown view.
type Styles struct {
	H1, H2, H3, Bold, Italic, Code, Rule, Marker lipgloss.Style
}

// Accent is konform's colour: headings, markers, the progress bar.
var Accent = lipgloss.Color("#7D56F4")

var (
	dim  = lipgloss.NewStyle().Faint(true)
	bold = lipgloss.NewStyle().Bold(true)
)

// NewStyles are the styles for a dark or a light background.
func NewStyles(dark bool) Styles {
	code := lipgloss.Color("#B0306A")
	if dark {
		code = lipgloss.Color("#F28FAD")
	}
	return Styles{
		H1:     lipgloss.NewStyle().Bold(true).Foreground(Accent).Underline(true),
		H2:     lipgloss.NewStyle().Bold(true).Foreground(Accent),
		H3:     lipgloss.NewStyle().Bold(true),
		Bold:   bold,
		Italic: lipgloss.NewStyle().Italic(true),
		Code:   lipgloss.NewStyle().Foreground(code),
		Rule:   dim,
		Marker: lipgloss.NewStyle().Foreground(Accent),
	}
}

// renderMarkdown draws md for a terminal width columns wide.
func RenderStyled(md string, width int, st Styles) string {
	width = max(20, width)
	lines := strings.Split(strings.ReplaceAll(md, "\r\n", "\n"), "\n")
	var out []string
	blank := func() {
		if len(out) > 0 && out[len(out)-1] != "" {
			out = append(out, "")
		}
	}
	var para []string
	flush := func() {
		if len(para) > 0 {
			out = append(out, WrapIndent(inline(strings.Join(para, " "), st), width, "", "")...)
			para = nil
		}
	}
	for i := 0; i < len(lines); i++ {
		l := stripComments(lines[i])
		t := strings.TrimSpace(l)
		switch {
		case t == "":
			flush()
			blank()
		case strings.HasPrefix(l, "# "), strings.HasPrefix(l, "## "), strings.HasPrefix(l, "### "):
			flush()
			blank()
			level := strings.Index(l, " ")
			s := []lipgloss.Style{st.H1, st.H2, st.H3}[level-1]
			for _, w := range WrapIndent(inline(l[level+1:], Styles{}), width, "", "") {
				out = append(out, s.Render(w))
			}
			out = append(out, "")
		case t == "---" || t == "***":
			flush()
			blank()
			out = append(out, st.Rule.Render(strings.Repeat("─", width)), "")
		case strings.HasPrefix(t, "|"):
			flush()
			j := i
			for j < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[j]), "|") {
				j++
			}
			out = append(out, renderTable(lines[i:j], width, st)...)
			i = j - 1
		case isListItem(t):
			flush()
			indent := len(l) - len(strings.TrimLeft(l, " "))
			pad := strings.Repeat("  ", indent/2)
			marker, rest := "• ", t[2:]
			if indent >= 2 {
				marker = "◦ "
			}
			if n := orderedMarker(t); n != "" { // "1. ", as written
				marker, rest = n, t[len(n):]
			}
			switch {
			case strings.HasPrefix(rest, "[ ] "):
				marker, rest = "☐ ", rest[4:]
			case strings.HasPrefix(rest, "[x] "), strings.HasPrefix(rest, "[X] "):
				marker, rest = "☑ ", rest[4:]
			}
			first := pad + st.Marker.Render(marker)
			out = append(out, WrapIndent(inline(rest, st), width, first, pad+strings.Repeat(" ", ansi.StringWidth(marker)))...)
		default:
			para = append(para, t)
		}
	}
	flush()
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return unbreak(strings.Join(out, "\n"))
}

// stripComments removes HTML comments that open and close on the line –
// the action ids a plan carries for whoever edits its answers file – as a
// Markdown viewer hides them.
func stripComments(l string) string {
	for {
		i := strings.Index(l, "<!--")
		if i < 0 {
			return l
		}
		j := strings.Index(l[i+4:], "-->")
		if j < 0 {
			return l
		}
		l = strings.TrimRight(l[:i], " ") + l[i+4+j+3:]
	}
}

func isListItem(t string) bool {
	return strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* ") || orderedMarker(t) != ""
}

// orderedMarker is the number and dot of an ordered list item ("12. "),
// or "".
func orderedMarker(t string) string {
	i := 0
	for i < len(t) && i < 9 && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i > 0 && strings.HasPrefix(t[i:], ". ") {
		return t[:i+2]
	}
	return ""
}

// noBreak keeps a line from breaking inside an id or a date: their
// hyphens are non-breaking while the line is wrapped (unbreak turns them
// back).
const noBreakHyphen = "\u2011"

func noBreak(s string) string { return strings.ReplaceAll(s, "-", noBreakHyphen) }

func unbreak(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, noBreakHyphen, "-"), noBreakSpace, " ")
}

// A norm stays on one line with its number: "§ 87", "Art. 9".
const noBreakSpace = "\u00a0"

// A date stays on one line: "2025-05-21".
var isoDate = regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b`)

var normSpace = strings.NewReplacer("§ ", "§"+noBreakSpace, "Art. ", "Art."+noBreakSpace)

// wrapLines wraps s to lines of at most w cells. ansi.Wrap (x/ansi
// v0.11.9) can leave a line one cell too wide where it breaks after a
// hyphen ("Aufmerksamkeits-" at the edge); such a line is wrapped again,
// one cell narrower.
func WrapLines(s string, w int) []string {
	var out []string
	s = isoDate.ReplaceAllStringFunc(normSpace.Replace(s), noBreak)
	for _, l := range strings.Split(ansi.Wrap(s, w, ""), "\n") {
		if ansi.StringWidth(l) > w && w > 1 {
			out = append(out, WrapLines(l, w-1)...)
			continue
		}
		out = append(out, unbreak(l))
	}
	return out
}

// wrapIndent wraps s to width, the first line after first and the others
// after rest.
func WrapIndent(s string, width int, first, rest string) []string {
	w := max(10, width-ansi.StringWidth(rest))
	wrapped := WrapLines(s, w)
	for i := range wrapped {
		if i == 0 {
			wrapped[i] = first + wrapped[i]
		} else {
			wrapped[i] = rest + wrapped[i]
		}
	}
	return wrapped
}

// inline draws bold, italics and code spans and removes backslash escapes.
func inline(s string, st Styles) string {
	var b, run strings.Builder
	var isBold, isItalic bool
	emit := func() {
		if run.Len() == 0 {
			return
		}
		style := lipgloss.NewStyle()
		switch {
		case isBold && isItalic:
			style = st.Bold.Italic(true)
		case isBold:
			style = st.Bold
		case isItalic:
			style = st.Italic
		}
		b.WriteString(style.Render(run.String()))
		run.Reset()
	}
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '\\' && i+1 < len(rs) && strings.ContainsRune("\\`*_[]<>#|~!{}&()+-.@:", rs[i+1]):
			run.WriteRune(rs[i+1])
			i++
		case r == '`':
			end := strings.IndexRune(string(rs[i+1:]), '`')
			if end < 0 {
				run.WriteRune(r)
				continue
			}
			emit()
			code := string(rs[i+1:])[:end]
			b.WriteString(st.Code.Render(noBreak(code)))
			i += len([]rune(code)) + 1
		case r == '[':
			// A link shows its text, as a reader of the saved file sees
			// it rendered: [AVV](#begriffe) is "AVV".
			rest := string(rs[i:])
			close := strings.Index(rest, "](")
			end := strings.IndexByte(rest, ')')
			if close < 0 || end < close || strings.ContainsAny(rest[1:close], "[]") {
				run.WriteRune(r)
				continue
			}
			run.WriteString(rest[1:close])
			i += len([]rune(rest[:end]))
		case isDateAt(rs, i):
			run.WriteString(noBreak(string(rs[i : i+10])))
			i += 9
		case r == '*' && i+1 < len(rs) && rs[i+1] == '*':
			emit()
			isBold = !isBold
			i++
		case r == '*':
			emit()
			isItalic = !isItalic
		default:
			run.WriteRune(r)
		}
	}
	emit()
	return b.String()
}

// isDateAt reports whether a date (2026-11-22) starts at rs[i].
func isDateAt(rs []rune, i int) bool {
	if i+10 > len(rs) || i > 0 && rs[i-1] >= '0' && rs[i-1] <= '9' {
		return false
	}
	for j, r := range rs[i : i+10] {
		if j == 4 || j == 7 {
			if r != '-' {
				return false
			}
		} else if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// cells splits a table row at the pipes that are not escaped.
func cells(row string) []string {
	row = strings.TrimSpace(row)
	row = strings.TrimPrefix(row, "|")
	if strings.HasSuffix(row, "|") && !strings.HasSuffix(row, `\|`) {
		row = row[:len(row)-1]
	}
	var out []string
	var cur strings.Builder
	for i := 0; i < len(row); i++ {
		switch {
		case row[i] == '\\' && i+1 < len(row):
			cur.WriteByte(row[i])
			cur.WriteByte(row[i+1])
			i++
		case row[i] == '|':
			out = append(out, strings.TrimSpace(cur.String()))
			cur.Reset()
		default:
			cur.WriteByte(row[i])
		}
	}
	return append(out, strings.TrimSpace(cur.String()))
}

// renderTable draws a pipe table: as a table when it fits, otherwise
// one block per row: the first cell as its title, then the other cells
// with their column names.
func renderTable(rows []string, width int, st Styles) []string {
	if len(rows) < 2 {
		return WrapIndent(inline(strings.Join(rows, " "), st), width, "", "")
	}
	header := cells(rows[0])
	var right []bool
	for _, c := range cells(rows[1]) {
		right = append(right, strings.HasSuffix(c, ":") && !strings.HasPrefix(c, ":"))
	}
	head := make([]string, len(header))
	widths := make([]int, len(header))
	for i, h := range header {
		head[i] = inline(h, st)
		widths[i] = ansi.StringWidth(head[i])
	}
	var body [][]string
	for _, r := range rows[2:] {
		cs := cells(r)
		row := make([]string, len(header))
		for i := range row {
			if i < len(cs) {
				row[i] = inline(cs[i], st)
				widths[i] = max(widths[i], ansi.StringWidth(row[i]))
			}
		}
		body = append(body, row)
	}
	total := len(widths) - 1 // separators
	for _, w := range widths {
		total += w + 2 // padding
	}
	if total <= width {
		t := table.New().Headers(head...).Rows(body...).
			Border(lipgloss.NormalBorder()).BorderTop(false).BorderBottom(false).
			BorderLeft(false).BorderRight(false).BorderStyle(st.Rule).
			StyleFunc(func(row, col int) lipgloss.Style {
				s := lipgloss.NewStyle().Padding(0, 1)
				if row == table.HeaderRow {
					s = s.Bold(true)
				}
				if col < len(right) && right[col] {
					s = s.Align(lipgloss.Right)
				}
				return s
			})
		return append(strings.Split(t.Render(), "\n"), "")
	}
	var out []string
	for _, row := range body {
		first := true
		for i, c := range row {
			switch {
			case c == "":
			case first:
				out = append(out, WrapIndent(st.Bold.Render(ansi.Strip(c)), width, "", "")...)
				first = false
			default:
				label := st.Bold.Render(ansi.Strip(head[i]) + ":")
				out = append(out, WrapIndent(label+" "+c, width, "  ", "    ")...)
			}
		}
		out = append(out, "")
	}
	return out
}

// Render draws konform's Markdown for a terminal of the given width on a
// dark or a light background.
func Render(md string, width int, dark bool) string {
	return RenderStyled(md, width, NewStyles(dark))
}
