package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
)

// toolList is the list of tools to tick. It looks and answers to keys as
// huh's multiple choice does, but draws only the rows in its window: a
// catalogue of two thousand tools of a consultancy's own costs no more per
// key than the forty it ships with (huh renders every option on every
// key).
type toolList struct {
	title, help string
	none        string     // shown when no tool matches the filter; %s is the filter
	items       []toolItem // in the catalogue's order
	shown       []int      // the items the filter lets through
	ticked      map[string]bool
	cursor      int // in shown
	top         int // the first of shown in the window
	height      int // lines for the options
	filter      string
	typing      bool   // the filter is being typed
	err         string // why enter did not go on
}

type toolItem struct{ id, label string }

func newToolList(title, help string, items []toolItem, ticked []string, height int) *toolList {
	l := &toolList{title: title, help: help, items: items, ticked: map[string]bool{}, height: max(1, height)}
	for _, id := range ticked {
		l.ticked[id] = true
	}
	l.refilter()
	return l
}

// tickedIDs are the tools ticked, in the list's order.
func (l *toolList) tickedIDs() []string {
	var out []string
	for _, it := range l.items {
		if l.ticked[it.id] {
			out = append(out, it.id)
		}
	}
	return out
}

// refilter keeps the items whose label holds the filter (any case).
func (l *toolList) refilter() {
	l.shown = l.shown[:0]
	f := strings.ToLower(l.filter)
	for i, it := range l.items {
		if f == "" || strings.Contains(strings.ToLower(it.label), f) {
			l.shown = append(l.shown, i)
		}
	}
	l.cursor, l.top = 0, 0
}

// filtered reports whether a filter is typed or kept.
func (l *toolList) filtered() bool { return l.typing || l.filter != "" }

// clearFilter ends the filter; the ticks stay.
func (l *toolList) clearFilter() {
	l.typing, l.filter = false, ""
	l.refilter()
}

// below reports whether options follow below the window.
func (l *toolList) below(width int) bool {
	_, last := l.window(width)
	return last < len(l.shown)-1
}

// update acts on a key; done reports that enter confirmed the choice.
func (l *toolList) update(k tea.KeyPressMsg) (done bool) {
	l.err = ""
	s := k.String()
	if l.typing {
		switch {
		case s == "enter":
			l.typing = false // the filter stays
			return false
		case s == "ctrl+u": // as in a shell: the typed filter goes
			l.filter = ""
			l.refilter()
			return false
		case s == "backspace":
			if r := []rune(l.filter); len(r) > 0 {
				l.filter = string(r[:len(r)-1])
				l.refilter()
			}
			return false
		case s == "space":
			l.typing = false // space ticks, the filter stays
			l.toggle()
			return false
		case s == "up" || s == "down":
		case k.Text != "":
			l.filter += k.Text
			l.refilter()
			return false
		default:
			return false
		}
	}
	switch s {
	case "up", "k", "ctrl+p":
		l.move(-1)
	case "down", "j", "ctrl+n":
		l.move(1)
	case "home", "g":
		l.move(-len(l.shown))
	case "end", "G":
		l.move(len(l.shown))
	case "pgup", "ctrl+u":
		l.move(-l.height)
	case "pgdown", "ctrl+d":
		l.move(l.height)
	case "space", "x":
		l.toggle()
	case "/": // a new search, not the end of the last one
		l.typing, l.filter = true, ""
		l.refilter()
	case "enter":
		return true
	}
	return false
}

func (l *toolList) move(n int) {
	if len(l.shown) == 0 {
		return
	}
	l.cursor = min(max(l.cursor+n, 0), len(l.shown)-1)
}

func (l *toolList) toggle() {
	if len(l.shown) == 0 {
		return
	}
	id := l.items[l.shown[l.cursor]].id
	l.ticked[id] = !l.ticked[id]
}

// rowWidth is the room for a label: the field's width less its border,
// the cursor and the tick.
func rowWidth(width int) int { return max(10, width-6) }

// lines is the number of lines the item takes at width.
func (l *toolList) lines(i, width int) int {
	return lipgloss.Height(lipgloss.NewStyle().Width(rowWidth(width)).Render(l.items[l.shown[i]].label))
}

// window moves the window to show the cursor and returns the first and
// last of shown in it; only these are measured.
func (l *toolList) window(width int) (first, last int) {
	if len(l.shown) == 0 {
		return 0, -1
	}
	l.top = min(l.top, l.cursor)
	for {
		used := 0
		last = l.top - 1
		for i := l.top; i < len(l.shown); i++ {
			h := l.lines(i, width)
			if used+h > l.height && i > l.top {
				break
			}
			used += h
			last = i
		}
		if l.cursor <= last {
			return l.top, last
		}
		l.top++
	}
}

// view draws the field in the theme's focused styles.
func (l *toolList) view(width int, st *huh.FieldStyles) string {
	var b strings.Builder
	inner := max(10, width-st.Base.GetHorizontalFrameSize())
	b.WriteString(st.Title.Render(wrap(l.title, inner)))
	switch {
	case l.typing:
		b.WriteString(" " + st.Description.Render("/"+l.filter) + "▏")
	case l.filter != "":
		b.WriteString(" " + st.Description.Render("/"+l.filter))
	}
	b.WriteString("\n")
	if l.help != "" {
		b.WriteString(st.Description.Render(wrap(l.help, inner)) + "\n")
	}
	first, last := l.window(width)
	used := 0
	if len(l.shown) == 0 && l.none != "" {
		row := st.Description.Render(wrap(fmt.Sprintf(l.none, l.filter), inner))
		used += lipgloss.Height(row)
		b.WriteString(row + "\n")
	}
	sel := st.MultiSelectSelector.String()
	for i := first; i <= last; i++ {
		it := l.items[l.shown[i]]
		cur := strings.Repeat(" ", lipgloss.Width(sel))
		if i == l.cursor {
			cur = sel
		}
		prefix, label := st.UnselectedPrefix.String(), st.UnselectedOption
		if l.ticked[it.id] {
			prefix, label = st.SelectedPrefix.String(), st.SelectedOption
		}
		row := lipgloss.JoinHorizontal(lipgloss.Left, cur, prefix, label.Width(rowWidth(width)).Render(it.label))
		used += lipgloss.Height(row)
		b.WriteString(row + "\n")
	}
	// The window keeps its height: the screen below does not jump.
	b.WriteString(strings.Repeat("\n", max(0, l.height-used)))
	if l.err != "" {
		b.WriteString(st.ErrorMessage.Render(l.err))
	}
	return st.Base.Width(width).Render(strings.TrimRight(b.String(), "\n"))
}

// indent puts prefix before every line of s.
func indent(s, prefix string) string {
	return prefix + strings.ReplaceAll(s, "\n", "\n"+prefix)
}
