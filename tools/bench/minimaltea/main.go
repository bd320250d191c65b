// Command minimaltea is the floor for a Bubble Tea program: konform's time
// to first frame and enter → next question are measured against it in the
// same run, at the same frame rate as konform's wizard (120 a second).
// Enter shows the next "question"; q or ctrl+c ends it.
package main

import (
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
)

type model struct{ n int }

func (model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "enter":
			m.n++
		case "q", "ctrl+c":
			return m, tea.Quit
		}
	}
	return m, nil
}

func (m model) View() tea.View {
	if m.n == 0 {
		return tea.NewView("minimal bubble tea ready")
	}
	return tea.NewView(fmt.Sprintf("question %d of 100\n\n> yes\n  no\n\nenter next · q quit", m.n))
}

func main() {
	if _, err := tea.NewProgram(model{}, tea.WithFPS(120)).Run(); err != nil {
		os.Exit(1)
	}
}
