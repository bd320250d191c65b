package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// The tool list draws only its window – two thousand tools cost a key
// press what forty do – and keeps the cursor in it, scrolled to the end
// and back; enter without a tool says what is missing.
func TestToolListDrawsItsWindow(t *testing.T) {
	var items []toolItem
	for i := range 2000 {
		items = append(items, toolItem{fmt.Sprintf("t%04d", i), fmt.Sprintf("Messenger · Werkzeug %04d", i)})
	}
	l := newToolList("Welche Werkzeuge nutzen Sie?", "", items, nil, 8)
	st := &theme().Theme(true).Focused
	view := func() string { return ansi.Strip(l.view(76, st)) }
	if n := strings.Count(view(), "\n") + 1; n > 12 {
		t.Errorf("the list takes %d lines for a window of 8", n)
	}
	l.update(tea.KeyPressMsg{Code: tea.KeyEnd})
	if v := view(); !strings.Contains(v, "> • Messenger · Werkzeug 1999") || strings.Contains(v, "Werkzeug 0000") {
		t.Errorf("after end the window does not show the last tool:\n%s", v)
	}
	l.update(tea.KeyPressMsg{Code: tea.KeyHome})
	if v := view(); !strings.Contains(v, "> • Messenger · Werkzeug 0000") || !l.below(76) {
		t.Errorf("after home the window does not show the first tool, or says nothing is below:\n%s", v)
	}
	if l.update(tea.KeyPressMsg{Code: tea.KeyEnter}) != true || len(l.tickedIDs()) != 0 {
		t.Errorf("enter does not report the choice")
	}
}

// The tools screen: enter with nothing ticked stays and says why.
func TestToolsNeedOne(t *testing.T) {
	d := atTools(t)
	if len(d.ticked()) != 0 {
		t.Fatalf("the walk to the tools ticked %v", d.ticked())
	}
	d.press("enter")
	if d.at() != "tools" || !strings.Contains(d.screen(), "Bitte mindestens ein Werkzeug wählen.") {
		t.Errorf("enter without a tool went on or said nothing (at %s):\n%s", d.at(), d.screen())
	}
}

// A search that finds nothing says so and how to go on; ctrl+u empties the
// search being typed, and / starts a new one instead of adding to the last.
func TestToolSearchThatFindsNothing(t *testing.T) {
	d := atTools(t)
	d.press("/")
	for _, r := range "teamsfire" {
		d.press(string(r))
	}
	if s := d.screen(); !strings.Contains(s, "Kein Werkzeug passt zu „teamsfire“") || !strings.Contains(s, "esc Suche beenden") {
		t.Errorf("a search that finds nothing shows an empty list, or the footer does not say how to end it:\n%s", s)
	}
	d.press("ctrl+u")
	for _, r := range "zoom" {
		d.press(string(r))
	}
	d.press("enter", "space", "/")
	for _, r := range "signal" {
		d.press(string(r))
	}
	s := d.screen()
	if strings.Contains(s, "Kein Werkzeug passt") || !strings.Contains(s, "Signal") || strings.Contains(s, "/zoomsignal") {
		t.Errorf("ctrl+u did not empty the search, or / went on with the last one:\n%s", s)
	}
	if got := d.ticked(); len(got) != 1 || got[0] != "zoom" {
		t.Errorf("ticked %v, want zoom", got)
	}
}
