package tui

import "github.com/charmbracelet/x/ansi"

// Prewarm starts, on another core, the work the first frame would
// otherwise wait for. A terminal without Unicode core mode measures cells
// per code point (ansi.WcWidth), and the first character above U+02FF –
// the welcome title's dash, German quotation marks – makes go-runewidth
// fill its lookup tables: 2.2 MB written at once, a page fault every 4 KB.
// Started before the program is set up, that is done by the first frame.
func Prewarm() {
	go ansi.WcWidth.StringWidth("–")
}
