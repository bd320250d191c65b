// Package safe keeps text that people wrote (an answers file, a catalogue
// file, a file name) from acting on what shows it: control characters
// that a terminal runs (colours, the clipboard) are taken out.
package safe

import (
	"strings"
	"unicode/utf8"
)

// IsControl reports whether r is a control character other than tab and
// line feed: C0, DEL and C1 – and the bidirectional overrides and
// isolates (U+202A–U+202E, U+2066–U+2069), which make a terminal or an
// editor show text in another order than it is.
func IsControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' || r >= 0x7f && r < 0xa0 ||
		r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

// FindControl returns the first control character in s (see IsControl).
func FindControl(s string) (rune, bool) {
	for _, r := range s {
		if IsControl(r) {
			return r, true
		}
	}
	return 0, false
}

// Text is s without control characters (tab and line feed stay) and
// without bytes that are not UTF-8.
func Text(s string) string {
	if _, bad := FindControl(s); !bad && utf8.ValidString(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if IsControl(r) || r == utf8.RuneError {
			return -1
		}
		return r
	}, s)
}

// Line is Text on one line: tabs and line breaks become spaces.
func Line(s string) string {
	s = Text(s)
	if !strings.ContainsAny(s, "\t\n") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' {
			return ' '
		}
		return r
	}, s)
}
