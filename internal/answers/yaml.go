package answers

import (
	"errors"
	"strings"

	"go.yaml.in/yaml/v4"
)

// decodeYAML reads an answers file's YAML (or JSON) into its node tree.
// On a problem it adds it to errs and returns nil.
func decodeYAML(data []byte, errs *Errors) *yaml.Node {
	var doc yaml.Node
	if err := yaml.Load(data, &doc); err != nil {
		errs.add(syntaxError(err))
		return nil
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		errs.add(Pos{1, 1}, "the file is empty; it needs at least format, assessment and tools")
		return nil
	}
	root := doc.Content[0]
	if bad := findAlias(root); bad != nil {
		errs.add(Pos{bad.Line, bad.Column}, "anchors and aliases (& and *) are not allowed in answers files; write each value out")
		return nil
	}
	return root
}

func syntaxError(err error) (Pos, string, any) {
	var le *yaml.LoadError
	if errors.As(err, &le) {
		p := Pos{le.Mark.Line, le.Mark.Column}
		if p.Line == 0 {
			p = Pos{1, 1}
		}
		msg := le.Message
		if strings.Contains(msg, "single document") {
			return p, "%s", "the file holds several YAML documents (---); an answers file is one document"
		}
		if le.ContextMsg != "" {
			msg += " (" + le.ContextMsg + ")"
		}
		return p, "not valid YAML or JSON: %s", msg
	}
	var les *yaml.LoadErrors
	if errors.As(err, &les) && len(les.Errors) > 0 {
		return syntaxError(les.Errors[0])
	}
	return Pos{1, 1}, "not valid YAML or JSON: %s", err.Error()
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
