//go:build !konform_noyaml

package answers

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"

	"github.com/konform/konform/internal/catalogtest"
)

// viaYAML reads data with the YAML library, as konform does where
// decodeLite gives up; ok is false where the library refuses it.
func viaYAML(data []byte) (*node, bool) {
	n, err := decodeYAML(data, &Errors{})
	return n, err == nil
}

// diff describes the first difference between two trees, or "".
func diff(path string, a, b *node) string {
	switch {
	case a.kind != b.kind || a.value != b.value || a.null != b.null:
		return fmt.Sprintf("%s: %+v, the YAML library: %+v", path, *a, *b)
	case a.line != b.line || a.column != b.column:
		return fmt.Sprintf("%s (%q): at %d:%d, the YAML library: %d:%d", path, a.value, a.line, a.column, b.line, b.column)
	case len(a.content) != len(b.content):
		return fmt.Sprintf("%s: %d children, the YAML library: %d", path, len(a.content), len(b.content))
	}
	for i := range a.content {
		if d := diff(fmt.Sprintf("%s/%d", path, i), a.content[i], b.content[i]); d != "" {
			return d
		}
	}
	return ""
}

// agree fails if decodeLite reads data and the YAML library reads it
// differently or not at all. It reports whether decodeLite read it.
func agree(t *testing.T, name string, data []byte) bool {
	t.Helper()
	lite, ok := decodeLite(data)
	if !ok {
		return false
	}
	full, fok := viaYAML(data)
	if !fok {
		t.Fatalf("%s: decodeLite reads what the YAML library refuses:\n%s", name, data)
	}
	if d := diff("", lite, full); d != "" {
		t.Fatalf("%s: decodeLite reads it differently – %s\n%s", name, d, data)
	}
	return true
}

// Everything konform ships and writes is read without the YAML library:
// the examples, and answers files as konform writes them.
func TestLiteReadsExamplesAndWhatKonformWrites(t *testing.T) {
	cat := catalogtest.Load(t)
	paths, _ := filepath.Glob("../../examples/*.yaml")
	if len(paths) < 4 {
		t.Fatalf("only %d examples", len(paths))
	}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !agree(t, path, data) {
			t.Errorf("%s: decodeLite gives up on an example", path)
		}
		f, err := Parse(path, data, cat)
		if err != nil {
			t.Fatal(err)
		}
		written, err := Marshal(f, cat)
		if err != nil {
			t.Fatal(err)
		}
		if !agree(t, path+" as written", written) {
			t.Errorf("%s: decodeLite gives up on the answers file konform writes:\n%s", path, written)
		}
	}
}

func TestLiteAgreesWithTheYAMLLibrary(t *testing.T) {
	reads := map[string]string{
		"flat":             "format: konform/answers/v1\nlang: de\n",
		"comments":         "# head\nformat: x # tail\n\n  # indented comment\nlang: de\n",
		"crlf":             "format: x\r\nctx:\r\n  a: b\r\n",
		"no final newline": "a: b\nc: d",
		"nested":           "a:\n  b: c\n  d:\n    e: f\ng: h\n",
		"sequence deeper":  "tools:\n  - tool: x\n    answers:\n      q: \"no\"\n  - tool: y\n",
		"sequence level":   "tools:\n- tool: x\n  answers:\n    used: [a, b]\n- tool: y\nnext: 1\n",
		"items":            "a:\n  - one\n  - 'two'\n  - \"three\"\n",
		"compact in item":  "t:\n  - tool: x\n    list:\n    - a\n    - b\n  - tool: y\n",
		"flow":             "p: [Tobias Sommer (Inhaber), Petra Lang (Büro), \"x, y\", 'it''s']\n",
		"flow empty":       "p: []\nq: [ a ,b ]\n",
		"umlauts":          "organisation: Bäckerei Müller & Söhne\nnote: Größe 10:30, C#, 50 % – „so“ # Kommentar\n",
		"quotes":           "a: \"yes\"\nb: 'no'\nc: ''\nd: \"\"\ne: 'a ''quoted'' word'\nf: \"  spaced  \"\n",
		"null":             "a: ~\nb: null\nc: NULL\nnull: x\n",
		"values":           "date: 2027-05-20\nn: 12\nt: true\nurl: https://example.org/a?b=c\nx: a-b\n",
		"deep":             "a:\n    b:\n        - c: d\n          e: [f]\n",
		"trailing spaces":  "a: b   \nc: 'd'   # e\n",
		"key chars":        "secrecy_203: x\na-b.c: y\nstop-use/whatsapp: z\n",
	}
	declines := map[string]string{
		"anchor":            "a: &x b\nc: *x\n",
		"tag":               "a: !!str b\n",
		"block scalar":      "a: |\n  text\n",
		"folded":            "a: >\n  text\n",
		"multi-line plain":  "a: one\n  two\n",
		"multi-line quoted": "a: \"one\n  two\"\n",
		"escape":            "a: \"x\\ny\"\n",
		"implicit null":     "a:\nb: c\n",
		"empty at end":      "a: b\nc:\n",
		"flow mapping":      "a: {b: c}\n",
		"multi-line flow":   "a: [b,\n  c]\n",
		"nested flow":       "a: [[b]]\n",
		"trailing comma":    "a: [b, ]\n",
		"tab":               "a:\tb\n",
		"document marker":   "---\na: b\n",
		"two documents":     "a: b\n---\nc: d\n",
		"directive":         "%YAML 1.2\n---\na: b\n",
		"json":              "{\"a\": \"b\"}\n",
		"root sequence":     "- a\n- b\n",
		"quoted key":        "\"a\": b\n",
		"complex key":       "? a\n: b\n",
		"colon in value":    "a: b: c\n",
		"bad indent":        "a:\n    b: c\n  d: e\n",
		"item without text": "a:\n  -\n    b: c\n",
		"nested items":      "a:\n  - - b\n",
		"unclosed quote":    "a: 'b\n",
		"text after quote":  "a: 'b' c\n",
		"lone CR":           "a: b\rc: d\n",
		"colon in flow":     "a: [b:c]\n",
		"comment in flow":   "a: [b #c]\n",
	}
	for name, src := range reads {
		if !agree(t, name, []byte(src)) {
			t.Errorf("%s: decodeLite gives up on\n%s", name, src)
		}
	}
	for name, src := range declines {
		if agree(t, name, []byte(src)) {
			t.Errorf("%s: decodeLite reads what it should leave to the YAML library:\n%s", name, src)
		}
	}
}

// The malformed answers files of the parser's tests: decodeLite reads
// them as the YAML library does or leaves them to it.
func TestLiteOnMalformedFiles(t *testing.T) {
	paths, _ := filepath.Glob("testdata/bad/*.yaml")
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		agree(t, path, data)
	}
}

// Whatever decodeLite reads, the YAML library reads the same way.
func FuzzLite(f *testing.F) {
	paths, _ := filepath.Glob("../../examples/*.yaml")
	bad, _ := filepath.Glob("testdata/bad/*.yaml")
	for _, path := range append(paths, bad...) {
		data, _ := os.ReadFile(path)
		f.Add(data)
	}
	for _, s := range []string{"a: b\n", "t:\n- x: [a, 'b']\n  y: \"c\"\n", "a:\n  - b # c\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if strings.Count(string(data), "\n") > 2000 {
			return
		}
		var doc yaml.Node
		if yaml.Load(data, &doc) != nil {
			if _, ok := decodeLite(data); ok {
				t.Fatalf("decodeLite reads what the YAML library refuses:\n%q", data)
			}
			return
		}
		agree(t, "fuzz", data)
	})
}
