package msg

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// formats finds the message formats konform's code uses: msg.Errorf,
// the CLI's inputErr and the answers file's errs.add.
func formats(t *testing.T) map[string]string {
	t.Helper()
	found := map[string]string{}
	err := filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			c, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			idx := -1
			switch fn := c.Fun.(type) {
			case *ast.SelectorExpr:
				if x, ok := fn.X.(*ast.Ident); ok && x.Name == "msg" && fn.Sel.Name == "Errorf" {
					idx = 0
				}
				if fn.Sel.Name == "add" && strings.Contains(p, "answers") {
					idx = 1
				}
				if (fn.Sel.Name == "say" || fn.Sel.Name == "warn") && strings.Contains(p, "cli") {
					idx = 0
				}
				if fn.Sel.Name == "errf" {
					idx = firstString(c.Args)
				}
			case *ast.Ident:
				if fn.Name == "inputErr" || fn.Name == "Errorf" && strings.HasSuffix(filepath.Dir(p), "msg") {
					idx = 0
				}
				if fn.Name == "docErr" {
					idx = 2
				}
				if fn.Name == "fail" && strings.Contains(p, "catalog") {
					idx = 1
				}
			}
			if idx < 0 || len(c.Args) <= idx {
				return true
			}
			if lit, ok := c.Args[idx].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				s, _ := strconv.Unquote(lit.Value)
				found[s] = fset.Position(lit.Pos()).String()
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// firstString is the index of the first string literal among the first
// two arguments, or -1.
func firstString(args []ast.Expr) int {
	for i := 0; i < len(args) && i < 2; i++ {
		if lit, ok := args[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
			return i
		}
	}
	return -1
}

func verbs(s string) []string {
	var out []string
	for i := 0; i < len(s)-1; i++ {
		if s[i] == '%' {
			j := i + 1
			for j < len(s) && strings.IndexByte("0123456789.+-# ", s[j]) >= 0 {
				j++
			}
			if j < len(s) {
				out = append(out, s[i:j+1])
			}
			i = j
		}
	}
	return out
}

// Every message konform can say has its German, with the same verbs in the
// same order.
func TestEveryMessageHasItsGerman(t *testing.T) {
	found := formats(t)
	if len(found) < 50 {
		t.Fatalf("found only %d formats; is the scan broken?", len(found))
	}
	for f, where := range found {
		de, ok := messagesDE[f]
		if !ok {
			t.Errorf("%s: no German for %q", where, f)
			continue
		}
		if a, b := strings.Join(verbs(f), " "), strings.Join(verbs(de), " "); a != b {
			t.Errorf("%q: verbs %q in English, %q in German", f, a, b)
		}
	}
}

func TestLocalize(t *testing.T) {
	inner := Errorf("folder %s does not exist", "/tmp/x")
	err := Errorf("cannot write %s: %v", "plan.md", inner)
	if got := Localize(err, "de"); got != "plan.md kann nicht geschrieben werden: den Ordner /tmp/x gibt es nicht" {
		t.Errorf("German: %q", got)
	}
	if got := err.Error(); got != "cannot write plan.md: folder /tmp/x does not exist" {
		t.Errorf("English: %q", got)
	}
	if !errors.Is(err, inner) {
		t.Error("the inner error is not wrapped")
	}
	if got := Localize(errors.New("permission denied"), "de"); got != "keine Berechtigung" {
		t.Errorf("system error: %q", got)
	}
	if got := Localize(errors.New("something else"), "de"); got != "something else" {
		t.Errorf("unknown text: %q", got)
	}
	// A file error: the path and the reason, without the system call.
	pe := &fs.PathError{Op: "mkdir", Path: "/home/anna/.local/state", Err: syscall.ENOTDIR}
	if got := Localize(pe, "de"); got != "/home/anna/.local/state: ist kein Ordner" {
		t.Errorf("German file error: %q", got)
	}
	if got := Localize(pe, "en"); got != pe.Error() {
		t.Errorf("English file error: %q", got)
	}
}
