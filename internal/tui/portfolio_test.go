package tui

import (
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/konform/konform/internal/assess"
	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/portfolio"
)

func press(m *Portfolio, keys ...string) {
	for _, k := range keys {
		var msg tea.KeyPressMsg
		switch k {
		case "enter":
			msg = tea.KeyPressMsg{Code: tea.KeyEnter}
		case "esc":
			msg = tea.KeyPressMsg{Code: tea.KeyEscape}
		case "down":
			msg = tea.KeyPressMsg{Code: tea.KeyDown}
		case "backspace":
			msg = tea.KeyPressMsg{Code: tea.KeyBackspace}
		default:
			msg = tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
		}
		m.Update(msg)
	}
}

// The consultant's table: most urgent first, sorted and filtered by key,
// enter opens the client's plan and esc comes back to the same row; an
// unreadable file shows its errors; nothing is cut at 80 columns.
func TestPortfolioScreen(t *testing.T) {
	day := func(s string) catalog.Date { d, _ := catalog.ParseDate(s); return d }
	clients := []*portfolio.Client{
		{Path: "b/zahn.yaml", Organisation: "Zahnarztpraxis Lind", Date: day("2026-11-22"), Quick: true, Light: assess.Red, Critical: 3, High: 2, ReviewBy: day("2027-11-22")},
		{Path: "maler.yaml", Organisation: "Malerbetrieb Sommer GmbH", Date: day("2027-05-20"), Light: assess.Red, Critical: 1, High: 3,
			Overdue: []portfolio.Item{{ID: "stop-use/whatsapp"}}, ReviewBy: day("2027-11-20"), ReviewDue: true},
		{Path: "kaputt.yaml", Err: errors.New("kaputt.yaml:3:42: date is not a date")},
		{Path: "a/tsv.yaml", Organisation: "TSV Grünwiese", Date: day("2026-11-22"), Light: assess.Amber, High: 4, ReviewBy: day("2027-11-22")},
	}
	portfolio.Sort(clients)
	opened := ""
	m := NewPortfolio(portfolio.View{Clients: clients, Today: day("2027-12-01"), Lang: catalog.DE}, func(path string) (string, error) {
		opened = path
		return "# Aktionsplan " + path + "\n\nErste Schritte\n", nil
	})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	screen := ansi.Strip(m.Render())
	for _, want := range []string{"› kaputt.yaml", "Malerbetrieb Sommer GmbH", "2026-11-22*", "1/3", "2027-11-20 ⚠", "* Schnellcheck", "enter Plan"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the table lacks %q:\n%s", want, screen)
		}
	}
	for i, line := range strings.Split(screen, "\n") {
		if w := ansi.StringWidth(line); w > 80 {
			t.Errorf("line %d is %d columns wide: %q", i, w, line)
		}
	}
	if got := len(strings.Split(screen, "\n")); got > 24 {
		t.Errorf("the screen has %d lines at 24 rows", got)
	}
	// An unreadable file opens its errors.
	press(m, "enter")
	if s := ansi.Strip(m.Render()); !strings.Contains(s, "date is not a date") || opened != "" {
		t.Errorf("the unreadable file's screen:\n%s", s)
	}
	press(m, "esc", "down", "enter")
	if opened != "maler.yaml" || !strings.Contains(ansi.Strip(m.Render()), "Aktionsplan maler.yaml") {
		t.Errorf("enter on the second row opened %q:\n%s", opened, m.Render())
	}
	press(m, "esc")
	if !strings.Contains(ansi.Strip(m.Render()), "› Malerbetrieb") {
		t.Errorf("esc does not come back to the same row:\n%s", ansi.Strip(m.Render()))
	}
	// s sorts by name: the cursor stays on its client.
	press(m, "s")
	s := ansi.Strip(m.Render())
	if !strings.Contains(s, "sortiert: Name") || strings.Index(s, "Malerbetrieb") > strings.Index(s, "TSV") || !strings.Contains(s, "› Malerbetrieb") {
		t.Errorf("sorted by name:\n%s", s)
	}
	// / filters; esc clears.
	press(m, "/", "t", "s", "v", "enter")
	s = ansi.Strip(m.Render())
	if strings.Contains(s, "Malerbetrieb") || !strings.Contains(s, "TSV Grünwiese") || !strings.Contains(s, `"tsv" – 1/4`) {
		t.Errorf("filtered by tsv:\n%s", s)
	}
	press(m, "esc")
	if s = ansi.Strip(m.Render()); !strings.Contains(s, "Malerbetrieb") {
		t.Errorf("esc does not clear the filter:\n%s", s)
	}
	// Narrow: the least important columns go, nothing is cut off the edge.
	m.Update(tea.WindowSizeMsg{Width: 60, Height: 18})
	for i, line := range strings.Split(ansi.Strip(m.Render()), "\n") {
		if w := ansi.StringWidth(line); w > 60 {
			t.Errorf("at 60 columns, line %d is %d wide: %q", i, w, line)
		}
	}
}

// With a changed catalogue the terminal view says which, on what it rests
// (a scenario is an assumption, not a fact), how many clients it affects
// and how, and enter shows what changes before the plan under it; the
// clients whose plan changed since it was handed over are named; a folder
// without clients says so. 80×24 and 60×18 alike.
func TestPortfolioScreenWhatIf(t *testing.T) {
	day := func(s string) catalog.Date { d, _ := catalog.ParseDate(s); return d }
	teams := catalog.Text{DE: "Microsoft Teams", EN: "Microsoft Teams"}
	clients := []*portfolio.Client{
		{Path: "stb/hoffmann.yaml", Organisation: "Steuerberatung Hoffmann", Date: day("2026-11-22"), Light: assess.Red, Critical: 2, High: 2, ReviewBy: day("2027-11-22"),
			WhatIf: &portfolio.Change{Reprioritised: []portfolio.Item{{ID: "third-country-transfer/microsoft-teams", Tool: teams, Priority: catalog.Critical, Old: catalog.Medium,
				Title: catalog.Text{DE: "Die Übermittlung bei Microsoft Teams stützt sich auf das DPF, das sie nicht mehr trägt"}}}}},
		{Path: "tsv.yaml", Organisation: "TSV Grünwiese", Date: day("2026-11-22"), Light: assess.Amber, High: 4, ReviewBy: day("2027-11-22"), WhatIf: &portfolio.Change{},
			SincePlan: &portfolio.Change{Added: []portfolio.Item{{ID: "dpa-contract/jitsi"}}}},
	}
	v := portfolio.View{Clients: clients, Today: day("2026-12-05"), Lang: catalog.DE, WhatIf: "dpf-falls.yaml",
		WhatIfSources: []*catalog.Source{{ID: "s", Title: "Szenario: Der EuGH erklärt den Angemessenheitsbeschluss für ungültig", By: "Annahme für die Planung – keine Tatsache", Date: "2026-12-05"}}}
	for _, size := range [][2]int{{80, 24}, {60, 18}} {
		m := NewPortfolio(v, func(path string) (string, error) { return "# Aktionsplan " + path + "\n", nil })
		m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		screen := ansi.Strip(m.Render())
		for _, want := range []string{"Geänderter Katalog: dpf-falls.yaml · Annahme für die Plan", "1 von 2 Mandanten betroffen", "Szenario", "+0 −0 ~1", "Seit dem letzten Plan geändert: TSV Grünwiese"} {
			if !strings.Contains(screen, want) {
				t.Errorf("%dx%d: the view lacks %q:\n%s", size[0], size[1], want, screen)
			}
		}
		lines := strings.Split(screen, "\n")
		if len(lines) > size[1] {
			t.Errorf("%dx%d: %d lines", size[0], size[1], len(lines))
		}
		for i, l := range lines {
			if w := ansi.StringWidth(l); w > size[0] {
				t.Errorf("%dx%d: line %d is %d columns wide", size[0], size[1], i, w)
			}
		}
		press(m, "enter")
		plan := ansi.Strip(m.Render())
		if !strings.Contains(plan, "(Mittel →") || !strings.Contains(plan, "keine Tatsache") {
			t.Errorf("%dx%d: enter does not show what changes:\n%s", size[0], size[1], plan)
		}
	}
	empty := NewPortfolio(portfolio.View{Today: day("2026-12-05"), Lang: catalog.DE}, nil)
	empty.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if s := ansi.Strip(empty.Render()); !strings.Contains(s, "Keine Antwortdateien") || strings.Contains(s, "Filter.") {
		t.Errorf("an empty folder:\n%s", s)
	}
}
