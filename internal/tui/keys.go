package tui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"

	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/i18n"
)

// A screen declares its key bindings once: it matches keys only against
// them (key.Matches), and its footer is drawn from them, so the footer
// cannot miss a key the screen handles. Keys a screen does not match go to
// its form or viewport, whose own keys (typing, arrows in a list) they are.

// footerHelp is the footer of the enabled bindings: each entry once (the
// bindings of one entry – ↑, ↓, home and end under "↑/↓ choose" – share
// its help), in the order declared.
func footerHelp(bindings []key.Binding) string {
	var shown []key.Binding
	seen := map[key.Help]bool{}
	for _, b := range bindings {
		h := b.Help()
		if !b.Enabled() || h.Key == "" || seen[h] {
			continue
		}
		seen[h] = true
		shown = append(shown, b)
	}
	h := help.New()
	h.ShortSeparator = " · "
	h.Styles = help.Styles{} // plain: the footer is dimmed as a whole
	return h.ShortHelpView(shown)
}

// helpEntries splits a footer's text from the interface strings into its
// entries, one per binding (or group of bindings).
func helpEntries(lang catalog.Lang, footer string) []string {
	return strings.Split(i18n.T(lang, footer), " · ")
}

// bind is a binding of keys with an entry of a footer as its help: the key
// as the footer writes it, then what it does.
func bind(entry string, keys ...string) key.Binding {
	k, desc, _ := strings.Cut(entry, " ")
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
}

// hidden is a binding the footer has never shown; the test of footers
// knows each one by its keys.
func hidden(keys ...string) key.Binding { return key.NewBinding(key.WithKeys(keys...)) }

// enabled sets whether a binding applies now.
func enabled(b key.Binding, on bool) key.Binding {
	b.SetEnabled(on)
	return b
}

// globalKeys are the root's keys, on every screen.
type globalKeys struct {
	quit      key.Binding // ask whether to quit (or quit, when done)
	review    key.Binding // completing a quick check: to the review
	overwrite key.Binding // keep the wizard's answers over a change outside it
	reload    key.Binding // take a change made outside it
	saveAs    key.Binding // keep the session in another place
	yes, no   key.Binding // the quit question's answers
}

func newGlobalKeys() globalKeys {
	return globalKeys{
		quit:      hidden("ctrl+c"),
		review:    hidden("ctrl+r"),
		overwrite: hidden("ctrl+w"),
		reload:    hidden("ctrl+l"),
		saveAs:    hidden("ctrl+s"),
		yes:       hidden("y", "j", "Y", "J"),
		no:        hidden("n", "N", "esc", "ctrl+c"),
	}
}

// quitEntry is ctrl+c in a screen's footer: the root handles it.
func quitEntry(entry string) key.Binding { return bind(entry, "ctrl+c") }
