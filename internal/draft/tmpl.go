package draft

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
	"sync"
	"text/template"

	"github.com/konform/konform/internal/catalog"
	"github.com/konform/konform/internal/report"
	"github.com/konform/konform/questions"
)

// Templates hold the drafts' wording: one text/template file per kind and
// language beside the catalogue ("records.de.md.tmpl"), and
// "common.<lang>.md.tmpl" with the phrases all kinds share. A file
// defines the document ("doc") and the phrases the Go code picks by the
// answers ({{define "tom.e2e"}}…{{end}}); both languages define the same
// names. A consultant changes a sentence there, not in Go.
type Templates struct {
	sets map[string]*template.Template // by "<kind>.<lang>"
}

// funcs are the functions templates may call. gap and say are bound to the
// draft being written (see writer.bind); these stand in while parsing.
var funcs = template.FuncMap{
	"join": strings.Join,
	"last": func(list []string) int { return len(list) - 1 },
	"add":  func(a, b int) int { return a + b },
	// period ends a sentence after s, unless s ends with one ("Inc.").
	// period ends a sentence after s, unless s ends one already (also a
	// gap that is a question: "…?**").
	"period": func(s string) string {
		t := strings.TrimSuffix(s, "**")
		if strings.HasSuffix(t, ".") || strings.HasSuffix(t, "?") || strings.HasSuffix(t, "!") {
			return ""
		}
		return "."
	},
	// replace says a phrase with other words: {{replace . "old" "new"}}.
	"replace": func(s, old, new string) string { return strings.ReplaceAll(s, old, new) },
	"gap":     func(string) string { return "" },
	"say":     func(string, ...any) string { return "" },
	"word":    func(string) string { return "" },
}

// Langs are the languages a template exists in.
var langs = []catalog.Lang{catalog.DE, catalog.EN}

// ParseTemplates reads the drafts' templates from fsys. A kind without a
// file of its own is written by the Go code alone. An error names the file
// and line.
func ParseTemplates(fsys fs.FS) (*Templates, error) {
	ts := &Templates{sets: map[string]*template.Template{}}
	names := map[string][]string{}
	for _, l := range langs {
		file := fmt.Sprintf("common.%s.md.tmpl", l)
		t, err := template.New(file).Funcs(funcs).ParseFS(fsys, file)
		if err != nil {
			return nil, err
		}
		for _, must := range []string{"head", "gap"} {
			if t.Lookup(must) == nil {
				return nil, fmt.Errorf("%s: no {{define %q}}", file, must)
			}
		}
		ts.sets["common."+string(l)] = t
	}
	for _, k := range Kinds {
		for _, l := range langs {
			file := fmt.Sprintf("%s.%s.md.tmpl", k, l)
			if _, err := fs.Stat(fsys, file); err != nil {
				continue
			}
			t, err := template.New(file).Funcs(funcs).ParseFS(fsys, fmt.Sprintf("common.%s.md.tmpl", l), file)
			if err != nil {
				return nil, err
			}
			if t.Lookup("doc") == nil {
				return nil, fmt.Errorf("%s: no {{define \"doc\"}} – the document itself", file)
			}
			ts.sets[string(k)+"."+string(l)] = t
			var defined []string
			for _, x := range t.Templates() {
				if !strings.HasSuffix(x.Name(), ".tmpl") {
					defined = append(defined, x.Name())
				}
			}
			slices.Sort(defined)
			names[string(k)] = append(names[string(k)], strings.Join(defined, "\n"))
		}
	}
	for k, sets := range names {
		if len(sets) != len(langs) {
			return nil, fmt.Errorf("%s: a template in every language (%s.de.md.tmpl and %s.en.md.tmpl), or none", k, k, k)
		}
		if sets[0] != sets[1] {
			de, en := strings.Split(sets[0], "\n"), strings.Split(sets[1], "\n")
			for _, n := range de {
				if !slices.Contains(en, n) {
					return nil, fmt.Errorf("%s.en.md.tmpl (or common.en.md.tmpl): no phrase %q, which the German file defines", k, n)
				}
			}
			for _, n := range en {
				if !slices.Contains(de, n) {
					return nil, fmt.Errorf("%s.de.md.tmpl (or common.de.md.tmpl): no phrase %q, which the English file defines", k, n)
				}
			}
		}
	}
	return ts, nil
}

// DefaultTemplates are the templates konform ships (questions/drafts).
var DefaultTemplates = sync.OnceValues(func() (*Templates, error) {
	sub, err := fs.Sub(questions.Drafts, "drafts")
	if err != nil {
		return nil, err
	}
	return ParseTemplates(sub)
})

// TemplatesFor are the templates a catalogue asks for: konform's, with the
// files of its own wording folder (catalog.Catalog.Drafts) in place of
// konform's of the same name, read afresh each time (a consultant may be
// editing them). An error names the file and line.
func TemplatesFor(c *catalog.Catalog) (*Templates, error) {
	if c == nil || c.Drafts == "" {
		return DefaultTemplates()
	}
	shipped, err := fs.Sub(questions.Drafts, "drafts")
	if err != nil {
		return nil, err
	}
	ts, err := ParseTemplates(layers{os.DirFS(c.Drafts), shipped})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", c.Drafts, err)
	}
	return ts, nil
}

// layers is a file system whose top files stand in for the base's.
type layers struct{ top, base fs.FS }

func (l layers) Open(name string) (fs.File, error) {
	if f, err := l.top.Open(name); err == nil {
		return f, nil
	}
	return l.base.Open(name)
}

// set is the template set of kind k in language l, nil where the kind has
// none.
func (ts *Templates) set(k Kind, l catalog.Lang) *template.Template {
	if ts == nil {
		return nil
	}
	return ts.sets[string(k)+"."+string(l)]
}

// bind gives the writer its kind's templates, with gap and say bound to it.
func (w *writer) bind(t *template.Template) {
	if t == nil {
		return
	}
	t, err := t.Clone()
	if err != nil {
		panic(err) // Clone fails only after execution, and this one is fresh
	}
	w.tpl = t.Funcs(template.FuncMap{
		"gap": w.gapText,
		"say": func(name string, data ...any) string { return w.say(name, data...) },
		// word is how the sector names someone: {{word "org"}} is "die
		// Praxis" for a practice, "der Betrieb" for a business.
		"word": func(key string) string { return report.Escape(w.p.Words()[key].In(w.l)) },
	})
}

// optional are the prefixes of phrases a template may leave out: the Go
// code then says the catalogue's label.
var optional = []string{"purpose.", "where.", "fc."}

// say is the phrase name, executed with data (its first value, or nil),
// trimmed; "" for an optional phrase the templates do not define. Any
// other missing phrase is an error of the templates.
func (w *writer) say(name string, data ...any) string {
	if w.tpl == nil || w.tpl.Lookup(name) == nil {
		if !slices.ContainsFunc(optional, func(p string) bool { return strings.HasPrefix(name, p) }) && w.err == nil {
			w.err = fmt.Errorf("%s: no phrase {{define %q}}", w.tpl.Name(), name)
		}
		return ""
	}
	var d any
	if len(data) > 0 {
		d = data[0]
	}
	var b bytes.Buffer
	if err := w.tpl.ExecuteTemplate(&b, name, d); err != nil {
		w.err = err
		return ""
	}
	return strings.TrimSpace(b.String())
}

// exec writes the phrase name with data to the draft's body.
func (w *writer) exec(name string, data any) {
	if err := w.tpl.ExecuteTemplate(&w.b, name, data); err != nil {
		w.err = err
	}
}
