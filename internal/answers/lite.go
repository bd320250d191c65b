package answers

import (
	"strings"
	"unicode/utf8"
)

// node is an answers file read as YAML: a mapping, a sequence or a scalar,
// with where it starts (line and column, counted in characters from 1).
type node struct {
	kind         nodeKind
	value        string // a scalar's text, unquoted
	null         bool   // a scalar that YAML reads as null (~, null)
	line, column int
	content      []*node // a sequence's items; a mapping's keys and values, alternating
}

type nodeKind int

const (
	scalarNode nodeKind = iota + 1
	mappingNode
	sequenceNode
)

// decodeLite reads the YAML that answers files are written in – block
// mappings and sequences, plain and quoted one-line scalars, one-line flow
// sequences, comments – without a YAML library, so that `konform plan`
// starts without one (see internal/launch). It gives up (ok false) on
// anything else: multi-line scalars, flow mappings, anchors, tags, tabs,
// several documents, and every syntax error. The caller then reads the
// file with the YAML library, which also explains any error. Where it
// does not give up, it reads the file exactly as the YAML library does;
// a test compares the two on every example and under a fuzzer.
func decodeLite(data []byte) (root *node, ok bool) {
	d := &liteDoc{}
	if !d.split(string(data)) || len(d.lines) == 0 {
		return nil, false
	}
	if d.lines[0].indent != 0 || isItem(d.lines[0].text) {
		return nil, false
	}
	root, ok = d.mapping(0)
	if !ok || d.i != len(d.lines) {
		return nil, false
	}
	return root, true
}

type liteLine struct {
	num    int    // from 1
	raw    string // the whole line, without its line break
	indent int    // leading spaces
	text   string // raw without the indentation
}

type liteDoc struct {
	lines []liteLine // without blank and comment lines
	i     int        // the next line to read
}

// split cuts the text into lines and drops blank and comment lines. It
// gives up on tabs, lone carriage returns and document markers.
func (d *liteDoc) split(s string) bool {
	if !printable(s) {
		return false
	}
	for num := 1; s != ""; num++ {
		raw, rest, _ := strings.Cut(s, "\n")
		s = rest
		raw = strings.TrimSuffix(raw, "\r")
		if strings.ContainsRune(raw, '\r') {
			return false
		}
		text := strings.TrimLeft(raw, " ")
		if text == "" || text[0] == '#' {
			continue
		}
		if strings.HasPrefix(raw, "---") || strings.HasPrefix(raw, "...") || raw[0] == '%' {
			return false
		}
		d.lines = append(d.lines, liteLine{num: num, raw: raw, indent: len(raw) - len(text), text: text})
	}
	return true
}

// isItem reports whether a line's text starts a block sequence item.
func isItem(text string) bool {
	return text == "-" || strings.HasPrefix(text, "- ")
}

// col is the column of byte offset off of line l.
func col(l liteLine, off int) int { return utf8.RuneCountInString(l.raw[:off]) + 1 }

// block reads the node that starts on the current line at indent.
func (d *liteDoc) block(indent int) (*node, bool) {
	if isItem(d.lines[d.i].text) {
		return d.sequence(indent)
	}
	return d.mapping(indent)
}

// mapping reads a block mapping whose keys stand at indent.
func (d *liteDoc) mapping(indent int) (*node, bool) {
	first := d.lines[d.i]
	m := &node{kind: mappingNode, line: first.num, column: indent + 1}
	for d.i < len(d.lines) {
		l := d.lines[d.i]
		if l.indent < indent {
			break
		}
		if l.indent > indent || isItem(l.text) {
			return nil, false
		}
		key, rest, ok := cutKey(l.text)
		if !ok {
			return nil, false
		}
		m.content = append(m.content, &node{kind: scalarNode, value: key, null: isNull(key), line: l.num, column: indent + 1})
		d.i++
		if rest = strings.TrimLeft(rest, " "); rest != "" && rest[0] != '#' {
			v, ok := inline(l, len(l.raw)-len(rest))
			if !ok || d.deeper(indent) {
				return nil, false
			}
			m.content = append(m.content, v)
			continue
		}
		// The value is a block on the following lines: deeper, or a
		// sequence at the key's own indent. Anything else is an empty
		// value, which is left to the YAML library.
		if d.i == len(d.lines) {
			return nil, false
		}
		next := d.lines[d.i]
		if next.indent < indent || (next.indent == indent && !isItem(next.text)) {
			return nil, false
		}
		v, ok := d.block(next.indent)
		if !ok {
			return nil, false
		}
		m.content = append(m.content, v)
	}
	return m, true
}

// sequence reads a block sequence whose dashes stand at indent.
func (d *liteDoc) sequence(indent int) (*node, bool) {
	first := d.lines[d.i]
	s := &node{kind: sequenceNode, line: first.num, column: indent + 1}
	for d.i < len(d.lines) {
		l := d.lines[d.i]
		if l.indent < indent || (l.indent == indent && !isItem(l.text)) {
			break
		}
		if l.indent > indent || l.text == "-" {
			return nil, false
		}
		rest := strings.TrimLeft(l.text[1:], " ")
		off := len(l.raw) - len(rest)
		if rest == "" || rest[0] == '#' || isItem(rest) {
			return nil, false
		}
		if _, _, ok := cutKey(rest); ok {
			// A mapping that starts on the dash's line: its keys stand
			// where the first one does.
			d.lines[d.i].indent, d.lines[d.i].text = off, rest
			m, ok := d.mapping(off)
			if !ok {
				return nil, false
			}
			s.content = append(s.content, m)
			continue
		}
		v, ok := inline(l, off)
		if !ok {
			return nil, false
		}
		d.i++
		if d.deeper(indent) {
			return nil, false
		}
		s.content = append(s.content, v)
	}
	return s, true
}

// deeper reports whether the current line is indented deeper than indent:
// after a value on its key's line, that would continue the value.
func (d *liteDoc) deeper(indent int) bool {
	return d.i < len(d.lines) && d.lines[d.i].indent > indent
}

// cutKey splits "key: rest" or "key:"; keys are plain words.
func cutKey(text string) (key, rest string, ok bool) {
	i := strings.IndexByte(text, ':')
	if i <= 0 || (i+1 < len(text) && text[i+1] != ' ') {
		return "", "", false
	}
	key = text[:i]
	for j := 0; j < len(key); j++ {
		c := key[j]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || (j > 0 && (c == '-' || c == '.' || c == '/'))) {
			return "", "", false
		}
	}
	return key, text[i+1:], true
}

// inline reads the value at byte offset off of line l, to the end of the
// line: a scalar or a flow sequence, and maybe a comment after it.
func inline(l liteLine, off int) (*node, bool) {
	s := l.raw[off:]
	if s[0] == '[' {
		n := &node{kind: sequenceNode, line: l.num, column: col(l, off)}
		i := 1
		for {
			for i < len(s) && s[i] == ' ' {
				i++
			}
			if i == len(s) {
				return nil, false
			}
			if s[i] == ']' && len(n.content) == 0 {
				i++
				break
			}
			item, end, ok := flowItem(l, off+i)
			if !ok {
				return nil, false
			}
			n.content = append(n.content, item)
			i = end - off
			for i < len(s) && s[i] == ' ' {
				i++
			}
			if i < len(s) && s[i] == ',' {
				i++
				continue
			}
			if i < len(s) && s[i] == ']' {
				i++
				break
			}
			return nil, false
		}
		return n, restIsComment(s[i:])
	}
	if s[0] == '"' || s[0] == '\'' {
		v, end, ok := quoted(l.raw, off)
		if !ok || !restIsComment(l.raw[end:]) {
			return nil, false
		}
		return &node{kind: scalarNode, value: v, line: l.num, column: col(l, off)}, true
	}
	if strings.ContainsRune("-?:,[]{}#&*!|>%@`", rune(s[0])) {
		return nil, false
	}
	if i := strings.Index(s, " #"); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimRight(s, " ")
	if strings.Contains(s, ": ") || strings.HasSuffix(s, ":") {
		return nil, false
	}
	return &node{kind: scalarNode, value: s, null: isNull(s), line: l.num, column: col(l, off)}, true
}

// flowItem reads one item of a flow sequence at byte offset off of line l
// and returns where it ends.
func flowItem(l liteLine, off int) (*node, int, bool) {
	s := l.raw[off:]
	if s[0] == '"' || s[0] == '\'' {
		v, end, ok := quoted(l.raw, off)
		if !ok {
			return nil, 0, false
		}
		return &node{kind: scalarNode, value: v, line: l.num, column: col(l, off)}, end, true
	}
	end := strings.IndexAny(s, ",]")
	if end < 0 {
		return nil, 0, false
	}
	v := strings.TrimRight(s[:end], " ")
	if v == "" || strings.ContainsAny(v, ":#[]{}\"'") || strings.ContainsRune("-?,&*!|>%@`", rune(v[0])) {
		return nil, 0, false
	}
	return &node{kind: scalarNode, value: v, null: isNull(v), line: l.num, column: col(l, off)}, off + len(v), true
}

// quoted reads a quoted scalar that starts at byte offset off of s and
// ends on the same line; escapes in double quotes are left to the YAML
// library.
func quoted(s string, off int) (string, int, bool) {
	q := s[off]
	var b strings.Builder
	for i := off + 1; i < len(s); i++ {
		c := s[i]
		switch {
		case q == '"' && c == '\\':
			return "", 0, false
		case c == q && q == '\'' && i+1 < len(s) && s[i+1] == '\'':
			b.WriteByte('\'')
			i++
		case c == q:
			return b.String(), i + 1, true
		default:
			b.WriteByte(c)
		}
	}
	return "", 0, false
}

// restIsComment reports whether what follows a value is only spaces and
// maybe a comment.
func restIsComment(s string) bool {
	t := strings.TrimLeft(s, " ")
	return t == "" || (t[0] == '#' && len(t) < len(s))
}

// printable reports whether s is UTF-8 without tabs and without the
// characters YAML does not allow in a file (control characters but line
// breaks, a byte order mark inside the text, non-characters).
func printable(s string) bool {
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r':
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || r == 0xfeff || r == 0xfffe || r == 0xffff || r == utf8.RuneError:
			return false
		}
	}
	return true
}

func isNull(s string) bool { return s == "~" || s == "null" || s == "Null" || s == "NULL" }
