package tui

import (
	"cmp"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/konform/konform/internal/mdterm"
)

// reviewPage lists every answer by tool and area: enter changes one,
// p shows the plan.
type reviewPage struct {
	cur  int // the answer chosen
	keys struct{ up, down, first, last, change, preview, back key.Binding }
}

func newReview(r *Model) *reviewPage {
	p := &reviewPage{}
	e := helpEntries(r.lang, "ui.review.help")
	// Home and end move the choice too: they belong to its entry.
	p.keys.up, p.keys.down = bind(e[0], "up", "k"), bind(e[0], "down", "j")
	p.keys.first, p.keys.last = bind(e[0], "home", "g"), bind(e[0], "end", "G")
	p.keys.change, p.keys.preview = bind(e[1], "enter"), bind(e[2], "p", "tab")
	p.keys.back = hidden("shift+tab", "esc")
	return p
}

func (p *reviewPage) kind() screen  { return scrStep }
func (p *reviewPage) init() tea.Cmd { return nil }

func (p *reviewPage) bindings(*Model) []key.Binding {
	k := p.keys
	return []key.Binding{k.up, k.down, k.first, k.last, k.change, k.preview, k.back}
}

func (p *reviewPage) update(r *Model, msg tea.Msg) (tea.Cmd, tea.Msg) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	items := r.reviewItems()
	switch {
	case key.Matches(k, p.keys.back):
		return nil, back{}
	case key.Matches(k, p.keys.up):
		p.cur = max(0, p.cur-1)
	case key.Matches(k, p.keys.down):
		p.cur = min(len(items)-1, p.cur+1)
	case key.Matches(k, p.keys.first):
		p.cur = 0
	case key.Matches(k, p.keys.last):
		p.cur = len(items) - 1
	case key.Matches(k, p.keys.change):
		if p.cur < len(items) && items[p.cur].complete {
			return nil, completeCheck{}
		}
		if p.cur < len(items) {
			return nil, changeAnswer{items[p.cur].step}
		}
	case key.Matches(k, p.keys.preview):
		return nil, openPreview{}
	}
	return nil, nil
}

type reviewItem struct {
	step     step
	group    string // tool › area
	question string
	answer   string
	complete bool // enter completes the quick check into a full one
}

// reviewItems lists every shown answer by tool and area.
func (m *Model) reviewItems() []reviewItem {
	var items []reviewItem
	for _, st := range m.all {
		switch st.kind {
		case stepAssessment:
			group := m.t("ui.assessment")
			none := m.t("ui.noanswer")
			items = append(items,
				reviewItem{step: st, group: group, question: m.t("ui.org"), answer: cmp.Or(m.st.org, none)},
				reviewItem{step: st, group: group, question: m.t("ui.assessor"), answer: cmp.Or(m.st.assessor, none)},
				reviewItem{step: st, group: group, question: m.t("ui.participants"), answer: cmp.Or(strings.Join(m.st.participants, ", "), none)},
				reviewItem{step: st, group: group, question: m.t("ui.date"), answer: m.st.date.String()})
			check := reviewItem{step: st, group: group, question: m.t("ui.check"), answer: m.t("ui.check.full")}
			switch {
			case m.st.quick:
				check.answer, check.complete = m.t("ui.check.quick"), true
			case m.st.completing:
				// Still a quick check in the file: the completion goes on
				// from here.
				open := 0
				for i := nextOpen(m.st, m.all, 0); i < len(m.all)-1; i = nextOpen(m.st, m.all, i+1) {
					open++
				}
				check.answer, check.complete = fmt.Sprintf(m.t("ui.check.completing"), open), true
			}
			items = append(items, check)
			continue
		case stepTools:
			var names []string
			for _, t := range m.st.tools {
				names = append(names, m.toolName(t))
			}
			items = append(items, reviewItem{step: st, group: m.t("plan.tools"), question: m.t("ui.tools"),
				answer: cmp.Or(strings.Join(names, ", "), m.t("ui.noanswer"))})
			continue
		case stepQuestion:
		default:
			continue
		}
		vals, notes := m.st.scope(st.tool)
		owner := m.t("org.name")
		if t := m.st.tool(st.tool); t != nil {
			owner = m.toolName(t)
		}
		ans := m.t("ui.noanswer")
		if v, ok := vals[st.q.ID]; ok {
			var labels []string
			for _, id := range v.Items {
				if o, ok := st.q.Option(id); ok {
					labels = append(labels, o.Label.In(m.lang))
				} else {
					labels = append(labels, id)
				}
			}
			ans = strings.Join(labels, "; ")
		}
		if notes[st.q.ID] != "" {
			ans += " ✎"
		}
		items = append(items, reviewItem{step: st, group: owner + " › " + m.cat.Area(st.q.Area).Title.In(m.lang),
			question: st.q.Title.In(m.lang), answer: ans})
	}
	return items
}

func (p *reviewPage) view(r *Model) string {
	items := r.reviewItems()
	// Lines: a heading where the group changes, then the items.
	type line struct {
		text string
		item int
	}
	var lines []line
	// Nothing is cut: a long question or answer takes more lines.
	ansW := min(32, r.width/3)
	qW := r.width - ansW - 5
	for i, it := range items {
		if i == 0 || items[i-1].group != it.group {
			for _, g := range mdterm.WrapLines(it.group, r.width) {
				lines = append(lines, line{bold.Render(g), -1})
			}
		}
		qs, as := mdterm.WrapLines(it.question, qW), mdterm.WrapLines(it.answer, ansW)
		for j := range max(len(qs), len(as)) {
			q, a := "", ""
			if j < len(qs) {
				q = qs[j]
			}
			if j < len(as) {
				a = as[j]
			}
			q += strings.Repeat(" ", max(0, qW-lipgloss.Width(q)))
			text := "  " + q + "  " + a
			if i == p.cur {
				mark := "  "
				if j == 0 {
					mark = "› "
				}
				text = head.Render(mark + q + "  " + a)
			}
			lines = append(lines, line{strings.TrimRight(text, " "), i})
		}
	}
	at := -1
	for j, l := range lines {
		if l.item == p.cur && at < 0 {
			at = j
		}
	}
	at = max(at, 0)
	room := max(3, r.high-7)
	start := max(0, min(at-room/2, len(lines)-room))
	// The window starts with a whole item, and with its group's heading
	// if that is right above: never with the second line of an answer.
	whole := func(j int) bool {
		cur, prev := lines[j].item, lines[j-1].item
		return cur != prev && (cur == -1 || prev != -1)
	}
	for start > 0 && at-start < room-1 && !whole(start) {
		start--
	}
	// At the foot of the list there may be no room to go back: then the
	// window starts with the next whole item instead.
	for start > 0 && start < at && !whole(start) {
		start++
	}
	var b strings.Builder
	for j := start; j < min(len(lines), start+room); j++ {
		b.WriteString(lines[j].text + "\n")
	}
	return b.String()
}
