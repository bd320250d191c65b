package catalog

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"

	"github.com/konform/konform/internal/msg"
)

// DocError is a problem with a YAML file as a whole, at its place
// (line and column from 1, columns in characters).
type DocError struct {
	Line, Col int
	Msg       string // in English
	Say       error  // the same, in German or English (msg.Localize)
}

func (e *DocError) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg) }

// In says the error in German ("de") or English.
func (e *DocError) In(l string) string {
	return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, msg.Localize(e.Say, l))
}

func docErr(line, col int, format string, args ...any) *DocError {
	m := msg.Errorf(format, args...)
	return &DocError{Line: line, Col: col, Msg: m.Error(), Say: m}
}

// ParseDocument reads data as one YAML (or JSON) document, what after the
// checks that every file konform reads gets: UTF-8 text (a byte order mark
// is allowed, UTF-16 is refused), no NUL byte, one document, no anchors or
// aliases. It returns the document's root node, or nil for an empty file.
func ParseDocument(data []byte, what string) (*yaml.Node, *DocError) {
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		return nil, docErr(1, 1, "the file is UTF-16 text; save it as UTF-8")
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		l, c := invalidUTF8(data)
		return nil, docErr(l, c, "the file is not UTF-8 text; save it as UTF-8")
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		l, c := offsetPos(data, i)
		return nil, docErr(l, c, "the file contains a NUL byte; %s is text", what)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil
	}
	var doc yaml.Node
	if err := yaml.Load(data, &doc); err != nil {
		if strings.Contains(err.Error(), "no documents in stream") {
			return nil, nil // comments only
		}
		e := syntaxError(err, what)
		if strings.Contains(err.Error(), "single document") {
			e.Line, e.Col = secondDocument(data)
		}
		return nil, e
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, nil
	}
	root := doc.Content[0]
	if bad := findAlias(root); bad != nil {
		return nil, docErr(bad.Line, bad.Column, "anchors and aliases (& and *) are not allowed in %s; write each value out", what)
	}
	return root, nil
}

// DuplicateKeys reports every key that a mapping in n has twice.
func DuplicateKeys(n *yaml.Node) []*DocError {
	var errs []*DocError
	if n.Kind == yaml.MappingNode {
		seen := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if first, dup := seen[k.Value]; dup {
				errs = append(errs, docErr(k.Line, k.Column, "%q appears twice in this mapping (first at line %d); keep one", Clip(k.Value), first))
				continue
			}
			seen[k.Value] = k.Line
		}
	}
	for _, c := range n.Content {
		errs = append(errs, DuplicateKeys(c)...)
	}
	return errs
}

func syntaxError(err error, what string) *DocError {
	var le *yaml.LoadError
	if errors.As(err, &le) {
		line, col := le.Mark.Line, le.Mark.Column
		if line == 0 {
			line, col = 1, 1
		}
		if strings.Contains(le.Message, "single document") {
			return docErr(line, col, "the file holds several YAML documents (---); %s is one document", what)
		}
		// The parser's words as arguments of their own: the common ones
		// are said in German too (msg's wordsDE).
		if le.ContextMsg != "" {
			return docErr(line, col, "not valid YAML or JSON: %s (%s)", le.Message, le.ContextMsg)
		}
		return docErr(line, col, "not valid YAML or JSON: %s", le.Message)
	}
	var les *yaml.LoadErrors
	if errors.As(err, &les) && len(les.Errors) > 0 {
		return syntaxError(les.Errors[0], what)
	}
	return docErr(1, 1, "not valid YAML or JSON: %s", err.Error())
}

// secondDocument is where the second document of data starts.
func secondDocument(data []byte) (line, col int) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var first, second yaml.Node
	if dec.Decode(&first) != nil || dec.Decode(&second) != nil {
		return 1, 1
	}
	// The line of the "---" before its content, if there is one.
	lines := strings.Split(string(data), "\n")
	for l := min(second.Line, len(lines)); l >= 1; l-- {
		if strings.HasPrefix(lines[l-1], "---") {
			return l, 1
		}
	}
	return max(second.Line, 1), max(second.Column, 1)
}

func findAlias(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return n
	}
	for _, c := range n.Content {
		if bad := findAlias(c); bad != nil {
			return bad
		}
	}
	return nil
}

func offsetPos(b []byte, off int) (line, col int) {
	line = bytes.Count(b[:off], []byte("\n")) + 1
	start := bytes.LastIndexByte(b[:off], '\n') + 1
	return line, utf8.RuneCount(b[start:off]) + 1
}

func invalidUTF8(b []byte) (line, col int) {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return offsetPos(b, i)
		}
		i += size
	}
	return 1, 1
}

// Clip shortens text a user wrote for a message: at most 80 characters,
// so that an error never echoes a megabyte.
func Clip(s string) string {
	const max = 80
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max-1]) + "…"
}
