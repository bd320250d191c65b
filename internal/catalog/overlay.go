package catalog

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v4"

	"github.com/konform/konform/internal/fsutil"
	"github.com/konform/konform/internal/msg"
)

// OverlayFormat names a catalogue overlay: a consultant's own file that
// adds tools or corrects the facts of the catalogue's tools.
const OverlayFormat = "konform/catalog/v1"

// MaxOverlaySize is the largest catalogue file konform reads: 1 MiB, as
// for answers files.
const MaxOverlaySize = 1 << 20

// overlay is the file as written:
//
//	format: konform/catalog/v1
//	sources:            # sources the file's facts cite
//	  - {id: own-check-2026, title: "…", by: "…", date: 2026-10}
//	tools:
//	  - id: zoom        # a catalogue tool: correct facts (and add issues)
//	    facts:
//	      hosting: {value: eu_eea, as_of: 2026-10-01, source: [own-check-2026]}
//	  - id: praxis-chat # a new tool, written as in questions/tools.yaml
//	    name: {de: …, en: …}
//	    …
type overlay struct {
	Format  string    `yaml:"format"`
	Sources []*Source `yaml:"sources"`
	Tools   []*Tool   `yaml:"tools"`
	// Drafts names a folder, relative to the file, of templates that
	// replace the drafts' wording file by file.
	Drafts string `yaml:"drafts"`
}

// LoadOverlay reads the overlay at path and applies it to base; see
// ApplyOverlay.
func LoadOverlay(base *Catalog, path string) (*Catalog, error) {
	data, err := fsutil.ReadFile(path, MaxOverlaySize)
	if err != nil {
		return nil, err
	}
	c, err := ApplyOverlay(base, path, data)
	if err != nil {
		return nil, &OverlayError{err}
	}
	return c, nil
}

// OverlayError is what is wrong in a catalogue file that could be read.
type OverlayError struct{ Err error }

func (e *OverlayError) Error() string { return e.Err.Error() }
func (e *OverlayError) Unwrap() error { return e.Err }

// ApplyOverlay returns base with the overlay applied; base is not changed.
// A catalogue tool may only have its facts corrected and issues added, each
// with as_of and source; a new tool must be complete. The result is
// checked with the built-in catalogue's rules, and every problem is
// reported with its place in the file. Facts and tools from the overlay
// are marked (Fact.Overlay, Tool.Overlay) so that plans can say so.
func ApplyOverlay(base *Catalog, name string, data []byte) (*Catalog, error) {
	if len(data) > MaxOverlaySize {
		return nil, msg.Errorf("%s: %w", name, &fsutil.TooLargeError{Size: int64(len(data)), Max: MaxOverlaySize})
	}
	root, derr := ParseDocument(data, "a catalogue file")
	if derr != nil {
		return nil, msg.Errorf("%s:%w", name, derr)
	}
	if root == nil {
		return nil, msg.Errorf("%s:1:1: the file is empty; it needs format: %s and tools", name, OverlayFormat)
	}
	if dups := DuplicateKeys(root); len(dups) > 0 {
		var errs []error
		for _, d := range dups {
			errs = append(errs, msg.Errorf("%s:%w", name, d))
		}
		return nil, errors.Join(errs...)
	}
	var o overlay
	if err := root.Load(&o, yaml.WithKnownFields()); err != nil {
		return nil, yamlErrors(name, err)
	}
	pos := overlayPositions(root)
	at := func(key string) string {
		if p, ok := pos[key]; ok {
			return fmt.Sprintf("%s:%d:%d", name, p[0], p[1])
		}
		return name
	}
	var errs []error
	fail := func(key, format string, args ...any) {
		errs = append(errs, msg.Errorf("%s: %w", at(key), msg.Errorf(format, args...)))
	}
	if o.Format != OverlayFormat {
		fail("format", "format must be %s, not %q", OverlayFormat, o.Format)
		return nil, errors.Join(errs...)
	}

	c := *base
	if o.Drafts != "" {
		dir := o.Drafts
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(filepath.Dir(name), dir)
		}
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			fail("drafts", "drafts: %s is not a folder (a folder of .md.tmpl files, relative to this file)", o.Drafts)
			return nil, errors.Join(errs...)
		}
		c.Drafts = dir
	}
	c.Tools = slices.Clone(base.Tools)
	c.Sources = slices.Clone(base.Sources)
	for _, s := range o.Sources {
		if base.Source(s.ID) != nil {
			fail("source "+s.ID, "source %s is in the catalogue already; give your source another id", s.ID)
			continue
		}
		c.Sources = append(c.Sources, s)
	}
	seen := map[string]bool{}
	for _, t := range o.Tools {
		key := "tool " + t.ID
		if seen[t.ID] {
			fail(key, "tool %s appears twice", t.ID)
			continue
		}
		seen[t.ID] = true
		for id, f := range t.Facts {
			f.Overlay = true
			t.Facts[id] = f
		}
		i := slices.IndexFunc(c.Tools, func(x *Tool) bool { return x.ID == t.ID })
		if i < 0 {
			t.Overlay = true
			c.Tools = append(c.Tools, t)
			continue
		}
		if t.Name != (Text{}) || t.PublicName != (Text{}) || t.Kind != "" || t.Vendor != "" || t.About != (Text{}) || t.BusinessVersion != "" || t.Alternatives != nil || t.Chat || t.Custom {
			fail(key, "tool %s is in the catalogue: only its facts can be corrected and issues added (facts:, issues:)", t.ID)
			continue
		}
		if c.Tools[i].Custom {
			fail(key, "tool %s has no facts of its own; the answers file gives them", t.ID)
			continue
		}
		corrected := *c.Tools[i]
		corrected.Facts = maps.Clone(c.Tools[i].Facts)
		maps.Copy(corrected.Facts, t.Facts)
		corrected.Issues = append(slices.Clone(corrected.Issues), t.Issues...)
		c.Tools[i] = &corrected
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if err := c.index(); err != nil {
		return nil, msg.Errorf("%s: %w", name, err)
	}
	if err := c.Validate(); err != nil {
		for _, e := range splitErrors(err) {
			fail(longestPrefix(e.Error(), pos), "%v", e)
		}
		return nil, errors.Join(errs...)
	}
	return &c, nil
}

// yamlErrors says what the YAML library found, at its place in the file,
// in words without Go's type names.
func yamlErrors(name string, err error) error {
	var list []*yaml.LoadError
	var les *yaml.LoadErrors
	var le *yaml.LoadError
	switch {
	case errors.As(err, &les):
		list = les.Errors
	case errors.As(err, &le):
		list = []*yaml.LoadError{le}
	default:
		return msg.Errorf("%s: not valid YAML: %v", name, err)
	}
	var errs []error
	for _, e := range list {
		line, col := max(e.Mark.Line, 1), max(e.Mark.Column, 1) // never 0:0
		text := e.Message
		if f, ok := strings.CutPrefix(text, "field "); ok {
			if key, _, ok := strings.Cut(f, " not found in type"); ok {
				errs = append(errs, msg.Errorf("%s:%d:%d: unknown key %q here; see examples/catalog/ and questions/*.yaml for the keys", name, line, col, key))
				continue
			}
		} else if i := strings.Index(text, " into catalog."); i >= 0 {
			errs = append(errs, msg.Errorf("%s:%d:%d: %s here: wrong kind of value", name, line, col, text[:i]))
			continue
		}
		errs = append(errs, msg.Errorf("%s:%d:%d: %s", name, line, col, text))
	}
	return errors.Join(errs...)
}

// overlayPositions maps "format", "source ID", "tool ID" and
// "tool ID fact F" to their line and column in the file.
func overlayPositions(root *yaml.Node) map[string][2]int {
	pos := map[string][2]int{}
	doc := root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	field := func(n *yaml.Node, key string) (*yaml.Node, *yaml.Node) {
		for i := 0; n.Kind == yaml.MappingNode && i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				return n.Content[i], n.Content[i+1]
			}
		}
		return nil, nil
	}
	for _, key := range []string{"format", "drafts"} {
		if k, _ := field(doc, key); k != nil {
			pos[key] = [2]int{k.Line, k.Column}
		}
	}
	for _, list := range []string{"sources", "tools"} {
		_, seq := field(doc, list)
		if seq == nil {
			continue
		}
		for _, item := range seq.Content {
			_, id := field(item, "id")
			if id == nil {
				continue
			}
			what := strings.TrimSuffix(list, "s") + " " + id.Value
			pos[what] = [2]int{item.Line, item.Column}
			_, facts := field(item, "facts")
			for i := 0; facts != nil && facts.Kind == yaml.MappingNode && i+1 < len(facts.Content); i += 2 {
				pos[what+" fact "+facts.Content[i].Value] = [2]int{facts.Content[i].Line, facts.Content[i].Column}
			}
		}
	}
	return pos
}

// longestPrefix is the key of pos that msg starts with, the longest one.
func longestPrefix(msg string, pos map[string][2]int) string {
	best := ""
	for k := range pos {
		if (strings.HasPrefix(msg, k+":") || strings.HasPrefix(msg, k+" ")) && len(k) > len(best) {
			best = k
		}
	}
	return best
}

func splitErrors(err error) []error {
	if _, one := err.(*msg.Msg); one {
		return []error{err} // a message unwraps to its arguments, not to errors of its own
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, splitErrors(e)...)
		}
		return out
	}
	return []error{err}
}
